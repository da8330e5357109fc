//! Escaping for every output that can carry article text: HTML, terminals,
//! Markdown and URL fragments. Article text is untrusted input throughout.

use std::fmt::Write as _;

/// Escapes text for HTML element content and quoted attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become character references, so the result is
/// safe both between tags and inside `"..."` or `'...'` attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped_html(&mut out, text);
    out
}

/// [`escape_html`] appending to an existing buffer.
pub fn push_escaped_html(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both slices end on char boundaries.
        out.push_str(&text[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// Text safe to print on a terminal: control characters (escape sequences
/// in article text could rewrite the screen) and bidirectional overrides
/// become visible `\u{..}` escapes. Newlines and tabs are kept; `\r` is dropped.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes inline Markdown: characters that start emphasis, links, code,
/// HTML or table cells are backslash-escaped and newlines become spaces, so
/// article text never turns into markup (or raw HTML when rendered).
pub fn escape_markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in terminal_safe(text).chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An id made safe for both an HTML `id` attribute and a URL fragment:
/// ASCII letters, digits, `-`, `_` and `.` stay, everything else becomes
/// `%XX` per UTF-8 byte. Browsers match the raw fragment against the id
/// first, so `href="#x"` finds `id="x"` with the same encoded string.
pub fn fragment_id(prefix: &str, raw: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + raw.len());
    out.push_str(prefix);
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y' — é"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; — é"
        );
        assert_eq!(escape_html("plain"), "plain");
    }

    #[test]
    fn terminal_text_loses_escape_sequences() {
        assert_eq!(
            terminal_safe("a\u{1b}[2Jb\r\nc\u{202e}d"),
            "a\\u{1b}[2Jb\nc\\u{202e}d"
        );
    }

    #[test]
    fn markdown_cannot_open_html_or_cells() {
        assert_eq!(
            escape_markdown_inline("<b>x</b> | *y*\nz"),
            "\\<b\\>x\\</b\\> \\| \\*y\\* z"
        );
    }

    #[test]
    fn fragment_ids_are_url_and_attribute_safe() {
        assert_eq!(fragment_id("s-", "doc 1#2"), "s-doc%201%232");
        assert_eq!(fragment_id("s-", "é\"<"), "s-%C3%A9%22%3C");
    }
}
