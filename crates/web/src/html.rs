//! HTML building blocks. Everything that came from an article or the
//! database goes through [`escape_html`] (text) or [`encode_component`] (URLs).

use backchannel_core::{Channel, Evidence};
use backchannel_store::{StatementView, DEFAULT_LIMIT};
use std::fmt::Write;

/// The one HTML escaper of the project, shared with the report pages.
pub use backchannel_report::escape_html;

/// Percent-encodes everything but unreserved characters, for a path
/// segment, a query value or a fragment.
pub(crate) fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `/doc/{id}`, or `/doc/{id}#s-{statement}` to land on one statement.
pub(crate) fn doc_href(doc: &str, statement: Option<&str>) -> String {
    match statement {
        Some(s) => format!("/doc/{}#s-{}", encode_component(doc), encode_component(s)),
        None => format!("/doc/{}", encode_component(doc)),
    }
}

/// `path?k=v&…` with the empty values left out.
pub(crate) fn query_href(path: &str, pairs: &[(&str, Option<&str>)]) -> String {
    let mut href = path.to_string();
    let mut sep = '?';
    for (k, v) in pairs {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            let _ = write!(href, "{sep}{k}={}", encode_component(v));
            sep = '&';
        }
    }
    href
}

pub(crate) fn link(href: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        escape_html(href),
        escape_html(text)
    )
}

pub(crate) fn side_link(side: &str) -> String {
    link(&format!("/side/{}", encode_component(side)), side)
}

pub(crate) fn topic_link(topic: &str) -> String {
    link(&format!("/topic/{}", encode_component(topic)), topic)
}

pub(crate) fn outlet_link(outlet: &str) -> String {
    link(&format!("/outlet/{}", encode_component(outlet)), outlet)
}

pub(crate) fn channel_badge(channel: Channel) -> String {
    let label = match channel {
        Channel::Public => "on the record",
        Channel::Private => "behind closed doors",
        Channel::Unknown => "unclassified",
    };
    format!("<span class=\"badge {}\">{label}</span>", channel.as_str())
}

pub(crate) fn count_badge(class: &str, n: u64, label: &str) -> String {
    if n == 0 {
        return format!("<span class=\"badge zero\" title=\"{label}\">0</span>");
    }
    format!("<span class=\"badge {class}\" title=\"{label}\">{n}</span>")
}

/// The whole page around `body`.
pub(crate) fn layout(title: &str, active: &str, body: &str) -> String {
    let nav = [
        ("/", "Overview"),
        ("/timeline", "Timeline"),
        ("/drift", "Drift"),
        ("/search", "Search"),
    ];
    let mut links = String::new();
    for (href, label) in nav {
        let class = if label == active {
            " class=\"active\""
        } else {
            ""
        };
        let _ = write!(links, "<a href=\"{href}\"{class}>{label}</a>");
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · backchannel</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\
         <body><header class=\"top\"><div class=\"wrap\"><a class=\"brand\" href=\"/\">backchannel</a>\
         <nav>{links}</nav><form class=\"quick\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"Search statements and articles\" aria-label=\"Search\">\
         </form></div></header><main>{body}</main>\
         <footer>Public lines and private lines, side by side. Read the sources before you quote them.</footer>\
         </body></html>\n",
        escape_html(title)
    )
}

pub(crate) fn error_page(status: u16, reason: &str, message: &str) -> String {
    layout(
        reason,
        "",
        &format!(
            "<div class=\"card error\"><h1>{status} {}</h1><p>{}</p><p><a href=\"/\">Back to the overview</a></p></div>",
            escape_html(reason),
            escape_html(message)
        ),
    )
}

fn evidence_chips(evidence: &[Evidence]) -> String {
    if evidence.is_empty() {
        return String::new();
    }
    let mut out = String::from("<div class=\"evidence\"><span class=\"label\">Evidence</span>");
    for e in evidence {
        let _ = write!(
            out,
            "<span class=\"chip\" title=\"rule: {}\">{}</span>",
            escape_html(&e.rule),
            escape_html(&e.phrase)
        );
    }
    out.push_str("</div>");
    out
}

/// A statement as a card: quote, speaker, outlet, date, evidence, link into its article.
pub(crate) fn statement_card(s: &StatementView) -> String {
    let mut meta = Vec::new();
    let speaker = s
        .speaker
        .as_deref()
        .or(s.speaker_text.as_deref())
        .unwrap_or("unattributed");
    let mut who = format!("<span class=\"speaker\">{}</span>", escape_html(speaker));
    if s.anonymous {
        who.push_str(" <span class=\"tag\">anonymous</span>");
    } else if s.official {
        who.push_str(" <span class=\"tag\">official</span>");
    }
    meta.push(who);
    if let Some(side) = &s.side {
        meta.push(side_link(side));
    }
    if let Some(outlet) = &s.document.outlet {
        meta.push(outlet_link(outlet));
    }
    if let Some(date) = &s.document.date {
        meta.push(format!("<time>{}</time>", escape_html(date)));
    }
    let title = s.document.title.as_deref().unwrap_or(&s.document.id);
    format!(
        "<article class=\"stmt {channel}\"><blockquote>{text}</blockquote>\
         <div class=\"meta\">{meta} {badge}</div>{evidence}\
         <div class=\"source\">In <a class=\"ctx\" href=\"{href}\">{title}</a></div></article>",
        channel = s.channel.as_str(),
        text = escape_html(&s.text),
        meta = meta.join(" <span class=\"dot\">·</span> "),
        badge = channel_badge(s.channel),
        evidence = evidence_chips(&s.evidence),
        href = escape_html(&doc_href(&s.document.id, Some(&s.id))),
        title = escape_html(title),
    )
}

/// The article text with each statement in a `<mark id="s-…">`.
///
/// Statements are sorted by start; one that overlaps the previous mark gets
/// an empty anchor so links to it still land.
pub(crate) fn highlighted_text(text: &str, statements: &[StatementView]) -> String {
    let mut out = String::with_capacity(text.len() * 11 / 10);
    let mut cursor = 0usize;
    for s in statements {
        let id = escape_html(&format!("s-{}", s.id));
        let (Some(before), Some(inner)) = (
            text.get(cursor..s.byte_start),
            text.get(s.byte_start..s.byte_end),
        ) else {
            let _ = write!(out, "<span class=\"anchor\" id=\"{id}\"></span>");
            continue;
        };
        out.push_str(&escape_html(before));
        let who = s.speaker.as_deref().unwrap_or("unattributed");
        let side = s
            .side
            .as_deref()
            .map(|x| format!(", {x}"))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<mark id=\"{id}\" class=\"{}\" title=\"{}\">{}</mark>",
            s.channel.as_str(),
            escape_html(&format!("{who}{side} ({})", s.channel.as_str())),
            escape_html(inner)
        );
        cursor = s.byte_end;
    }
    out.push_str(&escape_html(text.get(cursor..).unwrap_or("")));
    out
}

/// A search snippet with its matched terms in `<mark>`.
pub(crate) fn snippet_html(snippet: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::new();
    let mut cursor = 0usize;
    for [start, end] in highlights {
        let (Some(before), Some(hit)) = (snippet.get(cursor..*start), snippet.get(*start..*end))
        else {
            continue;
        };
        let _ = write!(
            out,
            "{}<mark>{}</mark>",
            escape_html(before),
            escape_html(hit)
        );
        cursor = *end;
    }
    out.push_str(&escape_html(snippet.get(cursor..).unwrap_or("")));
    out
}

/// A word diff with `[-removed-]` and `{+added+}` marks as `<del>`/`<ins>`.
pub(crate) fn diff_html(diff: &str) -> String {
    let mut out = String::new();
    let mut rest = diff;
    loop {
        let next = [("[-", "-]", "del"), ("{+", "+}", "ins")]
            .into_iter()
            .filter_map(|(open, close, tag)| rest.find(open).map(|at| (at, open, close, tag)))
            .min_by_key(|(at, ..)| *at);
        let Some((at, open, close, tag)) = next else {
            break;
        };
        let after = &rest[at + open.len()..];
        let Some(end) = after.find(close) else { break };
        let _ = write!(
            out,
            "{}<{tag}>{}</{tag}>",
            escape_html(&rest[..at]),
            escape_html(&after[..end])
        );
        rest = &after[end + close.len()..];
    }
    out.push_str(&escape_html(rest));
    out
}

/// Previous / next links for a page of `shown` rows.
pub(crate) fn pager(
    path: &str,
    pairs: &[(&str, Option<&str>)],
    page: usize,
    shown: usize,
) -> String {
    let mut out = String::from("<nav class=\"pager\">");
    let with_page = |p: usize| {
        let p = p.to_string();
        let mut all: Vec<(&str, Option<&str>)> = pairs.to_vec();
        all.push(("page", Some(p.as_str())));
        query_href(path, &all)
    };
    if page > 1 {
        let _ = write!(
            out,
            "<a href=\"{}\">← Previous</a>",
            escape_html(&with_page(page - 1))
        );
    }
    let _ = write!(out, "<span>Page {page}</span>");
    if shown >= DEFAULT_LIMIT {
        let _ = write!(
            out,
            "<a href=\"{}\">Next →</a>",
            escape_html(&with_page(page + 1))
        );
    }
    out.push_str("</nav>");
    out
}

/// `<option>`s for a filter `<select>`, the current value selected.
pub(crate) fn options(values: &[String], current: Option<&str>, any: &str) -> String {
    let mut out = format!("<option value=\"\">{}</option>", escape_html(any));
    for v in values {
        let sel = if Some(v.as_str()) == current {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{0}\"{sel}>{0}</option>",
            escape_html(v)
        );
    }
    out
}

pub(crate) const STYLESHEET: &str = r#"
:root {
  --ink: #1b2430; --muted: #5d6b7c; --line: #dde2e8; --bg: #f5f6f8; --card: #fff;
  --pub: #1d5fd1; --pub-bg: #e6efff; --priv: #b3261e; --priv-bg: #fdeceb;
  --div: #6d3fd6; --div-bg: #efe8ff; --accent: #14213d;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--pub); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { background: var(--accent); color: #fff; position: sticky; top: 0; z-index: 5;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); }
header.top .wrap { max-width: 1240px; margin: 0 auto; display: flex; align-items: center; gap: 28px; padding: 10px 24px; }
.brand { color: #fff; font-weight: 700; font-size: 19px; letter-spacing: .01em; }
.brand:hover { text-decoration: none; }
nav a { color: #c9d3e0; margin-right: 18px; font-weight: 500; }
nav a.active, nav a:hover { color: #fff; text-decoration: none; }
form.quick { margin-left: auto; }
form.quick input { width: 300px; padding: 7px 12px; border-radius: 6px; border: 0; font: inherit; }
main { max-width: 1240px; margin: 0 auto; padding: 28px 24px 48px; }
footer { text-align: center; color: var(--muted); font-size: 13px; padding: 0 0 32px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; }
h2 { font-size: 18px; margin: 0 0 12px; }
.sub { color: var(--muted); margin: 0 0 22px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin-bottom: 20px; }
.card.error h1 { color: var(--priv); }
.stats { display: flex; gap: 14px; flex-wrap: wrap; margin-bottom: 20px; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 18px; min-width: 130px; }
.stat b { display: block; font-size: 22px; }
.stat span { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
.matrix-wrap { overflow-x: auto; }
table.matrix td.cell { white-space: nowrap; }
table.matrix td.cell a.counts { display: inline-flex; gap: 4px; }
table.matrix td.empty { color: #c3cad3; }
table.matrix th.side { font-size: 14px; text-transform: none; letter-spacing: 0; color: var(--ink); }
.badge { display: inline-block; min-width: 24px; text-align: center; padding: 1px 8px; border-radius: 999px;
  font-size: 12px; font-weight: 600; line-height: 18px; }
.badge.public { color: var(--pub); background: var(--pub-bg); }
.badge.private { color: var(--priv); background: var(--priv-bg); }
.badge.unknown, .badge.zero { color: #8792a2; background: #eef0f3; }
.badge.div { color: var(--div); background: var(--div-bg); }
.legend { color: var(--muted); font-size: 13px; margin: 10px 0 0; }
.legend .badge { margin: 0 4px 0 10px; }
.score { font-variant-numeric: tabular-nums; font-weight: 700; color: var(--div); }
.explanation { font-size: 16px; background: var(--div-bg); border-left: 4px solid var(--div); padding: 12px 16px; border-radius: 6px; margin: 0 0 20px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 22px; }
.column h2 { padding: 10px 14px; border-radius: 8px; margin-bottom: 14px; }
.column.private h2 { background: var(--priv-bg); color: var(--priv); }
.column.public h2 { background: var(--pub-bg); color: var(--pub); }
.stmt { background: var(--card); border: 1px solid var(--line); border-left: 4px solid #aab4c0; border-radius: 8px; padding: 14px 16px; margin-bottom: 14px; }
.stmt.private { border-left-color: var(--priv); }
.stmt.public { border-left-color: var(--pub); }
.stmt blockquote { margin: 0 0 10px; font: 17px/1.5 Georgia, "Times New Roman", serif; }
.stmt .meta, .stmt .source { font-size: 13px; color: var(--muted); }
.stmt .source { margin-top: 6px; }
.speaker { color: var(--ink); font-weight: 600; }
.tag { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
.dot { color: #b7c0cb; }
.evidence { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.evidence .label { font-size: 12px; color: var(--muted); }
.chip { font-size: 12px; background: #f1f3f6; border: 1px solid var(--line); border-radius: 4px; padding: 1px 6px; }
.article-layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 24px; align-items: start; }
.article { white-space: pre-wrap; background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 30px 36px; font: 18px/1.75 Georgia, "Times New Roman", serif; }
mark { background: #fff4c2; border-radius: 3px; padding: 1px 0; }
mark.public { background: var(--pub-bg); }
mark.private { background: var(--priv-bg); }
mark:target, .anchor:target + mark { background: #ffe27a; outline: 3px solid #f2a100; scroll-margin-top: 90px; }
aside.statements { position: sticky; top: 76px; max-height: calc(100vh - 100px); overflow-y: auto; }
aside.statements ol { padding-left: 20px; margin: 0; font-size: 14px; }
aside.statements li { margin-bottom: 8px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
.filters input, .filters select { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.filters input[name=q] { width: 320px; }
button { font: inherit; padding: 7px 16px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
.tl-head, .tl-row { display: grid; grid-template-columns: 1fr 120px 1fr; gap: 18px; }
.tl-head { font-weight: 600; margin-bottom: 10px; }
.tl-head .pub { color: var(--pub); text-align: right; }
.tl-head .priv { color: var(--priv); }
.tl-row { position: relative; }
.tl-date { text-align: center; font-size: 13px; font-weight: 600; color: var(--muted); border-left: 2px solid var(--line);
  border-right: 2px solid var(--line); padding-top: 14px; }
.tl-pub .stmt { margin-left: 8%; }
.tl-priv .stmt { margin-right: 8%; }
.hit { padding: 12px 0; border-bottom: 1px solid var(--line); }
.hit:last-child { border-bottom: 0; }
.hit .snippet { margin: 4px 0; }
.hit .meta { font-size: 13px; color: var(--muted); }
.hit mark { background: #ffe9a8; }
del { background: var(--priv-bg); color: var(--priv); text-decoration: line-through; }
ins { background: #e3f6e8; color: #1e7b34; text-decoration: none; }
.pager { display: flex; gap: 16px; align-items: center; margin-top: 16px; color: var(--muted); }
.empty-note { color: var(--muted); font-style: italic; }
@media (max-width: 900px) {
  .columns, .article-layout, .tl-head, .tl-row { grid-template-columns: 1fr; }
  form.quick input { width: 160px; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use backchannel_core::DocumentMeta;

    fn statement(id: &str, start: usize, end: usize) -> StatementView {
        StatementView {
            id: id.into(),
            document: DocumentMeta::default(),
            text: String::new(),
            form: "direct".into(),
            cue: None,
            speaker: Some("Ada <Ministry>".into()),
            speaker_text: None,
            anonymous: false,
            official: true,
            side: None,
            channel: Channel::Public,
            evidence: vec![],
            topics: vec![],
            start,
            end,
            byte_start: start,
            byte_end: end,
        }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(encode_component("a b/c#1?é"), "a%20b%2Fc%231%3F%C3%A9");
        assert_eq!(doc_href("x/y", Some("x/y#2")), "/doc/x%2Fy#s-x%2Fy%232");
    }

    #[test]
    fn marks_statements_and_survives_overlaps_and_bad_spans() {
        let text = "One <b>two</b> three four";
        let html = highlighted_text(
            text,
            &[
                statement("d#1", 4, 14),
                statement("d#2", 10, 20),
                statement("d#3", 30, 40),
            ],
        );
        assert_eq!(
            html,
            "One <mark id=\"s-d#1\" class=\"public\" title=\"Ada &lt;Ministry&gt; (public)\">\
             &lt;b&gt;two&lt;/b&gt;</mark><span class=\"anchor\" id=\"s-d#2\"></span>\
             <span class=\"anchor\" id=\"s-d#3\"></span> three four"
        );
    }

    #[test]
    fn renders_diffs_and_snippets() {
        assert_eq!(
            diff_html("keep [-old <i>-] {+new+} tail [-unclosed"),
            "keep <del>old &lt;i&gt;</del> <ins>new</ins> tail [-unclosed"
        );
        assert_eq!(
            snippet_html("a <b> match", &[[6, 11], [2, 99]]),
            "a &lt;b&gt; <mark>match</mark>"
        );
    }
}
