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

/// Fewest gold occurrences for a phrase to be written to the model.
const MIN_GOLD_WRITTEN: u32 = 3;
/// Fewest plausible occurrences for an unreliable hand-written cue form to
/// be written to the model (as evidence against it).
const MIN_SEEN_WRITTEN: u32 = 20;
/// Lowest estimated precision for a phrase to be written to the model.
const MIN_PRECISION_WRITTEN: f64 = 0.2;

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
        let mut cues = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: &str| ModelError {
                line: n + 1,
                reason: reason.to_string(),
            };
            let mut cols = line.split('\t');
            let phrase = cols.next().unwrap_or("").trim();
            if phrase.is_empty() {
                return Err(err("empty phrase"));
            }
            let gold: u32 = cols
                .next()
                .and_then(|c| c.trim().parse().ok())
                .ok_or_else(|| err("gold count is not a number"))?;
            let seen: u32 = cols
                .next()
                .and_then(|c| c.trim().parse().ok())
                .ok_or_else(|| err("seen count is not a number"))?;
            if gold > seen {
                return Err(err("gold count exceeds seen count"));
            }
            cues.push(CueStat {
                phrase: phrase.to_lowercase(),
                gold,
                seen,
            });
        }
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
