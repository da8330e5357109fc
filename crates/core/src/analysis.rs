//! What `analyze` finds in a set of documents: sides, channels, topics,
//! divergences between private and public lines, and drift between outlets.
//!
//! Spans here are byte spans like everywhere inside the pipeline; the
//! printers in `backchannel-report` turn them into the documented wire format.

use crate::{DocumentError, DocumentMeta, Span, Statement};
use serde::{Deserialize, Serialize};

/// Whether a statement was made on the record or behind closed doors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// On the record: named officials, spokespeople, statements, briefings.
    Public,
    /// Anonymous sourcing, closed meetings, back channels, leaks, private
    /// remarks reported second-hand.
    Private,
    Unknown,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Public => "public",
            Channel::Private => "private",
            Channel::Unknown => "unknown",
        }
    }
}

/// What the analysis knows about a statement's speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SpeakerProfile {
    /// The surface mention.
    pub text: String,
    /// The resolved name.
    pub name: String,
    /// Unnamed (`a senior official`, `people familiar with the talks`).
    pub anonymous: bool,
    /// Speaks for an institution (titles, ministries, spokespeople).
    pub official: bool,
    /// A former official.
    pub former: bool,
}

/// A cue phrase that decided a statement's channel (or side), and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The phrase as it stands in the text (`spoke on condition of anonymity`).
    pub phrase: String,
    /// Where the phrase is in the statement's document, when it is there.
    pub span: Option<Span>,
    /// Which rule fired (`anonymous-source`, `closed-meeting`, `named-official` ...).
    pub rule: String,
}

/// A statement with everything the analysis attached to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedStatement {
    /// Corpus-unique id: `<document id>#<n>`, n counting from 1 in text order.
    pub id: String,
    /// Index into [`Analysis::documents`].
    pub document: usize,
    pub statement: Statement,
    /// The content text (a convenience copy of `statement.span` of the document).
    pub text: String,
    pub speaker: Option<SpeakerProfile>,
    /// The side the speaker speaks for (`United States`, `Drevania`, `European Union`).
    pub side: Option<String>,
    pub channel: Channel,
    pub evidence: Vec<Evidence>,
    /// Names of the topics this statement belongs to (see [`Analysis::topics`]).
    pub topics: Vec<String>,
}

/// A group of statements about one subject across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// Short name (`grain deal`, `nato enlargement`).
    pub name: String,
    /// Key terms, most characteristic first.
    pub terms: Vec<String>,
    /// True when the user named it (`--topics FILE`).
    pub seeded: bool,
}

/// A side's private line set against its public line on one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    pub side: String,
    pub topic: String,
    /// Ids of the private statements.
    pub private: Vec<String>,
    /// Ids of the public statements they depart from.
    pub public: Vec<String>,
    /// 0 (agree) ..= 1 (cannot both hold).
    pub score: f64,
    /// Why, citing the cues of both lines, for an analyst to check.
    pub explanation: String,
    /// The individual signals that made up the score.
    pub signals: Vec<Signal>,
}

/// One reason two statements depart from each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// `willingness-vs-refusal`, `negation-flip`, `admission-vs-denial`,
    /// `hedged-vs-categorical`, `number-mismatch`, `own-part-vs-blame`, ...
    pub kind: String,
    pub weight: f64,
    /// Private statement id and the cue phrase in it.
    pub private: (String, String),
    /// Public statement id and the cue phrase in it.
    pub public: (String, String),
}

/// A topic a side discusses only in private.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrivateOnly {
    pub side: String,
    pub topic: String,
    pub private: Vec<String>,
}

/// One rendering of a quote or description in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rendering {
    /// Index into [`Analysis::documents`].
    pub document: usize,
    pub span: Span,
    pub text: String,
    pub outlet: Option<String>,
}

/// The same quote or description rendered differently in two places.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drift {
    pub a: Rendering,
    pub b: Rendering,
    /// 0..=1 similarity of the two renderings.
    pub similarity: f64,
    /// Word-level diff: `[-removed-]` and `{+added+}` marks over shared words.
    pub diff: String,
}

/// Everything `analyze` produces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub documents: Vec<DocumentMeta>,
    pub statements: Vec<AnalyzedStatement>,
    pub topics: Vec<Topic>,
    pub divergences: Vec<Divergence>,
    pub private_only: Vec<PrivateOnly>,
    pub drift: Vec<Drift>,
    /// Documents that failed, with their reasons.
    pub failures: Vec<DocumentError>,
}
