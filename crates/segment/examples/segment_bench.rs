//! Throughput of `segment` on real news, compared with sentencex, plus
//! pathological inputs. Run in release:
//!
//! `cargo run --release -p backchannel-segment --example segment_bench [CORPUS.jsonl.gz] [ARTICLES]`
//!
//! Defaults to the first 5000 articles of the shared AllSides corpus.

use backchannel_segment::segment;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;
use std::time::Instant;

include!("../tests/common/invariants.rs");
include!("../tests/common/tricky_cases.rs");

const DEFAULT_CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/corpora/allsides_article_bias_37554.jsonl.gz"
);

fn load(path: &str, limit: usize) -> Result<Vec<String>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut texts = Vec::new();
    for (n, line) in BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .take(limit)
        .enumerate()
    {
        let line = line.map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        if let Some(text) = record.get("text").and_then(|t| t.as_str()) {
            texts.push(text.to_string());
        }
    }
    Ok(texts)
}

fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / 1e6 / seconds.max(1e-9)
}

/// Sentence end offsets (trimmed) of sentencex, for agreement counts.
fn sentencex_ends(text: &str) -> HashSet<usize> {
    sentencex::get_sentence_boundaries("en", text)
        .iter()
        .filter_map(|b| {
            let piece = text.get(b.start_byte..b.end_byte)?;
            let trimmed = piece.trim_end_matches(backchannel_segment::is_space);
            (!trimmed.trim().is_empty()).then_some(b.start_byte + trimmed.len())
        })
        .collect()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| DEFAULT_CORPUS.to_string());
    let limit = match args.next().map(|n| n.parse::<usize>()) {
        None => 5000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("segment_bench: ARTICLES must be a number: {e}");
            return ExitCode::FAILURE;
        }
    };
    let texts = match load(&path, limit) {
        Ok(texts) => texts,
        Err(e) => {
            eprintln!("segment_bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} articles, {:.1} MB from {path}",
        texts.len(),
        bytes as f64 / 1e6
    );

    let mut best = f64::MAX;
    let mut sentences = 0;
    for _ in 0..3 {
        let start = Instant::now();
        sentences = texts
            .iter()
            .map(|t| segment(t).sentences.len())
            .sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "backchannel-segment: {sentences} sentences, best of 3 {best:.3} s = {:.1} MB/s",
        mb_per_s(bytes, best)
    );

    let start = Instant::now();
    let theirs: Vec<HashSet<usize>> = texts.iter().map(|t| sentencex_ends(t)).collect();
    let theirs_time = start.elapsed().as_secs_f64();
    let their_count: usize = theirs.iter().map(HashSet::len).sum();
    println!(
        "sentencex (boundaries): {their_count} sentences, {theirs_time:.3} s = {:.1} MB/s",
        mb_per_s(bytes, theirs_time)
    );

    let (mut both, mut ours_total, mut invalid) = (0usize, 0usize, 0usize);
    for (text, their_ends) in texts.iter().zip(&theirs) {
        let seg = segment(text);
        if let Err(problem) = check_invariants(text, &seg) {
            invalid += 1;
            eprintln!("invariant broken: {problem}");
        }
        ours_total += seg.sentences.len();
        both += seg
            .sentences
            .iter()
            .filter(|s| their_ends.contains(&s.span.end))
            .count();
    }
    println!(
        "sentence ends shared: {both} = {:.1}% of ours, {:.1}% of sentencex's; {invalid} invalid segmentations",
        100.0 * both as f64 / ours_total.max(1) as f64,
        100.0 * both as f64 / their_count.max(1) as f64
    );

    let (mut ours_right, mut theirs_right) = (0, 0);
    let joined = CASES.iter().map(|expected| (expected.join(" "), *expected));
    let glued = GLUED_CASES
        .iter()
        .map(|(text, expected)| (text.to_string(), *expected));
    for (text, expected) in joined.chain(glued) {
        let seg = segment(&text);
        let ours: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| &text[s.span.range()])
            .collect();
        ours_right += usize::from(ours == expected);
        let theirs: Vec<&str> = sentencex::segment("en", &text)
            .into_iter()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if theirs == expected {
            theirs_right += 1;
        } else {
            println!("  sentencex differs: {theirs:?}");
        }
    }
    println!(
        "tricky cases right: backchannel-segment {ours_right}/{n}, sentencex {theirs_right}/{n}",
        n = CASES.len() + GLUED_CASES.len()
    );

    let hostile: [(&str, String); 4] = [
        (
            "100 MB prose, no newlines",
            "The envoy met Gen. Arno in the U.S. capital. “Why now?” he asked. ".repeat(1_520_000),
        ),
        ("100 MB of periods", ".".repeat(100_000_000)),
        ("100 MB of newlines", "\n".repeat(100_000_000)),
        ("100 MB of `A. `", "A. ".repeat(33_333_333)),
    ];
    for (name, text) in &hostile {
        let start = Instant::now();
        let seg = segment(text);
        let seconds = start.elapsed().as_secs_f64();
        let valid = check_invariants(text, &seg)
            .map_or_else(|e| format!("INVALID: {e}"), |()| "valid".to_string());
        println!(
            "{name}: {} paragraphs, {} sentences, {seconds:.2} s = {:.0} MB/s, {valid}",
            seg.paragraphs.len(),
            seg.sentences.len(),
            mb_per_s(text.len(), seconds)
        );
    }
    if invalid > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
