//! The answer-key format (`examples/gold.toml`) and its loader.
//!
//! The matching rules are documented at the top of `examples/gold.toml`;
//! this module only parses and checks that the key is self-consistent.

use backchannel_core::Channel;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// A whole answer key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    #[serde(default, rename = "document")]
    pub documents: Vec<GoldDocument>,
    #[serde(default, rename = "divergence")]
    pub divergences: Vec<GoldDivergence>,
    #[serde(default, rename = "decoy")]
    pub decoys: Vec<GoldDecoy>,
    #[serde(default)]
    pub private_only: Vec<GoldPrivateOnly>,
    #[serde(default)]
    pub drift: Vec<GoldDrift>,
}

/// The attributed statements of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDocument {
    pub id: String,
    #[serde(default)]
    pub statements: Vec<GoldStatement>,
}

/// One attributed statement: a substring of its content and what the
/// analysis should say about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldStatement {
    pub text: String,
    /// The resolved speaker name must contain one of these.
    pub speaker: Alternatives,
    /// The side must equal one of these; `None` leaves the side unscored.
    #[serde(default)]
    pub side: Option<Alternatives>,
    pub channel: Channel,
}

/// One or more acceptable answers (`"x"` or `["x", "y"]` in TOML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "OneOrMany")]
pub struct Alternatives(pub Vec<String>);

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl From<OneOrMany> for Alternatives {
    fn from(value: OneOrMany) -> Self {
        match value {
            OneOrMany::One(s) => Alternatives(vec![s]),
            OneOrMany::Many(v) => Alternatives(v),
        }
    }
}

impl fmt::Display for Alternatives {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(" | "))
    }
}

/// A divergence the analysis should report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDivergence {
    pub side: String,
    pub topic: String,
    pub keywords: Vec<String>,
    #[serde(default)]
    pub kind: Option<String>,
    /// `text` values of gold statements on the private line.
    pub private: Vec<String>,
    /// `text` values of gold statements on the public line.
    pub public: Vec<String>,
}

/// A private/public pair the analysis must not report as a divergence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDecoy {
    pub side: String,
    pub private: String,
    pub public: String,
    pub reason: String,
}

/// A topic a side discusses only in private.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldPrivateOnly {
    pub side: String,
    pub keywords: Vec<String>,
    pub private: Vec<String>,
}

/// The same words rendered differently in two documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDrift {
    pub a: String,
    pub a_text: String,
    pub b: String,
    pub b_text: String,
}

/// Why an answer key could not be used.
#[derive(Debug)]
pub enum GoldError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Parse {
        path: PathBuf,
        message: String,
    },
    /// The key parsed but contradicts itself (each entry names one problem).
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoldError::Io { path, source } => {
                write!(f, "{}: cannot read gold file: {source}", path.display())
            }
            GoldError::Parse { path, message } => {
                write!(f, "{}: invalid gold file: {message}", path.display())
            }
            GoldError::Invalid { path, problems } => {
                write!(
                    f,
                    "{}: inconsistent gold file: {}",
                    path.display(),
                    problems.join("; ")
                )
            }
        }
    }
}

impl std::error::Error for GoldError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GoldError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Reads and checks an answer key.
pub fn load(path: impl AsRef<Path>) -> Result<Gold, GoldError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse(&text).map_err(|e| match e {
        GoldError::Parse { message, .. } => GoldError::Parse {
            path: path.to_owned(),
            message,
        },
        GoldError::Invalid { problems, .. } => GoldError::Invalid {
            path: path.to_owned(),
            problems,
        },
        other => other,
    })
}

/// Parses and checks an answer key held in memory.
pub fn parse(text: &str) -> Result<Gold, GoldError> {
    let gold: Gold = toml::from_str(text).map_err(|e| GoldError::Parse {
        path: PathBuf::new(),
        message: e.to_string(),
    })?;
    let problems = gold.problems();
    if problems.is_empty() {
        Ok(gold)
    } else {
        Err(GoldError::Invalid {
            path: PathBuf::new(),
            problems,
        })
    }
}

impl Gold {
    /// Every way the key contradicts itself: empty fields, duplicate
    /// documents, references to statement texts the key does not list.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        let mut texts = HashSet::new();
        for doc in &self.documents {
            if doc.id.trim().is_empty() {
                problems.push("a [[document]] has an empty id".to_owned());
            }
            if !ids.insert(doc.id.as_str()) {
                problems.push(format!("document {:?} is listed twice", doc.id));
            }
            let mut seen = HashSet::new();
            for st in &doc.statements {
                let key = crate::normalize(&st.text);
                if key.is_empty() {
                    problems.push(format!(
                        "document {:?} has a statement with empty text",
                        doc.id
                    ));
                }
                if !seen.insert(key) {
                    problems.push(format!(
                        "document {:?} lists statement {:?} twice",
                        doc.id, st.text
                    ));
                }
                if st.speaker.0.iter().all(|s| s.trim().is_empty()) {
                    problems.push(format!(
                        "statement {:?} in {:?} has no speaker",
                        st.text, doc.id
                    ));
                }
                texts.insert(st.text.as_str());
            }
        }
        let mut refer = |what: &str, text: &str| {
            if !texts.contains(text) {
                problems.push(format!(
                    "{what} refers to {text:?}, which no [[document]] statement has as text"
                ));
            }
        };
        for d in &self.divergences {
            let what = format!("divergence {:?} ({})", d.topic, d.side);
            d.private
                .iter()
                .chain(&d.public)
                .for_each(|t| refer(&what, t));
        }
        for d in &self.decoys {
            let what = format!("decoy ({})", d.side);
            refer(&what, &d.private);
            refer(&what, &d.public);
        }
        for p in &self.private_only {
            let what = format!("private_only ({})", p.side);
            p.private.iter().for_each(|t| refer(&what, t));
        }
        for d in &self.divergences {
            if d.keywords.is_empty() || d.private.is_empty() || d.public.is_empty() {
                problems.push(format!(
                    "divergence {:?} needs keywords, private and public",
                    d.topic
                ));
            }
        }
        for p in &self.private_only {
            if p.keywords.is_empty() || p.private.is_empty() {
                problems.push(format!(
                    "private_only ({}) needs keywords and private",
                    p.side
                ));
            }
        }
        for d in &self.drift {
            for id in [&d.a, &d.b] {
                if !ids.contains(id.as_str()) {
                    problems.push(format!(
                        "drift refers to document {id:?}, which has no [[document]]"
                    ));
                }
            }
            if crate::normalize(&d.a_text).is_empty() || crate::normalize(&d.b_text).is_empty() {
                problems.push(format!(
                    "drift between {:?} and {:?} has an empty text",
                    d.a, d.b
                ));
            }
        }
        problems
    }
}
