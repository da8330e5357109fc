//! `backchannel eval brat`: extraction scored against brat gold.

use super::{Context, Outcome};
use anyhow::{bail, Context as _, Result};
use backchannel_brat::{
    load_pair, load_polnear_dir, parse_ann, score, score_statements, Attribution, GoldDoc,
};
use backchannel_core::Statement;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Score against brat standoff gold (PolNeAR layout `DIR/text/*.txt` +
    /// `DIR/attributions/*.ann`, or `DIR/<id>.txt` beside `DIR/<id>.ann`).
    ///
    /// Metrics: exact-span and overlap precision/recall/F1 for Source, Cue and
    /// Content; quote-level F1 at character overlap 0.3 and 0.8 with speaker
    /// accuracy, for all contents and for those carrying quote marks. See the
    /// backchannel-brat crate docs for the precise definitions.
    Brat(BratArgs),
}

#[derive(clap::Args, Debug)]
pub struct BratArgs {
    /// The gold directory.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Predictions as `DIR/<id>.ann` (e.g. from `extract --format brat`);
    /// without it, backchannel extracts from the gold texts itself.
    #[arg(long, value_name = "DIR")]
    pub pred: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_ctx: &Context, command: Command) -> Result<Outcome> {
    let Command::Brat(args) = command;
    let gold = load_gold(&args.gold)?;
    if gold.is_empty() {
        bail!("{}: no gold documents found", args.gold.display());
    }
    let scores = match &args.pred {
        Some(dir) => {
            let predicted: Vec<Vec<Attribution>> = gold
                .iter()
                .map(|g| read_predictions(dir, g))
                .collect::<Result<_>>()?;
            let pairs: Vec<(&GoldDoc, &[Attribution])> = gold
                .iter()
                .zip(&predicted)
                .map(|(g, p)| (g, p.as_slice()))
                .collect();
            score(&pairs)
        }
        None => {
            let predicted: Vec<Vec<Statement>> = gold
                .par_iter()
                .map(|g| backchannel_extract::extract(&g.document))
                .collect();
            let pairs: Vec<(&GoldDoc, &[Statement])> = gold
                .iter()
                .zip(&predicted)
                .map(|(g, p)| (g, p.as_slice()))
                .collect();
            score_statements(&pairs)
        }
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&scores)?)?;
    } else {
        write!(out, "{scores}")?;
    }
    out.flush()?;
    Ok(Outcome::AllRead)
}

fn load_gold(dir: &Path) -> Result<Vec<GoldDoc>> {
    if dir.join("text").is_dir() {
        return load_polnear_dir(dir).map_err(Into::into);
    }
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut gold = Vec::with_capacity(texts.len());
    for text in texts {
        let ann = text.with_extension("ann");
        if ann.exists() {
            gold.push(load_pair(&text, &ann)?);
        }
    }
    Ok(gold)
}

/// A gold document's predicted relations from `DIR/<id>.ann`; none when the
/// file is missing (the document then counts as predicting nothing).
fn read_predictions(dir: &Path, gold: &GoldDoc) -> Result<Vec<Attribution>> {
    let path = dir.join(format!(
        "{}.ann",
        super::extract::safe_file_stem(&gold.document.id)
    ));
    let ann = match std::fs::read_to_string(&path) {
        Ok(ann) => ann,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "backchannel: {}: missing, counted as no predictions",
                path.display()
            );
            return Ok(Vec::new());
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let parsed =
        parse_ann(&gold.document.text, &ann).with_context(|| format!("{}", path.display()))?;
    Ok(parsed.attributions)
}
