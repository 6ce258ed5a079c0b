"""The registers' forms: each validates with a message on the field, and saves only if
nobody saved the entry since it was opened (``VersionedForm``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError

from concord.governance.models import Body
from concord.governance.pickers import people_of, picker
from concord.lib.access import Viewer
from concord.lib.fields import DATE
from concord.lib.locking import VersionedForm
from concord.registers.funding import next_steps
from concord.registers.models import (
    AddedValue,
    AgreementParty,
    BidStatus,
    FundingBid,
    Publicity,
    Risk,
    SharingAgreement,
)
from concord.registers.models.protocols import SECTIONS, ProtocolSignatory, SharingProtocol

MONEY_MAX = Decimal("9999999999.99")


class MoneyField(forms.DecimalField):
    """An amount of money in pounds: "£1,250.50", "1250.5" and "1250" are all accepted;
    anything else (three decimals, words, a negative) is refused on the field."""

    default_error_messages = {
        "invalid": "Enter an amount of money in pounds, such as 1250 or £1,250.50.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault("max_value", MONEY_MAX)
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            typed = value.strip()
            value = typed.replace(",", "").replace(" ", "").removeprefix("£")
            if typed and not value:  # "£" alone is not an amount
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return super().to_python(value)
        except (InvalidOperation, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid")


def editable_bodies(viewer: Viewer) -> Any:
    """The bodies whose entries the viewer may add: all for the secretariat, else theirs."""
    if viewer.is_secretariat:
        return Body.objects.order_by("name")
    return Body.objects.filter(pk__in=viewer.editor_body_ids).order_by("name")


class EntryForm(VersionedForm):
    """What every register's form shares: the body chosen among those the viewer edits."""

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.fields["body"] = forms.ModelChoiceField(
            editable_bodies(viewer),
            label="Body",
            help_text="Whose entry this is: its members may read it, its editors change it.",
        )
        if self.instance.pk:
            self.fields["body"].initial = self.instance.body_id
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField):
                field.widget = DATE
            if name in MONEY_FIELDS.get(type(self.instance), ()):
                self.fields[name] = MoneyField(
                    label=field.label, required=field.required, help_text=field.help_text
                )
        if "partners" in self.fields:
            self.fields["partners"] = picker(
                "organisations",
                viewer,
                multiple=True,
                required=False,
                label=self.fields["partners"].label,
                shortlist=self.instance.partners.all() if self.instance.pk else None,
            )


MONEY_FIELDS: dict[type, tuple[str, ...]] = {
    AddedValue: ("money_value",),
    FundingBid: ("amount_asked", "amount_awarded"),
    Publicity: ("advertising_value",),
}


class AddedValueForm(EntryForm):
    class Meta:
        model = AddedValue
        fields = [
            "category",
            "date",
            "title",
            "body",
            "partners",
            "description",
            "money_value",
            "evidence",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_evidence(self) -> str:
        """Each line a web address (http or https)."""
        text: str = self.cleaned_data.get("evidence", "")
        for line in (line.strip() for line in text.splitlines()):
            if not line:
                continue
            parts = urlsplit(line)
            if parts.scheme not in {"http", "https"} or not parts.netloc:
                raise ValidationError(
                    f"“{line[:80]}” is not a web address: write one link per line, "
                    "starting with https://"
                )
        return text


class FundingBidForm(EntryForm):
    class Meta:
        model = FundingBid
        fields = [
            "title",
            "funder",
            "scheme",
            "body",
            "partners",
            "amount_asked",
            "amount_awarded",
            "award_may_exceed",
            "idea_on",
            "notes",
            "is_public",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].label = "Lead body"
        if self.instance.status != BidStatus.AWARDED:
            # The award is recorded with the step that awards it (StepForm).
            del self.fields["amount_awarded"]


class StepForm(forms.Form):
    """Move a bid to its next status, dated."""

    status = forms.ChoiceField(label="New status")
    on = forms.DateField(label="Date of this step", widget=DATE)
    amount_awarded = MoneyField(label="Amount awarded (£)", required=False)
    opened_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2**31, required=False
    )

    def __init__(self, *args: Any, bid: FundingBid, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bid = bid
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = [(s, BidStatus(s).label) for s in next_steps(bid.status)]
        self.fields["on"].initial = dt.date.today()
        self.fields["opened_version"].initial = bid.version


class PublicityForm(EntryForm):
    link = forms.URLField(label="Link", max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Publicity
        fields = [
            "kind",
            "date",
            "outlet",
            "headline",
            "body",
            "reach",
            "advertising_value",
            "link",
            "is_public",
        ]


class RiskForm(EntryForm):
    class Meta:
        model = Risk
        fields = [
            "title",
            "description",
            "body",
            "owner",
            "likelihood",
            "impact",
            "target_score",
            "controls",
            "mitigation",
            "identified_on",
            "review_date",
            "status",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "controls": forms.Textarea(attrs={"rows": 3}),
            "mitigation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        body_id = self.instance.body_id if self.instance.pk else None
        self.fields["owner"] = picker(
            "people",
            self.viewer,
            required=False,
            label="Owner (person)",
            shortlist=people_of(body_id=body_id) if body_id else None,
        )


class SharingAgreementForm(EntryForm):
    class Meta:
        model = SharingAgreement
        fields = [
            "title",
            "body",
            "protocol",
            "purpose",
            "legal_basis",
            "data_categories",
            "drafted_on",
            "review_date",
            "status",
            "is_public",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 2}),
            "data_categories": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, **kwargs)
        # Only the protocol versions the viewer may read are offered, by name.
        protocol = self.fields["protocol"]
        assert isinstance(protocol, forms.ModelChoiceField)
        protocol.queryset = SharingProtocol.objects.visible_to(viewer).order_by(
            "title", "-drafted_on"
        )


class SharingProtocolForm(EntryForm):
    class Meta:
        model = SharingProtocol
        fields = [
            "title",
            "protocol_version",
            "body",
            "status",
            "drafted_on",
            "adopted_on",
            "review_date",
            *(name for name, _ in SECTIONS),
            "is_public",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name, _ in SECTIONS}


class SignatoryForm(VersionedForm):
    """An organisation signed up to a protocol: who signed for it and when."""

    class Meta:
        model = ProtocolSignatory
        fields = ["organisation", "signatory", "signed_on"]
        widgets = {"signed_on": DATE}

    def __init__(self, *args: Any, viewer: Viewer, protocol: SharingProtocol, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.instance.protocol = protocol
        self.fields["organisation"] = picker("organisations", viewer, label="Organisation")

    def clean_organisation(self) -> Any:
        organisation = self.cleaned_data["organisation"]
        others = ProtocolSignatory.objects.filter(
            protocol=self.instance.protocol, organisation=organisation
        ).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(f"{organisation} has already signed up to this protocol.")
        return organisation


class PartyForm(VersionedForm):
    """A party to an agreement: the organisation, who signed for it and when."""

    class Meta:
        model = AgreementParty
        fields = ["organisation", "signatory", "signed_on"]
        widgets = {"signed_on": DATE}

    def __init__(self, *args: Any, viewer: Viewer, agreement: SharingAgreement, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.instance.agreement = agreement
        self.fields["organisation"] = picker("organisations", viewer, label="Organisation")

    def clean_organisation(self) -> Any:
        organisation = self.cleaned_data["organisation"]
        others = AgreementParty.objects.filter(
            agreement=self.instance.agreement, organisation=organisation
        ).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(f"{organisation} is already a party to this agreement.")
        return organisation


class MitigationForm(forms.Form):
    """A mitigation recorded as a tracker action of the risk's body."""

    description = forms.CharField(
        label="Mitigation action", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    due_date = forms.DateField(label="Due by", widget=DATE, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV or Excel (.xlsx) file")
