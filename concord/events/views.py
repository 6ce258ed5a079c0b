"""Events: the list, an event's page with its sign-up form, the organisers' pages
(the event form, the registrants with a CSV), and the link that gives a place back."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from concord.events.forms import EventForm, SignUpForm
from concord.events.models import Event, Registration, RegistrationStatus
from concord.events.services import SignUpRefused, cancel, places, sign_up
from concord.governance.access import viewer_for
from concord.lib.access import Viewer, get_visible_or_404
from concord.lib.cells import csv_safe
from concord.lib.history import history_of
from concord.lib.locking import save_form_or_refuse
from concord.lib.ratelimit import allow, client_address

# Sign-ups allowed per address and per client in an hour: enough for a person
# signing a few colleagues up, too few to fill an event's places from a script.
PER_ADDRESS, PER_CLIENT, WINDOW = 5, 20, 3600


def may_organise(viewer: Viewer, event: Event | None) -> bool:
    """The secretariat, and editors of the event's body."""
    if viewer.is_secretariat:
        return True
    return event is not None and event.body_id is not None and viewer.can_edit_body(event.body_id)


def event_list(request: HttpRequest) -> HttpResponse:
    """Events to come that the viewer may see, soonest first."""
    viewer = viewer_for(request)
    events = Event.objects.visible_to(viewer).upcoming().select_related("body")
    return render(request, "events/list.html", {"events": events, "can_add": viewer.can_edit_any})


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An event, its places left, and the sign-up form (which needs no account)."""
    viewer = viewer_for(request)
    event = get_visible_or_404(Event.objects.select_related("body"), viewer, slug=slug)
    form = SignUpForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not event.is_open_for_sign_up():
            form.add_error(None, "Sign-up to this event is closed.")
        elif form.is_valid():
            data = form.cleaned_data
            if not (
                allow("event-signup-address", data["email"], PER_ADDRESS, WINDOW)
                and allow("event-signup-client", client_address(request.META), PER_CLIENT, WINDOW)
            ):
                form.add_error(None, "Too many sign-ups from here; please try again in an hour.")
                status = 429
            else:
                try:
                    registration = sign_up(
                        event, **data, site=f"{request.scheme}://{request.get_host()}"
                    )
                except SignUpRefused as exc:
                    form.add_error("email", str(exc))
                else:
                    return redirect("events:signed_up", event.slug, registration.status)
        if status == 200:
            status = 400
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "form": form,
            "places": places(event),
            "open": event.is_open_for_sign_up(),
            "can_organise": may_organise(viewer, event),
        },
        status=status,
    )


def signed_up(request: HttpRequest, slug: str, outcome: str) -> HttpResponse:
    """Where a new registrant stands (the same page for everyone: it names no one)."""
    event = get_visible_or_404(Event.objects.all(), viewer_for(request), slug=slug)
    if outcome not in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        raise Http404("No such outcome.")
    return render(request, "events/signed_up.html", {"event": event, "outcome": outcome})


def give_back(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a registrant's e-mail: a button to give the place back (GET changes nothing)."""
    if len(token) > 64:
        raise Http404("No such registration.")
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    done = registration.status == RegistrationStatus.CANCELLED
    if request.method == "POST" and not done:
        cancel(registration, site=f"{request.scheme}://{request.get_host()}")
        messages.success(request, "Your place has been given back. Thank you for letting us know.")
        return redirect("events:cancel", token)
    return render(request, "events/give_back.html", {"registration": registration, "done": done})


@login_required
def event_edit(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Create or change an event (the secretariat; editors for their bodies)."""
    viewer = viewer_for(request)
    instance = get_visible_or_404(Event.objects.all(), viewer, slug=slug) if slug else None
    if not (viewer.can_edit_any if instance is None else may_organise(viewer, instance)):
        raise PermissionDenied("Only the secretariat and the body's editors may change events.")
    form = EventForm(request.POST or None, instance=instance, viewer=viewer)
    if request.method == "POST" and form.is_valid() and (saved := save_form_or_refuse(form)):
        messages.success(request, f"Event “{saved.title}” saved.")
        return redirect("events:detail", saved.slug)
    title = f"Edit “{instance.title}”" if instance else "New event"
    return render(
        request,
        "events/edit.html",
        {
            "form": form,
            "title": title,
            "event": instance,
            "entries": history_of(instance) if instance else [],
        },
    )


@login_required
def registrations(request: HttpRequest, slug: str) -> HttpResponse:
    """Who signed up (organisers only), on the page or as CSV with every cell neutralised."""
    viewer = viewer_for(request)
    event = get_visible_or_404(Event.objects.all(), viewer, slug=slug)
    if not may_organise(viewer, event):
        raise PermissionDenied("Only the secretariat and the body's editors see who signed up.")
    rows = event.registrations.order_by("status", "created_at", "pk")
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
        writer = csv.writer(response)
        writer.writerow(["name", "email", "organisation", "needs", "status", "signed up"])
        for r in rows:
            cells = [r.name, r.email, r.organisation, r.needs, r.get_status_display()]
            writer.writerow(
                [csv_safe(c) for c in cells] + [timezone.localtime(r.created_at).isoformat()]
            )
        return response
    return render(
        request,
        "events/registrations.html",
        {"event": event, "rows": rows, "places": places(event)},
    )
