"""Train the sentence model and write ``weights.json``.

The line model's averaged perceptron (:func:`concord.ingest.lines.train.train`),
deterministic for a seed, on :func:`concord.ingest.sentences.corpus.examples`.
The shipped weights are the mean of :data:`SEEDS` runs, each passing over the
sentences in its own order: one run's answers on unseen minutes move with the
order it happened to see (held-out action figures spread by up to 0.03 over
six seeds), the mean of five moves about half as much.

    .venv/bin/python -m concord.ingest.sentences.train [--seeds 1,2,3,4,5] [--epochs 8]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from concord.ingest.extraction.action_learned import learned_actions
from concord.ingest.lines.model import best_labels
from concord.ingest.lines.train import Example, train
from concord.ingest.sentences.corpus import (
    examples,
    found_share,
    labelled,
    read,
    training_documents,
)
from concord.ingest.sentences.model import LABELS, WEIGHTS

SEEDS = (1, 2, 3, 4, 5)


def mean_weights(data: list[Example], seeds: Sequence[int], epochs: int) -> dict[str, list[float]]:
    """The mean, per feature and label, of one trained model per seed, rounded
    to 3 decimals; features whose mean is zero are left out."""
    total: dict[str, list[float]] = {}
    for seed in seeds:
        for feature, ws in train(data, seed, epochs, k=len(LABELS)).items():
            sums = total.setdefault(feature, [0.0] * len(LABELS))
            for c, w in enumerate(ws):
                sums[c] += w
    mean = {f: [round(w / len(seeds), 3) for w in ws] for f, ws in sorted(total.items())}
    return {f: ws for f, ws in mean.items() if any(ws)}


def build(seeds: Sequence[int] = SEEDS, epochs: int = 8) -> dict[str, object]:
    """The model file's content for these settings."""
    weights = mean_weights(examples(), seeds, epochs)
    return {"labels": list(LABELS), "seeds": list(seeds), "epochs": epochs,
            "documents": [d.name for d, _ in training_documents()], "weights": weights}  # fmt: skip


def leave_one_out(seeds: Sequence[int] = SEEDS, epochs: int = 8) -> tuple[float, float]:
    """Mean action F1 over the training documents, each read by the rules plus a
    model trained on the others: (rules alone, rules and model)."""
    docs = [read(d, g) for d, g in training_documents()]
    data = [labelled(d) for d in docs]
    alone = together = 0.0
    for i, doc in enumerate(docs):
        rest = [ex for j, exs in enumerate(data) if j != i for ex in exs]
        weights = mean_weights(rest, seeds, epochs)
        frozen = {f: tuple(ws) for f, ws in weights.items()}
        added = learned_actions(
            doc.reading, doc.record.actions, doc.record.decisions,
            lambda feats, w=frozen: best_labels(LABELS, w, feats),  # type: ignore[misc]
        )  # fmt: skip
        said = [a["description"] for a in doc.answer.get("actions") or []]
        rules = [a.description for a in doc.record.actions]
        alone += found_share(said, rules)
        together += found_share(said, rules + [a.description for a in added])
    return alone / len(docs), together / len(docs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--seeds",
        type=lambda text: [int(s) for s in text.split(",")],
        default=list(SEEDS),
        help="comma-separated seeds whose models are averaged",
    )
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument(
        "--leave-one-out",
        action="store_true",
        help="measure the model on each training document, trained on the others",
    )
    args = ap.parse_args(argv)
    if args.leave_one_out:
        alone, together = leave_one_out(args.seeds, args.epochs)
        print(f"actions F1, leave one out: rules {alone:.3f}, rules and model {together:.3f}")
        return 0
    model = build(args.seeds, args.epochs)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(model['weights'])} features from {len(model['documents'])} documents")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
