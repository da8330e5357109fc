// Structural checks every segmentation must pass, shared by the invariant
// tests and the benchmark example.

/// Checks paragraphs and sentences of `seg` against `text`; describes the
/// first violation.
pub fn check_invariants(text: &str, seg: &backchannel_core::Segmentation) -> Result<(), String> {
    let space = backchannel_segment::is_space;
    let valid = |s: backchannel_core::Span, what: &str| -> Result<(), String> {
        if s.start >= s.end || s.end > text.len() {
            return Err(format!("{what} {s:?} is empty or out of bounds ({})", text.len()));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what} {s:?} is not on char boundaries"));
        }
        let slice = &text[s.range()];
        if slice.starts_with(space) || slice.ends_with(space) {
            return Err(format!("{what} {s:?} is not trimmed: {slice:?}"));
        }
        Ok(())
    };
    let gap_is_space = |from: usize, to: usize, what: &str| -> Result<(), String> {
        match text.get(from..to) {
            Some(gap) if gap.chars().all(space) => Ok(()),
            Some(gap) => Err(format!("{what}: text {from}..{to} left out: {:?}", gap.chars().take(80).collect::<String>())),
            None => Err(format!("{what}: gap {from}..{to} is not a valid range")),
        }
    };
    let mut previous_end = 0;
    for p in &seg.paragraphs {
        valid(*p, "paragraph")?;
        if p.start < previous_end {
            return Err(format!("paragraph {p:?} overlaps or precedes the one before"));
        }
        gap_is_space(previous_end, p.start, "between paragraphs")?;
        previous_end = p.end;
    }
    gap_is_space(previous_end, text.len(), "after the last paragraph")?;

    let mut cursor: Option<(usize, usize)> = None; // (paragraph, end of last sentence)
    for s in &seg.sentences {
        valid(s.span, "sentence")?;
        let Some(p) = seg.paragraphs.get(s.paragraph) else {
            return Err(format!("sentence {:?} points at missing paragraph {}", s.span, s.paragraph));
        };
        if !p.contains(s.span) {
            return Err(format!("sentence {:?} is outside its paragraph {p:?}", s.span));
        }
        let from = match cursor {
            Some((index, end)) if index == s.paragraph => end,
            Some((index, end)) if index + 1 == s.paragraph => {
                gap_is_space(end, seg.paragraphs[index].end, "end of paragraph")?;
                p.start
            }
            None if s.paragraph == 0 => p.start,
            _ => return Err(format!("sentence {:?} skips a paragraph or goes back", s.span)),
        };
        if s.span.start < from {
            return Err(format!("sentence {:?} overlaps the one before", s.span));
        }
        gap_is_space(from, s.span.start, "between sentences")?;
        cursor = Some((s.paragraph, s.span.end));
    }
    match cursor {
        Some((index, end)) if index + 1 == seg.paragraphs.len() => gap_is_space(end, seg.paragraphs[index].end, "end of last paragraph"),
        None if seg.paragraphs.is_empty() => Ok(()),
        _ => Err("some paragraph has no sentence".to_string()),
    }
}
