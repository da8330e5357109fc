//! A hand-made store: Meridia and Tolvany quarrel over a port and a fishing
//! quota. One article carries markup in every field, to test escaping.

#![allow(dead_code)]

use backchannel_core::*;
use backchannel_store::Store;
use std::path::PathBuf;
use tempfile::TempDir;

pub const SCRIPT_TITLE: &str = "<script>alert('title')</script> Meridia briefing";
pub const SCRIPT_OUTLET: &str = "<script>alert('outlet')</script>";
pub const SCRIPT_TOPIC: &str = "<script>alert('topic')</script>";
pub const SPECIAL_ID: &str = "wire/2026-04 brief";

pub struct Quote {
    pub content: &'static str,
    pub speaker: &'static str,
    pub side: &'static str,
    pub channel: Channel,
    pub topics: &'static [&'static str],
    pub cue: &'static str,
}

pub struct Article {
    pub id: &'static str,
    pub title: &'static str,
    pub outlet: &'static str,
    pub date: &'static str,
    pub body: &'static str,
    pub quotes: Vec<Quote>,
}

pub fn articles() -> Vec<Article> {
    vec![
        Article {
            id: "ledger-101",
            title: "Meridia insists port will stay closed",
            outlet: "Harbor Ledger",
            date: "2026-04-01",
            body: "\"The port of Adris will remain closed to Tolvan ships,\" said Meridian Foreign Minister \
                   Oren Vass on Tuesday. Two Meridian officials, speaking on condition of anonymity, said \
                   the government was quietly preparing to reopen the port within weeks.",
            quotes: vec![
                Quote {
                    content: "\"The port of Adris will remain closed to Tolvan ships,\"",
                    speaker: "Oren Vass",
                    side: "Meridia",
                    channel: Channel::Public,
                    topics: &["port access"],
                    cue: "said",
                },
                Quote {
                    content: "the government was quietly preparing to reopen the port within weeks",
                    speaker: "Two Meridian officials",
                    side: "Meridia",
                    channel: Channel::Private,
                    topics: &["port access"],
                    cue: "speaking on condition of anonymity",
                },
            ],
        },
        Article {
            id: SPECIAL_ID,
            title: "Tolvany rejects quota talk",
            outlet: "Tolvany Wire",
            date: "2026-04-03",
            body: "“We have no interest in a new fishing quota,” spokeswoman Lina Ferro said. Behind closed \
                   doors, a Tolvan negotiator told counterparts that Tolvany would accept a smaller quota if \
                   the port reopened.",
            quotes: vec![
                Quote {
                    content: "“We have no interest in a new fishing quota,”",
                    speaker: "Lina Ferro",
                    side: "Tolvany",
                    channel: Channel::Public,
                    topics: &["fishing quota"],
                    cue: "said",
                },
                Quote {
                    content: "that Tolvany would accept a smaller quota if the port reopened",
                    speaker: "a Tolvan negotiator",
                    side: "Tolvany",
                    channel: Channel::Private,
                    topics: &["fishing quota"],
                    cue: "Behind closed doors",
                },
            ],
        },
        Article {
            id: "xss-1",
            title: SCRIPT_TITLE,
            outlet: SCRIPT_OUTLET,
            date: "2026-04-05",
            body: "\"<script>alert('quote')</script> We never discussed the port,\" said <img src=x onerror=alert(1)> Vass.",
            quotes: vec![Quote {
                content: "\"<script>alert('quote')</script> We never discussed the port,\"",
                speaker: "<img src=x onerror=alert(1)> Vass",
                side: "Meridia",
                channel: Channel::Public,
                topics: &["port access", SCRIPT_TOPIC],
                cue: "said",
            }],
        },
    ]
}

/// The store's documents and statements for [`articles`].
pub fn batch() -> Vec<(Document, Vec<Statement>)> {
    articles()
        .iter()
        .map(|a| {
            let text = format!("{}\n\n{}", a.title, a.body);
            let statements = a
                .quotes
                .iter()
                .map(|q| {
                    let start = text.find(q.content).expect("fixture quote in text");
                    let span = Span::new(start, start + q.content.len());
                    let find =
                        |needle: &str| text.find(needle).map(|s| Span::new(s, s + needle.len()));
                    Statement {
                        span,
                        fragments: vec![span],
                        form: if q.content.len() > 60 {
                            Form::Indirect
                        } else {
                            Form::Direct
                        },
                        cue: find(q.cue),
                        speaker: find(q.speaker).map(|sp| Speaker {
                            span: sp,
                            name: q.speaker.to_string(),
                            antecedent: None,
                        }),
                    }
                })
                .collect();
            let mut doc = Document::from_text(a.id, text);
            doc.title = Some(a.title.into());
            doc.outlet = Some(a.outlet.into());
            doc.date = Some(a.date.into());
            doc.url = Some(if a.id == "xss-1" {
                "javascript:alert('url')".to_string()
            } else {
                format!("https://news.example/{}", a.id.replace(' ', "-"))
            });
            (doc, statements)
        })
        .collect()
}

/// The analysis the analyzer would produce for [`batch`].
pub fn analysis(batch: &[(Document, Vec<Statement>)]) -> Analysis {
    let arts = articles();
    let mut statements = Vec::new();
    for (d, ((doc, stmts), art)) in batch.iter().zip(&arts).enumerate() {
        for (n, (s, q)) in stmts.iter().zip(&art.quotes).enumerate() {
            statements.push(AnalyzedStatement {
                id: format!("{}#{}", doc.id, n + 1),
                document: d,
                statement: s.clone(),
                text: doc.text[s.span.range()].to_string(),
                speaker: Some(SpeakerProfile {
                    text: q.speaker.into(),
                    name: q.speaker.into(),
                    anonymous: q.channel == Channel::Private,
                    official: true,
                    former: false,
                }),
                side: Some(q.side.into()),
                channel: q.channel,
                evidence: vec![Evidence {
                    phrase: q.cue.into(),
                    span: s.cue,
                    rule: if q.channel == Channel::Private {
                        "anonymous-source"
                    } else {
                        "named-official"
                    }
                    .into(),
                }],
                topics: q.topics.iter().map(|t| t.to_string()).collect(),
            });
        }
    }
    let quote = |doc: usize, q: usize| -> Rendering {
        let (d, s) = &batch[doc];
        let span = s[q].span;
        Rendering {
            document: doc,
            span,
            text: d.text[span.range()].to_string(),
            outlet: d.outlet.clone(),
        }
    };
    Analysis {
        documents: batch.iter().map(|(d, _)| d.meta()).collect(),
        statements,
        topics: vec![
            Topic {
                name: "port access".into(),
                terms: vec!["port".into(), "adris".into()],
                seeded: false,
            },
            Topic {
                name: "fishing quota".into(),
                terms: vec!["quota".into(), "fishing".into()],
                seeded: true,
            },
            Topic {
                name: SCRIPT_TOPIC.into(),
                terms: vec!["<b>bold</b>".into()],
                seeded: false,
            },
        ],
        divergences: vec![
            Divergence {
                side: "Meridia".into(),
                topic: "port access".into(),
                private: vec!["ledger-101#2".into()],
                public: vec!["ledger-101#1".into(), "xss-1#1".into()],
                score: 0.92,
                explanation:
                    "Publicly the port stays closed; in private a reopening is being prepared."
                        .into(),
                signals: vec![Signal {
                    kind: "willingness-vs-refusal".into(),
                    weight: 0.9,
                    private: ("ledger-101#2".into(), "preparing to reopen".into()),
                    public: ("ledger-101#1".into(), "will remain closed".into()),
                }],
            },
            Divergence {
                side: "Tolvany".into(),
                topic: "fishing quota".into(),
                private: vec![format!("{SPECIAL_ID}#2")],
                public: vec![format!("{SPECIAL_ID}#1")],
                score: 0.81,
                explanation: "Rejects quota talks in public, accepts a smaller quota in private."
                    .into(),
                signals: vec![],
            },
            Divergence {
                side: "Meridia".into(),
                topic: SCRIPT_TOPIC.into(),
                private: vec![],
                public: vec!["xss-1#1".into()],
                score: 0.3,
                explanation: "<script>alert('explanation')</script>".into(),
                signals: vec![Signal {
                    kind: "<script>alert('signal')</script>".into(),
                    weight: 0.3,
                    private: ("missing#1".into(), "<script>x</script>".into()),
                    public: ("xss-1#1".into(), "<script>y</script>".into()),
                }],
            },
        ],
        private_only: vec![PrivateOnly {
            side: "Tolvany".into(),
            topic: "fishing quota".into(),
            private: vec![format!("{SPECIAL_ID}#2")],
        }],
        drift: vec![Drift {
            a: quote(0, 0),
            b: quote(2, 0),
            similarity: 0.35,
            diff: "[-The port of Adris will remain closed-] {+<script>alert('diff')</script>+}"
                .into(),
        }],
        failures: vec![],
    }
}

/// A database in a temporary directory holding [`batch`] and [`analysis`].
pub fn database() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("web.db");
    let mut store = Store::open(&path).expect("open store");
    let batch = batch();
    let summary = store.add_documents(&batch).expect("add documents");
    assert_eq!(summary.added, batch.len());
    store
        .replace_analysis(&analysis(&batch))
        .expect("store analysis");
    (dir, path)
}
