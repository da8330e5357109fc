//! Where predicted spans miss gold by their extent: `cargo run --release -p
//! backchannel-extract --example boundaries [DIR] [--top N] [--part
//! source|cue|content] [--missed TEXT] [--fragments]` pairs every predicted
//! Source, Cue and Content that is not exactly a gold span with the gold span
//! of the same part it overlaps most, and counts the text each end has too
//! much (`+`) or too little (`-`), keyed by its first words, so the biggest
//! boundary errors show first; then, per token after (or last token of) the
//! predictions, how often gold is exactly one token longer (shorter) against
//! how often the prediction is exact. Predictions no gold touches and gold
//! spans no prediction touches are counted by their text. `--missed TEXT`
//! prints the sentence of each untouched gold cue with that text;
//! `--fragments` prints predictions with a gold span's cover but other
//! fragments. Run it on train (`../shared/data/polnear/train`, the default),
//! never tune on dev.

use backchannel_brat::{load_polnear_dir, Attribution};
use backchannel_core::{Span, Statement};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Part {
    Source,
    Cue,
    Content,
}

const PARTS: [Part; 3] = [Part::Source, Part::Cue, Part::Content];

fn part_name(p: Part) -> &'static str {
    match p {
        Part::Source => "source",
        Part::Cue => "cue",
        Part::Content => "content",
    }
}

fn gold_part(a: &Attribution, p: Part) -> &[Span] {
    match p {
        Part::Source => &a.source,
        Part::Cue => &a.cue,
        Part::Content => &a.content,
    }
}

fn predicted_part(s: &Statement, p: Part) -> Vec<Span> {
    match p {
        Part::Source => s.speaker.iter().map(|x| x.span).collect(),
        Part::Cue => s.cue.into_iter().collect(),
        Part::Content => s.fragments.clone(),
    }
}

fn cover(spans: &[Span]) -> Option<Span> {
    let first = spans.first()?;
    let last = spans.last()?;
    Some(Span::new(first.start, last.end.max(first.start)))
}

/// A short key for the text one end has too much or too little: the whole
/// text when it is up to three words, else its first two words and the
/// number of words.
fn key(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>();
    let lower = |w: &&str| w.to_lowercase();
    if flat.len() <= 3 {
        flat.iter().map(lower).collect::<Vec<_>>().join(" ")
    } else {
        let head: Vec<String> = flat.iter().take(2).map(lower).collect();
        format!("{} …({}w)", head.join(" "), flat.len())
    }
}

/// A bucket label cut to its first word: `end +[, who …(9w)]` → `end +[,`
/// with the word after the punctuation (`end +[, who`).
fn coarse_label(label: &str) -> String {
    label
        .split(" … ")
        .map(|side| {
            let mut words = side.split(' ');
            let mut out = String::new();
            for w in words.by_ref() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
                if w.contains('[') && w.trim_start_matches(|c: char| c != '[').len() > 2 {
                    break;
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" … ")
}

/// The token right after byte `at` (a word, or one other character) and
/// where it ends.
fn next_token(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..)?;
    let skipped = rest.len() - rest.trim_start().len();
    let start = at + skipped;
    let body = text.get(start..)?;
    let first = body.chars().next()?;
    let len = if first.is_alphanumeric() {
        body.find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .unwrap_or(body.len())
    } else {
        first.len_utf8()
    };
    Some((body.get(..len)?.to_lowercase(), start + len))
}

/// The last token of `span` (a word, or one other character) and where it
/// starts.
fn last_token(text: &str, span: Span) -> Option<(String, usize)> {
    let body = span.slice(text);
    let last = body.chars().next_back()?;
    let start = if last.is_alphanumeric() {
        body.rfind(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .and_then(|k| Some(k + body.get(k..)?.chars().next()?.len_utf8()))
            .unwrap_or(0)
    } else {
        body.len() - last.len_utf8()
    };
    Some((body.get(start..)?.to_lowercase(), span.start + start))
}

fn end_diff(text: &str, pred: usize, gold: usize) -> Option<String> {
    let (sign, a, b) = match pred.cmp(&gold) {
        Ordering::Less => ('+', pred, gold),
        Ordering::Greater => ('-', gold, pred),
        Ordering::Equal => return None,
    };
    let piece = text.get(a..b)?;
    Some(format!("{sign}[{}]", key(piece)))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let top = args
        .iter()
        .position(|a| a == "--top")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(25usize);
    // `--missed TEXT`: print the sentence of every gold cue with that text
    // that no prediction touches.
    let show_missed = args
        .iter()
        .position(|a| a == "--missed")
        .and_then(|i| args.get(i + 1))
        .cloned();
    // `--fragments`: print the fragments of every prediction whose cover is
    // a gold span's but whose fragments are not.
    let show_fragments = args.iter().any(|a| a == "--fragments");
    let only = args
        .iter()
        .position(|a| a == "--part")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            let after_option = *i > 0
                && matches!(
                    args.get(i - 1).map(String::as_str),
                    Some("--top" | "--part" | "--missed")
                );
            !a.starts_with("--") && !after_option
        })
        .map(|(_, a)| PathBuf::from(a))
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/polnear/train"
            ))
        });
    let gold = load_polnear_dir(&dir)?;
    // Per part: bucket key -> (count, example).
    let mut buckets: HashMap<(Part, String), (usize, String)> = HashMap::new();
    let mut coarse: HashMap<(Part, String), (usize, String)> = HashMap::new();
    // (part, "next TOKEN" | "last TOKEN") -> (exact, gold one token longer/shorter)
    let mut edges: HashMap<(Part, String), (usize, usize)> = HashMap::new();
    let mut shapes: HashMap<(Part, &str), usize> = HashMap::new();
    let mut spurious: HashMap<(Part, String), usize> = HashMap::new();
    let mut missed: HashMap<(Part, String), usize> = HashMap::new();
    let mut totals: HashMap<(Part, &str), usize> = HashMap::new();
    for g in &gold {
        let text = g.document.text.as_str();
        let predicted = backchannel_extract::extract(&g.document);
        for part in PARTS {
            let golds: Vec<&[Span]> = g
                .attributions
                .iter()
                .map(|a| gold_part(a, part))
                .filter(|s| !s.is_empty())
                .collect();
            let preds: Vec<Vec<Span>> = predicted
                .iter()
                .map(|s| predicted_part(s, part))
                .filter(|s| !s.is_empty())
                .collect();
            for p in &preds {
                if let Some(pc) = cover(p) {
                    let exact = golds.contains(&p.as_slice());
                    if let Some((next, end)) = next_token(text, pc.end) {
                        let longer = golds.iter().any(|gs| {
                            cover(gs).is_some_and(|gc| gc.start == pc.start && gc.end == end)
                        });
                        let e = edges.entry((part, format!("next {next}"))).or_default();
                        e.0 += usize::from(exact);
                        e.1 += usize::from(longer);
                    }
                    if let Some((last, start)) = last_token(text, pc) {
                        let shorter = golds.iter().any(|gs| {
                            cover(gs).is_some_and(|gc| {
                                gc.start == pc.start
                                    && text
                                        .get(gc.end..start)
                                        .is_some_and(|gap| gap.trim().is_empty())
                            })
                        });
                        let e = edges.entry((part, format!("last {last}"))).or_default();
                        e.0 += usize::from(exact);
                        e.1 += usize::from(shorter);
                    }
                }
                if golds.contains(&p.as_slice()) {
                    *totals.entry((part, "exact")).or_default() += 1;
                    continue;
                }
                let Some(pc) = cover(p) else { continue };
                let best = golds
                    .iter()
                    .filter_map(|gs| {
                        let gc = cover(gs)?;
                        let shared = pc.end.min(gc.end).saturating_sub(pc.start.max(gc.start));
                        (shared > 0).then_some((shared, gc, *gs))
                    })
                    .max_by_key(|&(shared, _, _)| shared);
                let Some((_, gc, gold_spans)) = best else {
                    *totals.entry((part, "spurious")).or_default() += 1;
                    let k = key(&pc.slice(text).replace('\n', " "));
                    *spurious.entry((part, k)).or_default() += 1;
                    continue;
                };
                *totals.entry((part, "wrong extent")).or_default() += 1;
                let left = end_diff(text, pc.start, gc.start);
                // At the right end, `+` still means the prediction has more.
                let right = end_diff(text, gc.end, pc.end);
                let label = match (left, right) {
                    (None, None) if p.len() != gold_spans.len() => "fragments".to_string(),
                    (None, None) => "same cover, other fragments".to_string(),
                    (Some(l), None) => format!("start {l}"),
                    (None, Some(r)) => format!("end {r}"),
                    (Some(l), Some(r)) => format!("both {l} … {r}"),
                };
                if show_fragments && pc == gc {
                    let join = |spans: &[Span]| {
                        spans
                            .iter()
                            .map(|f| f.slice(text).replace('\n', " "))
                            .collect::<Vec<_>>()
                            .join(" … ")
                    };
                    println!(
                        "FRAGMENTS pred <{}>\n          gold <{}>",
                        join(p),
                        join(gold_spans)
                    );
                }
                let example = format!(
                    "pred <{}> gold <{}>",
                    pc.slice(text).replace('\n', " "),
                    gc.slice(text).replace('\n', " ")
                );
                let e = buckets
                    .entry((part, label.clone()))
                    .or_insert((0, example.clone()));
                e.0 += 1;
                let shape = match (pc.start.cmp(&gc.start), pc.end.cmp(&gc.end)) {
                    (Ordering::Equal, Ordering::Equal) => "same cover",
                    (Ordering::Equal, Ordering::Less) => "start right, ends early",
                    (Ordering::Equal, Ordering::Greater) => "start right, ends late",
                    (Ordering::Less, Ordering::Equal) => "end right, starts early",
                    (Ordering::Greater, Ordering::Equal) => "end right, starts late",
                    _ => "both ends wrong",
                };
                *shapes.entry((part, shape)).or_default() += 1;
                let e = coarse
                    .entry((part, coarse_label(&label)))
                    .or_insert((0, example));
                e.0 += 1;
            }
            for gs in &golds {
                let Some(gc) = cover(gs) else { continue };
                let touched = preds
                    .iter()
                    .any(|p| cover(p).is_some_and(|pc| pc.start < gc.end && gc.start < pc.end));
                if !touched {
                    *totals.entry((part, "gold untouched")).or_default() += 1;
                    let k = key(&gc.slice(text).replace('\n', " "));
                    if show_missed.as_deref() == Some(k.as_str()) && part == Part::Cue {
                        // The sentence around the missed cue.
                        let from = text
                            .get(..gc.start)
                            .and_then(|b| b.rfind(['.', '\n']))
                            .map_or(0, |k| k + 1);
                        let to = text
                            .get(gc.end..)
                            .and_then(|a| a.find(['.', '\n']))
                            .map_or(text.len(), |k| gc.end + k + 1);
                        if let (Some(before), Some(after)) =
                            (text.get(from..gc.start), text.get(gc.end..to))
                        {
                            println!(
                                "MISSED {}[[{}]]{}",
                                before.trim_start(),
                                gc.slice(text),
                                after
                            );
                        }
                    }
                    *missed.entry((part, k)).or_default() += 1;
                }
            }
        }
    }
    for part in PARTS {
        if only.as_deref().is_some_and(|o| o != part_name(part)) {
            continue;
        }
        println!("==== {}", part_name(part));
        for what in ["exact", "wrong extent", "spurious", "gold untouched"] {
            println!(
                "  {what}: {}",
                totals.get(&(part, what)).copied().unwrap_or(0)
            );
        }
        let mut rows: Vec<_> = shapes.iter().filter(|((p, _), _)| *p == part).collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0 .1.cmp(b.0 .1)));
        for ((_, shape), n) in rows {
            println!("    {shape}: {n}");
        }
        let mut rows: Vec<_> = coarse.iter().filter(|((p, _), _)| *p == part).collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0 .1.cmp(&b.0 .1)));
        println!("  -- wrong extent, by end, sign and first word of the difference");
        for ((_, label), (n, example)) in rows.into_iter().take(top) {
            let example: String = example.chars().take(160).collect();
            println!("  {n:5}  {label}    e.g. {example}");
        }
        let mut rows: Vec<_> = buckets.iter().filter(|((p, _), _)| *p == part).collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0 .1.cmp(&b.0 .1)));
        println!("  -- wrong extent, by what differs (+ prediction has more, - less)");
        for ((_, label), (n, example)) in rows.into_iter().take(top) {
            let example: String = example.chars().take(160).collect();
            println!("  {n:5}  {label}    e.g. {example}");
        }
        let mut rows: Vec<_> = edges
            .iter()
            .filter(|((p, _), (_, fix))| *p == part && *fix >= 3)
            .collect();
        rows.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(a.0 .1.cmp(&b.0 .1)));
        println!("  -- token after / last token: exact matches vs gold one token longer / shorter");
        for ((_, k), (exact, fix)) in rows.into_iter().take(top) {
            println!("  {fix:5} vs {exact:5} exact  {k}");
        }
        let mut rows: Vec<_> = spurious.iter().filter(|((p, _), _)| *p == part).collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0 .1.cmp(&b.0 .1)));
        println!("  -- predictions no gold touches");
        for ((_, k), n) in rows.into_iter().take(top) {
            println!("  {n:5}  {k}");
        }
        let mut rows: Vec<_> = missed.iter().filter(|((p, _), _)| *p == part).collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0 .1.cmp(&b.0 .1)));
        println!("  -- gold no prediction touches");
        for ((_, k), n) in rows.into_iter().take(top) {
            println!("  {n:5}  {k}");
        }
    }
    Ok(())
}
