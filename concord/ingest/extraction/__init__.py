"""From a document's :class:`~concord.ingest.text.Text` to a :class:`MeetingRecord`.

The steps run in an order that lets later ones skip what earlier ones
claimed: attendance sections first (so names are not read as items), then
the heading (kind, body, date, times, venue), announced meetings (so that
"by the next meeting" can be resolved), action tables, items, decisions,
and finally the actions written inline or implied by decisions.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.action_learned import Reading, learned_actions
from concord.ingest.extraction.actions import (
    extract_actions,
    read_action_tables,
    tasks_not_decisions,
)
from concord.ingest.extraction.attendance import expand_initials, extract_attendance
from concord.ingest.extraction.attendance_presenters import presenters, speakers
from concord.ingest.extraction.dates import recent_date, to_date
from concord.ingest.extraction.decisions import extract_decisions
from concord.ingest.extraction.items import extract_items
from concord.ingest.extraction.layout import flatten, forget_sentences
from concord.ingest.extraction.mail_notes import as_sender, is_mail, mail_body, mail_venue, sender
from concord.ingest.extraction.meeting_times import find_meeting_times
from concord.ingest.extraction.meta import (
    find_body,
    find_date,
    find_kind,
    when_sent,
)
from concord.ingest.extraction.minutes_approval import approvals_in_full
from concord.ingest.extraction.names import bracketed_initials, call_signs, handles, role_holders
from concord.ingest.extraction.nextmeet import extract_next_meetings
from concord.ingest.extraction.normalise import resegment
from concord.ingest.extraction.organisation import with_organisation
from concord.ingest.extraction.venue import find_venue
from concord.ingest.record import MeetingRecord
from concord.ingest.text import Text

HEAD_LINES = 20
_HELD = re.compile(r"^\W*(?:minutes|notes)\s+of\s+(?:the\s+|a\s+)?[^.]{0,80}\bheld\b")
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+\|\s*")


def extract_record(text: Text, source: str | None = None) -> MeetingRecord:
    """Extract a meeting record from normalised text: the rules, then the
    actions only the sentence model finds (:mod:`.action_learned`)."""
    forget_sentences()
    record, reading = read_by_rules(text, source)
    if record.kind != "report":
        record.actions += learned_actions(reading, record.actions, record.decisions)
    return record


_DATE_FIELD = re.compile(r"(?i)^(?:date|meeting[_ ]date)\s*[:=]")


def read_by_rules(text: Text, source: str | None = None) -> tuple[MeetingRecord, Reading]:
    """The record the rules read, and what the sentence model needs to go on."""
    text = resegment(text)
    mailed = is_mail([b.text for b in text.blocks[:12]])
    if mailed:
        writer = sender([b.text for b in text.blocks])
        if writer:
            text = as_sender(text, writer)
    lines = flatten(text)
    bare = [ln.bare for ln in lines] if mailed else []
    attendance = extract_attendance(text)
    first_att = attendance.first_block
    items0 = extract_items(lines, attendance.blocks)
    stop = len(lines)
    for n, ln in enumerate(lines):
        if (first_att is not None and ln.block >= first_att) or (items0 and n >= items0[0].line):
            stop = n
            break
    head = [ln.bare for ln in lines[: min(stop, HEAD_LINES)]]
    if not head:
        head = [ln.bare for ln in lines[:3]]

    record = MeetingRecord(source=source)
    record.kind = find_kind(head, bool(attendance.people), bool(items0))
    # Front matter is the page's metadata: its title is read only when the
    # minutes themselves give no body or date (its dates are publication dates).
    titles = [
        re.sub(r"^title\s*[:=]\s*", "", f).strip("'\" ")
        for f in text.front_matter
        if re.match(r"^title\s*[:=]", f)
    ]
    # A page title names the page, then the site: "2022 AGM | Riverside Users Group".
    parts = [p for t in titles for p in _TITLE_SEP.split(t) if p.strip()]
    record.body = find_body(head) or find_body(titles) or find_body(parts)
    if record.body and " " not in record.body and titles:
        # "the Panel" in the text, "Local Data Panel – fourth meeting" in the
        # page title: the title names it in full.
        full = find_body(titles) or find_body(parts)
        if full and full.lower().endswith(record.body.lower()) and full != record.body:
            record.body = full
    # "HOLLINS PRIMARY SCHOOL" over "Full Governing Board": whose body it is.
    record.body = with_organisation(record.body, head)
    if mailed:
        record.body = mail_body(bare, record.body)
    # An e-mailed note is dated by when it was sent only if nothing else dates it.
    sent = when_sent(head)
    unsent = [line for n, line in enumerate(head) if n not in sent]
    # The front matter's own date (often when the page was published) is the
    # last resort, when neither the minutes nor the page's title date them.
    dated = [f for f in text.front_matter if _DATE_FIELD.match(f)]
    record.date = find_date(unsent) or find_date(titles) or find_date(dated)
    if record.date is None and sent:
        # "Notes from last night's meeting (Tues 20 Jan)": the day before sending.
        sent_on = find_date([head[n] for n in sorted(sent)])
        day = to_date(sent_on)
        record.date = (recent_date(" ".join(unsent), day) if day else None) or sent_on
    record.start_time, record.end_time = find_meeting_times(unsent, lines)
    record.venue = find_venue(head)
    # A web page's menus can push "Minutes of the meeting … held at X on …,
    # commencing at 10.00 am" past the first lines: that line is read too.
    more = [ln.bare for ln in lines[HEAD_LINES : 2 * HEAD_LINES] if _HELD.match(ln.low)]
    if more and record.venue is None:
        record.venue = find_venue(more)
    if more and record.start_time is None:
        record.start_time, end = find_meeting_times(more, lines)
        record.end_time = record.end_time or end
    if mailed:
        record.venue = mail_venue(bare, record.venue)
    meeting = to_date(record.date)
    record.next_meetings = extract_next_meetings(lines, meeting)
    if any(len(p.name) > 2 and p.name[1] in " ." for p in attendance.people):
        expand_initials(attendance.people, text.plain())
    record.attendance = attendance.people

    people = [p.name for p in attendance.people]
    next_date = record.next_meetings[0].date if record.next_meetings else None
    # First pass finds action tables, whose rows must not be read as items.
    roles = role_holders(attendance.people)
    # "KD9AAA will …": a radio club's members are named by their call signs too.
    listed = " ".join(" ".join(text.blocks[i].cells) for i in attendance.blocks)
    roles.update(call_signs(people, listed))
    # "@abrook to …": people named by an account handle beside their name.
    roles.update((k, v) for k, v in handles(people, listed).items() if k not in roles)
    # "Rémy Giraud (RGr)": initials the minutes use for an attendee.
    roles.update((k, v) for k, v in bracketed_initials(people, listed).items() if k not in roles)
    tables = read_action_tables(text, lines, people, meeting, next_date, roles)
    side_cols = tables.side_cols
    skip = attendance.blocks | tables.action_blocks
    # Without action tables the items are those already found.
    found_items = extract_items(lines, skip) if tables.action_blocks else items0
    record.items = [f.item for f in found_items]
    item_starts = {f.line: f.item.title for f in found_items}
    # "Presentation by Dr Ann Lee, …": a speaker named only in an item's title.
    record.attendance = record.attendance + presenters(
        [i.title for i in record.items], attendance.people
    )
    # "Ann Lee, 12 Mill Road, spoke …": speakers from the floor, and people
    # who joined remotely, named only where they spoke.
    record.attendance += speakers(
        [ln.bare for ln in lines if ln.block not in attendance.blocks], record.attendance
    )
    # Narrative cells of action tables still record decisions; only the
    # owner and date columns are skipped.
    decisions = extract_decisions(lines, attendance.blocks, item_starts, side_cols)
    decisions = approvals_in_full(decisions, found_items, lines)
    if record.kind == "report":
        # A report proposes; nothing in it was decided or assigned at a meeting.
        decisions = []
    else:
        record.actions = extract_actions(
            text,
            lines,
            attendance.blocks,
            people,
            meeting,
            next_date,
            decisions,
            tables=tables,
            roles=roles,
        )
        decisions = tasks_not_decisions(decisions, people)
    record.decisions = [d.text for d in decisions]
    if record.kind == "other" and (record.decisions or record.actions):
        # What was decided or given to someone: a meeting's record, whatever
        # its heading calls it ("Organiser catch-up", "2019-11-06").
        record.kind = "minutes"
    reading = Reading(
        lines, set(attendance.blocks), set(item_starts), people, roles, meeting, next_date
    )
    return record, reading
