"""Invented minutes with every line labelled by its role: training data for the line model.

Not used at run time.  It lives in the package (not in ``scripts/``) so that the
training module and the tests import it the same way.  Every name, body and
sentence is a random combination from the small invented vocabularies below;
nothing is taken from real minutes.  The variety follows the layouts the issue
lists: attendance as bulleted lists, tab or space tables, comma paragraphs with
organisations in brackets, roll calls, "Present:" inline, initials and roles
run together; items numbered in many ways; actions and decisions in many
phrasings; markdown or plain text.

Labels: ``att_head`` (opens an attendance section), ``person`` (one or more
attendees), ``item`` (an item heading), ``action``, ``decision``, ``meta``
(title, date, venue lines) and ``text`` (everything else).
"""

from __future__ import annotations

import random

LABELS = ("att_head", "person", "item", "action", "decision", "meta", "text")

FIRST = (
    "Ann",
    "Bryn",
    "Cara",
    "Dov",
    "Elin",
    "Fen",
    "Gus",
    "Hana",
    "Ivo",
    "Jude",
    "Kit",
    "Lorna",
    "Mael",
    "Nia",
    "Oren",
    "Pia",
    "Quin",
    "Rhea",
    "Sol",
    "Tam",
    "Ula",
    "Vic",
    "Wyn",
    "Xan",
    "Yara",
    "Zed",
    "Marguerite",
    "Alasdair",
    "Precious",
    "Tomasz",
)
LAST = (
    "Ashby",
    "Brack",
    "Corran",
    "Dellow",
    "Emmet",
    "Farrow",
    "Gilmore",
    "Haddow",
    "Iles",
    "Jowett",
    "Kerslake",
    "Lunt",
    "Mowbray",
    "Nettle",
    "Okoro",
    "Pennick",
    "Quarrie",
    "Rusk",
    "Sowerby",
    "Trew",
    "Upfield",
    "Varga",
    "Whin",
    "O'Dell",
    "Fairley-Stone",
    "McAvoy",
    "de Vere",
    "Nakamura",
)
TITLES = ("Cllr", "Dr", "Mr", "Mrs", "Ms", "Prof", "Rev", "Councillor", "Sgt", "Insp")
ORG_A = (
    "Brackwater",
    "Elmsfield",
    "Harrowgate",
    "Kestrel Vale",
    "Northmoor",
    "Oakhurst",
    "Penwith Cross",
    "Saltmarsh",
    "Thornbury",
    "Wendle",
)
ORG_B = (
    "Council",
    "Housing Trust",
    "Police",
    "Fire and Rescue",
    "Health Board",
    "Voluntary Action",
    "Parish Council",
    "College",
    "Residents Association",
    "Youth Forum",
    "CVS",
    "NHS Trust",
    "Chamber of Commerce",
)
ROLES = (
    "Chair",
    "Vice Chair",
    "Secretary",
    "Treasurer",
    "Clerk",
    "Minutes",
    "Vice-Chair",
    "President",
    "Director",
    "Co-ordinator",
)
BODY = (
    "Partnership Board",
    "Steering Group",
    "Community Council",
    "Committee",
    "Forum",
    "Board of Trustees",
    "Safety Panel",
    "Association",
    "Working Group",
)
TOPIC = (
    "Budget monitoring",
    "Community safety plan",
    "Youth provision",
    "Play areas",
    "Highways and parking",
    "Funding bids",
    "Membership",
    "Annual report",
    "Website",
    "Grants",
    "Planning applications",
    "Risk register",
    "Allotments",
    "Matters arising",
    "Correspondence",
    "Treasurer's report",
    "Any other business",
    "Minutes of the last meeting",
    "Approval of the agenda",
    "Declarations of interest",
    "Update from the working group on the new website",
    "Date of the next meeting",
)
VERB = (
    "circulate",
    "contact",
    "draft",
    "update",
    "arrange",
    "review",
    "check",
    "write to",
    "report back on",
    "book",
    "confirm",
    "chase",
)
THING = (
    "the revised terms of reference",
    "the grant form",
    "the venue",
    "the budget",
    "the consultation response",
    "the newsletter",
    "the insurance",
    "the risk log",
    "the survey results",
    "the notice board",
    "the members' list",
)
NARR = (
    "Members discussed",
    "The group noted",
    "It was reported that",
    "Concerns were raised about",
    "There was a discussion about",
    "An update was given on",
    "Partners welcomed",
    "The meeting heard that",
    "Questions were asked about",
)
TAIL = (
    "the progress made since the last meeting",
    "the figures for the quarter",
    "the delay to the works",
    "a request from residents",
    "the number of volunteers",
    "how the funding would be spent",
    "the response from the county",
    "the timetable",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "September",
    "October",
    "November",
    "December",
)


class Gen:
    """One invented document, line by line."""

    def __init__(self, rnd: random.Random) -> None:
        self.r = rnd
        self.lines: list[tuple[str, str]] = []
        self.md = rnd.random() < 0.35
        self.people = [self.person() for _ in range(rnd.randint(3, rnd.choice((10, 16, 28))))]

    def add(self, line: str, label: str) -> None:
        self.lines.append((line, label))

    def person(self) -> tuple[str, str, str]:
        r = self.r
        first = r.choice(FIRST)
        name = f"{first} {r.choice(LAST)}"
        if r.random() < 0.15:
            last = name.split(" ", 1)[1]
            name = f"{first[0]} {last}" if r.random() < 0.5 else f"{first[0]}. {last}"
        if r.random() < 0.25:
            name = f"{r.choice(TITLES)} {name}"
        return name, f"{r.choice(ORG_A)} {r.choice(ORG_B)}", r.choice(ROLES)

    def ini(self, name: str) -> str:
        return "".join(w[0] for w in name.split() if w[0].isupper() and w not in TITLES)[:3]

    def bullet(self) -> str:
        return self.r.choice(("", "", "• ", "- ", "* ", "• "))

    def heading(self, word: str) -> str:
        r = self.r
        w = word.upper() if r.random() < 0.2 else word
        if self.md and r.random() < 0.5:
            return f"{r.choice(('##', '###', '**'))} {w}{'**' if r.random() < 0.3 else ''}"
        return w + r.choice((":", ":", "", "", " -"))

    def entry(self, p: tuple[str, str, str]) -> str:
        r = self.r
        name, org, role = p
        k = r.randint(0, 8)
        forms = (
            name,
            f"{name}, {org}",
            f"{name} ({org})",
            f"{name} ({self.ini(name)})",
            f"{name} ({role})",
            f"{name} ({self.ini(name)}) {role}",
            f"{name} - {role}, {org}",
            f"{self.ini(name)} {name} {role}",
            f"{name} – {org}",
            f"{org} - {name}{r.choice(('', ' *', ' *'))}",
            f"{name} -- {role}, {org}",
            f"{name.split()[-2] if len(name.split()) > 1 else name} ({role.lower()})",
            f"{name}, {role}",
        )
        return forms[r.randint(0, len(forms) - 1)] if k > 4 else forms[k]

    def meta(self) -> None:
        r = self.r
        body = f"{r.choice(ORG_A)} {r.choice(BODY)}"
        day, month, year = r.randint(1, 28), r.choice(MONTHS), r.randint(1998, 2026)
        h = "# " if self.md else ""
        self.add(
            r.choice((f"{h}{body}", f"{h}Minutes of the {body} meeting", f"{h}{body.upper()}")),
            "meta",
        )
        self.add(
            r.choice(
                (
                    f"held on {day} {month} {year} at {r.randint(6, 8)}.30pm",
                    f"Date: {day} {month} {year}",
                    f"{day:02d}/{r.randint(1, 12):02d}/{year}",
                    f"{day} {month[:3]} {year}",
                    f"{day} {month} {year}",
                    f"Minutes of meeting held {day} {month} {year}, {r.choice(ORG_A)} Hall",
                )
            ),
            "meta",
        )
        if r.random() < 0.5:
            self.add(
                r.choice(
                    (
                        f"Venue: {r.choice(ORG_A)} Library",
                        "Held remotely via video call",
                        f"Time: {r.randint(6, 8)}.00 - {r.randint(8, 9)}.15 hrs",
                    )
                ),
                "meta",
            )

    def attendance(self) -> None:
        r = self.r
        ps = self.people
        cut = max(1, len(ps) - r.randint(0, 4))
        present, away = ps[:cut], ps[cut:]
        style = r.randint(0, 6)
        if style == 0:  # heading, one per line
            self.add(
                self.heading(
                    r.choice(
                        (
                            "Present",
                            "Attendees",
                            "Members present",
                            "Attendance",
                            "Attending",
                            "Those present",
                            "Participants",
                            "Roll Call / Attendance",
                            f"{r.choice(BODY)} Present",
                            f"{r.choice(('Other', 'Public', 'Council', 'City Officers'))} Present",
                            "Other Attendees",
                        )
                    )
                ),
                "att_head",
            )
            b = self.bullet()
            numbered = r.random() < 0.15
            for n, p in enumerate(present, 1):
                self.add((f"{n}. " if numbered else b) + self.entry(p), "person")
        elif style == 1:  # inline comma paragraph
            parts = [self.entry(p) for p in present]
            tail = f"{', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else parts[0]
            lead = r.choice(
                (
                    "Present: ",
                    "Attendees: ",
                    "Those present were ",
                    "Present were ",
                    "In attendance: ",
                    "Present - ",
                    "PRESENT ",
                    "Attended: ",
                )
            )
            self.add(lead + tail + ("." if r.random() < 0.5 else ""), "person")
        elif style == 2:  # table, tab or spaces
            self.add(self.heading(r.choice(("Present", "Members", "Attendance"))), "att_head")
            if r.random() < 0.5:
                self.add(
                    r.choice(
                        ("Name\tOrganisation", "Name\tRepresenting", "NAME      ORGANISATION")
                    ),
                    "text",
                )
            sep = r.choice(("\t", "    ", "   ", "\t\t"))
            for p in present:
                self.add(f"{p[0]}{sep}{p[1]}", "person")
        elif style == 3:  # roll call by organisation
            self.add(self.heading(r.choice(("Roll call", "Members", "Attendance"))), "att_head")
            for p in present:
                star = "*" if r.random() < 0.7 else ""
                self.add(f"{p[1]}: {star}{p[0]}{r.choice(('', ' (present)', ''))}", "person")
        elif style == 4:  # markdown table
            self.add(self.heading("Present"), "att_head")
            self.add("| Name | Organisation |", "text")
            for p in present:
                self.add(f"| {p[0]} | {p[1]} |", "person")
        elif style == 5:  # two names per line, roles run together
            self.add(self.heading(r.choice(("Present", "Committee members"))), "att_head")
            for i in range(0, len(present), 2):
                pair = present[i : i + 2]
                self.add(", ".join(f"{p[0]} {p[2]}" for p in pair), "person")
        else:  # name then organisation on the next line
            self.add(self.heading(r.choice(("Present", "Attendees"))), "att_head")
            for p in present[:6]:
                self.add(p[0], "person")
                self.add(p[1], "person")
        if r.random() < 0.5:
            extra = [self.person() for _ in range(r.randint(1, 3))]
            word = r.choice(("Also present", "In attendance", "Also in attendance", "Officers"))
            if r.random() < 0.5:
                self.add(f"{word}: " + ", ".join(self.entry(p) for p in extra), "person")
            else:
                self.add(self.heading(word), "att_head")
                for p in extra:
                    self.add(self.bullet() + self.entry(p), "person")
        if away:
            word = r.choice(
                (
                    "Apologies",
                    "Apologies for absence",
                    "Apologies received from",
                    "Absent",
                    f"{r.choice(BODY)} Absent",
                    "Regrets",
                )
            )
            if r.random() < 0.5:
                sep = r.choice((": ", " - ", " "))
                self.add(f"{word}{sep}" + ", ".join(self.entry(p) for p in away), "person")
            else:
                self.add(self.heading(word), "att_head")
                for p in away:
                    self.add(self.bullet() + self.entry(p), "person")
        if r.random() < 0.2:
            self.add(f"Minute taker: {self.person()[0]}", "person")
        if r.random() < 0.15:
            self.add(f"{r.randint(2, 12)} members of the public", "text")

    def sentence(self) -> str:
        r = self.r
        return f"{r.choice(NARR)} {r.choice(TAIL)}."

    def item_heading(self, n: int, topic: str) -> str:
        r = self.r
        ref = r.choice(
            (
                f"{n}.",
                f"{n}",
                f"{n})",
                f"Item {n}",
                f"Item {n}:",
                f"{n}/{r.randint(10, 25)}",
                f"{r.choice(('CSF', 'PB', 'SG'))} {r.randint(10, 30)}/{n}",
                f"{n}\\.",
                f"{n}.0",
                f"({chr(96 + n % 26 or 1)})",
            )
        )
        title = topic.upper() if r.random() < 0.2 else topic
        h = r.choice(("## ", "### ", "**")) if self.md and r.random() < 0.5 else ""
        return f"{h}{ref} {title}"

    def action(self) -> str:
        r = self.r
        p = r.choice(self.people)[0]
        who = r.choice((p, p.split()[-1] if " " in p else p, self.ini(p)))
        v, t = r.choice(VERB), r.choice(THING)
        due = r.choice(
            ("", f" by {r.randint(1, 28)} {r.choice(MONTHS)}", " before the next meeting")
        )
        return r.choice(
            (
                f"ACTION: {who} to {v} {t}{due}.",
                f"Action: {v} {t} - {who}",
                f"{who} to {v} {t}{due}.",
                f"{who} will {v} {t}{due}.",
                f"- [ ] @{who.split()[0].lower()} {v} {t}",
                f"{v.capitalize()} {t}{due} ({self.ini(p)})",
                f"Action {who}: {v} {t}",
                f"{v.capitalize()} {t}\t{who}\t{due.strip() or 'ASAP'}",
                f"{self.sentence()[:-1]}; {who} agreed to {v} {t}. ACTION {self.ini(p)}",
            )
        )

    def wrapped(self) -> None:
        """Prose wrapped at a fixed width, as converters leave it: fragments of text."""
        r = self.r
        words = " ".join(self.sentence() for _ in range(r.randint(2, 4))).split()
        width = r.randint(6, 12)
        for i in range(0, len(words), width):
            self.add(" ".join(words[i : i + width]), "text")

    def notes(self) -> None:
        """Links, dial-in details and agenda notes near the top: not attendance."""
        r = self.r
        for _ in range(r.randint(1, 4)):
            site = r.choice(ORG_A).lower().replace(" ", "")
            self.add(
                r.choice(
                    (
                        f"• Agenda: [{r.choice(TOPIC)}](https://{site}.example/agenda)",
                        f"- Join: https://{site}.example/meet/{r.randint(1000, 9999)}",
                        f"Recordings: [{r.choice(BODY)} playlist](https://{site}.example/v)",
                        f"• Papers were circulated in advance. {self.sentence()}",
                    )
                ),
                "text",
            )

    def other_lists(self) -> None:
        """Short headings and bulleted capitalised phrases that are not attendance."""
        r = self.r
        self.add(
            self.heading(
                r.choice(
                    (
                        "Subject",
                        "Purpose",
                        "Background",
                        "Summary",
                        "Recommendations",
                        "Outcomes",
                        "Key points",
                        "Agenda",
                    )
                )
            ),
            "text",
        )
        b = self.bullet()
        for _ in range(r.randint(2, 6)):
            words = f"{r.choice(TOPIC)} {r.choice(('Achieved', 'Secured', 'Plan'))}"
            self.add(b + " ".join(w.capitalize() for w in words.split()), "text")
        if r.random() < 0.4:
            p = self.person()
            self.add(p[0], "text")  # the author's signature, not an attendee
            self.add(f"{r.choice(ORG_A)} {r.choice(ROLES)}", "text")

    def decision(self) -> str:
        r = self.r
        a, b = r.choice(self.people)[0], r.choice(self.people)[0]
        t = r.choice(THING)
        return r.choice(
            (
                f"RESOLVED that {t} be approved.",
                f"It was agreed to adopt {t}.",
                f"It was AGREED that {t} be accepted.",
                f"{a} moved, {b} seconded, carried.",
                f"Motion to accept {t} moved by {a}, seconded by {b}. Motion carried.",
                "The minutes of the previous meeting were approved as a true record.",
                f"The committee agreed that {t} should go ahead.",
                f"It was decided to defer {t}.",
                "Decision: approved unanimously.",
                "The agenda was approved.",
            )
        )

    def body(self) -> None:
        r = self.r
        topics = r.sample(TOPIC, r.randint(3, 9))
        start = r.randint(1, 5)
        for k, topic in enumerate(topics):
            if r.random() < 0.1:
                self.add(r.choice((topic, topic.upper())), "text")  # unnumbered heading
            else:
                self.add(self.item_heading(start + k, topic), "item")
            for _ in range(r.randint(0, 4)):
                kind = r.random()
                if kind < 0.12:
                    self.wrapped()
                elif kind < 0.55:
                    self.add(" ".join(self.sentence() for _ in range(r.randint(1, 3))), "text")
                elif kind < 0.8:
                    self.add(self.bullet() + self.action(), "action")
                else:
                    self.add(self.decision(), "decision")
        if r.random() < 0.3:
            self.add(
                self.heading(r.choice(("Summary of actions", "Action points", "Actions"))), "text"
            )
            for _ in range(r.randint(1, 4)):
                self.add(self.bullet() + self.action(), "action")
        if r.random() < 0.6:
            self.add(f"Next meeting: {r.randint(1, 28)} {r.choice(MONTHS)} at 7pm", "text")
        if r.random() < 0.3:
            self.add(f"Meeting opened {r.randint(6, 19)}:{r.choice(('00', '30', '02'))}", "text")
        if r.random() < 0.3:
            self.add(
                f"Meeting closed at {r.randint(8, 9)}.{r.choice(('05', '30', '45'))}pm", "text"
            )


def document(rnd: random.Random) -> list[tuple[str, str]]:
    """One invented document as ``(line, label)`` pairs in reading order."""
    g = Gen(rnd)
    g.meta()
    if rnd.random() < 0.1:
        g.add(g.sentence(), "text")
    if rnd.random() < 0.25:
        g.notes()
    if rnd.random() < 0.2:
        g.other_lists()
    g.attendance()
    g.body()
    if rnd.random() < 0.15:
        g.other_lists()
    return g.lines


def corpus(seed: int = 15, n: int = 1500) -> list[list[tuple[str, str]]]:
    """``n`` invented documents from one seed (the same seed gives the same corpus)."""
    rnd = random.Random(seed)
    return [document(rnd) for _ in range(n)]
