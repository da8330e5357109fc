//! Runs ingest → extract → analyze on the sample corpus and prints the gold
//! report: `cargo run -p backchannel-analyze --example gold [-- --json]`.

use backchannel_analyze::{analyze, Config};

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let corpus = format!("{root}/corpus");
    let docs: Vec<_> = backchannel_ingest::read_inputs(&[corpus], &Default::default())
        .filter_map(Result::ok)
        .collect();
    let statements: Vec<_> = docs.iter().map(backchannel_extract::extract).collect();
    let analysis = analyze(&docs, statements, &Config::default());
    let gold = match backchannel_gold::load(format!("{root}/gold.toml")) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("cannot load gold: {e}");
            std::process::exit(1);
        }
    };
    let report = backchannel_gold::score(&gold, &docs, &analysis);
    if std::env::args().any(|a| a == "--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&analysis).unwrap_or_default()
        );
    }
    if std::env::args().any(|a| a == "--statements") {
        for s in &analysis.statements {
            println!(
                "{} [{}] side={:?} speaker={:?} topics={:?}\n    {}\n    ev={:?}",
                s.id,
                s.channel.as_str(),
                s.side,
                s.speaker
                    .as_ref()
                    .map(|p| (&p.name, p.anonymous, p.official, p.former)),
                s.topics,
                s.text.chars().take(120).collect::<String>(),
                s.evidence
                    .iter()
                    .map(|e| format!("{}:{}", e.rule, e.phrase))
                    .collect::<Vec<_>>()
            );
        }
        for d in &analysis.divergences {
            println!("DIV {:.2} {}", d.score, d.explanation);
        }
        for p in &analysis.private_only {
            println!("PRIV-ONLY {} / {} {:?}", p.side, p.topic, p.private);
        }
        for d in &analysis.drift {
            println!(
                "DRIFT {:.2} {} | {:?} vs {:?}",
                d.similarity, d.diff, d.a.outlet, d.b.outlet
            );
        }
        for t in &analysis.topics {
            println!("TOPIC {} {:?}", t.name, t.terms);
        }
    }
    println!("{report}");
}
