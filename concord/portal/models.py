"""Topics: issues the partnership follows across meetings, set on decisions by the secretariat."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from concord.lib.access import Viewer
from concord.lib.locking import Versioned
from concord.meetings.models import Decision


class TopicQuerySet(models.QuerySet["Topic"]):
    def visible_to(self, viewer: Viewer) -> TopicQuerySet:
        """Every topic: a name and a description, public; its decisions are filtered
        by ``Decision.visible_to`` wherever they are listed."""
        return self


class Topic(Versioned):
    """An issue followed from meeting to meeting ("Town centre", "Domestic abuse").

    The secretariat names topics and sets them on decisions; anyone may follow
    a topic through the decisions they may read (its page, the register's
    topic filter). A topic's name and description are public.
    """

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    decisions = models.ManyToManyField(Decision, blank=True, related_name="topics")
    history = HistoricalRecords(m2m_fields=[decisions])

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:120] or "topic"
        super().save(*args, **kwargs)
