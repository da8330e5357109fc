//! Speaker resolution across a document: pronouns to the nearest compatible
//! earlier speaker, descriptions (`the official`) and surnames (`Vell`) to
//! the earlier mention they shorten.

use crate::lexicon::{is_organisation_head, is_person_noun, title_gender, Gender};
use crate::{statement, Draft};
use backchannel_core::{Span, Speaker, Statement};

/// How many of the latest entities a mention is compared with: keeps
/// resolution linear on documents with thousands of speakers.
const RECENT: usize = 256;

/// One entity spoken of as a speaker.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    /// The mention `name` came from.
    span: Span,
    heads: Vec<String>,
    surname: Option<String>,
    gender: Gender,
    plural: bool,
    person: bool,
    organisation: bool,
}

/// What a mention looks like, read off its words.
struct Shape {
    /// The mention without apposition, quote marks and trailing commas.
    core: String,
    words: Vec<String>,
    head: Option<String>,
    appos_head: Option<String>,
    surname: Option<String>,
    definite: bool,
    pronoun: Option<&'static str>,
}

fn trim_marks(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || "\"“”„«»‘’',".contains(c))
}

/// The head noun: the last word before post-modifiers (`of ...`, `involved in ...`).
fn head_of(words: &[String]) -> Option<String> {
    let mut head = None;
    for (n, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let post = n > 0
            && (matches!(
                lower.as_str(),
                "of" | "for" | "at" | "in" | "from" | "with" | "who" | "on" | "to"
            ) || (n >= 2
                && (lower.ends_with("ly") || lower.ends_with("ed") || lower.ends_with("ing"))));
        if post {
            break;
        }
        head = Some(lower.trim_end_matches(['’', '\'', '.']).to_string());
    }
    head
}

fn shape(mention: &str) -> Shape {
    let clean = trim_marks(mention);
    let clean = clean
        .strip_suffix("’s")
        .or_else(|| clean.strip_suffix("'s"))
        .unwrap_or(clean);
    let (core, appos) = match clean.split_once(", ") {
        Some((a, b)) => (trim_marks(a), Some(trim_marks(b))),
        None => (clean, None),
    };
    let words: Vec<String> = core.split_whitespace().map(str::to_string).collect();
    let lower_first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let pronoun = match (words.len(), lower_first.as_str()) {
        (1, "he") => Some("he"),
        (1, "she") => Some("she"),
        (1, "they") => Some("they"),
        (1, "it") => Some("it"),
        (1, "who") => Some("who"),
        (1, "we") => Some("we"),
        (1, "i") => Some("i"),
        (1, "you") => Some("you"),
        _ => None,
    };
    let definite = matches!(
        lower_first.as_str(),
        "the" | "this" | "that" | "these" | "those"
    );
    let head = head_of(&words);
    let appos_words: Vec<String> = appos
        .map(|a| a.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    let appos_head = head_of(&appos_words);
    // A name ends the mention: `Foreign Minister Anya Vell`, not `Vell’s office`.
    let surname = words
        .last()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.ends_with("’s")
                && !w.ends_with("'s")
        })
        .map(|w| w.trim_end_matches([',', '.']).to_string());
    Shape {
        core: core.to_string(),
        words,
        head,
        appos_head,
        surname,
        definite,
        pronoun,
    }
}

fn gender_of(s: &Shape) -> Gender {
    for w in &s.words {
        let g = title_gender(&w.to_lowercase());
        if g != Gender::Unknown {
            return g;
        }
    }
    Gender::Unknown
}

fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// Resolves every draft's speaker and turns drafts into statements.
pub(crate) fn resolve(text: &str, drafts: Vec<crate::Draft>) -> Vec<Statement> {
    let mut entities: Vec<(Entity, usize)> = Vec::new(); // entity, last mention position
    let mut resolved: Vec<Option<Speaker>> = Vec::with_capacity(drafts.len());
    let mut out = Vec::with_capacity(drafts.len());
    for d in &drafts {
        if let Some(src) = d.inherits {
            // Carried over: the same speaker as an earlier statement.
            let sp = drafts.get(src).and(resolved.get(src).cloned().flatten());
            let sp = sp.or_else(|| {
                d.speaker.map(|s| Speaker {
                    span: s,
                    name: trim_marks(s.slice(text)).to_string(),
                    antecedent: None,
                })
            });
            resolved.push(sp.clone());
            out.push(statement(d, sp));
            continue;
        }
        let Some(span) = d.speaker else {
            resolved.push(None);
            out.push(statement(d, None));
            continue;
        };
        let known = entities.len();
        let sp = resolve_one(text, d, span, &mut entities);
        if entities.len() > known {
            // A new entity: `his`/`her` in its own statement hints at gender.
            let rest = text.get(span.end..d.span().end.max(span.end)).unwrap_or("");
            let hint = rest
                .split(|c: char| !c.is_alphanumeric())
                .find_map(|w| match w {
                    "he" | "his" | "him" => Some(Gender::Male),
                    "she" | "her" | "hers" => Some(Gender::Female),
                    _ => None,
                });
            if let (Some(g), Some((e, _))) = (hint, entities.last_mut()) {
                if e.gender == Gender::Unknown && e.person && !e.plural {
                    e.gender = g;
                }
            }
        }
        resolved.push(Some(sp.clone()));
        out.push(statement(d, Some(sp)));
    }
    out
}

fn resolve_one(text: &str, d: &Draft, span: Span, entities: &mut Vec<(Entity, usize)>) -> Speaker {
    let mention = span.slice(text);
    let s = shape(mention);
    let pos = span.start;
    let found = match s.pronoun {
        Some("who") => d.relative_head.and_then(|h| {
            let hs = shape(h.slice(text));
            find_description(&hs, entities).or_else(|| Some(new_entity(entities, &hs, h, pos)))
        }),
        Some(p @ ("he" | "she")) => {
            let g = if p == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            let hit = entities
                .iter()
                .enumerate()
                .skip(entities.len().saturating_sub(RECENT))
                .filter(|(_, (e, _))| {
                    e.person && !e.plural && !e.organisation && compatible(e.gender, g)
                })
                .max_by_key(|(_, (_, last))| *last)
                .map(|(i, _)| i);
            if let Some(i) = hit {
                if let Some((e, _)) = entities.get_mut(i) {
                    if e.gender == Gender::Unknown {
                        e.gender = g;
                    }
                }
            }
            hit
        }
        // `they`: a plural speaker, or an organisation mentioned just before.
        Some("they") => entities
            .iter()
            .enumerate()
            .skip(entities.len().saturating_sub(RECENT))
            .filter(|(_, (e, last))| e.plural || e.organisation && pos.saturating_sub(*last) < 600)
            .max_by_key(|(_, (e, last))| (e.plural, *last))
            .map(|(i, _)| i),
        Some("it") => entities
            .iter()
            .enumerate()
            .skip(entities.len().saturating_sub(RECENT))
            .filter(|(_, (e, _))| e.organisation && !e.plural)
            .max_by_key(|(_, (_, last))| *last)
            .map(|(i, _)| i),
        Some(_) => None,
        None => {
            let by_desc = if s.definite {
                find_description(&s, entities)
            } else {
                None
            };
            by_desc.or_else(|| find_surname(&s, entities))
        }
    };
    match found {
        Some(i) => {
            let (name, ante) = match entities.get_mut(i) {
                Some((e, last)) => {
                    *last = pos;
                    (e.name.clone(), e.span)
                }
                None => (trim_marks(mention).to_string(), span),
            };
            let antecedent = (ante != span).then_some(ante);
            Speaker {
                span,
                name,
                antecedent,
            }
        }
        None => {
            if s.pronoun.is_some() {
                return Speaker {
                    span,
                    name: mention.to_string(),
                    antecedent: None,
                };
            }
            new_entity(entities, &s, span, pos);
            Speaker {
                span,
                name: s.core.clone(),
                antecedent: None,
            }
        }
    }
}

fn new_entity(entities: &mut Vec<(Entity, usize)>, s: &Shape, span: Span, pos: usize) -> usize {
    let head = s.head.clone().unwrap_or_default();
    let capital_head = s
        .words
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let organisation = is_organisation_head(&head);
    // `many in Vellmar`, `some of the delegates`: a quantifier heads a group.
    let quantified = matches!(
        head.as_str(),
        "many" | "some" | "most" | "few" | "several" | "all" | "both" | "others" | "people"
    );
    let plural = quantified
        || !organisation
            && head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("us")
            && !capital_head;
    let person = !organisation
        && (is_person_noun(&head) || is_person_noun(head.trim_end_matches('s')) || capital_head);
    let mut heads = Vec::new();
    heads.extend(s.head.clone());
    heads.extend(s.appos_head.clone());
    let e = Entity {
        name: s.core.clone(),
        span,
        heads,
        surname: s.surname.clone(),
        gender: gender_of(s),
        plural,
        person,
        organisation,
    };
    entities.push((e, pos));
    entities.len() - 1
}

/// `the official` → the nearest earlier entity with head `official`.
fn find_description(s: &Shape, entities: &[(Entity, usize)]) -> Option<usize> {
    let head = s.head.as_ref()?;
    if head.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // `the defence ministry` is not `the foreign ministry`: the earlier
    // mention carries every modifier of this one.
    // Words compared without case or dots (`U.S.` is `US`).
    let key = |w: &str| w.to_lowercase().replace('.', "");
    let head_at = s
        .words
        .iter()
        .rposition(|w| key(w).trim_end_matches(['’', '\'']) == key(head))
        .unwrap_or(s.words.len().saturating_sub(1));
    let modifiers: Vec<String> = s
        .words
        .iter()
        .take(head_at)
        .skip(usize::from(s.definite))
        .map(|w| key(w))
        // `the same official` points back; `same` is no modifier.
        .filter(|w| !matches!(w.as_str(), "same" | "very" | "aforementioned"))
        .collect();
    let carries = |e: &Entity| {
        let name: Vec<String> = e.name.split_whitespace().map(key).collect();
        modifiers.iter().all(|m| name.contains(m))
    };
    entities
        .iter()
        .enumerate()
        .skip(entities.len().saturating_sub(RECENT))
        .filter(|(_, (e, _))| e.heads.iter().any(|h| h == head) && carries(e))
        .max_by_key(|(_, (_, last))| *last)
        .map(|(i, _)| i)
}

/// `Vell` or `Ms. Vell` → the earlier full mention ending in `Vell`.
fn find_surname(s: &Shape, entities: &[(Entity, usize)]) -> Option<usize> {
    let surname = s.surname.as_ref()?;
    let short = s.words.len() <= 2;
    if !short {
        return None;
    }
    entities
        .iter()
        .enumerate()
        .skip(entities.len().saturating_sub(RECENT))
        .filter(|(_, (e, _))| e.surname.as_ref() == Some(surname) && e.name.len() >= s.core.len())
        .max_by_key(|(_, (_, last))| *last)
        .map(|(i, _)| i)
}
