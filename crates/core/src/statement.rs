//! Attributed statements: who said what, with which cue.

use crate::Span;
use serde::{Deserialize, Serialize};

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// A whole sentence (or more) inside quote marks.
    Direct,
    /// A few quoted words inside the reporter's own sentence.
    Partial,
    /// Reported speech with no quote marks.
    Indirect,
    /// Reported speech carrying a partial quote.
    Mixed,
}

impl Form {
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Direct => "direct",
            Form::Partial => "partial",
            Form::Indirect => "indirect",
            Form::Mixed => "mixed",
        }
    }
}

/// One attributed statement in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The content: from the first fragment's start to the last one's end
    /// (quote marks included for quotes, PolNeAR's convention).
    pub span: Span,
    /// The content pieces; two or more for split quotes (`"X," he said, "Y."`).
    pub fragments: Vec<Span>,
    pub form: Form,
    /// The attribution cue (`said`, `according to`, `told ... that`).
    pub cue: Option<Span>,
    /// Who said it; `None` when the cue has no speaker (`it was revealed`).
    pub speaker: Option<Speaker>,
}

/// The speaker of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The surface mention next to the cue (`he`, `the official`, `Petrova`).
    pub span: Span,
    /// What the mention resolves to: the fullest earlier mention of the same
    /// speaker (`Foreign Minister Anya Petrova`), or the mention itself.
    pub name: String,
    /// The earlier mention the surface mention was resolved to, when it is
    /// not the mention itself.
    pub antecedent: Option<Span>,
}
