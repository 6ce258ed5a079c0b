"""A person's page: memberships, attendance record and actions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from concord.actions.services import actions_owned_by
from concord.governance.models import Body, Membership
from concord.lib.access import viewer_for
from concord.meetings.models import Attendance, Meeting
from concord.people.models import Person
from concord.secretariat.stats import person_attendance_summary


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """A person's record for partners; contact details for the secretariat and themselves."""
    viewer = viewer_for(request)
    the_person = Person.objects.select_related("organisation").filter(pk=pk).first()
    if the_person is None:
        raise Http404("No such person.")
    memberships = (
        Membership.objects.filter(person=the_person, body__in=Body.objects.visible_to(viewer))
        .select_related("body", "organisation")
        .order_by("-start")
    )
    attendances = (
        Attendance.objects.filter(person=the_person, meeting__in=Meeting.objects.visible_to(viewer))
        .select_related("meeting__body", "organisation", "deputising_for")
        .order_by("-meeting__date")[:30]
    )
    return render(
        request,
        "people/person.html",
        {
            "person": the_person,
            "memberships": memberships,
            "attendances": attendances,
            "summary": person_attendance_summary(the_person, viewer),
            "actions": actions_owned_by(the_person, viewer)[:100],
            "show_contact": viewer.is_secretariat or viewer.person_id == the_person.pk,
        },
    )
