//! How the nested veto generalises, on train alone: `cargo run --release -p
//! backchannel-extract --example nested_cv [DIR]` trains it on every other
//! document of the split and, on the rest, counts the nested statements it
//! keeps and drops, by whether their cue is exactly a gold cue, next to
//! dropping them all.

use backchannel_brat::load_polnear_dir;
use backchannel_extract::train::logistic_regression;
use std::collections::HashMap;

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::polnear_dir("train");
    let gold = load_polnear_dir(&dir)?;
    let mut halves: [Vec<(Vec<String>, bool)>; 2] = [Vec::new(), Vec::new()];
    for (n, doc) in gold.iter().enumerate() {
        for (span, features) in backchannel_extract::nested_statement_candidates(&doc.document) {
            let positive = doc.attributions.iter().any(|a| a.cue.as_slice() == [span]);
            if let Some(half) = halves.get_mut(n % 2) {
                half.push((features, positive));
            }
        }
    }
    let [train, test] = halves;
    let model = logistic_regression(train);
    let weights: HashMap<&str, f64> = model
        .weights
        .iter()
        .map(|(f, w)| (f.as_str(), *w))
        .collect();
    let right = test.iter().filter(|(_, p)| *p).count();
    println!(
        "{} weights; held out: {} nested statements, {right} with a gold cue",
        weights.len(),
        test.len()
    );
    for threshold in [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5] {
        let (mut dropped_right, mut dropped_wrong) = (0, 0);
        for (features, positive) in &test {
            let score: f64 = features
                .iter()
                .filter_map(|f| weights.get(f.as_str()))
                .sum();
            if score < threshold {
                if *positive {
                    dropped_right += 1;
                } else {
                    dropped_wrong += 1;
                }
            }
        }
        println!("threshold {threshold}: drops {dropped_wrong} wrong and {dropped_right} right");
    }
    Ok(())
}
