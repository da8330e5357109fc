//! The scorer on hand-built analyses of a small invented story: a Brislish
//! ministry denying a grain deal its officials admit to in private.

use backchannel_core::{
    Analysis, AnalyzedStatement, Channel, Divergence, Document, Drift, Form, PrivateOnly,
    Rendering, Span, SpeakerProfile, Statement, Topic,
};
use backchannel_gold::{load, normalize, parse, score, GoldError, MissKind};

const KEY: &str = r#"
[[document]]
id = "post-1"
statements = [
  { text = "no grain deal exists", speaker = "Oskar Vell", side = "Brisland", channel = "public" },
  { text = "signed the grain deal in May", speaker = "senior Brislish official", side = "Brisland", channel = "private" },
  { text = "ferries will run on time", speaker = "Oskar Vell", side = "Brisland", channel = "public" },
  { text = "selling the ferry line", speaker = ["senior Brislish official", "aide"], side = "Brisland", channel = "private" },
]

[[document]]
id = "wire-2"
statements = [
  { text = "signed the grain pact in May", speaker = "official", side = ["Brisland", "Brislish government"], channel = "private" },
  { text = "Brisland is lying", speaker = "Mara Quint", side = "Quell", channel = "public" },
  { text = "analysts doubt it", speaker = "analysts", channel = "unknown" },
]

[[divergence]]
side = "Brisland"
topic = "grain deal"
keywords = ["grain", "wheat"]
private = ["signed the grain deal in May", "signed the grain pact in May"]
public = ["no grain deal exists"]

[[decoy]]
side = "Brisland"
private = "signed the grain deal in May"
public = "Brisland is lying"
reason = "another side"

[[private_only]]
side = "Brisland"
keywords = ["ferry"]
private = ["selling the ferry line"]

[[drift]]
a = "post-1"
a_text = "signed the grain deal in May"
b = "wire-2"
b_text = "signed the grain pact in May"
"#;

const POST: &str = "Minister Oskar Vell said “no grain deal exists.” A senior Brislish official said Brisland “signed the grain deal in May.” Vell said the ferries will run on time. The official said the ministry was selling the ferry line.";
const WIRE: &str = "An official said Brisland \"signed the grain pact in May.\" Mara Quint of Quell said \"Brisland is lying.\" But analysts doubt it.";

fn docs() -> Vec<Document> {
    vec![
        Document::from_text("post-1", POST),
        Document::from_text("wire-2", WIRE),
    ]
}

/// A statement whose content is the first occurrence of `needle` in the
/// document's text.
fn stmt(
    doc: usize,
    n: usize,
    needle: &str,
    speaker: &str,
    side: Option<&str>,
    channel: Channel,
) -> AnalyzedStatement {
    let docs = docs();
    let text = &docs[doc].text;
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    let span = Span::new(start, start + needle.len());
    AnalyzedStatement {
        id: format!("{}#{n}", docs[doc].id),
        document: doc,
        statement: Statement {
            span,
            fragments: vec![span],
            form: Form::Indirect,
            cue: None,
            speaker: None,
        },
        text: needle.to_owned(),
        speaker: Some(SpeakerProfile {
            text: speaker.to_owned(),
            name: speaker.to_owned(),
            ..Default::default()
        }),
        side: side.map(str::to_owned),
        channel,
        evidence: Vec::new(),
        topics: Vec::new(),
    }
}

fn rendering(doc: usize, needle: &str) -> Rendering {
    let docs = docs();
    let start = docs[doc].text.find(needle).unwrap_or(0);
    Rendering {
        document: doc,
        span: Span::new(start, start + needle.len()),
        text: needle.to_owned(),
        outlet: None,
    }
}

/// What a pipeline that gets everything right would produce.
fn perfect() -> Analysis {
    use Channel::*;
    let b = Some("Brisland");
    Analysis {
        documents: docs().iter().map(Document::meta).collect(),
        statements: vec![
            stmt(
                0,
                1,
                "“no grain deal exists.”",
                "Minister Oskar Vell",
                b,
                Public,
            ),
            stmt(
                0,
                2,
                "Brisland “signed the grain deal in May.”",
                "A senior Brislish official",
                b,
                Private,
            ),
            stmt(
                0,
                3,
                "the ferries will run on time",
                "Minister Oskar Vell",
                b,
                Public,
            ),
            stmt(
                0,
                4,
                "the ministry was selling the ferry line",
                "A senior Brislish official",
                b,
                Private,
            ),
            stmt(
                1,
                1,
                "Brisland \"signed the grain pact in May.\"",
                "An official",
                Some("the Brisland"),
                Private,
            ),
            stmt(
                1,
                2,
                "\"Brisland is lying.\"",
                "Mara Quint of Quell",
                Some("Quell"),
                Public,
            ),
            stmt(1, 3, "analysts doubt it", "analysts", None, Unknown),
        ],
        topics: vec![
            Topic {
                name: "harvest".into(),
                terms: vec!["wheat".into(), "export".into()],
                seeded: false,
            },
            Topic {
                name: "ferries".into(),
                terms: vec!["ferry line".into()],
                seeded: false,
            },
        ],
        divergences: vec![Divergence {
            side: "Brisland".into(),
            topic: "harvest".into(),
            private: vec!["wire-2#1".into()],
            public: vec!["post-1#1".into()],
            score: 0.9,
            explanation: String::new(),
            signals: Vec::new(),
        }],
        private_only: vec![PrivateOnly {
            side: "Brisland".into(),
            topic: "ferries".into(),
            private: vec!["post-1#4".into()],
        }],
        drift: vec![Drift {
            a: rendering(1, "signed the grain pact in May."),
            b: rendering(0, "signed the grain deal in May."),
            similarity: 0.8,
            diff: String::new(),
        }],
        failures: Vec::new(),
    }
}

#[test]
fn a_perfect_analysis_scores_full_marks() {
    let gold = parse(KEY).unwrap();
    let report = score(&gold, &docs(), &perfect());
    eprintln!("{report}");
    let s = &report.statements;
    assert_eq!(
        (s.gold, s.found, s.speaker_correct, s.channel_correct),
        (7, 7, 7, 7)
    );
    // Only the statements whose key names a side count for sides.
    assert_eq!((s.side_scored, s.side_correct), (6, 6));
    assert_eq!(s.found_rate, Some(1.0));
    assert_eq!(
        (report.divergences.found, report.divergences.recall),
        (1, Some(1.0))
    );
    assert_eq!(report.decoys.reported, 0);
    assert_eq!(report.private_only.found, 1);
    // The drift is reported b-then-a; order must not matter.
    assert_eq!(report.drift.found, 1);
    assert!(report.misses.is_empty(), "{:?}", report.misses);
    assert!(
        report.gold_problems.is_empty(),
        "{:?}",
        report.gold_problems
    );
}

#[test]
fn wrong_speaker_side_and_channel_are_counted_and_explained() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    // A pronoun resolved to the wrong person, a side lost, a channel flipped.
    analysis.statements[1].speaker.as_mut().unwrap().name = "Minister Oskar Vell".into();
    analysis.statements[1].channel = Channel::Public;
    analysis.statements[5].side = None;
    let report = score(&gold, &docs(), &analysis);
    let s = &report.statements;
    assert_eq!(s.found, 7);
    assert_eq!(s.speaker_correct, 6);
    assert_eq!(s.channel_correct, 6);
    assert_eq!(s.side_correct, 5);
    let kinds: Vec<MissKind> = report.misses.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        vec![
            MissKind::WrongSpeaker,
            MissKind::WrongChannel,
            MissKind::WrongSide
        ]
    );
    assert!(
        report.misses[0].detail.contains("Oskar Vell"),
        "{}",
        report.misses[0].detail
    );
    assert_eq!(report.misses[2].document.as_deref(), Some("wire-2"));
}

#[test]
fn a_statement_falls_back_to_the_extracted_speaker_name() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    let st = &mut analysis.statements[0];
    st.speaker = None;
    st.statement.speaker = Some(backchannel_core::Speaker {
        span: Span::new(0, 5),
        name: "Oskar Vell".into(),
        antecedent: None,
    });
    assert_eq!(
        score(&gold, &docs(), &analysis).statements.speaker_correct,
        7
    );
    analysis.statements[0].statement.speaker = None;
    assert_eq!(
        score(&gold, &docs(), &analysis).statements.speaker_correct,
        6
    );
}

#[test]
fn missing_statements_and_documents_are_misses() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    analysis
        .statements
        .retain(|s| s.document == 0 && s.id != "post-1#3");
    analysis.documents.truncate(1);
    let report = score(&gold, &docs(), &analysis);
    assert_eq!(report.statements.found, 3);
    let details: Vec<&str> = report
        .misses
        .iter()
        .filter(|m| m.kind == MissKind::StatementNotFound)
        .map(|m| m.detail.as_str())
        .collect();
    assert_eq!(details.len(), 4);
    assert!(details[0].contains("no statement of this document"));
    assert!(details[1..]
        .iter()
        .all(|d| d.contains("not in the analysis")));
}

#[test]
fn divergence_needs_side_topic_and_both_lines() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    // Right statements, but the topic names neither grain nor wheat.
    analysis.topics[0].terms = vec!["export".into()];
    let report = score(&gold, &docs(), &analysis);
    assert_eq!(report.divergences.found, 0);
    let miss = report
        .misses
        .iter()
        .find(|m| m.kind == MissKind::DivergenceNotFound)
        .unwrap();
    assert!(miss.detail.contains("harvest"), "{}", miss.detail);

    // Right topic, wrong side.
    let mut analysis = perfect();
    analysis.divergences[0].side = "Quell".into();
    assert_eq!(score(&gold, &docs(), &analysis).divergences.found, 0);
    // A side's trailing words are its short form; other fragments are not.
    analysis.divergences[0].side = "Republic of Brisland".into();
    assert_eq!(score(&gold, &docs(), &analysis).divergences.found, 1);
    analysis.divergences[0].side = "Brislandia".into();
    assert_eq!(score(&gold, &docs(), &analysis).divergences.found, 0);
    analysis.divergences[0].side = "land".into();
    assert_eq!(score(&gold, &docs(), &analysis).divergences.found, 0);

    // A public line that is not the gold one.
    let mut analysis = perfect();
    analysis.divergences[0].public = vec!["post-1#3".into()];
    assert_eq!(score(&gold, &docs(), &analysis).divergences.found, 0);

    // A topic name alone can carry the keyword.
    let mut analysis = perfect();
    analysis.divergences[0].topic = "wheat exports".into();
    assert_eq!(score(&gold, &docs(), &analysis).divergences.found, 1);
}

#[test]
fn a_decoy_pair_in_any_divergence_is_reported() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    analysis.divergences.push(Divergence {
        side: "Quell".into(),
        topic: "harvest".into(),
        private: vec!["post-1#2".into()],
        public: vec!["wire-2#2".into()],
        score: 0.7,
        explanation: String::new(),
        signals: Vec::new(),
    });
    let report = score(&gold, &docs(), &analysis);
    assert_eq!(report.decoys.reported, 1);
    assert_eq!(report.decoys.gold, 1);
    assert!(report
        .misses
        .iter()
        .any(|m| m.kind == MissKind::DecoyReported && m.detail.contains("Quell")));
    // The wanted divergence is still found alongside the wrong one.
    assert_eq!(report.divergences.found, 1);
}

#[test]
fn private_only_and_drift_misses() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    analysis.private_only[0].side = "Quell".into();
    // Both renderings in one document: not the gold pair.
    analysis.drift[0].a = rendering(0, "signed the grain deal in May.");
    let report = score(&gold, &docs(), &analysis);
    assert_eq!((report.private_only.found, report.drift.found), (0, 0));
    assert_eq!(report.private_only.recall, Some(0.0));
    let kinds: Vec<MissKind> = report.misses.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        vec![MissKind::PrivateOnlyNotFound, MissKind::DriftNotFound]
    );
}

#[test]
fn a_one_word_rendering_does_not_match_a_whole_quote() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    analysis.drift[0].a = rendering(1, "pact");
    analysis.drift[0].b = rendering(0, "deal");
    assert_eq!(score(&gold, &docs(), &analysis).drift.found, 0);
}

#[test]
fn gold_problems_name_texts_the_inputs_lack() {
    let gold = parse(KEY).unwrap();
    let mut inputs = docs();
    inputs[1].text = inputs[1].text.replace("pact", "accord");
    inputs.remove(0);
    let report = score(&gold, &inputs, &perfect());
    assert!(report
        .gold_problems
        .iter()
        .any(|p| p.contains("\"post-1\" is not among the inputs")));
    assert!(report
        .gold_problems
        .iter()
        .any(|p| p.contains("signed the grain pact in May") && p.contains("0 times")));
    // No inputs: nothing to check against.
    assert!(score(&gold, &[], &perfect()).gold_problems.is_empty());
}

#[test]
fn report_serialises_and_prints() {
    let gold = parse(KEY).unwrap();
    let mut analysis = perfect();
    analysis.statements[2].channel = Channel::Private;
    let report = score(&gold, &docs(), &analysis);
    let confusion: Vec<(Channel, Channel, usize)> = report
        .statements
        .channel_confusion
        .iter()
        .map(|c| (c.gold, c.predicted, c.count))
        .collect();
    assert_eq!(
        confusion,
        vec![
            (Channel::Public, Channel::Public, 2),
            (Channel::Public, Channel::Private, 1),
            (Channel::Private, Channel::Private, 3),
            (Channel::Unknown, Channel::Unknown, 1),
        ]
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["statements"]["gold"], 7);
    assert_eq!(json["misses"][0]["kind"], "wrong-channel");
    let text = report.to_string();
    assert!(text.contains("statements found         7/7"), "{text}");
    assert!(
        text.contains("gold->predicted: public->public 2, public->private 1, private->private 3"),
        "{text}"
    );
    assert!(
        text.contains(
            "[wrong-channel] post-1: \"ferries will run on time\": channel private, want public"
        ),
        "{text}"
    );
}

#[test]
fn bad_keys_are_clear_errors() {
    let dangling = KEY.replace(
        "public = \"Brisland is lying\"",
        "public = \"Brisland lies\"",
    );
    match parse(&dangling) {
        Err(GoldError::Invalid { problems, .. }) => {
            assert_eq!(problems.len(), 1);
            assert!(problems[0].contains("\"Brisland lies\""), "{problems:?}");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let typo = KEY.replace("channel = \"unknown\"", "chanel = \"unknown\"");
    assert!(matches!(parse(&typo), Err(GoldError::Parse { .. })));
    let bad_channel = KEY.replace("channel = \"unknown\"", "channel = \"secret\"");
    assert!(matches!(parse(&bad_channel), Err(GoldError::Parse { .. })));
    let twice = format!("{KEY}\n[[document]]\nid = \"post-1\"\n");
    assert!(matches!(parse(&twice), Err(GoldError::Invalid { .. })));

    let missing = load("/nonexistent/gold.toml").unwrap_err();
    assert!(matches!(missing, GoldError::Io { .. }));
    assert!(
        missing
            .to_string()
            .starts_with("/nonexistent/gold.toml: cannot read gold file"),
        "{missing}"
    );
}

#[test]
fn normalize_maps_typography_and_whitespace() {
    assert_eq!(
        normalize("  «Non» — “Yes,”\n\tthe  minister’s ‘aide’ "),
        "\"non\" - \"yes,\" the minister's 'aide'"
    );
    assert_eq!(normalize(""), "");
}

#[test]
fn the_sample_corpus_key_loads() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/gold.toml");
    let gold = load(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        gold.documents.len() >= 12,
        "{} documents",
        gold.documents.len()
    );
    let statements: usize = gold.documents.iter().map(|d| d.statements.len()).sum();
    assert!(statements >= 100, "{statements} statements");
    assert!(gold.divergences.len() >= 3);
    assert!(gold.decoys.len() >= 4);
    assert!(!gold.private_only.is_empty());
    assert!(gold.drift.len() >= 2);
    // Both channels and several sides are represented.
    let sides: std::collections::BTreeSet<&str> =
        gold.divergences.iter().map(|d| d.side.as_str()).collect();
    assert!(sides.len() >= 3, "{sides:?}");
}
