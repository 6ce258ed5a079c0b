"""The register, kept by the secretariat: one list/create/edit pattern for each kind of record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from concord.governance.access import viewer_for
from concord.governance.forms import (
    BodyForm,
    MembershipForm,
    OrganisationForm,
    PersonForm,
    TermsOfReferenceForm,
)
from concord.governance.models import Body, Membership, TermsOfReference
from concord.lib.access import require_secretariat
from concord.lib.history import history_of
from concord.lib.locking import save_form_or_refuse
from concord.people.models import Organisation, Person


@dataclass(frozen=True)
class Register:
    title: str
    model: type[models.Model]
    form: type[forms.ModelForm[Any]]
    columns: tuple[str, ...]
    related: tuple[str, ...] = ()


REGISTERS = {
    "organisations": Register(
        "Organisations", Organisation, OrganisationForm, ("name", "sector", "parent"), ("parent",)
    ),
    "people": Register(
        "People", Person, PersonForm, ("honorific", "name", "organisation"), ("organisation",)
    ),
    "bodies": Register(
        "Bodies", Body, BodyForm, ("name", "kind", "reports_to", "visibility"), ("reports_to",)
    ),
    "memberships": Register(
        "Memberships",
        Membership,
        MembershipForm,
        ("person", "body", "organisation", "role", "start", "end"),
        ("person", "body", "organisation"),
    ),
    "terms": Register(
        "Terms of reference",
        TermsOfReference,
        TermsOfReferenceForm,
        ("body", "version", "adopted_on", "quorum", "review_date"),
        ("body",),
    ),
}


def _register(request: HttpRequest, kind: str) -> Register:
    require_secretariat(viewer_for(request))
    try:
        return REGISTERS[kind]
    except KeyError:
        raise Http404("No such register.")


def _cell(record: models.Model, column: str) -> str:
    display = getattr(record, f"get_{column}_display", None)
    value = display() if display else getattr(record, column)
    return "" if value is None else str(value)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    require_secretariat(viewer_for(request))
    return render(request, "register/index.html", {"registers": REGISTERS})


@login_required
def listing(request: HttpRequest, kind: str) -> HttpResponse:
    register = _register(request, kind)
    qs = register.model._default_manager.select_related(*register.related)
    term = request.GET.get("q", "").strip()[:200]  # SQLite refuses longer LIKE patterns
    if term and kind == "people":
        qs = qs.search(term)  # type: ignore[attr-defined]
    elif term and kind in {"organisations", "bodies"}:
        qs = qs.filter(name__icontains=term)
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    headers = [
        getattr(register.model._meta.get_field(c), "verbose_name", c) for c in register.columns
    ]
    rows = [(r.pk, [_cell(r, c) for c in register.columns]) for r in page]
    return render(
        request,
        "register/list.html",
        {
            "register": register,
            "kind": kind,
            "page": page,
            "headers": headers,
            "rows": rows,
            "q": term,
        },
    )


@login_required
def create(request: HttpRequest, kind: str) -> HttpResponse:
    register = _register(request, kind)
    form = register.form(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid() and (record := save_form_or_refuse(form)):
        messages.success(request, f"{record} added.")
        return redirect("register:list", kind)
    return render(
        request,
        "register/form.html",
        {"form": form, "title": f"Add to {register.title.lower()}", "kind": kind},
    )


@login_required
def edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    register = _register(request, kind)
    record = get_object_or_404(register.model, pk=pk)
    form = register.form(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, f"{record} saved.")
        return redirect("register:list", kind)
    return render(
        request,
        "register/form.html",
        {
            "form": form,
            "title": f"Edit {record}",
            "kind": kind,
            "entries": history_of(record),
        },
    )
