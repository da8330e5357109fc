//! The seed article's statements (see `shared/seed/README.md`), read from
//! `../shared` at test time; skipped with a message when it is absent.

use backchannel_core::{Document, Statement};
use backchannel_extract::extract;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/talking-to-russia.txt"
);

fn load() -> Option<(Document, Vec<Statement>)> {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping: seed article not found at {SEED}");
        return None;
    };
    let doc = Document::from_text("seed", text);
    let statements = extract(&doc);
    Some((doc, statements))
}

/// The statement whose content contains `needle`.
fn containing<'a>(doc: &Document, statements: &'a [Statement], needle: &str) -> &'a Statement {
    statements
        .iter()
        .find(|s| s.span.slice(&doc.text).contains(needle))
        .unwrap_or_else(|| panic!("no statement contains {needle:?}"))
}

fn speaker_name(s: &Statement) -> &str {
    s.speaker.as_ref().map_or("", |sp| sp.name.as_str())
}

fn surface<'a>(doc: &'a Document, s: &Statement) -> &'a str {
    s.speaker.as_ref().map_or("", |sp| sp.span.slice(&doc.text))
}

#[test]
fn split_quote_is_one_statement_with_two_fragments() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(&doc, &statements, "Not a single clause");
    assert_eq!(s.fragments.len(), 2, "{:?}", s.fragments);
    assert!(s.fragments[1]
        .slice(&doc.text)
        .contains("has been fulfilled"));
    assert_eq!(surface(&doc, s), "Putin");
    assert!(!statements
        .iter()
        .any(|o| o != s && o.span.slice(&doc.text).contains("has been fulfilled")));
}

#[test]
fn pronoun_resolves_to_the_former_official_not_putin() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(&doc, &statements, "major block to all progress");
    assert_eq!(surface(&doc, s), "he");
    let name = speaker_name(s);
    assert!(
        name.contains("former U.S. official"),
        "resolved to {name:?}"
    );
    assert!(!name.contains("Putin"));
    assert!(s.speaker.as_ref().and_then(|sp| sp.antecedent).is_some());
}

#[test]
fn white_house_says_is_the_white_house() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(&doc, &statements, "not seeking such a channel");
    assert_eq!(surface(&doc, s), "The White House");
    assert_eq!(s.cue.map(|c| c.slice(&doc.text)), Some("says"));
}

#[test]
fn told_the_outlet_keeps_the_official_as_speaker() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(&doc, &statements, "prepared to work constructively");
    let name = speaker_name(s);
    assert!(name.contains("official"), "speaker {name:?}");
    assert!(!surface(&doc, s).contains("Moscow Times"));
    assert_eq!(s.cue.map(|c| c.slice(&doc.text)), Some("told"));
}

#[test]
fn outlet_reporting_is_the_source() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(&doc, &statements, "the fault was not all with Moscow");
    assert_eq!(surface(&doc, s), "The Moscow Times");
}

#[test]
fn nested_quote_stays_inside_the_outer_quote() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(&doc, &statements, "attempted to persuade the EU");
    assert!(s.span.slice(&doc.text).contains("‘no way.’"));
    assert!(!statements
        .iter()
        .any(|o| o.span.slice(&doc.text).starts_with("‘no way")));
}

#[test]
fn ellipses_and_brackets_stay_inside() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(
        &doc,
        &statements,
        "resort to [using] tactical nuclear weapons",
    );
    assert!(speaker_name(s).contains("official"));
    let s = containing(&doc, &statements, "memorandum with Russia . . . The EU");
    assert!(s.span.slice(&doc.text).ends_with('”'));
}

#[test]
fn reported_positions_and_partial_quotes() {
    let Some((doc, statements)) = load() else {
        return;
    };
    let s = containing(&doc, &statements, "right to expand");
    assert_eq!(surface(&doc, s), "The US");
    let s = containing(&doc, &statements, "no interest in international help");
    assert!(speaker_name(s).contains("official"));
    let s = containing(&doc, &statements, "“isolate and cripple Russia”");
    assert_eq!(s.form, backchannel_core::Form::Mixed);
    let revealed = containing(&doc, &statements, "secret back-channel talks");
    assert!(
        revealed.speaker.is_none(),
        "`it was revealed` has no speaker"
    );
}
