"""Reading a page's query parameters without ever failing with a 500.

A parameter that was given but cannot be used is a problem to tell the reader
(the page answers 400 and names the parameter); one that is absent takes the
page's default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping


def query_date(
    params: Mapping[str, str], name: str, label: str, problems: list[str]
) -> dt.date | None:
    """The date in ``params[name]`` (``YYYY-MM-DD``), or ``None``; a given value that
    is not a real date adds a problem naming ``label``.

    >>> problems = []
    >>> query_date({"from": "2024-02-29"}, "from", "From", problems)
    datetime.date(2024, 2, 29)
    >>> query_date({"from": "2024-02-30"}, "from", "From", problems), problems
    (None, ['From: “2024-02-30” is not a date; write it as YYYY-MM-DD, e.g. 2024-02-29.'])
    """
    text = (params.get(name) or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    problems.append(
        f"{label}: “{text[:20]}” is not a date; write it as YYYY-MM-DD, e.g. 2024-02-29."
    )
    return None
