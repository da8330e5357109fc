//! The Markdown report of `analyze --format markdown`: a document a person
//! reads or pastes into a ticket. All article text is escaped inline.

use crate::corpus::{display_date, score_label, speaker_name, speaker_tags, Corpus};
use crate::diff::{parse_word_diff, DiffPart};
use crate::escape::escape_markdown_inline as md;
use backchannel_core::{Analysis, AnalyzedStatement, Document};
use std::io::{self, Write};

/// Writes the Markdown report: title, summary, one section per divergence
/// (a Private | Public table and the explanation), private-only topics,
/// drift, then the statements per side.
pub fn write_analysis_markdown(
    w: &mut dyn Write,
    analysis: &Analysis,
    docs: &[Document],
) -> io::Result<()> {
    let corpus = Corpus::new(analysis, docs)?;
    let summary = corpus.summary();
    let ranked = corpus.ranked_divergences();

    writeln!(w, "# Backchannel report")?;
    writeln!(w)?;
    writeln!(w, "## Summary")?;
    writeln!(w)?;
    let failed = if summary.failed > 0 {
        format!(", {} more failed", summary.failed)
    } else {
        String::new()
    };
    writeln!(w, "- **Documents:** {} analysed{failed}", summary.documents)?;
    writeln!(
        w,
        "- **Statements:** {} — {} private, {} public, {} unknown",
        summary.statements, summary.private, summary.public, summary.unknown
    )?;
    let sides: Vec<String> = summary
        .sides
        .iter()
        .map(|s| {
            format!(
                "{} ({} private, {} public)",
                md(s.name),
                s.private,
                s.public
            )
        })
        .collect();
    if sides.is_empty() {
        writeln!(w, "- **Sides:** none identified")?;
    } else {
        writeln!(w, "- **Sides:** {}", sides.join("; "))?;
    }
    writeln!(
        w,
        "- **Divergences:** {} · **private-only topics:** {} · **drift pairs:** {}",
        ranked.len(),
        analysis.private_only.len(),
        analysis.drift.len()
    )?;

    writeln!(w)?;
    writeln!(w, "## Divergences")?;
    writeln!(w)?;
    if ranked.is_empty() {
        writeln!(w, "No side's private line departs from its public line.")?;
        writeln!(w)?;
    }
    for (rank, d) in ranked.iter().enumerate() {
        writeln!(
            w,
            "### {}. {} — {} (score {})",
            rank + 1,
            md(&d.side),
            md(&d.topic),
            score_label(d.score)
        )?;
        writeln!(w)?;
        writeln!(w, "| Private | Public |")?;
        writeln!(w, "|---|---|")?;
        let rows = d.private.len().max(d.public.len());
        for i in 0..rows {
            let cell = |ids: &[String]| -> io::Result<String> {
                match ids.get(i) {
                    Some(id) => statement_cell(&corpus, id),
                    None => Ok(String::new()),
                }
            };
            writeln!(w, "| {} | {} |", cell(&d.private)?, cell(&d.public)?)?;
        }
        writeln!(w)?;
        writeln!(w, "**Why:** {}", md(&d.explanation))?;
        writeln!(w)?;
        if !d.signals.is_empty() {
            for s in &d.signals {
                writeln!(
                    w,
                    "- *{}* ({}): private “{}” vs public “{}”",
                    md(&s.kind),
                    score_label(s.weight),
                    md(&s.private.1),
                    md(&s.public.1)
                )?;
            }
            writeln!(w)?;
        }
    }

    writeln!(w, "## Private only")?;
    writeln!(w)?;
    if analysis.private_only.is_empty() {
        writeln!(w, "No topic is discussed only in private.")?;
        writeln!(w)?;
    }
    for p in &analysis.private_only {
        writeln!(w, "### {} — {}", md(&p.side), md(&p.topic))?;
        writeln!(w)?;
        for id in &p.private {
            writeln!(w, "- {}", statement_cell(&corpus, id)?)?;
        }
        writeln!(w)?;
    }

    writeln!(w, "## Drift")?;
    writeln!(w)?;
    if analysis.drift.is_empty() {
        writeln!(w, "No quote is rendered differently across documents.")?;
        writeln!(w)?;
    }
    for d in &analysis.drift {
        let source = |r: &backchannel_core::Rendering| {
            let meta = corpus.meta(r.document);
            r.outlet
                .as_deref()
                .or_else(|| meta.and_then(|m| m.outlet.as_deref()))
                .or_else(|| meta.map(|m| m.id.as_str()))
                .map(md)
                .unwrap_or_default()
        };
        writeln!(
            w,
            "### {} vs {} (similarity {})",
            source(&d.a),
            source(&d.b),
            score_label(d.similarity)
        )?;
        writeln!(w)?;
        let mut line = String::new();
        for part in parse_word_diff(&d.diff) {
            match part {
                DiffPart::Same(t) => line.push_str(&md(t)),
                DiffPart::Removed(t) if !t.trim().is_empty() => {
                    line.push_str(&format!("~~{}~~", md(t.trim())))
                }
                DiffPart::Added(t) if !t.trim().is_empty() => {
                    line.push_str(&format!("**{}**", md(t.trim())))
                }
                DiffPart::Removed(t) | DiffPart::Added(t) => line.push_str(t),
            }
        }
        writeln!(w, "> {line}")?;
        writeln!(w)?;
        writeln!(
            w,
            "Struck words appear only in the first rendering, bold ones only in the second."
        )?;
        writeln!(w)?;
    }

    writeln!(w, "## Statements by side")?;
    writeln!(w)?;
    let mut groups: Vec<(Option<&str>, Vec<&AnalyzedStatement>)> = summary
        .sides
        .iter()
        .map(|s| (Some(s.name), Vec::new()))
        .collect();
    let mut sideless = Vec::new();
    for s in &analysis.statements {
        match groups
            .iter_mut()
            .find(|(name, _)| *name == s.side.as_deref())
        {
            Some((_, list)) if s.side.is_some() => list.push(s),
            _ => sideless.push(s),
        }
    }
    if !sideless.is_empty() {
        groups.push((None, sideless));
    }
    if groups.is_empty() {
        writeln!(w, "No statements were found.")?;
        writeln!(w)?;
    }
    for (name, list) in groups {
        writeln!(
            w,
            "### {}",
            name.map(md)
                .unwrap_or_else(|| "No side identified".to_string())
        )?;
        writeln!(w)?;
        for s in list {
            writeln!(
                w,
                "- *{}* · {}",
                s.channel.as_str(),
                statement_line(&corpus, s)?
            )?;
        }
        writeln!(w)?;
    }

    if !analysis.failures.is_empty() {
        writeln!(w, "## Failed documents")?;
        writeln!(w)?;
        for f in &analysis.failures {
            writeln!(w, "- {}: {}", md(&f.origin.to_string()), md(&f.reason))?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// A statement for a table cell or list item, looked up by id.
fn statement_cell(corpus: &Corpus<'_>, id: &str) -> io::Result<String> {
    match corpus.statement(id) {
        Some(s) => statement_line(corpus, s),
        None => Ok(format!("*(statement {} is not in the analysis)*", md(id))),
    }
}

/// `quoted text<br>— speaker (tags), outlet, date` on one line.
fn statement_line(corpus: &Corpus<'_>, s: &AnalyzedStatement) -> io::Result<String> {
    let mut out = md(corpus.text_of(s)?.trim());
    out.push_str(" — ");
    match speaker_name(s) {
        Some(name) => out.push_str(&format!("**{}**", md(name))),
        None => out.push_str("*no speaker*"),
    }
    let tags = speaker_tags(s);
    if !tags.is_empty() {
        out.push_str(&format!(" ({})", tags.join(", ")));
    }
    if let Some(meta) = corpus.meta(s.document) {
        for part in [
            meta.outlet.as_deref(),
            meta.date.as_deref().map(display_date),
        ]
        .into_iter()
        .flatten()
        {
            out.push_str(", ");
            out.push_str(&md(part));
        }
    }
    out.push_str(&format!(" · {}", md(&s.id)));
    Ok(out)
}
