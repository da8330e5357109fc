//! One module per subcommand.

pub mod analyze;
pub mod eval;
pub mod extract;
pub mod stages;
pub mod store;
pub mod text;
pub mod train;

/// Settings every subcommand shares.
pub struct Context {
    pub quiet: bool,
}

/// How a run that did not hit a fatal error ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input document was processed.
    AllRead,
    /// Some documents failed (each reported on stderr); the rest were processed.
    SomeFailed,
}

impl Outcome {
    pub fn from_failures(failed: usize) -> Self {
        if failed == 0 {
            Outcome::AllRead
        } else {
            Outcome::SomeFailed
        }
    }
}
