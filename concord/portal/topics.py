"""Topics: the list, a topic's page (its decisions across meetings), and the
secretariat's pages that name topics and set them on decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from concord.governance.access import viewer_for
from concord.lib.access import get_visible_or_404, require_secretariat
from concord.lib.locking import save_form_or_refuse
from concord.meetings.models import Decision
from concord.portal.models import Topic
from concord.portal.topic_forms import DecisionTopicsForm, TopicForm

PER_PAGE = 50


def topic_list(request: HttpRequest) -> HttpResponse:
    """Every topic, with how many of its decisions the viewer may read."""
    viewer = viewer_for(request)
    visible = Decision.objects.visible_to(viewer).values("pk")
    topics = Topic.objects.visible_to(viewer).annotate(
        shown=Count("decisions", filter=Q(decisions__in=visible), distinct=True)
    )
    return render(request, "portal/topics.html", {"topics": topics})


def topic(request: HttpRequest, slug: str) -> HttpResponse:
    """A topic's decisions the viewer may read, newest meeting first."""
    viewer = viewer_for(request)
    the_topic = get_visible_or_404(Topic.objects.all(), viewer, slug=slug)
    rows = Decision.objects.visible_to(viewer).filter(topics=the_topic).for_register()
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "portal/topic.html", {"topic": the_topic, "page": page})


@login_required
def topic_edit(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Name a new topic, or rename and describe one (the secretariat)."""
    viewer = viewer_for(request)
    require_secretariat(viewer)
    instance = get_visible_or_404(Topic.objects.all(), viewer, slug=slug) if slug else None
    form = TopicForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid() and (saved := save_form_or_refuse(form)):
        messages.success(request, f"Topic “{saved.name}” saved.")
        return redirect("portal:topic", saved.slug)
    title = f"Edit topic “{instance.name}”" if instance else "New topic"
    return render(
        request, "form_page.html", {"form": form, "title": title, "back": "portal:topics"}
    )


@login_required
def decision_topics(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the topics of one decision (the secretariat)."""
    viewer = viewer_for(request)
    require_secretariat(viewer)
    decision = get_visible_or_404(
        Decision.objects.select_related("item__meeting__body"), viewer, pk=pk
    )
    form = DecisionTopicsForm(request.POST or None, decision=decision)
    if request.method == "POST" and form.is_valid():
        added, removed = form.save()
        messages.success(
            request, f"Topics of the decision saved ({added} added, {removed} removed)."
        )
        return redirect("portal:decisions")
    meeting = decision.item.meeting
    title = f"Topics of a decision of {meeting.body.name}, {meeting.date:%d %B %Y}"
    return render(
        request, "portal/decision_topics.html", {"form": form, "title": title, "decision": decision}
    )
