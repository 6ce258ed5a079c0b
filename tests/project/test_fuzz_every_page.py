"""Every page, query parameter and form field, found by crawling the site, answers absurd
values without a 5xx, for the public and for the secretariat (issue 11, hole 5)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from concord.agenda.models import WorkProgrammeEntry
from concord.events.models import Event
from concord.following.models import BodyArea
from concord.governance.models import Body
from concord.imports.services import import_paths
from concord.meetings.models import Decision, Paper
from concord.performance.models import Area, Dimension, Group
from concord.performance.reports.freezing import freeze_report
from concord.performance.tabular.staged import stage_upload
from concord.portal.models import Topic
from concord.registers.models import AnnualReport, CaseStudy, StrategyFile
from tests.factories import make_membership, make_person
from tests.imports.minutes import FIRST, SECOND
from tests.imports.staging import confirm_all
from tests.ingest.builders import to_txt
from tests.performance.pages_world import build_perf_world
from tests.project.fuzzing import (
    ABSURD,
    PER_FIELD,
    PER_PARAM,
    absurd_file,
    crawl,
    get_url,
    pattern_names,
)
from tests.registers.entries import add_entries, make_strategy

# Patterns the crawl cannot reach from a page of the invented world, with the reason.
UNREACHED = {
    "imports:original": "serves the stored original file; no form or parameter",
    "imports:decide_organisation": "the invented minutes propose no organisation merge",
    "register:logo": "the logo image, linked only once one is set (tests/governance/)",
    "register:theme": "the colours' stylesheet, linked only once set (tests/governance/)",
    "password_reset_confirm": "needs the token of a reset e-mail (tests/lib/test_sign_in.py)",
    # Linked only from a bid's or an agreement's page, and the crawl reaches three of the five
    # registers' entry pages (one pattern): tests/registers/test_fuzz.py fuzzes these forms.
    "registers:funding_step": "a bid's next step (tests/registers/test_fuzz.py)",
    "registers:party_create": "a party to an agreement (tests/registers/test_fuzz.py)",
    "registers:party_edit": "a party's signature (tests/registers/test_fuzz.py)",
    # Posted by the agenda page's script when an item is dragged (no form to crawl).
    "agenda:reorder": "a dragged order (tests/agenda/test_reorder.py sends bad orders)",
    "registers:recommendation_update": "what has happened (tests/registers/test_fuzz.py)",
    "registers:strategy_step": "a strategy's next step (tests/registers/test_fuzz.py)",
    "registers:assessment_action": "an improvement action (tests/registers/test_fuzz.py)",
    "registers:question_edit": "a question of the bank (tests/registers/test_fuzz.py)",
    "registers:questions": "the question bank (tests/registers/test_fuzz.py)",
    "registers:progress_note_docx": "the progress note in Word (tests/registers/test_fuzz.py)",
    "events:signed_up": "shown after a sign-up succeeds (tests/events/test_events.py)",
    "events:cancel": "the secret link in a registrant's e-mail (tests/events/test_events.py)",
    "facts:numbered_priority": "old numbered addresses, linked nowhere (tests/facts/)",
    "facts:numbered_priority_csv": "old numbered addresses, linked nowhere (tests/facts/)",
    "following:sent": "shown after a request to follow (tests/following/test_following.py)",
    "following:confirm": "the signed link in a confirmation e-mail (tests/following/)",
    "following:unsubscribe": "the secret link in every follower's e-mail (tests/following/)",
}


def start_pages(w) -> tuple[str, ...]:
    """Pages linked only from an entry page the crawl may not visit (it visits three entries
    of the registers' one detail pattern): a member's answers to a self-assessment, the
    protocol printed (which links its PDF and Word), its signatories' forms, a strategy's
    document and its upload form; first the risk's page (its mitigation form), as these
    pages' links would take the detail pattern's three visits."""
    return (
        reverse("registers:detail", args=["risks", w.public_risk.pk]),
        reverse("registers:assessment_answer", args=[w.public_assessment.pk]),
        reverse("registers:protocol", args=[w.public_protocol.pk]),
        reverse("registers:signatory_create", args=[w.public_protocol.pk]),
        reverse("registers:signatory_edit", args=[w.unsigned_signatory.pk]),
        reverse("registers:strategy_file_create", args=[w.public_strategy.pk]),
        reverse("registers:strategy_file", args=[w.strategy_file.pk]),
    )


@pytest.fixture
def world(db, settings, tmp_path):
    settings.CONCORD_DOCUMENTS_DIR = tmp_path / "store"
    settings.MEDIA_ROOT = tmp_path / "media"
    w = build_perf_world()
    add_entries(w)  # an entry in every register: their pages, forms and filters
    # A strategy in force whose priority is an indicator's theme: the facts portal's pages.
    plan = make_strategy(
        body=w.board, is_public=True, status="published", priorities="Safer streets\nSafe homes"
    )
    plan.indicators.set([w.rate, w.coverage])
    # An annual report begun, with a case study: its pages, files and forms.
    annual = AnnualReport.objects.create(year=2024, introduction="A year.", published=True)
    CaseStudy.objects.create(report=annual, title="Pub watch", text="Licensees together.")
    freeze_report(w.private_report, w.secretariat)  # a published report to amend
    # A file of figures waiting on its preview (linked from the import page).
    stage_upload(b"indicator,area,period,value\nHS 2,L9000001,2025-Q1,81\n", "f.csv", w.secretariat)
    Paper.objects.create(
        item=w.public_item, title="Patrol plan", file=ContentFile(b"plan", name="plan.txt")
    )
    Topic.objects.create(name="Patrols").decisions.add(*Decision.objects.all())
    start = timezone.now() + dt.timedelta(days=14)
    Event.objects.create(  # an event to sign up to, its organisers' pages linked from it
        title="Patrols open day",
        body=w.board,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        capacity=5,
        status="published",
    )
    # The secretariat also sits on the board, so it may answer the board's self-assessment
    # (only a current member answers): the crawl starts at that form (see START).
    make_membership(person=make_person(user=w.secretariat), body=w.board)
    w.strategy_file = StrategyFile.objects.create(
        strategy=w.public_strategy,
        title="The plan",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf"),
        kind="pdf",
        size=15,
        sha256="0" * 64,
    )
    for body in Body.objects.all():  # the crawl visits only a few bodies' work programmes
        WorkProgrammeEntry.objects.create(body=body, kind="standing", title="Business update")
    for name, spec in (("feb.txt", FIRST), ("may.txt", SECOND)):
        (tmp_path / name).write_text(to_txt(spec), encoding="utf-8")
    # Two confirmed imports (undo, the register entries they made, a merge
    # proposal between their near names) and one waiting for review.
    import_paths([tmp_path / "feb.txt"])
    confirm_all(w.secretariat)
    import_paths([tmp_path / "may.txt"])
    confirm_all(w.secretariat)
    later = [
        line.replace("4th February", "2nd September") for line in FIRST if isinstance(line, str)
    ]
    (tmp_path / "sep.txt").write_text(to_txt(later), encoding="utf-8")
    import_paths([tmp_path / "sep.txt"])
    sex = Dimension.objects.create(name="Sex", code="sex")  # the population groups' pages
    Group.objects.create(dimension=sex, name="Female", code="female")
    # A body serving a ward: the areas-served page's remove button.
    BodyArea.objects.create(body=w.board, area=Area.objects.filter(level="ward").first())
    return w


def test_absurd_values_in_every_parameter_and_field_never_answer_5xx(world):
    secretariat = Client(raise_request_exception=False)
    secretariat.force_login(world.secretariat)
    anonymous = Client(raise_request_exception=False)
    clock = time.process_time()
    site = crawl(secretariat, start=start_pages(world))
    crawled = time.process_time() - clock
    assert site.errors == []

    missing = set(pattern_names()) - set(site.pages) - {f.pattern for f in site.forms.values()}
    missing -= set(UNREACHED) | {"logout"}
    assert missing == set(), f"pages the crawl never reached: link them from the world: {missing}"

    failures: list[str] = []
    sent = 0

    def check(who: str, method: str, pattern: str, name: str, value: str, status: int) -> None:
        if status >= 500:
            line = f"{who} {method} {pattern} {name}={value[:24]!r}: {status}"
            failures.append(line)

    for pattern, path in sorted(site.pages.items()):
        names = sorted(site.params.get(pattern, set()))
        if not names:
            continue
        for who, client in (("anonymous", anonymous), ("secretariat", secretariat)):
            for value in ABSURD:
                response = client.get(get_url(path, dict.fromkeys(names, value)))
                sent += 1
                check(who, "GET", pattern, ",".join(names), value, response.status_code)
        for name in names:
            for value in PER_PARAM:
                response = secretariat.get(get_url(path, {name: value}))
                sent += 1
                check("secretariat", "GET", pattern, name, value, response.status_code)

    got = time.process_time() - clock - crawled
    for form in site.forms.values():
        base = {
            name: values for name, values in form.fields.items() if name != "csrfmiddlewaretoken"
        }
        response = anonymous.post(form.action, base)
        sent += 1
        check("anonymous", "POST", form.pattern, "*", "rendered values", response.status_code)
        for value in ABSURD:
            data: dict = dict.fromkeys(base, value)
            data.update({name: absurd_file(value) for name in form.files})
            response = secretariat.post(form.action, data)
            sent += 1
            check("secretariat", "POST", form.pattern, "*", value, response.status_code)
        for name in form.first_of_each_shape():
            if name == "csrfmiddlewaretoken":
                continue
            for value in PER_FIELD:
                data = dict(base)
                data.update({f: absurd_file("not a file") for f in form.files})
                data[name] = absurd_file(value) if name in form.files else value
                response = secretariat.post(form.action, data)
                sent += 1
                status = response.status_code
                check("secretariat", "POST", form.pattern, name, value, status)

    print(
        f"\nfuzz: {len(site.pages)} pages, {len(site.forms)} forms, {sent} requests, "
        f"{len(failures)} 5xx; "
        f"CPU s: crawl {crawled:.1f}, GET {got:.1f}, "
        f"POST {time.process_time() - clock - crawled - got:.1f}"
    )
    assert failures == [], "\n".join(failures)


def test_every_page_has_a_content_security_policy_and_no_inline_script_or_style(world):
    """The policy allows no inline script or style, so none may be written: every page
    the crawl finds, for the public and the secretariat, is checked."""
    for who in (None, world.secretariat):
        client = Client()
        if who is not None:
            client.force_login(who)
        site = crawl(client, per_pattern=1)
        assert len(site.pages) > (40 if who else 10)
        for path in site.pages.values():
            response = client.get(path)
            assert "script-src 'self'" in response["Content-Security-Policy"], path
            assert "Permissions-Policy" in response, path
            if "html" not in response.get("Content-Type", ""):
                continue
            soup = BeautifulSoup(response.content, "html.parser")
            for script in soup.find_all("script"):
                assert script.get("src") or script.get("type") == "application/json", path
            assert soup.find("style") is None, path
            for tag in soup.find_all(True):
                inline = [a for a in tag.attrs if a == "style" or a.startswith("on")]
                assert not inline, f"{path}: <{tag.name} {inline}>"
