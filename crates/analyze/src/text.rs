//! Small text tools: words, sentences, paragraphs and phrase search, all
//! working on byte spans of the document so evidence can point back into it.

use backchannel_core::Span;
use compact_str::CompactString;

/// One word of a text: its span, the surface form and a lowercase key.
#[derive(Debug, Clone)]
pub struct Word {
    pub span: Span,
    /// Inline for words up to 24 bytes: tokenising allocates next to nothing.
    pub text: CompactString,
    pub lower: CompactString,
    /// The word carried a possessive `'s` / `’s` (stripped from `text`).
    pub possessive: bool,
}

impl Word {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '.' || c == '-'
}

/// The words of `slice[s..e]`, split at hyphens (`U.S.-Russia` is two),
/// with offsets shifted by `base`.
fn push_split(slice: &str, s: usize, e: usize, base: usize, out: &mut Vec<Word>) {
    let mut cur = s;
    for part in slice[s..e].split('-') {
        let pe = cur + part.len();
        if let Some(w) = make_word(slice, cur, pe, base) {
            out.push(w);
        }
        cur = pe + 1;
    }
}

/// Words of `text[span]`. Hyphens split words (`U.S.-Russia` is two words),
/// dots stay only inside abbreviations (`U.S.`), possessives are marked.
pub fn words_in(text: &str, span: Span) -> Vec<Word> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    // About one word per six bytes of news text.
    let mut out = Vec::with_capacity(slice.len() / 6 + 1);
    let push = |s: usize, e: usize, out: &mut Vec<Word>| push_split(slice, s, e, span.start, out);
    let bytes = slice.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII bytes are judged without decoding a character.
        let b = bytes[i];
        let (word_char, len) = if b.is_ascii() {
            (
                b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'.' | b'-'),
                1,
            )
        } else {
            match slice[i..].chars().next() {
                Some(c) => (is_word_char(c), c.len_utf8()),
                None => break,
            }
        };
        if word_char {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(s, i, &mut out);
        }
        i += len;
    }
    if let Some(s) = start {
        push(s, slice.len(), &mut out);
    }
    out
}

/// Words of the whole text.
pub fn words(text: &str) -> Vec<Word> {
    words_in(text, Span::new(0, text.len()))
}

fn make_word(slice: &str, s: usize, e: usize, base: usize) -> Option<Word> {
    let mut raw = &slice[s..e];
    let mut start = s;
    // Leading quote-like apostrophes and dots are punctuation.
    while let Some(c) = raw.chars().next() {
        if c.is_alphanumeric() {
            break;
        }
        start += c.len_utf8();
        raw = &raw[c.len_utf8()..];
    }
    let mut possessive = false;
    for suffix in ["'s", "’s", "'", "’"] {
        if raw.len() > suffix.len() && raw.ends_with(suffix) {
            // `s'` plural possessive or `X's`.
            if suffix.len() > 1 || raw[..raw.len() - suffix.len()].ends_with('s') {
                raw = &raw[..raw.len() - suffix.len()];
                possessive = true;
                break;
            }
        }
    }
    // Keep the final dot only for abbreviations like `U.S.` or `E.U.`.
    if raw.ends_with('.') {
        let inner = &raw[..raw.len() - 1];
        let abbreviation = inner.contains('.')
            && inner
                .split('.')
                .all(|p| p.chars().count() <= 2 && !p.is_empty());
        if !abbreviation {
            raw = inner.trim_end_matches('.');
        }
    }
    while let Some(c) = raw.chars().last() {
        if c.is_alphanumeric() || (c == '.' && raw.len() > 1) {
            break;
        }
        raw = &raw[..raw.len() - c.len_utf8()];
    }
    if raw.is_empty() || !raw.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    let text = CompactString::new(raw);
    let lower = if raw.is_ascii() {
        let mut l = text.clone();
        l.make_ascii_lowercase();
        l
    } else {
        CompactString::from(raw.to_lowercase().replace('’', "'"))
    };
    Some(Word {
        span: Span::new(base + start, base + start + raw.len()),
        text,
        lower,
        possessive,
    })
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "prof",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "inc", "co", "corp", "jr", "sr", "adm", "sgt",
];

/// Paragraph spans: blocks separated by line breaks, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let s = Span::new(start, i).trim(text);
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
    }
    let s = Span::new(start, text.len()).trim(text);
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// Whether the text before a `.` ends with an abbreviation (`Mr`, `Gen`),
/// an initial (`A`) or a dotted form (`U.S`): the dot ends no sentence.
fn ends_with_abbreviation(before: &str) -> bool {
    let last_word = before
        .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
        .next()
        .unwrap_or("");
    ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(last_word))
        || last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase)
        || last_word.contains('.')
}

/// Sentence spans inside one paragraph span. Only the bytes `.`, `!` and
/// `?` can end a sentence: the scan jumps from one to the next and decodes
/// characters only around them.
pub fn sentences_in(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(slice) = text.get(para.range()) else {
        return out;
    };
    let mut start = 0usize;
    for bi in memchr::memchr3_iter(b'.', b'!', b'?', slice.as_bytes()) {
        if bi < start {
            continue;
        }
        let c = char::from(slice.as_bytes()[bi]);
        let after = &slice[bi + 1..];
        // Swallow closing quotes and brackets after the terminator.
        let closing = after
            .char_indices()
            .find(|&(_, ch)| !matches!(ch, '"' | '”' | '’' | '\'' | ')'))
            .map_or(after.len(), |(o, _)| o);
        let end = bi + 1 + closing;
        let rest = &slice[end..];
        let next_is_space = rest.chars().next().is_none_or(char::is_whitespace);
        let next_starts = rest
            .chars()
            .find(|ch| !ch.is_whitespace())
            .is_none_or(|ch| {
                ch.is_uppercase() || matches!(ch, '"' | '“' | '‘' | '\'' | '(') || ch.is_numeric()
            });
        let abbreviation = c == '.' && ends_with_abbreviation(&slice[start..bi]);
        // `. . .` and `...` (inside or ending) do not end a sentence.
        let mut next = after.chars();
        let mut prev = slice[..bi].chars().rev();
        let (n1, n2) = (next.next(), next.next());
        let (p1, p2) = (prev.next(), prev.next());
        let ellipsis = c == '.'
            && (matches!(n1, Some('.' | ' ')) && n2 == Some('.')
                || p1 == Some(' ') && p2 == Some('.')
                || p1 == Some('.'));
        if next_is_space && next_starts && !abbreviation && !ellipsis {
            let s = Span::new(para.start + start, para.start + end).trim(text);
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let s = Span::new(para.start + start, para.end).trim(text);
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// A document's paragraphs and sentences, for looking up context.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub paragraphs: Vec<Span>,
    /// Sentence span and the index of its paragraph.
    pub sentences: Vec<(Span, usize)>,
}

impl Layout {
    pub fn new(text: &str) -> Self {
        let paragraphs = paragraphs(text);
        let mut sentences = Vec::new();
        for (pi, &p) in paragraphs.iter().enumerate() {
            for s in sentences_in(text, p) {
                sentences.push((s, pi));
            }
        }
        Layout {
            paragraphs,
            sentences,
        }
    }

    /// Index of the sentence holding byte `pos` (or the next one).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|(s, _)| s.end <= pos);
        (i < self.sentences.len()).then_some(i)
    }

    /// Sentences overlapping `span`, as an index range.
    pub fn sentences_over(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.sentences.partition_point(|(s, _)| s.end <= span.start);
        let mut last = first;
        while last < self.sentences.len()
            && self.sentences[last].0.start < span.end.max(span.start + 1)
        {
            last += 1;
        }
        first..last.max(first)
    }
}

/// Every occurrence of `phrase` (lowercase, single spaces) in the words
/// `ws`, matched word by word; returns the covering spans.
pub fn find_phrase(ws: &[Word], phrase: &[&str]) -> Vec<Span> {
    let mut out = Vec::new();
    if phrase.is_empty() || ws.len() < phrase.len() {
        return out;
    }
    for i in 0..=ws.len() - phrase.len() {
        if phrase
            .iter()
            .enumerate()
            .all(|(k, p)| word_matches(&ws[i + k].lower, p))
        {
            out.push(ws[i].span.cover(ws[i + phrase.len() - 1].span));
        }
    }
    out
}

/// A fixed list of phrases (space-separated words, `*` suffix for a
/// prefix) matched in one pass over a text's words, for cue lists checked
/// against every statement.
pub struct PhraseSet {
    by_first: rustc_hash::FxHashMap<String, Vec<(usize, Vec<String>)>>,
    prefixed: Vec<(usize, String, Vec<String>)>,
}

impl PhraseSet {
    pub fn new<'p>(phrases: impl IntoIterator<Item = &'p str>) -> Self {
        let mut set = PhraseSet {
            by_first: Default::default(),
            prefixed: Vec::new(),
        };
        for (pi, p) in phrases.into_iter().enumerate() {
            let mut parts = p.split(' ').map(str::to_string);
            let Some(first) = parts.next().filter(|f| !f.is_empty()) else {
                continue;
            };
            let rest: Vec<String> = parts.collect();
            if first.ends_with('*') {
                set.prefixed.push((pi, first, rest));
            } else {
                set.by_first.entry(first).or_default().push((pi, rest));
            }
        }
        set
    }

    /// Every match as (phrase index, span), ordered by phrase and then by
    /// position: the order [`find_phrase`] gives phrase by phrase.
    pub fn find_all(&self, ws: &[Word]) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        let rest_at = |i: usize, rest: &[String]| {
            i + rest.len() < ws.len()
                && rest
                    .iter()
                    .enumerate()
                    .all(|(k, p)| word_matches(&ws[i + 1 + k].lower, p))
        };
        for (i, w) in ws.iter().enumerate() {
            if let Some(list) = self.by_first.get(w.lower.as_str()) {
                for (pi, rest) in list {
                    if rest_at(i, rest) {
                        out.push((*pi, w.span.cover(ws[i + rest.len()].span)));
                    }
                }
            }
            for (pi, first, rest) in &self.prefixed {
                if word_matches(&w.lower, first) && rest_at(i, rest) {
                    out.push((*pi, w.span.cover(ws[i + rest.len()].span)));
                }
            }
        }
        out.sort_by_key(|&(pi, span)| (pi, span.start));
        out
    }
}

/// `p` matches the word exactly, or as a prefix when it ends with `*`.
pub fn word_matches(word: &str, p: &str) -> bool {
    match p.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == p,
    }
}

/// Spans of quoted passages (`“...”`, `"..."`, `«...»`)
/// inside `span`, quote marks excluded.
pub fn quotes_in(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(slice) = text.get(span.range()) else {
        return out;
    };
    let mut open: Option<(usize, char)> = None;
    for (i, c) in slice.char_indices() {
        match open {
            None => {
                let next_is_word = || {
                    slice
                        .get(i + c.len_utf8()..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|n| !n.is_whitespace())
                };
                if c == '“' || c == '«' || c == '"' && next_is_word() {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((s, oc)) => {
                let closes =
                    (oc == '“' && c == '”') || (oc == '"' && c == '"') || (oc == '«' && c == '»');
                if closes {
                    let q = Span::new(span.start + s, span.start + i).trim(text);
                    if !q.is_empty() {
                        out.push(q);
                    }
                    open = None;
                }
            }
        }
    }
    out
}

pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "said",
    "same",
    "say",
    "says",
    "saying",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "though",
    "through",
    "to",
    "too",
    "told",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "new",
    "according",
    "added",
    "adding",
    "told",
    "tell",
    "tells",
    "asked",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "time",
    "times",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "mr",
    "mrs",
    "ms",
    "dr",
    "already",
    "another",
    "way",
    "ways",
    "well",
    "way",
    "get",
    "got",
    "going",
    "go",
    "went",
    "come",
    "came",
    "take",
    "took",
    "put",
    "want",
    "wants",
    "wanted",
    "need",
    "needs",
    "know",
    "think",
    "believe",
    "believed",
    "seen",
    "see",
    "two",
    "three",
    "first",
    "second",
    "last",
    "next",
    "however",
    "therefore",
    "thus",
    "whose",
    "it's",
    "don't",
    "didn't",
    "doesn't",
    "isn't",
    "wasn't",
    "won't",
    "can't",
    "cannot",
    "never",
    "always",
    "often",
    "every",
    "because",
    "almost",
    "according",
    "reported",
    "report",
    "reports",
    "statement",
    "statements",
    "official",
    "officials",
    "source",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "ministry",
    "government",
    "president",
    "prime",
    "foreign",
    "side",
    "sides",
    "people",
    "person",
    "senior",
    "former",
    "familiar",
    "condition",
    "anonymity",
    "privately",
    "publicly",
    "public",
    "private",
    "explained",
    "revealed",
    "stated",
    "insisted",
    "insists",
    "acknowledged",
    "described",
    "description",
    "called",
    "clear",
    "part",
    "lot",
    "very",
    "really",
];

pub fn is_stopword(w: &str) -> bool {
    static SET: WordSet = WordSet::new(STOPWORDS);
    SET.contains(w)
}

/// A fixed word list asked about every word of every document: a hash set
/// built on first use instead of a scan of the list.
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

/// A light plural fold so `concerns` and `concern` share a key.
pub fn stem(w: &str) -> String {
    stem_compact(w).into_string()
}

/// [`stem`] as an inline string (no allocation for short words).
pub fn stem_compact(w: &str) -> CompactString {
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        let mut s = CompactString::from(&w[..w.len() - 3]);
        s.push('y');
        return s;
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return CompactString::from(&w[..w.len() - 1]);
    }
    CompactString::from(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character scan [`words_in`] replaced, kept as its oracle.
    fn words_in_by_char(text: &str, span: Span) -> Vec<Word> {
        let mut out = Vec::new();
        let Some(slice) = text.get(span.range()) else {
            return out;
        };
        let mut start: Option<usize> = None;
        let push =
            |s: usize, e: usize, out: &mut Vec<Word>| push_split(slice, s, e, span.start, out);
        for (i, c) in slice.char_indices() {
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                push(s, i, &mut out);
            }
        }
        if let Some(s) = start {
            push(s, slice.len(), &mut out);
        }
        out
    }

    /// The character-by-character sentence splitter the byte scan replaced,
    /// kept as the oracle the scan must agree with.
    fn sentences_in_by_char(text: &str, para: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let Some(slice) = text.get(para.range()) else {
            return out;
        };
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        let mut start = 0usize;
        let mut i = 0usize;
        while i < chars.len() {
            let (bi, c) = chars[i];
            if matches!(c, '.' | '!' | '?') {
                // Swallow closing quotes and brackets after the terminator.
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                    j += 1;
                }
                let end = chars.get(j).map_or(slice.len(), |&(b, _)| b);
                let next_is_space = j >= chars.len() || chars[j].1.is_whitespace();
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                let next_starts = k >= chars.len()
                    || chars[k].1.is_uppercase()
                    || matches!(chars[k].1, '"' | '“' | '‘' | '\'' | '(')
                    || chars[k].1.is_numeric();
                let abbreviation = c == '.' && ends_with_abbreviation(&slice[start..bi]);
                // `. . .` and `...` (inside or ending) do not end a sentence.
                let ellipsis = c == '.'
                    && (chars.get(i + 1).is_some_and(|&(_, n)| n == '.' || n == ' ')
                        && chars.get(i + 2).is_some_and(|&(_, n)| n == '.')
                        || i >= 2 && chars[i - 1].1 == ' ' && chars[i - 2].1 == '.'
                        || i >= 1 && chars[i - 1].1 == '.');
                if next_is_space && next_starts && !abbreviation && !ellipsis {
                    let s = Span::new(para.start + start, para.start + end).trim(text);
                    if !s.is_empty() {
                        out.push(s);
                    }
                    start = end;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        let s = Span::new(para.start + start, para.end).trim(text);
        if !s.is_empty() {
            out.push(s);
        }
        out
    }

    #[test]
    fn words_handle_abbreviations_possessives_and_hyphens() {
        let t = "The U.S.-Drevania talks: Drevania's envoy said it. Kessalia’s side.";
        let ws = words(t);
        let texts: Vec<&str> = ws.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The", "U.S.", "Drevania", "talks", "Drevania", "envoy", "said", "it", "Kessalia",
                "side"
            ]
        );
        assert!(ws[4].possessive && ws[8].possessive && !ws[2].possessive);
        for w in &ws {
            assert_eq!(w.span.slice(t), w.text);
        }
    }

    #[test]
    fn sentences_skip_abbreviations_and_keep_quotes() {
        let t = "Mr. Kostany met the U.S. envoy. “We agreed,” he said. Then he left!\nNew para.";
        let l = Layout::new(t);
        let s: Vec<&str> = l.sentences.iter().map(|(s, _)| s.slice(t)).collect();
        assert_eq!(
            s,
            [
                "Mr. Kostany met the U.S. envoy.",
                "“We agreed,” he said.",
                "Then he left!",
                "New para."
            ]
        );
        assert_eq!(l.paragraphs.len(), 2);
    }

    #[test]
    fn quotes_are_found_without_marks() {
        let t = "He called it “a fair deal” and later \"no deal at all\".";
        let q: Vec<&str> = quotes_in(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(q, ["a fair deal", "no deal at all"]);
    }

    #[test]
    fn byte_scan_splits_sentences_as_the_character_scan_did() {
        let texts = [
            "Mr. Halloran said no. The talks ended! Did they? “Yes.” Then (later.) more.",
            "The U.S. envoy left. . . and came back... She said “Wait.” 2024 was hard.",
            "Ms. Dréva met Gen. Orlo at 3 p.m. on Tuesday. ‘Never,’ he said. A. B. Castell agreed.",
            "Ellipsis at the end... Next one . . . and ?! What?\u{201d} Él dijo. Ü-boat. ",
            "No terminator at all",
            ".!?",
            "Quoted end.\u{2019}\u{201d}) Next sentence. ä. Ä. 1. 2.",
        ];
        for t in texts {
            for para in paragraphs(t) {
                assert_eq!(
                    sentences_in(t, para),
                    sentences_in_by_char(t, para),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn byte_scan_finds_the_words_the_character_scan_did() {
        let texts = [
            "The U.S.-Drevania talks: Drevania's envoy said it. Kessalia’s side.",
            "Él dijo «no» — Ü-boat crews’ pay; 3.5% of ‘GDP’... rock'n'roll -- x-",
            "'Quoted,' he said. ’Tis. Ministers’ meeting. Ms. Dréva-Orlo's aide.",
            "",
            "-",
            "日本 said: naïve café façade",
        ];
        for t in texts {
            let span = Span::new(0, t.len());
            let key = |ws: Vec<Word>| -> Vec<(Span, String, String, bool)> {
                ws.into_iter()
                    .map(|w| {
                        (
                            w.span,
                            w.text.to_string(),
                            w.lower.to_string(),
                            w.possessive,
                        )
                    })
                    .collect()
            };
            assert_eq!(
                key(words_in(t, span)),
                key(words_in_by_char(t, span)),
                "{t:?}"
            );
        }
    }
}
