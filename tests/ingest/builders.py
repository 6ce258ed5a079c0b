"""Build the same invented minutes as .txt, .html, .docx and .pdf files.

The writers are ``concord.demo.documents``'s; this module adds the tests'
sample minutes and a helper writing one spec in every format.
"""

from __future__ import annotations

from pathlib import Path

from concord.demo.documents import Spec, to_docx, to_html, to_pdf, to_txt

__all__ = ["KESTREL", "Spec", "to_docx", "to_html", "to_pdf", "to_txt", "write_all"]

KESTREL: Spec = [
    "Kestrel Valley Partnership Executive",
    "Minutes of the meeting held on Thursday 6th March 2025",
    "10.00 am - 12.00 pm at Kestrel House, Market Street",
    "Present:",
    ["Cllr Rowan Fletcher (Chair)", "Kestrel Valley Council"],
    ["Dr Imogen Shaw", "Valley Health Trust"],
    ["Supt Carl Benning", "Northmoor Police"],
    ["Ada Kingsley", "Valley Voluntary Action"],
    "Apologies:",
    ["Miles Harper", "Kestrel Valley College"],
    "1. Minutes of the Last Meeting",
    "The minutes of the last meeting were agreed as a correct record.",
    "2. Housing Strategy",
    "Ada presented the draft housing strategy. The Executive approved the strategy.",
    "Action: Ada to publish the housing strategy by 30/04/25.",
    "3. Action Log",
    ["Action", "Who", "By when"],
    ["Review the youth services map", "Carl Benning", "May 2025"],
    ["Arrange a partners workshop on data sharing", "IS", "June 2025"],
    "4. Date of Next Meeting",
    "Thursday 5th June 2025 at Kestrel House",
]


def write_all(spec: Spec, folder: Path, stem: str = "minutes") -> dict[str, Path]:
    """Write the spec in every format; return ``{extension: path}``."""
    paths = {
        ".txt": folder / f"{stem}.txt",
        ".html": folder / f"{stem}.html",
        ".docx": folder / f"{stem}.docx",
        ".pdf": folder / f"{stem}.pdf",
    }
    paths[".txt"].write_text(to_txt(spec), encoding="utf-8")
    paths[".html"].write_text(to_html(spec), encoding="utf-8")
    to_docx(spec, paths[".docx"])
    to_pdf(spec, paths[".pdf"])
    return paths
