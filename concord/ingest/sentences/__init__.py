"""The sentence model: which sentences of minutes set a task the rules did not read.

A linear classifier over one sentence's words, shape and context, and over
whether the rules already read it as an action or a decision.  It is trained
on invented minutes with hand-made answers that no rule was tuned on
(``eval/probe``, see :mod:`concord.ingest.sentences.train`), so it learns
how far the rules fall short on minutes they have not seen.
"""
