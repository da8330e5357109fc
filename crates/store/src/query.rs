//! Read queries: full-text search and the views the web pages show.
//!
//! Every list takes a limit (clamped to [`MAX_LIMIT`]) and an offset, so a
//! page over a large corpus costs one indexed query.

use crate::{check_span, day_of, to_usize, Error, Result, Store};
use backchannel_core::{Channel, DocumentMeta, Evidence, Signal, Topic};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::Serialize;
use std::collections::HashMap;

/// The most rows one list query returns.
pub const MAX_LIMIT: usize = 500;
/// Rows per page when the caller does not say.
pub const DEFAULT_LIMIT: usize = 50;

/// Parses `public`, `private` or `unknown`.
pub fn parse_channel(s: &str) -> Result<Channel> {
    match s.trim().to_ascii_lowercase().as_str() {
        "public" => Ok(Channel::Public),
        "private" => Ok(Channel::Private),
        "unknown" => Ok(Channel::Unknown),
        other => Err(Error::BadQuery(format!(
            "unknown channel {other:?} (expected public, private or unknown)"
        ))),
    }
}

/// Checks a `YYYY-MM-DD` filter date and returns it normalised.
pub fn parse_day(s: &str) -> Result<String> {
    let t = s.trim();
    match day_of(t) {
        Some(day) if day.len() == t.len() => Ok(day),
        _ => Err(Error::BadQuery(format!(
            "invalid date {s:?} (expected YYYY-MM-DD)"
        ))),
    }
}

fn clamp_limit(limit: usize) -> usize {
    if limit == 0 {
        DEFAULT_LIMIT
    } else {
        limit.min(MAX_LIMIT)
    }
}

/// Filters shared by search and statement lists. Dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub side: Option<String>,
    pub channel: Option<Channel>,
    pub topic: Option<String>,
    pub outlet: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

impl Filters {
    /// Whether a filter applies only to statements (articles have no side).
    fn statement_only(&self) -> bool {
        self.side.is_some() || self.channel.is_some() || self.topic.is_some()
    }

    fn check(&self) -> Result<()> {
        for d in [&self.since, &self.until].into_iter().flatten() {
            parse_day(d)?;
        }
        if let (Some(s), Some(u)) = (&self.since, &self.until) {
            if s > u {
                return Err(Error::BadQuery(format!("since {s} is after until {u}")));
            }
        }
        Ok(())
    }

    /// SQL conditions over `d` (documents) and `a` (analyzed, may be NULL-joined).
    fn push_sql(&self, sql: &mut String, args: &mut Vec<Value>) {
        let mut cond = |sql: &mut String, text: &str, v: Option<&String>| {
            if let Some(v) = v {
                args.push(Value::Text(v.clone()));
                sql.push_str(&text.replace("{}", &format!("?{}", args.len())));
            }
        };
        cond(sql, " AND a.side = {}", self.side.as_ref());
        let channel = self.channel.map(|c| c.as_str().to_string());
        cond(sql, " AND a.channel = {}", channel.as_ref());
        cond(
            sql,
            " AND EXISTS (SELECT 1 FROM statement_topics st WHERE st.topic = {} AND st.statement = a.pk)",
            self.topic.as_ref(),
        );
        cond(sql, " AND d.outlet = {}", self.outlet.as_ref());
        cond(sql, " AND d.day >= {}", self.since.as_ref());
        cond(sql, " AND d.day <= {}", self.until.as_ref());
    }
}

/// What [`Store::search`] looks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// FTS5 syntax: words, `"exact phrase"`, `prefix*`, `AND`/`OR`/`NOT`.
    pub text: String,
    pub filters: Filters,
    /// Restrict to statements or to articles; both when `None`.
    pub kind: Option<HitKind>,
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Statement,
    Article,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub document: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    /// For statement hits.
    pub statement: Option<String>,
    pub side: Option<String>,
    pub channel: Option<Channel>,
    /// Plain text around the match.
    pub snippet: String,
    /// Byte ranges of the matched terms inside `snippet`.
    pub highlights: Vec<[usize; 2]>,
    /// BM25 relevance, higher is better.
    pub score: f64,
}

/// A statement with its document and everything the analysis attached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementView {
    pub id: String,
    pub document: DocumentMeta,
    pub text: String,
    pub form: String,
    pub cue: Option<String>,
    /// Resolved speaker name.
    pub speaker: Option<String>,
    /// The speaker mention as it stands in the text.
    pub speaker_text: Option<String>,
    pub anonymous: bool,
    pub official: bool,
    pub side: Option<String>,
    pub channel: Channel,
    pub evidence: Vec<Evidence>,
    pub topics: Vec<String>,
    /// Code-point offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the document text, for highlighting.
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
}

/// Counts for one side on one topic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub side: String,
    pub topic: String,
    pub public: u64,
    pub private: u64,
    pub divergences: u64,
}

/// The sides × topics matrix; sides and topics by number of statements, most first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Overview {
    pub sides: Vec<String>,
    pub topics: Vec<String>,
    pub cells: Vec<Cell>,
}

impl Overview {
    pub fn cell(&self, side: &str, topic: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.side == side && c.topic == topic)
    }
}

/// A divergence in a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DivergenceSummary {
    pub id: i64,
    pub side: String,
    pub topic: String,
    pub score: f64,
    pub explanation: String,
    pub private: u64,
    pub public: u64,
}

/// A divergence with its statements, for the side-by-side page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DivergenceView {
    pub id: i64,
    pub side: String,
    pub topic: String,
    pub score: f64,
    pub explanation: String,
    pub signals: Vec<Signal>,
    pub private: Vec<StatementView>,
    pub public: Vec<StatementView>,
}

/// An article with its statements in text order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    #[serde(flatten)]
    pub meta: DocumentMeta,
    pub text: String,
    pub statements: Vec<StatementView>,
}

/// A side's statements and divergences by topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideProfile {
    pub side: String,
    pub public: u64,
    pub private: u64,
    pub unknown: u64,
    pub topics: Vec<Cell>,
    pub divergences: Vec<DivergenceSummary>,
    pub private_only: Vec<PrivateOnlyView>,
}

/// A topic's sides and divergences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicProfile {
    pub topic: Topic,
    pub sides: Vec<Cell>,
    pub divergences: Vec<DivergenceSummary>,
}

/// An outlet's articles and how its statements split by channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletProfile {
    pub outlet: String,
    pub documents: u64,
    pub public: u64,
    pub private: u64,
    pub unknown: u64,
    /// One page of its articles, newest first.
    pub articles: Vec<DocumentMeta>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrivateOnlyView {
    pub side: String,
    pub topic: String,
    pub statements: Vec<String>,
}

/// One rendering of a drifting quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenderingView {
    pub document: DocumentMeta,
    pub text: String,
    pub outlet: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriftView {
    pub id: i64,
    pub a: RenderingView,
    pub b: RenderingView,
    pub similarity: f64,
    pub diff: String,
}

const STATEMENT_COLUMNS: &str = "a.id, d.id, d.title, d.outlet, d.date, d.url, a.text, a.form,
    a.cue, a.speaker_name, a.speaker_text, a.anonymous, a.official, a.side, a.channel,
    a.evidence, a.topics, a.byte_start, a.byte_end, a.char_start, a.char_end";

fn meta_at(r: &Row, first: usize) -> rusqlite::Result<DocumentMeta> {
    Ok(DocumentMeta {
        id: r.get(first)?,
        title: r.get(first + 1)?,
        outlet: r.get(first + 2)?,
        date: r.get(first + 3)?,
        url: r.get(first + 4)?,
    })
}

fn channel_of(s: &str) -> Channel {
    parse_channel(s).unwrap_or(Channel::Unknown)
}

fn statement_row(r: &Row) -> Result<StatementView> {
    let evidence: String = r.get(15)?;
    let topics: String = r.get(16)?;
    Ok(StatementView {
        id: r.get(0)?,
        document: meta_at(r, 1)?,
        text: r.get(6)?,
        form: r.get(7)?,
        cue: r.get(8)?,
        speaker: r.get(9)?,
        speaker_text: r.get(10)?,
        anonymous: r.get(11)?,
        official: r.get(12)?,
        side: r.get(13)?,
        channel: channel_of(&r.get::<_, String>(14)?),
        evidence: serde_json::from_str(&evidence)?,
        topics: serde_json::from_str(&topics)?,
        byte_start: to_usize(r.get(17)?),
        byte_end: to_usize(r.get(18)?),
        start: to_usize(r.get(19)?),
        end: to_usize(r.get(20)?),
    })
}

const HIT_OPEN: char = '\u{e000}';
const HIT_CLOSE: char = '\u{e001}';

/// Splits FTS5 `snippet()` output into plain text and highlight ranges.
fn split_snippet(raw: &str) -> (String, Vec<[usize; 2]>) {
    let mut text = String::with_capacity(raw.len());
    let mut ranges = Vec::new();
    let mut open = None;
    for c in raw.chars() {
        match c {
            HIT_OPEN => open = Some(text.len()),
            HIT_CLOSE => {
                if let Some(start) = open.take() {
                    ranges.push([start, text.len()]);
                }
            }
            c => text.push(c),
        }
    }
    (text, ranges)
}

/// Turns SQLite's complaint about an FTS5 expression into [`Error::BadQuery`].
fn fts_error(e: rusqlite::Error, q: &str) -> Error {
    let msg = e.to_string();
    let syntax = [
        "fts5",
        "syntax error",
        "no such column",
        "unterminated",
        "unknown special query",
    ];
    if syntax.iter().any(|s| msg.contains(s)) {
        Error::BadQuery(format!("cannot parse search {q:?}: {msg}"))
    } else {
        Error::Sqlite(e)
    }
}

impl Store {
    /// Full-text search over statements and articles, ranked by BM25.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let text = q.text.trim();
        if text.is_empty() {
            return Err(Error::BadQuery("empty search".into()));
        }
        q.filters.check()?;
        let limit = clamp_limit(q.limit);
        let want = limit.saturating_add(q.offset);
        let mut hits = Vec::new();
        if q.kind != Some(HitKind::Article) {
            hits.extend(self.search_statements(text, &q.filters, want)?);
        }
        if q.kind != Some(HitKind::Statement) && !q.filters.statement_only() {
            hits.extend(self.search_articles(text, &q.filters, want)?);
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        Ok(hits.into_iter().skip(q.offset).take(limit).collect())
    }

    fn search_statements(&self, text: &str, f: &Filters, want: usize) -> Result<Vec<Hit>> {
        let mut args = vec![Value::Text(text.to_string())];
        let mut sql = format!(
            "SELECT s.id, d.id, d.title, d.outlet, d.date, a.side, a.channel,
                    snippet(statements_fts, -1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 24),
                    bm25(statements_fts)
             FROM statements_fts
             JOIN statements s ON s.pk = statements_fts.rowid
             JOIN documents d ON d.pk = s.document
             LEFT JOIN analyzed a ON a.id = s.id
             WHERE statements_fts MATCH ?1"
        );
        f.push_sql(&mut sql, &mut args);
        sql.push_str(&format!(" ORDER BY bm25(statements_fts) LIMIT {want}"));
        self.run_search(&sql, args, text, HitKind::Statement)
    }

    fn search_articles(&self, text: &str, f: &Filters, want: usize) -> Result<Vec<Hit>> {
        let mut args = vec![Value::Text(text.to_string())];
        let mut sql = format!(
            "SELECT NULL, d.id, d.title, d.outlet, d.date, NULL, NULL,
                    snippet(documents_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 32),
                    bm25(documents_fts, 5.0, 1.0)
             FROM documents_fts
             JOIN documents d ON d.pk = documents_fts.rowid
             WHERE documents_fts MATCH ?1"
        );
        f.push_sql(&mut sql, &mut args);
        sql.push_str(&format!(
            " ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT {want}"
        ));
        self.run_search(&sql, args, text, HitKind::Article)
    }

    fn run_search(&self, sql: &str, args: Vec<Value>, q: &str, kind: HitKind) -> Result<Vec<Hit>> {
        let mut stmt = self.conn().prepare(sql).map_err(|e| fts_error(e, q))?;
        let mut rows = stmt
            .query(params_from_iter(args))
            .map_err(|e| fts_error(e, q))?;
        let mut hits = Vec::new();
        while let Some(r) = rows.next().map_err(|e| fts_error(e, q))? {
            let raw: String = r.get::<_, Option<String>>(7)?.unwrap_or_default();
            let (snippet, highlights) = split_snippet(&raw);
            let bm25: f64 = r.get(8)?;
            hits.push(Hit {
                kind,
                statement: r.get(0)?,
                document: r.get(1)?,
                title: r.get(2)?,
                outlet: r.get(3)?,
                date: r.get(4)?,
                side: r.get(5)?,
                channel: r.get::<_, Option<String>>(6)?.map(|c| channel_of(&c)),
                snippet,
                highlights,
                score: -bm25,
            });
        }
        Ok(hits)
    }

    fn statements_where(
        &self,
        cond: &str,
        args: Vec<Value>,
        tail: &str,
    ) -> Result<Vec<StatementView>> {
        let sql = format!(
            "SELECT {STATEMENT_COLUMNS} FROM analyzed a JOIN documents d ON d.pk = a.document
             WHERE {cond} {tail}"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(statement_row(r)?);
        }
        Ok(out)
    }

    /// Analysed statements matching `filters`, oldest first (the timeline order).
    pub fn statements(
        &self,
        filters: &Filters,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StatementView>> {
        filters.check()?;
        let mut cond = String::from("1");
        let mut args = Vec::new();
        filters.push_sql(&mut cond, &mut args);
        let tail = format!(
            "ORDER BY a.day IS NULL, a.day, a.document, a.byte_start LIMIT {} OFFSET {offset}",
            clamp_limit(limit)
        );
        self.statements_where(&cond, args, &tail)
    }

    /// Matrix cells matching `cond` (over `side`, `topic`), busiest first.
    fn cells_where(&self, cond: &str, args: &[&str]) -> Result<Vec<Cell>> {
        let sql = format!(
            "SELECT side, topic, public, private, divergences FROM overview_cells
             WHERE {cond} ORDER BY public + private + divergences DESC, side, topic"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let cells = stmt
            .query_map(params_from_iter(args), |r| {
                Ok(Cell {
                    side: r.get(0)?,
                    topic: r.get(1)?,
                    public: r.get::<_, i64>(2)?.unsigned_abs(),
                    private: r.get::<_, i64>(3)?.unsigned_abs(),
                    divergences: r.get::<_, i64>(4)?.unsigned_abs(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(cells)
    }

    /// The sides × topics matrix.
    pub fn overview(&self) -> Result<Overview> {
        let cells = self.cells_where("1", &[])?;
        let mut side_total: HashMap<&str, u64> = HashMap::new();
        let mut topic_total: HashMap<&str, u64> = HashMap::new();
        for c in &cells {
            let n = c.public + c.private + c.divergences;
            *side_total.entry(&c.side).or_default() += n;
            *topic_total.entry(&c.topic).or_default() += n;
        }
        let ranked = |m: HashMap<&str, u64>| {
            let mut v: Vec<(&str, u64)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            v.into_iter()
                .map(|(k, _)| k.to_string())
                .collect::<Vec<_>>()
        };
        let sides = ranked(side_total);
        let topics = ranked(topic_total);
        Ok(Overview {
            sides,
            topics,
            cells,
        })
    }

    /// Divergences, strongest first, optionally for one side and/or topic.
    pub fn divergences(
        &self,
        side: Option<&str>,
        topic: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<DivergenceSummary>> {
        let sql = format!(
            "SELECT dv.id, dv.side, dv.topic, dv.score, dv.explanation,
                (SELECT count(*) FROM divergence_statements x WHERE x.divergence = dv.id AND x.role = 'private'),
                (SELECT count(*) FROM divergence_statements x WHERE x.divergence = dv.id AND x.role = 'public')
             FROM divergences dv
             WHERE (?1 IS NULL OR dv.side = ?1) AND (?2 IS NULL OR dv.topic = ?2)
             ORDER BY dv.score DESC, dv.id LIMIT {} OFFSET {offset}",
            clamp_limit(limit)
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![side, topic], |r| {
            Ok(DivergenceSummary {
                id: r.get(0)?,
                side: r.get(1)?,
                topic: r.get(2)?,
                score: r.get(3)?,
                explanation: r.get(4)?,
                private: r.get::<_, i64>(5)?.unsigned_abs(),
                public: r.get::<_, i64>(6)?.unsigned_abs(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One divergence with its private and public statements; `None` if unknown.
    pub fn divergence(&self, id: i64) -> Result<Option<DivergenceView>> {
        let row: Option<(String, String, f64, String, String)> = self
            .conn()
            .prepare_cached(
                "SELECT side, topic, score, explanation, signals FROM divergences WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?;
        let Some((side, topic, score, explanation, signals)) = row else {
            return Ok(None);
        };
        let by_role = |role: &str| {
            self.statements_where(
                "a.id IN (SELECT statement FROM divergence_statements WHERE divergence = ?1 AND role = ?2)",
                vec![Value::Integer(id), Value::Text(role.into())],
                "ORDER BY a.day IS NULL, a.day, d.pk, a.byte_start",
            )
        };
        let private = by_role("private")?;
        let public = by_role("public")?;
        Ok(Some(DivergenceView {
            id,
            side,
            topic,
            score,
            explanation,
            signals: serde_json::from_str(&signals)?,
            private,
            public,
        }))
    }

    /// One article with all its statements (analysed, plus extracted ones the
    /// analysis did not keep); `None` if unknown.
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>> {
        let row: Option<(i64, DocumentMeta, String)> = self
            .conn()
            .prepare_cached(
                "SELECT pk, id, title, outlet, date, url, text FROM documents WHERE id = ?1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, meta_at(r, 1)?, r.get(6)?)))
            .optional()?;
        let Some((pk, meta, text)) = row else {
            return Ok(None);
        };
        let mut statements = self.statements_where(
            "a.document = ?1",
            vec![Value::Integer(pk)],
            "ORDER BY a.byte_start",
        )?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.id, s.text, s.form, s.cue, s.speaker_name, s.speaker_text,
                    s.byte_start, s.byte_end, s.char_start, s.char_end
             FROM statements s WHERE s.document = ?1
               AND NOT EXISTS (SELECT 1 FROM analyzed a WHERE a.id = s.id)
             ORDER BY s.ord",
        )?;
        let mut rows = stmt.query([pk])?;
        while let Some(r) = rows.next()? {
            statements.push(StatementView {
                id: r.get(0)?,
                document: meta.clone(),
                text: r.get(1)?,
                form: r.get(2)?,
                cue: r.get(3)?,
                speaker: r.get(4)?,
                speaker_text: r.get(5)?,
                anonymous: false,
                official: false,
                side: None,
                channel: Channel::Unknown,
                evidence: Vec::new(),
                topics: Vec::new(),
                byte_start: to_usize(r.get(6)?),
                byte_end: to_usize(r.get(7)?),
                start: to_usize(r.get(8)?),
                end: to_usize(r.get(9)?),
            });
        }
        statements.retain(|s| {
            check_span(
                &text,
                backchannel_core::Span {
                    start: s.byte_start,
                    end: s.byte_end,
                },
                "",
            )
            .is_ok()
        });
        statements.sort_by_key(|s| (s.byte_start, s.byte_end));
        Ok(Some(DocumentView {
            meta,
            text,
            statements,
        }))
    }

    /// (public, private, unknown) counts of the analysed statements `from` selects.
    fn channel_counts(&self, from: &str, arg: &str) -> Result<(u64, u64, u64)> {
        let sql = format!("SELECT a.channel, count(*) {from} GROUP BY a.channel");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut rows = stmt.query([arg])?;
        let (mut public, mut private, mut unknown) = (0, 0, 0);
        while let Some(r) = rows.next()? {
            let n = r.get::<_, i64>(1)?.unsigned_abs();
            match channel_of(&r.get::<_, String>(0)?) {
                Channel::Public => public += n,
                Channel::Private => private += n,
                Channel::Unknown => unknown += n,
            }
        }
        Ok((public, private, unknown))
    }

    /// A side's counts, topics and divergences; `None` if the side is unknown.
    pub fn side_profile(&self, side: &str, limit: usize) -> Result<Option<SideProfile>> {
        let (public, private, unknown) =
            self.channel_counts("FROM analyzed a WHERE a.side = ?1", side)?;
        let divergences = self.divergences(Some(side), None, limit, 0)?;
        if public + private + unknown == 0 && divergences.is_empty() {
            return Ok(None);
        }
        let topics = self.cells_where("side = ?1", &[side])?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT side, topic, statements FROM private_only WHERE side = ?1 ORDER BY topic",
        )?;
        let mut rows = stmt.query([side])?;
        let mut private_only = Vec::new();
        while let Some(r) = rows.next()? {
            let ids: String = r.get(2)?;
            private_only.push(PrivateOnlyView {
                side: r.get(0)?,
                topic: r.get(1)?,
                statements: serde_json::from_str(&ids)?,
            });
        }
        Ok(Some(SideProfile {
            side: side.to_string(),
            public,
            private,
            unknown,
            topics,
            divergences,
            private_only,
        }))
    }

    /// A topic's sides and divergences; `None` if the topic is unknown.
    pub fn topic_profile(&self, name: &str, limit: usize) -> Result<Option<TopicProfile>> {
        let row: Option<(String, bool)> = self
            .conn()
            .prepare_cached("SELECT terms, seeded FROM topics WHERE name = ?1")?
            .query_row([name], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((terms, seeded)) = row else {
            return Ok(None);
        };
        let sides = self.cells_where("topic = ?1", &[name])?;
        Ok(Some(TopicProfile {
            topic: Topic {
                name: name.to_string(),
                terms: serde_json::from_str(&terms)?,
                seeded,
            },
            sides,
            divergences: self.divergences(None, Some(name), limit, 0)?,
        }))
    }

    /// All topics, in the order the analysis listed them.
    pub fn topics(&self) -> Result<Vec<Topic>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT name, terms, seeded FROM topics ORDER BY pk")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let terms: String = r.get(1)?;
            out.push(Topic {
                name: r.get(0)?,
                terms: serde_json::from_str(&terms)?,
                seeded: r.get(2)?,
            });
        }
        Ok(out)
    }

    /// An outlet's counts and one page of its articles; `None` if unknown.
    pub fn outlet_profile(
        &self,
        outlet: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Option<OutletProfile>> {
        let documents: i64 = self
            .conn()
            .prepare_cached("SELECT count(*) FROM documents WHERE outlet = ?1")?
            .query_row([outlet], |r| r.get(0))?;
        if documents == 0 {
            return Ok(None);
        }
        let (public, private, unknown) = self.channel_counts(
            "FROM documents d JOIN analyzed a ON a.document = d.pk WHERE d.outlet = ?1",
            outlet,
        )?;
        let sql = format!(
            "SELECT id, title, outlet, date, url FROM documents WHERE outlet = ?1
             ORDER BY day IS NULL, day DESC, pk DESC LIMIT {} OFFSET {offset}",
            clamp_limit(limit)
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let articles = stmt
            .query_map([outlet], |r| meta_at(r, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(OutletProfile {
            outlet: outlet.to_string(),
            documents: documents.unsigned_abs(),
            public,
            private,
            unknown,
            articles,
        }))
    }

    /// Quotes rendered differently in two places, least similar first.
    pub fn drift(&self, limit: usize, offset: usize) -> Result<Vec<DriftView>> {
        let sql = format!(
            "SELECT x.id, da.id, da.title, da.outlet, da.date, da.url, x.a_text, x.a_outlet,
                    x.a_char_start, x.a_char_end,
                    db.id, db.title, db.outlet, db.date, db.url, x.b_text, x.b_outlet,
                    x.b_char_start, x.b_char_end, x.similarity, x.diff
             FROM drift x JOIN documents da ON da.pk = x.a_document
             JOIN documents db ON db.pk = x.b_document
             ORDER BY x.similarity, x.id LIMIT {} OFFSET {offset}",
            clamp_limit(limit)
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            let rendering = |first: usize| -> rusqlite::Result<RenderingView> {
                Ok(RenderingView {
                    document: meta_at(r, first)?,
                    text: r.get(first + 5)?,
                    outlet: r.get(first + 6)?,
                    start: to_usize(r.get(first + 7)?),
                    end: to_usize(r.get(first + 8)?),
                })
            };
            Ok(DriftView {
                id: r.get(0)?,
                a: rendering(1)?,
                b: rendering(10)?,
                similarity: r.get(19)?,
                diff: r.get(20)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
