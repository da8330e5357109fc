//! Runs ingest → extract → analyze on some inputs and scores the analysis
//! against a gold key, for tuning any stage on the sample corpus:
//!
//! ```text
//! cargo run -p backchannel-gold --example score -- examples/gold.toml examples/corpus [--json]
//! ```

use backchannel_core::Document;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let paths: Vec<String> = args.into_iter().filter(|a| a != "--json").collect();
    let Some((gold_path, inputs)) = paths.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        eprintln!("usage: score GOLD.toml INPUT... [--json]");
        return ExitCode::from(2);
    };
    let gold = match backchannel_gold::load(gold_path) {
        Ok(gold) => gold,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut docs: Vec<Document> = Vec::new();
    for doc in backchannel_ingest::read_inputs(inputs, &backchannel_ingest::ReadOptions::default())
    {
        match doc {
            Ok(doc) => docs.push(doc),
            Err(e) => eprintln!("skipped: {e}"),
        }
    }
    let statements = docs.iter().map(backchannel_extract::extract).collect();
    let analysis =
        backchannel_analyze::analyze(&docs, statements, &backchannel_analyze::Config::default());
    let report = backchannel_gold::score(&gold, &docs, &analysis);
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("cannot serialise the report: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{report}");
    }
    ExitCode::SUCCESS
}
