"""The sentences the sentence model reads.

Shared by extraction (:mod:`.action_learned`) and training
(:mod:`concord.ingest.sentences.corpus`), so the sentence model sees the same
sentences in both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from concord.ingest.extraction.layout import Line, sentences
from concord.ingest.sentences.features import heading_cue, sentence_features


@dataclass
class Unit:
    """One sentence of one line, with what the model sees around it."""

    line: int
    text: str
    previous: str
    heading: str | None
    in_row: bool
    bullet: bool

    def features(self) -> list[str]:
        """The model's features of this sentence (worked out when asked: most
        sentences are already the rules' and never shown to the model)."""
        return sentence_features(
            self.text, self.previous, in_row=self.in_row, bullet=self.bullet, heading=self.heading
        )


def units(
    lines: list[Line],
    skip_blocks: set[int],
    headings: set[int],
    wanted: Callable[[str, bool], bool] | None = None,
    line_test: Callable[[str], bool] | None = None,
) -> list[Unit]:
    """Every sentence outside ``skip_blocks`` (attendance) and item headings
    (``headings``: line numbers); only those ``wanted`` says yes to, if given.
    ``wanted`` is told, with each sentence, what ``line_test`` said of its
    line (a test run once a line rather than once a sentence)."""
    out: list[Unit] = []
    previous = ""
    heading: str | None = None
    for n, ln in enumerate(lines):
        if ln.block in skip_blocks:
            continue
        cue = heading_cue(ln.bare)
        # (Split six times at most: a line of more words is no heading.)
        if cue or n in headings or len(ln.bare.split(None, 6)) <= 6 and not ln.bare.endswith("."):
            heading = cue
        if n in headings:
            previous = ln.bare
            continue
        told = line_test(ln.bare) if line_test else True
        for s in sentences(ln.bare):
            if wanted is None or wanted(s, told):
                out.append(Unit(n, s, previous, heading, ln.row is not None, ln.bullet))
            previous = s
    return out
