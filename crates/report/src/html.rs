//! The HTML report of `analyze --format html`: one self-contained page
//! (inline CSS, no scripts, no external assets).
//!
//! Every string from the articles or the analysis goes through
//! [`escape_html`]; ids in anchors go through [`fragment_id`]. Statements
//! are `<mark id="s-…">` in the articles below the divergences, and each
//! statement start also has an `id="d-<doc index>-<char start>"` anchor.

use crate::corpus::{display_date, score_label, speaker_name, speaker_tags, Corpus, DocText};
use crate::diff::{parse_word_diff, DiffPart};
use crate::escape::{escape_html as e, fragment_id, push_escaped_html};
use backchannel_core::{Analysis, AnalyzedStatement, Channel, Document, Rendering, Span};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = r#"
:root{--private:#c2410c;--private-bg:#fff7ed;--private-mark:#ffedd5;--private-line:#fb923c;
--public:#1d4ed8;--public-bg:#eff6ff;--public-mark:#dbeafe;--public-line:#60a5fa;
--ink:#1f2937;--muted:#6b7280;--rule:#e5e7eb;--paper:#fff;--canvas:#f5f6f8}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--canvas)}
.wrap{max-width:1140px;margin:0 auto;padding:0 28px}
header.top{background:#111827;color:#f9fafb;padding:30px 0 0}
header.top h1{margin:0;font-size:26px;font-weight:700;letter-spacing:-.01em}
header.top h1 span{color:var(--private-line)}
header.top p{margin:6px 0 18px;color:#9ca3af}
header.top nav{display:flex;gap:22px;border-top:1px solid #1f2937;padding:12px 0}
header.top nav a{color:#d1d5db;text-decoration:none;font-size:13.5px}
header.top nav a:hover{color:#fff}
main{padding-bottom:48px}
section{margin:34px 0}
h2{font-size:19px;margin:0 0 16px;padding-bottom:8px;border-bottom:1px solid var(--rule);display:flex;align-items:baseline;gap:10px}
h2 small{font-size:13px;font-weight:500;color:var(--muted)}
a{color:var(--public)}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px}
.stat{background:var(--paper);border:1px solid var(--rule);border-radius:10px;padding:14px 16px}
.stat b{display:block;font-size:26px;line-height:1.2}
.stat span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.06em}
.stat.private b{color:var(--private)}.stat.public b{color:var(--public)}.stat.failed b{color:#b91c1c}
table.sides{width:100%;border-collapse:collapse;margin-top:16px;background:var(--paper);border:1px solid var(--rule);border-radius:10px;overflow:hidden}
table.sides th,table.sides td{text-align:left;padding:8px 14px;border-bottom:1px solid var(--rule);font-size:14px}
table.sides th{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);background:#fafafa}
table.sides td.n{font-variant-numeric:tabular-nums;width:90px}
.split{display:flex;height:8px;border-radius:4px;overflow:hidden;background:#e5e7eb;min-width:160px}
.split .p{background:var(--private)}.split .u{background:var(--public)}
.card{background:var(--paper);border:1px solid var(--rule);border-radius:12px;padding:18px 22px 20px;margin-bottom:20px;box-shadow:0 1px 2px rgba(17,24,39,.04)}
.card-head{display:flex;align-items:center;gap:12px;margin-bottom:14px}
.card-head h3{margin:0;font-size:17px}
.card-head .side{color:var(--muted);font-weight:500}
.rank{flex:none;width:28px;height:28px;border-radius:50%;background:#111827;color:#fff;font-size:13px;font-weight:700;display:flex;align-items:center;justify-content:center}
.score{margin-left:auto;display:flex;align-items:center;gap:8px;font-size:13px;color:var(--muted);font-variant-numeric:tabular-nums}
.meter{width:96px;height:6px;border-radius:3px;background:#e5e7eb;overflow:hidden}
.meter span{display:block;height:100%;background:linear-gradient(90deg,var(--public),var(--private))}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:18px}
@media (max-width:780px){.cols{grid-template-columns:1fr}}
.col h4{margin:0 0 8px;font-size:11.5px;text-transform:uppercase;letter-spacing:.09em}
.col.private h4{color:var(--private)}.col.public h4{color:var(--public)}
.col .none{color:var(--muted);font-style:italic;font-size:14px}
.st{margin:0 0 10px;padding:10px 14px 10px 16px;border-left:4px solid var(--muted);border-radius:0 8px 8px 0;background:#f9fafb}
.st.private{border-color:var(--private);background:var(--private-bg)}
.st.public{border-color:var(--public);background:var(--public-bg)}
.st blockquote{margin:0;font-family:Georgia,"Iowan Old Style","Times New Roman",serif;font-size:16.5px;line-height:1.5}
.st figcaption{margin-top:7px;font-size:13px;color:var(--muted)}
.who{color:var(--ink);font-weight:600}
.tag{display:inline-block;font-size:10.5px;line-height:16px;padding:0 7px;border-radius:8px;background:rgba(17,24,39,.07);color:#374151;margin-left:5px;text-transform:uppercase;letter-spacing:.04em}
.src{margin-left:6px}
.nowrap{white-space:nowrap}
.jump{margin-left:8px;font-size:12.5px;text-decoration:none;white-space:nowrap}
.jump:hover{text-decoration:underline}
.ev{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px}
.ev li{font-size:12px;border:1px solid var(--rule);background:var(--paper);border-radius:5px;padding:1px 7px}
.ev .rule{color:var(--muted);margin-left:5px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px}
.why{margin:12px 0 0;padding:11px 14px;background:#f9fafb;border:1px solid var(--rule);border-radius:8px;font-size:14.5px}
.why b{font-size:11.5px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin-right:6px}
.signals{margin:8px 0 0;padding-left:18px;font-size:13px;color:var(--muted)}
.signals code{color:var(--ink);font-size:12px}
.empty{color:var(--muted);font-style:italic}
.diff{margin:12px 0 0;padding:10px 14px;background:#f9fafb;border-radius:8px;font-family:Georgia,serif;font-size:15.5px}
del,ins{border-radius:3px;padding:0 3px;margin:0 1px}
del{background:#fee2e2;color:#991b1b;text-decoration-color:rgba(153,27,27,.6)}
ins{background:#dcfce7;color:#166534;text-decoration:none}
.legend{display:flex;gap:16px;font-size:13px;color:var(--muted);margin:-6px 0 14px}
.legend mark{padding:0 6px}
article.doc header h3{margin:0;font-size:18px;font-family:Georgia,serif}
article.doc .meta{margin:4px 0 14px;font-size:13px;color:var(--muted)}
article.doc .meta code{font-size:12px}
.body{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Iowan Old Style","Times New Roman",serif;font-size:16px;line-height:1.7;max-width:46em}
.body.lead::first-line{font-weight:700;font-size:19px}
.grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:0 20px;align-items:start}
@media (max-width:780px){.grid2{grid-template-columns:1fr}}
mark{color:inherit;border-radius:3px;padding:1px 0;background:#f3f4f6;box-shadow:inset 0 -2px 0 #d1d5db}
mark.private{background:var(--private-mark);box-shadow:inset 0 -2px 0 var(--private-line)}
mark.public{background:var(--public-mark);box-shadow:inset 0 -2px 0 var(--public-line)}
mark:target,mark:has(.anchor:target){background:#fef08a;box-shadow:0 0 0 2px #eab308}
[id]{scroll-margin-top:28px}
.failures li{font-size:14px}
footer{color:var(--muted);font-size:12.5px;padding:18px 0 40px;border-top:1px solid var(--rule)}
"#;

/// Writes the whole report as one HTML page.
pub fn write_analysis_html(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    let mut out =
        String::with_capacity(16 * 1024 + docs.iter().map(|d| d.text.len() * 2).sum::<usize>());
    page(&mut out, &corpus)?;
    w.write_all(out.as_bytes())
}

fn page(out: &mut String, corpus: &Corpus<'_>) -> io::Result<()> {
    let analysis = corpus.analysis;
    let summary = corpus.summary();
    let ranked = corpus.ranked_divergences();
    // Per article: its statements and the drift renderings in it. Articles
    // with nothing to point at are left out; they would only add bulk.
    let mut cited: Vec<Cited<'_>> = corpus.docs.iter().map(|_| Cited::default()).collect();
    for s in &analysis.statements {
        if let Some(c) = cited.get_mut(s.document) {
            c.marks.push(s);
            c.positions.push(s.statement.span.start);
        }
    }
    for r in analysis.drift.iter().flat_map(|d| [&d.a, &d.b]) {
        if let Some(c) = cited.get_mut(r.document) {
            c.positions.push(r.span.start);
        }
    }
    let shown = cited.iter().filter(|c| !c.positions.is_empty()).count();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>Backchannel report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(
        "<header class=\"top\"><div class=\"wrap\">\n<h1>Back<span>channel</span> report</h1>\n",
    );
    out.push_str("<p>What each side says in public, what is said behind closed doors, and where the two part ways.</p>\n");
    let _ = write!(
        out,
        "<nav><a href=\"#summary\">Summary</a><a href=\"#divergences\">Divergences ({})</a>\
         <a href=\"#private-only\">Private only ({})</a><a href=\"#drift\">Drift ({})</a>\
         <a href=\"#articles\">Articles ({})</a></nav>\n</div></header>\n<main class=\"wrap\">\n",
        ranked.len(),
        analysis.private_only.len(),
        analysis.drift.len(),
        shown
    );

    // Summary.
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"stats\">\n");
    let mut stat = |class: &str, n: usize, label: &str| {
        let _ = writeln!(
            out,
            "<div class=\"stat {class}\"><b>{n}</b><span>{label}</span></div>"
        );
    };
    stat("", summary.documents, "documents");
    if summary.failed > 0 {
        stat("failed", summary.failed, "failed to read");
    }
    stat("", summary.statements, "statements");
    stat("private", summary.private, "private");
    stat("public", summary.public, "public");
    stat("", summary.sides.len(), "sides");
    stat("", ranked.len(), "divergences");
    out.push_str("</div>\n");
    if !summary.sides.is_empty() {
        out.push_str("<table class=\"sides\"><thead><tr><th>Side</th><th>Private</th><th>Public</th><th>Unknown</th><th>Private / public</th></tr></thead><tbody>\n");
        for side in &summary.sides {
            let known = side.private + side.public;
            let private_pct = if known == 0 {
                0.0
            } else {
                side.private as f64 * 100.0 / known as f64
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td><div class=\"split\"><span class=\"p\" style=\"width:{private_pct:.1}%\"></span><span class=\"u\" style=\"width:{:.1}%\"></span></div></td></tr>",
                e(side.name),
                side.private,
                side.public,
                side.unknown,
                if known == 0 { 0.0 } else { 100.0 - private_pct }
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if summary.sideless > 0 {
        let _ = writeln!(
            out,
            "<p class=\"empty\">{} statement{} could not be given a side.</p>",
            summary.sideless,
            if summary.sideless == 1 { "" } else { "s" }
        );
    }
    out.push_str("</section>\n");

    // Divergences.
    let _ = writeln!(
        out,
        "<section id=\"divergences\">\n<h2>Divergences <small>private line against public line, same side, same topic; strongest first</small></h2>"
    );
    if ranked.is_empty() {
        out.push_str(
            "<p class=\"empty\">No side's private line departs from its public line.</p>\n",
        );
    }
    for (rank, d) in ranked.iter().enumerate() {
        let width = if d.score.is_finite() {
            d.score.clamp(0.0, 1.0) * 100.0
        } else {
            0.0
        };
        let _ = write!(
            out,
            "<article class=\"card divergence\" id=\"div-{}\">\n<div class=\"card-head\"><span class=\"rank\">{}</span>\
             <h3><span class=\"side\">{}</span> · {}</h3>\
             <div class=\"score\" title=\"0 = the lines agree, 1 = they cannot both hold\"><span class=\"meter\"><span style=\"width:{width:.0}%\"></span></span>score {}</div></div>\n",
            rank + 1,
            rank + 1,
            e(&d.side),
            e(&d.topic),
            score_label(d.score)
        );
        out.push_str("<div class=\"cols\">\n");
        column(
            out,
            corpus,
            Channel::Private,
            "Behind closed doors",
            &d.private,
        )?;
        column(out, corpus, Channel::Public, "On the record", &d.public)?;
        out.push_str("</div>\n");
        let _ = writeln!(out, "<p class=\"why\"><b>Why</b>{}</p>", e(&d.explanation));
        if !d.signals.is_empty() {
            out.push_str("<ul class=\"signals\">\n");
            for s in &d.signals {
                let _ = writeln!(
                    out,
                    "<li><code>{}</code> {} — private “{}” against public “{}”</li>",
                    e(&s.kind),
                    score_label(s.weight),
                    e(&s.private.1),
                    e(&s.public.1)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");

    // Private only.
    let _ = writeln!(
        out,
        "<section id=\"private-only\">\n<h2>Private only <small>topics a side raises only behind closed doors</small></h2>"
    );
    if analysis.private_only.is_empty() {
        out.push_str("<p class=\"empty\">No topic is discussed only in private.</p>\n");
    }
    out.push_str("<div class=\"grid2\">\n");
    for p in &analysis.private_only {
        let _ = writeln!(
            out,
            "<article class=\"card\"><div class=\"card-head\"><h3><span class=\"side\">{}</span> · {}</h3></div>",
            e(&p.side),
            e(&p.topic)
        );
        for id in &p.private {
            statement_card(out, corpus, Channel::Private, id)?;
        }
        out.push_str("</article>\n");
    }
    out.push_str("</div>\n</section>\n");

    // Drift.
    let _ = writeln!(
        out,
        "<section id=\"drift\">\n<h2>Drift <small>the same words rendered differently in different places</small></h2>"
    );
    if analysis.drift.is_empty() {
        out.push_str("<p class=\"empty\">No quote is rendered differently across documents.</p>\n");
    }
    for d in &analysis.drift {
        let _ = write!(
            out,
            "<article class=\"card\"><div class=\"card-head\"><h3>{} <span class=\"side\">vs</span> {}</h3><div class=\"score\">similarity {}</div></div>\n<div class=\"cols\">\n",
            e(&rendering_source(corpus, &d.a)),
            e(&rendering_source(corpus, &d.b)),
            score_label(d.similarity)
        );
        rendering(out, corpus, &d.a)?;
        rendering(out, corpus, &d.b)?;
        out.push_str("</div>\n<p class=\"diff\">");
        for part in parse_word_diff(&d.diff) {
            match part {
                DiffPart::Same(t) => out.push_str(&e(t)),
                DiffPart::Removed(t) => {
                    let _ = write!(out, "<del>{}</del>", e(t));
                }
                DiffPart::Added(t) => {
                    let _ = write!(out, "<ins>{}</ins>", e(t));
                }
            }
        }
        out.push_str("</p>\n</article>\n");
    }
    out.push_str("</section>\n");

    // Articles.
    let _ = writeln!(
        out,
        "<section id=\"articles\">\n<h2>Articles <small>every statement highlighted where it stands</small></h2>\n\
         <div class=\"legend\"><span><mark class=\"private\">private</mark></span><span><mark class=\"public\">public</mark></span><span><mark>unknown</mark></span></div>"
    );
    for (index, (doc, c)) in corpus.docs.iter().zip(cited).enumerate() {
        if !c.positions.is_empty() {
            article(out, corpus, index, doc, c)?;
        }
    }
    let hidden = corpus.docs.len() - shown;
    if hidden > 0 {
        let _ = writeln!(
            out,
            "<p class=\"empty\">{hidden} article{} without statements not shown.</p>",
            if hidden == 1 { "" } else { "s" }
        );
    }
    out.push_str("</section>\n");

    if !analysis.failures.is_empty() {
        out.push_str(
            "<section id=\"failures\">\n<h2>Documents that failed</h2>\n<ul class=\"failures\">\n",
        );
        for f in &analysis.failures {
            let _ = writeln!(
                out,
                "<li><code>{}</code> {}</li>",
                e(&f.origin.to_string()),
                e(&f.reason)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n<footer><div class=\"wrap\">Generated by backchannel. Offsets and anchors count Unicode code points.</div></footer>\n</body>\n</html>\n");
    Ok(())
}

fn column(
    out: &mut String,
    corpus: &Corpus<'_>,
    channel: Channel,
    heading: &str,
    ids: &[String],
) -> io::Result<()> {
    let _ = writeln!(
        out,
        "<div class=\"col {}\"><h4>{} · {}</h4>",
        channel.as_str(),
        channel.as_str(),
        e(heading)
    );
    if ids.is_empty() {
        out.push_str("<p class=\"none\">nothing on this side</p>\n");
    }
    for id in ids {
        statement_card(out, corpus, channel, id)?;
    }
    out.push_str("</div>\n");
    Ok(())
}

/// A statement as a quote card: text, speaker, source, evidence, and a link
/// to where it stands in its article.
fn statement_card(
    out: &mut String,
    corpus: &Corpus<'_>,
    channel: Channel,
    id: &str,
) -> io::Result<()> {
    let Some(s) = corpus.statement(id) else {
        let _ = writeln!(
            out,
            "<figure class=\"st\"><figcaption>statement <code>{}</code> is not in the analysis</figcaption></figure>",
            e(id)
        );
        return Ok(());
    };
    // The card takes the channel the statement was listed under; the
    // statement's own channel wins when it is known.
    let class = match s.channel {
        Channel::Unknown => channel.as_str(),
        own => own.as_str(),
    };
    let _ = write!(
        out,
        "<figure class=\"st {class}\">\n<blockquote>{}</blockquote>\n<figcaption>",
        e(corpus.text_of(s)?.trim())
    );
    byline(out, corpus, s);
    let _ = writeln!(
        out,
        "<a class=\"jump\" href=\"#{}\" title=\"{}\">in article ↓</a></figcaption>",
        fragment_id("s-", &s.id),
        e(&s.id)
    );
    if !s.evidence.is_empty() {
        out.push_str("<ul class=\"ev\">");
        for ev in &s.evidence {
            let _ = write!(
                out,
                "<li>“{}”<span class=\"rule\">{}</span></li>",
                e(&ev.phrase),
                e(&ev.rule)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</figure>\n");
    Ok(())
}

fn byline(out: &mut String, corpus: &Corpus<'_>, s: &AnalyzedStatement) {
    match speaker_name(s) {
        Some(name) => {
            let _ = write!(out, "<span class=\"who\">{}</span>", e(name));
        }
        None => out.push_str("<span class=\"who\">no speaker</span>"),
    }
    for tag in speaker_tags(s) {
        let _ = write!(out, "<span class=\"tag\">{tag}</span>");
    }
    if let Some(meta) = corpus.meta(s.document) {
        let mut parts: Vec<String> = meta.outlet.as_deref().map(e).into_iter().collect();
        if let Some(date) = meta.date.as_deref() {
            parts.push(format!(
                "<span class=\"nowrap\">{}</span>",
                e(display_date(date))
            ));
        }
        let source = if parts.is_empty() {
            e(&meta.id)
        } else {
            parts.join(" · ")
        };
        let _ = write!(out, "<span class=\"src\">— {source}</span>");
    }
}

fn rendering_source(corpus: &Corpus<'_>, r: &Rendering) -> String {
    let meta = corpus.meta(r.document);
    r.outlet
        .as_deref()
        .or_else(|| meta.and_then(|m| m.outlet.as_deref()))
        .or_else(|| meta.map(|m| m.id.as_str()))
        .unwrap_or_default()
        .to_string()
}

fn rendering(out: &mut String, corpus: &Corpus<'_>, r: &Rendering) -> io::Result<()> {
    let doc = corpus.doc(r.document)?;
    let (start, _) = doc.chars(r.span)?;
    let date = corpus
        .meta(r.document)
        .and_then(|m| m.date.as_deref())
        .map(display_date)
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<figure class=\"st\"><blockquote>{}</blockquote><figcaption><span class=\"who\">{}</span><span class=\"src\">{}</span>\
         <a class=\"jump\" href=\"#d-{}-{start}\">in article ↓</a></figcaption></figure>",
        e(doc.slice(r.span)?.trim()),
        e(&rendering_source(corpus, r)),
        e(date),
        r.document
    );
    Ok(())
}

/// One article with its statements marked. Overlapping statements share
/// one `<mark>` (the first one's id); the others get empty anchors inside
/// it, which `mark:has(.anchor:target)` highlights.
fn article(
    out: &mut String,
    corpus: &Corpus<'_>,
    index: usize,
    doc: &DocText<'_>,
    cited: Cited<'_>,
) -> io::Result<()> {
    let meta = corpus.meta(index);
    let title = meta
        .and_then(|m| m.title.as_deref())
        .unwrap_or(doc.id)
        .trim();
    // A text that opens with its headline shows it as its bold first line
    // instead of repeating it above.
    let opens_with_title = !title.is_empty()
        && doc
            .text
            .strip_prefix(title)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['\n', '\r']));
    let _ = write!(
        out,
        "<article class=\"card doc\" id=\"doc-{index}\">\n<header>"
    );
    if !opens_with_title {
        let _ = write!(out, "<h3>{}</h3>", e(title));
    }
    out.push_str("<p class=\"meta\">");
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = meta {
        parts.extend(
            [m.outlet.as_deref(), m.date.as_deref()]
                .into_iter()
                .flatten()
                .map(e),
        );
    }
    parts.push(format!("<code>{}</code>", e(doc.id)));
    if let Some(url) = meta
        .and_then(|m| m.url.as_deref())
        .filter(|u| is_web_url(u))
    {
        parts.push(format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">source</a>",
            e(url)
        ));
    }
    out.push_str(&parts.join(" · "));
    out.push_str(if opens_with_title {
        "</p></header>\n<div class=\"body lead\">"
    } else {
        "</p></header>\n<div class=\"body\">"
    });

    let Cited {
        mut marks,
        mut positions,
    } = cited;
    marks.sort_by_key(|s| {
        (
            s.statement.span.start,
            std::cmp::Reverse(s.statement.span.end),
        )
    });
    // Position anchors `d-<doc>-<char start>`, one per position.
    positions.sort_unstable();
    positions.dedup();
    let mut body = Body {
        out,
        doc,
        index,
        positions: positions.into_iter().peekable(),
    };

    let mut seen_ids: HashSet<String> = HashSet::new();
    let mut pos = 0usize;
    let mut i = 0usize;
    while let Some(first) = marks.get(i) {
        // A cluster: statements overlapping the first one, transitively.
        let start = first.statement.span.start.max(pos);
        let mut end = first.statement.span.end.max(start);
        let mut j = i + 1;
        while let Some(next) = marks.get(j) {
            if next.statement.span.start < end {
                end = end.max(next.statement.span.end);
                j += 1;
            } else {
                break;
            }
        }
        let cluster = marks.get(i..j).unwrap_or_default();
        body.text(pos, start)?;
        let channels: HashSet<Channel> = cluster.iter().map(|s| s.channel).collect();
        let class = match channels.iter().next() {
            Some(&only) if channels.len() == 1 => only.as_str(),
            _ => "mixed",
        };
        let title: Vec<String> = cluster.iter().map(|s| mark_title(s)).collect();
        let first_anchor = fragment_id("s-", &first.id);
        let id_attr = if seen_ids.insert(first_anchor.clone()) {
            format!(" id=\"{first_anchor}\"")
        } else {
            String::new()
        };
        let _ = write!(
            body.out,
            "<mark class=\"{class}\"{id_attr} title=\"{}\">",
            e(&title.join("\n"))
        );
        let mut inner = start;
        for s in cluster.iter().skip(1) {
            let at = s.statement.span.start.clamp(inner, end);
            body.text(inner, at)?;
            inner = at;
            let anchor = fragment_id("s-", &s.id);
            if seen_ids.insert(anchor.clone()) {
                let _ = write!(body.out, "<span class=\"anchor\" id=\"{anchor}\"></span>");
            }
        }
        body.text(inner, end)?;
        body.out.push_str("</mark>");
        pos = end;
        i = j;
    }
    body.text(pos, doc.text.len())?;
    body.rest();
    out.push_str("</div>\n</article>\n");
    Ok(())
}

/// What an article has to show: statements to mark, positions to anchor.
#[derive(Default)]
struct Cited<'a> {
    marks: Vec<&'a AnalyzedStatement>,
    /// Byte offsets of statement starts and drift renderings.
    positions: Vec<usize>,
}

/// Writes an article's text, dropping in the position anchors as it passes them.
struct Body<'o, 'd, 'a> {
    out: &'o mut String,
    doc: &'d DocText<'a>,
    index: usize,
    positions: std::iter::Peekable<std::vec::IntoIter<usize>>,
}

impl Body<'_, '_, '_> {
    /// Text `from..to` (bytes), with the anchors at positions in `from..to`.
    fn text(&mut self, from: usize, to: usize) -> io::Result<()> {
        let mut at = from;
        while let Some(&p) = self.positions.peek() {
            if p >= to {
                break;
            }
            self.positions.next();
            let p = p.max(at);
            push_escaped_html(self.out, self.doc.slice(Span::new(at, p))?);
            self.anchor(p)?;
            at = p;
        }
        push_escaped_html(self.out, self.doc.slice(Span::new(at, to.max(at)))?);
        Ok(())
    }

    /// Anchors at the very end of the text.
    fn rest(&mut self) {
        let end = self.doc.text.len();
        while let Some(p) = self.positions.next() {
            if p == end {
                let _ = self.anchor(p);
            }
        }
    }

    fn anchor(&mut self, byte: usize) -> io::Result<()> {
        let (char_start, _) = self.doc.chars(Span::new(byte, byte))?;
        let _ = write!(
            self.out,
            "<span class=\"anchor\" id=\"d-{}-{char_start}\"></span>",
            self.index
        );
        Ok(())
    }
}

/// The tooltip of a mark: side, channel and speaker.
fn mark_title(s: &AnalyzedStatement) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(side) = s.side.as_deref() {
        parts.push(side);
    }
    parts.push(s.channel.as_str());
    if let Some(name) = speaker_name(s) {
        parts.push(name);
    }
    parts.join(" · ")
}

fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
