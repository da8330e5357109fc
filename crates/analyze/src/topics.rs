//! Topics across the corpus: TF-IDF keyphrases of each statement and its
//! context, grouped by seeding on frequent keyphrases through an inverted
//! index. Work is linear in the statements plus sorting the terms.

use crate::knowledge::AliasKind;
use crate::text::{self, Layout, Word};
use crate::Config;
use backchannel_core::{AnalyzedStatement, Document, Topic};
use compact_str::CompactString;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Most topics one statement joins (its strongest ones).
const MAX_TOPICS_PER_STATEMENT: usize = 3;
/// A statement belongs to a found topic from this much term weight on
/// (its seed term once in the statement itself is 1.0).
const MIN_TOPIC_SCORE: f64 = 0.4;
/// Key terms listed per topic.
const TERMS_PER_TOPIC: usize = 6;

/// Words about how something was said, not what about: reporting,
/// channels, documents, calendar, and the titles of who said it
/// (`deputy water minister` is no subject).
const TOPIC_NOISE: &[&str] = &[
    "reporters",
    "reporter",
    "journalists",
    "conference",
    "news",
    "interview",
    "comment",
    "comments",
    "briefing",
    "briefed",
    "spokeswoman",
    "declined",
    "confirmed",
    "speaking",
    "press",
    "quoted",
    "describing",
    "described",
    "published",
    "newspaper",
    "leaked",
    "leak",
    "secret",
    "closed",
    "door",
    "doors",
    "anonymity",
    "memo",
    "cable",
    "document",
    "documents",
    "readout",
    "meeting",
    "session",
    "hearing",
    "letter",
    "copy",
    "seen",
    "obtained",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "week",
    "weeks",
    "earlier",
    "later",
    "late",
    "yesterday",
    "nobody",
    "everyone",
    "anything",
    "something",
    "whatever",
    "either",
    "neither",
    "present",
    "asked",
    "answer",
    "speech",
    "remarks",
    "privately",
    "publicly",
    "repeated",
    "repeating",
    "insisted",
    "added",
    "noted",
    "warned",
    "denied",
    "dismissed",
    "called",
    "person",
    "people",
    "official",
    "officials",
    "ministry",
    "minister",
    "ministers",
    "deputy",
    "vice",
    "acting",
    "senior",
    "junior",
    "chief",
    "prime",
    "president",
    "secretary",
    "general",
    "director",
    "envoy",
    "envoys",
    "ambassador",
    "ambassadors",
    "spokesman",
    "spokesperson",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "aides",
    "counterpart",
    "counterparts",
    "diplomat",
    "diplomats",
    "sources",
    "source",
    "told",
    "telling",
    "says",
    "said",
    "statement",
    "statements",
    "position",
    "line",
    "matter",
    "issue",
    "question",
    "held",
    "read",
    "ask",
    "set",
    "bad",
    "good",
    "big",
    "clear",
    "make",
    "making",
    "keep",
    "give",
    "find",
    "found",
    "look",
    "seem",
    "seems",
    "show",
    "shown",
    "begin",
    "began",
    "end",
    "ended",
    "mean",
    "means",
    "stand",
    "stood",
    "leave",
    "left",
    "long",
    "sure",
    "true",
    "real",
    "whole",
    "right",
    "wrong",
    "able",
    "likely",
    "possible",
    "different",
    "important",
    "major",
    "country",
    "countries",
    "nation",
    "government",
    "governments",
    "side",
    "sides",
    // Prepositions, adverbs and light verbs that head no subject
    // (`including`, `so far`, `trying`, `years ago`).
    "including",
    "around",
    "among",
    "across",
    "along",
    "despite",
    "far",
    "enough",
    "away",
    "ago",
    "forward",
    "done",
    "used",
    "become",
    "getting",
    "trying",
    "coming",
    "going",
    "continue",
    "remain",
    "happen",
    "thought",
    "thing",
    "things",
    "lot",
    "way",
    "kind",
    "night",
    "today",
    "tonight",
];

/// Words news uses for one subject, folded into a shared concept key so
/// `no channel` and `met every week`, or `blames` and `responsibility`,
/// can meet in one topic. The first word of each group names it.
const CONCEPTS: &[&[&str]] = &[
    &[
        "talks",
        "talk",
        "negotiations",
        "negotiation",
        "negotiate",
        "negotiated",
        "negotiating",
        "negotiators",
        "renegotiation",
        "renegotiate",
        "dialogue",
        "channel",
        "channels",
        "contacts",
        "meetings",
        "met",
    ],
    &[
        "blame",
        "blames",
        "blamed",
        "blaming",
        "responsibility",
        "responsible",
        "fault",
        "culpability",
        "culpable",
        "blameless",
        "blamelessness",
    ],
    &["sanctions", "sanction", "embargo", "embargoes", "penalties"],
    &[
        "price", "prices", "pricing", "cheaper", "discount", "tariff", "tariffs",
    ],
    &[
        "deal",
        "deals",
        "contract",
        "contracts",
        "agreement",
        "agreements",
        "accord",
        "treaty",
        "pact",
    ],
    &[
        "troops",
        "soldiers",
        "soldier",
        "army",
        "battalions",
        "brigades",
    ],
    &["ceasefire", "cease-fire", "truce", "armistice"],
    &["loan", "loans", "credit", "bailout", "lenders", "lending"],
    &[
        "inspections",
        "inspection",
        "inspectors",
        "inspector",
        "monitors",
        "monitoring",
    ],
    &["election", "elections", "ballot", "vote", "voting", "polls"],
];

/// What went wrong, that a side may own a share in.
const FAILURES: &[&str] = &[
    "strain",
    "strains",
    "collapse",
    "failure",
    "failures",
    "breakdown",
    "crisis",
    "tension",
    "tensions",
    "deterioration",
    "rift",
    "blame",
    "conflict",
    "escalation",
];

/// `X acknowledged A, saying that B`: B elaborates A (same speaker, same
/// sentence, a participle cue). The indices of such pairs in `all`, whose
/// statements then share their topics.
fn elaborations(all: &[AnalyzedStatement], docs: &[Document], layouts: &[Layout]) -> Vec<usize> {
    (1..all.len())
        .filter(|&i| {
            let (p, c) = (&all[i - 1], &all[i]);
            let (Some(doc), Some(layout)) = (docs.get(c.document), layouts.get(c.document)) else {
                return false;
            };
            let same_speaker =
                matches!((&p.speaker, &c.speaker), (Some(a), Some(b)) if a.name == b.name);
            let Some(cue) = c.statement.cue else {
                return false;
            };
            let participle = text::words_in(&doc.text, cue)
                .first()
                .is_some_and(|w| w.lower.ends_with("ing") && !w.is_capitalised());
            p.document == c.document
                && same_speaker
                && participle
                && cue.start >= p.statement.span.end
                && p.statement.span.end > 0
                && layout.sentence_at(p.statement.span.end - 1) == layout.sentence_at(cue.start)
        })
        .collect()
}

/// One outlet's report, told in several statements: `X reports that A.
/// ... X has now explained that B`, and what B relays (`the EU explained
/// that C`, reported second-hand through X). Pairs (report, part) whose
/// part takes the report's topics, in the order to apply them: a
/// paragraph's statements by one outlet first (each way), then what they
/// relay (one way).
fn report_links(
    all: &[AnalyzedStatement],
    docs: &[Document],
    layouts: &[Layout],
    cfg: &Config,
) -> Vec<(usize, usize)> {
    let through = |x: &AnalyzedStatement, y: &AnalyzedStatement| {
        x.document == y.document
            && x.statement.speaker.as_ref().is_some_and(|sp| {
                y.evidence.iter().any(|e| {
                    e.rule == "reported-second-hand" && e.span.is_some_and(|s| s.overlaps(sp.span))
                })
            })
    };
    // What each statement relays (`The Velgrad Herald has learned that
    // ...`), and so the speakers that are outlets by what they do, per
    // document.
    let mut relaying: HashSet<(usize, &str)> = HashSet::default();
    let mut relayed = Vec::new();
    for (j, b) in all.iter().enumerate() {
        if !b.evidence.iter().any(|e| e.rule == "reported-second-hand") {
            continue;
        }
        for i in (j.saturating_sub(16)..j).rev() {
            let a = &all[i];
            if through(a, b) {
                if let Some(sp) = &a.speaker {
                    relaying.insert((a.document, sp.name.as_str()));
                }
                relayed.push((i, j));
            }
        }
    }
    // Once per statement: whether an outlet speaks, and where.
    let outlet: Vec<bool> = all
        .par_iter()
        .map(|a| {
            a.speaker.as_ref().is_some_and(|s| {
                relaying.contains(&(a.document, s.name.as_str()))
                    || cfg
                        .knowledge
                        .lookup(&s.name)
                        .is_some_and(|e| e.kind == AliasKind::Outlet)
            })
        })
        .collect();
    let paragraph = |a: &AnalyzedStatement| {
        let layout = layouts.get(a.document)?;
        let si = layout.sentence_at(a.statement.span.start)?;
        layout.sentences.get(si).map(|s| s.1)
    };
    let mut same_outlet = Vec::new();
    // Statements come grouped by document in text order: a window over one
    // document's statements keeps this linear.
    let mut doc_start = 0;
    for j in 0..all.len() {
        if all[j].document != all[doc_start].document {
            doc_start = j;
        }
        let b = &all[j];
        if docs.get(b.document).is_none() || !outlet[j] {
            continue;
        }
        for i in (doc_start..j).rev().take(16) {
            let a = &all[i];
            if outlet[i]
                && a.speaker.as_ref().map(|s| &s.name) == b.speaker.as_ref().map(|s| &s.name)
                && paragraph(a).is_some()
                && paragraph(a) == paragraph(b)
            {
                same_outlet.push((i, j));
                same_outlet.push((j, i));
            }
        }
    }
    same_outlet.extend(relayed);
    same_outlet
}

/// The concept a word belongs to, by its lowercase form.
fn concept_of(lower: &str) -> Option<&'static str> {
    static INDEX: std::sync::OnceLock<HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            let mut m = HashMap::default();
            for group in CONCEPTS {
                if let Some(name) = group.first() {
                    for w in *group {
                        m.insert(*w, *name);
                    }
                }
            }
            m
        })
        .get(lower)
        .copied()
}

/// Key of a concept in a bag: a prefix no word key can have.
fn concept_key(name: &str) -> CompactString {
    let mut k = CompactString::from("@");
    k.push_str(name);
    k
}

/// Adds concept `name` to a bag with `weight`, its display form counted.
fn add_concept(name: &'static str, weight: f64, bag: &mut Bag, surface: &mut Surface) {
    let key = concept_key(name);
    *bag.entry(key.clone()).or_insert(0.0) += weight;
    *surface
        .entry(key)
        .or_default()
        .entry(CompactString::from(name))
        .or_insert(0) += 1;
}

/// Words that follow a phrase head rather than continue its phrase:
/// prepositions, conjunctions, auxiliaries, determiners and pronouns.
const HEAD_FOLLOWERS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "against", "over", "under",
    "into", "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "could", "should", "can", "may", "might", "must", "shall", "do",
    "does", "did", "that", "which", "who", "whom", "whose", "when", "where", "while", "if", "as",
    "than", "because", "since", "after", "before", "until", "the", "a", "an", "this", "these",
    "those", "its", "their", "his", "her", "our", "it", "they", "he", "she", "we", "not", "no",
    "also", "still", "only", "s",
];

/// Words before a noun that show it is one: articles and possessives, not
/// quantifiers that also stand alone (`some around him`, `most far-reaching`)
/// or `that` (`said that including ...`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "every", "each", "another",
];

/// Adverbs and participles (`necessarily`, `failed`) describe what is said
/// about a subject; they are no subject of their own.
fn is_modifier_form(w: &str) -> bool {
    const NOUNS_IN_LY: &[&str] = &[
        "family", "ally", "rally", "supply", "assembly", "italy", "july", "monopoly", "anomaly",
        "reply", "homily",
    ];
    const NOUNS_IN_ED: &[&str] = &[
        "hundred",
        "speed",
        "creed",
        "greed",
        "breed",
        "seed",
        "need",
        "shed",
        "bloodshed",
    ];
    let n = w.chars().count();
    (n >= 5 && w.ends_with("ly") && !NOUNS_IN_LY.contains(&w))
        || (n >= 5 && w.ends_with("ed") && !NOUNS_IN_ED.contains(&w))
}

/// A found topic's key terms (display forms, seed first) and the weight
/// each listed term id lends a statement towards it.
type KeyTerms = (Vec<String>, Vec<(u32, f64)>);

/// A statement's weighted terms: unigram and bigram keys (stemmed).
/// Keys are inline strings: hundreds of thousands of bags hold tens of
/// millions of keys, almost all under 24 bytes.
type Bag = std::collections::BTreeMap<CompactString, f64>;

fn add_terms(
    ws: &[Word],
    text: &str,
    weight: f64,
    skip: &HashSet<String>,
    bag: &mut Bag,
    surface: &mut Surface,
) {
    let content = |w: &Word| {
        w.lower.chars().count() >= 3
            && w.lower.chars().any(char::is_alphabetic)
            && !w.lower.chars().any(|c| c.is_ascii_digit())
            && !text::is_stopword(&w.lower)
            && !skip.contains(w.lower.as_str())
    };
    let joined = |a: &Word, b: &Word| {
        let g = text.get(a.span.end..b.span.start).unwrap_or(",");
        g.trim().is_empty() || g.trim() == "-"
    };
    let mut prev: Option<&Word> = None;
    for (i, w) in ws.iter().enumerate() {
        if let Some(c) = concept_of(&w.lower) {
            add_concept(c, weight, bag, surface);
        }
        if !content(w) {
            prev = None;
            continue;
        }
        let key = text::stem_compact(&w.lower);
        *bag.entry(key.clone()).or_insert(0.0) += weight;
        let forms = surface.entry(key.clone()).or_default();
        *forms.entry(w.lower.clone()).or_insert(0) += 1;
        // A word said as the head of its phrase (not only as a modifier,
        // `a single decision`) can name a topic on its own: marked by an
        // empty surface form.
        let modifier = !w.possessive
            && ws.get(i + 1).is_some_and(|n| {
                joined(w, n)
                    && n.lower.chars().all(char::is_alphabetic)
                    && !HEAD_FOLLOWERS.contains(&n.lower.as_str())
            });
        // ... and used as a noun somewhere: after an article or possessive
        // (`the election`, `our principles`, `the border flow`), or itself a
        // name. `including`, `around` and `trying` never are.
        // A capital counts only mid-sentence (`Including ...`, `Around the
        // world` open sentences).
        let mid_sentence = |at: usize| {
            at.checked_sub(1)
                .and_then(|b| ws.get(b))
                .zip(ws.get(at))
                .is_some_and(|(b, x)| {
                    text.get(b.span.end..x.span.start)
                        .is_some_and(|g| !g.contains(['.', '!', '?', ':', '\n']))
                })
        };
        let name = w.is_capitalised() && mid_sentence(i);
        let nominal = name || {
            // Back over up to two modifiers (`the border flow`).
            let mut found = false;
            for k in 1..=3 {
                let (Some(p), Some(q)) =
                    (i.checked_sub(k).and_then(|p| ws.get(p)), ws.get(i + 1 - k))
                else {
                    break;
                };
                if !joined(p, q) {
                    break;
                }
                // A name before it (`Russian power`), mid-sentence.
                let proper = p.is_capitalised() && mid_sentence(i - k);
                if p.possessive || proper || DETERMINERS.contains(&p.lower.as_str()) {
                    found = true;
                    break;
                }
                if !content(p) || HEAD_FOLLOWERS.contains(&p.lower.as_str()) {
                    break;
                }
            }
            found
        };
        if weight >= 1.0 && !modifier && nominal && !is_modifier_form(&w.lower) {
            *forms.entry(CompactString::default()).or_insert(0) += 1;
        }
        if let Some(p) = prev {
            if joined(p, w) {
                let mut bk = text::stem_compact(&p.lower);
                bk.push(' ');
                bk.push_str(&key);
                *bag.entry(bk.clone()).or_insert(0.0) += weight * 1.5;
                let mut form = p.lower.clone();
                form.push(' ');
                form.push_str(&w.lower);
                *surface.entry(bk).or_default().entry(form).or_insert(0) += 1;
            }
        }
        prev = if w.possessive { None } else { Some(w) };
    }
}

/// Words that name actors, not subjects: countries, their demonyms and
/// seats of power, and the speakers' names.
fn actor_words(all: &[AnalyzedStatement], cfg: &Config, docs: &[Document]) -> HashSet<String> {
    let mut skip = HashSet::default();
    for a in all {
        if let Some(sp) = &a.speaker {
            for w in text::words(&sp.name) {
                if w.is_capitalised() {
                    skip.insert(w.lower.to_string());
                }
            }
        }
        if let Some(s) = &a.side {
            for w in text::words(s) {
                skip.insert(w.lower.to_string());
            }
        }
    }
    for w in TOPIC_NOISE {
        skip.insert(w.to_string());
    }
    // The lookup depends only on the word's lowercase key: ask once per
    // key. Documents are read in parallel chunks; the sets are unioned.
    let found: Vec<HashSet<String>> = docs
        .par_chunks(64)
        .map(|chunk| {
            let mut found: HashSet<String> = HashSet::default();
            // Capitalised words, each looked up once; also read for places
            // the knowledge lacks through their demonyms (`Belmarkian`
            // names `Belmark`).
            let mut capitalised: HashSet<String> = HashSet::default();
            for d in chunk {
                for w in text::words(d.outlet.as_deref().unwrap_or("")) {
                    found.insert(w.lower.to_string());
                }
                for w in text::words(&d.text) {
                    let first_sight = w.is_capitalised()
                        && w.text.chars().any(char::is_lowercase)
                        && capitalised.insert(w.lower.to_string());
                    if !first_sight
                        || skip.contains(w.lower.as_str())
                        || found.contains(w.lower.as_str())
                    {
                        continue;
                    }
                    if let Some(e) = cfg.knowledge.lookup(&w.text) {
                        if matches!(
                            e.kind,
                            AliasKind::Name
                                | AliasKind::Demonym
                                | AliasKind::Metonym
                                | AliasKind::Actor
                                | AliasKind::Outlet
                        ) {
                            found.insert(w.lower.to_string());
                        }
                    }
                }
            }
            for c in &capitalised {
                for suffix in ["ian", "n", "an", "ese", "i"] {
                    if let Some(base) = c.strip_suffix(suffix) {
                        if base.chars().count() >= 4 && capitalised.contains(base) {
                            found.insert(base.to_string());
                        }
                    }
                }
            }
            found
        })
        .collect();
    for f in found {
        skip.extend(f);
    }
    skip
}

/// Surface forms seen for each term key, with their counts.
type Surface = HashMap<CompactString, HashMap<CompactString, usize>>;

/// A statement's bag of terms (its words, then its sentence context at a
/// lower weight) and, when `with_text` (seeded topics match on it), its
/// lowercased text with that context.
fn statement_bag(
    a: &AnalyzedStatement,
    docs: &[Document],
    layouts: &[Layout],
    skip: &HashSet<String>,
    surface: &mut Surface,
    with_text: bool,
) -> (Bag, String) {
    let mut bag = Bag::new();
    let (Some(doc), Some(layout)) = (docs.get(a.document), layouts.get(a.document)) else {
        return (bag, String::new());
    };
    let t = doc.text.as_str();
    let cw = text::words_in(t, a.statement.span);
    add_terms(&cw, t, 1.0, skip, &mut bag, surface);
    // `a share in the strain`, `its share of the failure`: responsibility.
    for (n, w) in cw.iter().enumerate() {
        if w.lower == "share"
            && cw
                .get(n + 1)
                .is_some_and(|p| p.lower == "in" || p.lower == "of")
            && cw
                .iter()
                .skip(n + 2)
                .take(3)
                .any(|x| FAILURES.contains(&x.lower.as_str()))
        {
            add_concept("blame", 1.0, &mut bag, surface);
        }
    }
    // A cue that carries the subject (`blames X for ...`) counts as content.
    if let Some(cue) = a.statement.cue {
        for w in text::words_in(t, cue) {
            if let Some(c) = concept_of(&w.lower) {
                add_concept(c, 1.0, &mut bag, surface);
            }
        }
    }
    // Context: the statement's sentence(s) and the one before.
    let r = layout.sentences_over(a.statement.span);
    let from = r.start.saturating_sub(1);
    let mut ctx_text = String::new();
    for si in from..r.end.max(r.start + 1).min(layout.sentences.len()) {
        let (span, para) = layout.sentences[si];
        if si < r.start && layout.sentences.get(r.start).is_some_and(|s| s.1 != para) {
            continue;
        }
        let speaker = a
            .statement
            .speaker
            .as_ref()
            .map(|s| s.span)
            .unwrap_or_default();
        let ws: Vec<Word> = text::words_in(t, span)
            .into_iter()
            .filter(|w| !a.statement.span.contains(w.span) && !speaker.contains(w.span))
            .collect();
        add_terms(&ws, t, 0.3, skip, &mut bag, surface);
        if with_text {
            ctx_text.push(' ');
            ctx_text.push_str(span.slice(t));
        }
    }
    if !with_text {
        return (bag, String::new());
    }
    (bag, format!("{} {}", a.text, ctx_text).to_lowercase())
}

/// Assigns topics to `all` (in place) and returns them, seeded ones first.
pub(crate) fn assign(docs: &[Document], all: &mut [AnalyzedStatement], cfg: &Config) -> Vec<Topic> {
    let skip = actor_words(all, cfg, docs);
    let seeded = !cfg.topics.is_empty();
    let layouts: Vec<Layout> = docs.par_iter().map(|d| Layout::new(&d.text)).collect();
    // Bags per statement in parallel chunks (in order); surface counts are
    // summed, so merging the chunks' counts gives the same totals.
    let chunks: Vec<(Vec<(Bag, String)>, Surface)> = all
        .par_chunks(2048)
        .map(|chunk| {
            let mut surface: Surface = HashMap::default();
            let out: Vec<(Bag, String)> = chunk
                .iter()
                .map(|a| statement_bag(a, docs, &layouts, &skip, &mut surface, seeded))
                .collect();
            (out, surface)
        })
        .collect();
    let mut surface: Surface = HashMap::default();
    let mut bags: Vec<Bag> = Vec::with_capacity(all.len());
    let mut texts_lower: Vec<String> = Vec::with_capacity(all.len());
    for (out, chunk_surface) in chunks {
        for (bag, lower) in out {
            bags.push(bag);
            texts_lower.push(lower);
        }
        for (key, forms) in chunk_surface {
            let merged = surface.entry(key).or_default();
            for (form, count) in forms {
                *merged.entry(form).or_insert(0) += count;
            }
        }
    }
    let n = all.len();
    // Terms interned once: the loops below hash a u32, not a string.
    let mut term_id: HashMap<&str, u32> = HashMap::default();
    let mut term_str: Vec<&str> = Vec::new();
    let mut postings: Vec<Vec<usize>> = Vec::new();
    let bag_ids: Vec<Vec<(u32, f64)>> = bags
        .iter()
        .enumerate()
        .map(|(i, bag)| {
            bag.iter()
                .map(|(k, w)| {
                    let id = *term_id.entry(k.as_str()).or_insert_with(|| {
                        term_str.push(k.as_str());
                        postings.push(Vec::new());
                        (term_str.len() - 1) as u32
                    });
                    postings[id as usize].push(i);
                    (id, *w)
                })
                .collect()
        })
        .collect();
    let df = |id: u32| postings.get(id as usize).map_or(1, Vec::len);
    let name_of = |key: &str| -> String {
        surface
            .get(key)
            .and_then(|m| {
                m.iter()
                    .filter(|(form, _)| !form.is_empty())
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            })
            .map_or_else(|| key.to_string(), |(s, _)| s.to_string())
    };
    let idf = |df: usize| ((n as f64 + 1.0) / (df as f64 + 0.5)).ln().max(0.0);
    // A single word names a topic only where some statement says it as a
    // phrase head; bigrams and concepts always may.
    let may_name = |key: &str| {
        key.contains(' ')
            || key.starts_with('@')
            || surface
                .get(key)
                .is_some_and(|m| m.contains_key(&CompactString::default()))
    };

    let mut topics: Vec<Topic> = Vec::new();
    // Per statement: (topic index, strength).
    let mut member: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];

    // Seeded topics.
    for seed in &cfg.topics {
        let ti = topics.len();
        let terms: Vec<String> = seed
            .terms
            .iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        for i in 0..n {
            let ws = text::words(&texts_lower[i]);
            let mut strength = 0.0;
            for term in &terms {
                let parts: Vec<&str> = term.split_whitespace().collect();
                let hits = text::find_phrase(&ws, &parts).len()
                    + usize::from(
                        parts.len() == 1 && bags[i].contains_key(text::stem(term).as_str()),
                    );
                strength += hits as f64;
            }
            if strength > 0.0 {
                member[i].push((ti, 10.0 + strength));
            }
        }
        topics.push(Topic {
            name: seed.name.clone(),
            terms,
            seeded: true,
        });
    }

    // Found topics, seeded by frequent keyphrases.
    let max_df = (n / 4).max(8);
    // Seeds must be said in at least two statements' own words, not only
    // in their context.
    let mut content_df: Vec<usize> = vec![0; term_str.len()];
    for bag in &bag_ids {
        for &(k, w) in bag {
            if w >= 1.0 {
                content_df[k as usize] += 1;
            }
        }
    }
    let mut candidates: Vec<(u32, f64)> = postings
        .iter()
        .enumerate()
        .filter(|(k, p)| content_df[*k] >= 2 && p.len() <= max_df && may_name(term_str[*k]))
        .map(|(k, p)| {
            let bigram = if term_str[k].contains(' ') { 2.0 } else { 1.0 };
            (k as u32, (p.len() as f64).sqrt() * idf(p.len()) * bigram)
        })
        .collect();
    candidates.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| term_str[a.0 as usize].cmp(term_str[b.0 as usize]))
    });
    let seeded_count = topics.len();
    // Topic name → index, so names stay unique without scanning the list.
    let mut topic_index: HashMap<String, usize> = topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.clone(), i))
        .collect();
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); topics.len()];
    for (i, m) in member.iter().enumerate() {
        for &(t, _) in m {
            members_of[t].push(i);
        }
    }
    let mut absorbed: Vec<Vec<u32>> = vec![Vec::new(); topics.len()];
    // The key of each found topic's seed term, by topic index.
    let mut seed_keys: Vec<Option<u32>> = Vec::new();
    let mut overlap: HashMap<usize, usize> = HashMap::default();
    for (term_key, _) in candidates {
        if cfg.max_topics > 0 && topics.len() - seeded_count >= cfg.max_topics {
            break;
        }
        let term = term_str[term_key as usize];
        let Some(post) = postings.get(term_key as usize) else {
            continue;
        };
        // Overlap with existing topics through the statements' memberships.
        overlap.clear();
        for &i in post {
            for &(t, _) in &member[i] {
                *overlap.entry(t).or_insert(0) += 1;
            }
        }
        let best = overlap
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(t, c)| (*t, *c));
        if let Some((t, c)) = best {
            // A word of the topic's own two-word name (`delay` beside
            // `delay filling`) joins it on a smaller overlap: one subject,
            // not two near-namesake topics splitting its pairs.
            let in_name = !term.contains(' ')
                && seed_keys
                    .get(t)
                    .copied()
                    .flatten()
                    .and_then(|k| term_str.get(k as usize))
                    .is_some_and(|name| name.split(' ').any(|part| part == term));
            let share = if in_name { 4 } else { 2 };
            if c * share >= post.len() {
                absorbed[t].push(term_key);
                continue;
            }
        }
        let ti = topics.len();
        let name = name_of(term);
        if topic_index.contains_key(&name) {
            continue;
        }
        topic_index.insert(name, ti);
        for &i in post {
            let weight = bag_ids[i]
                .iter()
                .find(|(k, _)| *k == term_key)
                .map_or(0.0, |(_, w)| *w);
            let strength = weight * idf(post.len());
            member[i].push((ti, strength));
        }
        members_of.push(post.clone());
        seed_keys.resize(ti, None);
        seed_keys.push(Some(term_key));
        absorbed.push(Vec::new());
        topics.push(Topic {
            name: name_of(term),
            terms: vec![name_of(term)],
            seeded: false,
        });
    }
    // Key terms: the seed, then absorbed terms and co-occurring ones by
    // TF-IDF; each with the weight it lends a statement towards the topic.
    // Topics are ranked independently (in parallel), merged in order.
    let key_terms: Vec<KeyTerms> = (seeded_count..topics.len())
        .into_par_iter()
        .map(|ti| {
            let mut score: HashMap<u32, f64> = HashMap::default();
            for &i in &members_of[ti] {
                for &(k, w) in &bag_ids[i] {
                    let d = df(k);
                    if d >= 2 && d <= max_df {
                        *score.entry(k).or_insert(0.0) += w * idf(d);
                    }
                }
            }
            for &a in &absorbed[ti] {
                *score.entry(a).or_insert(0.0) += 1000.0;
            }
            let mut ranked: Vec<(u32, f64)> = score.into_iter().collect();
            ranked.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then_with(|| term_str[a.0 as usize].cmp(term_str[b.0 as usize]))
            });
            let mut terms = topics[ti].terms.clone();
            let mut weights = Vec::new();
            for (k, sc) in ranked {
                if terms.len() >= TERMS_PER_TOPIC {
                    break;
                }
                let s = name_of(term_str[k as usize]);
                if !terms.contains(&s) {
                    terms.push(s);
                    weights.push((k, if sc >= 1000.0 { 0.8 } else { 0.3 }));
                }
            }
            (terms, weights)
        })
        .collect();
    let mut term_topics: Vec<Vec<(usize, f64)>> = vec![Vec::new(); term_str.len()];
    for (ti, (terms, weights)) in (seeded_count..).zip(key_terms) {
        if let Some(seed) = seed_keys.get(ti).copied().flatten() {
            term_topics[seed as usize].push((ti, 1.0));
        }
        for (k, w) in weights {
            term_topics[k as usize].push((ti, w));
        }
        topics[ti].terms = terms;
    }
    // Statements join the found topics whose key terms they carry enough of.
    member
        .par_iter_mut()
        .zip(bag_ids.par_iter())
        .for_each(|(m, bag)| {
            let mut acc: HashMap<usize, f64> = HashMap::default();
            for &(k, w) in bag {
                for &(t, tw) in &term_topics[k as usize] {
                    *acc.entry(t).or_insert(0.0) += w * tw;
                }
            }
            m.retain(|(t, _)| *t < seeded_count);
            for (t, sc) in acc {
                if sc >= MIN_TOPIC_SCORE {
                    m.push((t, sc));
                }
            }
        });
    // A statement no topic took gets one from its own strongest keyphrase,
    // so what only it says (a private-only line) is still a topic.
    let mut orphan_topics: HashMap<String, usize> = HashMap::default();
    for (i, bag) in bags.iter().enumerate() {
        if !member[i].is_empty() {
            continue;
        }
        let own = bag
            .iter()
            .filter(|(k, w)| **w >= 1.0 && may_name(k))
            .max_by(|a, b| {
                let bigram = |k: &str| if k.contains(' ') { 1.5 } else { 1.0 };
                (a.1 * bigram(a.0))
                    .total_cmp(&(b.1 * bigram(b.0)))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map(|(k, _)| k.clone());
        let Some(key) = own else { continue };
        let name = name_of(&key);
        let ti = match orphan_topics.get(key.as_str()) {
            Some(&t) => t,
            None => match topic_index.get(&name).copied() {
                Some(t) => t,
                None => {
                    topics.push(Topic {
                        name: name.clone(),
                        terms: vec![name.clone()],
                        seeded: false,
                    });
                    orphan_topics.insert(key.to_string(), topics.len() - 1);
                    topic_index.insert(name.clone(), topics.len() - 1);
                    topics.len() - 1
                }
            },
        };
        member[i].push((ti, 1.0));
    }
    // An elaboration and what it elaborates share their topics.
    for i in elaborations(all, docs, &layouts) {
        let (a, b) = (member[i - 1].clone(), member[i].clone());
        member[i - 1].extend(b);
        member[i].extend(a);
    }
    for (report, part) in report_links(all, docs, &layouts, cfg) {
        let shared = member[report].clone();
        member[part].extend(shared);
    }
    // Each statement keeps its strongest topics, seeded ones first.
    for (i, a) in all.iter_mut().enumerate() {
        let m = &mut member[i];
        m.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        // A topic shared from an elaboration or a report comes twice, at
        // two strengths: the strongest stays.
        let mut kept: Vec<usize> = Vec::with_capacity(MAX_TOPICS_PER_STATEMENT);
        for &(t, _) in m.iter() {
            if kept.len() == MAX_TOPICS_PER_STATEMENT {
                break;
            }
            if !kept.contains(&t) {
                kept.push(t);
            }
        }
        a.topics = kept
            .iter()
            .filter_map(|&t| topics.get(t).map(|t| t.name.clone()))
            .collect();
        a.topics.dedup();
    }
    // Topics nobody kept are dropped.
    let used: HashSet<&String> = all.iter().flat_map(|a| a.topics.iter()).collect();
    topics.retain(|t| t.seeded || used.contains(&t.name));
    topics
}
