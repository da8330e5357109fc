//! Scores a backchannel [`Analysis`](backchannel_core::Analysis) against a
//! hand-written answer key, so changes to any stage of the pipeline can be
//! measured on the sample corpus (`examples/corpus` + `examples/gold.toml`).
//!
//! ```no_run
//! # fn run(docs: &[backchannel_core::Document], analysis: &backchannel_core::Analysis) -> Result<(), backchannel_gold::GoldError> {
//! let gold = backchannel_gold::load("examples/gold.toml")?;
//! let report = backchannel_gold::score(&gold, docs, analysis);
//! println!("{report}");
//! # Ok(()) }
//! ```
//!
//! Texts are compared after [`normalize`], so a key written with straight
//! quotes matches articles set with curly quotes or guillemets.

mod key;
mod score;

pub use key::{
    load, parse, Alternatives, Gold, GoldDecoy, GoldDivergence, GoldDocument, GoldDrift, GoldError,
    GoldPrivateOnly, GoldStatement,
};
pub use score::{
    score, ChannelCount, DecoyScore, GoldReport, Miss, MissKind, RecallScore, StatementScore,
};

/// Lower-cases, maps typographic quotes, apostrophes, guillemets and dashes
/// to ASCII, and collapses whitespace runs to one space: the comparison form
/// of every text the scorer matches.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}'
            | '\u{2032}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}
