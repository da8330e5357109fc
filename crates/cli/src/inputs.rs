//! Input arguments shared by the subcommands that read documents, and the
//! loop that reads them in order-preserving batches.

use crate::progress::Progress;
use anyhow::{anyhow, Result};
use backchannel_core::{Document, DocumentError};
use backchannel_ingest::{read_inputs, Format, JsonFields, ReadOptions};

#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    /// Formats: .txt, .html, .jsonl, RSS/Atom/JSON Feed, WARC; any of them gzipped.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Where JSONL fields live, as target=field pairs: `--field text=body,outlet=source.name`.
    #[arg(long = "field", value_name = "TARGET=FIELD")]
    pub fields: Vec<String>,
    /// Read every input as this format (text, html, jsonl, feed, warc) instead of guessing.
    #[arg(long = "input-format", value_name = "FORMAT")]
    pub input_format: Option<String>,
}

impl InputArgs {
    pub fn read_options(&self) -> Result<ReadOptions> {
        let mut opts = ReadOptions {
            json_fields: JsonFields::parse(&self.fields.join(","))
                .map_err(|e| anyhow!("--field: {e}"))?,
            ..ReadOptions::default()
        };
        if let Some(name) = &self.input_format {
            opts.format = Some(Format::parse(name).map_err(|e| anyhow!("--input-format: {e}"))?);
        }
        Ok(opts)
    }
}

/// One input document: read, or failed with its reason.
pub type Item = Result<Document, DocumentError>;

/// How many documents went through, and how many failed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub read: usize,
    pub failed: usize,
}

impl Tally {
    pub fn add(&mut self, item: &Item) {
        match item {
            Ok(_) => self.read += 1,
            Err(_) => self.failed += 1,
        }
    }

    /// The summary line on stderr: `N documents read, M failed` (`1 document read`).
    pub fn summary(&self) -> String {
        let noun = if self.read == 1 {
            "document"
        } else {
            "documents"
        };
        format!("{} {noun} read, {} failed", self.read, self.failed)
    }
}

/// Documents per batch: enough to keep every core busy, small enough that
/// memory stays flat on corpora of any size.
pub const BATCH: usize = 256;

/// Reads every input in order and hands batches of documents (and failures,
/// in place) to `each_batch`. Failures are reported on stderr as they come.
pub fn for_each_batch(
    args: &InputArgs,
    quiet: bool,
    mut each_batch: impl FnMut(Vec<Item>) -> Result<()>,
) -> Result<Tally> {
    let opts = args.read_options()?;
    let progress = Progress::new(quiet, "documents");
    let mut tally = Tally::default();
    let mut batch = Vec::with_capacity(BATCH);
    for item in read_inputs(&args.inputs, &opts) {
        if let Err(err) = &item {
            progress.println(&format!("backchannel: {err}"));
        }
        tally.add(&item);
        batch.push(item);
        if batch.len() == BATCH {
            progress.inc(BATCH as u64);
            each_batch(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))?;
        }
    }
    progress.inc(batch.len() as u64);
    if !batch.is_empty() {
        each_batch(batch)?;
    }
    progress.finish();
    if !quiet {
        eprintln!("{}", tally.summary());
    }
    Ok(tally)
}

/// What [`read_all_then`] read, and `per_batch`'s result per document.
pub struct ReadAll<T> {
    pub docs: Vec<Document>,
    pub failures: Vec<DocumentError>,
    pub tally: Tally,
    pub results: Vec<T>,
}

/// Reads every input into memory (for corpus-level commands), running
/// `per_batch` on each batch of read documents while the next batch is
/// read on its own thread: `per_batch` results come back in document
/// order, one per document.
pub fn read_all_then<T: Send>(
    args: &InputArgs,
    quiet: bool,
    per_batch: impl Fn(&[Document]) -> Vec<T>,
) -> Result<ReadAll<T>> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Item>>(2);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            for_each_batch(args, quiet, |batch| {
                tx.send(batch)
                    .map_err(|_| anyhow!("the document consumer stopped early"))
            })
        });
        let mut docs = Vec::new();
        let mut failures = Vec::new();
        let mut results = Vec::new();
        for batch in rx {
            let mut read = Vec::with_capacity(batch.len());
            for item in batch {
                match item {
                    Ok(doc) => read.push(doc),
                    Err(err) => failures.push(err),
                }
            }
            results.extend(per_batch(&read));
            docs.extend(read);
        }
        let tally = reader
            .join()
            .map_err(|_| anyhow!("the input reader panicked"))??;
        Ok(ReadAll {
            docs,
            failures,
            tally,
            results,
        })
    })
}
