//! Learning attribution cues from brat gold.
//!
//! [`learn_cues`] reads every gold Cue span, strips the auxiliaries and
//! adverbs PolNeAR keeps in front of the verb (`has also said` → `said`), and
//! keys the rest by its lowercased words (`said`, `took heat for`). It then
//! sweeps every gold text for the same word sequences in a plausible verb
//! position (not after a determiner or a possessive, so `the claims` does not
//! count) and counts how many of those occurrences are gold cues: `gold/seen`
//! estimates the precision of treating the phrase as a cue.
//!
//! Every form of the hand-written cue verbs is measured the same way, and the
//! ones that are almost never gold cues (`emails`, `states`) are written too,
//! as evidence against them: the extractor drops them from its lexicon.
//!
//! The committed model, `data/cues.tsv`, comes from
//! `backchannel train --gold ../shared/data/polnear/train --out crates/extract/data/cues.tsv`
//! and is compiled into the extractor, which adds the phrases
//! [`CueModel::usable`] keeps to its hand-written lexicon.

use crate::lexicon::{classify, WordClass};
use backchannel_brat::GoldDoc;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Longest cue phrase kept, in words.
pub const MAX_CUE_WORDS: usize = 4;

/// Fewest gold occurrences for a phrase to be written to the model (see
/// `lexicon::LEARNED_MIN_GOLD`).
const MIN_GOLD_WRITTEN: u32 = 1;
/// Fewest plausible occurrences for an unreliable hand-written cue form to
/// be written to the model (as evidence against it).
const MIN_SEEN_WRITTEN: u32 = 20;
/// Lowest estimated precision for a phrase to be written to the model.
const MIN_PRECISION_WRITTEN: f64 = 0.05;

/// One learned cue phrase with its counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CueStat {
    /// Lowercased words joined by single spaces (`railed against`).
    pub phrase: String,
    /// Occurrences that are (the head of) a gold cue.
    pub gold: u32,
    /// Occurrences in a plausible verb position.
    pub seen: u32,
}

impl CueStat {
    /// Estimated precision of the phrase as a cue.
    pub fn precision(&self) -> f64 {
        if self.seen == 0 {
            0.0
        } else {
            f64::from(self.gold) / f64::from(self.seen)
        }
    }

    /// Number of words in the phrase.
    pub fn words(&self) -> usize {
        self.phrase.split(' ').count()
    }
}

/// Learned cue phrases, most frequent first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CueModel {
    pub cues: Vec<CueStat>,
}

/// A malformed line in a cue model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cue model line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for ModelError {}

/// Rows `name<TAB>count<TAB>seen` of a counts TSV (`#` and blank lines
/// skipped), checked: a non-empty `name` (`what`; trimmed when `trim`),
/// numbers, `count <= seen`.
fn count_rows<'t>(
    tsv: &'t str,
    what: &str,
    trim: bool,
    count: &str,
) -> Result<Vec<(&'t str, u32, u32)>, ModelError> {
    let mut rows = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |reason: String| ModelError {
            line: n + 1,
            reason,
        };
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or("");
        let name = if trim { name.trim() } else { name };
        if name.is_empty() {
            return Err(err(format!("empty {what}")));
        }
        let mut number = |label: &str| {
            cols.next()
                .and_then(|c| c.trim().parse::<u32>().ok())
                .ok_or_else(|| err(format!("{label} count is not a number")))
        };
        let counted = number(count)?;
        let seen = number("seen")?;
        if counted > seen {
            return Err(err(format!("{count} count exceeds seen count")));
        }
        rows.push((name, counted, seen));
    }
    Ok(rows)
}

impl CueModel {
    /// The model as TSV: a header, then `phrase gold seen precision`.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("# phrase\tgold\tseen\tprecision\n");
        for c in &self.cues {
            out.push_str(&format!(
                "{}\t{}\t{}\t{:.3}\n",
                c.phrase,
                c.gold,
                c.seen,
                c.precision()
            ));
        }
        out
    }

    /// Reads [`CueModel::to_tsv`]'s format; `#` lines and blank lines are skipped.
    pub fn from_tsv(tsv: &str) -> Result<Self, ModelError> {
        let cues = count_rows(tsv, "phrase", true, "gold")?
            .into_iter()
            .map(|(phrase, gold, seen)| CueStat {
                phrase: phrase.to_lowercase(),
                gold,
                seen,
            })
            .collect();
        Ok(CueModel { cues })
    }

    /// Phrases reliable enough to act as cues: at least `min_gold` gold
    /// occurrences and an estimated precision of at least `min_precision`.
    pub fn usable(&self, min_gold: u32, min_precision: f64) -> impl Iterator<Item = &CueStat> {
        self.cues
            .iter()
            .filter(move |c| c.gold >= min_gold && c.precision() >= min_precision)
    }
}

/// A lowercased word of a text with its byte span.
struct Word {
    start: usize,
    end: usize,
    lower: String,
}

/// Words of `text`: runs of letters and digits, with inner apostrophes and
/// hyphens (`don't`, `so-called`); curly apostrophes read as straight ones.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        let inner = matches!(c, '\'' | '’' | '-')
            && cur.is_some()
            && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            let (_, w) = cur.get_or_insert_with(|| (at, String::new()));
            if c == '’' {
                w.push('\'');
            } else {
                w.extend(c.to_lowercase());
            }
        } else if let Some((start, lower)) = cur.take() {
            out.push(Word {
                start,
                end: at,
                lower,
            });
        }
    }
    if let Some((start, lower)) = cur {
        out.push(Word {
            start,
            end: text.len(),
            lower,
        });
    }
    out
}

/// Words PolNeAR keeps in a cue before its head (`has`, `also`, `sharply`).
fn modifier(word: &str, buf: &mut String) -> bool {
    matches!(
        classify(word, buf),
        Some(WordClass::Auxiliary | WordClass::Adverb)
    ) || (word.len() > 4 && word.ends_with("ly"))
        || word == "not"
        || word.ends_with("n't")
}

/// Whether the word at `i` may be a verb: not after a determiner or a
/// possessive (`the claims`, `Vell's remarks`).
fn plausible(ws: &[Word], i: usize, buf: &mut String) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| ws.get(p)) else {
        return true;
    };
    !(matches!(classify(&prev.lower, buf), Some(WordClass::Determiner))
        || prev.lower.ends_with("'s"))
}

/// Learns cue phrases and their precision from gold documents.
pub fn learn_cues(gold: &[GoldDoc]) -> CueModel {
    let mut buf = String::new();
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    // The hand-written cue forms are measured too, so that the extractor
    // can drop the ones that are almost never cues.
    let hand: HashSet<String> = crate::lexicon::hand_cue_forms().into_iter().collect();
    for form in &hand {
        counts.insert(form.clone(), (0, 0));
    }
    let mut heads: Vec<Vec<Option<usize>>> = Vec::with_capacity(gold.len());
    // Pass 1: the key of every gold cue and where it starts.
    for doc in gold {
        let text = doc.document.text.as_str();
        let ws = words(text);
        let mut head_len = vec![None; ws.len()];
        for a in &doc.attributions {
            let Some(first) = a.cue.iter().min_by_key(|s| s.start) else {
                continue;
            };
            let from = ws.partition_point(|w| w.end <= first.start);
            let inside: Vec<usize> = (from..ws.len())
                .take_while(|&k| ws.get(k).is_some_and(|w| w.start < first.end))
                .collect();
            let Some(head) = inside
                .iter()
                .position(|&k| ws.get(k).is_some_and(|w| !modifier(&w.lower, &mut buf)))
            else {
                continue;
            };
            let key_words: Vec<usize> = inside.iter().skip(head).copied().collect();
            if key_words.is_empty() || key_words.len() > MAX_CUE_WORDS {
                continue;
            }
            let Some(&start) = key_words.first() else {
                continue;
            };
            if let Some(slot) = head_len.get_mut(start) {
                *slot = Some(key_words.len());
            }
            let key = phrase(&ws, start, key_words.len());
            counts.entry(key).or_insert((0, 0));
        }
        heads.push(head_len);
    }
    // Pass 2: every plausible occurrence of a key, and whether it is gold.
    for (doc, head_len) in gold.iter().zip(&heads) {
        let ws = words(&doc.document.text);
        for i in 0..ws.len() {
            if !plausible(&ws, i, &mut buf) {
                continue;
            }
            for n in 1..=MAX_CUE_WORDS.min(ws.len() - i) {
                if let Some(entry) = counts.get_mut(&phrase(&ws, i, n)) {
                    entry.1 += 1;
                    if head_len.get(i).copied().flatten() == Some(n) {
                        entry.0 += 1;
                    }
                }
            }
        }
    }
    let mut cues: Vec<CueStat> = counts
        .into_iter()
        .map(|(phrase, (gold, seen))| CueStat { phrase, gold, seen })
        .filter(|c| {
            let reliable = c.gold >= MIN_GOLD_WRITTEN && c.precision() >= MIN_PRECISION_WRITTEN;
            let unreliable_hand =
                hand.contains(&c.phrase) && c.seen >= MIN_SEEN_WRITTEN && c.precision() < 0.1;
            reliable || unreliable_hand
        })
        .collect();
    cues.sort_by(|a, b| b.gold.cmp(&a.gold).then_with(|| a.phrase.cmp(&b.phrase)));
    CueModel { cues }
}

/// Fewest boundaries seen for a next-token key to be written to the
/// content-end model.
const MIN_BOUNDARY_SEEN: u32 = 8;
/// Share of gold content ends among a key's boundaries at or above which
/// content is cut before it. Only the near-certain stops (`, according`,
/// `, said`); where gold goes either way (`, the`, `, which`, `;`) the
/// learned content cut decides from the words around the place, which
/// held-out folds of train score higher than a fixed stop.
pub const CUT_PRECISION: f64 = 0.9;

/// How often gold content ends before one next-token key (`,|who`, `during`).
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryStat {
    /// The token after the boundary, or the two tokens after it joined by `|`.
    pub key: String,
    /// Boundaries with this key where a gold content ends.
    pub cut: u32,
    /// Boundaries with this key inside or at the end of a gold content.
    pub seen: u32,
}

impl BoundaryStat {
    /// Whether content is cut before this key.
    pub fn cuts(&self) -> bool {
        self.seen > 0 && f64::from(self.cut) / f64::from(self.seen) >= CUT_PRECISION
    }
}

/// Where indirect content ends: for the tokens that may follow a word of
/// content, whether gold content usually stops before them. Single-token
/// keys give the rule; two-token keys are written only where they overrule
/// it (`in` goes on, `in an interview` stops).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContentEndModel {
    pub keys: Vec<BoundaryStat>,
}

impl ContentEndModel {
    /// The model as TSV: a header, then `key cut seen`.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("# next-token key\tcut\tseen\n");
        for k in &self.keys {
            out.push_str(&format!("{}\t{}\t{}\n", k.key, k.cut, k.seen));
        }
        out
    }

    /// Reads [`ContentEndModel::to_tsv`]'s format; `#` and blank lines are skipped.
    pub fn from_tsv(tsv: &str) -> Result<Self, ModelError> {
        let keys = count_rows(tsv, "key", false, "cut")?
            .into_iter()
            .map(|(key, cut, seen)| BoundaryStat {
                key: key.to_string(),
                cut,
                seen,
            })
            .collect();
        Ok(ContentEndModel { keys })
    }
}

/// One token of the content-end model's view of a text: a word (lowercased,
/// inner `.`/`'`/`-` kept, a closing `.` dropped; `Cap` for any capitalised
/// word, so that no name is learned) or one punctuation mark, quote marks
/// all read as `"`.
pub(crate) fn boundary_token(raw: &str, out: &mut String) {
    out.clear();
    let mut chars = raw.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_alphanumeric() => {
            out.push(if is_quote_mark(c) { '"' } else { c });
        }
        (Some(c), _) if c.is_uppercase() => out.push_str("Cap"),
        _ if raw.is_ascii() => {
            let word = raw.trim_end_matches('.');
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        _ => {
            for c in raw.trim_end_matches('.').chars() {
                if c == '’' {
                    out.push('\'');
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'')
}

/// Tokens of `text` for [`learn_content_ends`], with byte spans, and
/// whether each sits inside double quote marks.
fn boundary_tokens(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if c == '\n' {
            quoted = false;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = at + c.len_utf8();
            while let Some(&(n_at, n)) = iter.peek() {
                if n.is_alphanumeric() {
                    end = n_at + n.len_utf8();
                    iter.next();
                    continue;
                }
                let joins = matches!(n, '\'' | '’' | '.' | '-' | '&')
                    && text
                        .get(n_at + n.len_utf8()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphanumeric);
                if joins {
                    end = n_at + n.len_utf8();
                    iter.next();
                    continue;
                }
                break;
            }
            out.push((at, end, quoted));
            continue;
        }
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            '"' => quoted = !quoted,
            _ => {}
        }
        out.push((at, at + c.len_utf8(), quoted));
    }
    out
}

/// Learns where indirect content ends from gold documents: every token
/// boundary inside a gold content (outside quote marks) counts as seen, and
/// as cut where the content ends there and its sentence goes on.
pub fn learn_content_ends(gold: &[GoldDoc]) -> ContentEndModel {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    let mut first = String::new();
    let mut second = String::new();
    for doc in gold {
        let text = doc.document.text.as_str();
        let toks = boundary_tokens(text);
        let slice = |k: usize| {
            toks.get(k)
                .and_then(|&(a, b, _)| text.get(a..b))
                .unwrap_or("")
        };
        for a in &doc.attributions {
            for frag in &a.content {
                // Boundaries before token k, for k inside the fragment after
                // its first token, and the one right after it.
                let from = toks.partition_point(|t| t.0 < frag.start);
                let mut k = from + 1;
                while let Some(&(start, _, quoted)) = toks.get(k) {
                    if start > frag.end {
                        break;
                    }
                    let at_end =
                        toks.get(k - 1).is_some_and(|p| p.1 <= frag.end) && start >= frag.end;
                    let inside = toks.get(k).is_some_and(|t| t.1 <= frag.end);
                    if !(at_end || inside) {
                        break;
                    }
                    let prev_end = toks.get(k - 1).map_or(start, |p| p.1);
                    let same_paragraph = !text.get(prev_end..start).unwrap_or("").contains('\n');
                    let sentence_end = at_end && matches!(slice(k), "." | "!" | "?");
                    if !quoted && same_paragraph && !sentence_end {
                        boundary_token(slice(k), &mut first);
                        let cut = u32::from(at_end);
                        let mut keys = vec![first.clone()];
                        if first != "\"" {
                            boundary_token(slice(k + 1), &mut second);
                            if !second.is_empty() {
                                keys.push(format!("{first}|{second}"));
                            }
                        }
                        for key in keys {
                            let e = counts.entry(key).or_insert((0, 0));
                            e.0 += cut;
                            e.1 += 1;
                        }
                    }
                    if at_end {
                        break;
                    }
                    k += 1;
                }
            }
        }
    }
    let decides =
        |&(cut, seen): &(u32, u32)| seen > 0 && f64::from(cut) / f64::from(seen) >= CUT_PRECISION;
    let mut keys: Vec<BoundaryStat> = counts
        .iter()
        .filter(|(key, c)| {
            if c.1 < MIN_BOUNDARY_SEEN {
                return false;
            }
            match key.split_once('|') {
                None => decides(c),
                Some((head, _)) => {
                    let head_cuts = counts
                        .get(head)
                        .is_some_and(|h| h.1 >= MIN_BOUNDARY_SEEN && decides(h));
                    decides(c) != head_cuts
                }
            }
        })
        .map(|(key, &(cut, seen))| BoundaryStat {
            key: key.clone(),
            cut,
            seen,
        })
        .collect();
    keys.sort_by(|a, b| b.seen.cmp(&a.seen).then_with(|| a.key.cmp(&b.key)));
    ContentEndModel { keys }
}

/// Full passes of gradient descent over the training candidates: enough
/// for the weights to settle to the printed precision.
const TRAINING_PASSES: usize = 300;
/// Strength of the L2 penalty on every weight (tuned on held-out folds of
/// train: 0.3 and 3 both score lower).
const L2_PENALTY: f64 = 1.0;
/// Step size of the per-weight adaptive (AdaGrad) steps.
const STEP: f64 = 0.5;
/// Weights smaller than this are left out of the written model.
const MIN_WEIGHT_WRITTEN: f64 = 0.02;

/// A linear classifier over the features of a cue word the rules left
/// without a statement (see `leftover_cue_candidates`): the score is the
/// log-odds that the word is a gold cue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CueClassifier {
    /// Feature and weight, sorted by feature.
    pub weights: Vec<(String, f64)>,
}

impl CueClassifier {
    /// The model as TSV: a header, then `feature weight`.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("# feature\tweight\n");
        for (f, w) in &self.weights {
            out.push_str(&format!("{f}\t{w:.3}\n"));
        }
        out
    }

    /// Reads [`CueClassifier::to_tsv`]'s format; `#` and blank lines are skipped.
    pub fn from_tsv(tsv: &str) -> Result<Self, ModelError> {
        let mut weights = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: &str| ModelError {
                line: n + 1,
                reason: reason.to_string(),
            };
            let Some((feature, weight)) = line.rsplit_once('\t') else {
                return Err(err("no tab between feature and weight"));
            };
            if feature.is_empty() {
                return Err(err("empty feature"));
            }
            let weight: f64 = weight
                .trim()
                .parse()
                .map_err(|_| err("weight is not a number"))?;
            if !weight.is_finite() {
                return Err(err("weight is not finite"));
            }
            weights.push((feature.to_string(), weight));
        }
        Ok(CueClassifier { weights })
    }
}

/// Trains the cue classifier, a logistic regression, on the cue words the
/// rules leave unused in the gold texts, labelled by whether the cue the
/// extractor would give them (the word with its auxiliaries and adverbs)
/// is exactly a gold cue.
pub fn learn_cue_classifier(gold: &[GoldDoc]) -> CueClassifier {
    cue_regression(gold, crate::leftover_cue_candidates)
}

/// Trains the rule veto, a logistic regression like
/// [`learn_cue_classifier`], on the cues of the statements the rules find,
/// labelled by whether the cue is exactly a gold cue.
pub fn learn_rule_veto(gold: &[GoldDoc]) -> CueClassifier {
    cue_regression(gold, crate::rule_cue_candidates)
}

/// Trains the nested veto, a logistic regression like
/// [`learn_rule_veto`], on the statements the extractor finds inside
/// another statement's content, labelled by whether the cue is exactly a
/// gold cue.
pub fn learn_nested_veto(gold: &[GoldDoc]) -> CueClassifier {
    cue_regression(gold, crate::nested_statement_candidates)
}

/// A logistic regression over candidate cues and their features, labelled
/// by whether the candidate span is exactly a gold cue.
fn cue_regression(
    gold: &[GoldDoc],
    candidates: fn(&backchannel_core::Document) -> Vec<crate::CueCandidate>,
) -> CueClassifier {
    let mut examples = Vec::new();
    for doc in gold {
        for (span, features) in candidates(&doc.document) {
            let positive = doc.attributions.iter().any(|a| a.cue.as_slice() == [span]);
            examples.push((features, positive));
        }
    }
    logistic_regression(examples)
}

/// Trains the content cut, a logistic regression like
/// [`learn_cue_classifier`], on the places where indirect contents (of rule
/// cues and of the cues the learned classifier accepts) may stop early: for a content whose start is a gold content's
/// start, each place before the gold end is a negative example and the gold
/// end, when the rules ran past it, the positive one.
pub fn learn_content_cut(gold: &[GoldDoc]) -> CueClassifier {
    let mut examples = Vec::new();
    for doc in gold {
        let gold_spans: Vec<(usize, usize)> = doc
            .attributions
            .iter()
            .filter_map(|a| match a.content.as_slice() {
                [one] => Some((one.start, one.end)),
                _ => None,
            })
            .collect();
        for group in crate::content_cut_candidates(&doc.document) {
            let ends = gold_spans
                .iter()
                .filter(|&&(start, _)| start == group.start)
                .map(|&(_, end)| end);
            // The gold end the rules reached, else any (then no place cuts).
            let target = ends
                .clone()
                .filter(|&end| end <= group.rule_end)
                .max()
                .or_else(|| ends.max());
            let Some(target) = target else {
                continue;
            };
            for (end, features) in group.cuts {
                if end > target {
                    break;
                }
                examples.push((features, end == target));
                if end == target {
                    break;
                }
            }
        }
    }
    logistic_regression(examples)
}

/// L2-penalised logistic regression, fitted by full-batch gradient descent
/// with per-weight adaptive steps (public for held-out checks such as
/// `examples/nested_cv.rs`). The loss is convex, so the fit is the one
/// optimum whatever the order of the examples, and a small change in the
/// examples moves the weights only a little: retraining after a rule
/// change measures the change, not the noise an online learner adds.
pub fn logistic_regression(labelled: Vec<(Vec<String>, bool)>) -> CueClassifier {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut examples: Vec<(Vec<usize>, bool)> = Vec::with_capacity(labelled.len());
    for (features, positive) in labelled {
        let mut ids: Vec<usize> = features
            .into_iter()
            .map(|f| {
                let next = index.len();
                *index.entry(f).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        examples.push((ids, positive));
    }
    let weights = fit_logistic(&examples, index.len());
    let mut out: Vec<(String, f64)> = index
        .into_iter()
        .filter_map(|(feature, f)| {
            let w = *weights.get(f)?;
            (w.abs() >= MIN_WEIGHT_WRITTEN).then_some((feature, w))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    CueClassifier { weights: out }
}

/// The weights of [`logistic_regression`] over examples given as feature
/// indices below `n`.
fn fit_logistic(examples: &[(Vec<usize>, bool)], n: usize) -> Vec<f64> {
    let mut weights = vec![0.0f64; n];
    // Sums of squared gradients, seeded so the first step is finite.
    let mut squares = vec![1e-8f64; n];
    let mut gradient = vec![0.0f64; n];
    for _ in 0..TRAINING_PASSES {
        for (g, w) in gradient.iter_mut().zip(&weights) {
            *g = L2_PENALTY * w;
        }
        for (ids, positive) in examples {
            let score: f64 = ids.iter().filter_map(|&f| weights.get(f)).sum();
            let p = 1.0 / (1.0 + (-score).exp());
            let error = p - if *positive { 1.0 } else { 0.0 };
            for &f in ids {
                if let Some(g) = gradient.get_mut(f) {
                    *g += error;
                }
            }
        }
        for ((w, s), g) in weights.iter_mut().zip(squares.iter_mut()).zip(&gradient) {
            *s += g * g;
            *w -= STEP * g / s.sqrt();
        }
    }
    weights
}

fn phrase(ws: &[Word], start: usize, n: usize) -> String {
    ws.iter()
        .skip(start)
        .take(n)
        .map(|w| w.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logistic_regression_separates_and_ignores_order() {
        let ex = |f: &[&str], y: bool| (f.iter().map(|s| s.to_string()).collect(), y);
        let mut examples = vec![
            ex(&["bias", "w=said"], true),
            ex(&["bias", "w=said"], true),
            ex(&["bias", "w=said"], false),
            ex(&["bias", "w=tall"], false),
            ex(&["bias", "w=tall"], false),
        ];
        let model = logistic_regression(examples.clone());
        let weight = |m: &CueClassifier, f: &str| {
            m.weights
                .iter()
                .find(|(k, _)| k == f)
                .map_or(0.0, |(_, w)| *w)
        };
        let said = weight(&model, "bias") + weight(&model, "w=said");
        let tall = weight(&model, "bias") + weight(&model, "w=tall");
        assert!(said > 0.0 && tall < 0.0, "said {said}, tall {tall}");
        // The penalty keeps 2 of 3 from reading as certainty.
        assert!(said < (2.0f64).ln() + 0.01, "said {said}");
        examples.reverse();
        assert_eq!(logistic_regression(examples).to_tsv(), model.to_tsv());
    }
    use backchannel_brat::Attribution;
    use backchannel_core::{Document, Span};

    fn doc(text: &str, cues: &[&str]) -> GoldDoc {
        let attributions = cues
            .iter()
            .filter_map(|c| {
                let at = text.find(c)?;
                Some(Attribution {
                    cue: vec![Span::new(at, at + c.len())],
                    ..Attribution::default()
                })
            })
            .collect();
        GoldDoc {
            document: Document::from_text("d", text),
            annotator: None,
            attributions,
            entities: Vec::new(),
        }
    }

    #[test]
    fn content_cut_learns_where_gold_content_stops() {
        // The rules run `said`'s content to the sentence end; gold stops it
        // before `, throwing`, which the cut offers as a place.
        let sentences = [
            (
                "Vell said the talks had failed, throwing the summit into doubt.",
                "the talks had failed",
            ),
            (
                "Osk said the border would stay shut, leaving traders stranded.",
                "the border would stay shut",
            ),
            (
                "Mira said the levy was unfair, angering the river guilds.",
                "the levy was unfair",
            ),
            // Commas the content runs past: where not to cut.
            (
                "Tarn said the dam, by all accounts, would hold.",
                "the dam, by all accounts, would hold",
            ),
            (
                "Ilse said the port, in any case, would reopen.",
                "the port, in any case, would reopen",
            ),
        ];
        let gold: Vec<GoldDoc> = sentences
            .iter()
            .map(|(text, content)| {
                let at = text.find(content).unwrap_or(0);
                GoldDoc {
                    document: Document::from_text("d", *text),
                    annotator: None,
                    attributions: vec![Attribution {
                        content: vec![Span::new(at, at + content.len())],
                        ..Attribution::default()
                    }],
                    entities: Vec::new(),
                }
            })
            .collect();
        let first = crate::content_cut_candidates(&gold[0].document);
        let gold_end = "Vell said the talks had failed".len();
        assert!(
            first
                .iter()
                .any(|c| c.start == "Vell said ".len()
                    && c.cuts.iter().any(|(end, _)| *end == gold_end)),
            "{first:?}"
        );
        let model = learn_content_cut(&gold);
        let weight = |f: &str| model.weights.iter().find(|(n, _)| n == f).map(|(_, w)| *w);
        assert!(weight("n|c2=,|ing").is_some_and(|w| w > 0.0), "{model:?}");
    }

    #[test]
    fn content_cut_reads_the_contents_of_learned_cues() {
        // `support` is no rule cue; the cue classifier accepts it here, and
        // its content is among those the cut trains on.
        let text = "Most voters support the levy in the north.";
        let groups = crate::content_cut_candidates(&Document::from_text("d", text));
        let start = text.find("the levy").unwrap_or(0);
        assert!(groups.iter().any(|c| c.start == start), "{groups:?}");
    }

    #[test]
    fn learns_heads_and_precision() {
        let gold = vec![
            doc(
                "Vell has also fumed that the talks failed.",
                &["has also fumed"],
            ),
            doc("Osk fumed that taxes rose. Mira fumed too.", &["fumed"]),
            doc("Tarn fumed that nobody came.", &["fumed"]),
            doc("The fumed oak table stood there.", &[]),
        ];
        let model = learn_cues(&gold);
        let fumed = model.cues.iter().find(|c| c.phrase == "fumed");
        let fumed = fumed.map(|c| (c.gold, c.seen));
        // The second `fumed` of doc 2 is no cue; `The fumed` is no verb position.
        assert_eq!(fumed, Some((3, 4)));
    }

    #[test]
    fn tsv_round_trips_and_rejects_bad_lines() {
        let model = CueModel {
            cues: vec![CueStat {
                phrase: "railed against".into(),
                gold: 4,
                seen: 5,
            }],
        };
        let back = CueModel::from_tsv(&model.to_tsv());
        assert_eq!(back.as_ref().ok(), Some(&model));
        assert!(CueModel::from_tsv("said\tx\t3\n").is_err());
        assert!(CueModel::from_tsv("said\t5\t3\n").is_err());
    }
}
