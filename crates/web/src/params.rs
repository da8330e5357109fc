//! Query-string parameters, checked with messages a user can act on.

use crate::Failure;
use backchannel_store::{parse_channel, parse_day, Filters, HitKind, DEFAULT_LIMIT, MAX_LIMIT};
use std::collections::HashMap;

/// The query string of one request; empty values count as absent (HTML forms send them).
pub(crate) struct Params(pub HashMap<String, String>);

impl Params {
    pub fn text(&self, key: &str) -> Option<String> {
        self.0
            .get(key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    pub fn filters(&self) -> Result<Filters, Failure> {
        let day = |key: &str| -> Result<Option<String>, Failure> {
            self.text(key)
                .map(|v| parse_day(&v).map_err(|e| Failure::bad_request(format!("{key}: {e}"))))
                .transpose()
        };
        let channel = self
            .text("channel")
            .map(|c| parse_channel(&c).map_err(|e| Failure::bad_request(e.to_string())))
            .transpose()?;
        Ok(Filters {
            side: self.text("side"),
            channel,
            topic: self.text("topic"),
            outlet: self.text("outlet"),
            since: day("since")?,
            until: day("until")?,
        })
    }

    pub fn number(&self, key: &str, default: usize) -> Result<usize, Failure> {
        match self.text(key) {
            None => Ok(default),
            Some(v) => v.parse::<usize>().map_err(|_| {
                Failure::bad_request(format!(
                    "{key}: expected a non-negative whole number, got {v:?}"
                ))
            }),
        }
    }

    /// `limit` and `offset` of the JSON API.
    pub fn limit_offset(&self) -> Result<(usize, usize), Failure> {
        let limit = self.number("limit", DEFAULT_LIMIT)?;
        if limit == 0 || limit > MAX_LIMIT {
            return Err(Failure::bad_request(format!(
                "limit: must be 1 to {MAX_LIMIT}, got {limit}"
            )));
        }
        Ok((limit, self.number("offset", 0)?))
    }

    /// The 1-based `page` of the HTML pages, as an offset.
    pub fn page(&self) -> Result<(usize, usize), Failure> {
        let page = self.number("page", 1)?;
        if page == 0 {
            return Err(Failure::bad_request("page: pages count from 1"));
        }
        Ok((page, (page - 1).saturating_mul(DEFAULT_LIMIT)))
    }

    pub fn kind(&self) -> Result<Option<HitKind>, Failure> {
        match self.text("kind").as_deref() {
            None | Some("all") => Ok(None),
            Some("statement") | Some("statements") => Ok(Some(HitKind::Statement)),
            Some("article") | Some("articles") => Ok(Some(HitKind::Article)),
            Some(other) => Err(Failure::bad_request(format!(
                "kind: expected statement or article, got {other:?}"
            ))),
        }
    }
}
