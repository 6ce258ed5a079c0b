"""Pages saved from a word processor as "Web page, filtered" (invented text).

Their source wraps every paragraph at about eighty columns and lays the
minutes out in borderless two-column tables (a reference, then the text).
"""

from __future__ import annotations

from concord.ingest import extract

_PAGE = """<html><head><title>Minutes</title></head><body>
<p class=MsoNormal align=center><b>Minutes of the July Monthly Meeting of the
Harrowby Valley Area held in the Town Hall, Harrowby on Tuesday 7<sup>th</sup>
July 2026 at 7.00 p.m.</b></p>
<table class=MsoTableGrid border=0>
 <tr><td><p class=MsoNormal><b>Members Present:</b></p></td>
  <td><p class=MsoNormal>Cllr. Ann Hale<br>
  Cllr. Bo Dent</p></td></tr>
</table>
<table class=MsoTableGrid border=0>
 <tr><td><p class=MsoNormal><b>HVA 12/26</b></p></td>
  <td><p class=MsoNormal><b><u>Footpath Repairs – Mill Lane, Harrowby</u></b></p>
  <p class=MsoNormal>On the proposal of Cllr. Hale, seconded by Cllr. Dent,
  <b>the footpath repair schedule was
  adopted</b>.</p></td></tr>
</table>
</body></html>
"""


def _record() -> dict:
    return extract(_PAGE.encode(), filename="minutes.html").to_dict()


def test_line_breaks_of_the_page_source_are_spaces() -> None:
    record = _record()
    # A place after the dash is the title's subtitle, not its first sentence.
    assert record["items"][0]["title"] == "Footpath Repairs – Mill Lane, Harrowby"
    assert any("schedule was adopted" in d for d in record["decisions"])
    assert record["date"] == "2026-07-07"


def test_a_named_body_after_meeting_of_the_needs_no_council_word() -> None:
    assert _record()["body"] == "Harrowby Valley Area"


def test_a_pre_block_keeps_its_line_breaks() -> None:
    page = "<body><pre>Present: Ann Hale\nApologies: Bo Dent</pre></body>"
    people = extract(page.encode(), filename="m.html").to_dict()["attendance"]
    assert {(p["name"], p["status"]) for p in people} >= {("Ann Hale", "present")}
