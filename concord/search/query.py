"""What a person typed in the search box, made safe for the database's full-text syntax.

The box takes what web search engines take: words (all of them must be
there), ``"a quoted phrase"``, ``or`` between two alternatives and ``-word``
to leave a word out. PostgreSQL reads that itself (``websearch_to_tsquery``
never fails on odd input); SQLite's FTS5 has its own syntax, in which a stray
quote, bracket or ``NEAR`` is an error, so :func:`fts5_expression` rebuilds the
query from its words, each one quoted. Nothing of the typed text reaches the
database except letters and digits inside double quotes.
"""

from __future__ import annotations

import re

# Longest query read: beyond this a "query" is a pasted document, not a search.
MAX_QUERY_CHARS = 200
# At most this many terms are used (every term is one more index lookup).
MAX_TERMS = 12

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def clean_query(text: str) -> str:
    """The query as it will be used: control characters (NUL too) gone, spaces
    collapsed, cut to :data:`MAX_QUERY_CHARS`.

    >>> clean_query("  safer\\x00 \\t streets  ")
    'safer streets'
    """
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_QUERY_CHARS]


def fts5_expression(text: str) -> str:
    """An FTS5 ``MATCH`` expression for a query, or ``""`` when nothing in it can be
    searched for (no words, or only words to leave out).

    >>> fts5_expression('youth "knife crime" -Harrowby')
    '("youth") AND ("knife crime") NOT "harrowby"'
    >>> fts5_expression("parks or gardens")
    '("parks" OR "gardens")'
    >>> fts5_expression('NEAR( "unclosed * ^col:')
    '("near") AND ("unclosed col")'
    >>> fts5_expression("-- ()")
    ''
    """
    clauses: list[list[str]] = []
    left_out: list[str] = []
    alternative = False
    for match in _TERM.finditer(clean_query(text)):
        phrase, bare = match.groups()
        negated = False
        if bare is not None:
            if bare.lower() == "or":
                alternative = bool(clauses)
                continue
            if bare.startswith("-"):
                negated, bare = True, bare[1:]
        words = _WORD.findall((phrase if phrase is not None else bare).lower())
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if negated:
            left_out.append(term)
        elif alternative:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        alternative = False
        if len(clauses) + len(left_out) >= MAX_TERMS:
            break
    if not clauses:
        return ""
    expression = " AND ".join("(" + " OR ".join(clause) + ")" for clause in clauses)
    return expression + "".join(f" NOT {term}" for term in left_out)
