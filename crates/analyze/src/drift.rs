//! Drift: one quote or description rendered differently in two places.
//! Across documents, candidate pairs come from postings of word 3-shingles
//! (no all-pairs work); inside one document, a sentence that contrasts two
//! quoted renderings (`X's report replaces Y's "..." with "..."`).

use crate::knowledge::{AliasKind, Knowledge};
use crate::text::{self, Word};
use backchannel_core::{AnalyzedStatement, Document, Drift, Form, Rendering, Span};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use similar::{Algorithm, ChangeTag};

/// Shingles shared by more renderings than this are too common to
/// propose pairs (they would make the work quadratic).
const MAX_POSTING: usize = 64;
/// A candidate pair shares at least 1/this of the shorter rendering's trigrams.
const MIN_SHARED_TRIGRAMS_DIV: usize = 4;
/// Quotes shorter than this many words are too short to compare.
const MIN_WORDS: usize = 4;

const REPLACE_CUES: &[&str] = &[
    "replac*",
    "instead",
    "rather",
    "changed",
    "changes",
    "substitut*",
    "swap*",
    "rewr*",
    "rendered",
    "renders",
    "altered",
    "alters",
    "softened",
    "toned",
    "edited",
    "became",
    "becomes",
    "turned",
];

struct Quote {
    doc: usize,
    span: Span,
    text: String,
    /// Hashes of the normalised words: the index compares and shingles
    /// these, at 8 bytes a word (diffs are taken on the text).
    words: Vec<u64>,
    /// A reported description (an indirect statement), not a quotation:
    /// compared on the stretch it shares with the other rendering.
    description: bool,
}

fn norm_words(t: &str) -> Vec<String> {
    text::words(t)
        .into_iter()
        .map(|w| w.lower.to_string())
        .collect()
}

fn word_hashes(t: &str) -> Vec<u64> {
    use std::hash::BuildHasher;
    let h = rustc_hash::FxBuildHasher;
    text::words(t)
        .iter()
        .map(|w| h.hash_one(w.lower.as_str()))
        .collect()
}

/// One key for a word 3-shingle.
fn shingle(w: &[u64]) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one((w[0], w[1], w[2]))
}

/// Word diff of `a` → `b` with `[-removed-]` and `{+added+}` marks.
pub fn word_diff(a: &str, b: &str) -> String {
    let aw: Vec<&str> = a.split_whitespace().collect();
    let bw: Vec<&str> = b.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (tag, slice) in similar::utils::diff_slices(Algorithm::Myers, &aw, &bw) {
        let joined = slice.join(" ");
        out.push(match tag {
            ChangeTag::Equal => joined,
            ChangeTag::Delete => format!("[-{joined}-]"),
            ChangeTag::Insert => format!("{{+{joined}+}}"),
        });
    }
    out.join(" ")
}

/// The words [`core_drift_keyed`] compares: one hash per whitespace-separated
/// word of its trimmed lowercase form, in order, whether each is a content
/// word, and sorted copies of all of them and of the content words, which
/// bound how many can match before any diff is run.
struct DiffKeys {
    ordered: Vec<u64>,
    is_content: Vec<bool>,
    sorted: Vec<u64>,
    content: Vec<u64>,
}

impl DiffKeys {
    fn new(t: &str) -> DiffKeys {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher;
        let (ordered, is_content): (Vec<u64>, Vec<bool>) = t
            .split_whitespace()
            .map(|w| {
                let key = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let content = key.chars().count() >= 3 && !text::is_stopword(&key);
                (h.hash_one(key.as_str()), content)
            })
            .unzip();
        let mut sorted = ordered.clone();
        sorted.sort_unstable();
        let mut content: Vec<u64> = ordered
            .iter()
            .zip(&is_content)
            .filter_map(|(&hash, &c)| c.then_some(hash))
            .collect();
        content.sort_unstable();
        DiffKeys {
            ordered,
            is_content,
            sorted,
            content,
        }
    }
}

/// How many items two sorted lists share, counting repeats.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// [`core_drift_keyed`] on two texts.
#[cfg(test)]
fn core_drift(a: &str, b: &str, local: bool) -> Option<(f64, String)> {
    core_drift_keyed(a, b, &DiffKeys::new(a), &DiffKeys::new(b), local)
}

/// Similarity and word diff of the stretch two quotes share, with words
/// only one of them quotes at either end left out; `None` when nothing
/// changes inside that stretch (one quote is a part of the other). Quotes
/// must share most of the shorter one; `local` (descriptions inside longer
/// reported sentences) only needs the stretch itself to be close. The keys
/// are computed once per rendering, not once per pair.
fn core_drift_keyed(
    a: &str,
    b: &str,
    keys_a: &DiffKeys,
    keys_b: &DiffKeys,
    local: bool,
) -> Option<(f64, String)> {
    // The words a diff can keep equal are at most the words both have:
    // most pairs fail the thresholds below on that count alone, without
    // a diff.
    let shorter = keys_a.ordered.len().min(keys_b.ordered.len());
    let bound = shared_count(&keys_a.sorted, &keys_b.sorted);
    if bound < MIN_WORDS
        || !local && (bound as f64) < 0.6 * shorter as f64
        || local && (bound <= MIN_WORDS || shared_count(&keys_a.content, &keys_b.content) < 3)
    {
        return None;
    }
    let aw: Vec<&str> = a.split_whitespace().collect();
    let bw: Vec<&str> = b.split_whitespace().collect();
    let (ak, bk) = (&keys_a.ordered, &keys_b.ordered);
    let ops = similar::capture_diff_slices(Algorithm::Myers, ak, bk);
    // Only words one side alone has at an end are trimmed; a changed word
    // at an end (`could` → `might`) is drift.
    let inner = |o: &&similar::DiffOp| {
        o.tag() == similar::DiffTag::Equal || !local && o.tag() == similar::DiffTag::Replace
    };
    let first_eq = ops.iter().position(|o| inner(&o))?;
    let last_eq = ops.iter().rposition(|o| inner(&o))?;
    let core = &ops[first_eq..=last_eq];
    let (mut equal, mut len_a, mut len_b, mut changed) = (0usize, 0usize, 0usize, false);
    let mut content_equal = 0usize;
    let mut parts: Vec<String> = Vec::new();
    for op in core {
        let (ra, rb) = (op.old_range(), op.new_range());
        len_a += ra.len();
        len_b += rb.len();
        let old = aw.get(ra.clone()).map(|s| s.join(" ")).unwrap_or_default();
        let new = bw.get(rb.clone()).map(|s| s.join(" ")).unwrap_or_default();
        match op.tag() {
            similar::DiffTag::Equal => {
                equal += ra.len();
                content_equal += keys_a
                    .is_content
                    .get(ra.clone())
                    .map_or(0, |flags| flags.iter().filter(|&&c| c).count());
                parts.push(new);
            }
            similar::DiffTag::Delete => {
                changed = true;
                parts.push(format!("[-{old}-]"));
            }
            similar::DiffTag::Insert => {
                changed = true;
                parts.push(format!("{{+{new}+}}"));
            }
            similar::DiffTag::Replace => {
                changed = true;
                parts.push(format!("[-{old}-] {{+{new}+}}"));
            }
        }
    }
    // The shared stretch must be most of the shorter quote, not a phrase
    // two different quotes happen to share.
    let shorter = aw.len().min(bw.len());
    if !changed
        || len_a + len_b == 0
        || equal < MIN_WORDS
        || !local && (equal as f64) < 0.6 * shorter as f64
    {
        return None;
    }
    let sim = 2.0 * equal as f64 / (len_a + len_b) as f64;
    if local && (equal <= MIN_WORDS || content_equal < 3 || sim < 0.75) {
        return None;
    }
    Some((sim, parts.join(" ")))
}

/// 0..=1: twice the shared words over all words, in order (a diff ratio).
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let equal: usize = similar::utils::diff_slices(Algorithm::Myers, a, b)
        .iter()
        .filter(|(t, _)| *t == ChangeTag::Equal)
        .map(|(_, s)| s.len())
        .sum();
    2.0 * equal as f64 / (a.len() + b.len()) as f64
}

fn outlet_names(
    doc: &Document,
    k: &Knowledge,
    corpus_outlets: &[String],
    ws: &[Word],
) -> Vec<(Span, String)> {
    let mut out: Vec<(Span, String)> = k
        .find_aliases(ws)
        .into_iter()
        .filter(|m| m.entry.kind == AliasKind::Outlet)
        .map(|m| (m.span, m.entry.name.clone()))
        .collect();
    for o in doc
        .outlet
        .iter()
        .chain(corpus_outlets.iter())
        .filter(|o| !o.trim().is_empty())
    {
        let parts = norm_words(o);
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        for s in text::find_phrase(ws, &refs) {
            if !out.iter().any(|(x, _)| x.overlaps(s)) {
                out.push((s, o.to_string()));
            }
        }
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}

fn rendering(doc_index: usize, doc: &Document, span: Span, outlet: Option<String>) -> Rendering {
    Rendering {
        document: doc_index,
        span,
        text: span.slice(&doc.text).to_string(),
        outlet,
    }
}

/// Contrasts inside one sentence: two quotes with a replacement cue.
fn contrasts(
    di: usize,
    doc: &Document,
    k: &Knowledge,
    corpus_outlets: &[String],
    out: &mut Vec<Drift>,
) {
    let t = doc.text.as_str();
    let layout = text::Layout::new(t);
    for &(sent, _) in &layout.sentences {
        let quotes = text::quotes_in(t, sent);
        if quotes.len() < 2 {
            continue;
        }
        let ws = text::words_in(t, sent);
        let Some(cue_word) = ws.iter().find(|w| {
            REPLACE_CUES.iter().any(|c| text::word_matches(&w.lower, c))
                && w.span.end <= quotes[1].start
        }) else {
            continue;
        };
        let outlets = outlet_names(doc, k, corpus_outlets, &ws);
        for pair in quotes.windows(2) {
            let (q1, q2) = (pair[0], pair[1]);
            if cue_word.span.start > q2.start {
                continue;
            }
            let (wa, wb) = (norm_words(q1.slice(t)), norm_words(q2.slice(t)));
            if wa == wb || wa.is_empty() || wb.is_empty() {
                continue;
            }
            // `X replaces Y's "A" with "B"`: the cue's subject renders B, the
            // outlet named nearest before A rendered A. `"B" instead of "A"`
            // when the cue sits between the quotes.
            let between = cue_word.span.start >= q1.end;
            let (orig, repl) = if between
                && ws.iter().any(|w| {
                    w.span.start > q1.end
                        && w.span.end < q2.start
                        && matches!(w.lower.as_str(), "instead" | "rather")
                }) {
                (q2, q1)
            } else {
                (q1, q2)
            };
            let before_cue = outlets
                .iter()
                .rfind(|(s, _)| s.end <= cue_word.span.start)
                .map(|(_, n)| n.clone());
            let near_orig = outlets
                .iter()
                .rfind(|(s, _)| s.end <= orig.start && s.start >= cue_word.span.end)
                .map(|(_, n)| n.clone());
            let repl_outlet = before_cue.clone().or_else(|| doc.outlet.clone());
            let orig_outlet = near_orig.or_else(|| {
                outlets
                    .iter()
                    .find(|(_, n)| Some(n) != repl_outlet.as_ref())
                    .map(|(_, n)| n.clone())
            });
            let (a_text, b_text) = (orig.slice(t), repl.slice(t));
            out.push(Drift {
                a: rendering(di, doc, orig, orig_outlet),
                b: rendering(di, doc, repl, repl_outlet),
                similarity: similarity(&norm_words(a_text), &norm_words(b_text)),
                diff: word_diff(a_text, b_text),
            });
        }
    }
}

/// One document's contrasts and its quotes with their normalised words.
type DocDrift = (Vec<Drift>, Vec<(Span, Vec<u64>)>);

/// All drift in the corpus, most similar first.
pub(crate) fn find(
    docs: &[Document],
    statements: &[AnalyzedStatement],
    k: &Knowledge,
    min_similarity: f64,
) -> Vec<Drift> {
    let mut out = Vec::new();
    let mut quotes: Vec<Quote> = Vec::new();
    // Identical renderings (same words, same outlet) are one rendering.
    let mut distinct: HashMap<(Vec<u64>, Option<String>), usize> = HashMap::default();
    let mut corpus_outlets: Vec<String> = docs.iter().filter_map(|d| d.outlet.clone()).collect();
    corpus_outlets.sort();
    corpus_outlets.dedup();
    // Per document in parallel (in order): contrasts inside it and its
    // quotes' normalised words.
    let per_doc: Vec<DocDrift> = docs
        .par_iter()
        .enumerate()
        .map(|(di, doc)| {
            let mut found = Vec::new();
            contrasts(di, doc, k, &corpus_outlets, &mut found);
            let quoted = text::quotes_in(&doc.text, Span::new(0, doc.text.len()))
                .into_iter()
                .map(|span| (span, word_hashes(span.slice(&doc.text))))
                .filter(|(_, words)| words.len() >= MIN_WORDS)
                .collect();
            (found, quoted)
        })
        .collect();
    for ((di, doc), (found, quoted)) in docs.iter().enumerate().zip(per_doc) {
        out.extend(found);
        for (span, words) in quoted {
            let key = (words.clone(), doc.outlet.clone());
            if distinct.contains_key(&key) {
                continue;
            }
            distinct.insert(key, quotes.len());
            quotes.push(Quote {
                doc: di,
                span,
                text: span.slice(&doc.text).to_string(),
                words,
                description: false,
            });
        }
    }
    // Reported descriptions without quote marks (`officials held three
    // rounds of preliminary talks`, according to another outlet).
    let described: Vec<(&AnalyzedStatement, Vec<u64>)> = statements
        .par_iter()
        .filter(|a| matches!(a.statement.form, Form::Indirect | Form::Mixed))
        .map(|a| (a, word_hashes(&a.text)))
        .filter(|(_, words)| words.len() >= MIN_WORDS)
        .collect();
    for (a, words) in described {
        let Some(doc) = docs.get(a.document) else {
            continue;
        };
        let key = (words.clone(), doc.outlet.clone());
        if distinct.contains_key(&key) {
            continue;
        }
        distinct.insert(key, quotes.len());
        quotes.push(Quote {
            doc: a.document,
            span: a.statement.span,
            text: a.text.to_string(),
            words,
            description: true,
        });
    }
    // Shingle postings as one sorted (shingle, rendering) list: a tenth of
    // the memory of a map of lists on a large corpus.
    let mut postings: Vec<(u64, u32)> = quotes
        .par_iter()
        .enumerate()
        .flat_map_iter(|(qi, q)| {
            let mut keys: Vec<u64> = q.words.windows(3).map(shingle).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.into_iter().map(move |k| (k, qi as u32))
        })
        .collect();
    postings.par_sort_unstable();
    // The shingles worth proposing pairs: shared, but not too common.
    let runs: Vec<&[(u64, u32)]> = postings
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|list| list.len() > 1 && list.len() <= MAX_POSTING)
        .collect();
    // Each rendering's runs, as one flat list with offsets (no list per
    // rendering).
    let mut run_offsets: Vec<u32> = vec![0; quotes.len() + 1];
    for list in &runs {
        for &(_, q) in *list {
            run_offsets[q as usize + 1] += 1;
        }
    }
    for i in 1..run_offsets.len() {
        run_offsets[i] += run_offsets[i - 1];
    }
    let mut fill = run_offsets.clone();
    let mut runs_of: Vec<u32> = vec![0; run_offsets[quotes.len()] as usize];
    for (ri, list) in runs.iter().enumerate() {
        for &(_, q) in *list {
            runs_of[fill[q as usize] as usize] = ri as u32;
            fill[q as usize] += 1;
        }
    }
    drop(fill);
    // Only pairs sharing a fair part of the shorter rendering's word
    // trigrams are worth a word diff: one common phrase is not a rendering
    // of the same words, and diffing every such pair is quadratic. Each
    // rendering counts the shingles it shares with every later rendering
    // of another document (in parallel, in order, no shared map).
    let trigrams = |q: &Quote| q.words.len().saturating_sub(2).max(1);
    let quotes_ref = &quotes;
    let pairs: Vec<((usize, usize), usize)> = (0..quotes.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let qa = &quotes_ref[a];
            let mut later: Vec<u32> = Vec::new();
            let own = &runs_of[run_offsets[a] as usize..run_offsets[a + 1] as usize];
            for &ri in own {
                later.extend(runs[ri as usize].iter().filter_map(|&(_, b)| {
                    (b as usize > a && quotes_ref[b as usize].doc != qa.doc).then_some(b)
                }));
            }
            later.sort_unstable();
            let mut found: Vec<((usize, usize), usize)> = Vec::new();
            for same in later.chunk_by(|x, y| x == y) {
                let b = same[0] as usize;
                let shorter = trigrams(qa).min(trigrams(&quotes_ref[b]));
                if same.len() * MIN_SHARED_TRIGRAMS_DIV >= shorter {
                    found.push(((a, b), same.len()));
                }
            }
            found
        })
        .collect();
    drop(runs_of);
    drop(runs);
    drop(postings);
    // Keys of the renderings some pair compares, once each.
    let mut compared = vec![false; quotes.len()];
    for &((a, b), _) in &pairs {
        compared[a] = true;
        compared[b] = true;
    }
    let keys: Vec<Option<DiffKeys>> = quotes
        .par_iter()
        .zip(compared.par_iter())
        .map(|(q, &c)| c.then(|| DiffKeys::new(&q.text)))
        .collect();
    drop(compared);
    // The word diffs in parallel, kept in pair order.
    let diffs: Vec<Option<(usize, usize, f64, String)>> = pairs
        .par_iter()
        .map(|&((a, b), _)| {
            let (qa, qb) = (&quotes[a], &quotes[b]);
            if qa.words == qb.words {
                return None;
            }
            // One outlet may quote more of the passage than the other:
            // compare the stretch both quote, and only report a change inside it.
            let (ka, kb) = (keys[a].as_ref()?, keys[b].as_ref()?);
            let local = qa.description || qb.description;
            let (sim, diff) = core_drift_keyed(&qa.text, &qb.text, ka, kb, local)?;
            (sim >= min_similarity).then_some((a, b, sim, diff))
        })
        .collect();
    for (a, b, sim, diff) in diffs.into_iter().flatten() {
        let (qa, qb) = (&quotes[a], &quotes[b]);
        let (da, db) = (&docs[qa.doc], &docs[qb.doc]);
        out.push(Drift {
            a: Rendering {
                document: qa.doc,
                span: qa.span,
                text: qa.text.to_string(),
                outlet: da.outlet.clone(),
            },
            b: Rendering {
                document: qb.doc,
                span: qb.span,
                text: qb.text.to_string(),
                outlet: db.outlet.clone(),
            },
            similarity: sim,
            diff,
        });
    }
    // A quote inside a reported statement is found twice: keep one.
    let mut kept: Vec<Drift> = Vec::with_capacity(out.len());
    // Earlier kept renderings by their (unordered) document pair.
    let mut by_docs: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    for d in out {
        let docs_key = (
            d.a.document.min(d.b.document),
            d.a.document.max(d.b.document),
        );
        let same = |k: &Drift| {
            let fwd = k.a.document == d.a.document
                && k.b.document == d.b.document
                && k.a.span.overlaps(d.a.span)
                && k.b.span.overlaps(d.b.span);
            let rev = k.a.document == d.b.document
                && k.b.document == d.a.document
                && k.a.span.overlaps(d.b.span)
                && k.b.span.overlaps(d.a.span);
            fwd || rev
        };
        let earlier = by_docs.entry(docs_key).or_default();
        if !earlier.iter().any(|&i| same(&kept[i])) {
            earlier.push(kept.len());
            kept.push(d);
        }
    }
    let mut out = kept;
    out.sort_by(|x, y| {
        (x.a.document, x.a.span.start, x.b.document, x.b.span.start).cmp(&(
            y.a.document,
            y.a.span.start,
            y.b.document,
            y.b.span.start,
        ))
    });
    out.dedup_by(|x, y| {
        x.a.document == y.a.document
            && x.a.span == y.a.span
            && x.b.document == y.b.document
            && x.b.span == y.b.span
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_removed_and_added_words() {
        assert_eq!(
            word_diff(
                "envoys believed to be close to the palace",
                "senior members of the palace"
            ),
            "[-envoys believed to be close to-] {+senior members of+} the palace"
        );
        let a = norm_words("the talks will resume in spring");
        let b = norm_words("the talks may resume in spring");
        assert!((similarity(&a, &b) - 10.0 / 12.0).abs() < 1e-9);
        // Words only one outlet quotes at the ends are not drift.
        let (sim, diff) = core_drift(
            "officials said the lease could be presented as a commercial arrangement rather than a defence agreement, it said",
            "a commercial arrangement rather than a military agreement",
            false,
        )
        .unwrap_or_else(|| panic!("no drift"));
        assert_eq!(
            diff,
            "a commercial arrangement rather than a [-defence-] {+military+} agreement"
        );
        assert!(sim > 0.8);
        assert_eq!(
            core_drift("the whole quote is here", "quote is here", false),
            None
        );
    }
}
