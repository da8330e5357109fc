//! A plain paragraph and sentence splitter, used until the segmenter crate
//! provides one: blank lines end paragraphs, `.`/`!`/`?` (and closing marks
//! after them) before white space and a capital or opening mark end sentences.

use backchannel_core::{Segmentation, Sentence, Span};

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "st", "jr", "sr", "gen", "lt", "col", "sgt",
    "prof", "inc", "co", "corp", "ltd", "vs", "rev", "capt", "maj", "adm", "pres", "no", "u.s",
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "gov", "lt", "ft", "mt",
];

pub fn segment(text: &str) -> Segmentation {
    let mut seg = Segmentation::default();
    let mut pos = 0;
    for part in text.split('\n') {
        let span = Span::new(pos, pos + part.len()).trim(text);
        pos += part.len() + 1;
        if span.is_empty() {
            continue;
        }
        let pi = seg.paragraphs.len();
        seg.paragraphs.push(span);
        let body = span.slice(text);
        let mut start = 0;
        let mut chars = body.char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let mut end = off + c.len_utf8();
            while let Some(&(o, n)) = chars.peek() {
                if matches!(n, '"' | '”' | '’' | '\'' | ')' | '»') {
                    end = o + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word_start = body
                .get(..off)
                .and_then(|b| b.rfind(|c: char| !c.is_alphanumeric() && c != '.'))
                .map_or(0, |w| w + 1);
            let word = body.get(word_start..off).unwrap_or("");
            let abbreviation = c == '.'
                && (word.contains('.')
                    || (word.len() == 1 && word.chars().all(char::is_uppercase))
                    || ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()));
            if abbreviation {
                continue;
            }
            let rest = body.get(end..).unwrap_or("");
            let next = rest.trim_start();
            let spaced = rest.len() > next.len();
            let starts = next
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || "\"“‘'«(".contains(n));
            if spaced && starts {
                let s = Span::new(span.start + start, span.start + end).trim(text);
                if !s.is_empty() {
                    seg.sentences.push(Sentence {
                        span: s,
                        paragraph: pi,
                    });
                }
                start = end;
            }
        }
        let s = Span::new(span.start + start, span.end).trim(text);
        if !s.is_empty() {
            seg.sentences.push(Sentence {
                span: s,
                paragraph: pi,
            });
        }
    }
    seg
}
