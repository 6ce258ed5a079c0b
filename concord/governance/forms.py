"""Forms for the register: organisations, people, bodies, memberships, terms of reference."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction

from concord.governance.identity import clean_colour, clean_logo
from concord.governance.models import Body, Membership, Partnership, TermsOfReference
from concord.lib.fields import DATE, IdsField
from concord.lib.locking import VersionedForm
from concord.people.models import Organisation, Person, PersonAlias


class OrganisationForm(VersionedForm):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "sector", "parent", "website"]


class PersonForm(VersionedForm):
    aliases = forms.CharField(
        required=False,
        help_text="Other spellings seen in papers, separated by commas.",
    )

    class Meta:
        model = Person
        fields = ["honorific", "name", "organisation", "email", "phone"]
        help_texts = {"honorific": "Cllr, Dr, Chief Supt… kept apart from the name."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["aliases"].initial = ", ".join(
                self.instance.aliases.values_list("name", flat=True)
            )

    def clean_aliases(self) -> list[str]:
        names = [" ".join(n.split()) for n in self.cleaned_data["aliases"].split(",")]
        return list(dict.fromkeys(n for n in names if n))

    @transaction.atomic
    def save(self, commit: bool = True) -> Person:
        person: Person = super().save(commit=True)
        wanted = set(self.cleaned_data["aliases"])
        for alias in person.aliases.all():
            if alias.name not in wanted:
                alias.delete()
        have = set(person.aliases.values_list("name", flat=True))
        for name in wanted - have:
            PersonAlias.objects.create(person=person, name=name)
        return person


class BodyForm(VersionedForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "reports_to", "visibility", "description", "editors"]
        field_classes = {"editors": IdsField}

    def clean_reports_to(self) -> Body | None:
        parent: Body | None = self.cleaned_data["reports_to"]
        node = parent
        while node is not None and self.instance.pk:
            if node.pk == self.instance.pk:
                raise forms.ValidationError(
                    "A body cannot report to itself or to a group below it."
                )
            node = node.reports_to
        return parent


class MembershipForm(VersionedForm):
    class Meta:
        model = Membership
        fields = ["person", "body", "organisation", "role", "start", "end", "brings"]
        widgets = {"start": DATE, "end": DATE}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "A membership cannot end before it starts.")
        return data


class TermsOfReferenceForm(VersionedForm):
    class Meta:
        model = TermsOfReference
        fields = [
            "body",
            "version",
            "adopted_on",
            "purpose",
            "remit",
            "membership_rules",
            "quorum",
            "review_date",
        ]
        widgets = {"adopted_on": DATE, "review_date": DATE}
        help_texts = {"version": "A new version keeps the earlier ones on record."}


class PartnershipForm(VersionedForm):
    """The partnership's identity; the logo is checked and re-encoded (``identity.clean_logo``)."""

    logo_file = forms.FileField(
        label="Logo",
        required=False,
        help_text="A PNG or JPEG image, at most 2 MB; it is stored re-encoded as PNG.",
    )
    remove_logo = forms.BooleanField(label="Remove the logo", required=False)

    class Meta:
        model = Partnership
        fields = ["name", "place", "introduction", "header_colour", "accent_colour"]
        help_texts = {"name": "Empty: the name in the settings (CONCORD_PARTNERSHIP_NAME)."}

    def clean_header_colour(self) -> str:
        return clean_colour(self.cleaned_data["header_colour"], "Header colour")

    def clean_accent_colour(self) -> str:
        return clean_colour(self.cleaned_data["accent_colour"], "Accent colour")

    def clean_logo_file(self) -> Any:
        upload = self.cleaned_data.get("logo_file")
        return clean_logo(upload) if upload else None

    def save(self, commit: bool = True) -> Partnership:
        partnership: Partnership = self.instance
        new_logo = self.cleaned_data.get("logo_file")
        if new_logo is not None:
            partnership.logo.save(new_logo.name, new_logo, save=False)
        elif self.cleaned_data.get("remove_logo"):
            partnership.logo = None
        saved: Partnership = super().save(commit)
        return saved
