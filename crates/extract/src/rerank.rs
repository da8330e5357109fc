//! The learned content-boundary re-ranker.
//!
//! The rules place an indirect content's start and end by patterns, and
//! miss the gold extent in a long tail of ways (`told Vell to ...` starts
//! at `to`, `..., officials said on Monday` ends before `on`). For each
//! single-fragment indirect or mixed statement, the token boundaries near
//! the rule's start (and near its end, plus every clause break in the
//! sentence) are candidates; an averaged ranking perceptron
//! (`data/content_bounds.tsv`, see [`crate::train::learn_content_bounds`])
//! scores each, and the best replaces the rule's choice only when it beats
//! it by a margin.

use crate::lexicon::{classify, WordClass};
use crate::train::boundary_token;
use backchannel_core::{Form, Segmentation, Span, Statement};

/// How many tokens either side of the rule's start are candidates.
const START_REACH: usize = 4;
/// How many tokens either side of the rule's end are candidates, and how
/// far clause breaks are.
const END_REACH: usize = 2;
const END_BREAK_REACH: usize = 10;
/// Longest window of tokens (the content's sentences) read for one statement.
const MAX_WINDOW_TOKENS: usize = 200;

/// How far before a content's start and after its end the window reaches.
const WINDOW_BEFORE_BYTES: usize = 70;
const WINDOW_AFTER_BYTES: usize = 70;

/// The first byte at or after `at` that starts a word (after whitespace),
/// or the text's end.
fn word_start_after(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        return if at >= text.len() {
            text.len()
        } else {
            // Not a char boundary: move to the next one first.
            let next = (at..text.len())
                .find(|&b| text.is_char_boundary(b))
                .unwrap_or(text.len());
            return word_start_after(text, next);
        };
    };
    match rest.find(char::is_whitespace) {
        None => text.len(),
        Some(ws) => {
            let after = rest.get(ws..).unwrap_or("");
            let skip = after.len() - after.trim_start().len();
            at + ws + skip
        }
    }
}

/// Which end of a content a candidate moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Start,
    End,
}

/// One statement's candidates for one end, for training: the rule's byte
/// (always the first candidate) and each candidate's byte and features.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundCandidates {
    /// The statement's content as the rules end it.
    pub rule: Span,
    /// Candidate content starts with their features; the first is the rule's.
    pub starts: Vec<(usize, Vec<String>)>,
    /// Candidate content ends with their features; the first is the rule's.
    pub ends: Vec<(usize, Vec<String>)>,
}

/// One part of a feature name with its hash, so that scoring a feature
/// combines precomputed hashes and formats nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part<'a> {
    text: &'a str,
    hash: u64,
}

fn part(text: &str) -> Part<'_> {
    Part {
        text,
        hash: part_hash(text),
    }
}

fn part_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

fn combine(key: u64, hash: u64) -> u64 {
    (key.rotate_left(5) ^ hash).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The key of a feature written as its space-separated parts
/// (`s.p1w0 said that`), equal to what scoring computes from the parts.
pub(crate) fn feature_key(feature: &str) -> u64 {
    feature
        .split(' ')
        .map(part_hash)
        .reduce(combine)
        .unwrap_or(0)
}

fn parts_key(parts: &[Part]) -> u64 {
    parts.iter().map(|p| p.hash).reduce(combine).unwrap_or(0)
}

/// A token of the window: byte span, normalised form and coarse class
/// (with their hashes), and whether it sits inside quote marks.
#[derive(Debug, Clone, Copy)]
struct WinTok {
    start: usize,
    end: usize,
    norm: (usize, usize),
    norm_hash: u64,
    class: Part<'static>,
    quoted: bool,
    comma: bool,
}

/// The tokens of one statement's sentences, with the statement's parts.
struct Window<'a> {
    toks: Vec<WinTok>,
    arena: String,
    cue_word: Part<'a>,
    form: Part<'static>,
    /// Content after the cue (`X said C`) rather than before it (`C, X said`).
    after_cue: bool,
    blocked: [Option<Span>; 2],
    /// Commas among the tokens before each token (one more entry than tokens).
    commas_before: Vec<u16>,
}

/// The part standing for a token past the window's edge.
fn edge() -> Part<'static> {
    fixed().edge
}

impl Window<'_> {
    fn norm(&self, k: Option<usize>) -> Part<'_> {
        match k.and_then(|k| self.toks.get(k)) {
            Some(t) => Part {
                text: self.arena.get(t.norm.0..t.norm.1).unwrap_or(""),
                hash: t.norm_hash,
            },
            None => edge(),
        }
    }

    fn class(&self, k: Option<usize>) -> Part<'static> {
        k.and_then(|k| self.toks.get(k)).map_or(edge(), |t| t.class)
    }

    fn quoted(&self, k: Option<usize>) -> bool {
        k.and_then(|k| self.toks.get(k)).is_some_and(|t| t.quoted)
    }

    fn commas_between(&self, a: usize, b: usize) -> usize {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let at = |k: usize| usize::from(self.commas_before.get(k).copied().unwrap_or(0));
        at(hi).saturating_sub(at(lo))
    }

    /// Whether content `start..end` would take in the cue or the speaker.
    fn crosses(&self, start: usize, end: usize) -> bool {
        self.blocked
            .iter()
            .flatten()
            .any(|b| b.start < end && start < b.end)
    }
}

/// Coarse classes, as parts of feature names.
struct Classes {
    punct: Part<'static>,
    number: Part<'static>,
    cue: Part<'static>,
    pronoun: Part<'static>,
    determiner: Part<'static>,
    preposition: Part<'static>,
    auxiliary: Part<'static>,
    adverb: Part<'static>,
    boundary: Part<'static>,
    capitalised: Part<'static>,
    word: Part<'static>,
}

fn classes() -> &'static Classes {
    static CLASSES: std::sync::OnceLock<Classes> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| Classes {
        punct: part("p"),
        number: part("num"),
        cue: part("cue"),
        pronoun: part("pron"),
        determiner: part("det"),
        preposition: part("prep"),
        auxiliary: part("aux"),
        adverb: part("adv"),
        boundary: part("bnd"),
        capitalised: part("cap"),
        word: part("w"),
    })
}

fn class_of(word: &str, buf: &mut String) -> Part<'static> {
    let c = classes();
    let Some(first) = word.chars().next() else {
        return edge();
    };
    if !first.is_alphanumeric() {
        return c.punct;
    }
    if first.is_numeric() {
        return c.number;
    }
    match classify(word, buf) {
        Some(WordClass::Cue(..)) => c.cue,
        Some(WordClass::Pronoun { .. }) => c.pronoun,
        Some(WordClass::Determiner) => c.determiner,
        Some(WordClass::Preposition) => c.preposition,
        Some(WordClass::Auxiliary) => c.auxiliary,
        Some(WordClass::Adverb) => c.adverb,
        Some(WordClass::Boundary) => c.boundary,
        None if first.is_uppercase() => c.capitalised,
        None => c.word,
    }
}

/// Tokens of `text` in `window` (words with inner `'`/`.`/`-`, single
/// punctuation marks), with whether each is inside double quote marks.
fn window_tokens(text: &str, window: Span, buf: &mut String) -> (Vec<WinTok>, String) {
    let mut toks = Vec::new();
    let mut arena = String::new();
    let mut norm = String::new();
    let Some(slice) = text.get(window.range()) else {
        return (toks, arena);
    };
    let mut quoted = false;
    let mut iter = slice.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if toks.len() >= MAX_WINDOW_TOKENS {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        let mut end = at + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(n_at, n)) = iter.peek() {
                let joins = n.is_alphanumeric()
                    || (matches!(n, '\'' | '’' | '.' | '-' | '&')
                        && slice
                            .get(n_at + n.len_utf8()..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_alphanumeric));
                if !joins {
                    break;
                }
                end = n_at + n.len_utf8();
                iter.next();
            }
        }
        let raw = slice.get(at..end).unwrap_or("");
        let opens = match c {
            '“' => Some(true),
            '”' => Some(false),
            '"' => Some(!quoted),
            _ => None,
        };
        let class = class_of(raw, buf);
        // Open-class words read as their class, so that the model learns
        // no names and no topic words.
        let cls = classes();
        if [cls.word.text, cls.capitalised.text, cls.number.text].contains(&class.text) {
            norm.clear();
            norm.push_str(class.text);
        } else {
            boundary_token(raw, &mut norm);
        }
        let from = arena.len();
        arena.push_str(&norm);
        toks.push(WinTok {
            start: window.start + at,
            end: window.start + end,
            norm: (from, arena.len()),
            norm_hash: part_hash(&norm),
            class,
            // A quote mark counts as inside the quotation it opens or closes.
            quoted: quoted || opens == Some(true),
            comma: c == ',',
        });
        if let Some(q) = opens {
            quoted = q;
        }
    }
    (toks, arena)
}

/// The bucket of a signed token distance, clipped.
fn distance(d: isize) -> Part<'static> {
    static NAMES: std::sync::OnceLock<Vec<Part<'static>>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        [
            "-7", "-6", "-5", "-4", "-3", "-2", "-1", "0", "+1", "+2", "+3", "+4", "+5", "+6", "+7",
        ]
        .into_iter()
        .map(part)
        .collect()
    });
    let i = (d.clamp(-7, 7) + 7) as usize;
    names.get(i).copied().unwrap_or(edge())
}

/// Small fixed parts of feature names.
struct Fixed {
    edge: Part<'static>,
    yes: Part<'static>,
    no: Part<'static>,
    quoted: [Part<'static>; 4],
    counts: [Part<'static>; 4],
    indirect: Part<'static>,
    mixed: Part<'static>,
    templates: [Part<'static>; TEMPLATES.len()],
}

/// Feature template names, in the order [`Fixed::templates`] holds them.
const TEMPLATES: [&str; 21] = [
    "s.rule", "s.d", "s.w0", "s.p1", "s.p1w0", "s.c", "s.q", "s.dc", "s.cue", "s.before", "e.rule",
    "e.d", "e.w0", "e.n1", "e.w0n1", "e.n1n2", "e.c", "e.q", "e.dc", "e.commas", "e.before",
];

fn fixed() -> &'static Fixed {
    static FIXED: std::sync::OnceLock<Fixed> = std::sync::OnceLock::new();
    FIXED.get_or_init(|| Fixed {
        edge: part("#"),
        yes: part("y"),
        no: part("n"),
        quoted: [part("oo"), part("oq"), part("qo"), part("qq")],
        counts: [part("0"), part("1"), part("2"), part("3+")],
        indirect: part("indirect"),
        mixed: part("mixed"),
        templates: TEMPLATES.map(part),
    })
}

fn quote_pair(a: bool, b: bool) -> Part<'static> {
    let f = fixed();
    f.quoted
        .get(usize::from(a) * 2 + usize::from(b))
        .copied()
        .unwrap_or(edge())
}

/// Features of content starting at token `i` (`rule` is the rule's start
/// token), each given as its parts.
fn start_features(w: &Window, i: usize, rule: usize, sink: &mut dyn FnMut(&[Part])) {
    let f = fixed();
    let at = Some(i);
    let prev = i.checked_sub(1);
    let d = distance(i as isize - rule as isize);
    let is_rule = if i == rule { f.yes } else { f.no };
    sink(&[f.templates[0], w.form, is_rule]);
    sink(&[f.templates[1], d]);
    sink(&[f.templates[2], w.norm(at)]);
    sink(&[f.templates[3], w.norm(prev)]);
    sink(&[f.templates[4], w.norm(prev), w.norm(at)]);
    sink(&[f.templates[5], w.class(prev), w.class(at)]);
    sink(&[f.templates[6], quote_pair(w.quoted(prev), w.quoted(at))]);
    sink(&[f.templates[7], d, w.class(prev), w.class(at)]);
    sink(&[f.templates[8], w.cue_word, w.norm(at)]);
    if !w.after_cue {
        sink(&[f.templates[9], w.norm(at)]);
    }
}

/// Features of content ending after token `j` (`rule` is the rule's last
/// token), each given as its parts.
fn end_features(w: &Window, j: usize, rule: usize, sink: &mut dyn FnMut(&[Part])) {
    let f = fixed();
    let at = Some(j);
    let next = Some(j + 1);
    let next2 = Some(j + 2);
    let d = distance(j as isize - rule as isize);
    let is_rule = if j == rule { f.yes } else { f.no };
    sink(&[f.templates[10], w.form, is_rule]);
    sink(&[f.templates[11], d]);
    sink(&[f.templates[12], w.norm(at)]);
    sink(&[f.templates[13], w.norm(next)]);
    sink(&[f.templates[14], w.norm(at), w.norm(next)]);
    sink(&[f.templates[15], w.norm(next), w.norm(next2)]);
    sink(&[f.templates[16], w.class(at), w.class(next), w.class(next2)]);
    sink(&[f.templates[17], quote_pair(w.quoted(at), w.quoted(next))]);
    sink(&[f.templates[18], d, w.class(next)]);
    let commas = w.commas_between(j + 1, rule + 1).min(3);
    let count = f.counts.get(commas).copied().unwrap_or(edge());
    sink(&[f.templates[19], count, is_rule]);
    if !w.after_cue {
        sink(&[f.templates[20], w.norm(next), w.norm(next2)]);
    }
}

/// Whether the re-ranker offers to end content before token `k`: a clause
/// or phrase break, or the window's end.
fn clause_break(w: &Window, k: usize) -> bool {
    let c = classes();
    match w.toks.get(k) {
        None => true,
        Some(t) => {
            let class = t.class.text;
            class == c.punct.text || class == c.preposition.text || class == c.boundary.text
        }
    }
}

/// Everything the re-ranker reads about one statement, or `None` when it
/// leaves the statement alone (direct quotes, split contents, no sentence).
fn window<'a>(
    text: &'a str,
    seg: &Segmentation,
    st: &Statement,
    end: End,
    buf: &mut String,
) -> Option<Window<'a>> {
    if !matches!(st.form, Form::Indirect | Form::Mixed) || st.fragments.len() != 1 {
        return None;
    }
    let content = *st.fragments.first()?;
    if content.is_empty() {
        return None;
    }
    let first = seg.sentence_at(content.start)?;
    let last = seg.sentence_at(content.end.saturating_sub(1))?;
    let sentences = Span::new(
        seg.sentences.get(first)?.span.start,
        seg.sentences.get(last)?.span.end,
    );
    if !(sentences.start <= content.start && content.end <= sentences.end) {
        return None;
    }
    // Only the words around the end that moves are read, from a word start.
    let (from, to) = match end {
        End::Start => (
            word_start_after(text, content.start.saturating_sub(WINDOW_BEFORE_BYTES))
                .max(sentences.start)
                .min(content.start),
            word_start_after(text, content.start.saturating_add(WINDOW_AFTER_BYTES))
                .min(content.end)
                .max(content.start),
        ),
        End::End => (
            word_start_after(text, content.end.saturating_sub(WINDOW_BEFORE_BYTES))
                .max(content.start)
                .min(content.end),
            word_start_after(text, content.end.saturating_add(WINDOW_AFTER_BYTES))
                .min(sentences.end)
                .max(content.end),
        ),
    };
    let span = Span::new(from, to);
    let (toks, arena) = window_tokens(text, span, buf);
    let mut commas_before = Vec::with_capacity(toks.len() + 1);
    let mut commas = 0u16;
    commas_before.push(0);
    for t in &toks {
        commas = commas.saturating_add(u16::from(t.comma));
        commas_before.push(commas);
    }
    let cue_word = st
        .cue
        .and_then(|c| text.get(c.range()))
        .and_then(|c| c.split_whitespace().last())
        .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        .map_or(edge(), part);
    let form = match st.form {
        Form::Mixed => fixed().mixed,
        _ => fixed().indirect,
    };
    let after_cue = st.cue.is_none_or(|c| c.end <= content.start);
    Some(Window {
        toks,
        arena,
        cue_word,
        form,
        after_cue,
        blocked: [st.cue, st.speaker.as_ref().map(|s| s.span)],
        commas_before,
    })
}

/// The candidate token indices for one end of `content` in `w`, the rule's
/// token first: (token index, byte where the content would start or end).
fn candidates(w: &Window, content: Span, end: End, out: &mut Vec<(usize, usize)>) {
    out.clear();
    match end {
        End::Start => {
            let Some(rule) = w.toks.iter().position(|t| t.start >= content.start) else {
                return;
            };
            out.push((rule, content.start));
            let lo = rule.saturating_sub(START_REACH);
            for (i, t) in w.toks.iter().enumerate().skip(lo).take(2 * START_REACH + 1) {
                if i == rule || t.start >= content.end || w.crosses(t.start, content.end) {
                    continue;
                }
                out.push((i, t.start));
            }
        }
        End::End => {
            let Some(rule) = w.toks.iter().rposition(|t| t.end <= content.end) else {
                return;
            };
            out.push((rule, content.end));
            let lo = rule.saturating_sub(END_BREAK_REACH);
            for (j, t) in w
                .toks
                .iter()
                .enumerate()
                .skip(lo)
                .take(2 * END_BREAK_REACH + 1)
            {
                let near = j.abs_diff(rule) <= END_REACH;
                if j == rule
                    || t.end <= content.start
                    || !(near || clause_break(w, j + 1))
                    || w.crosses(content.start, t.end)
                {
                    continue;
                }
                out.push((j, t.end));
            }
        }
    }
}

/// Whether content ends are re-ranked too (starts always are).
const RERANK_ENDS: bool = false;

/// Score margin by which a candidate must beat the rule's boundary.
const MARGIN: f64 = 4.0;

/// Moves the starts and ends of `statements`' contents where the learned
/// re-ranker prefers another boundary.
pub(crate) fn apply(text: &str, seg: &Segmentation, statements: &mut [Statement]) {
    let weights = crate::lexicon::content_bounds();
    if weights.is_empty() {
        return;
    }
    let mut buf = String::new();
    let mut cands = Vec::new();
    for st in statements.iter_mut() {
        let Some(&content) = st.fragments.first() else {
            continue;
        };
        let mut best = |end: End| -> Option<usize> {
            let w = window(text, seg, st, end, &mut buf)?;
            candidates(&w, content, end, &mut cands);
            let (rule_tok, rule_byte) = *cands.first()?;
            let mut best = (f64::NEG_INFINITY, rule_byte);
            let mut rule_score = 0.0;
            for &(k, byte) in &cands {
                let mut score = 0.0;
                let mut add = |parts: &[Part]| {
                    if let Some(v) = weights.get(&parts_key(parts)) {
                        score += v;
                    }
                };
                match end {
                    End::Start => start_features(&w, k, rule_tok, &mut add),
                    End::End => end_features(&w, k, rule_tok, &mut add),
                }
                if byte == rule_byte {
                    rule_score = score;
                }
                if score > best.0 {
                    best = (score, byte);
                }
            }
            (best.0 > rule_score + MARGIN).then_some(best.1)
        };
        let start = best(End::Start).unwrap_or(content.start);
        let end = if RERANK_ENDS {
            best(End::End).unwrap_or(content.end)
        } else {
            content.end
        };
        if start < end && (start, end) != (content.start, content.end) {
            let moved = Span::new(start, end);
            st.fragments = vec![moved];
            st.span = moved;
        }
    }
}

/// The candidates of every statement `statements` holds, with their
/// features: what [`crate::train::learn_content_bounds`] trains on.
pub(crate) fn collect(
    text: &str,
    seg: &Segmentation,
    statements: &[Statement],
) -> Vec<BoundCandidates> {
    let mut buf = String::new();
    let mut out = Vec::new();
    for st in statements {
        let Some(&content) = st.fragments.first() else {
            continue;
        };
        let mut list = |end: End| -> Vec<(usize, Vec<String>)> {
            let Some(w) = window(text, seg, st, end, &mut buf) else {
                return Vec::new();
            };
            let mut cands = Vec::new();
            candidates(&w, content, end, &mut cands);
            let Some(&(rule_tok, _)) = cands.first() else {
                return Vec::new();
            };
            cands
                .iter()
                .map(|&(k, byte)| {
                    let mut features = Vec::new();
                    let mut push = |parts: &[Part]| {
                        let names: Vec<&str> = parts.iter().map(|p| p.text).collect();
                        features.push(names.join(" "));
                    };
                    match end {
                        End::Start => start_features(&w, k, rule_tok, &mut push),
                        End::End => end_features(&w, k, rule_tok, &mut push),
                    }
                    (byte, features)
                })
                .collect()
        };
        let starts = list(End::Start);
        let ends = list(End::End);
        if !(starts.is_empty() && ends.is_empty()) {
            out.push(BoundCandidates {
                rule: content,
                starts,
                ends,
            });
        }
    }
    out
}
