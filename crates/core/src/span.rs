//! Byte spans into a document's text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` into [`crate::Document::text`].
///
/// Both ends always sit on UTF-8 character boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Number of bytes shared with `other`.
    pub fn overlap(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span with leading and trailing whitespace of `text` removed.
    pub fn trim(self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_overlap() {
        let text = "  hello world  ";
        let s = Span::new(0, text.len()).trim(text);
        assert_eq!(s.slice(text), "hello world");
        assert_eq!(Span::new(0, 5).overlap(Span::new(3, 9)), 2);
        assert_eq!(Span::new(0, 3).overlap(Span::new(5, 9)), 0);
        assert!(Span::new(0, 10).contains(Span::new(2, 3)));
        assert_eq!(Span::new(4, 4).trim(text), Span::new(4, 4));
        assert_eq!(Span::new(0, 2).trim(text), Span::new(0, 0));
    }
}
