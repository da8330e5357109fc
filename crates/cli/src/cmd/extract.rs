//! `backchannel extract`: attributed statements, document by document.
//!
//! Batches of documents are extracted in parallel and printed in input
//! order, so memory stays flat and `extract -` can sit in a pipe.

use super::{Context, Outcome};
use crate::inputs::{for_each_batch, InputArgs, Item};
use anyhow::{bail, Context as _, Result};
use backchannel_core::{Document, Statement};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per document (the default).
    Jsonl,
    /// brat standoff: DIR/<id>.ann beside DIR/<id>.txt, as PolNeAR.
    Brat,
    /// A listing for people.
    Text,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Directory for brat output (required with --format brat).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Extracts every read document of a batch in parallel, keeping order.
pub fn extract_batch(
    batch: Vec<Item>,
) -> Vec<Result<(Document, Vec<Statement>), backchannel_core::DocumentError>> {
    batch
        .into_par_iter()
        .map(|item| {
            item.map(|doc| {
                let statements = backchannel_extract::extract(&doc);
                (doc, statements)
            })
        })
        .collect()
}

pub fn run(ctx: &Context, args: Args) -> Result<Outcome> {
    if args.format == Format::Brat {
        let Some(dir) = &args.out else {
            bail!("--format brat needs --out DIR")
        };
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let color = std::io::stdout().is_terminal();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let tally = for_each_batch(&args.input, ctx.quiet, |batch| {
        for result in extract_batch(batch) {
            match (args.format, result) {
                (Format::Jsonl, Ok((doc, statements))) => {
                    backchannel_report::write_extract_jsonl(&mut out, &doc, &statements)?
                }
                (Format::Jsonl, Err(err)) => {
                    backchannel_report::write_extract_error_jsonl(&mut out, &err)?
                }
                (Format::Text, Ok((doc, statements))) => {
                    backchannel_report::write_extract_text(&mut out, &doc, &statements, color)?
                }
                (Format::Brat, Ok((doc, statements))) => write_brat(
                    args.out.as_deref().unwrap_or(Path::new(".")),
                    &doc,
                    &statements,
                )?,
                // Failures were reported on stderr by the reader loop.
                (Format::Text | Format::Brat, Err(_)) => {}
            }
        }
        // Flush per batch so a pipe sees output as it is made.
        out.flush()?;
        Ok(())
    })?;
    out.flush()?;
    Ok(Outcome::from_failures(tally.failed))
}

fn write_brat(dir: &Path, doc: &Document, statements: &[Statement]) -> Result<()> {
    let stem = safe_file_stem(&doc.id);
    let txt = dir.join(format!("{stem}.txt"));
    let ann = dir.join(format!("{stem}.ann"));
    std::fs::write(&txt, &doc.text).with_context(|| format!("cannot write {}", txt.display()))?;
    std::fs::write(&ann, backchannel_brat::write_ann(doc, statements))
        .with_context(|| format!("cannot write {}", ann.display()))?;
    Ok(())
}

/// A document id as a file name: path separators and control characters
/// replaced, so an id can never write outside the output directory.
pub fn safe_file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == ':' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    match stem.as_str() {
        "" | "." | ".." => format!("_{stem}"),
        _ => stem,
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_stem;

    #[test]
    fn ids_cannot_escape_the_directory() {
        assert_eq!(safe_file_stem("../etc/passwd"), ".._etc_passwd");
        assert_eq!(safe_file_stem(".."), "_..");
        assert_eq!(safe_file_stem("urn:uuid:1"), "urn_uuid_1");
        assert_eq!(safe_file_stem("report-7"), "report-7");
    }
}
