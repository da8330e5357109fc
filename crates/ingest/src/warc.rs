//! WARC files (`.warc`, `.warc.gz` with one gzip member per record).
//!
//! HTML `response` records become documents through the HTML reader, with
//! `url` = WARC-Target-URI and `date` = WARC-Date; id = WARC-Record-ID
//! (without its angle brackets), else the target URI. Other record types,
//! non-HTML and non-2xx responses are not articles and are passed over. A
//! broken record gives an error naming its number, and reading resumes at
//! the next `WARC/` line.

use crate::html::{html_document, PageContext};
use crate::source::{describe_io_error, human_bytes};
use crate::{error, file_stem_id, Documents, ReadOptions, Reader};
use backchannel_core::{Document, DocumentError, Origin};
use std::io::{self, BufRead, Read};

/// Longest header line accepted (WARC and HTTP headers).
const MAX_HEADER_LINE: u64 = 64 << 10;
/// Most header lines in one record.
const MAX_HEADER_LINES: usize = 1000;

/// Reads WARC records as a stream.
pub struct WarcReader;

impl Reader for WarcReader {
    fn read<'a>(
        &self,
        path: &str,
        input: Box<dyn BufRead + Send + 'a>,
        opts: &ReadOptions,
    ) -> Documents<'a> {
        Box::new(WarcDocuments {
            input,
            path: path.to_string(),
            stem: file_stem_id(path),
            max: opts.max_bytes,
            record: 0,
            resync: false,
            done: false,
            yielded_any: false,
        })
    }
}

struct WarcDocuments<'a> {
    input: Box<dyn BufRead + Send + 'a>,
    path: String,
    stem: String,
    max: usize,
    /// Number of the record being read, from 1.
    record: u64,
    /// After a broken record: skip to the next `WARC/` line.
    resync: bool,
    done: bool,
    /// Whether anything (document or error) came out yet; a file that
    /// gives nothing gets an error instead, so that it is accounted for.
    yielded_any: bool,
}

/// One record's headers and content block.
struct Record {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl Record {
    fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

enum Step {
    Eof,
    Record(Record),
    /// A record that is skipped with an error; reading can go on.
    Broken(String),
    /// The input cannot be read further.
    Fatal(String),
}

impl Iterator for WarcDocuments<'_> {
    type Item = Result<Document, DocumentError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_item();
        self.yielded_any |= item.is_some();
        item
    }
}

impl WarcDocuments<'_> {
    fn next_item(&mut self) -> Option<Result<Document, DocumentError>> {
        while !self.done {
            let step = self.next_record();
            let origin = Origin::at_record(&self.path, self.record);
            match step {
                Step::Eof => {
                    self.done = true;
                    if !self.yielded_any {
                        let reason =
                            format!("no HTML response records among its {} records", self.record);
                        return Some(Err(error(Origin::file(&self.path), reason)));
                    }
                }
                Step::Fatal(reason) => {
                    self.done = true;
                    return Some(Err(error(origin, reason)));
                }
                Step::Broken(reason) => {
                    self.resync = true;
                    return Some(Err(error(origin, reason)));
                }
                Step::Record(record) => {
                    if let Some(result) = self.record_document(&record) {
                        return Some(result.map(|mut doc| {
                            doc.origin = origin.clone();
                            doc
                        }));
                    }
                }
            }
        }
        None
    }
}

impl WarcDocuments<'_> {
    fn next_record(&mut self) -> Step {
        let mut line = Vec::new();
        // Find the version line, past blank lines (and, after a broken record, anything).
        loop {
            line.clear();
            match read_line(&mut *self.input, &mut line) {
                Err(e) => return Step::Fatal(format!("cannot read: {}", describe_io_error(&e))),
                Ok(0) => return Step::Eof,
                Ok(_) => {}
            }
            if line.starts_with(b"WARC/") {
                self.resync = false;
                break;
            }
            if self.resync || line.trim_ascii().is_empty() {
                continue;
            }
            self.record += 1;
            return Step::Broken("record does not start with a WARC/ version line".to_string());
        }
        self.record += 1;
        let headers = match read_headers(&mut *self.input) {
            Ok(headers) => headers,
            Err(HeaderError::Io(e)) => {
                return Step::Fatal(format!("cannot read headers: {}", describe_io_error(&e)))
            }
            Err(HeaderError::Bad(reason)) => return Step::Broken(reason),
        };
        let length = match header(&headers, "Content-Length").map(|v| v.trim().parse::<u64>()) {
            Some(Ok(length)) => length,
            Some(Err(_)) => return Step::Broken("invalid Content-Length".to_string()),
            None => return Step::Broken("no Content-Length header".to_string()),
        };
        if length > self.max as u64 {
            let skipped = io::copy(&mut (&mut *self.input).take(length), &mut io::sink());
            return match skipped {
                Ok(n) if n == length => Step::Broken(format!(
                    "record of {length} bytes is larger than the {} limit; skipped",
                    human_bytes(self.max)
                )),
                Ok(n) => Step::Fatal(format!("truncated record: {n} of {length} bytes")),
                Err(e) => Step::Fatal(format!("cannot read record: {}", describe_io_error(&e))),
            };
        }
        let mut block = Vec::new();
        match (&mut *self.input).take(length).read_to_end(&mut block) {
            Ok(n) if n as u64 == length => {}
            Ok(n) => return Step::Fatal(format!("truncated record: {n} of {length} bytes")),
            Err(e) => return Step::Fatal(format!("cannot read record: {}", describe_io_error(&e))),
        }
        Step::Record(Record { headers, block })
    }

    /// The document for a record, `None` when the record is not an HTML page.
    fn record_document(&self, record: &Record) -> Option<Result<Document, DocumentError>> {
        if !record
            .header("WARC-Type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("response"))
        {
            return None;
        }
        let warc_type = record
            .header("Content-Type")
            .unwrap_or("")
            .to_ascii_lowercase();
        if !warc_type.starts_with("application/http") {
            return None;
        }
        let target = record
            .header("WARC-Target-URI")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let id = record
            .header("WARC-Record-ID")
            .map(|r| {
                r.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
            .filter(|r| !r.is_empty())
            .or_else(|| target.clone().filter(|t| !t.is_empty()))
            .unwrap_or_else(|| format!("{}-{}", self.stem, self.record));
        let origin = Origin::at_record(&self.path, self.record);
        let fail = |reason: String| {
            Some(Err(DocumentError {
                origin: origin.clone(),
                id: Some(id.clone()),
                reason,
            }))
        };
        let response = match parse_http_response(&record.block) {
            Ok(response) => response,
            Err(reason) => return fail(reason),
        };
        if !(200..300).contains(&response.status) {
            return None;
        }
        let content_type = header(&response.headers, "Content-Type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let is_html = content_type.is_empty()
            || content_type.contains("html")
            || content_type.contains("xhtml");
        if !is_html {
            return None;
        }
        let body = match decode_body(&response.headers, response.body, self.max) {
            Ok(body) => body,
            Err(reason) => return fail(reason),
        };
        let context = PageContext {
            charset: charset_param(&content_type),
            url: target,
            date: record.header("WARC-Date").map(|d| d.trim().to_string()),
        };
        match html_document(id.clone(), &body, &context) {
            Ok(doc) => Some(Ok(doc)),
            Err(reason) => fail(reason),
        }
    }
}

/// Reads one line including its `\n`, refusing absurdly long ones.
fn read_line(input: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let n = input.take(MAX_HEADER_LINE).read_until(b'\n', line)?;
    if n as u64 == MAX_HEADER_LINE && !line.ends_with(b"\n") {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "header line too long",
        ));
    }
    Ok(n)
}

enum HeaderError {
    Io(io::Error),
    Bad(String),
}

/// Reads `Name: value` lines up to the blank line (continuation lines folded in).
fn read_headers(input: &mut dyn BufRead) -> Result<Vec<(String, String)>, HeaderError> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = read_line(input, &mut line).map_err(|e| {
            if e.kind() == io::ErrorKind::InvalidData {
                HeaderError::Bad("header line longer than 64 KiB".to_string())
            } else {
                HeaderError::Io(e)
            }
        })?;
        if n == 0 {
            return Err(HeaderError::Bad(
                "input ends inside the record headers".to_string(),
            ));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(headers);
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
                continue;
            }
        }
        let Some((name, value)) = text.split_once(':') else {
            return Err(HeaderError::Bad(format!(
                "malformed header line `{}`",
                truncate(text, 80)
            )));
        };
        headers.push((name.trim().to_string(), value.trim().to_string()));
        if headers.len() > MAX_HEADER_LINES {
            return Err(HeaderError::Bad("too many header lines".to_string()));
        }
    }
}

struct HttpResponse<'b> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'b [u8],
}

fn parse_http_response(block: &[u8]) -> Result<HttpResponse<'_>, String> {
    let (head, body) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (&block[..i], &block[i + 4..]),
        None => match memchr::memmem::find(block, b"\n\n") {
            Some(i) => (&block[..i], &block[i + 2..]),
            None => return Err("HTTP response has no end of headers".to_string()),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .strip_prefix("HTTP/")
        .and_then(|rest| rest.split_whitespace().nth(1))
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| format!("not an HTTP status line: `{}`", truncate(status_line, 80)))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

/// Undoes chunked transfer encoding and gzip/deflate content encoding.
fn decode_body(headers: &[(String, String)], body: &[u8], max: usize) -> Result<Vec<u8>, String> {
    let chunked = header(headers, "Transfer-Encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    let encoding = header(headers, "Content-Encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let limit = max as u64 + 1;
    let mut out = Vec::new();
    let result = match encoding.as_str() {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(body.as_slice())
            .take(limit)
            .read_to_end(&mut out),
        "deflate" => flate2::read::ZlibDecoder::new(body.as_slice())
            .take(limit)
            .read_to_end(&mut out),
        "" | "identity" => return Ok(body),
        other => return Err(format!("unsupported Content-Encoding `{other}`")),
    };
    result.map_err(|e| format!("cannot undo Content-Encoding {encoding}: {e}"))?;
    if out.len() > max {
        return Err(format!(
            "decoded body is larger than the {} limit",
            human_bytes(max)
        ));
    }
    Ok(out)
}

fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end =
            memchr::memchr(b'\n', body).ok_or("chunked body: missing chunk size line")?;
        let size_line = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("chunked body: bad chunk size `{}`", truncate(size_text, 20)))?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = body.get(..size).ok_or("chunked body is truncated")?;
        out.extend_from_slice(chunk);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        (name.trim() == "charset").then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}...", text.get(..i).unwrap_or(text)),
        None => text.to_string(),
    }
}
