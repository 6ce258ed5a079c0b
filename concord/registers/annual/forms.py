"""The secretariat's forms for the typed parts of the annual report."""

from __future__ import annotations

from concord.lib.locking import VersionedForm
from concord.registers.models import AnnualReport, CaseStudy


class IntroductionForm(VersionedForm):
    class Meta:
        model = AnnualReport
        fields = ["introduction", "published"]


class CaseStudyForm(VersionedForm):
    class Meta:
        model = CaseStudy
        fields = ["position", "title", "text"]
