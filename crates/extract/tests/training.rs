//! The committed models are what training on PolNeAR train produces, and
//! the extractor built with them keeps its scores on dev.

use backchannel_brat::{load_polnear_dir, score_statements};
use backchannel_extract::train::{
    learn_content_cut, learn_content_ends, learn_cue_classifier, learn_cues, learn_nested_veto,
    learn_rule_veto, ContentEndModel, CueClassifier, CueModel,
};
use std::path::Path;

const POLNEAR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/polnear");
const COMMITTED: &str = include_str!("../data/cues.tsv");
const COMMITTED_ENDS: &str = include_str!("../data/content_ends.tsv");
const COMMITTED_CLASSIFIER: &str = include_str!("../data/cue_classifier.tsv");
const COMMITTED_VETO: &str = include_str!("../data/rule_veto.tsv");
const COMMITTED_CUT: &str = include_str!("../data/content_cut.tsv");
const COMMITTED_NESTED: &str = include_str!("../data/nested_veto.tsv");

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
    // The committed files are byte for byte what training writes.
    assert_eq!(learned.to_tsv(), COMMITTED);
    let ends = learn_content_ends(&gold);
    let committed_ends = ContentEndModel::from_tsv(COMMITTED_ENDS).expect("content ends parse");
    assert_eq!(ends, committed_ends, "content_ends.tsv is stale");
    assert_eq!(ends.to_tsv(), COMMITTED_ENDS);
    let classifier = learn_cue_classifier(&gold);
    assert!(
        CueClassifier::from_tsv(COMMITTED_CLASSIFIER).is_ok(),
        "committed classifier parses"
    );
    assert_eq!(
        classifier.to_tsv(),
        COMMITTED_CLASSIFIER,
        "cue_classifier.tsv is stale: rerun `backchannel train` (twice when cues.tsv changed)"
    );
    assert_eq!(
        learn_rule_veto(&gold).to_tsv(),
        COMMITTED_VETO,
        "rule_veto.tsv is stale: rerun `backchannel train`"
    );
    assert_eq!(
        learn_content_cut(&gold).to_tsv(),
        COMMITTED_CUT,
        "content_cut.tsv is stale: rerun `backchannel train`"
    );
    assert_eq!(
        learn_nested_veto(&gold).to_tsv(),
        COMMITTED_NESTED,
        "nested_veto.tsv is stale: rerun `backchannel train`"
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
    // Measured 0.672 / 0.696 / 0.557 / 0.912 (speaker 0.915) when these
    // floors were set.
    assert!(scores.source.exact.f1 > 0.665, "{scores}");
    assert!(scores.cue.exact.f1 > 0.69, "{scores}");
    assert!(scores.content.exact.f1 > 0.55, "{scores}");
    let quoted = scores.quoted.iter().find(|q| q.threshold < 0.5);
    assert!(
        quoted.is_some_and(|q| q.prf.f1 > 0.90 && q.speaker_accuracy > 0.85),
        "{scores}"
    );
}
