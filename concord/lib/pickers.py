"""Pickers: choose people or bodies without listing the whole register.

A picker field offers a *bounded* select (a shortlist: the meeting's
attendees, the body's members…) beside a search box. It accepts only records
of its ``queryset`` — the ``visible_to(viewer)`` set — whatever is posted, so
a hidden id is refused with a field error, exactly as a missing one.

With JavaScript, the search box asks ``search_url`` (htmx) for matching
options and swaps them into the select, keeping what is already chosen.
Without it, the typed name is sent with the form: one match is taken; several
re-render the form with the matches added to the select for the user to
confirm one; none is a field error. Nothing outside ``queryset`` is ever
offered, in the select or by the search.

Generic on purpose (no model imports): ``concord.governance.pickers`` builds
the person, body and organisation pickers that forms use.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Model, Q, QuerySet, Value, When
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from concord.lib.fields import ID_MAX, AnyModelChoiceField, AnyModelMultipleChoiceField

# At most this many options before a search: the select stays short on a phone.
SHORTLIST_LIMIT = 60
# At most this many matches for one search.
SEARCH_LIMIT = 20
SEARCH_PREFIX = "?"


def as_id(value: Any) -> int | None:
    """A posted id as an int, or None when it cannot be one.

    >>> as_id("12"), as_id(" 7 "), as_id("x"), as_id("9" * 40), as_id("-1")
    (12, 7, None, None, None)
    """
    text = str(value).strip()
    if not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= ID_MAX else None


def by_name(queryset: QuerySet[Any], term: str) -> QuerySet[Any]:
    """The default search: records whose ``name`` contains ``term``."""
    return queryset.filter(name__icontains=term)


class OfferedChoices(ModelChoiceIterator):
    """The options a picker shows: its shortlist, plus what is chosen or was matched."""

    values: tuple[Any, ...] = ()

    def with_values(self, values: Iterable[Any]) -> OfferedChoices:
        offered = copy.copy(self)
        offered.values = tuple(values)
        return offered

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.offered(self.values):  # type: ignore[attr-defined]
            yield self.choice(obj)

    def __len__(self) -> int:
        return len(list(iter(self)))

    def __bool__(self) -> bool:
        return True


class PickerWidgetMixin:
    """A select of the offered records, followed by a search box (htmx-enhanced)."""

    search_url = ""
    choices: Any

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)  # type: ignore[misc]
        term = " ".join(str(data.get(f"{name}_search", "")).split())[:100]
        if not term:
            return value
        if isinstance(value, list):
            return [*value, SEARCH_PREFIX + term]
        return SEARCH_PREFIX + term

    def format_value(self, value: Any) -> Any:
        return [
            v
            for v in super().format_value(value)  # type: ignore[misc]
            if not v.startswith(SEARCH_PREFIX)
        ]

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        values = value if isinstance(value, list | tuple) else [value]
        if isinstance(self.choices, OfferedChoices):
            self.choices = self.choices.with_values(v for v in values if v not in (None, ""))
        context: dict[str, Any] = super().get_context(name, value, attrs)  # type: ignore[misc]
        return context

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        select = super().render(name, value, attrs, renderer)  # type: ignore[misc]
        select_id = (attrs or {}).get("id") or f"id_{name}"
        values = value if isinstance(value, list | tuple) else [value]
        term = next((str(v)[1:] for v in values if str(v).startswith(SEARCH_PREFIX)), "")
        search = format_html(
            '<span class="picker-search"><label for="{0}_search">Find by name</label> '
            '<input type="search" id="{0}_search" name="{1}_search" value="{2}" '
            'autocomplete="off" aria-describedby="{0}_search_help" '
            'hx-get="{3}" hx-trigger="input changed delay:300ms, search" '
            'hx-target="#{0}" hx-swap="innerHTML" hx-include="#{0}" '
            'hx-vals=\'{{"field": "{1}"}}\'>'
            '<span class="helptext" id="{0}_search_help">Type part of a name; '
            "without JavaScript, save and choose among the matches.</span></span>",
            select_id,
            name,
            term,
            self.search_url,
        )
        return format_html("{}{}", select, search)


class PickerSelect(PickerWidgetMixin, forms.Select):
    pass


class PickerSelectMultiple(PickerWidgetMixin, forms.SelectMultiple):
    pass


class SharedOptionsSelect(forms.Select):
    """A select showing no choice, whose options were rendered once for several fields."""

    options_html = SafeString()

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        final = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final["multiple"] = True
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(final), self.options_html
        )


class SharedOptionsSelectMultiple(SharedOptionsSelect, forms.SelectMultiple):
    pass


class SharedPickerSelect(PickerWidgetMixin, SharedOptionsSelect):
    pass


class SharedPickerSelectMultiple(PickerWidgetMixin, SharedOptionsSelectMultiple):
    pass


def share_options(fields: Sequence[forms.Field]) -> None:
    """Give several select fields that show no choice the same options, listed and rendered once.

    A form with several blank rows (the attendance form's "other attendee"
    rows) would otherwise ask the database for each row's options and render
    each option once per row. The fields must offer the same records and be
    unbound with no initial value: the first field's options are looked up
    once, rendered once (the empty choice selected on a single select, nothing
    on a multiple one) and handed to every field. Pickers keep their search box.
    """
    if not fields:
        return
    first = fields[0].widget
    multiple = first.allow_multiple_selected
    html = mark_safe(  # every value and label is escaped by format_html
        "".join(
            format_html(
                '<option value="{}"{}>{}</option>',
                value,
                " selected" if value == "" and not multiple else "",
                label,
            )
            for value, label in first.choices
        )
    )
    for field in fields:
        old = field.widget
        is_picker = isinstance(old, PickerWidgetMixin)
        if multiple:
            cls: type[SharedOptionsSelect] = (
                SharedPickerSelectMultiple if is_picker else SharedOptionsSelectMultiple
            )
        else:
            cls = SharedPickerSelect if is_picker else SharedOptionsSelect
        shared = cls(attrs=old.attrs)
        if isinstance(shared, PickerWidgetMixin) and isinstance(old, PickerWidgetMixin):
            shared.search_url = old.search_url
        shared.options_html = html
        shared.is_required = old.is_required
        field.widget = shared


class PickerMixin:
    """What single and multiple pickers share: the shortlist, the search, safe ids."""

    queryset: Any
    error_messages: Any
    widget: Any

    def __init__(
        self,
        queryset: QuerySet[Any],
        *,
        shortlist: QuerySet[Any] | None = None,
        search: Callable[[QuerySet[Any], str], QuerySet[Any]] = by_name,
        search_url: str = "",
        noun: str = "record",
        first: QuerySet[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(queryset, **kwargs)  # type: ignore[call-arg]  # the Django field after this mixin
        self.shortlist = shortlist
        self.first = first
        self.search = search
        self.noun = noun
        self.matched: list[int] = []
        self.widget.search_url = search_url

    def offered(self, values: Iterable[Any]) -> QuerySet[Any]:
        """Records to offer: the shortlist, the chosen and the matched, all within ``queryset``."""
        ids = [i for i in (as_id(v) for v in values) if i is not None] + self.matched
        rule = Q(pk__in=ids)
        if self.shortlist is not None:
            shortlist = self.shortlist.order_by().values_list("pk", flat=True)[:SHORTLIST_LIMIT]
            rule |= Q(pk__in=list(shortlist))
        offered: QuerySet[Any] = self.queryset.filter(rule)
        if self.first is not None:
            # e.g. the meeting's attendees before the rest of the body's members.
            first = Case(
                When(pk__in=self.first.order_by().values("pk"), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
            offered = offered.order_by(first, *self.queryset.query.order_by)
        return offered

    def resolve(self, term: str) -> Model:
        """The one record of ``queryset`` matching ``term``; a field error otherwise."""
        if "\x00" in term:  # PostgreSQL refuses NUL in text: say so, never a 500
            raise ValidationError("A name cannot contain a NUL character.", code="null")
        matches = list(self.search(self.queryset, term)[: SEARCH_LIMIT + 1])
        if len(matches) == 1:
            match: Model = matches[0]
            return match
        if not matches:
            raise ValidationError(
                f"No {self.noun} you may choose matches “{term}”.", code="no_match"
            )
        self.matched = [m.pk for m in matches[:SEARCH_LIMIT]]
        raise ValidationError(
            f"More than one {self.noun} matches “{term}”: choose in the list, then save again.",
            code="several",
        )

    def checked_id(self, value: Any) -> int:
        """``value`` as an id, or the field's "not one of the choices" error (never a 500)."""
        number = as_id(value)
        if number is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": str(value)[:40]},
            )
        return number


class PickerField(PickerMixin, AnyModelChoiceField):
    """Pick one record of ``queryset`` (a shortlist and a search, never the whole list)."""

    widget = PickerSelect
    iterator = OfferedChoices

    def clean(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(SEARCH_PREFIX):
            return self.resolve(value[len(SEARCH_PREFIX) :])
        if value not in self.empty_values:
            self.checked_id(value)
        return super().clean(value)


class MultiplePickerField(PickerMixin, AnyModelMultipleChoiceField):
    """Pick any number of records of ``queryset``; a typed name adds one more."""

    widget = PickerSelectMultiple
    iterator = OfferedChoices

    def clean(self, value: Any) -> Any:
        values = list(value) if isinstance(value, list | tuple) else []
        terms = [v[1:] for v in values if isinstance(v, str) and v.startswith(SEARCH_PREFIX)]
        ids = [v for v in values if not (isinstance(v, str) and v.startswith(SEARCH_PREFIX))]
        for v in ids:
            self.checked_id(v)
        found = [self.resolve(term).pk for term in terms]
        return super().clean([*ids, *(str(pk) for pk in found)] if (ids or found) else value)
