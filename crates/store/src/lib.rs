//! backchannel-store: the analyst's corpus in one SQLite file.
//!
//! Articles arrive daily, so the store keeps every document and its extracted
//! statements (deduplicated by a content hash), and the latest [`Analysis`]
//! of the whole corpus, replaced in one transaction after each re-analysis.
//! FTS5 indexes statements (text, speaker) and documents (title, text).
//!
//! The CLI drives it as: read → skip documents whose [`content_hash`] is
//! already [`Store::contains_hash`] → extract → [`Store::add_documents`] →
//! [`Store::load_corpus`] → analyze → [`Store::replace_analysis`]. The web
//! server opens the file with [`Store::open_read_only`] and uses the read
//! queries in [`query`].
//!
//! Spans are stored both as byte offsets (for slicing the stored text) and as
//! Unicode code-point offsets (what every output reports), converted through
//! [`CharOffsets`].

pub mod query;
mod schema;

pub use query::*;
pub use schema::SCHEMA_VERSION;

use backchannel_core::{
    Analysis, CharOffsets, Document, DocumentError, Form, Span, Speaker, Statement,
};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error(
        "{path}: database schema version {found} is newer than this build understands \
         ({known}); use a newer backchannel"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path}: database schema version {found} is older than this build's ({known}); \
         open it once with write access (for example by ingesting) to upgrade it"
    )]
    Outdated {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// A search expression FTS5 cannot parse, or an invalid filter value.
    #[error("invalid query: {0}")]
    BadQuery(String),
    /// Input that does not fit its document (spans out of range, unknown ids).
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("corrupt JSON column in database: {0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What one [`Store::add_documents`] batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AddSummary {
    /// Documents newly stored.
    pub added: usize,
    /// Statements newly stored.
    pub statements: usize,
    /// Documents skipped because the same content is already stored.
    pub duplicates: usize,
    /// Documents stored under a new id because their id was taken by other content.
    pub renamed: Vec<Renamed>,
    /// Documents refused (statement spans that do not fit the text), with why.
    pub rejected: Vec<DocumentError>,
}

/// A document id that was already taken, and the id it was stored under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renamed {
    pub from: String,
    pub to: String,
}

/// Corpus counts, for `backchannel db stats` and `/api/stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: u64,
    /// Extracted statements.
    pub statements: u64,
    /// Analysed statements by channel.
    pub public: u64,
    pub private: u64,
    pub unknown: u64,
    pub sides: u64,
    pub topics: u64,
    pub divergences: u64,
    pub private_only: u64,
    pub drift: u64,
    pub outlets: u64,
    pub schema_version: i64,
    /// Size of the main database file in bytes (the WAL not included).
    pub db_bytes: u64,
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents      {}", self.documents)?;
        writeln!(f, "outlets        {}", self.outlets)?;
        writeln!(f, "statements     {}", self.statements)?;
        writeln!(
            f,
            "  analysed     {} public, {} private, {} unknown",
            self.public, self.private, self.unknown
        )?;
        writeln!(f, "sides          {}", self.sides)?;
        writeln!(f, "topics         {}", self.topics)?;
        writeln!(f, "divergences    {}", self.divergences)?;
        writeln!(f, "private-only   {}", self.private_only)?;
        writeln!(f, "drift          {}", self.drift)?;
        writeln!(f, "schema version {}", self.schema_version)?;
        write!(
            f,
            "database size  {:.1} MiB",
            self.db_bytes as f64 / (1024.0 * 1024.0)
        )
    }
}

/// SHA-256 of a document's text, lowercase hex: the identity used to skip
/// articles that were already ingested.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `YYYY-MM-DD` at the start of an ISO 8601 date, if it is a real calendar day.
pub(crate) fn day_of(date: &str) -> Option<String> {
    let day = date.trim().get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let month: u32 = day[5..7].parse().ok()?;
    let dom: u32 = day[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&dom)).then(|| day.to_string())
}

/// Checks that `span` lies inside `text` on character boundaries.
pub(crate) fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || text.get(span.range()).is_none() {
        return Err(format!(
            "{what} span {}..{} does not fit a text of {} bytes on character boundaries",
            span.start,
            span.end,
            text.len()
        ));
    }
    Ok(())
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(crate) fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

fn parse_form(s: &str) -> Result<Form> {
    match s {
        "direct" => Ok(Form::Direct),
        "partial" => Ok(Form::Partial),
        "indirect" => Ok(Form::Indirect),
        "mixed" => Ok(Form::Mixed),
        other => Err(Error::Invalid(format!(
            "unknown statement form {other:?} in database"
        ))),
    }
}

fn opt_span(start: Option<i64>, end: Option<i64>) -> Option<Span> {
    match (start, end) {
        (Some(s), Some(e)) if s >= 0 && e >= s => Some(Span::new(to_usize(s), to_usize(e))),
        _ => None,
    }
}

impl Store {
    /// Opens (creating if needed) a database for reading and writing, and
    /// brings its schema up to [`SCHEMA_VERSION`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let open_err = |e: rusqlite::Error| Error::Open {
            path: path.clone(),
            message: e.to_string(),
        };
        let conn = Connection::open(&path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_err)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(open_err)?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            return Err(Error::Open {
                path,
                message: format!("could not enable WAL (journal mode {mode})"),
            });
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(open_err)?;
        let mut store = Store { conn, path };
        store.migrate_to(SCHEMA_VERSION)?;
        Ok(store)
    }

    /// Opens an existing database without write access, as the web server does.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.is_file() {
            return Err(Error::Open {
                path,
                message: "no such database file".into(),
            });
        }
        let open_err = |e: rusqlite::Error| Error::Open {
            path: path.clone(),
            message: e.to_string(),
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_err)?;
        conn.execute_batch("PRAGMA query_only = ON;")
            .map_err(open_err)?;
        let store = Store { conn, path };
        let found = store.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: store.path,
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(Error::Outdated {
                path: store.path,
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(store)
    }

    /// The path this store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The database's `PRAGMA user_version`.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| Error::Open {
                path: self.path.clone(),
                message: e.to_string(),
            })
    }

    /// Applies the migrations from the current version up to `target`.
    pub(crate) fn migrate_to(&mut self, target: i64) -> Result<()> {
        let found = self.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: self.path.clone(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found == 0 {
            let tables: i64 = self.conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )?;
            if tables > 0 {
                return Err(Error::Open {
                    path: self.path.clone(),
                    message: "not a backchannel database (it has tables but no schema version)"
                        .into(),
                });
            }
        }
        for version in found..target.min(SCHEMA_VERSION) {
            let Some(step) = schema::MIGRATIONS.get(to_usize(version)) else {
                break;
            };
            let tx = self.conn.transaction()?;
            tx.execute_batch(step)?;
            if version + 1 == 3 {
                // Fill the new matrix table from an analysis stored before it existed.
                tx.execute_batch(schema::REFRESH_OVERVIEW)?;
            }
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Whether a document with this [`content_hash`] is stored.
    pub fn contains_hash(&self, hash: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")?
            .exists([hash])?)
    }

    /// Stores a batch of documents with their statements in ONE transaction:
    /// after a crash either the whole batch is there or none of it.
    ///
    /// Content already stored is skipped; an id already taken by other
    /// content gets the stable suffix `~` + the first hex digits of the new
    /// content's hash. Statements are numbered `<document id>#<n>` in text order.
    pub fn add_documents(&mut self, batch: &[(Document, Vec<Statement>)]) -> Result<AddSummary> {
        let mut summary = AddSummary::default();
        let tx = self.conn.transaction()?;
        for (doc, statements) in batch {
            let hash = content_hash(&doc.text);
            if tx
                .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")?
                .exists([&hash])?
            {
                summary.duplicates += 1;
                continue;
            }
            if let Err(reason) = validate_document(doc, statements) {
                summary.rejected.push(DocumentError {
                    origin: doc.origin.clone(),
                    id: Some(doc.id.clone()),
                    reason,
                });
                continue;
            }
            let id = free_id(&tx, &doc.id, &hash)?;
            if id != doc.id {
                summary.renamed.push(Renamed {
                    from: doc.id.clone(),
                    to: id.clone(),
                });
            }
            summary.statements += insert_document(&tx, doc, &id, &hash, statements)?;
            summary.added += 1;
        }
        tx.commit()?;
        Ok(summary)
    }

    /// Every stored document (in the order stored) with its statements in text order.
    pub fn load_corpus(&self) -> Result<(Vec<Document>, Vec<Vec<Statement>>)> {
        let mut documents = Vec::new();
        let mut pks = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT pk, id, title, outlet, date, url, text, origin, headline_start, headline_end
             FROM documents ORDER BY pk",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let origin: String = r.get(7)?;
            let doc = Document {
                id: r.get(1)?,
                title: r.get(2)?,
                outlet: r.get(3)?,
                date: r.get(4)?,
                url: r.get(5)?,
                text: r.get(6)?,
                headline: opt_span(r.get(8)?, r.get(9)?),
                origin: serde_json::from_str(&origin)?,
            };
            pks.insert(r.get::<_, i64>(0)?, documents.len());
            documents.push(doc);
        }
        let mut statements: Vec<Vec<Statement>> = vec![Vec::new(); documents.len()];
        let mut stmt = self.conn.prepare(
            "SELECT document, byte_start, byte_end, form, cue_start, cue_end, speaker_name,
                    speaker_start, speaker_end, antecedent_start, antecedent_end, fragments
             FROM statements ORDER BY document, ord",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(&index) = pks.get(&r.get::<_, i64>(0)?) else {
                continue;
            };
            let fragments: String = r.get(11)?;
            let speaker = match (
                r.get::<_, Option<String>>(6)?,
                opt_span(r.get(7)?, r.get(8)?),
            ) {
                (Some(name), Some(span)) => Some(Speaker {
                    span,
                    name,
                    antecedent: opt_span(r.get(9)?, r.get(10)?),
                }),
                _ => None,
            };
            let statement = Statement {
                span: Span::new(to_usize(r.get(1)?), to_usize(r.get(2)?)),
                fragments: serde_json::from_str(&fragments)?,
                form: parse_form(&r.get::<_, String>(3)?)?,
                cue: opt_span(r.get(4)?, r.get(5)?),
                speaker,
            };
            if let Some(list) = statements.get_mut(index) {
                list.push(statement);
            }
        }
        Ok((documents, statements))
    }

    /// Replaces the stored analysis with `analysis`, in one transaction.
    ///
    /// Every document the analysis names must be stored (looked up by id).
    pub fn replace_analysis(&mut self, analysis: &Analysis) -> Result<()> {
        let tx = self.conn.transaction()?;
        write_analysis(&tx, analysis)?;
        tx.commit()?;
        Ok(())
    }

    /// Corpus counts.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        let page_count = count("PRAGMA page_count")?;
        let page_size = count("PRAGMA page_size")?;
        let db_bytes = std::fs::metadata(&self.path)
            .map(|m| m.len())
            .unwrap_or(page_count * page_size);
        let (mut public, mut private, mut unknown) = (0, 0, 0);
        let mut by_channel = self
            .conn
            .prepare_cached("SELECT channel, count(*) FROM analyzed GROUP BY channel")?;
        let mut rows = by_channel.query([])?;
        while let Some(r) = rows.next()? {
            let n = r.get::<_, i64>(1)?.unsigned_abs();
            match r.get::<_, String>(0)?.as_str() {
                "public" => public = n,
                "private" => private = n,
                _ => unknown += n,
            }
        }
        Ok(Stats {
            documents: count("SELECT count(*) FROM documents")?,
            statements: count("SELECT count(*) FROM statements")?,
            public,
            private,
            unknown,
            sides: count("SELECT count(DISTINCT side) FROM analyzed WHERE side IS NOT NULL")?,
            topics: count("SELECT count(*) FROM topics")?,
            divergences: count("SELECT count(*) FROM divergences")?,
            private_only: count("SELECT count(*) FROM private_only")?,
            drift: count("SELECT count(*) FROM drift")?,
            outlets: count(
                "SELECT count(DISTINCT outlet) FROM documents WHERE outlet IS NOT NULL",
            )?,
            schema_version: self.schema_version()?,
            db_bytes,
        })
    }
}

/// Every statement span, fragment, cue and speaker span must fit the text.
fn validate_document(doc: &Document, statements: &[Statement]) -> Result<(), String> {
    if let Some(h) = doc.headline {
        check_span(&doc.text, h, "headline")?;
    }
    for (i, s) in statements.iter().enumerate() {
        let n = i + 1;
        check_span(&doc.text, s.span, &format!("statement {n}"))?;
        for f in &s.fragments {
            check_span(&doc.text, *f, &format!("statement {n} fragment"))?;
        }
        if let Some(c) = s.cue {
            check_span(&doc.text, c, &format!("statement {n} cue"))?;
        }
        if let Some(sp) = &s.speaker {
            check_span(&doc.text, sp.span, &format!("statement {n} speaker"))?;
            if let Some(a) = sp.antecedent {
                check_span(&doc.text, a, &format!("statement {n} speaker antecedent"))?;
            }
        }
    }
    Ok(())
}

/// `id` if free, else `id~<hash prefix>` with the shortest free prefix of 8+ digits.
fn free_id(tx: &Transaction, id: &str, hash: &str) -> Result<String> {
    let mut taken = tx.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
    if !taken.exists([id])? {
        return Ok(id.to_string());
    }
    for len in (8..=hash.len()).step_by(4) {
        let candidate = format!("{id}~{}", hash.get(..len).unwrap_or(hash));
        if !taken.exists([&candidate])? {
            return Ok(candidate);
        }
    }
    let mut n = 2u64;
    loop {
        let candidate = format!("{id}~{hash}~{n}");
        if !taken.exists([&candidate])? {
            return Ok(candidate);
        }
        n += 1;
    }
}

fn insert_document(
    tx: &Transaction,
    doc: &Document,
    id: &str,
    hash: &str,
    statements: &[Statement],
) -> Result<usize> {
    let origin = serde_json::to_string(&doc.origin)?;
    tx.prepare_cached(
        "INSERT INTO documents (id, title, outlet, date, day, url, text, hash, origin,
                                headline_start, headline_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        doc.title,
        doc.outlet,
        doc.date,
        doc.date.as_deref().and_then(day_of),
        doc.url,
        doc.text,
        hash,
        origin,
        doc.headline.map(|h| to_i64(h.start)),
        doc.headline.map(|h| to_i64(h.end)),
    ])?;
    let pk = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![pk, doc.title.as_deref().unwrap_or(""), doc.text])?;

    let offsets = CharOffsets::new(&doc.text);
    let mut ordered: Vec<&Statement> = statements.iter().collect();
    ordered.sort_by_key(|s| (s.span.start, s.span.end));
    let slice = |span: Span| doc.text.get(span.range()).unwrap_or("");
    let mut insert = tx.prepare_cached(
        "INSERT INTO statements (id, document, ord, byte_start, byte_end, char_start, char_end,
            text, form, cue, cue_start, cue_end, speaker_text, speaker_name, speaker_start,
            speaker_end, antecedent_start, antecedent_end, fragments)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?;
    let mut fts = tx.prepare_cached(
        "INSERT INTO statements_fts (rowid, text, speaker_name) VALUES (?1, ?2, ?3)",
    )?;
    for (i, s) in ordered.iter().enumerate() {
        let n = i + 1;
        let (cs, ce) = offsets.span(s.span);
        let text = slice(s.span);
        let speaker_name = s.speaker.as_ref().map(|sp| sp.name.as_str());
        insert.execute(params![
            format!("{id}#{n}"),
            pk,
            to_i64(n),
            to_i64(s.span.start),
            to_i64(s.span.end),
            to_i64(cs),
            to_i64(ce),
            text,
            s.form.as_str(),
            s.cue.map(slice),
            s.cue.map(|c| to_i64(c.start)),
            s.cue.map(|c| to_i64(c.end)),
            s.speaker.as_ref().map(|sp| slice(sp.span)),
            speaker_name,
            s.speaker.as_ref().map(|sp| to_i64(sp.span.start)),
            s.speaker.as_ref().map(|sp| to_i64(sp.span.end)),
            s.speaker
                .as_ref()
                .and_then(|sp| sp.antecedent)
                .map(|a| to_i64(a.start)),
            s.speaker
                .as_ref()
                .and_then(|sp| sp.antecedent)
                .map(|a| to_i64(a.end)),
            serde_json::to_string(&s.fragments)?,
        ])?;
        fts.execute(params![
            tx.last_insert_rowid(),
            text,
            speaker_name.unwrap_or("")
        ])?;
    }
    Ok(ordered.len())
}

/// A stored document's key, day and code-point table, loaded once per document.
struct StoredDoc {
    pk: i64,
    day: Option<String>,
    text: String,
    offsets: CharOffsets,
}

fn load_stored(tx: &Transaction, analysis: &Analysis, index: usize) -> Result<StoredDoc> {
    let meta = analysis.documents.get(index).ok_or_else(|| {
        Error::Invalid(format!(
            "analysis refers to document index {index}, but has only {} documents",
            analysis.documents.len()
        ))
    })?;
    let row: Option<(i64, Option<String>, String)> = tx
        .prepare_cached("SELECT pk, day, text FROM documents WHERE id = ?1")?
        .query_row([&meta.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let (pk, day, text) = row.ok_or_else(|| {
        Error::Invalid(format!(
            "analysis refers to document {:?}, which is not stored",
            meta.id
        ))
    })?;
    let offsets = CharOffsets::new(&text);
    Ok(StoredDoc {
        pk,
        day,
        text,
        offsets,
    })
}

fn write_analysis(tx: &Transaction, analysis: &Analysis) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM statement_topics; DELETE FROM divergence_statements;
         DELETE FROM divergences; DELETE FROM private_only; DELETE FROM drift;
         DELETE FROM analyzed; DELETE FROM topics; DELETE FROM analysis_failures;",
    )?;
    let mut insert_topic =
        tx.prepare_cached("INSERT INTO topics (name, terms, seeded) VALUES (?1, ?2, ?3)")?;
    for t in &analysis.topics {
        insert_topic
            .execute(params![t.name, serde_json::to_string(&t.terms)?, t.seeded])
            .map_err(|e| Error::Invalid(format!("topic {:?}: {e}", t.name)))?;
    }

    // Statements grouped by document so each text is read once.
    let mut order: Vec<usize> = (0..analysis.statements.len()).collect();
    order.sort_by_key(|&i| analysis.statements.get(i).map(|s| s.document));
    let mut current: Option<(usize, StoredDoc)> = None;
    let mut insert = tx.prepare_cached(
        "INSERT INTO analyzed (id, document, byte_start, byte_end, char_start, char_end, text,
            form, cue, speaker_text, speaker_name, anonymous, official, former, side, channel,
            evidence, topics, day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?;
    let mut insert_st = tx.prepare_cached(
        "INSERT OR IGNORE INTO statement_topics (topic, statement) VALUES (?1, ?2)",
    )?;
    for i in order {
        let Some(a) = analysis.statements.get(i) else {
            continue;
        };
        if current.as_ref().map(|(d, _)| *d) != Some(a.document) {
            current = Some((a.document, load_stored(tx, analysis, a.document)?));
        }
        let Some((_, doc)) = current.as_ref() else {
            continue;
        };
        let span = a.statement.span;
        check_span(&doc.text, span, &format!("statement {}", a.id)).map_err(Error::Invalid)?;
        let (cs, ce) = doc.offsets.span(span);
        let cue = match a.statement.cue {
            Some(c) => Some(doc.text.get(c.range()).ok_or_else(|| {
                Error::Invalid(format!("statement {}: cue span out of range", a.id))
            })?),
            None => None,
        };
        let sp = a.speaker.as_ref();
        insert
            .execute(params![
                a.id,
                doc.pk,
                to_i64(span.start),
                to_i64(span.end),
                to_i64(cs),
                to_i64(ce),
                a.text,
                a.statement.form.as_str(),
                cue,
                sp.map(|p| p.text.as_str()),
                sp.map(|p| p.name.as_str()),
                sp.is_some_and(|p| p.anonymous),
                sp.is_some_and(|p| p.official),
                sp.is_some_and(|p| p.former),
                a.side,
                a.channel.as_str(),
                serde_json::to_string(&a.evidence)?,
                serde_json::to_string(&a.topics)?,
                doc.day,
            ])
            .map_err(|e| Error::Invalid(format!("statement {}: {e}", a.id)))?;
        let pk = tx.last_insert_rowid();
        for topic in &a.topics {
            insert_st.execute(params![topic, pk])?;
        }
    }

    let mut insert_div = tx.prepare_cached(
        "INSERT INTO divergences (id, side, topic, score, explanation, signals)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut insert_ds = tx.prepare_cached(
        "INSERT INTO divergence_statements (divergence, role, ord, statement) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, d) in analysis.divergences.iter().enumerate() {
        let id = to_i64(i + 1);
        let score = if d.score.is_finite() { d.score } else { 0.0 };
        insert_div.execute(params![
            id,
            d.side,
            d.topic,
            score,
            d.explanation,
            serde_json::to_string(&d.signals)?
        ])?;
        for (role, ids) in [("private", &d.private), ("public", &d.public)] {
            for (ord, sid) in ids.iter().enumerate() {
                insert_ds.execute(params![id, role, to_i64(ord), sid])?;
            }
        }
    }

    let mut insert_po = tx
        .prepare_cached("INSERT INTO private_only (side, topic, statements) VALUES (?1, ?2, ?3)")?;
    for p in &analysis.private_only {
        insert_po.execute(params![p.side, p.topic, serde_json::to_string(&p.private)?])?;
    }

    let mut insert_drift = tx.prepare_cached(
        "INSERT INTO drift (a_document, a_byte_start, a_byte_end, a_char_start, a_char_end,
            a_text, a_outlet, b_document, b_byte_start, b_byte_end, b_char_start, b_char_end,
            b_text, b_outlet, similarity, diff)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut cache: HashMap<usize, StoredDoc> = HashMap::new();
    for d in &analysis.drift {
        let mut ends = Vec::with_capacity(2);
        for r in [&d.a, &d.b] {
            if !cache.contains_key(&r.document) {
                if cache.len() > 256 {
                    cache.clear();
                }
                cache.insert(r.document, load_stored(tx, analysis, r.document)?);
            }
            let doc = cache.get(&r.document).ok_or_else(|| {
                Error::Invalid(format!(
                    "drift refers to unknown document index {}",
                    r.document
                ))
            })?;
            check_span(&doc.text, r.span, "drift rendering").map_err(Error::Invalid)?;
            let (cs, ce) = doc.offsets.span(r.span);
            ends.push((doc.pk, r.span, cs, ce));
        }
        let [(apk, aspan, acs, ace), (bpk, bspan, bcs, bce)] = ends[..] else {
            continue;
        };
        let similarity = if d.similarity.is_finite() {
            d.similarity
        } else {
            0.0
        };
        insert_drift.execute(params![
            apk,
            to_i64(aspan.start),
            to_i64(aspan.end),
            to_i64(acs),
            to_i64(ace),
            d.a.text,
            d.a.outlet,
            bpk,
            to_i64(bspan.start),
            to_i64(bspan.end),
            to_i64(bcs),
            to_i64(bce),
            d.b.text,
            d.b.outlet,
            similarity,
            d.diff,
        ])?;
    }

    let mut insert_fail = tx
        .prepare_cached("INSERT INTO analysis_failures (origin, id, reason) VALUES (?1, ?2, ?3)")?;
    for f in &analysis.failures {
        insert_fail.execute(params![f.origin.to_string(), f.id, f.reason])?;
    }
    tx.execute_batch(schema::REFRESH_OVERVIEW)?;
    Ok(())
}
