//! Kills a real ingesting process with SIGKILL and checks that every batch
//! is in the database whole or not at all.

use backchannel_core::*;
use backchannel_store::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_DB: &str = "BACKCHANNEL_STORE_DURABILITY_DB";
const BATCH: usize = 25;
const STATEMENTS_PER_DOC: usize = 4;

fn batch(number: usize) -> Vec<(Document, Vec<Statement>)> {
    (0..BATCH)
        .map(|i| {
            let mut text = format!("Report {number}-{i} from the Sarn valley\n\n");
            let mut statements = Vec::new();
            for k in 0..STATEMENTS_PER_DOC {
                let sentence = format!(
                    "\"Delegation {k} of batch {number} will return to the table on day {i},\" an envoy said. "
                );
                let start = text.len() + 1;
                let end = start + sentence.find(" an envoy").unwrap_or(0);
                text.push(' ');
                text.push_str(&sentence);
                statements.push(Statement {
                    span: Span::new(start, end),
                    fragments: vec![Span::new(start, end)],
                    form: Form::Direct,
                    cue: None,
                    speaker: None,
                });
            }
            text.push_str(&"Filler about river levels and harvest schedules. ".repeat(40));
            let mut doc = Document::from_text(format!("b{number}-d{i}"), text);
            doc.outlet = Some("Valley Wire".into());
            (doc, statements)
        })
        .collect()
}

/// The child half: ingests batches until killed. Run only by the parent test.
#[test]
#[ignore = "child process of killed_ingest_leaves_whole_batches"]
fn child_ingests_until_killed() {
    let Ok(path) = std::env::var(CHILD_DB) else {
        eprintln!("{CHILD_DB} not set: this test only runs as the child of the durability test");
        return;
    };
    let mut store = Store::open(&path).expect("child opens the database");
    let done = store.stats().expect("child reads stats").documents as usize / BATCH;
    for number in done..done + 5_000 {
        store.add_documents(&batch(number)).expect("child ingests");
    }
}

#[test]
fn killed_ingest_leaves_whole_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("killed.db");
    // Create the schema first so the parent can poll while the child writes.
    drop(Store::open(&path).unwrap());

    // Three crashes at growing sizes; each child resumes where the last one died.
    for round in 1..=3u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "child_ingests_until_killed",
                "--test-threads=1",
            ])
            .env(CHILD_DB, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let target = round * round * 5 * BATCH as u64;
        let deadline = Instant::now() + Duration::from_secs(120);
        let watcher = Store::open_read_only(&path).unwrap();
        loop {
            let docs = watcher.stats().map(|s| s.documents).unwrap_or(0);
            if docs >= target {
                break;
            }
            if let Some(status) = child.try_wait().unwrap() {
                panic!("child ended before it could be killed: {status}");
            }
            assert!(
                Instant::now() < deadline,
                "child stored only {docs} documents in 120 s"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        drop(watcher);
        assert!(
            child.try_wait().unwrap().is_none(),
            "child must still be ingesting when killed"
        );
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let docs = Store::open_read_only(&path)
            .unwrap()
            .stats()
            .unwrap()
            .documents;
        assert_eq!(
            docs % BATCH as u64,
            0,
            "round {round}: a partial batch survived ({docs} documents)"
        );
    }

    let mut store = Store::open(&path).expect("the database opens after the crash");
    let stats = store.stats().unwrap();
    assert!(stats.documents >= (45 * BATCH) as u64);
    assert_eq!(
        stats.documents % BATCH as u64,
        0,
        "a partial batch survived: {stats}"
    );
    assert_eq!(
        stats.statements,
        stats.documents * STATEMENTS_PER_DOC as u64
    );

    let conn = rusqlite::Connection::open(&path).unwrap();
    let incomplete: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents d
             WHERE (SELECT count(*) FROM statements s WHERE s.document = d.pk) != ?1",
            [STATEMENTS_PER_DOC as i64],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(incomplete, 0);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    for fts in ["statements_fts", "documents_fts"] {
        conn.execute(
            &format!("INSERT INTO {fts}({fts}) VALUES('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{fts} is inconsistent: {e}"));
    }
    drop(conn);

    // Ingest carries on where it stopped: the next batch goes in whole.
    let batches_done = stats.documents as usize / BATCH;
    let s = store.add_documents(&batch(batches_done)).unwrap();
    assert_eq!(s.added, BATCH);
    let hits = store
        .search(&SearchQuery {
            text: format!("\"batch {batches_done}\""),
            kind: Some(HitKind::Statement),
            limit: MAX_LIMIT,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), BATCH * STATEMENTS_PER_DOC);
}
