//! Reads the word diff of a drift pair (`[-removed-]`, `{+added+}` over
//! shared words) so each format can render it its own way.

/// One run of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffPart<'a> {
    /// Words both renderings share.
    Same(&'a str),
    /// Words only the first rendering has.
    Removed(&'a str),
    /// Words only the second rendering has.
    Added(&'a str),
}

/// Splits a word diff into runs. An opening mark without its closing mark
/// is kept as plain text, so any string parses.
pub fn parse_word_diff(diff: &str) -> Vec<DiffPart<'_>> {
    let mut parts = Vec::new();
    let mut rest = diff;
    while !rest.is_empty() {
        let next = [("[-", "-]"), ("{+", "+}")]
            .into_iter()
            .filter_map(|(open, close)| {
                let at = rest.find(open)?;
                let body_start = at + open.len();
                let len = rest.get(body_start..)?.find(close)?;
                Some((
                    at,
                    body_start,
                    body_start + len,
                    body_start + len + close.len(),
                    open,
                ))
            })
            .min_by_key(|&(at, ..)| at);
        let Some((at, body_start, body_end, after, open)) = next else {
            parts.push(DiffPart::Same(rest));
            break;
        };
        if at > 0 {
            parts.push(DiffPart::Same(&rest[..at]));
        }
        let body = &rest[body_start..body_end];
        parts.push(if open == "[-" {
            DiffPart::Removed(body)
        } else {
            DiffPart::Added(body)
        });
        rest = &rest[after..];
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_marks_and_keeps_unclosed_ones_as_text() {
        let parts = parse_word_diff("we [-will-]{+would+} sign “the accord” [-now");
        assert_eq!(
            parts,
            vec![
                DiffPart::Same("we "),
                DiffPart::Removed("will"),
                DiffPart::Added("would"),
                DiffPart::Same(" sign “the accord” [-now"),
            ]
        );
        assert!(parse_word_diff("").is_empty());
        assert_eq!(parse_word_diff("{+é+}"), vec![DiffPart::Added("é")]);
    }
}
