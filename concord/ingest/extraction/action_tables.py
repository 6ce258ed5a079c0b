"""Action tables (action, who and when columns) and rows under an "Outstanding actions" heading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from concord.ingest.extraction.action_found import Collector, Found
from concord.ingest.extraction.action_text import ownerish, parse_action_text, resolve_names
from concord.ingest.extraction.dates import find_dates
from concord.ingest.extraction.layout import NUMBER_CELL, Line, may_hold, sentences
from concord.ingest.extraction.names import split_owners
from concord.ingest.text import BLANK, ROW, Block, Text

_ACTION_HEAD = re.compile(
    r"^(?:agreed\s+)?actions?\b(?!\s+plan)|^(?:task|what|description|issue|detail)s?\b", re.I
)
_WHO_HEAD = re.compile(
    r"^(?:who|by\s+whom|owner|lead|responsib|resp\b|action\s+by|action\s+owner|actionee|officer|"
    r"person|assigned)",
    re.I,
)
_DUE_HEAD = re.compile(
    r"^(?:timescale|by\s+when|when|due|deadline|date|target|completion|timeframe|by)\b", re.I
)
_STATUS_HEAD = re.compile(r"^(?:status|progress|update|comments?|rag|outcome|done)\b", re.I)
_LIST_HEAD = re.compile(
    r"\b(?:outstanding|carried\s+forward|action\s+log|actions?\s+(?:from|arising|log|update|tracker|list|points?|summary)|"
    r"previous\s+actions|matters\s+arising\s+(?:and\s+)?actions?)\b|^actions?\s*:?$",
    re.I,
)
# Every heading ``_LIST_HEAD`` finds holds one of these words.
_LIST_HEAD_WORDS = ("outstanding", "carried", "action", "previous", "matters")
_DONE = re.compile(
    r"^(?:complete[d]?|done|closed|ongoing|in progress|open|n/?a|discharged|green|amber|red)\.?$",
    re.I,
)


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    labels = [c.split("\n")[0].strip(" :*").lower() for c in cells]
    cols: dict[str, int] = {}
    for j, lab in enumerate(labels):
        if not lab or len(lab.split()) > 5:
            continue
        if "who" not in cols and _WHO_HEAD.match(lab):
            cols["who"] = j
        elif "due" not in cols and _DUE_HEAD.match(lab):
            cols["due"] = j
        elif "status" not in cols and _STATUS_HEAD.match(lab):
            cols["status"] = j
        elif "desc" not in cols and _ACTION_HEAD.match(lab):
            cols["desc"] = j
        elif re.match(r"^(no\.?|ref\.?|#|item|number)$", lab):
            cols["num"] = j
    if "who" in cols and "desc" in cols:
        return cols
    return None


def _pick_sentences(cell: str, owners_list: list[list[str]], people: list[str]) -> list[str]:
    """In a narrative cell, the sentence that states each owner's task."""
    sents: list[str] = []
    for para in cell.split("\n"):
        sents.extend(sentences(para.lstrip("• ")))
    chosen: list[str] = []
    used: set[int] = set()
    for owners in owners_list:
        keys = []
        for o in owners:
            keys.append(o.lower())
            keys.append(o.split()[0].lower())
        if any(k in ("all", "everyone") for k in keys):
            keys += ["all", "everyone", "anyone", "members", "it was agreed"]
        best = None
        for idx in range(len(sents) - 1, -1, -1):
            if idx in used:
                continue
            s = sents[idx].lower()
            starts = any(re.match(rf"^(?:it was agreed that\s+)?{re.escape(k)}\b", s) for k in keys)
            mentions = any(re.search(rf"\b{re.escape(k)}\b", s) for k in keys)
            cue = re.search(r"\b(agreed to|will|to|would|offered to|volunteered|undertook)\b", s)
            said = re.match(
                r"^\S+(\s\S+)?\s+(said|asked|explained|reported|noted|felt|stated|commented)\b", s
            )
            score = (3 if starts and cue and not said else 0) + (
                2 if mentions and cue and not said else 0
            )
            score += 1 if mentions else 0
            if "agreed" in s:
                score += 1
            if score and (best is None or score > best[0]):
                best = (score, idx)
        if best is None:
            free = [k for k in range(len(sents)) if k not in used]
            if not free:
                chosen.append("")
                continue
            best = (0, free[-1])
        used.add(best[1])
        chosen.append(sents[best[1]])
    return chosen


def _narrative_task(sentence: str, owners: list[str]) -> str:
    s = sentence.strip()
    m = re.search(r"\b(?:agreed|offered|volunteered|undertook)\s+to\s+(.+)$", s, re.I)
    if m and not re.match(r"^it\s+was\s+agreed", s, re.I):
        return m.group(1)
    return s


@dataclass
class ActionTables:
    """Actions found in tables, the table columns holding owners/dates, and table blocks."""

    found: list[Found] = field(default_factory=list)
    side_cols: dict[int, set[int]] = field(default_factory=dict)
    action_blocks: set[int] = field(default_factory=set)


def read_action_tables(
    text: Text,
    lines: list[Line],
    people: list[str],
    meeting_date: date | None,
    next_meeting: str | None,
    roles: dict[str, str] | None = None,
) -> ActionTables:
    """Action tables (action, who and when columns) and outstanding-action lists."""
    tables = ActionTables()
    out = Collector.over(tables.found, lines, meeting_date, next_meeting, roles, people)
    blocks = text.blocks
    i = 0
    list_mode = False
    while i < len(blocks):
        b = blocks[i]
        if b.kind != ROW:
            if b.kind != BLANK:
                t = b.cells[0] if b.cells else ""
                # Word count first: the heading pattern is costly on long paragraphs.
                list_mode = (
                    len(t.split()) <= 8
                    and may_hold(t, _LIST_HEAD_WORDS)
                    and bool(_LIST_HEAD.search(t))
                )
            i += 1
            continue
        cols = _header_columns(list(b.cells))
        if cols is None:
            if list_mode:
                i = _loose_rows(blocks, i, people, out, tables)
                list_mode = False
                continue
            i += 1
            continue
        i = _read_table(blocks, i, cols, people, out, tables)
    return tables


def _read_table(
    blocks: list[Block],
    i: int,
    cols: dict[str, int],
    people: list[str],
    out: Collector,
    tables: ActionTables,
) -> int:
    """The rows under the column headings at block ``i``; returns the block after the table."""
    b = blocks[i]
    header = [c.strip().lower() for c in b.cells]
    tables.action_blocks.add(i)
    prev: Found | None = None
    j = i + 1
    gap = 0
    while j < len(blocks):
        r = blocks[j]
        if r.kind != ROW:
            # Converted tables interleave rows with paragraphs (a row whose
            # empty cells were lost); a long run of prose ends the table.
            gap += r.kind != BLANK
            if gap > 15:
                break
            j += 1
            continue
        gap = 0
        cells = list(r.cells)
        if [c.strip().lower() for c in cells] == header:
            j += 1
            continue
        if _header_columns(cells) is not None:
            break
        if len(cells) == len(b.cells) + 1 and NUMBER_CELL.match(cells[0].strip()):
            cells = cells[1:]
        prev = _table_row(cells, j, cols, people, out, tables, prev)
        j += 1
    return j


def _table_row(
    cells: list[str],
    j: int,
    cols: dict[str, int],
    people: list[str],
    out: Collector,
    tables: ActionTables,
    prev: Found | None,
) -> Found | None:
    """The actions of one table row; returns the last action found so far."""
    desc, who, when = (_cell(cells, cols, k) for k in ("desc", "who", "due"))
    tables.side_cols.setdefault(j, set()).update(
        cols[k] for k in ("who", "due", "status") if k in cols
    )
    if not desc.strip() and (who.strip() or when.strip()) and prev is not None:
        # A row with only an owner continues the row above.
        prev.action.owners = resolve_names(
            split_owners(" / ".join(prev.action.owners) + " / " + who), people
        )
        tables.action_blocks.add(j)
        return prev
    if not who.strip():
        return prev
    tables.action_blocks.add(j)
    found = out.found
    where = out.first_line.get(j, 0)
    whos = [w for w in who.split("\n") if w.strip()]
    whens = [w for w in when.split("\n") if w.strip()]
    paras = [p for p in desc.split("\n") if p.strip()]
    narrative = len(sentences(desc.replace("\n", " "))) > max(2, len(whos))
    if narrative:
        owner_lists = [resolve_names(split_owners(w), people) for w in whos]
        picks = _pick_sentences(desc, owner_lists, people)
        for k, (owners, s) in enumerate(zip(owner_lists, picks, strict=False)):
            wording = whens[k] if k < len(whens) else (whens[-1] if whens else None)
            d, extra, _ = parse_action_text(_narrative_task(s, owners), people)
            out.add(d, owners or extra, out.due_of(wording, d), where, "table")
            prev = found[-1] if found else None
    else:
        items = paras if len(paras) == len(whos) > 1 else [" ".join(paras)]
        for k, p in enumerate(items):
            w = whos[k] if len(items) > 1 else " / ".join(whos)
            d, extra, dw = parse_action_text(p, people)
            owners = resolve_names(split_owners(w), people) or extra
            wording = (whens[k] if len(items) > 1 and k < len(whens) else when) or dw
            out.add(d, owners, out.due_of(wording, d), where, "table")
            prev = found[-1] if found else None
    return prev


def _cell(cells: list[str], cols: dict[str, int], key: str) -> str:
    return cells[cols[key]] if key in cols and cols[key] < len(cells) else ""


def _loose_rows(
    blocks: list[Block], i: int, people: list[str], out: Collector, tables: ActionTables
) -> int:
    """Rows under an "Outstanding actions" heading, with no column headings."""
    j = i
    while j < len(blocks) and blocks[j].kind in (ROW, BLANK):
        b = blocks[j]
        if b.kind == ROW:
            cells = [c for c in b.cells if c.strip()]
            if cells and NUMBER_CELL.match(cells[0].strip()):
                cells = cells[1:]
            cells = [c for c in cells if not _DONE.match(c.strip())]
            due_cells = [c for c in cells if len(c.split()) <= 4 and find_dates(c)]
            cells = [c for c in cells if c not in due_cells]
            if len(cells) >= 2 and ownerish(cells[-1]):
                d, extra, dw = parse_action_text(max(cells[:-1], key=len), people)
                owners = resolve_names(split_owners(cells[-1]), people)
                out.add(
                    d,
                    owners or extra,
                    out.due_of(due_cells[0] if due_cells else dw, d),
                    out.first_line.get(j, 0),
                    "list",
                )
                tables.side_cols.setdefault(j, set()).update(range(1, len(b.cells)))
                tables.action_blocks.add(j)
        j += 1
    return j
