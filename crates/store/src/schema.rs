//! Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
//!
//! Never edit a step that has shipped: append a new one instead, so every
//! existing database upgrades the same way a fresh one is built.

/// Migration steps; step `i` brings a database from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents and extracted statements, with full-text indexes.
    r#"
    CREATE TABLE documents (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        outlet TEXT,
        date TEXT,
        day TEXT,
        url TEXT,
        text TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        headline_start INTEGER,
        headline_end INTEGER
    );
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_day ON documents(day);

    CREATE TABLE statements (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        form TEXT NOT NULL,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        speaker_text TEXT,
        speaker_name TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        antecedent_start INTEGER,
        antecedent_end INTEGER,
        fragments TEXT NOT NULL
    );
    CREATE INDEX statements_document ON statements(document, ord);

    CREATE VIRTUAL TABLE statements_fts USING fts5(
        text, speaker_name,
        content='statements', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text,
        content='documents', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 2'
    );
    "#,
    // 2: the analysis, replaced wholesale after every re-analysis.
    r#"
    CREATE TABLE topics (
        pk INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        terms TEXT NOT NULL,
        seeded INTEGER NOT NULL
    );

    CREATE TABLE analyzed (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document INTEGER NOT NULL REFERENCES documents(pk),
        byte_start INTEGER NOT NULL,
        byte_end INTEGER NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        form TEXT NOT NULL,
        cue TEXT,
        speaker_text TEXT,
        speaker_name TEXT,
        anonymous INTEGER NOT NULL DEFAULT 0,
        official INTEGER NOT NULL DEFAULT 0,
        former INTEGER NOT NULL DEFAULT 0,
        side TEXT,
        channel TEXT NOT NULL,
        evidence TEXT NOT NULL,
        topics TEXT NOT NULL,
        day TEXT
    );
    CREATE INDEX analyzed_document ON analyzed(document, byte_start);
    CREATE INDEX analyzed_side_channel ON analyzed(side, channel);
    CREATE INDEX analyzed_channel ON analyzed(channel);
    CREATE INDEX analyzed_day ON analyzed(day);

    CREATE TABLE statement_topics (
        topic TEXT NOT NULL,
        statement INTEGER NOT NULL REFERENCES analyzed(pk),
        PRIMARY KEY (topic, statement)
    ) WITHOUT ROWID;
    CREATE INDEX statement_topics_statement ON statement_topics(statement);

    CREATE TABLE divergences (
        id INTEGER PRIMARY KEY,
        side TEXT NOT NULL,
        topic TEXT NOT NULL,
        score REAL NOT NULL,
        explanation TEXT NOT NULL,
        signals TEXT NOT NULL
    );
    CREATE INDEX divergences_side_topic ON divergences(side, topic);
    CREATE INDEX divergences_topic ON divergences(topic);

    CREATE TABLE divergence_statements (
        divergence INTEGER NOT NULL REFERENCES divergences(id),
        role TEXT NOT NULL,
        ord INTEGER NOT NULL,
        statement TEXT NOT NULL,
        PRIMARY KEY (divergence, role, ord)
    ) WITHOUT ROWID;
    CREATE INDEX divergence_statements_statement ON divergence_statements(statement);

    CREATE TABLE private_only (
        id INTEGER PRIMARY KEY,
        side TEXT NOT NULL,
        topic TEXT NOT NULL,
        statements TEXT NOT NULL
    );
    CREATE INDEX private_only_side ON private_only(side, topic);

    CREATE TABLE drift (
        id INTEGER PRIMARY KEY,
        a_document INTEGER NOT NULL REFERENCES documents(pk),
        a_byte_start INTEGER NOT NULL,
        a_byte_end INTEGER NOT NULL,
        a_char_start INTEGER NOT NULL,
        a_char_end INTEGER NOT NULL,
        a_text TEXT NOT NULL,
        a_outlet TEXT,
        b_document INTEGER NOT NULL REFERENCES documents(pk),
        b_byte_start INTEGER NOT NULL,
        b_byte_end INTEGER NOT NULL,
        b_char_start INTEGER NOT NULL,
        b_char_end INTEGER NOT NULL,
        b_text TEXT NOT NULL,
        b_outlet TEXT,
        similarity REAL NOT NULL,
        diff TEXT NOT NULL
    );
    CREATE INDEX drift_similarity ON drift(similarity);

    CREATE TABLE analysis_failures (
        pk INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        id TEXT,
        reason TEXT NOT NULL
    );
    "#,
    // 3: the overview matrix kept precomputed, and an index in timeline order.
    r#"
    CREATE TABLE overview_cells (
        side TEXT NOT NULL,
        topic TEXT NOT NULL,
        public INTEGER NOT NULL,
        private INTEGER NOT NULL,
        divergences INTEGER NOT NULL,
        PRIMARY KEY (side, topic)
    ) WITHOUT ROWID;
    CREATE INDEX overview_cells_topic ON overview_cells(topic);
    CREATE INDEX analyzed_timeline ON analyzed(day IS NULL, day, document, byte_start);
    "#,
];

/// Recomputes `overview_cells` from the analysis tables.
pub(crate) const REFRESH_OVERVIEW: &str = r#"
    DELETE FROM overview_cells;
    INSERT INTO overview_cells (side, topic, public, private, divergences)
    SELECT side, topic, sum(pub), sum(priv), sum(div) FROM (
        SELECT a.side AS side, st.topic AS topic, a.channel = 'public' AS pub,
               a.channel = 'private' AS priv, 0 AS div
        FROM analyzed a JOIN statement_topics st ON st.statement = a.pk
        WHERE a.side IS NOT NULL
        UNION ALL
        SELECT side, topic, 0, 0, 1 FROM divergences
    ) GROUP BY side, topic;
"#;

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
