"""The demo's back catalogue: minutes documents written for Harrowby, then imported.

Before the two years of meetings the demo records directly, the Board and
the Safer Communities group met a few times; their minutes exist only as
documents — plain text, HTML, Word and PDF, each laid out differently, as
real archives are. :func:`import_back_catalogue` writes those documents
(from the people and bodies already in the demo database, so names match
the register), imports them through ``concord.imports`` exactly as a
secretariat would, and confirms the older ones as the secretariat, leaving
the latest of each body awaiting review. A name is misspelt on purpose in
each body's second meeting (merge proposals to review), and each action is
restated at the next meeting (one action with its history in the tracker).

Everything here is invented, like the rest of Harrowby.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model

from concord.demo.documents import to_docx, to_html, to_pdf, to_txt
from concord.governance.models import Body, Membership

Block = str | list[str]  # a paragraph, or a table row


@dataclass
class _Member:
    name: str  # with honorific
    organisation: str


TOPICS = {
    "board": [
        ("Partnership plan refresh", "the draft partnership plan for the coming three years"),
        ("Budget monitoring", "the partnership fund position at the end of the quarter"),
        ("Town centre recovery", "footfall figures and the empty shops programme"),
    ],
    "safer": [
        ("Anti-social behaviour hotspots", "the latest hotspot map for the town centre wards"),
        ("Domestic abuse support", "referrals to the outreach service"),
        ("Street lighting review", "the joint walkabout of poorly lit routes"),
    ],
}
ACTIONS = {
    "board": [
        "Circulate the draft partnership plan to all partner boards",
        "Prepare a fund spending forecast for the next meeting",
        "Arrange a workshop on the empty shops programme",
    ],
    "safer": [
        "Share the hotspot map with ward councillors",
        "Report referral numbers by ward",
        "Collate the walkabout findings into one list",
    ],
}


def _misspell(name: str) -> str:
    """Swap two letters of the first name (a typist's slip), keeping the honorific.

    >>> _misspell("Cllr Maria Stone")
    'Cllr Mraia Stone'
    """
    from concord.people.matching import clean_name

    title, rest = clean_name(name)
    first, _, others = rest.partition(" ")
    if len(first) > 3:
        first = first[0] + first[2] + first[1] + first[3:]
    return " ".join(p for p in (title, first, others) if p)


def _members(body: Body, on: dt.date) -> list[_Member]:
    seats = (
        Membership.objects.filter(body=body)
        .select_related("person", "organisation", "person__organisation")
        .order_by("role", "person__name")
    )
    out, seen = [], set()
    for seat in seats:
        if seat.person_id in seen:
            continue
        seen.add(seat.person_id)
        org = seat.organisation or seat.person.organisation
        out.append(_Member(seat.person.display_name, org.name if org else ""))
    return out[:9]


def _spec(
    body: Body, key: str, date: dt.date, n: int, members: list[_Member], layout: str
) -> list[Block]:
    """One meeting's minutes in one of four layouts."""
    chair, *others = members
    present = others[:-2] if len(others) > 3 else others
    apologies = others[-2:] if len(others) > 3 else []
    if n == 1 and len(present) > 1:  # the typist's slip in the second meeting
        present = [_Member(_misspell(present[1].name), present[1].organisation), *present[2:]]
        present.insert(0, others[0])
    topic, about = TOPICS[key][n % 3]
    second = present[-1]  # owns each meeting's action, and so the one restated later
    action = ACTIONS[key][n % 3]
    when = date + dt.timedelta(days=42)
    blocks: list[Block] = [body.name, f"Minutes of the meeting held on {date:%A %-d %B %Y}"]
    blocks.append("10.00 am - 12.00 pm at Harrowby Civic Centre, Committee Room 2")
    if layout in ("table", "pdf"):
        blocks.append("Present:")
        blocks.append([f"{chair.name} (Chair)", chair.organisation])
        blocks += [[m.name, m.organisation] for m in present]
        if apologies:
            blocks.append("Apologies:")
            blocks += [[m.name, m.organisation] for m in apologies]
        blocks.append("In attendance:")
        blocks.append(["Noor Ellery", "Harrowby Partnership Team (minutes)"])
    else:
        blocks.append("Present:")
        blocks.append(f"{chair.name} (Chair), {chair.organisation}")
        blocks += [f"{m.name}, {m.organisation}" for m in present]
        if apologies:
            blocks.append("Apologies:")
            blocks += [f"{m.name}, {m.organisation}" for m in apologies]
    blocks += [
        "1. Welcome and Apologies",
        "The Chair welcomed everyone to the meeting and apologies were noted.",
        "2. Minutes of the Last Meeting",
        "The minutes of the last meeting were agreed as a correct record.",
    ]
    number = 3
    if n > 0:
        previous = ACTIONS[key][(n - 1) % 3]
        blocks.append(f"{number}. Matters Arising")
        blocks.append(
            f"Action: {second.name.split()[-2]} {second.name.split()[-1]} to "
            f"{previous[0].lower()}{previous[1:]} as soon as possible."
        )
        number += 1
    blocks.append(f"{number}. {topic}")
    blocks.append(
        f"Members considered {about}. Partners asked how the work would reach the "
        "wards with the greatest need and offered staff time to help."
    )
    blocks.append(f"The {body.name.split()[-1]} approved the recommendations in the report.")
    if layout == "table":
        blocks.append(f"{number + 1}. Action Log")
        blocks.append(["Action", "Who", "By when"])
        blocks.append([action, second.name, f"{when:%d/%m/%Y}"])
        number += 1
    else:
        blocks.append(
            f"Action: {second.name.split()[-2]} {second.name.split()[-1]} to "
            f"{action[0].lower()}{action[1:]} by {when:%d/%m/%y}."
        )
    blocks.append(f"{number + 1}. Date of Next Meeting")
    blocks.append(f"{date + dt.timedelta(days=63):%A %-d %B %Y} at Harrowby Civic Centre")
    return blocks


# -- writers (the formats secretariats actually keep) ---------------------------------


def write_txt(spec: list[Block], path: Path) -> Path:
    path.write_text(to_txt(spec), encoding="utf-8")
    return path


def write_html(spec: list[Block], path: Path) -> Path:
    path.write_text(to_html(spec, heading=True), encoding="utf-8")
    return path


def write_docx(spec: list[Block], path: Path) -> Path:
    return to_docx(spec, path, heading=True)


def write_pdf(spec: list[Block], path: Path) -> Path:
    return to_pdf(spec, path, font_size=10, gap=2)


_LAYOUTS = [("txt", "lines", write_txt), ("html", "table", write_html),
            ("docx", "lines", write_docx), ("pdf", "pdf", write_pdf)]  # fmt: skip


def write_back_catalogue(folder: Path) -> list[Path]:
    """Write the Board's and Safer Communities' earlier minutes into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    n_doc = 0
    for key, kind_filter in (("board", {"kind": "board"}), ("safer", {"name__icontains": "safer"})):
        body = Body.objects.filter(**kind_filter).order_by("pk").first()
        if body is None:
            continue
        first = body.meetings.order_by("date").values_list("date", flat=True).first()
        start = first or dt.date.today()
        members = _members(body, start)
        if len(members) < 3:
            continue
        for n in range(3):
            date = start - dt.timedelta(weeks=9 * (3 - n))
            ext, layout, writer = _LAYOUTS[n_doc % len(_LAYOUTS)]
            n_doc += 1
            spec = _spec(body, key, date, n, members, layout)
            paths.append(writer(spec, folder / f"{date:%Y-%m-%d}-{key}-minutes.{ext}"))
    return paths


def import_back_catalogue(data_dir: Path) -> dict[str, int]:
    """Write, import and (mostly) confirm the back catalogue; return what happened.

    Like a secretariat catching up: each body's older documents are confirmed,
    oldest first, as minutes approved before Concord; the latest of each body
    is left awaiting review (its minutes would be a draft).
    """
    from concord.imports.models import (
        Document,
        DocumentStatus,
        MergeProposal,
        OrganisationMergeProposal,
    )
    from concord.imports.originals import folder_storage
    from concord.imports.review import BEFORE_CONCORD, Approval, confirm_document
    from concord.imports.services import import_paths

    user = get_user_model().objects.filter(username="secretariat").first()
    paths = write_back_catalogue(data_dir / "back-catalogue")
    store = folder_storage(data_dir / "documents")
    summary = import_paths(paths, user=user, source="demo", store=store)
    documents = list(
        Document.objects.filter(status=DocumentStatus.REVIEW, batch__source="demo").order_by("pk")
    )
    by_body: dict[str, list[tuple[str, Document]]] = {}
    for document in documents:
        record = document.record or {}
        by_body.setdefault(str(record.get("body")), []).append((str(record.get("date")), document))
    confirmed = 0
    for rows in by_body.values():
        rows.sort(key=lambda row: row[0])
        for _, document in rows[:-1]:
            confirm_document(document, user=user, approval=Approval(BEFORE_CONCORD))
            confirmed += 1
    proposals = MergeProposal.objects.filter(document__batch__source="demo").count()
    proposals += OrganisationMergeProposal.objects.filter(document__batch__source="demo").count()
    return {
        "documents": len(paths),
        "imported": summary.imported,
        "failed": len(summary.failed),
        "confirmed": confirmed,
        "merge_proposals": proposals,
    }
