//! The Spark job of `examples/spark` in local mode: its divergences must
//! equal the single-process `analyze` output on the same documents.
//!
//! Skips (with a message) when pyspark or Java is not installed; `.ci/run`
//! installs pyspark so that CI runs it.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn spark_submit() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import os, pyspark; print(os.path.dirname(pyspark.__file__))",
        ])
        .output()
        .ok()?;
    if !out.status.success()
        || Command::new("java")
            .arg("-version")
            .output()
            .map_or(true, |o| !o.status.success())
    {
        return None;
    }
    let dir = String::from_utf8(out.stdout).ok()?;
    let submit = Path::new(dir.trim()).join("bin/spark-submit");
    submit.exists().then_some(submit)
}

/// (side, topic, private ids, public ids, score to 6 places) of every divergence.
type Key = (String, String, Vec<String>, Vec<String>, String);

fn key(d: &Value) -> Key {
    let ids = |v: &Value| {
        let mut ids: Vec<String> = v
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect();
        ids.sort();
        ids
    };
    (
        d["side"].as_str().unwrap_or_default().to_string(),
        d["topic"].as_str().unwrap_or_default().to_string(),
        ids(&d["private"]),
        ids(&d["public"]),
        format!("{:.6}", d["score"].as_f64().unwrap_or(f64::NAN)),
    )
}

#[test]
fn spark_job_matches_single_process_analysis() {
    let Some(submit) = spark_submit() else {
        eprintln!(
            "skipping: pyspark (pip install pyspark) and Java 17 are needed for the Spark test"
        );
        return;
    };
    let bin = env!("CARGO_BIN_EXE_backchannel");
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = tmp.path().join("docs.jsonl");
    let text = Command::new(bin)
        .args(["text", "--quiet", "--json"])
        .arg(repo().join("examples/corpus"))
        .output()
        .expect("run backchannel text");
    assert!(
        text.status.success(),
        "text failed: {}",
        String::from_utf8_lossy(&text.stderr)
    );
    std::fs::write(&docs, &text.stdout).expect("write docs");

    let single = Command::new(bin)
        .args(["analyze", "--quiet", "--format", "json"])
        .arg(&docs)
        .output()
        .expect("run backchannel analyze");
    assert!(
        single.status.success(),
        "analyze failed: {}",
        String::from_utf8_lossy(&single.stderr)
    );
    let single: Value = serde_json::from_slice(&single.stdout).expect("analyze json");
    let expected: BTreeSet<Key> = single["divergences"]
        .as_array()
        .expect("divergences")
        .iter()
        .map(key)
        .collect();
    assert!(
        !expected.is_empty(),
        "the sample corpus should have divergences"
    );

    let out = tmp.path().join("out");
    let job = Command::new(&submit)
        .args([
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--files",
            bin,
        ])
        .arg(repo().join("examples/spark/backchannel_job.py"))
        .arg("--input")
        .arg(&docs)
        .arg("--output")
        .arg(&out)
        .args(["--partitions", "3"])
        .output()
        .expect("run spark-submit");
    assert!(
        job.status.success(),
        "spark job failed:\n{}",
        String::from_utf8_lossy(&job.stderr)
    );
    let lines = std::fs::read_to_string(out.join("divergences.jsonl")).expect("divergences.jsonl");
    let got: BTreeSet<Key> = lines
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json line"))
        .filter(|v| v["kind"] == "divergence")
        .map(|v| key(&v))
        .collect();
    assert_eq!(got, expected);
    let groups = std::fs::read_to_string(out.join("groups.csv")).expect("groups.csv");
    assert!(groups.lines().count() > 1, "groups.csv has no groups");
}

#[test]
fn a_crashing_binary_fails_the_spark_job() {
    let Some(submit) = spark_submit() else {
        eprintln!("skipping: pyspark and Java 17 are needed for the Spark test");
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let fake = tmp.path().join("backchannel");
    std::fs::write(&fake, "#!/bin/sh\necho 'simulated crash' >&2\nexit 101\n")
        .expect("write fake binary");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let docs = tmp.path().join("docs.jsonl");
    std::fs::write(
        &docs,
        "{\"id\":\"a\",\"text\":\"Minister Olan Vesk said the talks were over.\"}\n",
    )
    .expect("write docs");
    let job = Command::new(&submit)
        .args([
            "--master",
            "local[1]",
            "--conf",
            "spark.ui.enabled=false",
            "--files",
        ])
        .arg(&fake)
        .arg(repo().join("examples/spark/backchannel_job.py"))
        .arg("--input")
        .arg(&docs)
        .arg("--output")
        .arg(tmp.path().join("out"))
        .output()
        .expect("run spark-submit");
    assert!(
        !job.status.success(),
        "a crashing stage must fail the job, not yield zero rows"
    );
    let stderr = String::from_utf8_lossy(&job.stderr);
    assert!(
        stderr.contains("status 101") || stderr.contains("simulated crash"),
        "the job failed, but not because of the crashing stage:\n{stderr}"
    );
}
