"""When a meeting started and ended: its heading's times ("7.00 – 9.15 pm"),
or "The meeting closed at 8.50pm" / "Meeting opened: 1318" further on."""

from __future__ import annotations

import re

from concord.ingest.extraction.dates import find_dates
from concord.ingest.extraction.dates import find_times as find_times_in
from concord.ingest.extraction.layout import Line


def find_meeting_times(head: list[str], lines: list[Line]) -> tuple[str | None, str | None]:
    """Start and end time from the heading, or "the meeting closed at" later;
    a time told without am or pm is put in the half of the day the document's
    other times point to (:func:`_in_the_evening`)."""
    start = end = None
    bare_start = bare_end = False
    previous = ""
    for line in head:
        if find_dates(line, partial=False) and not find_times_in(line):
            continue
        times = find_times_in(line)
        if times and _END_CUE.search(f"{previous[-12:]} {line[: times[0][0]]}".lower()):
            break  # "… got going about 7, finished / at 8.35": when it ended, read below
        previous = line
        if times:
            start, bare_start = times[0][1], _bare(line, times[0][0])
            rng = re.search(r"(?:[–—-]|\bto\b|\buntil\b|\btill\b)\s*", line[times[0][0] :])
            if len(times) > 1 and rng:
                end, bare_end = times[1][1], _bare(line, times[1][0])
            break
    # Most minutes name none of the cue verbs anywhere: one substring test of
    # the whole text per verb, rather than two patterns on every line.
    whole = "\n".join(ln.low for ln in lines)
    if start is None or end is None:
        # "Meeting opened: 1318", "- Closed: 19:35", "## 22:10 Close": a label.
        for n, ln in enumerate(lines):
            if len(ln.text) > 40 or not _TIME_WORD.search(ln.low):
                continue
            label = _labelled_time(ln.text, lines[n + 1].text if n + 1 < len(lines) else "")
            if label and label[0] == "start" and start is None:
                start, bare_start = label[1], False
            elif label and label[0] == "end" and end is None:
                end, bare_end = label[1], False
    ends = any(cue in whole for cue in _END_CUES)
    if ends or (start is None and any(cue in whole for cue in _START_CUES)):
        for n, ln in enumerate(lines):
            # Plain substring tests first: this runs on every line, and each
            # pattern below needs one of its verbs.
            low = ln.low  # (the cues are words: a bullet marker changes nothing)
            m = _ENDED.search(ln.text) if _END_CUE.search(low) else None
            if m:
                told = m.group("t") or m.group("bare")
                t = find_times_in(told) or _four_figures(told)
                if not t and n + 1 < len(lines) and m.end() == len(ln.text):
                    # "… closed the meeting at" / "9.17 p.m.": wrapped at the line's end.
                    told = lines[n + 1].text[:20]
                    t = find_times_in(told)
                if t:
                    end, bare_end = t[0][1], _bare(told, t[0][0])
            if start is not None or not _START_CUE.search(low):
                continue
            m = _STARTED.search(ln.text)
            if m:
                told = m.group("t") or m.group("bare")
                t = find_times_in(told) or _four_figures(told)
                hour = _BARE_HOUR.match(told)
                if hour:
                    # "got going about 7": an hour alone, no minutes.
                    start, bare_start = f"{int(hour.group(1)):02d}:00", True
                elif t:
                    start, bare_start = t[0][1], _bare(told, t[0][0])
    if bare_start and start and _in_the_evening(int(start[:2]), whole):
        start = _afternoon(start)
    if bare_end and end and start and end < start and int(end[:2]) < 12:
        end = _afternoon(end)
    return start, end


def _afternoon(time: str) -> str:
    """ "07:15" → "19:15"."""
    return f"{int(time[:2]) + 12:02d}{time[2:]}"


# "7.15", "2:00": a clock time with a one-figure hour and neither am nor pm.
_BARE = re.compile(r"\d[.:][0-5]\d(?![\d:]|\.\d)(?!\s*(?:[ap]\.?\s?m\b|noon|hrs|hours|h\b))", re.I)
_PM = re.compile(r"(?<![\d.:])(\d{1,2})(?:[.:][0-5]\d)?\s*p\.?\s?m\b")


def _bare(text: str, at: int) -> bool:
    return _BARE.match(text, at) is not None


def _in_the_evening(hour: int, text: str) -> bool:
    """Whether a meeting that started at ``hour`` (told without am or pm)
    started in the afternoon or evening: no one meets from one to six in the
    morning, and "7.15" means the evening in a document that gives another
    meeting as "7pm" or "7.30 pm".

    A note of "last night's" meeting, "Thursday night's" or one "tonight",
    was in the evening too.

    >>> _in_the_evening(2, ""), _in_the_evening(7, "next 16 feb, 7pm"), _in_the_evening(9, "")
    (True, True, False)
    >>> _in_the_evening(7, "here are my notes from last night at the hut")
    True
    """
    if 1 <= hour <= 6:
        return True
    if not 7 <= hour <= 11:
        return False
    if "night" in text and _NIGHT.search(text):
        return True
    if "p" not in text:
        return False
    return any(abs(int(m.group(1)) - hour) <= 1 for m in _PM.finditer(text))


_NIGHT = re.compile(r"\b(?:last\s+|to|(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)night\b")
_END_CUES = (
    "close", "ended", "finished", "concluded", "adjourned", "terminated", "wrapped", "done",
)  # fmt: skip
_START_CUES = ("started", "commenced", "open", "began", "order", "kicked", "got going")
# "about 7, finished at 8.35": an hour told alone (no minutes, no am or pm).
_BARE_HOUR = re.compile(
    r"\s*(?:about\s+|around\s+|at\s+)?([1-9]|1[0-2])(?![\d.:])(?!\s*(?:[ap]\.?\s?m\b|o['’]clock))"
)
# One search for any of the cues (a substring, as ``in`` would find it).
_END_CUE = re.compile("|".join(_END_CUES))
_START_CUE = re.compile("|".join(_START_CUES))
# "The meeting closed at 8.15pm", "The AGM concluded at 9:02 pm", "Meeting
# Closed 12:47", "The Chair closed the meeting at 8.53pm", "called to order at 7".
_SUBJECT = r"(?:meeting|session|call|agm|egm)"
# "Started 6.00pm, finished 8.10pm.": the verb alone, a time after it.
# Informal notes: "We started at 6.30 …", "kicked off about 7.05 and were done
# by 8.40", "wrapped up right around 8:40", "Started about 7.15, finished
# about 9.30".
_ABOUT = r"(?:at\s+|about\s+|around\s+)?"
_ENDED = re.compile(
    rf"(?i)\b(?:{_SUBJECT}\s+(?:was\s+)?(?:closed|ended|finished|concluded|adjourned|terminated)|"
    rf"(?:closed|ended|adjourned|concluded)\s+the\s+(?:[\w'’-]+\s+){{0,4}}?{_SUBJECT}|wrapped\s+up|(?:were|was)\s+done|"
    rf"(?:and|we)\s+finished)\b\s*(?:[^.;]{{0,60}}?\bat\s+)?(?P<t>.{{3,20}})"
    rf"|(?:^|[,;.]\s+)(?:finished|ended|closed)\s+{_ABOUT}(?P<bare>\d.{{2,12}})"
)
_STARTED = re.compile(
    rf"(?i)\b(?:{_SUBJECT}\s+(?:was\s+)?(?:started|commenced|opened|open|began|called\s+to\s+order)|"
    rf"(?:opened|started|began|commenced)\s+the\s+{_SUBJECT}|called\s+(?:the\s+{_SUBJECT}\s+)?"
    rf"to\s+order|we\s+(?:started|began)|kicked\s+off|got\s+going)\b\s*"
    # (not past when it ended: "got going about 7, finished at 8.35")
    rf"(?:(?:(?!finish|ended|closed|wrapped)[^.;]){{0,60}}?\bat\s+)?(?P<t>.{{3,20}})"
    rf"|(?i:(?:^|[,;.]\s+)(?:started|began|commenced)\s+{_ABOUT})(?P<bare>\d.{{2,12}})"
)


# A time in a label: "Meeting opened: 1318", "- Closed: 19:35", "Meeting Close
# 20:55", or the time first: "## 20:06 Open", "22:10 Close".
_CLOCK = r"(?:\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?m\.?)?|[01]\d[0-5]\d|2[0-3][0-5]\d)(?:\s*(?:hrs|h))?"
_OPENS = r"open(?:ed|s)?|start(?:ed|s)?|commenced|began|close[ds]?|end(?:ed|s)?|finish(?:ed)?"
_TIME_LABEL = re.compile(
    rf"(?i)^(?:(?:the\s+)?meeting\s+)?(?P<w>{_OPENS})\s*[:\-–—]?\s*(?:at\s+)?(?P<t>{_CLOCK})?\.?$"
    rf"|^(?P<t2>{_CLOCK})\s*[:\-–—]?\s*(?:(?:meeting|session)\s+)?(?P<w2>{_OPENS})\.?$"
)
# The words a label of the meeting's times holds (a cheap test of every short line).
_TIME_WORD = re.compile(r"open|start|commenc|began|clos|end|finish")
_FOUR_FIGURES = re.compile(r"^\s*(?:at\s+)?([01]\d|2[0-3])([0-5]\d)\b(?!\s*[/-]\d)")


def _four_figures(told: str) -> list[tuple[int, str]]:
    """A 24-hour time in four figures: "1835" after "commenced at".

    >>> _four_figures("1835 by the Chair"), _four_figures("2024 budget")
    ([(0, '18:35')], [])
    """
    m = _FOUR_FIGURES.match(told)
    if not m or (m.group(1) in ("19", "20") and told[m.end() :].strip(" .")[:1] not in ("", ",")):
        return []
    return [(m.start(1), f"{m.group(1)}:{m.group(2)}")]


def _labelled_time(text: str, below: str) -> tuple[str, str] | None:
    """``("start" | "end", "HH:MM")`` from a line that labels a time, the
    time on the line below when the label stands alone ("Meeting Closed" /
    "1357").

    >>> _labelled_time("Meeting Opened: 1318", ""), _labelled_time("## 22:10 Close", "")
    (('start', '13:18'), ('end', '22:10'))
    >>> _labelled_time("Meeting Closed", "1357"), _labelled_time("Closed on Friday", "")
    (('end', '13:57'), None)
    """
    if len(text) > 40 or not any(c.isdigit() for c in text + below[:8]):
        return None
    m = _TIME_LABEL.match(text.strip().lstrip("#*-• ").strip())
    if not m:
        return None
    word = (m.group("w") or m.group("w2")).lower()
    clock = m.group("t") or m.group("t2")
    if clock is None:
        if not re.fullmatch(_CLOCK, below.strip().rstrip(".")):
            return None
        clock = below.strip().rstrip(".")
    found = find_times_in(clock) or _four_figures(clock)
    if not found:
        return None
    return ("end" if word[:1] in "cef" else "start"), found[0][1]
