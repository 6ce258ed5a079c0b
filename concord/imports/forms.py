"""The upload form (the review forms are in ``review_forms``)."""

from __future__ import annotations

from typing import Any

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files (returns a list)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        # An empty file is recorded as refused, with its reason, like any bad document.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(  # type: ignore[assignment]  # Django moves fields off the class
        label="Minutes documents",
        help_text=(
            "One or more files: text, Markdown, reST, wiki or Org text, HTML, Word (.docx, "
            ".doc), ODT, RTF or PDF."
        ),
    )
    body = forms.CharField(
        label="Body",
        required=False,
        max_length=200,
        help_text="Leave blank to read each document's body from its heading.",
    )
