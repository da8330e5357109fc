//! Error analysis: gold cues no prediction touches, counted by cue text.
//! `cargo run --release -p backchannel-extract --example missed [DIR]`.

use backchannel_brat::load_polnear_dir;
use std::collections::HashMap;

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::polnear_dir("train");
    let gold = load_polnear_dir(&dir)?;
    let mut missed: HashMap<String, usize> = HashMap::new();
    let mut total: HashMap<String, usize> = HashMap::new();
    let (mut n_missed, mut n_total) = (0, 0);
    let show = std::env::args().any(|a| a == "--show");
    for g in &gold {
        let text = &g.document.text;
        let pred = backchannel_extract::extract(&g.document);
        for a in &g.attributions {
            let cue: String = a
                .cue
                .iter()
                .map(|s| s.slice(text).to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            n_total += 1;
            *total.entry(cue.clone()).or_default() += 1;
            let touched = pred.iter().any(|p| {
                p.cue.iter().chain(p.fragments.iter()).any(|ps| {
                    a.cue
                        .iter()
                        .any(|gs| ps.start < gs.end && gs.start < ps.end)
                })
            });
            if std::env::args().any(|a| a == "--cue-bounds") {
                for p in &pred {
                    if let Some(pc) = p.cue {
                        let overlaps = a
                            .cue
                            .iter()
                            .any(|gs| pc.start < gs.end && gs.start < pc.end);
                        let exact = a.cue.len() == 1 && a.cue[0] == pc;
                        if overlaps && !exact {
                            println!(
                                "CUE gold=<{}> pred=<{}>",
                                cue,
                                pc.slice(text).to_lowercase()
                            );
                        }
                    }
                }
            }
            if !touched {
                n_missed += 1;
                *missed.entry(cue.clone()).or_default() += 1;
                if show {
                    let start = a.cue.first().map(|s| s.start).unwrap_or(0);
                    let from = text[..start].rfind(['\n', '.']).map_or(0, |i| i + 1);
                    let to = text[start..]
                        .find('\n')
                        .map_or(text.len(), |i| start + i)
                        .min(start + 200);
                    let to = (to..=text.len())
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(text.len());
                    println!("[{cue}] {}", text[from..to].replace('\n', " "));
                }
            }
        }
    }
    let mut v: Vec<_> = missed.into_iter().collect();
    v.sort_by_key(|b| std::cmp::Reverse(b.1));
    eprintln!("missed {n_missed}/{n_total}");
    for (cue, n) in v.iter().take(80) {
        eprintln!("{n:5} / {:5}  {cue}", total[cue]);
    }
    Ok(())
}
