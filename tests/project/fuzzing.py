"""A crawler that finds every page, query parameter and form of the site from its own HTML,
and a fuzzer that sends each of them absurd values (used by ``test_fuzz_every_page``).

Pages are discovered, not listed: every URL pattern without arguments is a
seed, and every link, form action and htmx URL on a crawled page is followed,
one URL per pattern. A page's query parameters are the fields of its GET
forms and the parameters of links to it; a form's fields are read from the
rendered ``<form>`` (inputs, selects, textareas, with their rendered values
as the baseline), so a new page, parameter or field is covered without
editing the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# Not crawled: Django's own admin, the JSON API (schemathesis checks it against its
# OpenAPI document), static and media files, and signing out (it would end the crawl).
SKIPPED_PREFIXES = ("/admin/", "/api/", "/static/", "/media/", "/accounts/logout/")

HUGE = "9" * 40
LONG = "x" * 100_000
# Absurd values for every parameter and field: huge and negative integers, wrong
# types, dates and periods that do not exist or overflow, a 100k string, NUL bytes.
ABSURD = [
    HUGE,
    "-" + HUGE,
    "-1",
    "1e309",
    "[]",
    "0000-00-00",
    "2024-02-30",
    "9999-Q4",
    "0001-Q1",
    "9999/00",
    LONG,
    "a\x00b",
]
# Sent to every query parameter on its own (the others absent): the values that reach
# past a page's defaults into a query or a date computation.
PER_PARAM = [HUGE, "-1", "9999/00"]
# Sent to every form field on its own (the rest keep their rendered values): an id
# or number no database integer can hold, the commonest way past validation.
PER_FIELD = [HUGE]


def pattern_names() -> list[str]:
    """Every named URL pattern of the site outside :data:`SKIPPED_PREFIXES`."""

    def walk(patterns: list, prefix: str, namespace: str) -> Iterator[tuple[str, str]]:
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{p.namespace}:" if p.namespace else namespace
                yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and p.name:
                yield prefix + str(p.pattern), namespace + p.name

    names = []
    for route, name in walk(get_resolver().url_patterns, "/", ""):
        if not route.startswith(SKIPPED_PREFIXES):
            names.append(name)
    return sorted(set(names))


def pattern_of(path: str) -> str | None:
    """``namespace:name`` of the pattern a path resolves to, or ``None``."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


@dataclass
class Form:
    """A ``<form method="post">`` as rendered: where it goes and its fields' values."""

    action: str
    pattern: str
    fields: dict[str, list[str]]
    files: list[str]

    def shapes(self) -> set[str]:
        """Field names up to row numbers: ``form-3-status`` is ``form-#-status``."""
        return {shape(name) for name in [*self.fields, *self.files]}

    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.pattern, tuple(sorted(self.shapes()))

    def first_of_each_shape(self) -> list[str]:
        """One field per shape (the first row of a formset stands for the others)."""
        chosen: dict[str, str] = {}
        for name in [*self.fields, *self.files]:
            chosen.setdefault(shape(name), name)
        return list(chosen.values())


def shape(name: str) -> str:
    return re.sub(r"\d+", "#", name)


@dataclass
class Site:
    """What the crawl found: one URL per pattern, GET parameters, POST forms."""

    pages: dict[str, str] = field(default_factory=dict)
    params: dict[str, set[str]] = field(default_factory=dict)
    forms: dict[tuple[str, tuple[str, ...]], Form] = field(default_factory=dict)
    errors: list[tuple[str, int]] = field(default_factory=list)


def _internal(base: str, href: str | None) -> str | None:
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    url = urljoin(base, href)
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver"):
        return None
    path = parts.path
    if path.startswith(SKIPPED_PREFIXES):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def _form_fields(form) -> tuple[dict[str, list[str]], list[str]]:  # a bs4 Tag
    fields: dict[str, list[str]] = {}
    files: list[str] = []
    for tag in form.find_all(["input", "select", "textarea", "button"]):
        name = tag.get("name")
        if not name:
            continue
        if tag.name == "input" and tag.get("type") == "file":
            files.append(name)
            continue
        if tag.name == "button" or tag.get("type") == "submit":
            if tag.get("value") is not None:
                fields.setdefault(name, [tag.get("value")])
            continue
        if tag.name == "select":
            chosen = [
                o.get("value", o.text) for o in tag.find_all("option") if o.has_attr("selected")
            ]
            if not chosen and not tag.has_attr("multiple"):
                first = tag.find("option")
                chosen = [first.get("value", first.text)] if first else []
            fields.setdefault(name, []).extend(chosen)
        elif tag.name == "textarea":
            fields.setdefault(name, []).append(tag.text)
        elif tag.get("type") in ("checkbox", "radio"):
            fields.setdefault(name, [])
            if tag.has_attr("checked"):
                fields[name].append(tag.get("value", "on"))
        else:
            fields.setdefault(name, []).append(tag.get("value", ""))
    return fields, files


def crawl(
    client: Client, limit: int = 400, per_pattern: int = 3, start: tuple[str, ...] = ()
) -> Site:
    """Visit the site as ``client`` from ``start`` (pages the world links only where the
    crawl's per-pattern limit may not look) and every argument-less pattern, at most
    ``per_pattern`` URLs per pattern (the first is the one fuzzed)."""
    from django.urls import NoReverseMatch, reverse

    site = Site()
    queue: list[str] = list(start)
    for name in pattern_names():
        try:
            queue.append(reverse(name))
        except NoReverseMatch:
            continue
    seen: set[str] = set()
    visits: dict[str, int] = {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        path, _, query = url.partition("?")
        pattern = pattern_of(path)
        if pattern is None:
            continue
        for name, _value in parse_qsl(query, keep_blank_values=True):
            site.params.setdefault(pattern, set()).add(name)
        if path in seen or visits.get(pattern, 0) >= per_pattern:
            continue
        seen.add(path)
        visits[pattern] = visits.get(pattern, 0) + 1
        response = client.get(path)
        if response.status_code >= 500:
            site.errors.append((path, response.status_code))
            continue
        if response.status_code != 200:
            continue
        site.pages.setdefault(pattern, path)
        if "html" not in response.get("Content-Type", ""):
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            if (found := _internal(path, tag["href"])) is not None:
                queue.append(found)
        for tag in soup.find_all(attrs={"hx-get": True}):
            if (found := _internal(path, tag["hx-get"])) is not None:
                queue.append(found)
        for tag in soup.find_all("form"):
            target = _internal(path, tag.get("action") or path)
            if target is None:
                continue
            target_path = target.partition("?")[0]
            target_pattern = pattern_of(target_path)
            if target_pattern is None:
                continue
            fields, files = _form_fields(tag)
            if (tag.get("method") or "get").lower() == "get":
                site.params.setdefault(target_pattern, set()).update(fields)
                queue.append(target_path)
            else:
                form = Form(target, target_pattern, fields, files)
                # Forms of one pattern whose fields differ only in how many rows they
                # have (attendance sheets of 5 or 9 people) are fuzzed once.
                if not any(
                    other.pattern == form.pattern
                    and (other.shapes() <= form.shapes() or form.shapes() <= other.shapes())
                    for other in site.forms.values()
                ):
                    site.forms[form.key()] = form
    return site


def absurd_file(value: str) -> SimpleUploadedFile:
    """An upload that is not what its name says."""
    return SimpleUploadedFile("absurd.xlsx", value.encode("utf-8", "surrogatepass")[:200_000])


def get_url(path: str, params: dict[str, str]) -> str:
    return f"{path}?{urlencode(params)}"
