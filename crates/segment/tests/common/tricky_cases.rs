// Hard sentence-boundary cases of news English, one paragraph each, shared
// by the `tricky` test and the `segment_bench` example (which runs them
// through sentencex too). Every case lists the sentences it must split
// into; the input is those sentences joined by one space.

pub const CASES: &[&[&str]] = &[
    // Abbreviations inside a sentence.
    &["The U.S. delegation arrived in Veloria on Monday."],
    &["The U.N. envoy met Gen. Tomas Ferrant at the border."],
    &["Sen. Ilse Varga and Rep. Oren Madd signed the letter."],
    &["Lt. Col. Anya Brask commands the garrison at Ostrel."],
    &["Gov. Pell Arno said the roads would stay closed."],
    &["Mr. Ferrant and Dr. Kessa Lind left together."],
    &["The embassy on St. Ivo Square was closed for the day."],
    &["Brask won the No. 2 seat on the council."],
    &["The vote is set for Nov. 19 in the capital."],
    &["The talks resume at 9 a.m. on Friday in Ostrel."],
    &["Marsk Grain Inc. and Veloria Shipping Corp. signed the deal."],
    &["Ostrel Mining Ltd. said profits rose."],
    &["The ministry paid Brask & Co. for the survey."],
    &["Aldo Ferrant Jr. said his father had been consulted."],
    &["The talks in Washington, D.C. ended early."],
    &["It was Veloria vs. Marsk in the final."],
    &["They brought flour, salt, oil, etc. to the camp."],
    &["The report was written by J. R. Madd and K. Lind."],
    &["Inflation rose to 3.5 percent in March."],
    &["The envoy paused... and then left the room."],
    &["The envoy paused . . . and then left the room."],
    &["The plan, i.e. the second draft, was rejected."],
    &["Sen. Varga, R-N.M., voted against the bill."],
    // Ordinary boundaries.
    &[
        "The border closed on Tuesday.",
        "Trade stopped the same day.",
    ],
    &["Will the ceasefire hold?", "Nobody in Ostrel knows."],
    &["We will not sign!", "The crowd cheered."],
    &["Prices rose in 2019.", "2020 was worse for farmers."],
    // Quotes.
    &[
        "He said the deal was off.",
        "\"Next week we talk again,\" he added.",
    ],
    &["\"It is over.\"", "She left the hall without another word."],
    &["\"Why now?\" he asked."],
    &["\"Who pays for this?\" the minister wanted to know."],
    &["“Why now?” Ilse Varga asked.", "Nobody answered her."],
    &["“We stay,” Ferrant said.", "“We will not move.”"],
    &["“Is this the end?” Oren Madd asked"],
    &["“Why now?”", "Ferrant said the plan was late."],
    &[
        "The minister called the offer “unacceptable”.",
        "Talks broke off.",
    ],
    &[
        "“We will never leave.",
        "This is our land,” the mayor said.",
    ],
    &[
        "(The meeting was closed to reporters.)",
        "Officials later confirmed it.",
    ],
    // Abbreviations at the true end of a sentence.
    &[
        "The team flew home from the U.S.",
        "The talks will resume in spring.",
    ],
    &[
        "The shipment went to Ostrel Mining Inc.",
        "It arrived late.",
    ],
    &[
        "The meeting ended at 10 p.m.",
        "Officials declined to comment.",
    ],
    &[
        "They listed salt, oil, flour, etc.",
        "Supplies ran out in a week.",
    ],
    &[
        "The documents went to the U.N.",
        "“We have nothing to hide,” the envoy said.",
    ],
    &[
        "The border reopened...",
        "The first lorries crossed at dawn.",
    ],
    &[
        "The patrol reached Mt. Arlo by noon.",
        "Ft. Kessel was empty.",
    ],
    &["The Rev. Ansel Brook and Prof. Ida Marr spoke first."],
    &["The ceasefire began Sept. 3 and collapsed a week later."],
    &["Ferrant holds a Ph.D. from the university in Ostrel."],
    &["The U.S.-brokered plan failed.", "Nobody was surprised."],
    &[
        "The fund lost $3.5 million in 2021.",
        "Its manager resigned.",
    ],
    &["Sales of Zapp! games fell sharply in Marsk."],
    &[
        "The envoy said: 'We are ready.'",
        "The minister did not reply.",
    ],
    &["PORT ARLO, N.V. (Wire) — The border stayed shut on Friday."],
    &["Army Pfc. Lena Dorr was released.", "Her lawyer spoke to the press."],
    // Lists, numbers, initials that end sentences.
    &["1. The council meets on Monday."],
    &[
        "The decision fell to the chair of Group B.",
        "He abstained.",
    ],
];

// Sentences glued together by scraping (no space between them): the input
// and the sentences it must split into.
pub const GLUED_CASES: &[(&str, &[&str])] = &[
    ("Nobody believed it.”The vote was close.", &["Nobody believed it.”", "The vote was close."]),
    ("The vote was close.“We lost,” she said.", &["The vote was close.", "“We lost,” she said."]),
    ("He wrote the cover story.Ferrant disagreed.", &["He wrote the cover story.", "Ferrant disagreed."]),
    ("Was it fair?Nobody knew.", &["Was it fair?", "Nobody knew."]),
    ("They called it “Mostly False.“ The rate was lower.", &["They called it “Mostly False.“", "The rate was lower."]),
    ("They called it “Mostly False.“", &["They called it “Mostly False.“"]),
    ("Supplies should last in the region. .", &["Supplies should last in the region. ."]),
    ("Trade resumed. Supplies should last. ?", &["Trade resumed.", "Supplies should last. ?"]),
    ("He waited his turn. … I think that hurt him.”", &["He waited his turn.", "… I think that hurt him.”"]),
    ("The dispute is about Veloria.Com and its owners.", &["The dispute is about Veloria.Com and its owners."]),
    ("The U.S.-Velorian talks and the e.g.Test case.", &["The U.S.-Velorian talks and the e.g.Test case."]),
];
