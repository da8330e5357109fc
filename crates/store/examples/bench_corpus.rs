//! Store benchmark on a real JSONL.gz corpus (default: the AllSides corpus in
//! `../shared/data/corpora`): ingest time, database size, and the latency of
//! the queries behind the web pages.
//!
//! `cargo run --release -p backchannel-store --example bench_corpus [CORPUS.jsonl.gz] [MAX_DOCS] [KEEP_DB]`
//!
//! With `KEEP_DB` (a path that does not exist yet) the database is kept
//! there, for `backchannel-web`'s `bench_pages` example.
//!
//! Statements are a stand-in for the extractor (every quoted passage), and
//! the analysis is synthetic (sides, channels and topics spread by hash), so
//! the numbers measure the store, not the pipeline.

use backchannel_core::*;
use backchannel_store::*;
use std::io::BufRead;
use std::time::Instant;

const DEFAULT_CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/corpora/allsides_article_bias_37554.jsonl.gz"
);
const BATCH: usize = 500;

fn quoted_spans(text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) | ('"', None) => open = Some(i),
            ('”', Some(s)) | ('"', Some(s)) => {
                let end = i + c.len_utf8();
                if end - s > 20 && end - s < 600 {
                    let span = Span::new(s, end);
                    out.push(Statement {
                        span,
                        fragments: vec![span],
                        form: Form::Direct,
                        cue: None,
                        speaker: None,
                    });
                }
                open = None;
            }
            ('\n', _) => open = None,
            _ => {}
        }
    }
    out
}

fn spread(s: &str, n: u64) -> u64 {
    s.bytes().fold(1469598103934665603u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(1099511628211)
    }) % n
}

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        out = Some(f()?);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{label:<48} median {:>9.2} ms  (min {:.2}, max {:.2})",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
    out.ok_or_else(|| Error::Invalid("no runs".into()))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let corpus = args.next().unwrap_or_else(|| DEFAULT_CORPUS.to_string());
    let max: usize = args
        .next()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(usize::MAX);
    if !std::path::Path::new(&corpus).exists() {
        eprintln!("corpus {corpus} not found; pass a JSONL.gz path");
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let db = match args.next() {
        Some(keep) if std::path::Path::new(&keep).exists() => {
            eprintln!("{keep} exists; give a new path to keep the database");
            return Ok(());
        }
        Some(keep) => std::path::PathBuf::from(keep),
        None => dir.path().join("bench.db"),
    };
    let mut store = Store::open(&db)?;

    let reader =
        std::io::BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(&corpus)?));
    let start = Instant::now();
    let (mut docs, mut statements, mut bytes) = (0usize, 0usize, 0usize);
    let mut batch = Vec::with_capacity(BATCH);
    let mut parse_time = 0.0;
    for line in reader.lines().take(max) {
        let t = Instant::now();
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let mut doc =
            Document::from_text(s("id").unwrap_or_default(), s("text").unwrap_or_default());
        doc.title = s("title");
        doc.outlet = s("outlet");
        doc.date = s("date");
        doc.url = s("url");
        let found = quoted_spans(&doc.text);
        bytes += doc.text.len();
        batch.push((doc, found));
        parse_time += t.elapsed().as_secs_f64();
        if batch.len() == BATCH {
            let sum = store.add_documents(&batch)?;
            docs += sum.added;
            statements += sum.statements;
            batch.clear();
        }
    }
    let sum = store.add_documents(&batch)?;
    docs += sum.added;
    statements += sum.statements;
    let ingest = start.elapsed().as_secs_f64() - parse_time;
    println!(
        "ingest: {docs} documents, {statements} statements, {:.0} MB text in {ingest:.1} s store time \
         ({:.0} docs/s; reading+parsing {parse_time:.1} s extra)",
        bytes as f64 / 1e6,
        docs as f64 / ingest
    );

    let t = Instant::now();
    let (documents, all) = store.load_corpus()?;
    println!("load_corpus: {:.2} s", t.elapsed().as_secs_f64());

    const SIDES: [&str; 12] = [
        "Arvenia",
        "Borodel",
        "Castrel",
        "Dunmark",
        "Estovia",
        "Falrun",
        "Gorvath",
        "Helmsey",
        "Istrany",
        "Jorvik Union",
        "Kelmar",
        "Lusova",
    ];
    let topics: Vec<String> = (0..40).map(|i| format!("topic {i}")).collect();
    let mut analysis = Analysis {
        documents: documents.iter().map(Document::meta).collect(),
        ..Default::default()
    };
    for (d, (doc, stmts)) in documents.iter().zip(&all).enumerate() {
        for (n, st) in stmts.iter().enumerate() {
            let id = format!("{}#{}", doc.id, n + 1);
            let h = spread(&id, 1 << 30);
            analysis.statements.push(AnalyzedStatement {
                id,
                document: d,
                statement: st.clone(),
                text: doc.text.get(st.span.range()).unwrap_or("").to_string(),
                speaker: None,
                side: Some(SIDES[(h % 12) as usize].to_string()),
                channel: if h.is_multiple_of(3) {
                    Channel::Private
                } else {
                    Channel::Public
                },
                evidence: vec![],
                topics: vec![topics[(h / 12 % 40) as usize].clone()],
            });
        }
    }
    analysis.topics = topics
        .iter()
        .map(|t| Topic {
            name: t.clone(),
            terms: vec![],
            seeded: false,
        })
        .collect();
    for i in 0..2000usize {
        let p = &analysis.statements[(i * 7919) % analysis.statements.len()];
        let q = &analysis.statements[(i * 104729) % analysis.statements.len()];
        analysis.divergences.push(Divergence {
            side: p.side.clone().unwrap_or_default(),
            topic: p.topics[0].clone(),
            private: vec![p.id.clone()],
            public: vec![q.id.clone()],
            score: (i % 100) as f64 / 100.0,
            explanation: "synthetic".into(),
            signals: vec![],
        });
    }
    let t = Instant::now();
    store.replace_analysis(&analysis)?;
    println!(
        "replace_analysis: {} statements in {:.2} s",
        analysis.statements.len(),
        t.elapsed().as_secs_f64()
    );
    drop(store);
    println!(
        "database: {:.0} MB",
        std::fs::metadata(&db)?.len() as f64 / 1e6
    );

    let ro = Store::open_read_only(&db)?;
    let outlet = documents
        .first()
        .and_then(|d| d.outlet.clone())
        .unwrap_or_default();
    let doc_id = documents
        .get(documents.len() / 2)
        .map(|d| d.id.clone())
        .unwrap_or_default();
    let q = |text: &str, filters: Filters| SearchQuery {
        text: text.into(),
        filters,
        limit: 50,
        ..Default::default()
    };
    time("stats", 5, || ro.stats())?;
    time("overview (sides x topics)", 5, || ro.overview())?;
    time("search word 'negotiations'", 5, || {
        ro.search(&q("negotiations", Filters::default()))
    })?;
    time("search prefix 'negotiat*'", 5, || {
        ro.search(&q("negotiat*", Filters::default()))
    })?;
    time("search phrase '\"closed doors\"'", 5, || {
        ro.search(&q("\"closed doors\"", Filters::default()))
    })?;
    time("search common word 'said'", 5, || {
        ro.search(&q("said", Filters::default()))
    })?;
    let side = Filters {
        side: Some(SIDES[1].into()),
        channel: Some(Channel::Private),
        ..Default::default()
    };
    time("search 'president' side+channel", 5, || {
        ro.search(&q("president", side.clone()))
    })?;
    let dated = Filters {
        since: Some("2016-01-01".into()),
        until: Some("2016-12-31".into()),
        ..Default::default()
    };
    time("search 'election' 2016 only", 5, || {
        ro.search(&q("election", dated.clone()))
    })?;
    time("timeline, all, page 1", 5, || {
        ro.statements(&Filters::default(), 50, 0)
    })?;
    time("timeline, all, page 200", 5, || {
        ro.statements(&Filters::default(), 50, 200 * 50)
    })?;
    let st = Filters {
        side: Some(SIDES[2].into()),
        topic: Some("topic 3".into()),
        ..Default::default()
    };
    time("timeline side+topic", 5, || ro.statements(&st, 50, 0))?;
    time("divergences list", 5, || ro.divergences(None, None, 50, 0))?;
    time("divergence 1 with statements", 5, || ro.divergence(1))?;
    time("document by id", 5, || ro.document(&doc_id))?;
    time("side profile", 5, || ro.side_profile(SIDES[0], 50))?;
    time("topic profile", 5, || ro.topic_profile("topic 1", 50))?;
    time("outlet profile page 1", 5, || {
        ro.outlet_profile(&outlet, 50, 0)
    })?;
    time("drift page", 5, || ro.drift(50, 0))?;
    Ok(())
}
