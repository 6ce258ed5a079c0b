"""Matching names read from documents to the register of people.

Two levels, because a wrong merge is worse than a duplicate:

* **exact** — the same name once honorifics, letters after the name, case,
  punctuation and spacing are ignored, or one of the person's aliases:
  linked automatically;
* **near** — the same person written differently ("Mira Okafor" /
  "Mria Okafor", "Cllr Tandy" / "Cllr Pat Tandey", "T. Okafor" /
  "Tomi Okafor"): only *proposed* as a merge (``MergeProposal``) for the
  secretariat to accept or reject, never merged here.

The rules for "near" (``near_reason``) compare the surname and the given
names apart, with rapidfuzz:

* surnames equal, one letter apart (Levenshtein distance 1, both at least 4
  letters), or Jaro–Winkler ≥ 0.93;
* and given names compatible: one side has none ("Cllr Tandy"), the first
  given names are equal, one is the other's initial, or they are spelt alike
  (ratio ≥ 80, or one typo or swapped pair of letters: "Mria" / "Mira");
* and the two names are not simply equal (that is an exact match).

A :class:`Register` is built once per import run (two queries) and kept up to
date as people are added, so matching a name costs no query.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from concord.ingest.extraction.names import split_title, strip_post_nominals

SURNAME_JARO_WINKLER = 0.93
GIVEN_NAME_RATIO = 80
_PUNCT = re.compile(r"[^\w\s'-]+")


def clean_name(name: str) -> tuple[str, str]:
    """Split a name as written into ``(honorific, name)``, tidy spaces and letters after it.

    >>> clean_name("  Cllr  Pat   Tandey OBE ")
    ('Cllr', 'Pat Tandey')
    """
    title, rest = split_title(" ".join(name.split()))
    return title or "", strip_post_nominals(rest)


def name_key(name: str) -> str:
    """The exact-match key: no honorific, accents, punctuation, case or extra spaces.

    >>> name_key("Dr. Mira  O'KAFOR")
    "mira o'kafor"
    >>> name_key("T. Okafor") == name_key("t okafor")
    True
    """
    _, rest = clean_name(name)
    text = unicodedata.normalize("NFKD", rest)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PUNCT.sub(" ", text.replace("’", "'")).lower()
    return " ".join(text.split())


def split_key(key: str) -> tuple[tuple[str, ...], str]:
    """``(given names, surname)`` of a name key.

    >>> split_key("tomi ade okafor")
    (('tomi', 'ade'), 'okafor')
    """
    words = key.split()
    if not words:
        return (), ""
    return tuple(words[:-1]), words[-1]


def _given_reason(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, str] | None:
    if not a or not b:
        return 80.0, "one name has no first name"
    x, y = a[0], b[0]
    if x == y:
        if a != b:
            return 90.0, "middle names differ"
        return 100.0, ""
    if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return 85.0, "initial for a first name"
    ratio = fuzz.ratio(x, y)
    # One typo or swapped pair of letters ("Mria"), or alike spellings ("Shona"/"Shonagh").
    if ratio >= GIVEN_NAME_RATIO or (min(len(x), len(y)) >= 3 and OSA.distance(x, y) == 1):
        return max(ratio, GIVEN_NAME_RATIO), "first name spelt differently"
    return None


def _surname_reason(a: str, b: str) -> tuple[float, str] | None:
    if a == b:
        return 100.0, ""
    if min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) == 1:
        return 90.0, "surname one letter apart"
    similarity = JaroWinkler.similarity(a, b)
    if min(len(a), len(b)) >= 5 and similarity >= SURNAME_JARO_WINKLER:
        return similarity * 100, "surname spelt differently"
    return None


def near_reason(key_a: str, key_b: str) -> tuple[float, str] | None:
    """Why two name keys may be one person, with a score (0–100), or ``None``.

    >>> near_reason("mira okafor", "mria okafor")
    (90.0, 'first name spelt differently')
    >>> near_reason("tandy", "pat tandey")
    (85.0, 'surname one letter apart; one name has no first name')
    >>> near_reason("t okafor", "tomi okafor")
    (92.5, 'initial for a first name')
    >>> near_reason("ann okafor", "ben okafor") is None
    True
    """
    if key_a == key_b or not key_a or not key_b:
        return None
    given_a, surname_a = split_key(key_a)
    given_b, surname_b = split_key(key_b)
    surname = _surname_reason(surname_a, surname_b)
    if surname is None:
        return None
    given = _given_reason(given_a, given_b)
    if given is None:
        return None
    reasons = "; ".join(r for r in (surname[1], given[1]) if r)
    return (surname[0] + given[0]) / 2, reasons


@dataclass
class NearMatch:
    person_id: int
    name: str
    score: float
    reason: str


@dataclass
class Match:
    """The result of matching one name: a person (exact or alias) and/or near matches."""

    person_id: int | None
    how: str  # "exact" | "alias" | "none"
    near: list[NearMatch] = field(default_factory=list)


class Register:
    """An in-memory index of the people's names (and aliases) for matching.

    >>> r = Register()
    >>> r.add(1, "Mira Okafor"); r.add(2, "Pat Tandey"); r.add(1, "M. Okafor", alias=True)
    >>> r.match("Dr Mira Okafor").person_id, r.match("M Okafor").how
    (1, 'alias')
    >>> [(n.person_id, n.reason) for n in r.match("Cllr Tandy").near]
    [(2, 'surname one letter apart; one name has no first name')]
    """

    def __init__(self) -> None:
        self._by_key: dict[str, tuple[int, str]] = {}
        self._by_surname: dict[str, set[str]] = {}

    @classmethod
    def from_database(cls) -> Register:
        """The register of every person and alias (two queries)."""
        from concord.people.models import Person, PersonAlias

        register = cls()
        for pk, name in Person.objects.order_by("pk").values_list("pk", "name"):
            register.add(pk, name)
        for pk, name in PersonAlias.objects.order_by("pk").values_list("person_id", "name"):
            register.add(pk, name, alias=True)
        return register

    def add(self, person_id: int, name: str, *, alias: bool = False) -> None:
        """Index one name of a person (the first person to claim a key keeps it)."""
        key = name_key(name)
        if not key or key in self._by_key:
            return
        self._by_key[key] = (person_id, "alias" if alias else "exact")
        self._by_surname.setdefault(split_key(key)[1], set()).add(key)

    def remove_person(self, person_id: int) -> None:
        """Forget a person's names (after a merge)."""
        for key in [k for k, (pk, _) in self._by_key.items() if pk == person_id]:
            del self._by_key[key]
            self._by_surname.get(split_key(key)[1], set()).discard(key)

    def exact(self, name: str) -> int | None:
        """The person with exactly this name or alias, or ``None``."""
        found = self._by_key.get(name_key(name))
        return found[0] if found else None

    def match(self, name: str) -> Match:
        """Match a name: exact/alias link, else the near matches (best first)."""
        key = name_key(name)
        found = self._by_key.get(key)
        if found:
            return Match(found[0], found[1])
        return Match(None, "none", self.near(key))

    def near(self, key: str, limit: int = 3) -> list[NearMatch]:
        """People whose names are near this key (never the exact key itself)."""
        if not key:
            return []
        surname = split_key(key)[1]
        surnames = {
            s
            for s, _, _ in process.extract(
                surname,
                list(self._by_surname),
                scorer=Levenshtein.distance,
                score_cutoff=1,
                limit=None,
            )
        }
        surnames |= {
            s
            for s, _, _ in process.extract(
                surname,
                list(self._by_surname),
                scorer=JaroWinkler.similarity,
                score_cutoff=SURNAME_JARO_WINKLER,
                limit=None,
            )
        }
        best: dict[int, NearMatch] = {}
        for s in surnames:
            for other in self._by_surname.get(s, ()):
                reason = near_reason(key, other)
                if reason is None:
                    continue
                person_id = self._by_key[other][0]
                if person_id not in best or best[person_id].score < reason[0]:
                    best[person_id] = NearMatch(person_id, other, reason[0], reason[1])
        return sorted(best.values(), key=lambda n: (-n.score, n.person_id))[:limit]


# -- organisations -------------------------------------------------------------------

ORG_TOKEN_SET = 90
ORG_TOKEN_SORT = 75
_ORG_PUNCT = re.compile(r"[^\w\s]+")
# Abbreviations written in minutes, and the word they stand for.
ORG_ABBREVIATIONS = {
    "grp": "group",
    "ltd": "limited",
    "assoc": "association",
    "assn": "association",
    "dept": "department",
    "govt": "government",
    "svc": "service",
    "svcs": "services",
    "hosp": "hospital",
    "univ": "university",
    "cncl": "council",
    "natl": "national",
    "intl": "international",
    "ptnrship": "partnership",
    "bc": "borough council",
    "cc": "county council",
}


def org_key(name: str) -> str:
    """The exact-match key of an organisation: case, accents, punctuation and "&" ignored.

    >>> org_key("Valley Health  Trust (NHS)") == org_key("valley health trust nhs")
    True
    >>> org_key("Fens & Dales Housing")
    'fens and dales housing'
    """
    text = unicodedata.normalize("NFKD", name.replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _ORG_PUNCT.sub(" ", text.replace("’", "").replace("'", "")).lower()
    return " ".join(text.split())


def org_near_key(name: str) -> str:
    """The key for near matching: :func:`org_key` with common abbreviations written out.

    >>> org_near_key("Riverside Housing Grp Ltd.")
    'riverside housing group limited'
    """
    words = []
    for word in org_key(name).split():
        words.append(ORG_ABBREVIATIONS.get(word, word))
    return " ".join(words)


def org_near_reason(a: str, b: str) -> tuple[float, str] | None:
    """Why two organisation names may be one organisation, with a score (0–100), or ``None``.

    Both names are compared as :func:`org_near_key` (case, punctuation,
    "&"/"and" and abbreviations such as Grp/Group, Ltd/Limited,
    Assoc/Association ignored). They are *near* when, not being exactly the
    same name (that is an exact match), either

    * their near keys are equal (only an abbreviation differs), or
    * rapidfuzz's ``token_set_ratio`` ≥ 90 (one name's words are, give or take
      a typo, among the other's) **and** ``token_sort_ratio`` ≥ 75 (the words
      one name adds are few, so "ICB" does not match every "… ICB").

    The score is the mean of the two ratios.

    >>> org_near_reason("Harrowby Borough Council", "Harrowby Council")
    (90.0, 'one name has more words')
    >>> org_near_reason("Riverside Housing Grp", "Riverside Housing Group")
    (100.0, 'abbreviation written out')
    >>> org_near_reason("NHS Harrowby ICB", "Harrowby ICB")
    (92.9, 'one name has more words')
    >>> org_near_reason("Riverside Housing Gruop", "Riverside Housing Group")
    (95.7, 'spelt differently')
    >>> org_near_reason("Harrowby Police", "Harrowby Council") is None
    True
    >>> org_near_reason("ICB", "NHS Harrowby ICB") is None
    True
    >>> org_near_reason("Harrowby Council", "harrowby  council") is None
    True
    """
    if not a or not b or org_key(a) == org_key(b):
        return None
    key_a, key_b = org_near_key(a), org_near_key(b)
    if not key_a or not key_b:
        return None
    if key_a == key_b:
        return 100.0, "abbreviation written out"
    token_set = fuzz.token_set_ratio(key_a, key_b)
    if token_set < ORG_TOKEN_SET:
        return None
    token_sort = fuzz.token_sort_ratio(key_a, key_b)
    if token_sort < ORG_TOKEN_SORT:
        return None
    words_a, words_b = set(key_a.split()), set(key_b.split())
    reason = (
        "one name has more words" if words_a < words_b or words_b < words_a else "spelt differently"
    )
    return round((token_set + token_sort) / 2, 1), reason


@dataclass
class OrganisationNear:
    organisation_id: int
    name: str
    score: float
    reason: str


class OrganisationRegister:
    """An in-memory index of organisations' names and short names (short names are aliases).

    >>> r = OrganisationRegister()
    >>> r.add(1, "Harrowby Borough Council"); r.add(1, "HBC"); r.add(2, "Harrowby Police")
    >>> r.exact("hbc"), r.exact("Harrowby Council")
    (1, None)
    >>> [(n.organisation_id, n.reason) for n in r.near("Harrowby Council")]
    [(1, 'one name has more words')]
    """

    def __init__(self) -> None:
        self._by_key: dict[str, int] = {}
        self._names: dict[str, str] = {}  # near key -> name as written

    @classmethod
    def from_database(cls) -> OrganisationRegister:
        """Every organisation's name and short name (one query)."""
        from concord.people.models import Organisation

        register = cls()
        rows = Organisation.objects.order_by("pk").values_list("pk", "name", "short_name")
        for pk, name, short in rows:
            register.add(pk, name)
            if short:
                register.add(pk, short)
        return register

    def add(self, organisation_id: int, name: str) -> None:
        """Index one name of an organisation (the first to claim a key keeps it)."""
        key = org_key(name)
        if not key or key in self._by_key:
            return
        self._by_key[key] = organisation_id
        self._names.setdefault(org_near_key(name), name)

    def exact(self, name: str) -> int | None:
        """The organisation with exactly this name or short name, or ``None``."""
        return self._by_key.get(org_key(name))

    def near(self, name: str, limit: int = 3) -> list[OrganisationNear]:
        """Organisations whose name or short name is near this one (best first)."""
        key = org_near_key(name)
        if not key:
            return []
        best: dict[int, OrganisationNear] = {}
        for candidate, _, _ in process.extract(
            key,
            list(self._names),
            scorer=fuzz.token_set_ratio,
            score_cutoff=ORG_TOKEN_SET,
            limit=None,
        ):
            written = self._names[candidate]
            reason = org_near_reason(name, written)
            if reason is None:
                continue
            pk = self._by_key[org_key(written)]
            if pk not in best or best[pk].score < reason[0]:
                best[pk] = OrganisationNear(pk, written, reason[0], reason[1])
        return sorted(best.values(), key=lambda n: (-n.score, n.organisation_id))[:limit]
