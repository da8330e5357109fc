//! The `analyze --format json` wire format and the statements JSONL export.
//! The format is documented in the crate docs; keep the two in step.

use crate::corpus::{Corpus, DocText};
use backchannel_core::{Analysis, AnalyzedStatement, Document, Span};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// The whole `analyze --format json` object; [`write_analysis_json`]
/// writes exactly these bytes member by member.
#[cfg(test)]
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

/// Items serialised per parallel task.
const ITEMS_PER_CHUNK: usize = 2048;

/// Writes `items` encoded by `encode`, `separator` between two: chunks
/// are encoded in parallel, a bounded batch at a time, and written in
/// order, so the bytes are those of encoding one item after another.
fn write_chunked<T, F>(
    w: &mut dyn Write,
    items: &[T],
    separator: &[u8],
    encode: F,
) -> io::Result<()>
where
    T: Sync,
    F: Fn(&T, &mut Vec<u8>) -> io::Result<()> + Sync,
{
    let chunks: Vec<&[T]> = items.chunks(ITEMS_PER_CHUNK).collect();
    let batch = 4 * rayon::current_num_threads().max(1);
    let mut first = true;
    for group in chunks.chunks(batch) {
        let encoded: Vec<io::Result<Vec<u8>>> = group
            .par_iter()
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 256);
                for (i, item) in chunk.iter().enumerate() {
                    if i > 0 {
                        buf.extend_from_slice(separator);
                    }
                    encode(item, &mut buf)?;
                }
                Ok(buf)
            })
            .collect();
        for buf in encoded {
            if !first {
                w.write_all(separator)?;
            }
            first = false;
            w.write_all(&buf?)?;
        }
    }
    Ok(())
}

/// Writes `items` as one compact JSON array, the bytes
/// `serde_json::to_writer` writes for the whole list.
fn write_array<T, F>(w: &mut dyn Write, items: &[T], encode: F) -> io::Result<()>
where
    T: Sync,
    F: Fn(&T, &mut Vec<u8>) -> io::Result<()> + Sync,
{
    w.write_all(b"[")?;
    write_chunked(w, items, b",", encode)?;
    w.write_all(b"]")
}

/// Appends one value's compact JSON to `buf`.
fn put<S: Serialize>(buf: &mut Vec<u8>, value: &S) -> io::Result<()> {
    serde_json::to_writer(buf, value).map_err(io::Error::from)
}

/// Writes the whole analysis as one JSON object and a newline. The object
/// is written member by member (the large arrays in parallel chunks); the
/// bytes are those of serialising [`WireAnalysis`] in one go.
pub fn write_analysis_json(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    w.write_all(b"{\"documents\":")?;
    write_array(w, &analysis.documents, |d, buf| {
        put(
            buf,
            &WireDocument {
                id: &d.id,
                title: d.title.as_deref(),
                outlet: d.outlet.as_deref(),
                date: d.date.as_deref(),
                url: d.url.as_deref(),
            },
        )
    })?;
    w.write_all(b",\"statements\":")?;
    write_array(w, &analysis.statements, |s, buf| {
        put(buf, &wire_statement(&corpus, s)?)
    })?;
    w.write_all(b",\"topics\":")?;
    write_array(w, &analysis.topics, |t, buf| {
        put(
            buf,
            &WireTopic {
                name: &t.name,
                terms: &t.terms,
                seeded: t.seeded,
            },
        )
    })?;
    w.write_all(b",\"divergences\":")?;
    write_array(w, &analysis.divergences, |d, buf| {
        put(
            buf,
            &WireDivergence {
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
            },
        )
    })?;
    w.write_all(b",\"private_only\":")?;
    write_array(w, &analysis.private_only, |p, buf| {
        put(
            buf,
            &WirePrivateOnly {
                side: &p.side,
                topic: &p.topic,
                private: &p.private,
            },
        )
    })?;
    w.write_all(b",\"drift\":")?;
    write_array(w, &analysis.drift, |d, buf| {
        put(
            buf,
            &WireDrift {
                a: wire_rendering(&corpus, &d.a)?,
                b: wire_rendering(&corpus, &d.b)?,
                similarity: d.similarity,
                diff: &d.diff,
            },
        )
    })?;
    w.write_all(b",\"failures\":")?;
    write_array(w, &analysis.failures, |f, buf| {
        put(
            buf,
            &WireFailure {
                id: f.id.as_deref(),
                origin: f.origin.to_string(),
                reason: &f.reason,
            },
        )
    })?;
    w.write_all(b"}\n")
}

/// Writes one JSON object per statement and line: the `statements[]`
/// object of the JSON format plus the document's `outlet` and `date`.
pub fn write_statements_jsonl(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    write_chunked(w, &analysis.statements, b"", |s, buf| {
        let meta = corpus.meta(s.document);
        let line = WireStatementLine {
            statement: wire_statement(&corpus, s)?,
            outlet: meta.and_then(|m| m.outlet.as_deref()),
            date: meta.and_then(|m| m.date.as_deref()),
        };
        put(buf, &line)?;
        buf.push(b'\n');
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use backchannel_core::{
        Channel, Drift, Evidence, Form, Rendering, Speaker, SpeakerProfile, Statement, Topic,
    };

    /// The analysis serialised in one go, as the wire format defines it.
    fn one_go(analysis: &Analysis, docs: &[Document]) -> Vec<u8> {
        let corpus = Corpus::new(analysis, docs).unwrap_or_else(|e| panic!("{e}"));
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
                .map(|s| wire_statement(&corpus, s).unwrap_or_else(|e| panic!("{e}")))
                .collect(),
            topics: analysis
                .topics
                .iter()
                .map(|t| WireTopic {
                    name: &t.name,
                    terms: &t.terms,
                    seeded: t.seeded,
                })
                .collect(),
            divergences: Vec::new(),
            private_only: Vec::new(),
            drift: analysis
                .drift
                .iter()
                .map(|d| WireDrift {
                    a: wire_rendering(&corpus, &d.a).unwrap_or_else(|e| panic!("{e}")),
                    b: wire_rendering(&corpus, &d.b).unwrap_or_else(|e| panic!("{e}")),
                    similarity: d.similarity,
                    diff: &d.diff,
                })
                .collect(),
            failures: Vec::new(),
        };
        let mut out = serde_json::to_vec(&wire).unwrap_or_else(|e| panic!("{e}"));
        out.push(b'\n');
        out
    }

    #[test]
    fn chunked_writer_writes_the_bytes_of_one_serialisation() {
        // Enough statements for several chunks and batches, in three
        // documents with accented text (code points differ from bytes).
        let docs: Vec<Document> = (0..3)
            .map(|i| {
                let text = (0..4000)
                    .map(|n| format!("Dréva {n} “pays” quietly, the envoy said.\n"))
                    .collect::<String>();
                Document::from_text(format!("doc{i}"), text)
            })
            .collect();
        let mut statements = Vec::new();
        for (di, doc) in docs.iter().enumerate() {
            let mut at = 0;
            for (n, line) in doc.text.split_inclusive('\n').enumerate() {
                let quote = line.find('“').map_or(0, |q| q + '“'.len_utf8());
                let content = Span::new(at + quote, at + quote + "pays".len());
                let speaker = Span::new(at + line.len() - 15, at + line.len() - 11);
                statements.push(AnalyzedStatement {
                    id: format!("{}#{n}", doc.id),
                    document: di,
                    statement: Statement {
                        span: content,
                        fragments: vec![content],
                        form: Form::Direct,
                        cue: Some(Span::new(at + line.len() - 6, at + line.len() - 2)),
                        speaker: Some(Speaker {
                            span: speaker,
                            name: "envoy".into(),
                            antecedent: None,
                        }),
                    },
                    text: "pays".into(),
                    speaker: Some(SpeakerProfile {
                        text: "envoy".into(),
                        name: "envoy".into(),
                        anonymous: n % 2 == 0,
                        official: true,
                        former: false,
                    }),
                    side: (n % 3 == 0).then(|| "Drevania".to_string()),
                    channel: if n % 2 == 0 {
                        Channel::Private
                    } else {
                        Channel::Public
                    },
                    evidence: vec![Evidence {
                        phrase: "quietly".into(),
                        span: None,
                        rule: "test".into(),
                    }],
                    topics: vec!["payment".into()],
                });
                at += line.len();
            }
        }
        let drift = (0..3000)
            .map(|n| Drift {
                a: Rendering {
                    document: 0,
                    span: Span::new(0, 5),
                    text: "Dréva".into(),
                    outlet: None,
                },
                b: Rendering {
                    document: 1,
                    span: Span::new(0, 5),
                    text: "Dréva".into(),
                    outlet: Some(format!("outlet {n}")),
                },
                similarity: 0.5,
                diff: "[-a-] {+b+}".into(),
            })
            .collect();
        let analysis = Analysis {
            documents: docs.iter().map(Document::meta).collect(),
            statements,
            topics: vec![Topic {
                name: "payment".into(),
                terms: vec!["pays".into()],
                seeded: false,
            }],
            divergences: Vec::new(),
            private_only: Vec::new(),
            drift,
            failures: Vec::new(),
        };
        assert!(analysis.statements.len() > 4 * ITEMS_PER_CHUNK);
        let mut chunked = Vec::new();
        write_analysis_json(&mut chunked, &analysis, &docs).unwrap_or_else(|e| panic!("{e}"));
        let expected = one_go(&analysis, &docs);
        assert_eq!(chunked.len(), expected.len());
        assert!(
            chunked == expected,
            "chunked JSON differs from one serialisation"
        );
    }
}
