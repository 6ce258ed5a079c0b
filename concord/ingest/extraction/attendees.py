"""One attendee, or a list of them, from an entry of an attendance section.

"Ann Lee (AL) Vice Chair", "Rosa Penn, (Chair) City Council", "Sue Bent,
June Jeffrey and Cllr Al Day", "Cllr Hal Pryor (substituting for Cllr
Moss)": name, title, organisation, role, status and deputising.
"""

from __future__ import annotations

import re

from concord.ingest.extraction.attendance_headings import role_word
from concord.ingest.extraction.attendee_person import (
    ANSWERED,
    DEPUTY,
    INITIALS,
    ROLE,
    TRAILING_STATUS,
    clean,
    parse_person,
    strip_role,
    without_initials,
)
from concord.ingest.extraction.names import (
    ORG_WORDS,
    POST_WORDS,
    looks_like_name,
    split_office,
    split_title,
)
from concord.ingest.record import Attendee

_PUBLIC_COUNT = re.compile(
    r"(?i)(?:^|,\s*|\s+and\s+)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"a\s+number\s+of|some|no)\s+members?\s+of\s+the\s+(?:public|press)\.?$"
)
# "… + 4 residents from Lowther Walk", "plus two observers": a count, not a person.
_PLUS_COUNT = re.compile(
    r"(?i)\s*(?:\+|,?\s+plus)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)"
    r"\s+[a-z]+\b.*$"
)
# "Derek & Pat Lomas": a couple sharing a surname.
_COUPLE = re.compile(r"^([A-Z][a-z]+)$")
_OFFICE_NAMED = re.compile(
    r"(?i)^(?:the\s+)?((?:(?:parish|town|city|locum|deputy|assistant)\s+)?(?:clerk|secretary|"
    r"treasurer|responsible\s+financial\s+officer|minute[- ]?taker))\s*\(([^()]{3,60})\)$"
)
# A holder named in brackets after a post: "(Mr. T. Gale)", "(Dr Ann Roe)".
_TITLED_IN_BRACKETS = re.compile(r"\(((?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[^()]{2,40})\)")
_AND = re.compile(r"^(?:and|&)\s+", re.I)
_VICE = re.compile(r"(?i)\b(?:vice|deputy)")
_ORG_ACRONYM = re.compile(
    r"^(?P<p>[^,\[\]]{3,60}),\s+(?P<o>[^,\[\]]{3,80}?)\s*\[[A-Z][A-Za-z]{1,7}\](?P<rest>[^,\[\]]*)$"
)
# "Mrs D Clements", "J Nicholas-Letch", "A. B. Smith": initials before a surname.
_INITIALLED = re.compile(
    r"(?:\b(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?\b(?:[A-Z]\.?\s+){1,2}[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?\b"
)
_LABEL_WORDS = re.compile(r"^(?:[A-Z][\w-]*\s*){1,3}$")
_CHAIR_LABEL = re.compile(r"(?i)\bchair(?:man|person|woman)?$")
_NONE = re.compile(r"^(none|nil|n/?a|no apologies|none received)\.?$", re.I)


# "LEE, Ann (Chair)": a surname in capitals before the first name.
_SURNAME_FIRST = re.compile(
    r"^([A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+)?),\s+([A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?)\b(?![,;])(.*)$"
)
CALL_SIGN = re.compile(
    r"[\s,]*[(\[–—-]?\s*\b(?:[A-Z]{1,2}|\d[A-Z]{1,2}|[A-Z]\d)\d[A-Z]{2,3}\b[)\]]?"
)
_PLURAL_TITLE = re.compile(r"^(?:councillors|cllrs\.?)\s+", re.I)


_ONE_POST = re.compile(r"^(?P<name>[^,;&–—()]+?(?:\([^()]*\))?)\s+[–—]\s+(?P<post>[^–—]+)$")
_POST_HEADS = POST_WORDS | {
    "member", "executive", "chief", "head", "spokesperson", "leader", "superintendent", "inspector",
}  # fmt: skip


def _one_post(text: str) -> bool:
    """ "Bo Roe – Cabinet Member for Parks and Leisure": one person and a post.

    A post of two or more words after a dash (its "and" and commas split
    nothing), not a list whose first entry has a one-word role.

    >>> _one_post("Kay Ash – Chief Executive, Healthwatch Northdale")
    True
    >>> _one_post("Ann Lee – Chair, Bo Roe and Cy Day")
    False
    """
    m = _ONE_POST.match(text)
    if not m or " and " in m.group("name"):
        return False
    head = re.split(r",|\s+and\s+", m.group("post"), maxsplit=1)[0].split()
    return len(head) >= 2 and any(w.lower().strip(".") in _POST_HEADS for w in head)


def _split_list(text: str, single: bool = False) -> list[str] | None:
    """Split "A, B and C" into names when every part looks like a person.

    A plural honorific gives its title to each name it heads:

    >>> _split_list("Councillors T. Brill, S. Okafor and Ann Lee")
    ['Cllr T. Brill', 'Cllr S. Okafor', 'Cllr Ann Lee']
    """
    if ("–" in text or "—" in text) and _one_post(text):
        return None
    # Commas and "and" inside brackets ("(Fire and Rescue Service)") split nothing.
    flat = re.sub(
        r"\([^)]*\)",
        lambda m: m.group(0).replace(",", "\x00").replace(" and ", "\x01").replace("&", "\x02"),
        text,
    )
    pieces = re.split(r"(\s*[,;]\s*|\s+and\s+|\s*&\s*)", flat)
    parts = [
        p.replace("\x00", ",").replace("\x01", " and ").replace("\x02", "&") for p in pieces[::2]
    ]
    _share_surnames(parts, pieces[1::2])
    # "…, who came along in Neil's place": a clause about the one before.
    parts = [p.strip(" .") for p in parts if p.strip(" .") and not _CLAUSE.match(p.strip())]
    if len(parts) < 2:
        return None
    plural = False
    for n, part in enumerate(parts):
        m = _PLURAL_TITLE.match(part)
        if m:
            plural = True
            parts[n] = "Cllr " + part[m.end() :]
        elif plural and split_title(part)[0] is None:
            parts[n] = "Cllr " + part
        elif split_title(part)[0] is not None:
            plural = False
    # ("Sue Kemp from the Council's grants team": the name before "from".)
    names = [_name_only(_FROM.split(p, 1)[0] if " from " in p else p) for p in parts]
    fits = [looks_like_name(strip_role(n), allow_single=single) for n in names]
    if (
        single
        and len(parts) == 2
        and " " in strip_role(names[0]).strip()
        and " " not in _IN_BRACKETS.sub("", parts[1]).strip()
        and "," in text
    ):
        # "Chris Ulliott, CESG", "Matthew Dovey, Jisc", "Stefan Hagen, Individual
        # (Voting Member)": one a line, a full name and then one word is the
        # person's organisation.
        return None
    if all(fits):
        return parts
    if single and len(parts) >= 3 and sum(fits) * 3 >= len(parts) * 2:
        # After a heading, one odd entry ("Simon the Younger") does not
        # make the rest of the list prose.
        return [p for p, ok in zip(parts, fits, strict=True) if ok]
    return None


_BRACKETS_OR_DASH_TAIL = re.compile(r"\s*\([^)]*\)|\s+[–—-]\s+.*$")


def _name_only(part: str) -> str:
    """The name in an entry: before initials "(JB)", parentheses or a dash."""
    m = INITIALS.search(part)
    if m:
        part = part[: m.start()]
    part = _BRACKETS_OR_DASH_TAIL.sub("", ANSWERED.sub("", part))
    return split_office(part)[1] if " " in part else part


_SQUARE = re.compile(r"\s*\[([^\[\]()]{1,40})\]")
_LINK_LINE = re.compile(r"^[^:()]{1,40}?\s*[:\-–—]\s*(?:https?|ftp)://\S+$", re.I)


# Between a name and its organisation, in the order they are tried (compiled
# once: this runs on every attendance line).
_ENTRY_SEPARATORS = tuple(
    re.compile(sep)
    for sep in (r"\t", r" {3,}", r",\s*", r"\s+[–—-]{1,2}\s+", r"\s*:\s+", r"\s+from\s+")
)
_NAME_THEN_BRACKET = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")
_BRACKET_INSIDE = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$")
# "Sue Kemp from the Council's grants team": a name, then where they are from.
_FROM = re.compile(r"\s+from\s+(?=the\s|[A-Z])")
_CLAUSE = re.compile(r"(?i)(?:who|whose|which)\s")
# "Margaret (Peggy) Dunn", 'Steve ("Stevo") Ray': a name goes by, between the two.
_NICKNAME = re.compile(r"(?<=[a-z])\s+\(\W?[A-Z][a-z]+\W?\)\s+(?=[A-Z][a-z])")


# A run of text outside round brackets.
_OUTSIDE_BRACKETS = re.compile(r"[^()]+(?=\(|$)|(?<=\))[^()]+")


def _share_surnames(parts: list[str], joins: list[str]) -> None:
    """ "Derek & Pat Lomas" → "Derek Lomas", "Pat Lomas": a first name alone
    before "and" or "&" takes the surname after it, in a list of full names."""
    for n in range(len(parts) - 1):
        first, nxt = parts[n].strip(), parts[n + 1].strip().split()
        if (
            _COUPLE.match(first)
            and joins[n].strip() in ("and", "&")
            and len(nxt) == 2
            and nxt[0][:1].isupper()
            and nxt[1][:1].isupper()
            and all(len(p.split()) >= 2 for k, p in enumerate(parts) if k != n and p.strip())
        ):
            parts[n] = f"{first} {nxt[1]}"


def _org_with_acronym(text: str, status: str) -> Attendee | None:
    """ "Ann Lee (AL), Met Office [UKMO] - Vice-Chair": the organisation after
    the comma, its acronym in square brackets, and the person's post.

    >>> a = _org_with_acronym("Ann Lee (AL), Met Office [UKMO] - Vice-Chair", "present")
    >>> a.name, a.organisation, a.role
    ('Ann Lee', 'Met Office', 'vice_chair')
    """
    m = _ORG_ACRONYM.match(text)
    if not m:
        return None
    name, _ = without_initials(m.group("p"))
    person = parse_person(name, m.group("o"), status)
    post = m.group("rest").strip(" -–—")
    if person and post and "chair" in post.lower():
        person.role = "vice_chair" if _VICE.search(post) else "chair"
    return person


def _posts_then_people(text: str, status: str) -> list[Attendee]:
    """ "Director of Finance (Mr. T. Gale), Administrative Officer (Ms. T. Knox)":
    each post, then its holder in brackets with a title.

    >>> [(a.name, a.organisation) for a in _posts_then_people(
    ...     "Director of Finance (Mr. T. Gale), Senior Engineer, (Ms. E. Bu)", "present")]
    [('T. Gale', 'Director of Finance'), ('E. Bu', 'Senior Engineer')]
    """
    found = list(_TITLED_IN_BRACKETS.finditer(text))
    if not found or looks_like_name(strip_role(text[: found[0].start()].strip(" ,;"))):
        return []
    people = []
    start = 0
    for m in found:
        post = _AND.sub("", text[start : m.start()].strip(" ,;.")) or None
        person = parse_person(m.group(1), post, status)
        if person:
            people.append(person)
        start = m.end()
    return people


def _run_together(text: str, status: str) -> list[Attendee]:
    """A list whose separators a converter lost, each name with initials:
    "Chairman Mrs D Clem Vice Chairman Mrs C Hart Councillors M Lee S Lint".

    Read only when every stretch between the names is a label of a few
    capitalised words (a post or a group: "Vice Chairman", "Councillors").

    >>> [(a.name, a.role) for a in _run_together(
    ...     "Chairman Mrs D Clem Vice Chairman C Hart Councillors M Lee S Lint", "present")]
    [('D Clem', 'chair'), ('C Hart', 'vice_chair'), ('M Lee', None), ('S Lint', None)]
    """
    found = list(_INITIALLED.finditer(text))
    if len(found) < 3:
        return []
    people = []
    start = 0
    for m in found:
        label = text[start : m.start()].strip()
        if label and not _LABEL_WORDS.match(label):
            return []
        person = parse_person(m.group(0), None, status)
        if person is None:
            return []
        if label and _CHAIR_LABEL.search(label):
            person.role = role_word(label)
        people.append(person)
        start = m.end()
    return people


def parse_entry(text: str, status: str, single: bool = False) -> list[Attendee]:
    """People on one line: a list of names, or one name with an organisation.

    >>> [a.name for a in parse_entry("Sue Bent, June Jeffrey and Cllr Al Day", "present")]
    ['Sue Bent', 'June Jeffrey', 'Al Day']
    >>> a = parse_entry("Rosa Penn, (Chair) City Council", "present")[0]
    >>> a.name, a.role, a.organisation
    ('Rosa Penn', 'chair', 'City Council')
    """
    text = _without_bare_initials(clean(text))
    outside = "".join(_OUTSIDE_BRACKETS.findall(text))
    if text[:1].isalpha() and outside.islower() and " " in outside.strip():
        # Notes typed all in lower case ("there: bev moody (chair), alan fryer"):
        # the names outside brackets capitalised as the names they are (not
        # a rule such as "--- last mins ---", nor one word: "attending tonight").
        text = _OUTSIDE_BRACKETS.sub(lambda m: m.group(0).title(), text)
    if "://" in text and _LINK_LINE.match(text):
        # "Recording: https://…", "Slides – www…": a link, not a person.
        return []
    acronym = _org_with_acronym(text, status) if "[" in text else None
    if acronym:
        return [acronym]
    stand_in = _STAND_IN.search(text) if "ed by" in text else None
    if stand_in:
        return _with_stand_in(text, stand_in, status)
    if "[" in text:
        # "Bo Roe [Treasurer] (BR)": a post in square brackets, as in brackets.
        text = _SQUARE.sub(r" (\1)", text)
    if " of the " in text:
        # "… and two members of the public": a count, not a person.
        text = _PUBLIC_COUNT.sub("", text)
    if "+" in text or " plus " in text:
        text = _PLUS_COUNT.sub("", text)
    office = _OFFICE_NAMED.match(text)
    if office:
        text = f"{office.group(2)} ({office.group(1)})"
    if not text or _NONE.match(text):
        return []
    if "(" in text:
        posts = _posts_then_people(text, status)
        if posts:
            return posts
    if "," not in text and ";" not in text and text.count(" ") >= 8:
        joined = _run_together(text, status)
        if joined:
            return joined
    if any(c.isdigit() for c in text):
        # Amateur radio call signs beside names ("Di Fox KD9AAA", "Ed Gray (W1XYZ)").
        text = CALL_SIGN.sub("", text)
    if " · " in text:
        # "Ruth Adeyemi (RA) – chairing · Simon Pell (SP) – minutes",
        # "Teresa Lind, President · Marcus Oye, Vice President": dots between.
        text = text.replace(" · ", "; ")
    if ";" in text:
        # "Ed Gray, Planning Manager; Flo Hunt, Secretary": one entry each.
        each = [
            parse_entry(p, status, single and "," not in p) for p in text.split(";") if p.strip()
        ]
        if all(each):
            return [a for found in each for a in found]
    m = _SURNAME_FIRST.match(text)
    if m:
        text = f"{m.group(2)} {m.group(1).title()}{m.group(3)}"
    parts = _split_list(text, single)
    if parts:
        people = []
        for p in parts:
            if "(" in p:
                p = _NICKNAME.sub(" ", p)
            office = _OFFICE_NAMED.match(p)
            if office:
                # "the Clerk (Mrs Lyn Marsh)": the person, holding the office.
                p = f"{office.group(2)} ({office.group(1)})"
            p, org = without_initials(p)
            if not org and " from " in p:
                name, *where = _FROM.split(p, maxsplit=1)
                if where and looks_like_name(strip_role(_name_only(name))):
                    p, org = name, where[0].removeprefix("the ")
            m = _NAME_THEN_BRACKET.match(p)
            if not org and m and not ROLE.fullmatch(m.group(2).strip()) and not DEPUTY.search(p):
                p, org = m.group(1), m.group(2)
            person = parse_person(p, org, status, single)
            if person:
                people.append(person)
        return people
    if INITIALS.search(text) and looks_like_name(strip_role(_name_only(text))):
        p, org = without_initials(text)
        person = parse_person(p, org, status)
        return [person] if person else []
    for sep in _ENTRY_SEPARATORS:
        m = sep.search(text)
        if m and looks_like_name(strip_role(text[: m.start()]), allow_single=single):
            person = parse_person(text[: m.start()], text[m.end() :], status, single)
            return [person] if person else []
    m = _BRACKET_INSIDE.match(text)
    if (
        m
        and not ROLE.fullmatch(m.group(2).strip())
        and not DEPUTY.search(m.group(0))
        and looks_like_name(strip_role(m.group(1)))
        and not TRAILING_STATUS.search(text)
    ):
        person = parse_person(m.group(1) + " " + m.group(3), m.group(2), status, single)
        return [person] if person else []
    person = parse_person(text, None, status, single) or _name_then_organisation(text, status)
    return [person] if person else []


def one_entry(text: str, status: str) -> list[Attendee]:
    """One person's entry, the name first and all after its comma the
    organisation: "Mark Roe, Blue Sky Studios, Inc.", "Henry Vera, Double Negative".

    >>> [(a.name, a.organisation) for a in one_entry("Henry Vera, Double Negative", "present")]
    [('Henry Vera', 'Double Negative')]
    """
    name, comma, org = clean(text).partition(",")
    if comma and looks_like_name(strip_role(name)):
        person = parse_person(name, org.strip(), status, True)
        if person:
            return [person]
    return parse_entry(text, status, single=True)


# "Ann Lee, Council (represented by Bo Chan)": a member and who came in their place.
_STAND_IN = re.compile(
    r"\s*\(\s*(?:substituted|represented|replaced)\s+by\s+(?P<who>[^()]{3,60}?)\s*\)", re.I
)


def _with_stand_in(text: str, stand_in: re.Match[str], status: str) -> list[Attendee]:
    """The member named in ``text`` and, present in their place, the person
    ``stand_in`` names.

    >>> found = parse_entry("Bill Roe, DreamWorks (represented by Jeff Bradley)", "apologies")
    >>> [(a.name, a.status, a.deputising_for) for a in found]
    [('Bill Roe', 'apologies', None), ('Jeff Bradley', 'present', 'Bill Roe')]
    """
    found = one_entry(text[: stand_in.start()] + text[stand_in.end() :], status)
    if len(found) == 1:
        deputy = parse_person(stand_in.group("who"), found[0].organisation, "present")
        if deputy:
            deputy.deputising_for = found[0].name
            found.append(deputy)
    return found


_HONORIFIC = re.compile(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Revd?)\b")
_TRAILING_INITIALS = re.compile(r"^(?P<name>[A-Z].*?)\s+(?P<initials>[A-Z]{2,4})$")


def _without_bare_initials(text: str) -> str:
    """``text`` without the person's initials after it, unbracketed:
    "Jill Ransome (Secretary) JR", "Bryony Vell BV".

    >>> _without_bare_initials("Jill Ransome (Secretary) JR"), _without_bare_initials("Ann Lee NHS")
    ('Jill Ransome (Secretary)', 'Ann Lee NHS')
    """
    m = _TRAILING_INITIALS.match(text) if text[-1:].isupper() else None
    if not m:
        return text
    words = _IN_BRACKETS.sub(" ", m.group("name")).split()
    return m.group("name") if "".join(w[0] for w in words) == m.group("initials") else text


_IN_BRACKETS = re.compile(r"\([^()]*\)")
# "Sir Ann Lee (Chair) Lee Tools Ltd": a role in brackets between name and organisation.
_ROLE_BETWEEN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s+(?P<org>[A-Z].+)$")


def _name_then_organisation(text: str, status: str) -> Attendee | None:
    """A name and an organisation run together, as a table pasted from a PDF
    leaves them ("Cllr Iris Maddock Wexcombe District Council", "Rukhsana Dar
    Northmarch College Group"): the first two words of the name (after any
    title), when the two or more words after them name an organisation.

    >>> a = _name_then_organisation("Cllr Iris Maddock Wexcombe District Council", "present")
    >>> a.title, a.name, a.organisation
    ('Cllr', 'Iris Maddock', 'Wexcombe District Council')
    >>> a = _name_then_organisation("Ann Lee (Chair) Lee Tools Ltd", "present")
    >>> a.name, a.role, a.organisation
    ('Ann Lee', 'chair', 'Lee Tools Ltd')
    >>> _name_then_organisation("Thanks to all who came", "present") is None
    True
    """
    m = _ROLE_BETWEEN.match(text)
    if m and ROLE.fullmatch(m.group("role").strip()):
        return parse_person(f"{m.group('name')} ({m.group('role')})", m.group("org"), status)
    deputy = DEPUTY.search(text) if text.endswith(")") else None
    if deputy and deputy.start() > 0 and text[deputy.start()] == "(":
        # "Cllr Roy Bell Tarn Borough Council (substitute for Cllr Di Fox)"
        person = _name_then_organisation(text[: deputy.start()].strip(), status)
        if person:
            person.deputising_for = split_title(deputy.group(1).strip())[1]
        return person
    post = re.match(r"^([^,]+?)\s+(\w+),\s+(\S.*)$", text) if "," in text else None
    if post and post.group(2).lower() in POST_WORDS:
        # "Cllr Patricia Onyango Leader, Ousebury City Council": a post, then where.
        title, name = split_title(post.group(1))
        if len(name.split()) == 2 and looks_like_name(name):
            full = f"{title} {name}" if title else name
            return parse_person(full, f"{post.group(2)}, {post.group(3)}", status)
    if "," in text or "(" in text:
        return None  # (set apart already, or not so simple)
    title, rest = split_title(text)
    words = rest.split()
    if len(words) < 4 or not all(w[:1].isupper() for w in words[:3]):
        return None
    org = " ".join(words[2:])
    if (
        not any(w.lower().strip(".") in ORG_WORDS for w in words[2:])
        or any(w.lower().strip(".") in POST_WORDS for w in words)
        or _HONORIFIC.search(org)
    ):
        # "Open Source Program Manager", "Deputy Chief Fire Officer", "Coldmoor
        # East District Councillor B. Oyelaran": a post, or names the other way round.
        return None
    name = " ".join(words[:2])
    if not looks_like_name(name):
        return None
    return parse_person(f"{title} {name}" if title else name, org, status)
