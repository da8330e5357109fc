//! Documents as the readers produce them.

use crate::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One article. Every later span points into [`Document::text`].
///
/// Serialises as the `text --json` wire object
/// `{"id","title","outlet","date","url","text"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Stable id: file stem, JSONL `id`, feed guid/link, WARC record id.
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD` or full timestamp) when known.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The article text. When the source has a headline, `text` starts with
    /// it as its own paragraph (`headline\n\nbody`), as PolNeAR does.
    pub text: String,
    /// Span of the headline inside `text`, when `text` starts with one.
    #[serde(skip)]
    pub headline: Option<Span>,
    /// Where the document was read from, for error messages and provenance.
    #[serde(skip)]
    pub origin: Origin,
}

impl Document {
    /// A document whose text is `text`, with no metadata.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    pub fn meta(&self) -> DocumentMeta {
        DocumentMeta {
            id: self.id.clone(),
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            date: self.date.clone(),
            url: self.url.clone(),
        }
    }
}

/// A document's metadata without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocumentMeta {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// Where a document came from: a path (or `-` for stdin) and, inside
/// multi-record containers, the 1-based line (JSONL) or record (WARC, feed
/// item) number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    pub path: String,
    pub line: Option<u64>,
    pub record: Option<u64>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            line: None,
            record: None,
        }
    }
    pub fn at_line(path: impl Into<String>, line: u64) -> Self {
        Origin {
            path: path.into(),
            line: Some(line),
            record: None,
        }
    }
    pub fn at_record(path: impl Into<String>, record: u64) -> Self {
        Origin {
            path: path.into(),
            line: None,
            record: Some(record),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = self.record {
            write!(f, " (record {record})")?;
        }
        Ok(())
    }
}

/// A document that could not be read or processed, and why.
///
/// Every input document is accounted for: it becomes a [`Document`] or one
/// of these, and the run goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentError {
    pub origin: Origin,
    /// The document's id when it was known before the failure.
    pub id: Option<String>,
    pub reason: String,
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for DocumentError {}
