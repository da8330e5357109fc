//! What the analysis knows about the world before reading: countries (from
//! the `keshvar` crate plus curated names, demonyms and seats of power),
//! international bodies, official titles, news outlets, and the user's own
//! actors (`--actors FILE`).

use crate::text::{words, Word};
use crate::ConfigError;
use backchannel_core::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

/// What kind of name a known alias is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    /// The side's own name or a short form (`Russia`, `U.S.`).
    Name,
    /// A demonym (`Russian`, `American`).
    Demonym,
    /// A seat of power standing for the side (`the Kremlin`, `Downing Street`).
    Metonym,
    /// An international body (`EU`, `NATO`).
    Body,
    /// A news outlet: it reports, it is not a side.
    Outlet,
    /// A person or organisation from the user's actors file.
    Actor,
}

/// One known alias.
#[derive(Debug, Clone)]
pub struct AliasEntry {
    /// The side it stands for; `None` for outlets and side-less actors.
    pub side: Option<String>,
    pub kind: AliasKind,
    /// The canonical name (the actor's or side's full name).
    pub name: String,
    pub official: bool,
    pub former: bool,
    /// Found in the corpus rather than known: trusted in a document only
    /// where the text there does not make it a person's name or a word.
    pub discovered: bool,
}

/// A match of a known alias in a text.
#[derive(Debug, Clone)]
pub struct AliasMatch {
    pub span: Span,
    /// Index of the first matched word in the word list.
    pub word: usize,
    pub len: usize,
    pub entry: AliasEntry,
}

/// Built-in and user knowledge of actors, sides, titles and outlets.
#[derive(Debug, Clone)]
pub struct Knowledge {
    /// Lowercased alias words joined by [`KEY_SEP`] → surface words and
    /// entry (user entries replace built-in ones). One string key lets a
    /// probe reuse a buffer instead of allocating a word list.
    aliases: HashMap<String, (Vec<String>, AliasEntry)>,
    /// Lowercased first word of an alias → most words of an alias starting
    /// with it, so most positions are skipped after one probe.
    first_words: HashMap<String, usize>,
    max_alias_words: usize,
    /// Official titles, lowercase, as word lists.
    titles: Vec<Vec<String>>,
    /// Lowercased first word → indices into `titles`, longest title first.
    titles_by_first: HashMap<String, Vec<usize>>,
    /// Every known side name, for normalising demonyms found in the text.
    side_names: Vec<String>,
    /// The same names, for constant-time membership tests.
    side_name_set: HashSet<String>,
    /// Side → the blocs it belongs to (`European Union` → `the West`):
    /// a bloc's public line is also its members' public line.
    blocs_of: HashMap<String, Vec<String>>,
    /// Bloc → its members, the other way round.
    members_of: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct BuiltinFile {
    #[serde(default)]
    country: Vec<SideEntry>,
    #[serde(default)]
    body: Vec<SideEntry>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    outlets: Vec<String>,
}

#[derive(Deserialize)]
struct SideEntry {
    #[serde(default)]
    code: Option<String>,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    metonyms: Vec<String>,
    #[serde(default)]
    members: Vec<String>,
}

/// The `--actors FILE` format (see the crate docs).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsFile {
    #[serde(default)]
    actor: Vec<ActorEntry>,
    #[serde(default)]
    side: Vec<UserSide>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    side: Option<String>,
    #[serde(default)]
    official: bool,
    #[serde(default)]
    former: bool,
    #[serde(default)]
    outlet: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserSide {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    metonyms: Vec<String>,
    /// Sides this one speaks for as a bloc (`the West`: the EU, ...).
    #[serde(default)]
    members: Vec<String>,
}

const BUILTIN: &str = include_str!("../data/knowledge.toml");

impl Default for Knowledge {
    fn default() -> Self {
        Knowledge::builtin()
    }
}

impl Knowledge {
    /// Knowledge with nothing in it (for tests of text-only inference).
    pub fn empty() -> Self {
        Knowledge {
            aliases: HashMap::default(),
            first_words: HashMap::default(),
            max_alias_words: 0,
            titles: Vec::new(),
            titles_by_first: HashMap::default(),
            side_names: Vec::new(),
            side_name_set: HashSet::default(),
            blocs_of: HashMap::default(),
            members_of: HashMap::default(),
        }
    }

    /// All countries, bodies, titles and outlets the crate ships with.
    pub fn builtin() -> Self {
        let mut k = Knowledge::empty();
        // The shipped data is part of the crate and covered by tests; a
        // parse failure would be a build defect, so fall back to empty data.
        let data: BuiltinFile = toml::from_str(BUILTIN).unwrap_or_else(|_| BuiltinFile {
            country: Vec::new(),
            body: Vec::new(),
            titles: Vec::new(),
            outlets: Vec::new(),
        });
        let mut curated: HashMap<String, &SideEntry> = HashMap::default();
        for c in &data.country {
            if let Some(code) = &c.code {
                curated.insert(code.to_uppercase(), c);
            }
        }
        // Curated countries first: earlier entries win, and keshvar gives
        // some demonyms to several territories (`American` to the Northern
        // Mariana Islands as well as the United States).
        let mut countries: Vec<keshvar::Country> = keshvar::CountryIterator::new().collect();
        countries.sort_by_key(|c| !curated.contains_key(&c.alpha2().to_string()));
        let mut nationality_count: HashMap<String, usize> = HashMap::default();
        for c in &countries {
            if let Some(d) = c.maybe_nationality() {
                *nationality_count.entry(d.to_string()).or_default() += 1;
            }
        }
        for country in countries {
            let code = country.alpha2().to_string();
            let cur = curated.get(&code);
            let name = match cur {
                Some(c) => c.name.clone(),
                None => common_name(country.iso_short_name(), country.unofficial_name_list()),
            };
            let mut names: Vec<String> = vec![name.clone(), country.iso_short_name().to_string()];
            names.extend(
                country
                    .unofficial_name_list()
                    .iter()
                    .filter(|n| n.is_ascii() && !n.contains(',') && !n.contains('('))
                    .map(|n| n.to_string()),
            );
            // A nationality shared by several territories names none of them
            // unless it is this one's own (`Samoan` for Samoa, not American Samoa).
            let mut demonyms: Vec<String> = country
                .maybe_nationality()
                .filter(|d| {
                    cur.is_some()
                        || nationality_count.get(*d).copied().unwrap_or(0) < 2
                        || name
                            .chars()
                            .zip(d.chars())
                            .take_while(|(a, b)| a == b)
                            .count()
                            >= 4
                })
                .map(|d| vec![d.to_string()])
                .unwrap_or_default();
            let mut metonyms = Vec::new();
            if let Some(c) = cur {
                names.extend(c.aliases.iter().cloned());
                demonyms.extend(c.demonyms.iter().cloned());
                metonyms.extend(c.metonyms.iter().cloned());
            }
            for n in names {
                k.add_builtin(&n, AliasKind::Name, &name);
            }
            for d in demonyms {
                k.add_builtin(&d, AliasKind::Demonym, &name);
            }
            for m in metonyms {
                k.add_builtin(&m, AliasKind::Metonym, &name);
            }
            k.push_side_name(&name);
        }
        for b in &data.body {
            k.add_builtin(&b.name, AliasKind::Body, &b.name);
            for a in &b.aliases {
                k.add_builtin(a, AliasKind::Body, &b.name);
            }
            for d in &b.demonyms {
                k.add_builtin(d, AliasKind::Demonym, &b.name);
            }
            k.push_side_name(&b.name);
            for m in &b.members {
                k.add_member(&b.name, m);
            }
        }
        for o in &data.outlets {
            k.add(
                o,
                AliasEntry {
                    side: None,
                    kind: AliasKind::Outlet,
                    name: o.clone(),
                    official: false,
                    former: false,
                    discovered: false,
                },
            );
        }
        k.titles = data
            .titles
            .iter()
            .map(|t| {
                words(t)
                    .into_iter()
                    .map(|w| w.lower.to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|t| !t.is_empty())
            .collect();
        k.titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        for (ti, t) in k.titles.iter().enumerate() {
            if let Some(first) = t.first() {
                k.titles_by_first.entry(first.clone()).or_default().push(ti);
            }
        }
        k
    }

    fn add_builtin(&mut self, alias: &str, kind: AliasKind, side: &str) {
        let key = alias_key(alias);
        // Curated and earlier entries win over later generic ones.
        if key.is_empty() || self.aliases.contains_key(&key) {
            return;
        }
        self.add(
            alias,
            AliasEntry {
                side: Some(side.to_string()),
                kind,
                name: side.to_string(),
                official: false,
                former: false,
                discovered: false,
            },
        );
    }

    fn add(&mut self, alias: &str, entry: AliasEntry) {
        let ws = words(alias);
        if ws.is_empty() {
            return;
        }
        let key = join_key(ws.iter().map(|w| w.lower.as_str()));
        let surface: Vec<String> = ws.iter().map(|w| w.text.to_string()).collect();
        self.max_alias_words = self.max_alias_words.max(ws.len());
        if let Some(first) = ws.first() {
            let longest = self.first_words.entry(first.lower.to_string()).or_insert(0);
            *longest = (*longest).max(ws.len());
        }
        self.aliases.insert(key, (surface, entry));
    }

    /// Adds the actors and sides of an `--actors` TOML text; they take
    /// precedence over built-in knowledge.
    pub fn add_actors_toml(&mut self, text: &str) -> Result<(), ConfigError> {
        let file: ActorsFile =
            toml::from_str(text).map_err(|e| ConfigError::Parse(e.to_string()))?;
        for s in file.side {
            if s.name.trim().is_empty() {
                return Err(ConfigError::Invalid("a [[side]] has an empty name".into()));
            }
            let mk = |kind| AliasEntry {
                side: Some(s.name.clone()),
                kind,
                name: s.name.clone(),
                official: false,
                former: false,
                discovered: false,
            };
            self.add(&s.name, mk(AliasKind::Name));
            for a in &s.aliases {
                self.add(a, mk(AliasKind::Name));
            }
            for d in &s.demonyms {
                self.add(d, mk(AliasKind::Demonym));
            }
            for m in &s.metonyms {
                self.add(m, mk(AliasKind::Metonym));
            }
            self.push_side_name(&s.name);
            for m in &s.members {
                self.add_member(&s.name, m);
            }
        }
        for a in file.actor {
            if a.name.trim().is_empty() {
                return Err(ConfigError::Invalid(
                    "an [[actor]] has an empty name".into(),
                ));
            }
            let entry = AliasEntry {
                side: if a.outlet { None } else { a.side.clone() },
                kind: if a.outlet {
                    AliasKind::Outlet
                } else {
                    AliasKind::Actor
                },
                name: a.name.clone(),
                official: a.official,
                former: a.former,
                discovered: false,
            };
            self.add(&a.name, entry.clone());
            for al in &a.aliases {
                self.add(al, entry.clone());
            }
        }
        Ok(())
    }

    /// Adds a side found in the corpus (not overriding known entries).
    pub fn add_discovered(&mut self, side: &crate::DiscoveredSide) {
        let kind = if side.organisation {
            AliasKind::Body
        } else {
            AliasKind::Name
        };
        self.add_side_alias(&side.name, kind, &side.demonyms);
    }

    fn add_side_alias(&mut self, name: &str, kind: AliasKind, demonyms: &[String]) {
        if self.lookup(name).is_none() {
            self.add(
                name,
                AliasEntry {
                    side: Some(name.to_string()),
                    kind,
                    name: name.to_string(),
                    official: false,
                    former: false,
                    discovered: true,
                },
            );
        }
        for d in demonyms {
            if self.lookup(d).is_none() {
                self.add(
                    d,
                    AliasEntry {
                        side: Some(name.to_string()),
                        kind: AliasKind::Demonym,
                        name: name.to_string(),
                        official: false,
                        former: false,
                        discovered: true,
                    },
                );
            }
        }
        self.push_side_name(name);
    }

    fn push_side_name(&mut self, name: &str) {
        if self.side_name_set.insert(name.to_string()) {
            self.side_names.push(name.to_string());
        }
    }

    /// Records that `member` belongs to `bloc` (a side is never its own bloc).
    fn add_member(&mut self, bloc: &str, member: &str) {
        let member = member.trim();
        if member.is_empty() || member == bloc {
            return;
        }
        let blocs = self.blocs_of.entry(member.to_string()).or_default();
        if !blocs.iter().any(|b| b == bloc) {
            blocs.push(bloc.to_string());
            self.members_of
                .entry(bloc.to_string())
                .or_default()
                .push(member.to_string());
        }
    }

    /// The members of `bloc` (empty for a side that is no bloc).
    pub fn members_of(&self, bloc: &str) -> &[String] {
        self.members_of.get(bloc).map_or(&[], Vec::as_slice)
    }

    /// The blocs `side` belongs to, whose public line is also its own.
    pub fn blocs_of(&self, side: &str) -> &[String] {
        self.blocs_of.get(side).map_or(&[], Vec::as_slice)
    }

    /// Whether `name` is a known side name.
    pub fn is_side_name(&self, name: &str) -> bool {
        self.side_name_set.contains(name)
    }

    /// Known side names (countries, bodies, user sides).
    pub fn side_names(&self) -> &[String] {
        &self.side_names
    }

    /// The entry for an exact alias (case-insensitive), if known.
    pub fn lookup(&self, alias: &str) -> Option<&AliasEntry> {
        self.aliases.get(&alias_key(alias)).map(|(_, e)| e)
    }

    /// Known aliases in `ws`, longest match first, not overlapping.
    pub fn find_aliases(&self, ws: &[Word]) -> Vec<AliasMatch> {
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < ws.len() {
            let longest = self
                .first_words
                .get(ws[i].lower.as_str())
                .copied()
                .unwrap_or(0);
            let max = longest.min(self.max_alias_words).min(ws.len() - i);
            let mut found = None;
            for n in (1..=max).rev() {
                // A possessive can only end a name.
                if ws[i..i + n - 1].iter().any(|w| w.possessive) {
                    continue;
                }
                key.clear();
                for (k, w) in ws[i..i + n].iter().enumerate() {
                    if k > 0 {
                        key.push(KEY_SEP);
                    }
                    key.push_str(&w.lower);
                }
                if let Some((surface, entry)) = self.aliases.get(key.as_str()) {
                    if case_fits(surface, &ws[i..i + n])
                        && !self.starts_longer_name(surface, entry, ws.get(i + n))
                    {
                        found = Some((n, entry));
                        break;
                    }
                }
            }
            match found {
                Some((n, entry)) => {
                    out.push(AliasMatch {
                        span: ws[i].span.cover(ws[i + n - 1].span),
                        word: i,
                        len: n,
                        entry: entry.clone(),
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// `the West Bank`, `Western Union`: a bloc's alias (`the West`) or
    /// demonym (`Western`) followed by a capitalised word is the start of
    /// another name, not the bloc. Countries keep their plain reading
    /// (`U.S. President`).
    fn starts_longer_name(
        &self,
        surface: &[String],
        entry: &AliasEntry,
        next: Option<&Word>,
    ) -> bool {
        let bloc_word = surface.first().is_some_and(|w| w == "the")
            || (entry.kind == AliasKind::Demonym
                && entry
                    .side
                    .as_deref()
                    .and_then(|side| self.lookup(side))
                    .is_some_and(|e| e.kind == AliasKind::Body));
        bloc_word
            && next.is_some_and(|w| {
                w.is_capitalised() && !self.first_words.contains_key(w.lower.as_str())
            })
    }

    /// The longest official title starting at word `i`, as its word count.
    pub fn title_at(&self, ws: &[Word], i: usize) -> Option<usize> {
        let candidates = self.titles_by_first.get(ws.get(i)?.lower.as_str())?;
        candidates.iter().find_map(|&ti| {
            let t = self.titles.get(ti)?;
            let n = t.len();
            (i + n <= ws.len() && ws[i..i + n].iter().zip(t).all(|(w, tw)| w.lower == *tw))
                .then_some(n)
        })
    }

    /// Whether some official title starts with the lowercase word `w`
    /// (`president`, `foreign` of `foreign minister`).
    pub fn starts_title(&self, w: &str) -> bool {
        self.titles_by_first.contains_key(w)
    }

    /// Whether any title appears in `ws`.
    pub fn has_title(&self, ws: &[Word]) -> bool {
        (0..ws.len()).any(|i| self.title_at(ws, i).is_some())
    }
}

/// Joins the lowercase words of an alias key; words never hold it.
const KEY_SEP: char = '\u{1f}';

fn join_key<'w>(lower: impl Iterator<Item = &'w str>) -> String {
    let mut key = String::new();
    for (k, w) in lower.enumerate() {
        if k > 0 {
            key.push(KEY_SEP);
        }
        key.push_str(w);
    }
    key
}

/// Lowercase word key of an alias.
fn alias_key(alias: &str) -> String {
    join_key(words(alias).iter().map(|w| w.lower.as_str()))
}

/// Short all-caps aliases (`US`, `WHO`) must match exactly; capitalised
/// alias words must be capitalised in the text; lowercase ones may be either.
fn case_fits(surface: &[String], ws: &[Word]) -> bool {
    surface.iter().zip(ws).all(|(s, w)| {
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
        if all_caps {
            w.text == *s
        } else if s.chars().next().is_some_and(char::is_uppercase) {
            w.is_capitalised()
        } else {
            true
        }
    })
}

/// The plain English name among a country's ISO and unofficial names.
fn common_name(iso: &str, unofficial: &[&str]) -> String {
    let clean =
        |n: &str| n.is_ascii() && !n.contains(',') && !n.contains('(') && !n.contains(" of ");
    if clean(iso) {
        return iso.to_string();
    }
    unofficial
        .iter()
        .filter(|n| clean(n))
        .filter(|n| n.chars().any(|c| c.is_lowercase()))
        .min_by_key(|n| n.len())
        .map_or_else(|| iso.to_string(), |n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides_in(k: &Knowledge, t: &str) -> Vec<(String, AliasKind)> {
        k.find_aliases(&words(t))
            .into_iter()
            .map(|m| {
                (
                    m.entry
                        .side
                        .clone()
                        .unwrap_or_else(|| format!("outlet:{}", m.entry.name)),
                    m.entry.kind,
                )
            })
            .collect()
    }

    #[test]
    fn builtin_knows_countries_demonyms_metonyms_bodies_outlets() {
        let k = Knowledge::builtin();
        let got = sides_in(
            &k,
            "The Kremlin and Washington met; a U.S. envoy, Russian diplomats, the EU and France. The Moscow Times said, as did Reuters and us.",
        );
        let expect = [
            ("Russia", AliasKind::Metonym),
            ("United States", AliasKind::Metonym),
            ("United States", AliasKind::Name),
            ("Russia", AliasKind::Demonym),
            ("European Union", AliasKind::Body),
            ("France", AliasKind::Name),
            ("outlet:The Moscow Times", AliasKind::Outlet),
            ("outlet:Reuters", AliasKind::Outlet),
        ];
        let expect: Vec<(String, AliasKind)> =
            expect.iter().map(|(s, k)| (s.to_string(), *k)).collect();
        assert_eq!(got, expect);
        assert!(k.side_names().len() > 240, "{} sides", k.side_names().len());
        assert_eq!(
            k.lookup("Brazilian")
                .and_then(|e| e.side.clone())
                .as_deref(),
            Some("Brazil")
        );
        // Party names fold to one side whatever form the story uses.
        for form in ["GOP", "Republicans", "Republican"] {
            assert_eq!(
                k.lookup(form).and_then(|e| e.side.clone()).as_deref(),
                Some("Republican Party"),
                "{form}"
            );
        }
        assert_eq!(
            k.lookup("Democrats")
                .and_then(|e| e.side.clone())
                .as_deref(),
            Some("Democratic Party")
        );
        // keshvar-only countries get a plain name and their nationality.
        assert_eq!(
            k.lookup("Peru").and_then(|e| e.side.clone()).as_deref(),
            Some("Peru")
        );
        assert_eq!(
            k.lookup("Peruvian").and_then(|e| e.side.clone()).as_deref(),
            Some("Peru")
        );
    }

    #[test]
    fn bloc_members_are_known_sides() {
        let k = Knowledge::builtin();
        assert_eq!(k.blocs_of("European Union"), ["the West".to_string()]);
        assert!(k.blocs_of("Russia").is_empty());
        let data: BuiltinFile = toml::from_str(BUILTIN).unwrap_or_else(|e| panic!("{e}"));
        for b in &data.body {
            for m in &b.members {
                assert!(k.is_side_name(m), "{m}, a member of {}, is no side", b.name);
            }
        }
    }

    #[test]
    fn actors_file_adds_and_overrides() {
        let mut k = Knowledge::builtin();
        k.add_actors_toml(
            r#"
[[actor]]
name = "Anya Petrova"
aliases = ["Petrova"]
side = "Drevania"
official = true

[[actor]]
name = "The Velgrad Courier"
outlet = true

[[side]]
name = "Drevania"
demonyms = ["Drevanian"]
metonyms = ["Amber Palace"]

[[side]]
name = "Coastal League"
members = ["Drevania", "Kessalia"]
"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k.blocs_of("Drevania"), ["Coastal League".to_string()]);
        assert_eq!(k.blocs_of("Coastal League"), [] as [String; 0]);
        assert_eq!(k.members_of("Coastal League"), ["Drevania", "Kessalia"]);
        let p = k
            .lookup("Petrova")
            .cloned()
            .unwrap_or_else(|| panic!("no Petrova"));
        assert_eq!(p.side.as_deref(), Some("Drevania"));
        assert!(p.official && !p.former);
        assert_eq!(sides_in(&k, "the Amber Palace said")[0].0, "Drevania");
        assert_eq!(
            k.lookup("The Velgrad Courier").map(|e| e.kind),
            Some(AliasKind::Outlet)
        );
        assert!(k.add_actors_toml("[[actor]]\nnme = \"x\"").is_err());
        assert!(k.add_actors_toml("[[actor]]\nname = \"\"").is_err());
    }
}

#[cfg(test)]
mod data_tests {
    #[test]
    fn shipped_data_parses_with_titles_and_outlets() {
        let data: super::BuiltinFile =
            toml::from_str(super::BUILTIN).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            data.titles.len() > 20
                && data.outlets.len() > 20
                && data.country.len() > 40
                && data.body.len() > 10
        );
    }
}
