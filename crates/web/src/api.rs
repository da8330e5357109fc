//! JSON endpoints; shapes are documented in the crate docs.

use crate::params::Params;
use crate::{ApiError, AppState, Failure};
use axum::extract::{Path, Query, State};
use axum::Json;
use backchannel_store::{
    DivergenceSummary, DivergenceView, DocumentView, Hit, Overview, SearchQuery, StatementView,
    Stats,
};
use std::collections::HashMap;

type Api<T> = Result<Json<T>, ApiError>;
type QueryMap = Query<HashMap<String, String>>;

/// A divergence id from a URL: not a number is simply not a known id.
pub(crate) fn divergence_id(raw: &str) -> Result<i64, Failure> {
    raw.parse::<i64>()
        .map_err(|_| Failure::not_found(format!("no divergence {raw:?}")))
}

pub(crate) async fn stats(State(state): State<AppState>) -> Api<Stats> {
    Ok(Json(state.query(|s| Ok(s.stats()?)).await?))
}

pub(crate) async fn overview(State(state): State<AppState>) -> Api<Overview> {
    Ok(Json(state.query(|s| Ok(s.overview()?)).await?))
}

pub(crate) async fn divergences(
    State(state): State<AppState>,
    Query(q): QueryMap,
) -> Api<Vec<DivergenceSummary>> {
    let p = Params(q);
    let (limit, offset) = p.limit_offset()?;
    let (side, topic) = (p.text("side"), p.text("topic"));
    let list = state
        .query(move |s| Ok(s.divergences(side.as_deref(), topic.as_deref(), limit, offset)?))
        .await?;
    Ok(Json(list))
}

pub(crate) async fn divergence(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Api<DivergenceView> {
    let number = divergence_id(&id)?;
    let found = state.query(move |s| Ok(s.divergence(number)?)).await?;
    Ok(Json(found.ok_or_else(|| {
        Failure::not_found(format!("no divergence {id:?}"))
    })?))
}

pub(crate) async fn statements(
    State(state): State<AppState>,
    Query(q): QueryMap,
) -> Api<Vec<StatementView>> {
    let p = Params(q);
    let filters = p.filters()?;
    let (limit, offset) = p.limit_offset()?;
    Ok(Json(
        state
            .query(move |s| Ok(s.statements(&filters, limit, offset)?))
            .await?,
    ))
}

pub(crate) async fn search(State(state): State<AppState>, Query(q): QueryMap) -> Api<Vec<Hit>> {
    let p = Params(q);
    let text = p
        .text("q")
        .ok_or_else(|| Failure::bad_request("q: a search is required"))?;
    let (limit, offset) = p.limit_offset()?;
    let query = SearchQuery {
        text,
        filters: p.filters()?,
        kind: p.kind()?,
        limit,
        offset,
    };
    Ok(Json(state.query(move |s| Ok(s.search(&query)?)).await?))
}

pub(crate) async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Api<DocumentView> {
    let key = id.clone();
    let found = state.query(move |s| Ok(s.document(&key)?)).await?;
    Ok(Json(found.ok_or_else(|| {
        Failure::not_found(format!("no document {id:?}"))
    })?))
}
