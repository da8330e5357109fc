//! Throughput of every printer on real news text (BBC News 2004-05 from
//! `../shared/data/corpora`), with one direct statement per quoted passage
//! so spans, offsets and escaping run on realistic input.
//!
//! `cargo bench -p backchannel-report` (skips when the data is absent).

use backchannel_core::{
    Analysis, AnalyzedStatement, Channel, Divergence, Document, Drift, Form, PrivateOnly,
    Rendering, Span, Statement,
};
use backchannel_report::*;
use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/corpora/bbc_news_2225.jsonl.gz"
);

/// Quoted passages (straight or curly quotes) inside one paragraph.
fn quotes(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (_, '\n') => open = None,
            (None, '"' | '“') => open = Some(i),
            (Some(start), '"' | '”') => {
                spans.push(Span::new(start, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

fn build(docs: &[Document]) -> (Analysis, Vec<Vec<Statement>>) {
    let mut analysis = Analysis {
        documents: docs.iter().map(Document::meta).collect(),
        ..Default::default()
    };
    let mut per_doc = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let mut mine = Vec::new();
        for (n, span) in quotes(&doc.text).into_iter().enumerate() {
            let statement = Statement {
                span,
                fragments: vec![span],
                form: Form::Direct,
                cue: None,
                speaker: None,
            };
            let k = analysis.statements.len();
            analysis.statements.push(AnalyzedStatement {
                id: format!("{}#{}", doc.id, n + 1),
                document: d,
                statement: statement.clone(),
                text: doc.text[span.range()].to_string(),
                speaker: None,
                side: Some(
                    if k.is_multiple_of(2) {
                        "Side A"
                    } else {
                        "Side B"
                    }
                    .to_string(),
                ),
                channel: if k.is_multiple_of(3) {
                    Channel::Private
                } else {
                    Channel::Public
                },
                evidence: Vec::new(),
                topics: vec![format!("topic {}", k % 7)],
            });
            mine.push(statement);
        }
        let ids: Vec<String> = analysis
            .statements
            .iter()
            .rev()
            .take(mine.len())
            .map(|s| s.id.clone())
            .collect();
        if let [a, b, ..] = ids.as_slice() {
            analysis.divergences.push(Divergence {
                side: "Side A".into(),
                topic: format!("topic {}", d % 7),
                private: vec![a.clone()],
                public: vec![b.clone()],
                score: (d % 10) as f64 / 10.0,
                explanation: "privately willing; publicly refuses".into(),
                signals: Vec::new(),
            });
            analysis.private_only.push(PrivateOnly {
                side: "Side B".into(),
                topic: format!("topic {}", d % 5),
                private: vec![a.clone()],
            });
        }
        if let (Some(first), true) = (mine.first(), d > 0) {
            if let Some(prev) = analysis.statements.iter().find(|s| s.document == d - 1) {
                analysis.drift.push(Drift {
                    a: Rendering {
                        document: d - 1,
                        span: prev.statement.span,
                        text: prev.text.clone(),
                        outlet: None,
                    },
                    b: Rendering {
                        document: d,
                        span: first.span,
                        text: doc.text[first.span.range()].to_string(),
                        outlet: None,
                    },
                    similarity: 0.6,
                    diff: "shared [-old-]{+new+} words".into(),
                });
            }
        }
        per_doc.push(mine);
    }
    (analysis, per_doc)
}

fn report(name: &str, input_bytes: usize, out_bytes: usize, took: Duration) {
    let secs = took.as_secs_f64();
    println!(
        "{name:<22} {:>8.1} ms  {:>7.1} MB/s of article text  ({:.1} MB out)",
        secs * 1e3,
        input_bytes as f64 / 1e6 / secs,
        out_bytes as f64 / 1e6
    );
}

/// Best of three runs of `f`, which returns the bytes it wrote.
fn time(mut f: impl FnMut() -> usize) -> (usize, Duration) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..3 {
        let start = Instant::now();
        out = f();
        best = best.min(start.elapsed());
    }
    (out, best)
}

fn main() {
    let file = match std::fs::File::open(CORPUS) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("skipping printer benchmarks: cannot open {CORPUS}: {e}");
            return;
        }
    };
    let lines: Vec<String> = BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .collect::<Result<_, _>>()
        .expect("readable corpus");
    let start = Instant::now();
    let docs: Vec<Document> = lines
        .iter()
        .map(|l| read_document_jsonl_line(l).expect("corpus line reads as a document"))
        .collect();
    let read_took = start.elapsed();
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let (analysis, per_doc) = build(&docs);
    println!(
        "{} documents, {:.1} MB of text, {} statements, {} divergences, {} drift pairs",
        docs.len(),
        text_bytes as f64 / 1e6,
        analysis.statements.len(),
        analysis.divergences.len(),
        analysis.drift.len()
    );
    report("read_document_jsonl", text_bytes, 0, read_took);

    let (n, t) = time(|| {
        let mut out = Vec::new();
        for (doc, statements) in docs.iter().zip(&per_doc) {
            write_extract_jsonl(&mut out, doc, statements).expect("extract jsonl");
        }
        out.len()
    });
    report("extract jsonl", text_bytes, n, t);
    let (n, t) = time(|| {
        let mut out = Vec::new();
        for (doc, statements) in docs.iter().zip(&per_doc) {
            write_extract_text(&mut out, doc, statements, true).expect("extract text");
        }
        out.len()
    });
    report("extract text (colour)", text_bytes, n, t);

    let formats = [
        ("analysis json", Format::Json),
        ("analysis html", Format::Html),
        ("analysis markdown", Format::Markdown),
        ("analysis text", Format::Text(TextOptions { color: true })),
    ];
    for (name, format) in formats {
        let (n, t) = time(|| {
            let mut out = Vec::new();
            write_analysis(&mut out, &analysis, &docs, format).expect("analysis printer");
            out.len()
        });
        report(name, text_bytes, n, t);
    }
    let (n, t) = time(|| {
        let mut out = Vec::new();
        write_statements_csv(&mut out, &analysis, &docs).expect("csv");
        out.len()
    });
    report("statements csv", text_bytes, n, t);
    let (n, t) = time(|| {
        let mut out = Vec::new();
        write_statements_jsonl(&mut out, &analysis, &docs).expect("jsonl");
        out.len()
    });
    report("statements jsonl", text_bytes, n, t);
}
