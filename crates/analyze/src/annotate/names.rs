//! One name per person in a document, so that `Orlen`, `Defence Minister
//! Mattias Orlen` and `The committee's chair, Marit Enge,` are reported as the
//! people they are, and `the diplomat` as the `Tavrenian diplomat` the story
//! introduced.

use super::{gap, DocScan, DOCUMENT_NOUNS_SET, ORG_HEADS_SET, PERSON_NOUNS_SET, SPOKES};
use crate::knowledge::{AliasKind, Knowledge};

/// Courtesy titles that may stand before a bare surname (`Ms Voll`).
const COURTESY: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"];

/// Last words of names that are institutions, not people (beyond the
/// organisation heads the side discovery uses).
const INSTITUTION_TAILS: &[&str] = &[
    "Association",
    "Agency",
    "Office",
    "Department",
    "Ministry",
    "Service",
    "Center",
    "Centre",
    "Foundation",
    "Company",
    "Corporation",
    "University",
    "Club",
    "Society",
    "Institution",
    "Times",
    "Post",
    "News",
    "Press",
    "Poll",
    "Survey",
    "Network",
];

/// Articles that introduce a person for the first time (`a Tavrenian diplomat`).
const INTRODUCING: &[&str] = &["a", "an", "one"];

impl DocScan<'_> {
    /// Whether the name run `start..end` names a person rather than an
    /// organisation (`Harbour Party`, `Sarn Basin Commission`).
    pub(super) fn is_person_run(&self, start: usize, end: usize) -> bool {
        end >= start + 2
            && end - start <= 4
            && !self.words[start..end]
                .windows(2)
                .any(|p| gap(self.text, &p[0], &p[1]).contains('\n'))
            && !self.words[start..end]
                .iter()
                .any(|w| ORG_HEADS_SET.contains(w.text.as_str()) || self.in_outlet(w))
            && !INSTITUTION_TAILS.contains(&self.words[end - 1].text.as_str())
            && {
                let run = self.run_text(start, end);
                !self.orgs.iter().any(|o| o.ends_with(&run))
            }
    }

    /// The full name starting at word `i` (`full_names` is in text order).
    fn full_name_at(&self, i: usize) -> Option<(usize, usize)> {
        let at = self.full_names.partition_point(|&(s, _)| s < i);
        self.full_names.get(at).copied().filter(|&(s, _)| s == i)
    }

    /// Full names seen inside a statement's source: people, whether or not
    /// the text gives them a side or a title.
    pub(super) fn find_known_people(&mut self, statements: &[backchannel_core::Statement]) {
        let mut known: super::HashSet<String> = self.persons.keys().cloned().collect();
        for sp in statements.iter().filter_map(|s| s.speaker.as_ref()) {
            let first = self.words.partition_point(|w| w.span.start < sp.span.start);
            for &(s, e) in self
                .full_names
                .iter()
                .filter(|&&(s, e)| s >= first && self.words[e - 1].span.end <= sp.span.end)
            {
                known.insert(self.run_text(s, e));
            }
        }
        self.known_people = known;
        self.speaker_names = statements
            .iter()
            .filter_map(|s| s.speaker.as_ref().map(|sp| (sp.span, sp.name.clone())))
            .collect();
    }

    /// A named person the text gives no title or side (`Vell said`): the
    /// country named in the most sentences that mention them, when it
    /// is named twice or more, twice as often as the next, and at least one mention shows
    /// them acted upon or acting rather than speaking (`ousting Vell`,
    /// `Vell's defence`). Leaders are written about; commentators are only
    /// quoted, and get none. Parties and bodies are left out: who attacks
    /// whom across a party line says nothing of membership.
    pub(super) fn side_from_mentions(
        &self,
        k: &Knowledge,
        name: &str,
    ) -> Option<(String, backchannel_core::Span)> {
        let words = crate::text::words(name);
        // A person's name: a few capitalised words, none an organisation's.
        let personal = (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.is_capitalised()
                    && !ORG_HEADS_SET.contains(w.text.as_str())
                    && !INSTITUTION_TAILS.contains(&w.text.as_str())
                    && k.lookup(&w.text).is_none()
            });
        let surname = words.last().filter(|w| personal && w.lower.len() > 2)?;
        let mut written_about = false;
        let mut sentences: Vec<usize> = Vec::new();
        for w in self
            .words
            .iter()
            .filter(|w| w.lower == surname.lower && w.is_capitalised())
        {
            if !self.speaker_names.iter().any(|(s, _)| s.contains(w.span)) {
                written_about = true;
            }
            if let Some(si) = self.layout.sentence_at(w.span.start) {
                if sentences.last() != Some(&si) {
                    sentences.push(si);
                }
            }
        }
        if !written_about {
            return None;
        }
        let with_demonym = self.sides_with_demonym(k);
        let mut counts: super::HashMap<&str, (usize, backchannel_core::Span)> =
            super::HashMap::default();
        for &si in &sentences {
            let sentence = self.layout.sentences[si].0;
            let mut named: Vec<(&str, backchannel_core::Span)> = self
                .cues
                .iter()
                .filter(|c| {
                    c.kind != AliasKind::Body
                        && (with_demonym.contains(c.side.as_str())
                            || k.lookup(&c.side)
                                .is_some_and(|e| e.kind == AliasKind::Name && !e.discovered))
                })
                .map(|c| (c.side.as_str(), self.words[c.word].span))
                .filter(|(_, at)| sentence.contains(*at))
                .collect();
            named.sort_by_key(|(side, _)| *side);
            named.dedup_by_key(|(side, _)| *side);
            for (side, at) in named {
                counts.entry(side).or_insert((0, at)).0 += 1;
            }
        }
        let mut ranked: Vec<(&str, (usize, backchannel_core::Span))> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
        let (side, (n, at)) = *ranked.first()?;
        let next = ranked.get(1).map_or(0, |r| r.1 .0);
        (n >= 2 && n >= 2 * next).then(|| (side.to_string(), at))
    }

    /// Whether `name` is just the words of `mention` (nothing resolved).
    fn same_words(&self, mention: &[usize], name: &str) -> bool {
        let words = crate::text::words(name);
        words.len() == mention.len()
            && words
                .iter()
                .zip(mention)
                .all(|(w, &m)| w.lower == self.words[m].lower)
    }

    fn run_text(&self, start: usize, end: usize) -> String {
        self.words[start..end]
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The full name (two or more name words) a speaker mention of words
    /// `mention` stands for, or the fuller description that introduced it;
    /// `head` is the mention up to its first comma or relative pronoun.
    /// `None` keeps the extractor's name.
    pub(super) fn canonical_name(
        &self,
        k: &Knowledge,
        mention: &[usize],
        head: &[usize],
        extracted: &str,
    ) -> Option<String> {
        let (&first, &last) = (mention.first()?, mention.last()?);
        // A full name heading the mention (the last name run of its head:
        // `Economic Affairs Commissioner Jana Wexler`), or in apposition to
        // its head: `The committee's chair, Marit Enge of ...`; never one
        // inside a modifier (`The cable, signed by Ambassador X,`).
        let head_end = head.last().map_or(last + 1, |&h| h + 1);
        if let Some((s, e)) = self
            .full_names
            .iter()
            .rfind(|&&(s, e)| s >= first && e == head_end)
            .copied()
            .or_else(|| self.full_name_at(head_end).filter(|&(_, e)| e <= last + 1))
        {
            return Some(self.run_text(s, e));
        }
        // A name in apposition right after it: `Corvania's spokesman, Jurek Hallam,`.
        let head = &self.words[last];
        if PERSON_NOUNS_SET.contains(head.lower.as_str())
            || SPOKES.contains(&head.lower.as_str())
            || self.is_title_word(k, last)
        {
            if let Some((s, e)) = self.full_name_at(last + 1) {
                let comma_before = gap(self.text, head, &self.words[s]).trim() == ",";
                let closed = self
                    .words
                    .get(e)
                    .is_none_or(|w| gap(self.text, &self.words[e - 1], w).trim() == ",");
                if comma_before && closed {
                    return Some(self.run_text(s, e));
                }
            }
        }
        // A bare surname, maybe with a title: `Orlen`, `Ms Voll`, `Minister Orlen`.
        let mut surname = None;
        for &wi in mention {
            let w = &self.words[wi];
            if COURTESY.contains(&w.lower.trim_end_matches('.')) || self.is_title_word(k, wi) {
                continue;
            }
            match self.name_run(k, wi) {
                Some(end) if end == wi + 1 && surname.is_none() => surname = Some(wi),
                // The extractor already followed `the official` back to a
                // fuller mention of the same head.
                _ if !self.same_words(mention, extracted)
                    && crate::text::words(extracted)
                        .iter()
                        .any(|w| w.lower == self.words[head_end - 1].lower) =>
                {
                    return None
                }
                _ => return self.introduced_description(mention),
            }
        }
        let surname = surname?;
        let text = self.words[surname].text.as_str();
        // Of the people with this surname, the one named most often, then
        // the nearest before the mention, then the first after it.
        let mut counts: Vec<(String, usize, Option<usize>)> = Vec::new();
        for &(s, e) in self
            .full_names
            .iter()
            .filter(|&&(_, e)| self.words[e - 1].text == text)
        {
            let name = self.run_text(s, e);
            let before = (s < first).then_some(s);
            match counts.iter_mut().find(|c| c.0 == name) {
                Some(c) => {
                    c.1 += 1;
                    c.2 = before.or(c.2);
                }
                None => counts.push((name, 1, before)),
            }
        }
        counts
            .into_iter()
            .rev()
            .max_by_key(|c| (c.1, c.2.map_or(0, |s| s + 1)))
            .map(|c| c.0)
    }

    /// The person a `he` / `she` at byte `at` most likely is when the story
    /// names one who said nothing quotable: a sentence-opening definite
    /// description of a person, or the first person named outside
    /// quotes, not after a preposition, in the pronoun's sentence (before it)
    /// or the sentences of its paragraph before it, or else the sentence
    /// before (`Asked in parliament ..., Foreign Minister Talia Brenner was
    /// blunt. "...," she said.`), whose full name `compatible` accepts (the
    /// pronoun's gender). A word range: a full name, or a surname the
    /// document gives a full name for.
    pub(super) fn subject_person_before(
        &self,
        at: usize,
        compatible: impl Fn(&str) -> bool,
    ) -> Option<(usize, usize)> {
        let si = self.layout.sentence_at(at)?;
        let para = self.layout.sentences.get(si)?.1;
        let window = (0..=si)
            .rev()
            .take(4)
            .take_while(|&s| s + 1 >= si && s <= si || self.layout.sentences[s].1 == para);
        for s in window {
            let (span, _) = self.layout.sentences[s];
            let first = self.words.partition_point(|w| w.span.start < span.start);
            let mut i = first;
            while let Some(w) = self.words.get(i) {
                if w.span.end > span.end || w.span.start >= at {
                    break;
                }
                let after_preposition = i > first
                    && matches!(
                        self.words[i - 1].lower.as_str(),
                        "of" | "in"
                            | "at"
                            | "to"
                            | "from"
                            | "by"
                            | "for"
                            | "with"
                            | "on"
                            | "about"
                            | "the"
                            | "near"
                            | "into"
                            | "across"
                    );
                if after_preposition
                    || self.in_outlet(w)
                    || self.quotes.iter().any(|q| q.contains(w.span))
                {
                    // Past the whole capitalised run (`in Port Keld`).
                    i += 1;
                    while self.words.get(i).is_some_and(|n| {
                        n.is_capitalised()
                            && gap(self.text, &self.words[i - 1], n).trim().is_empty()
                    }) {
                        i += 1;
                    }
                    continue;
                }
                if i == first {
                    if let Some(e) = self.definite_person_subject(i) {
                        return Some((i, e));
                    }
                }
                if let Some((s, e)) = self.full_name_at(i) {
                    let name = self.run_text(s, e);
                    if self.known_people.contains(&name) && compatible(&name) {
                        return Some((s, e));
                    }
                    i = e;
                    continue;
                }
                if w.is_capitalised() {
                    let full = self
                        .full_names
                        .iter()
                        .rfind(|&&(_, e)| self.words[e - 1].text == w.text);
                    if let Some(&(s, e)) = full {
                        let name = self.run_text(s, e);
                        if self.known_people.contains(&name) && compatible(&name) {
                            return Some((i, i + 1));
                        }
                    }
                }
                i += 1;
            }
        }
        None
    }

    /// `The retired diplomat went further.`: a sentence opening with a
    /// definite description of a person (`the`, up to three lowercase
    /// modifiers, a person noun) is about that person; the end of the
    /// description in words.
    fn definite_person_subject(&self, i: usize) -> Option<usize> {
        if self.words.get(i)?.lower != "the" {
            return None;
        }
        for h in i + 1..(i + 5).min(self.words.len()) {
            let w = &self.words[h];
            if w.is_capitalised()
                || w.possessive
                || !gap(self.text, &self.words[h - 1], w).trim().is_empty()
            {
                return None;
            }
            if PERSON_NOUNS_SET.contains(w.lower.as_str()) {
                // A compound (`the diplomat corps`) is not the person.
                let next_joined = self.words.get(h + 1).is_some_and(|n| {
                    gap(self.text, w, n).trim().is_empty()
                        && PERSON_NOUNS_SET.contains(n.lower.as_str())
                });
                return (!next_joined).then_some(h + 1);
            }
        }
        None
    }

    /// The document an `it` at byte `at` stands for: the first document noun
    /// outside quotes in its sentence before it, or in the sentence before
    /// (`“...,” the cable says. It recommends ...`), with its determiner.
    pub(super) fn document_before(&self, at: usize) -> Option<(usize, usize)> {
        let si = self.layout.sentence_at(at)?;
        for s in [Some(si), si.checked_sub(1)].into_iter().flatten() {
            let (span, _) = self.layout.sentences[s];
            let first = self.words.partition_point(|w| w.span.start < span.start);
            let found = (first..self.words.len())
                .take_while(|&i| {
                    self.words[i].span.end <= span.end && self.words[i].span.start < at
                })
                .find(|&i| {
                    let w = &self.words[i];
                    DOCUMENT_NOUNS_SET.contains(w.lower.as_str())
                        && !self.quotes.iter().any(|q| q.contains(w.span))
                });
            if let Some(i) = found {
                let det = i > first
                    && matches!(
                        self.words[i - 1].lower.as_str(),
                        "the" | "a" | "an" | "this" | "that"
                    );
                return Some((if det { i - 1 } else { i }, i + 1));
            }
        }
        None
    }

    /// `the diplomat` after `a Tavrenian diplomat who ...`: the words of the
    /// nearest earlier indefinite mention with the same head that carries
    /// every modifier of the definite one.
    fn introduced_description(&self, mention: &[usize]) -> Option<String> {
        let (&first, rest) = mention.split_first()?;
        if self.words[first].lower != "the" {
            return None;
        }
        // Up to the first comma or relative pronoun: `The official, who ...`.
        let mut core = Vec::new();
        let mut prev = first;
        for &wi in rest {
            let w = &self.words[wi];
            if matches!(w.lower.as_str(), "who" | "which" | "whose")
                || !gap(self.text, &self.words[prev], w).trim().is_empty()
                || w.possessive
            {
                break;
            }
            core.push(wi);
            prev = wi;
        }
        let (&head, modifiers) = core.split_last()?;
        let head_word = &self.words[head];
        if !PERSON_NOUNS_SET.contains(head_word.lower.as_str())
            || modifiers.iter().any(|&m| self.words[m].is_capitalised())
        {
            return None;
        }
        for h in (0..first).rev() {
            if self.words[h].lower != head_word.lower {
                continue;
            }
            // Back to an introducing article over plain words.
            let mut a = h;
            let mut article = None;
            while a > 0 && h - a < 6 {
                let p = a - 1;
                if !gap(self.text, &self.words[p], &self.words[a])
                    .trim()
                    .is_empty()
                    || self.words[p].possessive
                {
                    break;
                }
                if INTRODUCING.contains(&self.words[p].lower.as_str()) {
                    article = Some(p);
                    break;
                }
                if matches!(
                    self.words[p].lower.as_str(),
                    "the"
                        | "and"
                        | "of"
                        | "by"
                        | "from"
                        | "in"
                        | "at"
                        | "to"
                        | "for"
                        | "with"
                        | "on"
                        | "about"
                        | "into"
                        | "than"
                        | "as"
                ) || self.words[p].lower.ends_with("ed")
                {
                    break;
                }
                a = p;
            }
            let Some(article) = article else { continue };
            let words = &self.words[article + 1..=h];
            let carries_modifiers = modifiers
                .iter()
                .all(|&m| words.iter().any(|w| w.lower == self.words[m].lower));
            if words.len() > 1 && carries_modifiers {
                return Some(self.run_text(article + 1, h + 1));
            }
            return None;
        }
        None
    }
}
