"""People's names: honorifics, name-likeness, initials and owner resolution."""

from __future__ import annotations

import re
from functools import lru_cache

from concord.ingest.record import Attendee

# Honorific as written (lower case, no dots) → title as recorded.
TITLES = {
    "councillor": "Cllr", "cllr": "Cllr", "cty cllr": "Cllr", "county councillor": "Cllr",
    "cllr dr": "Cllr Dr", "dr": "Dr", "doctor": "Dr", "prof": "Prof.", "professor": "Prof.",
    "chief superintendent": "Chief Supt", "chief supt": "Chief Supt", "ch supt": "Chief Supt",
    "c supt": "Chief Supt", "det supt": "Det Supt", "superintendent": "Supt", "supt": "Supt",
    "chief inspector": "Chief Insp", "chief insp": "Chief Insp", "ch insp": "Chief Insp",
    "det chief insp": "Det Chief Insp", "dci": "DCI", "det insp": "Det Insp", "di": "DI",
    "inspector": "Insp", "insp": "Insp", "sergeant": "Sgt", "sgt": "Sgt", "ds": "DS",
    "pc": "PC", "pcso": "PCSO", "dc": "DC", "mr": "Mr", "mrs": "Mrs", "ms": "Ms",
    "miss": "Miss", "mx": "Mx", "sir": "Sir", "dame": "Dame", "lord": "Lord", "lady": "Lady",
    "baroness": "Baroness", "rev": "Revd", "revd": "Revd", "reverend": "Revd",
    "the rev": "Revd", "the revd": "Revd", "rt rev": "Rt Revd", "canon": "Canon",
    "father": "Fr", "fr": "Fr", "alderman": "Ald", "ald": "Ald", "acc": "ACC",
    "dcc": "DCC", "chief constable": "Chief Constable", "station officer": "Station Officer",
    "group manager": "Group Manager", "area manager": "Area Manager",
    # A councillor of another tier, and the titles of councils overseas:
    # "District Cllr", US "Councilmember", Australian and New Zealand "Cr".
    "county cllr": "County Cllr", "district cllr": "District Cllr",
    "district councillor": "District Cllr", "borough cllr": "Borough Cllr",
    "town cllr": "Town Cllr", "city cllr": "City Cllr", "cllrs": "Cllr",
    "councilmember": "Councilmember", "councilmembers": "Councilmember",
    "council member": "Councilmember", "councilor": "Councilor", "councilors": "Councilor",
    "cr": "Cr", "crs": "Cr", "mayor": "Mayor", "deputy mayor": "Deputy Mayor",
    "mayor pro tem": "Mayor Pro Tem", "vice mayor": "Vice Mayor",
    # Ranks of the armed forces, who sit on emergency planning groups ("Col"
    # alone is also a first name, so only "Colonel" and "Lt Col").
    "lt": "Lt", "lieutenant": "Lt", "capt": "Capt", "captain": "Capt", "maj": "Maj",
    "major": "Maj", "colonel": "Col", "lt col": "Lt Col", "cdr": "Cdr",
    "commander": "Cdr", "brig": "Brig", "brigadier": "Brig",
    # South Asian honorifics, as municipal and residents' bodies there write them.
    "sri": "Sri", "shri": "Shri", "smt": "Smt.", "shrimati": "Smt.", "kum": "Kum.",
    # Malaysia and Singapore's "Mdm" (madam); a ward sister, a nun.
    "mdm": "Mdm", "madam": "Mdm", "sister": "Sister", "sr": "Sr",
    # "The Hon." (members of parliaments and assemblies overseas), a brother
    # of a religious order, an imam; engineers' and advocates' titles in
    # Europe, Latin America and South Africa.
    "hon": "Hon", "the hon": "Hon", "rt hon": "Rt Hon", "the rt hon": "Rt Hon",
    "brother": "Br", "imam": "Imam", "eng": "Eng.", "ing": "Ing.", "adv": "Adv",
}  # fmt: skip
POST_NOMINALS = {"obe", "mbe", "cbe", "qpm", "jp", "mp", "dl", "frcp", "phd", "kc", "qc"}

_ORG_WORDS_TEXT = """council councils police constabulary service services nhs trust pct
    group groups
    partnership authority college university school schools academy association society
    centre center church diocese housing homes ltd limited plc company chamber commerce
    federation business businesses agency board forum network alliance department office
    fire rescue health hospital foundation care commission community communities voluntary
    sector action team unit directorate jobcentre institute citizens bureau enterprise
    enterprises industries cars club clinic surgery practice ccg icb consortium cic charity
    corporation county city borough district parish region regional national government
    executive secretariat committee project programme trustees governors theme panel
    probation prison court courts library museum university's council's ministry support
    development services' limited llp inc co cvs connexions concern bank fund funding estates
    llc gmbh corp systems software consulting consultancy technologies technology solutions
    labs studios games networks analytics"""
ORG_WORDS = set(_ORG_WORDS_TEXT.split())
CONNECTORS = {"of", "for", "the", "and", "&", "in", "on", "at", "to", "with", "from", "by"}
# The small words title case leaves in lower case: "Land to the Rear of Mill
# Lane", "University of Kelmscott" (an item's subtitle, an organisation's name).
TITLE_SMALL_WORDS = frozenset(("of", "and", "the", "for", "to", "in", "on", "at", "&"))
# Words of headings and labels that can look like a shouted name ("ACTIONS FROM MEETING").
_NOT_NAME_TEXT = """action actions meeting meetings minutes agenda item items who when what
    where date dates
    notes present apologies absent attendance welcome update report reports matters arising
    any other business none total summary minute decision decisions next members member
    public comment comments about into over under through without after before upon me
    opening closing introduction introductions approval adoption adjournment correspondence
    declarations announcements presentation presentations emergency evacuation procedures
    housekeeping organisations organizations"""
NOT_NAME_WORDS = set(_NOT_NAME_TEXT.split())
# Posts that end a job title written where a name could be ("Ed Gray, Parks Director").
_POST_WORDS_TEXT = """director manager officer coordinator co-ordinator administrator secretary
    treasurer chairman chairperson chairwoman president clerk assistant adviser advisor
    consultant planner engineer analyst commissioner representative worker volunteer
    volunteers trustee governor lead leader"""
POST_WORDS = set(_POST_WORDS_TEXT.split())
PARTICLES = {
    "de", "da", "van", "von", "der", "den", "la", "le", "du", "di", "bin", "al", "st",
    # Malay and Tamil names: "Nurul Huda binti Rahmat", "Ravindran s/o Pillai".
    "binti", "bte", "s/o", "d/o", "a/l", "a/p",
}  # fmt: skip

_DOTS_SPACES = re.compile(r"[.\s]+")
_THE = re.compile(r"^the ")
_NOT_LETTER = re.compile(r"[\W\d_]")
_NAME_PARTS = re.compile(r"[\s\-]+")
_DOT_SPACE = re.compile(r"[.\s]")
_SPACES = re.compile(r"\s+")
_OWNER_SEP = re.compile(r"\s*(?:\band/or\b|/|;|,|&|\+|\band\b)\s*")
_ROLE_SEP = re.compile(r"[\s_-]+")


def _title_pattern(key: str) -> str:
    """A regex for one honorific; ranks recorded in capitals ("DI", "PC") only in capitals,
    so that "Di Fox" keeps her first name."""
    if TITLES[key].isupper():
        return f"(?-i:{re.escape(key.upper())})"
    return re.escape(key).replace(r"\ ", r"\.?\s+")


_TITLE_RE = re.compile(
    r"^(?:(?:the\s+)?(?:rt\.?\s+)?(?:"
    + "|".join(_title_pattern(k) for k in sorted(TITLES, key=len, reverse=True))
    + r")\.?\s+)+",
    re.I,
)
# The words a title can open with: ASCII text whose first word (less one
# full stop) is none of them has no title, and skips the long pattern.
_TITLE_FIRST = frozenset({key.split()[0] for key in TITLES} | {"the", "rt"})


def _may_open_with_title(text: str) -> bool:
    if not text.isascii():
        return True  # (the case-blind pattern also matches "İ", "ſ" …)
    words = text.split(None, 1)
    first = words[0].lower() if words else ""
    return (first[:-1] if first.endswith(".") else first) in _TITLE_FIRST


# Letters of any Latin alphabet: "Böning", "Róiste", "Ó Fearghail" are names.
_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞŁŚŠŽČ](?:[^\W\d_]|['’\-])*|[A-ZÀ-ÖØ-Þ]\.?|(?:[A-Z]\.){2,3}|Mc[A-Z][a-z]+|"
    r"O['’][A-Z][a-z]+)$"
)


def split_title(text: str) -> tuple[str | None, str]:
    """Split an honorific off a name.

    >>> split_title("Chief Supt Mara Quill")
    ('Chief Supt', 'Mara Quill')
    >>> split_title("Councillor Tony O'Neill")
    ('Cllr', "Tony O'Neill")
    >>> split_title("DI Rob Hale"), split_title("Di Fox")
    (('DI', 'Rob Hale'), (None, 'Di Fox'))
    """
    text = text.strip()
    m = _TITLE_RE.match(text) if _may_open_with_title(text) else None
    if not m:
        return None, text
    rest = text[m.end() :].strip()
    if not rest or not rest[0].isupper():
        return None, text
    if text.isupper() and " " not in rest and m.group(0).strip().isupper():
        # "DI FOX" in a shouted list: a first name, not a rank.
        return None, text
    raw = _DOTS_SPACES.sub(" ", m.group(0).lower()).strip()
    raw = _THE.sub("", raw) if raw not in TITLES else raw
    title = TITLES.get(raw)
    if title is None:
        # Several honorifics in a row ("Cllr Dr"): map each word group.
        parts, words = [], raw.split()
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                key = " ".join(words[i : i + n])
                if key in TITLES:
                    parts.append(TITLES[key])
                    i += n
                    break
            else:
                i += 1
        title = " ".join(parts) or None
    return title, rest


def strip_post_nominals(name: str) -> str:
    """Drop letters after a name.

    >>> strip_post_nominals("Ann Lee OBE")
    'Ann Lee'
    """
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower().strip(".") in POST_NOMINALS:
        words.pop()
    return " ".join(words)


def looks_like_name(text: str, *, allow_single: bool = False) -> bool:
    """Could this be a person's name (after any honorific)?

    >>> looks_like_name("Ned Fairley-Stone"), looks_like_name("Riverton City Homes")
    (True, False)
    >>> looks_like_name("GHURC"), looks_like_name("J. McNicholas")
    (False, True)
    >>> looks_like_name("Parks Director"), looks_like_name("Zoë Ní Bhriain")
    (False, True)
    """
    title, rest = split_title(text.strip())
    rest = strip_post_nominals(rest.strip(" .,;:"))
    words = rest.split()
    if not words or len(words) > 5:
        return False
    if len(words) == 1 and not (allow_single or title):
        return False
    if any(map(str.isdigit, rest)):
        return False
    if len(words) > 1 and words[-1].lower().strip(".,") in POST_WORDS:
        return False  # "Parks Director", "Senior Planner": a post, not a person
    caps = 0
    for i, w in enumerate(words):
        lw = w.lower().strip(".,")
        if lw in ORG_WORDS or lw in CONNECTORS or lw in NOT_NAME_WORDS:
            return False
        if lw in PARTICLES and 0 < i < len(words) - 1:
            continue
        if not _WORD.match(w.strip(",")):
            return False
        letters = _NOT_LETTER.sub("", w)
        if len(letters) >= 2 and letters.isupper() and "." not in w:  # ("N.P.": initials)
            caps += 1
    # All-capital words are acronyms (organisations) unless the whole name is shouted.
    return not (caps and caps != len(words))


_OFFICE_WORDS = POST_WORDS | {
    "member", "members", "boardmember", "boardmembers", "councilmember", "councilmembers",
    "councilor", "councilors", "commissioners", "mayor", "trustees", "alderman", "alderperson",
    "alderwoman", "chair", "chairs", "supervisor", "supervisors", "directors", "officers",
    "superintendent", "ex-officio", "chief", "attorney", "auditor", "counsel", "staff",
}  # fmt: skip


def split_office(text: str) -> tuple[str | None, str]:
    """Split a post written before a name ("Parks Director Flo Hunt").

    >>> split_office("Boardmember Ed Gray"), split_office("Parks Director Flo Hunt")
    (('Boardmember', 'Ed Gray'), ('Parks Director', 'Flo Hunt'))
    >>> split_office("Ann Lee"), split_office("Recording Secretary")
    ((None, 'Ann Lee'), (None, 'Recording Secretary'))
    """
    words = text.split()
    if len(words) < 2:
        return None, text
    for k in range(min(len(words) - 2, 4), -1, -1):
        if words[k].lower().strip(".,:") in _OFFICE_WORDS:
            rest = " ".join(words[k + 1 :])
            if looks_like_name(rest):
                return " ".join(words[: k + 1]).strip(" ,:"), rest
            break
    return None, text


def initials(name: str) -> str:
    """Initials of a full name.

    >>> initials("Priya Okafor"), initials("Alan James Perrin")
    ('PO', 'AJP')
    """
    return "".join(w[0] for w in _NAME_PARTS.split(name) if w and w[0].isalpha()).upper()


def resolve_owner(owner: str, people: list[str]) -> str:
    """Expand a first name, surname or initials to the one attendee it fits.

    >>> resolve_owner("Priya", ["Priya Okafor", "Tom Reyes"])
    'Priya Okafor'
    >>> resolve_owner("TR", ["Priya Okafor", "Tom Reyes"])
    'Tom Reyes'
    >>> resolve_owner("Sam", ["Sam Hill", "Sam Ray"])
    'Sam'
    >>> resolve_owner("Tom R.", ["Priya Okafor", "Tom Reyes"])
    'Tom Reyes'
    >>> resolve_owner("TRe", ["Priya Okafor", "Tom Reyes", "Tina Rowe"])
    'Tom Reyes'

    The same owners are asked about many times a document: the answer,
    which depends on the words alone, is kept.
    """
    return _resolve_owner(owner, tuple(people))


@lru_cache(maxsize=4096)
def _resolve_owner(owner: str, people: tuple[str, ...]) -> str:
    owner = owner.strip(" .,;:()")
    _, bare = split_title(owner)
    bare = bare.strip()
    if not bare:
        return owner
    key = bare.lower()
    for p in people:
        if p.lower() == key:
            return p
    if "-" in bare:
        # "Nicholas-Letch" for "Nicholas Letch", or the reverse.
        flat = key.replace("-", " ")
        for p in people:
            if p.lower().replace("-", " ") == flat:
                return p
    compact = _DOT_SPACE.sub("", bare)
    matches: list[str] = []
    if compact.isupper() and 2 <= len(compact) <= 4 and compact.isalpha():
        matches = [p for p in people if initials(p) == compact]
        if not matches:
            matches = [p for p in people if initials(p)[0] + initials(p)[-1] == compact]
    elif _SURNAME_INITIALS.match(compact):
        # "RGr", "JMcK": the first name's initial and the surname's first letters.
        matches = [
            p
            for p in people
            if len(p.split()) >= 2
            and p[0] == compact[0]
            and p.split()[-1].lower().startswith(compact[1:].lower())
        ]
    elif len(bare.split()) == 1:
        matches = [p for p in people if p.split()[0].lower() == key]
        if not matches:
            matches = [p for p in people if p.split()[-1].lower() == key]
    else:
        words = [w.lower() for w in bare.replace("-", " ").split()]
        # "J. Smith" or "John S." → the attendee with that initial and name.
        matches = [
            p
            for p in people
            if len(p.split()) >= 2
            and p.replace("-", " ").split()[-1].lower() == words[-1]
            and p[0].lower() == words[0][0]
        ]
        if not matches and len(words) == 2 and len(words[1].rstrip(".")) == 1:
            matches = [
                p
                for p in people
                if len(p.split()) >= 2
                and p.split()[0].lower() == words[0]
                and p.split()[-1][:1].lower() == words[1][0]
            ]
        if not matches and "-" not in bare:
            # "Nicholas Letch" for "J Nicholas-Letch": a double-barrelled surname alone.
            matches = [p for p in people if p.split()[-1].lower().replace("-", " ") == key]
        if not matches and any(w.lower() in _OFFICE_WORDS for w in words[:-1]):
            # "Finance Director Reinholt": a post, then the surname.
            matches = [p for p in people if p.split()[-1].lower() == words[-1].lower()]
    if len(set(matches)) == 1:
        return matches[0]
    return owner


_SURNAME_INITIALS = re.compile(r"^[A-Z][A-Z][a-z]{1,2}[A-Z]?$")
_LABELLED_OWNER = re.compile(
    r"^(\S{1,20})\s+\((?P<who>[A-Z]{2,4}|[A-Z][a-z]+(?:[ -][A-Z][\w'-]+){0,2})\)$"
)


def split_owners(text: str) -> list[str]:
    """Split an owner cell into owners.

    >>> split_owners("Kiran Dale/ Sally Ames")
    ['Kiran Dale', 'Sally Ames']
    >>> split_owners("JB & AK, Clerk")
    ['JB', 'AK', 'Clerk']
    >>> split_owners("P5 (JBM) and P2 (Rui Costa)"), split_owners("Ann (Treasurer)")
    (['JBM', 'Rui Costa'], ['Ann (Treasurer'])
    """
    text = _SPACES.sub(" ", text.replace("\n", " / ")).strip(" .;:")
    if not text:
        return []
    parts = _OWNER_SEP.split(text)
    out = []
    for p in parts:
        label = _LABELLED_OWNER.match(p.strip()) if p.endswith(")") else None
        if label and (label.group("who").isupper() or any(c.isdigit() for c in label.group(1))):
            # "P5 (JBM)", "Coordinator (IB)": a partner's number or a post,
            # and the person in brackets (not "Ann (Treasurer)").
            p = label.group("who")
        p = p.strip(" .()-–")
        if p and p.lower() not in ("tbc", "n/a", "na", "-", "none"):
            out.append(p)
    return out


_ROLE_TITLE = re.compile(
    r"(?:(?:vice|deputy)[- ]?)?(?:chair(?:man|person|woman)?|president)|treasurer|"
    r"(?:minutes?\s+|company\s+|membership\s+)?secretary|clerk|minute[- ]?taker",
    re.I,
)


def role_holders(attendees: list[Attendee]) -> dict[str, str]:
    """Office ("chair", "treasurer") → the one attendee holding it.

    Read from the role or, when that is all the brackets held, the
    organisation ("Ola Birch (Treasurer)").  An office two people hold is
    left out: the owner is not guessed.

    >>> people = [Attendee("Ola Birch", organisation="Treasurer")]
    >>> people.append(Attendee("Kit Danes", role="chair"))
    >>> role_holders(people)
    {'treasurer': 'Ola Birch', 'chair': 'Kit Danes'}
    """
    found: dict[str, str | None] = {}
    own_initials: set[str] = set()  # filled when a post's acronym is first needed
    for person in attendees:
        for label in (person.role, person.organisation):
            if not label:
                continue
            for part in _posts(label):
                key = role_key(part)
                if not own_initials and key.count(" ") >= 2:
                    own_initials = {initials(p.name).lower() for p in attendees} or {""}
                for k in [*_office_keys(key), *_post_keys(key, own_initials)]:
                    found[k] = person.name if found.get(k, person.name) == person.name else None
    return {k: v for k, v in found.items() if v}


_NOTE = re.compile(r"\s*\([^()]*\)")
_POST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
# The last word of a post that names one person's job ("Academic Registrar",
# "Chief Finance Officer", "Headteacher").
_POST_HEADS = POST_WORDS | {
    "registrar", "headteacher", "head", "nurse", "dean", "executive", "accountant", "solicitor",
    "auditor", "librarian", "warden", "bursar", "convenor", "convener", "principal", "rfo",
    # ("Co-ordinator" is "co ordinator" once its hyphen is a space.)
    "ordinator",
}  # fmt: skip
_NOT_ACRONYM = {"of", "and", "the", "for", "to", "&"}
_POST_OF = re.compile(r" (?:to|of|for) ")


def _posts(label: str) -> list[str]:
    """The posts one label holds: "Clerk and RFO" → the whole, "Clerk", "RFO";
    notes in brackets ("Trust Secretary (minutes)") dropped.

    >>> _posts("Chief Nurse and Director of Midwifery (non-voting)")
    ['Chief Nurse and Director of Midwifery', 'Chief Nurse', 'Director of Midwifery']
    """
    if "(" in label:
        label = _NOTE.sub("", label)
    label = label.strip(" ,;")
    if not label:
        return []
    if not ("," in label or ";" in label or "&" in label or " and " in label):
        return [label]
    parts = [p for p in _POST_SPLIT.split(label) if p]
    return [label] + (parts if len(parts) > 1 else [])


def _post_keys(key: str, own_initials: set[str]) -> list[str]:
    """A post of up to five words ending in a job ("academic registrar"), and
    its acronym of three or more letters ("chief finance officer" → "cfo")
    unless an attendee has those initials; "clerk to governors" is also
    "clerk".

    >>> _post_keys("chief finance officer", set()), _post_keys("clerk to the governors", set())
    (['chief finance officer', 'cfo'], ['clerk'])
    """
    words = key.split()
    if not words or len(words) > 5:
        return []
    head = (
        _POST_OF.split(key, maxsplit=1)[0]
        if " to " in key or " of " in key or " for " in key
        else key
    )
    if head != key and _ROLE_TITLE.fullmatch(head):
        return [head]
    if words[-1] not in _POST_HEADS and not (head != key and head.split()[-1] in _POST_HEADS):
        return []
    out = [key]
    letters = "".join(w[0] for w in words if w not in _NOT_ACRONYM)
    if len(letters) >= 3 and letters not in own_initials:
        out.append(letters)
    return out


def is_office(text: str) -> bool:
    """Is this one of the offices a body elects ("the Clerk", "Vice-Chair",
    "Town Clerk"), not a job title ("Chief Nurse")?

    >>> is_office("the Clerk"), is_office("Chief Nurse")
    (True, False)
    """
    return bool(_office_keys(role_key(text)))


def _office_keys(key: str) -> list[str]:
    """The offices a post names: "town clerk" is "town clerk" and "clerk",
    "board secretary" also "secretary" (a post of up to three words that
    ends in an office).

    >>> _office_keys("town clerk"), _office_keys("treasurer"), _office_keys("head of parks")
    (['town clerk', 'clerk'], ['treasurer'], [])
    """
    if not key:
        return []
    if _ROLE_TITLE.fullmatch(key):
        return [key]
    words = key.split()
    if len(words) > 3:
        return []
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if n < len(words) and _ROLE_TITLE.fullmatch(tail):
            return [key, tail]
    return []


def role_key(role: str) -> str:
    """ "Vice-Chair", "vice_chair", "the Vice Chair" → "vice chair"."""
    return _THE.sub("", _ROLE_SEP.sub(" ", role.strip().lower()))


CALL_SIGN_TOKEN = re.compile(r"\b(?:[A-Z]{1,2}|\d[A-Z]{1,2}|[A-Z]\d)\d[A-Z]{2,3}\b")


def call_signs(names: list[str], text: str) -> dict[str, str]:
    """Radio call sign (lower case) → the attendee written beside it ("Di Fox KD9AAA",
    "Ed Gray (W1XYZ)"), so that "KD9AAA will …" is Di Fox's task.

    >>> call_signs(["Di Fox", "Ed Gray"], "Present: Di Fox KD9AAA, Ed Gray (W1XYZ)")
    {'kd9aaa': 'Di Fox', 'w1xyz': 'Ed Gray'}
    """
    if not CALL_SIGN_TOKEN.search(text):
        return {}
    out: dict[str, str] = {}
    for name in names:
        if " " not in name:
            continue
        for m in re.finditer(
            re.escape(name) + r"[\s,]*[(\[–—-]?\s*(" + CALL_SIGN_TOKEN.pattern + ")", text
        ):
            out.setdefault(m.group(1).lower(), name)
    return out


_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z0-9][\w-]{1,38})\b")


def handles(names: list[str], text: str) -> dict[str, str]:
    """Account handle (lower case, with and without the ``@``) → the attendee
    written beside it ("Ada Brook (@abrook, Acme)", "@abrook Ada Brook"), so
    that "@abrook to …" or "- [ ] abrook: …" is Ada Brook's task.

    >>> handles(["Ada Brook"], "Attendees: Ada Brook (@abrook, Acme)")
    {'@abrook': 'Ada Brook', 'abrook': 'Ada Brook'}
    """
    if "@" not in text:
        return {}
    out: dict[str, str] = {}
    for name in names:
        if " " not in name:
            continue
        esc = re.escape(name)
        for m in re.finditer(
            rf"{esc}[\s,]*[(\[–—-]?\s*@([\w-]+)|@([\w-]+)[)\]]?[\s,:–—-]+{esc}", text
        ):
            handle = (m.group(1) or m.group(2)).lower()
            out.setdefault("@" + handle, name)
            out.setdefault(handle, name)
    return out


def bracketed_initials(names: list[str], text: str) -> dict[str, str]:
    """Initials in brackets after an attendee's name ("Rémy Giraud (RGr)",
    "Ann Lee (AL – Chair)"), lower case → that attendee, so that "RGr - I
    will …" is Rémy Giraud's task however the initials were made.

    >>> bracketed_initials(["Rémy Giraud"], "Present: Rémy Giraud (RGr), Météo France")
    {'rgr': 'Rémy Giraud'}
    """
    if "(" not in text:
        return {}
    out: dict[str, str] = {}
    full = [name for name in names if " " in name]
    for m in _BRACKET_CODE.finditer(text):
        code = m.group(1)
        if sum(c.isupper() for c in code) < 2 or code.lower() in out:
            continue
        before = text[max(0, m.start() - 80) : m.start()].rstrip()
        named = next((name for name in full if before.endswith(name)), None)
        if named:
            out[code.lower()] = named
    return out


_BRACKET_CODE = re.compile(r"\(\s*([A-Z][A-Za-z]{1,4})\b")


def drop_handles(text: str) -> str:
    """ "@abrook, Acme" → "Acme": a handle beside a name is not an organisation.

    >>> drop_handles("@abrook, Acme"), drop_handles("@abrook")
    ('Acme', '')
    """
    return _HANDLE.sub("", text).strip(" ,;/-–")
