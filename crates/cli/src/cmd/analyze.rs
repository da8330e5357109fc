//! `backchannel analyze`: sides, channels, topics, divergences and drift.

use super::{Context, Outcome};
use crate::inputs::{read_all_then, InputArgs};
use anyhow::{anyhow, Context as _, Result};
use backchannel_analyze::Config;
use backchannel_report::{Format as ReportFormat, TextOptions};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For a terminal.
    Text,
    /// A report to read or paste.
    Markdown,
    /// One self-contained page: divergences side by side, articles below.
    Html,
    /// The wire format documented in the backchannel-report crate.
    Json,
    /// One analysed statement per line.
    Jsonl,
    /// One analysed statement per row.
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report here instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Actors, aliases and sides to add or correct (TOML).
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Topics named with seed terms (TOML).
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Colour in text output: auto, always or never.
    #[arg(long, default_value = "auto", value_name = "WHEN")]
    pub color: String,
}

/// The analysis configuration from `--actors` and `--topics`.
pub fn config(actors: Option<&Path>, topics: Option<&Path>) -> Result<Config> {
    let mut cfg = Config::default();
    if let Some(path) = actors {
        cfg = cfg
            .with_actors_file(path)
            .map_err(|e| anyhow!("--actors {}: {e}", path.display()))?;
    }
    if let Some(path) = topics {
        cfg = cfg
            .with_topics_file(path)
            .map_err(|e| anyhow!("--topics {}: {e}", path.display()))?;
    }
    Ok(cfg)
}

pub fn run(ctx: &Context, args: Args) -> Result<Outcome> {
    let cfg = config(args.actors.as_deref(), args.topics.as_deref())?;
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        "auto" => args.out.is_none() && std::io::stdout().is_terminal(),
        other => {
            return Err(anyhow!(
                "--color: expected auto, always or never, not {other:?}"
            ))
        }
    };
    // Extraction (in parallel, order kept) runs while the next documents
    // are read.
    let read = read_all_then(&args.input, ctx.quiet, |batch| {
        batch.par_iter().map(backchannel_extract::extract).collect()
    })?;
    let (docs, tally) = (read.docs, read.tally);
    let mut analysis = backchannel_analyze::analyze(&docs, read.results, &cfg);
    analysis.failures = read.failures;
    if !ctx.quiet {
        eprintln!(
            "{} statements, {} divergences, {} private-only lines, {} drift pairs",
            analysis.statements.len(),
            analysis.divergences.len(),
            analysis.private_only.len(),
            analysis.drift.len()
        );
    }
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match args.format {
        Format::Text => {
            let options = TextOptions { color };
            backchannel_report::write_analysis(
                &mut out,
                &analysis,
                &docs,
                ReportFormat::Text(options),
            )?
        }
        Format::Markdown => {
            backchannel_report::write_analysis(&mut out, &analysis, &docs, ReportFormat::Markdown)?
        }
        Format::Html => {
            backchannel_report::write_analysis(&mut out, &analysis, &docs, ReportFormat::Html)?
        }
        Format::Json => {
            backchannel_report::write_analysis(&mut out, &analysis, &docs, ReportFormat::Json)?
        }
        Format::Jsonl => backchannel_report::write_statements_jsonl(&mut out, &analysis, &docs)?,
        Format::Csv => backchannel_report::write_statements_csv(&mut out, &analysis, &docs)?,
    }
    out.flush()?;
    // The process ends here: freeing millions of small allocations one by
    // one would only delay the exit (the OS takes the memory back at once).
    std::mem::forget(analysis);
    std::mem::forget(docs);
    Ok(Outcome::from_failures(tally.failed))
}
