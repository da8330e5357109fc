//! The committed cue model is what training on PolNeAR train produces, and
//! the extractor built with it keeps its scores on dev.

use backchannel_brat::{load_polnear_dir, score_statements};
use backchannel_extract::train::{learn_cues, CueModel};
use std::path::Path;

const POLNEAR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/polnear");
const COMMITTED: &str = include_str!("../data/cues.tsv");

#[test]
fn committed_model_is_reproducible_from_train() {
    let dir = Path::new(POLNEAR).join("train");
    if !dir.is_dir() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let gold = load_polnear_dir(&dir).expect("PolNeAR train loads");
    let learned = learn_cues(&gold);
    let committed = CueModel::from_tsv(COMMITTED).expect("committed model parses");
    assert_eq!(
        learned.to_tsv(),
        committed.to_tsv(),
        "crates/extract/data/cues.tsv is stale: rerun `backchannel train`"
    );
}

#[test]
fn dev_scores_stay_above_their_floors() {
    let dir = Path::new(POLNEAR).join("dev");
    if !dir.is_dir() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let gold = load_polnear_dir(&dir).expect("PolNeAR dev loads");
    let predicted: Vec<_> = gold
        .iter()
        .map(|g| backchannel_extract::extract(&g.document))
        .collect();
    let pairs: Vec<_> = gold
        .iter()
        .zip(&predicted)
        .map(|(g, p)| (g, p.as_slice()))
        .collect();
    let scores = score_statements(&pairs);
    // Measured 0.644 / 0.653 / 0.530 / 0.890 when these floors were set.
    assert!(scores.source.exact.f1 > 0.63, "{scores}");
    assert!(scores.cue.exact.f1 > 0.64, "{scores}");
    assert!(scores.content.exact.f1 > 0.52, "{scores}");
    let quoted = scores.quoted.iter().find(|q| q.threshold < 0.5);
    assert!(quoted.is_some_and(|q| q.prf.f1 > 0.88), "{scores}");
}
