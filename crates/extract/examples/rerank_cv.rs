//! How the content-boundary re-ranker generalises, on train alone:
//! `cargo run --release -p backchannel-extract --example rerank_cv [DIR]
//! [--margin M]` trains it on every other document of the split and, on
//! the rest, counts the rule boundaries it fixes and breaks; also the
//! candidate coverage (how often the gold boundary is a candidate).

use backchannel_brat::load_polnear_dir;
use backchannel_extract::train::{averaged_ranker, content_bound_examples};
use std::collections::HashMap;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let margin: f64 = args
        .iter()
        .position(|a| a == "--margin")
        .and_then(|i| args.get(i + 1))
        .map(|m| m.parse())
        .transpose()?
        .unwrap_or(0.0);
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<f64>().is_err())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/polnear/train"
            ))
        });
    let gold = load_polnear_dir(&dir)?;
    let (even, odd): (Vec<_>, Vec<_>) = gold.into_iter().enumerate().partition(|(i, _)| i % 2 == 0);
    let even: Vec<_> = even.into_iter().map(|(_, g)| g).collect();
    let odd: Vec<_> = odd.into_iter().map(|(_, g)| g).collect();
    let model = averaged_ranker(content_bound_examples(&even));
    let weights: HashMap<&str, f64> = model
        .weights
        .iter()
        .map(|(f, w)| (f.as_str(), *w))
        .collect();
    println!("{} weights", weights.len());
    let (mut fixed, mut broken, mut kept_right, mut still_wrong) = ([0; 2], [0; 2], [0; 2], [0; 2]);
    for (candidates, right) in content_bound_examples(&odd) {
        let end = usize::from(
            candidates
                .first()
                .is_some_and(|c| c.iter().any(|f| f.starts_with("e."))),
        );
        let score = |c: &Vec<String>| {
            c.iter()
                .filter_map(|f| weights.get(f.as_str()))
                .sum::<f64>()
        };
        let rule = candidates.first().map(score).unwrap_or(0.0);
        let mut pick = 0;
        let mut best = rule + margin;
        for (k, c) in candidates.iter().enumerate().skip(1) {
            let s = score(c);
            if s > best {
                best = s;
                pick = k;
            }
        }
        let slot = match (right == 0, pick == right) {
            (true, true) => &mut kept_right,
            (true, false) => &mut broken,
            (false, true) => &mut fixed,
            (false, false) => &mut still_wrong,
        };
        if let Some(n) = slot.get_mut(end) {
            *n += 1;
        }
    }
    for (i, name) in ["start", "end"].iter().enumerate() {
        println!(
            "{name}: held-out examples {}; rule right {} (kept {}, broken {}); rule wrong {} (fixed {}, not {}); net {}",
            kept_right[i] + broken[i] + fixed[i] + still_wrong[i],
            kept_right[i] + broken[i],
            kept_right[i],
            broken[i],
            fixed[i] + still_wrong[i],
            fixed[i],
            still_wrong[i],
            fixed[i] as i64 - broken[i] as i64
        );
    }
    Ok(())
}
