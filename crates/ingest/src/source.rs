//! Opening inputs: files, directories, standard input, gzip, format choice.

use crate::{decode, error, reader_for, Documents, Format, IdDeduper, ReadOptions};
use backchannel_core::{Document, DocumentError, Origin};
use flate2::read::MultiGzDecoder;
use std::collections::{HashSet, VecDeque};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

/// How many leading bytes are looked at to detect gzip, binary data and the format.
const HEAD_BYTES: usize = 8192;

/// Reads every input (files, directories recursively, `-` for stdin) lazily,
/// in order, giving each document a run-unique id (see [`IdDeduper`]).
///
/// Every document is accounted for: an `Ok` document, or an error naming
/// the path (with line or record) and the reason.
pub fn read_inputs(inputs: &[String], opts: &ReadOptions) -> Inputs {
    Inputs {
        pending: inputs
            .iter()
            .map(|p| Pending {
                path: p.clone(),
                listed: false,
            })
            .collect(),
        current: None,
        opts: opts.clone(),
        ids: IdDeduper::new(),
        seen_dirs: HashSet::new(),
    }
}

/// Reads one in-memory input named `name` (its name picks the id and, by
/// extension, the format), e.g. for tests or bytes fetched elsewhere.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<Document, DocumentError>> {
    let mut ids = IdDeduper::new();
    open_input(name, Box::new(bytes), opts)
        .map(|doc| {
            doc.map(|mut d| {
                d.id = ids.unique(&d.id);
                d
            })
        })
        .collect()
}

struct Pending {
    path: String,
    /// Found by walking a directory (rather than named by the user).
    listed: bool,
}

/// The lazy stream of documents [`read_inputs`] returns. It is `Send`, so
/// reading can run on its own thread while documents are processed.
pub struct Inputs {
    pending: VecDeque<Pending>,
    current: Option<Documents<'static>>,
    opts: ReadOptions,
    ids: IdDeduper,
    /// Directories already walked, by their real path.
    seen_dirs: HashSet<PathBuf>,
}

const _: () = {
    const fn is_send<T: Send>() {}
    is_send::<Inputs>();
};

impl Iterator for Inputs {
    type Item = Result<Document, DocumentError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(current) = self.current.as_mut() {
                match current.next() {
                    Some(Ok(mut doc)) => {
                        doc.id = self.ids.unique(&doc.id);
                        return Some(Ok(doc));
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => self.current = None,
                }
            }
            let next = self.pending.pop_front()?;
            match self.open(next) {
                Ok(Some(docs)) => self.current = Some(docs),
                Ok(None) => {}
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Inputs {
    /// Opens one pending path: a directory queues its entries, a file gives
    /// its documents.
    fn open(&mut self, pending: Pending) -> Result<Option<Documents<'static>>, DocumentError> {
        let path = pending.path;
        if path == "-" && !pending.listed {
            return Ok(Some(open_input("-", Box::new(io::stdin()), &self.opts)));
        }
        let meta = std::fs::metadata(&path).map_err(|e| {
            error(
                Origin::file(&path),
                format!("cannot read: {}", describe_io_error(&e)),
            )
        })?;
        if meta.is_dir() {
            // Symbolic links can make directories loop; each is read once.
            if let Ok(real) = std::fs::canonicalize(&path) {
                if !self.seen_dirs.insert(real) {
                    return Err(error(
                        Origin::file(&path),
                        "directory already read (a link loops back to it)",
                    ));
                }
            }
            let entries = list_dir(Path::new(&path)).map_err(|e| {
                error(
                    Origin::file(&path),
                    format!("cannot list directory: {}", describe_io_error(&e)),
                )
            })?;
            for entry in entries.into_iter().rev() {
                self.pending.push_front(Pending {
                    path: entry,
                    listed: true,
                });
            }
            return Ok(None);
        }
        if !meta.is_file() {
            return Err(error(Origin::file(&path), "not a regular file"));
        }
        let file = std::fs::File::open(&path).map_err(|e| {
            error(
                Origin::file(&path),
                format!("cannot open: {}", describe_io_error(&e)),
            )
        })?;
        Ok(Some(open_input(&path, Box::new(file), &self.opts)))
    }
}

/// The entries of a directory, sorted by name, without hidden (`.`) entries.
fn list_dir(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        names.push(entry.path());
    }
    names.sort();
    Ok(names
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect())
}

/// Opens one input stream: undoes gzip, rejects empty and binary data,
/// picks the format, and hands the content to that format's reader.
pub(crate) fn open_input<'a>(
    path: &str,
    input: Box<dyn Read + Send + 'a>,
    opts: &ReadOptions,
) -> Documents<'a> {
    match prepare(path, input, opts) {
        Ok((format, content)) => reader_for(format).read(path, content, opts),
        Err(reason) => Box::new(std::iter::once(Err(error(Origin::file(path), reason)))),
    }
}

fn prepare<'a>(
    path: &str,
    mut input: Box<dyn Read + Send + 'a>,
    opts: &ReadOptions,
) -> Result<(Format, Box<dyn BufRead + Send + 'a>), String> {
    let head = read_head(&mut input).map_err(|e| describe_io_error(&e))?;
    let gzip_suffix = path.to_ascii_lowercase().ends_with(".gz");
    let (head, input): (Vec<u8>, Box<dyn Read + Send + 'a>) = if head.starts_with(&[0x1f, 0x8b]) {
        let mut unzipped: Box<dyn Read + Send + 'a> = Box::new(GzipErrors(MultiGzDecoder::new(
            Cursor::new(head).chain(input),
        )));
        let head = read_head(&mut unzipped).map_err(|e| describe_io_error(&e))?;
        (head, unzipped)
    } else if gzip_suffix && !head.is_empty() {
        return Err("not gzip data, though the name ends in .gz".to_string());
    } else {
        (head, input)
    };
    if head.is_empty() {
        return Err("empty file".to_string());
    }
    let format = opts
        .format
        .or_else(|| Format::from_path(path))
        .unwrap_or_else(|| Format::sniff(&head));
    // WARC records carry binary payloads (images, compressed bodies) by design.
    if format != Format::Warc && decode::looks_binary(&head) {
        return Err("binary data (NUL bytes), not text".to_string());
    }
    let content = BufReader::with_capacity(64 << 10, Cursor::new(head).chain(input));
    Ok((format, Box::new(content)))
}

/// Reads up to [`HEAD_BYTES`] bytes (fewer only at end of input).
fn read_head(input: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    input.take(HEAD_BYTES as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Labels errors from inside gzip data as such.
struct GzipErrors<R>(R);

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            let reason = if e.kind() == io::ErrorKind::UnexpectedEof {
                "gzip data is truncated".to_string()
            } else {
                format!("corrupt gzip data: {e}")
            };
            io::Error::new(e.kind(), reason)
        })
    }
}

/// An I/O error in words, without the OS error number.
pub(crate) fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        io::ErrorKind::UnexpectedEof if e.get_ref().is_none() => {
            "unexpected end of data".to_string()
        }
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(cut) => text.get(..cut).unwrap_or(&text).to_string(),
                None => text,
            }
        }
    }
}

/// `67108864` → `64 MiB`.
pub(crate) fn human_bytes(n: usize) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}
