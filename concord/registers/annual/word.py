"""The annual report in Word, in Concord's house style (``concord.lib.word``): each
section's writer puts its data under the heading the report gives it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from concord.lib.word import new_document
from concord.registers.kinds import money

if TYPE_CHECKING:
    from concord.registers.annual.sections import Section
    from concord.registers.annual.year import ReportYear


def _table(document: Any, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def introduction(document: Any, data: list[str]) -> None:
    for paragraph in data or ["No introduction has been written yet."]:
        document.add_paragraph(paragraph)


def added_value(document: Any, data: Any) -> None:
    document.add_paragraph(
        f"{data.count} pieces of added value in all, worth {money(data.money)} where a value "
        f"was given ({data.awards} of them funding awards, counted from the funding register)."
    )
    _table(
        document,
        ["Category", "Entries", "Awards", "Money value"],
        [(r.label, r.entries, r.awards, money(r.money)) for r in data.rows]
        + [("Total", data.entries, data.awards, money(data.money))],
    )
    for row in data.rows:
        examples = data.examples.get(row.category) or []
        if examples:
            document.add_heading(row.label, level=3)
            for entry in examples:
                value = f" ({money(entry.money_value)})" if entry.money_value is not None else ""
                document.add_paragraph(
                    f"{entry.title}{value}, {entry.body.name}, {entry.date:%-d %B %Y}",
                    style="List Bullet",
                )


def funding(document: Any, data: Any) -> None:
    document.add_paragraph(
        f"{data.count} award{'s' if data.count != 1 else ''} worth {money(data.money)}; "
        f"{data.submitted} bid{'s' if data.submitted != 1 else ''} submitted and "
        f"{data.declined} declined in the year."
    )
    if data.awards:
        _table(
            document,
            ["Bid", "Funder", "Lead body", "Awarded on", "Amount"],
            [
                (
                    b.title,
                    b.funder,
                    b.body.name,
                    f"{b.decided_on:%-d %b %Y}",
                    money(b.amount_awarded),
                )
                for b in data.awards
            ],
        )


def publicity(document: Any, data: Any) -> None:
    document.add_paragraph(
        f"{data.coverage} pieces of coverage, reaching {data.reach:,} readers, listeners or "
        f"viewers, worth {money(data.value)} in advertising value equivalent."
    )
    if data.awards:
        document.add_paragraph("Awards won:")
        for award in data.awards:
            document.add_paragraph(
                f"{award.headline} ({award.outlet}, {award.date:%-d %B %Y})", style="List Bullet"
            )


def meetings(document: Any, data: Any) -> None:
    document.add_paragraph(f"{data.held} meeting{'s' if data.held != 1 else ''} held.")
    if data.by_body:
        _table(document, ["Body", "Meetings held"], data.by_body)
    if data.by_sector:
        document.add_heading("Attendance by sector", level=3)
        _table(
            document,
            ["Sector", "Expected", "Attended", "Apologies", "Absent", "Rate"],
            [
                (
                    r.label,
                    r.expected,
                    r.attended,
                    r.apologies,
                    r.absent,
                    "—" if r.rate is None else f"{r.rate:.0f}%",
                )
                for r in data.by_sector
            ],
        )


def decisions(document: Any, data: Any) -> None:
    shown = len(data.decisions)
    more = f", the latest {shown} listed" if shown < data.count else ""
    document.add_paragraph(f"{data.count} decision{'s' if data.count != 1 else ''}{more}.")
    for d in data.decisions:
        meeting = d.item.meeting
        document.add_paragraph(
            f"{meeting.body.name}, {meeting.date:%-d %B %Y}: {d.get_kind_display()} — {d.text}",
            style="List Bullet",
        )


def indicators(document: Any, data: Any) -> None:
    if data is None:
        document.add_paragraph("No indicators are reported yet.")
        return
    document.add_paragraph(
        f"{data.percent} of indicators achieving target in {data.area_name} at the year end: "
        f"{data.achieving} of {data.denominator} judged ({data.amber} amber, {data.red} red; "
        f"{data.data_only} with no target and {data.no_data} with no data left out)."
    )
    if data.trend is not None:
        _table(
            document,
            ["Financial year", "% achieving", "Achieving", "Amber", "Red", "No target", "No data"],
            [
                (r.year, r.percent, r.achieving, r.amber, r.red, r.data_only, r.no_data)
                for r in data.trend.overall
            ],
        )
    document.add_paragraph(data.method)


def risks(document: Any, data: Any) -> None:
    document.add_paragraph(
        f"{data.live} open or tolerated risk{'s' if data.live != 1 else ''} on "
        f"{data.as_at:%-d %B %Y}, {data.above_target} above target. By likelihood (rows) "
        "and impact (columns):"
    )
    _table(
        document,
        ["Likelihood"] + [f"Impact {n}" for n, _ in data.axes["impact"]],
        [[row[0].likelihood] + [c.count for c in row] for row in data.rows],
    )


def case_studies(document: Any, data: list[Any]) -> None:
    if not data:
        document.add_paragraph("No case studies yet.")
    for study in data:
        document.add_heading(study.title, level=3)
        for paragraph in study.paragraphs:
            document.add_paragraph(paragraph)


def report_document(y: ReportYear, sections: Sequence[Section], partnership: str) -> bytes:
    """The whole report as a .docx: a title, then each section under its heading."""
    title = f"{partnership}: annual report {y.label}"
    marking = None if y.published else ("DRAFT", "Draft: not yet published")
    document = new_document(title, marking=marking)
    document.add_heading(title, level=0)
    document.add_paragraph(
        f"The financial year 1 April {y.start.year} to 31 March {y.end.year}."
        + (" Public information only." if y.public_only else "")
    )
    for section in sections:
        document.add_heading(section.title, level=1)
        section.word(document, section.data)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def events(document: Any, data: Any) -> None:
    if not data.events:
        document.add_paragraph("No events were held in the year.")
        return
    count = len(data.events)
    document.add_paragraph(
        f"{count} event{'s' if count != 1 else ''} held, with {data.places} "
        f"place{'s' if data.places != 1 else ''} taken in all."
    )
    _table(
        document,
        ["Event", "Date", "Run by", "Places taken"],
        [
            (
                e.title,
                f"{timezone.localtime(e.starts_at):%-d %b %Y}",
                e.body.name if e.body else "The partnership",
                e.taken,
            )
            for e in data.events
        ],
    )


def recommendations(document: Any, data: Any) -> None:
    if not data:
        document.add_paragraph("No recommendations were progressed in the year.")
        return
    _table(
        document,
        ["Recommendation", "Made by", "What has happened", "Status"],
        [
            (
                f"{row.recommendation.reference + '. ' if row.recommendation.reference else ''}"
                f"{row.recommendation.text}",
                f"{row.recommendation.source_name}, {row.recommendation.made_on:%-d %b %Y}",
                "\n".join(f"{u.date:%-d %b %Y}: {u.note}" for u in row.updates),
                row.status,
            )
            for row in data
        ],
    )
