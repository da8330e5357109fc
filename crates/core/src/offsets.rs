//! The one place where byte offsets become Unicode code-point offsets.
//!
//! brat, PolNeAR and Python count code points; Rust strings count bytes.
//! Every output (JSON, brat, SQLite, HTML anchors) converts through here.

use crate::Span;

/// Converts byte offsets of one text to code-point offsets and back.
///
/// Built once per document in O(n); lookups are O(log n) over a table of
/// non-ASCII positions, and O(1) for pure-ASCII text.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// For every non-ASCII character: its byte offset, its code-point offset,
    /// and the extra bytes (UTF-8 width - 1) of it and all before it.
    multibyte: Vec<(usize, usize, usize)>,
    len_bytes: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0usize;
            for (ci, (bi, c)) in text.char_indices().enumerate() {
                let w = c.len_utf8();
                if w > 1 {
                    extra += w - 1;
                    multibyte.push((bi, ci, extra));
                }
            }
        }
        CharOffsets {
            multibyte,
            len_bytes: text.len(),
        }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn to_char(&self, byte: usize) -> usize {
        debug_assert!(byte <= self.len_bytes);
        let idx = self.multibyte.partition_point(|&(b, _, _)| b < byte);
        let extra = if idx == 0 {
            0
        } else {
            self.multibyte[idx - 1].2
        };
        byte - extra
    }

    /// Byte offset of code-point offset `ch`; `None` when past the end.
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        let idx = self.multibyte.partition_point(|&(_, c, _)| c < ch);
        let extra = if idx == 0 {
            0
        } else {
            self.multibyte[idx - 1].2
        };
        let byte = ch + extra;
        (byte <= self.len_bytes).then_some(byte)
    }

    /// A byte span as a code-point `(start, end)` pair.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.to_char(span.start), self.to_char(span.end))
    }

    /// A code-point `(start, end)` pair as a byte span, `None` when out of range.
    pub fn byte_span(&self, start: usize, end: usize) -> Option<Span> {
        let s = self.to_byte(start)?;
        let e = self.to_byte(end)?;
        (s <= e).then(|| Span::new(s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_boundary() {
        let text = "a“b”c — é😀z";
        let map = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci, "byte {bi}");
            assert_eq!(map.to_byte(ci), Some(bi), "char {ci}");
        }
        let n = text.chars().count();
        assert_eq!(map.to_char(text.len()), n);
        assert_eq!(map.to_byte(n), Some(text.len()));
        assert_eq!(map.to_byte(n + 1), None);
    }

    #[test]
    fn ascii_is_identity() {
        let map = CharOffsets::new("plain text");
        assert_eq!(map.to_char(5), 5);
        assert_eq!(map.to_byte(5), Some(5));
    }
}
