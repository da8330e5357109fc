//! Every route, driven in-process through the router.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use backchannel_web::{router, AppState};
use serde_json::Value;
use tempfile::TempDir;
use tower::ServiceExt;

struct App {
    _dir: TempDir,
    router: Router,
}

fn app() -> App {
    let (dir, path) = common::database();
    let state = AppState::open(&path).expect("open read-only");
    App {
        _dir: dir,
        router: router(state),
    }
}

struct Reply {
    status: StatusCode,
    csp: String,
    content_type: String,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn get(app: &App, uri: &str) -> Reply {
    let response = app
        .router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let csp = response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20)
        .await
        .unwrap();
    Reply {
        status,
        csp,
        content_type,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn page(app: &App, uri: &str) -> String {
    let r = get(app, uri).await;
    assert!(
        r.csp.contains("script-src 'none'"),
        "{uri}: CSP {:?}",
        r.csp
    );
    assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
    assert!(
        r.content_type.starts_with("text/html"),
        "{uri}: {}",
        r.content_type
    );
    r.body
}

async fn api(app: &App, uri: &str) -> Value {
    let r = get(app, uri).await;
    assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
    assert!(
        r.content_type.starts_with("application/json"),
        "{uri}: {}",
        r.content_type
    );
    r.json()
}

async fn refused(app: &App, uri: &str, status: StatusCode) -> Reply {
    let r = get(app, uri).await;
    assert_eq!(r.status, status, "{uri}: {}", r.body);
    if uri.starts_with("/api/") {
        let msg = r.json()["error"].as_str().unwrap_or("").to_string();
        assert!(!msg.is_empty(), "{uri}: JSON error without message");
    } else {
        assert!(r.content_type.starts_with("text/html"), "{uri}");
        assert!(r.body.contains(&status.as_u16().to_string()), "{uri}");
    }
    r
}

#[tokio::test]
async fn overview_shows_matrix_and_divergence_links() {
    let app = app();
    let body = page(&app, "/").await;
    assert!(body.contains("href=\"/side/Meridia\""));
    assert!(body.contains("href=\"/topic/port%20access\""));
    assert!(body.contains("href=\"/timeline?side=Meridia&amp;topic=port%20access\""));
    // Meridia on port access: 2 public, 1 private, 1 divergence.
    let row = body.split("href=\"/side/Meridia\"").nth(1).unwrap();
    assert!(row.contains("title=\"public statements\">2<"), "{row}");
    assert!(row.contains("title=\"private statements\">1<"));
    assert!(body.contains("href=\"/divergence/1\""));
    assert!(
        body.find("/divergence/1\"").unwrap() < body.find("/divergence/2\"").unwrap(),
        "strongest first"
    );
}

#[tokio::test]
async fn divergence_page_puts_private_beside_public() {
    let app = app();
    let body = page(&app, "/divergence/1").await;
    let private = body.find("Behind closed doors").unwrap();
    let public = body.find("On the record").unwrap();
    let secret = body.find("quietly preparing to reopen the port").unwrap();
    let open = body.find("The port of Adris will remain closed").unwrap();
    assert!(private < secret && secret < public && public < open);
    assert!(body.contains("Two Meridian officials"));
    assert!(body.contains("Harbor Ledger") && body.contains("2026-04-01"));
    assert!(
        body.contains("speaking on condition of anonymity"),
        "evidence phrase"
    );
    assert!(
        body.contains("in private a reopening is being prepared"),
        "explanation"
    );
    assert!(body.contains("href=\"/doc/ledger-101#s-ledger-101%232\""));
    assert!(body.contains("willingness-vs-refusal"));

    let special = page(&app, "/divergence/2").await;
    assert!(special.contains("href=\"/doc/wire%2F2026-04%20brief#s-wire%2F2026-04%20brief%232\""));

    refused(&app, "/divergence/999", StatusCode::NOT_FOUND).await;
    refused(&app, "/divergence/abc", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn document_page_marks_every_statement() {
    let app = app();
    let body = page(&app, "/doc/ledger-101").await;
    assert!(body.contains(
        "<mark id=\"s-ledger-101#2\" class=\"private\" title=\"Two Meridian officials, Meridia (private)\">\
         the government was quietly preparing to reopen the port within weeks</mark>"
    ));
    assert!(body.contains("<mark id=\"s-ledger-101#1\" class=\"public\""));
    assert!(body.contains("href=\"https://news.example/ledger-101\""));

    let special = page(&app, "/doc/wire%2F2026-04%20brief").await;
    assert!(special.contains("<mark id=\"s-wire/2026-04 brief#1\" class=\"public\""));
    assert!(special.contains("“We have no interest in a new fishing quota,”</mark>"));

    refused(&app, "/doc/nope", StatusCode::NOT_FOUND).await;
    refused(
        &app,
        "/doc/..%2F..%2F..%2Fetc%2Fpasswd",
        StatusCode::NOT_FOUND,
    )
    .await;
    refused(&app, "/doc/%2Fetc%2Fpasswd", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn timeline_orders_by_date_and_filters() {
    let app = app();
    let body = page(&app, "/timeline?side=Meridia&topic=port%20access").await;
    let first = body.find("<time>2026-04-01</time>").unwrap();
    let later = body.find("<time>2026-04-05</time>").unwrap();
    assert!(first < later);
    assert!(body.contains("quietly preparing"));
    assert!(!body.contains("fishing quota,”"), "Tolvany is filtered out");

    let private = page(&app, "/timeline?channel=private").await;
    assert!(
        private.contains("a smaller quota") && !private.contains("remain closed to Tolvan ships")
    );

    let r = refused(&app, "/timeline?since=2026-99-01", StatusCode::BAD_REQUEST).await;
    assert!(r.body.contains("since"), "{}", r.body);
    refused(&app, "/timeline?channel=secret", StatusCode::BAD_REQUEST).await;
    refused(&app, "/timeline?page=0", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn search_page_ranks_and_filters() {
    let app = app();
    let form = page(&app, "/search").await;
    assert!(form.contains("name=\"q\""));

    let body = page(&app, "/search?q=%22quietly+preparing%22").await;
    assert!(body.contains("<mark>quietly preparing</mark>"), "{body}");
    assert!(body.contains("href=\"/doc/ledger-101#s-ledger-101%232\""));

    let prefix = page(&app, "/search?q=reop*&channel=private").await;
    assert!(prefix.contains("<mark>reopen</mark>") && prefix.contains("<mark>reopened</mark>"));
    assert!(!prefix.contains("remain closed"));

    let dated = page(&app, "/search?q=port&since=2026-04-02&until=2026-04-04").await;
    assert!(dated.contains("Tolvany rejects quota talk") && !dated.contains("Meridia insists"));

    refused(&app, "/search?q=%22unterminated", StatusCode::BAD_REQUEST).await;
    refused(
        &app,
        "/search?q=port&channel=secret",
        StatusCode::BAD_REQUEST,
    )
    .await;
    refused(
        &app,
        "/search?q=port&until=yesterday",
        StatusCode::BAD_REQUEST,
    )
    .await;
    refused(&app, "/search?q=port&kind=tweets", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn side_topic_outlet_and_drift_pages() {
    let app = app();
    let side = page(&app, "/side/Tolvany").await;
    assert!(side.contains("fishing quota") && side.contains("/divergence/2"));
    assert!(side.contains("Discussed only in private"));
    refused(&app, "/side/Nowhere", StatusCode::NOT_FOUND).await;

    let topic = page(&app, "/topic/fishing%20quota").await;
    assert!(topic.contains("named by the analyst") && topic.contains("/side/Tolvany"));
    refused(&app, "/topic/weather", StatusCode::NOT_FOUND).await;

    let outlet = page(&app, "/outlet/Harbor%20Ledger").await;
    assert!(outlet.contains("Meridia insists port will stay closed"));
    assert!(outlet.contains("href=\"/doc/ledger-101\""));
    refused(&app, "/outlet/Unknown%20Gazette", StatusCode::NOT_FOUND).await;
    refused(
        &app,
        "/outlet/Harbor%20Ledger?page=abc",
        StatusCode::BAD_REQUEST,
    )
    .await;

    let drift = page(&app, "/drift").await;
    assert!(drift.contains("<del>The port of Adris will remain closed</del>"));
    assert!(drift.contains("<ins>&lt;script&gt;"));
    assert!(drift.contains("0.35"));

    let css = get(&app, "/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.content_type.starts_with("text/css") && css.body.contains("mark:target"));
    refused(&app, "/no/such/page", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn json_api() {
    let app = app();
    let stats = api(&app, "/api/stats").await;
    assert_eq!(stats["documents"], 3);
    assert_eq!(
        (stats["public"].as_u64(), stats["private"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(stats["divergences"], 3);

    let overview = api(&app, "/api/overview").await;
    assert_eq!(overview["sides"][0], "Meridia");

    let list = api(&app, "/api/divergences").await;
    let scores: Vec<f64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores, [0.92, 0.81, 0.3]);
    let tolvany = api(&app, "/api/divergences?side=Tolvany").await;
    assert_eq!(tolvany.as_array().unwrap().len(), 1);
    assert_eq!(
        api(&app, "/api/divergences?limit=1&offset=1").await[0]["id"],
        2
    );
    refused(&app, "/api/divergences?limit=0", StatusCode::BAD_REQUEST).await;
    refused(&app, "/api/divergences?offset=-3", StatusCode::BAD_REQUEST).await;

    let one = api(&app, "/api/divergences/1").await;
    assert_eq!(one["private"][0]["id"], "ledger-101#2");
    assert_eq!(one["private"][0]["channel"], "private");
    assert_eq!(one["public"][0]["document"]["outlet"], "Harbor Ledger");
    refused(&app, "/api/divergences/77", StatusCode::NOT_FOUND).await;

    let private = api(&app, "/api/statements?channel=private").await;
    let ids: Vec<&str> = private
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ledger-101#2", "wire/2026-04 brief#2"]);
    // Offsets are code points: the curly quote is one character, three bytes.
    let public = api(&app, "/api/statements?side=Tolvany&channel=public").await;
    let title_chars = "Tolvany rejects quota talk\n\n".chars().count();
    assert_eq!(public[0]["start"], title_chars);
    assert_eq!(
        public[0]["end"],
        title_chars
            + "“We have no interest in a new fishing quota,”"
                .chars()
                .count()
    );
    refused(
        &app,
        "/api/statements?since=01-04-2026",
        StatusCode::BAD_REQUEST,
    )
    .await;

    let hits = api(&app, "/api/search?q=quota&kind=statement").await;
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty() && hits.iter().all(|h| h["kind"] == "statement"));
    assert!(hits
        .windows(2)
        .all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64()));
    refused(&app, "/api/search?q=", StatusCode::BAD_REQUEST).await;
    refused(&app, "/api/search?q=%22(", StatusCode::BAD_REQUEST).await;

    let doc = api(&app, "/api/documents/ledger-101").await;
    assert_eq!(doc["title"], "Meridia insists port will stay closed");
    assert_eq!(doc["statements"].as_array().unwrap().len(), 2);
    assert!(doc["text"].as_str().unwrap().starts_with("Meridia insists"));
    refused(&app, "/api/documents/nope", StatusCode::NOT_FOUND).await;
    refused(&app, "/api/nothing-here", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn untrusted_text_is_always_escaped() {
    let app = app();
    let uris = [
        "/".to_string(),
        "/divergence/1".into(),
        "/divergence/3".into(),
        "/doc/xss-1".into(),
        "/timeline".into(),
        "/search?q=script".into(),
        "/search?q=%3Cscript%3E".into(),
        "/side/Meridia".into(),
        format!("/topic/{}", "%3Cscript%3Ealert('topic')%3C%2Fscript%3E"),
        format!("/outlet/{}", "%3Cscript%3Ealert('outlet')%3C%2Fscript%3E"),
        "/drift".into(),
        "/doc/%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(),
        "/timeline?side=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(),
    ];
    for uri in &uris {
        let r = get(&app, uri).await;
        let expected = [
            StatusCode::OK,
            StatusCode::NOT_FOUND,
            StatusCode::BAD_REQUEST,
        ];
        assert!(expected.contains(&r.status), "{uri}: {}", r.status);
        let lower = r.body.to_lowercase();
        assert!(!lower.contains("<script"), "{uri} has a raw script tag");
        assert!(!lower.contains("<img"), "{uri} has a raw img tag");
        assert!(
            !lower.contains("href=\"javascript:"),
            "{uri} links to javascript:"
        );
    }
    let doc = page(&app, "/doc/xss-1").await;
    assert!(doc.contains("&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;"));
    assert!(doc.contains("&lt;img src=x onerror=alert(1)&gt; Vass"));
    // A search FTS5 cannot parse is refused, its text echoed escaped.
    let bad = refused(&app, "/search?q=%3Cscript%3E", StatusCode::BAD_REQUEST).await;
    assert!(bad.body.contains("&lt;script&gt;"), "{}", bad.body);
    let div = page(&app, "/divergence/3").await;
    assert!(div.contains("&lt;script&gt;alert(&#39;explanation&#39;)&lt;/script&gt;"));
}
