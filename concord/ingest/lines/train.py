"""Train the line model on invented minutes and write ``weights.json``.

An averaged multi-class perceptron in pure Python: deterministic for a seed
(the corpus and the order of the passes come from it), no numerical library.

    .venv/bin/python -m concord.ingest.lines.train [--seed 15] [--docs 1500] [--epochs 6]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from concord.ingest.lines.features import document_features
from concord.ingest.lines.generate import LABELS, corpus
from concord.ingest.lines.model import WEIGHTS

Example = tuple[list[str], int]


def examples(seed: int, docs: int) -> list[Example]:
    """Every line of ``docs`` invented documents as (features, label index)."""
    out: list[Example] = []
    for doc in corpus(seed, docs):
        feats = document_features([line for line, _ in doc])
        out.extend((f, LABELS.index(label)) for f, (_, label) in zip(feats, doc, strict=True))
    return out


def train(
    data: list[Example], seed: int, epochs: int, k: int = len(LABELS)
) -> dict[str, list[float]]:
    """Averaged perceptron weights for ``k`` labels, rounded to 3 decimals
    (feature -> one weight per label).  Also trains the sentence model
    (:mod:`concord.ingest.sentences`)."""
    w: dict[str, list[float]] = {}
    total: dict[str, list[float]] = {}
    stamp: dict[str, list[int]] = {}
    t = 0
    rnd = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(epochs):
        rnd.shuffle(order)
        for idx in order:
            t += 1
            feats, gold = data[idx]
            score = [0.0] * k
            for f in feats:
                ws = w.get(f)
                if ws:
                    for c in range(k):
                        score[c] += ws[c]
            guess = max(range(k), key=lambda c: (score[c], -c))
            if guess == gold:
                continue
            for f in feats:
                ws = w.setdefault(f, [0.0] * k)
                tot = total.setdefault(f, [0.0] * k)
                st = stamp.setdefault(f, [0] * k)
                for c, delta in ((gold, 1.0), (guess, -1.0)):
                    tot[c] += (t - st[c]) * ws[c]
                    st[c] = t
                    ws[c] += delta
    out = {}
    for f, ws in w.items():
        tot, st = total[f], stamp[f]
        avg = [round((tot[c] + (t - st[c]) * ws[c]) / t, 3) for c in range(k)]
        if any(avg):
            out[f] = avg
    return dict(sorted(out.items()))


def accuracy(weights: dict[str, list[float]], data: list[Example]) -> float:
    """Share of lines whose best-scoring label is the gold one."""
    good = 0
    for feats, gold in data:
        score = [0.0] * len(LABELS)
        for f in feats:
            for c, x in enumerate(weights.get(f, ())):
                score[c] += x
        good += max(range(len(LABELS)), key=lambda c: (score[c], -c)) == gold
    return good / max(len(data), 1)


def build(seed: int = 15, docs: int = 1500, epochs: int = 6) -> dict[str, object]:
    """The model file's content for these settings."""
    weights = train(examples(seed, docs), seed, epochs)
    return {"labels": list(LABELS), "seed": seed, "docs": docs, "epochs": epochs,
            "weights": weights}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args(argv)
    model = build(args.seed, args.docs, args.epochs)
    weights = model["weights"]
    assert isinstance(weights, dict)
    held = examples(args.seed + 1000, 200)
    print(f"{len(weights)} features; accuracy on 200 other invented documents: "
          f"{accuracy(weights, held):.3f}")  # fmt: skip
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
