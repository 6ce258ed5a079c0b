"""Actions the rules did not read, found by the sentence model.

After the rules, every sentence outside the attendance and the item headings
that the rules' actions and decisions do not already say (word overlap below
:data:`COVERED`) is shown to the sentence model (:mod:`concord.ingest.sentences`).
One it calls an action by a margin above :data:`MIN_MARGIN`, and that has a
task's shape (:mod:`.task_shape`), becomes one more action, marked
``learned`` so that the review screen flags it: its owner is the one the
task names ("The Clerk to …", "Officers were asked to …", "Dean will …"),
its due date is resolved as the rules resolve theirs.

The model never removes what the rules found, and it adds no decisions:
measured on the training documents (each left out in turn), both cost
more than they gained (``docs/ingest.md``, "The sentence model").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from concord.ingest.extraction.action_found import Collector, dedupe
from concord.ingest.extraction.layout import Line
from concord.ingest.extraction.sentence_units import Unit, units
from concord.ingest.extraction.task_shape import looks_like_task, task_cues, task_of
from concord.ingest.record import Action
from concord.ingest.sentences.features import Coverage
from concord.ingest.sentences.model import Classifier, classify

_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
# A sentence becomes an action only when the model prefers "action" by this much.
MIN_MARGIN = 8.0
# A sentence that says this much of one the rules found (word overlap) is theirs.
COVERED = 0.3


@dataclass
class Reading:
    """What the rules read of a document, as the sentence model needs it."""

    lines: list[Line]
    skip_blocks: set[int]
    headings: set[int]
    people: list[str]
    roles: dict[str, str] = field(default_factory=dict)
    meeting: date | None = None
    next_meeting: str | None = None

    def units(
        self,
        wanted: Callable[[str, bool], bool] | None = None,
        line_test: Callable[[str], bool] | None = None,
    ) -> list[Unit]:
        """The sentences the model reads (only the ``wanted`` ones, if given;
        see :func:`.sentence_units.units`)."""
        return units(self.lines, self.skip_blocks, self.headings, wanted, line_test)


def learned_actions(
    reading: Reading, actions: list[Action], decisions: list[str], model: Classifier = classify
) -> list[Action]:
    """Actions in sentences the rules left alone that ``model`` is sure of."""
    by_rules = Coverage([a.description for a in actions] + decisions)
    people = reading.people
    candidates = [
        u
        for u in reading.units(lambda s, cued: looks_like_task(s, people, cued), task_cues)
        if not by_rules.reaches(u.text, COVERED)
    ]
    if not candidates:
        return []
    out = Collector.over(
        [], reading.lines, reading.meeting, reading.next_meeting, reading.roles, people
    )
    lower: set[str] = set()

    def in_lower_case(word: str) -> bool:
        # The document's words in lower case, gathered when first asked.
        if not lower:
            lower.update(_LOWER_WORD.findall(" ".join(ln.text for ln in reading.lines)))
        return word in lower

    for unit, (label, margin) in zip(
        candidates, model([u.features() for u in candidates]), strict=True
    ):
        if label == "action" and margin > MIN_MARGIN:
            desc, owners, wording = task_of(unit.text, people, in_lower_case)
            out.add(desc, owners, out.due_of(wording, desc), unit.line, "learned")
    found = dedupe(out.found)
    for action in found:
        action.learned = True
    return found
