//! Black-box tests of the `backchannel` binary: every command run as a
//! child process on files written into a temporary directory (invented
//! countries and people) and on the bundled sample corpus.

use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_backchannel");

fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// Runs the binary with `args` (stdin closed) and returns what it did.
fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run backchannel")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status
        .code()
        .expect("exited with a status, not a signal")
}

/// Asserts exit status 0 and returns stdout.
fn ok(out: &Output) -> String {
    assert_eq!(code(out), 0, "expected success; stderr:\n{}", stderr(out));
    stdout(out)
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create dir");
    }
    std::fs::write(&path, content).expect("write fixture");
    path
}

/// The code-point slice `[start, end)` of `text`, as the wire formats define it.
fn cp_slice(text: &str, start: u64, end: u64) -> String {
    assert!(start <= end, "span {start}..{end} is reversed");
    let len = text.chars().count() as u64;
    assert!(
        end <= len,
        "span {start}..{end} runs past {len} code points"
    );
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The code-point span of the first occurrence of `needle` in `text`.
fn cp_span(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    let start = text[..at].chars().count();
    (start, start + needle.chars().count())
}

fn num(v: &Value) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("expected a non-negative integer, got {v}"))
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("expected an object, got {v}"))
        .keys()
        .cloned()
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// An article with curly quotes and accented names, so that byte offsets
/// and code-point offsets differ from the first quote on.
const TOLLS: &str = "\
---
title: Velmark and Ostrava spar over the canal tolls
outlet: The Harbour Gazette
date: 2031-05-14
url: https://gazette.example/canal-tolls
---
Velmark and Ostrava spar over the canal tolls

“We will never lower the canal tolls,” Tessaly Quorn said at a news conference in the capital on Monday.

But a senior official, who spoke on condition of anonymity because the talks are confidential, said Quorn's team was ready to lower the canal tolls if the shipping levy was dropped.

Dorin Vasko, the Ostravan trade minister, said the levy would stay “until the last ship has paid.”
";

const ACCENTS: &str = "\
Zoë Ångström returns to Kessel

“The border post stays open,” said Zoë Ångström, the Quenlandic interior minister.

“Nobody in Dravia asked us to close it,” Émile Várkonyi told reporters, “and nobody will.”
";

/// Two JSONL records and a malformed line between them.
const WIRE: &str = concat!(
    r#"{"id":"wire-1","title":"Grain quota talks","outlet":"Dravia Wire","date":"2031-06-01","text":"“We are close to a deal on the grain quota,” said Pell Orsk."}"#,
    "\n",
    "{this is not json\n",
    r#"{"id":"wire-3","title":"Rail tariff","outlet":"Dravia Wire","text":"“The rail tariff will not change,” said Ilka Brün."}"#,
    "\n",
);

#[test]
fn text_json_has_exactly_the_document_keys_with_front_matter_and_unique_ids() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    write(dir, "one/tolls.txt", TOLLS);
    write(dir, "two/tolls.txt", ACCENTS);
    write(dir, "wire.jsonl", WIRE.replace("{this is not json\n", ""));
    let out = run([
        "text".as_ref(),
        "--json".as_ref(),
        dir.join("one").as_os_str(),
        dir.join("two").as_os_str(),
        dir.join("wire.jsonl").as_os_str(),
    ]);
    let docs = json_lines(&ok(&out));
    assert_eq!(docs.len(), 4);
    for doc in &docs {
        assert_eq!(
            keys(doc),
            set(&["id", "title", "outlet", "date", "url", "text"]),
            "{doc}"
        );
    }
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().expect("id")).collect();
    // File stems; the second `tolls` gets `-2`; JSONL ids are the records' own.
    assert_eq!(ids, ["tolls", "tolls-2", "wire-1", "wire-3"]);

    let first = &docs[0];
    assert_eq!(
        first["title"],
        "Velmark and Ostrava spar over the canal tolls"
    );
    assert_eq!(first["outlet"], "The Harbour Gazette");
    assert_eq!(first["date"], "2031-05-14");
    assert_eq!(first["url"], "https://gazette.example/canal-tolls");
    let text = first["text"].as_str().expect("text");
    assert!(
        text.starts_with("Velmark and Ostrava spar"),
        "front matter must not be part of the text: {text:?}"
    );
    assert!(!text.contains("outlet:"));

    // No front matter: title from the headline, other metadata null.
    let second = &docs[1];
    assert_eq!(second["title"], "Zoë Ångström returns to Kessel");
    assert!(second["outlet"].is_null() && second["date"].is_null() && second["url"].is_null());
    assert_eq!(second["text"], ACCENTS);

    assert_eq!(docs[3]["date"], Value::Null);
    assert_eq!(docs[3]["outlet"], "Dravia Wire");
}

#[test]
fn duplicate_ids_inside_one_jsonl_file_get_suffixes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = write(
        tmp.path(),
        "dup.jsonl",
        concat!(
            r#"{"id":"memo","text":"“First,” said Anja Velk."}"#,
            "\n",
            r#"{"id":"memo","text":"“Second,” said Anja Velk."}"#,
            "\n",
            r#"{"id":"memo","text":"“Third,” said Anja Velk."}"#,
            "\n",
        ),
    );
    let docs = json_lines(&ok(&run([
        "text".as_ref(),
        "--json".as_ref(),
        file.as_os_str(),
    ])));
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(ids, ["memo", "memo-2", "memo-3"]);
}

#[test]
fn exit_status_and_summary_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let tolls = write(dir, "tolls.txt", TOLLS);
    let accents = write(dir, "accents.txt", ACCENTS);

    // Everything read: 0, and the summary line.
    let out = run(["text".as_ref(), tolls.as_os_str(), accents.as_os_str()]);
    ok(&out);
    assert!(
        stderr(&out)
            .lines()
            .any(|l| l == "2 documents read, 0 failed"),
        "{}",
        stderr(&out)
    );

    // Some failed: 1, the rest still printed, each error naming its file (and line).
    let empty = write(dir, "empty.txt", "");
    let binary = write(dir, "blob.txt", b"\x7fELF\x00\x01\x02\x00binary\x00");
    let wire = write(dir, "wire.jsonl", WIRE);
    let out = run([
        "text".as_ref(),
        "--json".as_ref(),
        tolls.as_os_str(),
        empty.as_os_str(),
        binary.as_os_str(),
        wire.as_os_str(),
    ]);
    assert_eq!(code(&out), 1, "stderr:\n{}", stderr(&out));
    let printed: Vec<String> = json_lines(&stdout(&out))
        .iter()
        .filter_map(|d| d["id"].as_str().map(str::to_string))
        .collect();
    assert_eq!(printed, ["tolls", "wire-1", "wire-3"]);
    let err = stderr(&out);
    let error_lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("backchannel: "))
        .collect();
    assert_eq!(error_lines.len(), 3, "{err}");
    assert!(error_lines.iter().any(|l| l.contains("empty.txt")), "{err}");
    assert!(error_lines.iter().any(|l| l.contains("blob.txt")), "{err}");
    assert!(
        error_lines.iter().any(|l| l.contains("wire.jsonl:2")),
        "the JSONL error must name line 2: {err}"
    );
    assert!(
        err.lines().any(|l| l == "3 documents read, 3 failed"),
        "{err}"
    );

    // --quiet: same status, no summary line, errors still reported.
    let out = run([
        "--quiet".as_ref(),
        "text".as_ref(),
        tolls.as_os_str(),
        empty.as_os_str(),
    ]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(!err.contains(" read, "), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
    let out = run(["text".as_ref(), "-q".as_ref(), tolls.as_os_str()]);
    ok(&out);
    assert!(!stderr(&out).contains(" read, "));

    // Usage errors: 2, nothing on stdout.
    for args in [
        vec!["text", "--no-such-flag", "x.txt"],
        vec!["text"],
        vec!["extract"],
        vec!["analyze", "--format", "pdf", "x.txt"],
        vec!["no-such-command"],
    ] {
        let out = run(&args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!stderr(&out).is_empty(), "{args:?} gave no message");
    }
}

/// Checks every span of one `extract` JSONL line against the document text.
fn check_extract_spans(line: &Value, text: &str) -> usize {
    let statements = line["statements"].as_array().expect("statements");
    for s in statements {
        assert_eq!(
            s["text"].as_str().expect("statement text"),
            cp_slice(text, num(&s["start"]), num(&s["end"])),
            "{s}"
        );
        for part in ["cue", "speaker"] {
            if !s[part].is_null() {
                assert_eq!(
                    s[part]["text"].as_str().expect("text"),
                    cp_slice(text, num(&s[part]["start"]), num(&s[part]["end"])),
                    "{part} of {s}"
                );
            }
        }
        let fragments = s["fragments"].as_array().expect("fragments");
        assert!(!fragments.is_empty());
        for f in fragments {
            let (a, b) = (num(&f[0]), num(&f[1]));
            assert!(a >= num(&s["start"]) && b <= num(&s["end"]), "{s}");
        }
    }
    statements.len()
}

#[test]
fn extract_jsonl_code_point_offsets_and_failed_documents() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let tolls = write(dir, "tolls.txt", TOLLS);
    let accents = write(dir, "accents.txt", ACCENTS);
    let empty = write(dir, "empty.txt", "");
    let out = run([
        "extract".as_ref(),
        accents.as_os_str(),
        empty.as_os_str(),
        tolls.as_os_str(),
    ]);
    assert_eq!(code(&out), 1, "stderr:\n{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 3, "one line per document, failures included");
    for line in &lines {
        assert_eq!(keys(line), set(&["id", "statements", "error"]), "{line}");
    }
    assert_eq!(lines[0]["id"], "accents");
    assert_eq!(lines[2]["id"], "tolls");
    assert!(lines[0]["error"].is_null() && lines[2]["error"].is_null());

    let failed = &lines[1];
    assert!(failed["statements"].as_array().is_some_and(Vec::is_empty));
    let reason = failed["error"].as_str().expect("error is set");
    assert!(reason.contains("empty.txt"), "{reason}");

    // The text as the pipeline read it (front matter removed).
    let texts: HashMap<String, String> = json_lines(&ok(&run([
        "text".as_ref(),
        "--json".as_ref(),
        tolls.as_os_str(),
        accents.as_os_str(),
    ])))
    .into_iter()
    .map(|d| {
        (
            d["id"].as_str().expect("id").to_string(),
            d["text"].as_str().expect("text").to_string(),
        )
    })
    .collect();

    let accents_text = &texts["accents"];
    assert_eq!(check_extract_spans(&lines[0], accents_text), 2);
    let first = &lines[0]["statements"][0];
    assert_eq!(first["text"], "“The border post stays open,”");
    assert_eq!(first["form"], "direct");
    // Code points, not bytes: the headline alone holds three two-byte letters.
    let (start, end) = cp_span(accents_text, "“The border post stays open,”");
    assert_eq!(
        (num(&first["start"]), num(&first["end"])),
        (start as u64, end as u64)
    );
    assert!(accents_text.find('“').expect("quote") > start);
    assert!(first["speaker"]["text"]
        .as_str()
        .is_some_and(|s| s.contains("Ångström")));
    // The quote split by its cue has two fragments.
    let split = &lines[0]["statements"][1];
    assert_eq!(
        split["fragments"].as_array().map(Vec::len),
        Some(2),
        "{split}"
    );
    assert!(split["speaker"]["text"]
        .as_str()
        .is_some_and(|s| s.contains("Várkonyi")));

    let tolls_text = &texts["tolls"];
    assert!(check_extract_spans(&lines[2], tolls_text) >= 2);
    let quoted: Vec<&str> = lines[2]["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert!(
        quoted.contains(&"“We will never lower the canal tolls,”"),
        "{quoted:?}"
    );
}

#[test]
fn extract_from_stdin_streams_batches_before_input_ends() {
    let mut child = Command::new(BIN)
        .args(["extract", "--quiet", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn backchannel extract -");
    let mut stdin = child.stdin.take().expect("stdin");
    let child_out = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(child_out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let record = |i: usize| {
        let text = format!("“Round {i} of the canal talks is over,” said Zoë Ångström.");
        let doc = serde_json::json!({
            "id": format!("round-{i}"), "title": null, "outlet": "Dravia Wire",
            "date": null, "url": null, "text": text,
        });
        format!("{doc}\n")
    };
    // One full batch (crates/cli/src/inputs.rs BATCH) must come out while
    // the input is still open.
    const BATCH: usize = 256;
    for i in 0..BATCH {
        stdin
            .write_all(record(i).as_bytes())
            .expect("write to stdin");
    }
    stdin.flush().expect("flush stdin");
    let mut got = Vec::new();
    while got.len() < BATCH {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => got.push(line),
            Err(e) => panic!(
                "only {} lines came out before stdin was closed ({e})",
                got.len()
            ),
        }
    }
    // The rest, then end of input.
    for i in BATCH..BATCH + 3 {
        stdin.write_all(record(i).as_bytes()).expect("write");
    }
    drop(stdin);
    let status = child.wait().expect("wait");
    reader.join().expect("reader thread");
    got.extend(rx.try_iter());
    assert!(status.success(), "{status}");
    assert_eq!(got.len(), BATCH + 3);
    for (i, line) in got.iter().enumerate() {
        let v: Value = serde_json::from_str(line).expect("JSON line");
        assert_eq!(v["id"], format!("round-{i}"), "input order kept");
        let text = format!("“Round {i} of the canal talks is over,” said Zoë Ångström.");
        assert_eq!(check_extract_spans(&v, &text), 1, "{v}");
        assert_eq!(v["statements"][0]["speaker"]["text"], "Zoë Ångström");
    }
}

#[test]
fn extract_brat_writes_standoff_and_text_lists_statements() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let accents = write(dir, "accents.txt", ACCENTS);
    let out_dir = dir.join("brat");
    let out = run([
        "extract".as_ref(),
        "--format".as_ref(),
        "brat".as_ref(),
        "--out".as_ref(),
        out_dir.as_os_str(),
        accents.as_os_str(),
    ]);
    assert!(ok(&out).is_empty(), "brat output goes to files only");
    let txt = std::fs::read_to_string(out_dir.join("accents.txt")).expect("accents.txt");
    assert_eq!(txt, ACCENTS);
    let ann = std::fs::read_to_string(out_dir.join("accents.ann")).expect("accents.ann");
    let mut kinds = HashMap::<String, usize>::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line:?}");
        let mut head = fields[1].split([' ', ';']);
        let kind = head.next().expect("kind").to_string();
        let offsets: Vec<u64> = head.map(|n| n.parse().expect("offset")).collect();
        assert!(
            offsets.len() >= 2 && offsets.len().is_multiple_of(2),
            "{line:?}"
        );
        // brat writes the covered text, fragments joined by one space.
        let covered: Vec<String> = offsets
            .chunks(2)
            .map(|p| cp_slice(&txt, p[0], p[1]))
            .collect();
        assert_eq!(fields[2], covered.join(" "), "{line:?}");
        *kinds.entry(kind).or_default() += 1;
    }
    for kind in ["Source", "Cue", "Content"] {
        assert_eq!(kinds.get(kind), Some(&2), "{kind} in:\n{ann}");
    }
    let relations = ann.lines().filter(|l| l.starts_with('E')).count();
    assert_eq!(relations, 2, "{ann}");

    let out = run([
        "extract".as_ref(),
        "--format".as_ref(),
        "brat".as_ref(),
        accents.as_os_str(),
    ]);
    assert_eq!(code(&out), 2, "brat without --out is a usage error");
    assert!(stderr(&out).contains("--out"), "{}", stderr(&out));

    let listing = ok(&run([
        "extract".as_ref(),
        "--format".as_ref(),
        "text".as_ref(),
        accents.as_os_str(),
    ]));
    assert!(listing.contains("accents"), "{listing}");
    assert!(listing.contains("(2 statements)"), "{listing}");
    assert!(
        listing.contains("“The border post stays open,”"),
        "{listing}"
    );
    assert!(listing.contains("Zoë Ångström"), "{listing}");
    assert!(
        !listing.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

/// A PolNeAR-style `.ann` for [`ACCENTS`], written by hand.
fn gold_ann(text: &str) -> String {
    let mut ann = String::new();
    let mut t = 0;
    let mut entity = |ann: &mut String, kind: &str, pieces: &[&str]| {
        t += 1;
        let spans: Vec<String> = pieces
            .iter()
            .map(|p| {
                let (a, b) = cp_span(text, p);
                format!("{a} {b}")
            })
            .collect();
        ann.push_str(&format!(
            "T{t}\t{kind} {}\t{}\n",
            spans.join(";"),
            pieces.join(" ")
        ));
        t
    };
    let s = entity(
        &mut ann,
        "Source",
        &["Zoë Ångström, the Quenlandic interior minister"],
    );
    let c = entity(&mut ann, "Cue", &["said"]);
    let q = entity(&mut ann, "Content", &["“The border post stays open,”"]);
    let a = entity(&mut ann, "Attribution", &["said"]);
    ann.push_str(&format!(
        "E1\tAttribution:T{a} Content:T{q} Cue:T{c} Source:T{s}\n"
    ));
    let s = entity(&mut ann, "Source", &["Émile Várkonyi"]);
    let c = entity(&mut ann, "Cue", &["told"]);
    let q = entity(
        &mut ann,
        "Content",
        &[
            "“Nobody in Dravia asked us to close it,”",
            "“and nobody will.”",
        ],
    );
    let a = entity(&mut ann, "Attribution", &["told"]);
    ann.push_str(&format!(
        "E2\tAttribution:T{a} Content:T{q} Cue:T{c} Source:T{s}\n"
    ));
    ann
}

fn f1(scores: &Value, pointer: &str) -> f64 {
    scores
        .pointer(pointer)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("no number at {pointer} in {scores}"))
}

#[test]
fn eval_brat_scores_predictions_and_gold_against_itself() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let gold = dir.join("gold");
    let text = write(&gold, "x.txt", ACCENTS);
    write(&gold, "x.ann", gold_ann(ACCENTS));
    let pred = dir.join("pred");
    ok(&run([
        "extract".as_ref(),
        "--format".as_ref(),
        "brat".as_ref(),
        "--out".as_ref(),
        pred.as_os_str(),
        text.as_os_str(),
    ]));
    assert!(pred.join("x.ann").is_file());

    let eval = |pred_dir: &Path| -> Value {
        let out = run([
            "eval".as_ref(),
            "brat".as_ref(),
            "--gold".as_ref(),
            gold.as_os_str(),
            "--pred".as_ref(),
            pred_dir.as_os_str(),
            "--json".as_ref(),
        ]);
        serde_json::from_str(&ok(&out)).expect("eval --json prints JSON")
    };

    let scores = eval(&pred);
    assert_eq!(scores["documents"], 1);
    for part in ["source", "cue", "content"] {
        for mode in ["exact", "overlap"] {
            let prf = &scores[part][mode];
            for field in [
                "gold",
                "predicted",
                "matched_gold",
                "matched_predicted",
                "precision",
                "recall",
                "f1",
            ] {
                assert!(
                    !prf[field].is_null(),
                    "{part}.{mode}.{field} missing: {prf}"
                );
            }
            assert_eq!(num(&prf["gold"]), 2, "{part}.{mode}");
            for field in ["precision", "recall", "f1"] {
                let v = prf[field].as_f64().expect("number");
                assert!((0.0..=1.0).contains(&v), "{part}.{mode}.{field} = {v}");
            }
        }
    }
    let predicted = std::fs::read_to_string(pred.join("x.ann")).expect("x.ann");
    let relations = predicted.lines().filter(|l| l.starts_with('E')).count() as u64;
    assert_eq!(num(&scores["content"]["exact"]["predicted"]), relations);
    // The plain quote with its speaker after the cue is found exactly.
    assert!(
        num(&scores["content"]["exact"]["matched_gold"]) >= 1,
        "{scores}"
    );
    let quotes = scores["quotes"].as_array().expect("quotes");
    assert!(!quotes.is_empty());
    for q in quotes {
        assert!(
            q["threshold"].is_number() && q["prf"]["f1"].is_number(),
            "{q}"
        );
    }

    // Gold scored against itself is perfect.
    let perfect = eval(&gold);
    for pointer in [
        "/source/exact/f1",
        "/cue/exact/f1",
        "/content/exact/f1",
        "/content/overlap/f1",
        "/quotes/0/prf/f1",
    ] {
        assert_eq!(f1(&perfect, pointer), 1.0, "{pointer}: {perfect}");
    }

    // Without --pred it extracts from the gold texts itself: the same scores
    // as the predictions `extract --format brat` wrote.
    let own: Value = serde_json::from_str(&ok(&run([
        "eval".as_ref(),
        "brat".as_ref(),
        "--gold".as_ref(),
        gold.as_os_str(),
        "--json".as_ref(),
    ])))
    .expect("JSON");
    assert_eq!(own["content"], scores["content"]);
    assert_eq!(own["cue"], scores["cue"]);

    // An empty gold directory is an error, not a score.
    let none = dir.join("none");
    std::fs::create_dir_all(&none).expect("mkdir");
    let out = run([
        "eval".as_ref(),
        "brat".as_ref(),
        "--gold".as_ref(),
        none.as_os_str(),
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no gold documents"),
        "{}",
        stderr(&out)
    );
}

/// `text --json` of the sample corpus: (id, text) in input order.
fn sample_texts() -> Vec<(String, String)> {
    json_lines(&ok(&run([
        "text".as_ref(),
        "--json".as_ref(),
        "--quiet".as_ref(),
        sample_corpus().as_os_str(),
    ])))
    .into_iter()
    .map(|d| {
        (
            d["id"].as_str().expect("id").to_string(),
            d["text"].as_str().expect("text").to_string(),
        )
    })
    .collect()
}

fn analyze_sample(format: &str) -> String {
    ok(&run([
        "analyze".as_ref(),
        sample_corpus().as_os_str(),
        "--quiet".as_ref(),
        "--format".as_ref(),
        format.as_ref(),
    ]))
}

fn ids_of(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an id list, got {v}"))
        .iter()
        .map(|id| id.as_str().expect("id string").to_string())
        .collect()
}

#[test]
fn analyze_json_wire_format_on_the_sample_corpus() {
    let texts = sample_texts();
    let by_id: HashMap<&str, &str> = texts
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    let analysis: Value = serde_json::from_str(&analyze_sample("json")).expect("one JSON object");
    let top = keys(&analysis);
    for key in [
        "documents",
        "statements",
        "divergences",
        "private_only",
        "drift",
    ] {
        assert!(top.contains(key), "missing {key}: {top:?}");
    }

    let documents = analysis["documents"].as_array().expect("documents");
    let doc_ids: Vec<&str> = documents
        .iter()
        .map(|d| d["id"].as_str().expect("id"))
        .collect();
    let text_ids: Vec<&str> = texts.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(doc_ids, text_ids, "documents in input order");

    let statements = analysis["statements"].as_array().expect("statements");
    assert!(statements.len() > 20, "the sample corpus is full of quotes");
    let mut statement_ids = HashSet::new();
    let mut channels = BTreeSet::new();
    for s in statements {
        let k = keys(s);
        for key in [
            "id", "document", "start", "end", "text", "form", "speaker", "side", "channel",
            "evidence", "topics",
        ] {
            assert!(k.contains(key), "statement without {key}: {s}");
        }
        let id = s["id"].as_str().expect("id");
        let document = s["document"].as_str().expect("document");
        assert!(id.starts_with(&format!("{document}#")), "{id}");
        assert!(statement_ids.insert(id.to_string()), "duplicate id {id}");
        let text = by_id
            .get(document)
            .unwrap_or_else(|| panic!("{id} names unknown document {document}"));
        assert_eq!(
            s["text"].as_str().expect("text"),
            cp_slice(text, num(&s["start"]), num(&s["end"])),
            "{id}"
        );
        if let Some(speaker) = s["speaker"].as_object() {
            if !speaker["start"].is_null() {
                assert_eq!(
                    speaker["text"].as_str().expect("speaker text"),
                    cp_slice(text, num(&speaker["start"]), num(&speaker["end"])),
                    "speaker of {id}"
                );
            }
        }
        for ev in s["evidence"].as_array().expect("evidence") {
            if !ev["start"].is_null() {
                let covered = cp_slice(text, num(&ev["start"]), num(&ev["end"]));
                assert!(
                    covered.eq_ignore_ascii_case(ev["phrase"].as_str().expect("phrase")),
                    "evidence {ev} of {id} covers {covered:?}"
                );
            }
        }
        assert!(
            ["direct", "partial", "indirect", "mixed"].contains(&s["form"].as_str().expect("form")),
            "{s}"
        );
        assert!(s["topics"].is_array() && s["side"].is_string() || s["side"].is_null());
        channels.insert(s["channel"].as_str().expect("channel").to_string());
    }
    assert!(
        channels.contains("public") && channels.contains("private"),
        "the sample corpus has both channels: {channels:?}"
    );
    assert!(channels.is_subset(&set(&["public", "private", "unknown"])));

    let divergences = analysis["divergences"].as_array().expect("divergences");
    assert!(!divergences.is_empty(), "the sample corpus has divergences");
    let channel_of: HashMap<&str, &str> = statements
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap_or(""),
                s["channel"].as_str().unwrap_or(""),
            )
        })
        .collect();
    for d in divergences {
        let private = ids_of(&d["private"]);
        let public = ids_of(&d["public"]);
        assert!(!private.is_empty() && !public.is_empty(), "{d}");
        for id in private.iter().chain(&public) {
            assert!(statement_ids.contains(id), "divergence cites unknown {id}");
        }
        for id in &private {
            assert_eq!(channel_of[id.as_str()], "private", "{id} in {d}");
        }
        for id in &public {
            assert_eq!(channel_of[id.as_str()], "public", "{id} in {d}");
        }
        let score = d["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score), "{d}");
        assert!(!d["explanation"].as_str().unwrap_or("").is_empty(), "{d}");
    }
    for p in analysis["private_only"].as_array().expect("private_only") {
        for id in ids_of(&p["private"]) {
            assert!(
                statement_ids.contains(&id),
                "private_only cites unknown {id}"
            );
        }
    }
    for d in analysis["drift"].as_array().expect("drift") {
        for side in ["a", "b"] {
            let r = &d[side];
            let text = by_id[r["document"].as_str().expect("document")];
            assert_eq!(
                r["text"].as_str().expect("text"),
                cp_slice(text, num(&r["start"]), num(&r["end"])),
                "drift {d}"
            );
        }
    }
}

#[test]
fn analyze_html_is_one_self_contained_page_with_divergence_columns() {
    let html = analyze_sample("html");
    // The count the page announces in its navigation.
    let announced = html
        .split_once("href=\"#divergences\">Divergences (")
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(n, _)| n.parse::<usize>().ok())
        .expect("navigation names the number of divergences");
    assert!(announced > 0, "the sample corpus has divergences");
    let divergences = announced;
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..html.len().min(80)]
    );
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<style"), "styles are inline");
    assert!(!html.contains("<script src"), "no external scripts");
    for link in html.match_indices("<link").map(|(at, _)| &html[at..]) {
        let tag = &link[..link.find('>').unwrap_or(link.len())];
        assert!(!tag.contains("http"), "external resource: {tag}");
    }
    assert!(!html.contains("@import"), "no imported stylesheets");
    // One card per divergence, each with a private and a public column.
    assert_eq!(
        html.matches("class=\"card divergence\"").count(),
        divergences
    );
    assert_eq!(html.matches("class=\"col private\"").count(), divergences);
    assert_eq!(html.matches("class=\"col public\"").count(), divergences);
    assert!(html.contains("id=\"divergences\""));
}

/// Splits RFC 4180 CSV into records of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted CSV field");
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn analyze_markdown_text_csv_jsonl_and_out_file() {
    let analysis: Value = serde_json::from_str(&analyze_sample("json")).expect("JSON");
    let statements = analysis["statements"].as_array().expect("statements");
    let ids: Vec<&str> = statements
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect();
    // Sides with a divergence; runs may rank them differently.
    let divergence_sides: BTreeSet<&str> = analysis["divergences"]
        .as_array()
        .expect("divergences")
        .iter()
        .filter_map(|d| d["side"].as_str())
        .collect();
    assert!(!divergence_sides.is_empty());

    let markdown = analyze_sample("markdown");
    assert!(
        markdown.starts_with("# "),
        "{}",
        &markdown[..markdown.len().min(80)]
    );
    assert!(markdown.contains("## "));
    assert!(divergence_sides.iter().any(|side| markdown.contains(side)));

    let text = analyze_sample("text");
    assert!(divergence_sides.iter().any(|side| text.contains(side)));
    assert!(!text.contains('\x1b'), "no colour into a pipe");

    let csv = parse_csv(&analyze_sample("csv"));
    let header = &csv[0];
    for column in ["id", "document", "start", "end", "side", "channel", "text"] {
        assert!(
            header.iter().any(|h| h == column),
            "no {column} in {header:?}"
        );
    }
    assert_eq!(csv.len() - 1, statements.len(), "one row per statement");
    let id_col = header.iter().position(|h| h == "id").expect("id column");
    let text_col = header
        .iter()
        .position(|h| h == "text")
        .expect("text column");
    for (row, s) in csv[1..].iter().zip(statements) {
        assert_eq!(row.len(), header.len(), "{row:?}");
        assert_eq!(row[id_col], s["id"].as_str().expect("id"));
        assert_eq!(row[text_col], s["text"].as_str().expect("text"));
    }

    let jsonl = json_lines(&analyze_sample("jsonl"));
    let jsonl_ids: Vec<&str> = jsonl.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(jsonl_ids, ids);
    for (line, s) in jsonl.iter().zip(statements) {
        assert_eq!(line["text"], s["text"]);
        assert_eq!(line["channel"], s["channel"]);
        assert!(line.get("outlet").is_some() && line.get("date").is_some());
    }

    // --out writes the file and leaves stdout empty.
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("report.md");
    let out = run([
        "analyze".as_ref(),
        sample_corpus().as_os_str(),
        "--format".as_ref(),
        "markdown".as_ref(),
        "--out".as_ref(),
        file.as_os_str(),
    ]);
    assert!(ok(&out).is_empty());
    let written = std::fs::read_to_string(&file).expect("report written");
    // The same report as on stdout: same sections, same statement counts.
    let outline = |md: &str| -> Vec<String> {
        md.lines()
            .filter(|l| l.starts_with("## ") || l.starts_with("- **Statements:**"))
            .map(str::to_string)
            .collect()
    };
    assert!(written.starts_with("# "), "{written}");
    assert_eq!(outline(&written), outline(&markdown));
    assert!(outline(&markdown).len() >= 3, "{markdown}");
    assert!(stderr(&out).contains("documents read, 0 failed"));
}

fn statement_sides_and_topics(analysis: &Value) -> Vec<(String, Option<String>, Vec<String>)> {
    analysis["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .map(|s| {
            (
                s["text"].as_str().expect("text").to_string(),
                s["side"].as_str().map(str::to_string),
                ids_of(&s["topics"]),
            )
        })
        .collect()
}

#[test]
fn analyze_actors_and_topics_files_change_sides_and_topics() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let tolls = write(dir, "tolls.txt", TOLLS);
    let actors = write(
        dir,
        "actors.toml",
        r#"
[[actor]]
name = "Tessaly Quorn"
aliases = ["Quorn"]
side = "Velmark"
official = true

[[side]]
name = "Velmark"
aliases = ["Republic of Velmark"]
demonyms = ["Velmarkian"]
"#,
    );
    let topics = write(
        dir,
        "topics.toml",
        r#"
[[topic]]
name = "waterway charges"
terms = ["canal toll*", "shipping levy"]
"#,
    );
    let analyze = |extra: &[&Path]| -> Value {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "analyze".as_ref(),
            tolls.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ];
        for (flag, path) in ["--actors", "--topics"].iter().zip(extra) {
            args.push(flag.as_ref());
            args.push(path.as_os_str());
        }
        serde_json::from_str(&ok(&run(args))).expect("JSON")
    };
    let quote = "“We will never lower the canal tolls,”";

    let plain = analyze(&[]);
    let before = statement_sides_and_topics(&plain);
    let (_, side, topics_before) = before
        .iter()
        .find(|(text, _, _)| text == quote)
        .expect("the quote is extracted");
    assert_ne!(side.as_deref(), Some("Harrowmere League"));
    assert!(!topics_before.iter().any(|t| t == "waterway charges"));

    // A side the text never names can only come from the actors file; the
    // other speakers keep the sides they had.
    let elsewhere = write(
        dir,
        "harrowmere.toml",
        "[[actor]]\nname = \"Tessaly Quorn\"\naliases = [\"Quorn\"]\nside = \"Harrowmere League\"\n",
    );
    let moved = statement_sides_and_topics(&analyze(&[&elsewhere]));
    assert_eq!(moved.len(), before.len());
    for ((text, side, _), (text_before, side_before, _)) in moved.iter().zip(&before) {
        assert_eq!(text, text_before);
        if text == quote {
            assert_eq!(side.as_deref(), Some("Harrowmere League"));
        } else if text.contains("until the last ship") {
            assert_eq!(side, side_before, "Dorin Vasko's side is untouched");
        }
    }

    let configured = analyze(&[&actors, &topics]);
    let after = statement_sides_and_topics(&configured);
    let (_, side, topics_after) = after
        .iter()
        .find(|(text, _, _)| text == quote)
        .expect("the quote is extracted");
    assert_eq!(
        side.as_deref(),
        Some("Velmark"),
        "the actors file names her side"
    );
    assert!(
        topics_after.iter().any(|t| t == "waterway charges"),
        "{topics_after:?}"
    );
    let seeded: Vec<&Value> = configured["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .filter(|t| t["seeded"] == true)
        .collect();
    assert_eq!(seeded.len(), 1, "{}", configured["topics"]);
    assert_eq!(seeded[0]["name"], "waterway charges");
    // Her private line now faces her public line on the seeded topic.
    assert!(
        configured["divergences"]
            .as_array()
            .expect("divergences")
            .iter()
            .any(|d| d["side"] == "Velmark" && d["topic"] == "waterway charges"),
        "{}",
        configured["divergences"]
    );
}

#[test]
fn analyze_bad_toml_is_a_usage_error_naming_the_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let tolls = write(dir, "tolls.txt", TOLLS);
    let broken = write(
        dir,
        "broken-actors.toml",
        "[[actor]\nname = \"Tessaly Quorn\"\n",
    );
    let wrong_type = write(
        dir,
        "wrong-topics.toml",
        "[[topic]]\nname = \"tolls\"\nterms = 3\n",
    );
    let missing = dir.join("missing-topics.toml");
    for (flag, path) in [
        ("--actors", &broken),
        ("--topics", &wrong_type),
        ("--topics", &missing),
    ] {
        let out = run([
            "analyze".as_ref(),
            tolls.as_os_str(),
            flag.as_ref(),
            path.as_os_str(),
        ]);
        assert_eq!(code(&out), 2, "{flag} {}: {}", path.display(), stderr(&out));
        assert!(out.stdout.is_empty());
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(stderr(&out).contains(name), "{}", stderr(&out));
        assert!(stderr(&out).contains(flag), "{}", stderr(&out));
    }
}

fn stats(db: &Path) -> Map<String, Value> {
    let out = run([
        "stats".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "--json".as_ref(),
    ]);
    match serde_json::from_str(&ok(&out)).expect("stats JSON") {
        Value::Object(map) => map,
        other => panic!("stats is not an object: {other}"),
    }
}

fn search(db: &Path, query: &str, extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "search".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        query.as_ref(),
        "--json".as_ref(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    run(args)
}

#[test]
fn store_ingest_stats_and_search() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let inputs = dir.join("in");
    write(&inputs, "tolls.txt", TOLLS);
    write(&inputs, "accents.txt", ACCENTS);
    write(
        &inputs,
        "wire.jsonl",
        WIRE.replace("{this is not json\n", ""),
    );
    let db = dir.join("corpus.db");

    let out = run(["stats".as_ref(), "--db".as_ref(), db.as_os_str()]);
    assert_eq!(code(&out), 2, "no database yet");
    assert!(
        stderr(&out).contains("no such database"),
        "{}",
        stderr(&out)
    );

    let ingest = || {
        run([
            "ingest".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            inputs.as_os_str(),
        ])
    };
    let out = ingest();
    ok(&out);
    assert!(
        stderr(&out).contains("4 documents added"),
        "{}",
        stderr(&out)
    );
    let first = stats(&db);
    assert_eq!(first["documents"], 4);
    let extracted: u64 = json_lines(&ok(&run(["extract".as_ref(), inputs.as_os_str()])))
        .iter()
        .map(|l| l["statements"].as_array().map_or(0, Vec::len) as u64)
        .sum();
    assert_eq!(first["statements"], extracted);
    let analysed = num(&first["public"]) + num(&first["private"]) + num(&first["unknown"]);
    assert_eq!(analysed, extracted);
    assert!(num(&first["private"]) >= 1, "{first:?}");
    assert_eq!(first["outlets"], 2);

    // The same inputs again add nothing.
    let out = ingest();
    ok(&out);
    assert!(
        stderr(&out).contains("0 documents added, 4 already stored"),
        "{}",
        stderr(&out)
    );
    let mut again = stats(&db);
    let mut before = first.clone();
    // The file size may change as SQLite checkpoints its log; counts may not.
    again.remove("db_bytes");
    before.remove("db_bytes");
    assert_eq!(again, before);

    // A phrase, in statements and articles.
    let hits = json_lines(&ok(&search(&db, "\"canal tolls\"", &[])));
    assert!(hits.iter().any(|h| h["kind"] == "statement"
        && h["document"] == "tolls"
        && h["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("never lower the canal tolls"))));
    assert!(hits
        .iter()
        .any(|h| h["kind"] == "article" && h["document"] == "tolls"));
    for h in &hits {
        let snippet = h["snippet"].as_str().expect("snippet");
        for range in h["highlights"].as_array().expect("highlights") {
            let (a, b) = (num(&range[0]) as usize, num(&range[1]) as usize);
            let marked = snippet.get(a..b).expect("highlight on char boundaries");
            assert!(
                marked.eq_ignore_ascii_case("canal")
                    || marked.eq_ignore_ascii_case("tolls")
                    || marked.eq_ignore_ascii_case("canal tolls"),
                "{marked:?}"
            );
        }
    }
    // Only the anonymous official's line is private.
    let private = json_lines(&ok(&search(
        &db,
        "\"canal tolls\"",
        &["--channel", "private"],
    )));
    assert!(!private.is_empty());
    for h in &private {
        assert_eq!(h["kind"], "statement");
        assert_eq!(h["channel"], "private");
    }
    assert!(private.len() < hits.len());
    // Dates filter documents; the tolls article is from May 2031.
    let later = json_lines(&ok(&search(&db, "tolls", &["--since", "2031-06-01"])));
    assert!(later.iter().all(|h| h["document"] != "tolls"), "{later:?}");
    let earlier = json_lines(&ok(&search(&db, "tolls", &["--until", "2031-05-31"])));
    assert!(earlier.iter().any(|h| h["document"] == "tolls"));

    let out = search(&db, "tolls", &["--since", "2031-13-45"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--since"), "{}", stderr(&out));
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
    let out = search(&db, "tolls", &["--since", "last tuesday"]);
    assert_eq!(code(&out), 2);

    for bad in ["\"canal AND (", "tolls NOT", "AND"] {
        let out = search(&db, bad, &[]);
        assert_eq!(code(&out), 2, "{bad:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.starts_with("backchannel: error:"), "{bad:?}: {err}");
        assert!(!err.contains("panicked"), "{bad:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn ingest_stores_the_readable_documents_and_exits_1_for_the_rest() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let wire = write(dir, "wire.jsonl", WIRE);
    let empty = write(dir, "empty.txt", "");
    let db = dir.join("corpus.db");
    let out = run([
        "ingest".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        wire.as_os_str(),
        empty.as_os_str(),
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("wire.jsonl:2"), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
    assert!(err.contains("2 documents read, 2 failed"), "{err}");
    assert!(err.contains("2 documents added"), "{err}");
    assert_eq!(stats(&db)["documents"], 2);

    // Statement hits only, and nothing from another outlet.
    let hits = json_lines(&ok(&search(
        &db,
        "tariff",
        &["--only", "statements", "--outlet", "Dravia Wire"],
    )));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["statement"], "wire-3#1");
    let none = json_lines(&ok(&search(
        &db,
        "tariff",
        &["--outlet", "The Harbour Gazette"],
    )));
    assert!(none.is_empty(), "{none:?}");

    let out = search(&dir.join("absent.db"), "tariff", &[]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no such database"),
        "{}",
        stderr(&out)
    );
}

/// Runs the binary with its stdout a pipe whose reading end is already
/// closed, as `backchannel ... | head -0` does.
fn run_into_closed_pipe(args: &[&std::ffi::OsStr]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run backchannel")
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("corpus.db");
    let corpus = sample_corpus();
    ok(&run([
        "ingest".as_ref(),
        "--quiet".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        corpus.as_os_str(),
    ]));
    for args in [
        vec!["text".as_ref(), corpus.as_os_str()],
        vec!["extract".as_ref(), corpus.as_os_str()],
        vec!["analyze".as_ref(), corpus.as_os_str()],
        vec![
            "analyze".as_ref(),
            "--format".as_ref(),
            "html".as_ref(),
            corpus.as_os_str(),
        ],
        vec![
            "search".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            "talks".as_ref(),
        ],
        vec![
            "stats".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            "--json".as_ref(),
        ],
    ] {
        let out = run_into_closed_pipe(&args);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(code(&out), 0, "{args:?}: {err}");
    }
}

/// The same documents in any order, in any run, give the same divergences
/// (hash-map order and input order must not leak into the analysis).
#[test]
fn analysis_does_not_depend_on_document_order_or_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = ok(&run([
        "text".as_ref(),
        "--quiet".as_ref(),
        "--json".as_ref(),
        sample_corpus().as_os_str(),
    ]));
    let forward = tmp.path().join("forward.jsonl");
    let reversed = tmp.path().join("reversed.jsonl");
    std::fs::write(&forward, &docs).expect("write");
    let mut lines: Vec<&str> = docs.lines().collect();
    lines.reverse();
    std::fs::write(&reversed, lines.join("\n") + "\n").expect("write");
    let divergences = |path: &std::path::Path| -> Vec<String> {
        let out = ok(&run([
            "analyze".as_ref(),
            "--quiet".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            path.as_os_str(),
        ]));
        let value: serde_json::Value = serde_json::from_str(&out).expect("json");
        let mut keys: Vec<String> = value["divergences"]
            .as_array()
            .expect("divergences")
            .iter()
            .map(|d| {
                let mut private: Vec<&str> = d["private"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                    .collect();
                let mut public: Vec<&str> = d["public"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                    .collect();
                private.sort_unstable();
                public.sort_unstable();
                format!(
                    "{} | {} | {:?} | {:?} | {:.6}",
                    d["side"],
                    d["topic"],
                    private,
                    public,
                    d["score"].as_f64().unwrap_or(-1.0)
                )
            })
            .collect();
        keys.sort();
        keys
    };
    let first = divergences(&forward);
    assert!(!first.is_empty(), "the sample corpus has divergences");
    assert_eq!(first, divergences(&forward), "a second run differs");
    assert_eq!(first, divergences(&reversed), "reversed input differs");
}
