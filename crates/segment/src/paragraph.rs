//! Paragraph detection.
//!
//! Blank lines always separate paragraphs. Inside a block of consecutive
//! lines the text is either hard-wrapped (wire copy at a fixed width, where
//! lines are joined back and a paragraph starts at an indented line or after
//! a short line ending a sentence) or written one paragraph per line (many
//! scraped texts). Which one is decided once per document from line
//! statistics, in a first streaming pass, so memory stays O(paragraphs).

use crate::{is_space, trim_span};
use backchannel_core::Span;

/// Typical line widths (in characters) of hard-wrapped text lie in this range.
const MIN_WRAP_WIDTH: usize = 30;
const MAX_WRAP_WIDTH: usize = 100;
/// A line this much shorter than the width, when the next word would have
/// fitted on it and starts with a capital, was ended on purpose even
/// without final punctuation (a heading, a table row).
const SHORT_LINE_MARGIN: usize = 10;
/// Histogram buckets for line lengths; longer lines share the last bucket.
const LENGTH_BUCKETS: usize = 256;
/// Indentation is measured up to this many columns.
const MAX_INDENT: usize = 16;

/// One physical line: content range without its terminator.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// Iterates the lines of `text`, splitting at `\n`, `\r\n` and lone `\r`.
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(offset) => {
                let end = pos + offset;
                let terminator = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                let line = Line { start: pos, end };
                pos = end + terminator;
                Some(line)
            }
            None => {
                done = true;
                Some(Line {
                    start: pos,
                    end: bytes.len(),
                })
            }
        }
    })
}

/// What the statistics pass needs to know about one line.
struct LineShape {
    blank: bool,
    /// Characters up to the last non-space one.
    length: usize,
    /// Leading columns of whitespace (a tab counts 4), capped.
    indent: usize,
    /// Ends with sentence punctuation (before closing quotes or brackets).
    ends_sentence: bool,
    /// The first letter after opening quotes is lower-case.
    starts_lower: bool,
    /// Characters of the first word.
    first_word: usize,
}

fn shape(line: &str) -> LineShape {
    let body = line.trim_end_matches(is_space);
    let text = body.trim_start_matches(is_space);
    if text.is_empty() {
        return LineShape {
            blank: true,
            length: 0,
            indent: 0,
            ends_sentence: false,
            starts_lower: false,
            first_word: 0,
        };
    }
    let lead = &body[..body.len() - text.len()];
    let indent = lead
        .chars()
        .take(MAX_INDENT)
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<usize>()
        .min(MAX_INDENT);
    // Characters are the bytes that do not continue a UTF-8 sequence.
    let length = body.len() - body.bytes().filter(|b| b & 0xC0 == 0x80).count();
    let first_word = text
        .chars()
        .take(MAX_WRAP_WIDTH + 1)
        .take_while(|c| !is_space(*c))
        .count();
    let starts_lower = text
        .chars()
        .find(|c| !is_opening(*c))
        .is_some_and(char::is_lowercase);
    let ends_sentence = text
        .trim_end_matches(|c: char| is_closing(c) || is_space(c))
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';'));
    LineShape {
        blank: false,
        length,
        indent,
        ends_sentence,
        starts_lower,
        first_word,
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '„')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Document-level layout decided from line statistics.
struct Layout {
    wrapped: bool,
    /// The most common indentation (body lines of wire copy are not indented).
    usual_indent: usize,
    /// Typical full-line width in characters (90th percentile).
    width: usize,
}

fn layout(text: &str) -> Layout {
    let mut lengths = [0usize; LENGTH_BUCKETS];
    let mut indents = [0usize; MAX_INDENT + 1];
    let mut non_blank = 0usize;
    let mut breaks = 0usize;
    let mut mid_sentence_breaks = 0usize;
    let mut previous: Option<LineShape> = None;
    for line in lines(text) {
        let s = shape(&text[line.start..line.end]);
        if s.blank {
            previous = None;
            continue;
        }
        non_blank += 1;
        lengths[s.length.min(LENGTH_BUCKETS - 1)] += 1;
        indents[s.indent] += 1;
        if let Some(prev) = &previous {
            breaks += 1;
            if !prev.ends_sentence || s.starts_lower {
                mid_sentence_breaks += 1;
            }
        }
        previous = Some(s);
    }
    let percentile = |p: usize| {
        let target = (non_blank * p).div_ceil(100).max(1);
        let mut seen = 0;
        for (length, count) in lengths.iter().enumerate() {
            seen += count;
            if seen >= target {
                return length;
            }
        }
        LENGTH_BUCKETS
    };
    let width = percentile(90);
    let usual_indent = indents
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, usize::MAX - i))
        .map_or(0, |(i, _)| i);
    let wrapped = breaks >= 2
        && (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width)
        && mid_sentence_breaks * 10 >= breaks * 4;
    Layout {
        wrapped,
        usual_indent,
        width,
    }
}

/// Paragraph spans of `text`, in order, trimmed, never empty.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let layout = layout(text);
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut previous: Option<LineShape> = None;
    let close = |current: &mut Option<(usize, usize)>, out: &mut Vec<Span>| {
        if let Some((start, end)) = current.take() {
            let span = trim_span(text, Span::new(start, end));
            if !span.is_empty() {
                out.push(span);
            }
        }
    };
    for line in lines(text) {
        let s = shape(&text[line.start..line.end]);
        if s.blank {
            close(&mut current, &mut out);
            previous = None;
            continue;
        }
        let starts_paragraph = match (&current, &previous) {
            (None, _) | (_, None) => true,
            (Some(_), Some(prev)) => {
                !layout.wrapped
                    || s.indent > layout.usual_indent
                    || (!s.starts_lower && {
                        let margin = if prev.ends_sentence {
                            0
                        } else {
                            SHORT_LINE_MARGIN
                        };
                        prev.length + 1 + s.first_word + margin <= layout.width
                    })
            }
        };
        if starts_paragraph {
            close(&mut current, &mut out);
            current = Some((line.start, line.end));
        } else if let Some((_, end)) = current.as_mut() {
            *end = line.end;
        }
        previous = Some(s);
    }
    close(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let text = "  Headline here\n\nFirst paragraph. Two sentences.\r\n\r\n\tSecond one.  \n \n";
        assert_eq!(
            texts(text, &paragraphs(text)),
            [
                "Headline here",
                "First paragraph. Two sentences.",
                "Second one."
            ]
        );
    }

    #[test]
    fn hard_wrapped_wire_copy_is_joined() {
        let text = "Officials in the republic of Veloria said on Tuesday that the\n\
                    grain corridor would reopen next month, ending a dispute that\n\
                    had lasted most of the year.\n    \
                    The agriculture minister, Tomas Ferrant, told reporters the\n\
                    first ships were expected in the port of Brask by the end of\n\
                    the week.\n    \
                    Traders were sceptical.\n\n Wirecopy\n\x03";
        let got = texts(text, &paragraphs(text));
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(got[0].starts_with("Officials") && got[0].ends_with("the year."));
        assert!(got[1].starts_with("The agriculture") && got[1].ends_with("the week."));
        assert_eq!(got[2], "Traders were sceptical.");
        assert_eq!(got[3], "Wirecopy");
    }

    #[test]
    fn unindented_wrapped_text_breaks_after_a_short_final_line() {
        let text = "The council of Marsk voted late on Monday to extend the curfew\n\
                    for another two weeks, citing unrest in the northern districts\n\
                    and along the river.\n\
                    Opposition members walked out before the vote and said they\n\
                    would challenge the decision in court, according to a statement\n\
                    released by their office.";
        let got = texts(text, &paragraphs(text));
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[1].starts_with("Opposition"));
    }

    #[test]
    fn one_paragraph_per_line_text_splits_at_every_line() {
        let text = "Delegates from Veloria and Marsk met in the border town of Ostrel on Thursday for a third round of talks on water rights.\n\
                    The talks ended without agreement, according to a statement released by the Velorian foreign ministry late in the evening.\n\
                    A spokesperson for Marsk said the delegation would return next week with new proposals on the dam.\n\
                    Short line.";
        assert_eq!(paragraphs(text).len(), 4);
    }

    #[test]
    fn degenerate_inputs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n \r\n\t").is_empty());
        assert_eq!(paragraphs("\x03\x04").len(), 0);
        assert_eq!(texts("x", &paragraphs("x")), ["x"]);
        assert_eq!(paragraphs("a\rb\rc").len(), 3);
    }
}
