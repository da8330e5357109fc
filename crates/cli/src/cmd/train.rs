//! `backchannel train`: learns the extractor's models from brat gold.

use super::{Context, Outcome};
use anyhow::{bail, Context as _, Result};
use backchannel_brat::load_polnear_dir;
use backchannel_extract::train::{
    learn_content_cut, learn_content_ends, learn_cue_classifier, learn_cues, learn_nested_veto,
    learn_rule_veto,
};
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
    /// Where to write the content-end model TSV; by default
    /// `content_ends.tsv` beside the cue model.
    #[arg(long, value_name = "FILE")]
    pub ends: Option<PathBuf>,
    /// Where to write the cue classifier TSV; by default
    /// `cue_classifier.tsv` beside the cue model.
    #[arg(long, value_name = "FILE")]
    pub classifier: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> Result<Outcome> {
    let gold = load_polnear_dir(&args.gold)
        .with_context(|| format!("cannot load gold from {}", args.gold.display()))?;
    if gold.is_empty() {
        bail!("{}: no gold documents found", args.gold.display());
    }
    let write = |path: &std::path::Path, tsv: String| {
        std::fs::write(path, tsv).with_context(|| format!("cannot write {}", path.display()))
    };
    let model = learn_cues(&gold);
    write(&args.out, model.to_tsv())?;
    let ends_path = args
        .ends
        .unwrap_or_else(|| args.out.with_file_name("content_ends.tsv"));
    let ends = learn_content_ends(&gold);
    write(&ends_path, ends.to_tsv())?;
    // The content cut reads where the rules (with the models above) end
    // contents; the cue classifier and the veto do not depend on it.
    let cut_path = args.out.with_file_name("content_cut.tsv");
    let cut = learn_content_cut(&gold);
    write(&cut_path, cut.to_tsv())?;
    // The classifier and the veto read what the rules find, so they are
    // trained with the cue model and content-end model above already
    // compiled in (run twice when those changed). The veto is written beside
    // the cue model.
    let classifier_path = args
        .classifier
        .unwrap_or_else(|| args.out.with_file_name("cue_classifier.tsv"));
    let classifier = learn_cue_classifier(&gold);
    write(&classifier_path, classifier.to_tsv())?;
    let veto_path = args.out.with_file_name("rule_veto.tsv");
    let veto = learn_rule_veto(&gold);
    write(&veto_path, veto.to_tsv())?;
    // The nested veto reads the statements of the rules with all the
    // models above compiled in.
    let nested_path = args.out.with_file_name("nested_veto.tsv");
    let nested = learn_nested_veto(&gold);
    write(&nested_path, nested.to_tsv())?;
    if !ctx.quiet {
        eprintln!(
            "learned from {} documents: {} cue phrases into {}, {} content-end keys into {}, \
             {} content-cut weights into {}, {} classifier weights into {}, \
             {} rule-veto weights into {}, {} nested-veto weights into {}",
            gold.len(),
            model.cues.len(),
            args.out.display(),
            ends.keys.len(),
            ends_path.display(),
            cut.weights.len(),
            cut_path.display(),
            classifier.weights.len(),
            classifier_path.display(),
            veto.weights.len(),
            veto_path.display(),
            nested.weights.len(),
            nested_path.display()
        );
    }
    Ok(Outcome::AllRead)
}
