//! The terminal report of `analyze --format text`.

use crate::corpus::{display_date, score_label, speaker_name, speaker_tags, Corpus};
use crate::diff::{parse_word_diff, DiffPart};
use crate::escape::terminal_safe;
use crate::extract::write_indented;
use backchannel_core::{Analysis, AnalyzedStatement, Channel, Document};
use std::io::{self, Write};

/// Options of the terminal formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// ANSI colours (leave off when stdout is not a terminal).
    pub color: bool,
}

/// ANSI styling that is a no-op when colour is off.
pub(crate) struct Paint {
    pub color: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    pub fn header(&self, t: &str) -> String {
        self.wrap("1;35", t)
    }
    pub fn location(&self, t: &str) -> String {
        self.wrap("32", t)
    }
    pub fn label(&self, t: &str) -> String {
        self.wrap("36", t)
    }
    pub fn speaker(&self, t: &str) -> String {
        self.wrap("1", t)
    }
    pub fn cue(&self, t: &str) -> String {
        self.wrap("1;31", t)
    }
    pub fn dim(&self, t: &str) -> String {
        self.wrap("2", t)
    }
    pub fn heading(&self, t: &str) -> String {
        self.wrap("1;4", t)
    }
    pub fn channel(&self, channel: Channel, t: &str) -> String {
        match channel {
            Channel::Private => self.wrap("1;33", t),
            Channel::Public => self.wrap("1;34", t),
            Channel::Unknown => self.wrap("2", t),
        }
    }
    pub fn removed(&self, t: &str) -> String {
        if self.color {
            self.wrap("31;9", t)
        } else {
            format!("[-{t}-]")
        }
    }
    pub fn added(&self, t: &str) -> String {
        if self.color {
            self.wrap("32", t)
        } else {
            format!("{{+{t}+}}")
        }
    }
}

/// Writes the terminal report: ranked divergences, private-only topics,
/// drift, then a summary.
pub fn write_analysis_text(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
    options: &TextOptions,
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    let paint = Paint {
        color: options.color,
    };

    let ranked = corpus.ranked_divergences();
    writeln!(
        w,
        "{}",
        paint.heading(&format!("Divergences ({})", ranked.len()))
    )?;
    if ranked.is_empty() {
        writeln!(w, "  {}", paint.dim("none found"))?;
    }
    for (rank, d) in ranked.iter().enumerate() {
        writeln!(w)?;
        writeln!(
            w,
            "{:>3}. {} · {}  {}",
            rank + 1,
            paint.header(&terminal_safe(&d.side)),
            paint.speaker(&terminal_safe(&d.topic)),
            paint.dim(&format!("score {}", score_label(d.score)))
        )?;
        write_statement_group(w, &corpus, &paint, Channel::Private, &d.private)?;
        write_statement_group(w, &corpus, &paint, Channel::Public, &d.public)?;
        writeln!(
            w,
            "     {} {}",
            paint.label("why"),
            terminal_safe(&d.explanation)
        )?;
        for s in &d.signals {
            writeln!(
                w,
                "     {} {} {}  private “{}” vs public “{}”",
                paint.dim("·"),
                paint.label(&terminal_safe(&s.kind)),
                score_label(s.weight),
                terminal_safe(&s.private.1),
                terminal_safe(&s.public.1)
            )?;
        }
    }

    let private_only = &analysis.private_only;
    writeln!(w)?;
    writeln!(
        w,
        "{}",
        paint.heading(&format!("Private only ({})", private_only.len()))
    )?;
    if private_only.is_empty() {
        writeln!(w, "  {}", paint.dim("none found"))?;
    }
    for p in private_only {
        writeln!(w)?;
        writeln!(
            w,
            "  {} · {}",
            paint.header(&terminal_safe(&p.side)),
            paint.speaker(&terminal_safe(&p.topic))
        )?;
        write_statement_group(w, &corpus, &paint, Channel::Private, &p.private)?;
    }

    writeln!(w)?;
    writeln!(
        w,
        "{}",
        paint.heading(&format!("Drift ({})", analysis.drift.len()))
    )?;
    if analysis.drift.is_empty() {
        writeln!(w, "  {}", paint.dim("none found"))?;
    }
    for d in &analysis.drift {
        let outlet = |r: &backchannel_core::Rendering| {
            r.outlet
                .clone()
                .or_else(|| corpus.meta(r.document).and_then(|m| m.outlet.clone()))
                .unwrap_or_else(|| {
                    corpus
                        .meta(r.document)
                        .map(|m| m.id.clone())
                        .unwrap_or_default()
                })
        };
        writeln!(w)?;
        writeln!(
            w,
            "  {} vs {}  {}",
            paint.header(&terminal_safe(&outlet(&d.a))),
            paint.header(&terminal_safe(&outlet(&d.b))),
            paint.dim(&format!("similarity {}", score_label(d.similarity)))
        )?;
        let mut rendered = String::new();
        for part in parse_word_diff(&d.diff) {
            match part {
                DiffPart::Same(t) => rendered.push_str(&terminal_safe(t)),
                DiffPart::Removed(t) => rendered.push_str(&paint.removed(&terminal_safe(t))),
                DiffPart::Added(t) => rendered.push_str(&paint.added(&terminal_safe(t))),
            }
        }
        write_indented(w, &rendered, "    ")?;
    }

    let summary = corpus.summary();
    writeln!(w)?;
    writeln!(w, "{}", paint.heading("Summary"))?;
    let failed = if summary.failed > 0 {
        format!(", {} more failed", summary.failed)
    } else {
        String::new()
    };
    writeln!(w, "  documents   {} analysed{failed}", summary.documents)?;
    writeln!(
        w,
        "  statements  {} ({} private, {} public, {} unknown)",
        summary.statements,
        paint.channel(Channel::Private, &summary.private.to_string()),
        paint.channel(Channel::Public, &summary.public.to_string()),
        summary.unknown
    )?;
    writeln!(w, "  sides       {}", summary.sides.len())?;
    for side in &summary.sides {
        writeln!(
            w,
            "    {:<24} {} private, {} public, {} unknown",
            terminal_safe(side.name),
            side.private,
            side.public,
            side.unknown
        )?;
    }
    if summary.sideless > 0 {
        writeln!(w, "    {:<24} {}", "(no side)", summary.sideless)?;
    }
    for f in &analysis.failures {
        writeln!(
            w,
            "  {} {}",
            paint.cue("failed"),
            terminal_safe(&f.to_string())
        )?;
    }
    Ok(())
}

fn write_statement_group(
    w: &mut dyn Write,
    corpus: &Corpus<'_>,
    paint: &Paint,
    channel: Channel,
    ids: &[String],
) -> io::Result<()> {
    for id in ids {
        let label = paint.channel(channel, &format!("{:<7}", channel.as_str()));
        match corpus.statement(id) {
            Some(s) => {
                writeln!(w, "     {label} {}", statement_byline(corpus, paint, s))?;
                write_indented(w, &terminal_safe(corpus.text_of(s)?), "             ")?;
            }
            None => writeln!(
                w,
                "     {label} {}",
                paint.dim(&format!(
                    "(statement {} is not in the analysis)",
                    terminal_safe(id)
                ))
            )?,
        }
    }
    Ok(())
}

/// `speaker (tags) — outlet, date [id]` for one statement.
fn statement_byline(corpus: &Corpus<'_>, paint: &Paint, s: &AnalyzedStatement) -> String {
    let mut line = match speaker_name(s) {
        Some(name) => paint.speaker(&terminal_safe(name)),
        None => paint.dim("(no speaker)"),
    };
    let tags = speaker_tags(s);
    if !tags.is_empty() {
        line.push_str(&paint.dim(&format!(" ({})", tags.join(", "))));
    }
    if let Some(meta) = corpus.meta(s.document) {
        let source: Vec<&str> = [
            meta.outlet.as_deref(),
            meta.date.as_deref().map(display_date),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !source.is_empty() {
            line.push_str(" — ");
            line.push_str(&terminal_safe(&source.join(", ")));
        }
    }
    line.push(' ');
    line.push_str(&paint.location(&format!("[{}]", terminal_safe(&s.id))));
    line
}
