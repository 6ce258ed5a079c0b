"""The registers' pages, written once for every register (``kinds.KINDS``): list, entry,
add, edit, export and import; then the funding steps, risk mitigations and the heat map."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from concord.actions.models import Action
from concord.actions.services import create_action
from concord.governance.access import viewer_for
from concord.governance.models import Body
from concord.lib.access import Viewer, get_visible_or_404, require_editor
from concord.lib.history import history_of
from concord.lib.locking import StaleEdit, save_form_or_refuse
from concord.meetings.models import Decision, Meeting
from concord.registers import details, details_reviews
from concord.registers import heat_map as heat
from concord.registers.added_value import totals
from concord.registers.consultations import open_now
from concord.registers.forms import (
    ImportForm,
    MitigationForm,
    PartyForm,
    SignatoryForm,
    StepForm,
)
from concord.registers.funding import next_steps, take_step
from concord.registers.kinds import KINDS, Kind, shown
from concord.registers.listing import ListQuery
from concord.registers.models import (
    AddedValue,
    AgreementParty,
    FundingBid,
    Risk,
    SharingAgreement,
    SharingProtocol,
)
from concord.registers.protocols import agreements_under, protocol_fact
from concord.registers.tabular import export as export_table
from concord.registers.tabular import import_file

PER_PAGE = 50
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _posted(request: HttpRequest) -> Any:
    """The posted data, even when empty (an empty post is a form with every field missing)."""
    return request.POST if request.method == "POST" else None


def _kind(slug: str) -> Kind:
    try:
        return KINDS[slug]
    except KeyError:
        raise Http404("No such register.")


def _entry(kind: Kind, viewer: Viewer, pk: int) -> Any:
    try:
        return kind.queryset(viewer).prefetch_related(*kind.exported_prefetch).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such entry.")


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "registers/index.html", {"kinds": KINDS.values()})


def consultations(request: HttpRequest) -> HttpResponse:
    """The consultations a viewer may see that are closing soon, open now and opening later."""
    viewer = viewer_for(request)
    return render(
        request,
        "registers/consultations.html",
        {"listing": open_now(viewer, dt.date.today()), "may_add": viewer.can_edit_any},
    )


def listing(request: HttpRequest, slug: str) -> HttpResponse:
    kind = _kind(slug)
    viewer = viewer_for(request)
    query = ListQuery.read(kind, request.GET)
    page = Paginator(query.apply(kind, viewer), PER_PAGE).get_page(request.GET.get("page"))
    rows = [(entry, [shown(c.value(entry)) for c in kind.columns if c.listed]) for entry in page]
    context = {
        "kind": kind,
        "listing": True,
        "query": query,
        "page": page,
        "rows": rows,
        "headers": [c.label for c in kind.columns if c.listed],
        "bodies": Body.objects.visible_to(viewer).only("pk", "name"),
        "sorts": [(key, label) for key, (label, _) in kind.sorts.items()],
        "problems": query.problems,
        "may_add": viewer.can_edit_any,
        "export_query": request.GET.urlencode(),
    }
    if kind.model is AddedValue:
        context["totals"] = totals(viewer, query.since, query.until)
    return render(request, "registers/list.html", context, status=400 if query.problems else 200)


def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    kind = _kind(slug)
    viewer = viewer_for(request)
    entry = _entry(kind, viewer, pk)
    may_edit = viewer.can_edit_body(entry.body_id)
    context: dict[str, Any] = {
        "kind": kind,
        "entry": entry,
        "facts": details.facts(kind, entry, viewer),
        "may_edit": may_edit,
        # Who changed what is for the people who keep the register.
        "entries": history_of(entry) if may_edit else None,
    }
    if isinstance(entry, FundingBid):
        context["steps"] = details.steps(entry)
        if may_edit and next_steps(entry.status):
            context["step_form"] = StepForm(bid=entry)
    if isinstance(entry, Risk):
        context["score_history"] = details.score_history(entry)
        context["mitigations"] = details.mitigation_actions(entry, viewer)
        if may_edit:
            context["mitigation_form"] = MitigationForm()
    if isinstance(entry, SharingAgreement):
        context["parties"] = entry.parties.all()  # prefetched with their organisations
        context["extra_facts"] = protocol_fact(entry, viewer)
        if may_edit:
            context["party_form"] = PartyForm(viewer=viewer, agreement=entry)
    if isinstance(entry, SharingProtocol):
        context["signatories"] = entry.signatories.all()  # prefetched with their organisations
        context["protocol_sections"] = entry.sections()
        context["agreements"] = agreements_under(entry, viewer)
        if may_edit:
            context["signatory_form"] = SignatoryForm(viewer=viewer, protocol=entry)
    context.update(details_reviews.context_for(entry, viewer, may_edit))
    return render(request, "registers/detail.html", context)


def _source(request: HttpRequest, viewer: Viewer) -> dict[str, Any]:
    """The meeting, decision or action a new added-value entry comes from (``?decision=…``)."""
    sources: tuple[tuple[str, Any], ...] = (
        ("decision", Decision.objects.select_related("item__meeting")),
        ("action", Action.objects.select_related("item__meeting")),
        ("meeting", Meeting.objects.all()),
    )
    for name, queryset in sources:
        value = request.GET.get(name, "")
        if value:
            if not (value.isdigit() and len(value) <= 15):
                raise Http404(f"No such {name}.")
            record: Any = get_visible_or_404(queryset, viewer, pk=int(value))
            if name == "decision":
                meeting = record.item.meeting
                return {"decision": record, "meeting": meeting, "body": meeting.body_id}
            if name == "action":
                meeting = record.item.meeting if record.item else None
                return {"action": record, "meeting": meeting, "body": record.body_id}
            return {"meeting": record, "body": record.body_id}
    return {}


@login_required
def create(request: HttpRequest, slug: str) -> HttpResponse:
    kind = _kind(slug)
    viewer = viewer_for(request)
    if not viewer.can_edit_any:
        raise PermissionDenied("Only the secretariat and bodies' editors add entries.")
    source = _source(request, viewer) if kind.model is AddedValue else {}
    if "body" in source:
        require_editor(viewer, source["body"])
    initial = {"body": source["body"]} if "body" in source else {}
    form = kind.form(_posted(request), initial=initial, viewer=viewer)  # type: ignore[call-arg]
    for name in ("meeting", "decision", "action"):
        if source.get(name) is not None:
            setattr(form.instance, name, source[name])
    if request.method == "POST" and form.is_valid() and (entry := save_form_or_refuse(form)):
        messages.success(request, f"{entry} added.")
        return redirect("registers:detail", slug, entry.pk)
    return render(
        request,
        "registers/form.html",
        {"form": form, "kind": kind, "title": f"Add {kind.noun}", "source": source},
    )


@login_required
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    kind = _kind(slug)
    viewer = viewer_for(request)
    entry = _entry(kind, viewer, pk)
    require_editor(viewer, entry.body_id)
    form = kind.form(_posted(request), instance=entry, viewer=viewer)  # type: ignore[call-arg]
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, f"{entry} saved.")
        return redirect("registers:detail", slug, pk)
    return render(
        request,
        "registers/form.html",
        {"form": form, "kind": kind, "title": f"Edit {entry}", "entry": entry},
    )


def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    kind = _kind(slug)
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format.")
    query = ListQuery.read(kind, request.GET)
    if query.problems:
        return render(
            request, "registers/list.html", {"kind": kind, "problems": query.problems}, status=400
        )
    data = export_table(kind, query.apply(kind, viewer_for(request)), fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{slug}.{fmt}"'
    return response


@login_required
def import_entries(request: HttpRequest, slug: str) -> HttpResponse:
    kind = _kind(slug)
    viewer = viewer_for(request)
    if not viewer.can_edit_any:
        raise PermissionDenied("Only the secretariat and bodies' editors import entries.")
    form = ImportForm(_posted(request), request.FILES if request.method == "POST" else None)
    problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        created, problems = import_file(kind, upload.read(), upload.name, viewer, request.user)
        if not problems:
            messages.success(request, f"Imported {created} {kind.noun}(s).")
            return redirect("registers:list", slug)
    return render(
        request,
        "registers/import.html",
        {"form": form, "kind": kind, "table_problems": problems},
        status=400 if problems else 200,
    )


@login_required
def funding_step(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    bid = _entry(KINDS["funding"], viewer, pk)
    require_editor(viewer, bid.body_id)
    form = StepForm(_posted(request), bid=bid)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            take_step(
                bid,
                data["status"],
                data["on"],
                data["opened_version"] if data["opened_version"] is not None else bid.version,
                data["amount_awarded"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        except StaleEdit as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{bid} is now {bid.get_status_display().lower()}.")
            return redirect("registers:detail", "funding", pk)
    return render(
        request,
        "registers/step.html",
        {"form": form, "bid": bid, "kind": KINDS["funding"]},
        status=400 if form.errors else 200,
    )


@login_required
def mitigate(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    risk = _entry(KINDS["risks"], viewer, pk)
    require_editor(viewer, risk.body_id)
    form = MitigationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        action = create_action(
            body=risk.body,
            description=form.cleaned_data["description"],
            due_date=form.cleaned_data["due_date"],
        )
        risk.mitigation_actions.add(action)
        messages.success(request, "Mitigation action added to the tracker.")
        return redirect("registers:detail", "risks", pk)
    return render(
        request,
        "registers/form.html",
        {
            "form": form,
            "kind": KINDS["risks"],
            "entry": risk,
            "title": f"Add a mitigation action to {risk}",
        },
    )


def risk_heat_map(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    counts = heat.grid(viewer)
    return render(
        request,
        "registers/heat_map.html",
        {
            "kind": KINDS["risks"],
            "rows": heat.cells(counts),
            "axes": heat.axis_positions(),
            "total": sum(counts.values()),
        },
    )


def _party_page(
    request: HttpRequest, agreement: SharingAgreement, party: AgreementParty | None
) -> HttpResponse:
    viewer = viewer_for(request)
    require_editor(viewer, agreement.body_id)
    form = PartyForm(_posted(request), instance=party, viewer=viewer, agreement=agreement)
    if request.method == "POST" and form.is_valid() and save_form_or_refuse(form):
        messages.success(request, "Party saved.")
        return redirect("registers:detail", "sharing", agreement.pk)
    return render(
        request,
        "registers/form.html",
        {
            "form": form,
            "kind": KINDS["sharing"],
            "entry": agreement,
            "title": f"{'Edit' if party else 'Add'} a party to {agreement}",
        },
    )


@login_required
def party_create(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _entry(KINDS["sharing"], viewer_for(request), pk)
    return _party_page(request, agreement, None)


@login_required
def party_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    party = AgreementParty.objects.filter(pk=pk).values_list("agreement_id", flat=True).first()
    if party is None:
        raise Http404("No such party.")
    agreement = _entry(KINDS["sharing"], viewer, party)
    return _party_page(request, agreement, agreement.parties.get(pk=pk))
