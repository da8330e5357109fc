//! brat standoff I/O for attribution relations, PolNeAR loading, and the
//! attribution scorer used to evaluate the statement extractor.
//!
//! - [`parse_ann`] / [`write_ann`]: `.ann` files with code-point offsets,
//!   read into (and written from) byte [`backchannel_core::Span`]s.
//! - [`load_polnear_dir`]: a PolNeAR split as [`GoldDoc`]s.
//! - [`score()`] / [`score_statements`]: span- and quote-level P/R/F1
//!   (definitions in [`score`](mod@score)'s module docs).

pub mod ann;
pub mod polnear;
pub mod score;

pub use ann::{
    parse_ann, write_ann, write_attributions, Annotations, Attribution, Entity, ParseError,
};
pub use polnear::{load_pair, load_polnear_dir, GoldDoc, LoadError};
pub use score::{
    score, score_statements, Prf, QuoteScores, Scores, SpanScores, QUOTE_MARKS, QUOTE_THRESHOLDS,
};
