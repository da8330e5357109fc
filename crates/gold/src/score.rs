//! Scoring an [`Analysis`] against a [`Gold`] answer key.

use crate::key::{Gold, GoldStatement};
use crate::normalize;
use backchannel_core::{Analysis, AnalyzedStatement, Channel, Document, Rendering};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// How well an analysis matches the answer key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldReport {
    pub statements: StatementScore,
    pub divergences: RecallScore,
    pub decoys: DecoyScore,
    pub private_only: RecallScore,
    pub drift: RecallScore,
    /// Everything the analysis got wrong or missed, for debugging.
    pub misses: Vec<Miss>,
    /// Gold entries that do not fit the input documents (a missing
    /// document, a substring not in the text): the key, not the pipeline,
    /// is wrong there.
    pub gold_problems: Vec<String>,
}

/// Statement-level counts; the accuracies are over the statements found.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct StatementScore {
    pub gold: usize,
    pub found: usize,
    pub speaker_correct: usize,
    /// Found statements whose gold entry names a side.
    pub side_scored: usize,
    pub side_correct: usize,
    pub channel_correct: usize,
    /// `found / gold`; `None` when there is nothing to divide by.
    pub found_rate: Option<f64>,
    pub speaker_accuracy: Option<f64>,
    pub side_accuracy: Option<f64>,
    pub channel_accuracy: Option<f64>,
    /// Found statements counted by (gold channel, predicted channel), the
    /// diagonal included, in a fixed order.
    pub channel_confusion: Vec<ChannelCount>,
}

/// How many found statements of one gold channel got one predicted channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelCount {
    pub gold: Channel,
    pub predicted: Channel,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct RecallScore {
    pub gold: usize,
    pub found: usize,
    pub recall: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct DecoyScore {
    pub gold: usize,
    /// Decoys that some divergence wrongly pairs.
    pub reported: usize,
}

/// One thing the analysis got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub kind: MissKind,
    pub document: Option<String>,
    /// The gold entry (statement text, divergence topic, drift texts).
    pub gold: String,
    /// What the analysis had instead.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissKind {
    StatementNotFound,
    WrongSpeaker,
    WrongSide,
    WrongChannel,
    DivergenceNotFound,
    DecoyReported,
    PrivateOnlyNotFound,
    DriftNotFound,
}

impl MissKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MissKind::StatementNotFound => "statement-not-found",
            MissKind::WrongSpeaker => "wrong-speaker",
            MissKind::WrongSide => "wrong-side",
            MissKind::WrongChannel => "wrong-channel",
            MissKind::DivergenceNotFound => "divergence-not-found",
            MissKind::DecoyReported => "decoy-reported",
            MissKind::PrivateOnlyNotFound => "private-only-not-found",
            MissKind::DriftNotFound => "drift-not-found",
        }
    }
}

fn ratio(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

/// A gold statement located by document and normalised text.
struct Ref<'g> {
    doc: &'g str,
    needle: String,
}

/// The analysis, indexed for lookups by document and statement id.
struct Index<'a> {
    analysis: &'a Analysis,
    /// Document id → (statement index, normalised text).
    by_doc: HashMap<&'a str, Vec<(usize, String)>>,
    /// Statement id → (document id, normalised text).
    by_id: HashMap<&'a str, (&'a str, String)>,
    /// Topic name → normalised name and terms.
    topics: HashMap<&'a str, String>,
}

impl<'a> Index<'a> {
    fn new(analysis: &'a Analysis) -> Self {
        let mut by_doc: HashMap<&str, Vec<(usize, String)>> = HashMap::new();
        let mut by_id = HashMap::new();
        for (i, st) in analysis.statements.iter().enumerate() {
            let Some(doc) = analysis.documents.get(st.document) else {
                continue;
            };
            let text = normalize(&st.text);
            by_doc
                .entry(doc.id.as_str())
                .or_default()
                .push((i, text.clone()));
            by_id.insert(st.id.as_str(), (doc.id.as_str(), text));
        }
        let topics = analysis
            .topics
            .iter()
            .map(|t| {
                let mut hay = normalize(&t.name);
                for term in &t.terms {
                    hay.push_str(" | ");
                    hay.push_str(&normalize(term));
                }
                (t.name.as_str(), hay)
            })
            .collect();
        Index {
            analysis,
            by_doc,
            by_id,
            topics,
        }
    }

    fn has_document(&self, id: &str) -> bool {
        self.analysis.documents.iter().any(|d| d.id == id)
    }

    /// The most specific predicted statement of `doc` containing `needle`.
    fn find(&self, doc: &str, needle: &str) -> Option<&'a AnalyzedStatement> {
        self.by_doc
            .get(doc)?
            .iter()
            .filter(|(_, text)| text.contains(needle))
            .min_by_key(|(_, text)| text.len())
            .and_then(|(i, _)| self.analysis.statements.get(*i))
    }

    fn id_matches(&self, id: &str, refs: &[Ref]) -> bool {
        self.by_id.get(id).is_some_and(|(doc, text)| {
            refs.iter()
                .any(|r| r.doc == *doc && text.contains(&r.needle))
        })
    }

    fn topic_matches(&self, topic: &str, keywords: &[String]) -> bool {
        let own;
        let hay = match self.topics.get(topic) {
            Some(h) => h.as_str(),
            None => {
                own = normalize(topic);
                own.as_str()
            }
        };
        keywords
            .iter()
            .map(|k| normalize(k))
            .any(|k| !k.is_empty() && hay.contains(&k))
    }

    fn rendering_doc(&self, r: &Rendering) -> Option<&'a str> {
        self.analysis
            .documents
            .get(r.document)
            .map(|d| d.id.as_str())
    }
}

fn refs<'g>(gold: &'g Gold, texts: &[String]) -> Vec<Ref<'g>> {
    let mut out = Vec::new();
    for doc in &gold.documents {
        for st in doc.statements.iter().filter(|st| texts.contains(&st.text)) {
            out.push(Ref {
                doc: doc.id.as_str(),
                needle: normalize(&st.text),
            });
        }
    }
    out
}

/// Sides match when equal, ignoring a leading `the`, or when one is the
/// other's trailing words: `the Concord` is the short form articles use for
/// `Northern Concord`.
fn same_side(a: &str, b: &str) -> bool {
    fn key(s: &str) -> String {
        let n = normalize(s);
        n.strip_prefix("the ").map(str::to_owned).unwrap_or(n)
    }
    let (a, b) = (key(a), key(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty()
        && (short == long
            || long
                .strip_suffix(short.as_str())
                .is_some_and(|rest| rest.ends_with(' ')))
}

fn speaker_name(st: &AnalyzedStatement) -> Option<&str> {
    st.speaker
        .as_ref()
        .map(|p| p.name.as_str())
        .filter(|n| !n.is_empty())
        .or_else(|| st.statement.speaker.as_ref().map(|s| s.name.as_str()))
}

/// Scores `analysis` against `gold`. `docs` are the input documents, used
/// only to check the key against their text (skipped when empty).
pub fn score(gold: &Gold, docs: &[Document], analysis: &Analysis) -> GoldReport {
    let index = Index::new(analysis);
    let mut misses = Vec::new();
    let statements = score_statements(gold, &index, &mut misses);

    let mut divergences = RecallScore {
        gold: gold.divergences.len(),
        ..Default::default()
    };
    for g in &gold.divergences {
        let private = refs(gold, &g.private);
        let public = refs(gold, &g.public);
        let pairs = |d: &&backchannel_core::Divergence| {
            d.private.iter().any(|id| index.id_matches(id, &private))
                && d.public.iter().any(|id| index.id_matches(id, &public))
        };
        let found = analysis.divergences.iter().any(|d| {
            same_side(&d.side, &g.side) && index.topic_matches(&d.topic, &g.keywords) && pairs(&d)
        });
        if found {
            divergences.found += 1;
            continue;
        }
        let near: Vec<String> = analysis
            .divergences
            .iter()
            .filter(|d| pairs(d))
            .map(|d| format!("side {:?} topic {:?}", d.side, d.topic))
            .collect();
        let detail = if !near.is_empty() {
            format!("the statements are paired, but under {}", near.join(", "))
        } else {
            let of_side: Vec<&str> = analysis
                .divergences
                .iter()
                .filter(|d| same_side(&d.side, &g.side))
                .map(|d| d.topic.as_str())
                .collect();
            format!(
                "no divergence pairs these statements; {} has divergences on {:?}",
                g.side, of_side
            )
        };
        misses.push(Miss {
            kind: MissKind::DivergenceNotFound,
            document: None,
            gold: format!("{} / {}", g.side, g.topic),
            detail,
        });
    }

    let mut decoys = DecoyScore {
        gold: gold.decoys.len(),
        reported: 0,
    };
    for g in &gold.decoys {
        let private = refs(gold, std::slice::from_ref(&g.private));
        let public = refs(gold, std::slice::from_ref(&g.public));
        let wrong: Vec<String> = analysis
            .divergences
            .iter()
            .filter(|d| {
                d.private.iter().any(|id| index.id_matches(id, &private))
                    && d.public.iter().any(|id| index.id_matches(id, &public))
            })
            .map(|d| format!("side {:?} topic {:?}", d.side, d.topic))
            .collect();
        if !wrong.is_empty() {
            decoys.reported += 1;
            misses.push(Miss {
                kind: MissKind::DecoyReported,
                document: None,
                gold: format!(
                    "{}: {:?} vs {:?} ({})",
                    g.side, g.private, g.public, g.reason
                ),
                detail: format!("reported as divergence {}", wrong.join(", ")),
            });
        }
    }

    let mut private_only = RecallScore {
        gold: gold.private_only.len(),
        ..Default::default()
    };
    for g in &gold.private_only {
        let private = refs(gold, &g.private);
        let found = analysis.private_only.iter().any(|p| {
            same_side(&p.side, &g.side)
                && index.topic_matches(&p.topic, &g.keywords)
                && p.private.iter().any(|id| index.id_matches(id, &private))
        });
        if found {
            private_only.found += 1;
        } else {
            let of_side: Vec<&str> = analysis
                .private_only
                .iter()
                .filter(|p| same_side(&p.side, &g.side))
                .map(|p| p.topic.as_str())
                .collect();
            misses.push(Miss {
                kind: MissKind::PrivateOnlyNotFound,
                document: None,
                gold: format!("{} / {}", g.side, g.keywords.join(", ")),
                detail: format!("{} has private-only topics {:?}", g.side, of_side),
            });
        }
    }

    let mut drift = RecallScore {
        gold: gold.drift.len(),
        ..Default::default()
    };
    for g in &gold.drift {
        let (a, b) = (normalize(&g.a_text), normalize(&g.b_text));
        let matches = |r: &Rendering, doc: &str, needle: &str| {
            index.rendering_doc(r) == Some(doc) && rendering_covers(&normalize(&r.text), needle)
        };
        let found = analysis.drift.iter().any(|d| {
            (matches(&d.a, &g.a, &a) && matches(&d.b, &g.b, &b))
                || (matches(&d.b, &g.a, &a) && matches(&d.a, &g.b, &b))
        });
        if found {
            drift.found += 1;
        } else {
            misses.push(Miss {
                kind: MissKind::DriftNotFound,
                document: None,
                gold: format!("{}: {:?} / {}: {:?}", g.a, g.a_text, g.b, g.b_text),
                detail: format!(
                    "{} drift pairs reported, none between these renderings",
                    analysis.drift.len()
                ),
            });
        }
    }
    divergences.recall = ratio(divergences.found, divergences.gold);
    private_only.recall = ratio(private_only.found, private_only.gold);
    drift.recall = ratio(drift.found, drift.gold);

    GoldReport {
        statements,
        divergences,
        decoys,
        private_only,
        drift,
        misses,
        gold_problems: check_against_documents(gold, docs),
    }
}

/// A rendering matches a gold text when one contains the other; the
/// rendering must then have at least three words, so a one-word diff
/// fragment does not count as the whole quote.
fn rendering_covers(rendering: &str, needle: &str) -> bool {
    rendering.contains(needle)
        || (rendering.split(' ').filter(|w| !w.is_empty()).count() >= 3
            && needle.contains(rendering))
}

fn score_statements(gold: &Gold, index: &Index, misses: &mut Vec<Miss>) -> StatementScore {
    let mut s = StatementScore::default();
    let mut confusion: HashMap<(Channel, Channel), usize> = HashMap::new();
    for doc in &gold.documents {
        let in_analysis = index.has_document(&doc.id);
        for g in &doc.statements {
            s.gold += 1;
            let miss = |kind, detail: String| Miss {
                kind,
                document: Some(doc.id.clone()),
                gold: g.text.clone(),
                detail,
            };
            let Some(st) = index.find(&doc.id, &normalize(&g.text)) else {
                let detail = if in_analysis {
                    "no statement of this document contains the text".to_owned()
                } else {
                    "the document is not in the analysis".to_owned()
                };
                misses.push(miss(MissKind::StatementNotFound, detail));
                continue;
            };
            s.found += 1;
            *confusion.entry((g.channel, st.channel)).or_default() += 1;
            let (speaker_ok, side_ok, channel_ok) = judge(g, st);
            if speaker_ok {
                s.speaker_correct += 1;
            } else {
                let got = speaker_name(st).unwrap_or("(none)");
                misses.push(miss(
                    MissKind::WrongSpeaker,
                    format!("speaker {got:?}, want {}", g.speaker),
                ));
            }
            if let (Some(ok), Some(want)) = (side_ok, &g.side) {
                s.side_scored += 1;
                if ok {
                    s.side_correct += 1;
                } else {
                    let got = st.side.as_deref().unwrap_or("(none)");
                    misses.push(miss(
                        MissKind::WrongSide,
                        format!("side {got:?}, want {want}"),
                    ));
                }
            }
            if channel_ok {
                s.channel_correct += 1;
            } else {
                let cues: Vec<&str> = st.evidence.iter().map(|e| e.phrase.as_str()).collect();
                misses.push(miss(
                    MissKind::WrongChannel,
                    format!(
                        "channel {}, want {} (evidence {:?})",
                        st.channel.as_str(),
                        g.channel.as_str(),
                        cues
                    ),
                ));
            }
        }
    }
    let mut confusion: Vec<ChannelCount> = confusion
        .into_iter()
        .map(|((gold, predicted), count)| ChannelCount {
            gold,
            predicted,
            count,
        })
        .collect();
    confusion.sort_by_key(|c| (c.gold, c.predicted));
    s.channel_confusion = confusion;
    s.found_rate = ratio(s.found, s.gold);
    s.speaker_accuracy = ratio(s.speaker_correct, s.found);
    s.side_accuracy = ratio(s.side_correct, s.side_scored);
    s.channel_accuracy = ratio(s.channel_correct, s.found);
    s
}

/// Speaker, side (`None` when the key does not score it) and channel verdicts.
fn judge(g: &GoldStatement, st: &AnalyzedStatement) -> (bool, Option<bool>, bool) {
    let name = speaker_name(st).map(normalize).unwrap_or_default();
    let speaker = g
        .speaker
        .0
        .iter()
        .map(|s| normalize(s))
        .any(|want| !want.is_empty() && name.contains(&want));
    let side = g.side.as_ref().map(|alts| {
        st.side
            .as_deref()
            .is_some_and(|got| alts.0.iter().any(|w| same_side(got, w)))
    });
    (speaker, side, st.channel == g.channel)
}

fn check_against_documents(gold: &Gold, docs: &[Document]) -> Vec<String> {
    if docs.is_empty() {
        return Vec::new();
    }
    let texts: HashMap<&str, String> = docs
        .iter()
        .map(|d| (d.id.as_str(), normalize(&d.text)))
        .collect();
    let mut problems = Vec::new();
    let mut check = |doc: &str, text: Option<&str>| match (texts.get(doc), text) {
        (None, _) => problems.push(format!("document {doc:?} is not among the inputs")),
        (Some(_), None) => {}
        (Some(hay), Some(text)) => {
            let n = hay.matches(&normalize(text)).count();
            if n != 1 {
                problems.push(format!(
                    "{doc}: {text:?} occurs {n} times in the text (want exactly once)"
                ));
            }
        }
    };
    for doc in &gold.documents {
        check(&doc.id, None);
        for st in &doc.statements {
            check(&doc.id, Some(&st.text));
        }
    }
    for d in &gold.drift {
        check(&d.a, Some(&d.a_text));
        check(&d.b, Some(&d.b_text));
    }
    problems.sort();
    problems.dedup();
    problems
}

fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "  n/a".to_owned(), |r| format!("{:5.3}", r))
}

impl fmt::Display for GoldReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.statements;
        writeln!(
            f,
            "statements found      {:4}/{:<4} {}",
            s.found,
            s.gold,
            pct(s.found_rate)
        )?;
        writeln!(
            f,
            "  speaker correct     {:4}/{:<4} {}",
            s.speaker_correct,
            s.found,
            pct(s.speaker_accuracy)
        )?;
        writeln!(
            f,
            "  side correct        {:4}/{:<4} {}",
            s.side_correct,
            s.side_scored,
            pct(s.side_accuracy)
        )?;
        writeln!(
            f,
            "  channel correct     {:4}/{:<4} {}",
            s.channel_correct,
            s.found,
            pct(s.channel_accuracy)
        )?;
        if s.channel_confusion.iter().any(|c| c.gold != c.predicted) {
            let cells: Vec<String> = s
                .channel_confusion
                .iter()
                .map(|c| format!("{}->{} {}", c.gold.as_str(), c.predicted.as_str(), c.count))
                .collect();
            writeln!(f, "    gold->predicted: {}", cells.join(", "))?;
        }
        let d = &self.divergences;
        writeln!(
            f,
            "divergences found     {:4}/{:<4} {}",
            d.found,
            d.gold,
            pct(d.recall)
        )?;
        writeln!(
            f,
            "decoys reported       {:4}/{:<4}",
            self.decoys.reported, self.decoys.gold
        )?;
        let p = &self.private_only;
        writeln!(
            f,
            "private-only found    {:4}/{:<4} {}",
            p.found,
            p.gold,
            pct(p.recall)
        )?;
        let r = &self.drift;
        writeln!(
            f,
            "drift found           {:4}/{:<4} {}",
            r.found,
            r.gold,
            pct(r.recall)
        )?;
        if !self.misses.is_empty() {
            writeln!(f, "misses ({}):", self.misses.len())?;
            for m in &self.misses {
                match &m.document {
                    Some(doc) => writeln!(
                        f,
                        "  [{}] {doc}: {:?}: {}",
                        m.kind.as_str(),
                        m.gold,
                        m.detail
                    )?,
                    None => writeln!(f, "  [{}] {}: {}", m.kind.as_str(), m.gold, m.detail)?,
                }
            }
        }
        if !self.gold_problems.is_empty() {
            writeln!(f, "gold problems ({}):", self.gold_problems.len())?;
            for p in &self.gold_problems {
                writeln!(f, "  {p}")?;
            }
        }
        Ok(())
    }
}
