"""Every page × every role: who gets 200, who is refused (403), who finds nothing (404),
and who is sent to sign in (302)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from concord.agenda.models import EntryKind, WorkProgrammeEntry
from concord.portal.models import Topic
from concord.registers.models import AnnualReport, AssessmentQuestion, CaseStudy
from tests.factories import make_meeting

ROLES = [
    "anonymous",
    "stranger",
    "partner",
    "board_adviser",
    "board_member",
    "editor",
    "tasking_member",
    "secretariat",
]

L = 302  # redirected to sign in

# Register slug -> the attribute suffix of its entries in the world (tests/registers/entries.py).
REGISTERS = {
    "added-value": "value",
    "funding": "bid",
    "publicity": "coverage",
    "risks": "risk",
    "protocols": "protocol",
    "sharing": "agreement",
    "recommendations": "recommendation",
    "strategies": "strategy",
    "self-assessment": "assessment",
    "consultations": "consultation",
}


def _ahead(w):
    """The board's meeting three weeks ahead (agenda not out yet) and a standing item."""
    if not hasattr(w, "ahead"):
        w.ahead = make_meeting(body=w.board, date=dt.date.today() + dt.timedelta(days=21))
        w.standing = WorkProgrammeEntry.objects.create(
            body=w.board, kind=EntryKind.STANDING, title="Business Group update"
        )
    return w.ahead


def _annual(w, published: bool) -> int:
    """A published annual report (2024/25) and a draft (2023/24), with a case study each."""
    if not hasattr(w, "annual_reports"):
        w.annual_reports = {}
        for year, done in ((2024, True), (2023, False)):
            report = AnnualReport.objects.create(year=year, published=done, introduction="Hi.")
            w.annual_reports[done] = (
                year,
                CaseStudy.objects.create(report=report, title="S", text="T"),
            )
    return w.annual_reports[published][0]


# page name -> (url builder, expected status per role in ROLES order)
MATRIX = {
    "home": (lambda w: reverse("home"), [200, 200, 200, 200, 200, 200, 200, 200]),
    "healthz": (lambda w: reverse("healthz"), [200] * 8),
    "bodies": (lambda w: reverse("portal:bodies"), [200] * 8),
    "structure": (lambda w: reverse("portal:structure"), [200] * 8),
    # The facts portal is the public's, whoever asks: a strategy the public may not
    # read has no page there, even for its body's members or the secretariat.
    "facts": (lambda w: reverse("facts:index"), [200] * 8),
    "facts of a members-only strategy": (
        lambda w: reverse("facts:priority", args=[w.hidden_strategy.pk, 1]),
        [404] * 8,
    ),
    "events": (lambda w: reverse("events:list"), [200] * 8),
    "calendar": (lambda w: reverse("portal:calendar"), [200] * 8),
    "new event": (lambda w: reverse("events:create"), [L, 403, 403, 403, 403, 200, 403, 200]),
    "public body": (lambda w: reverse("portal:body", args=[w.board.slug]), [200] * 8),
    "members-only body": (
        lambda w: reverse("portal:body", args=[w.tasking.slug]),
        [404, 404, 404, 404, 404, 404, 200, 200],
    ),
    "meetings": (lambda w: reverse("portal:meetings"), [200] * 8),
    "approved meeting": (lambda w: reverse("portal:meeting", args=[w.meeting.pk]), [200] * 8),
    "members-only meeting": (
        lambda w: reverse("portal:meeting", args=[w.private_meeting.pk]),
        [404, 404, 404, 404, 404, 404, 200, 200],
    ),
    "tracker": (lambda w: reverse("actions:tracker"), [L, 200, 200, 200, 200, 200, 200, 200]),
    "my actions": (lambda w: reverse("actions:mine"), [L, 200, 200, 200, 200, 200, 200, 200]),
    "public action": (
        lambda w: reverse("actions:detail", args=[w.public_action.pk]),
        [L, 200, 200, 200, 200, 200, 200, 200],
    ),
    "restricted action": (
        lambda w: reverse("actions:detail", args=[w.secret_action.pk]),
        [L, 404, 404, 404, 200, 200, 404, 200],
    ),
    "person": (
        lambda w: reverse("people:person", args=[w.chair.pk]),
        [L, 200, 200, 200, 200, 200, 200, 200],
    ),
    "record a meeting": (
        lambda w: reverse("meetings:create"),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "edit meeting": (
        lambda w: reverse("meetings:edit", args=[w.meeting.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "edit members-only meeting": (
        lambda w: reverse("meetings:edit", args=[w.private_meeting.pk]),
        [L, 404, 404, 404, 404, 404, 403, 200],
    ),
    "attendance": (
        lambda w: reverse("meetings:attendance", args=[w.meeting.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "add item": (
        lambda w: reverse("meetings:item_create", args=[w.meeting.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "edit restricted item": (
        lambda w: reverse("meetings:item_edit", args=[w.secret_item.pk]),
        [L, 404, 404, 404, 403, 200, 404, 200],
    ),
    "add decision": (
        lambda w: reverse("meetings:decision_create", args=[w.public_item.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "add action": (
        lambda w: reverse("actions:create", args=[w.public_item.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "edit action": (
        lambda w: reverse("actions:edit", args=[w.public_action.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "approve minutes": (
        lambda w: reverse("meetings:approve", args=[w.meeting.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "matters arising": (
        lambda w: reverse("meetings:matters_arising", args=[w.meeting.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "minutes on one page": (
        lambda w: reverse("meetings:minutes", args=[w.draft.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "members-only minutes on one page": (
        lambda w: reverse("meetings:minutes", args=[w.private_meeting.pk]),
        [L, 404, 404, 404, 404, 404, 403, 200],
    ),
    "meeting history": (
        lambda w: reverse("meetings:history", args=[w.meeting.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "needs attention": (
        lambda w: reverse("secretariat:dashboard"),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "attendance rates": (
        lambda w: reverse("secretariat:attendance"),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "register": (lambda w: reverse("register:index"), [L, 403, 403, 403, 403, 403, 403, 200]),
    "register list": (
        lambda w: reverse("register:list", args=["people"]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "register edit": (
        lambda w: reverse("register:edit", args=["bodies", w.board.pk]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "partnership identity": (
        lambda w: reverse("register:partnership"),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "partnership colours": (lambda w: reverse("register:theme"), [200] * 8),
    "partnership logo, none set": (lambda w: reverse("register:logo"), [404] * 8),
    "calendar feed": (lambda w: reverse("exports:calendar_ics"), [200] * 8),
    "members-only calendar": (
        lambda w: reverse("exports:body_calendar_ics", args=[w.tasking.slug]),
        [404, 404, 404, 404, 404, 404, 200, 200],
    ),
    "minutes docx": (
        lambda w: reverse("exports:minutes_docx", args=[w.meeting.pk]),
        [200] * 8,
    ),
    "draft minutes docx": (
        lambda w: reverse("exports:minutes_docx", args=[w.draft.pk]),
        [404, 404, 404, 200, 200, 200, 404, 200],
    ),
    "minutes pdf": (
        lambda w: reverse("exports:minutes_pdf", args=[w.meeting.pk]),
        [200] * 8,
    ),
    "draft minutes pdf": (
        lambda w: reverse("exports:minutes_pdf", args=[w.draft.pk]),
        [404, 404, 404, 200, 200, 200, 404, 200],
    ),
    "actions csv": (
        lambda w: reverse("exports:actions_csv"),
        [L, 200, 200, 200, 200, 200, 200, 200],
    ),
    "work programme": (
        lambda w: reverse("agenda:programme", args=[w.board.slug]),
        [200] * 8,
    ),
    "members-only work programme": (
        lambda w: reverse("agenda:programme", args=[w.tasking.slug]),
        [404, 404, 404, 404, 404, 404, 200, 200],
    ),
    "add to work programme": (
        lambda w: reverse("agenda:entry_create", args=[w.board.slug]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "edit work programme entry": (
        lambda w: _ahead(w) and reverse("agenda:entry_edit", args=[w.standing.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "agenda page": (
        lambda w: reverse("agenda:draft", args=[_ahead(w).pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "meeting ahead, agenda not out": (
        lambda w: reverse("portal:meeting", args=[_ahead(w).pk]),
        [200] * 8,
    ),
    "agenda pack pdf": (
        lambda w: reverse("agenda:pack_pdf", args=[w.meeting.pk]),
        [200] * 8,
    ),
    "agenda pack docx, agenda not out": (
        lambda w: reverse("agenda:pack_docx", args=[_ahead(w).pk]),
        [404, 404, 404, 404, 404, 200, 404, 200],
    ),
    "agenda pack docx, draft minutes": (
        lambda w: reverse("agenda:pack_docx", args=[w.draft.pk]),
        [404, 404, 404, 200, 200, 200, 404, 200],
    ),
    "api openapi": (lambda w: "/api/openapi.json", [200] * 8),
    "api meeting": (lambda w: f"/api/meetings/{w.meeting.pk}", [200] * 8),
    "api members-only meeting": (
        lambda w: f"/api/meetings/{w.private_meeting.pk}",
        [404, 404, 404, 404, 404, 404, 200, 200],
    ),
    "api actions": (lambda w: "/api/actions", [401, 200, 200, 200, 200, 200, 200, 200]),
    # The partnership registers (concord/registers): read as meetings are, kept by editors.
    "registers": (lambda w: reverse("registers:index"), [200] * 8),
    **{
        f"{slug} list": (lambda w, s=slug: reverse("registers:list", args=[s]), [200] * 8)
        for slug in REGISTERS
    },
    **{
        f"{slug} {fmt}": (
            lambda w, s=slug, f=fmt: reverse("registers:export", args=[s, f]),
            [200] * 8,
        )
        for slug in REGISTERS
        for fmt in ("csv", "xlsx")
    },
    **{
        f"public {slug} entry": (
            lambda w, s=slug, a=attr: reverse(
                "registers:detail", args=[s, getattr(w, f"public_{a}").pk]
            ),
            [200] * 8,
        )
        for slug, attr in REGISTERS.items()
    },
    **{
        f"members-only {slug} entry": (
            lambda w, s=slug, a=attr: reverse(
                "registers:detail", args=[s, getattr(w, f"hidden_{a}").pk]
            ),
            [404, 404, 404, 404, 404, 404, 200, 200],
        )
        for slug, attr in REGISTERS.items()
    },
    "consultations open now": (lambda w: reverse("registers:consultations"), [200] * 8),
    "board's draft consultation": (
        lambda w: reverse("registers:detail", args=["consultations", w.draft_consultation.pk]),
        [404, 404, 404, 200, 200, 200, 404, 200],
    ),
    "board's own added value": (
        lambda w: reverse("registers:detail", args=["added-value", w.board_value.pk]),
        [404, 404, 404, 200, 200, 200, 404, 200],
    ),
    **{
        f"add {slug}": (
            lambda w, s=slug: reverse("registers:create", args=[s]),
            [L, 403, 403, 403, 403, 200, 403, 200],
        )
        for slug in REGISTERS
    },
    **{
        f"import {slug}": (
            lambda w, s=slug: reverse("registers:import", args=[s]),
            [L, 403, 403, 403, 403, 200, 403, 200],
        )
        for slug in REGISTERS
    },
    **{
        f"edit {slug}": (
            lambda w, s=slug, a=attr: reverse(
                "registers:edit", args=[s, getattr(w, f"public_{a}").pk]
            ),
            [L, 403, 403, 403, 403, 200, 403, 200],
        )
        for slug, attr in REGISTERS.items()
    },
    **{
        f"edit members-only {slug}": (
            lambda w, s=slug, a=attr: reverse(
                "registers:edit", args=[s, getattr(w, f"hidden_{a}").pk]
            ),
            [L, 404, 404, 404, 404, 404, 403, 200],
        )
        for slug, attr in REGISTERS.items()
    },
    "added value from a decision": (
        lambda w: (
            reverse("registers:create", args=["added-value"])
            + f"?decision={w.public_item.decisions.first().pk}"
        ),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "added value from a restricted decision": (
        lambda w: (
            reverse("registers:create", args=["added-value"])
            + f"?decision={w.secret_item.decisions.first().pk}"
        ),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "funding step": (
        lambda w: reverse("registers:funding_step", args=[w.public_bid.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "risk mitigation": (
        lambda w: reverse("registers:mitigate", args=[w.public_risk.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "risk heat map": (lambda w: reverse("registers:heat_map"), [200] * 8),
    "add a party": (
        lambda w: reverse("registers:party_create", args=[w.public_agreement.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "edit a party": (
        lambda w: reverse("registers:party_edit", args=[w.unsigned_party.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "add a signatory": (
        lambda w: reverse("registers:signatory_create", args=[w.public_protocol.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "edit a signatory": (
        lambda w: reverse("registers:signatory_edit", args=[w.unsigned_signatory.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "upload a strategy document": (
        lambda w: reverse("registers:strategy_file_create", args=[w.public_strategy.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "protocol to print": (
        lambda w: reverse("registers:protocol", args=[w.public_protocol.pk]),
        [200] * 8,
    ),
    "protocol as Word": (
        lambda w: reverse("registers:protocol_docx", args=[w.public_protocol.pk]),
        [200] * 8,
    ),
    "members-only protocol to print": (
        lambda w: reverse("registers:protocol", args=[w.hidden_protocol.pk]),
        [404, 404, 404, 404, 404, 404, 200, 200],
    ),
    # The annual report (concord/registers/annual): the public reads it once published.
    "annual reports": (lambda w: reverse("registers:annual_index"), [200] * 8),
    "published annual report": (
        lambda w: reverse("registers:annual_report", args=[_annual(w, True)]),
        [200] * 8,
    ),
    "draft annual report": (
        lambda w: reverse("registers:annual_report", args=[_annual(w, False)]),
        [404, 200, 200, 200, 200, 200, 200, 200],
    ),
    "published annual report PDF": (
        lambda w: reverse("registers:annual_pdf", args=[_annual(w, True)]),
        [200] * 8,
    ),
    "draft annual report PDF": (
        lambda w: reverse("registers:annual_pdf", args=[_annual(w, False)]),
        [404, 200, 200, 200, 200, 200, 200, 200],
    ),
    "draft annual report Word": (
        lambda w: reverse("registers:annual_docx", args=[_annual(w, False)]),
        [404, 200, 200, 200, 200, 200, 200, 200],
    ),
    "edit an annual report": (
        lambda w: reverse("registers:annual_edit", args=[_annual(w, True)]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "add a case study": (
        lambda w: reverse("registers:case_study_create", args=[_annual(w, False)]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "edit a case study": (
        lambda w: reverse(
            "registers:case_study_edit", args=[_annual(w, False) and w.annual_reports[False][1].pk]
        ),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "progress note": (lambda w: reverse("registers:progress_note"), [200] * 8),
    "progress note docx": (lambda w: reverse("registers:progress_note_docx"), [200] * 8),
    "recommendation update": (
        lambda w: reverse("registers:recommendation_update", args=[w.public_recommendation.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "members-only recommendation update": (
        lambda w: reverse("registers:recommendation_update", args=[w.hidden_recommendation.pk]),
        [L, 404, 404, 404, 404, 404, 403, 200],
    ),
    "strategy step": (
        lambda w: reverse("registers:strategy_step", args=[w.public_strategy.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    # Only the body's current members answer (the editor and the secretariat hold no seat).
    "answer a self-assessment": (
        lambda w: reverse("registers:assessment_answer", args=[w.public_assessment.pk]),
        [L, 403, 403, 200, 200, 403, 403, 403],
    ),
    "answer a members-only self-assessment": (
        lambda w: reverse("registers:assessment_answer", args=[w.hidden_assessment.pk]),
        [L, 404, 404, 404, 404, 404, 200, 403],
    ),
    "self-assessment improvement action": (
        lambda w: reverse("registers:assessment_action", args=[w.public_assessment.pk]),
        [L, 403, 403, 403, 403, 200, 403, 200],
    ),
    "question bank": (
        lambda w: reverse("registers:questions"),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "edit a question": (
        lambda w: reverse("registers:question_edit", args=[_question().pk]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "topics": (lambda w: reverse("portal:topics"), [200] * 8),
    "topic": (lambda w: reverse("portal:topic", args=[_topic().slug]), [200] * 8),
    "new topic": (lambda w: reverse("portal:topic_create"), [L, 403, 403, 403, 403, 403, 403, 200]),
    "edit topic": (
        lambda w: reverse("portal:topic_edit", args=[_topic().slug]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "set a decision's topics": (
        lambda w: reverse("portal:decision_topics", args=[w.public_item.decisions.get().pk]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "set a restricted decision's topics": (
        # 403 before any lookup: the page is the secretariat's, whatever the decision.
        lambda w: reverse("portal:decision_topics", args=[w.secret_item.decisions.get().pk]),
        [L, 403, 403, 403, 403, 403, 403, 200],
    ),
    "search": (lambda w: reverse("search:search") + "?q=plan", [200] * 8),
    "search in a members-only body": (
        lambda w: reverse("search:search") + f"?q=offender&body={w.tasking.slug}",
        [400, 400, 400, 400, 400, 400, 200, 200],
    ),
}


def _question() -> AssessmentQuestion:
    return AssessmentQuestion.objects.order_by("pk").first()  # the bank the world's built from


def _topic() -> Topic:
    return Topic.objects.get_or_create(name="Town centre")[0]


def _user(world, role: str):
    return None if role == "anonymous" else getattr(world, role)


@pytest.mark.parametrize("page", list(MATRIX))
def test_each_role_gets_the_expected_answer(world, as_user, page: str) -> None:
    build, expected = MATRIX[page]
    url = build(world)
    got = []
    for role in ROLES:
        response = as_user(_user(world, role)).get(url)
        got.append(response.status_code)
        if response.status_code == 302:
            assert reverse("login") in response["Location"], (page, role)
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, expected, strict=True))


RESTRICTED_READERS = [
    ("anonymous", False),
    ("stranger", False),
    ("partner", False),
    ("board_adviser", False),
    ("board_member", True),
    ("editor", True),
    ("tasking_member", False),
    ("secretariat", True),
]


@pytest.mark.parametrize(("role", "sees_restricted"), RESTRICTED_READERS)
def test_the_annual_report_shows_restricted_and_members_only_data_to_insiders_only(
    world, as_user, role: str, sees_restricted: bool
) -> None:
    """2024/25 holds the board's meeting (a restricted decision on Acme) and the tasking
    group's meeting; 2025/26 the registers' entries, the tasking group's among them."""
    year = _annual(world, True)
    AnnualReport.objects.create(year=2025, published=True)
    client = as_user(_user(world, role))
    text = client.get(reverse("registers:annual_report", args=[year])).content.decode()
    assert "to adopt the community safety plan" in text
    assert ("Acme" in text) is sees_restricted
    later = client.get(reverse("registers:annual_report", args=[2025])).content.decode()
    insider = role in ("tasking_member", "secretariat")
    assert ("Offender Tasking Group" in text + later) is insider
    assert ("Offender tasking saving" in later) is insider
    assert "Tasking analyst bid" not in later  # a bid not awarded is in no one's report


@pytest.mark.parametrize(
    ("role", "sees_restricted"),
    [
        ("anonymous", False),
        ("stranger", False),
        ("partner", False),
        ("board_adviser", False),
        ("board_member", True),
        ("editor", True),
        ("secretariat", True),
    ],
)
def test_restricted_items_reach_only_voting_members_editors_and_secretariat(
    world,
    as_user,
    role: str,
    sees_restricted: bool,
) -> None:
    page = as_user(_user(world, role)).get(reverse("portal:meeting", args=[world.meeting.pk]))
    text = page.content.decode()
    assert "Community safety plan" in text
    assert ("Contract award for CCTV" in text) is sees_restricted
    assert ("Acme" in text) is sees_restricted


@pytest.mark.parametrize(
    ("role", "sees_draft"),
    [
        ("anonymous", False),
        ("partner", False),
        ("board_adviser", True),
        ("board_member", True),
        ("editor", True),
        ("secretariat", True),
    ],
)
def test_draft_minutes_reach_only_the_bodys_insiders(world, as_user, role, sees_draft) -> None:
    page = as_user(_user(world, role)).get(reverse("portal:meeting", args=[world.draft.pk]))
    assert page.status_code == 200
    assert ("Draft-only discussion" in page.content.decode()) is sees_draft


def test_the_public_never_sees_contact_details(world, as_user) -> None:
    for url in (
        reverse("portal:body", args=[world.board.slug]),
        reverse("portal:meeting", args=[world.meeting.pk]),
        f"/api/people/{world.chair.pk}",
        reverse("exports:popolo"),
    ):
        text = as_user(None).get(url).content.decode()
        assert "ann.lee@example.org" not in text, url
        assert "01234 567890" not in text, url


def test_contact_details_show_to_the_secretariat_on_the_person_page(world, as_user) -> None:
    url = reverse("people:person", args=[world.chair.pk])
    assert "ann.lee@example.org" in as_user(world.secretariat).get(url).content.decode()
    assert "ann.lee@example.org" not in as_user(world.partner).get(url).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/999999/",
        "/bodies/no-such-body/",
        "/actions/999999/",
        "/people/999999/",
        "/items/999999/edit/",
        "/register/nonsense/",
        "/papers/999999/",
    ],
)
def test_missing_records_are_404_not_500(world, as_user, url: str) -> None:
    assert as_user(world.secretariat).get(url).status_code == 404
