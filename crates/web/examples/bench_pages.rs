//! Page latency over a real database, in process through the router.
//!
//! `cargo run --release -p backchannel-web --example bench_pages DB`
//! (build DB with `backchannel-store`'s `bench_corpus` example and its
//! `KEEP_DB` argument, or with `backchannel ingest`).

use axum::body::Body;
use axum::http::Request;
use std::time::Instant;
use tower::ServiceExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(db) = std::env::args().nth(1) else {
        eprintln!("usage: bench_pages DB");
        return Ok(());
    };
    let db = std::path::PathBuf::from(db);
    let state = backchannel_web::AppState::open(&db)?;
    let app = backchannel_web::router(state);
    let store = backchannel_store::Store::open_read_only(&db)?;
    let overview = store.overview()?;
    let side = overview.sides.first().cloned().unwrap_or_default();
    let topic = overview.topics.first().cloned().unwrap_or_default();
    let doc = store
        .statements(&Default::default(), 1, 1000)?
        .first()
        .map(|s| s.document.id.clone())
        .unwrap_or_default();
    let outlet = store
        .document(&doc)?
        .and_then(|d| d.meta.outlet)
        .unwrap_or_default();
    let enc = |s: &str| {
        s.replace(' ', "%20")
            .replace('#', "%23")
            .replace('/', "%2F")
    };
    let uris = [
        "/".to_string(),
        "/divergence/1".into(),
        format!("/doc/{}", enc(&doc)),
        "/timeline".into(),
        "/timeline?page=200".into(),
        format!("/timeline?side={}&topic={}", enc(&side), enc(&topic)),
        "/search?q=negotiat*".into(),
        "/search?q=said".into(),
        format!("/search?q=president&side={}&channel=private", enc(&side)),
        format!("/side/{}", enc(&side)),
        format!("/topic/{}", enc(&topic)),
        format!("/outlet/{}", enc(&outlet)),
        "/drift".into(),
        "/api/stats".into(),
        "/api/divergences".into(),
        "/api/statements?channel=private&since=2016-01-01".into(),
        "/api/search?q=%22closed%20doors%22".into(),
    ];
    for uri in &uris {
        let mut times = Vec::new();
        let mut status = 0;
        let mut bytes = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let response = app
                .clone()
                .oneshot(Request::get(uri.as_str()).body(Body::empty())?)
                .await?;
            status = response.status().as_u16();
            bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await?
                .len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<60} {status} {:>8} B  median {:>8.2} ms",
            uri.chars().take(60).collect::<String>(),
            bytes,
            times[2]
        );
    }
    Ok(())
}
