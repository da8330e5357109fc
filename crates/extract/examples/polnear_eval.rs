//! Scores the extractor on a PolNeAR split: `cargo run --release -p
//! backchannel-extract --example polnear_eval [DIR]` (default
//! `../shared/data/polnear/dev`). `--dump` also prints every gold and
//! predicted attribution of each document, for error analysis.

use backchannel_brat::{load_polnear_dir, score_statements};
use backchannel_core::{Span, Statement};

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    let dir = common::polnear_dir("dev");
    let gold = load_polnear_dir(&dir)?;
    let predicted: Vec<Vec<Statement>> = gold
        .iter()
        .map(|g| backchannel_extract::extract(&g.document))
        .collect();
    if dump {
        for (g, p) in gold.iter().zip(&predicted) {
            let text = &g.document.text;
            let show = |s: Option<Span>| {
                s.map(|s| s.slice(text).replace('\n', " "))
                    .unwrap_or_default()
            };
            println!("=== {}", g.document.id);
            for st in p {
                println!(
                    "PRED [{}] cue=<{}> content=<{}> ({})",
                    st.speaker
                        .as_ref()
                        .map(|s| format!("{} => {}", s.span.slice(text), s.name))
                        .unwrap_or_default(),
                    show(st.cue),
                    st.fragments
                        .iter()
                        .map(|f| f.slice(text).replace('\n', " "))
                        .collect::<Vec<_>>()
                        .join(" … "),
                    st.form.as_str()
                );
            }
            for a in &g.attributions {
                let part = |v: &[Span]| {
                    v.iter()
                        .map(|s| s.slice(text).replace('\n', " "))
                        .collect::<Vec<_>>()
                        .join(" … ")
                };
                println!(
                    "GOLD [{}] cue=<{}> content=<{}>",
                    part(&a.source),
                    part(&a.cue),
                    part(&a.content)
                );
            }
        }
    }
    let pairs: Vec<_> = gold
        .iter()
        .zip(&predicted)
        .map(|(g, p)| (g, p.as_slice()))
        .collect();
    println!("{}", score_statements(&pairs));
    Ok(())
}
