//! The tricky-case table must split exactly as written.

use backchannel_segment::segment;

include!("common/tricky_cases.rs");

#[test]
fn tricky_cases_split_as_expected() {
    assert!(CASES.len() >= 40);
    let mut failures = Vec::new();
    let joined = CASES.iter().map(|expected| (expected.join(" "), *expected));
    let glued = GLUED_CASES
        .iter()
        .map(|(text, expected)| (text.to_string(), *expected));
    for (text, expected) in joined.chain(glued) {
        let seg = segment(&text);
        let got: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| &text[s.span.range()])
            .collect();
        if got != expected {
            failures.push(format!("{text:?}\n   got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len() + GLUED_CASES.len(),
        failures.join("\n")
    );
}
