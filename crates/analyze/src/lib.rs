//! backchannel-analyze: from documents and their attributed statements to
//! what each side says in public and behind closed doors.
//!
//! The pipeline, all deterministic and explainable:
//! 1. [`annotate`] (per document, no corpus state, parallelisable): the
//!    speaker's profile (anonymous / official / former), the `side` the
//!    speaker speaks for, and the `channel` (public / private / unknown) with
//!    the cue phrases ([`Evidence`]) that decided it.
//! 2. Topics across the corpus: TF-IDF keyphrases of each statement and its
//!    sentence, grouped by seeding on frequent keyphrases through an inverted
//!    index (no all-pairs work), plus the user's seeded topics.
//!    Statements of one outlet's report in a paragraph, and what that
//!    report relays (`X explained that ...`, reported second-hand through
//!    it), share their topics.
//! 3. [`pair`] per (side, topic): private statements set against the public
//!    line by a [`DivergenceScorer`]; topics only discussed in private become
//!    [`PrivateOnly`]. A bloc's public line (`the West`, or a `[[side]]`
//!    with `members`) is also the public line of each member.
//! 4. Drift: near-duplicate quoted passages across (or contrasted inside)
//!    documents, found through word-shingle postings, with a word diff.
//!
//! # Evidence and signals
//!
//! [`Evidence::rule`] names the rule behind each cue: channel rules
//! `anonymous-speaker`, `anonymous-source`, `closed-meeting`, `leak`,
//! `second-hand`, `reported-second-hand` (private) and `spokesperson`,
//! `stated-line` (`the official line`), `named-official`, `institution`,
//! `named-source`, `press`, `statement`, `interview`, `parliament`,
//! `speech`, `post` (public); side rules
//! `side-cue` (the word that named the side), `side-home-country` (a titled
//! official with no side named takes the country the document is about),
//! `side-of-person` (the side the text gives a person where it introduces
//! them), `side-from-mentions` (a named person with no title or side takes the
//! country named in most of the sentences that write about them),
//! `side-from-corpus` (a person's side stated in another document); and
//! [`ATTRIBUTION_CUE_RULE`] for the attribution verb. [`Signal::kind`] is
//! one of `willingness-vs-refusal`, `admission-vs-denial`,
//! `hedged-vs-categorical`, `occurrence-vs-denial`, `denial-vs-assertion`
//! (one line denies what the other plainly states), `number-mismatch`,
//! `negation-flip`, `outlook-mismatch`, `own-part-vs-blame` (the public
//! line lays the blame on another party, the private one shows the side's
//! own hand: a refusal, a choice, a priority); a divergence's score is the
//! noisy-or of its best pair's signal weights.
//!
//! Sides the knowledge lacks are read from the text: possessives and
//! demonyms before institution nouns or titles (`Drevania's defence
//! ministry`, `a Drevanian official`, `the Kessalian side`), organisations
//! (`the Sarn Basin Commission`), appositions and title prefixes
//! (`Kostany, Drevania's foreign minister`), and a person's side is
//! remembered through the document. [`analyze`] also shares the sides one
//! document introduces with the others and maps demonyms to the names seen
//! in the corpus (`Drevanian` → `Drevania`). News outlets are never a side.
//!
//! # Actors file (`--actors FILE`)
//!
//! TOML adding or correcting actors and sides; entries win over built-in
//! knowledge:
//!
//! ```toml
//! [[actor]]
//! name = "Anya Petrova"
//! aliases = ["Petrova"]
//! side = "Drevania"
//! official = true        # speaks for an institution (default false)
//! former = false         # a former official (default false)
//!
//! [[actor]]
//! name = "The Velgrad Courier"
//! outlet = true          # a news outlet: reports, never a side
//!
//! [[side]]
//! name = "Drevania"
//! aliases = ["Republic of Drevania"]
//! demonyms = ["Drevanian", "Drevanians"]
//! metonyms = ["Velgrad", "Amber Palace"]   # seats of power standing for the side
//!
//! [[side]]
//! name = "Coastal League"
//! members = ["Drevania", "Kessalia"]   # a bloc: its public line is theirs too
//! ```
//!
//! # Topics file (`--topics FILE`)
//!
//! TOML naming topics by seed terms (words or phrases, case-insensitive;
//! a trailing `*` matches a prefix). Seeded topics take precedence over the
//! topics found automatically:
//!
//! ```toml
//! [[topic]]
//! name = "grain deal"
//! terms = ["grain", "fertilizer", "black sea"]
//! ```

mod annotate;
mod diverge;
mod drift;
pub mod knowledge;
pub mod text;
mod topics;

pub use backchannel_core::{
    Analysis, AnalyzedStatement, Channel, Divergence, Document, Drift, Evidence, PrivateOnly,
    Rendering, Signal, SpeakerProfile, Statement, Topic,
};
pub use diverge::{LexiconScorer, StanceCues};
pub use knowledge::Knowledge;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Evidence rule naming a statement's attribution cue (`refused`,
/// `insists`): kept so scorers can read stance in the verb.
pub const ATTRIBUTION_CUE_RULE: &str = "attribution-cue";

/// Errors reading the user's actors or topics files.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid TOML: {0}")]
    Parse(String),
    #[error("{0}")]
    Invalid(String),
}

/// A user-named topic: a name and the terms that put a statement in it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSeed {
    pub name: String,
    pub terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    #[serde(default)]
    topic: Vec<TopicSeed>,
}

/// Scores how far a private statement departs from a public one of the same
/// side and topic: `None` (or a score of 0) when they agree. Implement it to
/// plug in another model (an NLI model, say); the default is [`LexiconScorer`].
pub trait DivergenceScorer {
    fn score(
        &self,
        private: &AnalyzedStatement,
        public: &AnalyzedStatement,
    ) -> Option<(f64, Vec<Signal>)>;

    /// Scores every pair of one group, private-major: entry
    /// `i * public.len() + j` is `score(private[i], public[j])`. Override
    /// it to do per-statement work once rather than once per pair.
    fn score_all(
        &self,
        private: &[&AnalyzedStatement],
        public: &[&AnalyzedStatement],
    ) -> Vec<Option<(f64, Vec<Signal>)>> {
        private
            .iter()
            .flat_map(|p| public.iter().map(move |q| self.score(p, q)))
            .collect()
    }
}

/// Everything the analysis needs besides the documents.
pub struct Config {
    pub knowledge: Knowledge,
    /// User-seeded topics; they take precedence over found ones.
    pub topics: Vec<TopicSeed>,
    pub scorer: Box<dyn DivergenceScorer + Send + Sync>,
    /// Divergences scoring below this are dropped (0..=1).
    pub min_divergence: f64,
    /// Cross-document renderings less similar than this are not drift (0..=1).
    pub min_drift_similarity: f64,
    /// At most this many found (unseeded) topics; 0 means no limit beyond
    /// the statements' own keyphrases.
    pub max_topics: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            knowledge: Knowledge::builtin(),
            topics: Vec::new(),
            scorer: Box::new(LexiconScorer::default()),
            min_divergence: 0.3,
            min_drift_similarity: 0.5,
            max_topics: 0,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("topics", &self.topics)
            .field("min_divergence", &self.min_divergence)
            .field("min_drift_similarity", &self.min_drift_similarity)
            .field("max_topics", &self.max_topics)
            .finish_non_exhaustive()
    }
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })
}

impl Config {
    /// Adds the actors and sides of an actors TOML file (format in the crate docs).
    pub fn with_actors_file(mut self, path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let text = read(path.as_ref())?;
        self.knowledge.add_actors_toml(&text)?;
        Ok(self)
    }

    /// Adds the seeded topics of a topics TOML file (format in the crate docs).
    pub fn with_topics_file(mut self, path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let text = read(path.as_ref())?;
        self.add_topics_toml(&text)?;
        Ok(self)
    }

    /// Adds seeded topics from TOML text.
    pub fn add_topics_toml(&mut self, text: &str) -> Result<(), ConfigError> {
        let file: TopicsFile =
            toml::from_str(text).map_err(|e| ConfigError::Parse(e.to_string()))?;
        for t in file.topic {
            if t.name.trim().is_empty() {
                return Err(ConfigError::Invalid("a [[topic]] has an empty name".into()));
            }
            if t.terms.iter().all(|s| s.trim().is_empty()) {
                return Err(ConfigError::Invalid(format!(
                    "topic {:?} has no terms",
                    t.name
                )));
            }
            self.topics.push(t);
        }
        Ok(())
    }
}

/// Speaker profile, side, channel and evidence for one document's
/// statements. `document` in the results is 0; [`analyze`] renumbers it.
pub fn annotate(doc: &Document, statements: &[Statement], cfg: &Config) -> Vec<AnalyzedStatement> {
    annotate::annotate(doc, statements, cfg)
}

/// Divergences and private-only topics of already annotated statements with
/// topics assigned. Works on any subset (one side and topic, or the whole
/// corpus), so a distributed job can run it per (side, topic) group.
pub fn pair(statements: &[AnalyzedStatement], cfg: &Config) -> (Vec<Divergence>, Vec<PrivateOnly>) {
    diverge::pair(statements, cfg)
}

/// The corpus-level step between [`annotate`] and [`pair`]: sides named
/// consistently across documents, then topics assigned to every statement.
/// `all[i].document` indexes `docs`. A distributed job runs this once over
/// all annotated statements (see `backchannel topics`).
pub fn assign_topics(docs: &[Document], all: &mut [AnalyzedStatement], cfg: &Config) -> Vec<Topic> {
    annotate::normalise_sides(all, &cfg.knowledge);
    annotate::propagate_person_sides(all);
    topics::assign(docs, all, cfg)
}

/// A side a document introduces that the knowledge lacks (an invented
/// country with its demonyms, or an organisation).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct DiscoveredSide {
    pub name: String,
    pub organisation: bool,
    pub demonyms: Vec<String>,
    /// The document read the name as a person's (`Trump's team` beside
    /// `President Trump`) or a plain word, not a side: a vote against it.
    #[serde(default)]
    pub rejected: bool,
    /// Documents that found it so: 1 from [`discover_sides`], summed by
    /// [`corpus_sides`].
    #[serde(default = "one_document")]
    pub documents: usize,
}

fn one_document() -> usize {
    1
}

/// Sides `doc` introduces (per document, parallelisable). [`analyze`] adds
/// those of every document to the knowledge (see
/// [`Knowledge::add_discovered`]) before [`annotate`]-ing, so a side one
/// story establishes is recognised in the others; a distributed job can do
/// the same by collecting them first and annotating with the richer config.
pub fn discover_sides(doc: &Document, cfg: &Config) -> Vec<DiscoveredSide> {
    annotate::discover_sides(doc, &cfg.knowledge)
        .into_iter()
        .map(|(name, kind, demonyms, rejected)| DiscoveredSide {
            name,
            organisation: kind == knowledge::AliasKind::Body,
            demonyms,
            rejected,
            documents: 1,
        })
        .collect()
}

/// The sides a whole corpus introduces, sorted and without repeats, so the
/// knowledge built from them is the same whatever order the documents come
/// in (a distributed job collects them from many tasks, summing
/// `documents` of equal entries). A name more documents read as a person's
/// or a plain word than as a side is dropped: one story's `Trump's team`
/// does not make `Trump` a side wherever he is named.
pub fn corpus_sides(sides: impl IntoIterator<Item = DiscoveredSide>) -> Vec<DiscoveredSide> {
    let mut counts: BTreeMap<(String, bool, Vec<String>, bool), usize> = BTreeMap::new();
    for s in sides {
        *counts
            .entry((s.name, s.organisation, s.demonyms, s.rejected))
            .or_default() += s.documents;
    }
    let mut votes: HashMap<&str, (usize, usize)> = HashMap::default();
    for ((name, _, _, rejected), n) in &counts {
        let v = votes.entry(name.as_str()).or_default();
        if *rejected {
            v.1 += n;
        } else {
            v.0 += n;
        }
    }
    counts
        .iter()
        .filter(|((name, _, _, rejected), _)| {
            !rejected && votes.get(name.as_str()).is_some_and(|(yes, no)| yes > no)
        })
        .map(
            |((name, organisation, demonyms, _), &documents)| DiscoveredSide {
                name: name.clone(),
                organisation: *organisation,
                demonyms: demonyms.clone(),
                rejected: false,
                documents,
            },
        )
        .collect()
}

/// Drift between renderings of the same quote or description across
/// `docs` (and contrasted inside one); `statements` are the annotated
/// statements, whose reported descriptions are compared too.
pub fn drift(docs: &[Document], statements: &[AnalyzedStatement], cfg: &Config) -> Vec<Drift> {
    drift::find(docs, statements, &cfg.knowledge, cfg.min_drift_similarity)
}

/// The whole analysis of a corpus. `statements[i]` are the statements of
/// `docs[i]`; a missing entry counts as no statements.
pub fn analyze(docs: &[Document], statements: Vec<Vec<Statement>>, cfg: &Config) -> Analysis {
    // Sides one story introduces are known while reading the others.
    // Discovery and annotation are per document: run them in parallel,
    // keeping document order.
    let mut knowledge = cfg.knowledge.clone();
    let discovered: Vec<Vec<DiscoveredSide>> = docs
        .par_iter()
        .map(|doc| discover_sides(doc, cfg))
        .collect();
    let sides = corpus_sides(discovered.into_iter().flatten());
    for side in &sides {
        knowledge.add_discovered(side);
    }
    let mut statements = statements;
    statements.resize_with(docs.len(), Vec::new);
    let per_doc: Vec<Vec<AnalyzedStatement>> = docs
        .par_iter()
        .zip(statements.par_iter())
        .enumerate()
        .map(|(di, (doc, st))| {
            let mut annotated = annotate::annotate_with(doc, st, &knowledge);
            for a in &mut annotated {
                a.document = di;
            }
            annotated
        })
        .collect();
    // The extracted statements live on in the annotated ones: free them
    // before the corpus-level steps allocate theirs.
    drop(statements);
    let mut all: Vec<AnalyzedStatement> = Vec::with_capacity(per_doc.iter().map(Vec::len).sum());
    for annotated in per_doc {
        all.extend(annotated);
    }
    let topics = assign_topics(docs, &mut all, cfg);
    let (divergences, private_only) = diverge::pair(&all, cfg);
    let drift = drift(docs, &all, cfg);
    Analysis {
        documents: docs.iter().map(Document::meta).collect(),
        statements: all,
        topics,
        divergences,
        private_only,
        drift,
        failures: Vec::new(),
    }
}
