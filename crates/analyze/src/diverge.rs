//! Private line against public line: the default lexicon scorer and the
//! grouping by (side, topic).

use crate::text::{self, PhraseSet, Word};
use crate::{Config, DivergenceScorer};
use backchannel_core::{AnalyzedStatement, Channel, Divergence, PrivateOnly, Signal};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Most statements of one channel compared inside one (side, topic) group;
/// keeps a group's work bounded whatever the corpus size.
const MAX_GROUP: usize = 64;

const WILLING: &[&str] = &[
    "prepared to",
    "could live with",
    "live with",
    "tolerable",
    "acceptable",
    "could be considered",
    "on the table",
    "ready to",
    "willing to",
    "open to",
    "work constructively",
    "constructively",
    "would welcome",
    "welcome*",
    "keen to",
    "eager to",
    "agree to",
    "agreed to",
    "could accept",
    "would accept",
    "flexib*",
    "compromise",
    "seeks to",
    "seeking to",
    "wants to",
    "want to",
    "hopes to",
    "interested in",
    "room for",
];
const REFUSAL: &[&str] = &[
    "refuse*",
    "reject*",
    "rule out",
    "ruled out",
    "rules out",
    "will not",
    "won't",
    "would not",
    "no way",
    "not negotiable",
    "non negotiable",
    "never",
    "insist*",
    "red line",
    "not going to",
    "not seeking",
    "not seek",
    "cannot accept",
    "not prepared",
    "not willing",
    "not ready",
    "oppose*",
    "no intention",
    "under no circumstances",
    "out of the question",
    "not open",
];
const ADMIT: &[&str] = &[
    "acknowledg*",
    "admit*",
    "admission",
    "concede*",
    "should have",
    "our fault",
    "mistake*",
    "share of the blame",
    "were wrong",
    "was wrong",
    "we erred",
    "responsibility for",
    "to blame",
    "failed to",
    "did not prioritize",
    "did not prioritise",
    "share the responsibility",
    "share responsibility",
    "shared responsibility",
    "share the blame",
    "shares the blame",
    "partly responsible",
    "partly to blame",
];
const DENY: &[&str] = &[
    "deny",
    "denied",
    "denies",
    "denial",
    "blameless*",
    "not to blame",
    "no responsibility",
    "baseless",
    "false",
    "fabricat*",
    "nonsense",
    "no fault",
    "not our fault",
    "bears no",
    "unfounded",
    "categorically",
    "blames",
    "blamed",
    "all the blame",
    "solely responsible",
    "entirely responsible",
    "wholly responsible",
    "solely to blame",
];
/// Laying the blame on another party: the public face of `not our fault`.
const BLAME_OTHER: &[&str] = &[
    "all the blame",
    "the blame on",
    "the blame squarely",
    "blames",
    "blamed",
    "blaming",
    "fault lies with",
    "solely responsible",
    "entirely responsible",
    "wholly responsible",
    "solely to blame",
    "held responsible",
    "holds responsible",
];
/// The side's own hand in an outcome: what it chose or put first.
const OWN_PART: &[&str] = &[
    "more important to us",
    "matter more to us",
    "matters more to us",
    "price worth paying",
    "worth the price",
    "worth the cost",
    "we chose",
    "chose not to",
    "we decided",
    "decided not to",
    "we blocked",
    "we vetoed",
    "walked away",
    "walked out",
    "pulled out",
    "backed out",
];
const HEDGE: &[&str] = &[
    "might",
    "may",
    "could",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "unlikely",
    "slim",
    "chance*",
    "not necessarily",
    "not impossible",
    "would not be impossible",
    "almost certainly",
    "uncertain",
    "doubt*",
    "maybe",
];
const CATEGORICAL: &[&str] = &[
    "never",
    "always",
    "absolutely",
    "definitely",
    "categorically",
    "under no circumstances",
    "will not",
    "is not",
    "there is no",
    "without doubt",
    "we believe",
    "certain",
];
const PESSIMISM: &[&str] = &[
    "slim",
    "unlikely",
    "impossible",
    "hopeless",
    "fail*",
    "doomed",
    "bleak",
    "stalled",
    "collapse*",
    "losing",
    "lose",
    "cannot win",
    "no chance",
];
const OPTIMISM: &[&str] = &[
    "confident",
    "will win",
    "succeed*",
    "success*",
    "progress",
    "on track",
    "optimis*",
    "can win",
    "will prevail",
    "winning",
    "strong position",
    "is working",
    "are working",
    "has worked",
    "have worked",
    "paying off",
    "effective",
];
const OCCURRENCE: &[&str] = &[
    "twice",
    "every week",
    "every month",
    "every day",
    "daily",
    "weekly",
    "monthly",
    "a month",
    "a week",
    "regularly",
    "frequent*",
    "ongoing",
    "taking place",
    "took place",
    "taken place",
    "held",
    "met",
    "times a",
    "rounds of",
    "sessions",
];
const NONEXISTENCE: &[&str] = &[
    "not seeking",
    "no talks",
    "no contact*",
    "no meetings",
    "has not",
    "have not",
    "had not",
    "not requested",
    "there are no",
    "there is no",
    "never met",
    "no such",
    "not held",
    "no channel",
    "no negotiations",
    "not in contact",
    "has never",
    "have never",
    "had never",
    "never asked",
    "were none",
    "none",
];
const NEGATORS: &[&str] = &[
    "not", "no", "never", "n't", "without", "nor", "neither", "refuse*", "reject*", "deny",
    "denied", "denies",
];

/// The default scorer: lexicon cues of stance in each statement, set
/// against each other. Deterministic, and every signal names its cues.
#[derive(Debug, Clone)]
pub struct LexiconScorer {
    pub willingness_vs_refusal: f64,
    pub admission_vs_denial: f64,
    pub hedged_vs_categorical: f64,
    pub number_mismatch: f64,
    pub occurrence_vs_denial: f64,
    /// One line denies what the other states plainly (`denied seeking
    /// cheaper gas` against `asked for a price cut`).
    pub denial_vs_assertion: f64,
    pub negation_flip: f64,
    pub outlook: f64,
    /// One line lays the blame on another party, the other shows the
    /// side's own hand in the outcome (a refusal, a choice, a priority).
    pub own_part_vs_blame: f64,
}

impl Default for LexiconScorer {
    fn default() -> Self {
        LexiconScorer {
            willingness_vs_refusal: 0.6,
            admission_vs_denial: 0.5,
            hedged_vs_categorical: 0.35,
            number_mismatch: 0.5,
            occurrence_vs_denial: 0.45,
            denial_vs_assertion: 0.35,
            negation_flip: 0.35,
            outlook: 0.3,
            own_part_vs_blame: 0.45,
        }
    }
}

/// Stance cues found in one statement's text.
#[derive(Debug, Clone, Default)]
pub struct StanceCues {
    pub willing: Option<String>,
    pub refusal: Option<String>,
    pub admit: Option<String>,
    pub deny: Option<String>,
    pub hedge: Option<String>,
    pub categorical: Option<String>,
    pub pessimism: Option<String>,
    pub optimism: Option<String>,
    pub occurrence: Option<String>,
    pub nonexistence: Option<String>,
    pub blame_other: Option<String>,
    pub own_part: Option<String>,
    /// Numbers with the word after them (`3 meetings` → ("3", "meeting")).
    pub numbers: Vec<(String, String)>,
    /// Content words (stemmed) and whether a negator governs them.
    pub negated: Vec<(String, bool)>,
}

fn negated_before(ws: &[Word], i: usize) -> bool {
    let from = i.saturating_sub(3);
    ws[from..i].iter().any(|w| {
        NEGATORS.iter().any(|n| text::word_matches(&w.lower, n)) || w.lower.ends_with("n't")
    })
}

/// First cue of `list` in `ws`; `negatable` cues preceded by a negator are skipped.
fn first_cue(ws: &[Word], set: &PhraseSet, negatable: bool) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    {
        for (_, span) in set.find_all(ws) {
            let i = ws.partition_point(|w| w.span.start < span.start);
            if negatable && negated_before(ws, i) {
                continue;
            }
            let phrase = ws
                .iter()
                .filter(|w| span.contains(w.span))
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if best.as_ref().is_none_or(|(b, _)| i < *b) {
                best = Some((i, phrase));
            }
        }
    }
    best.map(|(_, p)| p)
}

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("once", "1"),
    ("twice", "2"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("dozen", "12"),
    ("hundred", "100"),
    ("thousand", "1000"),
];

/// The stance cue lists as phrase sets, built once.
struct StanceSets {
    willing: PhraseSet,
    refusal: PhraseSet,
    admit: PhraseSet,
    deny: PhraseSet,
    hedge: PhraseSet,
    categorical: PhraseSet,
    pessimism: PhraseSet,
    optimism: PhraseSet,
    occurrence: PhraseSet,
    nonexistence: PhraseSet,
    blame_other: PhraseSet,
    own_part: PhraseSet,
}

static STANCE_SETS: LazyLock<StanceSets> = LazyLock::new(|| {
    let set = |list: &[&str]| PhraseSet::new(list.iter().copied());
    StanceSets {
        willing: set(WILLING),
        refusal: set(REFUSAL),
        admit: set(ADMIT),
        deny: set(DENY),
        hedge: set(HEDGE),
        categorical: set(CATEGORICAL),
        pessimism: set(PESSIMISM),
        optimism: set(OPTIMISM),
        occurrence: set(OCCURRENCE),
        nonexistence: set(NONEXISTENCE),
        blame_other: set(BLAME_OTHER),
        own_part: set(OWN_PART),
    }
});

impl StanceCues {
    pub fn of(text: &str) -> StanceCues {
        let ws = text::words(text);
        let sets = &*STANCE_SETS;
        let mut c = StanceCues {
            willing: first_cue(&ws, &sets.willing, true),
            refusal: first_cue(&ws, &sets.refusal, false),
            admit: first_cue(&ws, &sets.admit, true),
            deny: first_cue(&ws, &sets.deny, false),
            hedge: first_cue(&ws, &sets.hedge, false),
            categorical: first_cue(&ws, &sets.categorical, false),
            pessimism: first_cue(&ws, &sets.pessimism, false),
            optimism: first_cue(&ws, &sets.optimism, true),
            occurrence: first_cue(&ws, &sets.occurrence, true),
            nonexistence: first_cue(&ws, &sets.nonexistence, false),
            blame_other: first_cue(&ws, &sets.blame_other, true),
            own_part: first_cue(&ws, &sets.own_part, true),
            ..Default::default()
        };
        // A negated willingness cue is a refusal (`not prepared to`).
        if c.refusal.is_none() {
            c.refusal = first_negated(&ws, &sets.willing);
        }
        // So is a clause whose subject is a negative one with a future:
        // `No foreign inspector will set foot ...`, `Nobody is going to ...`.
        if c.refusal.is_none() {
            c.refusal = negative_subject_future(text, &ws);
        }
        for (i, w) in ws.iter().enumerate() {
            let num = if w
                .lower
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
                && w.lower.chars().any(|ch| ch.is_ascii_digit())
            {
                Some(w.lower.replace(',', ""))
            } else {
                NUMBER_WORDS
                    .iter()
                    .find(|(n, _)| *n == w.lower)
                    .map(|(_, v)| v.to_string())
            };
            if let (Some(v), Some(next)) = (num, ws.get(i + 1)) {
                c.numbers.push((v, text::stem(&next.lower)));
            }
            if w.lower.chars().count() >= 4
                && !text::is_stopword(&w.lower)
                && w.lower.chars().all(char::is_alphabetic)
            {
                c.negated
                    .push((text::stem(&w.lower), negated_before(&ws, i)));
            }
        }
        c
    }
}

/// `No <noun phrase> will|shall|can ...` at the start of a clause: the words
/// from the negative to the modal.
fn negative_subject_future(text: &str, ws: &[Word]) -> Option<String> {
    for (i, w) in ws.iter().enumerate() {
        if !matches!(w.lower.as_str(), "no" | "nobody" | "none" | "neither") {
            continue;
        }
        let clause_start = i == 0
            || text
                .get(ws[i - 1].span.end..w.span.start)
                .is_some_and(|g| g.chars().any(|ch| ".,;:\"“«(—".contains(ch)));
        if !clause_start {
            continue;
        }
        let modal = ws[i + 1..]
            .iter()
            .take(4)
            .position(|m| matches!(m.lower.as_str(), "will" | "shall" | "can" | "going"))
            .map(|o| i + 1 + o);
        if let Some(m) = modal {
            return text.get(w.span.start..ws[m].span.end).map(str::to_string);
        }
    }
    None
}

fn first_negated(ws: &[Word], set: &PhraseSet) -> Option<String> {
    {
        for (_, span) in set.find_all(ws) {
            let i = ws.partition_point(|w| w.span.start < span.start);
            if negated_before(ws, i) {
                let from = i.saturating_sub(3);
                let end = ws.partition_point(|w| w.span.start < span.end);
                return Some(
                    ws[from..end]
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
    }
    None
}

fn opposed(
    a: &Option<String>,
    a_not: &Option<String>,
    b: &Option<String>,
    b_not: &Option<String>,
) -> Option<(String, String)> {
    match (a, a_not, b, b_not) {
        (Some(x), None, Some(y), None) => Some((x.clone(), y.clone())),
        _ => None,
    }
}

impl DivergenceScorer for LexiconScorer {
    fn score(
        &self,
        private: &AnalyzedStatement,
        public: &AnalyzedStatement,
    ) -> Option<(f64, Vec<Signal>)> {
        let p = StanceCues::of(&stance_text(private));
        let q = StanceCues::of(&stance_text(public));
        self.score_cues(private, &p, public, &q)
    }

    fn score_all(
        &self,
        private: &[&AnalyzedStatement],
        public: &[&AnalyzedStatement],
    ) -> Vec<Option<(f64, Vec<Signal>)>> {
        // Each statement's cues once, not once per pair.
        let p_cues: Vec<StanceCues> = private
            .iter()
            .map(|a| StanceCues::of(&stance_text(a)))
            .collect();
        let q_cues: Vec<StanceCues> = public
            .iter()
            .map(|a| StanceCues::of(&stance_text(a)))
            .collect();
        let mut out = Vec::with_capacity(private.len() * public.len());
        for (pa, p) in private.iter().zip(&p_cues) {
            for (qa, q) in public.iter().zip(&q_cues) {
                out.push(self.score_cues(pa, p, qa, q));
            }
        }
        out
    }
}

impl LexiconScorer {
    /// The score of a pair from both statements' stance cues.
    fn score_cues(
        &self,
        private: &AnalyzedStatement,
        p: &StanceCues,
        public: &AnalyzedStatement,
        q: &StanceCues,
    ) -> Option<(f64, Vec<Signal>)> {
        let mut signals = Vec::new();
        let mut push = |kind: &str, weight: f64, pc: String, qc: String| {
            signals.push(Signal {
                kind: kind.to_string(),
                weight,
                private: (private.id.clone(), pc),
                public: (public.id.clone(), qc),
            });
        };
        // Stance pairs: one line has the cue, the other its opposite, and
        // neither also carries the other's cue.
        if let Some((a, b)) = opposed(&p.willing, &p.refusal, &q.refusal, &q.willing)
            .or_else(|| opposed(&p.refusal, &p.willing, &q.willing, &q.refusal))
        {
            push("willingness-vs-refusal", self.willingness_vs_refusal, a, b);
        }
        if let Some((a, b)) = opposed(&p.admit, &p.deny, &q.deny, &q.admit)
            .or_else(|| opposed(&p.deny, &p.admit, &q.admit, &q.deny))
        {
            push("admission-vs-denial", self.admission_vs_denial, a, b);
        }
        if let Some((a, b)) = opposed(&p.hedge, &p.categorical, &q.categorical, &q.hedge)
            .or_else(|| opposed(&p.categorical, &p.hedge, &q.hedge, &q.categorical))
        {
            push("hedged-vs-categorical", self.hedged_vs_categorical, a, b);
        }
        if let Some((a, b)) = opposed(&p.pessimism, &p.optimism, &q.optimism, &q.pessimism)
            .or_else(|| opposed(&p.optimism, &p.pessimism, &q.pessimism, &q.optimism))
        {
            push("outlook-mismatch", self.outlook, a, b);
        }
        if let Some((a, b)) = opposed(
            &p.occurrence,
            &p.nonexistence,
            &q.nonexistence,
            &q.occurrence,
        )
        .or_else(|| {
            opposed(
                &p.nonexistence,
                &p.occurrence,
                &q.occurrence,
                &q.nonexistence,
            )
        }) {
            push("occurrence-vs-denial", self.occurrence_vs_denial, a, b);
        }
        // Blaming another in public while, in private, the side's own hand
        // shows (`Our principles are more important to us than ...`).
        let own_part = p.own_part.as_ref().or(p.refusal.as_ref());
        if let (Some(a), Some(b), None, None) = (own_part, &q.blame_other, &p.blame_other, &q.admit)
        {
            if p.admit.is_none() || q.deny.is_none() {
                push(
                    "own-part-vs-blame",
                    self.own_part_vs_blame,
                    a.clone(),
                    b.clone(),
                );
            }
        }
        for (pv, pu) in &p.numbers {
            if let Some((qv, _)) = q.numbers.iter().find(|(qv, qu)| qu == pu && qv != pv) {
                push(
                    "number-mismatch",
                    self.number_mismatch,
                    format!("{pv} {pu}"),
                    format!("{qv} {pu}"),
                );
                break;
            }
        }
        let q_neg: std::collections::HashMap<&str, bool> =
            q.negated.iter().map(|(w, n)| (w.as_str(), *n)).collect();
        if let Some((w, pn)) = p
            .negated
            .iter()
            .find(|(w, pn)| q_neg.get(w.as_str()).is_some_and(|qn| qn != pn))
        {
            let (a, b) = if *pn {
                (format!("not {w}"), w.clone())
            } else {
                (w.clone(), format!("not {w}"))
            };
            // Refusal verbs already carry the negation; only a bare flip counts.
            if p.refusal.is_none() || q.refusal.is_none() {
                push("negation-flip", self.negation_flip, a, b);
            }
        }
        // A denial set against a plain statement sharing its words: the
        // other line neither denies, refuses, hedges nor negates anything.
        let plain = |c: &StanceCues| {
            c.deny.is_none()
                && c.refusal.is_none()
                && c.nonexistence.is_none()
                && c.hedge.is_none()
                && c.admit.is_none()
                && !c.negated.iter().any(|(_, n)| *n)
        };
        let shared = |a: &StanceCues, b: &StanceCues| {
            a.negated
                .iter()
                .filter(|(w, _)| b.negated.iter().any(|(v, _)| v == w))
                .map(|(w, _)| w.as_str())
                .collect::<std::collections::BTreeSet<&str>>()
                .len()
        };
        if signals.is_empty() {
            if let (Some(d), true) = (&q.deny, plain(p)) {
                if shared(p, q) >= 2 {
                    signals.push(Signal {
                        kind: "denial-vs-assertion".to_string(),
                        weight: self.denial_vs_assertion,
                        private: (private.id.clone(), short(&private.text)),
                        public: (public.id.clone(), d.clone()),
                    });
                }
            } else if let (Some(d), true) = (&p.deny, plain(q)) {
                if shared(p, q) >= 2 {
                    signals.push(Signal {
                        kind: "denial-vs-assertion".to_string(),
                        weight: self.denial_vs_assertion,
                        private: (private.id.clone(), d.clone()),
                        public: (public.id.clone(), short(&public.text)),
                    });
                }
            }
        }
        if signals.is_empty() {
            return None;
        }
        let score = 1.0
            - signals
                .iter()
                .fold(1.0, |acc, s| acc * (1.0 - s.weight.clamp(0.0, 1.0)));
        Some((score, signals))
    }
}

/// The statement's content with its attribution cue in front: a stance
/// is often in the verb (`refused to discuss`, `insists on`). Another
/// party's reported line inside it (`..., a position that contradicts
/// Kallas's insistence that "not one metre ..."`) is left out: it is
/// that party's stance, not the speaker's.
fn stance_text(a: &AnalyzedStatement) -> String {
    let own = own_words(&a.text);
    match a
        .evidence
        .iter()
        .find(|e| e.rule == crate::ATTRIBUTION_CUE_RULE)
    {
        Some(cue) => format!("{} {}", cue.phrase, own),
        None => own.to_string(),
    }
}

/// `text` up to a possessor's noun of saying (`Kallas's insistence that`,
/// `the ministry’s claim that`), where another party's line begins.
fn own_words(text: &str) -> &str {
    const NOUNS: [&str; 9] = [
        "insistence",
        "claim",
        "claims",
        "assertion",
        "statement",
        "position",
        "pledge",
        "promise",
        "denial",
    ];
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return text;
    }
    let mut cut = text.len();
    for noun in NOUNS {
        let needle = format!(" {noun} that");
        let Some(at) = lower.find(&needle) else {
            continue;
        };
        // The possessor, right before the noun or before one adjective
        // (`Kallas's public insistence that`).
        let before: Vec<(usize, &str)> = lower[..at]
            .split(' ')
            .scan(0, |pos, w| {
                let here = *pos;
                *pos += w.len() + 1;
                Some((here, w))
            })
            .collect();
        let possessor = before
            .iter()
            .rev()
            .take(2)
            .find(|(_, w)| w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'"));
        if let Some(&(start, _)) = possessor {
            cut = cut.min(start);
        }
    }
    text[..cut].trim_end()
}

fn short(text: &str) -> String {
    let t = text
        .trim()
        .trim_matches(|c| c == '"' || c == '“' || c == '”');
    let mut out = String::new();
    for (i, w) in t.split_whitespace().enumerate() {
        if i >= 18 {
            out.push_str(" ...");
            break;
        }
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Statement indices grouped by identical text: (first index, all indices).
fn distinct_texts(statements: &[&AnalyzedStatement], ids: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let mut by_text: HashMap<&str, usize> = HashMap::default();
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in ids {
        let t = statements[i].text.trim();
        match by_text.get(t) {
            Some(&slot) => out[slot].1.push(i),
            None => {
                by_text.insert(t, out.len());
                out.push((i, vec![i]));
            }
        }
    }
    out
}

/// The topic two statements share that ranks highest in both lists (the
/// smallest sum of positions), on a tie the one more statements of the
/// side share (`size`), then the first by name.
fn best_shared_topic<'a>(
    p: &'a AnalyzedStatement,
    q: &AnalyzedStatement,
    size: impl Fn(&str) -> usize,
) -> Option<&'a str> {
    p.topics
        .iter()
        .enumerate()
        .filter_map(|(a, t)| {
            q.topics
                .iter()
                .position(|u| u == t)
                .map(|b| (a + b, std::cmp::Reverse(size(t)), t))
        })
        .min()
        .map(|(_, _, t)| t.as_str())
}

/// Private and public statement indices of one (side, topic).
type Group = (Vec<usize>, Vec<usize>);

/// A scored (private, public) pair: score, statement indices, signals.
type Hit = (f64, usize, usize, Vec<Signal>);

/// A group's distinct private and public texts (representative, copies)
/// and its scored pairs.
type ScoredGroup = (Vec<(usize, Vec<usize>)>, Vec<(usize, Vec<usize>)>, Vec<Hit>);

/// Groups statements by (side, topic) and scores each group's private
/// statements against its public ones.
pub(crate) fn pair(
    input: &[AnalyzedStatement],
    cfg: &Config,
) -> (Vec<Divergence>, Vec<PrivateOnly>) {
    // In statement-id order, so that the result does not depend on the order
    // the statements come in (a distributed job sees them shuffled).
    let mut statements: Vec<&AnalyzedStatement> = input.iter().collect();
    statements.par_sort_by(|a, b| a.id.cmp(&b.id));
    let statements = statements.as_slice();
    // (side, topic) → (private, public) statement indices.
    let mut groups: BTreeMap<(&str, &str), Group> = BTreeMap::new();
    for (i, a) in statements.iter().enumerate() {
        let Some(side) = a.side.as_deref() else {
            continue;
        };
        let former_on_record =
            a.channel == Channel::Public && a.speaker.as_ref().is_some_and(|s| s.former);
        if former_on_record {
            continue;
        }
        for t in &a.topics {
            let g = groups.entry((side, t.as_str())).or_default();
            match a.channel {
                Channel::Private => g.0.push(i),
                Channel::Public => g.1.push(i),
                Channel::Unknown => {}
            }
        }
    }
    // A bloc's public line is also its members' (`the West blames X` for
    // the EU): members with private lines on a topic borrow it.
    let mut borrowed: Vec<((&str, &str), Vec<usize>)> = Vec::new();
    for (&(side, topic), (private, _)) in &groups {
        if private.is_empty() {
            continue;
        }
        for bloc in cfg.knowledge.blocs_of(side) {
            if let Some((_, public)) = groups.get(&(bloc.as_str(), topic)) {
                if !public.is_empty() {
                    borrowed.push(((side, topic), public.clone()));
                }
            }
        }
    }
    for (key, public) in borrowed {
        if let Some(g) = groups.get_mut(&key) {
            g.1.extend(public);
            g.1.sort_unstable();
            g.1.dedup();
        }
    }
    let mut divergences = Vec::new();
    let mut private_only = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    let mut reported_private: HashSet<(String, Vec<String>)> = HashSet::default();
    // Scoring is independent per group: score the groups in parallel, then
    // walk them in order for what depends on earlier groups.
    let group_list: Vec<(&(&str, &str), &Group)> = groups.iter().collect();
    let scored: Vec<Option<ScoredGroup>> = group_list
        .par_iter()
        .map(|(_, (priv_ids, pub_ids))| {
            if priv_ids.is_empty() || pub_ids.is_empty() {
                return None;
            }
            // Copies of one text (wire copies, repeated quotes) are scored once.
            let (priv_reps, pub_reps) = (
                distinct_texts(statements, priv_ids),
                distinct_texts(statements, pub_ids),
            );
            let pr: Vec<usize> = priv_reps.iter().take(MAX_GROUP).map(|r| r.0).collect();
            let qr: Vec<usize> = pub_reps.iter().take(MAX_GROUP).map(|r| r.0).collect();
            let p_st: Vec<&AnalyzedStatement> = pr.iter().map(|&i| statements[i]).collect();
            let q_st: Vec<&AnalyzedStatement> = qr.iter().map(|&i| statements[i]).collect();
            let scores = cfg.scorer.score_all(&p_st, &q_st);
            let pairs = pr.iter().flat_map(|&p| qr.iter().map(move |&q| (p, q)));
            let mut hits: Vec<Hit> = Vec::new();
            for ((p, q), scored) in pairs.zip(scores) {
                if let Some((score, signals)) = scored {
                    if score >= cfg.min_divergence && score > 0.0 {
                        hits.push((score, p, q, signals));
                    }
                }
            }
            Some((priv_reps, pub_reps, hits))
        })
        .collect();
    for (((side, topic), (priv_ids, _)), scored) in group_list.into_iter().zip(scored) {
        if priv_ids.is_empty() {
            continue;
        }
        let Some((priv_reps, pub_reps, mut hits)) = scored else {
            // The same private lines under a second topic name add nothing.
            let private: Vec<String> = priv_ids.iter().map(|&i| statements[i].id.clone()).collect();
            if reported_private.insert((side.to_string(), private.clone())) {
                private_only.push(PrivateOnly {
                    side: side.to_string(),
                    topic: topic.to_string(),
                    private,
                });
            }
            continue;
        };
        // A pair is reported once, under the topic the two statements hold
        // most strongly together (each lists its topics strongest first),
        // not under whichever name sorts first.
        hits.retain(|(_, pi, qi, _)| {
            !seen.contains(&(*pi, *qi))
                && best_shared_topic(statements[*pi], statements[*qi], |t| {
                    groups.get(&(side, t)).map_or(0, |g| g.0.len() + g.1.len())
                })
                .is_none_or(|t| t == *topic)
        });
        if hits.is_empty() {
            continue;
        }
        hits.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(&b.2))
        });
        for h in &hits {
            seen.insert((h.1, h.2));
        }
        let copies_of: HashMap<usize, &Vec<usize>> = priv_reps
            .iter()
            .chain(pub_reps.iter())
            .map(|(r, all)| (*r, all))
            .collect();
        let copies = |_: &[(usize, Vec<usize>)], rep: usize| -> Vec<usize> {
            copies_of
                .get(&rep)
                .map_or_else(|| vec![rep], |all| (*all).clone())
        };
        let mut private = Vec::new();
        let mut public = Vec::new();
        let mut listed: HashSet<usize> = HashSet::default();
        let mut signals = Vec::new();
        let mut parts = Vec::new();
        for (score, pi, qi, sig) in &hits {
            let (p, q) = (statements[*pi], statements[*qi]);
            for i in copies(&priv_reps, *pi) {
                if listed.insert(i) {
                    private.push(statements[i].id.clone());
                }
            }
            for i in copies(&pub_reps, *qi) {
                if listed.insert(i) {
                    public.push(statements[i].id.clone());
                }
            }
            if parts.len() < 3 {
                let cues: Vec<String> = sig
                    .iter()
                    .map(|s| format!("{}: \"{}\" vs \"{}\"", s.kind, s.private.1, s.public.1))
                    .collect();
                // A bloc's line is named as such.
                let bloc = match q.side.as_deref() {
                    Some(b) if b != *side => format!(" ({b}, a bloc {side} belongs to)"),
                    _ => String::new(),
                };
                parts.push(format!(
                    "private {} \"{}\" vs public {}{} \"{}\" ({:.2}; {})",
                    p.id,
                    short(&p.text),
                    q.id,
                    bloc,
                    short(&q.text),
                    score,
                    cues.join("; ")
                ));
            }
            signals.extend(sig.iter().cloned());
        }
        let score = hits.first().map_or(0.0, |h| h.0);
        divergences.push(Divergence {
            side: side.to_string(),
            topic: topic.to_string(),
            private,
            public,
            score,
            explanation: format!("{side} on {topic}: {}", parts.join(" | ")),
            signals,
        });
    }
    divergences.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.side.cmp(&b.side))
            .then_with(|| a.topic.cmp(&b.topic))
    });
    (divergences, private_only)
}

#[cfg(test)]
mod tests {
    use super::{best_shared_topic, own_words, LexiconScorer, StanceCues};

    #[test]
    fn another_partys_reported_line_is_no_part_of_the_speakers_stance() {
        assert_eq!(
            own_words(
                "that Ostravia could live with a neutral valley, a position that \
                 contradicts Kallas's public insistence that \"not one metre\" is negotiable"
            ),
            "that Ostravia could live with a neutral valley, a position that contradicts"
        );
        assert_eq!(
            own_words("the ministry’s claim that the port is closed is false"),
            "the"
        );
        // No possessor: a noun of saying is the speaker's own words.
        assert_eq!(
            own_words("the claim that the port is closed is false"),
            "the claim that the port is closed is false"
        );
    }
    use crate::DivergenceScorer;
    use backchannel_core::{AnalyzedStatement, Channel, Form, Span, Statement};

    #[test]
    fn a_negative_subject_with_a_future_is_a_refusal() {
        let c =
            StanceCues::of("“No foreign inspector will set foot in the control room,” she said.");
        assert_eq!(c.refusal.as_deref(), Some("No foreign inspector will"));
        // A `no` inside a clause is not one (`there is no doubt it will`).
        let c = StanceCues::of("There is no doubt the dam will fill on time.");
        assert_eq!(c.refusal, None);
    }

    fn statement(id: &str, text: &str) -> AnalyzedStatement {
        AnalyzedStatement {
            id: id.into(),
            document: 0,
            statement: Statement {
                span: Span::new(0, text.len()),
                fragments: vec![Span::new(0, text.len())],
                form: Form::Indirect,
                cue: None,
                speaker: None,
            },
            text: text.into(),
            speaker: None,
            side: None,
            channel: Channel::Unknown,
            evidence: Vec::new(),
            topics: Vec::new(),
        }
    }

    #[test]
    fn a_denial_against_a_plain_account_of_the_same_thing_diverges() {
        let scorer = LexiconScorer::default();
        let private = statement(
            "p",
            "Marovia privately asked Delsk for cheaper gas before the winter",
        );
        let public = statement(
            "q",
            "Lind denied that Marovia sought cheaper gas from Delsk",
        );
        let (_, signals) = scorer
            .score(&private, &public)
            .expect("a denial of what the private line states");
        assert!(signals
            .iter()
            .any(|s| s.kind == "denial-vs-assertion" || s.kind == "negation-flip"));
        // A private line that denies too agrees with the public one.
        let agreeing = statement("r", "An aide denied that Marovia sought cheaper gas");
        assert!(scorer.score(&agreeing, &public).is_none());
        // So does one that shares no words with what is denied.
        let elsewhere = statement("s", "The harvest was the best in a decade");
        assert!(scorer.score(&elsewhere, &public).is_none());
    }

    #[test]
    fn blaming_another_in_public_against_the_sides_own_hand_in_private() {
        let scorer = LexiconScorer::default();
        let public = statement(
            "q",
            "the Coastal League has placed all the blame on Varnland",
        );
        let private = statement(
            "p",
            "Our fishing quotas are more important to us than the caravan route",
        );
        let (score, signals) = scorer.score(&private, &public).expect("own part vs blame");
        assert!(signals.iter().any(|s| s.kind == "own-part-vs-blame"));
        assert!(score > 0.44, "{score}");
        let refusing = statement("r", "the League would not suspend a single tariff");
        assert!(scorer.score(&refusing, &public).is_some());
        // A private line that blames the same party agrees with it.
        let agreeing = statement(
            "s",
            "we decided to wait, and Varnland is solely responsible for the collapse",
        );
        assert!(scorer.score(&agreeing, &public).is_none());
        // So does a public line that does not blame anyone.
        let plain = statement("t", "the League regrets that the accord lapsed");
        assert!(scorer.score(&private, &plain).is_none());
    }

    #[test]
    fn a_pair_goes_under_the_topic_both_hold_most_strongly() {
        let mut p = statement("p", "x");
        let mut q = statement("q", "y");
        p.topics = vec!["nato door".into(), "principles".into()];
        q.topics = vec!["principles".into(), "nato door".into(), "war".into()];
        // A tie on positions: the topic more of the side's statements share.
        let sizes = |t: &str| if t == "nato door" { 5 } else { 2 };
        assert_eq!(best_shared_topic(&p, &q, sizes), Some("nato door"));
        q.topics = vec!["nato door".into(), "principles".into()];
        assert_eq!(best_shared_topic(&p, &q, |_| 0), Some("nato door"));
        q.topics = vec!["war".into()];
        assert_eq!(best_shared_topic(&p, &q, |_| 0), None);
    }
}
