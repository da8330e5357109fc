//! Reads inputs the way the CLI does and prints what came out: documents,
//! errors (the first few in full), text bytes and throughput.
//!
//! Usage: `read_stats [--format F] [--fields text=body,...] INPUT...`

use backchannel_ingest::{read_inputs, Format, JsonFields, ReadOptions};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut opts = ReadOptions::default();
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed = match arg.as_str() {
            "--format" => args
                .next()
                .ok_or("--format needs a value".to_string())
                .and_then(|f| Format::parse(&f))
                .map(|f| opts.format = Some(f)),
            "--fields" => args
                .next()
                .ok_or("--fields needs a value".to_string())
                .and_then(|f| JsonFields::parse(&f))
                .map(|f| opts.json_fields = f),
            _ => {
                inputs.push(arg);
                Ok(())
            }
        };
        if let Err(e) = parsed {
            eprintln!("read_stats: {e}");
            return ExitCode::from(2);
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: read_stats [--format F] [--fields text=body,...] INPUT...");
        return ExitCode::from(2);
    }
    let start = Instant::now();
    let (mut documents, mut errors, mut empty, mut bytes) = (0u64, 0u64, 0u64, 0u64);
    for result in read_inputs(&inputs, &opts) {
        match result {
            Ok(doc) => {
                documents += 1;
                bytes += doc.text.len() as u64;
                empty += u64::from(doc.text.is_empty());
            }
            Err(e) => {
                errors += 1;
                if errors <= 20 {
                    eprintln!("error: {e}");
                }
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "documents {documents} (empty text {empty}) errors {errors} text_mb {:.1} seconds {seconds:.2} docs_per_second {:.0} text_mb_per_second {:.1}",
        bytes as f64 / 1e6,
        documents as f64 / seconds.max(1e-9),
        bytes as f64 / 1e6 / seconds.max(1e-9)
    );
    ExitCode::SUCCESS
}
