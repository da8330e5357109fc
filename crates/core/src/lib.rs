//! Shared types of the backchannel pipeline.
//!
//! Data flows one way: [`Document`] → [`Segmentation`] → [`Statement`] →
//! [`Analysis`]. Each later stage is a plain function of the earlier stage's
//! types, and every piece of text a stage points at is a [`Span`] into
//! [`Document::text`], never a copy that has lost its place.
//!
//! Internally spans are **byte** offsets (so `&text[span.range()]` works);
//! every output converts them to Unicode code-point offsets through
//! [`offsets::CharOffsets`], the one place that conversion lives.

pub mod analysis;
pub mod document;
pub mod offsets;
pub mod segment;
pub mod span;
pub mod statement;

pub use analysis::*;
pub use document::*;
pub use offsets::CharOffsets;
pub use segment::*;
pub use span::Span;
pub use statement::*;
