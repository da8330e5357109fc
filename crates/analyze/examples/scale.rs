//! How `analyze` scales: the sample corpus (`examples/corpus`, read and
//! extracted once) replicated 1x, 10x and 100x under fresh document ids,
//! timed per statement. Run in release mode:
//! `cargo run --release -p backchannel-analyze --example scale [-- 1 10 100]`.

use backchannel_analyze::{analyze, Config};
use backchannel_core::{Document, Statement};
use std::time::Instant;

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let docs: Vec<Document> =
        backchannel_ingest::read_inputs(&[root.to_string()], &Default::default())
            .filter_map(Result::ok)
            .collect();
    if docs.is_empty() {
        eprintln!("no documents under {root}");
        std::process::exit(1);
    }
    let statements: Vec<Vec<Statement>> = docs.iter().map(backchannel_extract::extract).collect();
    let factors: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if args.is_empty() {
            vec![1, 10, 100]
        } else {
            args
        }
    };
    let cfg = Config::default();
    println!(
        "{:>6} {:>8} {:>10} {:>12} {:>14} {:>12}",
        "factor", "docs", "statements", "total ms", "us/statement", "divergences"
    );
    for factor in factors {
        let mut rep_docs = Vec::with_capacity(docs.len() * factor);
        let mut rep_st = Vec::with_capacity(docs.len() * factor);
        for k in 0..factor {
            for (d, st) in docs.iter().zip(&statements) {
                let mut d = d.clone();
                d.id = format!("{}-r{k}", d.id);
                rep_docs.push(d);
                rep_st.push(st.clone());
            }
        }
        let n: usize = rep_st.iter().map(Vec::len).sum();
        let start = Instant::now();
        let a = analyze(&rep_docs, rep_st, &cfg);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        println!(
            "{:>6} {:>8} {:>10} {:>12.1} {:>14.1} {:>12}",
            factor,
            rep_docs.len(),
            n,
            ms,
            ms * 1000.0 / n.max(1) as f64,
            a.divergences.len()
        );
    }
}
