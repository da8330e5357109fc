//! `backchannel text`: documents as the pipeline reads them.

use super::{Context, Outcome};
use crate::inputs::{for_each_batch, InputArgs};
use anyhow::Result;
use std::io::Write;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// One JSON object per document: {"id","title","outlet","date","url","text"}.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let tally = for_each_batch(&args.input, ctx.quiet, |batch| {
        for doc in batch.into_iter().flatten() {
            if args.json {
                serde_json::to_writer(&mut out, &doc)?;
                writeln!(out)?;
            } else {
                writeln!(out, "=== {}", doc.id)?;
                for (label, value) in [
                    ("title", &doc.title),
                    ("outlet", &doc.outlet),
                    ("date", &doc.date),
                    ("url", &doc.url),
                ] {
                    if let Some(value) = value {
                        writeln!(out, "{label}: {value}")?;
                    }
                }
                writeln!(out)?;
                writeln!(out, "{}", doc.text.trim_end())?;
                writeln!(out)?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(Outcome::from_failures(tally.failed))
}
