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
    PartnershipForm,
    PersonForm,
    TermsOfReferenceForm,
)
from concord.governance.identity import current_identity, logo_png
from concord.governance.models import Body, Membership, Partnership, TermsOfReference
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


@login_required
def partnership(request: HttpRequest) -> HttpResponse:
    """The partnership's identity: name, place, logo, colours, introduction (secretariat)."""
    require_secretariat(viewer_for(request))
    record, _ = Partnership.objects.get_or_create(pk=1)
    form = PartnershipForm(request.POST or None, request.FILES or None, instance=record)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, "The partnership's identity is saved.")
        return redirect("register:partnership")
    return render(
        request,
        "register/partnership.html",
        {"form": form, "identity": current_identity(), "entries": history_of(record)},
        status=400 if form.is_bound and form.errors else 200,
    )


def partnership_logo(request: HttpRequest) -> HttpResponse:
    """The logo (a PNG re-encoded on upload), for every page's header."""
    data = logo_png()
    if data is None:
        raise Http404("No logo has been set.")
    response = HttpResponse(data, content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"  # the URL carries the version
    response["X-Content-Type-Options"] = "nosniff"
    return response


def partnership_theme(request: HttpRequest) -> HttpResponse:
    """The partnership's colours as CSS custom properties (no inline style: CSP)."""
    identity = current_identity()
    rules = []
    if identity.header_colour:
        rules.append(f"--accent: {identity.header_colour};")
    if identity.accent_colour:
        rules.append(f"--brand-accent: {identity.accent_colour};")
    response = HttpResponse(":root { " + " ".join(rules) + " }\n", content_type="text/css")
    response["Cache-Control"] = "public, max-age=86400"
    return response
