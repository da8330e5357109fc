//! One row per statement as RFC 4180 CSV, for spreadsheets and data frames.

use crate::corpus::{speaker_name, Corpus};
use backchannel_core::{Analysis, Document};
use std::io::{self, Write};

/// The header row, in column order.
pub const STATEMENT_CSV_COLUMNS: [&str; 12] = [
    "id", "document", "outlet", "date", "start", "end", "side", "channel", "speaker", "form",
    "topics", "text",
];

/// Writes a header and one row per statement. Offsets are code points;
/// `topics` are joined with `; `; fields holding a comma, quote, CR or LF
/// are quoted with inner quotes doubled; rows end in CRLF (RFC 4180).
pub fn write_statements_csv(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    write_row(w, STATEMENT_CSV_COLUMNS.iter().copied())?;
    for s in &analysis.statements {
        let doc = corpus.doc(s.document)?;
        let (start, end) = doc.chars(s.statement.span)?;
        let meta = corpus.meta(s.document);
        let (start, end) = (start.to_string(), end.to_string());
        let topics = s.topics.join("; ");
        write_row(
            w,
            [
                s.id.as_str(),
                doc.id,
                meta.and_then(|m| m.outlet.as_deref()).unwrap_or_default(),
                meta.and_then(|m| m.date.as_deref()).unwrap_or_default(),
                &start,
                &end,
                s.side.as_deref().unwrap_or_default(),
                s.channel.as_str(),
                speaker_name(s).unwrap_or_default(),
                s.statement.form.as_str(),
                &topics,
                doc.slice(s.statement.span)?,
            ],
        )?;
    }
    Ok(())
}

fn write_row<'a>(w: &mut dyn Write, fields: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        write_field(w, field)?;
    }
    w.write_all(b"\r\n")
}

fn write_field(w: &mut dyn Write, field: &str) -> io::Result<()> {
    if field.contains([',', '"', '\r', '\n']) {
        w.write_all(b"\"")?;
        w.write_all(field.replace('"', "\"\"").as_bytes())?;
        w.write_all(b"\"")
    } else {
        w.write_all(field.as_bytes())
    }
}
