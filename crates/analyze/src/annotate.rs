//! Per-document annotation: speaker profile, side, channel and evidence.

use crate::knowledge::{AliasKind, AliasMatch, Knowledge};
use crate::text::{self, find_phrase, Layout, PhraseSet, Word};
use crate::Config;
use backchannel_core::{
    AnalyzedStatement, Channel, Document, Evidence, Span, SpeakerProfile, Statement,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

mod names;

/// Nouns that make an unnamed mention a person (`a senior official`).
static INSTITUTION_NOUNS_SET: text::WordSet = text::WordSet::new(INSTITUTION_NOUNS);
static PERSON_NOUNS_SET: text::WordSet = text::WordSet::new(PERSON_NOUNS);
static ORG_HEADS_SET: text::WordSet = text::WordSet::new(ORG_HEADS);
static OUTLET_HEADS_SET: text::WordSet = text::WordSet::new(OUTLET_HEADS);
static DOCUMENT_NOUNS_SET: text::WordSet = text::WordSet::new(DOCUMENT_NOUNS);

const PERSON_NOUNS: &[&str] = &[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "person",
    "people",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "insider",
    "insiders",
    "negotiator",
    "negotiators",
    "figure",
    "figures",
    "member",
    "members",
    "envoy",
    "envoys",
    "officer",
    "officers",
    "participant",
    "participants",
    "delegate",
    "delegates",
    "staffer",
    "staffers",
    "lawmaker",
    "lawmakers",
    "minister",
    "ministers",
    "someone",
    "individual",
    "individuals",
    "confidant",
    "confidants",
    "veteran",
    "veterans",
    "strategist",
    "operative",
];

/// Nouns that, after a possessive or demonym, make it a side (`Drevania's ministry`).
const INSTITUTION_NOUNS: &[&str] = &[
    "government",
    "ministry",
    "side",
    "delegation",
    "embassy",
    "army",
    "military",
    "parliament",
    "cabinet",
    "administration",
    "authorities",
    "leadership",
    "presidency",
    "negotiators",
    "negotiator",
    "diplomats",
    "diplomat",
    "officials",
    "official",
    "envoy",
    "forces",
    "foreign",
    "defence",
    "defense",
    "president",
    "prime",
    "leader",
    "leaders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "interior",
    "security",
    "negotiating",
    "team",
    "camp",
    "regime",
    "navy",
    "mission",
    "minister",
    "ministers",
    "chancellor",
    "premier",
    "senior",
    "top",
    "former",
    "state",
    "intelligence",
    "counterpart",
    "counterparts",
    "position",
    "line",
    "demands",
    "ambassador",
    "junta",
    "council",
    "representative",
    "representatives",
    "sources",
    "source",
];

/// Determiners and modifiers that may sit in a name's descriptor window.
const DESCRIPTOR_WORDS: &[&str] = &[
    "the", "a", "an", "of", "former", "senior", "deputy", "acting", "top", "chief", "ex", "then",
    "current", "longtime", "veteran", "outgoing", "incoming", "its", "for", "and",
];

/// Words that end a name's descriptor window (verbs, prepositions).
const WINDOW_STOPS: &[&str] = &[
    "said", "says", "told", "tells", "that", "and", "but", "when", "while", "after", "before",
    "with", "by", "on", "at", "in", "to", "from", "as", "was", "is", "has", "had", "have", "were",
    "are", "will", "would", "if", "than", "because", "who", "which", "where", "against", "about",
    "added", "insisted", "denied", "met", "called", "between", "over", "under", "not",
];

/// Heads of organisation names (`Sarn Basin Commission`, `Labour Front`).
const ORG_HEADS: &[&str] = &[
    "Commission",
    "Council",
    "Fund",
    "Union",
    "Alliance",
    "Front",
    "Party",
    "Bank",
    "Concord",
    "Committee",
    "Organisation",
    "Organization",
    "Authority",
    "Court",
    "Assembly",
    "Movement",
    "League",
    "Coalition",
    "Federation",
    "Congress",
    "Secretariat",
    "Institute",
    "Forum",
    "Pact",
    "Community",
    "Bloc",
    "Board",
    "Group",
];

/// Relative-clause verbs that tie a person to an organisation (`who chairs the X`).
const LEADS_VERBS: &[&str] = &[
    "chairs",
    "heads",
    "leads",
    "runs",
    "directs",
    "represents",
    "chaired",
    "headed",
    "led",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "him", "her", "them", "you",
];

const OUTLET_HEADS: &[&str] = &[
    "Times",
    "Post",
    "Journal",
    "News",
    "Herald",
    "Tribune",
    "Gazette",
    "Courier",
    "Telegraph",
    "Observer",
    "Chronicle",
    "Monitor",
    "Dispatch",
    "Bulletin",
    "Radio",
    "TV",
    "Television",
    "Agency",
    "Review",
    "Express",
    "Daily",
    "Wire",
    "Press",
    "Ledger",
    "Guardian",
    "Globe",
    "Inquirer",
    "Examiner",
    "Sentinel",
];

const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "newspapers",
    "daily",
    "broadcaster",
    "magazine",
    "tabloid",
    "outlet",
    "paper",
    "weekly",
    "network",
    "channel's",
];

const REPORT_VERBS: &[&str] = &[
    "reports",
    "reported",
    "explained",
    "revealed",
    "says",
    "said",
    "wrote",
    "writes",
    "claims",
    "claimed",
    "reporting",
    "learned",
    "has",
    "had",
];

struct Cue {
    rule: &'static str,
    phrase: &'static str,
}

const fn cue(rule: &'static str, phrase: &'static str) -> Cue {
    Cue { rule, phrase }
}

const PRIVATE_CUES: &[Cue] = &[
    cue("anonymous-source", "on condition of anonymity"),
    cue("anonymous-source", "condition of anonymity"),
    cue("anonymous-source", "not authorized to speak"),
    cue("anonymous-source", "not authorised to speak"),
    cue("anonymous-source", "declined to be named"),
    cue("anonymous-source", "asked not to be named"),
    cue("anonymous-source", "requested anonymity"),
    cue("anonymous-source", "speaking anonymously"),
    cue("anonymous-source", "on background"),
    cue("anonymous-source", "familiar with"),
    cue("anonymous-source", "briefed on"),
    cue("anonymous-source", "close to the talks"),
    cue("anonymous-source", "sources"),
    cue("anonymous-source", "insiders"),
    cue("closed-meeting", "behind closed doors"),
    cue("closed-meeting", "closed door*"),
    cue("closed-meeting", "private meeting*"),
    cue("closed-meeting", "private talks"),
    cue("closed-meeting", "private conversation*"),
    cue("closed-meeting", "private remarks"),
    cue("closed-meeting", "in private"),
    cue("closed-meeting", "privately"),
    cue("closed-meeting", "secret talks"),
    cue("closed-meeting", "secret meeting*"),
    cue("closed-meeting", "secret"),
    cue("closed-meeting", "back channel*"),
    cue("closed-meeting", "backchannel*"),
    cue("closed-meeting", "unofficial meeting*"),
    cue("closed-meeting", "unofficial talks"),
    cue("closed-meeting", "unofficially"),
    cue("closed-meeting", "off the record"),
    cue("closed-meeting", "confidential*"),
    cue("closed-meeting", "behind the scenes"),
    cue("closed-meeting", "involved in the talks"),
    cue("leak", "leaked"),
    cue("leak", "leak"),
    cue("leak", "leaks"),
    cue("leak", "cable"),
    cue("leak", "cables"),
    cue("leak", "memo"),
    cue("leak", "internal document*"),
    cue("leak", "readout obtained"),
    cue("leak", "obtained by"),
    cue("leak", "seen by"),
    cue("leak", "reviewed by"),
    cue("leak", "transcript obtained"),
    cue("second-hand", "told colleagues"),
    cue("second-hand", "told associates"),
    cue("second-hand", "told allies"),
    cue("second-hand", "told aides"),
    cue("second-hand", "told confidants"),
    cue("second-hand", "as reported by"),
    cue("second-hand", "reportedly"),
];

const PUBLIC_CUES: &[Cue] = &[
    cue("press", "press conference"),
    cue("press", "news conference"),
    cue("press", "briefing"),
    cue("press", "told reporters"),
    cue("press", "told journalists"),
    cue("press", "told the press"),
    cue("press", "press release"),
    cue("statement", "said in a statement"),
    cue("statement", "in a written statement"),
    cue("statement", "issued a statement"),
    cue("statement", "statement released"),
    cue("statement", "public statement*"),
    cue("statement", "communique"),
    cue("statement", "declaration"),
    cue("statement", "announced"),
    cue("statement", "on the record"),
    cue("statement", "publicly"),
    cue("statement", "in public"),
    cue("interview", "in an interview"),
    cue("interview", "told state media"),
    cue("interview", "state television"),
    cue("interview", "televised"),
    cue("interview", "on television"),
    cue("parliament", "told parliament"),
    cue("parliament", "told lawmakers"),
    cue("parliament", "in parliament"),
    cue("parliament", "testified"),
    cue("speech", "speech"),
    cue("speech", "addressed"),
    cue("speech", "address to"),
    cue("post", "tweet*"),
    cue("post", "posted"),
    cue("post", "wrote on"),
    cue("post", "on social media"),
];

/// What a document says about a person: their side and role.
#[derive(Debug, Clone, Default)]
struct PersonInfo {
    side: Option<String>,
    official: bool,
    former: bool,
    anonymous: bool,
    /// The side is only the document's home country, a guess.
    home_guess: bool,
}

/// A side cue found in the text: known alias or one inferred from the text.
#[derive(Debug, Clone)]
struct SideCue {
    word: usize,
    side: String,
    kind: AliasKind,
    /// Inferred from a demonym-like form not yet normalised.
    raw_demonym: bool,
}

/// Whole-document scan shared by all statements of the document.
struct DocScan<'a> {
    text: &'a str,
    words: Vec<Word>,
    layout: Layout,
    aliases: Vec<AliasMatch>,
    /// Word index → alias match index.
    alias_at: HashMap<usize, usize>,
    cues: Vec<SideCue>,
    outlets: Vec<Span>,
    persons: HashMap<String, PersonInfo>,
    /// Would-be sides the text shows to be people's surnames (`Trump` of
    /// `the Trump administration` beside `Donald Trump`): votes against
    /// them as sides in corpus discovery.
    person_cue_names: Vec<String>,
    /// Word ranges of full personal names (two or more name words).
    full_names: Vec<(usize, usize)>,
    /// Full names the document shows to be people: introduced with a side
    /// or title, or speaking.
    known_people: HashSet<String>,
    /// Organisations introduced in the text (`Sarn Basin Commission`).
    orgs: Vec<String>,
    /// The country the document is mostly about.
    home: Option<String>,
    /// The home country as the outlet's own (`Halvorian Broadcast
    /// Service`): a firmer guess than counting mentions.
    home_from_outlet: Option<String>,
    /// Capitalised words that look like names of places/sides in this document.
    names_seen: HashSet<String>,
    quotes: Vec<Span>,
    /// Every statement's source mention, with the name the extractor
    /// resolved it to.
    speaker_names: Vec<(Span, String)>,
}

/// The text between two words, without a possessive ending of the first.
fn gap<'t>(text: &'t str, a: &Word, b: &Word) -> &'t str {
    let g = text.get(a.span.end..b.span.start).unwrap_or("");
    if a.possessive {
        for p in ["'s", "’s", "'", "’"] {
            if let Some(rest) = g.strip_prefix(p) {
                return rest;
            }
        }
    }
    g
}

/// Institution nouns whose `of X` names a portfolio (`Ministry of Health`,
/// `Secretary of State`), not a side.
const PORTFOLIO_HOLDERS: &[&str] = &[
    "ministry",
    "minister",
    "ministers",
    "department",
    "secretary",
    "office",
    "council",
    "committee",
    "intelligence",
    "security",
    "defence",
    "defense",
    "interior",
    "foreign",
];

/// Words that name a kind of polity or body, never one on their own.
const GENERIC_SIDE_WORDS: &[&str] = &[
    // Continents and regions: `African American` or `European users` name
    // no party to a story.
    "africa",
    // Compass points: `the West` is a built-in bloc, `West Wing` and
    // `West Bank` are no sides.
    "west",
    "east",
    "north",
    "south",
    "europe",
    "asia",
    "america",
    "americas",
    "oceania",
    "eurasia",
    "arctic",
    "antarctica",
    "caribbean",
    "balkans",
    "scandinavia",
    "republic",
    "kingdom",
    "state",
    "states",
    "union",
    "federation",
    "empire",
    "government",
    "people",
    "nation",
    "nations",
    "country",
    "city",
    "province",
    "county",
    "district",
    "region",
];

/// Whether `name`, which the text seems to introduce as a side (or the
/// corpus discovered elsewhere), is one in this text: not a function word,
/// title or generic noun, not a common noun (also written lowercase here:
/// `Children`), and not often part of a person's name (`President Trump`,
/// `John McCain`, `Sen. Cruz`), which a possessive (`Trump's administration`)
/// makes look like a side. `is_side_word(i)` tells words already known as
/// sides, which do not make a neighbour a name.
fn plausible_side_name(
    text: &str,
    words: &[Word],
    k: &Knowledge,
    name: &str,
    is_side_word: impl Fn(usize) -> bool,
) -> bool {
    let lower = name.to_lowercase();
    if text::is_stopword(&lower)
        || k.starts_title(&lower)
        || GENERIC_SIDE_WORDS.contains(&lower.as_str())
    {
        return false;
    }
    let mut mentions = 0usize;
    let mut in_person = 0usize;
    for (i, w) in words.iter().enumerate() {
        if w.lower != lower {
            continue;
        }
        if w.text == w.lower {
            return false;
        }
        if w.text != name {
            continue;
        }
        mentions += 1;
        let joined = |a: &Word, b: &Word| gap(text, a, b) == " ";
        let before = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .filter(|p| joined(p, w) && p.is_capitalised() && !p.possessive);
        // `Mr. Trump`, `Sen. Cruz`.
        let honorific = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|p| {
                p.is_capitalised()
                    && p.text.chars().count() <= 4
                    && text.get(p.span.end..w.span.start) == Some(". ")
                    && (text::is_stopword(&p.lower) || k.starts_title(&p.lower))
            });
        let person_before = honorific
            || before.is_some_and(|p| {
                k.starts_title(&p.lower) || (!text::is_stopword(&p.lower) && !is_side_word(i - 1))
            });
        let next = words.get(i + 1);
        // `Sen. Cruz`: an abbreviated title.
        let abbreviation = next.is_some_and(|n| {
            n.is_capitalised() && text.get(w.span.end..n.span.start) == Some(". ")
        }) && name.chars().count() <= 4;
        // `John F. Kennedy`, `George W. Bush`: a middle initial.
        let initial =
            next.is_some_and(|n| joined(w, n) && n.text.chars().count() == 1 && n.is_capitalised());
        // `Trump tweeted that he`: a side is `it`, a person `he` or `she`.
        let personal_pronoun = !w.possessive
            && words
                .get(i + 1..(i + 7).min(words.len()))
                .is_some_and(|ws| {
                    ws.iter().any(|n| {
                        matches!(
                            n.lower.as_str(),
                            "he" | "she" | "his" | "him" | "himself" | "herself"
                        )
                    })
                });
        let person_after = !w.possessive
            && next.is_some_and(|n| {
                joined(w, n)
                    && n.is_capitalised()
                    && n.text.chars().any(char::is_lowercase)
                    && !k.starts_title(&n.lower)
                    && !INSTITUTION_NOUNS_SET.contains(n.lower.as_str())
                    && !ORG_HEADS_SET.contains(n.text.as_str())
                    && !is_side_word(i + 1)
                    && !text::is_stopword(&n.lower)
            });
        if person_before || person_after || abbreviation || initial || personal_pronoun {
            in_person += 1;
        }
    }
    mentions == 0 || in_person * 3 < mentions
}

fn demonym_like(w: &str) -> bool {
    ["ian", "ean", "ese", "ish", "an", "i"]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

fn lcp(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count()
}

/// Maps a demonym (`Drevanian`) to a name among `names` (`Drevania`).
pub(crate) fn demonym_to_name<'n>(
    d: &str,
    names: impl Iterator<Item = &'n String>,
) -> Option<String> {
    // `European`, `African`: regions, not parties.
    const REGION_DEMONYMS: &[&str] = &[
        "european",
        "african",
        "asian",
        "arctic",
        "caribbean",
        "balkan",
        "scandinavian",
        "eurasian",
        "oceanian",
        "antarctic",
    ];
    if REGION_DEMONYMS.contains(&d.to_lowercase().as_str()) {
        return None;
    }
    let dl = d.chars().count();
    names
        // `Republican` is no demonym of a `Republic`: a generic word names
        // no side.
        .filter(|n| {
            n.as_str() != d
                && !n.contains(' ')
                && !GENERIC_SIDE_WORDS.contains(&n.to_lowercase().as_str())
        })
        .filter(|n| {
            let nl = n.chars().count();
            let p = lcp(d, n);
            nl >= 4 && p >= 4 && p + 2 >= nl && dl > p && nl <= dl + 1
        })
        .max_by_key(|n| lcp(d, n))
        .cloned()
}

impl<'a> DocScan<'a> {
    fn new(doc: &'a Document, k: &Knowledge) -> Self {
        let text = doc.text.as_str();
        let words = text::words(text);
        let layout = Layout::new(text);
        let mut outlets = Vec::new();
        // Outlets by shape (`The Velgrad Herald`) and the document's own outlet.
        let mut i = 0;
        while i < words.len() {
            if words[i].is_capitalised() {
                let mut j = i;
                while j + 1 < words.len()
                    && words[j + 1].is_capitalised()
                    && gap(text, &words[j], &words[j + 1]).trim().is_empty()
                {
                    j += 1;
                }
                if j > i && OUTLET_HEADS_SET.contains(words[j].text.as_str()) {
                    outlets.push(words[i].span.cover(words[j].span));
                }
                i = j + 1;
            } else {
                i += 1;
            }
        }
        if let Some(o) = doc.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
            let ow: Vec<String> = text::words(o)
                .into_iter()
                .map(|w| w.lower.to_string())
                .collect();
            let refs: Vec<&str> = ow.iter().map(String::as_str).collect();
            outlets.extend(find_phrase(&words, &refs));
        }
        let mut aliases: Vec<AliasMatch> = k
            .find_aliases(&words)
            .into_iter()
            .filter(|m| {
                !outlets.iter().any(|o| o.overlaps(m.span)) || m.entry.kind == AliasKind::Outlet
            })
            .collect();
        for m in &aliases {
            if m.entry.kind == AliasKind::Outlet {
                outlets.push(m.span);
            }
        }
        aliases.retain(|m| m.entry.kind != AliasKind::Outlet);
        // A side another story introduced may be a person's name or a plain
        // word here (`Susan` of `Susan Collins`).
        let alias_words: HashSet<usize> = aliases
            .iter()
            .filter(|m| !m.entry.discovered)
            .flat_map(|m| m.word..m.word + m.len)
            .collect();
        let mut plausible: HashMap<String, bool> = HashMap::default();
        aliases.retain(|m| {
            if !m.entry.discovered || m.len != 1 {
                return true;
            }
            let surface = words[m.word].text.to_string();
            *plausible.entry(surface.clone()).or_insert_with(|| {
                plausible_side_name(text, &words, k, &surface, |i| alias_words.contains(&i))
            })
        });
        let mut alias_at = HashMap::default();
        for (ai, m) in aliases.iter().enumerate() {
            for w in m.word..m.word + m.len {
                alias_at.insert(w, ai);
            }
        }
        let quotes = text::quotes_in(text, Span::new(0, text.len()));
        let mut scan = DocScan {
            text,
            words,
            layout,
            aliases,
            alias_at,
            cues: Vec::new(),
            outlets,
            persons: HashMap::default(),
            full_names: Vec::new(),
            person_cue_names: Vec::new(),
            known_people: HashSet::default(),
            orgs: Vec::new(),
            home: None,
            home_from_outlet: None,
            names_seen: HashSet::default(),
            quotes,
            speaker_names: Vec::new(),
        };
        scan.find_side_cues(k);
        scan.find_persons(k);
        scan.drop_person_possessives();
        scan.home_from_outlet = scan.outlet_country(doc.outlet.as_deref());
        scan.home = scan.home_from_outlet.clone().or_else(|| scan.home_side(k));
        scan
    }

    /// Indices of the words inside `span`.
    fn words_within(&self, span: Span) -> Vec<usize> {
        let first = self.words.partition_point(|w| w.span.start < span.start);
        (first..self.words.len())
            .take_while(|&i| self.words[i].span.end <= span.end)
            .collect()
    }

    /// Where a speaker mention really starts when the extracted one is only
    /// the object of `familiar with` / `close to` / `briefed on`: `a
    /// Drevanian official familiar with the talks` was cut to `the talks`.
    /// The index of the first word of the whole phrase (`first` when the
    /// mention has no such lead).
    fn described_source_start(&self, first: usize) -> usize {
        let plain = |a: usize, b: usize| {
            gap(self.text, &self.words[a], &self.words[b])
                .chars()
                .all(char::is_whitespace)
        };
        if first < 3
            || !matches!(
                self.words[first - 1].lower.as_str(),
                "with" | "to" | "on" | "about"
            )
            || !matches!(
                self.words[first - 2].lower.as_str(),
                "familiar" | "close" | "briefed" | "knowledgeable" | "acquainted"
            )
            || !plain(first - 2, first - 1)
            || !plain(first - 1, first)
        {
            return first;
        }
        // Back over the noun phrase before the adjective, to its
        // determiner, at most six words, never over punctuation or a verb.
        let mut start = first - 2;
        for _ in 0..6 {
            let Some(prev) = start.checked_sub(1) else {
                break;
            };
            let w = &self.words[prev];
            if !plain(prev, start)
                || REPORT_VERBS.contains(&w.lower.as_str())
                || matches!(
                    w.lower.as_str(),
                    "and"
                        | "but"
                        | "or"
                        | "that"
                        | "to"
                        | "as"
                        | "while"
                        | "because"
                        | "said"
                        | "says"
                        | "told"
                        | "of"
                        | "by"
                        | "for"
                        | "with"
                        | "from"
                        | "in"
                        | "on"
                )
            {
                break;
            }
            start = prev;
            if matches!(
                w.lower.as_str(),
                "a" | "an" | "the" | "some" | "two" | "three" | "several" | "many"
            ) || self.sentence_start(prev)
            {
                break;
            }
        }
        if start + 2 == first {
            first
        } else {
            start
        }
    }

    /// `Belmark, for its part, has been consistent. Its president ...`: the
    /// proper noun opening the sentence before a sentence-initial `its`, when
    /// it is no person: the owner of what `its` names. A single word the text
    /// also capitalises mid-sentence, so `Officials` or `However` are not.
    fn owner_of_sentence_initial_its(&self, pos: usize) -> Option<String> {
        let i = self.words.partition_point(|w| w.span.start < pos);
        if !self.sentence_start(i) {
            return None;
        }
        let si = self.layout.sentence_at(pos)?;
        let (prev, para) = *self.layout.sentences.get(si.checked_sub(1)?)?;
        if self.layout.sentences.get(si)?.1 != para {
            return None;
        }
        let f = self.words.partition_point(|w| w.span.start < prev.start);
        let w = self.words.get(f)?;
        let next = self.words.get(f + 1)?;
        let single = !gap(self.text, w, next).trim().is_empty() || !next.is_capitalised();
        if !w.is_capitalised()
            || !single
            || w.possessive
            || w.text.chars().count() < 3
            || !w.text.chars().all(char::is_alphabetic)
            || text::is_stopword(&w.lower)
            || PERSON_NOUNS_SET.contains(w.lower.as_str())
            || self.full_names.iter().any(|&(s, e)| (s..e).contains(&f))
            || self.in_outlet(w)
        {
            return None;
        }
        if let Some(c) = self.cue_at(f) {
            return Some(c.side.clone());
        }
        let proper = self
            .words
            .iter()
            .enumerate()
            .any(|(j, o)| j != f && o.text == w.text && !self.sentence_start(j));
        proper.then(|| w.text.to_string())
    }

    /// The side named last before byte `pos` in its sentence in a subject's
    /// place (opening the sentence or a clause), not an object's: in
    /// `Marovia has asked Delsk to ..., even as its energy minister ...`,
    /// `its` is Marovia's.
    fn subject_side_before(&self, pos: usize) -> Option<String> {
        let si = self.layout.sentence_at(pos)?;
        let sent = self.layout.sentences.get(si)?.0;
        let first = self.words.partition_point(|w| w.span.start < sent.start);
        self.cues
            .iter()
            .rev()
            .filter(|c| {
                let w = &self.words[c.word];
                w.span.end <= pos && w.span.start >= sent.start && c.kind != AliasKind::Body
            })
            .find(|c| {
                let w = &self.words[c.word];
                if c.word == first || self.quotes.iter().any(|q| q.contains(w.span)) {
                    return c.word == first;
                }
                let prev = &self.words[c.word - 1];
                gap(self.text, prev, w).contains(',')
                    || matches!(
                        prev.lower.as_str(),
                        "and"
                            | "but"
                            | "if"
                            | "while"
                            | "as"
                            | "that"
                            | "because"
                            | "when"
                            | "although"
                            | "though"
                            | "whereas"
                            | "since"
                            | "after"
                            | "before"
                            | "until"
                    )
            })
            .map(|c| c.side.clone())
    }

    /// The country-like side named last before byte `pos` in its paragraph
    /// or the one before.
    fn side_before(&self, pos: usize) -> Option<String> {
        let para = self.layout.paragraphs.partition_point(|p| p.end <= pos);
        let from = self
            .layout
            .paragraphs
            .get(para.saturating_sub(1))
            .map_or(0, |p| p.start);
        self.cues
            .iter()
            .rev()
            .filter(|c| {
                let w = &self.words[c.word];
                w.span.end <= pos && w.span.start >= from && c.kind != AliasKind::Body
            })
            .map(|c| c.side.clone())
            .next()
    }

    /// The side of a leaked document: the side named just before an earlier
    /// (or this) mention of the same kind of document (`the Melorian memo`).
    fn document_side(&self, pos: usize) -> Option<String> {
        let upto = self.words.partition_point(|w| w.span.start <= pos);
        for i in 0..upto.min(self.words.len()) {
            if DOCUMENT_NOUNS_SET.contains(self.words[i].lower.as_str()) {
                if let Some(c) = (i.saturating_sub(4)..i).rev().find_map(|j| self.cue_at(j)) {
                    return Some(c.side.clone());
                }
            }
        }
        None
    }

    /// The country the document is mostly about: the side named most often
    /// among known countries and sides with a demonym in the text.
    /// The country of a domestic outlet (`Halvorian Broadcast Service`),
    /// which covers its own country.
    fn outlet_country(&self, outlet: Option<&str>) -> Option<String> {
        for w in text::words(outlet.unwrap_or("")) {
            if w.text.chars().count() < 4 {
                continue;
            }
            let found = self
                .cues
                .iter()
                .filter(|c| matches!(c.kind, AliasKind::Name | AliasKind::Demonym))
                .find(|c| {
                    let p = lcp(&w.text, &c.side);
                    c.side == w.text
                        || (p >= 4 && p + 2 >= w.text.chars().count().min(c.side.chars().count()))
                });
            if let Some(c) = found {
                return Some(c.side.clone());
            }
        }
        None
    }

    /// The country the document is mostly about, by its mentions.
    /// Sides the document names by a demonym: places, even ones the
    /// knowledge lacks. A bloc's demonym (`Western`) names no country.
    fn sides_with_demonym(&self, k: &Knowledge) -> HashSet<&str> {
        self.cues
            .iter()
            .filter(|c| {
                c.kind == AliasKind::Demonym
                    && k.lookup(&c.side).is_none_or(|e| e.kind != AliasKind::Body)
            })
            .map(|c| c.side.as_str())
            .collect()
    }

    fn home_side(&self, k: &Knowledge) -> Option<String> {
        let with_demonym = self.sides_with_demonym(k);
        // Mentions count once each; the side the story names first gets a
        // lead bonus (news leads with the actor the story is about).
        let mut counts: HashMap<&str, f64> = HashMap::default();
        let mut first = true;
        for c in &self.cues {
            let known_country = k.lookup(&c.side).is_some_and(|e| e.kind == AliasKind::Name);
            if c.kind != AliasKind::Body
                && (known_country || with_demonym.contains(c.side.as_str()))
            {
                *counts.entry(c.side.as_str()).or_insert(0.0) += if first { 2.5 } else { 1.0 };
                first = false;
            }
        }
        let mut ranked: Vec<(&str, f64)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        match ranked.as_slice() {
            [] => None,
            [(s, _)] => Some(s.to_string()),
            [(s, a), (_, b), ..] => (*a > *b).then(|| s.to_string()),
        }
    }

    /// `Castell's aides` is a person's, not a side's: drop such cues, and
    /// demonym-like words that start a sentence and matched no name.
    fn drop_person_possessives(&mut self) {
        let words = &self.words;
        let starts: Vec<bool> = (0..words.len()).map(|i| self.sentence_start(i)).collect();
        // Surnames: people the text introduces, and the last word of a
        // first-name + surname pair (`Vladimir Putin`).
        let mut surnames: HashSet<String> = self
            .persons
            .keys()
            .filter(|k| !k.contains(' '))
            .cloned()
            .collect();
        for i in 1..words.len() {
            let (a, b) = (&words[i - 1], &words[i]);
            let pair = a.is_capitalised()
                && b.is_capitalised()
                && a.lower != "the"
                && !a.possessive
                && !starts[i - 1]
                && self.cue_at(i - 1).is_none()
                && !self.alias_at.contains_key(&(i - 1))
                && gap(self.text, a, b).chars().all(|ch| ch == ' ');
            if pair
                && a.text.chars().any(char::is_lowercase)
                && b.text.chars().any(char::is_lowercase)
            {
                surnames.insert(b.text.to_string());
            }
        }
        // `Halloran` of `the Halloran administration` looks like a demonym
        // (`-an`) but is a surname too.
        let person_sides: HashSet<String> = self
            .cues
            .iter()
            .filter(|c| {
                // A side another story found (`Trump` of `Trump's team`) is
                // a person here only where the text introduces them.
                let alias = self.alias_at.get(&c.word);
                matches!(c.kind, AliasKind::Name | AliasKind::Demonym)
                    && surnames.contains(&c.side)
                    && match alias {
                        None => true,
                        Some(&ai) => {
                            self.aliases[ai].entry.discovered && self.persons.contains_key(&c.side)
                        }
                    }
            })
            .map(|c| c.side.clone())
            .collect();
        let mut dropped: Vec<String> = person_sides.iter().cloned().collect();
        dropped.sort();
        self.person_cue_names = dropped;
        // The person's own side, where the text gives one, stands in.
        let persons = &self.persons;
        self.cues.retain_mut(|c| {
            let person = matches!(c.kind, AliasKind::Name | AliasKind::Demonym)
                && person_sides.contains(&c.side);
            if person {
                if let Some(side) = persons.get(&c.side).and_then(|p| p.side.clone()) {
                    if side != c.side {
                        c.side = side;
                        c.kind = AliasKind::Name;
                        c.raw_demonym = false;
                        return true;
                    }
                }
            }
            let stray_demonym = c.raw_demonym && starts.get(c.word).copied().unwrap_or(false);
            !person && !stray_demonym
        });
        // Whom a person's name described as a side (`Horvath's spokesman,
        // Ivo Mank`) takes that person's side, or none.
        let own: HashMap<String, Option<String>> = person_sides
            .iter()
            .map(|p| (p.clone(), self.persons.get(p).and_then(|i| i.side.clone())))
            .collect();
        for info in self.persons.values_mut() {
            if let Some(side) = info.side.as_ref().and_then(|s| own.get(s)) {
                info.side = side.clone();
            }
        }
    }

    /// The side of the first person or side named in the sentence before
    /// byte `pos` (the subject whose words anonymous sources report).
    fn reported_subject_side(&self, k: &Knowledge, pos: usize) -> Option<String> {
        let si = self.layout.sentence_at(pos)?;
        let sent = self.layout.sentences.get(si)?.0;
        let from = self.words.partition_point(|w| w.span.start < sent.start);
        let to = self.words.partition_point(|w| w.span.start < pos);
        let mut i = from;
        while i < to {
            if let Some(end) = self.name_run(k, i) {
                let full = self.words[i..end]
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(side) = self.persons.get(&full).and_then(|p| p.side.clone()) {
                    return Some(side);
                }
                i = end;
                continue;
            }
            if let Some(c) = self.cue_at(i) {
                // A side the quote names is what is said, not who says it.
                if !self.quotes.iter().any(|q| q.contains(self.words[i].span)) {
                    return Some(c.side.clone());
                }
            }
            i += 1;
        }
        None
    }

    /// The side opening a statement's content as its subject (after an
    /// optional `that`), outside quotes: `Marovia was ready to sign`.
    fn content_subject_side(&self, content: Span) -> Option<String> {
        let mut i = self.words.partition_point(|w| w.span.start < content.start);
        if self.words.get(i).is_some_and(|w| w.lower == "that") {
            i += 1;
        }
        let w = self.words.get(i).filter(|w| content.contains(w.span))?;
        if self.quotes.iter().any(|q| q.contains(w.span)) {
            return None;
        }
        self.cue_at(i)
            .filter(|c| c.kind != AliasKind::Body || !w.possessive)
            .map(|c| c.side.clone())
    }

    /// The side of an unnamed role (`former diplomat`) as the text last
    /// introduced it with a side before `pos` (`a former Corvanian diplomat`).
    fn role_side(&self, key: &str, pos: usize) -> Option<String> {
        let noun = key.rsplit(' ').next().unwrap_or(key);
        let mut best: Option<(bool, String)> = None;
        for c in self.cues.iter().filter(|c| c.kind != AliasKind::Body) {
            if self.words[c.word].span.start >= pos {
                break;
            }
            let end = (c.word + 4).min(self.words.len());
            // The noun in the same phrase: no punctuation or quote between.
            let Some(n) = (c.word + 1..end)
                .take_while(|&j| {
                    gap(self.text, &self.words[j - 1], &self.words[j])
                        .trim()
                        .is_empty()
                })
                .find(|&j| ANON_NOUNS.contains(&self.words[j].lower.as_str()))
            else {
                continue;
            };
            let from = c.word.saturating_sub(3);
            let window: Vec<Word> = self.words[from..=n]
                .iter()
                .filter(|w| !w.is_capitalised())
                .cloned()
                .collect();
            let Some(k) = core_key(&window) else { continue };
            if k == key {
                best = Some((true, c.side.clone()));
            } else if text::stem(&self.words[n].lower) == noun
                && !best.as_ref().is_some_and(|b| b.0)
            {
                best = Some((false, c.side.clone()));
            }
        }
        best.map(|(_, s)| s)
    }

    fn in_outlet(&self, w: &Word) -> bool {
        self.outlets.iter().any(|o| o.contains(w.span))
    }

    fn sentence_start(&self, wi: usize) -> bool {
        let Some(w) = self.words.get(wi) else {
            return false;
        };
        match self.layout.sentence_at(w.span.start) {
            Some(si) => {
                self.layout.sentences[si].0.start == w.span.start
                    || self
                        .text
                        .get(self.layout.sentences[si].0.start..w.span.start)
                        .is_some_and(|g| !g.chars().any(char::is_alphanumeric))
            }
            None => false,
        }
    }

    /// Whether word `wi` is part of an official title (`State` of
    /// `Secretary of State` too).
    fn is_title_word(&self, k: &Knowledge, wi: usize) -> bool {
        (wi.saturating_sub(3)..=wi).any(|s| k.title_at(&self.words, s).is_some_and(|n| s + n > wi))
    }

    /// Side cues: known aliases plus possessives, demonyms and
    /// `X government` forms of names the knowledge does not have.
    fn find_side_cues(&mut self, k: &Knowledge) {
        for m in &self.aliases {
            if let Some(side) = &m.entry.side {
                self.cues.push(SideCue {
                    word: m.word,
                    side: side.clone(),
                    kind: m.entry.kind,
                    raw_demonym: false,
                });
            }
        }
        let ws = &self.words;
        let text = self.text;
        let inst_at = |j: usize| {
            ws.get(j).is_some_and(|n| {
                INSTITUTION_NOUNS_SET.contains(n.lower.as_str())
                    || PERSON_NOUNS_SET.contains(n.lower.as_str())
                    || k.title_at(ws, j).is_some()
            })
        };
        for i in 0..ws.len() {
            let w = &ws[i];
            if !w.is_capitalised() || self.alias_at.contains_key(&i) || self.in_outlet(w) {
                continue;
            }
            if w.text.chars().count() < 3 || !w.text.chars().all(|c| c.is_alphabetic()) {
                continue;
            }
            // `the President's` is a title, not a side named `President`.
            if k.starts_title(&w.lower) || PERSON_NOUNS_SET.contains(w.lower.as_str()) {
                continue;
            }
            let next = ws.get(i + 1);
            let joined =
                |j: usize| j < ws.len() && j > 0 && gap(text, &ws[j - 1], &ws[j]).trim().is_empty();
            let next_inst = joined(i + 1)
                && next.is_some_and(|n| {
                    INSTITUTION_NOUNS_SET.contains(n.lower.as_str())
                        || k.title_at(ws, i + 1).is_some()
                });
            let prev_the = i > 0 && ws[i - 1].lower == "the" && joined(i);
            // A demonym may sit up to three words before its noun (`Melorian Water Minister`).
            let near_inst = (i + 1..(i + 4).min(ws.len()))
                .take_while(|&j| joined(j))
                .any(inst_at);
            if w.possessive && (next_inst || near_inst) {
                self.names_seen.insert(w.text.to_string());
                self.cues.push(SideCue {
                    word: i,
                    side: w.text.to_string(),
                    kind: AliasKind::Name,
                    raw_demonym: false,
                });
            } else if demonym_like(&w.text)
                && !w.possessive
                && (near_inst || prev_the && next.is_some_and(|n| n.lower == "side"))
            {
                self.cues.push(SideCue {
                    word: i,
                    side: w.text.to_string(),
                    kind: AliasKind::Demonym,
                    raw_demonym: true,
                });
            } else if (!w.possessive
                && joined(i + 1)
                && next.is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "government" | "ministry" | "delegation" | "embassy" | "side"
                    )
                })
                && !self.sentence_start(i))
                || (prev_the && w.possessive)
            {
                self.names_seen.insert(w.text.to_string());
                self.cues.push(SideCue {
                    word: i,
                    side: w.text.to_string(),
                    kind: AliasKind::Name,
                    raw_demonym: false,
                });
            } else if !demonym_like(&w.text) {
                // Candidate names that demonyms normalise to.
                self.names_seen.insert(w.text.to_string());
            }
        }
        // `government of Drevania`.
        for i in 2..ws.len() {
            if ws[i - 1].lower == "of"
                && INSTITUTION_NOUNS_SET.contains(ws[i - 2].lower.as_str())
                && !PORTFOLIO_HOLDERS.contains(&ws[i - 2].lower.as_str())
                && ws[i].is_capitalised()
                && !self.alias_at.contains_key(&i)
                && !self.in_outlet(&ws[i])
            {
                self.names_seen.insert(ws[i].text.to_string());
                self.cues.push(SideCue {
                    word: i,
                    side: ws[i].text.to_string(),
                    kind: AliasKind::Name,
                    raw_demonym: false,
                });
            }
        }
        // Organisations: capitalised runs ending in an organisation head.
        let mut i = 0;
        while i < ws.len() {
            if !ws[i].is_capitalised() || self.alias_at.contains_key(&i) || self.in_outlet(&ws[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < ws.len()
                && !ws[j].possessive
                && ws[j + 1].is_capitalised()
                && gap(text, &ws[j], &ws[j + 1]).trim().is_empty()
                && !self.alias_at.contains_key(&(j + 1))
            {
                j += 1;
            }
            // `If Congress`, `The Sarn Basin Commission`: a sentence-initial
            // function word is not part of the name.
            let mut start = i;
            if start < j
                && (matches!(ws[start].lower.as_str(), "the" | "a" | "an")
                    || (text::is_stopword(&ws[start].lower) && self.sentence_start(start)))
            {
                start += 1;
            }
            if j > start && ORG_HEADS_SET.contains(ws[j].text.as_str()) {
                let name = ws[start..=j]
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                self.orgs.push(name.clone());
                self.cues.retain(|c| c.word < start || c.word > j);
                for wi in start..=j {
                    self.cues.push(SideCue {
                        word: wi,
                        side: name.clone(),
                        kind: AliasKind::Body,
                        raw_demonym: false,
                    });
                }
            }
            i = j + 1;
        }
        // `the commission's chair` names the one `Sarn Basin Commission` of
        // the story.
        let orgs = self.orgs.clone();
        let mut bodies: Vec<String> = self
            .cues
            .iter()
            .filter(|c| c.kind == AliasKind::Body && c.side.contains(' '))
            .map(|c| c.side.clone())
            .chain(orgs.iter().cloned())
            .collect();
        bodies.sort();
        bodies.dedup();
        let taken: HashSet<usize> = self.cues.iter().map(|c| c.word).collect();
        for i in 1..ws.len() {
            if taken.contains(&i) || ws[i - 1].lower != "the" || ws[i].is_capitalised() {
                continue;
            }
            let mut same_head = bodies.iter().filter(|o| {
                o.rsplit(' ')
                    .next()
                    .is_some_and(|h| h.eq_ignore_ascii_case(&ws[i].lower))
            });
            if let (Some(o), None) = (same_head.next(), same_head.next()) {
                self.cues.push(SideCue {
                    word: i,
                    side: o.clone(),
                    kind: AliasKind::Body,
                    raw_demonym: false,
                });
            }
        }
        // `The Concord's spokesman` names the `Northern Concord` met earlier.
        for c in &mut self.cues {
            if c.kind == AliasKind::Name && !c.side.contains(' ') {
                let suffix = format!(" {}", c.side);
                if let Some(o) = orgs.iter().find(|o| o.ends_with(&suffix)) {
                    c.side = o.clone();
                    c.kind = AliasKind::Body;
                }
            }
        }
        // Normalise demonyms to names seen in this document or known,
        // so `Belmark` is a side where `a Belmarkian official` is.
        let mut names: Vec<String> = self.names_seen.iter().cloned().collect();
        names.sort();
        for c in &mut self.cues {
            if c.raw_demonym {
                if let Some(n) = demonym_to_name(&c.side, names.iter()) {
                    c.side = n;
                    c.raw_demonym = false;
                }
            }
        }
        // Every plain mention of a side established above is a cue too.
        let established: HashSet<String> = self
            .cues
            .iter()
            .filter(|c| {
                // Only for places the knowledge lacks: known ones have
                // their aliases already.
                let normalised_demonym = c.kind == AliasKind::Demonym
                    && !self.alias_at.contains_key(&c.word)
                    && k.lookup(&c.side).is_none();
                (c.kind == AliasKind::Name || normalised_demonym)
                    && !c.raw_demonym
                    && !c.side.contains(' ')
            })
            .map(|c| c.side.clone())
            .collect();
        let taken: HashSet<usize> = self.cues.iter().map(|c| c.word).collect();
        for (i, w) in ws.iter().enumerate() {
            if !taken.contains(&i)
                && established.contains(w.text.as_str())
                && !self.alias_at.contains_key(&i)
                && !self.in_outlet(w)
            {
                self.cues.push(SideCue {
                    word: i,
                    side: w.text.to_string(),
                    kind: AliasKind::Name,
                    raw_demonym: false,
                });
            }
        }
        self.cues.sort_by_key(|c| c.word);
        self.cues.dedup_by_key(|c| c.word);
    }

    fn plausible_side_name(&self, k: &Knowledge, name: &str) -> bool {
        plausible_side_name(self.text, &self.words, k, name, |i| {
            self.alias_at.contains_key(&i)
        })
    }

    fn cue_at(&self, wi: usize) -> Option<&SideCue> {
        let i = self.cues.partition_point(|c| c.word < wi);
        self.cues.get(i).filter(|c| c.word == wi)
    }

    /// Words of a proper-name run starting at `i` (capitalised, not a side
    /// cue, title or outlet), as an end index.
    fn name_run(&self, k: &Knowledge, i: usize) -> Option<usize> {
        let is_name_word = |j: usize| {
            let w = &self.words[j];
            let initial = w.text.len() == 1 && j + 1 < self.words.len() && {
                let g = gap(self.text, w, &self.words[j + 1]);
                g.starts_with('.') && g[1..].trim().is_empty()
            };
            w.is_capitalised()
                && (w.text.chars().any(char::is_lowercase) || initial)
                && self.cue_at(j).is_none()
                && !self.alias_at.contains_key(&j)
                && !self.in_outlet(w)
                && !self.is_title_word(k, j)
                && !text::is_stopword(&w.lower)
        };
        // A one-word side another story found may be this person's surname
        // (`Castell` of `Ruben Castell`).
        let discovered_surname = |j: usize| {
            let w = &self.words[j];
            w.text.chars().any(char::is_lowercase)
                && self.alias_at.get(&j).is_some_and(|&ai| {
                    let m = &self.aliases[ai];
                    m.entry.discovered && m.len == 1 && m.entry.kind == AliasKind::Name
                })
        };
        // A side this text alone made of a name (`Horvath` of `Horvath's
        // spokesman`) goes on being a surname (`Lena Horvath`).
        let found_surname = |j: usize| {
            let w = &self.words[j];
            w.is_capitalised()
                && w.text.chars().any(char::is_lowercase)
                && !self.alias_at.contains_key(&j)
                && self
                    .cue_at(j)
                    .is_some_and(|c| c.kind == AliasKind::Name && c.side == w.text.as_str())
        };
        if i >= self.words.len() || !is_name_word(i) {
            return None;
        }
        // `Ousting Orvel ...`: a gerund opening a sentence is no first name
        // (the name starts at the next word).
        if self.words[i].lower.ends_with("ing")
            && self.words[i].lower.len() > 5
            && i + 1 < self.words.len()
            && is_name_word(i + 1)
            && self.sentence_start(i)
        {
            return None;
        }
        let mut j = i;
        while j + 1 < self.words.len()
            && !self.words[j].possessive
            && (is_name_word(j + 1) || discovered_surname(j + 1) || found_surname(j + 1))
            && {
                let g = gap(self.text, &self.words[j], &self.words[j + 1]);
                let g = if self.words[j].text.len() == 1 {
                    g.strip_prefix('.').unwrap_or(g)
                } else {
                    g
                };
                g.trim().is_empty()
            }
        {
            j += 1;
        }
        // An initial never ends a name (`Vance J.` ends the sentence).
        if j > i && self.words[j].text.len() == 1 {
            j -= 1;
        }
        Some(j + 1)
    }

    /// Side and role of a descriptor window of words `range`.
    fn describe(&self, k: &Knowledge, range: std::ops::Range<usize>) -> PersonInfo {
        let mut info = PersonInfo::default();
        for j in range {
            if let Some(c) = self.cue_at(j) {
                if info.side.is_none() {
                    info.side = Some(c.side.clone());
                }
            }
            if self.is_title_word(k, j) {
                info.official = true;
            }
            let l = self.words[j].lower.as_str();
            if l == "former" || l == "ex" {
                info.former = true;
            }
        }
        info
    }

    fn descriptor_ok(&self, k: &Knowledge, j: usize) -> bool {
        let l = self.words[j].lower.as_str();
        self.cue_at(j).is_some()
            || self.is_title_word(k, j)
            || DESCRIPTOR_WORDS.contains(&l)
            || self.alias_at.contains_key(&j)
            || !WINDOW_STOPS.contains(&l)
                && !l.ends_with("ed")
                && l.chars().all(char::is_alphabetic)
    }

    /// People introduced with a side and title, by apposition or prefix:
    /// `Drevanian Foreign Minister Ilse Kostany`, `Kostany, Drevania's foreign minister,`.
    fn find_persons(&mut self, k: &Knowledge) {
        let mut i = 0;
        let mut found = Vec::new();
        while i < self.words.len() {
            let Some(end) = self.name_run(k, i) else {
                i += 1;
                continue;
            };
            if self.is_person_run(i, end) {
                self.full_names.push((i, end));
            }
            // Left window: descriptors directly before the name.
            let mut l = i;
            while l > 0 && i - l < 7 && self.descriptor_ok(k, l - 1) {
                let g = gap(self.text, &self.words[l - 1], &self.words[l]);
                if !(g.trim().is_empty() || (l == i && g.trim() == ",")) {
                    break;
                }
                l -= 1;
            }
            let mut info = self.describe(k, l..i);
            // Right window: `, descriptor descriptor ,`.
            if info.side.is_none()
                && end < self.words.len()
                && gap(self.text, &self.words[end - 1], &self.words[end]).trim() == ","
            {
                let mut r = end;
                while r < self.words.len() && r - end < 8 && self.descriptor_ok(k, r) {
                    if r > end
                        && !gap(self.text, &self.words[r - 1], &self.words[r])
                            .trim()
                            .is_empty()
                    {
                        break;
                    }
                    r += 1;
                }
                let right = self.describe(k, end..r);
                if right.side.is_some() || right.official {
                    info = right;
                }
                // `Kaldera, who chairs the Sarn Basin Commission,`
                let leads = self
                    .words
                    .get(end + 1)
                    .is_some_and(|w| LEADS_VERBS.contains(&w.lower.as_str()));
                if info.side.is_none() && self.words[end].lower == "who" && leads {
                    if let Some(c) =
                        (end + 2..(end + 5).min(self.words.len())).find_map(|j| self.cue_at(j))
                    {
                        info.side = Some(c.side.clone());
                        info.official = true;
                    }
                }
            }
            if info.side.is_some() || info.official {
                let full: Vec<&str> = self.words[i..end].iter().map(|w| w.text.as_str()).collect();
                found.push((full.join(" "), self.words[end - 1].text.to_string(), info));
            }
            i = end;
        }
        for (full, last, info) in found {
            self.persons.entry(last).or_insert_with(|| info.clone());
            self.persons.insert(full, info);
        }
    }

    /// Spans of the text between `span`'s words that are not quoted and not
    /// inside `skip`.
    fn unquoted_words(&self, span: Span, skip: Span) -> Vec<Word> {
        let first = self.words.partition_point(|w| w.span.start < span.start);
        self.words[first..]
            .iter()
            .take_while(|w| w.span.end <= span.end)
            .filter(|w| !skip.overlaps(w.span) && !self.quotes.iter().any(|q| q.contains(w.span)))
            .cloned()
            .collect()
    }
}

/// Resolved speaker of one statement.
struct Resolved {
    profile: SpeakerProfile,
    side: Option<String>,
    outlet: bool,
    institution: bool,
    spokesperson: bool,
    /// The speaker is a stated line (`the official line`, `the
    /// government's position`): on the record by definition.
    stated_line: bool,
    side_evidence: Option<Evidence>,
}

fn core_key(ws: &[Word]) -> Option<String> {
    let mut parts = Vec::new();
    for w in ws {
        if matches!(
            w.lower.as_str(),
            "the" | "a" | "an" | "one" | "this" | "that" | "these" | "those"
        ) || w.is_capitalised()
            && parts.is_empty()
            && !PERSON_NOUNS_SET.contains(w.lower.as_str())
            && w.lower != "former"
            && w.lower != "senior"
        {
            continue;
        }
        if w.is_capitalised() {
            continue;
        }
        parts.push(text::stem(&w.lower));
        if PERSON_NOUNS_SET.contains(w.lower.as_str()) {
            return Some(parts.join(" "));
        }
    }
    None
}

fn resolve_speaker(
    scan: &DocScan,
    k: &Knowledge,
    st: &Statement,
    memory: &mut Memory,
) -> Option<Resolved> {
    let sp = st.speaker.as_ref()?;
    let surface = sp
        .span
        .slice_checked(scan.text)
        .unwrap_or(&sp.name)
        .to_string();
    let mut np = scan.words_within(sp.span);
    // The whole described source names the speaker (`a Drevanian official
    // familiar with the talks`, not `the talks`).
    let mut described: Option<String> = None;
    if let Some(&first) = np.first() {
        let start = scan.described_source_start(first);
        if start < first {
            described = scan
                .text
                .get(scan.words[start].span.start..sp.span.end)
                .and_then(|t| t.split(',').next())
                .map(|t| t.trim().to_string());
            np.splice(0..0, start..first);
        }
    }
    // Words of the antecedent mention, when the extractor resolved one.
    let mut ante = sp
        .antecedent
        .map(|a| scan.words_within(a))
        .unwrap_or_default();
    let pronoun_np = np.len() == 1 && PRONOUNS.contains(&scan.words[np[0]].lower.as_str());
    let gendered = pronoun_np
        .then(|| match scan.words[np[0]].lower.as_str() {
            "she" => Some(true),
            "he" => Some(false),
            _ => None,
        })
        .flatten();
    if pronoun_np && scan.words[np[0]].lower == "it" {
        // `It recommends ...` after `... the cable says.`, when that document
        // is nearer than the extractor's antecedent.
        if let Some((s, e)) = scan.document_before(sp.span.start) {
            if ante.last().is_none_or(|&a| a < s) {
                ante = (s..e).collect();
            }
        }
    }
    if let Some(female) = gendered {
        // A person named since the extractor's antecedent is nearer.
        let compatible = |name: &str| memory.female.get(name).is_none_or(|&f| f == female);
        if let Some((s, e)) = scan.subject_person_before(sp.span.start, compatible) {
            if ante.last().is_none_or(|&a| a < s) {
                ante = (s..e).collect();
            }
        }
    }
    // The extractor's name, or the words of the antecedent found here.
    let reresolved = !ante.is_empty()
        && sp
            .antecedent
            .is_none_or(|a| !a.contains(scan.words[ante[0]].span));
    let extracted_name: String = match (reresolved, ante.first(), ante.last()) {
        (true, Some(&a), Some(&b)) => {
            let span = scan.words[a].span.cover(scan.words[b].span);
            // A mention that is itself a speaker goes by the name it was
            // resolved to (`It` → `The cable, dated ...,` → the cable the
            // story introduced).
            scan.speaker_names
                .iter()
                .find(|(s, _)| s.contains(span))
                .map(|(_, n)| n.clone())
                .or_else(|| span.slice_checked(scan.text).map(str::to_string))
                .unwrap_or_else(|| sp.name.clone())
        }
        _ => sp.name.clone(),
    };
    let mention: Vec<usize> = if pronoun_np && !ante.is_empty() {
        ante.clone()
    } else {
        np.clone()
    };
    // The head of the mention: up to a comma or a relative pronoun.
    let mut head: Vec<usize> = Vec::new();
    for (n, &wi) in mention.iter().enumerate() {
        let w = &scan.words[wi];
        if n > 0
            && (matches!(w.lower.as_str(), "who" | "which" | "whose")
                || gap(scan.text, &scan.words[mention[n - 1]], w).contains(','))
        {
            break;
        }
        head.push(wi);
    }
    let name_words = text::words(&extracted_name);
    let head_words: Vec<Word> = head.iter().map(|&i| scan.words[i].clone()).collect();
    let mention_words: Vec<Word> = mention.iter().map(|&i| scan.words[i].clone()).collect();

    let was_described = described.is_some();
    let profile = SpeakerProfile {
        text: surface,
        name: described.unwrap_or_else(|| extracted_name.clone()),
        ..Default::default()
    };
    // A news outlet reporting.
    let is_outlet = head.iter().any(|&i| scan.in_outlet(&scan.words[i]))
        || (head_words
            .iter()
            .all(|w| !w.is_capitalised() || w.lower == "the")
            && has(&head_words, OUTLET_NOUNS))
        || k.lookup(&extracted_name)
            .is_some_and(|e| e.kind == AliasKind::Outlet);
    if is_outlet {
        let side = underlying_side(scan, st);
        return Some(Resolved {
            profile,
            side,
            outlet: true,
            institution: false,
            spokesperson: false,
            stated_line: false,
            side_evidence: None,
        });
    }
    let former = has(&mention_words, FORMER) || has(&name_words, FORMER);
    let spokesperson = has(&head_words, SPOKES);
    let official_title = k.has_title(&head_words) || k.has_title(&name_words);
    // User actors first.
    let actor = scan
        .aliases
        .iter()
        .find(|m| m.entry.kind == AliasKind::Actor && mention.contains(&m.word))
        .map(|m| m.entry.clone())
        .or_else(|| {
            k.lookup(&extracted_name)
                .filter(|e| e.kind == AliasKind::Actor)
                .cloned()
        });
    let proper_name = head.iter().any(|&wi| scan.name_run(k, wi).is_some()) || actor.is_some();
    let person_noun = has(&head_words, PERSON_NOUNS)
        || (!pronoun_np && has(&name_words, PERSON_NOUNS) && !proper_name);
    let document_noun = has(&head_words, DOCUMENT_NOUNS);
    // `One of them said`: a member of the unnamed group quoted last, which
    // speaks as that group does (a named speaker last is no group).
    let partitive = memory.last.as_ref().is_some_and(|l| l.anonymous)
        && matches!(
            head_words
                .iter()
                .map(|w| w.lower.as_str())
                .collect::<Vec<_>>()
                .as_slice(),
            [
                "one" | "some" | "each" | "both" | "either" | "neither" | "another",
                "of",
                "them" | "those"
            ]
        );
    let pronoun = (pronoun_np || partitive) && ante.is_empty();

    let mut side: Option<String> = None;
    let mut side_evidence = None;
    let mut institution = false;
    let mut official = official_title;
    let mut former_flag = former;
    if let Some(a) = &actor {
        side = a.side.clone();
        official |= a.official;
        former_flag |= a.former;
    }
    if side.is_none() {
        // Person names in the mention (or its antecedent), remembered with a side.
        for &wi in head.iter().chain(ante.iter()) {
            let Some(end) = scan.name_run(k, wi) else {
                continue;
            };
            let full = scan.words[wi..end]
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let info = scan
                .persons
                .get(&full)
                .or_else(|| {
                    scan.words
                        .get(end - 1)
                        .and_then(|w| scan.persons.get(w.text.as_str()))
                })
                .or_else(|| memory.names.get(&full));
            if let Some(info) = info {
                official |= info.official;
                former_flag |= info.former;
                if info.side.is_some() {
                    side = info.side.clone();
                    side_evidence = Some(Evidence {
                        phrase: full.clone(),
                        span: Some(Span::new(
                            scan.words[wi].span.start,
                            scan.words[end - 1].span.end,
                        )),
                        rule: "side-of-person".into(),
                    });
                    break;
                }
            }
        }
    }
    if side.is_none() {
        let cue = head
            .iter()
            .find_map(|&wi| scan.cue_at(wi))
            .or_else(|| ante.iter().find_map(|&wi| scan.cue_at(wi)));
        if let Some(c) = cue {
            side = Some(c.side.clone());
            institution = !person_noun
                && !proper_name
                && !document_noun
                && matches!(
                    c.kind,
                    AliasKind::Name | AliasKind::Metonym | AliasKind::Body | AliasKind::Demonym
                );
            // The whole alias (`the West`, `White House`), not its first word.
            let at = scan
                .alias_at
                .get(&c.word)
                .and_then(|&ai| scan.aliases.get(ai))
                .map_or(scan.words[c.word].span, |m| m.span);
            side_evidence = Some(Evidence {
                phrase: scan.text.get(at.range()).unwrap_or_default().to_string(),
                span: Some(at),
                rule: "side-cue".into(),
            });
            if institution {
                official = true;
            }
        }
    }
    if side.is_none() {
        // The extractor's resolved name may carry the side (`a former U.S. official`).
        let m = k.find_aliases(&name_words);
        if let Some(e) = m.iter().find(|m| m.entry.side.is_some()) {
            side = e.entry.side.clone();
        } else if let Some(info) = memory.names.get(&extracted_name) {
            side = info.side.clone();
            official |= info.official;
            former_flag |= info.former;
        }
    }
    // `The official Ostravian line blames ...`: a position, not a source.
    let stated_line = head_words
        .last()
        .is_some_and(|w| STATED_LINE_NOUNS.contains(&w.lower.as_str()));
    // A position is no person: `the official claims` is not `the official`.
    let key = if stated_line {
        None
    } else {
        core_key(&head_words).or_else(|| core_key(&name_words))
    };
    // `West Wing officials` name their own group: no earlier `officials`.
    let own_name = head_words.iter().any(|w| {
        w.is_capitalised()
            && !matches!(
                w.lower.as_str(),
                "the" | "a" | "an" | "one" | "this" | "that"
            )
    });
    if side.is_none() && !own_name {
        if let Some(info) = key.as_ref().and_then(|k| memory.roles.get(k)) {
            side = info.side.clone();
            former_flag |= info.former;
        }
    }
    if side.is_none() && !own_name {
        // `the former diplomat` after `a former Corvanian diplomat` in the text.
        side = key.as_ref().and_then(|k| scan.role_side(k, sp.span.start));
    }
    let first = head_words.first().map(|w| w.lower.as_str()).unwrap_or("");
    if side.is_none() && matches!(first, "its" | "their") {
        // `its government`: the side named last before the mention.
        side = scan
            .owner_of_sentence_initial_its(sp.span.start)
            .or_else(|| scan.subject_side_before(sp.span.start))
            .or_else(|| scan.side_before(sp.span.start));
        institution = !person_noun;
    }
    if side.is_none() && matches!(first, "his" | "her") {
        side = memory.last.as_ref().and_then(|l| l.side.clone());
    }
    if side.is_none() && document_noun {
        // `The cable, sent from Halvoria's embassy, ...` speaks for the
        // sender its description names.
        side = np
            .iter()
            .find_map(|&wi| scan.cue_at(wi))
            .map(|c| c.side.clone());
    }
    if side.is_none() && document_noun {
        side = scan
            .document_side(sp.span.start)
            .or_else(|| scan.side_before(sp.span.start));
    }
    let possessed = matches!(
        head_words.first().map(|w| w.lower.as_str()),
        Some("his" | "her" | "its" | "their")
    );
    if side.is_none() && stated_line {
        // `That admission differs from the official claims of ...`: a
        // line with no side named is that of the side just quoted, the one
        // it is set against.
        if let Some(prev) = memory.last.as_ref().and_then(|l| l.side.clone()) {
            side_evidence = Some(Evidence {
                phrase: prev.clone(),
                span: None,
                rule: "side-of-contrasted-line".into(),
            });
            side = Some(prev);
        }
    }
    let anonymous =
        !proper_name && has(&head_words, ANON_NOUNS) && !spokesperson && !possessed && !stated_line;
    let mut anonymous_flag = anonymous;
    let mut home_guess = false;
    if pronoun && side.is_none() {
        if let Some(prev) = &memory.last {
            side = prev.side.clone();
            home_guess = prev.home_guess;
            anonymous_flag = prev.anonymous;
            official |= prev.official;
            former_flag |= prev.former;
        }
    }
    if side.is_none() && anonymous_flag {
        // `X told ministers that ..., according to two people present`: the
        // sources report X, so the line is X's side.
        let before = [
            Some(st.span.start),
            st.cue.map(|c| c.start),
            Some(sp.span.start),
        ];
        let pos = before.into_iter().flatten().max().unwrap_or(st.span.start);
        side = scan.reported_subject_side(k, pos.min(sp.span.start));
        // `Another person briefed on the talks said Marovia was ready to
        // ...`: the side whose position the source reports.
        if side.is_none() {
            side = scan.content_subject_side(st.span);
        }
    }
    let institutional = official
        || document_noun
        || has(
            &mention_words,
            &["ministry", "government", "treasury", "cabinet", "embassy"],
        );
    if side.is_none() && institutional && !former_flag {
        // A titled official with no side named: the document's home country.
        side = scan.home.clone();
        home_guess = side.is_some() && scan.home_from_outlet.is_none();
        if let Some(h) = &side {
            side_evidence = Some(Evidence {
                phrase: h.clone(),
                span: None,
                rule: HOME_SIDE_RULE.into(),
            });
        }
    }
    if side.is_none() && proper_name && !anonymous_flag && !former_flag && !institution {
        if let Some((s, at)) = scan.side_from_mentions(k, &extracted_name) {
            side_evidence = Some(Evidence {
                phrase: scan.text.get(at.range()).unwrap_or(&s).to_string(),
                span: Some(at),
                rule: MENTIONS_SIDE_RULE.into(),
            });
            side = Some(s);
        }
    }
    let mut profile = profile;
    if !was_described {
        if let Some(name) = scan.canonical_name(k, &mention, &head, &extracted_name) {
            if let Some(female) = gendered {
                memory.female.insert(name.clone(), female);
            }
            profile.name = name;
        }
    }
    profile.anonymous = anonymous_flag;
    profile.official =
        official || spokesperson || (anonymous_flag && has(&head_words, OFFICIAL_NOUNS));
    profile.former = former_flag;
    let info = PersonInfo {
        side: side.clone(),
        official: profile.official,
        former: profile.former,
        anonymous: anonymous_flag,
        home_guess,
    };
    if home_guess && side_evidence.is_none() {
        side_evidence = side.as_ref().map(|h| Evidence {
            phrase: h.clone(),
            span: None,
            rule: HOME_SIDE_RULE.into(),
        });
    }
    if side.is_some() && !home_guess {
        if let Some(key) = key {
            memory.roles.insert(key, info.clone());
        }
        if proper_name {
            memory.names.insert(extracted_name.clone(), info.clone());
        }
    }
    if !pronoun || memory.last.is_none() {
        memory.last = Some(info);
    }
    Some(Resolved {
        profile,
        side,
        outlet: false,
        institution,
        spokesperson,
        stated_line,
        side_evidence,
    })
}

fn has(ws: &[Word], set: &[&str]) -> bool {
    ws.iter().any(|w| set.contains(&w.lower.as_str()))
}

/// Evidence rule of a side taken from the document's home country.
pub(crate) const HOME_SIDE_RULE: &str = "side-home-country";
/// Evidence rule of a side read off the sentences that mention a person
/// (a guess that a side stated elsewhere in the corpus overrides).
pub(crate) const MENTIONS_SIDE_RULE: &str = "side-from-mentions";

/// Head nouns of a speaker that is a stated position (`the official line`).
const STATED_LINE_NOUNS: &[&str] = &[
    "line",
    "position",
    "stance",
    "narrative",
    "version",
    "claim",
    "claims",
    "assertion",
    "assertions",
    "statement",
    "denial",
    "denials",
];

/// Nouns of unnamed sources: with no name they make a speaker anonymous.
const ANON_NOUNS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "person",
    "people",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "insider",
    "insiders",
    "negotiator",
    "negotiators",
    "figure",
    "figures",
    "member",
    "members",
    "participant",
    "participants",
    "delegate",
    "delegates",
    "staffer",
    "staffers",
    "someone",
    "individual",
    "individuals",
    "confidant",
    "confidants",
    "veteran",
    "veterans",
    "one",
];

const FORMER: &[&str] = &["former", "ex", "retired"];
const SPOKES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
];
const OFFICIAL_NOUNS: &[&str] = &[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "minister",
    "envoy",
    "aide",
    "aides",
    "negotiator",
    "negotiators",
];
/// Documents that speak when leaked (`the memo says`).
const DOCUMENT_NOUNS: &[&str] = &[
    "memo",
    "memos",
    "cable",
    "cables",
    "document",
    "documents",
    "readout",
    "letter",
    "minutes",
    "transcript",
    "email",
    "emails",
    "note",
    "draft",
    "memorandum",
    "paper",
    "report",
    "dossier",
];

/// The speaker behind an outlet's report: a side named with a speech verb
/// inside the reported content (`... The EU said "no way."`).
fn underlying_side(scan: &DocScan, st: &Statement) -> Option<String> {
    let first = scan.words.partition_point(|w| w.span.start < st.span.start);
    let ws = &scan.words[first..];
    for (o, w) in ws
        .iter()
        .enumerate()
        .take_while(|(_, w)| w.span.end <= st.span.end)
    {
        if let Some(c) = scan.cue_at(first + o) {
            let next = ws.get(o + 1).map(|w| w.lower.as_str()).unwrap_or("");
            if matches!(
                next,
                "said" | "says" | "told" | "explained" | "insisted" | "replied" | "answered"
            ) && w.span.end <= st.span.end
            {
                return Some(c.side.clone());
            }
        }
    }
    None
}

#[derive(Default)]
struct Memory {
    /// Role keys (`former official`) → what was established for them.
    roles: HashMap<String, PersonInfo>,
    names: HashMap<String, PersonInfo>,
    last: Option<PersonInfo>,
    /// Full names a `she` (true) or `he` (false) was resolved to.
    female: HashMap<String, bool>,
}

trait SliceChecked {
    fn slice_checked(self, text: &str) -> Option<&str>;
}

impl SliceChecked for Span {
    fn slice_checked(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

/// Cue phrases of `cues` in `ws`, weighted.
static PRIVATE_SET: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(PRIVATE_CUES.iter().map(|c| c.phrase)));
static PUBLIC_SET: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(PUBLIC_CUES.iter().map(|c| c.phrase)));

/// Evidence for the channel from the cues of `cues` (matched through its
/// phrase `set`) in `ws`, in cue-list order.
fn collect(
    text: &str,
    set: &PhraseSet,
    cues: &[Cue],
    ws: &[Word],
    weight: f64,
    out: &mut Vec<(f64, Evidence)>,
) {
    for (ci, span) in set.find_all(ws) {
        let Some(c) = cues.get(ci) else { continue };
        {
            if out
                .iter()
                .any(|(_, e)| e.span.is_some_and(|s| s.overlaps(span)))
            {
                continue;
            }
            // The phrase as it stands (`closed-door` for `closed door*`).
            let phrase = span.slice(text).to_string();
            out.push((
                weight,
                Evidence {
                    phrase,
                    span: Some(span),
                    rule: c.rule.to_string(),
                },
            ));
        }
    }
}

fn channel_of(
    scan: &DocScan,
    st: &Statement,
    res: Option<&Resolved>,
    others: &[Statement],
) -> (Channel, Vec<Evidence>) {
    let mut private: Vec<(f64, Evidence)> = Vec::new();
    let mut public: Vec<(f64, Evidence)> = Vec::new();
    if let Some(r) = res {
        if let Some(sp) = &st.speaker {
            let np = scan.unquoted_words(sp.span, Span::new(0, 0));
            collect(
                scan.text,
                &PRIVATE_SET,
                PRIVATE_CUES,
                &np,
                3.0,
                &mut private,
            );
            collect(scan.text, &PUBLIC_SET, PUBLIC_CUES, &np, 2.0, &mut public);
            let ev = Evidence {
                phrase: r.profile.text.to_string(),
                span: Some(sp.span),
                rule: String::new(),
            };
            if r.profile.anonymous {
                private.push((
                    3.0,
                    Evidence {
                        rule: "anonymous-speaker".into(),
                        ..ev
                    },
                ));
            } else if r.spokesperson {
                public.push((
                    2.5,
                    Evidence {
                        rule: "spokesperson".into(),
                        ..ev
                    },
                ));
            } else if r.stated_line {
                public.push((
                    3.0,
                    Evidence {
                        rule: "stated-line".into(),
                        ..ev
                    },
                ));
            } else if r.institution {
                public.push((
                    1.0,
                    Evidence {
                        rule: "institution".into(),
                        ..ev
                    },
                ));
            } else if r.profile.official {
                public.push((
                    1.5,
                    Evidence {
                        rule: "named-official".into(),
                        ..ev
                    },
                ));
            } else if !r.outlet {
                public.push((
                    0.5,
                    Evidence {
                        rule: "named-source".into(),
                        ..ev
                    },
                ));
            }
        }
    }
    // `The memo goes further ... It proposes ...`: a speaker `it` stands for
    // the document the sentence before is about, and speaks as it does.
    if let Some(sp) = &st.speaker {
        if sp.span.slice(scan.text).eq_ignore_ascii_case("it") {
            if let Some((s, e)) = scan.document_before(sp.span.start) {
                let subject: Vec<Word> = scan.words[s..e].to_vec();
                collect(
                    scan.text,
                    &PRIVATE_SET,
                    PRIVATE_CUES,
                    &subject,
                    3.0,
                    &mut private,
                );
            }
        }
    }
    // The statement's own sentence(s), outside its content and quotes.
    let sents = scan.layout.sentences_over(st.span);
    let (sent_span, para) = match (
        scan.layout.sentences.get(sents.start),
        sents
            .end
            .checked_sub(1)
            .and_then(|e| scan.layout.sentences.get(e)),
    ) {
        (Some(a), Some(b)) => (a.0.cover(b.0), Some(a.1)),
        _ => (st.span, None),
    };
    let speaker_span = st.speaker.as_ref().map(|s| s.span).unwrap_or_default();
    // Another statement's own words in the sentence (`..., according to
    // people familiar with the talks, even as its minister insists ...`)
    // decide that statement's channel, not this one's. Statements chained
    // to this one by reporting (`X said ..., according to Y`; `The cable
    // quotes the embassy as reporting that « our side indicated ... »`)
    // are part of its sourcing and count.
    let in_sentence: Vec<&Statement> = others
        .iter()
        .filter(|o| o.span.overlaps(sent_span))
        .collect();
    let mut chained: Vec<bool> = in_sentence.iter().map(|o| o.span == st.span).collect();
    loop {
        let mut grew = false;
        for (n, o) in in_sentence.iter().enumerate() {
            if chained[n] {
                continue;
            }
            let reports_a_chained = in_sentence.iter().zip(&chained).any(|(c, &on)| {
                on && (o.span.overlaps(c.span)
                    || c.speaker
                        .as_ref()
                        .is_some_and(|sp| o.span.overlaps(sp.span))
                    || o.speaker.as_ref().is_some_and(|sp| {
                        sp.span.overlaps(c.span)
                            || c.speaker
                                .as_ref()
                                .is_some_and(|cs| cs.span.overlaps(sp.span))
                    }))
            });
            if reports_a_chained {
                chained[n] = true;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    let other_parts: Vec<Span> = in_sentence
        .iter()
        .zip(&chained)
        .filter(|(_, &on)| !on)
        .map(|(o, _)| *o)
        .flat_map(|o| {
            o.fragments
                .iter()
                .copied()
                .chain(o.cue)
                .chain(o.speaker.as_ref().map(|sp| sp.span))
        })
        .filter(|part| !part.overlaps(st.span) && !part.overlaps(speaker_span))
        .collect();
    let sent_words: Vec<Word> = scan
        .unquoted_words(sent_span, st.span)
        .into_iter()
        .filter(|w| !speaker_span.contains(w.span))
        .filter(|w| !other_parts.iter().any(|p| p.contains(w.span)))
        .collect();
    collect(
        scan.text,
        &PRIVATE_SET,
        PRIVATE_CUES,
        &sent_words,
        2.0,
        &mut private,
    );
    collect(
        scan.text,
        &PUBLIC_SET,
        PUBLIC_CUES,
        &sent_words,
        2.0,
        &mut public,
    );
    // `in public` says how this statement was made only beside its cue
    // (`has insisted in public that`), not in a clause about another
    // (`repeating a promise Corvania has made in public`).
    if let Some(cue) = st.cue {
        public.retain(|(_, e)| {
            e.phrase != "in public"
                || e.span
                    .is_some_and(|s| s.start <= cue.end + 2 && s.end + 2 >= cue.start)
        });
    }
    // Earlier sentences of the paragraph.
    if let Some(p) = para {
        let prev: Vec<usize> = (0..sents.start)
            .rev()
            .take_while(|&i| scan.layout.sentences[i].1 == p)
            .collect();
        for (n, &si) in prev.iter().enumerate() {
            let span = scan.layout.sentences[si].0;
            let ws = scan.unquoted_words(span, st.span);
            // Sourcing fades with distance: a framing sentence two back
            // (`The final closed-door statement comes from elsewhere.`)
            // weighs less than a named speaker's own `said`.
            let fade = if n == 0 { 1.0 } else { 0.6 };
            collect(
                scan.text,
                &PRIVATE_SET,
                PRIVATE_CUES,
                &ws,
                0.75 * fade,
                &mut private,
            );
            collect(
                scan.text,
                &PUBLIC_SET,
                PUBLIC_CUES,
                &ws,
                0.5 * fade,
                &mut public,
            );
            // An outlet reporting what an institution said (second-hand).
            if n == 0 && res.is_some_and(|r| r.institution) {
                if let Some(ev) = outlet_report(scan, span) {
                    private.push((1.5, ev));
                }
            }
        }
    }
    // A leaked document the sentence only mentions (`Asked about the leaked
    // memo, Marsk said ...`) does not make a named speaker's words private;
    // words quoted from it (`in a leaked memo, ...`) are.
    let on_record = res.is_some_and(|r| !r.profile.anonymous && !r.outlet)
        && st.speaker.as_ref().is_some_and(|sp| {
            let head = scan.words_within(sp.span);
            !head.iter().any(|&i| {
                let w = scan.words[i].lower.as_str();
                DOCUMENT_NOUNS_SET.contains(w) || w == "it"
            })
        });
    if on_record {
        let speaker = st.speaker.as_ref().map(|sp| sp.span).unwrap_or_default();
        private.retain(|(_, e)| {
            e.rule != "leak"
                || e.span
                    .is_none_or(|s| speaker.contains(s) || scan.leak_is_vehicle(s))
        });
    }
    let p: f64 = private.iter().map(|(w, _)| w).sum();
    let q: f64 = public.iter().map(|(w, _)| w).sum();
    let (channel, mut ev) = if p > q {
        (Channel::Private, private)
    } else if q > p {
        (Channel::Public, public)
    } else {
        return (Channel::Unknown, Vec::new());
    };
    ev.sort_by(|a, b| b.0.total_cmp(&a.0));
    (channel, ev.into_iter().map(|(_, e)| e).collect())
}

impl DocScan<'_> {
    /// Whether the leak phrase at `span` is where the words come from: `in a
    /// leaked memo`, `according to the cable`, `the cable, seen by ...`
    /// rather than a mention (`asked about the memo`).
    fn leak_is_vehicle(&self, span: Span) -> bool {
        let at = self.words.partition_point(|w| w.span.start < span.start);
        let sentence_start = self
            .layout
            .sentence_at(span.start)
            .and_then(|si| self.layout.sentences.get(si))
            .map(|&(s, _)| self.words.partition_point(|w| w.span.start < s.start));
        // The sentence's subject: `The cable, signed by ..., quotes ...`.
        if sentence_start.is_some_and(|s| at <= s + 2) {
            return true;
        }
        (at.saturating_sub(4)..at).any(|j| {
            matches!(
                self.words[j].lower.as_str(),
                "in" | "according" | "from" | "by" | "under"
            )
        })
    }
}

/// `The Velgrad Herald reports` / `according to The Velgrad Herald` in `span`.
fn outlet_report(scan: &DocScan, span: Span) -> Option<Evidence> {
    for o in scan.outlets.iter().filter(|o| span.contains(**o)) {
        let after = scan.words.partition_point(|w| w.span.start < o.end);
        let before = scan.words.partition_point(|w| w.span.start < o.start);
        let verb = scan
            .words
            .get(after)
            .is_some_and(|w| REPORT_VERBS.contains(&w.lower.as_str()));
        let according = before >= 2
            && scan.words[before - 2].lower == "according"
            && scan.words[before - 1].lower == "to";
        if verb || according {
            let end = if verb {
                scan.words[after].span.end
            } else {
                o.end
            };
            let start = if according {
                scan.words[before - 2].span.start
            } else {
                o.start
            };
            let s = Span::new(start, end);
            return Some(Evidence {
                phrase: s.slice(scan.text).to_string(),
                span: Some(s),
                rule: "reported-second-hand".into(),
            });
        }
    }
    None
}

pub(crate) fn annotate(
    doc: &Document,
    statements: &[Statement],
    cfg: &Config,
) -> Vec<AnalyzedStatement> {
    annotate_with(doc, statements, &cfg.knowledge)
}

pub(crate) fn annotate_with(
    doc: &Document,
    statements: &[Statement],
    k: &Knowledge,
) -> Vec<AnalyzedStatement> {
    let mut scan = DocScan::new(doc, k);
    scan.find_known_people(statements);
    let mut memory = Memory::default();
    let sources: Vec<(usize, Span)> = statements
        .iter()
        .enumerate()
        .filter_map(|(j, s)| s.speaker.as_ref().map(|sp| (j, sp.span)))
        .collect();
    // An attribution nested in a source phrase (`diplomats briefed on that
    // meeting`, `people familiar with the talks`) says who the source is,
    // not a position anyone takes: the analysis leaves it out (extraction
    // keeps it, as PolNeAR annotates it).
    let inside_a_source = |i: usize| {
        statements[i].cue.is_some_and(|cue| {
            sources
                .iter()
                .any(|&(j, source)| j != i && source.contains(cue))
        })
    };
    let mut order: Vec<usize> = (0..statements.len())
        .filter(|&i| !inside_a_source(i))
        .collect();
    order.sort_by_key(|&i| (statements[i].span.start, statements[i].span.end));
    let mut out = Vec::with_capacity(statements.len());
    for (n, &i) in order.iter().enumerate() {
        let st = &statements[i];
        let valid = st.span.start <= st.span.end && doc.text.get(st.span.range()).is_some();
        let text = doc.text.get(st.span.range()).unwrap_or("").to_string();
        let res = if valid {
            resolve_speaker(&scan, k, st, &mut memory)
        } else {
            None
        };
        let (channel, mut evidence) = if valid {
            channel_of(&scan, st, res.as_ref(), statements)
        } else {
            (Channel::Unknown, Vec::new())
        };
        if let Some(e) = res.as_ref().and_then(|r| r.side_evidence.clone()) {
            evidence.push(e);
        }
        if let Some(cue) = st
            .cue
            .filter(|c| valid && doc.text.get(c.range()).is_some())
        {
            evidence.push(Evidence {
                phrase: cue.slice(&doc.text).to_string(),
                span: Some(cue),
                rule: crate::ATTRIBUTION_CUE_RULE.into(),
            });
        }
        out.push(AnalyzedStatement {
            id: format!("{}#{}", doc.id, n + 1),
            document: 0,
            statement: st.clone(),
            text,
            speaker: res.as_ref().map(|r| r.profile.clone()),
            side: res.and_then(|r| r.side),
            channel,
            evidence,
            topics: Vec::new(),
        });
    }
    out
}

/// Corpus-wide: a demonym side (`Kessalian`) becomes the country name seen
/// elsewhere in the corpus (`Kessalia`).
pub(crate) fn normalise_sides(all: &mut [AnalyzedStatement], k: &Knowledge) {
    let mut names: Vec<String> = all
        .iter()
        .filter_map(|a| a.side.clone())
        .filter(|s| !demonym_like(s) || k.is_side_name(s))
        .collect();
    names.sort();
    names.dedup();
    let mut map: HashMap<String, String> = HashMap::default();
    for a in all.iter() {
        if let Some(s) = &a.side {
            if demonym_like(s) && !k.is_side_name(s) && !map.contains_key(s) {
                if let Some(n) = demonym_to_name(s, names.iter()) {
                    map.insert(s.clone(), n);
                }
            }
        }
    }
    // `Concord` is the `Northern Concord` another story names in full.
    // Not `the West` for a discovered `West`: a bloc is no full name.
    let multi: Vec<String> = names
        .iter()
        .filter(|n| n.contains(' ') && !n.starts_with("the "))
        .cloned()
        .collect();
    for n in &names {
        if n.contains(' ') || k.is_side_name(n) {
            continue;
        }
        let suffix = format!(" {n}");
        let full: Vec<&String> = multi.iter().filter(|m| m.ends_with(&suffix)).collect();
        if let [one] = full.as_slice() {
            map.insert(n.clone(), (*one).clone());
        }
    }
    for a in all.iter_mut() {
        if let Some(n) = a.side.as_ref().and_then(|s| map.get(s)) {
            a.side = Some(n.clone());
        }
    }
}

/// Corpus-wide: a named speaker whose side one document states gets it in
/// documents that only implied it (home-country guess) or left it open.
pub(crate) fn propagate_person_sides(all: &mut [AnalyzedStatement]) {
    let guessed = |a: &AnalyzedStatement| {
        a.side.is_none()
            || a.evidence
                .iter()
                .any(|e| e.rule == HOME_SIDE_RULE || e.rule == MENTIONS_SIDE_RULE)
    };
    let from_mentions =
        |a: &AnalyzedStatement| a.evidence.iter().any(|e| e.rule == MENTIONS_SIDE_RULE);
    let mut votes: HashMap<String, HashMap<String, usize>> = HashMap::default();
    // Sides read off mentions, pooled: one story about an inquiry into a
    // leader's dealings with another country outvoted by the rest.
    let mut mention_votes: HashMap<String, HashMap<String, usize>> = HashMap::default();
    for a in all.iter() {
        let (Some(sp), Some(side)) = (&a.speaker, &a.side) else {
            continue;
        };
        let pool = if sp.anonymous {
            continue;
        } else if from_mentions(a) {
            &mut mention_votes
        } else if guessed(a) {
            continue;
        } else {
            &mut votes
        };
        let surname = from_mentions(a).then(|| surname_key(&sp.name)).flatten();
        for key in person_keys(&sp.name).into_iter().chain(surname) {
            *pool
                .entry(key)
                .or_default()
                .entry(side.clone())
                .or_insert(0) += 1;
        }
    }
    let majority = |pool: &HashMap<String, HashMap<String, usize>>, name: &str| {
        person_keys(name)
            .into_iter()
            .chain(surname_key(name))
            .find_map(|k| {
                pool.get(&k).and_then(|v| {
                    let mut r: Vec<(&String, &usize)> = v.iter().collect();
                    r.sort_by(|x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
                    r.first().map(|(s, _)| (*s).clone())
                })
            })
    };
    for a in all.iter_mut() {
        if !guessed(a) {
            continue;
        }
        let Some(sp) = &a.speaker else { continue };
        if sp.anonymous {
            continue;
        }
        let Some(side) = majority(&votes, &sp.name) else {
            if from_mentions(a) {
                a.side = majority(&mention_votes, &sp.name).or(a.side.take());
            }
            continue;
        };
        a.side = Some(side);
        a.evidence
            .retain(|e| e.rule != HOME_SIDE_RULE && e.rule != MENTIONS_SIDE_RULE);
        a.evidence.push(Evidence {
            phrase: sp.name.clone(),
            span: None,
            rule: "side-from-corpus".into(),
        });
    }
}

/// Keys of a person's name: the capitalised name run (`Mattias Orlen`).
fn person_keys(name: &str) -> Vec<String> {
    let ws = text::words(name);
    let caps: Vec<&str> = ws
        .iter()
        .filter(|w| {
            w.is_capitalised()
                && !text::is_stopword(&w.lower)
                && w.text.chars().any(char::is_lowercase)
        })
        .map(|w| w.text.as_str())
        .collect();
    if caps.len() < 2 {
        return Vec::new();
    }
    let n = caps.len();
    vec![format!("{} {}", caps[n - 2], caps[n - 1])]
}

/// The last name word alone (`Vell` of `Mr. Vell`), a key only side guesses
/// read off mentions are pooled under: firm sides need a full name.
fn surname_key(name: &str) -> Option<String> {
    let ws = text::words(name);
    ws.iter()
        .rev()
        .find(|w| w.is_capitalised() && w.text.chars().any(char::is_lowercase))
        .map(|w| format!("~{}", w.text))
}

/// Sides a document introduces that the knowledge does not have: invented
/// countries (with their demonyms) and organisations. [`crate::analyze`]
/// adds those of the whole corpus to the knowledge before annotating, so a
/// side established in one story is recognised in the others.
/// A side candidate one document yields: name, kind, demonyms, and whether
/// the document reads the name as a person's or a plain word instead.
pub(crate) type SideCandidate = (String, AliasKind, Vec<String>, bool);

pub(crate) fn discover_sides(doc: &Document, k: &Knowledge) -> Vec<SideCandidate> {
    let scan = DocScan::new(doc, k);
    let mut out: Vec<SideCandidate> = Vec::new();
    let mut plausible: HashMap<String, bool> = HashMap::default();
    for c in &scan.cues {
        if c.raw_demonym || k.lookup(&c.side).is_some() {
            continue;
        }
        let kind = if c.kind == AliasKind::Body {
            AliasKind::Body
        } else {
            AliasKind::Name
        };
        // `Castell's spokeswoman` where the text names `Ruben Castell`.
        let suffix = format!(" {}", c.side);
        let person =
            scan.persons.contains_key(&c.side) || scan.persons.keys().any(|p| p.ends_with(&suffix));
        let rejected = person
            || (kind == AliasKind::Name
                && !*plausible
                    .entry(c.side.clone())
                    .or_insert_with(|| scan.plausible_side_name(k, &c.side)));
        let w = &scan.words[c.word];
        let demonym = if c.kind == AliasKind::Demonym && w.text != c.side && !rejected {
            vec![w.text.to_string()]
        } else {
            Vec::new()
        };
        match out.iter_mut().find(|(s, _, _, _)| *s == c.side) {
            Some((_, _, d, _)) => {
                for x in demonym {
                    if !d.contains(&x) {
                        d.push(x);
                    }
                }
            }
            None => out.push((c.side.clone(), kind, demonym, rejected)),
        }
    }
    for name in &scan.person_cue_names {
        if k.lookup(name).is_none() && !out.iter().any(|(s, ..)| s == name) {
            out.push((name.clone(), AliasKind::Name, Vec::new(), true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use backchannel_core::{Form, Speaker};

    /// A statement whose content is `content` and speaker `speaker`, both
    /// located as substrings of `text` (the n-th occurrence of the speaker).
    pub(crate) fn stmt(text: &str, content: &str, speaker: Option<&str>) -> Statement {
        let s = text
            .find(content)
            .unwrap_or_else(|| panic!("no {content:?}"));
        let span = Span::new(s, s + content.len());
        let speaker = speaker.map(|sp| {
            let at = text.find(sp).unwrap_or_else(|| panic!("no {sp:?}"));
            Speaker {
                span: Span::new(at, at + sp.len()),
                name: sp.to_string(),
                antecedent: None,
            }
        });
        Statement {
            span,
            fragments: vec![span],
            form: Form::Indirect,
            cue: None,
            speaker,
        }
    }

    fn run(text: &str, st: &[Statement]) -> Vec<AnalyzedStatement> {
        annotate(&Document::from_text("t", text), st, &Config::default())
    }

    #[test]
    fn a_demonym_maps_to_a_name_but_never_to_a_generic_word() {
        let names: Vec<String> = ["Drevania", "Republic", "Kingdom"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            demonym_to_name("Drevanian", names.iter()).as_deref(),
            Some("Drevania")
        );
        assert_eq!(demonym_to_name("Republican", names.iter()), None);
    }

    #[test]
    fn possessive_side_of_unknown_country() {
        let t = "Sorvaine's government has said publicly that it will pay in full.";
        let a = run(
            t,
            &[stmt(
                t,
                "it will pay in full",
                Some("Sorvaine's government"),
            )],
        );
        assert_eq!(a[0].side.as_deref(), Some("Sorvaine"));
        assert_eq!(a[0].channel, Channel::Public);
    }
}
