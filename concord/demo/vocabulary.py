"""Invented words for the demo partnership: the place, its organisations, people and papers.

Everything here is made up for Concord. Harrowby is not a real town, and no
name, phrase or figure is taken from any real partnership's papers. The
templates are ``str.format`` strings; the fields they may use are listed in
:func:`concord.demo.partnership._fill`.
"""

from __future__ import annotations

PLACE = "Harrowby"
COUNTY = "Eastmoor"

# (key, name, short name, sector, parent key or "")
ORGANISATIONS: list[tuple[str, str, str, str, str]] = [
    ("council", "Harrowby Borough Council", "HBC", "public", ""),
    ("team", "Harrowby Partnership Team", "Partnership Team", "public", "council"),
    ("pubhealth", "Harrowby Public Health", "Public Health", "public", "council"),
    ("childrens", "Harrowby Children's Services", "Children's Services", "public", "council"),
    ("county", "Eastmoor County Council", "ECC", "public", ""),
    ("police", "Harrowby & District Police", "Police", "public", ""),
    ("nhs", "Harrowby NHS Trust", "NHS Trust", "public", ""),
    ("icb", "Eastmoor Integrated Care Board", "ICB", "public", ""),
    ("ambulance", "Eastmoor Ambulance Service", "Ambulance", "public", ""),
    ("fire", "Harrowby Fire and Rescue Service", "Fire and Rescue", "public", ""),
    ("probation", "Harrowby Probation Service", "Probation", "public", ""),
    ("youthjustice", "Harrowby Youth Justice Service", "Youth Justice", "public", "council"),
    ("rivers", "Eastmoor Rivers and Flood Authority", "Rivers Authority", "public", ""),
    ("benefits", "Harrowby Employment and Benefits Office", "Employment Office", "public", ""),
    ("college", "Harrowby College", "College", "education", ""),
    ("university", "University of Harrowby", "University", "education", ""),
    ("academy", "St Wilfrid's Academy Trust", "St Wilfrid's", "education", ""),
    ("sixthform", "Northgate Sixth Form Centre", "Northgate Sixth Form", "education", ""),
    ("adultlearning", "Harrowby Adult Learning", "Adult Learning", "education", "council"),
    ("schoolsforum", "Harrowby Schools Forum", "Schools Forum", "education", ""),
    ("kestrel", "Kestrel Logistics Ltd", "Kestrel", "private", ""),
    ("marlow", "Marlow & Finch Engineering", "Marlow & Finch", "private", ""),
    ("ashdown", "Ashdown Homes plc", "Ashdown Homes", "private", ""),
    ("brindle", "Brindle Foods", "Brindle", "private", ""),
    ("water", "Harrowby Water Company", "Harrowby Water", "private", ""),
    ("copperleaf", "Copperleaf Energy", "Copperleaf", "private", ""),
    ("buses", "Harrowby Bus Company", "Harrowby Buses", "private", ""),
    ("westgate", "Westgate Shopping Centre", "Westgate", "private", ""),
    ("pennant", "Pennant Digital", "Pennant", "private", ""),
    ("cvs", "Harrowby Council for Voluntary Service", "CVS", "voluntary", ""),
    ("foodbank", "Harrowby Foodbank", "Foodbank", "voluntary", ""),
    ("advice", "Harrowby Advice Centre", "Advice Centre", "voluntary", ""),
    ("youthtrust", "Harrowby Youth Trust", "Youth Trust", "voluntary", ""),
    ("carers", "Harrowby Carers' Network", "Carers' Network", "voluntary", ""),
    ("mentalhealth", "Harrowby Mental Health Alliance", "MH Alliance", "voluntary", ""),
    ("agewell", "Age Well Harrowby", "Age Well", "voluntary", ""),
    ("welcome", "Harrowby Welcome (refugee support)", "Harrowby Welcome", "voluntary", ""),
    ("disability", "Harrowby Disability Forum", "Disability Forum", "voluntary", ""),
    ("faith", "Harrowby Faith Forum", "Faith Forum", "voluntary", ""),
    ("transport", "Harrowby Community Transport", "Community Transport", "voluntary", ""),
    ("tenants", "Riverside Tenants' Association", "Riverside Tenants", "voluntary", ""),
    ("safehaven", "Safe Haven Domestic Abuse Service", "Safe Haven", "voluntary", ""),
    ("greenspace", "Harrowby Green Spaces Trust", "Green Spaces Trust", "voluntary", ""),
    ("chamber", "Harrowby Chamber of Commerce", "Chamber", "other", ""),
    ("housing", "Greystone Housing Group", "Greystone", "other", ""),
    ("bid", "Harrowby Town Centre BID", "BID", "other", ""),
    ("lep", "Eastmoor Enterprise Partnership", "Enterprise Partnership", "other", ""),
]

# How many people each organisation contributes, relative to the others.
ORGANISATION_WEIGHT = {
    "council": 9,
    "team": 3,
    "police": 5,
    "nhs": 4,
    "icb": 2,
    "pubhealth": 2,
    "childrens": 2,
    "fire": 2,
    "college": 2,
    "cvs": 2,
}

# Honorifics, by organisation key; anything else mostly has none.
HONORIFICS = {
    "council": ["Cllr", "Cllr", "Cllr", ""],
    "county": ["Cllr", ""],
    "police": ["Chief Supt", "Supt", "Ch Insp", "Insp", "DCI"],
    "nhs": ["Dr", "Dr", "", "Prof"],
    "icb": ["Dr", ""],
    "pubhealth": ["Dr", ""],
    "university": ["Prof", "Dr"],
    "faith": ["Revd", "Imam", "Rabbi"],
    "fire": ["", "Station Manager"],
}
OTHER_HONORIFICS = ["", "", "", "", "", "", "", "Dr"]

FIRST_NAMES = [
    "Abigail",
    "Adeel",
    "Aled",
    "Amara",
    "Anwen",
    "Arjun",
    "Beatrix",
    "Bethan",
    "Callum",
    "Ceri",
    "Chidi",
    "Corinne",
    "Dalia",
    "Declan",
    "Delroy",
    "Eira",
    "Elspeth",
    "Faisal",
    "Fenella",
    "Gareth",
    "Gwendolen",
    "Hamish",
    "Harriet",
    "Imogen",
    "Ishaan",
    "Jocelyn",
    "Kasia",
    "Kieran",
    "Lorcan",
    "Lucinda",
    "Magnus",
    "Marisol",
    "Meera",
    "Morwenna",
    "Nadia",
    "Niamh",
    "Oluwaseun",
    "Orla",
    "Pervin",
    "Piers",
    "Priya",
    "Quentin",
    "Rhiannon",
    "Rosalind",
    "Rupinder",
    "Saoirse",
    "Seren",
    "Soren",
    "Tamsin",
    "Tobias",
    "Ulrika",
    "Verity",
    "Wilf",
    "Xanthe",
    "Yusuf",
    "Zainab",
    "Bronwen",
    "Cormac",
    "Henrietta",
    "Ivo",
]
LAST_NAMES = [
    "Abernethy",
    "Achterberg",
    "Adebayo",
    "Ashcombe",
    "Bellweather",
    "Blackstock",
    "Brackenbury",
    "Carrow",
    "Chaudhry",
    "Cotterill",
    "Dunmore",
    "Ellacott",
    "Farrant",
    "Featherstone",
    "Gallimore",
    "Greatorex",
    "Hallworth",
    "Hebblethwaite",
    "Ingleby",
    "Jarrow",
    "Kaczmarek",
    "Kettlewell",
    "Lambourne",
    "Larkworthy",
    "Mabbott",
    "Mahoney-Price",
    "Nettleford",
    "Nkemelu",
    "Oddie",
    "Okonjo",
    "Pargeter",
    "Penhaligon",
    "Quarrie",
    "Rashford-Lyle",
    "Ravenscroft",
    "Sandiford",
    "Sedgwick",
    "Shillingford",
    "Tattersall",
    "Thistlewood",
    "Trevethan",
    "Umfreville",
    "Vasquez-Hale",
    "Wetherby",
    "Whitlock",
    "Yardley",
    "Zielinski",
    "Ormerod",
    "Pickersgill",
    "Strickland",
]

WARDS = [
    "Northgate",
    "Millbrook",
    "St Anne's",
    "Castle Hill",
    "Riverside",
    "Elmfield",
    "Thornbury Park",
    "Westcliffe",
    "Harrowby Central",
    "Fallowfield",
]

VENUES = [
    "Committee Room 2, Harrowby Civic Centre",
    "Council Chamber, Harrowby Civic Centre",
    "Boardroom, Harrowby College",
    "Community Room, Harrowby Central Fire Station",
    "Meeting Room 4, Harrowby General Hospital",
    "The Hub, Harrowby CVS, Market Street",
    "Online (video call)",
    "Online (video call)",
    "Riverside Community Centre",
    "Seminar Room 1, University of Harrowby",
]

# (key, name, kind, theme or "", reports to key or "", visibility, relevant organisations)
BODIES: list[tuple[str, str, str, str, str, str, list[str]]] = [
    (
        "board",
        "Harrowby Partnership Board",
        "board",
        "board",
        "",
        "public",
        [
            "council",
            "police",
            "nhs",
            "icb",
            "fire",
            "college",
            "university",
            "cvs",
            "chamber",
            "housing",
            "county",
            "probation",
            "lep",
            "faith",
            "pubhealth",
            "team",
        ],
    ),
    (
        "exec",
        "Partnership Executive Group",
        "executive",
        "exec",
        "board",
        "public",
        ["council", "police", "nhs", "fire", "cvs", "college", "pubhealth", "childrens", "team"],
    ),
    (
        "safer",
        "Safer Communities Theme Group",
        "theme_group",
        "safer",
        "board",
        "public",
        [
            "police",
            "council",
            "fire",
            "probation",
            "youthjustice",
            "safehaven",
            "housing",
            "ambulance",
            "bid",
            "team",
        ],
    ),
    (
        "health",
        "Health and Wellbeing Theme Group",
        "theme_group",
        "health",
        "board",
        "public",
        [
            "nhs",
            "icb",
            "pubhealth",
            "council",
            "mentalhealth",
            "carers",
            "agewell",
            "ambulance",
            "disability",
            "team",
        ],
    ),
    (
        "cyp",
        "Children and Young People Theme Group",
        "theme_group",
        "cyp",
        "board",
        "public",
        [
            "childrens",
            "academy",
            "sixthform",
            "schoolsforum",
            "youthtrust",
            "police",
            "youthjustice",
            "nhs",
            "college",
            "team",
        ],
    ),
    (
        "economy",
        "Economy and Skills Theme Group",
        "theme_group",
        "economy",
        "board",
        "public",
        [
            "council",
            "chamber",
            "college",
            "university",
            "benefits",
            "kestrel",
            "marlow",
            "pennant",
            "lep",
            "adultlearning",
            "westgate",
            "team",
        ],
    ),
    (
        "environment",
        "Environment Theme Group",
        "theme_group",
        "environment",
        "board",
        "public",
        [
            "council",
            "rivers",
            "water",
            "copperleaf",
            "greenspace",
            "buses",
            "transport",
            "fire",
            "ashdown",
            "team",
        ],
    ),
    (
        "stronger",
        "Stronger Communities Theme Group",
        "theme_group",
        "stronger",
        "board",
        "public",
        [
            "cvs",
            "faith",
            "welcome",
            "tenants",
            "advice",
            "foodbank",
            "council",
            "police",
            "disability",
            "team",
        ],
    ),
    (
        "towncentre",
        "Town Centre Renewal Task Group",
        "task_group",
        "towncentre",
        "exec",
        "members",
        ["council", "bid", "westgate", "police", "chamber", "buses", "team"],
    ),
]

BODY_PURPOSE = {
    "board": (
        "To set the shared long-term vision for {place}, agree the partnership plan and hold "
        "partners and theme groups to account for delivering it."
    ),
    "exec": (
        "To steer the partnership between Board meetings: prepare the Board's agenda, "
        "monitor performance and risks, and resolve issues that cut across theme groups."
    ),
    "safer": "To reduce crime, disorder and harm in {place} and help residents feel safe.",
    "health": "To improve health and narrow the gap in healthy life expectancy across {place}.",
    "cyp": "To give every child and young person in {place} the best start and a fair chance.",
    "economy": "To grow good jobs in {place} and help residents gain the skills to get them.",
    "environment": "To cut carbon, reduce flood risk and look after {place}'s green spaces.",
    "stronger": "To build confident, connected neighbourhoods and a strong voluntary sector.",
    "towncentre": "To oversee the town centre renewal programme, including commercial matters.",
}

BRINGS = [
    "Leads the {org} contribution to the partnership plan.",
    "Brings frontline knowledge of services in the {ward} area.",
    "Holds the budget for the relevant {org} programmes.",
    "Represents the views of smaller community groups.",
    "Links to the {org} senior leadership team.",
    "Expertise in data, performance and evaluation.",
    "",
    "",
]

# Topics per theme: item titles that recur with variations.
TOPICS: dict[str, list[str]] = {
    "board": [
        "Partnership plan: annual refresh",
        "Quarterly performance report",
        "Theme group exception reports",
        "Partnership risk register",
        "Cost of living response",
        "Draft annual report",
        "Pooled budget: outturn and proposals",
        "Residents' survey results",
        "Scrutiny committee recommendations",
        "Equality and inclusion framework",
        "Local plan consultation: partnership response",
        "Place-based funding allocation",
    ],
    "exec": [
        "Forward plan for the Board",
        "Performance exceptions",
        "Funding bids pipeline",
        "Information sharing agreement review",
        "Added value register",
        "Partnership communications plan",
        "Self-assessment of theme groups",
        "Budget monitoring",
        "Risk register: new and escalated risks",
        "Consultation calendar",
    ],
    "safer": [
        "Anti-social behaviour hotspots",
        "Domestic abuse strategy refresh",
        "Night-time economy plan",
        "Hate crime reporting centres",
        "Road safety partnership update",
        "Serious violence duty: needs assessment",
        "Youth diversion programme",
        "Home fire safety visits",
        "Strategic assessment of crime and disorder",
    ],
    "health": [
        "Joint health and wellbeing strategy",
        "Healthy weight programme",
        "Winter pressures plan",
        "Mental health crisis pathway",
        "Smoking cessation outcomes",
        "Carers' strategy refresh",
        "Falls prevention for older people",
        "Health inequalities dashboard",
        "Social prescribing evaluation",
    ],
    "cyp": [
        "School readiness figures",
        "Young people not in education, employment or training",
        "Youth voice and the young mayor",
        "Holiday activities and food programme",
        "Emotional wellbeing in schools",
        "Early help offer",
        "Teenage pregnancy strategy",
        "Attendance and exclusions",
    ],
    "economy": [
        "Local skills improvement plan",
        "Employment support for over-50s",
        "Inward investment enquiries",
        "Apprenticeship levy transfer scheme",
        "Business start-up survival rates",
        "Digital inclusion programme",
        "Graduate retention",
        "Social value in procurement",
    ],
    "environment": [
        "Climate action plan progress",
        "Flood resilience in the river corridor",
        "Bus service improvement plan",
        "Household waste and recycling rates",
        "Tree planting programme",
        "Air quality monitoring",
        "Retrofit of social housing",
        "Active travel routes",
    ],
    "stronger": [
        "Voluntary sector funding review",
        "Community cohesion survey",
        "Volunteering strategy",
        "Support for new arrivals",
        "Neighbourhood forums",
        "Food poverty action plan",
        "Advice services demand",
        "Community asset transfer",
    ],
    "towncentre": [
        "Market hall redevelopment",
        "Vacant units and meanwhile uses",
        "Car parking strategy",
        "Public realm improvements",
        "Events programme",
        "Town centre safety",
    ],
}

DOCUMENTS = [
    "action plan",
    "delivery plan",
    "briefing note",
    "terms of reference",
    "draft strategy",
    "evaluation report",
    "funding proposal",
    "consultation response",
    "performance scorecard",
]

OPENINGS = [
    "{presenter} introduced the paper on {topic}, which had been circulated with the agenda, "
    "and summarised progress since the last report.",
    "{first} gave a verbal update on {topic}. Demand had risen by {pct}% on the same quarter "
    "last year, mostly in the {ward} and {ward2} wards.",
    "The {body} received a presentation from {presenter} ({org}) on {topic}.",
    "{first} presented the {doc} for {topic}, explaining that it had been shaped by a workshop "
    "with partners in {month}.",
    "{presenter} reported on {topic}. Of the {n} milestones in the plan, {m} were on track and "
    "the rest had slipped because of staffing pressures.",
    "Members considered a report by {presenter} on {topic}, setting out options for the next "
    "financial year.",
    "{first} tabled a short update on {topic} as the full report had been delayed.",
]

DISCUSSIONS = [
    "{other} asked how the work would continue when the current funding ends in {month}. "
    "{first} said options were being explored and would come back to the group.",
    "Members noted that the figures for {ward} remained well above the {place} average and "
    "agreed this should be the focus for the next quarter.",
    "{other} felt that community groups should be involved from the start rather than "
    "consulted at the end, and offered to share contacts through the {org2} network.",
    "There was a discussion about sharing data between partners. It was agreed that the "
    "existing information sharing agreement covered most of what was needed.",
    "{other} welcomed the report but asked for future updates to show the trend over three "
    "years rather than a single quarter.",
    "The group discussed the risk that the timetable was too ambitious. {first} accepted "
    "this and agreed to revisit the milestones with partners.",
    "{other} reported that {org2} had seen the same pattern and would be happy to pool "
    "resources on a joint bid.",
    "Concern was raised that residents did not know where to go for help. Partners agreed "
    "that a single leaflet, in the main community languages, would be a quick win.",
    "It was noted that the item linked closely to the work of the {body2}, and that the two "
    "groups should avoid duplicating effort.",
    "{other} queried the cost estimate of \u00a3{money}k. {first} confirmed that it included "
    "staff time contributed by partners.",
]

CLOSINGS = [
    "The chair thanked {first} for a clear and helpful update.",
    "",
    "",
    "The {body} asked to receive a further update in {month}.",
    "{first} would take the comments back to the project team.",
]

DECISIONS: dict[str, list[str]] = {
    "agreed": [
        "To support the proposed approach to {topic} and receive a further report in {month}.",
        "That {org} would lead the work on {topic} on behalf of the partnership.",
        "To set up a short-life working group on {topic}, reporting back within three months.",
    ],
    "approved": [
        "The {doc} for {topic} was approved, subject to the amendments discussed.",
        "The revised {doc} was approved for publication.",
        "Funding of \u00a3{money}k from the partnership budget was approved for {topic}.",
    ],
    "noted": [
        "The update on {topic} was noted.",
        "The {body} noted the report and the risks it identified.",
        "Members noted the progress made and the areas of underperformance.",
    ],
    "resolved": [
        "That the {body} endorses the {doc} for {topic} and recommends it to all partners.",
        "That {topic} be added to the partnership risk register as an amber risk.",
    ],
}

ACTIONS = [
    "Circulate the revised {doc} on {topic} to members.",
    "Bring a progress report on {topic} to the next meeting.",
    "Meet {other} to agree which data can be shared for {topic}.",
    "Nominate a lead officer from each partner for {topic}.",
    "Add {topic} to the forward plan for the Partnership Board.",
    "Write to the relevant government department about the funding gap for {topic}.",
    "Map existing services in the {ward} area and report back.",
    "Arrange a development session for members on {topic}.",
    "Draft a joint press release on {topic}.",
    "Check whether {org2} can contribute to the costs of {topic}.",
    "Update the risk register to reflect the discussion on {topic}.",
    "Circulate the presentation slides with the draft minutes.",
]

PROGRESS_OPEN = [
    "Work in progress: a draft is with partners for comment.",
    "Initial meeting held; follow-up arranged for {month}.",
    "Waiting for figures from {org2}.",
    "Partly done; the remaining partners have been chased.",
]
PROGRESS_CARRIED = [
    "Not yet started because of staff absence: carried forward.",
    "Carried forward to the next meeting at the owner's request.",
    "Delayed until the funding position is clear: carried forward.",
    "Still outstanding; to be reported at the next meeting.",
]
PROGRESS_DONE = [
    "Done: circulated to members.",
    "Completed and reported at this meeting.",
    "Done. The report is on the agenda for the Board.",
    "Completed: the nominations have been received.",
]
PROGRESS_DROPPED = [
    "No longer needed after the decision on the pooled budget.",
    "Superseded by the new work programme: dropped.",
    "Dropped at the chair's request; covered by another group.",
]

RESTRICTED_REASONS = [
    "Commercially sensitive: contract negotiation",
    "Personal information about named individuals",
    "Information relating to an ongoing investigation",
    "Legal advice subject to privilege",
    "Commercially sensitive: land and property values",
]
MEMBERS_REASONS = [
    "Draft for discussion by members before publication",
    "Early discussion of a funding bid",
    "Emerging proposals not yet agreed by partners",
]

INTERESTS = [
    "Trustee of {org2}",
    "Employed by an organisation bidding for the contract",
    "Family member works for {org2}",
    "Board member of {org2}",
    "Lives in the {ward} area affected by the proposal",
]

GUESTS = [
    "Kit Fenwick (student observer)",
    "Lale Ortaç, {place} Youth Council",
    "Jonas Pell, consultant",
    "Marguerite Oyelaran, resident",
    "Tam Ellery, regional government adviser",
]

NOT_QUORATE_NOTE = (
    "The meeting was not quorate. Items were discussed, and decisions will be put to the next "
    "meeting for ratification."
)
