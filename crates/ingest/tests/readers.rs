//! Every reader on small invented fixtures, and every kind of bad input.

use backchannel_core::{Document, DocumentError};
use backchannel_ingest::{read_bytes, read_inputs, Format, JsonFields, ReadOptions};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

type Results = Vec<Result<Document, DocumentError>>;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn ok(results: &Results) -> Vec<&Document> {
    results.iter().filter_map(|r| r.as_ref().ok()).collect()
}

fn errors(results: &Results) -> Vec<String> {
    results
        .iter()
        .filter_map(|r| r.as_ref().err().map(ToString::to_string))
        .collect()
}

fn only_error(results: &Results) -> String {
    assert_eq!(results.len(), 1, "{results:?}");
    match &results[0] {
        Err(e) => e.to_string(),
        Ok(doc) => panic!("expected an error, got document {}", doc.id),
    }
}

const ARTICLE_HTML: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Vostra denies secret grain talks | The Harbour Gazette</title>
<meta property="og:title" content="Vostra denies secret grain talks">
<meta property="og:site_name" content="Harbour Gazette Online">
<meta property="article:published_time" content="2031-05-14T08:00:00Z">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Harbour Gazette"},
  {"@type": "NewsArticle", "headline": "Vostra denies secret grain talks with Keldor",
   "datePublished": "2031-05-14", "author": [{"@type": "Person", "name": "Ilse Marant"}],
   "publisher": {"@type": "Organization", "name": "The Harbour Gazette"}}
]}
</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Vostra denies secret grain talks with Keldor</h1>
<p>PORT ALDER &#8212; The government of Vostra on Tuesday denied that it had held secret talks with neighbouring Keldor about reopening the grain corridor, hours after a newspaper in the capital reported that envoys had met twice in a mountain town.</p>
<p>"There have been no talks, and there will be none while the border stays closed," foreign ministry spokesman Teodor Vale told reporters at a briefing in the capital.</p>
<p>But two officials familiar with the meetings, who spoke on condition of anonymity because they were not authorised to discuss them, said the envoys had agreed on a draft timetable for the first shipments and would meet again before the harvest.</p>
<p>One of the officials said the draft "was ready in all but the signatures", and that the minister had been briefed on every round of the discussions.</p>
</article>
<footer><p>Copyright 2031 The Harbour Gazette. All rights reserved. Contact us.</p></footer>
</body></html>
"#;

#[test]
fn html_page_gives_headline_body_and_metadata() {
    let results = read_bytes(
        "news/grain-talks.html",
        ARTICLE_HTML.as_bytes(),
        &ReadOptions::default(),
    );
    let docs = ok(&results);
    assert_eq!(docs.len(), 1, "{:?}", errors(&results));
    let doc = docs[0];
    assert_eq!(doc.id, "grain-talks");
    assert_eq!(
        doc.title.as_deref(),
        Some("Vostra denies secret grain talks with Keldor")
    );
    assert_eq!(doc.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(doc.date.as_deref(), Some("2031-05-14"));
    let headline = doc.headline.expect("headline span");
    assert_eq!(
        headline.slice(&doc.text),
        "Vostra denies secret grain talks with Keldor"
    );
    let body = &doc.text[headline.end..];
    assert!(
        body.starts_with("\n\nPORT ALDER \u{2014} The government of Vostra"),
        "{body}"
    );
    // The repeated <h1> is not kept as a body paragraph.
    assert_eq!(
        doc.text.matches("Vostra denies secret grain talks").count(),
        1
    );
    assert_eq!(body.trim().split("\n\n").count(), 4, "{body}");
    assert!(
        !doc.text.contains("Sport") && !doc.text.contains("Copyright"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("\"was ready in all but the signatures\""));
    assert_eq!(doc.origin.path, "news/grain-talks.html");
}

#[test]
fn html_charset_from_meta_and_detection() {
    let page = ARTICLE_HTML
        .replace("utf-8", "windows-1252")
        .replace("Marant", "Mar\u{e9}nt")
        .replace("Teodor", "T\u{e9}odor");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    assert!(std::str::from_utf8(&bytes).is_err());
    let results = read_bytes("a.html", &bytes, &ReadOptions::default());
    assert!(ok(&results)[0].text.contains("spokesman T\u{e9}odor Vale"));
    // No declaration at all: detected.
    let undeclared = page.replace("<meta charset=\"windows-1252\">", "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&undeclared);
    let results = read_bytes("a.html", &bytes, &ReadOptions::default());
    assert!(ok(&results)[0].text.contains("spokesman T\u{e9}odor Vale"));
}

#[test]
fn html_without_an_article_is_an_error() {
    let page =
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>";
    let message = only_error(&read_bytes(
        "menu.html",
        page.as_bytes(),
        &ReadOptions::default(),
    ));
    assert!(message.starts_with("menu.html: no article"), "{message}");
}

#[test]
fn plain_text_with_front_matter() {
    let raw = "---\ntitle: Keldor closes the pass\noutlet: Alder Post\ndate: 2031-06-01\n---\n\nKeldor closes the pass\n\nThe interior minister said the road would stay shut.\n";
    let results = read_bytes("dir/pass.txt", raw.as_bytes(), &ReadOptions::default());
    let doc = ok(&results)[0];
    assert_eq!(doc.id, "pass");
    assert_eq!(doc.outlet.as_deref(), Some("Alder Post"));
    assert_eq!(
        doc.text,
        "Keldor closes the pass\n\nThe interior minister said the road would stay shut.\n"
    );
    assert_eq!(
        doc.headline.map(|h| h.slice(&doc.text)),
        Some("Keldor closes the pass")
    );
}

#[test]
fn text_encodings_legacy_and_mixed() {
    let results = read_bytes(
        "old.txt",
        b"Minister R\xE9my Fal said \xABnever\xBB.",
        &ReadOptions::default(),
    );
    assert_eq!(
        ok(&results)[0].text,
        "Minister R\u{e9}my Fal said \u{ab}never\u{bb}."
    );
    let results = read_bytes(
        "mixed.txt",
        "\u{201c}Never,\u{201d} said R"
            .as_bytes()
            .iter()
            .chain(b"\xE9my.")
            .copied()
            .collect::<Vec<_>>()
            .as_slice(),
        &ReadOptions::default(),
    );
    assert_eq!(
        ok(&results)[0].text,
        "\u{201c}Never,\u{201d} said R\u{fffd}my."
    );
}

#[test]
fn jsonl_records_errors_ids_and_empty_text() {
    let jsonl = concat!(
        "{\"id\": \"k-1\", \"title\": \"Keldor vote\", \"outlet\": \"Alder Post\", \"date\": \"2031-01-02\", \"text\": \"Body one.\\u0003\"}\n",
        "\n",
        "{\"id\": \"k-1\", \"text\": \"Same id again.\"}\r\n",
        "{\"id\": \"k-3\", \"text\": \"unterminated}\n",
        "{\"title\": \"No id\", \"text\": \"\"}\n",
        "[\"not\", \"an\", \"object\"]\n",
        "{\"id\": \"k-6\", \"body\": \"wrong field\"}\n",
        "{\"id\": \"k-7\", \"text\": \"last\"}",
    );
    let results = read_bytes("wire.jsonl", jsonl.as_bytes(), &ReadOptions::default());
    assert_eq!(results.len(), 7);
    let docs = ok(&results);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["k-1", "k-1-2", "wire-5", "k-7"]);
    assert_eq!(docs[0].text, "Body one.\u{3}");
    assert_eq!(docs[0].origin.line, Some(1));
    assert_eq!(docs[2].text, "");
    let errors = errors(&results);
    assert_eq!(errors.len(), 3);
    assert!(
        errors[0].starts_with("wire.jsonl:4: invalid JSON"),
        "{}",
        errors[0]
    );
    assert_eq!(errors[1], "wire.jsonl:6: not a JSON object");
    assert_eq!(errors[2], "wire.jsonl:7: record has no `text` field");
}

#[test]
fn jsonl_field_mapping() {
    let opts = ReadOptions {
        json_fields: JsonFields::parse("text=body,outlet=source.name,id=uid").unwrap(),
        ..Default::default()
    };
    let line = br#"{"uid": "v-9", "body": "The envoy left.", "source": {"name": "Keldor Radio"}}"#;
    let results = read_bytes("feed.jsonl", line, &opts);
    let doc = ok(&results)[0];
    assert_eq!(
        (doc.id.as_str(), doc.text.as_str(), doc.outlet.as_deref()),
        ("v-9", "The envoy left.", Some("Keldor Radio"))
    );
}

#[test]
fn invalid_utf8_jsonl_line_is_an_error_for_that_line() {
    let data = b"{\"id\": \"a\", \"text\": \"caf\xE9\"}\n{\"id\": \"b\", \"text\": \"fine\"}\n";
    let results = read_bytes("x.jsonl", data, &ReadOptions::default());
    assert_eq!(errors(&results), ["x.jsonl:1: not valid UTF-8 (byte 25)"]);
    assert_eq!(ok(&results)[0].id, "b");
}

#[test]
fn multi_member_gzip_and_magic_bytes() {
    let mut data = gzip(b"{\"id\": \"m1\", \"text\": \"first member\"}\n");
    data.extend(gzip(b"{\"id\": \"m2\", \"text\": \"second member\"}\n"));
    let results = read_bytes("two.jsonl.gz", &data, &ReadOptions::default());
    let ids: Vec<&str> = ok(&results).iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["m1", "m2"]);
    // Gzip found by its magic bytes, the format by the name under it.
    let results = read_bytes(
        "plain.txt",
        &gzip(b"Zipped words about Keldor."),
        &ReadOptions::default(),
    );
    assert_eq!(ok(&results)[0].text, "Zipped words about Keldor.");
}

#[test]
fn truncated_gzip_is_an_error_after_the_lines_before_it() {
    let mut lines = String::new();
    for i in 0..2000 {
        lines.push_str(&format!("{{\"id\": \"r{i}\", \"text\": \"Record {i} about the Vostra grain corridor and envoy {}.\"}}\n", i * 7919 % 10007));
    }
    let data = gzip(lines.as_bytes());
    let cut = &data[..data.len() / 2];
    let results = read_bytes("cut.jsonl.gz", cut, &ReadOptions::default());
    let errors = errors(&results);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("gzip data is truncated"),
        "{}",
        errors[0]
    );
    assert!(ok(&results).len() > 100);
    let message = only_error(&read_bytes(
        "cut.txt.gz",
        &gzip(b"Some words here.")[..12],
        &ReadOptions::default(),
    ));
    assert!(message.starts_with("cut.txt.gz: "), "{message}");
}

#[test]
fn hundred_megabyte_line_is_skipped_with_an_error() {
    let mut data = Vec::with_capacity(100 << 20 | 4096);
    data.extend_from_slice(b"{\"id\": \"huge\", \"text\": \"");
    data.resize(100 << 20, b'a');
    data.extend_from_slice(b"\"}\n{\"id\": \"after\", \"text\": \"still read\"}\n");
    let results = read_bytes("big.jsonl", &data, &ReadOptions::default());
    assert_eq!(results.len(), 2);
    let errors = errors(&results);
    assert!(
        errors[0]
            .starts_with("big.jsonl:1: line of 104857602 bytes is longer than the 64 MiB limit"),
        "{}",
        errors[0]
    );
    assert_eq!(ok(&results)[0].id, "after");
    let message = only_error(&read_bytes("big.txt", &data, &ReadOptions::default()));
    assert_eq!(message, "big.txt: larger than the 64 MiB limit");
}

#[test]
fn binary_and_empty_inputs() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00";
    assert_eq!(
        only_error(&read_bytes("logo.png", png, &ReadOptions::default())),
        "logo.png: binary data (NUL bytes), not text"
    );
    assert_eq!(
        only_error(&read_bytes("empty.txt", b"", &ReadOptions::default())),
        "empty.txt: empty file"
    );
    assert_eq!(
        only_error(&read_bytes(
            "empty.jsonl.gz",
            &gzip(b""),
            &ReadOptions::default()
        )),
        "empty.jsonl.gz: empty file"
    );
    assert_eq!(
        only_error(&read_bytes("blank.txt", b" \n\n ", &ReadOptions::default())),
        "blank.txt: no text"
    );
    assert_eq!(
        only_error(&read_bytes(
            "fake.txt.gz",
            b"not compressed",
            &ReadOptions::default()
        )),
        "fake.txt.gz: not gzip data, though the name ends in .gz"
    );
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Keldor Radio News</title><link>https://keldor-radio.example/</link><description>News</description>
<item>
  <title>Envoy recalled from Vostra</title>
  <link>https://keldor-radio.example/envoy</link>
  <guid>kr-2031-0412-envoy</guid>
  <pubDate>Sat, 12 Apr 2031 09:30:00 GMT</pubDate>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>Keldor recalled its envoy on Saturday.</p><p>"We were not consulted," a senior official said.</p>]]></content:encoded>
</item>
<item>
  <title>Border talks resume</title>
  <link>https://keldor-radio.example/border</link>
  <description>&lt;p&gt;Talks on the &lt;b&gt;border&lt;/b&gt; resumed.&lt;/p&gt;</description>
</item>
<item>
  <title>Only a title</title>
  <guid>kr-empty</guid>
</item>
</channel></rss>"#;

#[test]
fn rss_items_become_documents() {
    let results = read_bytes("radio.xml", RSS.as_bytes(), &ReadOptions::default());
    assert_eq!(results.len(), 3);
    let docs = ok(&results);
    assert_eq!(docs[0].id, "kr-2031-0412-envoy");
    assert_eq!(docs[0].outlet.as_deref(), Some("Keldor Radio News"));
    assert_eq!(docs[0].date.as_deref(), Some("2031-04-12T09:30:00Z"));
    assert_eq!(
        docs[0].url.as_deref(),
        Some("https://keldor-radio.example/envoy")
    );
    assert_eq!(docs[0].text, "Envoy recalled from Vostra\n\nKeldor recalled its envoy on Saturday.\n\n\"We were not consulted,\" a senior official said.");
    assert_eq!(
        docs[0].headline.map(|h| h.slice(&docs[0].text)),
        Some("Envoy recalled from Vostra")
    );
    assert_eq!(docs[0].origin.record, Some(1));
    // No guid: the link is the id; the summary's HTML becomes text.
    assert_eq!(docs[1].id, "https://keldor-radio.example/border");
    assert_eq!(
        docs[1].text,
        "Border talks resume\n\nTalks on the border resumed."
    );
    assert_eq!(
        errors(&results),
        ["radio.xml (record 3): item has no text (no content or summary)"]
    );
}

#[test]
fn atom_and_json_feeds() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Vostra Daily</title><id>urn:vd</id><updated>2031-03-01T00:00:00Z</updated>
<entry><title>Harbour deal</title><id>urn:vd:1</id><updated>2031-03-02T10:00:00Z</updated><published>2031-03-01T12:00:00Z</published>
<link href="https://vd.example/harbour"/><content type="html">&lt;p&gt;The harbour deal was signed.&lt;/p&gt;</content></entry>
</feed>"#;
    let results = read_bytes("-", atom.as_bytes(), &ReadOptions::default());
    let doc = ok(&results)[0];
    assert_eq!(
        (doc.id.as_str(), doc.date.as_deref()),
        ("urn:vd:1", Some("2031-03-01T12:00:00Z"))
    );
    assert_eq!(doc.text, "Harbour deal\n\nThe harbour deal was signed.");
    let json_feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Alder Post", "items": [
        {"id": "ap-7", "title": "Pass reopens", "content_text": "The mountain pass reopened on Monday.", "date_published": "2031-07-07T07:00:00Z"}]}"#;
    let results = read_bytes("feed.json", json_feed.as_bytes(), &ReadOptions::default());
    let doc = ok(&results)[0];
    assert_eq!(
        (doc.id.as_str(), doc.outlet.as_deref()),
        ("ap-7", Some("Alder Post"))
    );
    assert_eq!(
        doc.text,
        "Pass reopens\n\nThe mountain pass reopened on Monday."
    );
}

#[test]
fn broken_feed_is_an_error() {
    let cut = &RSS[..RSS.len() / 2];
    let message = only_error(&read_bytes(
        "radio.rss",
        cut.as_bytes(),
        &ReadOptions::default(),
    ));
    assert!(
        message.starts_with("radio.rss: not a readable feed"),
        "{message}"
    );
    let message = only_error(&read_bytes(
        "none.rss",
        b"<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
        &ReadOptions::default(),
    ));
    assert_eq!(message, "none.rss: feed has no items");
}

fn warc_record(headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.0\r\n".to_vec();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn warc_fixture() -> Vec<Vec<u8>> {
    let page = http_response(
        "Content-Type: text/html; charset=utf-8\r\n",
        ARTICLE_HTML.as_bytes(),
    );
    let zipped_page = http_response(
        "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
        &{
            let zipped = gzip(ARTICLE_HTML.replace("Teodor", "Marek").as_bytes());
            let (a, b) = zipped.split_at(zipped.len() / 2);
            let mut chunked = format!("{:x}\r\n", a.len()).into_bytes();
            chunked.extend_from_slice(a);
            chunked.extend_from_slice(format!("\r\n{:x}\r\n", b.len()).as_bytes());
            chunked.extend_from_slice(b);
            chunked.extend_from_slice(b"\r\n0\r\n\r\n");
            chunked
        },
    );
    vec![
        warc_record(
            &[
                ("WARC-Type", "warcinfo"),
                ("WARC-Record-ID", "<urn:uuid:info>"),
            ],
            b"software: hand-made\r\n",
        ),
        warc_record(
            &[
                ("WARC-Type", "request"),
                ("WARC-Target-URI", "https://gazette.example/grain"),
            ],
            b"GET /grain HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Record-ID", "<urn:uuid:page-1>"),
                ("WARC-Target-URI", "https://gazette.example/grain"),
                ("WARC-Date", "2031-05-15T10:00:00Z"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &page,
        ),
        warc_record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Target-URI", "https://gazette.example/logo.png"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &http_response("Content-Type: image/png\r\n", b"\x89PNG"),
        ),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nbroken block\r\n\r\n"
            .to_vec(),
        warc_record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Target-URI", "https://gazette.example/grain-2"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &zipped_page,
        ),
    ]
}

#[test]
fn warc_responses_become_documents_and_broken_records_are_reported() {
    let data: Vec<u8> = warc_fixture().concat();
    let results = read_bytes("crawl.warc", &data, &ReadOptions::default());
    let docs = ok(&results);
    assert_eq!(docs.len(), 2, "{:?}", errors(&results));
    assert_eq!(docs[0].id, "urn:uuid:page-1");
    assert_eq!(
        docs[0].url.as_deref(),
        Some("https://gazette.example/grain")
    );
    assert_eq!(docs[0].date.as_deref(), Some("2031-05-15T10:00:00Z"));
    assert_eq!(docs[0].origin.record, Some(3));
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Vostra denies secret grain talks with Keldor")
    );
    // No record id: the target URI; gzip and chunked encodings undone.
    assert_eq!(docs[1].id, "https://gazette.example/grain-2");
    assert!(docs[1].text.contains("spokesman Marek Vale"));
    assert_eq!(docs[1].origin.record, Some(6));
    assert_eq!(
        errors(&results),
        ["crawl.warc (record 5): invalid Content-Length"]
    );
}

#[test]
fn warc_gz_with_one_member_per_record_and_truncation() {
    let records = warc_fixture();
    let data: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let results = read_bytes("crawl.warc.gz", &data, &ReadOptions::default());
    assert_eq!(ok(&results).len(), 2);
    assert_eq!(errors(&results).len(), 1);
    let plain: Vec<u8> = records.concat();
    let cut = &plain[..plain.len() - 200];
    let results = read_bytes("cut.warc", cut, &ReadOptions::default());
    let errors = errors(&results);
    assert_eq!(ok(&results).len(), 1);
    assert_eq!(
        errors.last().map(String::as_str),
        Some(&*format!(
            "cut.warc (record 6): truncated record: {} of {} bytes",
            records[5].len() - 200 - record_head_len(&records[5]),
            records[5].len() - 4 - record_head_len(&records[5])
        ))
    );
}

fn record_head_len(record: &[u8]) -> usize {
    record
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(0, |p| p + 4)
}

#[test]
fn forced_format_and_sniffed_stdin_name() {
    let opts = ReadOptions {
        format: Some(Format::Text),
        ..Default::default()
    };
    let results = read_bytes("page.html", b"<p>kept as text</p>", &opts);
    assert_eq!(ok(&results)[0].text, "<p>kept as text</p>");
    let results = read_bytes(
        "-",
        b"{\"id\": \"s1\", \"text\": \"from stdin\"}\n",
        &ReadOptions::default(),
    );
    assert_eq!(ok(&results)[0].id, "s1");
    let results = read_bytes("-", b"Headline here\n\nBody.", &ReadOptions::default());
    assert_eq!(ok(&results)[0].id, "stdin");
}

#[test]
fn directories_recursive_sorted_with_errors_for_bad_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/deeper")).unwrap();
    std::fs::write(root.join("b/deeper/zeta.txt"), "Zeta text.").unwrap();
    std::fs::write(root.join("b/alpha.txt"), "Alpha text.").unwrap();
    std::fs::write(root.join("a.txt"), "First text.").unwrap();
    std::fs::write(root.join(".hidden.txt"), "Not read.").unwrap();
    std::fs::write(root.join("c.txt"), "").unwrap();
    std::fs::create_dir(root.join("d")).unwrap();
    std::fs::write(root.join("d/alpha.txt.gz"), gzip(b"Another alpha.")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("b/broken.txt")).unwrap();
    std::os::unix::fs::symlink(root, root.join("d/loop")).unwrap();
    let missing = root.join("nowhere").to_string_lossy().into_owned();
    let inputs = vec![root.to_string_lossy().into_owned(), missing.clone()];
    let results: Results = read_inputs(&inputs, &ReadOptions::default()).collect();
    let outline: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(doc) => format!("{} {}", doc.id, doc.text),
            Err(e) => e.to_string().replace(&*root.to_string_lossy(), "ROOT"),
        })
        .collect();
    assert_eq!(
        outline,
        [
            "a First text.",
            "alpha Alpha text.",
            "ROOT/b/broken.txt: cannot read: no such file or directory",
            "zeta Zeta text.",
            "ROOT/c.txt: empty file",
            "alpha-2 Another alpha.",
            "ROOT/d/loop: directory already read (a link loops back to it)",
            "ROOT/nowhere: cannot read: no such file or directory",
        ]
    );
}

#[test]
fn html_dates_are_normalised_from_the_first_readable_source() {
    let without_ld = ARTICLE_HTML
        .replace(
            "\"datePublished\": \"2031-05-14\",",
            "\"datePublished\": \"sometime\",",
        )
        .replace(
            "<meta property=\"article:published_time\" content=\"2031-05-14T08:00:00Z\">",
            "",
        )
        .replace(
            "<article>",
            "<article><time datetime=\"May 15, 2031\">Thursday</time>",
        );
    let results = read_bytes("d.html", without_ld.as_bytes(), &ReadOptions::default());
    assert_eq!(ok(&results)[0].date.as_deref(), Some("2031-05-15"));
}

#[test]
fn absurdly_nested_page_is_an_error_not_a_hang() {
    let page = format!(
        "<html><body>{}<p>deep</p>{}</body></html>",
        "<div>".repeat(2_000),
        "</div>".repeat(2_000)
    );
    let message = only_error(&read_bytes(
        "deep.html",
        page.as_bytes(),
        &ReadOptions::default(),
    ));
    assert!(
        message.starts_with("deep.html: elements nest 2003 deep (more than 512)"),
        "{message}"
    );
    let page = format!(
        "<html><body>{}x{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let message = only_error(&read_bytes(
        "deeper.html",
        page.as_bytes(),
        &ReadOptions::default(),
    ));
    assert!(
        message.starts_with("deeper.html: tags nest about 100002 deep (more than 5000)"),
        "{message}"
    );
}

/// Every prefix-cut and byte-flipped variant of every fixture, read as
/// every format: no panic, and always at least one result (a document or
/// an error) so that nothing goes missing silently.
#[test]
fn damaged_inputs_never_panic_and_are_always_accounted_for() {
    let jsonl = b"{\"id\": \"a\", \"text\": \"Keldor said no.\"}\n{\"id\": \"b\", \"text\": \"Vostra said yes.\"}\n".to_vec();
    let fixtures: Vec<Vec<u8>> = vec![
        ARTICLE_HTML.as_bytes().to_vec(),
        RSS.as_bytes().to_vec(),
        warc_fixture().concat(),
        gzip(&jsonl),
        jsonl,
    ];
    let formats = [
        Format::Text,
        Format::Html,
        Format::Jsonl,
        Format::Feed,
        Format::Warc,
    ];
    let mut seed = 0x2545_f491_u64;
    for fixture in &fixtures {
        for step in 1..=12 {
            let mut variant = fixture[..fixture.len() * step / 12].to_vec();
            // Flip a few bytes, deterministically.
            for _ in 0..step % 4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                if !variant.is_empty() {
                    let at = (seed as usize) % variant.len();
                    variant[at] ^= (seed >> 32) as u8 | 1;
                }
            }
            for format in formats {
                let opts = ReadOptions {
                    format: Some(format),
                    ..Default::default()
                };
                let results = read_bytes("damaged", &variant, &opts);
                assert!(
                    !results.is_empty(),
                    "{format:?} on a {}-byte variant gave nothing",
                    variant.len()
                );
            }
        }
    }
}

#[test]
fn files_that_give_nothing_are_reported() {
    let message = only_error(&read_bytes(
        "blank.jsonl",
        b"\n  \n\r\n",
        &ReadOptions::default(),
    ));
    assert_eq!(message, "blank.jsonl: no JSON records, only blank lines");
    let info_only = warc_fixture()[..2].concat();
    let message = only_error(&read_bytes(
        "info.warc",
        &info_only,
        &ReadOptions::default(),
    ));
    assert_eq!(
        message,
        "info.warc: no HTML response records among its 2 records"
    );
}
