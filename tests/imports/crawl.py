"""A signed-out crawl of everything public: pages (links followed), feeds and the API.

Used to prove that nothing of an import under review is visible to the public, and
that no follower's address is (tests/following).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import deque
from typing import Any

from concord.governance.models import Body
from concord.meetings.models import Meeting
from concord.people.models import Person
from concord.performance.models import Area
from concord.portal.models import Topic
from concord.registers.kinds import KINDS
from concord.registers.models import Consultation, Strategy

_HREF = re.compile(r'href="(/[^"#?]*)')
_SKIP = ("/accounts/", "/admin/", "/static/", "/imports/")


def _seeds() -> list[str]:
    """Every public entry point, and every record's page by id (visible or not)."""
    seeds = ["/", "/bodies/", "/meetings/", "/calendar.ics", "/popolo.json", "/actions.csv",
             "/api/bodies", "/api/meetings", "/api/openapi.json", "/performance/",
             "/facts/", "/decisions/", "/decisions.atom", "/topics/", "/events/",
             "/calendar/", "/consultations/", "/registers/"]  # fmt: skip
    for slug in KINDS:  # each register's list (linked from /registers/) and its exports
        seeds += [f"/registers/{slug}/export.csv", f"/registers/{slug}/export.xlsx"]
    for pk in Meeting.objects.values_list("pk", flat=True):
        seeds += [f"/meetings/{pk}/", f"/meetings/{pk}/minutes.docx", f"/api/meetings/{pk}"]
    for pk in Consultation.objects.values_list("pk", flat=True):  # drafts and hidden ones too
        seeds.append(f"/registers/consultations/{pk}/")
    for pk in Person.objects.values_list("pk", flat=True):
        seeds += [f"/people/{pk}/", f"/api/people/{pk}"]
    for pk in Strategy.objects.values_list("pk", flat=True):  # the facts pages, by number
        seeds += [f"/facts/strategies/{pk}/priorities/{n}/" for n in (1, 2)]
    for slug in Body.objects.values_list("slug", flat=True):
        seeds += [f"/bodies/{slug}/", f"/bodies/{slug}/calendar.ics", f"/api/bodies/{slug}"]
        seeds += [f"/follow/body/{slug}/", f"/follow/body/{slug}/feed.atom"]
    for slug in Topic.objects.values_list("slug", flat=True):
        seeds += [f"/topics/{slug}/", f"/follow/topic/{slug}/feed.atom"]
    for code in Area.objects.values_list("code", flat=True):
        seeds += [f"/follow/area/{code}/", f"/follow/area/{code}/feed.atom"]
    return seeds


def _text(response: Any) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":  # a Word or Excel file: read what every part of it says
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(
                archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    return body.decode("utf-8", "replace")


def crawl_public(client: Any, limit: int = 600) -> dict[str, str]:
    """GET every public page reachable from the seeds, signed out: ``{url: text}`` of the 200s."""
    client.logout()
    queue, seen, pages = deque(_seeds()), set(), {}
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen or url.startswith(_SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            queue.append(response["Location"])  # e.g. a facts priority's numbered address
            continue
        if response.status_code != 200:
            continue
        text = _text(response)
        pages[url] = text
        if "html" in response.get("Content-Type", ""):
            queue.extend(u for u in _HREF.findall(text) if u not in seen)
    return pages


def found(pages: dict[str, str], word: str) -> list[str]:
    """The URLs whose text contains ``word``."""
    return [url for url, text in pages.items() if word in text]
