//! Paragraphs and sentences of a document, as byte spans into its text.
//!
//! [`segment`] splits paragraphs first (blank lines, hard-wrapped wire copy,
//! or one paragraph per line; see [`paragraph`]) and then sentences inside
//! each paragraph ([`sentence`]). Both passes are linear and never panic:
//! any string, control characters and all, gives a valid [`Segmentation`].
//!
//! "Space" here means Unicode whitespace or a control character (wire copy
//! carries `\x03` and friends): spans are trimmed of both, and a line of
//! nothing else is blank.

pub mod lexicon;
pub mod paragraph;
pub mod sentence;

use backchannel_core::{Segmentation, Sentence, Span};

pub use paragraph::paragraphs;

/// Splits `text` into paragraphs and sentences.
///
/// Paragraphs are in order, trimmed and non-empty; sentences are in order,
/// trimmed, non-empty, each inside its paragraph, and together cover every
/// non-space character of it.
pub fn segment(text: &str) -> Segmentation {
    let paragraphs = paragraphs(text);
    let mut sentences = Vec::with_capacity(paragraphs.len() * 4);
    let mut spans = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        spans.clear();
        sentence::split(text, *paragraph, &mut spans);
        sentences.extend(spans.iter().map(|&span| Sentence {
            span,
            paragraph: index,
        }));
    }
    Segmentation {
        paragraphs,
        sentences,
    }
}

/// Sentence spans of one paragraph (or any span) of `text`.
pub fn sentences_in(text: &str, paragraph: Span) -> Vec<Span> {
    let mut out = Vec::new();
    sentence::split(text, paragraph, &mut out);
    out
}

/// Whitespace or a control character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// `span` without leading and trailing [`is_space`] characters.
pub fn trim_span(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.range()) else {
        return Span::new(span.start, span.start);
    };
    let trimmed_start = s.trim_start_matches(is_space);
    let start = span.start + (s.len() - trimmed_start.len());
    let end = start + trimmed_start.trim_end_matches(is_space).len();
    Span::new(start, end)
}
