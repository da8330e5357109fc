//! RSS, Atom and JSON Feed: one document per item.
//!
//! Item text is `title + "\n\n" + content` (headline span set), content
//! being `content:encoded`/`content`, else the summary, turned from HTML
//! into text. Outlet is the feed's title, date the item's published (else
//! updated) time, id its guid/id, else its link, else `<file stem>-<n>`.

use crate::html::{collapse_whitespace, html_to_text};
use crate::{error, file_stem_id, read_all, Documents, ReadOptions, Reader};
use backchannel_core::{Document, DocumentError, Origin, Span};
use feed_rs::model::{Entry, Feed};
use std::io::BufRead;

/// Reads a whole feed file.
pub struct FeedReader;

impl Reader for FeedReader {
    fn read<'a>(
        &self,
        path: &str,
        mut input: Box<dyn BufRead + Send + 'a>,
        opts: &ReadOptions,
    ) -> Documents<'a> {
        let items = read_all(&mut input, opts.max_bytes)
            .and_then(|bytes| parse_feed(&bytes))
            .map(|feed| feed_documents(path, &feed));
        match items {
            Ok(items) => Box::new(items.into_iter()),
            Err(reason) => Box::new(std::iter::once(Err(error(Origin::file(path), reason)))),
        }
    }
}

fn parse_feed(bytes: &[u8]) -> Result<Feed, String> {
    // Ids the feed does not give stay empty here, so that the link (and
    // then the item number) can stand in for them below.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|e| format!("not a readable feed: {e}"))?;
    if feed.entries.is_empty() {
        return Err("feed has no items".to_string());
    }
    Ok(feed)
}

/// Documents for every item of a parsed feed, in feed order.
fn feed_documents(path: &str, feed: &Feed) -> Vec<Result<Document, DocumentError>> {
    let outlet = feed
        .title
        .as_ref()
        .map(|t| collapse_whitespace(&t.content))
        .filter(|t| !t.is_empty());
    let stem = file_stem_id(path);
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let number = i as u64 + 1;
            let origin = Origin::at_record(path, number);
            item_document(entry, &format!("{stem}-{number}"))
                .map(|mut doc| {
                    doc.outlet = outlet.clone();
                    doc.origin = origin.clone();
                    doc
                })
                .map_err(|(id, reason)| DocumentError {
                    origin,
                    id: Some(id),
                    reason,
                })
        })
        .collect()
}

fn item_document(entry: &Entry, fallback_id: &str) -> Result<Document, (String, String)> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|l| !l.is_empty());
    let id = Some(entry.id.trim().to_string())
        .filter(|id| !id.is_empty())
        .or_else(|| link.clone())
        .unwrap_or_else(|| fallback_id.to_string());
    let title = entry
        .title
        .as_ref()
        .and_then(|t| as_text(&t.content, t.content_type.subty().as_str()).ok())
        .map(|t| collapse_whitespace(&t))
        .filter(|t| !t.is_empty());
    let content = entry
        .content
        .as_ref()
        .and_then(|c| {
            c.body
                .as_ref()
                .map(|b| (b.as_str(), c.content_type.subty().as_str().to_string()))
        })
        .filter(|(b, _)| !b.trim().is_empty())
        .or_else(|| {
            entry.summary.as_ref().map(|s| {
                (
                    s.content.as_str(),
                    s.content_type.subty().as_str().to_string(),
                )
            })
        });
    let body = match content.map(|(body, subtype)| as_text(body, &subtype)) {
        Some(Ok(body)) => body,
        Some(Err(reason)) => return Err((id, format!("item content cannot be read: {reason}"))),
        None => String::new(),
    };
    if body.trim().is_empty() {
        return Err((id, "item has no text (no content or summary)".to_string()));
    }
    let mut text = String::with_capacity(body.len() + 128);
    let headline = title.as_deref().map(|t| {
        text.push_str(t);
        text.push_str("\n\n");
        Span::new(0, t.len())
    });
    text.push_str(&body);
    Ok(Document {
        id,
        title,
        outlet: None,
        date: entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        url: link,
        text,
        headline,
        origin: Origin::default(),
    })
}

/// Text of a feed value: HTML (by type, or by the tags it holds) through
/// the HTML-to-text conversion, plain text trimmed.
fn as_text(value: &str, subtype: &str) -> Result<String, String> {
    if subtype.contains("html") || value.contains('<') {
        html_to_text(value)
    } else {
        Ok(value.trim().to_string())
    }
}
