//! The corpus database: `ingest`, `stats`, `search` and `serve`.

use super::analyze::config;
use super::{Context, Outcome};
use crate::inputs::{for_each_batch, InputArgs};
use anyhow::{anyhow, Context as _, Result};
use backchannel_store::{
    content_hash, parse_channel, parse_day, Filters, HitKind, SearchQuery, Store,
};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// The database file (created when missing).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// Actors, aliases and sides to add or correct (TOML).
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Topics named with seed terms (TOML).
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
}

pub fn ingest(ctx: &Context, args: IngestArgs) -> Result<Outcome> {
    let cfg = config(args.actors.as_deref(), args.topics.as_deref())?;
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let mut added = 0usize;
    let mut duplicates = 0usize;
    let mut rejected = 0usize;
    let tally = for_each_batch(&args.input, ctx.quiet, |batch| {
        // Skip content already stored (or repeated inside this batch) before
        // spending time on extraction.
        let mut seen = HashSet::new();
        let mut fresh = Vec::with_capacity(batch.len());
        for doc in batch.into_iter().flatten() {
            let hash = content_hash(&doc.text);
            if !seen.insert(hash.clone()) || store.contains_hash(&hash)? {
                duplicates += 1;
            } else {
                fresh.push(doc);
            }
        }
        let extracted: Vec<_> = fresh
            .into_par_iter()
            .map(|doc| {
                let statements = backchannel_extract::extract(&doc);
                (doc, statements)
            })
            .collect();
        let summary = store.add_documents(&extracted)?;
        added += summary.added;
        duplicates += summary.duplicates;
        for err in &summary.rejected {
            eprintln!("backchannel: {err}");
        }
        rejected += summary.rejected.len();
        Ok(())
    })?;
    if added > 0 {
        let (docs, statements) = store.load_corpus()?;
        let analysis = backchannel_analyze::analyze(&docs, statements, &cfg);
        store.replace_analysis(&analysis)?;
    }
    if !ctx.quiet {
        eprintln!("{added} documents added, {duplicates} already stored, {rejected} rejected");
    }
    Ok(Outcome::from_failures(tally.failed + rejected))
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[arg(long)]
    pub json: bool,
}

pub fn stats(_ctx: &Context, args: StatsArgs) -> Result<Outcome> {
    let store = open_read_only(&args.db)?;
    let stats = store.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&stats)?)?;
    } else {
        writeln!(out, "{stats}")?;
    }
    out.flush()?;
    Ok(Outcome::AllRead)
}

fn open_read_only(db: &PathBuf) -> Result<Store> {
    if !db.exists() {
        return Err(anyhow!(
            "{}: no such database (create it with `backchannel ingest --db`)",
            db.display()
        ));
    }
    Store::open_read_only(db).with_context(|| format!("cannot open {}", db.display()))
}

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Words, "exact phrases", prefix* queries, AND/OR/NOT (SQLite FTS5 syntax).
    pub query: String,
    /// One JSON hit per line.
    #[arg(long)]
    pub json: bool,
    #[arg(long)]
    pub side: Option<String>,
    /// public, private or unknown.
    #[arg(long)]
    pub channel: Option<String>,
    #[arg(long)]
    pub topic: Option<String>,
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only documents dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only documents dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only statements, or only articles.
    #[arg(long, value_name = "KIND")]
    pub only: Option<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

pub fn search(_ctx: &Context, args: SearchArgs) -> Result<Outcome> {
    let store = open_read_only(&args.db)?;
    let filters = Filters {
        side: args.side,
        channel: args
            .channel
            .as_deref()
            .map(parse_channel)
            .transpose()
            .map_err(|e| anyhow!("--channel: {e}"))?,
        topic: args.topic,
        outlet: args.outlet,
        since: args
            .since
            .as_deref()
            .map(parse_day)
            .transpose()
            .map_err(|e| anyhow!("--since: {e}"))?,
        until: args
            .until
            .as_deref()
            .map(parse_day)
            .transpose()
            .map_err(|e| anyhow!("--until: {e}"))?,
    };
    let kind = match args.only.as_deref() {
        None => None,
        Some("statements" | "statement") => Some(HitKind::Statement),
        Some("articles" | "article") => Some(HitKind::Article),
        Some(other) => {
            return Err(anyhow!(
                "--only: expected statements or articles, not {other:?}"
            ))
        }
    };
    let query = SearchQuery {
        text: args.query,
        filters,
        kind,
        limit: args.limit.max(1),
        offset: 0,
    };
    let hits = store.search(&query)?;
    let stdout = std::io::stdout();
    let color = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for hit in &hits {
        if args.json {
            serde_json::to_writer(&mut out, hit)?;
            writeln!(out)?;
            continue;
        }
        let mut head = hit.document.clone();
        if let Some(statement) = &hit.statement {
            head = statement.clone();
        }
        let meta: Vec<&str> = [
            hit.outlet.as_deref(),
            hit.date.as_deref(),
            hit.side.as_deref(),
            hit.channel.map(|c| c.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if color {
            writeln!(
                out,
                "\x1b[35m{head}\x1b[0m  \x1b[2m{}\x1b[0m",
                meta.join(" · ")
            )?;
        } else {
            writeln!(out, "{head}  {}", meta.join(" · "))?;
        }
        writeln!(
            out,
            "    {}",
            highlight(&hit.snippet, &hit.highlights, color)
        )?;
    }
    out.flush()?;
    if !args.json {
        eprintln!("{} hits", hits.len());
    }
    Ok(Outcome::AllRead)
}

/// The snippet with its matched terms in bold (or `[...]` without colour).
fn highlight(snippet: &str, ranges: &[[usize; 2]], color: bool) -> String {
    let mut out = String::with_capacity(snippet.len() + 16);
    let mut at = 0;
    for &[start, end] in ranges {
        if start < at
            || end > snippet.len()
            || !snippet.is_char_boundary(start)
            || !snippet.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&snippet[at..start]);
        if color {
            out.push_str("\x1b[1;31m");
            out.push_str(&snippet[start..end]);
            out.push_str("\x1b[0m");
        } else {
            out.push('[');
            out.push_str(&snippet[start..end]);
            out.push(']');
        }
        at = end;
    }
    out.push_str(&snippet[at..]);
    out.replace('\n', " ")
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on; 127.0.0.1 keeps the page on this machine.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: IpAddr,
}

pub fn serve(_ctx: &Context, args: ServeArgs) -> Result<Outcome> {
    open_read_only(&args.db)?;
    let addr = SocketAddr::new(args.bind, args.port);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    eprintln!(
        "backchannel: serving {} on http://{addr}/",
        args.db.display()
    );
    runtime.block_on(backchannel_web::serve(args.db, addr))?;
    Ok(Outcome::AllRead)
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn highlight_marks_terms_and_skips_bad_ranges() {
        assert_eq!(
            highlight("the grain deal", &[[4, 9]], false),
            "the [grain] deal"
        );
        assert_eq!(highlight("abc", &[[2, 9]], false), "abc");
    }
}
