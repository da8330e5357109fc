//! Quote marks: which characters open and close quotations, in every
//! convention, and which are apostrophes.
//!
//! Double quotes are paired first (`" "`, `“ ”`, `„ “`, `« »`); single quotes
//! are paired only outside them, so a nested `'no way.'` stays inside its
//! outer quote. A paragraph left open continues into a following paragraph
//! that opens with a quote mark.

use backchannel_core::Span;

/// One paragraph's part of a quotation, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePiece {
    pub span: Span,
    /// Index of the quotation this piece belongs to.
    pub quote: usize,
}

/// A whole quotation: one piece, or several for a multi-paragraph quote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quotation {
    pub pieces: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Straight,
    Curly,
    Low,
    Guillemet,
    /// `''` written for a double quote (older newswire style).
    Doubled,
}

fn opens(c: char) -> Option<Family> {
    match c {
        '"' => Some(Family::Straight),
        '“' => Some(Family::Curly),
        '„' => Some(Family::Low),
        '«' => Some(Family::Guillemet),
        _ => None,
    }
}

fn closes(family: Family, c: char) -> bool {
    match family {
        // Mixed marks (`“...,"`) are common in copy-edited feeds.
        Family::Straight => c == '"' || c == '”',
        Family::Curly => c == '”' || c == '"',
        Family::Low => c == '“' || c == '”',
        Family::Guillemet => c == '»',
        Family::Doubled => false,
    }
}

/// Finds quotations in `text`, paragraph by paragraph.
pub fn find(text: &str, paragraphs: &[Span]) -> (Vec<QuotePiece>, Vec<Quotation>) {
    let mut pieces = Vec::new();
    let mut quotes: Vec<Quotation> = Vec::new();
    // An open quotation carried from the previous paragraph: (quote index,
    // family, whether it opened after words of that paragraph).
    let mut carried: Option<(usize, Family, bool)> = None;
    for &para in paragraphs {
        let body = para.slice(text);
        let first = body.chars().next();
        let opens_same = match (carried, first) {
            (Some((_, Family::Doubled, _)), _) => body.starts_with("''"),
            (Some((_, fam, _)), Some(c)) => opens(c) == Some(fam),
            _ => false,
        };
        // `Vell said the plan is “an amorphous position.` then `“What we do
        // is legislate,” Vell said.`: a quote opened after the words of its
        // paragraph and followed by a quote with a tag of its own ends with
        // its paragraph; the next starts anew. A paragraph that is all
        // quote goes on into a tagged one (`“First part.` `“Second,” he
        // said.`).
        let tagged =
            opens_same && carried.is_some_and(|(_, fam, mid)| mid && opens_tagged_quote(body, fam));
        let continues = opens_same && !tagged;
        if !continues && !tagged {
            if let Some((q, _, _)) = carried {
                drop_unclosed(&mut pieces, &quotes, q);
            }
        }
        let mut open: Option<(usize, Family, Option<usize>)> = None;
        if continues {
            if let Some((q, fam, _)) = carried {
                open = Some((para.start, fam, Some(q)));
            }
        }
        carried = None;
        let mut doubles: Vec<Span> = Vec::new();
        let mut skip = if continues { first_width(body) } else { 0 };
        let bytes = body.as_bytes();
        let mut next = 0;
        while let Some(off) = bytes
            .get(next..)
            .and_then(|rest| {
                rest.iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
            })
            .map(|p| p + next)
        {
            // Only `"`, `'` and the lead bytes of the curly, low and angle marks matter.
            let Some(c) = body.get(off..).and_then(|r| r.chars().next()) else {
                break;
            };
            next = off + c.len_utf8();
            if off < skip {
                continue;
            }
            let at = para.start + off;
            // `'''` closing a doubled quote: the first mark closes a quote
            // nested inside it (`''... 'old-school,''' said`), the last two
            // close the doubled quote.
            let nested_close = matches!(open, Some((_, Family::Doubled, _)))
                && body.get(off..).is_some_and(|r| r.starts_with("'''"));
            let doubled = c == '\''
                && !nested_close
                && body.get(off + 1..).is_some_and(|r| r.starts_with('\''));
            if doubled {
                skip = off + 2;
            }
            match open {
                Some((start, fam, cont)) => {
                    let hit = if fam == Family::Doubled {
                        doubled
                    } else {
                        !doubled && (closes(fam, c) || reversed_close(fam, c, body, off))
                    };
                    if hit {
                        let width = if doubled { 2 } else { c.len_utf8() };
                        let span = Span::new(start, at + width);
                        push_piece(&mut pieces, &mut quotes, span, cont);
                        doubles.push(span);
                        open = None;
                    }
                }
                None => {
                    // `”` written for `“` at a word start (a common typo).
                    let reversed_open = c == '”'
                        && body
                            .get(..off)
                            .is_none_or(|b| b.chars().next_back().is_none_or(char::is_whitespace))
                        && body
                            .get(off + c.len_utf8()..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_alphanumeric);
                    if doubled {
                        open = Some((at, Family::Doubled, None));
                    } else if reversed_open {
                        open = Some((at, Family::Curly, None));
                    } else if let Some(fam) = opens(c) {
                        open = Some((at, fam, None));
                    }
                }
            }
        }
        if let Some((start, fam, cont)) = open {
            // Left open: a quotation only if the next paragraph continues it.
            let span = Span::new(start, para.end);
            let q = push_piece(&mut pieces, &mut quotes, span, cont);
            doubles.push(span);
            let mid = cont.is_none()
                && !body
                    .get(..start - para.start)
                    .unwrap_or("")
                    .trim()
                    .is_empty();
            carried = Some((q, fam, mid));
        }
        single_quotes(text, para, &doubles, &mut pieces, &mut quotes);
    }
    if let Some((q, _, _)) = carried {
        drop_unclosed(&mut pieces, &quotes, q);
    }
    pieces.sort_by_key(|p| p.span.start);
    renumber(pieces)
}

/// `“` written for `”` (`not,“ he said`): right after a word or punctuation
/// and before a space, a punctuation mark or the paragraph end.
fn reversed_close(fam: Family, c: char, body: &str, off: usize) -> bool {
    fam == Family::Curly
        && c == '“'
        && body
            .get(..off)
            .and_then(|b| b.chars().next_back())
            .is_some_and(|p| !p.is_whitespace())
        && body
            .get(off + c.len_utf8()..)
            .and_then(|r| r.chars().next())
            .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ')'))
}

/// Whether `body`, opening with a mark of `fam`, opens a quote that closes
/// on `,`, `?` or `!` with a verb of saying within the next few words
/// (`“We will wait,” Vell said.`): a tagged quote of its own.
fn opens_tagged_quote(body: &str, fam: Family) -> bool {
    let rest = body.get(first_width(body)..).unwrap_or("");
    let close = if fam == Family::Doubled {
        rest.find("''").map(|i| (i, 2))
    } else {
        rest.char_indices()
            .find(|&(_, c)| closes(fam, c))
            .map(|(i, c)| (i, c.len_utf8()))
    };
    let Some((at, width)) = close else {
        return false;
    };
    let inside = rest.get(..at).unwrap_or("").trim_end();
    if !inside.ends_with([',', '?', '!']) {
        return false;
    }
    rest.get(at + width..)
        .unwrap_or("")
        .split_whitespace()
        .take(5)
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(
                crate::lexicon::lookup(w).class,
                Some(crate::lexicon::WordClass::Cue(
                    crate::lexicon::CueKind::Speech | crate::lexicon::CueKind::Tell,
                    _
                ))
            )
        })
}

/// Width of the opening mark a continued paragraph starts with.
fn first_width(body: &str) -> usize {
    if body.starts_with("''") {
        2
    } else {
        body.chars().next().map_or(0, char::len_utf8)
    }
}

/// Drops a quotation left open in its only paragraph: a stray mark, not a quote.
fn drop_unclosed(pieces: &mut [QuotePiece], quotes: &[Quotation], q: usize) {
    if let Some(quote) = quotes.get(q) {
        if quote.pieces.len() == 1 {
            for &p in &quote.pieces {
                if let Some(piece) = pieces.get_mut(p) {
                    piece.quote = usize::MAX;
                }
            }
        }
    }
}

fn push_piece(
    pieces: &mut Vec<QuotePiece>,
    quotes: &mut Vec<Quotation>,
    span: Span,
    cont: Option<usize>,
) -> usize {
    let q = match cont {
        Some(q) => q,
        None => {
            quotes.push(Quotation::default());
            quotes.len() - 1
        }
    };
    if let Some(quote) = quotes.get_mut(q) {
        quote.pieces.push(pieces.len());
    }
    pieces.push(QuotePiece { span, quote: q });
    q
}

/// Drops pieces marked dead and rebuilds the quotation index in text order.
fn renumber(pieces: Vec<QuotePiece>) -> (Vec<QuotePiece>, Vec<Quotation>) {
    let mut map: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(pieces.len());
    let mut quotes: Vec<Quotation> = Vec::new();
    for p in pieces.into_iter().filter(|p| p.quote != usize::MAX) {
        let next = quotes.len();
        let q = *map.entry(p.quote).or_insert(next);
        if q == quotes.len() {
            quotes.push(Quotation::default());
        }
        if let Some(quote) = quotes.get_mut(q) {
            quote.pieces.push(out.len());
        }
        out.push(QuotePiece {
            span: p.span,
            quote: q,
        });
    }
    (out, quotes)
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‹' | '›')
}

/// Elisions after an apostrophe at a word start: `’90s`, `’n’`, `’em`, `’tis`.
fn is_elision(after: &str) -> bool {
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if word.is_empty() {
        return true;
    }
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    matches!(
        word.as_str(),
        "n" | "em" | "tis" | "twas" | "cause" | "til" | "bout" | "round" | "s"
    )
}

/// Pairs single quote marks outside the double quotations of a paragraph.
fn single_quotes(
    text: &str,
    para: Span,
    doubles: &[Span],
    pieces: &mut Vec<QuotePiece>,
    quotes: &mut Vec<Quotation>,
) {
    let body = para.slice(text);
    if !body.contains(is_single) {
        return;
    }
    let inside_double = |at: usize| doubles.iter().any(|d| d.start <= at && at < d.end);
    // (byte offset, is opening, strong close)
    let mut marks: Vec<(usize, bool, bool)> = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = body.char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if is_single(c) && !inside_double(para.start + off) {
            let after = body.get(off + c.len_utf8()..).unwrap_or("");
            let prev_open = prev.is_none_or(|p| p.is_whitespace() || "([{—–-\"“:".contains(p));
            let next_word = next.is_some_and(|n| n.is_alphanumeric());
            let prev_word = prev.is_some_and(|p| !p.is_whitespace());
            let next_open = next.is_none_or(|n| !n.is_alphanumeric());
            if c != '’' && c != '›' && prev_open && next_word && !is_elision(after) {
                marks.push((para.start + off, true, false));
            } else if c != '‘' && c != '‹' && prev_word && next_open {
                // `regions’ ` is a possessive more often than a close.
                let weak = prev.is_some_and(|p| p == 's' || p == 'S')
                    && next.is_none_or(|n| n.is_whitespace());
                marks.push((para.start + off, false, !weak));
            }
        }
        prev = Some(c);
    }
    let mut i = 0;
    while i < marks.len() {
        let Some(&(start, true, _)) = marks.get(i) else {
            i += 1;
            continue;
        };
        let rest = marks.get(i + 1..).unwrap_or(&[]);
        let next_open = rest
            .iter()
            .position(|m| m.1)
            .map(|p| p + i + 1)
            .unwrap_or(marks.len());
        let window = marks.get(i + 1..next_open).unwrap_or(&[]);
        let close = window
            .iter()
            .position(|m| m.2)
            .or_else(|| window.iter().position(|m| !m.1))
            .map(|p| p + i + 1);
        match close.and_then(|c| marks.get(c).map(|m| (c, m.0))) {
            Some((ci, end)) if end - start < 600 => {
                let width = text
                    .get(end..)
                    .and_then(|s| s.chars().next())
                    .map_or(1, char::len_utf8);
                push_piece(pieces, quotes, Span::new(start, end + width), None);
                i = ci + 1;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        let (pieces, _) = find(text, &paras);
        pieces.iter().map(|p| p.span.slice(text)).collect()
    }

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut pos = 0;
        for part in text.split("\n\n") {
            out.push(Span::new(pos, pos + part.len()).trim(text));
            pos += part.len() + 2;
        }
        out
    }

    #[test]
    fn pairs_every_double_convention() {
        let text = "He said \"one\" and “two” and „drei“ and «quatre» and ''five.''";
        assert_eq!(
            quoted(text),
            vec!["\"one\"", "“two”", "„drei“", "«quatre»", "''five.''"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "The ministers’ meeting in the regions’ capitals recalled the ’90s and rock ’n’ roll, but Vell's aide said 'never again.'";
        assert_eq!(quoted(text), vec!["'never again.'"]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "“The council said ‘no way.’ We left,” she said.";
        assert_eq!(quoted(text), vec!["“The council said ‘no way.’ We left,”"]);
    }

    #[test]
    fn unclosed_paragraph_continues_into_next() {
        let text = "“First part of the speech.\n\n“Second part,” he said.\n\n“Never closed.";
        let paras = paragraphs(text);
        let (pieces, quotes) = find(text, &paras);
        assert_eq!(quotes.len(), 1);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[1].span.slice(text), "“Second part,”");
    }

    #[test]
    fn a_tagged_quote_after_a_partial_quote_left_open_starts_anew() {
        let text = "Vell said the plan is “an empty promise.\n\n“We legislate,” Vell said.";
        let paras = paragraphs(text);
        let (pieces, quotes) = find(text, &paras);
        assert_eq!(quotes.len(), 2);
        assert_eq!(pieces[0].span.slice(text), "“an empty promise.");
        assert_eq!(pieces[1].span.slice(text), "“We legislate,”");
        // Without a tag, the next paragraph continues the open quote.
        let text = "Vell said the plan is “an empty promise.\n\n“We legislate.”";
        let (_, quotes) = find(text, &paragraphs(text));
        assert_eq!(quotes.len(), 1);
    }
}
