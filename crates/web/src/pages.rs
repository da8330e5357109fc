//! HTML page handlers.

use crate::api::divergence_id;
use crate::html::*;
use crate::params::Params;
use crate::{AppState, Failure, PageError};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use backchannel_core::Channel;
use backchannel_store::{DivergenceSummary, Filters, SearchQuery, StatementView, DEFAULT_LIMIT};
use std::collections::HashMap;
use std::fmt::Write;

type Page = Result<Html<String>, PageError>;
type QueryMap = Query<HashMap<String, String>>;

/// Matrix size on the overview; the side and topic pages show the rest.
const MATRIX_SIDES: usize = 30;
const MATRIX_TOPICS: usize = 12;

fn divergence_table(list: &[DivergenceSummary], show_side: bool, show_topic: bool) -> String {
    if list.is_empty() {
        return "<p class=\"empty-note\">No divergences found.</p>".into();
    }
    let mut out = String::from("<table><thead><tr><th>Score</th>");
    if show_side {
        out.push_str("<th>Side</th>");
    }
    if show_topic {
        out.push_str("<th>Topic</th>");
    }
    out.push_str("<th>Explanation</th><th>Statements</th></tr></thead><tbody>");
    for d in list {
        let _ = write!(out, "<tr><td class=\"score\">{:.2}</td>", d.score);
        if show_side {
            let _ = write!(out, "<td>{}</td>", side_link(&d.side));
        }
        if show_topic {
            let _ = write!(out, "<td>{}</td>", topic_link(&d.topic));
        }
        let _ = write!(
            out,
            "<td><a class=\"divergence\" href=\"/divergence/{}\">{}</a></td><td>{} {}</td></tr>",
            d.id,
            escape_html(&d.explanation),
            count_badge("private", d.private, "private statements"),
            count_badge("public", d.public, "public statements"),
        );
    }
    out.push_str("</tbody></table>");
    out
}

pub(crate) async fn overview(State(state): State<AppState>) -> Page {
    let (stats, overview, strongest) = state
        .query(|s| Ok((s.stats()?, s.overview()?, s.divergences(None, None, 20, 0)?)))
        .await?;
    let mut body = String::from(
        "<h1>Overview</h1><p class=\"sub\">What each side says on the record and behind closed doors, by topic.</p>",
    );
    body.push_str("<div class=\"stats\">");
    for (n, label) in [
        (stats.documents, "articles"),
        (stats.public, "public statements"),
        (stats.private, "private statements"),
        (stats.divergences, "divergences"),
        (stats.sides, "sides"),
        (stats.topics, "topics"),
    ] {
        let _ = write!(
            body,
            "<div class=\"stat\"><b>{n}</b><span>{label}</span></div>"
        );
    }
    body.push_str("</div>");

    body.push_str("<section class=\"card\"><h2>Sides × topics</h2>");
    if overview.cells.is_empty() {
        body.push_str("<p class=\"empty-note\">No analysed statements yet. Ingest articles to fill this view.</p>");
    } else {
        let topics: Vec<&String> = overview.topics.iter().take(MATRIX_TOPICS).collect();
        body.push_str(
            "<div class=\"matrix-wrap\"><table class=\"matrix\"><thead><tr><th>Side</th>",
        );
        for t in &topics {
            let _ = write!(body, "<th>{}</th>", topic_link(t));
        }
        body.push_str("</tr></thead><tbody>");
        for side in overview.sides.iter().take(MATRIX_SIDES) {
            let _ = write!(body, "<tr><th class=\"side\">{}</th>", side_link(side));
            for t in &topics {
                match overview.cell(side, t) {
                    Some(c) => {
                        let href =
                            query_href("/timeline", &[("side", Some(side)), ("topic", Some(t))]);
                        let _ = write!(
                            body,
                            "<td class=\"cell\"><a class=\"counts\" href=\"{}\" title=\"timeline\">{}{}</a> {}</td>",
                            escape_html(&href),
                            count_badge("public", c.public, "public statements"),
                            count_badge("private", c.private, "private statements"),
                            if c.divergences > 0 {
                                format!(
                                    "<a href=\"{}\">{}</a>",
                                    escape_html(&format!("/side/{}", encode_component(side))),
                                    count_badge("div", c.divergences, "divergences")
                                )
                            } else {
                                String::new()
                            },
                        );
                    }
                    None => body.push_str("<td class=\"empty\">–</td>"),
                }
            }
            body.push_str("</tr>");
        }
        body.push_str("</tbody></table></div>");
        let _ = write!(
            body,
            "<p class=\"legend\">Legend:{}public statements{}private statements{}divergences",
            count_badge("public", 1, "public").replace(">1<", ">n<"),
            count_badge("private", 1, "private").replace(">1<", ">n<"),
            count_badge("div", 1, "divergences").replace(">1<", ">n<"),
        );
        if overview.sides.len() > MATRIX_SIDES || overview.topics.len() > MATRIX_TOPICS {
            let _ = write!(
                body,
                " · showing the {} most active of {} sides and {} of {} topics",
                overview.sides.len().min(MATRIX_SIDES),
                overview.sides.len(),
                topics.len(),
                overview.topics.len()
            );
        }
        body.push_str("</p>");
    }
    body.push_str("</section>");
    body.push_str("<section class=\"card\"><h2>Strongest divergences</h2>");
    body.push_str(&divergence_table(&strongest, true, true));
    body.push_str("</section>");
    Ok(Html(layout("Overview", "Overview", &body)))
}

pub(crate) async fn divergence(State(state): State<AppState>, Path(id): Path<String>) -> Page {
    let number = divergence_id(&id)?;
    let found = state.query(move |s| Ok(s.divergence(number)?)).await?;
    let d = found.ok_or_else(|| Failure::not_found(format!("no divergence {id:?}")))?;
    let mut body = format!(
        "<h1>{} on {}</h1><p class=\"sub\">Divergence {} · score <span class=\"score\">{:.2}</span> · \
         {} private against {} public statements</p><p class=\"explanation\">{}</p>",
        side_link(&d.side),
        topic_link(&d.topic),
        d.id,
        d.score,
        d.private.len(),
        d.public.len(),
        escape_html(&d.explanation)
    );
    body.push_str("<div class=\"columns\">");
    for (class, heading, list) in [
        ("private", "Behind closed doors", &d.private),
        ("public", "On the record", &d.public),
    ] {
        let _ = write!(body, "<section class=\"column {class}\"><h2>{heading}</h2>");
        if list.is_empty() {
            body.push_str(
                "<p class=\"empty-note\">These statements are no longer in the store.</p>",
            );
        }
        for s in list {
            body.push_str(&statement_card(s));
        }
        body.push_str("</section>");
    }
    body.push_str("</div>");
    if !d.signals.is_empty() {
        body.push_str(
            "<section class=\"card\"><h2>Signals</h2><table><thead><tr><th>Kind</th><th>Weight</th>\
             <th>Private cue</th><th>Public cue</th></tr></thead><tbody>",
        );
        for sig in &d.signals {
            let _ = write!(
                body,
                "<tr><td>{}</td><td class=\"score\">{:.2}</td><td><a href=\"{}\">{}</a></td><td><a href=\"{}\">{}</a></td></tr>",
                escape_html(&sig.kind),
                sig.weight,
                escape_html(&statement_href(&d.private, &sig.private.0)),
                escape_html(&sig.private.1),
                escape_html(&statement_href(&d.public, &sig.public.0)),
                escape_html(&sig.public.1),
            );
        }
        body.push_str("</tbody></table></section>");
    }
    let title = format!("{} on {}", d.side, d.topic);
    Ok(Html(layout(&title, "", &body)))
}

/// Link to a statement in its article, or to the statement list when unknown.
fn statement_href(list: &[StatementView], id: &str) -> String {
    match list.iter().find(|s| s.id == id) {
        Some(s) => doc_href(&s.document.id, Some(&s.id)),
        None => query_href(
            "/search",
            &[("q", Some(&format!("\"{}\"", id.replace('"', ""))))],
        ),
    }
}

pub(crate) async fn document(State(state): State<AppState>, Path(id): Path<String>) -> Page {
    let key = id.clone();
    let found = state.query(move |s| Ok(s.document(&key)?)).await?;
    let doc = found.ok_or_else(|| Failure::not_found(format!("no document {id:?}")))?;
    let title = doc
        .meta
        .title
        .clone()
        .unwrap_or_else(|| doc.meta.id.clone());
    let mut meta = Vec::new();
    if let Some(outlet) = &doc.meta.outlet {
        meta.push(outlet_link(outlet));
    }
    if let Some(date) = &doc.meta.date {
        meta.push(format!("<time>{}</time>", escape_html(date)));
    }
    if let Some(url) = doc
        .meta
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        meta.push(format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">original</a>",
            escape_html(url)
        ));
    }
    meta.push(format!("{} statements", doc.statements.len()));
    let mut body = format!(
        "<h1>{}</h1><p class=\"sub\">{}</p><div class=\"article-layout\"><div class=\"article\">{}</div>",
        escape_html(&title),
        meta.join(" <span class=\"dot\">·</span> "),
        highlighted_text(&doc.text, &doc.statements)
    );
    body.push_str("<aside class=\"statements card\"><h2>Statements</h2><ol>");
    for s in &doc.statements {
        let who = s.speaker.as_deref().unwrap_or("unattributed");
        let _ = write!(
            body,
            "<li><a href=\"#{}\">{}</a> {}{}</li>",
            escape_html(&format!("s-{}", encode_component(&s.id))),
            escape_html(who),
            channel_badge(s.channel),
            s.side
                .as_deref()
                .map(|x| format!(" <span class=\"dot\">·</span> {}", side_link(x)))
                .unwrap_or_default()
        );
    }
    body.push_str("</ol></aside></div>");
    Ok(Html(layout(&title, "", &body)))
}

/// Filter form shared by the timeline and search pages.
fn filter_form(
    action: &str,
    p: &Params,
    sides: &[String],
    topics: &[String],
    with_query: bool,
) -> String {
    let value = |k: &str| escape_html(&p.text(k).unwrap_or_default());
    let mut out = format!("<form class=\"card filters\" action=\"{action}\" method=\"get\">");
    if with_query {
        let _ = write!(
            out,
            "<label>Search<input type=\"search\" name=\"q\" value=\"{}\" placeholder='\"exact phrase\" or prefix*'></label>",
            value("q")
        );
    }
    let _ = write!(
        out,
        "<label>Side<select name=\"side\">{}</select></label><label>Topic<select name=\"topic\">{}</select></label>",
        options(sides, p.text("side").as_deref(), "any side"),
        options(topics, p.text("topic").as_deref(), "any topic")
    );
    let channels: Vec<String> = ["public", "private", "unknown"]
        .iter()
        .map(|c| c.to_string())
        .collect();
    let _ = write!(
        out,
        "<label>Channel<select name=\"channel\">{}</select></label>\
         <label>Outlet<input name=\"outlet\" value=\"{}\"></label>\
         <label>Since<input type=\"date\" name=\"since\" value=\"{}\"></label>\
         <label>Until<input type=\"date\" name=\"until\" value=\"{}\"></label>",
        options(&channels, p.text("channel").as_deref(), "any channel"),
        value("outlet"),
        value("since"),
        value("until"),
    );
    if with_query {
        let kinds: Vec<String> = ["statement", "article"]
            .iter()
            .map(|k| k.to_string())
            .collect();
        let _ = write!(
            out,
            "<label>Kind<select name=\"kind\">{}</select></label>",
            options(&kinds, p.text("kind").as_deref(), "statements and articles")
        );
    }
    out.push_str("<button type=\"submit\">Apply</button></form>");
    out
}

fn filter_pairs(p: &Params) -> Vec<(&'static str, Option<String>)> {
    [
        "q", "side", "topic", "channel", "outlet", "since", "until", "kind",
    ]
    .into_iter()
    .map(|k| (k, p.text(k)))
    .collect()
}

pub(crate) async fn timeline(State(state): State<AppState>, Query(q): QueryMap) -> Page {
    let p = Params(q);
    let filters = p.filters()?;
    let (page, offset) = p.page()?;
    let (overview, rows) = state
        .query(move |s| {
            Ok((
                s.overview()?,
                s.statements(&filters, DEFAULT_LIMIT, offset)?,
            ))
        })
        .await?;
    let mut scope = Vec::new();
    if let Some(side) = p.text("side") {
        scope.push(side_link(&side));
    }
    if let Some(topic) = p.text("topic") {
        scope.push(format!("on {}", topic_link(&topic)));
    }
    let mut body =
        format!(
        "<h1>Timeline</h1><p class=\"sub\">When each public and private statement appeared{}.</p>",
        if scope.is_empty() { String::new() } else { format!(": {}", scope.join(" ")) }
    );
    body.push_str(&filter_form(
        "/timeline",
        &p,
        &overview.sides,
        &overview.topics,
        false,
    ));
    if rows.is_empty() {
        body.push_str("<p class=\"empty-note\">No statements match these filters.</p>");
    } else {
        body.push_str(
            "<div class=\"tl-head\"><div class=\"pub\">On the record</div><div></div><div class=\"priv\">Behind closed doors</div></div>",
        );
        let mut i = 0;
        while i < rows.len() {
            let date = rows.get(i).and_then(|s| s.document.date.clone());
            let day_of = |s: &StatementView| {
                s.document
                    .date
                    .as_deref()
                    .map(|d| d.get(..10).unwrap_or(d).to_string())
            };
            let day = rows.get(i).and_then(day_of);
            let mut public = String::new();
            let mut private = String::new();
            while let Some(s) = rows.get(i).filter(|s| day_of(s) == day) {
                match s.channel {
                    Channel::Private => private.push_str(&statement_card(s)),
                    _ => public.push_str(&statement_card(s)),
                }
                i += 1;
            }
            let label = day.or(date).unwrap_or_else(|| "undated".into());
            let _ = write!(
                body,
                "<div class=\"tl-row\"><div class=\"tl-pub\">{public}</div><div class=\"tl-date\"><time>{}</time></div><div class=\"tl-priv\">{private}</div></div>",
                escape_html(&label)
            );
        }
    }
    let pairs = filter_pairs(&p);
    let pairs: Vec<(&str, Option<&str>)> = pairs.iter().map(|(k, v)| (*k, v.as_deref())).collect();
    body.push_str(&pager("/timeline", &pairs, page, rows.len()));
    Ok(Html(layout("Timeline", "Timeline", &body)))
}

pub(crate) async fn search(State(state): State<AppState>, Query(q): QueryMap) -> Page {
    let p = Params(q);
    let filters: Filters = p.filters()?;
    let kind = p.kind()?;
    let (page, offset) = p.page()?;
    let text = p.text("q");
    let query = text.clone().map(|text| SearchQuery {
        text,
        filters,
        kind,
        limit: DEFAULT_LIMIT,
        offset,
    });
    let (overview, hits) = state
        .query(move |s| {
            let hits = match &query {
                Some(q) => Some(s.search(q)?),
                None => None,
            };
            Ok((s.overview()?, hits))
        })
        .await?;
    let mut body = String::from(
        "<h1>Search</h1><p class=\"sub\">Statements and articles, ranked by relevance. \
         Use <code>\"exact phrase\"</code>, <code>prefix*</code>, <code>AND</code>, <code>OR</code>, <code>NOT</code>.</p>",
    );
    body.push_str(&filter_form(
        "/search",
        &p,
        &overview.sides,
        &overview.topics,
        true,
    ));
    if let Some(hits) = &hits {
        body.push_str("<section class=\"card\">");
        if hits.is_empty() {
            body.push_str("<p class=\"empty-note\">Nothing matches.</p>");
        }
        for h in hits {
            let title = h.title.as_deref().unwrap_or(&h.document);
            let href = doc_href(&h.document, h.statement.as_deref());
            let mut meta = vec![match h.kind {
                backchannel_store::HitKind::Statement => "statement".to_string(),
                backchannel_store::HitKind::Article => "article".to_string(),
            }];
            if let Some(side) = &h.side {
                meta.push(side_link(side));
            }
            if let Some(c) = h.channel {
                meta.push(channel_badge(c));
            }
            if let Some(outlet) = &h.outlet {
                meta.push(outlet_link(outlet));
            }
            if let Some(date) = &h.date {
                meta.push(escape_html(date));
            }
            let _ = write!(
                body,
                "<div class=\"hit\"><a class=\"title\" href=\"{}\">{}</a><p class=\"snippet\">{}</p><div class=\"meta\">{}</div></div>",
                escape_html(&href),
                escape_html(title),
                snippet_html(&h.snippet, &h.highlights),
                meta.join(" <span class=\"dot\">·</span> ")
            );
        }
        body.push_str("</section>");
        let pairs = filter_pairs(&p);
        let pairs: Vec<(&str, Option<&str>)> =
            pairs.iter().map(|(k, v)| (*k, v.as_deref())).collect();
        body.push_str(&pager("/search", &pairs, page, hits.len()));
    }
    Ok(Html(layout("Search", "Search", &body)))
}

fn stat_boxes(items: &[(u64, &str)]) -> String {
    let mut out = String::from("<div class=\"stats\">");
    for (n, label) in items {
        let _ = write!(
            out,
            "<div class=\"stat\"><b>{n}</b><span>{label}</span></div>"
        );
    }
    out.push_str("</div>");
    out
}

pub(crate) async fn side(State(state): State<AppState>, Path(name): Path<String>) -> Page {
    let key = name.clone();
    let found = state
        .query(move |s| Ok(s.side_profile(&key, DEFAULT_LIMIT)?))
        .await?;
    let side = found.ok_or_else(|| Failure::not_found(format!("no side {name:?}")))?;
    let mut body = format!(
        "<h1>{}</h1><p class=\"sub\">Side · <a href=\"{}\">timeline of its statements</a></p>",
        escape_html(&side.side),
        escape_html(&query_href("/timeline", &[("side", Some(&side.side))]))
    );
    body.push_str(&stat_boxes(&[
        (side.public, "public statements"),
        (side.private, "private statements"),
        (side.divergences.len() as u64, "divergences"),
    ]));
    body.push_str("<section class=\"card\"><h2>Topics</h2><table><thead><tr><th>Topic</th><th>Public</th><th>Private</th><th>Divergences</th><th></th></tr></thead><tbody>");
    for c in &side.topics {
        let href = query_href(
            "/timeline",
            &[("side", Some(&side.side)), ("topic", Some(&c.topic))],
        );
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">timeline</a></td></tr>",
            topic_link(&c.topic),
            count_badge("public", c.public, "public"),
            count_badge("private", c.private, "private"),
            count_badge("div", c.divergences, "divergences"),
            escape_html(&href)
        );
    }
    body.push_str("</tbody></table></section>");
    body.push_str("<section class=\"card\"><h2>Divergences</h2>");
    body.push_str(&divergence_table(&side.divergences, false, true));
    body.push_str("</section>");
    if !side.private_only.is_empty() {
        body.push_str("<section class=\"card\"><h2>Discussed only in private</h2><ul>");
        for po in &side.private_only {
            let href = query_href(
                "/timeline",
                &[
                    ("side", Some(&po.side)),
                    ("topic", Some(&po.topic)),
                    ("channel", Some("private")),
                ],
            );
            let _ = write!(
                body,
                "<li><a href=\"{}\">{}</a> — {} private statements</li>",
                escape_html(&href),
                escape_html(&po.topic),
                po.statements.len()
            );
        }
        body.push_str("</ul></section>");
    }
    Ok(Html(layout(&side.side, "", &body)))
}

pub(crate) async fn topic(State(state): State<AppState>, Path(name): Path<String>) -> Page {
    let key = name.clone();
    let found = state
        .query(move |s| Ok(s.topic_profile(&key, DEFAULT_LIMIT)?))
        .await?;
    let t = found.ok_or_else(|| Failure::not_found(format!("no topic {name:?}")))?;
    let mut body = format!(
        "<h1>{}</h1><p class=\"sub\">Topic{} · key terms: {} · <a href=\"{}\">timeline</a></p>",
        escape_html(&t.topic.name),
        if t.topic.seeded {
            " (named by the analyst)"
        } else {
            ""
        },
        escape_html(&t.topic.terms.join(", ")),
        escape_html(&query_href("/timeline", &[("topic", Some(&t.topic.name))]))
    );
    body.push_str("<section class=\"card\"><h2>Sides</h2><table><thead><tr><th>Side</th><th>Public</th><th>Private</th><th>Divergences</th><th></th></tr></thead><tbody>");
    for c in &t.sides {
        let href = query_href(
            "/timeline",
            &[("side", Some(&c.side)), ("topic", Some(&c.topic))],
        );
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">timeline</a></td></tr>",
            side_link(&c.side),
            count_badge("public", c.public, "public"),
            count_badge("private", c.private, "private"),
            count_badge("div", c.divergences, "divergences"),
            escape_html(&href)
        );
    }
    body.push_str("</tbody></table></section><section class=\"card\"><h2>Divergences</h2>");
    body.push_str(&divergence_table(&t.divergences, true, false));
    body.push_str("</section>");
    Ok(Html(layout(&t.topic.name, "", &body)))
}

pub(crate) async fn outlet(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): QueryMap,
) -> Page {
    let p = Params(q);
    let (page, offset) = p.page()?;
    let key = name.clone();
    let found = state
        .query(move |s| Ok(s.outlet_profile(&key, DEFAULT_LIMIT, offset)?))
        .await?;
    let o = found.ok_or_else(|| Failure::not_found(format!("no outlet {name:?}")))?;
    let mut body = format!(
        "<h1>{}</h1><p class=\"sub\">Outlet</p>",
        escape_html(&o.outlet)
    );
    body.push_str(&stat_boxes(&[
        (o.documents, "articles"),
        (o.public, "public statements"),
        (o.private, "private statements"),
    ]));
    body.push_str("<section class=\"card\"><h2>Articles</h2><table><thead><tr><th>Date</th><th>Title</th></tr></thead><tbody>");
    for a in &o.articles {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td></tr>",
            escape_html(a.date.as_deref().unwrap_or("")),
            link(&doc_href(&a.id, None), a.title.as_deref().unwrap_or(&a.id))
        );
    }
    body.push_str("</tbody></table>");
    body.push_str(&pager(
        &format!("/outlet/{}", encode_component(&o.outlet)),
        &[],
        page,
        o.articles.len(),
    ));
    body.push_str("</section>");
    Ok(Html(layout(&o.outlet, "", &body)))
}

pub(crate) async fn drift(State(state): State<AppState>, Query(q): QueryMap) -> Page {
    let p = Params(q);
    let (page, offset) = p.page()?;
    let rows = state
        .query(move |s| Ok(s.drift(DEFAULT_LIMIT, offset)?))
        .await?;
    let mut body = String::from(
        "<h1>Drift</h1><p class=\"sub\">The same quote or description rendered differently by two outlets, least similar first.</p><section class=\"card\">",
    );
    if rows.is_empty() {
        body.push_str("<p class=\"empty-note\">No drifting quotes found.</p>");
    } else {
        body.push_str("<table><thead><tr><th>Similarity</th><th>First rendering</th><th>Second rendering</th><th>Word diff</th></tr></thead><tbody>");
        for d in &rows {
            let rendering = |r: &backchannel_store::RenderingView| {
                format!(
                    "{}<div class=\"meta\">{}</div>",
                    escape_html(&r.text),
                    link(
                        &doc_href(&r.document.id, None),
                        r.outlet
                            .as_deref()
                            .or(r.document.outlet.as_deref())
                            .unwrap_or(&r.document.id)
                    )
                )
            };
            let _ = write!(
                body,
                "<tr><td class=\"score\">{:.2}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                d.similarity,
                rendering(&d.a),
                rendering(&d.b),
                diff_html(&d.diff)
            );
        }
        body.push_str("</tbody></table>");
    }
    body.push_str(&pager("/drift", &[], page, rows.len()));
    body.push_str("</section>");
    Ok(Html(layout("Drift", "Drift", &body)))
}
