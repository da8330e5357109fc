//! JSON Lines: one article object per line, read as a stream.
//!
//! Memory stays constant whatever the file size: one line is held at a
//! time, and a line longer than [`ReadOptions::max_bytes`] is skipped
//! without being buffered. A bad line gives an error for that line
//! (`path:line: reason`) and reading goes on. The `text` value is kept
//! exactly (control characters included); `""` gives a document with empty
//! text, a missing or `null` text an error.

use crate::source::{describe_io_error, human_bytes};
use crate::{error, file_stem_id, Documents, ReadOptions, Reader};
use backchannel_core::{Document, DocumentError, Origin};
use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// Which field of a record holds what. Dotted names reach into nested
/// objects (`source.name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonFields {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub date: String,
    pub url: String,
    pub text: String,
}

impl Default for JsonFields {
    fn default() -> Self {
        JsonFields {
            id: "id".into(),
            title: "title".into(),
            outlet: "outlet".into(),
            date: "date".into(),
            url: "url".into(),
            text: "text".into(),
        }
    }
}

impl JsonFields {
    /// The default mapping changed by `target=field` pairs separated by
    /// commas: `"text=body,outlet=source.name"`.
    pub fn parse(spec: &str) -> Result<JsonFields, String> {
        let mut fields = JsonFields::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (target, field) = pair.split_once('=').ok_or_else(|| {
                format!("`{pair}` is not of the form target=field (e.g. text=body)")
            })?;
            let field = field.trim();
            if field.is_empty() {
                return Err(format!("`{pair}` names no field"));
            }
            let slot = match target.trim() {
                "id" => &mut fields.id,
                "title" => &mut fields.title,
                "outlet" => &mut fields.outlet,
                "date" => &mut fields.date,
                "url" => &mut fields.url,
                "text" => &mut fields.text,
                other => {
                    return Err(format!(
                        "unknown target `{other}` (expected id, title, outlet, date, url or text)"
                    ))
                }
            };
            *slot = field.to_string();
        }
        Ok(fields)
    }
}

/// Reads JSON Lines, one document per non-blank line.
pub struct JsonlReader;

impl Reader for JsonlReader {
    fn read<'a>(
        &self,
        path: &str,
        input: Box<dyn BufRead + Send + 'a>,
        opts: &ReadOptions,
    ) -> Documents<'a> {
        Box::new(JsonlDocuments {
            input,
            path: path.to_string(),
            stem: file_stem_id(path),
            fields: opts.json_fields.clone(),
            max: opts.max_bytes,
            line_no: 0,
            buf: Vec::new(),
            done: false,
            yielded_any: false,
        })
    }
}

struct JsonlDocuments<'a> {
    input: Box<dyn BufRead + Send + 'a>,
    path: String,
    stem: String,
    fields: JsonFields,
    max: usize,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
    /// Whether anything (document or error) came out yet; a file that
    /// gives nothing gets an error instead, so that it is accounted for.
    yielded_any: bool,
}

impl Iterator for JsonlDocuments<'_> {
    type Item = Result<Document, DocumentError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_item();
        self.yielded_any |= item.is_some();
        item
    }
}

impl JsonlDocuments<'_> {
    fn next_item(&mut self) -> Option<Result<Document, DocumentError>> {
        while !self.done {
            self.buf.clear();
            let line = read_line_limited(&mut *self.input, &mut self.buf, self.max);
            self.line_no += 1;
            let origin = Origin::at_line(&self.path, self.line_no);
            match line {
                Err(e) => {
                    self.done = true;
                    return Some(Err(error(
                        origin,
                        format!("cannot read: {}", describe_io_error(&e)),
                    )));
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    if !self.yielded_any {
                        return Some(Err(error(
                            Origin::file(&self.path),
                            "no JSON records, only blank lines",
                        )));
                    }
                }
                Ok(Line::TooLong(len)) => {
                    return Some(Err(error(
                        origin,
                        format!(
                            "line of {len} bytes is longer than the {} limit; skipped",
                            human_bytes(self.max)
                        ),
                    )))
                }
                Ok(Line::Complete) => {
                    let line = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
                    if line.trim_ascii().is_empty() {
                        continue;
                    }
                    let fallback_id = format!("{}-{}", self.stem, self.line_no);
                    return Some(
                        parse_record(line, &self.fields, fallback_id)
                            .map(|mut doc| {
                                doc.origin = origin.clone();
                                doc
                            })
                            .map_err(|(id, reason)| DocumentError { origin, id, reason }),
                    );
                }
            }
        }
        None
    }
}

enum Line {
    Eof,
    Complete,
    /// The line was skipped; its length in bytes.
    TooLong(u64),
}

/// Reads one line (without its `\n`) into `buf`, or skips it when it is longer than `max`.
fn read_line_limited(input: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    let mut len: u64 = 0;
    let mut too_long = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(match (len, too_long) {
                (0, _) => Line::Eof,
                (_, true) => Line::TooLong(len),
                _ => Line::Complete,
            });
        }
        let (piece, used, ended) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        len += piece.len() as u64;
        if !too_long {
            if buf.len() + piece.len() > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(piece);
            }
        }
        input.consume(used);
        if ended {
            return Ok(if too_long {
                Line::TooLong(len)
            } else {
                Line::Complete
            });
        }
        if len == 0 {
            continue;
        }
    }
}

type RecordError = (Option<String>, String);

/// One record to a document; on failure the id (when known) and the reason.
pub fn parse_record(
    line: &[u8],
    fields: &JsonFields,
    fallback_id: String,
) -> Result<Document, RecordError> {
    if let Err(e) = std::str::from_utf8(line) {
        return Err((
            None,
            format!("not valid UTF-8 (byte {})", e.valid_up_to() + 1),
        ));
    }
    let value: Value =
        serde_json::from_slice(line).map_err(|e| (None, format!("invalid JSON: {e}")))?;
    let Value::Object(record) = value else {
        return Err((None, "not a JSON object".to_string()));
    };
    let id = scalar(&record, &fields.id)
        .filter(|id| !id.trim().is_empty())
        .unwrap_or(fallback_id);
    let text = match lookup(&record, &fields.text) {
        Some(Value::String(text)) => text.clone(),
        None | Some(Value::Null) => {
            return Err((Some(id), format!("record has no `{}` field", fields.text)))
        }
        Some(other) => {
            return Err((
                Some(id),
                format!(
                    "field `{}` is {}, not a string",
                    fields.text,
                    type_name(other)
                ),
            ))
        }
    };
    Ok(Document {
        title: scalar(&record, &fields.title),
        outlet: scalar(&record, &fields.outlet),
        date: scalar(&record, &fields.date),
        url: scalar(&record, &fields.url),
        id,
        text,
        headline: None,
        origin: Origin::default(),
    })
}

fn lookup<'v>(record: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    if let Some(v) = record.get(path) {
        return Some(v);
    }
    let mut parts = path.split('.');
    let mut value = record.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// A string or number field as text; `None` for anything else.
fn scalar(record: &Map<String, Value>, path: &str) -> Option<String> {
    match lookup(record, path)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_maps() {
        let fields = JsonFields::parse("text=body, outlet=source.name").unwrap();
        assert_eq!(fields.text, "body");
        assert_eq!(fields.outlet, "source.name");
        assert_eq!(fields.id, "id");
        assert!(JsonFields::parse("body")
            .unwrap_err()
            .contains("target=field"));
        assert!(JsonFields::parse("author=x")
            .unwrap_err()
            .contains("unknown target"));
        assert!(JsonFields::parse("text=").is_err());
    }

    #[test]
    fn records() {
        let fields = JsonFields::parse("text=body,outlet=source.name").unwrap();
        let doc = parse_record(
            br#"{"id": 17, "title": "Keldor votes", "source": {"name": "Northern Ledger"}, "body": "A \u0003 kept"}"#,
            &fields,
            "f-1".into(),
        )
        .unwrap();
        assert_eq!(doc.id, "17");
        assert_eq!(doc.outlet.as_deref(), Some("Northern Ledger"));
        assert_eq!(doc.text, "A \u{3} kept");
        let doc = parse_record(br#"{"text": ""}"#, &JsonFields::default(), "f-2".into()).unwrap();
        assert_eq!((doc.id.as_str(), doc.text.as_str()), ("f-2", ""));
        let (id, reason) = parse_record(
            br#"{"id": "a", "text": null}"#,
            &JsonFields::default(),
            "f".into(),
        )
        .unwrap_err();
        assert_eq!(
            (id.as_deref(), reason.as_str()),
            (Some("a"), "record has no `text` field")
        );
        assert!(parse_record(b"[1]", &JsonFields::default(), "f".into())
            .unwrap_err()
            .1
            .contains("not a JSON object"));
        assert!(
            parse_record(b"{\"text\": \"\xff\"}", &JsonFields::default(), "f".into())
                .unwrap_err()
                .1
                .contains("UTF-8")
        );
    }
}
