//! Plain text with optional YAML-style front matter.
//!
//! ```text
//! ---
//! title: Vostra recalls its envoy
//! outlet: The Harbour Gazette
//! date: 2031-04-02
//! url: https://gazette.example/vostra-envoy
//! ---
//! Vostra recalls its envoy
//!
//! The foreign ministry said on Tuesday ...
//! ```
//!
//! Only the simple `key: value` form is read (`title`, `outlet`, `date`,
//! `url`; other keys are ignored; values may be quoted). A `---` first line
//! with no closing `---` or `...` line is not front matter but text.
//! Document text is everything after the front matter, less the blank
//! lines right after it; without front matter, the file's whole text. The first line is the headline when a blank line
//! follows it and more text comes after.

use crate::html::collapse_whitespace;
use crate::{decode, error, file_stem_id, read_all, Documents, ReadOptions, Reader};
use backchannel_core::{Document, Origin, Span};
use std::io::BufRead;

/// Reads a whole file as one document.
pub struct TextReader;

impl Reader for TextReader {
    fn read<'a>(
        &self,
        path: &str,
        mut input: Box<dyn BufRead + Send + 'a>,
        opts: &ReadOptions,
    ) -> Documents<'a> {
        let origin = Origin::file(path);
        let result = read_all(&mut input, opts.max_bytes)
            .and_then(|bytes| parse_text(file_stem_id(path), &decode::decode_text(&bytes)))
            .map(|mut doc| {
                doc.origin = origin.clone();
                doc
            })
            .map_err(|reason| error(origin, reason));
        Box::new(std::iter::once(result))
    }
}

/// Metadata read from front matter.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// Splits `raw` into its front matter (if any) and the text after it.
pub fn split_front_matter(raw: &str) -> (Option<FrontMatter>, &str) {
    let Some(after_open) = strip_line(raw, "---") else {
        return (None, raw);
    };
    let mut rest = after_open;
    let mut matter = FrontMatter::default();
    loop {
        if rest.is_empty() {
            // No closing line: not front matter after all.
            return (None, raw);
        }
        let (line, next) = match rest.find('\n') {
            Some(end) => (
                rest.get(..end).unwrap_or(rest),
                rest.get(end + 1..).unwrap_or_default(),
            ),
            None => (rest, ""),
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return (Some(matter), next);
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = unquote(value.trim());
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "title" | "headline" => Some(&mut matter.title),
                "outlet" | "publisher" | "source" => Some(&mut matter.outlet),
                "date" | "published" => Some(&mut matter.date),
                "url" | "link" => Some(&mut matter.url),
                _ => None,
            };
            if let Some(slot) = slot {
                if !value.is_empty() {
                    *slot = Some(value.to_string());
                }
            }
        }
        rest = next;
    }
}

/// Builds the document for the text of one file.
pub fn parse_text(id: String, raw: &str) -> Result<Document, String> {
    let (matter, body) = split_front_matter(raw);
    // Blank lines after front matter separate it from the text; without
    // front matter the text is kept byte for byte (annotation offsets).
    let body = if matter.is_some() {
        skip_blank_lines(body)
    } else {
        body
    };
    if body.trim().is_empty() {
        return Err(if matter.is_some() {
            "no text after the front matter"
        } else {
            "no text"
        }
        .to_string());
    }
    let has_matter = matter.is_some();
    let matter = matter.unwrap_or_default();
    let headline = headline_span(body).filter(|h| {
        // With front matter the first line is the headline only when it
        // repeats the title; otherwise it is usually the dateline paragraph.
        !has_matter
            || matter.title.as_deref().is_some_and(|t| {
                collapse_whitespace(h.slice(body)).eq_ignore_ascii_case(&collapse_whitespace(t))
            })
    });
    let title = matter
        .title
        .or_else(|| headline.map(|h| h.slice(body).to_string()));
    Ok(Document {
        id,
        title,
        outlet: matter.outlet,
        // Written by hand: normalised when it reads as a date, else kept as given.
        date: matter.date.map(|d| crate::normalize_date(&d).unwrap_or(d)),
        url: matter.url,
        text: body.to_string(),
        headline,
        origin: Origin::default(),
    })
}

/// Longest first line taken for a headline; longer ones are paragraphs.
const MAX_HEADLINE_BYTES: usize = 300;

/// The first line's span when it is a headline: non-blank, at most
/// 300 bytes, followed by a blank line, with more text after.
pub fn headline_span(text: &str) -> Option<Span> {
    let end = text.find('\n')?;
    let first = Span::new(0, end).trim(text);
    if first.is_empty() || first.len() > MAX_HEADLINE_BYTES {
        return None;
    }
    let after = text.get(end + 1..)?;
    let blank_end = after.find('\n')?;
    if !after.get(..blank_end)?.trim().is_empty() {
        return None;
    }
    let more = after.get(blank_end + 1..)?;
    (!more.trim().is_empty()).then_some(first)
}

/// `raw` after its first line when that line is `marker`.
fn strip_line<'t>(raw: &'t str, marker: &str) -> Option<&'t str> {
    let rest = raw
        .strip_prefix('\u{feff}')
        .unwrap_or(raw)
        .strip_prefix(marker)?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

fn skip_blank_lines(mut text: &str) -> &str {
    while let Some(end) = text.find('\n') {
        match text.get(..end) {
            Some(line) if line.trim().is_empty() => text = text.get(end + 1..).unwrap_or_default(),
            _ => break,
        }
    }
    text
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_headline() {
        let raw = "---\ntitle: \"Vostra recalls its envoy\"\noutlet: The Harbour Gazette\ndate: 2031-04-02\nurl: https://gazette.example/a\nauthor: M. Okonkwo\n---\n\nVostra recalls its envoy\n\nThe ministry said on Tuesday that talks were over.\n";
        let doc = parse_text("envoy".into(), raw).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Vostra recalls its envoy"));
        assert_eq!(doc.outlet.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(doc.date.as_deref(), Some("2031-04-02"));
        assert_eq!(doc.url.as_deref(), Some("https://gazette.example/a"));
        assert!(doc
            .text
            .starts_with("Vostra recalls its envoy\n\nThe ministry"));
        assert_eq!(
            doc.headline.map(|h| h.slice(&doc.text)),
            Some("Vostra recalls its envoy")
        );
    }

    #[test]
    fn dateline_paragraph_after_front_matter_is_not_a_headline() {
        let raw = "---\ntitle: Keldor votes\n---\nKELDOR, May 3 - Voters went to the polls.\n\nTurnout was high.\n";
        let doc = parse_text("x".into(), raw).unwrap();
        assert_eq!(doc.headline, None);
        assert_eq!(doc.title.as_deref(), Some("Keldor votes"));
        assert!(doc.text.starts_with("KELDOR, May 3"));
        let long = format!("{}\n\nMore.", "word ".repeat(100));
        assert_eq!(headline_span(&long), None);
    }

    #[test]
    fn headline_without_front_matter_and_crlf() {
        let doc = parse_text(
            "x".into(),
            "Talks stall in Keldor\r\n\r\nNo side would comment.\r\n",
        )
        .unwrap();
        assert_eq!(doc.headline, Some(Span::new(0, 21)));
        assert_eq!(doc.title.as_deref(), Some("Talks stall in Keldor"));
        assert_eq!(
            doc.text,
            "Talks stall in Keldor\r\n\r\nNo side would comment.\r\n"
        );
    }

    #[test]
    fn no_headline_when_no_blank_line_follows() {
        let doc = parse_text("x".into(), "One line of text\ncontinues here.\n").unwrap();
        assert_eq!(doc.headline, None);
        assert_eq!(doc.title, None);
        let doc = parse_text("x".into(), "Only a line\n\n").unwrap();
        assert_eq!(doc.headline, None);
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let raw = "---\ntitle: not closed\nBody words.";
        let doc = parse_text("x".into(), raw).unwrap();
        assert_eq!(doc.text, raw);
        assert_eq!(doc.title, None);
    }

    #[test]
    fn empty_bodies_are_errors() {
        assert_eq!(parse_text("x".into(), "  \n\t\n").unwrap_err(), "no text");
        assert_eq!(
            parse_text("x".into(), "---\ntitle: a\n---\n\n").unwrap_err(),
            "no text after the front matter"
        );
    }
}
