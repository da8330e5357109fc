//! The sample corpus (`examples/corpus`, invented stories) scored against
//! its answer key (`examples/gold.toml`) through ingest → extract → analyze.
//! Floors sit a little under what the pipeline reaches, to catch regressions.

use backchannel_analyze::{analyze, Config};

#[test]
fn sample_corpus_meets_the_gold_floors() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let key = format!("{root}/gold.toml");
    let gold = match backchannel_gold::load(&key) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("skipping: cannot load {key}: {e}");
            return;
        }
    };
    let docs: Vec<_> =
        backchannel_ingest::read_inputs(&[format!("{root}/corpus")], &Default::default())
            .filter_map(Result::ok)
            .collect();
    assert!(docs.len() >= 10, "only {} documents read", docs.len());
    let statements: Vec<_> = docs.iter().map(backchannel_extract::extract).collect();
    let analysis = analyze(&docs, statements, &Config::default());
    let report = backchannel_gold::score(&gold, &docs, &analysis);
    eprintln!("{report}");
    let s = &report.statements;
    assert!(
        s.speaker_accuracy.unwrap_or(0.0) >= 0.85,
        "speaker accuracy {:?}",
        s.speaker_accuracy
    );
    assert!(
        s.side_accuracy.unwrap_or(0.0) >= 0.85,
        "side accuracy {:?}",
        s.side_accuracy
    );
    assert!(
        s.channel_accuracy.unwrap_or(0.0) >= 0.92,
        "channel accuracy {:?}",
        s.channel_accuracy
    );
    assert!(
        report.divergences.found >= 5,
        "divergences {:?}",
        report.divergences
    );
    assert_eq!(report.decoys.reported, 0, "decoys reported");
    assert!(
        report.private_only.found >= 1,
        "private-only {:?}",
        report.private_only
    );
    assert!(report.drift.found >= 5, "drift {:?}", report.drift);
}
