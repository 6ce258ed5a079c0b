"""Following by e-mail: asking to follow, confirming, unsubscribing, and the digests.

Every mail carries an unsubscribe link and the ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers (RFC 8058), so a mail program can
unsubscribe with one click. Links are absolute, made from
``CONCORD_SITE_URL``.

A digest is idempotent: for each address, its confirmed follows are locked,
the notices since each follow's ``sent_through`` gathered, one mail sent and
every ``sent_through`` moved on, all in one transaction. A mail that cannot
be sent rolls the transaction back, so the next run tries again; a rerun
after a success finds nothing new.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from concord.governance.identity import current_identity

from .journal import Subject, note_changes, notices_for
from .models import CONFIRM_DAYS, Follow, Notice

log = logging.getLogger(__name__)

CONFIRM_SALT = "concord.following.confirm"
DIGEST_SIZE = 50


def partnership() -> str:
    """The partnership's name as the secretariat set it."""
    return current_identity().name


def site_url(path: str) -> str:
    return settings.CONCORD_SITE_URL.rstrip("/") + path


def subject_kind(subject: Subject) -> str:
    return type(subject).__name__.lower()


def subject_name(subject: Subject) -> str:
    return str(getattr(subject, "name", subject))


def confirm_signature(follow: Follow) -> str:
    """The signed value in a confirmation link (bound to the follow's secret)."""
    return signing.dumps({"id": follow.pk, "t": follow.token[:12]}, salt=CONFIRM_SALT)


def follow_from_signature(value: str) -> Follow | None:
    """The unconfirmed or confirmed follow a confirmation link names, if it is genuine,
    not expired and the follow still exists."""
    try:
        data = signing.loads(value, salt=CONFIRM_SALT, max_age=dt.timedelta(days=CONFIRM_DAYS))
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    pk = data.get("id")
    follow = Follow.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if follow is None or follow.token[:12] != data.get("t"):
        return None
    return follow


def _send(to: str, subject: str, body: str, token: str) -> None:
    unsubscribe = site_url(reverse("following:unsubscribe", args=[token]))
    message = EmailMessage(
        subject,
        f"{body}\n\nTo stop these e-mails (your address is then deleted):\n{unsubscribe}\n",
        None,
        [to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def ask_to_follow(email: str, subject: Subject) -> None:
    """Record an unconfirmed follow and mail the link that confirms it.

    Says nothing of what was there: an address already following the subject
    is sent nothing, one waiting for confirmation is sent its link again.
    """
    email = email.strip().lower()
    kind = subject_kind(subject)
    with transaction.atomic():
        where: dict[str, Any] = {"email": email, kind: subject}
        follow, created = Follow.objects.get_or_create(**where)
        if follow.confirmed_at is not None:
            return
        if not created and follow.created_at < timezone.now() - dt.timedelta(days=CONFIRM_DAYS):
            follow.delete()
            follow = Follow.objects.create(**where)
        transaction.on_commit(lambda: send_confirmation(follow, subject))


def send_confirmation(follow: Follow, subject: Subject) -> bool:
    """Mail the double opt-in link; a failure is logged (the visitor may ask again)."""
    link = site_url(reverse("following:confirm", args=[confirm_signature(follow)]))
    body = (
        f"Someone (we hope you) asked to follow {subject_name(subject)} at "
        f"{partnership()} by e-mail.\n\n"
        f"To confirm, open this link within {CONFIRM_DAYS} days and press the button:\n{link}\n\n"
        "If it was not you, do nothing: the request is forgotten."
    )
    try:
        _send(follow.email, f"Confirm: follow {subject_name(subject)}", body, follow.token)
    except Exception:
        log.exception("could not send the confirmation of follow %s", follow.pk)
        return False
    return True


def confirm(follow: Follow) -> None:
    """Confirm a follow; news counts from now (the journal's latest notice). The
    first follow confirmed starts the journal, so what was public before is not news."""
    with transaction.atomic():
        if not Notice.objects.exists():
            note_changes()
        locked = Follow.objects.select_for_update().get(pk=follow.pk)
        if locked.confirmed_at is None:
            locked.confirmed_at = timezone.now()
            locked.sent_through = Notice.objects.aggregate(m=Max("pk"))["m"] or 0
            locked.save(update_fields=["confirmed_at", "sent_through"])


def unsubscribe(token: str) -> bool:
    """Delete the follow with this unsubscribe secret (the address with it). Whether one was."""
    deleted, _ = Follow.objects.filter(token=token).delete()
    return bool(deleted)


def expire_unconfirmed(now: dt.datetime | None = None) -> int:
    """Delete follows never confirmed within the confirmation period; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=CONFIRM_DAYS)
    deleted, _ = Follow.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted


@dataclass(frozen=True)
class DigestRun:
    noted: int
    expired: int
    mailed: int


def send_digests() -> DigestRun:
    """Note what changed, drop expired requests, and mail each address one digest."""
    noted = note_changes()
    expired = expire_unconfirmed()
    addresses = (
        Follow.objects.confirmed().order_by("email").values_list("email", flat=True).distinct()
    )
    mailed = sum(1 for email in list(addresses) if send_digest(email))
    return DigestRun(noted, expired, mailed)


def send_digest(email: str) -> bool:
    """One address's digest: its follows' news since their last, in one mail. Whether sent."""
    with transaction.atomic():
        follows = list(
            Follow.objects.select_for_update(of=("self",))
            .confirmed()
            .filter(email=email)
            .select_related("body", "topic", "area")
            .order_by("pk")
        )
        sections: dict[str, list[Notice]] = defaultdict(list)
        seen: set[int] = set()
        latest = Notice.objects.aggregate(m=Max("pk"))["m"] or 0
        for follow in follows:
            for notice in reversed(
                notices_for(follow.subject, after=follow.sent_through, limit=DIGEST_SIZE)
            ):
                if notice.pk <= latest and notice.pk not in seen:
                    seen.add(notice.pk)
                    sections[subject_name(follow.subject)].append(notice)
        for follow in follows:
            follow.sent_through = max(follow.sent_through, latest)
        Follow.objects.bulk_update(follows, ["sent_through"])
        if not sections:
            return False
        lines = [f"News from {partnership()} on what you follow."]
        for name, notices in sections.items():
            lines.append(f"\n{name}")
            lines.extend(f"- {n.title}\n  {site_url(n.link)}" for n in notices)
        manage = "\n".join(
            f"Stop following {subject_name(f.subject)}: "
            f"{site_url(reverse('following:unsubscribe', args=[f.token]))}"
            for f in follows
        )
        _send(
            email,
            f"{partnership()}: {len(seen)} new",
            "\n".join(lines) + "\n\n" + manage,
            follows[0].token,
        )
    return True
