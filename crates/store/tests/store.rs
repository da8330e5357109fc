mod common;

use backchannel_core::*;
use backchannel_store::*;
use tempfile::TempDir;

fn fresh() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path().join("corpus.db")).expect("open");
    (dir, store)
}

fn loaded() -> (TempDir, Store) {
    let (dir, mut store) = fresh();
    let batch = common::corpus();
    store.add_documents(&batch).expect("add");
    store
        .replace_analysis(&common::analysis(&batch))
        .expect("analysis");
    (dir, store)
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

#[test]
fn ingest_is_idempotent_and_renames_clashing_ids() {
    let (_dir, mut store) = fresh();
    let batch = common::corpus();
    let first = store.add_documents(&batch).unwrap();
    assert_eq!((first.added, first.statements, first.duplicates), (3, 5, 0));
    let before = store.stats().unwrap();

    let again = store.add_documents(&batch).unwrap();
    assert_eq!((again.added, again.statements, again.duplicates), (0, 0, 3));
    assert_eq!(store.stats().unwrap(), before);
    assert!(store
        .contains_hash(&content_hash(&batch[0].0.text))
        .unwrap());
    assert!(!store.contains_hash(&content_hash("unseen text")).unwrap());

    // Same id, other content: stored under a suffix derived from the content.
    let clash = common::doc(
        "vel-1",
        "Harbor Ledger",
        "2026-03-10",
        "A different article about the dam.",
        &[],
    );
    let expected = format!("vel-1~{}", &content_hash(&clash.0.text)[..8]);
    let s = store.add_documents(std::slice::from_ref(&clash)).unwrap();
    assert_eq!(
        s.renamed,
        vec![Renamed {
            from: "vel-1".into(),
            to: expected.clone()
        }]
    );
    assert!(store.document(&expected).unwrap().is_some());
    // And that content, re-added, is a duplicate, not a third copy.
    let s = store.add_documents(&[clash]).unwrap();
    assert_eq!((s.added, s.duplicates), (0, 1));
    assert_eq!(store.stats().unwrap().documents, 4);
}

#[test]
fn rejects_documents_whose_spans_do_not_fit() {
    let (_dir, mut store) = fresh();
    let (mut doc, mut statements) = common::corpus().remove(2);
    // Byte 1 of the curly quote: not a character boundary.
    let curly = doc.text.find('“').unwrap();
    statements[0].span = Span::new(curly + 1, curly + 5);
    doc.id = "broken".into();
    let s = store.add_documents(&[(doc, statements)]).unwrap();
    assert_eq!(s.added, 0);
    assert_eq!(s.rejected.len(), 1);
    assert!(
        s.rejected[0].reason.contains("character boundaries"),
        "{}",
        s.rejected[0].reason
    );
    assert_eq!(store.stats().unwrap().documents, 0);
}

#[test]
fn load_corpus_round_trips_documents_and_statements() {
    let (_dir, mut store) = fresh();
    let batch = common::corpus();
    store.add_documents(&batch).unwrap();
    let (docs, statements) = store.load_corpus().unwrap();
    assert_eq!(docs.len(), batch.len());
    for ((doc, stmts), (want_doc, want_stmts)) in docs.iter().zip(&statements).zip(&batch) {
        assert_eq!(doc, want_doc);
        let mut want = want_stmts.clone();
        want.sort_by_key(|s| (s.span.start, s.span.end));
        assert_eq!(stmts, &want);
    }
}

#[test]
fn stores_code_point_offsets_next_to_byte_offsets() {
    let (_dir, store) = loaded();
    let view = store.document("vel-2").unwrap().unwrap();
    let quote = view.statements.iter().find(|s| s.id == "vel-2#1").unwrap();
    let chars: Vec<char> = view.text.chars().collect();
    let by_chars: String = chars[quote.start..quote.end].iter().collect();
    assert_eq!(by_chars, "“Negotiation is possible,”");
    assert_eq!(&view.text[quote.byte_start..quote.byte_end], by_chars);
    assert!(
        quote.byte_start > quote.start,
        "the text has multi-byte characters before the quote"
    );
}

#[test]
fn search_phrase_prefix_and_bm25_order() {
    let (_dir, store) = loaded();
    let phrase = store.search(&query("\"negotiated settlement\"")).unwrap();
    assert_eq!(
        phrase
            .iter()
            .filter(|h| h.kind == HitKind::Statement)
            .count(),
        1
    );
    let hit = phrase
        .iter()
        .find(|h| h.kind == HitKind::Statement)
        .unwrap();
    assert_eq!(hit.statement.as_deref(), Some("vel-1#2"));
    assert_eq!(hit.side.as_deref(), Some("Veloria"));
    assert_eq!(hit.channel, Some(Channel::Private));
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|[s, e]| &hit.snippet[*s..*e])
        .collect();
    assert_eq!(marked, ["negotiated settlement"]);
    // The words apart do not match the phrase.
    assert!(store
        .search(&query("\"settlement negotiated\""))
        .unwrap()
        .is_empty());

    // Prefix: negotiate, negotiated, negotiators, Negotiation.
    let prefix = store
        .search(&SearchQuery {
            kind: Some(HitKind::Statement),
            ..query("negotiat*")
        })
        .unwrap();
    let mut ids: Vec<_> = prefix.iter().filter_map(|h| h.statement.clone()).collect();
    ids.sort();
    assert_eq!(ids, ["vel-1#1", "vel-1#2", "vel-2#1"]);

    // BM25: the article saying "dam" six times ranks above the one saying it twice.
    let articles = store
        .search(&SearchQuery {
            kind: Some(HitKind::Article),
            ..query("dam")
        })
        .unwrap();
    let order: Vec<&str> = articles.iter().map(|h| h.document.as_str()).collect();
    assert_eq!(order, ["vel-2", "vel-1"]);
    assert!(articles[0].score > articles[1].score);
}

#[test]
fn search_filters() {
    let (_dir, store) = loaded();
    let ids = |q: SearchQuery| -> Vec<String> {
        let mut v: Vec<String> = store
            .search(&q)
            .unwrap()
            .into_iter()
            .map(|h| {
                h.statement
                    .unwrap_or_else(|| format!("article {}", h.document))
            })
            .collect();
        v.sort();
        v
    };
    let border = || query("border OR dam");
    let f = |filters: Filters| SearchQuery {
        filters,
        ..border()
    };
    assert_eq!(
        ids(f(Filters {
            side: Some("Kastrany".into()),
            ..Default::default()
        })),
        ["kas-1#1", "kas-1#2"]
    );
    assert_eq!(
        ids(f(Filters {
            channel: Some(Channel::Private),
            ..Default::default()
        })),
        ["kas-1#2", "vel-1#2"]
    );
    assert_eq!(
        ids(f(Filters {
            topic: Some("sarn dam".into()),
            ..Default::default()
        })),
        ["vel-1#1", "vel-1#2"]
    );
    assert_eq!(
        ids(f(Filters {
            outlet: Some("Harbor Ledger".into()),
            ..Default::default()
        })),
        ["article vel-1", "vel-1#1", "vel-1#2"]
    );
    assert_eq!(
        ids(f(Filters {
            since: Some("2026-03-04".into()),
            until: Some("2026-03-08".into()),
            ..Default::default()
        })),
        ["article kas-1", "kas-1#1", "kas-1#2"]
    );
    // Pagination: offset past the first hit.
    let all = store.search(&border()).unwrap();
    let second = store
        .search(&SearchQuery {
            offset: 1,
            limit: 1,
            ..border()
        })
        .unwrap();
    assert_eq!(second, all[1..2].to_vec());
}

#[test]
fn bad_queries_are_errors_not_panics() {
    let (_dir, store) = loaded();
    for bad in [
        "\"unterminated",
        "dam AND",
        "(dam",
        "nosuchcolumn:dam",
        "   ",
    ] {
        match store.search(&query(bad)) {
            Err(Error::BadQuery(msg)) => assert!(!msg.is_empty()),
            other => panic!("{bad:?}: expected BadQuery, got {other:?}"),
        }
    }
    let bad_date = SearchQuery {
        filters: Filters {
            since: Some("2026-13-01".into()),
            ..Default::default()
        },
        ..query("dam")
    };
    assert!(matches!(store.search(&bad_date), Err(Error::BadQuery(_))));
    assert!(matches!(parse_channel("secret"), Err(Error::BadQuery(_))));
    assert_eq!(parse_day("2026-03-02").unwrap(), "2026-03-02");
    assert!(parse_day("2026-03-02T10:00").is_err());
}

#[test]
fn analysis_views() {
    let (_dir, mut store) = loaded();
    let overview = store.overview().unwrap();
    assert_eq!(overview.sides, ["Veloria", "Kastrany"]);
    let cell = overview.cell("Veloria", "sarn dam").unwrap();
    assert_eq!((cell.public, cell.private, cell.divergences), (1, 2, 1));

    let list = store.divergences(None, None, 10, 0).unwrap();
    assert_eq!(list.iter().map(|d| d.id).collect::<Vec<_>>(), [1, 2]);
    let d = store.divergence(1).unwrap().unwrap();
    assert_eq!(
        d.private.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["vel-1#2", "vel-2#1"]
    );
    assert_eq!(
        d.public[0].speaker.as_deref(),
        Some("Foreign Minister Ilse Marnov")
    );
    assert_eq!(
        d.public[0].document.outlet.as_deref(),
        Some("Harbor Ledger")
    );
    assert_eq!(d.signals[0].kind, "willingness-vs-refusal");
    assert!(store.divergence(99).unwrap().is_none());

    let timeline = store
        .statements(
            &Filters {
                side: Some("Veloria".into()),
                ..Default::default()
            },
            10,
            0,
        )
        .unwrap();
    let days: Vec<_> = timeline
        .iter()
        .map(|s| s.document.date.clone().unwrap())
        .collect();
    assert_eq!(days, ["2026-03-02", "2026-03-02", "2026-03-09"]);

    let side = store.side_profile("Kastrany", 10).unwrap().unwrap();
    assert_eq!((side.public, side.private), (1, 1));
    assert!(store.side_profile("Atlantis", 10).unwrap().is_none());
    let topic = store.topic_profile("border troops", 10).unwrap().unwrap();
    assert!(topic.topic.seeded);
    assert_eq!(topic.divergences.len(), 1);
    let outlet = store
        .outlet_profile("Plains Courier", 10, 0)
        .unwrap()
        .unwrap();
    assert_eq!(
        outlet
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["vel-2", "kas-1"]
    );
    let drift = store.drift(10, 0).unwrap();
    assert_eq!(drift[0].b.text, "Dam");

    // Replacing is wholesale, not additive.
    let batch = common::corpus();
    store.replace_analysis(&common::analysis(&batch)).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.public, stats.private, stats.divergences, stats.drift),
        (2, 3, 2, 1)
    );

    // An analysis naming an unstored document fails and leaves the old one in place.
    let mut bad = common::analysis(&batch);
    bad.documents[0].id = "missing".into();
    assert!(matches!(
        store.replace_analysis(&bad),
        Err(Error::Invalid(_))
    ));
    assert_eq!(store.stats().unwrap(), stats);
}

#[test]
fn migrations_upgrade_old_databases_and_refuse_newer_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A version-1 database: documents only, no analysis tables yet.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE documents (pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT,
               outlet TEXT, date TEXT, day TEXT, url TEXT, text TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
               origin TEXT NOT NULL, headline_start INTEGER, headline_end INTEGER);",
        )
        .unwrap();
        drop(conn);
    }
    // Tables but no schema version: someone else's database, left alone.
    let err = Store::open(&path)
        .err()
        .expect("a foreign database is refused");
    assert!(
        err.to_string().contains("not a backchannel database"),
        "{err}"
    );
    // Not SQLite at all.
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"this is a text file, not a database, padded to look long enough",
    )
    .unwrap();
    let err = Store::open(&junk)
        .err()
        .expect("a non-database file is refused");
    assert!(err.to_string().contains("junk.db"), "{err}");

    let path = dir.path().join("v1.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.add_documents(&common::corpus()).unwrap();
    }
    {
        // Roll the version back to 1 and drop what migration 2 made.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE statement_topics; DROP TABLE divergence_statements; DROP TABLE divergences;
             DROP TABLE private_only; DROP TABLE drift; DROP TABLE analyzed; DROP TABLE topics;
             DROP TABLE analysis_failures; DROP TABLE overview_cells; PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    assert!(matches!(
        Store::open_read_only(&path),
        Err(Error::Outdated { found: 1, .. })
    ));
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.stats().unwrap().documents, 3);
    store
        .replace_analysis(&common::analysis(&common::corpus()))
        .unwrap();
    drop(store);

    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    for result in [Store::open(&path).err(), Store::open_read_only(&path).err()] {
        let err = result.expect("a newer schema must be refused");
        assert!(matches!(err, Error::TooNew { .. }), "{err}");
        assert!(err.to_string().contains("newer"), "{err}");
    }
}

#[test]
fn read_only_store_reads_but_cannot_write() {
    let (dir, store) = loaded();
    drop(store);
    let path = dir.path().join("corpus.db");
    let mut ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.stats().unwrap().documents, 3);
    assert!(!ro.search(&query("brigades")).unwrap().is_empty());
    assert!(ro
        .add_documents(&[common::doc("new", "X", "2026-01-01", "New text.", &[])])
        .is_err());
    assert_eq!(ro.stats().unwrap().documents, 3);
    let missing = Store::open_read_only(dir.path().join("nope.db"))
        .err()
        .unwrap();
    assert!(
        missing.to_string().contains("no such database"),
        "{missing}"
    );
    assert!(!dir.path().join("nope.db").exists());
}
