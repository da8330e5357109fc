//! backchannel-extract: who said what, with which cue.
//!
//! Rules over a light tokenisation: quotations are found first (every
//! quote-mark convention, apostrophes told apart) and collapsed into single
//! tokens, so the attribution patterns (`"Q," X said`, `X said that C`,
//! `C, X said`, `according to X, C`, `X: "Q"`, `"Q" ― X`, `X's claim that C`)
//! see a quote as one item. Speakers are then resolved across the document
//! (pronouns by number and gender, descriptions, surnames) against earlier
//! speaker mentions.
//!
//! Spans follow PolNeAR's conventions: content keeps its quote marks and a
//! leading `that`, drops the sentence's closing full stop; a split quote is
//! one statement of two fragments; the cue takes in auxiliaries and adverbs
//! (`has also said`); a speaker's apposition is part of its mention
//! (`Vell, the foreign minister,`).
//!
//! The cue lexicon is hand-written and extended by a model learned from
//! PolNeAR train ([`train`]): `backchannel train --gold
//! ../shared/data/polnear/train --out crates/extract/data/cues.tsv` counts,
//! for every gold cue phrase, how often it is a cue where it could be one.
//! The TSV is compiled in: single words estimated at precision >= 0.25 become
//! cue verbs (below 0.6 only before a clause), multiword phrases at >= 0.5
//! become phrase cues (`called for`, `pointed out`), and hand-written forms
//! that are a cue under 5% of the time (`emails`) are dropped.
//!
//! Training writes more models beside it. `data/cue_classifier.tsv` is
//! a logistic regression over the cue words the rules leave without a
//! statement (lexicon verbs and learned words down to 3% precision, such as
//! `wants`): from the word, its neighbours, whether a subject and a content
//! can be found and whether it is passive, it decides whether the word is
//! a cue; those it accepts get the noun phrase before them as speaker (for
//! a participle, the subject of the clause it hangs on; past an apposition
//! set off by commas or a coordinating `and`, the subject before those,
//! though the classifier itself reads only the phrase right before) and the clause
//! after them (an infinitive included, or the comma-closed clause before the
//! speaker) as content. Words as often nouns (`cited`, `calls`) and words
//! inside another statement's content reach it too, the latter marked as
//! such in its features. `data/rule_veto.tsv` is the same kind of
//! model trained on the cues of the statements the rules themselves
//! find; a rule statement it scores as surely wrong is dropped.
//! `data/content_ends.tsv` lists the next
//! tokens before which gold content almost always stops (`, according`,
//! `, said`). `data/content_cut.tsv`, a third regression, reads the places
//! where an indirect content the rules or a learned cue ended could stop
//! earlier (a comma, a dash, a conjunction or preposition) and cuts it at
//! the first it accepts
//! (`..., throwing`, `... at a news conference`), reading also the word
//! before the content and how the sentence opens (`While X hints at Y, ...`).
//! `data/nested_veto.tsv`, a fourth, reads the statements found inside
//! another statement's content (`X said Y refused to ...`; not inside an
//! `according to`) and drops the ones it scores as no attribution of their
//! own, though never a named speaker's `said` or `told` (a report at second
//! hand). A test checks that all committed files are exactly what training
//! produces.

pub mod lexicon;
mod quotes;
mod resolve;
pub mod train;

use backchannel_core::{Document, Form, Segmentation, Span, Speaker, Statement};
use lexicon::{classify, CueKind, Inflection, WordClass};
use quotes::{Quotation, QuotePiece};

/// Extracts the statements of `doc`, segmenting it first.
pub fn extract(doc: &Document) -> Vec<Statement> {
    let seg = backchannel_segment::segment(&doc.text);
    extract_segmented(doc, &seg)
}

/// Extracts the statements of `doc` given its segmentation, in text order.
pub fn extract_segmented(doc: &Document, seg: &Segmentation) -> Vec<Statement> {
    let mut statements = run(doc, seg, CueModelUse::Apply).0;
    drop_unlikely_nested(&doc.text, &mut statements);
    statements
}

/// Statements whose cue and content lie inside another statement's
/// content (`X said Y refused to ...`), with the features the learned
/// nested veto reads: what [`train::learn_nested_veto`] trains on.
pub fn nested_statement_candidates(doc: &Document) -> Vec<CueCandidate> {
    let seg = backchannel_segment::segment(&doc.text);
    let statements = run(doc, &seg, CueModelUse::Apply).0;
    nested_statements(&doc.text, &statements)
        .into_iter()
        .filter_map(|(i, features)| Some((statements.get(i)?.cue?, features)))
        .collect()
}

/// Drops the nested statements the learned nested veto scores as wrong:
/// most such inner reports (`refused to`, `wants`) are no gold
/// attribution, while some (`said` inside reported speech) are.
fn drop_unlikely_nested(text: &str, statements: &mut Vec<Statement>) {
    let nested = nested_statements(text, statements);
    if nested.is_empty() {
        return;
    }
    let mut dropped = vec![false; statements.len()];
    for (i, features) in nested {
        // A named speaker's `said` or `told` inside another account (`The
        // Post reported that Klein said ...`) is a report at second hand,
        // kept whatever the veto learned from PolNeAR, which often leaves
        // such reports unannotated.
        let named = features.iter().any(|f| f == "speaker=capital");
        let reporting = features.iter().any(|f| {
            matches!(
                f.as_str(),
                "head=said" | "head=says" | "head=say" | "head=told" | "head=tells" | "head=tell"
            )
        });
        if named && reporting {
            continue;
        }
        let mut score = lexicon::VetoScore::nested();
        for f in &features {
            score.add(f);
        }
        if let Some(slot) = dropped.get_mut(i) {
            *slot = score.vetoed();
        }
    }
    let mut flags = dropped.into_iter();
    statements.retain(|_| !flags.next().unwrap_or(false));
}

/// The index of every statement whose cue and content lie inside another
/// statement's content, with the features the nested veto reads.
fn nested_statements(text: &str, statements: &[Statement]) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for (i, inner) in statements.iter().enumerate() {
        let Some(cue) = inner.cue else {
            continue;
        };
        let outer = statements.iter().enumerate().find(|&(j, outer)| {
            j != i
                && outer.fragments.iter().any(|f| {
                    f.contains(inner.span) && f.len() > inner.span.len() && f.contains(cue)
                })
        });
        let Some((_, outer)) = outer else {
            continue;
        };
        // `X warned that C, according to a memo`: the report inside an
        // `according to` is the statement itself, not an aside in it.
        let according = outer.cue.is_some_and(|c| {
            c.slice(text)
                .get(..9)
                .is_some_and(|w| w.eq_ignore_ascii_case("according"))
        });
        if according {
            continue;
        }
        out.push((i, nested_features(text, inner, outer, cue, &mut buf)));
    }
    out
}

/// What the nested veto reads about `inner`, nested in `outer`'s content.
fn nested_features(
    text: &str,
    inner: &Statement,
    outer: &Statement,
    cue: Span,
    buf: &mut String,
) -> Vec<String> {
    let lower_words = |span: Span| -> Vec<String> {
        span.slice(text)
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .replace('’', "'")
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let cue_words = lower_words(cue);
    let head = cue_words.last().cloned().unwrap_or_default();
    let outer_head = outer
        .cue
        .and_then(|c| lower_words(c).last().cloned())
        .unwrap_or_default();
    let first_content = inner
        .fragments
        .first()
        .and_then(|f| lower_words(*f).first().cloned())
        .unwrap_or_default();
    let speaker = match &inner.speaker {
        None => "none",
        Some(sp) => {
            let first = sp.span.slice(text).split_whitespace().next().unwrap_or("");
            match classify(first, buf) {
                Some(WordClass::Pronoun { .. }) => "pronoun",
                Some(WordClass::Determiner) => "determiner",
                _ if first.chars().next().is_some_and(char::is_uppercase) => "capital",
                _ => "other",
            }
        }
    };
    let start = inner
        .speaker
        .as_ref()
        .map_or(cue.start, |sp| sp.span.start.min(cue.start))
        .min(inner.span.start);
    let before = text
        .get(..start)
        .and_then(|b| b.split_whitespace().last())
        .map(|w| {
            if w.chars().next().is_some_and(char::is_uppercase) {
                "Cap".to_string()
            } else {
                w.to_lowercase()
            }
        })
        .unwrap_or_default();
    let content_after_cue = inner.span.start >= cue.end;
    vec![
        "bias".to_string(),
        format!("cue={}", cue_words.join("_")),
        format!("head={head}"),
        format!("form={}", inner.form.as_str()),
        format!("outer_form={}", outer.form.as_str()),
        format!("outer_head={outer_head}"),
        format!("outer_head|head={outer_head}|{head}"),
        format!("speaker={speaker}"),
        format!("speaker|head={speaker}|{head}"),
        format!("before={before}"),
        format!("content_first={first_content}"),
        format!("head|content_first={head}|{first_content}"),
        format!("content_after_cue={content_after_cue}"),
    ]
}

/// Cue words the rules left without a statement in `doc`, with the
/// features the learned cue classifier reads: what
/// [`train::learn_cue_classifier`] trains on.
pub fn leftover_cue_candidates(doc: &Document) -> Vec<CueCandidate> {
    let seg = backchannel_segment::segment(&doc.text);
    run(doc, &seg, CueModelUse::Collect).1
}

/// The cues of the statements the rules find in `doc`, with the features
/// the learned rule veto reads: what [`train::learn_rule_veto`] trains on.
pub fn rule_cue_candidates(doc: &Document) -> Vec<CueCandidate> {
    let seg = backchannel_segment::segment(&doc.text);
    run(doc, &seg, CueModelUse::Collect).2
}

/// Where the rules end the indirect contents of `doc`, with the token
/// boundaries the learned content cut may stop them at and their features:
/// what [`train::learn_content_cut`] trains on.
pub fn content_cut_candidates(doc: &Document) -> Vec<ContentCutCandidate> {
    let seg = backchannel_segment::segment(&doc.text);
    run(doc, &seg, CueModelUse::CollectCuts).3
}

/// Where a leftover cue word's content lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LearnedContent {
    /// From this token on.
    After(usize),
    /// Before the speaker, closed by a comma (`..., the poll found.`).
    Before,
}

/// A candidate cue span with the features a learned classifier reads.
pub type CueCandidate = (Span, Vec<String>);

/// One content the rules ended: its start byte, the byte where the rules
/// end it, and each earlier place it may stop at (the content's end byte
/// when cut there) with the features the learned content cut reads.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentCutCandidate {
    pub start: usize,
    pub rule_end: usize,
    pub cuts: Vec<(usize, Vec<String>)>,
}

/// What content holds before a place the content cut looks at, and the
/// stretch of the sentence after it up to the next comma.
#[derive(Debug, Clone, Copy, Default)]
struct CutPlace {
    /// Commas (and comma-like dashes) so far.
    commas: usize,
    /// Whether a parenthesis is open.
    open: bool,
    /// Whether a verb-like word came (see [`Extractor::verb_like`]).
    verb: bool,
    /// Tokens since the last comma.
    since: usize,
    /// Tokens after the place up to the next comma (or the rule end).
    until: usize,
    /// Whether a verb-like word is among those.
    verb_after: bool,
}

/// What the extractor does with cue words the rules left unused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueModelUse {
    /// Scores them with the learned classifier and extracts the likely cues.
    Apply,
    /// Only records them with their features (training).
    Collect,
    /// Applies the learned cue models but records the places where the
    /// content cut may stop each content instead of cutting (training the
    /// cut on the contents of learned cues too).
    CollectCuts,
}

fn run(
    doc: &Document,
    seg: &Segmentation,
    mode: CueModelUse,
) -> (
    Vec<Statement>,
    Vec<CueCandidate>,
    Vec<CueCandidate>,
    Vec<ContentCutCandidate>,
) {
    let text = doc.text.as_str();
    let paragraphs = usable_paragraphs(text, seg);
    let (pieces, quotations) = quotes::find(text, &paragraphs);
    let mut ex = Extractor {
        text,
        pieces: &pieces,
        quotations: &quotations,
        claimed: vec![false; quotations.len()],
        drafts: Vec::new(),
        tokens: Vec::new(),
        pending_colon: None,
        heading_end: None,
        mode,
        candidates: Vec::new(),
        reviewed: Vec::new(),
        cut_candidates: Vec::new(),
    };
    for (pi, &para) in paragraphs.iter().enumerate() {
        for (n, unit) in units(text, para, pi, seg, &pieces).into_iter().enumerate() {
            if n == 0 && ex.speaker_turn(unit, para, pi) {
                break;
            }
            // The statements under a heading leave the heading out.
            let unit = match ex.heading_end.take() {
                Some(end) if n == 0 && end < unit.end => Span::new(end, unit.end),
                _ => unit,
            };
            ex.unit(unit, pi);
        }
    }
    let candidates = std::mem::take(&mut ex.candidates);
    let reviewed = std::mem::take(&mut ex.reviewed);
    let cut_candidates = std::mem::take(&mut ex.cut_candidates);
    let mut drafts = ex.drafts;
    for d in &mut drafts {
        d.speaker = d.speaker.map(|sp| speaker_without_aside(text, sp));
    }
    drafts.sort_by_key(|d| (d.span().start, d.span().end));
    drafts.dedup_by(|a, b| a.span() == b.span());
    (
        resolve::resolve(text, drafts),
        candidates,
        reviewed,
        cut_candidates,
    )
}

/// Discourse adverbials set off by commas after a subject (`Vell, however,
/// said`): never part of the speaker's mention in PolNeAR.
const ASIDES: &[&str] = &[
    "however",
    "meanwhile",
    "though",
    "too",
    "also",
    "instead",
    "moreover",
    "nonetheless",
    "nevertheless",
    "likewise",
    "similarly",
    "separately",
    "in turn",
    "in fact",
    "in response",
    "in contrast",
    "by contrast",
    "of course",
    "for example",
    "for instance",
    "for his part",
    "for her part",
    "for its part",
    "for their part",
    "in particular",
    "once again",
    "for one",
];

/// Discourse connectives that, opening a sentence before a comma, PolNeAR
/// leaves out of the content after them (`Still, ...`, `In fact, ...`).
const CONNECTIVES: &[&str] = &[
    "still",
    "indeed",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "in fact",
    "in contrast",
    "by contrast",
    "in addition",
    "at the same time",
    "i mean",
    "you know",
    "of course",
];

/// Words that open a phrase set off after a speaker's name and left out of
/// it in PolNeAR (`Vell, in a statement,`, `Vell, speaking at a rally,`);
/// besides these, any participle but `including`.
const SPEAKER_ADJUNCTS: &[&str] = &["in", "on", "at", "after", "during", "before"];

/// Irregular past tenses a noun-phrase scan would take for nouns (`Officials
/// met ...`, `Vell spoke at ...`).
const IRREGULAR_PASTS: [&str; 16] = [
    "met", "left", "went", "came", "took", "made", "got", "saw", "began", "ran", "gave", "kept",
    "held", "stood", "spoke", "sent",
];

/// Paragraph labels before a colon that name a rubric, never a speaker
/// (`Correction: An earlier version of this story ...`).
const RUBRICS: &[&str] = &[
    "correction",
    "corrections",
    "clarification",
    "update",
    "updated",
    "editor's note",
    "editors' note",
    "note",
    "breaking",
    "breaking news",
    "exclusive",
    "watch",
    "video",
    "photos",
    "related",
    "read more",
    "see also",
    "paid notice",
    "disclosure",
    "revealed",
    "live",
    "listen",
    "analysis",
    "opinion",
    "fact check",
    "timeline",
];

/// Words besides adverbs and prepositions in an aside between a cue and
/// its content (`said, for example, that`, `said, however, that`).
const CUE_ASIDE_WORDS: [&str; 8] = [
    "example", "however", "though", "too", "again", "instance", "course", "fact",
];

/// Nouns ending in `-ly` that are no adverb before a verb (`the family said`).
const LY_NOUNS: [&str; 7] = [
    "family", "rally", "assembly", "supply", "monopoly", "anomaly", "reply",
];

/// Whether `w` reads as an `-ly` adverb (`sharply`, `simply`), not one of
/// the [`LY_NOUNS`]; the caller checks its case.
fn ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `a speaker, however,` / `the ministry on Tuesday`: the speaker mention
/// without a trailing discourse adverbial or day (PolNeAR leaves both out).
fn speaker_without_aside(text: &str, speaker: Span) -> Span {
    let body = speaker.slice(text);
    let lower = body.to_ascii_lowercase();
    let trimmed = lower.trim_end_matches(',');
    // `X, however,`
    if let Some(comma) = trimmed.rfind(", ") {
        let aside = trimmed.get(comma + 2..).unwrap_or("");
        if comma > 0 && ASIDES.contains(&aside) {
            return Span::new(speaker.start, speaker.start + comma).trim(text);
        }
    }
    // `X, speaking at a rally,` / `X, in a statement,`
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|r| r.find(", ")) {
        let comma = from + at;
        let next = lower
            .get(comma + 2..)
            .and_then(|r| r.split([' ', ',']).next())
            .unwrap_or("");
        let lowercase = body
            .get(comma + 2..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_lowercase);
        let participle = next.len() > 5 && next.ends_with("ing") && next != "including";
        if comma > 0 && lowercase && (participle || SPEAKER_ADJUNCTS.contains(&next)) {
            return Span::new(speaker.start, speaker.start + comma).trim(text);
        }
        from = comma + 2;
    }
    // `He’s said`, `They’ve argued`: the pronoun without its auxiliary.
    for suffix in ["'s", "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if ["he", "she", "it", "they", "we", "i", "you"].contains(&stem) {
                return Span::new(speaker.start, speaker.start + stem.len());
            }
        }
    }
    // `X on Tuesday`
    if let Some(on) = lower.rfind(" on ") {
        let day = lower.get(on + 4..).unwrap_or("");
        if on > 0 && WEEKDAYS.contains(&day) {
            return Span::new(speaker.start, speaker.start + on).trim(text);
        }
    }
    speaker
}

/// Paragraphs from the segmentation, checked against the text; the whole
/// text as one paragraph when the segmentation has none.
fn usable_paragraphs(text: &str, seg: &Segmentation) -> Vec<Span> {
    let valid = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut out: Vec<Span> = seg.paragraphs.iter().copied().filter(valid).collect();
    out.sort();
    out.dedup();
    if out.is_empty() && !text.trim().is_empty() {
        out.push(Span::new(0, text.len()).trim(text));
    }
    out
}

/// Attribution units of one paragraph: its sentences, joined where a
/// quotation runs across a sentence end or the next sentence goes on in
/// lower case (`"Stop!" he said.`).
fn units(
    text: &str,
    para: Span,
    pi: usize,
    seg: &Segmentation,
    pieces: &[QuotePiece],
) -> Vec<Span> {
    let mut cuts = Vec::new();
    let first = seg.sentences.partition_point(|s| s.span.start < para.start);
    for s in seg
        .sentences
        .iter()
        .skip(first)
        .take_while(|s| s.span.start < para.end)
    {
        if s.paragraph != pi && !para.contains(s.span) {
            continue;
        }
        let at = s.span.start;
        if at <= para.start || at >= para.end || !text.is_char_boundary(at) {
            continue;
        }
        let after = pieces.partition_point(|p| p.span.end <= at);
        let inside_quote = pieces
            .get(after)
            .is_some_and(|p| p.span.start < at && at < p.span.end)
            || pieces
                .get(..after)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take(4)
                .any(|p| p.span.start < at && at < p.span.end);
        // `"Q," he said` / `"Q." ― Name` continue the sentence before.
        let lower = text
            .get(at..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| {
                c.is_lowercase() || matches!(c, ',' | '―' | '—' | '–' | '-' | ')' | ';')
            });
        if !inside_quote && !lower && !tag_after_question(text, para, at, s.span) {
            cuts.push(at);
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = para.start;
    for c in cuts {
        if c > start {
            out.push(Span::new(start, c).trim(text));
            start = c;
        }
    }
    out.push(Span::new(start, para.end).trim(text));
    out.retain(|u| !u.is_empty());
    out
}

/// `"Is it over?" Vell asked.` / `"Go!" she said on Monday.`: a short
/// sentence with a cue verb right after a quote closed by `?` or `!` is its
/// attribution tag, not a sentence of its own.
fn tag_after_question(text: &str, para: Span, at: usize, sentence: Span) -> bool {
    let before = text.get(para.start..at).unwrap_or("").trim_end();
    // `?"`, `?”`, and `?''` (a doubled close) alike.
    let inner = before.trim_end_matches(['"', '”', '’', '\'']);
    let full_stop = inner.ends_with('.');
    if inner.len() == before.len() || !(inner.ends_with(['?', '!']) || full_stop) {
        return false;
    }
    let tag = text.get(at..sentence.end.min(para.end)).unwrap_or("");
    let words: Vec<&str> = tag
        .split_whitespace()
        .take(13)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let cue_at = |w: &&str| matches!(lexicon::lookup(w).class, Some(WordClass::Cue(..)));
    if full_stop {
        // `"... missing." Vell said.`: after a full stop only a bare tag
        // (a short name and the verb closing the sentence) belongs to the
        // quote; `"Q." Vell said the talks failed.` is a sentence of its own.
        return words.len() <= 5 && words.last().is_some_and(cue_at);
    }
    words.len() <= 12 && words.iter().take(6).any(cue_at)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Word(Option<WordClass>),
    Punct(char),
    /// A quotation piece, by index.
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    span: Span,
    kind: Kind,
    /// The word's [`lexicon::Entry::marks`]; 0 for other tokens.
    marks: u8,
}

/// A statement before speaker resolution.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub fragments: Vec<Span>,
    pub form: Form,
    pub cue: Option<Span>,
    pub speaker: Option<Span>,
    /// For a relative pronoun speaker (`who`): the noun phrase it refers to.
    pub relative_head: Option<Span>,
    /// A speaker carried over from an earlier statement (a quote standing
    /// alone after `X said:`): the earlier statement's index.
    pub inherits: Option<usize>,
    pub paragraph: usize,
}

impl Draft {
    pub fn span(&self) -> Span {
        let start = self.fragments.first().map_or(0, |f| f.start);
        let end = self.fragments.last().map_or(0, |f| f.end);
        Span::new(start, end.max(start))
    }
}

/// Nouns of saying that open a `that` clause (`the claim that`).
const NOUN_CUES: [&str; 22] = [
    "statement",
    "statements",
    "claim",
    "claims",
    "assertion",
    "assertions",
    "warning",
    "warnings",
    "promise",
    "pledge",
    "insistence",
    "admission",
    "acknowledgment",
    "acknowledgement",
    "suggestion",
    "allegation",
    "allegations",
    "argument",
    "accusation",
    "accusations",
    "contention",
    "declaration",
];

/// Nouns of saying before an `of` phrase (`accusations of`).
const NOUN_OF_CUES: [&str; 10] = [
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegations",
    "denial",
    "denials",
    "assertions",
    "promise",
    "promises",
];

/// Nouns naming a stated position (`the official line is that`).
const POSITION_NOUNS: [&str; 6] = ["position", "line", "view", "stance", "assessment", "belief"];

/// Verbs that lay blame (`placed the blame on`).
const BLAME_VERBS: [&str; 15] = [
    "place", "places", "placed", "placing", "put", "puts", "putting", "lay", "lays", "laid",
    "laying", "pin", "pins", "pinned", "pinning",
];

/// Forms of `make` (`made clear`, `makes it clear`).
const MAKE_FORMS: [&str; 4] = ["made", "makes", "make", "making"];

/// Words that open a place the learned content cut looks at (with the
/// weekdays): conjunctions, prepositions, time words.
pub(crate) const CUT_WORDS: [&str; 57] = [
    "and",
    "but",
    "in",
    "on",
    "as",
    "to",
    "after",
    "at",
    "by",
    "for",
    "during",
    "with",
    "when",
    "because",
    "while",
    "despite",
    "before",
    "who",
    "from",
    "through",
    "over",
    "until",
    "without",
    "following",
    "amid",
    "since",
    "including",
    "though",
    "although",
    "even",
    "last",
    "this",
    "earlier",
    "next",
    "or",
    "if",
    "than",
    "where",
    "which",
    "about",
    "into",
    "against",
    "under",
    "so",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "among",
    "throughout",
    "across",
    "around",
    "toward",
    "towards",
    "upon",
    "within",
    "ahead",
];

/// Every word a rule of the attribution loop opens on (any case): the
/// tokenizer marks them ([`lexicon::MARK_RULE`]) so that other words skip
/// the rules at once.
pub(crate) const RULE_WORDS: [&[&str]; 6] = [
    &["according", "in", "asked"],
    &NOUN_CUES,
    &NOUN_OF_CUES,
    &POSITION_NOUNS,
    &BLAME_VERBS,
    &MAKE_FORMS,
];

/// Longest run of tokens the attribution rules look at as one unit.
const MAX_UNIT_TOKENS: usize = 240;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "st", "jr", "sr", "gen", "lt", "col", "sgt",
    "prof", "inc", "co", "corp", "ltd", "vs", "rev", "capt", "maj", "adm", "pres", "gov", "no",
];

struct Extractor<'a> {
    text: &'a str,
    pieces: &'a [QuotePiece],
    quotations: &'a [Quotation],
    claimed: Vec<bool>,
    drafts: Vec<Draft>,
    /// The token buffer every unit is read into.
    tokens: Vec<Tok>,
    /// `X said:` closing a paragraph, waiting for the quote that opens the next.
    pending_colon: Option<(Span, Option<Span>, usize)>,
    /// Where a section heading (`Funding:`) that opens the paragraph ends.
    heading_end: Option<usize>,
    mode: CueModelUse,
    /// Leftover cue words and their features, in [`CueModelUse::Collect`] mode.
    candidates: Vec<CueCandidate>,
    /// Cues of rule statements and their features, in [`CueModelUse::Collect`] mode.
    reviewed: Vec<CueCandidate>,
    /// Contents the rules ended and where they may stop, in [`CueModelUse::Collect`] mode.
    cut_candidates: Vec<ContentCutCandidate>,
}

/// Whether `next`, at byte `end` of the word that starts at `start`, is a
/// symbol of UTF-8 text misread as Latin-1 (`FranÃ§ois`, `realÃ¢€world`):
/// it follows `Ã`, `Â`, `â` or another such symbol, so the word goes on.
fn mojibake_inside_word(text: &str, start: usize, end: usize, next: char) -> bool {
    if next.is_ascii() {
        return false;
    }
    let symbol = |c: char| {
        ('\u{80}'..='\u{BF}').contains(&c) && !c.is_whitespace() && !matches!(c, '«' | '»')
            || "€‚„…†‡‰‹›™".contains(c)
    };
    let prev = text.get(start..end).and_then(|w| w.chars().next_back());
    symbol(next) && prev.is_some_and(|p| matches!(p, 'Ã' | 'Â' | 'â') || symbol(p))
}

/// `'08`, `‘96`: an apostrophe for a year's elided century at byte `pos`,
/// the start of a word rather than punctuation.
fn elided_year(text: &str, pos: usize) -> bool {
    let mut chars = text.get(pos..).unwrap_or("").chars();
    matches!(chars.next(), Some('\'' | '‘' | '’'))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && !chars.next().is_some_and(char::is_alphanumeric)
}

impl<'a> Extractor<'a> {
    /// The first `limit` tokens of `unit`, into `toks` (cleared first, so
    /// that one buffer serves every unit).
    fn tokenize(&mut self, unit: Span, limit: usize, toks: &mut Vec<Tok>) {
        let text = self.text;
        toks.clear();
        let mut piece_idx = self.pieces.partition_point(|p| p.span.end <= unit.start);
        let mut pos = unit.start;
        while pos < unit.end && toks.len() < limit {
            if let Some(p) = self.pieces.get(piece_idx) {
                if p.span.start <= pos && pos < p.span.end {
                    toks.push(Tok {
                        span: Span::new(pos, p.span.end.min(unit.end)),
                        kind: Kind::Quote(piece_idx),
                        marks: 0,
                    });
                    pos = p.span.end;
                    piece_idx += 1;
                    continue;
                }
                if p.span.end <= pos {
                    piece_idx += 1;
                    continue;
                }
            }
            let Some(c) = text.get(pos..).and_then(|r| r.chars().next()) else {
                break;
            };
            if c.is_whitespace() {
                pos += c.len_utf8();
                continue;
            }
            if c.is_alphanumeric() || elided_year(text, pos) {
                let start = pos;
                let mut end = pos + c.len_utf8();
                while let Some(n) = text.get(end..).and_then(|r| r.chars().next()) {
                    if end >= unit.end {
                        break;
                    }
                    if n.is_alphanumeric() || mojibake_inside_word(text, start, end, n) {
                        end += n.len_utf8();
                        continue;
                    }
                    if matches!(n, '\'' | '’' | '.' | '-' | '&' | '‐' | '/') {
                        let after = end + n.len_utf8();
                        let follows = text
                            .get(after..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_alphanumeric);
                        let inside_piece = self
                            .pieces
                            .get(piece_idx)
                            .is_some_and(|p| p.span.start == end);
                        if follows && !inside_piece && after < unit.end {
                            end = after;
                            continue;
                        }
                        if n == '.' && after <= unit.end {
                            let word = text.get(start..end).unwrap_or("");
                            let single_cap =
                                word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase());
                            if word.contains('.')
                                || single_cap
                                || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
                            {
                                end = after;
                            }
                        }
                    }
                    break;
                }
                let word = text.get(start..end).unwrap_or("");
                let entry = lexicon::lookup(word);
                toks.push(Tok {
                    span: Span::new(start, end),
                    kind: Kind::Word(entry.class),
                    marks: entry.marks,
                });
                pos = end;
                continue;
            }
            toks.push(Tok {
                span: Span::new(pos, pos + c.len_utf8()),
                kind: Kind::Punct(c),
                marks: 0,
            });
            pos += c.len_utf8();
        }
    }

    fn word<'t>(&self, t: &'t [Tok], i: usize) -> Option<&'a str> {
        match t.get(i)?.kind {
            Kind::Word(_) => Some(t.get(i)?.span.slice(self.text)),
            _ => None,
        }
    }

    fn is(&self, t: &[Tok], i: usize, w: &str) -> bool {
        self.word(t, i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    /// The number of words of `phrase` (space-separated, any case) when
    /// they stand at tokens `k..`.
    fn phrase_at(&self, t: &[Tok], k: usize, phrase: &str) -> Option<usize> {
        let mut n = 0;
        for (m, w) in phrase.split(' ').enumerate() {
            if !self.is(t, k + m, w) {
                return None;
            }
            n = m + 1;
        }
        Some(n)
    }

    /// Whether token `i` carries `mark` ([`lexicon::Entry::marks`]).
    fn marked(t: &[Tok], i: usize, mark: u8) -> bool {
        t.get(i).is_some_and(|x| x.marks & mark != 0)
    }

    fn class(t: &[Tok], i: usize) -> Option<WordClass> {
        match t.get(i)?.kind {
            Kind::Word(c) => c,
            _ => None,
        }
    }

    fn capitalized(&self, t: &[Tok], i: usize) -> bool {
        self.word(t, i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn punct(t: &[Tok], i: usize) -> Option<char> {
        match t.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Whether quote piece `piece` opens with a lower-case word (`"could
    /// be ..."`): it goes on with a sentence begun outside it.
    fn quote_opens_lowercase(&self, piece: usize) -> bool {
        self.pieces.get(piece).is_some_and(|p| {
            p.span
                .slice(self.text)
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_lowercase)
        })
    }

    /// The last character inside a quote piece before its closing mark.
    fn quote_inner_last(&self, piece: usize) -> Option<char> {
        let p = self.pieces.get(piece)?;
        let full = p.span.slice(self.text);
        let inner = match full.strip_suffix("''") {
            Some(x) => x,
            None => {
                let mut c = full.chars();
                c.next_back();
                c.as_str()
            }
        };
        // `important,' "` / `conclusion,’”`: a nested quote's close and a
        // stray space before the mark hide the punctuation that counts.
        inner
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '’' | '\''))
            .chars()
            .next_back()
    }

    fn quote_words(&self, piece: usize) -> usize {
        self.pieces
            .get(piece)
            .map_or(0, |p| p.span.slice(self.text).split_whitespace().count())
    }

    /// A comma, or a quote whose last character inside is a comma.
    fn comma_like(&self, t: &[Tok], i: usize) -> bool {
        match t.get(i).map(|x| x.kind) {
            Some(Kind::Punct(',')) => true,
            Some(Kind::Quote(p)) => self.quote_inner_last(p) == Some(','),
            _ => false,
        }
    }

    /// A noun phrase ending at token `j`, scanned backwards.
    fn backward_np(&self, t: &[Tok], j: usize) -> Option<(usize, usize)> {
        if let Some(quantity) = self.bare_quantifier(t, j) {
            return Some((quantity, j));
        }
        match Self::class(t, j) {
            Some(WordClass::Pronoun { .. }) => {
                // `many of you`, `some of them`
                let quantified = j >= 2
                    && self.is(t, j - 1, "of")
                    && self.word(t, j - 2).is_some_and(|w| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "many" | "some" | "most" | "all" | "none" | "each" | "both" | "few"
                        )
                    });
                return Some((if quantified { j - 2 } else { j }, j));
            }
            Some(
                WordClass::Boundary
                | WordClass::Auxiliary
                | WordClass::Determiner
                | WordClass::Preposition
                | WordClass::Adverb,
            ) => return None,
            Some(WordClass::Cue(..)) if !self.capitalized(t, j) && !self.looks_noun(t, j) => {
                return None
            }
            _ => {}
        }
        if Self::punct(t, j) == Some(')') {
            let open = (j.saturating_sub(16)..j)
                .rev()
                .find(|&m| Self::punct(t, m) == Some('('))?;
            let inner = self.backward_np(t, open.checked_sub(1)?)?;
            return Some((inner.0, j));
        }
        self.word(t, j)?;
        let mut start = j;
        let mut k = j;
        let mut words = 1;
        while k > 0 && words < 14 {
            let prev = k - 1;
            match t.get(prev).map(|x| x.kind) {
                Some(Kind::Word(class)) => match class {
                    Some(WordClass::Determiner) => {
                        start = prev;
                        // `the two voters`, `a few lawmakers`, `his many critics`
                        let counted = self.word(t, prev).is_some_and(|w| {
                            matches!(
                                w.to_ascii_lowercase().as_str(),
                                "two"
                                    | "three"
                                    | "four"
                                    | "five"
                                    | "few"
                                    | "many"
                                    | "other"
                                    | "several"
                            )
                        });
                        if counted
                            && prev > 0
                            && matches!(Self::class(t, prev - 1), Some(WordClass::Determiner))
                        {
                            start = prev - 1;
                        }
                        let before = start.checked_sub(1);
                        // `the head of the agency`, `the official involved in the talks`,
                        // `an official familiar with the matter`
                        let chained = before.is_some_and(|b| {
                            matches!(Self::class(t, b), Some(WordClass::Preposition))
                                && (self.is(t, b, "of")
                                    || self.knowing_preposition(t, b)
                                    || (self.is(t, b, "in")
                                        || self.is(t, b, "from")
                                        || self.is(t, b, "at")
                                        || self.is(t, b, "for"))
                                        && b > 0
                                        && Self::class(t, b - 1).is_none()
                                        && self.word(t, b - 1).is_some())
                        });
                        if !chained {
                            break;
                        }
                        k = start;
                    }
                    Some(WordClass::Preposition) => {
                        // `Commission on Presidential Debates`
                        let in_name =
                            self.capitalized(t, k) && prev > 0 && self.capitalized(t, prev - 1);
                        let familiar_with = self.knowing_preposition(t, prev);
                        if !(self.is(t, prev, "of")
                            || familiar_with
                            || self.is(t, prev, "for")
                            || self.is(t, prev, "from")
                            || self.is(t, prev, "at")
                            || in_name
                            || self.is(t, prev, "in") && !self.capitalized(t, prev))
                        {
                            break;
                        }
                        if prev == 0 {
                            break;
                        }
                        k = prev;
                        // `briefed on`, `close to`: the word before belongs too.
                        if familiar_with {
                            k = prev - 1;
                            start = k;
                        }
                    }
                    // `Vell and Orsk`, `developers and supporters`
                    Some(WordClass::Boundary)
                        if self.is(t, prev, "and")
                            && prev > 0
                            && Self::class(t, prev - 1).is_none()
                            && self.word(t, prev - 1).is_some()
                            && (self.capitalized(t, prev - 1) && self.capitalized(t, start)
                                || self.word(t, prev - 1).is_some_and(|w| w.ends_with('s'))
                                    && self.word(t, j).is_some_and(|w| w.ends_with('s'))) =>
                    {
                        k = prev;
                    }
                    Some(
                        WordClass::Boundary
                        | WordClass::Auxiliary
                        | WordClass::Pronoun { .. }
                        | WordClass::Adverb,
                    ) => break,
                    Some(WordClass::Cue(..)) => {
                        if self.capitalized(t, prev) || self.looks_noun(t, prev) {
                            start = prev;
                            k = prev;
                        } else {
                            break;
                        }
                    }
                    // `hackers who officials say`: a relative word ends it.
                    _ if ["who", "whom", "which"].iter().any(|w| self.is(t, prev, w)) => break,
                    _ => {
                        start = prev;
                        k = prev;
                    }
                },
                Some(Kind::Punct('’' | '\'')) if prev > 0 => {
                    k = prev;
                }
                // `Sen. Vell (R-Kor.)`
                Some(Kind::Punct(')')) => {
                    let Some(open) = (prev.saturating_sub(16)..prev)
                        .rev()
                        .find(|&m| Self::punct(t, m) == Some('('))
                    else {
                        break;
                    };
                    if open == 0 {
                        break;
                    }
                    k = open;
                }
                _ => break,
            }
            words += 1;
        }
        // A phrase never starts with a preposition.
        while start < j && matches!(Self::class(t, start), Some(WordClass::Preposition)) {
            start += 1;
        }
        Some((self.np_lead(t, start, j), j))
    }

    /// The preposition of `familiar with`, `briefed on`, `close to`: a
    /// source described by what it knows, one phrase with its object.
    fn knowing_preposition(&self, t: &[Tok], k: usize) -> bool {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        self.is(t, k, "with") && self.is(t, before, "familiar")
            || self.is(t, k, "on") && self.is(t, before, "briefed")
            || self.is(t, k, "to") && self.is(t, before, "close")
    }

    /// `Several said`, `Another said`, `Two in three said`: a quantifier
    /// standing alone as a subject, opening its clause. Where it starts.
    fn bare_quantifier(&self, t: &[Tok], j: usize) -> Option<usize> {
        let word = self.word(t, j)?.to_ascii_lowercase();
        let quantifier = matches!(
            word.as_str(),
            "another"
                | "some"
                | "many"
                | "several"
                | "most"
                | "few"
                | "two"
                | "three"
                | "four"
                | "five"
                | "others"
        ) || word.bytes().all(|b| b.is_ascii_digit());
        if !quantifier {
            return None;
        }
        let opens = |k: usize| {
            k == 0
                || matches!(
                    t.get(k - 1).map(|x| x.kind),
                    Some(Kind::Punct(_) | Kind::Word(Some(WordClass::Boundary)))
                )
        };
        // `two in three`, `four in 10`
        if j >= 2 && self.is(t, j - 1, "in") {
            let counted = self.word(t, j - 2).is_some_and(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
                ) || w.bytes().all(|b| b.is_ascii_digit())
            });
            if counted && opens(j - 2) {
                return Some(j - 2);
            }
        }
        (opens(j) && !word.bytes().all(|b| b.is_ascii_digit())).then_some(j)
    }

    /// Words before a noun phrase starting at `start` (ending at `j`) that
    /// still belong to it: `all the delegates`, `about four in 10 voters`,
    /// `more than half`, and the town before a state in `Ilse Marn of
    /// Dorrow, Velmark`.
    fn np_lead(&self, t: &[Tok], start: usize, j: usize) -> usize {
        let lower = |k: usize| self.word(t, k).map(str::to_ascii_lowercase);
        let quantity = |k: usize| {
            self.word(t, k).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        w.to_ascii_lowercase().as_str(),
                        "half"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "a"
                            | "one"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                    )
            })
        };
        let mut start = start;
        if start >= 1 {
            let prev = lower(start - 1);
            let prev = prev.as_deref();
            if matches!(Self::class(t, start), Some(WordClass::Determiner))
                && matches!(prev, Some("all" | "both" | "half"))
            {
                return start - 1;
            }
            if quantity(start) {
                if matches!(
                    prev,
                    Some("about" | "nearly" | "almost" | "roughly" | "only" | "just")
                ) {
                    return start - 1;
                }
                if start >= 2 {
                    let prev2 = lower(start - 2);
                    let pair = (prev2.as_deref(), prev);
                    if matches!(
                        pair,
                        (Some("more" | "fewer" | "less"), Some("than"))
                            | (Some("at"), Some("least" | "most"))
                    ) {
                        return start - 2;
                    }
                }
            }
        }
        // `of Dorrow, Velmark`: a capitalised phrase after a comma whose
        // phrase before names a place with `of`/`from`.
        let place = start >= 2
            && j - start < 3
            && Self::punct(t, start - 1) == Some(',')
            && (start..=j).all(|k| self.capitalized(t, k))
            && self.capitalized(t, start - 2);
        if place {
            if let Some((a, _)) = self.backward_np(t, start - 2) {
                if (a..start - 1).any(|k| self.is(t, k, "of") || self.is(t, k, "from")) {
                    start = a;
                }
            }
        }
        start
    }

    /// A cue word used as a noun inside a phrase: `the report`, `a new report`.
    fn noun_use(&self, t: &[Tok], k: usize, infl: Inflection) -> bool {
        if k == 0 {
            return false;
        }
        let after_det = matches!(Self::class(t, k - 1), Some(WordClass::Determiner));
        let after_adj = infl == Inflection::Base
            && k >= 2
            && Self::class(t, k - 1).is_none()
            && matches!(Self::class(t, k - 2), Some(WordClass::Determiner));
        after_det || after_adj
    }

    /// Cue-lexicon words used as nouns (`the report`, `claims`).
    fn looks_noun(&self, t: &[Tok], i: usize) -> bool {
        i > 0 && matches!(Self::class(t, i - 1), Some(WordClass::Determiner))
    }

    /// A noun phrase starting at token `i`, scanned forwards.
    fn forward_np(&self, t: &[Tok], i: usize) -> Option<(usize, usize)> {
        match Self::class(t, i) {
            Some(WordClass::Pronoun { .. }) => return Some((i, i)),
            Some(
                WordClass::Boundary
                | WordClass::Auxiliary
                | WordClass::Preposition
                | WordClass::Adverb,
            ) => return None,
            Some(WordClass::Cue(..)) if !self.capitalized(t, i) => return None,
            _ => {}
        }
        self.word(t, i)?;
        let mut end = i;
        let mut k = i + 1;
        while k < t.len() && k - i < 12 {
            match t.get(k).map(|x| x.kind) {
                // `told reporters he's ...`: a new clause's subject.
                Some(Kind::Word(_)) if self.pronoun_contraction(t, k) => break,
                Some(Kind::Word(class)) => match class {
                    Some(
                        WordClass::Boundary
                        | WordClass::Auxiliary
                        | WordClass::Pronoun { .. }
                        | WordClass::Adverb,
                    ) => break,
                    // `a new report by ...` is a noun; `the ministry said` a verb.
                    Some(WordClass::Cue(_, infl))
                        if !self.capitalized(t, k) && !self.noun_use(t, k, infl) =>
                    {
                        break
                    }
                    Some(WordClass::Cue(..)) => end = k,
                    Some(WordClass::Preposition) => {
                        if !(self.is(t, k, "of") || self.is(t, k, "for") || self.is(t, k, "at")) {
                            break;
                        }
                    }
                    Some(WordClass::Determiner) => {
                        if !(k > i && matches!(Self::class(t, k - 1), Some(WordClass::Preposition)))
                            && k != i
                        {
                            break;
                        }
                    }
                    _ => end = k,
                },
                Some(Kind::Punct('’' | '\'')) => {}
                _ => break,
            }
            k += 1;
        }
        Some((i, end))
    }

    fn span_of(t: &[Tok], a: usize, b: usize) -> Option<Span> {
        Some(Span::new(t.get(a)?.span.start, t.get(b)?.span.end))
    }

    fn unit(&mut self, unit: Span, paragraph: usize) {
        let mut all = std::mem::take(&mut self.tokens);
        self.tokenize(unit, usize::MAX, &mut all);
        // Run-on text with no sentence ends is read in clause-sized windows,
        // so the rules' scans stay linear in the document.
        let mut start = 0;
        while start < all.len() {
            let mut end = (start + MAX_UNIT_TOKENS).min(all.len());
            if end < all.len() {
                if let Some(cut) = (start + MAX_UNIT_TOKENS / 2..end)
                    .rev()
                    .find(|&k| matches!(Self::punct(&all, k), Some(',' | ';' | ':')))
                {
                    end = cut + 1;
                }
            }
            if let Some(window) = all.get(start..end) {
                self.unit_tokens(window, paragraph);
            }
            start = end;
        }
        self.tokens = all;
    }

    fn unit_tokens(&mut self, t: &[Tok], paragraph: usize) {
        if t.is_empty() {
            return;
        }
        let first_draft = self.drafts.len();
        if let Some((cue, speaker, p)) = self.pending_colon.take() {
            if let Some(Kind::Quote(piece)) = t.first().map(|x| x.kind) {
                if p + 1 == paragraph {
                    self.push_quote_draft(piece, Some(cue), speaker, None, paragraph);
                }
            }
        }
        self.colon_cue(t, paragraph);
        self.trailing_dash(t, paragraph);
        let mut i = 0;
        while i < t.len() {
            let rule = Self::marked(t, i, lexicon::MARK_RULE);
            if rule && self.is(t, i, "according") && self.is(t, i + 1, "to") {
                self.according(t, i, paragraph);
            } else if rule && self.is(t, i, "in") && self.in_poll(t, i, paragraph) {
                // Done: `In a new poll, ...` / `... in the polls.`
            } else if rule && i == 0 && self.word(t, 0) == Some("Asked") {
                self.asked(t, paragraph);
            } else if self.noun_cue(t, i) {
                self.noun_statement(t, i, paragraph);
            } else if self.noun_of_cue(t, i) {
                self.noun_of_statement(t, i, paragraph);
            } else if let Some(that) = self.position_that(t, i) {
                self.position_statement(t, i, that, paragraph);
            } else if let Some(on) = self.laid_blame(t, i) {
                self.cue_with_lead(
                    t,
                    on,
                    i,
                    CueKind::Speech,
                    Inflection::Past,
                    paragraph,
                    first_draft,
                );
            } else if let Some(clear) = self.made_clear(t, i) {
                self.cue_with_lead(
                    t,
                    clear,
                    i,
                    CueKind::Speech,
                    Inflection::Past,
                    paragraph,
                    first_draft,
                );
            } else if let Some((last, kind, infl)) = self.learned_phrase(t, i) {
                self.cue_with_lead(t, last, i, kind, infl, paragraph, first_draft);
                i = last;
            } else if let Some(WordClass::Cue(kind, infl)) = Self::class(t, i) {
                self.cue(t, i, kind, infl, paragraph, first_draft);
            }
            i += 1;
        }
        let rule_end = self.drafts.len();
        self.leftover_cues(t, paragraph, first_draft);
        self.review_rule_drafts(t, first_draft, rule_end);
        self.loose_quotes(t, paragraph, first_draft);
        self.whole_subject_speakers(t, first_draft);
    }

    /// Speakers that are only the end of a subject opening the sentence:
    /// its last conjunct (`Federal and state officials said`, `The family,
    /// protesters and civic leaders have demanded`) or the object in its
    /// modifiers (`A report by the ministry found`). The whole subject
    /// speaks.
    fn whole_subject_speakers(&mut self, t: &[Tok], first_draft: usize) {
        for n in first_draft..self.drafts.len() {
            let Some(d) = self.drafts.get(n) else {
                continue;
            };
            let (Some(speaker), Some(cue)) = (d.speaker, d.cue) else {
                continue;
            };
            if speaker.end > cue.start {
                continue;
            }
            let Some(a) = t.iter().position(|x| x.span.start == speaker.start) else {
                continue;
            };
            let b = t
                .iter()
                .rposition(|x| x.span.end <= speaker.end)
                .unwrap_or(a);
            let from = self
                .left_conjunct(t, a, b)
                .or_else(|| self.modified_subject(t, a, b, cue));
            if let Some(from) = from {
                if let (Some(d), Some(first)) = (self.drafts.get_mut(n), t.get(from)) {
                    d.speaker = Some(Span::new(first.span.start, speaker.end));
                }
            }
        }
    }

    /// Where the noun phrase coordinated before the phrase `a..=b` starts,
    /// when it opens the sentence: `Federal and` before `state officials`,
    /// `the United States,` before `Britain and France`.
    fn left_conjunct(&self, t: &[Tok], a: usize, b: usize) -> Option<usize> {
        let joint = a.checked_sub(1)?;
        let and = self.is(t, joint, "and") || self.is(t, joint, "or");
        // `X, Y and Z` found as `Y and Z`: the list goes on before its comma.
        let list = Self::punct(t, joint) == Some(',') && (a..=b).any(|k| self.is(t, k, "and"));
        if !(and || list) {
            return None;
        }
        let opening = self.dateline_end(t).unwrap_or(0);
        // `..., and a poll found`: a clause coordinated after its comma,
        // unless an earlier comma makes it a list.
        let comma_before = |from: usize| {
            Self::punct(t, joint.saturating_sub(1)) == Some(',')
                && !(from..joint.saturating_sub(1)).any(|k| Self::punct(t, k) == Some(','))
        };
        if self.noun_phrase_tokens(t, opening, joint, false) && !comma_before(opening) {
            return Some(opening);
        }
        // `In an interview, the senator and former governor said`: a
        // conjunct opening its clause after an opening phrase.
        let clause = (opening..joint).rev().find(|&k| {
            matches!(
                t.get(k).map(|x| x.kind),
                Some(Kind::Quote(_) | Kind::Punct(','))
            )
        })? + 1;
        let opens = matches!(Self::class(t, clause), Some(WordClass::Determiner))
            || self.capitalized(t, clause);
        (and && opens && !comma_before(clause) && self.noun_phrase_tokens(t, clause, joint, false))
            .then_some(clause)
    }

    /// Where the subject opening the sentence starts when the speaker `a..=b`
    /// right before cue `cue` is only the end of it, the object of a
    /// preposition or a time in its modifiers (`A report by the ministry`,
    /// `A poll conducted last week`).
    fn modified_subject(&self, t: &[Tok], a: usize, b: usize, cue: Span) -> Option<usize> {
        let next =
            (b + 1..t.len()).find(|&k| !matches!(Self::class(t, k), Some(WordClass::Adverb)))?;
        // A verb: not a noun of saying (`the ministry statement that`,
        // `Vell's claim that`).
        let verb = matches!(
            Self::class(t, next),
            Some(WordClass::Cue(..) | WordClass::Auxiliary)
        ) && !self.looks_noun(t, next)
            && !self
                .word(t, b)
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s") || w == "s");
        if t.get(next)?.span.start != cue.start || !verb {
            return None;
        }
        // A pronoun opens a clause of its own (`The things he said`,
        // `Voters who`).
        if matches!(Self::class(t, a), Some(WordClass::Pronoun { .. })) {
            return None;
        }
        let opening = self.dateline_end(t).unwrap_or(0);
        let (first, last) = (t.get(opening)?, t.get(a)?);
        if a <= opening
            || self
                .text
                .get(first.span.start..last.span.start)?
                .contains('\n')
        {
            return None;
        }
        // `Reflecting on the plan, ...`, `WASHINGTON - ...`, `That’s a rise`.
        let opener = self.word(t, opening).is_some_and(|w| w.ends_with("ing"));
        let set_off = (opening..a).any(|k| {
            let contraction = matches!(Self::punct(t, k), Some('’' | '\''))
                && self.is(t, k + 1, "s")
                && k > 0
                && matches!(
                    Self::class(t, k - 1),
                    Some(WordClass::Pronoun { .. } | WordClass::Boundary)
                );
            let shouted = self.word(t, k).is_some_and(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            });
            contraction
                || shouted
                || matches!(
                    t.get(k).map(|x| x.kind),
                    Some(
                        Kind::Quote(_) | Kind::Punct(',' | ';' | ':' | '―' | '—' | '–' | '-' | '(')
                    )
                )
        });
        (!opener && !set_off && self.noun_phrase_tokens(t, opening, a, true)).then_some(opening)
    }

    /// Whether tokens `start..end` read as a noun phrase (a list of them
    /// included): no verb, clause word or quote; a pronoun only first (`he
    /// and Vell`); with `participles`, a word in -ed after a noun (`a poll
    /// conducted by`).
    fn noun_phrase_tokens(&self, t: &[Tok], start: usize, end: usize, participles: bool) -> bool {
        if end <= start || end - start > 16 {
            return false;
        }
        // Prepositions the lexicon leaves out, opening adverbial phrases.
        const OPENERS: [&str; 14] = [
            "throughout",
            "during",
            "despite",
            "since",
            "amid",
            "following",
            "under",
            "after",
            "before",
            "until",
            "like",
            "unlike",
            "without",
            "through",
        ];
        let opener = |k: usize| {
            self.word(t, k)
                .is_some_and(|w| OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)))
        };
        // `critics like Vell` is one phrase.
        let inside = |k: usize| opener(k) && !self.is(t, k, "like");
        if opener(start) || participles && (start..end).any(inside) {
            return false;
        }
        let first_ok = match t.get(start).map(|x| x.kind) {
            Some(Kind::Word(Some(
                WordClass::Preposition
                | WordClass::Boundary
                | WordClass::Adverb
                | WordClass::Auxiliary,
            ))) => false,
            Some(Kind::Word(_)) => true,
            _ => false,
        };
        first_ok
            && (start..end).all(|k| match t.get(k).map(|x| x.kind) {
                Some(Kind::Word(None)) => self.word(t, k).is_some_and(|w| {
                    let lower = w.chars().all(|c| c.is_lowercase() || c == '-');
                    // `Recently,` opens with an adverb; `family` is a noun.
                    let comma = Self::punct(t, k + 1) == Some(',');
                    let adverb = w.to_ascii_lowercase().ends_with("ly")
                        && (k == start && comma
                            || w.len() >= 7 && (comma || !self.looks_noun(t, k)));
                    // `a poll conducted by`, `a report released last week`:
                    // after a common noun, before an agent or a time.
                    const AFTER_PARTICIPLE: [&str; 6] =
                        ["by", "last", "this", "earlier", "next", "on"];
                    let participle = participles
                        && k > start
                        && matches!(t.get(k - 1).map(|x| x.kind), Some(Kind::Word(None)))
                        && !self.capitalized(t, k - 1)
                        && self.word(t, k + 1).is_some_and(|n| {
                            AFTER_PARTICIPLE
                                .iter()
                                .chain(WEEKDAYS)
                                .any(|p| n.eq_ignore_ascii_case(p))
                        });
                    !(adverb
                        || lower
                            && (w.ends_with("ed") && !participle
                                || IRREGULAR_PASTS.contains(&w)
                                || matches!(w, "won" | "lost")))
                }),
                Some(Kind::Word(Some(WordClass::Determiner | WordClass::Preposition))) => true,
                Some(Kind::Word(Some(WordClass::Pronoun { .. }))) => {
                    k == start && !self.is(t, k, "who") && !self.is(t, k, "it")
                }
                Some(Kind::Word(Some(WordClass::Cue(..)))) => {
                    self.capitalized(t, k) || self.looks_noun(t, k)
                }
                Some(Kind::Word(Some(WordClass::Adverb))) => k > start || self.is(t, k, "both"),
                Some(Kind::Punct(c)) => matches!(c, ',' | '(' | ')' | '’' | '\'' | '.' | '-'),
                _ => false,
            })
    }

    /// Cue words in a verb position that no rule turned into a statement,
    /// and learned phrases too unreliable for the rules (`talking about`):
    /// the learned classifier ([`train::CueClassifier`]) decides which are
    /// cues; those get the speaker before them and the content after them.
    fn leftover_cues(&mut self, t: &[Tok], paragraph: usize, first_draft: usize) {
        for i in 0..t.len() {
            let class = match t.get(i).map(|x| x.kind) {
                Some(Kind::Word(class @ (None | Some(WordClass::Cue(..))))) => class,
                _ => continue,
            };
            let weak = if Self::marked(t, i, lexicon::MARK_WEAK) {
                self.word(t, i).and_then(lexicon::weak_cue_at)
            } else {
                None
            };
            if let Some(weak) = weak {
                let phrase = weak.phrases.iter().find(|p| {
                    p.rest.iter().enumerate().all(|(k, r)| {
                        self.word(t, i + 1 + k)
                            .is_some_and(|x| x.eq_ignore_ascii_case(r))
                    })
                });
                if let Some(p) = phrase {
                    let last = i + p.rest.len();
                    let cue = (i, last, Some(p.precision));
                    self.leftover_cue(t, cue, p.kind, p.inflection, paragraph, first_draft);
                }
            }
            let (kind, infl) = match class {
                Some(WordClass::Cue(kind, infl)) => (kind, infl),
                _ => match weak.and_then(|w| w.word) {
                    Some(infl) => (CueKind::Speech, infl),
                    None => continue,
                },
            };
            self.leftover_cue(t, (i, i, None), kind, infl, paragraph, first_draft);
        }
    }

    /// Whether the word before token `i` is a possessive (`his`, `Vell's`).
    fn possessor_before(&self, t: &[Tok], i: usize) -> bool {
        let Some(w) = i.checked_sub(1).and_then(|p| self.word(t, p)) else {
            return false;
        };
        w.ends_with("'s") || w.ends_with("’s") || Self::possessive_pronoun(w)
    }

    /// `his`, `her`, `their` ...: a pronoun that opens a noun phrase.
    fn possessive_pronoun(w: &str) -> bool {
        ["his", "her", "their", "its", "our", "my", "your"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    }

    /// Offers the cue words `first..=last` (a learned phrase of estimated
    /// `precision`, or one word) to the learned classifier (or records
    /// them, training) when no statement uses them and they have a content.
    fn leftover_cue(
        &mut self,
        t: &[Tok],
        (first, last, precision): (usize, usize, Option<f64>),
        kind: CueKind,
        infl: Inflection,
        paragraph: usize,
        first_draft: usize,
    ) {
        let (Some(a), Some(b)) = (t.get(first), t.get(last)) else {
            return;
        };
        let span = a.span.cover(b.span);
        let drafts = self.drafts.get(first_draft..).unwrap_or(&[]);
        let used = drafts
            .iter()
            .any(|d| d.cue.is_some_and(|c| c.overlaps(span)));
        let nested = drafts.iter().any(|d| d.span().contains(span));
        // A phrase may also be a noun's (`his support for`, `Vell's attacks
        // on`), its possessor the speaker.
        let owned = last > first && self.possessor_before(t, first);
        // Words that are as often nouns (`cited`, `calls`, `notes`) are left
        // to the learned classifier here, which reads the words around them.
        if used || !(owned || self.verb_slot(t, first, paragraph, false)) {
            return;
        }
        // With no content to give it, a cue word makes no statement.
        let cue_start = self.modifiers_before(t, first);
        if self.learned_content(t, last, kind, cue_start).is_none() {
            return;
        }
        // Inside another statement's content (`Vell said the report cited
        // ...`) a cue word is read with that in view.
        let inside = nested.then(|| {
            let word = self.word(t, first).unwrap_or("").to_lowercase();
            ["nested".to_string(), format!("nested|w={word}")]
        });
        match self.mode {
            CueModelUse::Collect => {
                let mut features = Vec::new();
                self.phrase_features(t, (first, last, precision), kind, infl, &mut |f| {
                    features.push(f.to_string())
                });
                features.extend(inside.into_iter().flatten());
                let lead = t.get(cue_start).map_or(span, |x| x.span);
                self.candidates.push((lead.cover(span), features));
            }
            CueModelUse::Apply | CueModelUse::CollectCuts => {
                let mut score = lexicon::CueScore::default();
                self.phrase_features(t, (first, last, precision), kind, infl, &mut |f| {
                    score.add(f)
                });
                for f in inside.iter().flatten() {
                    score.add(f);
                }
                if score.is_cue() {
                    self.learned_cue(t, first, last, kind, paragraph);
                }
            }
        }
    }

    /// The statements the rules drafted in this unit (`from..to`), read by
    /// the learned veto ([`train::CueClassifier`] trained on rule cues):
    /// those whose cue word scores as almost surely no cue are dropped.
    fn review_rule_drafts(&mut self, t: &[Tok], from: usize, to: usize) {
        let mut dropped = Vec::new();
        for n in from..to {
            // Quotes are kept (their marks are evidence enough), and so are
            // sourceless reports (`it was revealed that`), rare in training.
            let Some(cue) = self
                .drafts
                .get(n)
                .filter(|d| d.form == Form::Indirect && d.speaker.is_some())
                .and_then(|d| d.cue)
            else {
                continue;
            };
            // The cue word itself, not a day or colon the cue ends with
            // (`said Thursday`, `said:`).
            let Some(last) = t.iter().position(|x| x.span.end == cue.end) else {
                continue;
            };
            let i = (0..=last)
                .rev()
                .take_while(|&k| t.get(k).is_some_and(|x| x.span.start >= cue.start))
                .find(|&k| matches!(Self::class(t, k), Some(WordClass::Cue(..))))
                .unwrap_or(last);
            let (kind, infl) = match t.get(i).map(|x| x.kind) {
                Some(Kind::Word(Some(WordClass::Cue(kind, infl)))) => (kind, infl),
                Some(Kind::Word(_)) => {
                    let w = self.word(t, i).unwrap_or("").to_ascii_lowercase();
                    (CueKind::Speech, lexicon::guess_inflection(&w))
                }
                _ => continue,
            };
            match self.mode {
                CueModelUse::Collect => {
                    let mut features = Vec::new();
                    self.cue_features(t, i, kind, infl, &mut |f| features.push(f.to_string()));
                    self.reviewed.push((cue, features));
                }
                CueModelUse::Apply | CueModelUse::CollectCuts => {
                    // `..., the foreign ministry said on Thursday.`: the plain
                    // reporting verbs after their content are what the rules
                    // are surest of; the veto is for the rest.
                    let plain_report = matches!(
                        self.word(t, i).map(str::to_ascii_lowercase).as_deref(),
                        Some("said" | "says" | "told" | "tells")
                    ) && self
                        .drafts
                        .get(n)
                        .is_some_and(|d| d.cue.is_some_and(|c| d.span().end <= c.start));
                    let mut score = lexicon::VetoScore::rule();
                    self.cue_features(t, i, kind, infl, &mut |f| score.add(f));
                    if score.vetoed() && !plain_report {
                        dropped.push(n);
                    }
                }
            }
        }
        for n in dropped.into_iter().rev() {
            if n < self.drafts.len() {
                self.drafts.remove(n);
            }
        }
    }

    /// Tokens `first..=last` as a cue with the auxiliaries and adverbs
    /// before them, the noun phrase before those as its speaker and the clause
    /// after it (or, closing its sentence, the clause before the speaker)
    /// as its content.
    fn learned_cue(
        &mut self,
        t: &[Tok],
        first: usize,
        last: usize,
        kind: CueKind,
        paragraph: usize,
    ) {
        let Some(cue_tok) = t.get(last) else { return };
        let cue_start = self.modifiers_before(t, first);
        let Some(lead) = t.get(cue_start) else {
            return;
        };
        // `a list of Russian demands`: after a people's adjective the cue
        // word is a noun, not a verb with a subject.
        let demonym = cue_start.checked_sub(1).is_some_and(|j| {
            self.capitalized(t, j)
                && self
                    .word(t, j)
                    .is_some_and(|w| ["ian", "ese", "ish"].iter().any(|e| w.ends_with(e)))
        });
        if demonym {
            return;
        }
        let cue = Span::new(lead.span.start, cue_tok.span.end);
        // `he was asked if ...`: the subject of a passive cue is not its
        // source; with `seemed`, `was named` it is part of the content
        // (`Vell … to agree`, `Vell … the winner`).
        let subject = self.learned_speaker(t, first, cue_start, true);
        let raised = self.passive(t, cue_start, first) || self.raising(t, first);
        let (speaker, src_start) = match subject {
            Some(_) if raised => (None, None),
            Some((a, b)) => (Self::span_of(t, a, b), Some(a)),
            None => (None, None),
        };
        match self.learned_content(t, last, kind, cue_start) {
            Some(LearnedContent::After(from)) => {
                let to = self.content_end(t, from);
                let (cue, from) = match self.cue_preposition(t, last, from, to) {
                    Some(p) => (Span::new(cue.start, p.end), from + 1),
                    None => (cue, from),
                };
                let n = self.drafts.len();
                let done = self.content_draft(t, from, to, Some(cue), speaker, None, paragraph);
                if let (true, Some(a)) = (done && !self.is(t, from, "that"), src_start) {
                    self.relative_object(t, a);
                }
                let clause = self.is(t, from, "that")
                    || matches!(t.get(from).map(|x| x.kind), Some(Kind::Quote(_)))
                    || [
                        "if", "whether", "what", "how", "why", "who", "when", "where", "about",
                    ]
                    .iter()
                    .any(|w| self.is(t, from, w));
                // `It seems unfair that ...`, `it seems the talks ...`: an
                // empty `it` says nothing (`it appeared to hold` does).
                let empty_it = |a: usize, b: usize| {
                    a == b
                        && self.is(t, a, "it")
                        && self.raising(t, first)
                        && !self.is(t, from, "to")
                };
                let subject = subject
                    .filter(|&(a, _)| !matches!(Self::class(t, a), Some(WordClass::Pronoun { .. }) if self.is(t, a, "who")))
                    .filter(|&(a, b)| !empty_it(a, b))
                    .and_then(|(a, b)| Self::span_of(t, a, b));
                if let (true, false, Some(subject), Some(d)) =
                    (done && raised, clause, subject, self.drafts.get_mut(n))
                {
                    if d.fragments.first().is_some_and(|f| f.start >= subject.end) {
                        d.fragments.insert(0, subject);
                    }
                }
            }
            Some(LearnedContent::Before) => {
                if let Some(to) = src_start.and_then(|a| a.checked_sub(1)) {
                    self.before_content(t, to, Some(cue), speaker, last + 1, paragraph);
                }
            }
            None => {}
        }
    }

    /// The preposition right after cue word `i` that opens its content
    /// (`from..=to`) and that PolNeAR counts as part of the cue: `about`,
    /// `of`, `with`, `on`, `against`, `upon`, and `to` before a noun phrase
    /// (`pointed to his record`, not `vowed to fight`).
    fn cue_preposition(&self, t: &[Tok], i: usize, from: usize, to: usize) -> Option<Span> {
        if from != i + 1 || to <= from {
            return None;
        }
        // `said about half of ...` is a number, not the topic.
        let approximate = self.is(t, from, "about")
            && self.word(t, from + 1).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        w.to_ascii_lowercase().as_str(),
                        "half" | "two" | "three" | "four" | "five" | "ten" | "a" | "one"
                    )
            });
        let plain = !approximate
            && ["about", "of", "with", "on", "against", "upon", "for"]
                .iter()
                .any(|p| self.is(t, from, p));
        let to_np = self.is(t, from, "to")
            && (matches!(Self::class(t, from + 1), Some(WordClass::Determiner))
                || self.capitalized(t, from + 1)
                || self
                    .word(t, from + 1)
                    .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s")));
        (plain || to_np)
            .then(|| t.get(from).map(|x| x.span))
            .flatten()
    }

    /// `seems`, `appeared`: verbs whose subject belongs to the content.
    fn raising(&self, t: &[Tok], i: usize) -> bool {
        self.word(t, i).is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            w.starts_with("seem") || w.starts_with("appear")
        })
    }

    /// Whether cue word `i` is a participle after a form of `be` among the
    /// modifiers from `cue_start` (`was asked`, `has been told`).
    fn passive(&self, t: &[Tok], cue_start: usize, i: usize) -> bool {
        let participle = matches!(Self::class(t, i), Some(WordClass::Cue(_, Inflection::Past)))
            || self.word(t, i).is_some_and(|w| w.ends_with("ed"));
        participle
            && (cue_start..i).any(|k| {
                ["was", "were", "is", "are", "been", "be", "being"]
                    .iter()
                    .any(|b| self.is(t, k, b))
            })
    }

    /// Whether the phrase `a..=b` right after `who` reads as the relative
    /// clause's own verb (`who spoke said`), not as the subject of a clause
    /// `who` is the object of (`who officials say are`).
    fn verb_after_who(&self, t: &[Tok], a: usize, b: usize) -> bool {
        let people = self.word(t, b).is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            lexicon::is_person_noun(w.strip_suffix('s').unwrap_or(&w))
        });
        !(self.capitalized(t, a)
            || matches!(Self::class(t, a), Some(WordClass::Determiner))
            || people)
    }

    /// `the levy, which he said is unfair`: the relative word before the
    /// speaker (at `src_start`) is the subject of what was said, the first
    /// fragment of the statement just drafted. When what was said has a
    /// subject of its own (`which he said the neighbours would pay for`),
    /// PolNeAR leaves the relative word out (train: 40 of 53).
    fn relative_object(&mut self, t: &[Tok], src_start: usize) {
        let Some(rel) = src_start.checked_sub(1) else {
            return;
        };
        let relative = ["which", "what", "whom", "who"]
            .iter()
            .any(|w| self.is(t, rel, w));
        // `reforms that he said improved the economy`: `that` only when what
        // was said has no subject of its own (else it may be `said that`).
        let that = self.is(t, rel, "that");
        let Some(span) = t.get(rel).map(|x| x.span).filter(|_| relative || that) else {
            return;
        };
        let text = self.text;
        let own_subject = |f: &Span| {
            let first = f.slice(text).split_whitespace().next().unwrap_or("");
            let mut buf = String::new();
            first.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    lexicon::classify(first, &mut buf),
                    Some(WordClass::Determiner | WordClass::Pronoun { .. })
                )
        };
        if let Some(d) = self.drafts.last_mut() {
            let says = d.cue.is_some_and(|c| {
                let w = c.slice(text).rsplit(' ').next().unwrap_or("");
                ["said", "says", "say", "claimed", "claims", "claim"].contains(&w)
            });
            // A quote after `that he said` is no gap (`"I ..."`).
            let quoted = d
                .fragments
                .first()
                .is_some_and(|f| f.slice(text).starts_with(train::is_quote_mark));
            if that && (!says || quoted || d.fragments.first().is_none_or(own_subject)) {
                return;
            }
            if d.fragments.len() == 1 && d.fragments.first().is_some_and(|f| f.start > span.end) {
                // The relative clause ends at its comma: `..., is stalled`
                // is the main clause again.
                if let Some(f) = d.fragments.first_mut() {
                    let body = f.slice(text);
                    let quoted = |c: char| train::is_quote_mark(c);
                    if let Some(at) = body.find(',') {
                        if !body.get(..at).is_some_and(|b| b.contains(quoted)) && at > 0 {
                            f.end = f.start + at;
                        }
                    }
                }
                if !d.fragments.first().is_some_and(own_subject) {
                    d.fragments.insert(0, span);
                }
            }
        }
    }

    /// Where the auxiliaries and adverbs before token `i` start.
    fn modifiers_before(&self, t: &[Tok], i: usize) -> usize {
        let mut j = i;
        while j > 0 && i - j < 3 && self.verb_modifier(t, j - 1) {
            j -= 1;
        }
        j
    }

    /// The speaker of a leftover cue word: the noun phrase before its
    /// modifiers, a relative `which`, or for a gerund the phrase opening
    /// the sentence; `wide`, also a subject set off by commas or before a
    /// coordinated verb. The learned models read the narrow speaker, which
    /// they were first trained with: the wide one made them keep more
    /// doubtful cues (PolNeAR train cue F1 -0.003).
    fn learned_speaker(
        &self,
        t: &[Tok],
        i: usize,
        cue_start: usize,
        wide: bool,
    ) -> Option<(usize, usize)> {
        let j = cue_start.checked_sub(1)?;
        if self.is(t, j, "which") {
            return Some((j, j));
        }
        if let Some((a, b)) = self.backward_np(t, j) {
            // `the ministry on Tuesday wrote`: the day is no speaker.
            let before = if wide { self.day_start(t, a, b) } else { None };
            return match before {
                Some(s) => s.checked_sub(1).and_then(|e| self.backward_np(t, e)),
                None => Some((a, b)),
            };
        }
        // Learned phrases (`supporting`) have no class of their own.
        let gerund = matches!(
            Self::class(t, i),
            Some(WordClass::Cue(_, Inflection::Gerund))
        ) || self
            .word(t, cue_start)
            .is_some_and(|w| w.len() > 5 && w.ends_with("ing"));
        // `..., arguing that`, `and urging`, `before explaining`, `by
        // crediting`: a participle hangs on its clause's subject.
        let hangs = self.comma_like(t, j)
            || matches!(
                Self::class(t, j),
                Some(WordClass::Boundary | WordClass::Preposition)
            );
        if gerund && hangs {
            return self.clause_subject(t, cue_start);
        }
        if !wide {
            return None;
        }
        // `Vell, the organist at the church, remembered ...`; `Vell spoke
        // at the forum and criticized ...`.
        let finite = self.word(t, i).is_some_and(|w| w.ends_with("ed"))
            || matches!(
                Self::class(t, i),
                Some(WordClass::Cue(
                    _,
                    Inflection::Past | Inflection::ThirdSingular
                ))
            );
        if !finite {
            return None;
        }
        if self.comma_like(t, j) {
            return self.appositive_subject(t, j);
        }
        if self.is(t, j, "and") || self.is(t, j, "but") {
            return self
                .subject_before_verb(t, j)
                .or_else(|| self.earlier_speaker(t, j))
                .or_else(|| self.opening_subject(t, j));
        }
        None
    }

    /// The speaker of the latest statement of this unit whose cue comes
    /// before token `j`, as a token range: `Vell said the port had closed
    /// and had no plan to reopen it`.
    fn earlier_speaker(&self, t: &[Tok], j: usize) -> Option<(usize, usize)> {
        let (first, at) = (t.first()?.span.start, t.get(j)?.span.start);
        let speaker = self
            .drafts
            .iter()
            .rev()
            .take_while(|d| d.cue.is_none_or(|c| c.start >= first))
            .find(|d| d.cue.is_some_and(|c| c.end <= at))?
            .speaker?;
        let a = t.iter().position(|x| x.span.start == speaker.start)?;
        let b = t.iter().position(|x| x.span.end == speaker.end)?;
        (a <= b).then_some((a, b))
    }

    /// The subject of the clause a participle at token `cue` hangs on: the
    /// noun phrase opening the sentence after any conjunction or adverb, or
    /// after an opening phrase closed by a comma (`In a letter released
    /// Monday, Vell rejects the plan, arguing ...`; `After visiting the
    /// port, Vell said`). The phrase stops before the verb a bare name runs
    /// into (`Vell began by ...`).
    fn clause_subject(&self, t: &[Tok], cue: usize) -> Option<(usize, usize)> {
        // `ARDEL, Kessia (Reuters) - Vell met ...`: past the dateline.
        let mut k = self.dateline_end(t).filter(|&d| d < cue).unwrap_or(0);
        while k < cue
            && matches!(
                Self::class(t, k),
                Some(WordClass::Boundary | WordClass::Adverb | WordClass::Auxiliary)
            )
        {
            k += 1;
        }
        const OPENERS: [&str; 12] = [
            "after",
            "before",
            "while",
            "when",
            "since",
            "in",
            "on",
            "at",
            "during",
            "following",
            "despite",
            "amid",
        ];
        let opened = matches!(Self::class(t, k), Some(WordClass::Preposition))
            || self
                .word(t, k)
                .is_some_and(|w| OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)));
        if opened {
            let comma = (k + 1..t.len()).find(|&m| self.comma_like(t, m))?;
            k = comma + 1;
        }
        if k == cue || !matches!(t.get(k).map(|x| x.kind), Some(Kind::Word(_))) {
            return None;
        }
        // `His water minister, Sela Marrow, went further, telling ...`: a
        // possessive opens the phrase, an appositive name closes it.
        let possessive = self.word(t, k).is_some_and(Self::possessive_pronoun);
        let (a, mut b) = if possessive {
            (k, self.forward_np(t, k + 1)?.1)
        } else {
            self.forward_np(t, k)?
        };
        let appositive = self.capitalized(t, b + 2)
            || matches!(Self::class(t, b + 2), Some(WordClass::Determiner));
        if self.comma_like(t, b + 1) && appositive {
            if let Some((_, d)) = self.forward_np(t, b + 2) {
                if self.comma_like(t, d + 1) && d < cue {
                    b = d;
                }
            }
        }
        // A name runs into its verb (`Vell began`), a noun into a past
        // form (`the senator rejected`).
        if let Some(m) = (a + 1..=b).find(|&m| {
            let Some(w) = self.word(t, m) else {
                return false;
            };
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            lower
                && Self::class(t, m).is_none()
                && ((self.capitalized(t, m - 1) && Self::class(t, m - 1).is_none())
                    || w.ends_with("ed"))
        }) {
            b = m - 1;
        }
        // The subject is before the participle, or right after the
        // opening phrase that holds it.
        let placed = b < cue || (opened && a > cue);
        (placed && !self.is(t, a, "it")).then_some((a, b))
    }

    /// Where the content of a leftover cue word lies.
    fn learned_content(
        &self,
        t: &[Tok],
        i: usize,
        kind: CueKind,
        cue_start: usize,
    ) -> Option<LearnedContent> {
        if let Some(from) = self.content_start(t, i + 1, kind) {
            return Some(LearnedContent::After(from));
        }
        // `hopes to win`, `seemed to agree`: the infinitive.
        if self.is(t, i + 1, "to")
            && matches!(Self::class(t, i + 2), None | Some(WordClass::Cue(..)))
        {
            return Some(LearnedContent::After(i + 1));
        }
        // `..., the poll found.`
        let closes = matches!(
            t.get(i + 1).map(|x| x.kind),
            None | Some(Kind::Punct('.' | '!' | '?'))
        );
        let speaker_start = self.learned_speaker(t, i, cue_start, false).map(|(a, _)| a);
        let comma_before = speaker_start
            .and_then(|a| a.checked_sub(1))
            .is_some_and(|k| k > 0 && self.comma_like(t, k));
        (closes && comma_before).then_some(LearnedContent::Before)
    }

    /// Token `k` as the learned models read it: a lowercased word, `Cap`
    /// for an unknown capitalized word, `0` for a number, `Q` for a quote,
    /// the mark itself for punctuation, `^` before the unit and `$` after.
    /// A short ASCII word is lowercased into `buf` rather than a new string.
    fn feature_token<'b>(
        &self,
        t: &[Tok],
        k: Option<usize>,
        buf: &'b mut [u8; 24],
    ) -> std::borrow::Cow<'b, str>
    where
        'a: 'b,
    {
        use std::borrow::Cow;
        let Some(k) = k else {
            return Cow::Borrowed("^");
        };
        match t.get(k).map(|x| x.kind) {
            None => Cow::Borrowed("$"),
            Some(Kind::Quote(_)) => Cow::Borrowed("Q"),
            Some(Kind::Punct(_)) => Cow::Borrowed(t.get(k).map_or("", |x| x.span.slice(self.text))),
            Some(Kind::Word(class)) => {
                let w: &'a str = t.get(k).map_or("", |x| x.span.slice(self.text));
                let first = w.chars().next();
                match class {
                    None if first.is_some_and(char::is_uppercase) => Cow::Borrowed("Cap"),
                    None if first.is_some_and(|c| c.is_ascii_digit()) => Cow::Borrowed("0"),
                    _ if w.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'') => {
                        Cow::Borrowed(w)
                    }
                    _ if w.is_ascii() && w.len() <= buf.len() => {
                        let Some(out) = buf.get_mut(..w.len()) else {
                            return Cow::Owned(w.to_ascii_lowercase());
                        };
                        out.copy_from_slice(w.as_bytes());
                        out.make_ascii_lowercase();
                        // ASCII stays valid UTF-8 when lowercased.
                        Cow::Borrowed(std::str::from_utf8(out).unwrap_or(w))
                    }
                    _ => Cow::Owned(w.to_lowercase().replace('’', "'")),
                }
            }
        }
    }

    /// What the cue classifier reads about cue word `i`: the word, its
    /// neighbours, and what the rules would find around it.
    fn cue_features(
        &self,
        t: &[Tok],
        i: usize,
        kind: CueKind,
        infl: Inflection,
        sink: &mut dyn FnMut(&str),
    ) {
        self.phrase_features(t, (i, i, None), kind, infl, sink);
    }

    /// [`Self::cue_features`] of the cue words `first..=last`: a learned
    /// phrase reads as its precision in tenths (`phrase2`), so that what
    /// is learned of one phrase carries over to others.
    fn phrase_features(
        &self,
        t: &[Tok],
        (first, last, precision): (usize, usize, Option<f64>),
        kind: CueKind,
        infl: Inflection,
        sink: &mut dyn FnMut(&str),
    ) {
        use std::fmt::Write as _;
        let i = first;
        let mut bufs = [[0; 24]; 5];
        let [b_w, b_p1, b_p2, b_n1, b_n2] = &mut bufs;
        let w = match precision {
            None => self.feature_token(t, Some(i), b_w),
            Some(p) => std::borrow::Cow::Owned(format!("phrase{}", (p * 10.0) as u32)),
        };
        let p1 = self.feature_token(t, i.checked_sub(1), b_p1);
        let p2 = self.feature_token(t, i.checked_sub(2), b_p2);
        let n1 = self.feature_token(t, Some(last + 1), b_n1);
        let n2 = self.feature_token(t, Some(last + 2), b_n2);
        let j = self.modifiers_before(t, i);
        let subject = match j.checked_sub(1).map(|k| (k, Self::class(t, k))) {
            None => "none",
            Some((_, Some(WordClass::Pronoun { .. }))) => "pronoun",
            Some((k, _)) if self.comma_like(t, k) => "comma",
            Some((k, _)) if self.backward_np(t, k).is_some() => "np",
            Some(_) => "other",
        };
        let speaker = if self.learned_speaker(t, i, j, false).is_some() {
            "found"
        } else {
            "none"
        };
        let content = match self.learned_content(t, last, kind, j) {
            None => "none",
            Some(LearnedContent::Before) => "before",
            Some(LearnedContent::After(c)) if self.is(t, c, "that") => "that",
            Some(LearnedContent::After(c)) if self.is(t, c, "to") => "to",
            Some(LearnedContent::After(c))
                if matches!(t.get(c).map(|x| x.kind), Some(Kind::Quote(_))) =>
            {
                "quote"
            }
            Some(LearnedContent::After(c)) if c == last + 1 => "next",
            Some(LearnedContent::After(_)) => "later",
        };
        let quotes = t.iter().any(|x| matches!(x.kind, Kind::Quote(_)));
        let mut buf = String::with_capacity(48);
        let mut emit = |args: std::fmt::Arguments| {
            buf.clear();
            // Writing to a String cannot fail.
            let _ = buf.write_fmt(args);
            sink(&buf);
        };
        emit(format_args!("bias"));
        emit(format_args!("w={w}"));
        emit(format_args!("kind={kind:?}"));
        emit(format_args!("infl={infl:?}"));
        emit(format_args!("p1={p1}"));
        emit(format_args!("n1={n1}"));
        emit(format_args!("p2={p2}"));
        emit(format_args!("n2={n2}"));
        emit(format_args!("w|n1={w}|{n1}"));
        emit(format_args!("p1|w={p1}|{w}"));
        emit(format_args!("subj={subject}"));
        emit(format_args!("content={content}"));
        emit(format_args!("subj|content={subject}|{content}"));
        emit(format_args!("speaker={speaker}"));
        emit(format_args!("w|subj={w}|{subject}"));
        emit(format_args!("w|content={w}|{content}"));
        emit(format_args!("mods={}", (i - j).min(2)));
        emit(format_args!("passive={}", self.passive(t, j, i)));
        emit(format_args!("quotes={quotes}"));
        emit(format_args!("first={}", i == 0));
        if last > first {
            emit(format_args!("phrase"));
            emit(format_args!("owned={}", self.possessor_before(t, first)));
            emit(format_args!("phrase|content={content}"));
        }
    }

    /// A paragraph opening with a speaker's name and a colon (transcripts,
    /// `Vell: Talks Are Over` headlines): the rest of the paragraph is theirs.
    fn speaker_turn(&mut self, unit: Span, para: Span, paragraph: usize) -> bool {
        // A transcript turn inside a quoted block: `"VELL: We will wait.`
        let body = unit.slice(self.text);
        let head = body.as_bytes().get(..body.len().min(64)).unwrap_or(&[]);
        if !head.contains(&b':') {
            return false;
        }
        let lead = body
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '“' | '\'' | '‘'))
            .map_or(0, char::len_utf8);
        let unit = if lead > 0
            && body
                .get(lead..)
                .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
        {
            let colon = body.get(..body.len().min(48)).and_then(|h| h.find(':'));
            match colon {
                Some(c)
                    if body.get(lead..c).is_some_and(|name| {
                        name.split_whitespace().count() <= 4
                            && name
                                .split_whitespace()
                                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    }) =>
                {
                    Span::new(unit.start + lead, unit.end)
                }
                _ => return false,
            }
        } else {
            unit
        };
        let pieces = self.pieces;
        if lead > 0 {
            // The block's own quote marks would hide the name; read it bare.
            self.pieces = &[];
        }
        // The colon is among the first six tokens and the turn needs three
        // after it: nine tokens decide.
        let mut t = std::mem::take(&mut self.tokens);
        self.tokenize(unit, 9, &mut t);
        self.pieces = pieces;
        let turn = self.speaker_turn_tokens(&t, lead, para, paragraph);
        self.tokens = t;
        turn
    }

    /// [`Self::speaker_turn`] on the first tokens `t` of the paragraph.
    fn speaker_turn_tokens(
        &mut self,
        t: &[Tok],
        lead: usize,
        para: Span,
        paragraph: usize,
    ) -> bool {
        let Some(colon) = t.iter().take(6).position(|x| x.kind == Kind::Punct(':')) else {
            return false;
        };
        if colon == 0
            || !(0..colon).all(|k| self.capitalized(t, k) || matches!(Self::punct(t, k), Some('.')))
        {
            return false;
        }
        // `The Latest: ...`, `The Week Ahead: ...`: a rubric, not a speaker;
        // so are `Correction:`, `Editor's note:`, `Breaking:`.
        if colon > 1 && self.is(t, 0, "the") {
            return false;
        }
        let label = t
            .get(..colon)
            .and_then(|words| Some(Span::new(words.first()?.span.start, words.last()?.span.end)))
            .map(|s| s.slice(self.text).to_lowercase().replace('’', "'"));
        if label.is_some_and(|l| RUBRICS.contains(&l.as_str())) {
            return false;
        }
        let Some(next) = t.get(colon + 1) else {
            return false;
        };
        if matches!(next.kind, Kind::Quote(_)) || colon + 3 > t.len() {
            return false;
        }
        let mut content = Span::new(next.span.start, para.end);
        // A turn, like a headline, ends before its own full stop in the
        // gold convention (31 turns to 13 on PolNeAR train).
        if content.slice(self.text).ends_with(['.', ';']) {
            content.end -= 1;
        }
        if content.slice(self.text).split_whitespace().count() < 3 {
            return false;
        }
        if self.reports_others(content) {
            self.heading_end = Some(content.start);
            return false;
        }
        let speaker = Self::span_of(t, 0, colon - 1);
        let cue = t.get(colon).map(|x| x.span);
        if lead > 0 {
            for p in self.pieces.iter().filter(|p| p.span.overlaps(content)) {
                if let Some(c) = self.claimed.get_mut(p.quote) {
                    *c = true;
                }
            }
        }
        let form = if self.pieces.iter().any(|p| content.contains(p.span)) {
            Form::Mixed
        } else {
            Form::Indirect
        };
        for p in self.pieces.iter().filter(|p| content.contains(p.span)) {
            if let Some(c) = self.claimed.get_mut(p.quote) {
                *c = true;
            }
        }
        self.drafts.push(Draft {
            fragments: vec![content],
            form,
            cue,
            speaker,
            relative_head: None,
            inherits: None,
            paragraph,
        });
        true
    }

    /// Whether `content` attributes words to someone itself (`"...,"
    /// Vell said`, `according to`): then the `Name:` before it is a
    /// section heading (`Funding: ...`), not the speaker of a turn.
    fn reports_others(&mut self, content: Span) -> bool {
        let mut t = Vec::new();
        self.tokenize(content, 200, &mut t);
        (0..t.len()).any(|k| {
            if self.is(&t, k, "according") && self.is(&t, k + 1, "to") {
                return true;
            }
            if !matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_))) {
                return false;
            }
            (k + 2..(k + 7).min(t.len())).any(|c| {
                matches!(
                    Self::class(&t, c),
                    Some(WordClass::Cue(
                        CueKind::Speech,
                        Inflection::Past | Inflection::ThirdSingular
                    ))
                ) && (k + 1..c).all(|w| matches!(t.get(w).map(|x| x.kind), Some(Kind::Word(_))))
            })
        })
    }

    /// `"We will not sign." ― Anya Vell`
    fn trailing_dash(&mut self, t: &[Tok], paragraph: usize) {
        let Some(Kind::Quote(piece)) = t.first().map(|x| x.kind) else {
            return;
        };
        if !matches!(Self::punct(t, 1), Some('―' | '—' | '–' | '-')) || !self.capitalized(t, 2)
        {
            return;
        }
        let Some((a, b)) = self.forward_np(t, 2) else {
            return;
        };
        if !matches!(
            t.get(b + 1).map(|x| x.kind),
            None | Some(Kind::Punct('.' | ','))
        ) {
            return;
        }
        let cue = t.get(1).map(|x| x.span);
        self.push_quote_draft(piece, cue, Self::span_of(t, a, b), None, paragraph);
    }

    /// `Vell: "We will not sign."` (headline style), `Vell ― "We will not."`.
    fn colon_cue(&mut self, t: &[Tok], paragraph: usize) {
        let Some(colon) = t
            .iter()
            .take(8)
            .position(|x| matches!(x.kind, Kind::Punct(':' | '―')))
        else {
            return;
        };
        let Some(Kind::Quote(piece)) = t.get(colon + 1).map(|x| x.kind) else {
            return;
        };
        if colon == 0 || !self.capitalized(t, 0) {
            return;
        }
        let Some((a, b)) = self.forward_np(t, 0) else {
            return;
        };
        if b + 1 != colon || a != 0 {
            return;
        }
        let Some(cue) = t.get(colon).map(|x| x.span) else {
            return;
        };
        self.push_quote_draft(piece, Some(cue), Self::span_of(t, a, b), None, paragraph);
    }

    fn push_quote_draft(
        &mut self,
        piece: usize,
        cue: Option<Span>,
        speaker: Option<Span>,
        inherits: Option<usize>,
        paragraph: usize,
    ) {
        let Some(p) = self.pieces.get(piece) else {
            return;
        };
        let q = p.quote;
        if self.claimed.get(q).copied().unwrap_or(true) {
            return;
        }
        let fragments = self.quote_fragments(q);
        let form = self.quote_form(piece);
        if let Some(c) = self.claimed.get_mut(q) {
            *c = true;
        }
        self.drafts.push(Draft {
            fragments,
            form,
            cue,
            speaker,
            relative_head: None,
            inherits,
            paragraph,
        });
    }

    fn quote_fragments(&self, q: usize) -> Vec<Span> {
        self.quotations
            .get(q)
            .map(|qu| {
                qu.pieces
                    .iter()
                    .filter_map(|&p| self.pieces.get(p).map(|x| x.span))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Direct when the quote reads as a sentence, partial for a few words.
    fn quote_form(&self, piece: usize) -> Form {
        let Some(p) = self.pieces.get(piece) else {
            return Form::Partial;
        };
        let body = p.span.slice(self.text);
        // Past the opening mark, `''` (two apostrophes) included.
        let first_upper = body
            .trim_start_matches(|c: char| train::is_quote_mark(c) || c == '\'' || c == '‘')
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let last = self.quote_inner_last(piece);
        let ends_sentence = matches!(last, Some('.' | '!' | '?' | ','));
        if (first_upper && ends_sentence) || self.quote_words(piece) >= 8 {
            Form::Direct
        } else {
            Form::Partial
        }
    }

    fn according(&mut self, t: &[Tok], i: usize, paragraph: usize) {
        let Some(cue) = Self::span_of(t, i, i + 1) else {
            return;
        };
        let Some((a, mut b)) = self.forward_np(t, i + 2) else {
            return;
        };
        // `according to a report by the council,`: the source runs to the comma.
        // `a Times/CBS News survey`, `Democratic and independent analysts`.
        let joiner = |k: usize| matches!(Self::punct(t, k), Some('/' | '&' | '-'));
        if let Some(comma) =
            (b + 1..(b + 10).min(t.len())).find(|&k| Self::punct(t, k).is_some() && !joiner(k))
        {
            let plain = (b + 1..comma).all(|k| {
                joiner(k)
                    || self.is(t, k, "and")
                    || matches!(
                        Self::class(t, k),
                        None | Some(WordClass::Preposition | WordClass::Determiner)
                    )
            });
            if matches!(Self::punct(t, comma), Some(',' | '.' | ';' | ')')) && plain {
                b = comma - 1;
            }
        }
        let lead = i == 0 || (i == 1 && matches!(Self::class(t, 0), Some(WordClass::Boundary)));
        // `According to early results of a poll conducted by the institute,
        // ...`: opening the sentence, the source runs to the first comma.
        if lead && Self::punct(t, b + 1) != Some(',') {
            let comma = (b + 1..(b + 25).min(t.len())).find(|&k| {
                Self::punct(t, k).is_some()
                    || matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_)))
            });
            if let Some(k) = comma.filter(|&k| Self::punct(t, k) == Some(',')) {
                b = k - 1;
            }
        }
        let speaker = Self::span_of(t, a, b);
        if !lead && self.according_inside(t, i, b, cue, speaker, paragraph) {
            return;
        }
        let (from, to) = if lead && Self::punct(t, b + 1) == Some(',') {
            (b + 2, t.len().saturating_sub(1))
        } else if i >= 2 && (self.comma_like(t, i - 1) || Self::punct(t, i - 1) == Some('(')) {
            (0, i - 1)
        } else if i >= 1 {
            (0, i.saturating_sub(1))
        } else {
            return;
        };
        if !self.content_draft(t, from, to, Some(cue), speaker, None, paragraph) && from == 0 {
            self.nested_according(t, to, cue, speaker, paragraph);
        }
    }

    /// `Since last November, according to the group, forces have killed
    /// ...`: an `according to` phrase (cue at `i`, source ending at `b`)
    /// set off by commas inside its sentence. When what comes before it is
    /// no clause of its own (no verb), or what follows goes on with a verb
    /// (`Other cleavages, according to X, include ...`), the content is
    /// both sides; after a bare connective (`But, according to X, ...`),
    /// only what follows. Whether a statement was made.
    fn according_inside(
        &mut self,
        t: &[Tok],
        i: usize,
        b: usize,
        cue: Span,
        speaker: Option<Span>,
        paragraph: usize,
    ) -> bool {
        let resumes = Self::punct(t, b + 1) == Some(',')
            && matches!(t.get(b + 2).map(|x| x.kind), Some(Kind::Word(_)));
        if i < 2 || Self::punct(t, i - 1) != Some(',') || !resumes {
            return false;
        }
        let before = 0..i - 1;
        if before
            .clone()
            .any(|k| matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_))))
        {
            return false;
        }
        let connective = CONNECTIVES
            .iter()
            .chain(&["but", "and", "yet", "so", "because", "in addition"])
            .any(|c| self.phrase_at(t, 0, c) == Some(i - 1));
        if connective {
            let to = self.content_end(t, b + 2);
            return self.content_draft(t, b + 2, to, Some(cue), speaker, None, paragraph);
        }
        let clause_before = before.into_iter().any(|k| self.verb_like(t, k));
        let verb_after = matches!(Self::class(t, b + 2), Some(WordClass::Auxiliary));
        let goes_on = !Self::marked(t, b + 2, lexicon::MARK_CUT);
        if clause_before && !verb_after || !goes_on {
            return false;
        }
        self.before_content(t, i - 1, Some(cue), speaker, b + 1, paragraph)
    }

    /// `"Q," Vell said, according to the council.`: the source after
    /// `according to` reports the whole attribution before it (tokens
    /// `0..=to`), a statement already drafted.
    fn nested_according(
        &mut self,
        t: &[Tok],
        to: usize,
        cue: Span,
        speaker: Option<Span>,
        paragraph: usize,
    ) {
        let mut to = to;
        while to > 0 && matches!(Self::punct(t, to), Some(',' | '(' | '―' | '—' | '–' | '-'))
        {
            to -= 1;
        }
        let nested = self.drafts.iter().rev().take(4).any(|d| {
            d.paragraph == paragraph
                && d.cue.is_some()
                && t.first().is_some_and(|x| x.span.start <= d.span().start)
                && t.get(to).is_some_and(|x| d.span().end <= x.span.end)
        });
        let Some(content) = Self::span_of(t, 0, to).filter(|_| nested && to >= 2) else {
            return;
        };
        self.drafts.push(Draft {
            fragments: vec![content],
            form: Form::Mixed,
            cue: Some(cue),
            speaker,
            relative_head: None,
            inherits: None,
            paragraph,
        });
    }

    /// `In a Dorrow Institute poll released Monday, 40 percent backed Vell`
    /// / `Vell leads in the polls.`: a poll or survey is the source, `in`
    /// the cue, the clause after the comma (or before `in`) the content.
    fn in_poll(&mut self, t: &[Tok], i: usize, paragraph: usize) -> bool {
        const EVIDENCE: [&str; 8] = [
            "poll", "polls", "survey", "surveys", "study", "analysis", "census", "tally",
        ];
        let evidence = |k: usize| EVIDENCE.iter().any(|w| self.is(t, k, w));
        let lead = i == 0 || (i == 1 && matches!(Self::class(t, 0), Some(WordClass::Boundary)));
        let cue = t.get(i).map(|x| x.span);
        if lead {
            // `a CNN/ORC poll`, `an NBC News/Wall Street Journal poll`: a slash
            // or ampersand joins two names.
            let Some(comma) = (i + 1..(i + 20).min(t.len())).find(|&k| {
                Self::punct(t, k).is_some_and(|c| !matches!(c, '/' | '&'))
                    || matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_)))
            }) else {
                return false;
            };
            if Self::punct(t, comma) != Some(',') || !(i + 1..comma).any(evidence) || comma < i + 2
            {
                return false;
            }
            let speaker = Self::span_of(t, i + 1, comma - 1);
            // `In a Dorrow poll, conducted in May, Vell led ...`: the
            // participle's phrase describes the poll.
            let participle = self.word(t, comma + 1).is_some_and(|w| {
                w.len() > 4
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && (w.ends_with("ed") || w == "taken")
            });
            let from = match (comma + 2..(comma + 14).min(t.len())).find(|&k| {
                Self::punct(t, k).is_some()
                    || matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_)))
            }) {
                Some(k) if participle && Self::punct(t, k) == Some(',') => k + 1,
                _ => comma + 1,
            };
            let to = self.content_end(t, from);
            return self.content_draft(t, from, to, cue, speaker, None, paragraph);
        }
        // `... in the polls.`: the phrase closes the sentence.
        let Some((a, b)) = self.forward_np(t, i + 1) else {
            return false;
        };
        let closes = matches!(
            t.get(b + 1).map(|x| x.kind),
            None | Some(Kind::Punct('.' | '!' | '?'))
        );
        if !closes || !(a..=b).any(evidence) || i < 2 {
            return false;
        }
        let speaker = Self::span_of(t, a, b);
        let from = (0..i)
            .rev()
            .find(|&k| matches!(Self::punct(t, k), Some(';' | ':')))
            .map_or(0, |k| k + 1);
        self.content_draft(t, from, i - 1, cue, speaker, None, paragraph)
    }

    /// `The council is expected to vote on Friday`: nobody named expects it;
    /// the content is the subject and the infinitive around the cue.
    fn raised_subject(&mut self, t: &[Tok], i: usize, cue_start: usize, paragraph: usize) {
        let expected = self
            .word(t, i)
            .is_some_and(|w| w.eq_ignore_ascii_case("expected"));
        if !expected || !self.is(t, i + 1, "to") || cue_start == 0 {
            return;
        }
        let Some((a, b)) = self.backward_np(t, cue_start - 1) else {
            return;
        };
        let (Some(cue), Some(subject)) = (Self::span_of(t, cue_start, i), Self::span_of(t, a, b))
        else {
            return;
        };
        let end = self.content_end(t, i + 1);
        let n = self.drafts.len();
        if self.content_draft(t, i + 1, end, Some(cue), None, None, paragraph) {
            if let Some(d) = self.drafts.get_mut(n) {
                d.fragments.insert(0, subject);
            }
        }
    }

    /// `Asked (by Vell) whether the talks failed, ...`: a question put by the
    /// reporter or the `by` phrase, its content running to the comma.
    fn asked(&mut self, t: &[Tok], paragraph: usize) {
        let Some(cue) = t.first().map(|x| x.span) else {
            return;
        };
        let mut k = 1;
        let mut speaker = None;
        if self.is(t, 1, "by") {
            let Some((a, b)) = self.forward_np(t, 2) else {
                return;
            };
            speaker = Self::span_of(t, a, b);
            k = b + 1;
        }
        const QUESTION: [&str; 9] = [
            "whether", "if", "what", "how", "why", "who", "when", "where", "about",
        ];
        if !QUESTION.iter().any(|q| self.is(t, k, q)) {
            return;
        }
        let Some(comma) = (k + 1..t.len()).find(|&m| Self::punct(t, m) == Some(',')) else {
            return;
        };
        self.content_draft(t, k, comma - 1, Some(cue), speaker, None, paragraph);
    }

    /// Builds a statement whose content is tokens `from..=to` (trailing
    /// punctuation dropped).
    #[allow(clippy::too_many_arguments)]
    fn content_draft(
        &mut self,
        t: &[Tok],
        from: usize,
        to: usize,
        cue: Option<Span>,
        speaker: Option<Span>,
        relative_head: Option<Span>,
        paragraph: usize,
    ) -> bool {
        let to = self.trimmed_end(t, from, to);
        // `Still, the port ...`, `In fact, ...`: a discourse connective
        // opening the sentence is no part of what is said.
        let mut from = from;
        if from == 0 {
            for connective in CONNECTIVES {
                let Some(n) = self.phrase_at(t, from, connective) else {
                    continue;
                };
                if Self::punct(t, from + n) == Some(',') && from + n < to {
                    from += n + 1;
                    break;
                }
            }
        }
        if from > to || Self::punct(t, to).is_some() && from == to {
            return false;
        }
        let quotes: Vec<usize> = (from..=to)
            .filter_map(|k| match t.get(k).map(|x| x.kind) {
                Some(Kind::Quote(p)) => Some(p),
                _ => None,
            })
            .collect();
        // A quote an `According to X,` statement took whole may also be
        // what the speaker inside it says (`According to X, Y said that
        // ... "Q" ...`).
        let nested_in_according = |piece: &QuotePiece| {
            self.drafts.iter().rev().take(4).any(|d| {
                d.span().contains(piece.span)
                    && d.cue.is_some_and(|c| {
                        c.slice(self.text)
                            .get(..9)
                            .is_some_and(|w| w.eq_ignore_ascii_case("according"))
                    })
                    && t.get(from).is_some_and(|x| d.span().contains(x.span))
            })
        };
        // So may a quote a whole statement inside this content took (`X
        // told Y that "Q," said one official`): that statement nests. Not
        // under a pronoun (`..., she said`), most often the inner speaker.
        let range = match (t.get(from), t.get(to)) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        };
        let other_speaker = || {
            speaker.is_some_and(|s| {
                let w = s.slice(self.text);
                !["he", "she", "they", "it", "we", "i"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
        };
        let nested_inside = |piece: &QuotePiece| {
            other_speaker()
                && self.drafts.iter().rev().take(4).any(|d| {
                    d.span().contains(piece.span)
                        && d.cue.is_some_and(|c| range.contains(c))
                        && d.speaker.is_some_and(|s| range.contains(s))
                })
        };
        if quotes.iter().any(|&p| {
            self.pieces.get(p).is_none_or(|x| {
                self.claimed.get(x.quote).copied().unwrap_or(true)
                    && !nested_in_according(x)
                    && !nested_inside(x)
            })
        }) {
            return false;
        }
        let words = to + 1 - from;
        // One word is content only as a name or an object pronoun
        // (`criticized Vell`, `denied it`).
        let single_object = words == 1
            && (self.capitalized(t, from) && Self::class(t, from).is_none()
                || ["him", "her", "them", "it", "that", "this"]
                    .iter()
                    .any(|w| self.is(t, from, w)))
            // not inside what another statement says
            && !t.get(from).is_some_and(|x| {
                self.drafts
                    .iter()
                    .rev()
                    .take(4)
                    .any(|d| d.span().contains(x.span))
            });
        if quotes.is_empty() && words < 2 && !single_object {
            return false;
        }
        let (fragments, form) = if quotes.len() == words {
            let mut frags = Vec::new();
            for &p in &quotes {
                if let Some(q) = self.pieces.get(p).map(|x| x.quote) {
                    frags.extend(self.quote_fragments(q));
                }
            }
            frags.sort();
            frags.dedup();
            let form = quotes.first().map_or(Form::Direct, |&p| self.quote_form(p));
            (frags, form)
        } else {
            let Some(mut span) = Self::span_of(t, from, to) else {
                return false;
            };
            // `... in the U.S.`, `... in Everett, Mass.` closing the
            // sentence: PolNeAR keeps the abbreviation's period.
            if let Some(end) = self.abbreviation_end(t, to) {
                span = Span::new(span.start, end);
            }
            let mut frags = vec![span];
            // A multi-paragraph quote at the end of the content carries on.
            if let Some(&last) = quotes.last() {
                if let Some(q) = self.pieces.get(last).map(|x| x.quote) {
                    for f in self.quote_fragments(q) {
                        if f.start >= span.end {
                            frags.push(f);
                        }
                    }
                }
            }
            (
                frags,
                if quotes.is_empty() {
                    Form::Indirect
                } else {
                    Form::Mixed
                },
            )
        };
        for &p in &quotes {
            if let Some(q) = self.pieces.get(p).map(|x| x.quote) {
                if let Some(c) = self.claimed.get_mut(q) {
                    *c = true;
                }
            }
        }
        self.drafts.push(Draft {
            fragments,
            form,
            cue,
            speaker,
            relative_head,
            inherits: None,
            paragraph,
        });
        true
    }

    /// Where content that starts at `from` ends: where the rules end it,
    /// or earlier where the learned content cut stops it (`..., throwing`,
    /// `... at a news conference`).
    fn content_end(&mut self, t: &[Tok], from: usize) -> usize {
        let end = self.rule_content_end(t, from);
        let lead = self.clause_lead(t, from);
        // The last cue word the content runs over, found once for every
        // place the cut reads.
        let last_cue = (from..=end).rev().find(|&j| {
            matches!(Self::class(t, j), Some(WordClass::Cue(..))) || self.noun_cue(t, j)
        });
        // For each token, the stretch from it up to the next comma: its
        // length and whether a verb is in it (one pass, read by every place).
        let mut stretch = vec![(0usize, false); end + 2 - from.min(end + 1)];
        for m in (from..=end).rev() {
            let next = stretch.get(m + 1 - from).copied().unwrap_or_default();
            if let Some(s) = stretch.get_mut(m - from) {
                *s = if self.comma_like(t, m) {
                    (0, false)
                } else {
                    (next.0 + 1, next.1 || self.verb_like(t, m))
                };
            }
        }
        // Each place with what the content before it holds.
        let places = (from..=end)
            .scan(CutPlace::default(), |state, k| {
                let (until, verb_after) = stretch.get(k + 1 - from).copied().unwrap_or_default();
                let here = (
                    k,
                    CutPlace {
                        until,
                        verb_after,
                        ..*state
                    },
                );
                if self.comma_like(t, k) {
                    state.commas += 1;
                    state.since = 0;
                } else {
                    state.since += 1;
                }
                match Self::punct(t, k) {
                    Some('(') => state.open = true,
                    Some(')') => state.open = false,
                    _ => {}
                }
                state.verb = state.verb || self.verb_like(t, k);
                Some(here)
            })
            .filter(|&(k, _)| {
                (k >= from + 2 || k == from + 1 && self.single_object(t, from))
                    && self.cut_place(t, k)
            });
        match self.mode {
            CueModelUse::Apply => {
                for (k, place) in places {
                    let mut score = lexicon::CutScore::default();
                    self.cut_features(t, (from, lead), k, (end, last_cue), place, &mut |f| {
                        score.add(f)
                    });
                    if score.cuts() {
                        return k - 1;
                    }
                }
                end
            }
            CueModelUse::Collect | CueModelUse::CollectCuts => {
                let (Some(start), Some(rule_end)) = (
                    t.get(from).map(|x| x.span.start),
                    self.content_end_byte(t, from, end),
                ) else {
                    return end;
                };
                let seen = self
                    .cut_candidates
                    .iter()
                    .any(|c| c.start == start && c.rule_end == rule_end);
                if seen {
                    return end;
                }
                let mut cuts = Vec::new();
                for (k, place) in places.collect::<Vec<_>>() {
                    let Some(at) = self.content_end_byte(t, from, k - 1) else {
                        continue;
                    };
                    let mut features = Vec::new();
                    self.cut_features(t, (from, lead), k, (end, last_cue), place, &mut |f| {
                        features.push(f.concat())
                    });
                    cuts.push((at, features));
                }
                self.cut_candidates.push(ContentCutCandidate {
                    start,
                    rule_end,
                    cuts,
                });
                end
            }
        }
    }

    /// Whether token `k` alone can be a content the cut may end after it
    /// (`endorsed Vell in May`, `thanked him for ...`): a name or an object
    /// pronoun, not a word that opens a longer phrase (`one`, `this`).
    fn single_object(&self, t: &[Tok], k: usize) -> bool {
        self.capitalized(t, k)
            || self.word(t, k).is_some_and(|w| {
                ["him", "her", "them", "it", "us", "me"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
    }

    /// Whether the learned content cut looks at the place before token `k`:
    /// a clause or phrase break (punctuation, a conjunction, a preposition,
    /// a day: `endorsed Vell on Thursday`, `attacked Vell Thursday`).
    fn cut_place(&self, t: &[Tok], k: usize) -> bool {
        match t.get(k).map(|x| x.kind) {
            // A hyphen left hanging on its word (`low- and middle-income`,
            // `Trans- Pacific`) is no dash.
            Some(Kind::Punct('-')) => t.get(k).is_some_and(|x| {
                self.text
                    .get(..x.span.start)
                    .and_then(|b| b.chars().next_back())
                    .is_none_or(char::is_whitespace)
            }),
            Some(Kind::Punct(c)) => matches!(c, ',' | '―' | '—' | '–' | ';' | ':' | '('),
            Some(Kind::Word(_)) if Self::marked(t, k, lexicon::MARK_CUT) => {
                self.word(t, k).is_some_and(|w| {
                    w.len() <= 10 && CUT_WORDS.contains(&w)
                        || WEEKDAYS.iter().any(|d| w.eq_ignore_ascii_case(d))
                })
            }
            _ => false,
        }
    }

    /// A conjunction no content ends with, left before a parenthetical tag
    /// (`... $11 billion and, records show, ...`).
    fn dangling_conjunction(&self, t: &[Tok], k: usize) -> bool {
        ["and", "or", "but"].iter().any(|w| self.is(t, k, w))
    }

    /// The last token of content `from..=to` once trailing punctuation, a
    /// dangling conjunction and an unopened `)` are dropped (never before
    /// `from`).
    fn trimmed_end(&self, t: &[Tok], from: usize, to: usize) -> usize {
        let mut to = to.min(t.len().saturating_sub(1));
        while to > from {
            let unopened_paren = Self::punct(t, to) == Some(')')
                && !(from..to).any(|k| Self::punct(t, k) == Some('('));
            let trailing = matches!(
                Self::punct(t, to),
                Some('.' | ',' | ';' | ':' | '!' | '?' | '―' | '—' | '–' | '-' | '(')
            ) || self.dangling_conjunction(t, to);
            if !(trailing || unopened_paren) {
                break;
            }
            to -= 1;
        }
        to
    }

    /// The end byte of content `from..=to` as [`Self::content_draft`] trims it.
    fn content_end_byte(&self, t: &[Tok], from: usize, to: usize) -> Option<usize> {
        let to = self.trimmed_end(t, from, to);
        let end = t.get(to)?.span.end;
        Some(self.abbreviation_end(t, to).unwrap_or(end))
    }

    /// Where content ending with word `to` ends when that word is an
    /// abbreviation whose period may also end the sentence (`U.S.`,
    /// `Mass.`): with the period.
    fn abbreviation_end(&self, t: &[Tok], to: usize) -> Option<usize> {
        let tok = t.get(to)?;
        let word = tok.span.slice(self.text);
        if !matches!(tok.kind, Kind::Word(_)) {
            return None;
        }
        if word.ends_with('.') {
            return Some(tok.span.end);
        }
        let abbreviation =
            word.contains('.') || backchannel_segment::lexicon::is_abbreviation(word);
        let closes = matches!(t.get(to + 2).map(|x| x.kind), None | Some(Kind::Quote(_)));
        (abbreviation && Self::punct(t, to + 1) == Some('.') && closes).then(|| tok.span.end + 1)
    }

    /// Whether token `k` looks like a verb, so that content holding it is
    /// likely a whole clause: an auxiliary, a cue word, a contraction
    /// (`he'd`) or a lower-case word ending in `-ed`.
    fn verb_like(&self, t: &[Tok], k: usize) -> bool {
        match t.get(k).map(|x| x.kind) {
            Some(Kind::Word(Some(WordClass::Auxiliary | WordClass::Cue(..)))) => true,
            Some(Kind::Word(_)) => self.word(t, k).is_some_and(|w| {
                let lower = w.starts_with(|c: char| c.is_lowercase());
                lower && (w.len() > 4 && w.ends_with("ed") || w.contains(['\'', '’']))
            }),
            _ => false,
        }
    }

    /// What the learned content cut reads about stopping content `from..`
    /// (which the rules end at `end`, its last cue word at `last_cue`) before
    /// token `k`, given what the content before `k` holds. Each feature
    /// comes as the parts of its name, so that scoring formats nothing.
    fn cut_features(
        &self,
        t: &[Tok],
        (from, lead): (usize, &str),
        k: usize,
        (end, last_cue): (usize, Option<usize>),
        place: CutPlace,
        sink: &mut dyn FnMut(&[&str]),
    ) {
        let CutPlace {
            commas,
            open,
            verb,
            since,
            until,
            verb_after,
        } = place;
        let coarse = |k: usize| match t.get(k).map(|x| x.kind) {
            None => "end",
            Some(Kind::Quote(_)) => "quote",
            Some(Kind::Punct(_)) => "punct",
            Some(Kind::Word(Some(WordClass::Cue(..)))) => "cue",
            Some(Kind::Word(Some(WordClass::Pronoun { .. }))) => "pronoun",
            Some(Kind::Word(Some(WordClass::Auxiliary))) => "aux",
            Some(Kind::Word(Some(WordClass::Adverb))) => "adverb",
            Some(Kind::Word(Some(WordClass::Determiner))) => "det",
            Some(Kind::Word(Some(_))) => "function",
            Some(Kind::Word(None)) if self.capitalized(t, k) => "cap",
            Some(Kind::Word(None)) if self.word(t, k).is_some_and(|w| w.ends_with("ing")) => "ing",
            Some(Kind::Word(None)) => "word",
        };
        let (mut n_buf, mut n2_buf) = ([0; 24], [0; 24]);
        let n = self.feature_token(t, Some(k), &mut n_buf);
        let n = n.as_ref();
        let n2 = self.feature_token(t, Some(k + 1), &mut n2_buf);
        let n2 = n2.as_ref();
        let first = self.word(t, from);
        let wh = [
            "if", "whether", "what", "how", "why", "who", "when", "where",
        ];
        let f = match first {
            Some(w) if w.eq_ignore_ascii_case("that") => "that",
            Some(w) if w.eq_ignore_ascii_case("to") => "to",
            Some(w) if wh.iter().any(|x| w.eq_ignore_ascii_case(x)) => "wh",
            _ => coarse(from),
        };
        let c2 = coarse(k + 1);
        let c3 = coarse(k + 2);
        let bucket = |x: usize| match x {
            0 => "0",
            1 => "1",
            2 => "2",
            3..=4 => "3",
            5..=8 => "5",
            9..=16 => "9",
            _ => "17",
        };
        let len = bucket(k - from);
        let rest = bucket(end + 1 - k);
        let commas = bucket(commas.min(2));
        let open = if open { "true" } else { "false" };
        let np_next = match self.forward_np(t, k + 1) {
            Some((_, b)) => coarse(b + 1),
            None => "none",
        };
        // The word before the content, mostly its cue: `endorsed X in May`
        // ends before `in`, `said X in May ...` often not.
        let mut p_buf = [0; 24];
        let p = self.feature_token(t, from.checked_sub(1), &mut p_buf);
        let p = p.as_ref();
        // How the content itself opens, past a `that`: an opening clause
        // (`that if voters back him, he will ...`) runs on past its comma.
        let opener = from + usize::from(f == "that");
        let mut o_buf = [0; 24];
        let o = self.feature_token(t, Some(opener), &mut o_buf);
        let o = o.as_ref();
        sink(&["bias"]);
        sink(&["o|n|commas=", o, "|", n, "|", commas]);
        sink(&["p|n=", p, "|", n]);
        sink(&["n=", n]);
        sink(&["lead|n=", lead, "|", n]);
        sink(&["lead|n|commas=", lead, "|", n, "|", commas]);
        sink(&["n|n2=", n, "|", n2]);
        sink(&["f|n=", f, "|", n]);
        sink(&["n|c2=", n, "|", c2]);
        sink(&["n|c2|c3=", n, "|", c2, "|", c3]);
        sink(&["len=", len]);
        sink(&["n|len=", n, "|", len]);
        sink(&["rest=", rest]);
        sink(&["n|rest=", n, "|", rest]);
        sink(&["n|commas=", n, "|", commas]);
        sink(&["n|open=", n, "|", open]);
        sink(&["n|np=", n, "|", np_next]);
        sink(&["n|n2|np=", n, "|", n2, "|", np_next]);
        // Another attribution's cue after the place (`..., a position that
        // contradicts X's insistence that ...`): the content likely ends
        // before the words that report someone else.
        let tail_cue = last_cue.is_some_and(|j| j > k);
        sink(&["n|tailcue=", n, "|", if tail_cue { "yes" } else { "no" }]);
        // The word the content would end with: a name or noun closes a
        // phrase (`attacked Vell | in tweets`), a function word does not.
        let l = coarse(k - 1);
        sink(&["n|l=", n, "|", l]);
        let verb = if verb { "yes" } else { "no" };
        sink(&["n|verb=", n, "|", verb]);
        sink(&["f|verb=", f, "|", verb]);
        // The stretch of the sentence around the place, comma to comma: a
        // short aside after it (`, as expected,`) rarely ends content, a
        // clause with its own verb after it often does.
        sink(&["n|since=", n, "|", bucket(since)]);
        sink(&["n|until=", n, "|", bucket(until)]);
        sink(&["n|segverb=", n, "|", if verb_after { "yes" } else { "no" }]);
    }

    /// How the sentence holding content `from..` opens: `sub` when a
    /// subordinating word (`While`, `As`, `Although` ...) opens it and no
    /// comma has closed that clause before the content, so the content's
    /// first comma likely ends it (`While X hints at Y, Z ...`).
    fn clause_lead(&self, t: &[Tok], from: usize) -> &'static str {
        const SUBORDINATORS: [&str; 14] = [
            "while", "as", "although", "though", "if", "when", "after", "since", "because",
            "before", "until", "whereas", "once", "unless",
        ];
        let Some(first) =
            (0..from).find(|&k| matches!(t.get(k).map(|x| x.kind), Some(Kind::Word(_))))
        else {
            return "none";
        };
        let opens = self
            .word(t, first)
            .is_some_and(|w| SUBORDINATORS.iter().any(|s| w.eq_ignore_ascii_case(s)));
        if !opens {
            return "main";
        }
        if (first..from).any(|k| self.comma_like(t, k)) {
            "sub-closed"
        } else {
            "sub"
        }
    }

    /// Where the rules end content that starts at `from`: before `, he said`,
    /// `, adding`, `, according to`, or a cue after a comma-closed clause.
    fn rule_content_end(&self, t: &[Tok], from: usize) -> usize {
        // A quote closed by its own punctuation is the whole content.
        if let Some(Kind::Quote(p)) = t.get(from).map(|x| x.kind) {
            if matches!(self.quote_inner_last(p), Some(',' | '.' | '!' | '?')) {
                return from;
            }
        }
        let mut k = from;
        let mut next = String::new();
        let mut after = String::new();
        let mut key = String::new();
        while k < t.len() {
            // Where gold content usually stops (`, who`, `in an interview`).
            if k > from + 1 && self.learned_end(t, k, &mut next, &mut after, &mut key) {
                return k - 1;
            }
            // `... but noted that ...`: a second cue of the same speaker.
            if k > from + 1 && (self.is(t, k, "but") || self.is(t, k, "and")) {
                let mut c = k + 1;
                while matches!(Self::class(t, c), Some(WordClass::Adverb)) {
                    c += 1;
                }
                if matches!(
                    Self::class(t, c),
                    Some(WordClass::Cue(
                        CueKind::Speech | CueKind::Tell,
                        Inflection::Past | Inflection::ThirdSingular
                    ))
                ) {
                    return k - 1;
                }
            }
            if self.comma_like(t, k) && k > from {
                let next = k + 1;
                let cut = match Self::class(t, next) {
                    Some(WordClass::Cue(..)) => true,
                    _ => {
                        self.is(t, next, "according")
                            || self.is(t, next, "which")
                            || self.clause_with_cue(t, next)
                    }
                };
                if cut {
                    return if matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_))) {
                        k
                    } else {
                        k.saturating_sub(1)
                    };
                }
            }
            k += 1;
        }
        t.len().saturating_sub(1)
    }

    /// Whether the learned content-end model stops content before token `k`.
    fn learned_end(
        &self,
        t: &[Tok],
        k: usize,
        next: &mut String,
        after: &mut String,
        key: &mut String,
    ) -> bool {
        if matches!(t.get(k).map(|x| x.kind), Some(Kind::Word(_)))
            && !lexicon::content_ends_before_words()
        {
            return false;
        }
        let raw = |k: usize| match t.get(k).map(|x| x.kind) {
            Some(Kind::Quote(_)) => Some("\""),
            Some(_) => t.get(k).map(|x| x.span.slice(self.text)),
            None => None,
        };
        let Some(first) = raw(k) else {
            return false;
        };
        train::boundary_token(first, next);
        let second = if next == "\"" { None } else { raw(k + 1) };
        let second = second.map(|w| {
            train::boundary_token(w, after);
            after.as_str()
        });
        lexicon::content_ends_before(next, second, key)
    }

    /// `he said` / `though she acknowledged ...` starting at token `at`: a
    /// new attribution that ends the content before it.
    fn clause_with_cue(&self, t: &[Tok], at: usize) -> bool {
        const CONJ: [&str; 8] = [
            "though", "although", "but", "while", "and", "as", "because", "whereas",
        ];
        let conj = CONJ.iter().any(|c| self.is(t, at, c));
        let np = if conj { at + 1 } else { at };
        self.forward_np(t, np).is_some_and(|(_, b)| {
            let mut c = b + 1;
            while matches!(
                Self::class(t, c),
                Some(WordClass::Adverb | WordClass::Auxiliary)
            ) {
                c += 1;
            }
            matches!(Self::class(t, c), Some(WordClass::Cue(..)))
                && (conj || matches!(t.get(c + 1).map(|x| x.kind), None | Some(Kind::Punct(_))))
        })
    }

    #[allow(clippy::too_many_arguments)]
    /// Nouns of saying before a `that` clause (`the ministry's claim that`).
    fn noun_cue(&self, t: &[Tok], i: usize) -> bool {
        if !Self::marked(t, i, lexicon::MARK_RULE) {
            return false;
        }
        let Some(w) = self.word(t, i) else {
            return false;
        };
        self.is(t, i + 1, "that")
            && w.chars().next().is_some_and(char::is_lowercase)
            && NOUN_CUES.iter().any(|n| w.eq_ignore_ascii_case(n))
    }

    /// Nouns of saying before an `of` phrase that holds what was said
    /// (`Vell's accusations of bad faith`, `the official claims of
    /// blamelessness`), owned by a possessor or marked as a stated line.
    fn noun_of_cue(&self, t: &[Tok], i: usize) -> bool {
        if !Self::marked(t, i, lexicon::MARK_RULE) {
            return false;
        }
        let Some(w) = self.word(t, i) else {
            return false;
        };
        if !(self.is(t, i + 1, "of") && NOUN_OF_CUES.contains(&w)) {
            return false;
        }
        // `Vell's repeated denials of`, `the official claims of`.
        (i.saturating_sub(2)..i).any(|k| {
            self.word(t, k).is_some_and(|p| {
                p.ends_with("'s")
                    || p.ends_with("’s")
                    || ["official", "public", "his", "her", "their", "its"].contains(&p)
            })
        })
    }

    /// A [`Self::noun_of_cue`] statement: the cue is the noun with its `of`
    /// (as PolNeAR marks `accusations of`), the content what follows.
    fn noun_of_statement(&mut self, t: &[Tok], i: usize, paragraph: usize) {
        let before = self.drafts.len();
        self.noun_statement_from(t, i, i + 2, paragraph);
        let of = t.get(i + 1).map(|x| x.span);
        // The content is the noun phrase after `of`: it stops where the
        // sentence's own verb starts (`denials of any role have not ...`).
        let verb = (i + 2..t.len())
            .take_while(|&k| matches!(t.get(k).map(|x| x.kind), Some(Kind::Word(_))))
            .find(|&k| {
                k > i + 2
                    && !(self.is(t, k, "and") || self.is(t, k, "or"))
                    && matches!(
                        Self::class(t, k),
                        Some(WordClass::Auxiliary | WordClass::Cue(..) | WordClass::Boundary)
                    )
            })
            .and_then(|k| t.get(k - 1))
            .map(|x| x.span.end);
        self.stated_noun_speaker(t, i, before);
        if let Some(d) = self.drafts.get_mut(before..).and_then(|d| d.last_mut()) {
            if let Some(of) = of {
                d.cue = d.cue.map(|c| c.cover(of));
            }
            if let Some(end) = verb {
                for f in &mut d.fragments {
                    f.end = f.end.min(end);
                }
                d.fragments.retain(|f| f.start < f.end);
            }
        }
    }

    /// `Vell's claim that ...`, `the State Department statement that ...`:
    /// the possessor or the naming modifier is the speaker, when there is one.
    fn noun_statement(&mut self, t: &[Tok], i: usize, paragraph: usize) {
        let before = self.drafts.len();
        self.noun_statement_from(t, i, i + 1, paragraph);
        self.stated_noun_speaker(t, i, before);
    }

    /// `the official claims of ...`, `the public assertion that ...`: a
    /// stated line, so the phrase speaks (as `The official line` does)
    /// rather than a noun phrase before it, unless a possessor owns it. Sets
    /// the speaker of the statement drafted last since `before`.
    fn stated_noun_speaker(&mut self, t: &[Tok], i: usize, before: usize) {
        let Some(adjective) = i.checked_sub(1) else {
            return;
        };
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        let stated = ["official", "public"]
            .iter()
            .any(|a| self.is(t, adjective, a))
            && !(i.saturating_sub(3)..i).any(|k| self.word(t, k).is_some_and(possessive));
        if !stated {
            return;
        }
        let lead = match adjective.checked_sub(1) {
            Some(d) if matches!(Self::class(t, d), Some(WordClass::Determiner)) => d,
            _ => adjective,
        };
        self.phrase_speaks(before, Self::span_of(t, lead, i));
    }

    /// `Ostravia's position is that ...`, `The official line in Varnholm,
    /// repeated on Monday, is that ...`: a stated position (token `i`) and
    /// the `that` opening what it holds, after an optional aside or place.
    fn position_that(&self, t: &[Tok], i: usize) -> Option<usize> {
        if !Self::marked(t, i, lexicon::MARK_RULE) {
            return None;
        }
        const COPULAS: [&str; 4] = ["is", "was", "remains", "remained"];
        let w = self.word(t, i)?;
        if !POSITION_NOUNS.contains(&w) {
            return None;
        }
        let mut k = i;
        if Self::punct(t, i + 1) == Some(',') {
            k = (i + 2..(i + 14).min(t.len())).find(|&m| Self::punct(t, m) == Some(','))?;
        } else if matches!(Self::class(t, i + 1), Some(WordClass::Preposition)) {
            k = (i + 1..(i + 5).min(t.len()))
                .take_while(|&m| {
                    matches!(t.get(m).map(|x| x.kind), Some(Kind::Word(_)))
                        && !COPULAS.iter().any(|c| self.is(t, m, c))
                })
                .last()?;
        }
        let copula = k + 1;
        let copular = COPULAS.iter().any(|c| self.is(t, copula, c));
        (copular && self.is(t, copula + 1, "that")).then_some(copula + 1)
    }

    /// A stated position: its possessor speaks, or else the position
    /// phrase itself (`The official line in Varnholm`).
    fn position_statement(&mut self, t: &[Tok], i: usize, that: usize, paragraph: usize) {
        let before = self.drafts.len();
        self.noun_statement_from(t, i, that, paragraph);
        let start = self.backward_np(t, i).map_or(i, |(a, _)| a);
        let mut end = that.saturating_sub(2);
        if Self::punct(t, end) == Some(',') {
            end = i;
        }
        self.phrase_speaks(before, Self::span_of(t, start, end));
    }

    /// Makes `phrase` the speaker of the statement drafted last since
    /// `before`, unless a possessor (`Vell's position`) already speaks.
    fn phrase_speaks(&mut self, before: usize, phrase: Option<Span>) {
        let text = self.text;
        if let Some(d) = self.drafts.get_mut(before..).and_then(|d| d.last_mut()) {
            let possessor = d.speaker.is_some_and(|sp| {
                let w = sp.slice(text);
                w.ends_with("'s") || w.ends_with("’s")
            });
            if !possessor {
                d.speaker = phrase;
            }
        }
    }

    fn noun_statement_from(&mut self, t: &[Tok], i: usize, from: usize, paragraph: usize) {
        let cue = t.get(i).map(|x| x.span);
        let speaker = i.checked_sub(1).and_then(|p| {
            let is_possessive = |k: usize| {
                self.word(t, k)
                    .is_some_and(|w| w.ends_with("’s") || w.ends_with("'s"))
            };
            // `Kallas's public insistence that`: the possessor stands
            // before up to two plain modifiers.
            let p = (p.saturating_sub(2)..=p)
                .rev()
                .take_while(|&k| {
                    k == p
                        || self.word(t, k + 1).is_some_and(|w| {
                            w.bytes().all(|b| b.is_ascii_lowercase()) && !is_possessive(k + 1)
                        }) && matches!(Self::class(t, k + 1), None | Some(WordClass::Cue(..)))
                })
                .find(|&k| is_possessive(k))
                .unwrap_or(p);
            let w = self.word(t, p)?;
            let possessive = w.ends_with("’s") || w.ends_with("'s");
            if possessive && self.capitalized(t, p) {
                // A named possessor is its capitalised run, not the clause
                // before it (`The move contradicts Kallas's`).
                let mut a = p;
                while a > 0
                    && self.capitalized(t, a - 1)
                    && !is_possessive(a - 1)
                    && t.get(a - 1).zip(t.get(a)).is_some_and(|(x, y)| {
                        self.text
                            .get(x.span.end..y.span.start)
                            .is_some_and(|g| g.trim().is_empty())
                    })
                {
                    a -= 1;
                }
                return Self::span_of(t, a, p);
            }
            if possessive
                && w.chars().next().is_some_and(char::is_lowercase)
                && self.backward_np(t, p).is_none()
            {
                return None;
            }
            let (mut a, b) = self.backward_np(t, p)?;
            // `reminiscent of the State Department statement`: after the last `of`.
            if let Some(of) = (a..=b).rev().find(|&k| self.is(t, k, "of")) {
                a = of + 1;
            }
            // `Vell faced allegations that ...`: a past verb ends the phrase.
            let verb = (a..=b).rev().find(|&k| {
                self.word(t, k).is_some_and(|w| {
                    w.len() > 4 && w.ends_with("ed") && w.bytes().all(|c| c.is_ascii_lowercase())
                })
            });
            if let Some(v) = verb {
                if v >= b {
                    return None;
                }
                a = v + 1;
            }
            let named = (a..=b).any(|k| self.capitalized(t, k) && k > 0);
            if !(possessive || named || (a..=b).any(|k| self.capitalized(t, k))) {
                return None;
            }
            Self::span_of(t, a, b)
        });
        let to = self.content_end(t, from);
        self.content_draft(t, from, to, cue, speaker, None, paragraph);
    }

    /// A learned multiword cue starting at token `i` in a verb position:
    /// the index of its last word, with its kind and inflection.
    fn learned_phrase(&self, t: &[Tok], i: usize) -> Option<(usize, CueKind, Inflection)> {
        if !Self::marked(t, i, lexicon::MARK_LEARNED) {
            return None;
        }
        let w = self.word(t, i)?;
        if w.len() > 12 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let phrases = lexicon::learned_phrases().get(w)?;
        let found = phrases.iter().find(|p| {
            p.rest.iter().enumerate().all(|(k, r)| {
                self.word(t, i + 1 + k)
                    .is_some_and(|x| x.eq_ignore_ascii_case(r))
            })
        })?;
        if !self.verb_position(t, i, 1) {
            return None;
        }
        Some((i + found.rest.len(), found.kind, found.inflection))
    }

    /// `placed all the blame on`, `pinned the blame for ... on`: a position
    /// taken on who is at fault, held by the subject. The index of the
    /// `on`/`for` that opens what is blamed.
    fn laid_blame(&self, t: &[Tok], i: usize) -> Option<usize> {
        if !Self::marked(t, i, lexicon::MARK_RULE) {
            return None;
        }
        let w = self.word(t, i)?;
        if !BLAME_VERBS.contains(&w) || !self.verb_position(t, i, 1) {
            return None;
        }
        let blame = (i + 1..(i + 5).min(t.len()))
            .take_while(|&k| {
                [
                    "all", "the", "most", "much", "some", "full", "entire", "blame",
                ]
                .iter()
                .any(|x| self.is(t, k, x))
            })
            .find(|&k| self.is(t, k, "blame"))?;
        let mut on = blame + 1;
        if self.is(t, on, "squarely") {
            on += 1;
        }
        (self.is(t, on, "on") || self.is(t, on, "for")).then_some(on)
    }

    /// `made clear` / `made it clear`: the index of `clear`.
    fn made_clear(&self, t: &[Tok], i: usize) -> Option<usize> {
        if !Self::marked(t, i, lexicon::MARK_RULE) {
            return None;
        }
        let w = self.word(t, i)?;
        if !MAKE_FORMS.iter().any(|m| w.eq_ignore_ascii_case(m)) {
            return None;
        }
        if self.is(t, i + 1, "clear") {
            Some(i + 1)
        } else if self.is(t, i + 1, "it") && self.is(t, i + 2, "clear") {
            Some(i + 2)
        } else {
            None
        }
    }

    fn cue(
        &mut self,
        t: &[Tok],
        i: usize,
        kind: CueKind,
        infl: Inflection,
        paragraph: usize,
        first_draft: usize,
    ) {
        self.cue_with_lead(t, i, i, kind, infl, paragraph, first_draft);
    }

    /// A cue ending at token `i` and starting at `lead` (`made it clear`).
    #[allow(clippy::too_many_arguments)]
    fn cue_with_lead(
        &mut self,
        t: &[Tok],
        i: usize,
        lead: usize,
        kind: CueKind,
        infl: Inflection,
        paragraph: usize,
        first_draft: usize,
    ) {
        let text = self.text;
        let Some(cue_tok) = t.get(i) else { return };
        if lead == i && !self.verb_position(t, i, paragraph) {
            return;
        }
        // `Sanders asked rhetorically, ...`: an adverb closing the clause is
        // part of the cue.
        let closing_adverb = self.word(t, i + 1).is_some_and(|w| {
            w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase())
        }) && (i + 2 == t.len()
            || matches!(Self::punct(t, i + 2), Some(',' | '.')));
        if lead == i && closing_adverb {
            self.cue_with_lead(t, i + 1, i, kind, infl, paragraph, first_draft);
            return;
        }
        // `has said`, `was revealed`: the auxiliary belongs to the cue.
        // PolNeAR's cue takes in auxiliaries and adverbs before the verb
        // (`has also said`, `is demanding`, `cynically dismissed`).
        let mut cue_start = lead;
        while cue_start > 0 && lead - cue_start < 3 && self.verb_modifier(t, cue_start - 1) {
            cue_start -= 1;
        }
        if cue_start > 0 && self.is(t, cue_start - 1, "to") {
            cue_start = lead;
        }
        let mut cue_end = cue_tok.span.end;
        // `said Friday`, `said:` (before a quote).
        if let Some(next) = t.get(i + 1) {
            let weekday = self.word(t, i + 1).is_some_and(|w| {
                matches!(
                    w,
                    "Monday"
                        | "Tuesday"
                        | "Wednesday"
                        | "Thursday"
                        | "Friday"
                        | "Saturday"
                        | "Sunday"
                )
            });
            // PolNeAR keeps a colon right after the cue in it, before a
            // quote or not (`explained the headline by saying:`).
            let colon = Self::punct(t, i + 1) == Some(':');
            if weekday || colon {
                cue_end = next.span.end;
            }
            // `said Monday night`
            let part_of_day = weekday
                && self
                    .word(t, i + 2)
                    .is_some_and(|w| matches!(w, "night" | "morning" | "afternoon" | "evening"));
            if let (true, Some(part)) = (part_of_day, t.get(i + 2)) {
                cue_end = part.span.end;
            }
        }
        let mut cue_span = Span::new(
            t.get(cue_start)
                .map_or(cue_tok.span.start, |x| x.span.start),
            cue_end,
        );
        let mut passive = false;
        let passive_it = infl == Inflection::Past && {
            let mut k = i;
            let mut saw_be = false;
            while k > 0 && matches!(Self::class(t, k - 1), Some(WordClass::Auxiliary)) {
                k -= 1;
                let w = self.word(t, k).unwrap_or("").to_ascii_lowercase();
                saw_be |= matches!(
                    w.as_str(),
                    "was" | "is" | "were" | "been" | "be" | "being" | "are"
                );
            }
            passive = saw_be;
            saw_be && k > 0 && self.is(t, k - 1, "it")
        };
        // `things are being said`: the subject is what was said, not who said it.
        if passive && !passive_it {
            self.raised_subject(t, i, cue_start, paragraph);
            return;
        }

        if infl == Inflection::Gerund {
            // A learned phrase (`referring to`) starts at `lead`.
            let progressive = lead > 0
                && matches!(
                    self.word(t, lead - 1)
                        .map(str::to_ascii_lowercase)
                        .as_deref(),
                    Some("is" | "are" | "was" | "were" | "been")
                );
            if !progressive {
                let clause_follows = self.is(t, i + 1, "that")
                    || matches!(t.get(i + 1).map(|x| x.kind), Some(Kind::Quote(_)));
                if lead > 0
                    && (self.comma_like(t, lead - 1)
                        || self.is(t, lead - 1, "by")
                        || clause_follows)
                {
                    let speaker = self
                        .drafts
                        .get(first_draft..)
                        .and_then(|d| d.last())
                        .and_then(|d| d.speaker)
                        .or_else(|| {
                            self.clause_subject(t, lead)
                                .and_then(|(a, b)| Self::span_of(t, a, b))
                        });
                    if speaker.is_some() {
                        // `..., referring to the port deal`: the
                        // preposition joins the cue, its object is the content.
                        let from = self.content_start(t, i + 1, kind).or_else(|| {
                            let to = self.content_end(t, i + 1);
                            self.cue_preposition(t, i, i + 1, to).map(|_| i + 1)
                        });
                        if let Some(from) = from {
                            let to = self.content_end(t, from);
                            let lead_start =
                                t.get(lead).map_or(cue_tok.span.start, |x| x.span.start);
                            let (cue, from) = match self.cue_preposition(t, i, from, to) {
                                Some(p) => (Span::new(lead_start, p.end), from + 1),
                                None => (Span::new(lead_start, cue_tok.span.end), from),
                            };
                            self.content_draft(t, from, to, Some(cue), speaker, None, paragraph);
                        }
                    }
                }
                return;
            }
        }

        // Inverted: `"Q," said Vell` / `..., said the minister.` Never with
        // a verb whose noun phrase after is its object: in `Argan, the
        // minister, told his counterpart that ...` or `The cable, dated
        // March 4, describes the withdrawal as ...` the speaker is before it.
        let tells = self.word(t, i).is_some_and(|w| {
            [
                "told",
                "tells",
                "tell",
                "describes",
                "described",
                "calls",
                "called",
                "urged",
                "urges",
                "accused",
                "accuses",
                "blamed",
                "blames",
            ]
            .iter()
            .any(|v| w.eq_ignore_ascii_case(v))
        });
        // `..., R-Ky., said Tuesday.`: a day after the verb is when, never who.
        let day_next = self.weekday(t, i + 1);
        if i > 0
            && !tells
            && !day_next
            && self.reporting_verb(t, i)
            && (self.comma_like(t, i - 1)
                || matches!(t.get(i - 1).map(|x| x.kind), Some(Kind::Quote(_))))
            && kind != CueKind::Belief
            && !self.subject_with_aside_before(t, i - 1)
        {
            if let Some((a, mut b)) = self.forward_np(t, i + 1) {
                // `said Rep. Ilya Ders (D-Os.)`: the party tag is part of the name.
                if Self::punct(t, b + 1) == Some('(') {
                    if let Some(close) =
                        (b + 2..(b + 9).min(t.len())).find(|&m| Self::punct(t, m) == Some(')'))
                    {
                        b = close;
                    }
                }
                // `said a diplomat who has taken part in the meetings`:
                // the relative clause runs to the end of the sentence.
                let relative_end = self
                    .is(t, b + 1, "who")
                    .then(|| self.appended_phrase_end(t, b + 1, false));
                // `said he.` is a tag; `said it still had` is an object.
                let pronoun = matches!(Self::class(t, a), Some(WordClass::Pronoun { .. }));
                let after_ok = relative_end.is_some()
                    || match t.get(b + 1).map(|x| x.kind) {
                        None => true,
                        Some(Kind::Punct(c)) => {
                            matches!(c, '.' | ',' | ';' | '!' | '?' | '—' | ':')
                        }
                        Some(Kind::Word(Some(
                            WordClass::Preposition | WordClass::Boundary | WordClass::Adverb,
                        ))) => !pronoun,
                        _ => false,
                    };
                // `said one official`, `said spokeswoman Ilya Ders`.
                let counted = self.word(t, a).is_some_and(|w| {
                    matches!(
                        w,
                        "one" | "two" | "three" | "another" | "several" | "many" | "some"
                    ) || lexicon::is_person_noun(w)
                });
                // `said former Gov. Ilya Ders`, `said retired Gen. Vell`,
                // `said former secretary of state Ilya Ders`: a lowercase
                // title before the name.
                let titled = self.word(t, a).is_some_and(|w| w.len() > 3)
                    && Self::class(t, a).is_none()
                    && (a + 1..=b.min(a + 5)).any(|m| self.capitalized(t, m));
                let starts_np = self.capitalized(t, a)
                    || counted
                    || titled
                    || matches!(
                        Self::class(t, a),
                        Some(WordClass::Determiner | WordClass::Pronoun { .. })
                    );
                if after_ok && starts_np {
                    let mut end = relative_end.unwrap_or(b);
                    // `said Vell, a spokesman for the ministry.`
                    // The apposition runs to the end of the sentence (relative
                    // clauses included) unless a quote or a new clause follows.
                    let appos_start =
                        (matches!(Self::class(t, b + 2), Some(WordClass::Determiner) | None)
                            || self.is(t, b + 2, "who"))
                            && self.word(t, b + 2).is_some();
                    if Self::punct(t, b + 1) == Some(',')
                        && appos_start
                        && self.forward_np(t, b + 2).is_some()
                    {
                        end = self.appended_phrase_end(t, b + 2, true);
                    }
                    let speaker = Self::span_of(t, a, end);
                    let content_to = i - 1;
                    let done = self.before_content(
                        t,
                        content_to,
                        Some(cue_span),
                        speaker,
                        end + 1,
                        paragraph,
                    );
                    if done {
                        return;
                    }
                }
            }
        }

        // Speaker before the cue.
        let mut j = cue_start;
        while j > 0 && self.verb_modifier(t, j - 1) && cue_start - j < 3 {
            j -= 1;
        }
        if j == 0 {
            return;
        }
        let j = j - 1;
        let mut relative_head = None;
        let (speaker, src_start) = if passive_it {
            (None, j)
        } else {
            match t.get(j).map(|x| x.kind) {
                Some(Kind::Quote(p))
                    if !self.comma_like(t, j)
                        && !matches!(self.quote_inner_last(p), Some('.' | '!' | '?' | ','))
                        && self.quote_words(p) <= 12 =>
                {
                    // `"a former official" has revealed that ...`
                    let ok = j == 0
                        || self.comma_like(t, j - 1)
                        || matches!(
                            Self::class(t, j - 1),
                            Some(WordClass::Adverb | WordClass::Boundary)
                        );
                    if !ok {
                        return;
                    }
                    if let Some(q) = self.pieces.get(p).map(|x| x.quote) {
                        if let Some(c) = self.claimed.get_mut(q) {
                            *c = true;
                        }
                    }
                    (t.get(j).map(|x| x.span), j)
                }
                Some(Kind::Punct('―' | '—' | '–')) => {
                    // `Vell — after a pause — said`: the phrase between
                    // dashes is an aside, unless it lists who is meant
                    // (`Many delegates — including Vell — said`).
                    let Some(k) = (j.saturating_sub(16)..j)
                        .rev()
                        .find(|&k| matches!(Self::punct(t, k), Some('―' | '—' | '–')))
                    else {
                        return;
                    };
                    let Some((a, _)) = k.checked_sub(1).and_then(|e| self.backward_np(t, e)) else {
                        return;
                    };
                    let listing = [
                        "including",
                        "and",
                        "or",
                        "especially",
                        "notably",
                        "particularly",
                    ]
                    .iter()
                    .any(|w| self.is(t, k + 1, w));
                    let end = if listing { j } else { k - 1 };
                    (Self::span_of(t, a, end), a)
                }
                _ if self.comma_like(t, j) => match self.appositive_subject(t, j) {
                    Some((a, b)) => (Self::span_of(t, a, b), a),
                    None => return,
                },
                _ if matches!(infl, Inflection::Past | Inflection::ThirdSingular)
                    && (self.is(t, j, "and") || self.is(t, j, "but"))
                    && self.backward_np(t, j).is_none() =>
                {
                    match self.coordinated_subject(t, j, first_draft) {
                        Some(span) => (Some(span), j),
                        None => return,
                    }
                }
                _ => 'subject: {
                    let Some((mut a, mut b)) = self.backward_np(t, j) else {
                        return;
                    };
                    // `the ministry on Tuesday said`: the day is no speaker.
                    // `Vell disagreed but on Tuesday wrote`: a coordinated verb.
                    if let Some(before) = self.day_start(t, a, b) {
                        let Some(e) = before.checked_sub(1) else {
                            return;
                        };
                        if self.is(t, e, "and") || self.is(t, e, "but") {
                            match self.coordinated_subject(t, e, first_draft) {
                                Some(span) => break 'subject (Some(span), e),
                                None => return,
                            }
                        }
                        let Some(np) = self.backward_np(t, e) else {
                            return;
                        };
                        (a, b) = np;
                    }
                    // `an official who spoke on condition of anonymity said`:
                    // the noun phrase before the cue is the object of a
                    // preposition inside a relative clause; the speaker is
                    // the phrase the clause hangs on.
                    // So is any phrase ending a `who` clause with no
                    // punctuation in it: `an official who was not authorised
                    // to discuss the matter said`, `a diplomat who took part
                    // in the meetings said`.
                    if a >= 2 && !self.is(t, a, "who") {
                        let relative = (a.saturating_sub(20)..a)
                            .rev()
                            .take_while(|&r| {
                                matches!(t.get(r).map(|x| x.kind), Some(Kind::Word(_)))
                            })
                            .find(|&r| r >= 1 && self.is(t, r, "who"))
                            // `hackers who officials say are ...`: right
                            // after `who`, the phrase is the clause's subject.
                            .filter(|&r| r + 1 < a || self.verb_after_who(t, a, b));
                        if let Some((x, _)) = relative.and_then(|r| self.backward_np(t, r - 1)) {
                            a = x;
                        }
                    }
                    if self.is(t, a, "who")
                        && a == b
                        && a >= 2
                        && Self::punct(t, a - 1) == Some(',')
                    {
                        relative_head = self
                            .backward_np(t, a - 2)
                            .and_then(|(x, y)| Self::span_of(t, x, y));
                    }
                    // `it thinks` is rarely anyone's belief; `it says` is a document's.
                    if self.is(t, a, "it") && a == b && kind == CueKind::Belief {
                        return;
                    }
                    (Self::span_of(t, a, b), a)
                }
            }
        };
        if infl == Inflection::Base {
            let modal = cue_start > 0
                && matches!(Self::class(t, cue_start - 1), Some(WordClass::Auxiliary));
            let plural = speaker.is_some_and(|s| {
                let w = s
                    .slice(text)
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                matches!(w.as_str(), "they" | "we" | "i" | "you")
                    || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            });
            let after_to = cue_start > 0 && self.is(t, cue_start - 1, "to");
            let singular = speaker.is_some_and(|s| {
                let m = s.slice(text).to_ascii_lowercase();
                (m.starts_with("a ") || m.starts_with("an ") || m.starts_with("this ")) && !plural
            });
            if after_to || (!modal && singular) {
                return;
            }
        }
        if passive_it {
            cue_span = cue_tok.span;
        }

        // `Vell said:` closing its paragraph: the quote opening the next one.
        if Self::punct(t, i + 1) == Some(':')
            && i + 2 == t.len()
            && (speaker.is_some() || passive_it)
        {
            let with_colon = t
                .get(i + 1)
                .map_or(cue_span, |c| Span::new(cue_span.start, c.span.end));
            self.pending_colon = Some((with_colon, speaker, paragraph));
            return;
        }
        // Content before: `C, Vell said.` / `"Q," she said, "R."`
        // `"Q1," she told the host, "Q2."`: the quote before the speaker
        // comes first and the one after joins it.
        // Not a programme's name (`Speaking on ABC's "This Week," Vell
        // admitted that ...`): a quote right after a word is no split quote.
        let split = src_start > 0
            && matches!(t.get(src_start - 1).map(|x| x.kind), Some(Kind::Quote(p)) if matches!(self.quote_inner_last(p), Some(',' | '!' | '?')))
            && (src_start < 2
                || !matches!(t.get(src_start - 2).map(|x| x.kind), Some(Kind::Word(_))));
        let after_from = self.content_start(t, i + 1, kind);
        let reporting = kind != CueKind::Belief && self.reporting_verb(t, i);
        // `An economic downturn, he said, "could be a good time to borrow."`:
        // a quote going on in lower case finishes the sentence begun before
        // the parenthetical speaker, and that beginning is content too.
        let resumed_sentence = src_start > 1
            && Self::punct(t, src_start - 1) == Some(',')
            && Self::punct(t, i + 1) == Some(',')
            && after_from == Some(i + 2)
            && matches!(t.get(i + 2).map(|x| x.kind), Some(Kind::Quote(p)) if self.quote_opens_lowercase(p))
            && !t
                .get(..src_start)
                .unwrap_or(&[])
                .iter()
                .any(|x| matches!(x.kind, Kind::Quote(_)));
        if reporting
            && speaker.is_some()
            && src_start > 0
            && (after_from.is_none() || split || resumed_sentence)
            && self.before_content(t, src_start - 1, Some(cue_span), speaker, i + 1, paragraph)
        {
            return;
        }
        // Parenthetical: `So, he said, the talks must go on.`; with a
        // hearer, `Instead, Vell told reporters, the port will stay shut.`
        let tag_end = match (kind, after_from) {
            (CueKind::Tell, None) => self
                .forward_np(t, i + 1)
                .map(|(_, b)| b)
                .filter(|&b| b < i + 6)
                .unwrap_or(i),
            _ => i,
        };
        if reporting
            && after_from.is_none()
            && Self::punct(t, tag_end + 1) == Some(',')
            && matches!(t.get(tag_end + 2).map(|x| x.kind), Some(Kind::Word(_)))
            && (src_start == 0 || self.comma_like(t, src_start - 1))
        {
            let to = self.content_end(t, tag_end + 2);
            self.content_draft(
                t,
                tag_end + 2,
                to,
                Some(cue_span),
                speaker,
                relative_head,
                paragraph,
            );
            return;
        }
        // Content after the cue.
        if let Some(from) = after_from {
            if kind == CueKind::Belief {
                let ok = self.is(t, from, "that")
                    || matches!(
                        Self::class(t, from),
                        Some(WordClass::Pronoun { .. } | WordClass::Determiner)
                    )
                    || self.capitalized(t, from);
                let strong = matches!(
                    self.word(t, i).map(str::to_ascii_lowercase).as_deref(),
                    Some(
                        "found"
                            | "finds"
                            | "showed"
                            | "shows"
                            | "learned"
                            | "learns"
                            | "know"
                            | "knows"
                            | "knew"
                    )
                );
                // `the new poll shows Vell far ahead`: evidence shows a plain object.
                let evidence = speaker.is_some_and(|sp| {
                    let head = sp
                        .slice(text)
                        .rsplit(' ')
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    matches!(
                        head.as_str(),
                        "poll"
                            | "polls"
                            | "survey"
                            | "surveys"
                            | "study"
                            | "data"
                            | "video"
                            | "footage"
                            | "analysis"
                            | "results"
                            | "figures"
                            | "numbers"
                            | "records"
                            | "report"
                    )
                });
                if !ok || (strong && !evidence && !self.is(t, from, "that")) {
                    return;
                }
            }
            let to = self.content_end(t, from);
            // `called Vell on Friday` is a phone call; `called it "a farce"`,
            // `called for`, `called on` are attributions.
            let lower = self.word(t, i).unwrap_or("").to_ascii_lowercase();
            if lower.starts_with("call") {
                let quoted =
                    (from..=to).any(|k| matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_))));
                if !(quoted || self.is(t, from, "for") || self.is(t, from, "on")) {
                    return;
                }
            }
            // `joked about moving`, `agreed with the analysis`: the
            // preposition belongs to the cue, its object is the content.
            let (cue_span, from) = match self.cue_preposition(t, i, from, to) {
                Some(p) => (Span::new(cue_span.start, p.end), from + 1),
                None => (cue_span, from),
            };
            let done = self.content_draft(
                t,
                from,
                to,
                Some(cue_span),
                speaker,
                relative_head,
                paragraph,
            );
            if done && speaker.is_some() && !self.is(t, from, "that") {
                self.relative_object(t, src_start);
            }
            // `"Q," Vell told the council then.`
            if !done && kind != CueKind::Belief && speaker.is_some() && src_start > 0 {
                self.before_content(t, src_start - 1, Some(cue_span), speaker, i + 1, paragraph);
            }
        }
    }

    /// The subject set off by commas before the comma at token `j`:
    /// `Vell, the minister, said`, `Vell, 58, who ..., said`; as a token
    /// range, ending at `j`.
    fn appositive_subject(&self, t: &[Tok], j: usize) -> Option<(usize, usize)> {
        if let Some(subject) = self.subject_after_quote(t, j) {
            return Some(subject);
        }
        // Apposition or relative clause: `Vell, the minister, said`.
        let k = (0..j).rev().find(|&k| self.comma_like(t, k))?;
        // `the envoy, but his deputy, ...` is no apposition.
        if ["but", "and", "or"].iter().any(|w| self.is(t, k + 1, w)) {
            return None;
        }
        // `X, who spoke ...,` or an apposition with its own
        // relative clause: `X, an official who spoke ...,`.
        // `The memo, dated March 3 and addressed to Vell, says`:
        // a participle's clause, its verbs no cue of the speaker.
        let participle = |m: usize| {
            self.word(t, m).is_some_and(|w| {
                w.len() > 4
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && (w.ends_with("ed") || w.ends_with("ing"))
            })
        };
        let relative =
            participle(k + 1) || (k + 1..(k + 7).min(j)).any(|m| self.relative_pronoun(t, m));
        let reach = if relative { 30 } else { 16 };
        let finite_cue = |m: usize| {
            matches!(
                t.get(m).map(|x| x.kind),
                Some(Kind::Word(Some(WordClass::Cue(
                    _,
                    Inflection::Past | Inflection::ThirdSingular
                ))))
            )
        };
        if k == 0 || j - k > reach || (!relative && (k + 1..j).any(finite_cue)) {
            return None;
        }
        // `X, who worked for Y, becoming ...,`, `X, a farmer from Ardel,
        // Kessia,`: an earlier aside (a relative clause, a participle, a
        // place after its town) belongs to the same subject.
        let mut k = k;
        while let Some(prev) = (0..k).rev().find(|&m| self.comma_like(t, m)) {
            let aside = self.relative_pronoun(t, prev + 1)
                || participle(prev + 1)
                || (k == prev + 2 && self.place_after_town(t, prev));
            if prev == 0 || k - prev > 16 || !aside {
                break;
            }
            k = prev;
        }
        // `Vell, the minister, one of the signatories, said`
        // `Vell, 58, who lives ...,`: an age is no head.
        let age = |&(a, b): &(usize, usize)| {
            a == b
                && a > 0
                && self.comma_like(t, a - 1)
                && self
                    .word(t, a)
                    .is_some_and(|w| w.bytes().all(|c| c.is_ascii_digit()))
        };
        // `A diplomat familiar with relations with Vellmar,`: a noun after
        // a preposition belongs to the phrase before it; `X, 33, of Ardel,
        // Kessia,`: with none, it is no head.
        let attached = |(mut a, b): (usize, usize)| {
            while a > 0 && matches!(Self::class(t, a - 1), Some(WordClass::Preposition)) {
                a = self.backward_np(t, a.checked_sub(2)?)?.0;
            }
            Some((a, b))
        };
        let head_before = |k: usize| {
            self.backward_np(t, k - 1)
                .filter(|h| !age(h))
                .and_then(attached)
        };
        let mut head = head_before(k);
        for _ in 0..2 {
            if head.is_some() || k < 2 {
                break;
            }
            let Some(prev) = (0..k).rev().find(|&m| self.comma_like(t, m)) else {
                break;
            };
            if prev == 0 || k - prev > 12 {
                break;
            }
            k = prev;
            head = head_before(k);
        }
        let (a, _) = head?;
        // `Vell Ders, the organist at the church, which ...,`: a
        // described head may be the apposition of a name opening the
        // sentence.
        let described =
            !self.capitalized(t, a) || matches!(Self::class(t, a), Some(WordClass::Determiner));
        let name_like = |m: usize| {
            self.capitalized(t, m) && Self::class(t, m).is_none() && !self.weekday(t, m)
                || matches!(Self::punct(t, m), Some('.' | '\'' | '’'))
        };
        // The name opens the sentence, or follows the quote it speaks
        // (`"Q," Vell Ders, the minister, one of the signatories, said`).
        let name_before = |e: usize| {
            let start = (0..=e).rev().find(|&m| !name_like(m)).map_or(0, |m| m + 1);
            let opens = start == 0
                || start <= e
                    && matches!(t.get(start - 1).map(|x| x.kind), Some(Kind::Quote(_)))
                    && start == 1;
            opens.then_some(start)
        };
        let a = match a.checked_sub(2) {
            Some(e) if described && self.comma_like(t, a - 1) => name_before(e).unwrap_or(a),
            _ => a,
        };
        if self.is(t, k + 1, "which") {
            Some((a, k - 1))
        } else {
            Some((a, j))
        }
    }

    /// The speaker right after the quote it speaks, with everything set off
    /// by commas up to the comma at `j`: `"Q," Ilya Vell, assistant minister
    /// for ports, rail, and roads, said` or `"Q," Mr. Vell, now 81 and
    /// retired in Ardel, Kessia, said`. The asides may hold commas of their
    /// own, since a quote before and the cue after bound them.
    fn subject_after_quote(&self, t: &[Tok], j: usize) -> Option<(usize, usize)> {
        let q = (j.saturating_sub(40)..j)
            .rev()
            .find(|&k| matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_))))?;
        let Some(Kind::Quote(piece)) = t.get(q).map(|x| x.kind) else {
            return None;
        };
        if !matches!(self.quote_inner_last(piece), Some(',' | '?' | '!')) {
            return None;
        }
        let (a, b) = self.forward_np(t, q + 1)?;
        let first_comma = b + 1;
        let named = (a..=b).any(|m| self.capitalized(t, m))
            && !matches!(Self::class(t, a), Some(WordClass::Pronoun { .. }));
        if !named || first_comma >= j || Self::punct(t, first_comma) != Some(',') {
            return None;
        }
        // The asides hold no verb of their own outside a relative clause.
        let mut relative = false;
        for m in first_comma + 1..j {
            match t.get(m).map(|x| x.kind) {
                Some(Kind::Word(Some(
                    WordClass::Auxiliary
                    | WordClass::Cue(_, Inflection::Past | Inflection::ThirdSingular),
                ))) if !relative => return None,
                Some(Kind::Word(_)) => relative |= self.relative_pronoun(t, m),
                Some(Kind::Punct(',' | '.' | '-' | '(' | ')' | '\'' | '’')) => {}
                _ => return None,
            }
        }
        Some((a, j))
    }

    /// Whether token `k` names a day of the week (any case).
    fn weekday(&self, t: &[Tok], k: usize) -> bool {
        self.word(t, k)
            .is_some_and(|w| WEEKDAYS.iter().any(|d| w.eq_ignore_ascii_case(d)))
    }

    /// Whether token `m` is `who` or `whose`, opening a relative clause.
    fn relative_pronoun(&self, t: &[Tok], m: usize) -> bool {
        self.is(t, m, "who") || self.is(t, m, "whose")
    }

    /// Whether tokens `from..to` hold words only, none a finite verb the
    /// lexicon knows (an auxiliary, a past or present cue): a described
    /// apposition (`a delegate from Kessia and head of its port board`)
    /// rather than a clause.
    fn verbless(&self, t: &[Tok], from: usize, to: usize) -> bool {
        (from..to).all(|m| match t.get(m).map(|x| x.kind) {
            Some(Kind::Word(class)) => !matches!(
                class,
                Some(
                    WordClass::Auxiliary
                        | WordClass::Cue(_, Inflection::Past | Inflection::ThirdSingular)
                )
            ),
            Some(Kind::Punct(c)) => matches!(c, '.' | '-' | '\'' | '’'),
            _ => false,
        })
    }

    /// Where the day that tokens `a..=b` name starts, with its `on` (`on
    /// Tuesday`, `on Friday night`); `None` when they name no day.
    fn day_start(&self, t: &[Tok], a: usize, b: usize) -> Option<usize> {
        // `A poll last week found`: PolNeAR keeps other times in the source.
        let day = self.weekday(t, a);
        let part_of_day = (a + 1..=b).all(|m| {
            self.word(t, m)
                .is_some_and(|w| matches!(w, "night" | "morning" | "afternoon" | "evening"))
        });
        (day && part_of_day && b <= a + 1 && a > 0 && self.is(t, a - 1, "on")).then(|| a - 1)
    }

    /// Whether the comma at `comma` sets a region after its town
    /// (`a farmer from Ardel, Kessia,`): a lone capitalized word after it,
    /// a capitalized word before it, a preposition just before that.
    fn place_after_town(&self, t: &[Tok], comma: usize) -> bool {
        self.capitalized(t, comma + 1)
            && Self::class(t, comma + 1).is_none()
            && comma >= 2
            && self.capitalized(t, comma - 1)
            && (comma.saturating_sub(4)..comma - 1).any(|m| {
                ["in", "from", "of", "at", "near", "outside"]
                    .iter()
                    .any(|w| self.is(t, m, w))
            })
    }

    /// Where a phrase appended to an inverted speaker from token `from`
    /// ends (`, a spokesman for the ministry`, `who took part in ...`): at
    /// the end of the sentence or a quote, and, with `new_clause`, before a
    /// comma closing the unit or a gerund cue; trailing punctuation left out.
    fn appended_phrase_end(&self, t: &[Tok], from: usize, new_clause: bool) -> usize {
        let mut e = from;
        while let Some(tok) = t.get(e + 1) {
            match tok.kind {
                Kind::Quote(_) | Kind::Punct('.' | ';' | '?' | '!' | ':') => break,
                Kind::Punct(',')
                    if new_clause
                        && matches!(t.get(e + 2).map(|x| x.kind), Some(Kind::Quote(_)) | None) =>
                {
                    break
                }
                Kind::Word(Some(WordClass::Cue(_, Inflection::Gerund))) if new_clause => break,
                _ => e += 1,
            }
        }
        while e > from && Self::punct(t, e).is_some() {
            e -= 1;
        }
        e
    }

    /// Whether the comma at `comma` closes a subject's relative clause or
    /// aside opening the unit (`An official, who asked not to be named,` /
    /// `Vell, however,`): the cue after it then has its speaker before it,
    /// not after it.
    fn subject_with_aside_before(&self, t: &[Tok], comma: usize) -> bool {
        self.subject_with_asides_before(t, comma, 0)
    }

    /// [`Self::subject_with_aside_before`], `depth` asides in: `Sen. Ilya
    /// Ders, R-Os., speaking after the vote, said ...` has two.
    fn subject_with_asides_before(&self, t: &[Tok], comma: usize, depth: usize) -> bool {
        if Self::punct(t, comma) != Some(',') {
            return false;
        }
        let Some(open) = (0..comma).rev().find(|&k| self.comma_like(t, k)) else {
            return false;
        };
        if open == 0 || comma - open < 2 {
            return false;
        }
        let relative = self.relative_pronoun(t, open + 1);
        // `A Belmarkian official, speaking privately, repeated ...`: a
        // participle opens the aside.
        let participle = comma - open <= 10
            && self.word(t, open + 1).is_some_and(|w| {
                w.len() > 5 && w.ends_with("ing") && w.bytes().all(|b| b.is_ascii_lowercase())
            });
        let aside = participle
            || comma - open <= 4 && {
                let words: Vec<String> = (open + 1..comma)
                    .filter_map(|k| self.word(t, k).map(str::to_ascii_lowercase))
                    .collect();
                words.len() == comma - open - 1 && ASIDES.contains(&words.join(" ").as_str())
            };
        // `Another delegate, Ilya Ders of Kessia, explained ...`: a name or
        // a described noun phrase set off after the subject.
        // So is one with its own relative clause: `Ilya Ders, a veteran
        // of the ministry who retired in 2013, said the plan ...`.
        let described = self.capitalized(t, open + 1)
            || matches!(Self::class(t, open + 1), Some(WordClass::Determiner));
        // `Ilya Ders, chairman of the party committee, said`: a bare title.
        let titled = comma - open <= 12
            && Self::class(t, open + 1).is_none()
            && self.word(t, open + 1).is_some()
            && self.verbless(t, open + 1, comma);
        let apposition = described
            && ((comma - open <= 8
                && self
                    .forward_np(t, open + 1)
                    .is_some_and(|(_, b)| b + 1 == comma))
                || (comma - open <= 30
                    && (open + 2..(open + 10).min(comma)).any(|m| self.relative_pronoun(t, m)))
                || (comma - open <= 20 && self.verbless(t, open + 1, comma)));
        if !relative && !aside && !apposition && !titled {
            return false;
        }
        // A noun phrase with its modifiers opens the unit: no verb, no
        // quote, no other punctuation before the comma; or before an
        // aside of its own.
        let plain = |k: usize| match t.get(k).map(|x| x.kind) {
            Some(Kind::Word(class)) => !matches!(
                class,
                Some(
                    WordClass::Auxiliary
                        | WordClass::Cue(_, Inflection::Past | Inflection::ThirdSingular)
                )
            ),
            Some(Kind::Punct('.' | '-' | '‐' | '\'' | '’')) => true,
            _ => false,
        };
        // `In April 2009, Vell, who ran the fund, wrote`: an opening adjunct.
        if let Some((a, _)) = self.backward_np(t, open - 1) {
            let opening = (0..a).all(plain)
                || Self::punct(t, a - 1) == Some(',')
                    && matches!(Self::class(t, 0), Some(WordClass::Preposition))
                    && (0..a - 1).all(plain);
            if opening && (a..open).all(plain) {
                return true;
            }
        }
        depth < 2 && self.subject_with_asides_before(t, open, depth + 1)
    }

    /// The subject shared by a verb coordinated at `and` (token `j`):
    /// `Vell met the envoys and said ...`. The speaker of a statement found
    /// earlier in the sentence, or else the noun phrase opening the sentence
    /// when a verb follows it.
    fn coordinated_subject(&self, t: &[Tok], j: usize, first_draft: usize) -> Option<Span> {
        if let Some((a, b)) = self.subject_before_verb(t, j) {
            return Self::span_of(t, a, b);
        }
        let and_start = t.get(j)?.span.start;
        let earlier = self
            .drafts
            .get(first_draft..)
            .and_then(|d| {
                d.iter()
                    .rev()
                    .find(|d| d.cue.is_some_and(|c| c.end <= and_start))
            })
            .and_then(|d| d.speaker);
        if earlier.is_some() {
            return earlier;
        }
        self.opening_subject(t, j)
            .and_then(|(a, b)| Self::span_of(t, a, b))
    }

    /// `he laughed and said`: the subject right before the verb before
    /// `and` (token `j`).
    fn subject_before_verb(&self, t: &[Tok], j: usize) -> Option<(usize, usize)> {
        let verb_before = j >= 2
            && self.word(t, j - 1).is_some_and(|w| {
                w.bytes().all(|b| b.is_ascii_lowercase())
                    && (w.ends_with("ed")
                        || matches!(
                            Self::class(t, j - 1),
                            Some(WordClass::Cue(_, Inflection::Past))
                        ))
            });
        if !verb_before {
            return None;
        }
        let (a, b) = self.backward_np(t, j - 2)?;
        (matches!(Self::class(t, a), Some(WordClass::Pronoun { .. })) || self.capitalized(t, a))
            .then_some((a, b))
    }

    /// The noun phrase opening the sentence as the subject of a verb
    /// coordinated at `and` (token `j`), when a verb follows it: `Vell met
    /// the envoys and said`, `Vell, a former chairman, became a delegate
    /// and said`.
    fn opening_subject(&self, t: &[Tok], j: usize) -> Option<(usize, usize)> {
        let start = self.dateline_end(t).filter(|&d| d < j).unwrap_or(0);
        let appositive = self
            .forward_np(t, start)
            .is_some_and(|(_, b)| self.comma_like(t, b + 1));
        if appositive {
            if let Some(np) = self.clause_subject(t, j) {
                return Some(np);
            }
        }
        let (a, mut b) = self.forward_np(t, start)?;
        if b >= j {
            return None;
        }
        // `Officials met ...`, `Vell spoke at the forum ...`: the noun
        // phrase swallowed the verb.
        let swallowed = (a + 1..=b).find(|&m| {
            Self::class(t, m).is_none()
                && self.word(t, m).is_some_and(|w| {
                    w.chars().all(|c| c.is_ascii_lowercase())
                        && (w.ends_with("ed") || IRREGULAR_PASTS.contains(&w))
                })
        });
        if let Some(m) = swallowed {
            b = m - 1;
        } else if !matches!(
            Self::class(t, b + 1),
            Some(WordClass::Cue(..) | WordClass::Auxiliary | WordClass::Adverb)
        ) {
            return None;
        }
        Some((a, b))
    }

    /// Verbs of reporting that may follow their content (`..., she added`),
    /// unlike verbs of judging (`called`, `praised`, `refused`).
    fn reporting_verb(&self, t: &[Tok], i: usize) -> bool {
        const JUDGING: [&str; 53] = [
            "thank",
            "rail",
            "assail",
            "lambast",
            "derid",
            "rebuk",
            "liken",
            "invok",
            "referenc",
            "portray",
            "label",
            "deem",
            "voic",
            "call",
            "attack",
            "blast",
            "condemn",
            "slam",
            "prais",
            "question",
            "declin",
            "sing",
            "sang",
            "endors",
            "express",
            "refer",
            "offer",
            "refus",
            "defend",
            "reject",
            "dismiss",
            "denounc",
            "order",
            "mock",
            "discuss",
            "challeng",
            "identif",
            "list",
            "seek",
            "sought",
            "oppos",
            "request",
            "demand",
            "accus",
            "blam",
            "critici",
            "describ",
            "cite",
            "citing",
            "propos",
            "recommend",
            "tout",
            "urg",
        ];
        let w = self.word(t, i).unwrap_or("").as_bytes();
        !JUDGING.iter().any(|j| {
            w.get(..j.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(j.as_bytes()))
        })
    }

    /// Auxiliaries and adverbs between a speaker and a verb (`has`, `also`,
    /// `sharply`).
    fn verb_modifier(&self, t: &[Tok], k: usize) -> bool {
        match Self::class(t, k) {
            Some(WordClass::Adverb | WordClass::Auxiliary) => true,
            // `would only say`, `has just said`.
            _ if self.is(t, k, "only") || self.is(t, k, "just") => {
                k > 0 && matches!(Self::class(t, k - 1), Some(WordClass::Auxiliary))
            }
            // `Vell and Orsk have both argued`: a floating quantifier.
            _ if self.is(t, k, "both") => {
                k > 0 && !matches!(Self::class(t, k - 1), Some(WordClass::Preposition))
            }
            // `sharply`, but not the nouns `family`, `rally`, `the daily`.
            None => self.word(t, k).is_some_and(|w| {
                ly_adverb(w)
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && !k
                        .checked_sub(1)
                        .is_some_and(|d| matches!(Self::class(t, d), Some(WordClass::Determiner)))
            }),
            _ => false,
        }
    }

    /// Whether cue word `i` stands as a verb: not a noun after a determiner or
    /// possessive (`the claims`, `Vell’s remarks`), not before an auxiliary
    /// (`states could`), not capitalised inside a name (`United States`).
    fn verb_position(&self, t: &[Tok], i: usize, paragraph: usize) -> bool {
        self.verb_slot(t, i, paragraph, true)
    }

    /// [`Self::verb_position`], which with `strict` also refuses words as
    /// often nouns or participles (`calls`, `cited`) unless a clause or a
    /// quote follows them.
    fn verb_slot(&self, t: &[Tok], i: usize, paragraph: usize, strict: bool) -> bool {
        let word = self.word(t, i).unwrap_or("");
        if i > 0 {
            // `have both argued`, `they both said`: a floating quantifier.
            let floating = self.is(t, i - 1, "both")
                && i > 1
                && matches!(
                    Self::class(t, i - 2),
                    Some(WordClass::Auxiliary | WordClass::Pronoun { .. }) | None
                );
            if matches!(Self::class(t, i - 1), Some(WordClass::Determiner))
                && self.bare_quantifier(t, i - 1).is_none()
                && !floating
            {
                return false;
            }
            if self
                .word(t, i - 1)
                .is_some_and(|w| w.ends_with("’s") || w.ends_with("'s"))
                && !self.pronoun_contraction(t, i - 1)
            {
                return false;
            }
        }
        if matches!(Self::class(t, i + 1), Some(WordClass::Auxiliary))
            && !self.is(t, i + 1, "not")
            && !self.relative_subject_before(t, i)
        {
            return false;
        }
        let lower = word.to_ascii_lowercase();
        if strict
            && matches!(
                lower.as_str(),
                "state"
                    | "states"
                    | "stated"
                    | "post"
                    | "posts"
                    | "report"
                    | "charge"
                    | "charges"
                    | "remarks"
                    | "remark"
                    | "demands"
                    | "claims"
                    | "counter"
                    | "signal"
                    | "signals"
                    | "cited"
                    | "questions"
                    | "attacks"
                    | "calls"
                    | "orders"
                    | "offers"
                    | "lists"
                    | "requests"
                    | "challenges"
                    | "notes"
                    | "answers"
                    | "answer"
                    | "reports"
                    | "list"
                    | "order"
                    | "offer"
                    | "request"
            )
            && !(self.is(t, i + 1, "that")
                || matches!(
                    t.get(i + 1).map(|x| x.kind),
                    Some(Kind::Quote(_) | Kind::Punct(':'))
                )
                || self.tag_after_quote(t, i)
                || self.parenthetical_tag(t, i))
        {
            return false;
        }
        if word.chars().next().is_some_and(char::is_uppercase) && i > 0 {
            let headline_verb = paragraph == 0
                && matches!(
                    lower.as_str(),
                    "says"
                        | "say"
                        | "said"
                        | "warns"
                        | "tells"
                        | "claims"
                        | "insists"
                        | "denies"
                        | "admits"
                        | "urges"
                        | "calls"
                        | "vows"
                        | "predicts"
                        | "thinks"
                        | "believes"
                        | "argues"
                        | "endorses"
                        | "announces"
                        | "reveals"
                        | "slams"
                        | "praises"
                        | "blasts"
                        | "explains"
                        | "explained"
                        | "tweets"
                );
            if !headline_verb {
                return false;
            }
        }
        true
    }

    /// Whether word `i` closes a tag after a quote (`"Q," Vell notes.`,
    /// `"Q," Vell stated, "Q2"`): a verb, whatever else the word can be.
    fn tag_after_quote(&self, t: &[Tok], i: usize) -> bool {
        let closes = matches!(
            t.get(i + 1).map(|x| x.kind),
            None | Some(Kind::Punct('.' | ',' | ';' | '!' | '?'))
        );
        let Some(q) = (i.saturating_sub(7)..i)
            .rev()
            .find(|&k| matches!(t.get(k).map(|x| x.kind), Some(Kind::Quote(_))))
        else {
            return false;
        };
        closes
            && q + 1 < i
            && self.capitalized(t, q + 1)
            && (q + 1..i).all(|k| {
                matches!(
                    t.get(k).map(|x| x.kind),
                    Some(Kind::Word(None) | Kind::Punct('.'))
                )
            })
    }

    /// Whether word `i` closes a parenthetical tag set off by commas
    /// (`Democrats, Vell notes, applaud ...`): a verb after a short name.
    fn parenthetical_tag(&self, t: &[Tok], i: usize) -> bool {
        let Some(open) = (i.saturating_sub(5)..i)
            .rev()
            .find(|&k| self.comma_like(t, k))
        else {
            return false;
        };
        Self::punct(t, i + 1) == Some(',')
            && open + 1 < i
            && open > 0
            && (open + 1..i).all(|k| {
                self.capitalized(t, k) && Self::class(t, k).is_none()
                    || Self::punct(t, k) == Some('.')
            })
    }

    /// Where the content after a cue starts: right after it, after a hearer
    /// (`told reporters`), or at `that` after a short adjunct
    /// (`said on Monday that`).
    fn content_start(&self, t: &[Tok], after: usize, kind: CueKind) -> Option<usize> {
        let first = t.get(after)?;
        match first.kind {
            // `said: "Q"`, `said, "Q"`; `said: the port stays shut`.
            Kind::Punct(c @ (':' | ',')) => {
                // `said, for example, that ...`, `said, however, that ...`:
                // an aside between the cue and its content.
                if c == ',' {
                    let aside_end = (after + 2..(after + 5).min(t.len()))
                        .find(|&k| Self::punct(t, k) == Some(','))
                        .filter(|&k| {
                            (after + 1..k).all(|m| {
                                matches!(
                                    Self::class(t, m),
                                    Some(WordClass::Adverb | WordClass::Preposition)
                                ) || CUE_ASIDE_WORDS.iter().any(|w| self.is(t, m, w))
                            })
                        });
                    if let Some(k) = aside_end {
                        if self.is(t, k + 1, "that")
                            || matches!(t.get(k + 1).map(|x| x.kind), Some(Kind::Quote(_)))
                        {
                            return Some(k + 1);
                        }
                    }
                }
                return match t.get(after + 1).map(|x| x.kind) {
                    Some(Kind::Quote(_)) => Some(after + 1),
                    Some(Kind::Word(_)) if c == ':' => Some(after + 1),
                    _ => None,
                };
            }
            Kind::Punct(_) => return None,
            Kind::Quote(_) => {
                // `told “Morning Ardel” on Friday that ...`: a programme
                // named in quotes as the hearer.
                if kind == CueKind::Tell {
                    if let Some(that) = self.that_after_adjuncts(t, after + 1) {
                        return Some(that);
                    }
                }
                return Some(after);
            }
            Kind::Word(_) => {}
        }
        if self.is(t, after, "that") {
            return Some(after);
        }
        // `asked workers if they would strike`: the people asked are the
        // hearers; the question starts after them.
        let asks = after > 0
            && self
                .word(t, after - 1)
                .is_some_and(|w| w.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ask")));
        if asks {
            const QUESTION: [&str; 9] = [
                "if", "whether", "how", "what", "who", "why", "when", "where", "about",
            ];
            if let Some((_, b)) = self.forward_np(t, after) {
                if b < after + 5 && QUESTION.iter().any(|w| self.is(t, b + 1, w)) {
                    return Some(b + 1);
                }
            }
        }
        // `refused to discuss`, `vowed to fight`: the infinitive is the
        // content, after a time phrase too (`promised Monday to begin`).
        let to = match self.after_time_phrase(t, after) {
            Some(k) if self.is(t, k, "to") => k,
            _ => after,
        };
        if self.is(t, to, "to") && after > 0 {
            let verb = self.word(t, after - 1).unwrap_or("").to_ascii_lowercase();
            const COMMISSIVE: [&str; 10] = [
                "refus", "declin", "promis", "pledg", "vow", "agree", "offer", "sought", "seek",
                "urg",
            ];
            if COMMISSIVE.iter().any(|c| verb.starts_with(c)) {
                return Some(to);
            }
        }
        // `said during the debate that ...`, `said via email that ...`: a
        // phrase the lexicon does not class as an adjunct, before `that`.
        const LOOSE_ADJUNCTS: [&str; 12] = [
            "during",
            "following",
            "via",
            "through",
            "after",
            "before",
            "here",
            "without",
            "amid",
            "this",
            "late",
            "early",
        ];
        if LOOSE_ADJUNCTS.iter().any(|w| self.is(t, after, w)) {
            let that = (after + 1..(after + 10).min(t.len()))
                .take_while(|&k| {
                    matches!(
                        t.get(k).map(|x| x.kind),
                        Some(Kind::Word(_) | Kind::Punct('’' | '\'' | ','))
                    ) && !matches!(Self::class(t, k), Some(WordClass::Cue(..)))
                })
                .find(|&k| self.is(t, k, "that"));
            if let Some(that) = that {
                return Some(that);
            }
        }
        let adjunct = matches!(
            Self::class(t, after),
            Some(WordClass::Preposition | WordClass::Adverb)
        ) || matches!(
            self.word(t, after).map(str::to_ascii_lowercase).as_deref(),
            Some(
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "earlier"
                    | "last"
            )
        );
        if kind == CueKind::Tell && !adjunct {
            // `told the council (on Monday) that ...`: the hearer, then the content.
            let (_, b) = self.forward_np(t, after)?;
            // `told reporters in Nashua last week, "..."`, `told an audience
            // at a festival in Houston last week that ...`.
            let past = self.adjuncts_end(t, b + 1);
            if past > b + 1 {
                if self.is(t, past, "that") {
                    return Some(past);
                }
                if matches!(Self::punct(t, past), Some(',' | ':'))
                    && matches!(t.get(past + 1).map(|x| x.kind), Some(Kind::Quote(_)))
                {
                    return Some(past + 1);
                }
            }
            let mut k = b + 1;
            if matches!(Self::class(t, k), Some(WordClass::Preposition)) && !self.is(t, k, "of") {
                if let Some((_, e)) = self.forward_np(t, k + 1) {
                    if e <= k + 3
                        && (self.is(t, e + 1, "that")
                            || matches!(t.get(e + 1).map(|x| x.kind), Some(Kind::Quote(_))))
                    {
                        k = e + 1;
                    } else if let Some(that) = self.that_after_adjuncts(t, e + 1) {
                        // `told voters in Kessia on Sunday that ...`
                        k = that;
                    }
                }
            }
            // `urged voters to register`: PolNeAR keeps who was urged.
            if self.is(t, k, "to") || self.is(t, k, "not") && self.is(t, k + 1, "to") {
                return Some(after);
            }
            // `told delegates here that`, `told the paper before he spoke
            // to the committee that`: longer adjuncts, up to their `that`.
            if matches!(
                Self::class(t, k),
                Some(WordClass::Preposition | WordClass::Adverb | WordClass::Boundary)
            ) && !["of", "and", "or", "but", "that"]
                .iter()
                .any(|w| self.is(t, k, w))
            {
                let that = (k + 1..(k + 16).min(t.len()))
                    .take_while(|&m| {
                        !matches!(
                            t.get(m).map(|x| x.kind),
                            Some(
                                Kind::Quote(_)
                                    | Kind::Punct(';' | ':' | '.' | '?' | '!')
                                    | Kind::Word(Some(WordClass::Cue(..)))
                            )
                        )
                    })
                    .find(|&m| self.is(t, m, "that"));
                if let Some(that) = that {
                    return Some(that);
                }
            }
            return match t.get(k).map(|x| x.kind) {
                // `told Ardel TV's “Morning Hour” (on Friday) that ...`: the
                // quote names the programme heard.
                Some(Kind::Quote(_)) => self.that_after_adjuncts(t, k + 1).or(Some(k)),
                Some(Kind::Punct(',' | ':'))
                    if matches!(t.get(k + 1).map(|x| x.kind), Some(Kind::Quote(_))) =>
                {
                    Some(k + 1)
                }
                Some(Kind::Word(c))
                    if !matches!(c, Some(WordClass::Preposition | WordClass::Adverb))
                        || self.is(t, k, "that") =>
                {
                    Some(k)
                }
                _ => None,
            };
        }
        if adjunct {
            // `said Thursday his worry is ...`, `said on Friday he met ...`:
            // after a time phrase, a clause opening with its subject.
            if let Some(k) = self.after_time_phrase(t, after) {
                let subject = matches!(
                    Self::class(t, k),
                    Some(WordClass::Pronoun { .. } | WordClass::Determiner)
                ) && !self.is(t, k, "who")
                    || self.capitalized(t, k) && Self::class(t, k).is_none();
                // `says tonight he's a step closer`: a pronoun with its verb
                // contracted is a whole clause's start.
                let contracted = self.word(t, k).is_some_and(|w| {
                    w.split_once(['\'', '’']).is_some_and(|(head, _)| {
                        ["he", "she", "it", "they", "we", "i", "you", "there"]
                            .iter()
                            .any(|p| head.eq_ignore_ascii_case(p))
                    })
                });
                if contracted || subject && self.word(t, k + 1).is_some() {
                    return Some(k);
                }
            }
            for k in after..(after + 10).min(t.len()) {
                if self.is(t, k, "that") {
                    return Some(k);
                }
                let wh = ["how", "what", "why", "whether", "if", "where", "when"];
                if k > after && wh.iter().any(|w| self.is(t, k, w)) {
                    return Some(k);
                }
                match t.get(k).map(|x| x.kind) {
                    Some(Kind::Quote(_)) => return Some(k),
                    Some(Kind::Punct(',' | ':'))
                        if matches!(t.get(k + 1).map(|x| x.kind), Some(Kind::Quote(_))) =>
                    {
                        return Some(k + 1)
                    }
                    // `at a stop in Toledo, Ohio, that ...`: a region after its town.
                    Some(Kind::Punct(','))
                        if k > after
                            && self.capitalized(t, k - 1)
                            && (self.capitalized(t, k + 1) || self.is(t, k + 1, "that")) => {}
                    Some(Kind::Punct(_)) => break,
                    Some(Kind::Word(Some(WordClass::Cue(..)))) => break,
                    _ => {}
                }
            }
            // `insists on ...`, `warned against ...`: the phrase is the content;
            // `said on the call` names where, `said about ...` what.
            let say = after > 0
                && self.word(t, after - 1).is_some_and(|w| {
                    ["said", "says", "say", "saying"]
                        .iter()
                        .any(|v| w.eq_ignore_ascii_case(v))
                });
            let topical = ["on", "about", "against", "for"]
                .iter()
                .any(|p| self.is(t, after, p))
                && (!say || self.is(t, after, "about"))
                && !self.word(t, after + 1).is_some_and(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                            | "the"
                            | "a"
                            | "an"
                            | "twitter"
                            | "television"
                    ) && !self
                        .word(t, after + 2)
                        .is_some_and(|x| x.chars().next().is_some_and(char::is_lowercase))
                });
            if topical && t.len() > after + 3 {
                return Some(after);
            }
            return None;
        }
        Some(after)
    }

    /// Whether token `k` is a pronoun contracted with `is` or `has`
    /// (`he's`, `she’s`), never part of a noun phrase before it.
    fn pronoun_contraction(&self, t: &[Tok], k: usize) -> bool {
        self.word(t, k).is_some_and(|w| {
            let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
            stem.is_some_and(|s| {
                ["he", "she", "it", "there"]
                    .iter()
                    .any(|p| s.eq_ignore_ascii_case(p))
            })
        })
    }

    /// The token after up to three adjuncts from `k`: short prepositional
    /// phrases (`in Nashua`, `at a literary festival`) and time phrases
    /// (`last week`, `on Friday`).
    fn adjuncts_end(&self, t: &[Tok], k: usize) -> usize {
        let mut k = k;
        for _ in 0..3 {
            if let Some(n) = self.after_time_phrase(t, k) {
                k = n;
                continue;
            }
            // `told the agency simply, "..."`, `told CNN bluntly that ...`
            let manner = self
                .word(t, k)
                .is_some_and(|w| ly_adverb(w) && w.bytes().all(|b| b.is_ascii_lowercase()));
            if manner {
                k += 1;
                continue;
            }
            let preposition =
                matches!(Self::class(t, k), Some(WordClass::Preposition)) && !self.is(t, k, "of");
            match self.forward_np(t, k + 1) {
                Some((_, e)) if preposition && e <= k + 4 => k = e + 1,
                _ => break,
            }
            // `in Salem, New Hampshire`: the region after its town.
            if Self::punct(t, k) == Some(',') && self.capitalized(t, k - 1) {
                let mut m = k + 1;
                while m < k + 4 && self.capitalized(t, m) && Self::class(t, m).is_none() {
                    m += 1;
                }
                let then = self.is(t, m, "that") || self.after_time_phrase(t, m).is_some();
                if m > k + 1
                    && (then || Self::punct(t, m) == Some(',') && self.is(t, m + 1, "that"))
                {
                    k = if Self::punct(t, m) == Some(',') {
                        m + 1
                    } else {
                        m
                    };
                }
            }
        }
        k
    }

    /// The `that` after up to two more short prepositional phrases
    /// starting at token `k` (`on Sunday that`, `at a rally in Velmar
    /// that`).
    fn that_after_adjuncts(&self, t: &[Tok], k: usize) -> Option<usize> {
        let mut k = k;
        for _ in 0..2 {
            if self.is(t, k, "that") {
                return Some(k);
            }
            if !matches!(Self::class(t, k), Some(WordClass::Preposition)) || self.is(t, k, "of") {
                return None;
            }
            let (_, e) = self.forward_np(t, k + 1)?;
            if e > k + 3 {
                return None;
            }
            k = e + 1;
        }
        self.is(t, k, "that").then_some(k)
    }

    /// `which officials said will ...`, `who he said were ...`: the subject
    /// of cue word `i` follows a relative word, whose clause the cue's
    /// content completes.
    fn relative_subject_before(&self, t: &[Tok], i: usize) -> bool {
        let Some((a, _)) = i.checked_sub(1).and_then(|j| self.backward_np(t, j)) else {
            return false;
        };
        let Some(rel) = a.checked_sub(1) else {
            return false;
        };
        ["which", "who", "whom"].iter().any(|w| self.is(t, rel, w))
            || self.is(t, rel, "what")
                && rel > 0
                && matches!(
                    Self::class(t, rel - 1),
                    Some(WordClass::Preposition | WordClass::Cue(..))
                )
    }

    /// Where a time phrase starting at token `at` ends (the token after
    /// it): `Thursday`, `on Friday night`, `yesterday`, `last week`.
    fn after_time_phrase(&self, t: &[Tok], at: usize) -> Option<usize> {
        let lower = |k: usize| self.word(t, k).map(str::to_ascii_lowercase);
        let day = |k: usize| self.weekday(t, k);
        let part = |k: usize| {
            matches!(
                lower(k).as_deref(),
                Some("night" | "morning" | "afternoon" | "evening")
            )
        };
        let mut k = match lower(at).as_deref() {
            Some("yesterday" | "today" | "tonight") => at + 1,
            Some("on") if day(at + 1) => at + 2,
            Some("last" | "this")
                if matches!(
                    lower(at + 1).as_deref(),
                    Some("week" | "month" | "year" | "night" | "weekend")
                ) =>
            {
                at + 2
            }
            Some(_) if day(at) => at + 1,
            _ => return None,
        };
        if part(k) {
            k += 1;
        }
        Some(k)
    }

    /// The token after a wire dateline opening the unit: a place in
    /// capitals, then a dash at once (`KESSIA ―`) or up to a dozen tokens
    /// (date, agency) to one.
    fn dateline_end(&self, t: &[Tok]) -> Option<usize> {
        let place = self.word(t, 0)?;
        if place.chars().count() < 3 || !place.chars().all(|c| c.is_uppercase() || c == '.') {
            return None;
        }
        let dash = (1..13.min(t.len()))
            .find(|&k| matches!(Self::punct(t, k), Some('―' | '—' | '–' | '-')))?;
        (dash == 1
            || Self::punct(t, 1) == Some(',')
            || self
                .word(t, 1)
                .is_some_and(|w| w.chars().all(|c| c.is_uppercase())))
        .then_some(dash + 1)
    }

    /// Content before the speaker: tokens `0..=to`, the last of which must
    /// be comma-like; a quote after `tail` (`, "R."`) joins as a fragment.
    fn before_content(
        &mut self,
        t: &[Tok],
        to: usize,
        cue: Option<Span>,
        speaker: Option<Span>,
        tail: usize,
        paragraph: usize,
    ) -> bool {
        let last_ok = match t.get(to).map(|x| x.kind) {
            Some(Kind::Punct(',')) => to > 0,
            // `"The caucus is a battle of niches" Grubbs said.`: a whole
            // sentence quoted before its speaker, its comma left out.
            Some(Kind::Quote(p)) => {
                matches!(
                    self.quote_inner_last(p),
                    Some(',' | '!' | '?' | '.' | '—' | '-')
                ) || to == 0 && self.quote_words(p) >= 3
            }
            Some(Kind::Punct('―' | '—' | '–')) => to > 0,
            _ => false,
        };
        if !last_ok {
            return false;
        }
        // The content starts after the last sentence-internal break before
        // it, or after a dateline (`DORVASK, 12 March (TPI) —`).
        let mut from = self.dateline_end(t).filter(|&d| d < to).unwrap_or(0);
        for k in (from..to).rev() {
            if matches!(Self::punct(t, k), Some(';' | ':')) {
                from = k + 1;
                break;
            }
        }
        let n = self.drafts.len();
        if !self.content_draft(t, from, to, cue, speaker, None, paragraph) {
            // `Now, he says, seven delegates have signed on`: one word before
            // the parenthetical cue, the rest of the content after it.
            let one_word = to == from + 1
                && Self::punct(t, to) == Some(',')
                && matches!(t.get(from).map(|x| x.kind), Some(Kind::Word(_)));
            let resumes = Self::punct(t, tail) == Some(',')
                && matches!(t.get(tail + 1).map(|x| x.kind), Some(Kind::Word(_)));
            if !(one_word && resumes) {
                return false;
            }
            let end = self.content_end(t, tail + 1);
            if !self.content_draft(t, tail + 1, end, cue, speaker, None, paragraph) {
                return false;
            }
            if let (Some(first), Some(d)) = (Self::span_of(t, from, from), self.drafts.get_mut(n)) {
                d.fragments.insert(0, first);
            }
            return true;
        }
        // `"It was bad luck," he said, that both ships had left.`: a quote
        // closing on a comma whose sentence goes on, unquoted, after the tag.
        let quote_goes_on = matches!(t.get(to).map(|x| x.kind),
            Some(Kind::Quote(p)) if self.quote_inner_last(p) == Some(','))
            && Self::punct(t, tail) == Some(',')
            && (self.is(t, tail + 1, "that")
                || self.is(t, tail + 1, "to")
                || matches!(Self::class(t, tail + 1), Some(WordClass::Auxiliary))
                    && !self.is(t, tail + 1, "not"))
            && !t
                .get(tail + 1..)
                .unwrap_or(&[])
                .iter()
                .any(|x| matches!(x.kind, Kind::Quote(_)));
        // Split quote: `"Q," she said, "R."`, `"Q," she said at a rally, "R."`
        let mut tail = tail;
        let only_quote_before =
            matches!(t.get(to).map(|x| x.kind), Some(Kind::Quote(_))) && from == to;
        if only_quote_before && !quote_goes_on {
            while tail < t.len() && tail < to + 16 {
                match t.get(tail + 1).map(|x| x.kind) {
                    Some(Kind::Quote(_)) if self.comma_like(t, tail) => break,
                    Some(Kind::Quote(_)) | None => break,
                    Some(Kind::Word(Some(WordClass::Cue(..)))) => break,
                    _ => tail += 1,
                }
            }
        }
        // `Many of the closures, the report said, have involved ...`: the
        // sentence goes on after the parenthetical source and cue.
        // Not when a participle of saying opens it: `..., Vell said, adding
        // that ...` is a statement of its own.
        let plain_comma_before = Self::punct(t, to) == Some(',') || quote_goes_on;
        // `..., Vell said in an interview, the port ...`: an adjunct after
        // the cue, up to the comma that closes the parenthetical.
        let tail = if plain_comma_before
            && Self::punct(t, tail) != Some(',')
            && matches!(Self::class(t, tail), Some(WordClass::Preposition))
        {
            (tail + 2..(tail + 7).min(t.len()))
                .find(|&k| Self::punct(t, k).is_some())
                .filter(|&k| {
                    Self::punct(t, k) == Some(',')
                        && (tail + 1..k).all(|m| {
                            matches!(
                                Self::class(t, m),
                                None | Some(WordClass::Determiner | WordClass::Preposition)
                            ) && self.word(t, m).is_some()
                        })
                })
                .unwrap_or(tail)
        } else {
            tail
        };
        let gerund_cue = matches!(
            Self::class(t, tail + 1),
            Some(WordClass::Cue(_, Inflection::Gerund))
        );
        if plain_comma_before
            && !gerund_cue
            && Self::punct(t, tail) == Some(',')
            && matches!(t.get(tail + 1).map(|x| x.kind), Some(Kind::Word(_)))
        {
            let end = self.content_end(t, tail + 1);
            let m = self.drafts.len();
            if self.content_draft(t, tail + 1, end, cue, speaker, None, paragraph) {
                let rest = if self.drafts.len() > m {
                    self.drafts.pop().map(|d| d.fragments)
                } else {
                    None
                };
                if let (Some(rest), Some(d)) = (rest, self.drafts.get_mut(n)) {
                    d.fragments.extend(rest);
                    if quote_goes_on {
                        d.form = Form::Mixed;
                    }
                }
            }
            return true;
        }
        if self.comma_like(t, tail) || matches!(Self::punct(t, tail), Some(':')) {
            if let Some(Kind::Quote(p)) = t.get(tail + 1).map(|x| x.kind) {
                if let Some(q) = self.pieces.get(p).map(|x| x.quote) {
                    if !self.claimed.get(q).copied().unwrap_or(true) {
                        let frags = self.quote_fragments(q);
                        if let Some(c) = self.claimed.get_mut(q) {
                            *c = true;
                        }
                        if let Some(d) = self.drafts.get_mut(n) {
                            d.fragments.extend(frags);
                            // Words of the writer's before the quote make
                            // it mixed (`The reality is, he added, "..."`).
                            if d.form == Form::Indirect {
                                d.form = Form::Mixed;
                            }
                        }
                    }
                }
            }
        }
        true
    }

    /// The draft a quote unit may continue: the last one, or the quoting
    /// statement before it when all that follows it are indirect statements
    /// inside its own tag, in its paragraph (`"Q1," Vell said, referring to
    /// the talks. "Q2."`, `"Q1," said Kord, who endorsed Y. "Q2."`).
    fn continued_draft(&self) -> Option<usize> {
        let last = self.drafts.len().checked_sub(1)?;
        // A mixed statement in a direct quote's tag (`"Q1," said Vell, who
        // noted that prices had "cratered." "Q2."`) is no quoting one.
        let direct = self
            .drafts
            .iter()
            .rposition(|d| d.form == Form::Direct)
            .filter(|&n| last - n <= 2);
        let Some(quoting) = self
            .drafts
            .iter()
            .rposition(|d| d.form != Form::Indirect)
            .filter(|&n| last - n <= 2)
        else {
            return Some(last);
        };
        let quoting = match (direct, self.drafts.get(quoting)) {
            (Some(n), Some(d)) if n < quoting && d.form == Form::Mixed => {
                // Only inside the direct quote's own sentence.
                let between = self
                    .drafts
                    .get(n)
                    .and_then(|q| q.cue)
                    .and_then(|c| self.text.get(c.end..d.span().start.max(c.end)));
                let same_sentence = between
                    .is_some_and(|b| !b.contains(". ") && !b.contains("? ") && !b.contains("! "));
                if same_sentence {
                    n
                } else {
                    quoting
                }
            }
            _ => quoting,
        };
        let q = self.drafts.get(quoting)?;
        // Only a tag after the quote (`"Q1," said Vell, who ...`).
        let Some(tag) = q
            .cue
            .filter(|c| q.fragments.first().is_some_and(|f| f.end <= c.start))
        else {
            return Some(last);
        };
        let in_tag = self.drafts.get(quoting + 1..)?.iter().all(|d| {
            d.paragraph == q.paragraph
                && matches!(d.form, Form::Indirect | Form::Mixed)
                && d.span().start >= tag.end
        });
        Some(if in_tag { quoting } else { last })
    }

    /// Whether quote piece `p` reads as a subheading set in single quote
    /// marks (`'All Bets Are Off.'`): a few words, each long one
    /// capitalized. Newspapers that print quotes in doubled single marks
    /// (`''...''`) set section titles this way.
    fn subheading(&self, p: usize) -> bool {
        let Some(piece) = self.pieces.get(p) else {
            return false;
        };
        let body = piece.span.slice(self.text);
        let single = |c: char| matches!(c, '\'' | '‘' | '’');
        let mut chars = body.chars();
        let opens_once = chars.next().is_some_and(single) && !chars.next().is_some_and(single);
        let inner = body.trim_matches(|c: char| single(c) || c.is_whitespace());
        let words: Vec<&str> = inner.split_whitespace().collect();
        opens_once
            && (1..=8).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().count() <= 3 || w.starts_with(|c: char| c.is_uppercase()))
    }

    /// Quotes no cue claimed: a unit that is nothing but a quote continues
    /// the statement before it; a long quote in a unit of its own is given
    /// the paragraph's last speaker; short scare quotes are left alone.
    fn loose_quotes(&mut self, t: &[Tok], paragraph: usize, first_draft: usize) {
        let only_quotes = t
            .iter()
            .all(|x| matches!(x.kind, Kind::Quote(_) | Kind::Punct(_)));
        for k in 0..t.len() {
            let Some(Kind::Quote(p)) = t.get(k).map(|x| x.kind) else {
                continue;
            };
            let Some(q) = self.pieces.get(p).map(|x| x.quote) else {
                continue;
            };
            if self.claimed.get(q).copied().unwrap_or(true) {
                continue;
            }
            let inside = self
                .drafts
                .get(first_draft..)
                .unwrap_or(&[])
                .iter()
                .any(|d| {
                    d.span()
                        .contains(t.get(k).map_or(Span::default(), |x| x.span))
                });
            if inside {
                continue;
            }
            let sentence_like = self.quote_form(p) == Form::Direct;
            if !sentence_like || only_quotes && self.subheading(p) {
                continue;
            }
            let prev = self.continued_draft();
            let same_para = prev
                .and_then(|n| self.drafts.get(n))
                .is_some_and(|d| d.paragraph == paragraph);
            let near_para = prev
                .and_then(|n| self.drafts.get(n))
                .is_some_and(|d| d.paragraph + 1 == paragraph);
            // A quote paragraph right after a quoting statement's own
            // paragraph continues it too (PolNeAR's multi-fragment content).
            if only_quotes && (same_para || near_para) && first_draft == self.drafts.len() {
                if let Some(n) = prev {
                    let frags = self.quote_fragments(q);
                    if let Some(d) = self.drafts.get_mut(n) {
                        if d.form != Form::Indirect {
                            d.fragments.extend(frags);
                            if let Some(c) = self.claimed.get_mut(q) {
                                *c = true;
                            }
                            continue;
                        }
                    }
                }
            }
            let quoting = prev
                .and_then(|n| self.drafts.get(n))
                .is_some_and(|d| d.form != Form::Indirect);
            if only_quotes && quoting && (same_para || near_para) {
                let speaker = prev
                    .and_then(|n| self.drafts.get(n))
                    .and_then(|d| d.speaker);
                if speaker.is_some() {
                    self.push_quote_draft(p, None, speaker, prev, paragraph);
                }
            }
        }
    }
}

/// Converts resolved drafts into statements (used by `resolve`).
pub(crate) fn statement(d: &Draft, speaker: Option<Speaker>) -> Statement {
    Statement {
        span: d.span(),
        fragments: d.fragments.clone(),
        form: d.form,
        cue: d.cue,
        speaker,
    }
}
