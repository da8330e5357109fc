//! The `analyze --format json` wire format and the statements JSONL export.
//! The format is documented in the crate docs; keep the two in step.

use crate::corpus::{Corpus, DocText};
use backchannel_core::{Analysis, AnalyzedStatement, Document, Span};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct WireAnalysis<'a> {
    documents: Vec<WireDocument<'a>>,
    statements: Vec<WireStatement<'a>>,
    topics: Vec<WireTopic<'a>>,
    divergences: Vec<WireDivergence<'a>>,
    private_only: Vec<WirePrivateOnly<'a>>,
    drift: Vec<WireDrift<'a>>,
    failures: Vec<WireFailure<'a>>,
}

#[derive(Serialize)]
struct WireDocument<'a> {
    id: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct WireSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> WireSpan<'a> {
    pub fn new(doc: &DocText<'a>, span: Span) -> io::Result<Self> {
        let (start, end) = doc.chars(span)?;
        Ok(WireSpan {
            start,
            end,
            text: doc.slice(span)?,
        })
    }
}

#[derive(Serialize)]
struct WireStatement<'a> {
    id: &'a str,
    document: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    form: &'static str,
    speaker: Option<WireSpeaker<'a>>,
    side: Option<&'a str>,
    channel: &'static str,
    evidence: Vec<WireEvidence<'a>>,
    topics: &'a [String],
    cue: Option<WireSpan<'a>>,
    fragments: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct WireSpeaker<'a> {
    text: &'a str,
    name: &'a str,
    anonymous: bool,
    official: bool,
    former: bool,
    start: Option<usize>,
    end: Option<usize>,
}

#[derive(Serialize)]
struct WireEvidence<'a> {
    phrase: &'a str,
    start: Option<usize>,
    end: Option<usize>,
    rule: &'a str,
}

#[derive(Serialize)]
struct WireTopic<'a> {
    name: &'a str,
    terms: &'a [String],
    seeded: bool,
}

#[derive(Serialize)]
struct WireDivergence<'a> {
    side: &'a str,
    topic: &'a str,
    private: &'a [String],
    public: &'a [String],
    score: f64,
    explanation: &'a str,
    signals: Vec<WireSignal<'a>>,
}

#[derive(Serialize)]
struct WireSignal<'a> {
    kind: &'a str,
    weight: f64,
    private: WireCite<'a>,
    public: WireCite<'a>,
}

#[derive(Serialize)]
struct WireCite<'a> {
    statement: &'a str,
    cue: &'a str,
}

#[derive(Serialize)]
struct WirePrivateOnly<'a> {
    side: &'a str,
    topic: &'a str,
    private: &'a [String],
}

#[derive(Serialize)]
struct WireDrift<'a> {
    a: WireRendering<'a>,
    b: WireRendering<'a>,
    similarity: f64,
    diff: &'a str,
}

#[derive(Serialize)]
struct WireRendering<'a> {
    document: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    outlet: Option<&'a str>,
}

#[derive(Serialize)]
struct WireFailure<'a> {
    id: Option<&'a str>,
    origin: String,
    reason: &'a str,
}

/// One line of `write_statements_jsonl`: a wire statement with its
/// document's outlet and date alongside.
#[derive(Serialize)]
struct WireStatementLine<'a> {
    #[serde(flatten)]
    statement: WireStatement<'a>,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
}

fn wire_statement<'a>(
    corpus: &Corpus<'a>,
    s: &'a AnalyzedStatement,
) -> io::Result<WireStatement<'a>> {
    let doc = corpus.doc(s.document)?;
    let (start, end) = doc.chars(s.statement.span)?;
    let speaker_span = match &s.statement.speaker {
        Some(sp) => Some(doc.chars(sp.span)?),
        None => None,
    };
    let speaker = match (&s.speaker, &s.statement.speaker) {
        (Some(p), _) => Some(WireSpeaker {
            text: &p.text,
            name: &p.name,
            anonymous: p.anonymous,
            official: p.official,
            former: p.former,
            start: speaker_span.map(|(a, _)| a),
            end: speaker_span.map(|(_, b)| b),
        }),
        (None, Some(sp)) => Some(WireSpeaker {
            text: doc.slice(sp.span)?,
            name: &sp.name,
            anonymous: false,
            official: false,
            former: false,
            start: speaker_span.map(|(a, _)| a),
            end: speaker_span.map(|(_, b)| b),
        }),
        (None, None) => None,
    };
    let mut evidence = Vec::with_capacity(s.evidence.len());
    for ev in &s.evidence {
        let span = match ev.span {
            Some(span) => Some(doc.chars(span)?),
            None => None,
        };
        evidence.push(WireEvidence {
            phrase: &ev.phrase,
            start: span.map(|(a, _)| a),
            end: span.map(|(_, b)| b),
            rule: &ev.rule,
        });
    }
    let cue = match s.statement.cue {
        Some(cue) => Some(WireSpan::new(doc, cue)?),
        None => None,
    };
    let fragments = s
        .statement
        .fragments
        .iter()
        .map(|f| doc.chars(*f).map(|(a, b)| [a, b]))
        .collect::<io::Result<Vec<_>>>()?;
    Ok(WireStatement {
        id: &s.id,
        document: doc.id,
        start,
        end,
        text: doc.slice(s.statement.span)?,
        form: s.statement.form.as_str(),
        speaker,
        side: s.side.as_deref(),
        channel: s.channel.as_str(),
        evidence,
        topics: &s.topics,
        cue,
        fragments,
    })
}

fn wire_rendering<'a>(
    corpus: &Corpus<'a>,
    r: &'a backchannel_core::Rendering,
) -> io::Result<WireRendering<'a>> {
    let doc = corpus.doc(r.document)?;
    let (start, end) = doc.chars(r.span)?;
    Ok(WireRendering {
        document: doc.id,
        start,
        end,
        text: doc.slice(r.span)?,
        outlet: r.outlet.as_deref(),
    })
}

/// Writes the whole analysis as one JSON object and a newline.
pub fn write_analysis_json(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    let wire = WireAnalysis {
        documents: analysis
            .documents
            .iter()
            .map(|d| WireDocument {
                id: &d.id,
                title: d.title.as_deref(),
                outlet: d.outlet.as_deref(),
                date: d.date.as_deref(),
                url: d.url.as_deref(),
            })
            .collect(),
        statements: analysis
            .statements
            .iter()
            .map(|s| wire_statement(&corpus, s))
            .collect::<io::Result<_>>()?,
        topics: analysis
            .topics
            .iter()
            .map(|t| WireTopic {
                name: &t.name,
                terms: &t.terms,
                seeded: t.seeded,
            })
            .collect(),
        divergences: analysis
            .divergences
            .iter()
            .map(|d| WireDivergence {
                side: &d.side,
                topic: &d.topic,
                private: &d.private,
                public: &d.public,
                score: d.score,
                explanation: &d.explanation,
                signals: d
                    .signals
                    .iter()
                    .map(|s| WireSignal {
                        kind: &s.kind,
                        weight: s.weight,
                        private: WireCite {
                            statement: &s.private.0,
                            cue: &s.private.1,
                        },
                        public: WireCite {
                            statement: &s.public.0,
                            cue: &s.public.1,
                        },
                    })
                    .collect(),
            })
            .collect(),
        private_only: analysis
            .private_only
            .iter()
            .map(|p| WirePrivateOnly {
                side: &p.side,
                topic: &p.topic,
                private: &p.private,
            })
            .collect(),
        drift: analysis
            .drift
            .iter()
            .map(|d| {
                Ok(WireDrift {
                    a: wire_rendering(&corpus, &d.a)?,
                    b: wire_rendering(&corpus, &d.b)?,
                    similarity: d.similarity,
                    diff: &d.diff,
                })
            })
            .collect::<io::Result<_>>()?,
        failures: analysis
            .failures
            .iter()
            .map(|f| WireFailure {
                id: f.id.as_deref(),
                origin: f.origin.to_string(),
                reason: &f.reason,
            })
            .collect(),
    };
    serde_json::to_writer(&mut *w, &wire)?;
    w.write_all(b"\n")
}

/// Writes one JSON object per statement and line: the `statements[]`
/// object of the JSON format plus the document's `outlet` and `date`.
pub fn write_statements_jsonl(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    for s in &analysis.statements {
        let meta = corpus.meta(s.document);
        let line = WireStatementLine {
            statement: wire_statement(&corpus, s)?,
            outlet: meta.and_then(|m| m.outlet.as_deref()),
            date: meta.and_then(|m| m.date.as_deref()),
        };
        serde_json::to_writer(&mut *w, &line)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
