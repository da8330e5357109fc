//! Rewrites every model in `crates/extract/data/` from PolNeAR train, as
//! `backchannel train` does, without building the CLI: `cargo run --release
//! -p backchannel-extract --example retrain [DIR]`. The classifier, veto and
//! content cut read what the compiled-in models find, so rerun (rebuilding
//! in between) until it reports no file changed.

use backchannel_brat::load_polnear_dir;
use backchannel_extract::train::{
    learn_content_cut, learn_content_ends, learn_cue_classifier, learn_cues, learn_nested_veto,
    learn_rule_veto,
};
use std::path::Path;

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::polnear_dir("train");
    let gold = load_polnear_dir(&dir)?;
    if gold.is_empty() {
        return Err(format!("{}: no gold documents found", dir.display()).into());
    }
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    let mut changed = 0;
    let mut write = |name: &str, tsv: String| -> std::io::Result<()> {
        let path = data.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(tsv.as_str()) {
            changed += 1;
            println!("changed: {name}");
            std::fs::write(&path, tsv)?;
        }
        Ok(())
    };
    write("cues.tsv", learn_cues(&gold).to_tsv())?;
    write("content_ends.tsv", learn_content_ends(&gold).to_tsv())?;
    write("content_cut.tsv", learn_content_cut(&gold).to_tsv())?;
    write("cue_classifier.tsv", learn_cue_classifier(&gold).to_tsv())?;
    write("rule_veto.tsv", learn_rule_veto(&gold).to_tsv())?;
    write("nested_veto.tsv", learn_nested_veto(&gold).to_tsv())?;
    println!("{changed} model files changed");
    Ok(())
}
