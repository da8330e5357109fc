//! Loading PolNeAR (or any brat corpus laid out the same way) as gold documents.
//!
//! A split directory holds `text/NAME.txt` and `attributions/NAME_xxxx.ann`,
//! where `xxxx` names the annotator. A few documents were annotated by several
//! annotators; the loader takes the file whose annotator code sorts first, so
//! every run scores against the same gold.

use crate::ann::{parse_ann, Annotations, Attribution, Entity, ParseError};
use backchannel_core::{Document, Origin, Span};
use serde::Serialize;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// One gold document: its text and its annotated attribution relations.
#[derive(Debug, Clone, Serialize)]
pub struct GoldDoc {
    /// `id` is the text file's stem and `text` the file exactly; title, outlet
    /// and date come from `metadata.tsv` beside the split when it is there.
    pub document: Document,
    /// Annotator code from the `.ann` name (`4e07`), when it has one.
    pub annotator: Option<String>,
    pub attributions: Vec<Attribution>,
    /// Every `T` line, including `Discard` and `Discuss` spans.
    pub entities: Vec<Entity>,
}

/// Why a gold corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{}", path.display(), source)]
    Parse { path: PathBuf, source: ParseError },
    #[error("{}: no annotation file `{stem}_*.ann` in {}", text.display(), dir.display())]
    MissingAnnotations {
        text: PathBuf,
        stem: String,
        dir: PathBuf,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError + '_ {
    move |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads one text and its `.ann` file.
pub fn load_pair(text_path: &Path, ann_path: &Path) -> Result<GoldDoc, LoadError> {
    let text = fs::read_to_string(text_path).map_err(io_error(text_path))?;
    let ann = fs::read_to_string(ann_path).map_err(io_error(ann_path))?;
    let Annotations {
        entities,
        attributions,
    } = parse_ann(&text, &ann).map_err(|source| LoadError::Parse {
        path: ann_path.to_path_buf(),
        source,
    })?;
    let id = file_stem(text_path);
    let annotator = file_stem(ann_path)
        .strip_prefix(&format!("{id}_"))
        .filter(|code| !code.is_empty())
        .map(str::to_string);
    let headline = headline_span(&text);
    let mut document = Document::from_text(id, text);
    document.headline = headline;
    document.origin = Origin::file(text_path.display().to_string());
    Ok(GoldDoc {
        document,
        annotator,
        attributions,
        entities,
    })
}

/// Loads every document of a split directory (`.../polnear/dev`), sorted by id.
pub fn load_polnear_dir(dir: &Path) -> Result<Vec<GoldDoc>, LoadError> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let texts = sorted_files(&text_dir, "txt")?;
    let anns = sorted_files(&ann_dir, "ann")?;
    // Annotation files by the document stem they belong to (first annotator wins).
    let mut ann_by_stem: HashMap<String, PathBuf> = HashMap::new();
    for ann in anns {
        let stem = file_stem(&ann);
        if let Some((doc, code)) = stem.rsplit_once('_') {
            if !code.is_empty() {
                ann_by_stem.entry(doc.to_string()).or_insert(ann);
            }
        }
    }
    let metadata = read_metadata(dir);
    let mut docs = Vec::with_capacity(texts.len());
    for text in texts {
        let stem = file_stem(&text);
        let ann = ann_by_stem
            .get(&stem)
            .ok_or_else(|| LoadError::MissingAnnotations {
                text: text.clone(),
                stem: stem.clone(),
                dir: ann_dir.clone(),
            })?;
        let mut gold = load_pair(&text, ann)?;
        if let Some(meta) = metadata.get(&stem) {
            gold.document.outlet = meta.0.clone();
            gold.document.date = meta.1.clone();
            gold.document.title = meta.2.clone();
        }
        docs.push(gold);
    }
    Ok(docs)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sorted_files(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The first paragraph as headline when it is short and a blank line ends
/// it, as in PolNeAR (a headline may wrap onto a second line).
fn headline_span(text: &str) -> Option<Span> {
    const MAX_HEADLINE_BYTES: usize = 400;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() && offset > 0 {
            let span = Span::new(0, offset).trim(text);
            return (!span.is_empty()).then_some(span);
        }
        offset += line.len();
        if offset > MAX_HEADLINE_BYTES {
            return None;
        }
    }
    None
}

/// Outlet, date and title of one document.
type Metadata = (Option<String>, Option<String>, Option<String>);

/// `metadata.tsv` of the corpus (beside the split directory): outlet, date,
/// title by file name. Missing or unreadable metadata is no error: it only
/// decorates the documents.
fn read_metadata(dir: &Path) -> HashMap<String, Metadata> {
    let mut map = HashMap::new();
    let Some(path) = dir.parent().map(|p| p.join("metadata.tsv")) else {
        return map;
    };
    let Ok(tsv) = fs::read_to_string(path) else {
        return map;
    };
    let mut lines = tsv.lines();
    let Some(header) = lines.next() else {
        return map;
    };
    let columns: Vec<&str> = header.split('\t').collect();
    let column = |name: &str| columns.iter().position(|c| *c == name);
    let (Some(file), publisher, date, title) = (
        column("filename"),
        column("publisher"),
        column("publication_date"),
        column("title"),
    ) else {
        return map;
    };
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let get = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty() && *s != "None")
                .map(str::to_string)
        };
        if let Some(name) = fields.get(file) {
            map.insert(name.to_string(), (get(publisher), get(date), get(title)));
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polnear_split(name: &str) -> Option<PathBuf> {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/polnear"
        ))
        .join(name);
        if dir.is_dir() {
            Some(dir)
        } else {
            eprintln!("skipping: PolNeAR not found at {}", dir.display());
            None
        }
    }

    #[test]
    fn every_polnear_file_loads_and_matches_its_text_fields() {
        for split in ["dev", "train"] {
            check_split(split);
        }
    }

    fn check_split(split: &str) {
        let Some(dir) = polnear_split(split) else {
            return;
        };
        let docs = load_polnear_dir(&dir).expect("PolNeAR split loads");
        assert_eq!(
            docs.len(),
            fs::read_dir(dir.join("text")).expect("text dir").count()
        );
        let (mut relations, mut empty) = (0, 0);
        for gold in &docs {
            let text = &gold.document.text;
            for entity in &gold.entities {
                for fragment in &entity.fragments {
                    assert!(
                        text.is_char_boundary(fragment.start)
                            && text.is_char_boundary(fragment.end)
                    );
                }
                assert_eq!(
                    entity.covered_text(text),
                    entity.text,
                    "{} {}",
                    gold.document.id,
                    entity.id
                );
            }
            // PolNeAR leaves a few relations with nothing but a trigger.
            empty += gold
                .attributions
                .iter()
                .filter(|a| a.cue.is_empty() && a.content.is_empty())
                .count();
            relations += gold.attributions.len();
            assert!(
                gold.document.headline.is_some(),
                "{} has a headline",
                gold.document.id
            );
        }
        eprintln!("{split}: {} documents, {relations} relations", docs.len());
        assert!(relations > 1000, "{split} has {relations} relations");
        assert!(
            empty * 100 < relations,
            "{empty} of {relations} relations are empty"
        );
    }

    #[test]
    fn polnear_dev_scored_against_itself_is_perfect() {
        let Some(dir) = polnear_split("dev") else {
            return;
        };
        let docs = load_polnear_dir(&dir).expect("PolNeAR dev loads");
        let pairs: Vec<(&GoldDoc, &[Attribution])> = docs
            .iter()
            .map(|d| (d, d.attributions.as_slice()))
            .collect();
        let scores = crate::score(&pairs);
        for part in [&scores.source, &scores.cue, &scores.content] {
            assert_eq!(part.exact.f1, 1.0, "{scores}");
            assert_eq!(part.overlap.f1, 1.0, "{scores}");
        }
        for row in scores.quotes.iter().chain(&scores.quoted) {
            assert_eq!(row.prf.f1, 1.0, "{scores}");
            assert_eq!(row.speaker_accuracy, 1.0, "{scores}");
        }
        assert!(
            scores.quoted[0].prf.gold * 4 > scores.quotes[0].prf.gold,
            "{scores}"
        );
        eprintln!("{scores}");
    }

    #[test]
    fn missing_annotations_are_an_error() {
        let dir =
            std::env::temp_dir().join(format!("backchannel-brat-missing-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("text")).expect("temp dir");
        fs::create_dir_all(dir.join("attributions")).expect("temp dir");
        fs::write(dir.join("text/doc-one.txt"), "Headline\n\nBody said this.").expect("write");
        fs::write(dir.join("text/doc-two.txt"), "Other\n\nNo gold.").expect("write");
        fs::write(
            dir.join("attributions/doc-one_ab12.ann"),
            "T1\tCue 15 19\tsaid\n",
        )
        .expect("write");
        let error = load_polnear_dir(&dir).expect_err("doc-two has no .ann");
        assert!(error.to_string().contains("doc-two"), "{error}");
        fs::remove_file(dir.join("text/doc-two.txt")).expect("remove");
        let docs = load_polnear_dir(&dir).expect("loads");
        assert_eq!(docs[0].annotator.as_deref(), Some("ab12"));
        assert_eq!(
            docs[0]
                .document
                .headline
                .map(|h| h.slice(&docs[0].document.text)),
            Some("Headline")
        );
        fs::write(
            dir.join("attributions/doc-one_ab12.ann"),
            "T1\tCue 15 99\tsaid\n",
        )
        .expect("write");
        let error = load_polnear_dir(&dir).expect_err("bad offsets");
        assert!(
            error.to_string().contains("doc-one_ab12.ann:line 1"),
            "{error}"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
