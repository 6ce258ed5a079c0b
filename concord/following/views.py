"""Following by e-mail: the form, the confirmation and unsubscribe links, and the feeds.

Followers are anonymous, so a subject is found as a visitor who is not
signed in would see it (a members-only body cannot be followed), and every
page says the same whether or not an address already follows it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.csrf import csrf_exempt

from concord.governance.models import Body
from concord.lib.access import PUBLIC, get_visible_or_404
from concord.lib.ratelimit import allow, client_address
from concord.performance.models import Area
from concord.portal.models import Topic

from .forms import FollowForm
from .journal import Subject, notices_for
from .models import Notice
from .services import (
    ask_to_follow,
    confirm,
    follow_from_signature,
    subject_kind,
    subject_name,
    unsubscribe,
)

# Requests allowed per address and per client in an hour.
PER_ADDRESS, PER_CLIENT, WINDOW = 3, 20, 3600
MAX_KEY = 200


def find_subject(kind: str, key: str) -> Subject:
    """The body (slug), topic (slug) or area (code) a visitor may follow, or 404."""
    if len(key) > MAX_KEY:
        raise Http404("No such subject.")
    if kind == "body":
        return get_visible_or_404(Body.objects.all(), PUBLIC, slug=key)
    if kind == "topic":
        return get_visible_or_404(Topic.objects.all(), PUBLIC, slug=key)
    if kind == "area":
        area = Area.objects.filter(code=key).first()
        if area is None:
            raise Http404("No such area.")
        return area
    raise Http404("One may follow a body, a topic or an area.")


def subject_key(subject: Subject) -> str:
    return subject.code if isinstance(subject, Area) else subject.slug


def follow(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Ask to follow a subject by e-mail (a confirmation link is mailed)."""
    subject = find_subject(kind, key)
    form = FollowForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            email = form.cleaned_data["email"]
            if allow("follow-address", email, PER_ADDRESS, WINDOW) and allow(
                "follow-client", client_address(request.META), PER_CLIENT, WINDOW
            ):
                ask_to_follow(email, subject)
                return redirect("following:sent")
            form.add_error(None, "Too many requests from here; please try again in an hour.")
            status = 429
    return render(
        request,
        "following/follow.html",
        {
            "form": form,
            "subject": subject,
            "name": subject_name(subject),
            "kind": kind,
            "feed": reverse("following:feed", args=[kind, subject_key(subject)]),
        },
        status=status,
    )


def sent(request: HttpRequest) -> HttpResponse:
    """The same answer for every request: look in your inbox."""
    return render(request, "following/sent.html")


def confirm_link(request: HttpRequest, value: str) -> HttpResponse:
    """The link in the confirmation mail: a button (GET changes nothing); POST confirms."""
    found = follow_from_signature(value) if len(value) <= 300 else None
    if found is None:
        return render(request, "following/confirm.html", {"invalid": True}, status=404)
    if request.method == "POST":
        confirm(found)
        return redirect("following:confirm", value)
    return render(
        request,
        "following/confirm.html",
        {"name": subject_name(found.subject), "done": found.confirmed_at is not None},
    )


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" with no token
def unsubscribe_link(request: HttpRequest, token: str) -> HttpResponse:
    """Every mail's unsubscribe link: a button (GET changes nothing); POST deletes the
    follow and the address with it. The page says the same for any token."""
    if request.method == "POST":
        if len(token) <= 64:
            unsubscribe(token)
        return render(request, "following/unsubscribe.html", {"done": True})
    return render(request, "following/unsubscribe.html", {"done": False})


# Django's Feed is generic in the stubs (its items, its object), not at run time.
if TYPE_CHECKING:
    FeedBase = Feed[Notice, Subject]
else:
    FeedBase = Feed


class SubjectFeed(FeedBase):
    """A subject's news as Atom: what the public may see, never an address."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> Subject:
        return find_subject(str(kwargs["kind"]), str(kwargs["key"]))

    def title(self, obj: Subject) -> str:
        return f"{subject_name(obj)}: agendas, minutes, decisions and events"

    def link(self, obj: Subject) -> str:
        return reverse("following:follow", args=[subject_kind(obj), subject_key(obj)])

    def items(self, obj: Subject) -> list[Notice]:
        return notices_for(obj)

    def item_title(self, item: Notice) -> str:
        return item.title

    def item_description(self, item: Notice) -> str:
        return item.get_kind_display()

    def item_link(self, item: Notice) -> str:
        return item.link

    def item_guid(self, item: Notice) -> str:
        return f"{item.kind}-{item.object_id}"

    def item_pubdate(self, item: Notice) -> dt.datetime:
        return item.noted_at
