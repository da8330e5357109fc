//! Printers for `backchannel extract` (one document at a time) and the
//! reader for its `extract -` pipe mode.

use crate::corpus::{check_statement_spans, DocText};
use crate::escape::terminal_safe;
use crate::json::WireSpan;
use crate::text::Paint;
use backchannel_core::{Document, DocumentError, Span, Statement};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

#[derive(Serialize)]
struct ExtractLine<'a> {
    id: &'a str,
    statements: Vec<ExtractStatement<'a>>,
    error: Option<String>,
}

#[derive(Serialize)]
struct ExtractStatement<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    form: &'static str,
    cue: Option<WireSpan<'a>>,
    speaker: Option<ExtractSpeaker<'a>>,
    fragments: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct ExtractSpeaker<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    name: &'a str,
}

fn check_all(doc: &DocText<'_>, statements: &[Statement]) -> io::Result<()> {
    statements
        .iter()
        .try_for_each(|s| check_statement_spans(doc, s))
}

/// Writes one JSONL line for a document's statements, offsets in code points.
pub fn write_extract_jsonl(
    w: &mut dyn Write,
    doc: &Document,
    statements: &[Statement],
) -> io::Result<()> {
    let text = DocText::new(doc);
    check_all(&text, statements)?;
    let mut out = Vec::with_capacity(statements.len());
    for s in statements {
        let (start, end) = text.chars(s.span)?;
        let speaker = match &s.speaker {
            Some(sp) => {
                let (start, end) = text.chars(sp.span)?;
                Some(ExtractSpeaker {
                    start,
                    end,
                    text: text.slice(sp.span)?,
                    name: &sp.name,
                })
            }
            None => None,
        };
        let cue = match s.cue {
            Some(cue) => Some(WireSpan::new(&text, cue)?),
            None => None,
        };
        let fragments = s
            .fragments
            .iter()
            .map(|f| text.chars(*f).map(|(a, b)| [a, b]))
            .collect::<io::Result<Vec<_>>>()?;
        out.push(ExtractStatement {
            start,
            end,
            text: text.slice(s.span)?,
            form: s.form.as_str(),
            cue,
            speaker,
            fragments,
        });
    }
    let line = ExtractLine {
        id: &doc.id,
        statements: out,
        error: None,
    };
    serde_json::to_writer(&mut *w, &line)?;
    w.write_all(b"\n")
}

/// Writes the JSONL line of a document that failed: its id (or, when the id
/// was never learnt, its origin), no statements, and the reason with file:line.
pub fn write_extract_error_jsonl(w: &mut dyn Write, err: &DocumentError) -> io::Result<()> {
    let origin = err.origin.to_string();
    let line = ExtractLine {
        id: err.id.as_deref().unwrap_or(&origin),
        statements: Vec::new(),
        error: Some(err.to_string()),
    };
    serde_json::to_writer(&mut *w, &line)?;
    w.write_all(b"\n")
}

/// Writes a human-readable listing of a document's statements, ripgrep
/// style: a header line, then per statement `id:line:col`, form, speaker,
/// cue, and the quoted text indented below. ANSI colour when `color`.
pub fn write_extract_text(
    w: &mut dyn Write,
    doc: &Document,
    statements: &[Statement],
    color: bool,
) -> io::Result<()> {
    let text = DocText::new(doc);
    check_all(&text, statements)?;
    let paint = Paint { color };
    let mut header = paint.header(&terminal_safe(&doc.id));
    let details: Vec<&str> = [
        doc.title.as_deref(),
        doc.outlet.as_deref(),
        doc.date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !details.is_empty() {
        header.push_str(" — ");
        header.push_str(&terminal_safe(&details.join(" · ")));
    }
    let count = match statements.len() {
        1 => "1 statement".to_string(),
        n => format!("{n} statements"),
    };
    writeln!(w, "{header} {}", paint.dim(&format!("({count})")))?;
    for s in statements {
        let (line, col) = text.line_col(s.span.start);
        let mut row = format!(
            "{}:{} {}",
            paint.location(&format!("{line}")),
            paint.location(&format!("{col}")),
            paint.label(s.form.as_str())
        );
        if let Some(sp) = &s.speaker {
            let surface = text.slice(sp.span)?;
            row.push_str("  ");
            row.push_str(&paint.speaker(&terminal_safe(surface)));
            if !sp.name.is_empty() && sp.name != surface {
                row.push_str(" → ");
                row.push_str(&paint.speaker(&terminal_safe(&sp.name)));
            }
        } else {
            row.push_str("  ");
            row.push_str(&paint.dim("(no speaker)"));
        }
        if let Some(cue) = s.cue {
            row.push_str("  cue: ");
            row.push_str(&paint.cue(&terminal_safe(text.slice(cue)?)));
        }
        writeln!(w, "{row}")?;
        write_indented(w, &terminal_safe(text.slice(s.span)?), "    ")?;
    }
    Ok(())
}

/// Writes `text` with every line indented by `indent`.
pub(crate) fn write_indented(w: &mut dyn Write, text: &str, indent: &str) -> io::Result<()> {
    for line in text.lines() {
        writeln!(w, "{indent}{line}")?;
    }
    if text.is_empty() {
        writeln!(w, "{indent}")?;
    }
    Ok(())
}

/// The `text --json` wire object, every field optional so missing ones
/// can be reported by name.
#[derive(Deserialize)]
struct WireDocumentIn {
    id: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
    text: Option<String>,
}

/// Reads one line of `text --json` output (`{"id","title","outlet","date",
/// "url","text"}`, metadata fields may be missing or null, other fields are
/// ignored) into a [`Document`].
///
/// When `text` starts with the title as its own paragraph, the headline span
/// is restored. The caller sets [`Document::origin`] (it knows the line number).
pub fn read_document_jsonl_line(line: &str) -> Result<Document, String> {
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Err("empty line: expected a JSON document object".to_string());
    }
    let wire: WireDocumentIn = serde_json::from_str(line).map_err(|e| {
        if e.is_data() {
            format!("not a document object ({e}); expected {{\"id\",\"title\",\"outlet\",\"date\",\"url\",\"text\"}} with string or null values")
        } else {
            format!("invalid JSON: {e}")
        }
    })?;
    let id = match wire.id {
        Some(id) if !id.trim().is_empty() => id,
        Some(_) => return Err("field \"id\" is empty".to_string()),
        None => return Err("missing field \"id\"".to_string()),
    };
    let text = wire
        .text
        .ok_or_else(|| format!("document {id:?}: missing field \"text\""))?;
    let headline = wire
        .title
        .as_deref()
        .and_then(|title| headline_span(&text, title));
    Ok(Document {
        id,
        title: wire.title,
        outlet: wire.outlet,
        date: wire.date,
        url: wire.url,
        text,
        headline,
        origin: Default::default(),
    })
}

/// The span of `title` at the start of `text` when it stands there as its
/// own paragraph (`title\n\nbody` or the title alone).
fn headline_span(text: &str, title: &str) -> Option<Span> {
    let title = title.trim();
    if title.is_empty() {
        return None;
    }
    let rest = text.strip_prefix(title)?;
    (rest.is_empty() || rest.starts_with("\n\n") || rest.starts_with("\r\n\r\n"))
        .then(|| Span::new(0, title.len()))
}
