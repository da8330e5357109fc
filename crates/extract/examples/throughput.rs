//! Streams a JSONL.gz corpus (default: the whole AllSides corpus) through
//! `extract` and prints articles per CPU-second of extraction, statements
//! found and peak RSS. Run with `--release`:
//! `cargo run --release -p backchannel-extract --example throughput [FILE]`.

use backchannel_core::Document;
use std::io::BufRead;
use std::time::{Duration, Instant};

/// Peak resident set size in KiB (Linux `VmHWM`), when readable.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User + system CPU time of this process (Linux `/proc/self/stat`, 100 Hz ticks).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// One pass over the corpus; extracts when `run` is set. Returns
/// (articles, text bytes, statements, process CPU time of the pass).
fn pass(path: &str, run: bool) -> Result<(u64, u64, u64, Duration), Box<dyn std::error::Error>> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let (mut articles, mut bytes, mut statements) = (0u64, 0u64, 0u64);
    let cpu_start = cpu_time().unwrap_or_default();
    for line in reader.lines() {
        let line = line?;
        let value: serde_json::Value = serde_json::from_str(&line)?;
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .to_string();
        let doc = Document::from_text(articles.to_string(), text);
        if run {
            statements += backchannel_extract::extract(&doc).len() as u64;
        }
        articles += 1;
        bytes += doc.text.len() as u64;
    }
    let cpu = cpu_time().unwrap_or_default().saturating_sub(cpu_start);
    Ok((articles, bytes, statements, cpu))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/corpora/allsides_article_bias_37554.jsonl.gz"
        )
        .to_string()
    });
    let wall = Instant::now();
    let (_, _, _, decode_cpu) = pass(&path, false)?;
    let (articles, bytes, statements, full_cpu) = pass(&path, true)?;
    let cpu = full_cpu.saturating_sub(decode_cpu).as_secs_f64().max(1e-3);
    println!(
        "{articles} articles, {:.1} MB of text, {statements} statements",
        bytes as f64 / 1e6
    );
    println!(
        "gunzip + JSON alone: {:.2} CPU-s; with extraction: {:.2} CPU-s",
        decode_cpu.as_secs_f64(),
        full_cpu.as_secs_f64()
    );
    println!(
        "extraction (segmenting included): {cpu:.2} CPU-s = {:.0} articles/CPU-second, {:.1} MB/CPU-second",
        articles as f64 / cpu,
        bytes as f64 / 1e6 / cpu
    );
    println!(
        "wall time, both passes: {:.1} s",
        wall.elapsed().as_secs_f64()
    );
    if let Some(kib) = peak_rss_kib() {
        println!("peak RSS: {:.1} MB", kib as f64 / 1024.0);
    }
    Ok(())
}
