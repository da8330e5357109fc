//! The seed article (`../shared/seed`, never copied into the repo): what its
//! README lists must come out of extract + analyze by the general rules.

use backchannel_analyze::{analyze, Config};
use backchannel_core::{Channel, Document};

mod common;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/talking-to-russia.txt"
);

#[test]
fn seed_article_divergences_private_only_and_drift() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping: {SEED} is absent (no ../shared checkout)");
        return;
    };
    let doc = Document::from_text("seed", text);
    let statements = backchannel_extract::extract(&doc);
    let a = analyze(
        std::slice::from_ref(&doc),
        vec![statements],
        &Config::default(),
    );
    let has = |id: &String, needle: &str| {
        a.statements
            .iter()
            .any(|s| &s.id == id && s.text.contains(needle))
    };

    // United States: the back-channel private line against the public one.
    let us: Vec<_> = a
        .divergences
        .iter()
        .filter(|d| d.side == "United States")
        .collect();
    assert!(
        us.iter().any(
            |d| d.private.iter().any(|p| has(p, "work constructively")) && !d.public.is_empty()
        ),
        "no US divergence on security concerns: {:#?}",
        a.divergences
    );
    for d in &us {
        for p in &d.private {
            let s = a.statements.iter().find(|s| &s.id == p);
            assert_eq!(s.map(|s| s.channel), Some(Channel::Private), "{p}");
        }
        for q in &d.public {
            let s = a.statements.iter().find(|s| &s.id == q);
            assert_eq!(s.map(|s| s.channel), Some(Channel::Public), "{q}");
        }
    }
    // The back channel itself, Crimea, and responsibility: each private
    // line set against a public one of the same side.
    for (private, what) in [
        ("twice a month", "the back channel"),
        ("tactical nuclear", "Crimea"),
        ("share in the strain", "responsibility"),
    ] {
        assert!(
            us.iter()
                .any(|d| d.private.iter().any(|p| has(p, private)) && !d.public.is_empty()),
            "no US divergence on {what}: {:#?}",
            a.divergences
        );
    }
    // A head of state quoted by name speaks on the record for their country.
    assert!(
        a.statements
            .iter()
            .any(|s| s.text.contains("Not a single clause")
                && s.side.as_deref() == Some("Russia")
                && s.channel == Channel::Public),
        "Putin's quote is not Russia's public line"
    );
    // European Union: what it said behind closed doors, as reported.
    assert!(
        a.statements
            .iter()
            .any(|s| s.side.as_deref() == Some("European Union")
                && s.channel == Channel::Private
                && s.text.contains("principles")),
        "no private EU statement"
    );
    // Set against the public line of the West, a bloc it belongs to: the
    // West lays all the blame on Russia, while the EU's own words, relayed
    // in the Moscow Times report on where the fault lay, put its principles
    // first.
    let eu = a
        .divergences
        .iter()
        .find(|d| d.side == "European Union" && d.private.iter().any(|p| has(p, "principles")))
        .unwrap_or_else(|| panic!("no EU divergence: {:#?}", a.divergences));
    assert!(
        eu.public.iter().any(|q| a
            .statements
            .iter()
            .any(|s| &s.id == q && s.side.as_deref() == Some("the West"))),
        "{eu:#?}"
    );
    // Regime change: a private line with no public counterpart.
    assert!(
        a.private_only.iter().any(|p| p.side == "United States"
            && p.private
                .iter()
                .any(|id| has(id, "regime change") || has(id, "ousting"))),
        "regime change not private-only: {:#?}",
        a.private_only
    );
    // NBC's description against the Moscow Times rendering.
    assert!(
        a.drift.iter().any(|d| {
            let outlets = [d.a.outlet.as_deref(), d.b.outlet.as_deref()];
            outlets.contains(&Some("NBC"))
                && outlets.contains(&Some("The Moscow Times"))
                && d.diff.contains("[-")
                && d.diff.contains("{+")
        }),
        "no NBC / Moscow Times drift: {:#?}",
        a.drift
    );
    // A topic shared along the Moscow Times report is listed once.
    common::assert_distinct_topics(&a);
    // Outlets that report are not a side.
    assert!(a
        .statements
        .iter()
        .all(|s| s.side.as_deref() != Some("The Moscow Times")));
}
