//! Property-style checks: every segmentation of real news and of hostile
//! input is ordered, in bounds, on char boundaries, trimmed, and covers all
//! non-space text, with sentences inside their paragraphs.

use backchannel_segment::segment;
use std::io::{BufRead, BufReader};
use std::path::Path;

include!("common/invariants.rs");

const CORPORA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/corpora");

/// The `text` field of the first `limit` articles of a `.jsonl.gz` corpus.
fn corpus_texts(name: &str, limit: usize) -> Option<Vec<String>> {
    let path = Path::new(CORPORA).join(name);
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipping: corpus not found at {}", path.display());
        return None;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut texts = Vec::new();
    for line in reader.lines().take(limit) {
        let line = line.expect("corpus decompresses");
        let record: serde_json::Value = serde_json::from_str(&line).expect("corpus line is JSON");
        if let Some(text) = record.get("text").and_then(|t| t.as_str()) {
            texts.push(text.to_string());
        }
    }
    Some(texts)
}

fn check_all(name: &str, texts: &[String]) -> (usize, usize) {
    let (mut paragraphs, mut sentences) = (0, 0);
    for (i, text) in texts.iter().enumerate() {
        let seg = segment(text);
        if let Err(problem) = check_invariants(text, &seg) {
            panic!("{name} article {i}: {problem}");
        }
        paragraphs += seg.paragraphs.len();
        sentences += seg.sentences.len();
    }
    eprintln!(
        "{name}: {} articles, {paragraphs} paragraphs, {sentences} sentences",
        texts.len()
    );
    (paragraphs, sentences)
}

#[test]
fn news_corpora_segment_validly() {
    for (name, limit) in [
        ("bbc_news_2225.jsonl.gz", usize::MAX),
        ("basil_300.jsonl.gz", usize::MAX),
        ("allsides_article_bias_37554.jsonl.gz", 2000),
    ] {
        let Some(texts) = corpus_texts(name, limit) else {
            continue;
        };
        let (paragraphs, sentences) = check_all(name, &texts);
        // News paragraphs hold one to a few sentences.
        assert!(
            sentences > paragraphs && sentences < paragraphs * 5,
            "{name}: {paragraphs} paragraphs, {sentences} sentences"
        );
    }
}

#[test]
fn hard_wrapped_wire_copy_joins_lines() {
    let Some(texts) = corpus_texts("reuters21578.jsonl.gz", usize::MAX) else {
        return;
    };
    check_all("reuters21578", &texts);
    // Paragraphs of wrapped wire copy span several ~70-column lines; a
    // segmenter that took every line for a paragraph would give ~70 chars.
    let (mut chars, mut count, mut lines) = (0usize, 0usize, 0usize);
    for text in texts.iter().filter(|t| t.len() > 500) {
        let seg = segment(text);
        for p in &seg.paragraphs {
            chars += p.len();
            count += 1;
        }
        lines += text.lines().filter(|l| !l.trim().is_empty()).count();
    }
    let mean = chars / count.max(1);
    eprintln!("reuters: mean paragraph {mean} bytes, {count} paragraphs from {lines} lines");
    assert!(mean > 140, "mean paragraph of {mean} bytes");
    assert!(count * 3 < lines, "{count} paragraphs from {lines} lines");
}

#[test]
fn hostile_input_never_breaks_invariants() {
    let mut cases: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\u{3}\u{0}\u{7f}\u{1b}[0m".into(),
        ".".into(),
        "...".into(),
        "?!?!?!".into(),
        "“”‘’«»„".into(),
        ". . . . . .".into(),
        "a.\u{0}B. c".into(),
        "é. É. ß? Ü! 😀. 😀".into(),
        "U.S. U.S. U.S.".into(),
        "\r\r\n\n\r".into(),
        "Mr. Dr. Gen. No. 1. 2. a. B.".into(),
        "\"\" '' ( ) [ ] . ! ?".into(),
    ];
    // Long inputs: no newlines at all, only punctuation, only newlines,
    // mixed control characters, one enormous word.
    cases.push("The envoy spoke. ".repeat(200_000));
    cases.push(".".repeat(2_000_000));
    cases.push(". ".repeat(1_000_000));
    cases.push("\n".repeat(1_000_000));
    cases.push("x".repeat(3_000_000));
    cases.push("A. ".repeat(500_000));
    cases.push("“Why?” Ana asked. ".repeat(100_000));
    let mut noise = String::new();
    let mut state = 0x2545_f491_u32;
    for _ in 0..300_000 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let c = match state % 12 {
            0 => '.',
            1 => ' ',
            2 => '\n',
            3 => '"',
            4 => '”',
            5 => '\u{3}',
            6 => '?',
            7 => 'é',
            8 => 'A',
            9 => '\t',
            10 => '…',
            _ => char::from_u32(0x20 + state % 0x2fff).unwrap_or('z'),
        };
        noise.push(c);
    }
    cases.push(noise);
    for (i, text) in cases.iter().enumerate() {
        let seg = segment(text);
        if let Err(problem) = check_invariants(text, &seg) {
            panic!(
                "case {i} ({:?}...): {problem}",
                text.chars().take(40).collect::<String>()
            );
        }
    }
    // Real behaviour on the long cases, not just survival.
    assert_eq!(
        segment(&"The envoy spoke. ".repeat(1000)).sentences.len(),
        1000
    );
    assert_eq!(segment(&"x".repeat(1000)).sentences.len(), 1);
}
