//! Readers that turn input files into [`Document`]s, keeping their text exactly.
//!
//! One [`Reader`] per format: plain text ([`text`]), HTML ([`html`]), JSON
//! Lines ([`jsonl`]), RSS/Atom/JSON Feed ([`feed`]) and WARC ([`warc`]).
//! Gzip is undone transparently (by `.gz` suffix or magic bytes, multi-member
//! streams included), directories are walked recursively in sorted order, and
//! `-` reads standard input with the format sniffed from its first bytes.
//!
//! Every input document is accounted for: each one comes out as `Ok(Document)`
//! or as a [`DocumentError`] naming the file (and line or record) and the
//! reason, and reading goes on with the next one. Nothing here panics on bad
//! input.
//!
//! Decisions on bad input, in one place:
//! - Text and HTML that is not valid UTF-8 is decoded through its declared or
//!   detected legacy encoding; text that mixes valid multi-byte UTF-8 with
//!   stray invalid bytes is decoded as UTF-8 with U+FFFD for the bad bytes.
//! - JSON Lines must be UTF-8 (as JSON requires): a line that is not is an
//!   error for that line.
//! - A JSONL record whose text is `""` is a document with empty text (the
//!   Reuters corpus has such headline-only items); a missing or `null` text
//!   field is an error, since it usually means a wrong field mapping.
//! - Binary files (NUL bytes in the first block), empty files and
//!   whitespace-only files are errors.
//! - One file, line or record is never loaded beyond
//!   [`ReadOptions::max_bytes`]: longer ones are skipped with an error,
//!   without being buffered.
//! - A JSONL or WARC file that yields nothing at all (only blank lines, no
//!   HTML responses) is an error, so that no input vanishes silently.
//! - HTML nested thousands of elements deep is refused before parsing (the
//!   parser slows down with the square of the depth).
//!
//! Text is kept exactly: plain text without front matter byte for byte,
//! JSONL `text` values as they are (the record's title is not prepended).
//! HTML and feed items are rebuilt as `headline + "\n\n" + body`. Dates
//! from HTML are normalised to ISO 8601 ([`normalize_date`]).

mod dates;
pub mod decode;
pub mod feed;
pub mod html;
mod ids;
pub mod jsonl;
mod source;
pub mod text;
pub mod warc;

use backchannel_core::{Document, DocumentError, Origin};
use std::io::BufRead;
use std::path::Path;

pub use dates::normalize_date;
pub use ids::IdDeduper;
pub use jsonl::JsonFields;
pub use source::{read_bytes, read_inputs, Inputs};

/// The input formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Feed,
    Warc,
}

impl Format {
    /// Parses a format name as a user types it (`txt`, `html`, `jsonl`, `rss`, `warc` ...).
    pub fn parse(name: &str) -> Result<Format, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "jsonl" | "ndjson" | "json" => Ok(Format::Jsonl),
            "feed" | "rss" | "atom" | "jsonfeed" => Ok(Format::Feed),
            "warc" => Ok(Format::Warc),
            other => Err(format!(
                "unknown format `{other}` (expected text, html, jsonl, feed or warc)"
            )),
        }
    }

    /// The format a file name's extension names (after any `.gz`), if any.
    pub fn from_path(path: &str) -> Option<Format> {
        let name = path
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(path)
            .to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.').map(|(_, ext)| ext)?;
        match ext {
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "rss" | "atom" | "xml" | "rdf" => Some(Format::Feed),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes of (decompressed) content.
    ///
    /// `{` is JSONL unless it is a JSON Feed; `<rss`, `<feed`, `<rdf` and
    /// `<?xml` (without an `<html` root) are feeds; `WARC/` is WARC; `<html`
    /// and `<!doctype` are HTML; anything else is plain text.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        let lower: Vec<u8> = head.iter().take(2048).map(u8::to_ascii_lowercase).collect();
        let contains = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
        if lower.starts_with(b"{") {
            if contains(b"jsonfeed.org") {
                Format::Feed
            } else {
                Format::Jsonl
            }
        } else if lower.starts_with(b"warc/") {
            Format::Warc
        } else if lower.starts_with(b"<rss")
            || lower.starts_with(b"<feed")
            || lower.starts_with(b"<rdf")
        {
            Format::Feed
        } else if lower.starts_with(b"<?xml") {
            if contains(b"<html") && !contains(b"<rss") && !contains(b"<feed") {
                Format::Html
            } else {
                Format::Feed
            }
        } else if lower.starts_with(b"<html")
            || lower.starts_with(b"<!doctype")
            || lower.starts_with(b"<!--") && contains(b"<html")
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Which JSONL fields hold what.
    pub json_fields: JsonFields,
    /// Read every input as this format instead of going by extension or content.
    pub format: Option<Format>,
    /// The most bytes one file, line or record may take once decompressed;
    /// larger ones become an error and are skipped without being buffered.
    pub max_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            json_fields: JsonFields::default(),
            format: None,
            max_bytes: 64 << 20,
        }
    }
}

/// Documents (or errors) coming out of one input, lazily.
pub type Documents<'a> = Box<dyn Iterator<Item = Result<Document, DocumentError>> + Send + 'a>;

/// One input format.
///
/// `input` is the already decompressed content; `path` names it in ids and
/// error messages (`-` for standard input).
pub trait Reader {
    fn read<'a>(
        &self,
        path: &str,
        input: Box<dyn BufRead + Send + 'a>,
        opts: &ReadOptions,
    ) -> Documents<'a>;
}

/// The [`Reader`] for a format.
pub fn reader_for(format: Format) -> &'static dyn Reader {
    match format {
        Format::Text => &text::TextReader,
        Format::Html => &html::HtmlReader,
        Format::Jsonl => &jsonl::JsonlReader,
        Format::Feed => &feed::FeedReader,
        Format::Warc => &warc::WarcReader,
    }
}

/// The id a file's document gets: its file name without extensions
/// (`a/b/report-7.html.gz` → `report-7`); `stdin` for `-`.
pub fn file_stem_id(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    let name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".GZ"))
        .unwrap_or(&name);
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    if stem.is_empty() {
        path.to_string()
    } else {
        stem.to_string()
    }
}

/// A [`DocumentError`] with no id.
pub(crate) fn error(origin: Origin, reason: impl Into<String>) -> DocumentError {
    DocumentError {
        origin,
        id: None,
        reason: reason.into(),
    }
}

/// Reads a whole (decompressed) input into memory, refusing more than `max` bytes.
pub(crate) fn read_all(input: &mut dyn BufRead, max: usize) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    input
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| source::describe_io_error(&e))?;
    if bytes.len() > max {
        return Err(format!(
            "larger than the {} limit",
            source::human_bytes(max)
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(file_stem_id("a/b/report-7.html"), "report-7");
        assert_eq!(file_stem_id("a/b/report-7.html.gz"), "report-7");
        assert_eq!(file_stem_id("notes"), "notes");
        assert_eq!(file_stem_id(".hidden"), ".hidden");
        assert_eq!(file_stem_id("-"), "stdin");
    }

    #[test]
    fn formats_by_extension_and_content() {
        assert_eq!(Format::from_path("x/y.htm.gz"), Some(Format::Html));
        assert_eq!(Format::from_path("x/y.warc.gz"), Some(Format::Warc));
        assert_eq!(Format::from_path("x/y.jsonl"), Some(Format::Jsonl));
        assert_eq!(Format::from_path("x/y"), None);
        assert_eq!(Format::sniff(b"  {\"id\": 1}"), Format::Jsonl);
        assert_eq!(
            Format::sniff(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            Format::Feed
        );
        assert_eq!(Format::sniff(b"<?xml version=\"1.0\"?><rss>"), Format::Feed);
        assert_eq!(
            Format::sniff(b"\xEF\xBB\xBF<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"Plain words."), Format::Text);
        assert_eq!(Format::parse("RSS"), Ok(Format::Feed));
        assert!(Format::parse("pdf").is_err());
    }
}
