//! `backchannel ingest` killed with SIGKILL in the middle of a large corpus
//! leaves a sound database holding whole batches only, and a second run
//! completes it without storing anything twice.

use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_backchannel");

/// Articles in the generated corpus.
const ARTICLES: usize = 20_000;
/// Documents per ingest transaction (crates/cli/src/inputs.rs `BATCH`).
const BATCH: u64 = 256;

const COUNTRIES: [&str; 5] = ["Velmark", "Ostrava", "Quenland", "Dravia", "Kessaria"];
const MINISTERS: [&str; 5] = [
    "Tessaly Quorn",
    "Dorin Vasko",
    "Zoë Ångström",
    "Émile Várkonyi",
    "Pell Orsk",
];
const SUBJECTS: [&str; 4] = [
    "canal tolls",
    "grain quota",
    "fishing rights",
    "rail tariff",
];

/// One invented article with one to three attributed statements, unique by `i`.
fn article(i: usize) -> Value {
    let country = COUNTRIES[i % COUNTRIES.len()];
    let other = COUNTRIES[(i + 2) % COUNTRIES.len()];
    let minister = MINISTERS[i % MINISTERS.len()];
    let envoy = MINISTERS[(i + 3) % MINISTERS.len()];
    let subject = SUBJECTS[i % SUBJECTS.len()];
    let mut text = format!(
        "{country} and {other} resume talks on the {subject}\n\n\
         “We will not give up the {subject} in round {i},” said {minister}, \
         the {country} trade minister.\n"
    );
    if i % 3 >= 1 {
        text.push_str(&format!(
            "\nAn official who spoke on condition of anonymity said {country} was \
             ready to compromise on the {subject} by week {i}.\n"
        ));
    }
    if i % 3 == 2 {
        text.push_str(&format!(
            "\n“Nothing is agreed until day {i},” {envoy} told reporters in {other}.\n"
        ));
    }
    serde_json::json!({
        "id": format!("art-{i}"),
        "title": format!("{country} and {other} resume talks on the {subject}"),
        "outlet": format!("The {other} Courier"),
        "date": format!("2031-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
        "text": text,
    })
}

fn write_corpus(path: &Path) {
    let file = std::fs::File::create(path).expect("create corpus");
    let mut out = std::io::BufWriter::new(file);
    for i in 0..ARTICLES {
        serde_json::to_writer(&mut out, &article(i)).expect("write article");
        out.write_all(b"\n").expect("write newline");
    }
    out.flush().expect("flush corpus");
}

/// Statements per document id, as `backchannel extract` finds them.
fn expected_statements(corpus: &Path) -> HashMap<String, u64> {
    let out = Command::new(BIN)
        .args(["extract", "--quiet"])
        .arg(corpus)
        .output()
        .expect("run extract");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("JSON line");
            let id = v["id"].as_str().expect("id").to_string();
            let n = v["statements"].as_array().expect("statements").len() as u64;
            (id, n)
        })
        .collect()
}

fn count(conn: &Connection, sql: &str) -> u64 {
    let n: i64 = conn.query_row(sql, [], |r| r.get(0)).expect(sql);
    u64::try_from(n).expect("non-negative count")
}

/// Documents stored so far, or `None` while the database is not ready.
fn stored_documents(db: &Path) -> Option<u64> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
        .ok()
        .and_then(|n| u64::try_from(n).ok())
}

fn stats(db: &Path) -> Value {
    let out = Command::new(BIN)
        .args(["stats", "--json", "--db"])
        .arg(db)
        .output()
        .expect("run stats");
    assert!(
        out.status.success(),
        "stats failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stats JSON")
}

/// Integrity, whole batches, and every stored document with its statements.
/// Returns the stored document ids.
fn check_database(db: &Path, expected: &HashMap<String, u64>) -> Vec<String> {
    let conn = Connection::open(db).expect("the database opens");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    let mut fk = conn.prepare("PRAGMA foreign_key_check").expect("fk check");
    assert!(
        !fk.exists([]).expect("fk check runs"),
        "dangling references"
    );
    for table in ["statements_fts", "documents_fts"] {
        conn.execute(
            &format!("INSERT INTO {table}({table}) VALUES('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{table} index does not match its content: {e}"));
    }

    let mut per_document = conn
        .prepare(
            "SELECT d.id, count(s.pk) FROM documents d
             LEFT JOIN statements s ON s.document = d.pk
             GROUP BY d.pk ORDER BY d.pk",
        )
        .expect("prepare");
    let rows: Vec<(String, i64)> = per_document
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    for (id, n) in &rows {
        let want = expected
            .get(id)
            .unwrap_or_else(|| panic!("stored {id} is not in the corpus"));
        assert_eq!(
            u64::try_from(*n).ok(),
            Some(*want),
            "{id}: stored without all its statements"
        );
    }
    rows.into_iter().map(|(id, _)| id).collect()
}

#[test]
fn killed_ingest_keeps_whole_batches_and_resumes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus.jsonl");
    let db = tmp.path().join("corpus.db");
    write_corpus(&corpus);
    let expected = expected_statements(&corpus);
    assert_eq!(expected.len(), ARTICLES);
    assert!(
        expected.values().all(|&n| n >= 1),
        "every article has a quote"
    );
    let distinct: HashSet<u64> = expected.values().copied().collect();
    assert!(distinct.len() >= 2, "statement counts vary: {distinct:?}");

    let mut child = Command::new(BIN)
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            panic!("ingest ended ({status}) before it could be killed");
        }
        if stored_documents(&db).is_some_and(|n| n >= 2 * BATCH) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no documents stored after two minutes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // A varying extra wait, so the kill lands at a different point of the
    // next batch (extraction, inserts or commit) from run to run.
    let jitter = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() % 200);
    std::thread::sleep(Duration::from_millis(u64::from(jitter)));
    child.kill().expect("SIGKILL ingest");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "ingest was killed, not finished");

    let stored = check_database(&db, &expected);
    let n = stored.len() as u64;
    assert!(n >= 2 * BATCH);
    assert!(
        n < ARTICLES as u64,
        "ingest finished before the kill; nothing was tested"
    );
    assert_eq!(n % BATCH, 0, "{n} documents: a half batch was stored");
    eprintln!(
        "killed after {:.1} s with {n} of {ARTICLES} documents stored",
        started.elapsed().as_secs_f64()
    );
    // Input order, batch after batch.
    let first: Vec<String> = (0..stored.len()).map(|i| format!("art-{i}")).collect();
    assert_eq!(stored, first);
    let after_kill = stats(&db);
    assert_eq!(after_kill["documents"], n);
    let statements: u64 = stored.iter().map(|id| expected[id]).sum();
    assert_eq!(after_kill["statements"], statements);

    // The second run stores the rest, each article once.
    let out = Command::new(BIN)
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdin(Stdio::null())
        .output()
        .expect("rerun ingest");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let added = ARTICLES as u64 - n;
    assert!(
        err.contains(&format!(
            "{added} documents added, {n} already stored, 0 rejected"
        )),
        "{err}"
    );
    let stored = check_database(&db, &expected);
    assert_eq!(stored.len(), ARTICLES);
    let unique: HashSet<&String> = stored.iter().collect();
    assert_eq!(unique.len(), ARTICLES, "an article was stored twice");
    let all: HashSet<String> = (0..ARTICLES).map(|i| format!("art-{i}")).collect();
    assert_eq!(unique, all.iter().collect());

    let done = stats(&db);
    let total: u64 = expected.values().sum();
    assert_eq!(done["documents"], ARTICLES as u64);
    assert_eq!(done["statements"], total);
    let analysed: u64 = ["public", "private", "unknown"]
        .iter()
        .map(|k| done[*k].as_u64().expect("count"))
        .sum();
    assert_eq!(
        analysed, total,
        "the whole corpus was analysed after the rerun"
    );
    let conn = Connection::open(&db).expect("open");
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT hash) FROM documents"),
        ARTICLES as u64
    );
}
