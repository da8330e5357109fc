//! HTML pages: main-content extraction (dom_smoothie) and metadata.
//!
//! Metadata comes from JSON-LD (`NewsArticle` and other `*Article` types:
//! headline, datePublished, publisher.name, author), then OpenGraph and
//! `article:published_time` meta tags, then `<title>` and `<time datetime>`.
//! The document text is `headline + "\n\n" + body` (with the headline span
//! set), body paragraphs separated by blank lines.

use crate::{decode, error, file_stem_id, read_all, Documents, ReadOptions, Reader};
use backchannel_core::{Document, Origin, Span};
use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability, ReadabilityError};
use serde_json::Value;
use std::io::BufRead;

/// Reads a whole file as one HTML page.
pub struct HtmlReader;

impl Reader for HtmlReader {
    fn read<'a>(
        &self,
        path: &str,
        mut input: Box<dyn BufRead + Send + 'a>,
        opts: &ReadOptions,
    ) -> Documents<'a> {
        let origin = Origin::file(path);
        let result = read_all(&mut input, opts.max_bytes)
            .and_then(|bytes| html_document(file_stem_id(path), &bytes, &PageContext::default()))
            .map(|mut doc| {
                doc.origin = origin.clone();
                doc
            })
            .map_err(|reason| error(origin, reason));
        Box::new(std::iter::once(result))
    }
}

/// What the container of a page (a WARC record, an HTTP response) says
/// about it. Its `url` and `date` win over the page's own: for a crawl,
/// where and when the page was fetched is what the record vouches for.
#[derive(Debug, Default, Clone)]
pub struct PageContext {
    /// The charset the transport declared (HTTP `Content-Type`).
    pub charset: Option<String>,
    /// The URL the page was fetched from.
    pub url: Option<String>,
    /// When the page was fetched.
    pub date: Option<String>,
}

/// The article in one HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    pub headline: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Main content, paragraphs separated by blank lines, without the headline.
    pub body: String,
}

/// Builds the document for one page's raw bytes.
pub fn html_document(id: String, bytes: &[u8], context: &PageContext) -> Result<Document, String> {
    let html = decode::decode_html(bytes, context.charset.as_deref());
    let article = extract_article(&html)?;
    let mut text = String::with_capacity(article.body.len() + 128);
    let headline = match article.headline.as_deref() {
        Some(h) if !h.is_empty() => {
            text.push_str(h);
            text.push_str("\n\n");
            Some(Span::new(0, h.len()))
        }
        _ => None,
    };
    text.push_str(&article.body);
    Ok(Document {
        id,
        title: article.headline,
        outlet: article.outlet,
        date: context.date.clone().or(article.date),
        url: context.url.clone().or(article.url),
        text,
        headline,
        origin: Origin::default(),
    })
}

/// Extracts the article (metadata and main text) from a decoded page.
pub fn extract_article(html: &str) -> Result<HtmlArticle, String> {
    // The HTML parser itself slows down with the square of nesting depth
    // (100,000 levels take most of a minute): such pages are refused first.
    let estimate = estimated_nesting(html);
    if estimate > MAX_SOURCE_NESTING {
        return Err(format!(
            "tags nest about {estimate} deep (more than {MAX_SOURCE_NESTING}); not read as a page"
        ));
    }
    let dom = Dom::from(html);
    // Main-content scoring slows down with the square of nesting depth
    // (20,000 levels take minutes); no real page nests this deep.
    let depth = nesting_depth(&dom.root());
    if depth > MAX_NESTING_DEPTH {
        return Err(format!(
            "elements nest {depth} deep (more than {MAX_NESTING_DEPTH}); not read as a page"
        ));
    }
    let ld = json_ld_article(&dom);
    let meta = MetaTags::read(&dom);
    let time_datetime = dom
        .select("time[datetime]")
        .attr("datetime")
        .map(|d| d.trim().to_string());

    // Classes are kept so that the text walk can drop boilerplate blocks.
    let config = Config {
        keep_classes: true,
        ..Config::default()
    };
    let mut readability = Readability::with_document(dom, None, Some(config))
        .map_err(|e| format!("cannot read page: {e}"))?;
    let readable = readability.is_probably_readable();
    let parsed = match readability.parse() {
        Ok(parsed) => parsed,
        Err(ReadabilityError::GrabFailed) => {
            return Err("no article content found in the page".to_string())
        }
        Err(e) => return Err(format!("cannot extract the article: {e}")),
    };
    let root = readability.doc.select("#readability-page-1");
    let mut body = match root.nodes().first() {
        Some(node) => node_text(node),
        None => html_to_text(&parsed.content)?,
    };

    let headline = ld
        .headline
        .clone()
        .or_else(|| meta.og_title.clone())
        .or_else(|| Some(parsed.title.to_string()))
        .map(|h| collapse_whitespace(&decode_entities(&h)))
        .filter(|h| !h.is_empty());
    if let Some(h) = headline.as_deref() {
        body = strip_leading_headline(body, h);
    }
    if body.trim().is_empty() {
        return Err("no article text found in the page".to_string());
    }
    // Pages with no article-like block still yield their best block (a
    // menu, a cookie notice); a short one of those is not an article.
    let chars = body.chars().count();
    if !readable && chars < MIN_UNREADABLE_CHARS {
        return Err(format!(
            "no article found in the page (only {chars} characters of text outside article-like blocks)"
        ));
    }
    let clean =
        |s: String| Some(collapse_whitespace(&decode_entities(&s))).filter(|s| !s.is_empty());
    Ok(HtmlArticle {
        headline,
        outlet: ld
            .publisher
            .or(meta.site_name)
            .or(parsed.site_name)
            .and_then(clean),
        // The first candidate that reads as a date, as ISO 8601.
        date: [
            ld.date_published,
            meta.published,
            time_datetime,
            parsed.published_time,
        ]
        .into_iter()
        .flatten()
        .find_map(|d| crate::normalize_date(&decode_entities(&d))),
        author: ld.author.or(meta.author).or(parsed.byline).and_then(clean),
        url: ld.url.or(meta.url).and_then(clean),
        body,
    })
}

/// Turns an HTML fragment (feed item content, say) into text: block
/// elements become paragraphs separated by blank lines, `<br>` a line break.
/// Refuses fragments nested too deep to parse in reasonable time.
pub fn html_to_text(html: &str) -> Result<String, String> {
    let estimate = estimated_nesting(html);
    if estimate > MAX_SOURCE_NESTING {
        return Err(format!(
            "tags nest about {estimate} deep (more than {MAX_SOURCE_NESTING})"
        ));
    }
    let dom = Dom::fragment(html);
    Ok(node_text(&dom.root()))
}

/// Deepest tag nesting, as [`estimated_nesting`] counts it, handed to the parser.
const MAX_SOURCE_NESTING: usize = 5000;

/// Elements that have no end tag, or whose end tag is usually left out.
const NO_END_TAG: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "!doctype",
];

/// How deep the tags of the raw page nest, counted from start and end tags
/// (skipping comments, scripts and styles, void and end-optional elements).
fn estimated_nesting(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr::memchr(b'<', b.get(i..).unwrap_or_default()) {
        i += offset + 1;
        let rest = b.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i += memchr::memmem::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = rest
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'!'))
            .unwrap_or(rest.len());
        if name_len == 0 {
            continue;
        }
        let name =
            String::from_utf8_lossy(rest.get(..name_len).unwrap_or_default()).to_ascii_lowercase();
        let tag_end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        if name == "script" || name == "style" {
            let close = if name == "script" {
                &b"</script"[..]
            } else {
                &b"</style"[..]
            };
            let lower: Vec<u8> = rest.iter().map(u8::to_ascii_lowercase).collect();
            i += memchr::memmem::find(&lower, close).unwrap_or(rest.len());
            continue;
        }
        let self_closing = tag_end > 0 && rest.get(tag_end - 1) == Some(&b'/');
        if !self_closing && !NO_END_TAG.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
        i += tag_end;
    }
    deepest
}

/// Deepest element nesting read as a page.
const MAX_NESTING_DEPTH: usize = 512;

/// How deep elements nest under `root`.
fn nesting_depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        for child in node.children_it(false) {
            if child.is_element() {
                stack.push((child, depth + 1));
            }
        }
    }
    deepest
}

/// Text shorter than this from a page with no article-like block is not an article.
const MIN_UNREADABLE_CHARS: usize = 200;

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "select",
    "textarea",
    "button",
    "canvas",
    "audio",
    "video",
    "map",
    "figure",
    "figcaption",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "address",
    "form",
    "fieldset",
    "details",
    "summary",
    "center",
    "caption",
    "body",
    "html",
    "hgroup",
    "picture",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Paragraph,
}

/// Text assembled with whitespace collapsed and breaks deferred, so that
/// nothing leads, trails or doubles.
struct TextOut {
    out: String,
    pending: Break,
}

impl TextOut {
    fn brk(&mut self, b: Break) {
        self.pending = self.pending.max(b);
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            match self.pending {
                Break::None => {}
                Break::Space => self.out.push(' '),
                Break::Line => self.out.push('\n'),
                Break::Paragraph => self.out.push_str("\n\n"),
            }
        }
        self.pending = Break::None;
    }

    fn push_collapsed(&mut self, text: &str) {
        for word in text.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
            if word.is_empty() {
                self.brk(Break::Space);
                continue;
            }
            self.flush();
            self.out.push_str(word);
            self.pending = Break::Space;
        }
        // The loop leaves a Space after the last word; keep it only when
        // the text really ended in whitespace.
        if !text.ends_with(|c: char| c.is_whitespace() && c != '\u{a0}')
            && self.pending == Break::Space
        {
            self.pending = Break::None;
        }
    }

    fn push_preformatted(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.brk(Break::Line);
            }
            let line = line.trim_end();
            if !line.is_empty() {
                self.flush();
                self.out.push_str(line);
            }
        }
    }
}

/// The text of a node and everything under it (see [`html_to_text`]).
/// Iterative, so that deeply nested pages cannot overflow the stack.
fn node_text(root: &NodeRef) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a>, bool),
        Leave(Break),
    }
    let total_len = root.text().len();
    let mut out = TextOut {
        out: String::new(),
        pending: Break::None,
    };
    let mut stack = vec![Step::Enter(*root, false)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(b) => out.brk(b),
            Step::Enter(node, in_pre) => {
                if node.is_text() {
                    let text = node.text();
                    if in_pre {
                        out.push_preformatted(&text);
                    } else {
                        out.push_collapsed(&text);
                    }
                    continue;
                }
                let name = node.node_name();
                let name = name.as_deref().unwrap_or("");
                if node.is_element() {
                    // A furniture block holding half the text is mislabelled, not furniture.
                    if SKIPPED.contains(&name)
                        || is_boilerplate(&node) && node.text().len() * 2 < total_len
                    {
                        continue;
                    }
                    if name == "br" {
                        out.brk(Break::Line);
                        continue;
                    }
                } else if !(node.is_document() || node.is_fragment()) {
                    continue;
                }
                let after = if BLOCKS.contains(&name) {
                    out.brk(Break::Paragraph);
                    Break::Paragraph
                } else if matches!(name, "td" | "th") {
                    out.brk(Break::Space);
                    Break::Space
                } else {
                    Break::None
                };
                stack.push(Step::Leave(after));
                let pre = in_pre || name == "pre";
                for child in node.children().into_iter().rev() {
                    stack.push(Step::Enter(child, pre));
                }
            }
        }
    }
    out.out
}

/// Class or id words of blocks that are page furniture, not article text.
const BOILERPLATE_MARKERS: &[&str] = &[
    "caption",
    "byline",
    "share",
    "social",
    "related",
    "newsletter",
    "promo",
    "subscribe",
    "advert",
    "timestamp",
    "recommend",
];

/// True for an element whose class or id names it page furniture: one of
/// the words of a class or id (split at `-`, `_`, spaces and case changes)
/// is a [`BOILERPLATE_MARKERS`] word.
fn is_boilerplate(node: &NodeRef) -> bool {
    ["class", "id"].iter().any(|attr| {
        node.attr(attr).is_some_and(|value| {
            words_of_name(&value).any(|w| {
                BOILERPLATE_MARKERS
                    .iter()
                    .any(|m| w.eq_ignore_ascii_case(m))
            })
        })
    })
}

/// `articleCaption share-bar` → `article`, `Caption`, `share`, `bar`.
fn words_of_name(name: &str) -> impl Iterator<Item = &str> {
    let mut starts = Vec::new();
    let mut prev_lower = false;
    let mut start = None;
    for (i, c) in name.char_indices() {
        if c.is_ascii_alphanumeric() {
            if start.is_none() || (c.is_ascii_uppercase() && prev_lower) {
                if let Some(s) = start {
                    starts.push((s, i));
                }
                start = Some(i);
            }
            prev_lower = c.is_ascii_lowercase();
        } else {
            if let Some(s) = start.take() {
                starts.push((s, i));
            }
            prev_lower = false;
        }
    }
    if let Some(s) = start {
        starts.push((s, name.len()));
    }
    starts.into_iter().filter_map(move |(s, e)| name.get(s..e))
}

/// `body` without a first paragraph that repeats the headline.
fn strip_leading_headline(body: String, headline: &str) -> String {
    let first_end = body.find("\n\n").unwrap_or(body.len());
    let first = body.get(..first_end).unwrap_or("");
    if collapse_whitespace(first).eq_ignore_ascii_case(headline) {
        body.get(first_end..).unwrap_or("").trim_start().to_string()
    } else {
        body
    }
}

/// Article fields from JSON-LD.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    date_published: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

fn json_ld_article(dom: &Dom) -> LdArticle {
    let mut found: Vec<(u8, LdArticle)> = Vec::new();
    for script in dom.select("script[type='application/ld+json']").nodes() {
        let text = script.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        collect_articles(&value, &mut found, 0);
    }
    // Prefer news articles over other article types, then document order.
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().next().map(|(_, a)| a).unwrap_or_default()
}

fn collect_articles(value: &Value, found: &mut Vec<(u8, LdArticle)>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_articles(v, found, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_articles(graph, found, depth + 1);
            }
            let types: Vec<&str> = match map.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            let rank = types
                .iter()
                .filter_map(|t| {
                    if t.ends_with("NewsArticle") {
                        Some(0)
                    } else if t.ends_with("Article") || t.ends_with("BlogPosting") || *t == "Report"
                    {
                        Some(1)
                    } else {
                        None
                    }
                })
                .min();
            if let Some(rank) = rank {
                found.push((
                    rank,
                    LdArticle {
                        headline: string_field(map.get("headline"))
                            .or_else(|| string_field(map.get("name"))),
                        date_published: string_field(map.get("datePublished")),
                        publisher: map.get("publisher").and_then(name_of),
                        author: map.get("author").and_then(name_of),
                        url: string_field(map.get("url")),
                    },
                ));
            }
        }
        _ => {}
    }
}

fn string_field(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// The `name` of a person or organisation, or the names of several, joined.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(map) => string_field(map.get("name")),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// The meta tags that carry article metadata.
#[derive(Debug, Default)]
struct MetaTags {
    og_title: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

impl MetaTags {
    fn read(dom: &Dom) -> MetaTags {
        let mut tags = MetaTags::default();
        let mut other_date: Option<String> = None;
        for node in dom.select("meta[content]").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = content.trim().to_string();
            if content.is_empty() {
                continue;
            }
            let key = node
                .attr("property")
                .or_else(|| node.attr("name"))
                .or_else(|| node.attr("itemprop"));
            let Some(key) = key else { continue };
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "og:title" | "twitter:title" => &mut tags.og_title,
                "og:site_name" | "application-name" => &mut tags.site_name,
                "article:published_time" | "og:article:published_time" | "datepublished" => {
                    &mut tags.published
                }
                "date" | "pubdate" | "publishdate" | "dc.date" | "dc.date.issued"
                | "dcterms.created" | "parsely-pub-date" | "sailthru.date"
                | "article.published" => &mut other_date,
                "author" | "article:author" | "byl" | "dc.creator" => &mut tags.author,
                "og:url" => &mut tags.url,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(content);
            }
        }
        tags.published = tags.published.or(other_date);
        if tags.url.is_none() {
            tags.url = dom
                .select("link[rel='canonical']")
                .attr("href")
                .map(|h| h.trim().to_string());
        }
        tags
    }
}

/// Runs of whitespace as single spaces, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the character references left in metadata strings (JSON-LD
/// values are often still entity-escaped).
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let semi = after.find(';').filter(|&s| s <= 10);
        let decoded = semi.and_then(|s| {
            let name = after.get(..s)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                "rsquo" => '\u{2019}',
                "lsquo" => '\u{2018}',
                "rdquo" => '\u{201d}',
                "ldquo" => '\u{201c}',
                "mdash" => '\u{2014}',
                "ndash" => '\u{2013}',
                "hellip" => '\u{2026}',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, s))
        });
        match decoded {
            Some((c, s)) => {
                out.push(c);
                rest = after.get(s + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_become_paragraphs() {
        let text = html_to_text(
            "<p>The envoy of <b>Vostra</b>  arrived.</p><p>Talks began<br>at noon.</p><ul><li>One</li><li>Two</li></ul><script>x()</script>",
        )
        .unwrap();
        assert_eq!(
            text,
            "The envoy of Vostra arrived.\n\nTalks began\nat noon.\n\nOne\n\nTwo"
        );
    }

    #[test]
    fn nesting_estimates() {
        assert_eq!(
            estimated_nesting("<div><p>a<p>b<br><img src=x/><!-- <div><div> --></div>"),
            1
        );
        assert_eq!(
            estimated_nesting("<script>if (a<b && c<d) {}</script><section><div></div></section>"),
            2
        );
        assert_eq!(estimated_nesting(&"<span>".repeat(40)), 40);
    }

    #[test]
    fn name_words() {
        let words: Vec<&str> = words_of_name("articleCaption share-bar  x_1").collect();
        assert_eq!(words, ["article", "Caption", "share", "bar", "x", "1"]);
    }

    #[test]
    fn furniture_blocks_are_dropped_by_class_words() {
        let text = html_to_text(
            "<div class='story-body shared-content'><p>Kept: the envoy of Vostra arrived in Keldor on Monday.</p><div class='share-tools'>Share on Vostranet</div><p class='imageCaption'>A caption.</p></div>",
        )
        .unwrap();
        assert_eq!(
            text,
            "Kept: the envoy of Vostra arrived in Keldor on Monday."
        );
        let text = html_to_text("<div class='related-story'><p>The whole story.</p></div><p>x</p>")
            .unwrap();
        assert_eq!(text, "The whole story.\n\nx");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("Keldor &amp; Vostra &#8220;talk&#x201D; &bogus; &"),
            "Keldor & Vostra \u{201c}talk\u{201d} &bogus; &"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep words{}",
            "<div>".repeat(4_000),
            "</div>".repeat(4_000)
        );
        assert_eq!(html_to_text(&html).unwrap(), "deep words");
        let too_deep = "<div>".repeat(6_000);
        assert_eq!(
            html_to_text(&too_deep).unwrap_err(),
            "tags nest about 6000 deep (more than 5000)"
        );
    }
}
