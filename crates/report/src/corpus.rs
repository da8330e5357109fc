//! Validated views of the printers' input: documents with their offset
//! tables, and an analysis checked against those documents.
//!
//! Every span is checked once, before anything is written, so a bad span
//! becomes one clear error instead of a panic or half-written output.

use backchannel_core::{
    Analysis, AnalyzedStatement, Channel, CharOffsets, Divergence, Document, DocumentMeta, Span,
};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io;

/// An `InvalidData` error: the input handed to a printer does not hold together.
pub(crate) fn invalid_data(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

/// One document's text with its byte → code-point table.
pub(crate) struct DocText<'a> {
    pub id: &'a str,
    pub text: &'a str,
    offsets: CharOffsets,
    /// Byte offsets of every `\n`, for line:column locations.
    newlines: Vec<usize>,
}

impl<'a> DocText<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let newlines = doc.text.match_indices('\n').map(|(i, _)| i).collect();
        DocText {
            id: &doc.id,
            text: &doc.text,
            offsets: CharOffsets::new(&doc.text),
            newlines,
        }
    }

    /// `span` when it is a valid byte range of the text on char boundaries.
    pub fn check(&self, span: Span, what: &str) -> io::Result<Span> {
        let ok = span.start <= span.end
            && span.end <= self.text.len()
            && self.text.is_char_boundary(span.start)
            && self.text.is_char_boundary(span.end);
        if ok {
            Ok(span)
        } else {
            Err(invalid_data(format!(
                "document {:?}: {what} span {}..{} is not a byte range on character boundaries of its {}-byte text",
                self.id,
                span.start,
                span.end,
                self.text.len()
            )))
        }
    }

    /// Code-point `(start, end)` of a byte span.
    pub fn chars(&self, span: Span) -> io::Result<(usize, usize)> {
        let span = self.check(span, "a")?;
        Ok(self.offsets.span(span))
    }

    /// The text a byte span covers.
    pub fn slice(&self, span: Span) -> io::Result<&'a str> {
        let span = self.check(span, "a")?;
        Ok(self.text.get(span.range()).unwrap_or_default())
    }

    /// 1-based line and 1-based code-point column of a byte offset.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let line = self.newlines.partition_point(|&nl| nl < byte);
        let line_start = match line.checked_sub(1).and_then(|i| self.newlines.get(i)) {
            Some(&nl) => nl + 1,
            None => 0,
        };
        let col = self
            .offsets
            .to_char(byte)
            .saturating_sub(self.offsets.to_char(line_start));
        (line + 1, col + 1)
    }
}

/// Checks every span a statement carries against its document.
pub(crate) fn check_statement_spans(
    doc: &DocText<'_>,
    statement: &backchannel_core::Statement,
) -> io::Result<()> {
    doc.check(statement.span, "statement")?;
    for fragment in &statement.fragments {
        doc.check(*fragment, "fragment")?;
    }
    if let Some(cue) = statement.cue {
        doc.check(cue, "cue")?;
    }
    if let Some(speaker) = &statement.speaker {
        doc.check(speaker.span, "speaker")?;
        if let Some(antecedent) = speaker.antecedent {
            doc.check(antecedent, "antecedent")?;
        }
    }
    Ok(())
}

/// An analysis together with the documents it was made from, checked.
pub(crate) struct Corpus<'a> {
    pub analysis: &'a Analysis,
    pub docs: Vec<DocText<'a>>,
    by_id: HashMap<&'a str, &'a AnalyzedStatement>,
}

impl<'a> Corpus<'a> {
    /// Pairs `analysis.documents[i]` with `docs[i]` and checks every span.
    pub fn new(analysis: &'a Analysis, docs: &'a [Document]) -> io::Result<Self> {
        if docs.len() != analysis.documents.len() {
            return Err(invalid_data(format!(
                "the analysis covers {} documents but {} document texts were given",
                analysis.documents.len(),
                docs.len()
            )));
        }
        for (i, (meta, doc)) in analysis.documents.iter().zip(docs).enumerate() {
            if meta.id != doc.id {
                return Err(invalid_data(format!(
                    "document {i} is {:?} in the analysis but {:?} in the texts given (they must be in the same order)",
                    meta.id, doc.id
                )));
            }
        }
        // Offset tables and span checks are per document and statement: in
        // parallel (the first error in statement order is the one reported).
        let docs: Vec<DocText<'a>> = docs.par_iter().map(DocText::new).collect();
        analysis
            .statements
            .par_iter()
            .map(|s| {
                let doc = docs.get(s.document).ok_or_else(|| {
                    invalid_data(format!(
                        "statement {:?} points at document {} but there are only {}",
                        s.id,
                        s.document,
                        docs.len()
                    ))
                })?;
                check_statement_spans(doc, &s.statement)
                    .map_err(|e| invalid_data(format!("statement {:?}: {e}", s.id)))?;
                for ev in &s.evidence {
                    if let Some(span) = ev.span {
                        doc.check(span, "evidence")
                            .map_err(|e| invalid_data(format!("statement {:?}: {e}", s.id)))?;
                    }
                }
                Ok(())
            })
            .collect::<Vec<io::Result<()>>>()
            .into_iter()
            .collect::<io::Result<()>>()?;
        let mut by_id = HashMap::with_capacity(analysis.statements.len());
        for s in &analysis.statements {
            by_id.entry(s.id.as_str()).or_insert(s);
        }
        for (i, drift) in analysis.drift.iter().enumerate() {
            for r in [&drift.a, &drift.b] {
                let doc = docs.get(r.document).ok_or_else(|| {
                    invalid_data(format!(
                        "drift {i} points at document {} but there are only {}",
                        r.document,
                        docs.len()
                    ))
                })?;
                doc.check(r.span, "drift rendering")?;
            }
        }
        Ok(Corpus {
            analysis,
            docs,
            by_id,
        })
    }

    pub fn doc(&self, index: usize) -> io::Result<&DocText<'a>> {
        self.docs
            .get(index)
            .ok_or_else(|| invalid_data(format!("no document {index} in the analysis")))
    }

    pub fn meta(&self, index: usize) -> Option<&'a DocumentMeta> {
        self.analysis.documents.get(index)
    }

    pub fn statement(&self, id: &str) -> Option<&'a AnalyzedStatement> {
        self.by_id.get(id).copied()
    }

    /// The statement's content as it stands in its document.
    pub fn text_of(&self, s: &AnalyzedStatement) -> io::Result<&'a str> {
        self.doc(s.document)?.slice(s.statement.span)
    }

    /// Divergences, strongest first (NaN scores last, ties in analysis order).
    pub fn ranked_divergences(&self) -> Vec<&'a Divergence> {
        let mut ranked: Vec<&Divergence> = self.analysis.divergences.iter().collect();
        ranked.sort_by(|a, b| rank_key(b.score).total_cmp(&rank_key(a.score)));
        ranked
    }

    pub fn summary(&self) -> Summary<'a> {
        Summary::of(self.analysis)
    }
}

fn rank_key(score: f64) -> f64 {
    if score.is_nan() {
        f64::NEG_INFINITY
    } else {
        score
    }
}

/// Counts for the summary blocks of the human-readable formats.
pub(crate) struct Summary<'a> {
    pub documents: usize,
    pub failed: usize,
    pub statements: usize,
    pub private: usize,
    pub public: usize,
    pub unknown: usize,
    /// Sides by number of statements, most first.
    pub sides: Vec<SideCount<'a>>,
    /// Statements no side was found for.
    pub sideless: usize,
}

pub(crate) struct SideCount<'a> {
    pub name: &'a str,
    pub private: usize,
    pub public: usize,
    pub unknown: usize,
}

impl SideCount<'_> {
    pub fn total(&self) -> usize {
        self.private + self.public + self.unknown
    }
}

impl<'a> Summary<'a> {
    fn of(analysis: &'a Analysis) -> Self {
        let mut summary = Summary {
            documents: analysis.documents.len(),
            failed: analysis.failures.len(),
            statements: analysis.statements.len(),
            private: 0,
            public: 0,
            unknown: 0,
            sides: Vec::new(),
            sideless: 0,
        };
        let mut index: HashMap<&str, usize> = HashMap::new();
        for s in &analysis.statements {
            match s.channel {
                Channel::Private => summary.private += 1,
                Channel::Public => summary.public += 1,
                Channel::Unknown => summary.unknown += 1,
            }
            let Some(side) = s.side.as_deref() else {
                summary.sideless += 1;
                continue;
            };
            let i = *index.entry(side).or_insert_with(|| {
                summary.sides.push(SideCount {
                    name: side,
                    private: 0,
                    public: 0,
                    unknown: 0,
                });
                summary.sides.len() - 1
            });
            if let Some(count) = summary.sides.get_mut(i) {
                match s.channel {
                    Channel::Private => count.private += 1,
                    Channel::Public => count.public += 1,
                    Channel::Unknown => count.unknown += 1,
                }
            }
        }
        summary
            .sides
            .sort_by(|a, b| b.total().cmp(&a.total()).then(a.name.cmp(b.name)));
        summary
    }
}

/// The name to show for a statement's speaker: the resolved name from the
/// analysis, else the extractor's.
pub(crate) fn speaker_name(s: &AnalyzedStatement) -> Option<&str> {
    match (&s.speaker, &s.statement.speaker) {
        (Some(profile), _) if !profile.name.is_empty() => Some(&profile.name),
        (Some(profile), _) if !profile.text.is_empty() => Some(&profile.text),
        (_, Some(speaker)) if !speaker.name.is_empty() => Some(&speaker.name),
        _ => None,
    }
}

/// Short qualifiers of a speaker (`anonymous`, `official`, `former`).
pub(crate) fn speaker_tags(s: &AnalyzedStatement) -> Vec<&'static str> {
    let mut tags = Vec::new();
    if let Some(p) = &s.speaker {
        if p.anonymous {
            tags.push("anonymous");
        }
        if p.former {
            tags.push("former");
        }
        if p.official {
            tags.push("official");
        }
    }
    tags
}

/// A score for people: two decimals, `n/a` when not a number.
pub(crate) fn score_label(score: f64) -> String {
    if score.is_finite() {
        format!("{score:.2}")
    } else {
        "n/a".to_string()
    }
}

/// A date for people: the `YYYY-MM-DD` of an ISO 8601 timestamp, anything
/// else as it is.
pub(crate) fn display_date(date: &str) -> &str {
    let b = date.as_bytes();
    let iso_day = b.len() > 10
        && b.iter().take(4).all(u8::is_ascii_digit)
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && matches!(b.get(10), Some(b'T' | b't' | b' '));
    match date.get(..10) {
        Some(day) if iso_day => day,
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    use super::display_date;

    #[test]
    fn timestamps_show_their_day() {
        assert_eq!(display_date("2031-03-05T07:30:00+01:00"), "2031-03-05");
        assert_eq!(display_date("2031-03-05"), "2031-03-05");
        assert_eq!(display_date("March 5, 2031"), "March 5, 2031");
        assert_eq!(display_date("2031-03-0é…"), "2031-03-0é…");
    }
}
