//! The analysis split into stages that stream JSON Lines, so that it can
//! run distributed (see `examples/spark/`):
//!
//! 0. `sides` — per document, in parallel: the sides each document
//!    introduces (invented countries with their demonyms, organisations).
//!    Out: one `DiscoveredSide` per line (`rejected` when the document
//!    reads the name as a person's). The driver counts equal lines into
//!    `documents` and writes one file for stage 1 (`--sides FILE`), so every
//!    task knows the sides the corpus established.
//! 1. `annotate` — per document, in parallel: extraction, speaker profile,
//!    side, channel. Out: one line per document,
//!    `{"document": {...text --json object...}, "statements": [AnalyzedStatement]}`,
//!    or `{"failed": {"origin": {...}, "id": ..., "reason": "..."}}` for a
//!    document that could not be read.
//! 2. `topics` — over the whole corpus: sides normalised, topics assigned.
//!    Out: one line per (side, topic, statement),
//!    `{"side": S, "topic": T, "statement": AnalyzedStatement}`; a bloc's
//!    public statements (`the West`) also once per member side, whose
//!    public line they are too.
//! 3. `pair` — over any partition of stage 2's lines that keeps each side's
//!    lines together: divergences and private-only lines, one JSON object
//!    per line with a `"kind"` of `divergence` or `private_only`.
//!
//! `analyze` is exactly these stages in one process (plus drift, which
//! compares renderings across the whole corpus); the stage outputs keep
//! byte offsets (they are internal wire, read back by the next stage),
//! unlike the code-point offsets of the report formats.

use super::analyze::config;
use super::{Context, Outcome};
use crate::inputs::{for_each_batch, InputArgs};
use anyhow::{Context as _, Result};
use backchannel_analyze::DiscoveredSide;
use backchannel_core::{
    AnalyzedStatement, Channel, Divergence, Document, DocumentError, PrivateOnly,
};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct SidesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Actors, aliases and sides to add or correct (TOML).
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct AnnotateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Actors, aliases and sides to add or correct (TOML).
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Sides found by `backchannel sides` over the whole corpus (JSON Lines).
    #[arg(long, value_name = "FILE")]
    pub sides: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct TopicsArgs {
    /// Stage-1 lines (`-` for stdin).
    #[arg(default_value = "-")]
    pub input: String,
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Topics named with seed terms (TOML).
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct PairArgs {
    /// Stage-2 lines (`-` for stdin).
    #[arg(default_value = "-")]
    pub input: String,
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
}

/// A stage-1 line: an annotated document, or a document that failed.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnnotatedLine {
    Document {
        document: Document,
        statements: Vec<AnalyzedStatement>,
    },
    Failed {
        failed: DocumentError,
    },
}

/// A stage-2 line.
#[derive(Serialize, Deserialize)]
pub struct GroupedStatement {
    pub side: String,
    pub topic: String,
    pub statement: AnalyzedStatement,
}

/// A stage-3 line.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Paired {
    Divergence(Divergence),
    PrivateOnly(PrivateOnly),
}

/// Stage 0: the sides each document introduces. Failed documents are
/// skipped here; stage 1 accounts for them.
pub fn sides(_ctx: &Context, args: SidesArgs) -> Result<Outcome> {
    let cfg = config(args.actors.as_deref(), None)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for_each_batch(&args.input, true, |batch| {
        let found: Vec<Vec<DiscoveredSide>> = batch
            .into_par_iter()
            .flatten()
            .map(|doc| backchannel_analyze::discover_sides(&doc, &cfg))
            .collect();
        for side in found.iter().flatten() {
            serde_json::to_writer(&mut out, side)?;
            writeln!(out)?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(Outcome::AllRead)
}

/// Stage 1. Failed documents become `{"failed": {...}}` lines, so they are
/// accounted for in the output and the stage exits 0: a pipe stage fails
/// only when it cannot go on (which then fails the Spark job).
pub fn annotate(ctx: &Context, args: AnnotateArgs) -> Result<Outcome> {
    let mut cfg = config(args.actors.as_deref(), None)?;
    if let Some(path) = &args.sides {
        let mut found = Vec::new();
        for_each_line(&path.to_string_lossy(), |line| {
            found.push(serde_json::from_str::<DiscoveredSide>(line)?);
            Ok(())
        })?;
        for side in backchannel_analyze::corpus_sides(found) {
            cfg.knowledge.add_discovered(&side);
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for_each_batch(&args.input, true, |batch| {
        let lines: Vec<AnnotatedLine> = batch
            .into_par_iter()
            .filter(|item| !is_empty_stdin(item))
            .map(|item| match item {
                Ok(doc) => {
                    let statements = backchannel_extract::extract(&doc);
                    let statements = backchannel_analyze::annotate(&doc, &statements, &cfg);
                    AnnotatedLine::Document {
                        document: doc,
                        statements,
                    }
                }
                Err(failed) => AnnotatedLine::Failed { failed },
            })
            .collect();
        for line in &lines {
            if let (AnnotatedLine::Failed { failed }, false) = (line, ctx.quiet) {
                eprintln!("backchannel: {failed}");
            }
            serde_json::to_writer(&mut out, line)?;
            writeln!(out)?;
        }
        out.flush()?;
        Ok(())
    })?;
    out.flush()?;
    Ok(Outcome::AllRead)
}

/// An empty standard input is no document at all (an empty Spark partition).
fn is_empty_stdin(item: &crate::inputs::Item) -> bool {
    matches!(item, Err(e) if e.origin.path == "-" && e.origin.line.is_none() && e.reason == "empty file")
}

pub fn topics(_ctx: &Context, args: TopicsArgs) -> Result<Outcome> {
    let cfg = config(args.actors.as_deref(), args.topics.as_deref())?;
    let mut docs = Vec::new();
    let mut all = Vec::new();
    for_each_line(&args.input, |line| {
        if let AnnotatedLine::Document {
            document,
            statements,
        } = serde_json::from_str(line)?
        {
            let index = docs.len();
            docs.push(document);
            all.extend(statements.into_iter().map(|mut s| {
                s.document = index;
                s
            }));
        }
        Ok(())
    })?;
    backchannel_analyze::assign_topics(&docs, &mut all, &cfg);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for statement in all {
        let Some(side) = statement.side.clone() else {
            continue;
        };
        // A bloc's public line is also its members' (see
        // `backchannel_analyze::pair`): it goes to their pairing too.
        let members = match statement.channel {
            Channel::Public => cfg.knowledge.members_of(&side),
            _ => &[],
        };
        for topic in statement.topics.clone() {
            for to in std::iter::once(&side).chain(members) {
                let line = GroupedStatement {
                    side: to.clone(),
                    topic: topic.clone(),
                    statement: statement.clone(),
                };
                serde_json::to_writer(&mut out, &line)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::AllRead)
}

/// Stage 3. Pairing of one side looks across its topics (a private line
/// already set against a public one under one topic is not repeated under
/// another), so every line of a side must reach the same `pair` process:
/// the Spark job distributes by side. Statements repeated once per topic
/// are taken once, with their full topic lists.
pub fn pair(_ctx: &Context, args: PairArgs) -> Result<Outcome> {
    let cfg = config(args.actors.as_deref(), args.topics.as_deref())?;
    let mut sides: BTreeMap<String, BTreeMap<String, AnalyzedStatement>> = BTreeMap::new();
    for_each_line(&args.input, |line| {
        let grouped: GroupedStatement = serde_json::from_str(line)?;
        sides
            .entry(grouped.side)
            .or_default()
            .entry(grouped.statement.id.clone())
            .or_insert(grouped.statement);
        Ok(())
    })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for statements in sides.values() {
        let statements: Vec<AnalyzedStatement> = statements.values().cloned().collect();
        let (divergences, private_only) = backchannel_analyze::pair(&statements, &cfg);
        for d in divergences {
            serde_json::to_writer(&mut out, &Paired::Divergence(d))?;
            writeln!(out)?;
        }
        for p in private_only {
            serde_json::to_writer(&mut out, &Paired::PrivateOnly(p))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::AllRead)
}

/// Calls `each` with every non-blank line of `input` (`-` is stdin); a bad
/// line is an error naming its line number.
fn for_each_line(input: &str, mut each: impl FnMut(&str) -> Result<()>) -> Result<()> {
    let reader: Box<dyn BufRead> = if input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(input).with_context(|| format!("cannot open {input}"))?,
        ))
    };
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{input}:{}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        each(&line).with_context(|| format!("{input}:{}", n + 1))?;
    }
    Ok(())
}
