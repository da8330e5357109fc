//! The printers on hand-built analyses of invented news about invented
//! countries (Ostland, Drevania). Texts use curly quotes and accents so that
//! byte offsets and code-point offsets differ.

use backchannel_core::{
    Analysis, AnalyzedStatement, Channel, Divergence, Document, DocumentError, Drift, Evidence,
    Form, Origin, PrivateOnly, Rendering, Signal, Span, Speaker, SpeakerProfile, Statement, Topic,
};
use backchannel_report::*;
use serde_json::Value;
use std::collections::BTreeSet;

const HERALD: &str = "Grain talks stall in Vëlika\n\n\
“Ostland will never lift the export quota,” Foreign Minister Ilse Petrová said on Tuesday.\n\n\
But an Ostland official familiar with the talks, who spoke on condition of anonymity, \
said the government was ready to drop the quota “if Drevania pays, quietly.”";

const POST: &str = "Petrová digs in\n\n\
Ostland “will not lift the export quota,” Petrová told reporters in Sérac.\n\n\
Drevanian diplomats said privately that their capital would accept a smaller quota.";

fn span(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    Span::new(start, start + needle.len())
}

/// The code-point slice `start..end` of `text`, the way Python slices.
fn char_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

struct StatementSpec<'a> {
    doc: usize,
    n: usize,
    content: &'a str,
    form: Form,
    cue: Option<&'a str>,
    speaker: Option<(&'a str, &'a str)>,
    profile: Option<(bool, bool, bool)>,
    side: Option<&'a str>,
    channel: Channel,
    evidence: Option<(&'a str, &'a str)>,
    topics: &'a [&'a str],
}

fn analyzed(docs: &[Document], spec: StatementSpec<'_>) -> AnalyzedStatement {
    let doc = &docs[spec.doc];
    let text = &doc.text;
    let content = span(text, spec.content);
    let speaker = spec.speaker.map(|(surface, name)| Speaker {
        span: span(text, surface),
        name: name.to_string(),
        antecedent: None,
    });
    AnalyzedStatement {
        id: format!("{}#{}", doc.id, spec.n),
        document: spec.doc,
        statement: Statement {
            span: content,
            fragments: vec![content],
            form: spec.form,
            cue: spec.cue.map(|c| span(text, c)),
            speaker: speaker.clone(),
        },
        text: spec.content.to_string(),
        speaker: match (spec.speaker, spec.profile) {
            (Some((surface, name)), Some((anonymous, official, former))) => Some(SpeakerProfile {
                text: surface.to_string(),
                name: name.to_string(),
                anonymous,
                official,
                former,
            }),
            _ => None,
        },
        side: spec.side.map(str::to_string),
        channel: spec.channel,
        evidence: spec
            .evidence
            .map(|(phrase, rule)| Evidence {
                phrase: phrase.to_string(),
                span: Some(span(text, phrase)),
                rule: rule.to_string(),
            })
            .into_iter()
            .collect(),
        topics: spec.topics.iter().map(|t| t.to_string()).collect(),
    }
}

fn fixture() -> (Analysis, Vec<Document>) {
    let docs = vec![
        Document {
            id: "herald-1".into(),
            title: Some("Grain talks stall in Vëlika".into()),
            outlet: Some("The Valley Herald".into()),
            date: Some("2031-04-02".into()),
            url: Some("https://herald.example/grain".into()),
            text: HERALD.into(),
            ..Default::default()
        },
        Document {
            id: "post-7".into(),
            title: Some("Petrová digs in".into()),
            outlet: Some("Drevania Post, evening edition".into()),
            date: Some("2031-04-03".into()),
            url: None,
            text: POST.into(),
            ..Default::default()
        },
    ];
    let statements = vec![
        analyzed(
            &docs,
            StatementSpec {
                doc: 0,
                n: 1,
                content: "“Ostland will never lift the export quota,”",
                form: Form::Direct,
                cue: Some("said"),
                speaker: Some((
                    "Foreign Minister Ilse Petrová",
                    "Foreign Minister Ilse Petrová",
                )),
                profile: Some((false, true, false)),
                side: Some("Ostland"),
                channel: Channel::Public,
                evidence: Some(("Foreign Minister", "named-official")),
                topics: &["export quota"],
            },
        ),
        analyzed(
            &docs,
            StatementSpec {
                doc: 0,
                n: 2,
                content: "the government was ready to drop the quota “if Drevania pays, quietly.”",
                form: Form::Mixed,
                cue: Some("said the"),
                speaker: Some((
                    "an Ostland official familiar with the talks",
                    "an Ostland official familiar with the talks",
                )),
                profile: Some((true, true, false)),
                side: Some("Ostland"),
                channel: Channel::Private,
                evidence: Some(("spoke on condition of anonymity", "anonymous-source")),
                topics: &["export quota"],
            },
        ),
        analyzed(
            &docs,
            StatementSpec {
                doc: 1,
                n: 1,
                content: "“will not lift the export quota,”",
                form: Form::Partial,
                cue: Some("told"),
                speaker: Some(("Petrová told", "Foreign Minister Ilse Petrová")),
                profile: None,
                side: Some("Ostland"),
                channel: Channel::Public,
                evidence: None,
                topics: &["export quota"],
            },
        ),
        analyzed(
            &docs,
            StatementSpec {
                doc: 1,
                n: 2,
                content: "their capital would accept a smaller quota",
                form: Form::Indirect,
                cue: Some("said privately"),
                speaker: Some(("Drevanian diplomats", "Drevanian diplomats")),
                profile: Some((true, true, false)),
                side: Some("Drevania"),
                channel: Channel::Private,
                evidence: Some(("privately", "closed-meeting")),
                topics: &["export quota", "compensation"],
            },
        ),
    ];
    // The speaker span of post-7#1 is the name only.
    let mut statements = statements;
    if let Some(sp) = statements[2].statement.speaker.as_mut() {
        sp.span = span(POST, "Petrová told");
        sp.span.end -= " told".len();
    }
    let analysis = Analysis {
        documents: docs.iter().map(Document::meta).collect(),
        statements,
        topics: vec![
            Topic {
                name: "export quota".into(),
                terms: vec!["quota".into(), "export".into()],
                seeded: false,
            },
            Topic { name: "compensation".into(), terms: vec!["pays".into()], seeded: true },
        ],
        divergences: vec![
            Divergence {
                side: "Ostland".into(),
                topic: "minor wording".into(),
                private: vec!["herald-1#2".into()],
                public: vec!["post-7#1".into()],
                score: 0.2,
                explanation: "Weak: both mention the quota.".into(),
                signals: vec![],
            },
            Divergence {
                side: "Ostland".into(),
                topic: "export quota".into(),
                private: vec!["herald-1#2".into()],
                public: vec!["herald-1#1".into(), "post-7#1".into()],
                score: 0.85,
                explanation: "In private Ostland is “ready to drop” the quota; in public it “will never lift” it."
                    .into(),
                signals: vec![Signal {
                    kind: "willingness-vs-refusal".into(),
                    weight: 0.85,
                    private: ("herald-1#2".into(), "ready to".into()),
                    public: ("herald-1#1".into(), "will never".into()),
                }],
            },
        ],
        private_only: vec![PrivateOnly {
            side: "Drevania".into(),
            topic: "compensation".into(),
            private: vec!["post-7#2".into()],
        }],
        drift: vec![Drift {
            a: Rendering {
                document: 0,
                span: span(HERALD, "“Ostland will never lift the export quota,”"),
                text: "“Ostland will never lift the export quota,”".into(),
                outlet: Some("The Valley Herald".into()),
            },
            b: Rendering {
                document: 1,
                span: span(POST, "Ostland “will not lift the export quota,”"),
                text: "Ostland “will not lift the export quota,”".into(),
                outlet: Some("Drevania Post, evening edition".into()),
            },
            similarity: 0.71,
            diff: "[-“Ostland-]{+Ostland “+} will [-never-]{+not+} lift the export quota,”".into(),
        }],
        failures: vec![DocumentError {
            origin: Origin::at_line("feeds/ostland.jsonl", 12),
            id: Some("broken-3".into()),
            reason: "field \"text\" is not a string".into(),
        }],
    };
    (analysis, docs)
}

fn render(analysis: &Analysis, docs: &[Document], format: Format) -> String {
    let mut out = Vec::new();
    write_analysis(&mut out, analysis, docs, format).expect("printer failed");
    String::from_utf8(out).expect("printer wrote invalid UTF-8")
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

fn text_of<'a>(docs: &'a [Document], id: &str) -> &'a str {
    &docs
        .iter()
        .find(|d| d.id == id)
        .expect("known document")
        .text
}

fn assert_span_matches(docs: &[Document], doc_id: &str, obj: &Value) {
    let (start, end) = (obj["start"].as_u64().unwrap(), obj["end"].as_u64().unwrap());
    assert_eq!(
        obj["text"].as_str().unwrap(),
        char_slice(text_of(docs, doc_id), start, end),
        "{obj}"
    );
}

#[test]
fn json_has_the_documented_keys_and_code_point_offsets() {
    let (analysis, docs) = fixture();
    let out = render(&analysis, &docs, Format::Json);
    assert!(
        out.ends_with("}\n") && out.matches('\n').count() == 1,
        "one line: {out}"
    );
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(
        keys(&v),
        set(&[
            "documents",
            "statements",
            "topics",
            "divergences",
            "private_only",
            "drift",
            "failures"
        ])
    );

    let documents = v["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 2);
    assert_eq!(
        keys(&documents[0]),
        set(&["id", "title", "outlet", "date", "url"])
    );
    assert_eq!(documents[1]["url"], Value::Null);

    let statements = v["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 4);
    for s in statements {
        assert_eq!(
            keys(s),
            set(&[
                "id",
                "document",
                "start",
                "end",
                "text",
                "form",
                "speaker",
                "side",
                "channel",
                "evidence",
                "topics",
                "cue",
                "fragments"
            ])
        );
        let doc_id = s["document"].as_str().unwrap();
        assert_span_matches(&docs, doc_id, s);
        assert_span_matches(&docs, doc_id, &s["cue"]);
        for ev in s["evidence"].as_array().unwrap() {
            assert_eq!(keys(ev), set(&["phrase", "start", "end", "rule"]));
            let (a, b) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
            assert_eq!(
                ev["phrase"].as_str().unwrap(),
                char_slice(text_of(&docs, doc_id), a, b)
            );
        }
        for f in s["fragments"].as_array().unwrap() {
            let pair = f.as_array().unwrap();
            assert_eq!(pair.len(), 2);
        }
        let sp = &s["speaker"];
        assert_eq!(
            keys(sp),
            set(&[
                "text",
                "name",
                "anonymous",
                "official",
                "former",
                "start",
                "end"
            ])
        );
        assert_span_matches(&docs, doc_id, sp);
    }

    // Offsets are code points, not bytes: the second statement sits after
    // curly quotes and accents.
    let private = &statements[1];
    assert_eq!(private["id"], "herald-1#2");
    let byte_start = HERALD.find("the government").unwrap() as u64;
    let char_start = HERALD[..byte_start as usize].chars().count() as u64;
    assert_ne!(byte_start, char_start);
    assert_eq!(private["start"].as_u64().unwrap(), char_start);
    assert_eq!(private["form"], "mixed");
    assert_eq!(private["channel"], "private");
    assert_eq!(private["side"], "Ostland");
    assert_eq!(private["speaker"]["anonymous"], true);
    assert_eq!(private["evidence"][0]["rule"], "anonymous-source");
    assert_eq!(private["topics"], serde_json::json!(["export quota"]));
    assert_eq!(private["fragments"][0][0].as_u64().unwrap(), char_start);

    // A speaker the analysis did not profile keeps the extractor's name.
    let unprofiled = &statements[2]["speaker"];
    assert_eq!(unprofiled["text"], "Petrová");
    assert_eq!(unprofiled["name"], "Foreign Minister Ilse Petrová");
    assert_eq!(unprofiled["anonymous"], false);

    let topics = v["topics"].as_array().unwrap();
    assert_eq!(keys(&topics[0]), set(&["name", "terms", "seeded"]));
    assert_eq!(topics[1]["seeded"], true);

    let divergences = v["divergences"].as_array().unwrap();
    assert_eq!(divergences.len(), 2);
    let d = &divergences[1];
    assert_eq!(
        keys(d),
        set(&[
            "side",
            "topic",
            "private",
            "public",
            "score",
            "explanation",
            "signals"
        ])
    );
    assert_eq!(d["public"], serde_json::json!(["herald-1#1", "post-7#1"]));
    assert_eq!(d["score"].as_f64().unwrap(), 0.85);
    let signal = &d["signals"][0];
    assert_eq!(keys(signal), set(&["kind", "weight", "private", "public"]));
    assert_eq!(
        signal["private"],
        serde_json::json!({"statement": "herald-1#2", "cue": "ready to"})
    );

    let po = &v["private_only"][0];
    assert_eq!(keys(po), set(&["side", "topic", "private"]));
    assert_eq!(po["private"], serde_json::json!(["post-7#2"]));

    let drift = &v["drift"][0];
    assert_eq!(keys(drift), set(&["a", "b", "similarity", "diff"]));
    for (key, doc_id) in [("a", "herald-1"), ("b", "post-7")] {
        let r = &drift[key];
        assert_eq!(
            keys(r),
            set(&["document", "start", "end", "text", "outlet"])
        );
        assert_eq!(r["document"], doc_id);
        assert_span_matches(&docs, doc_id, r);
    }

    let failure = &v["failures"][0];
    assert_eq!(keys(failure), set(&["id", "origin", "reason"]));
    assert_eq!(failure["origin"], "feeds/ostland.jsonl:12");
}

#[test]
fn json_writes_null_for_scores_that_are_not_numbers() {
    let (mut analysis, docs) = fixture();
    analysis.divergences[0].score = f64::NAN;
    let v: Value = serde_json::from_str(&render(&analysis, &docs, Format::Json)).unwrap();
    assert_eq!(v["divergences"][0]["score"], Value::Null);
}

#[test]
fn statements_jsonl_repeats_the_json_statements_with_outlet_and_date() {
    let (analysis, docs) = fixture();
    let full: Value = serde_json::from_str(&render(&analysis, &docs, Format::Json)).unwrap();
    let mut out = Vec::new();
    write_statements_jsonl(&mut out, &analysis, &docs).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    for (line, expected) in lines.iter().zip(full["statements"].as_array().unwrap()) {
        let mut line = line.clone();
        let obj = line.as_object_mut().unwrap();
        let outlet = obj.remove("outlet").unwrap();
        let date = obj.remove("date").unwrap();
        assert_eq!(&line, expected);
        let doc = docs.iter().find(|d| d.id == expected["document"]).unwrap();
        assert_eq!(outlet.as_str(), doc.outlet.as_deref());
        assert_eq!(date.as_str(), doc.date.as_deref());
    }
}

/// A small RFC 4180 reader, to check the writer's quoting from the outside.
fn parse_csv(input: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && row.is_empty(),
        "last row not terminated by CRLF"
    );
    rows
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let (mut analysis, mut docs) = fixture();
    // A statement whose text holds a comma, straight quotes and a newline.
    let extra = "\n\nShe said \"no, not now\nnor later\" twice.";
    docs[1].text.push_str(extra);
    let content = "\"no, not now\nnor later\"";
    let sp = span(&docs[1].text, content);
    let mut s = analysis.statements[3].clone();
    s.id = "post-7#3".into();
    s.statement.span = sp;
    s.statement.fragments = vec![sp];
    s.statement.cue = None;
    s.statement.speaker = None;
    s.speaker = None;
    s.evidence.clear();
    s.side = None;
    analysis.statements.push(s);

    let mut out = Vec::new();
    write_statements_csv(&mut out, &analysis, &docs).unwrap();
    let out = String::from_utf8(out).unwrap();
    let rows = parse_csv(&out);
    assert_eq!(rows.len(), 1 + analysis.statements.len());
    assert_eq!(
        rows[0],
        STATEMENT_CSV_COLUMNS
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
    );
    for row in &rows {
        assert_eq!(row.len(), STATEMENT_CSV_COLUMNS.len(), "{row:?}");
    }
    let last = rows.last().unwrap();
    assert_eq!(last[0], "post-7#3");
    assert_eq!(last[2], "Drevania Post, evening edition");
    assert_eq!(last[6], "");
    assert_eq!(last[8], "");
    assert_eq!(last[11], content);
    let start: u64 = last[4].parse().unwrap();
    let end: u64 = last[5].parse().unwrap();
    assert_eq!(char_slice(&docs[1].text, start, end), content);
    assert_eq!(rows[4][10], "export quota; compensation");
    assert_eq!(rows[1][8], "Foreign Minister Ilse Petrová");
}

#[test]
fn text_report_ranks_divergences_and_explains_them() {
    let (analysis, docs) = fixture();
    let out = render(&analysis, &docs, Format::Text(TextOptions { color: false }));
    assert!(!out.contains('\x1b'), "no colour asked for");
    let strong = out
        .find("Ostland · export quota")
        .expect("strong divergence listed");
    let weak = out
        .find("Ostland · minor wording")
        .expect("weak divergence listed");
    assert!(strong < weak, "ranked by score:\n{out}");
    assert!(out.contains("score 0.85"));
    assert!(out.contains(&analysis.divergences[1].explanation));
    assert!(out.contains("“if Drevania pays, quietly.”"));
    assert!(out.contains("an Ostland official familiar with the talks (anonymous, official)"));
    assert!(out.contains("The Valley Herald, 2031-04-02"));
    assert!(out.contains("Private only (1)"));
    assert!(
        out.contains("will [-never-]{+not+} lift"),
        "word diff shown:\n{out}"
    );
    assert!(out.contains("statements  4 (2 private, 2 public, 0 unknown)"));
    assert!(out.contains("failed feeds/ostland.jsonl:12: field \"text\" is not a string"));

    let colored = render(&analysis, &docs, Format::Text(TextOptions { color: true }));
    assert!(
        colored.contains("\x1b[1;33mprivate"),
        "private lines coloured"
    );
}

#[test]
fn text_report_escapes_terminal_control_sequences() {
    let (mut analysis, docs) = fixture();
    analysis.divergences[1].explanation = "clear\x1b[2Jscreen".into();
    let out = render(&analysis, &docs, Format::Text(TextOptions { color: true }));
    assert!(out.contains("clear\\u{1b}[2Jscreen"));
    assert!(!out.contains("\x1b[2J"));
}

#[test]
fn markdown_report_has_tables_explanations_and_sides() {
    let (mut analysis, docs) = fixture();
    analysis.divergences[0].explanation = "Pipes | and <b>tags</b> stay text.".into();
    let out = render(&analysis, &docs, Format::Markdown);
    assert!(out.starts_with("# Backchannel report\n"));
    let strong = out
        .find("### 1. Ostland — export quota (score 0.85)")
        .expect("ranked first");
    let weak = out
        .find("### 2. Ostland — minor wording (score 0.20)")
        .expect("ranked second");
    assert!(strong < weak);
    assert!(out.contains("| Private | Public |\n|---|---|\n"));
    // Two public statements against one private: the second row's private cell is empty.
    let table_rows: Vec<&str> = out[strong..weak]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.contains("Private |"))
        .collect();
    assert_eq!(table_rows.len(), 2, "{table_rows:?}");
    assert!(table_rows[1].starts_with("|  | "), "{}", table_rows[1]);
    assert!(out.contains(&format!("**Why:** {}", analysis.divergences[1].explanation)));
    assert!(out.contains("Pipes \\| and \\<b\\>tags\\</b\\> stay text."));
    assert!(out.contains("## Private only\n\n### Drevania — compensation"));
    assert!(out.contains("will ~~never~~**not** lift"));
    assert!(out.contains("### Ostland\n"));
    assert!(out.contains("### Drevania\n"));
    assert!(out.contains("## Failed documents"));
}

fn hostile_fixture() -> (Analysis, Vec<Document>) {
    let (mut analysis, mut docs) = fixture();
    let evil = "<script>alert('x')</script>";
    // Hostile text in the article itself (inside and outside statements).
    let prefix = format!("{evil} ");
    let shift = prefix.len();
    docs[0].text = format!("{prefix}{}", docs[0].text);
    for s in analysis.statements.iter_mut().filter(|s| s.document == 0) {
        let move_span = |sp: &mut Span| {
            sp.start += shift;
            sp.end += shift;
        };
        move_span(&mut s.statement.span);
        s.statement.fragments.iter_mut().for_each(move_span);
        if let Some(c) = s.statement.cue.as_mut() {
            move_span(c);
        }
        if let Some(sp) = s.statement.speaker.as_mut() {
            move_span(&mut sp.span);
        }
        for ev in &mut s.evidence {
            if let Some(sp) = ev.span.as_mut() {
                move_span(sp);
            }
        }
    }
    analysis.drift[0].a.span.start += shift;
    analysis.drift[0].a.span.end += shift;
    // A statement whose quote holds markup.
    docs[1]
        .text
        .push_str(&format!("\n\nA leak read “{evil}” in full."));
    let quote = format!("“{evil}”");
    let sp = span(&docs[1].text, &quote);
    let mut leak = analysis.statements[3].clone();
    leak.id = format!("post-7#{evil}\"");
    leak.statement.span = sp;
    leak.statement.fragments = vec![sp];
    leak.statement.cue = None;
    leak.evidence = vec![Evidence {
        phrase: evil.into(),
        span: None,
        rule: evil.into(),
    }];
    leak.side = Some(evil.into());
    analysis.statements.push(leak.clone());
    analysis.divergences[1].private.push(leak.id.clone());
    analysis.divergences[1].side = evil.into();
    analysis.divergences[1].topic = evil.into();
    analysis.divergences[1].explanation = format!("because {evil}");

    for (doc, meta) in docs.iter_mut().zip(analysis.documents.iter_mut()) {
        doc.title = Some(format!("{evil} title"));
        doc.outlet = Some(format!("{evil} outlet"));
        meta.title = doc.title.clone();
        meta.outlet = doc.outlet.clone();
    }
    docs[1].url = Some("javascript:alert(1)".into());
    analysis.documents[1].url = docs[1].url.clone();
    (analysis, docs)
}

/// Every `href="#x"` and every `id="x"` in a page.
fn anchors(page: &str) -> (Vec<String>, BTreeSet<String>) {
    let grab = |marker: &str| -> Vec<String> {
        page.match_indices(marker)
            .map(|(i, _)| {
                let rest = &page[i + marker.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .collect()
    };
    let ids = grab(" id=\"");
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    (grab("href=\"#"), unique)
}

#[test]
fn html_escapes_hostile_text_everywhere() {
    let (analysis, docs) = hostile_fixture();
    let page = render(&analysis, &docs, Format::Html);
    assert!(
        !page.to_lowercase().contains("<script"),
        "raw script tag in page"
    );
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; title"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; outlet"));
    assert!(page.contains("“&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;”"));
    assert!(page.contains("because &lt;script&gt;"));
    assert!(!page.contains("javascript:"), "non-web URLs are not linked");
    assert!(page.contains("href=\"https://herald.example/grain\""));
    // Self-contained: no external assets, no script at all.
    for needle in ["<link", " src=", "@import", "url("] {
        assert!(!page.contains(needle), "page loads something: {needle}");
    }
    // The hostile statement id is percent-encoded in its anchor and link.
    let anchor = fragment_id("s-", "post-7#<script>alert('x')</script>\"");
    assert!(anchor
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.%".contains(c)));
    assert!(page.contains(&format!("href=\"#{anchor}\"")));
    assert!(page.contains(&format!("id=\"{anchor}\"")));
}

#[test]
fn html_shows_divergences_side_by_side_with_working_anchors() {
    let (analysis, docs) = fixture();
    let page = render(&analysis, &docs, Format::Html);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.trim_end().ends_with("</html>"));
    // Each divergence: a private and a public column in one grid.
    assert_eq!(
        page.matches("<div class=\"cols\">").count(),
        2 + analysis.drift.len()
    );
    assert_eq!(page.matches("<div class=\"col private\">").count(), 2);
    assert_eq!(page.matches("<div class=\"col public\">").count(), 2);
    let strong = page.find("id=\"div-1\"").unwrap();
    let private_col = strong + page[strong..].find("col private").unwrap();
    let public_col = strong + page[strong..].find("col public").unwrap();
    assert!(private_col < public_col);
    assert!(page[private_col..public_col].contains("if Drevania pays, quietly."));
    assert!(page[public_col..].contains("Ostland will never lift the export quota"));
    assert!(page.contains(&analysis.divergences[1].explanation));
    assert!(page.contains("<span class=\"tag\">anonymous</span>"));
    assert!(
        page.contains("Drevania Post, evening edition · <span class=\"nowrap\">2031-04-03</span>")
    );

    // Every in-page link resolves; every statement has its mark.
    let (links, ids) = anchors(&page);
    assert!(!links.is_empty());
    for link in &links {
        assert!(ids.contains(link), "dangling link #{link}");
    }
    for s in &analysis.statements {
        let mark = format!(
            "<mark class=\"{}\" id=\"{}\"",
            s.channel.as_str(),
            fragment_id("s-", &s.id)
        );
        let at = page
            .find(&mark)
            .unwrap_or_else(|| panic!("no mark for {}", s.id));
        let text = &docs[s.document].text[s.statement.span.range()];
        let after = &page[at..];
        let body = &after[after.find('>').unwrap() + 1..after.find("</mark>").unwrap()];
        let visible: String = strip_tags(body);
        assert_eq!(
            visible,
            escape_html(text),
            "mark of {} covers its text",
            s.id
        );
        let char_start = docs[s.document].text[..s.statement.span.start]
            .chars()
            .count();
        assert!(
            ids.contains(&format!("d-{}-{char_start}", s.document)),
            "position anchor of {}",
            s.id
        );
    }
    assert!(page.contains("mark:target"), "target highlighting");
    // Both texts open with their headline: shown once, as the bold first line.
    assert_eq!(page.matches("<div class=\"body lead\">").count(), 2);
    assert!(!page.contains("<h3>Grain talks stall in Vëlika</h3>"));
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn html_marks_overlapping_statements_once_with_anchors_for_each() {
    let (mut analysis, docs) = fixture();
    // A statement nested inside herald-1#2, and one starting at the same place.
    let inner = span(HERALD, "“if Drevania pays, quietly.”");
    let mut nested = analysis.statements[1].clone();
    nested.id = "herald-1#3".into();
    nested.statement.span = inner;
    nested.statement.fragments = vec![inner];
    nested.channel = Channel::Public;
    analysis.statements.push(nested);
    let mut twin = analysis.statements[1].clone();
    twin.id = "herald-1#4".into();
    analysis.statements.push(twin);

    let page = render(&analysis, &docs, Format::Html);
    let (links, ids) = anchors(&page);
    for link in &links {
        assert!(ids.contains(link), "dangling link #{link}");
    }
    for id in ["herald-1#2", "herald-1#3", "herald-1#4"] {
        assert!(ids.contains(&fragment_id("s-", id)), "anchor for {id}");
    }
    let mixed = page
        .find("<mark class=\"mixed\"")
        .expect("one mark for the cluster");
    let body = &page[mixed..mixed + page[mixed..].find("</mark>").unwrap()];
    assert!(!body[1..].contains("<mark"), "marks do not nest");
    assert!(strip_tags(body).contains("if Drevania pays, quietly."));
    assert_eq!(
        page.matches("<mark").count(),
        page.matches("</mark>").count()
    );
}

#[test]
fn printers_reject_spans_that_do_not_fit_their_document() {
    let (mut analysis, docs) = fixture();
    let quote = HERALD.find('“').unwrap();
    analysis.statements[0].statement.span = Span::new(quote + 1, quote + 4); // inside “
    for format in [
        Format::Json,
        Format::Html,
        Format::Markdown,
        Format::Text(TextOptions::default()),
    ] {
        let mut out = Vec::new();
        let err = write_analysis(&mut out, &analysis, &docs, format).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
        assert!(err.to_string().contains("herald-1#1"), "{err}");
        assert!(out.is_empty(), "nothing written before the error");
    }
    analysis.statements[0].statement.span = Span::new(0, HERALD.len() + 5);
    assert!(write_statements_csv(&mut Vec::new(), &analysis, &docs).is_err());

    let (analysis, docs) = fixture();
    let err = write_analysis(&mut Vec::new(), &analysis, &docs[..1], Format::Json).unwrap_err();
    assert!(err.to_string().contains("2 documents but 1"), "{err}");
    let reversed: Vec<Document> = docs.iter().rev().cloned().collect();
    let err = write_analysis(&mut Vec::new(), &analysis, &reversed, Format::Html).unwrap_err();
    assert!(err.to_string().contains("same order"), "{err}");
}

#[test]
fn empty_analysis_prints_every_format() {
    let analysis = Analysis::default();
    for name in Format::NAMES {
        let format: Format = name.parse().unwrap();
        let out = render(&analysis, &[], format);
        assert!(!out.is_empty(), "{name}");
    }
    assert!("yaml"
        .parse::<Format>()
        .unwrap_err()
        .contains("text, markdown, html, json"));
}

// ---- extract ---------------------------------------------------------------

fn extract_fixture() -> (Document, Vec<Statement>) {
    let (analysis, docs) = fixture();
    let statements = analysis
        .statements
        .iter()
        .filter(|s| s.document == 0)
        .map(|s| s.statement.clone())
        .collect();
    (docs[0].clone(), statements)
}

#[test]
fn extract_jsonl_has_the_documented_keys_and_code_point_offsets() {
    let (doc, statements) = extract_fixture();
    let mut out = Vec::new();
    write_extract_jsonl(&mut out, &doc, &statements).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(keys(&v), set(&["id", "statements", "error"]));
    assert_eq!(v["id"], "herald-1");
    assert_eq!(v["error"], Value::Null);
    let list = v["statements"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    for s in list {
        assert_eq!(
            keys(s),
            set(&[
                "start",
                "end",
                "text",
                "form",
                "cue",
                "speaker",
                "fragments"
            ])
        );
        assert_span_matches(std::slice::from_ref(&doc), "herald-1", s);
        assert_eq!(keys(&s["cue"]), set(&["start", "end", "text"]));
        assert_span_matches(std::slice::from_ref(&doc), "herald-1", &s["cue"]);
        assert_eq!(keys(&s["speaker"]), set(&["start", "end", "text", "name"]));
        assert_span_matches(std::slice::from_ref(&doc), "herald-1", &s["speaker"]);
    }
    assert_eq!(list[0]["form"], "direct");
    assert_eq!(
        list[1]["speaker"]["text"],
        "an Ostland official familiar with the talks"
    );
    let start = list[1]["start"].as_u64().unwrap();
    assert_eq!(
        list[1]["fragments"],
        serde_json::json!([[start, list[1]["end"]]])
    );
    assert_ne!(start as usize, HERALD.find("the government").unwrap());
}

#[test]
fn extract_error_line_names_the_origin() {
    let err = DocumentError {
        origin: Origin::at_line("in/drevania.jsonl", 7),
        id: None,
        reason: "invalid JSON at column 3".into(),
    };
    let mut out = Vec::new();
    write_extract_error_jsonl(&mut out, &err).unwrap();
    let v: Value = serde_json::from_str(std::str::from_utf8(&out).unwrap()).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"id": "in/drevania.jsonl:7", "statements": [],
                           "error": "in/drevania.jsonl:7: invalid JSON at column 3"})
    );
    let named = DocumentError {
        id: Some("post-9".into()),
        ..err
    };
    let mut out = Vec::new();
    write_extract_error_jsonl(&mut out, &named).unwrap();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["id"], "post-9");
}

#[test]
fn extract_text_lists_statements_like_ripgrep() {
    let (doc, statements) = extract_fixture();
    let mut out = Vec::new();
    write_extract_text(&mut out, &doc, &statements, false).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "herald-1 — Grain talks stall in Vëlika · The Valley Herald · 2031-04-02 (2 statements)"
    );
    assert_eq!(
        lines[1],
        "3:1 direct  Foreign Minister Ilse Petrová  cue: said"
    );
    assert_eq!(lines[2], "    “Ostland will never lift the export quota,”");
    let col = HERALD.lines().nth(4).unwrap();
    let col = col[..col.find("the government").unwrap()].chars().count() + 1;
    assert_eq!(
        lines[3],
        format!("5:{col} mixed  an Ostland official familiar with the talks  cue: said the")
    );
    assert!(!out.contains('\x1b'));

    let mut colored = Vec::new();
    write_extract_text(&mut colored, &doc, &statements, true).unwrap();
    let colored = String::from_utf8(colored).unwrap();
    assert!(colored.contains("\x1b[1;31msaid\x1b[0m"), "cue in colour");
}

#[test]
fn extract_text_shows_resolved_names_and_missing_speakers() {
    let (analysis, docs) = fixture();
    let mut statements: Vec<Statement> = analysis
        .statements
        .iter()
        .filter(|s| s.document == 1)
        .map(|s| s.statement.clone())
        .collect();
    statements[1].speaker = None;
    let mut out = Vec::new();
    write_extract_text(&mut out, &docs[1], &statements, false).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Petrová → Foreign Minister Ilse Petrová  cue: told"),
        "{out}"
    );
    assert!(out.contains("(no speaker)"));
}

#[test]
fn extract_printers_reject_bad_spans() {
    let (doc, mut statements) = extract_fixture();
    statements[0].cue = Some(Span::new(doc.text.len(), doc.text.len() + 1));
    let err = write_extract_jsonl(&mut Vec::new(), &doc, &statements).unwrap_err();
    assert!(err.to_string().contains("cue span"), "{err}");
    assert!(write_extract_text(&mut Vec::new(), &doc, &statements, false).is_err());
}

#[test]
fn document_lines_read_back_what_text_json_writes() {
    let (_, docs) = fixture();
    let line = serde_json::to_string(&docs[0]).unwrap();
    let doc = read_document_jsonl_line(&line).unwrap();
    assert_eq!(doc.id, docs[0].id);
    assert_eq!(doc.text, docs[0].text);
    assert_eq!(doc.outlet, docs[0].outlet);
    assert_eq!(doc.url, docs[0].url);
    // The title opens the text as its own paragraph: the headline is restored.
    assert_eq!(
        doc.headline.map(|h| h.slice(&doc.text)),
        Some("Grain talks stall in Vëlika")
    );

    let sparse = read_document_jsonl_line(r#"{"id":"d1","text":"Body only.","extra":3}"#).unwrap();
    assert_eq!(
        (sparse.title, sparse.outlet, sparse.date, sparse.url),
        (None, None, None, None)
    );
    assert_eq!(sparse.headline, None);
    let nulls = read_document_jsonl_line(
        r#"{"id":"d2","title":null,"outlet":null,"date":null,"url":null,"text":""}"#,
    )
    .unwrap();
    assert_eq!(nulls.text, "");

    for (line, expected) in [
        (r#"{"text":"x"}"#, "missing field \"id\""),
        (r#"{"id":"d3"}"#, "missing field \"text\""),
        (r#"{"id":"d4","text":5}"#, "not a document object"),
        (r#"["d5"]"#, "not a document object"),
        ("{\"id\":", "invalid JSON"),
        ("   ", "empty line"),
    ] {
        let err = read_document_jsonl_line(line).unwrap_err();
        assert!(err.contains(expected), "{line}: {err}");
    }
}

// ---- real text -------------------------------------------------------------

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/talking-to-russia.txt"
);

/// Quoted passages (straight or curly quotes) inside one paragraph.
fn quoted_passages(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (_, '\n') => open = None,
            (None, '"' | '“') => open = Some(i),
            (Some(start), '"' | '”') => {
                spans.push(Span::new(start, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

#[test]
fn real_article_offsets_and_anchors_hold() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping: seed article not found at {SEED}");
        return;
    };
    let doc = Document::from_text("seed", text);
    let spans = quoted_passages(&doc.text);
    assert!(spans.len() > 5, "the seed article quotes people");
    let statements: Vec<AnalyzedStatement> = spans
        .iter()
        .enumerate()
        .map(|(n, &span)| AnalyzedStatement {
            id: format!("seed#{}", n + 1),
            document: 0,
            statement: Statement {
                span,
                fragments: vec![span],
                form: Form::Direct,
                cue: None,
                speaker: None,
            },
            text: doc.text[span.range()].to_string(),
            speaker: None,
            side: None,
            channel: if n % 2 == 0 {
                Channel::Private
            } else {
                Channel::Public
            },
            evidence: Vec::new(),
            topics: Vec::new(),
        })
        .collect();
    let analysis = Analysis {
        documents: vec![doc.meta()],
        divergences: vec![Divergence {
            side: "either".into(),
            topic: "any".into(),
            private: vec![statements[0].id.clone()],
            public: vec![statements[1].id.clone()],
            score: 0.5,
            explanation: "paired for the test".into(),
            signals: Vec::new(),
        }],
        statements,
        ..Default::default()
    };
    let docs = [doc];
    let v: Value = serde_json::from_str(&render(&analysis, &docs, Format::Json)).unwrap();
    for s in v["statements"].as_array().unwrap() {
        assert_span_matches(&docs, "seed", s);
    }
    let page = render(&analysis, &docs, Format::Html);
    let (links, ids) = anchors(&page);
    for link in &links {
        assert!(ids.contains(link), "dangling link #{link}");
    }
    assert_eq!(
        page.matches("<mark").count(),
        page.matches("</mark>").count()
    );
    assert_eq!(
        page.matches("<mark class=").count(),
        analysis.statements.len() + 2,
        "one mark per statement plus the legend's private and public"
    );
}
