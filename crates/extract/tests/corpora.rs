//! No panics and well-formed statements on every shared corpus: PolNeAR
//! train and dev in full, the news corpora sampled (every Nth article) so the
//! dev-profile test stays quick. Skipped with a message when `../shared` is
//! absent.

use backchannel_core::{Document, Statement};
use backchannel_extract::extract;
use std::io::BufRead;
use std::path::Path;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

/// Every span on char boundaries and inside the text, fragments ordered
/// and covered by the statement span, statements in text order.
fn check(doc: &Document, statements: &[Statement]) {
    let text = &doc.text;
    let ok = |s: backchannel_core::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for st in statements {
        assert!(ok(st.span), "{}: bad span {:?}", doc.id, st.span);
        assert!(!st.fragments.is_empty(), "{}: no fragments", doc.id);
        for f in &st.fragments {
            assert!(
                ok(*f) && st.span.contains(*f),
                "{}: fragment {f:?} outside {:?}",
                doc.id,
                st.span
            );
        }
        assert!(
            st.fragments.windows(2).all(|w| w[0].end <= w[1].start),
            "{}: fragments overlap",
            doc.id
        );
        if let Some(c) = st.cue {
            assert!(ok(c), "{}: bad cue", doc.id);
        }
        if let Some(sp) = &st.speaker {
            assert!(
                ok(sp.span) && !sp.span.is_empty(),
                "{}: bad speaker span",
                doc.id
            );
            assert!(!sp.name.is_empty(), "{}: empty speaker name", doc.id);
        }
    }
    assert!(
        statements
            .windows(2)
            .all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end)),
        "{}: out of order",
        doc.id
    );
}

fn polnear_split(split: &str) -> Option<usize> {
    let dir = Path::new(SHARED).join("polnear").join(split).join("text");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return None;
    };
    let mut n = 0;
    for entry in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let doc = Document::from_text(entry.file_name().to_string_lossy(), text);
        check(&doc, &extract(&doc));
        n += 1;
    }
    Some(n)
}

#[test]
fn polnear_train_and_dev() {
    let (Some(train), Some(dev)) = (polnear_split("train"), polnear_split("dev")) else {
        return;
    };
    assert_eq!((train, dev), (840, 84));
}

/// Runs every `every`-th article of a JSONL.gz corpus; returns (articles, statements).
fn corpus(file: &str, every: usize) -> Option<(usize, usize)> {
    let path = Path::new(SHARED).join("corpora").join(file);
    let Ok(f) = std::fs::File::open(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return None;
    };
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(f));
    let (mut docs, mut statements) = (0, 0);
    for (n, line) in reader.lines().enumerate() {
        let line = line.expect("corpus line");
        if n % every != 0 {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line).expect("corpus JSON");
        let text = value.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let doc = Document::from_text(format!("{file}:{n}"), text);
        let st = extract(&doc);
        check(&doc, &st);
        docs += 1;
        statements += st.len();
    }
    Some((docs, statements))
}

#[test]
fn news_corpora_sampled() {
    for (file, every) in [
        ("bbc_news_2225.jsonl.gz", 2),
        ("basil_300.jsonl.gz", 1),
        ("reuters21578.jsonl.gz", 10),
        ("allsides_article_bias_37554.jsonl.gz", 25),
    ] {
        let Some((docs, statements)) = corpus(file, every) else {
            continue;
        };
        eprintln!("{file}: {docs} articles, {statements} statements");
        assert!(
            docs > 0 && statements > docs / 2,
            "{file}: {statements} statements in {docs} articles"
        );
    }
}
