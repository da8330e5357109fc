//! A small invented corpus: Veloria and Kastrany negotiate over a river dam.

#![allow(dead_code)]

use backchannel_core::*;

/// A document whose statements are the given substrings of its text.
pub fn doc(
    id: &str,
    outlet: &str,
    date: &str,
    text: &str,
    quotes: &[(&str, &str, &str)],
) -> (Document, Vec<Statement>) {
    let mut statements = Vec::new();
    for (content, cue, speaker) in quotes {
        let start = text
            .find(content)
            .unwrap_or_else(|| panic!("fixture: {content:?} not in text"));
        let span = Span::new(start, start + content.len());
        let cue_at = text.find(cue).map(|s| Span::new(s, s + cue.len()));
        let speaker_at = text.find(speaker).map(|s| Span::new(s, s + speaker.len()));
        statements.push(Statement {
            span,
            fragments: vec![span],
            form: if content.starts_with('"') {
                Form::Direct
            } else {
                Form::Indirect
            },
            cue: cue_at,
            speaker: speaker_at.map(|sp| Speaker {
                span: sp,
                name: speaker.to_string(),
                antecedent: None,
            }),
        });
    }
    let title = text.lines().next().unwrap_or("").to_string();
    let document = Document {
        id: id.into(),
        title: Some(title),
        outlet: Some(outlet.into()),
        date: Some(date.into()),
        url: Some(format!("https://news.example/{id}")),
        text: text.into(),
        headline: None,
        origin: Origin::at_line("fixture.jsonl", 1),
    };
    (document, statements)
}

pub fn corpus() -> Vec<(Document, Vec<Statement>)> {
    vec![
        doc(
            "vel-1",
            "Harbor Ledger",
            "2026-03-02",
            "Veloria rules out dam talks\n\n\"We will never negotiate over the Sarn dam,\" said Foreign Minister Ilse Marnov. \
             Officials in Veloria said privately that a negotiated settlement on the dam was already being drafted, \
             speaking on condition of anonymity.",
            &[
                ("\"We will never negotiate over the Sarn dam,\"", "said", "Foreign Minister Ilse Marnov"),
                (
                    "that a negotiated settlement on the dam was already being drafted",
                    "said privately",
                    "Officials in Veloria",
                ),
            ],
        ),
        doc(
            "kas-1",
            "Plains Courier",
            "2026-03-05",
            "Kastrany denies troop movements\n\n\"There are no troops near the border,\" spokesman Tavo Quell said. \
             A senior Kastrany officer told the Courier that two brigades had moved toward the border.",
            &[
                ("\"There are no troops near the border,\"", "said", "spokesman Tavo Quell"),
                ("that two brigades had moved toward the border", "told", "A senior Kastrany officer"),
            ],
        ),
        doc(
            "vel-2",
            "Plains Courier",
            "2026-03-09",
            "Dam dam dam: Veloria’s negotiators meet in secret\n\n\
             Negotiators met behind closed doors, a diplomat said, and talked about the dam, the dam's turbines and the dam's reservoir. \
             “Negotiation is possible,” one Velorian envoy said privately.",
            &[("“Negotiation is possible,”", "said privately", "one Velorian envoy")],
        ),
    ]
}

/// An analysis of [`corpus`] as the analyzer would produce it.
pub fn analysis(batch: &[(Document, Vec<Statement>)]) -> Analysis {
    let mut statements = Vec::new();
    let sides = [
        ["Veloria", "Veloria"],
        ["Kastrany", "Kastrany"],
        ["Veloria", "Veloria"],
    ];
    let channels = [
        [Channel::Public, Channel::Private],
        [Channel::Public, Channel::Private],
        [Channel::Private, Channel::Private],
    ];
    let topics = [
        ["sarn dam", "sarn dam"],
        ["border troops", "border troops"],
        ["sarn dam", "sarn dam"],
    ];
    for (d, (doc, stmts)) in batch.iter().enumerate() {
        let mut ordered = stmts.clone();
        ordered.sort_by_key(|s| (s.span.start, s.span.end));
        for (n, s) in ordered.into_iter().enumerate() {
            let speaker = s.speaker.as_ref().map(|sp| SpeakerProfile {
                text: doc.text[sp.span.range()].to_string(),
                name: sp.name.clone(),
                anonymous: channels[d][n] == Channel::Private,
                official: true,
                former: false,
            });
            statements.push(AnalyzedStatement {
                id: format!("{}#{}", doc.id, n + 1),
                document: d,
                text: doc.text[s.span.range()].to_string(),
                speaker,
                side: Some(sides[d][n].to_string()),
                channel: channels[d][n],
                evidence: vec![Evidence {
                    phrase: "said".into(),
                    span: s.cue,
                    rule: if channels[d][n] == Channel::Private {
                        "anonymous-source"
                    } else {
                        "named-official"
                    }
                    .into(),
                }],
                topics: vec![topics[d][n].to_string()],
                statement: s,
            });
        }
    }
    Analysis {
        documents: batch.iter().map(|(d, _)| d.meta()).collect(),
        statements,
        topics: vec![
            Topic {
                name: "sarn dam".into(),
                terms: vec!["dam".into(), "sarn".into()],
                seeded: false,
            },
            Topic {
                name: "border troops".into(),
                terms: vec!["troops".into(), "border".into()],
                seeded: true,
            },
        ],
        divergences: vec![
            Divergence {
                side: "Veloria".into(),
                topic: "sarn dam".into(),
                private: vec!["vel-1#2".into(), "vel-2#1".into()],
                public: vec!["vel-1#1".into()],
                score: 0.9,
                explanation: "refuses talks in public, drafts a settlement in private".into(),
                signals: vec![Signal {
                    kind: "willingness-vs-refusal".into(),
                    weight: 0.9,
                    private: ("vel-1#2".into(), "negotiated settlement".into()),
                    public: ("vel-1#1".into(), "never negotiate".into()),
                }],
            },
            Divergence {
                side: "Kastrany".into(),
                topic: "border troops".into(),
                private: vec!["kas-1#2".into()],
                public: vec!["kas-1#1".into()],
                score: 0.7,
                explanation: "denies troops in public, confirms brigades in private".into(),
                signals: vec![],
            },
        ],
        private_only: vec![PrivateOnly {
            side: "Veloria".into(),
            topic: "sarn dam".into(),
            private: vec!["vel-2#1".into()],
        }],
        drift: vec![Drift {
            a: Rendering {
                document: 0,
                span: Span::new(0, 27),
                text: batch[0].0.text[..27].to_string(),
                outlet: Some("Harbor Ledger".into()),
            },
            b: Rendering {
                document: 2,
                span: Span::new(0, 3),
                text: batch[2].0.text[..3].to_string(),
                outlet: Some("Plains Courier".into()),
            },
            similarity: 0.4,
            diff: "[-Veloria-] {+Dam+}".into(),
        }],
        failures: vec![],
    }
}
