//! The `backchannel` command line: reads news coverage and shows what each
//! side says in public and behind closed doors, and where the two diverge.
//!
//! Each subcommand is a thin edge around the library crates: read inputs,
//! run a pipeline stage, print. Exit codes: 0 when every document was
//! processed, 1 when some failed (the rest are still processed and printed),
//! 2 for usage errors.

mod cmd;
mod inputs;
mod progress;

/// The analysis allocates many small strings from several threads; glibc's
/// allocator spent a quarter of whole-corpus analysis time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "backchannel", version, about, long_about = None, propagate_version = true)]
struct Cli {
    /// No progress bar and no summary line on stderr.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', global = true, value_name = "N")]
    threads: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show documents as the pipeline reads them.
    Text(cmd::text::Args),
    /// Extract attributed statements (quotes, indirect speech) with cue and speaker.
    Extract(cmd::extract::Args),
    /// Score extraction against gold annotations.
    #[command(subcommand)]
    Eval(cmd::eval::Command),
    /// Sides, channels, topics, divergences and drift across a set of documents.
    Analyze(cmd::analyze::Args),
    /// Sides each document introduces (the first distributed stage): JSONL out.
    Sides(cmd::stages::SidesArgs),
    /// Annotate statements (side, channel) document by document: JSONL in, JSONL out.
    Annotate(cmd::stages::AnnotateArgs),
    /// Assign topics to annotated statements: JSONL in, JSONL out.
    Topics(cmd::stages::TopicsArgs),
    /// Pair private with public statements per side and topic: JSONL in, divergences out.
    Pair(cmd::stages::PairArgs),
    /// Add documents to a corpus database and update its analysis.
    Ingest(cmd::store::IngestArgs),
    /// Counts of what a corpus database holds.
    Stats(cmd::store::StatsArgs),
    /// Full-text search over a corpus database.
    Search(cmd::store::SearchArgs),
    /// Browse a corpus database in a web page.
    Serve(cmd::store::ServeArgs),
    /// Learn the extractor's cue model from brat gold.
    Train(cmd::train::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads {
        // Only fails when a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let ctx = cmd::Context { quiet: cli.quiet };
    let result = match cli.command {
        Command::Text(args) => cmd::text::run(&ctx, args),
        Command::Extract(args) => cmd::extract::run(&ctx, args),
        Command::Eval(args) => cmd::eval::run(&ctx, args),
        Command::Analyze(args) => cmd::analyze::run(&ctx, args),
        Command::Sides(args) => cmd::stages::sides(&ctx, args),
        Command::Annotate(args) => cmd::stages::annotate(&ctx, args),
        Command::Topics(args) => cmd::stages::topics(&ctx, args),
        Command::Pair(args) => cmd::stages::pair(&ctx, args),
        Command::Ingest(args) => cmd::store::ingest(&ctx, args),
        Command::Stats(args) => cmd::store::stats(&ctx, args),
        Command::Search(args) => cmd::store::search(&ctx, args),
        Command::Serve(args) => cmd::store::serve(&ctx, args),
        Command::Train(args) => cmd::train::run(&ctx, args),
    };
    match result {
        Ok(cmd::Outcome::AllRead) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::SomeFailed) => ExitCode::from(1),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("backchannel: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// `backchannel ... | head` closes our stdout early; that is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
