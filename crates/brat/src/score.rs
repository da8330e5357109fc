//! Scoring predicted attribution relations against gold.
//!
//! All numbers are micro-averaged: counts are summed over every document
//! before precision, recall and F1 are taken. Lengths and overlaps are
//! counted in Unicode code points (as PolNeAR counts), not bytes.
//!
//! **Span metrics** (for each of Source, Cue and Content). Every relation
//! with a non-empty part contributes one item for that part; a part made of
//! several fragments (a split quote, `Content` + `Content2`) is one item.
//! Gold and predicted items are matched one-to-one inside each document.
//! - *exact*: a match needs identical fragment lists.
//! - *overlap*: a match needs at least one shared character; pairs are taken
//!   greedily, largest shared length first.
//!
//! Precision = matched predicted items / predicted items; recall = matched
//! gold items / gold items; F1 their harmonic mean (0 when both are 0).
//!
//! **Quote metrics** (`quotes`, one row per threshold, 0.3 and 0.8). Contents
//! are matched one-to-one, greedily by best ratio, where
//! `ratio = shared characters / max(gold length, predicted length)` over
//! the union of each content's fragments and a pair needs
//! `ratio >= threshold`. Dividing by the longer of the two penalises both a
//! prediction that covers a fraction of the gold and one that swallows far
//! more text, unlike overlap over the gold length alone.
//! *Speaker accuracy* is the share of matched pairs whose predicted source
//! shares a character with the gold source (or both have no source).
//!
//! **Quoted subset** (`quoted`): the same matching, read off for contents that
//! carry a quote mark (“ ” " « » „): recall over gold quoted contents,
//! precision over predicted quoted contents, speaker accuracy over matched
//! pairs whose gold content is quoted.

use crate::ann::Attribution;
use crate::polnear::GoldDoc;
use backchannel_core::{CharOffsets, Span, Statement};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Thresholds of the quote-level rows.
pub const QUOTE_THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Quote marks that make a content a quote for the `quoted` rows.
pub const QUOTE_MARKS: [char; 6] = ['“', '”', '"', '«', '»', '„'];

/// Counts and ratios of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    pub matched_gold: usize,
    pub matched_predicted: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn from_counts(
        gold: usize,
        predicted: usize,
        matched_gold: usize,
        matched_predicted: usize,
    ) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(matched_predicted, predicted);
        let recall = ratio(matched_gold, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            gold,
            predicted,
            matched_gold,
            matched_predicted,
            precision,
            recall,
            f1,
        }
    }
}

/// Exact and overlap scores of one relation part.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct SpanScores {
    pub exact: Prf,
    pub overlap: Prf,
}

/// Quote-level scores at one overlap-ratio threshold.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct QuoteScores {
    pub threshold: f64,
    pub prf: Prf,
    /// Matched pairs counted for speaker accuracy.
    pub speaker_pairs: usize,
    pub speaker_correct: usize,
    pub speaker_accuracy: f64,
}

/// Everything [`score`] measures; see the module docs for definitions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    pub documents: usize,
    pub source: SpanScores,
    pub cue: SpanScores,
    pub content: SpanScores,
    /// One row per [`QUOTE_THRESHOLDS`] entry, all contents.
    pub quotes: Vec<QuoteScores>,
    /// One row per [`QUOTE_THRESHOLDS`] entry, contents carrying quote marks.
    pub quoted: Vec<QuoteScores>,
}

/// A relation part in code points, fragments sorted.
type Item = Vec<(usize, usize)>;

fn to_items(offsets: &CharOffsets, len: usize, spans: &[Span]) -> Item {
    let mut item: Item = spans
        .iter()
        .map(|s| {
            offsets.span(Span::new(
                s.start.min(len),
                s.end.min(len).max(s.start.min(len)),
            ))
        })
        .filter(|(a, b)| a < b)
        .collect();
    item.sort();
    item.dedup();
    item
}

/// Characters shared by two fragment lists (fragments inside one list may
/// overlap each other only in malformed input; they are merged first).
fn shared(a: &Item, b: &Item) -> usize {
    let (a, b) = (merged(a), merged(b));
    let mut total = 0;
    for x in &a {
        for y in &b {
            total += x.1.min(y.1).saturating_sub(x.0.max(y.0));
        }
    }
    total
}

fn merged(item: &Item) -> Item {
    let mut out: Item = Vec::with_capacity(item.len());
    for &(s, e) in item {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn length(item: &Item) -> usize {
    merged(item).iter().map(|(s, e)| e - s).sum()
}

/// One-to-one greedy matching: pairs with a weight, best first, ties by
/// position so the result does not depend on hash order.
fn greedy_match(
    candidates: &mut [(f64, usize, usize)],
    n_gold: usize,
    n_pred: usize,
) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; n_gold];
    let mut pred_used = vec![false; n_pred];
    let mut pairs = Vec::new();
    for &(_, g, p) in candidates.iter() {
        if !gold_used[g] && !pred_used[p] {
            gold_used[g] = true;
            pred_used[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    matched_gold: usize,
    matched_predicted: usize,
}

impl Counts {
    fn prf(&self) -> Prf {
        Prf::from_counts(
            self.gold,
            self.predicted,
            self.matched_gold,
            self.matched_predicted,
        )
    }
}

#[derive(Default)]
struct QuoteCounts {
    counts: Counts,
    speaker_pairs: usize,
    speaker_correct: usize,
}

impl QuoteCounts {
    fn scores(&self, threshold: f64) -> QuoteScores {
        let accuracy = if self.speaker_pairs == 0 {
            0.0
        } else {
            self.speaker_correct as f64 / self.speaker_pairs as f64
        };
        QuoteScores {
            threshold,
            prf: self.counts.prf(),
            speaker_pairs: self.speaker_pairs,
            speaker_correct: self.speaker_correct,
            speaker_accuracy: accuracy,
        }
    }
}

fn score_part(gold: &[Item], predicted: &[Item], exact: &mut Counts, overlap: &mut Counts) {
    let gold: Vec<&Item> = gold.iter().filter(|i| !i.is_empty()).collect();
    let predicted: Vec<&Item> = predicted.iter().filter(|i| !i.is_empty()).collect();
    for counts in [&mut *exact, &mut *overlap] {
        counts.gold += gold.len();
        counts.predicted += predicted.len();
    }
    let mut exact_candidates = Vec::new();
    let mut overlap_candidates = Vec::new();
    for (g, gi) in gold.iter().enumerate() {
        for (p, pi) in predicted.iter().enumerate() {
            if gi == pi {
                exact_candidates.push((1.0, g, p));
            }
            let common = shared(gi, pi);
            if common > 0 {
                overlap_candidates.push((common as f64, g, p));
            }
        }
    }
    let n = greedy_match(&mut exact_candidates, gold.len(), predicted.len()).len();
    exact.matched_gold += n;
    exact.matched_predicted += n;
    let n = greedy_match(&mut overlap_candidates, gold.len(), predicted.len()).len();
    overlap.matched_gold += n;
    overlap.matched_predicted += n;
}

/// Scores predicted relations against gold documents; see the module docs.
///
/// Predicted spans are byte spans into the gold document's text; spans past
/// its end are cut at the end.
pub fn score(pairs: &[(&GoldDoc, &[Attribution])]) -> Scores {
    let mut source = (Counts::default(), Counts::default());
    let mut cue = (Counts::default(), Counts::default());
    let mut content = (Counts::default(), Counts::default());
    let mut quotes: Vec<QuoteCounts> = QUOTE_THRESHOLDS
        .iter()
        .map(|_| QuoteCounts::default())
        .collect();
    let mut quoted: Vec<QuoteCounts> = QUOTE_THRESHOLDS
        .iter()
        .map(|_| QuoteCounts::default())
        .collect();

    for (gold_doc, predicted) in pairs {
        let text = &gold_doc.document.text;
        let offsets = CharOffsets::new(text);
        let len = text.len();
        let items = |rels: &[Attribution], part: fn(&Attribution) -> &[Span]| -> Vec<Item> {
            rels.iter()
                .map(|r| to_items(&offsets, len, part(r)))
                .collect()
        };
        let gold = &gold_doc.attributions;
        score_part(
            &items(gold, |r| &r.source),
            &items(predicted, |r| &r.source),
            &mut source.0,
            &mut source.1,
        );
        score_part(
            &items(gold, |r| &r.cue),
            &items(predicted, |r| &r.cue),
            &mut cue.0,
            &mut cue.1,
        );
        let gold_contents = items(gold, |r| &r.content);
        let pred_contents = items(predicted, |r| &r.content);
        score_part(
            &gold_contents,
            &pred_contents,
            &mut content.0,
            &mut content.1,
        );
        let gold_sources = items(gold, |r| &r.source);
        let pred_sources = items(predicted, |r| &r.source);

        // Quote level: only relations with a content take part.
        let gold_ix: Vec<usize> = (0..gold_contents.len())
            .filter(|&i| !gold_contents[i].is_empty())
            .collect();
        let pred_ix: Vec<usize> = (0..pred_contents.len())
            .filter(|&i| !pred_contents[i].is_empty())
            .collect();
        let has_quote_mark = |rel: &Attribution| {
            rel.content.iter().any(|s| {
                text.get(s.range())
                    .is_some_and(|t| t.contains(&QUOTE_MARKS[..]))
            })
        };
        let gold_quoted: Vec<bool> = gold_ix.iter().map(|&i| has_quote_mark(&gold[i])).collect();
        let pred_quoted: Vec<bool> = pred_ix
            .iter()
            .map(|&i| has_quote_mark(&predicted[i]))
            .collect();
        let mut ratios = Vec::new();
        for (g, &gi) in gold_ix.iter().enumerate() {
            for (p, &pi) in pred_ix.iter().enumerate() {
                let (a, b) = (&gold_contents[gi], &pred_contents[pi]);
                let common = shared(a, b);
                if common > 0 {
                    let ratio = common as f64 / length(a).max(length(b)) as f64;
                    ratios.push((ratio, g, p));
                }
            }
        }
        for (t, &threshold) in QUOTE_THRESHOLDS.iter().enumerate() {
            let mut candidates: Vec<(f64, usize, usize)> = ratios
                .iter()
                .copied()
                .filter(|(r, _, _)| *r >= threshold)
                .collect();
            let matches = greedy_match(&mut candidates, gold_ix.len(), pred_ix.len());
            let (all, quotes_only) = (&mut quotes[t], &mut quoted[t]);
            all.counts.gold += gold_ix.len();
            all.counts.predicted += pred_ix.len();
            all.counts.matched_gold += matches.len();
            all.counts.matched_predicted += matches.len();
            quotes_only.counts.gold += gold_quoted.iter().filter(|q| **q).count();
            quotes_only.counts.predicted += pred_quoted.iter().filter(|q| **q).count();
            for &(g, p) in &matches {
                let (gs, ps) = (&gold_sources[gold_ix[g]], &pred_sources[pred_ix[p]]);
                let right = if gs.is_empty() || ps.is_empty() {
                    gs.is_empty() && ps.is_empty()
                } else {
                    shared(gs, ps) > 0
                };
                all.speaker_pairs += 1;
                all.speaker_correct += usize::from(right);
                if gold_quoted[g] {
                    quotes_only.counts.matched_gold += 1;
                    quotes_only.speaker_pairs += 1;
                    quotes_only.speaker_correct += usize::from(right);
                }
                if pred_quoted[p] {
                    quotes_only.counts.matched_predicted += 1;
                }
            }
        }
    }

    Scores {
        documents: pairs.len(),
        source: SpanScores {
            exact: source.0.prf(),
            overlap: source.1.prf(),
        },
        cue: SpanScores {
            exact: cue.0.prf(),
            overlap: cue.1.prf(),
        },
        content: SpanScores {
            exact: content.0.prf(),
            overlap: content.1.prf(),
        },
        quotes: QUOTE_THRESHOLDS
            .iter()
            .zip(&quotes)
            .map(|(t, q)| q.scores(*t))
            .collect(),
        quoted: QUOTE_THRESHOLDS
            .iter()
            .zip(&quoted)
            .map(|(t, q)| q.scores(*t))
            .collect(),
    }
}

/// [`score`] for pipeline statements.
pub fn score_statements(pairs: &[(&GoldDoc, &[Statement])]) -> Scores {
    let converted: Vec<Vec<Attribution>> = pairs
        .iter()
        .map(|(_, statements)| statements.iter().map(Attribution::from_statement).collect())
        .collect();
    let borrowed: Vec<(&GoldDoc, &[Attribution])> = pairs
        .iter()
        .zip(&converted)
        .map(|((gold, _), predicted)| (*gold, predicted.as_slice()))
        .collect();
    score(&borrowed)
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} documents", self.documents)?;
        writeln!(
            f,
            "{:<28} {:>6} {:>6} {:>6} {:>7} {:>7} {:>9}",
            "metric", "P", "R", "F1", "gold", "pred", "speaker"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, p: &Prf, speaker: Option<f64>| {
            let speaker = speaker.map(|s| format!("{s:.3}")).unwrap_or_default();
            writeln!(
                f,
                "{name:<28} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7} {speaker:>9}",
                p.precision, p.recall, p.f1, p.gold, p.predicted
            )
        };
        for (name, part) in [
            ("source", &self.source),
            ("cue", &self.cue),
            ("content", &self.content),
        ] {
            row(f, &format!("{name} exact"), &part.exact, None)?;
            row(f, &format!("{name} overlap"), &part.overlap, None)?;
        }
        for q in &self.quotes {
            row(
                f,
                &format!("quote ratio>={}", q.threshold),
                &q.prf,
                Some(q.speaker_accuracy),
            )?;
        }
        for q in &self.quoted {
            row(
                f,
                &format!("quote-marked ratio>={}", q.threshold),
                &q.prf,
                Some(q.speaker_accuracy),
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backchannel_core::Document;

    // 0         1         2         3         4         5         6         7
    // 0123456789012345678901234567890123456789012345678901234567890123456789012
    const TEXT: &str = "Mara Oden said the port was closed. “We leave now,” the envoy told us. x";

    fn gold(attributions: Vec<Attribution>) -> GoldDoc {
        GoldDoc {
            document: Document::from_text("t", TEXT),
            annotator: None,
            attributions,
            entities: vec![],
        }
    }

    fn rel(
        source: Option<(usize, usize)>,
        cue: (usize, usize),
        content: &[(usize, usize)],
    ) -> Attribution {
        Attribution {
            id: String::new(),
            kind: String::new(),
            source: source.map(|(a, b)| Span::new(a, b)).into_iter().collect(),
            cue: vec![Span::new(cue.0, cue.1)],
            content: content.iter().map(|&(a, b)| Span::new(a, b)).collect(),
        }
    }

    /// Byte span of a code-point range of TEXT (the quote marks are 3 bytes).
    fn b(a: usize, c: usize) -> (usize, usize) {
        let o = CharOffsets::new(TEXT);
        (
            o.to_byte(a).expect("in range"),
            o.to_byte(c).expect("in range"),
        )
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn exact_and_overlap_counts() {
        // Gold: "Mara Oden" said "the port was closed"; "the envoy" told "“We leave now,”".
        let g = gold(vec![
            rel(Some(b(0, 9)), b(10, 14), &[b(15, 34)]),
            rel(Some(b(52, 61)), b(62, 66), &[b(36, 51)]),
        ]);
        // One exact relation, one overlapping only (source "envoy", content without its marks).
        let predicted = vec![
            rel(Some(b(0, 9)), b(10, 14), &[b(15, 34)]),
            rel(Some(b(56, 61)), b(62, 69), &[b(37, 49)]),
        ];
        let s = score(&[(&g, &predicted)]);
        for part in [&s.source, &s.cue, &s.content] {
            assert!(
                close(part.exact.precision, 0.5)
                    && close(part.exact.recall, 0.5)
                    && close(part.exact.f1, 0.5)
            );
            assert!(close(part.overlap.f1, 1.0), "{part:?}");
        }
        // Quote level: the second content shares 12 of max(15, 12) = 0.8 characters.
        assert_eq!(s.quotes[0].prf.matched_gold, 2);
        assert_eq!(s.quotes[1].prf.matched_gold, 2);
        assert!(close(s.quotes[1].speaker_accuracy, 1.0));
        // Only the gold second content carries marks; the prediction does not.
        assert_eq!(s.quoted[0].prf.gold, 1);
        assert_eq!(s.quoted[0].prf.predicted, 0);
        assert!(close(s.quoted[0].prf.recall, 1.0));
        assert!(close(s.quoted[0].prf.precision, 0.0));
    }

    #[test]
    fn ratio_threshold_and_speaker_accuracy() {
        let g = gold(vec![rel(Some(b(52, 61)), b(62, 66), &[b(36, 51)])]);
        // 5 of 15 characters (“We l) => ratio 1/3: matched at 0.3, not at 0.8; wrong speaker.
        let predicted = vec![rel(Some(b(0, 4)), b(62, 66), &[b(36, 41)])];
        let s = score(&[(&g, &predicted)]);
        assert_eq!(s.quotes[0].prf.matched_gold, 1);
        assert_eq!(s.quotes[1].prf.matched_gold, 0);
        assert!(close(s.quotes[0].speaker_accuracy, 0.0));
        assert!(close(s.quoted[0].prf.f1, 1.0), "{:?}", s.quoted[0]);
        assert!(close(s.quoted[1].prf.f1, 0.0));
        // A prediction swallowing far more text fails the ratio.
        let wide = vec![rel(Some(b(52, 61)), b(62, 66), &[b(0, 72)])];
        let s = score(&[(&g, &wide)]);
        assert_eq!(s.quotes[0].prf.matched_gold, 0);
        assert!(close(s.content.overlap.f1, 1.0));
    }

    #[test]
    fn split_content_is_one_item_and_counts_sum_over_documents() {
        let split = rel(None, b(10, 14), &[b(15, 20), b(25, 34)]);
        let g1 = gold(vec![split.clone()]);
        let g2 = gold(vec![
            rel(None, b(10, 14), &[b(15, 34)]),
            rel(None, b(62, 66), &[b(36, 51)]),
        ]);
        // Doc 1: only one of the two fragments -> no exact match, overlap match.
        let p1 = vec![rel(None, b(10, 14), &[b(15, 20)])];
        // Doc 2: nothing predicted.
        let s = score(&[(&g1, &p1), (&g2, &[])]);
        assert_eq!(s.content.exact.gold, 3);
        assert_eq!(s.content.exact.matched_gold, 0);
        assert_eq!(s.content.overlap.matched_gold, 1);
        assert!(close(s.content.overlap.recall, 1.0 / 3.0));
        assert!(close(s.content.overlap.precision, 1.0));
        // No source on either side counts as a right speaker; cue exact 1 of 3.
        assert!(close(s.quotes[0].speaker_accuracy, 1.0));
        assert!(close(s.cue.exact.recall, 1.0 / 3.0));
        assert_eq!(s.source.exact.gold, 0);
        assert!(close(s.source.exact.f1, 0.0));
        // The same prediction with both fragments matches exactly.
        let s = score(&[(&g1, std::slice::from_ref(&split))]);
        assert!(close(s.content.exact.f1, 1.0));
        let table = s.to_string();
        assert!(
            table.contains("content exact") && table.contains("quote-marked ratio>=0.8"),
            "{table}"
        );
    }

    #[test]
    fn one_prediction_matches_one_gold_only() {
        let g = gold(vec![
            rel(None, b(10, 14), &[b(15, 34)]),
            rel(None, b(10, 14), &[b(15, 34)]),
        ]);
        let predicted = vec![rel(None, b(10, 14), &[b(15, 34)])];
        let s = score(&[(&g, &predicted)]);
        assert!(close(s.content.exact.precision, 1.0));
        assert!(close(s.content.exact.recall, 0.5));
        // Out-of-range predictions are cut, not a panic.
        let wild = vec![rel(Some((500, 900)), (70, 4000), &[(3, 1000)])];
        let s = score(&[(&g, &wild)]);
        assert_eq!(s.source.exact.predicted, 0);
        assert_eq!(s.content.overlap.matched_gold, 1);
        let json = serde_json::to_string(&s).expect("serialises");
        assert!(json.contains("\"quoted\""));
    }
}
