//! Sentence boundaries inside one paragraph.
//!
//! One left-to-right pass over the bytes. At every run of sentence
//! punctuation (`.` `!` `?` `…`, spaced ellipses `. . .`) the splitter takes
//! the closing quotes and brackets that stick to it, requires whitespace
//! after them, and then decides from the word before the period and the
//! word after the gap (see [`crate::lexicon`]). Look-behind and look-ahead
//! are bounded, so the pass is linear in the paragraph length.

use crate::lexicon;
use crate::{is_space, trim_span};
use backchannel_core::Span;

/// Look-behind for the word before a period, in bytes; longer words are no
/// abbreviations.
const MAX_WORD_BYTES: usize = 40;
/// Look-ahead after a candidate boundary, in bytes.
const LOOK_AHEAD_BYTES: usize = 256;
/// Words looked at after `"...?"` for a speech verb (`"Why?" Ana Ferrant asked.`).
const SPEECH_VERB_WINDOW: usize = 4;

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '„' | '‚' | '¿' | '¡'
    )
}

fn is_quote_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '‚')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

/// `…` or `‽` (both start with the byte 0xE2) at byte `at`.
fn is_e2_mark(p: &str, at: usize) -> bool {
    p.get(at..)
        .is_some_and(|r| r.starts_with('…') || r.starts_with('‽'))
}

/// Whether `at` is the end of `s` or a space.
fn followed_by_space(s: &str, at: usize) -> bool {
    char_at(s, at).is_none_or(is_space)
}

/// At most [`LOOK_AHEAD_BYTES`] of `p` from `at`, cut at a char boundary,
/// so that look-ahead stays bounded however long the next word is.
fn window(p: &str, at: usize) -> &str {
    let rest = p.get(at..).unwrap_or("");
    &rest[..floor_boundary(rest, rest.len().min(LOOK_AHEAD_BYTES))]
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|rest| rest.chars().next())
}

/// What follows a candidate boundary.
struct Next<'a> {
    /// An opening quote stands before the word.
    opened: bool,
    /// The letters and digits of the next word (may be empty).
    word: &'a str,
    /// Its first character, after opening marks.
    first: Option<char>,
}

fn next_word(p: &str, at: usize) -> Next<'_> {
    let rest = window(p, at);
    let after_marks = rest.trim_start_matches(is_opening);
    // A bracket after an abbreviation is usually not a new sentence
    // (`CHARLOTTE, N.C. (AP)`); a quote usually is.
    let opened = rest
        .trim_start_matches(|c: char| is_opening(c) && !is_quote_opening(c))
        .starts_with(is_quote_opening);
    let end = after_marks
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after_marks.len());
    let end = floor_boundary(after_marks, end.min(MAX_WORD_BYTES));
    Next {
        opened,
        word: &after_marks[..end],
        first: after_marks.chars().next(),
    }
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The word that ends right before `at` (a period), without the quotes or
/// brackets around it, and where it starts; `None` when it is too long to
/// be an abbreviation.
fn word_before(p: &str, at: usize) -> Option<(&str, usize)> {
    let head = p.get(..at)?;
    let mut start = at;
    for (i, c) in head.char_indices().rev() {
        if is_space(c) {
            break;
        }
        if at - i > MAX_WORD_BYTES {
            return None;
        }
        start = i;
    }
    let word = &head[start..];
    let trimmed = word.trim_start_matches(|c: char| is_opening(c) || c == '-' || c == '—');
    let word_start = start + (word.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_closing);
    Some((trimmed, word_start))
}

/// `U.S`, `D.C`, `p.m`, `Ph.D`, `R-S.C` (the final period excluded).
fn is_dotted_abbreviation(word: &str) -> bool {
    let tail = word.rsplit('-').next().unwrap_or(word);
    tail.contains('.')
        && tail.split('.').all(|part| {
            !part.is_empty() && part.len() <= 3 && part.chars().all(char::is_alphabetic)
        })
}

/// A single capital letter: an initial (`J. R. Smith`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// A list enumerator at the start of a sentence (`1.`, `b.`, `iv.`).
fn is_enumerator(word: &str) -> bool {
    (!word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        || (word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether a capitalised name followed by a speech verb opens `at`:
/// `Ana Ferrant asked.` after `"Why now?"`.
fn speech_verb_follows(p: &str, at: usize) -> bool {
    let rest = window(p, at);
    // The window holds the whole rest of the paragraph (which is trimmed).
    let to_the_end = rest.len() == p.len().saturating_sub(at);
    let mut tokens = rest
        .split(is_space)
        .filter(|t| !t.is_empty())
        .enumerate()
        .peekable();
    while let Some((n, token)) = tokens.next() {
        if n > SPEECH_VERB_WINDOW || token.len() > MAX_WORD_BYTES {
            return false;
        }
        let word = token.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        if n > 0 && lexicon::is_speech_verb(word) {
            // `asked.` / `asked,` or `asked` ending the paragraph.
            return word.len() < token.len() || (to_the_end && tokens.peek().is_none());
        }
        let capitalised = word
            .trim_start_matches(is_opening)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !capitalised || word.len() < token.len() {
            return false;
        }
    }
    false
}

/// Appends the sentences of the paragraph `paragraph` of `text` to `out`.
pub fn split(text: &str, paragraph: Span, out: &mut Vec<Span>) {
    let Some(p) = text.get(paragraph.range()) else {
        return;
    };
    let base = paragraph.start;
    let bytes = p.as_bytes();
    let len = bytes.len();
    let mut sentence_start = 0usize;
    let mut i = 0usize;
    // Whether the current sentence has a letter or digit yet: punctuation
    // alone (`…`, a stray quote) never makes a sentence of its own.
    let mut has_word = false;
    let first_index = out.len();
    // Position of the next `.`, `!` or `?` at or after `i` (stale when below `i`).
    let mut next_ascii_mark: Option<usize> = None;
    let push = |start: usize, end: usize, out: &mut Vec<Span>| {
        let span = trim_span(text, Span::new(base + start, base + end));
        if !span.is_empty() {
            out.push(span);
        }
    };
    while i < len {
        let b = bytes[i];
        let is_mark = matches!(b, b'.' | b'!' | b'?') || (b == 0xE2 && is_e2_mark(p, i));
        if !is_mark {
            if has_word {
                // Nothing to decide until the next mark: jump there.
                let stop = match next_ascii_mark {
                    Some(at) if at >= i => at,
                    _ => i + memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).unwrap_or(len - i),
                };
                next_ascii_mark = Some(stop);
                i = match memchr::memchr(0xE2, &bytes[i..stop]) {
                    Some(offset) if is_e2_mark(p, i + offset) => i + offset,
                    Some(offset) => i + offset + 1,
                    None => stop,
                };
                continue;
            }
            has_word = if b.is_ascii() {
                b.is_ascii_alphanumeric()
            } else {
                p.get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
            };
            i += 1;
            continue;
        }
        // The run of sentence punctuation.
        let (mut j, mut dots, mut question, mut ellipsis) = (i, 0usize, false, false);
        while j < len {
            match bytes[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'!' | b'?' => {
                    question = true;
                    j += 1;
                }
                b' ' if dots > 0
                    && bytes.get(j + 1) == Some(&b'.')
                    && (dots > 1 || bytes.get(j + 2..j + 4) == Some(b" .")) =>
                {
                    j += 1;
                }
                0xE2 if p[j..].starts_with('…') => {
                    ellipsis = true;
                    j += '…'.len_utf8();
                }
                0xE2 if p[j..].starts_with('‽') => {
                    question = true;
                    j += '‽'.len_utf8();
                }
                _ => break,
            }
        }
        ellipsis |= dots > 1;
        // Closing quotes and brackets stick to the sentence they end.
        let mut k = j;
        let mut closed_quote = false;
        while let Some(c) = char_at(p, k)
            .filter(|&c| is_closing(c) || (c == '“' && followed_by_space(p, k + c.len_utf8())))
        {
            // (`“` here is a typo for `”`: it ends the sentence, nothing follows it.)
            closed_quote |= is_quote(c) || c == '“';
            k += c.len_utf8();
        }
        if k >= len {
            break;
        }
        let Some(after) = char_at(p, k) else {
            break;
        };
        if !is_space(after) {
            // Scraped text glues sentences together: `well.”The`, `voters.“I`, `issue.Moore`.
            if has_word && !ellipsis && glued_sentence_start(p, i, k, after, closed_quote, question)
            {
                push(sentence_start, k, out);
                sentence_start = k;
                has_word = false;
            }
            i = k.max(j);
            continue;
        }
        let mut m = k;
        while let Some(c) = char_at(p, m).filter(|c| is_space(*c)) {
            m += c.len_utf8();
        }
        let next = next_word(p, m);
        let starter = next.opened || lexicon::is_sentence_starter(next.word);
        let boundary = match next.first {
            Some(c) if c.is_lowercase() => false,
            _ if question => {
                !(closed_quote
                    && next.first.is_some_and(char::is_uppercase)
                    && speech_verb_follows(p, m))
            }
            _ if ellipsis => starter,
            _ => period_ends_sentence(p, i, sentence_start, &next, starter),
        };
        if boundary && has_word {
            push(sentence_start, k, out);
            sentence_start = m;
            has_word = false;
        }
        i = m.max(j);
    }
    let tail = trim_span(text, Span::new(base + sentence_start, base + len));
    let out_len = out.len();
    match out.last_mut() {
        // Trailing punctuation alone (`in the US. .`) joins the sentence before it.
        Some(last) if !has_word && out_len > first_index && !tail.is_empty() => last.end = tail.end,
        _ => push(sentence_start, len, out),
    }
}

/// Whether the text right after a punctuation run (no space between) opens
/// a new sentence: an opening curly quote, a capital after a closing quote,
/// or a capitalised word glued to a plain lower-case word (`issue.Moore`).
fn glued_sentence_start(
    p: &str,
    at: usize,
    k: usize,
    after: char,
    closed_quote: bool,
    question: bool,
) -> bool {
    let second = p.get(k + after.len_utf8()..).and_then(|r| r.chars().next());
    if (after == '“' && second.is_some_and(char::is_alphanumeric))
        || (closed_quote && after.is_uppercase())
    {
        return true;
    }
    let second_lower = p
        .get(k + after.len_utf8()..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_lowercase);
    if !(after.is_uppercase() && second_lower) || k != at + 1 {
        return false;
    }
    question
        || word_before(p, at)
            .is_some_and(|(word, _)| word.len() >= 2 && word.chars().all(char::is_lowercase))
}

/// The decision for a single period at `at` followed by whitespace and `next`.
fn period_ends_sentence(
    p: &str,
    at: usize,
    sentence_start: usize,
    next: &Next<'_>,
    starter: bool,
) -> bool {
    let Some((word, word_start)) = word_before(p, at) else {
        return true;
    };
    if word.is_empty() {
        return true;
    }
    if lexicon::never_ends_sentence(word) || lexicon::is_title(word) {
        return false;
    }
    if word_start <= sentence_start && is_enumerator(word) {
        return false;
    }
    let abbreviation =
        lexicon::is_abbreviation(word) || is_dotted_abbreviation(word) || is_initial(word);
    if next.first.is_some_and(|c| c.is_ascii_digit()) {
        // `No. 2`, `Nov. 19`, `n.a. 1.56`; but `in 2019. 2020 was worse`.
        return !abbreviation;
    }
    if lexicon::ends_before_capital(word) {
        return !lexicon::continues_time(next.word);
    }
    if abbreviation {
        return starter;
    }
    true
}
