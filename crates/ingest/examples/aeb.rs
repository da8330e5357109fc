//! Writes the article-extraction-benchmark output for our HTML body
//! extraction: `{id: {"articleBody": ...}}` for every `html/<id>.html.gz`.
//!
//! Usage: `aeb AEB_DIR OUTPUT_JSON` (AEB_DIR holds `html/`). Prints pages,
//! failures and the CPU seconds spent reading, decompressing and extracting.

use backchannel_ingest::{decode, html};
use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [aeb_dir, output] = args.as_slice() else {
        eprintln!("usage: aeb AEB_DIR OUTPUT_JSON");
        return ExitCode::from(2);
    };
    match run(&PathBuf::from(aeb_dir), &PathBuf::from(output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("aeb: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(aeb_dir: &std::path::Path, output: &std::path::Path) -> Result<(), String> {
    let html_dir = aeb_dir.join("html");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&html_dir)
        .map_err(|e| format!("{}: {e}", html_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    pages.sort();
    let cpu_start = cpu_seconds();
    let mut results = serde_json::Map::new();
    let mut failures = 0;
    for page in &pages {
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = name.trim_end_matches(".html.gz").to_string();
        let body = match extract(page) {
            Ok(body) => body,
            Err(e) => {
                failures += 1;
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        results.insert(id, serde_json::json!({ "articleBody": body }));
    }
    let cpu = cpu_seconds().zip(cpu_start).map(|(end, start)| end - start);
    let json = serde_json::to_string(&results).map_err(|e| e.to_string())?;
    std::fs::write(output, json).map_err(|e| format!("{}: {e}", output.display()))?;
    match cpu {
        Some(cpu) => println!(
            "pages {} failures {failures} cpu_seconds {cpu:.3} pages_per_cpu_second {:.1}",
            pages.len(),
            pages.len() as f64 / cpu.max(1e-9)
        ),
        None => println!(
            "pages {} failures {failures} cpu_seconds unknown",
            pages.len()
        ),
    }
    Ok(())
}

fn extract(page: &std::path::Path) -> Result<String, String> {
    let file = std::fs::File::open(page).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    MultiGzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let page = decode::decode_html(&bytes, None);
    html::extract_article(&page).map(|article| article.body)
}

/// User + system CPU seconds of this process, from /proc (Linux).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
