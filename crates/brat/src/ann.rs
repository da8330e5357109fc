//! Reading and writing brat standoff (`.ann`) files of attribution relations.
//!
//! The format, as PolNeAR uses it (fields separated by tabs):
//!
//! ```text
//! T1  Source 89 106  the ministry
//! T2  Cue 107 114  reports
//! T3  Content 115 290;300 320  first fragment second fragment
//! T4  Attribution 107 114  reports
//! E1  Attribution:T4 Content:T3 Cue:T2 Source:T1
//! ```
//!
//! Offsets are Unicode code points; inside the pipeline they become byte
//! [`Span`]s through [`CharOffsets`]. A `T` line's text field may run over
//! several physical lines when the annotated text holds newlines (PolNeAR has
//! a few such lines); the reader joins them back. `#` notes, `A`/`M`
//! attributes, `N` normalisations and `R` relations are skipped.

use backchannel_core::{CharOffsets, Document, Span, Statement};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt::Write as _;

/// One text-bound annotation (`T` line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// `T12`.
    pub id: String,
    /// `Source`, `Cue`, `Content`, `Attribution`, `Discard`, ...
    pub kind: String,
    /// Byte spans, in the order the file lists them.
    pub fragments: Vec<Span>,
    /// The text field as written in the file (continuation lines joined with `\n`).
    pub text: String,
    /// 1-based line of the `T` line, for error messages.
    pub line: usize,
}

impl Entity {
    /// The covered text as brat writes it: fragments joined by one space.
    pub fn covered_text(&self, text: &str) -> String {
        let pieces: Vec<&str> = self
            .fragments
            .iter()
            .filter_map(|f| text.get(f.range()))
            .collect();
        pieces.join(" ")
    }
}

/// One attribution relation: who (source) said (cue) what (content).
///
/// Every part is a list of byte spans sorted by start; an empty list means
/// the relation has no such part (PolNeAR's `Attribution-no-source`).
/// PolNeAR's `Content2` role (the second half of a quote split by its cue)
/// is merged into `content`, so a split quote is one content of two fragments.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attribution {
    /// `E3` for read relations, empty for predictions.
    pub id: String,
    /// `Attribution` or `Attribution-no-source` as in the file.
    pub kind: String,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

impl Attribution {
    /// The relation a pipeline [`Statement`] stands for.
    pub fn from_statement(statement: &Statement) -> Self {
        let mut content: Vec<Span> = statement
            .fragments
            .iter()
            .copied()
            .filter(|f| !f.is_empty())
            .collect();
        if content.is_empty() && !statement.span.is_empty() {
            content.push(statement.span);
        }
        content.sort();
        let source: Vec<Span> = statement
            .speaker
            .iter()
            .map(|s| s.span)
            .filter(|s| !s.is_empty())
            .collect();
        let cue: Vec<Span> = statement
            .cue
            .iter()
            .copied()
            .filter(|c| !c.is_empty())
            .collect();
        let kind = if source.is_empty() {
            "Attribution-no-source"
        } else {
            "Attribution"
        };
        Attribution {
            id: String::new(),
            kind: kind.to_string(),
            source,
            cue,
            content,
        }
    }
}

/// Everything read from one `.ann` file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Annotations {
    pub entities: Vec<Entity>,
    /// One per `E` line, in file order.
    pub attributions: Vec<Attribution>,
}

/// A malformed `.ann` line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line number in the `.ann` file.
    pub line: usize,
    pub message: String,
}

fn err(line: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        line,
        message: message.into(),
    }
}

/// An `E` line before its role ids are resolved.
struct RawEvent {
    line: usize,
    id: String,
    kind: String,
    /// (role, target id)
    roles: Vec<(String, String)>,
}

/// Whether `line` starts a brat annotation: an id (`T3`, `E1`, `#2`, `*`) then a tab.
fn annotation_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('\t')?;
    let mut chars = id.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let valid = match first {
        'T' | 'E' | 'R' | 'A' | 'M' | 'N' | '#' => {
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
        }
        '*' => rest.is_empty(),
        _ => false,
    };
    valid.then_some(id)
}

/// Parses a `.ann` file against the text it annotates.
///
/// Code-point offsets are checked against `text` and become byte spans.
/// Events whose roles point at missing `T` ids, bad offsets, and lines that
/// are neither annotations nor continuations of a `T` text field are errors.
pub fn parse_ann(text: &str, ann: &str) -> Result<Annotations, ParseError> {
    let offsets = CharOffsets::new(text);
    let n_chars = offsets.to_char(text.len());
    let mut entities: Vec<Entity> = Vec::new();
    let mut events: Vec<RawEvent> = Vec::new();
    // Whether the previous physical line belonged to a `T` text field.
    let mut in_entity = false;

    for (index, raw) in ann.split('\n').enumerate() {
        let line_no = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let Some(id) = annotation_id(line) else {
            if in_entity {
                if let Some(last) = entities.last_mut() {
                    last.text.push('\n');
                    last.text.push_str(line);
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            return Err(err(
                line_no,
                format!("not a brat annotation line: {:?}", truncate(line, 60)),
            ));
        };
        in_entity = false;
        let body = &line[id.len() + 1..];
        match id.as_bytes().first() {
            Some(b'T') => {
                let (head, field) = body.split_once('\t').unwrap_or((body, ""));
                let (kind, ranges) = head.split_once(' ').ok_or_else(|| {
                    err(
                        line_no,
                        format!("{id}: expected `TYPE START END`, got {head:?}"),
                    )
                })?;
                let mut fragments = Vec::new();
                for range in ranges.split(';') {
                    let mut numbers = range.split_whitespace();
                    let (Some(start), Some(end), None) =
                        (numbers.next(), numbers.next(), numbers.next())
                    else {
                        return Err(err(line_no, format!("{id}: bad offsets {range:?}")));
                    };
                    let parse = |s: &str| {
                        s.parse::<usize>().map_err(|_| {
                            err(line_no, format!("{id}: offset {s:?} is not a number"))
                        })
                    };
                    let (start, end) = (parse(start)?, parse(end)?);
                    if start > end {
                        return Err(err(
                            line_no,
                            format!("{id}: span {start} {end} is reversed"),
                        ));
                    }
                    let span = offsets.byte_span(start, end).ok_or_else(|| {
                        err(line_no, format!("{id}: span {start} {end} is past the end of the text ({n_chars} characters)"))
                    })?;
                    fragments.push(span);
                }
                entities.push(Entity {
                    id: id.to_string(),
                    kind: kind.to_string(),
                    fragments,
                    text: field.to_string(),
                    line: line_no,
                });
                in_entity = true;
            }
            Some(b'E') => {
                let mut args = body.split_whitespace();
                let trigger = args
                    .next()
                    .ok_or_else(|| err(line_no, format!("{id}: empty event")))?;
                let (kind, _) = trigger.split_once(':').ok_or_else(|| {
                    err(
                        line_no,
                        format!("{id}: expected `TYPE:TRIGGER`, got {trigger:?}"),
                    )
                })?;
                let mut roles = Vec::new();
                for arg in args {
                    let (role, target) = arg.split_once(':').ok_or_else(|| {
                        err(line_no, format!("{id}: expected `ROLE:ID`, got {arg:?}"))
                    })?;
                    roles.push((role.to_string(), target.to_string()));
                }
                events.push(RawEvent {
                    line: line_no,
                    id: id.to_string(),
                    kind: kind.to_string(),
                    roles,
                });
            }
            _ => {}
        }
    }

    // Text fields never end in a newline; trailing blank lines belong to the file.
    for entity in &mut entities {
        let trimmed = entity.text.trim_end_matches('\n').len();
        entity.text.truncate(trimmed);
    }

    let by_id: HashMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut attributions = Vec::with_capacity(events.len());
    for RawEvent {
        line: line_no,
        id,
        kind,
        roles,
    } in events
    {
        let mut attribution = Attribution {
            id,
            kind,
            ..Default::default()
        };
        for (role, target) in roles {
            let entity = by_id.get(target.as_str()).ok_or_else(|| {
                err(
                    line_no,
                    format!("{}: role {role} points at unknown {target}", attribution.id),
                )
            })?;
            let part = match role.as_str() {
                "Source" => &mut attribution.source,
                "Cue" => &mut attribution.cue,
                r if r.starts_with("Content") => &mut attribution.content,
                _ => continue,
            };
            part.extend(entity.fragments.iter().copied());
        }
        attribution.source.sort();
        attribution.cue.sort();
        attribution.content.sort();
        attributions.push(attribution);
    }
    Ok(Annotations {
        entities,
        attributions,
    })
}

fn truncate(s: &str, max_chars: usize) -> &str {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Writes a document's statements as brat standoff, PolNeAR style.
///
/// Each statement becomes `Source` (when it has a speaker), `Cue` (when it
/// has one), `Content` (a discontinuous span for split quotes) and an
/// `Attribution` trigger on the cue (on the content when there is no cue),
/// tied by an `E` line. Offsets are code points.
pub fn write_ann(doc: &Document, statements: &[Statement]) -> String {
    let attributions: Vec<Attribution> =
        statements.iter().map(Attribution::from_statement).collect();
    write_attributions(&doc.text, &attributions)
}

/// Writes attribution relations over `text` as brat standoff.
///
/// Spans that fall outside `text` or off character boundaries are narrowed
/// to the nearest boundaries inside it; empty fragments are left out, and a
/// relation with no content left is not written.
pub fn write_attributions(text: &str, attributions: &[Attribution]) -> String {
    let offsets = CharOffsets::new(text);
    let mut out = String::new();
    let mut next_t = 1usize;
    let mut next_e = 1usize;
    for attribution in attributions {
        let clean = |spans: &[Span]| -> Vec<Span> {
            let mut v: Vec<Span> = spans
                .iter()
                .map(|s| clamp_span(text, *s))
                .filter(|s| !s.is_empty())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let content = clean(&attribution.content);
        if content.is_empty() {
            continue;
        }
        let source = clean(&attribution.source);
        let cue = clean(&attribution.cue);
        let mut roles: Vec<(&str, usize)> = Vec::new();
        let mut entity = |out: &mut String, kind: &str, spans: &[Span]| -> usize {
            let id = next_t;
            next_t += 1;
            let ranges: Vec<String> = spans
                .iter()
                .map(|s| {
                    let (a, b) = offsets.span(*s);
                    format!("{a} {b}")
                })
                .collect();
            let covered: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
            let field = covered.join(" ").replace(['\n', '\r'], " ");
            let _ = writeln!(out, "T{id}\t{kind} {}\t{field}", ranges.join(";"));
            id
        };
        if !source.is_empty() {
            roles.push(("Source", entity(&mut out, "Source", &source)));
        }
        if !cue.is_empty() {
            roles.push(("Cue", entity(&mut out, "Cue", &cue)));
        }
        roles.push(("Content", entity(&mut out, "Content", &content)));
        let kind = if source.is_empty() {
            "Attribution-no-source"
        } else {
            "Attribution"
        };
        let trigger_spans = if cue.is_empty() { &content } else { &cue };
        let trigger = entity(&mut out, kind, trigger_spans);
        let _ = write!(out, "E{next_e}\t{kind}:T{trigger}");
        next_e += 1;
        for (role, id) in roles {
            let _ = write!(out, " {role}:T{id}");
        }
        out.push('\n');
    }
    out
}

/// `span` narrowed to lie inside `text` on character boundaries.
fn clamp_span(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < start {
        end = start;
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use backchannel_core::{Form, Speaker};

    const TEXT: &str = "Talks stall in Veloria\n\n“We will not sign,” Minister Aldo Ferrant said, “not this week.”\nOfficials in Marsk said privately that the deal was dead.\nIt was reported that the border would reopen.";

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("fixture text contains needle");
        Span::new(start, start + needle.len())
    }

    fn fixture_statements() -> Vec<Statement> {
        let first = span_of(TEXT, "“We will not sign,”");
        let second = span_of(TEXT, "“not this week.”");
        let indirect = span_of(TEXT, "that the deal was dead");
        let reported = span_of(TEXT, "that the border would reopen");
        vec![
            Statement {
                span: first.cover(second),
                fragments: vec![first, second],
                form: Form::Direct,
                cue: Some(span_of(TEXT, "said,")).map(|s| Span::new(s.start, s.end - 1)),
                speaker: Some(Speaker {
                    span: span_of(TEXT, "Minister Aldo Ferrant"),
                    name: "Minister Aldo Ferrant".into(),
                    antecedent: None,
                }),
            },
            Statement {
                span: indirect,
                fragments: vec![indirect],
                form: Form::Indirect,
                cue: Some(span_of(TEXT, "said privately")),
                speaker: Some(Speaker {
                    span: span_of(TEXT, "Officials in Marsk"),
                    name: "Officials in Marsk".into(),
                    antecedent: None,
                }),
            },
            Statement {
                span: reported,
                fragments: vec![],
                form: Form::Indirect,
                cue: Some(span_of(TEXT, "was reported")),
                speaker: None,
            },
        ]
    }

    #[test]
    fn write_then_read_gives_the_same_spans() {
        let doc = Document::from_text("veloria", TEXT);
        let statements = fixture_statements();
        let ann = write_ann(&doc, &statements);
        let read = parse_ann(TEXT, &ann).expect("written file parses");
        let expected: Vec<Attribution> =
            statements.iter().map(Attribution::from_statement).collect();
        assert_eq!(read.attributions.len(), 3);
        for (got, want) in read.attributions.iter().zip(&expected) {
            assert_eq!(got.source, want.source);
            assert_eq!(got.cue, want.cue);
            assert_eq!(got.content, want.content);
            assert_eq!(got.kind, want.kind);
        }
        // The split quote is one discontinuous Content entity.
        let content = read
            .entities
            .iter()
            .find(|e| e.kind == "Content")
            .expect("a content entity");
        assert_eq!(content.fragments.len(), 2);
        assert!(
            ann.contains(";"),
            "discontinuous span written with `;`: {ann}"
        );
        // Every text field is the covered text, and code-point offsets are used.
        for entity in &read.entities {
            assert_eq!(entity.text, entity.covered_text(TEXT), "{}", entity.id);
        }
        let first_quote = TEXT
            .chars()
            .position(|c| c == '“')
            .expect("quote in fixture");
        assert!(ann.contains(&format!("Content {first_quote} ")), "{ann}");
        assert!(ann.contains("E3\tAttribution-no-source:"), "{ann}");
    }

    #[test]
    fn newlines_in_covered_text_become_spaces() {
        let text = "Ana said:\nwe stay.\nThen left.";
        let content = Span::new(9, 18);
        let attribution = Attribution {
            content: vec![content],
            ..Default::default()
        };
        let ann = write_attributions(text, &[attribution]);
        assert!(ann.contains("\t we stay."), "{ann}");
        assert_eq!(ann.lines().count(), 3, "{ann}");
    }

    #[test]
    fn reads_polnear_style_quirks() {
        let text = "Head\n\nA said x. B said y and z.\n\nMore text here.";
        // Content2, out-of-order fragments, a multi-line text field, notes,
        // trailing spaces on the E line and a trailing blank line.
        let ann = "T1\tSource 6 7\tA\nT2\tCue 8 12\tsaid\nT3\tContent 13 14\tx\nT4\tAttribution 8 12\tsaid\n\
                   T5\tContent 25 47\tand z.\n\nMore text here\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3 Content2:T5 \n\
                   #1\tAnnotatorNotes T3\tcheck this\nT6\tCue 18 22\tsaid\nT7\tContent 23 24;13 14\ty x\nT8\tAttribution-no-source 18 22\tsaid\n\
                   E2\tAttribution-no-source:T8 Cue:T6 Content:T7\n\n";
        let read = parse_ann(text, ann).expect("parses");
        assert_eq!(read.attributions.len(), 2);
        let first = &read.attributions[0];
        assert_eq!(first.content, vec![Span::new(13, 14), Span::new(25, 47)]);
        assert_eq!(
            read.attributions[1].content,
            vec![Span::new(13, 14), Span::new(23, 24)]
        );
        assert_eq!(read.entities[6].covered_text(text), read.entities[6].text);
        assert_eq!(read.entities[4].text, "and z.\n\nMore text here");
        assert_eq!(
            read.entities[4].covered_text(text),
            "and z.\n\nMore text here"
        );
        assert!(read.attributions[1].source.is_empty());
        assert_eq!(read.entities.last().map(|e| e.text.as_str()), Some("said"));
    }

    #[test]
    fn malformed_lines_report_their_line_number() {
        let text = "short text";
        let cases = [
            ("T1\tCue 0 5\tshort\nT2\tCue 4 x\tt", 2, "not a number"),
            ("T1\tCue 0 99\tshort", 1, "past the end"),
            ("T1\tCue 5 2\tx", 1, "reversed"),
            (
                "T1\tCue 0 5\tshort\nE1\tAttribution:T1 Cue:T9",
                2,
                "unknown T9",
            ),
            ("garbage line", 1, "not a brat annotation line"),
            ("E1\tAttribution:T1 Cue", 1, "ROLE:ID"),
            ("T1\tCue\tx", 1, "TYPE START END"),
            ("T1\tCue 0 1 2\tx", 1, "bad offsets"),
        ];
        for (ann, line, message) in cases {
            let error = parse_ann(text, ann).expect_err(ann);
            assert_eq!(error.line, line, "{ann}: {error}");
            assert!(error.to_string().contains(message), "{ann}: {error}");
        }
    }

    #[test]
    fn hostile_input_gives_errors_not_panics() {
        let text = "é“x”\n😀 said";
        // (input, parses)
        let inputs = [
            ("T1\t\t", false),
            ("T1\tCue 0 1;\tx", false),
            ("T1\tCue 99999999999999999999999 1\tx", false),
            ("T1\tCue 0 é\tx", false),
            ("E1\t", false),
            ("E1\tAttribution:E2 Cue:E1", false),
            ("T\tCue 0 1\tx", false),
            ("\t\t\t", true),
            ("é\tCue 0 1", false),
            ("#\tnote", false),
            ("*\tAlias T1 T2", true),
            ("T1\tCue 0 2\té“\n\n\ncontinued", true),
        ];
        for (ann, parses) in inputs {
            assert_eq!(parse_ann(text, ann).is_ok(), parses, "{ann:?}");
        }
        let ok =
            parse_ann(text, "T1\tCue 0 2\té“\n\n\ncontinued").expect("continuation lines join");
        assert_eq!(ok.entities[0].text, "é“\n\n\ncontinued");
    }

    #[test]
    fn write_survives_bad_spans() {
        let text = "é said ok";
        let attribution = Attribution {
            content: vec![Span::new(1, 40)],
            cue: vec![Span::new(3, 7)],
            ..Default::default()
        };
        let ann = write_attributions(text, &[attribution]);
        let read = parse_ann(text, &ann).expect("parses");
        assert_eq!(read.attributions[0].content, vec![Span::new(2, text.len())]);
    }
}
