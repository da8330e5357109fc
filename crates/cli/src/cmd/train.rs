//! `backchannel train`: learns the extractor's cue model from brat gold.

use super::{Context, Outcome};
use anyhow::{bail, Context as _, Result};
use backchannel_brat::load_polnear_dir;
use backchannel_extract::train::learn_cues;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// PolNeAR-layout gold directory (`DIR/text/*.txt`, `DIR/attributions/*.ann`).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Where to write the cue model TSV (`crates/extract/data/cues.tsv` to
    /// update the one compiled into the extractor).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

pub fn run(ctx: &Context, args: Args) -> Result<Outcome> {
    let gold = load_polnear_dir(&args.gold)
        .with_context(|| format!("cannot load gold from {}", args.gold.display()))?;
    if gold.is_empty() {
        bail!("{}: no gold documents found", args.gold.display());
    }
    let model = learn_cues(&gold);
    std::fs::write(&args.out, model.to_tsv())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    if !ctx.quiet {
        eprintln!(
            "learned {} cue phrases from {} documents into {}",
            model.cues.len(),
            gold.len(),
            args.out.display()
        );
    }
    Ok(Outcome::AllRead)
}
