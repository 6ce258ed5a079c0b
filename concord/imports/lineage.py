"""Action lineage: is an action read from later minutes one the body already has open?

Minutes restate open actions under "matters arising" or "outstanding
actions", often reworded. An extracted action *continues* an outstanding
action of the same body set before the meeting when:

* their descriptions are alike — rapidfuzz ``token_set_ratio`` of the
  normalised texts ≥ :data:`SIMILAR` (85, so "Circulate the plan to partners"
  continues "Circulate the plan") with ``token_sort_ratio`` ≥ :data:`FLOOR`
  (60, so a short phrase does not continue every long one that contains it)
  — and their owners overlap (or one side names no person; owners overlap
  when two of their names are equal or near matches, so "Mria Okafor"
  carries on "Mira Okafor"'s action before anyone merges the two), or
* their descriptions are nearly the same (``token_sort_ratio`` ≥ :data:`SAME`,
  95) whoever owns them.

The best-scoring candidate wins; each open action is continued at most once
per document. The importer then adds a dated progress note to the original
instead of creating a duplicate, so the tracker shows one action with its
history.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from concord.actions.models import Action
from concord.governance.models import Body
from concord.people.matching import name_key, near_reason

SIMILAR = 85
FLOOR = 60
SAME = 95
_NOISE = re.compile(r"[^\w\s]")


def description_key(text: str) -> str:
    """Lower case, no punctuation, single spaces.

    >>> description_key("Circulate the (revised) plan -- by May!")
    'circulate the revised plan by may'
    """
    return " ".join(_NOISE.sub(" ", text.lower()).split())


def owners_agree(new: set[str], old: set[str]) -> bool:
    """Do two sets of owner name keys overlap (equal or near names)? Empty sets agree.

    >>> owners_agree({"mria okafor"}, {"mira okafor"}), owners_agree({"ann lee"}, {"bo ray"})
    (True, False)
    """
    if not new or not old or new & old:
        return True
    return any(near_reason(a, b) is not None for a in new for b in old)


def continues(new: str, new_owners: set[str], old: str, old_owners: set[str]) -> float | None:
    """The similarity score if ``new`` continues ``old`` under the rule above, else ``None``.

    >>> continues("Circulate the revised housing plan to partners", {"ann lee"},
    ...           "Circulate revised housing plan to all partners", {"ann lee"}) is not None
    True
    >>> continues("Circulate the revised housing plan", {"bo ray"},
    ...           "Circulate the revised housing plan to partners", {"ann lee"}) is None
    True
    """
    a, b = description_key(new), description_key(old)
    same = fuzz.token_sort_ratio(a, b)
    if same >= SAME:
        return same
    alike = fuzz.token_set_ratio(a, b)
    if alike >= SIMILAR and same >= FLOOR and owners_agree(new_owners, old_owners):
        return (alike + same) / 2
    return None


@dataclass
class _Candidate:
    action: Action
    key: str
    owners: set[str]


class OpenActions:
    """The outstanding actions of a body set before a date, loaded once per document."""

    def __init__(self, candidates: list[_Candidate]) -> None:
        self.candidates = candidates
        self.used: set[int] = set()

    @classmethod
    def of(cls, body: Body, before: dt.date) -> OpenActions:
        """Three queries: the actions, their owners and the owners' people."""
        actions = list(
            Action.objects.outstanding()
            .filter(body=body, created_on__lt=before)
            .prefetch_related("owners__person")
        )
        return cls(
            [
                _Candidate(
                    a,
                    description_key(a.description),
                    {name_key(o.person.name) for o in a.owners.all() if o.person is not None},
                )
                for a in actions
            ]
        )

    def continued_by(self, description: str, owners: set[str]) -> Action | None:
        """The open action this description continues, if any (each used once)."""
        best: tuple[float, _Candidate] | None = None
        for cand in self.candidates:
            if cand.action.pk in self.used:
                continue
            score = continues(description, owners, cand.key, cand.owners)
            if score is not None and (best is None or score > best[0]):
                best = (score, cand)
        if best is None:
            return None
        self.used.add(best[1].action.pk)
        return best[1].action
