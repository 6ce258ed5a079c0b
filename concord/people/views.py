"""A person's page: memberships, attendance record and actions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from concord.actions.models import Action
from concord.governance.access import viewer_for
from concord.governance.models import Body, Membership
from concord.lib.access import get_visible_or_404
from concord.meetings.attendance_rates import person_attendance_summary
from concord.meetings.models import Attendance, Meeting
from concord.people.models import Person

# The page lists the soonest-due outstanding actions; the tracker has the rest.
PERSON_ACTIONS = 25
LATEST_ATTENDANCES = 30


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """A person's record for partners; contact details for the secretariat and themselves.

    People the viewer may not know about (see ``PersonQuerySet.visible_to``) are a 404.
    """
    viewer = viewer_for(request)
    the_person = get_visible_or_404(Person.objects.select_related("organisation"), viewer, pk=pk)
    memberships = list(
        Membership.objects.filter(person=the_person, body__in=Body.objects.visible_to(viewer))
        .select_related("body", "organisation")
        .order_by("-start")
    )
    attendances = (
        Attendance.objects.filter(person=the_person, meeting__in=Meeting.objects.visible_to(viewer))
        .select_related("meeting__body", "organisation", "deputising_for")
        .order_by("-meeting__date")[:LATEST_ATTENDANCES]
    )
    # One more than shown tells whether there are more, without counting them all.
    actions = list(Action.objects.owned_by(the_person, viewer).outstanding()[: PERSON_ACTIONS + 1])
    return render(
        request,
        "people/person.html",
        {
            "person": the_person,
            "memberships": memberships,
            "attendances": attendances,
            "summary": person_attendance_summary(the_person, viewer, memberships),
            "actions": actions[:PERSON_ACTIONS],
            "more_actions": len(actions) > PERSON_ACTIONS,
            "show_contact": viewer.is_secretariat or viewer.person_id == the_person.pk,
        },
    )
