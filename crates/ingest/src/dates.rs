//! Dates as ISO 8601, from the forms pages write them in.

/// `raw` as an ISO 8601 date or timestamp, or `None` when it is not a date
/// this understands. Kept as given: `2031-05-14`, `2031-05-14T08:00:00Z`;
/// rewritten: `2031-05-14 08:00:00` (`T` put in), `2031/05/14`,
/// `May 14, 2031`, `14 May 2031`, `Wed, 14 May 2031 08:00:00 GMT` (the day
/// only, for the spelled-out forms).
pub fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let b = raw.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && matches!(
            (b.get(4), b.get(7)),
            (Some(b'-'), Some(b'-')) | (Some(b'/'), Some(b'/'))
        )
    {
        let day = format!("{}-{}-{}", raw.get(0..4)?, raw.get(5..7)?, raw.get(8..10)?);
        if !valid_day(&day) {
            return None;
        }
        let rest = raw.get(10..)?;
        return Some(
            match rest.strip_prefix(' ').or_else(|| rest.strip_prefix('T')) {
                Some(time) if time.as_bytes().first().is_some_and(u8::is_ascii_digit) => {
                    format!("{day}T{}", time.trim())
                }
                _ if rest.is_empty() => day,
                _ => day,
            },
        );
    }
    spelled_out_date(raw)
}

fn valid_day(day: &str) -> bool {
    let month: u32 = day.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let dom: u32 = day.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&dom)
}

/// `May 14, 2031`, `14 May 2031`, `Wed, 14 May 2031 08:00 GMT` → `2031-05-14`.
fn spelled_out_date(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = month_number(word) else {
            continue;
        };
        let number = |w: Option<&&str>| {
            w.and_then(|w| {
                w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
                    .parse::<u32>()
                    .ok()
            })
        };
        let (day, year) = match (
            number(i.checked_sub(1).and_then(|j| words.get(j))),
            number(words.get(i + 1)),
            number(words.get(i + 2)),
        ) {
            // 14 May 2031
            (Some(d), Some(y), _) if d <= 31 && y >= 1000 => (d, y),
            // May 14, 2031
            (_, Some(d), Some(y)) if d <= 31 && y >= 1000 => (d, y),
            _ => continue,
        };
        if day == 0 || year > 9999 {
            return None;
        }
        return Some(format!("{year:04}-{month:02}-{day:02}"));
    }
    None
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let position = MONTHS.iter().position(|m| lower.starts_with(m))?;
    // Whole month names or their three-letter (or `sept`) abbreviations only.
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL.get(position)?;
    (full.starts_with(&lower) && (lower.len() == 3 || lower == "sept" || lower == *full))
        .then_some(position as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(normalize_date("2031-05-14").as_deref(), Some("2031-05-14"));
        assert_eq!(
            normalize_date(" 2031-05-14T08:00:00+02:00 ").as_deref(),
            Some("2031-05-14T08:00:00+02:00")
        );
        assert_eq!(
            normalize_date("2031-05-14 08:00:00").as_deref(),
            Some("2031-05-14T08:00:00")
        );
        assert_eq!(normalize_date("2031/05/14").as_deref(), Some("2031-05-14"));
        assert_eq!(
            normalize_date("May 14, 2031, 07:47 PM EST").as_deref(),
            Some("2031-05-14")
        );
        assert_eq!(
            normalize_date("14 Sept 2031").as_deref(),
            Some("2031-09-14")
        );
        assert_eq!(
            normalize_date("Wed, 14 May 2031 08:00:00 GMT").as_deref(),
            Some("2031-05-14")
        );
        assert_eq!(
            normalize_date("December 3rd, 2030").as_deref(),
            Some("2030-12-03")
        );
        assert_eq!(normalize_date("2031-13-40"), None);
        assert_eq!(normalize_date("last Tuesday"), None);
        assert_eq!(normalize_date("Mayor 14 2031"), None);
        assert_eq!(normalize_date(""), None);
    }
}
