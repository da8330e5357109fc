//! Bytes to text: byte-order marks, declared charsets, then detection.

use encoding_rs::{Encoding, UTF_8};

/// True when `bytes` look binary: a NUL byte in the first 8 KiB of content
/// that has no UTF-16 byte-order mark.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    let head = bytes.get(..8192).unwrap_or(bytes);
    memchr::memchr(0, head).is_some()
}

/// Decodes plain text: a BOM decides; else valid UTF-8 is kept as is; else
/// text holding valid multi-byte UTF-8 beside invalid bytes (mixed
/// encodings) is decoded as UTF-8 with U+FFFD for the invalid bytes; else
/// the legacy encoding chardetng detects is used.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) if has_multibyte_utf8(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        Err(_) => decode_detected(bytes),
    }
}

/// Decodes an HTML page: BOM, then the charset the transport declared (HTTP
/// `Content-Type`), then `<meta charset>` / `http-equiv` in the first 4 KiB,
/// then valid UTF-8, then detection (as [`decode_text`]). Undecodable bytes
/// become U+FFFD.
pub fn decode_html(bytes: &[u8], transport_charset: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        return text.into_owned();
    }
    let declared = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    if let Some(encoding) = declared {
        // A page cannot really be UTF-16 without a BOM (HTML spec: treat as UTF-8).
        let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            encoding
        };
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return text.into_owned();
    }
    decode_text(bytes)
}

/// The encoding a `<meta charset=...>` or `<meta http-equiv="Content-Type"
/// content="...; charset=...">` in the first 4 KiB declares.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(lower.get(from..)?, b"<meta") {
        let tag_start = from + pos;
        let tag_end =
            memchr::memchr(b'>', lower.get(tag_start..)?).map_or(lower.len(), |e| tag_start + e);
        let tag = lower.get(tag_start..tag_end)?;
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = tag.get(c + "charset".len()..)?;
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_len = rest
                    .iter()
                    .position(|b| {
                        !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                    })
                    .unwrap_or(rest.len());
                if let Some(encoding) = rest.get(..label_len).and_then(Encoding::for_label) {
                    return Some(encoding);
                }
            }
        }
        from = tag_end;
    }
    None
}

fn decode_detected(bytes: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// True when `bytes` contain at least one well-formed multi-byte UTF-8 sequence.
fn has_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return !valid.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // `valid` is UTF-8 by construction.
                if std::str::from_utf8(valid).is_ok_and(|v| !v.is_ascii()) {
                    return true;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_utf8_legacy_and_mixed() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFPlain"), "Plain");
        assert_eq!(decode_text(b"\xFF\xFEA\x00b\x00"), "Ab");
        assert_eq!(
            decode_text("Caf\u{e9} in Vostra".as_bytes()),
            "Caf\u{e9} in Vostra"
        );
        // Latin-1 alone: detected as a legacy single-byte encoding.
        assert_eq!(
            decode_text(b"Caf\xE9 in Vostra costs \xA33"),
            "Caf\u{e9} in Vostra costs \u{a3}3"
        );
        // UTF-8 with one stray Latin-1 byte: kept as UTF-8, the stray byte replaced.
        assert_eq!(
            decode_text(b"\xE2\x80\x9CYes\xE2\x80\x9D, caf\xE9"),
            "\u{201c}Yes\u{201d}, caf\u{fffd}"
        );
    }

    #[test]
    fn html_declarations() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>\xCC\xE8\xF0</body></html>";
        assert!(decode_html(page, None).contains("\u{41c}\u{438}\u{440}"));
        let page = b"<meta charset='iso-8859-1'><p>na\xEFve</p>";
        assert!(decode_html(page, None).contains("na\u{ef}ve"));
        assert!(decode_html(b"<p>na\xEFve</p>", Some("latin1")).contains("na\u{ef}ve"));
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00"));
        assert!(!looks_binary(b"\xFF\xFEA\x00"));
    }
}
