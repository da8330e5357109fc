//! backchannel-web: `backchannel serve --db FILE` — the analyst's browser view
//! of a store, opened read-only.
//!
//! Server-rendered HTML (every piece of article text escaped through
//! [`escape_html`]), one stylesheet, no JavaScript. Ids in URLs are looked up
//! in the database, never used as paths. Bad parameters get 400, unknown ids
//! 404, each with a message.
//!
//! # Routes
//!
//! HTML pages (`page` is 1-based, 50 rows a page):
//!
//! | route | parameters | shows |
//! |---|---|---|
//! | `/` | | sides × topics matrix (public / private statements, divergences), strongest divergences |
//! | `/divergence/{id}` | | private and public statements side by side, with speakers, outlets, dates, evidence, explanation |
//! | `/doc/{id}` | | the article with every statement in a `<mark id="s-{statement id}">` |
//! | `/timeline` | `side`, `topic`, `channel`, `outlet`, `since`, `until`, `page` | public and private statements by date |
//! | `/search` | `q`, `side`, `channel`, `topic`, `outlet`, `since`, `until`, `kind`, `page` | ranked hits with snippets |
//! | `/side/{name}`, `/topic/{name}` | | counts by topic / side, divergences, private-only topics |
//! | `/outlet/{name}` | `page` | counts by channel, the outlet's articles |
//! | `/drift` | `page` | quotes rendered differently by two outlets, with word diff |
//!
//! JSON API (`limit` default 50, at most 500; `offset` default 0; errors are
//! `{"error": message}` with status 400 or 404):
//!
//! | route | parameters | response |
//! |---|---|---|
//! | `/api/stats` | | [`Stats`](backchannel_store::Stats): `{documents, statements, public, private, unknown, sides, topics, divergences, private_only, drift, outlets, schema_version, db_bytes}` |
//! | `/api/overview` | | [`Overview`](backchannel_store::Overview): `{sides: [..], topics: [..], cells: [{side, topic, public, private, divergences}]}` |
//! | `/api/divergences` | `side`, `topic`, `limit`, `offset` | `[{id, side, topic, score, explanation, private, public}]` (counts), strongest first |
//! | `/api/divergences/{id}` | | [`DivergenceView`](backchannel_store::DivergenceView): `{id, side, topic, score, explanation, signals, private: [statement], public: [statement]}` |
//! | `/api/statements` | `side`, `channel`, `topic`, `outlet`, `since`, `until`, `limit`, `offset` | `[statement]`, oldest first |
//! | `/api/search` | `q` (required), the filters, `kind` (`statement`/`article`), `limit`, `offset` | `[{kind, document, title, outlet, date, statement, side, channel, snippet, highlights: [[start, end]], score}]` |
//! | `/api/documents/{id}` | | `{id, title, outlet, date, url, text, statements: [statement]}` |
//!
//! A `statement` is [`StatementView`](backchannel_store::StatementView): `{id, document: {id, title, outlet,
//! date, url}, text, form, cue, speaker, speaker_text, anonymous, official,
//! side, channel, evidence: [{phrase, span, rule}], topics, start, end}` with
//! `start`/`end` in Unicode code points of the document text. Dates in
//! filters are `YYYY-MM-DD`; `channel` is `public`, `private` or `unknown`.

mod api;
mod html;
mod pages;
mod params;

pub use html::escape_html;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use backchannel_store::Store;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] backchannel_store::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server failed: {0}")]
    Serve(std::io::Error),
}

/// Read-only connections shared by the request handlers.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Pool>,
}

struct Pool {
    stores: Vec<Mutex<Store>>,
    next: AtomicUsize,
}

impl AppState {
    /// Opens `db` read-only, one connection per core (at most 8).
    pub fn open(db: &Path) -> Result<AppState, Error> {
        let n = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 8);
        let stores = (0..n)
            .map(|_| Store::open_read_only(db).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AppState {
            inner: Arc::new(Pool {
                stores,
                next: AtomicUsize::new(0),
            }),
        })
    }

    /// Runs a query on a blocking thread with one of the connections.
    pub(crate) async fn query<T, F>(&self, f: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, Failure> + Send + 'static,
    {
        let pool = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let len = pool.stores.len().max(1);
            let i = pool.next.fetch_add(1, Ordering::Relaxed) % len;
            let Some(slot) = pool.stores.get(i) else {
                return Err(Failure::internal("no database connection"));
            };
            let store = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&store)
        })
        .await
        .map_err(|e| Failure::internal(format!("query task failed: {e}")))?
    }
}

/// An HTTP error with a message for the user.
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: StatusCode,
    pub message: String,
}

impl Failure {
    pub fn bad_request(message: impl Into<String>) -> Self {
        Failure {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Failure {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }
    pub fn internal(message: impl Into<String>) -> Self {
        let message = message.into();
        eprintln!("backchannel serve: internal error: {message}");
        Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message,
        }
    }
}

impl From<backchannel_store::Error> for Failure {
    fn from(e: backchannel_store::Error) -> Self {
        match e {
            backchannel_store::Error::BadQuery(m) => Failure::bad_request(m),
            backchannel_store::Error::Invalid(m) => Failure::bad_request(m),
            other => Failure::internal(other.to_string()),
        }
    }
}

/// A failure answered as an HTML page.
pub(crate) struct PageError(pub Failure);
/// A failure answered as `{"error": message}`.
pub(crate) struct ApiError(pub Failure);

impl From<Failure> for PageError {
    fn from(f: Failure) -> Self {
        PageError(f)
    }
}
impl From<Failure> for ApiError {
    fn from(f: Failure) -> Self {
        ApiError(f)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = self.0.status.canonical_reason().unwrap_or("Error");
        let body = html::error_page(self.0.status.as_u16(), title, &self.0.message);
        (self.0.status, axum::response::Html(body)).into_response()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.0.status,
            axum::Json(serde_json::json!({ "error": self.0.message })),
        )
            .into_response()
    }
}

/// All routes over one state; see the crate docs for the table.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::overview))
        .route("/divergence/{id}", get(pages::divergence))
        .route("/doc/{id}", get(pages::document))
        .route("/timeline", get(pages::timeline))
        .route("/search", get(pages::search))
        .route("/side/{name}", get(pages::side))
        .route("/topic/{name}", get(pages::topic))
        .route("/outlet/{name}", get(pages::outlet))
        .route("/drift", get(pages::drift))
        .route("/style.css", get(stylesheet))
        .route("/api/stats", get(api::stats))
        .route("/api/overview", get(api::overview))
        .route("/api/divergences", get(api::divergences))
        .route("/api/divergences/{id}", get(api::divergence))
        .route("/api/statements", get(api::statements))
        .route("/api/search", get(api::search))
        .route("/api/documents/{id}", get(api::document))
        .fallback(not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Defence in depth behind the escaping: no scripts, frames or plugins at all.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(
            "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; \
             frame-ancestors 'none'; form-action 'self'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    response
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        html::STYLESHEET,
    )
        .into_response()
}

async fn not_found(uri: axum::http::Uri) -> Response {
    let failure = Failure::not_found(format!("no page at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        ApiError(failure).into_response()
    } else {
        PageError(failure).into_response()
    }
}

/// Serves `db` (opened read-only) on `addr` until Ctrl-C.
pub async fn serve(db: PathBuf, addr: SocketAddr) -> Result<(), Error> {
    let state = AppState::open(&db)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| Error::Bind { addr, source })?;
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            // If the signal handler cannot be installed, serve until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
        .map_err(Error::Serve)
}
