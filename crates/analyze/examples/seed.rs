//! Prints the analysis of one text file (default: the seed article in
//! `../shared/seed`): `cargo run -p backchannel-analyze --example seed [-- FILE]`.

use backchannel_analyze::{analyze, Config};
use backchannel_core::Document;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/seed/talking-to-russia.txt"
        )
        .to_string()
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = Document::from_text("seed", text);
    let st = backchannel_extract::extract(&doc);
    let a = analyze(std::slice::from_ref(&doc), vec![st], &Config::default());
    for s in &a.statements {
        println!(
            "{} [{}] side={:?} speaker={:?} topics={:?}\n    {}\n    ev={:?}",
            s.id,
            s.channel.as_str(),
            s.side,
            s.speaker
                .as_ref()
                .map(|p| (&p.name, p.anonymous, p.official, p.former)),
            s.topics,
            s.text.chars().take(140).collect::<String>(),
            s.evidence
                .iter()
                .map(|e| format!("{}:{}", e.rule, e.phrase))
                .collect::<Vec<_>>()
        );
    }
    for d in &a.divergences {
        println!("DIV {:.2} {}", d.score, d.explanation);
    }
    for p in &a.private_only {
        println!("PRIVATE-ONLY {} / {} {:?}", p.side, p.topic, p.private);
    }
    for d in &a.drift {
        println!(
            "DRIFT {:.2} {} | {:?} vs {:?}",
            d.similarity, d.diff, d.a.outlet, d.b.outlet
        );
    }
}
