//! Printers of backchannel: everything that turns pipeline results into
//! output for people (terminal text, Markdown, one HTML page) and machines
//! (JSON, JSONL, CSV).
//!
//! Printers take data and a `&mut dyn Write`; they touch no files. Every
//! input is checked before the first byte is written, so a span that does
//! not fit its document is an `InvalidData` error, never a panic or half a
//! report. All offsets printed are **Unicode code-point** offsets into the
//! document's `text` (converted through [`backchannel_core::CharOffsets`]),
//! so `text[start:end]` in Python gives the span's text.
//!
//! # `backchannel extract` (one JSON line per document)
//!
//! For the text `Ostland balks\n\n“We will not sign,” said Petrova.`
//! [`write_extract_jsonl`] writes
//!
//! ```json
//! {"id":"ost-1","statements":[{"start":15,"end":34,"text":"“We will not sign,”",
//!   "form":"direct","cue":{"start":35,"end":39,"text":"said"},
//!   "speaker":{"start":40,"end":47,"text":"Petrova","name":"Foreign Minister Ilse Petrova"},
//!   "fragments":[[15,34]]}],"error":null}
//! ```
//!
//! - `id`: the document id.
//! - `statements[]`: in text order. `start`/`end`: the content span, quote
//!   marks included for quotes; `text`: that span's text; `form`: `direct`,
//!   `partial`, `indirect` or `mixed`; `cue`: the attribution cue or null;
//!   `speaker`: the surface mention (`start`,`end`,`text`) and the `name` it
//!   resolves to, or null; `fragments`: the content pieces as `[start,end]`
//!   pairs (two or more for split quotes).
//! - `error`: null. A document that failed ([`write_extract_error_jsonl`])
//!   has `"statements":[]` and `"error":"path:line: reason"`; its `id` is the
//!   document id, or the origin (`path:line`) when the id was never read.
//!
//! [`read_document_jsonl_line`] reads the `text --json` object
//! `{"id","title","outlet","date","url","text"}` back for `extract -`.
//!
//! # `backchannel analyze --format json`
//!
//! [`write_analysis`] with [`Format::Json`] writes one JSON object and a
//! newline. Keys appear in the order below; consumers should ignore keys
//! they do not know (fields may be added, never removed or renamed).
//! Absent values are `null`; scores that are not finite numbers are `null`.
//!
//! - `documents[]`: in input order; statement and drift `document` fields
//!   refer to these ids.
//!   - `id` (string), `title`, `outlet`, `date` (ISO 8601), `url`: string or null.
//! - `statements[]`: every attributed statement, in document then text order.
//!   - `id`: `<document id>#<n>`, unique in the corpus.
//!   - `document`: the document id.
//!   - `start`, `end`: code-point span of the content in that document's text.
//!   - `text`: exactly the text of that span.
//!   - `form`: `direct` | `partial` | `indirect` | `mixed`.
//!   - `speaker`: null, or `{"text","name","anonymous","official","former","start","end"}`:
//!     the surface mention, the resolved name, three booleans (all false
//!     when the analysis did not profile the speaker), and the mention's
//!     code-point span (null when it has none).
//!   - `side`: the country, government or organisation spoken for, or null.
//!   - `channel`: `public` (on the record) | `private` (anonymous sources,
//!     closed meetings, back channels, leaks) | `unknown`.
//!   - `evidence[]`: `{"phrase","start","end","rule"}`: the cue phrase that
//!     decided the channel or side, its code-point span (null when it is not
//!     in the text) and the rule that fired (`anonymous-source`, ...).
//!   - `topics[]`: names of the topics the statement belongs to.
//!   - `cue`: `{"start","end","text"}` of the attribution cue, or null.
//!   - `fragments[]`: `[start,end]` code-point pairs of the content pieces.
//! - `topics[]`: `{"name","terms","seeded"}`: the topic name, its key terms
//!   (most characteristic first), and whether the user named it.
//! - `divergences[]`: a side's private line set against its public line on
//!   one topic, in the analysis' order.
//!   - `side`, `topic`: strings.
//!   - `private`, `public`: statement ids.
//!   - `score`: 0 (agree) to 1 (cannot both hold).
//!   - `explanation`: why, citing the cues of both lines.
//!   - `signals[]`: `{"kind","weight","private":{"statement","cue"},"public":{"statement","cue"}}`:
//!     each reason (`negation-flip`, `admission-vs-denial`, ...), its weight,
//!     and the statement id and cue phrase on each side.
//! - `private_only[]`: `{"side","topic","private"}`: topics a side raises
//!   only in private, with the statement ids.
//! - `drift[]`: the same quote or description rendered differently.
//!   - `a`, `b`: `{"document","start","end","text","outlet"}`: the document
//!     id, the code-point span and its text, and the outlet (or null).
//!   - `similarity`: 0 to 1.
//!   - `diff`: word diff of `a` to `b`: `[-removed-]` and `{+added+}` marks
//!     over shared words.
//! - `failures[]`: `{"id","origin","reason"}`: documents that could not be
//!   processed: id or null, `path[:line][ (record n)]`, and why.
//!
//! Example (abridged to one item per list; offsets illustrative):
//!
//! ```json
//! {"documents":[{"id":"valley-1","title":"Grain talks stall","outlet":"The Valley Herald","date":"2031-04-02","url":null}],
//!  "statements":[{"id":"valley-1#2","document":"valley-1","start":120,"end":161,
//!    "text":"“Ostland is ready to drop the quota,”","form":"direct",
//!    "speaker":{"text":"an official","name":"an Ostland official familiar with the talks",
//!               "anonymous":true,"official":true,"former":false,"start":162,"end":173},
//!    "side":"Ostland","channel":"private",
//!    "evidence":[{"phrase":"spoke on condition of anonymity","start":190,"end":221,"rule":"anonymous-source"}],
//!    "topics":["grain quota"],"cue":{"start":174,"end":178,"text":"said"},"fragments":[[120,161]]}],
//!  "topics":[{"name":"grain quota","terms":["grain","quota"],"seeded":false}],
//!  "divergences":[{"side":"Ostland","topic":"grain quota","private":["valley-1#2"],"public":["valley-1#1"],
//!    "score":0.8,"explanation":"privately “ready to drop” the quota; publicly “will never” drop it",
//!    "signals":[{"kind":"willingness-vs-refusal","weight":0.8,
//!                "private":{"statement":"valley-1#2","cue":"ready to"},
//!                "public":{"statement":"valley-1#1","cue":"will never"}}]}],
//!  "private_only":[],
//!  "drift":[],
//!  "failures":[]}
//! ```
//!
//! # Other outputs
//!
//! - [`write_statements_jsonl`]: one `statements[]` object per line, plus
//!   the document's `outlet` and `date`.
//! - [`write_statements_csv`]: RFC 4180, columns [`STATEMENT_CSV_COLUMNS`].
//! - [`Format::Text`]: terminal report, optional ANSI colour; control
//!   characters from articles are shown escaped, never sent to the terminal.
//! - [`Format::Markdown`]: a report for people, article text escaped.
//! - [`Format::Html`]: one self-contained page; statements link to
//!   `#s-<statement id>` marks in the articles, and every statement start
//!   has an `#d-<document index>-<code-point start>` anchor. Ids in anchors
//!   are percent-encoded ([`fragment_id`]); all text goes through
//!   [`escape_html`].

mod corpus;
mod csv;
mod diff;
mod escape;
mod extract;
mod html;
mod json;
mod markdown;
mod text;

pub use crate::csv::{write_statements_csv, STATEMENT_CSV_COLUMNS};
pub use crate::diff::{parse_word_diff, DiffPart};
pub use crate::escape::{
    escape_html, escape_markdown_inline, fragment_id, push_escaped_html, terminal_safe,
};
pub use crate::extract::{
    read_document_jsonl_line, write_extract_error_jsonl, write_extract_jsonl, write_extract_text,
};
pub use crate::html::write_analysis_html;
pub use crate::json::{write_analysis_json, write_statements_jsonl};
pub use crate::markdown::write_analysis_markdown;
pub use crate::text::{write_analysis_text, TextOptions};

use backchannel_core::{Analysis, Document};
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

/// An output format of `backchannel analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For a terminal.
    Text(TextOptions),
    Markdown,
    /// One self-contained page.
    Html,
    /// The wire format documented above.
    Json,
}

impl Format {
    /// The names [`Format::from_str`] accepts.
    pub const NAMES: [&'static str; 4] = ["text", "markdown", "html", "json"];
}

impl FromStr for Format {
    type Err = String;

    /// Parses `text`, `markdown` (or `md`), `html` or `json`; `text` comes
    /// without colour (set [`TextOptions::color`] afterwards).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text(TextOptions::default())),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            _ => Err(format!(
                "unknown format {s:?}: expected one of {}",
                Format::NAMES.join(", ")
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text(_) => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
        })
    }
}

/// Writes `analysis` in `format`. `docs` are the analysed documents in the
/// order of `analysis.documents` (their texts give quotes and offsets).
pub fn write_analysis(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Text(options) => write_analysis_text(w, analysis, docs, &options),
        Format::Markdown => write_analysis_markdown(w, analysis, docs),
        Format::Html => write_analysis_html(w, analysis, docs),
        Format::Json => write_analysis_json(w, analysis, docs),
    }
}
