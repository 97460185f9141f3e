//! A set of norms read from a directory, from files named on the command
//! line, or from the copy bundled in the binary.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use super::Norm;
use super::parse::parse;
use crate::domain::diagnostic::{Diagnostic, FileReport, Problem};
use crate::domain::source::{Sha256Hex, SourceFile};

/// The norms compiled into the binary from `norms/`: (file name, text).
const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_norms.rs"));

/// A valid norm with the file it was read from.
#[derive(Debug, Clone)]
pub struct LoadedNorm {
    pub norm: Norm,
    pub source: Arc<SourceFile>,
}

impl LoadedNorm {
    /// sha256 of the norm file's exact bytes, which records bind to.
    pub fn sha256(&self) -> &Sha256Hex {
        self.source.sha256()
    }
}

/// Where a catalog's norms came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Directory(PathBuf),
    Files,
    Bundled,
    /// The norms adopted in the store in this directory.
    Store(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Directory(dir) => write!(f, "{}", dir.display()),
            Self::Files => f.write_str("files"),
            Self::Bundled => f.write_str("bundled"),
            Self::Store(dir) => write!(f, "store {}", dir.display()),
        }
    }
}

/// Norms that loaded cleanly, and a report for every file that had problems.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub origin: Origin,
    norms: Vec<LoadedNorm>,
    reports: Vec<FileReport>,
    files_read: usize,
}

/// A directory or file that could not be listed at all.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct ListError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

impl Catalog {
    /// Norms already read and checked (such as those adopted in a store).
    pub fn from_norms(origin: Origin, norms: Vec<LoadedNorm>) -> Self {
        Self {
            origin,
            files_read: norms.len(),
            norms,
            reports: Vec::new(),
        }
    }

    /// The norms bundled in the binary.
    pub fn bundled() -> Self {
        let files = BUNDLED
            .iter()
            .map(|(name, text)| Ok(SourceFile::new(format!("bundled:norms/{name}"), *text)))
            .collect();
        Self::from_sources(Origin::Bundled, files)
    }

    /// Every `*.toml` file directly in `dir`.
    pub fn load_dir(dir: &Path) -> Result<Self, ListError> {
        let files = norm_files_in(dir)?;
        let sources = files.iter().map(|p| read_source(p)).collect();
        let mut catalog = Self::from_sources(Origin::Directory(dir.to_path_buf()), sources);
        if catalog.files_read == 0 {
            catalog.reports.push(FileReport {
                source: Arc::new(SourceFile::new(dir.display().to_string(), "")),
                diagnostics: vec![Diagnostic::warning(0..0, Problem::NoNormFiles)],
            });
        }
        Ok(catalog)
    }

    /// Files and directories as named on a command line: directories
    /// contribute their `*.toml` files; files are taken as they are.
    pub fn load_paths(paths: &[PathBuf]) -> Result<Self, ListError> {
        let mut sources = Vec::new();
        let mut empty_dirs = Vec::new();
        for path in paths {
            if path.is_dir() {
                let files = norm_files_in(path)?;
                if files.is_empty() {
                    empty_dirs.push(path.clone());
                }
                sources.extend(files.iter().map(|p| read_source(p)));
            } else if path.exists() {
                sources.push(read_source(path));
            } else {
                return Err(ListError {
                    path: path.clone(),
                    source: io::Error::from(io::ErrorKind::NotFound),
                });
            }
        }
        let mut catalog = Self::from_sources(Origin::Files, sources);
        for dir in empty_dirs {
            catalog.reports.push(FileReport {
                source: Arc::new(SourceFile::new(dir.display().to_string(), "")),
                diagnostics: vec![Diagnostic::warning(0..0, Problem::NoNormFiles)],
            });
        }
        Ok(catalog)
    }

    fn from_sources(origin: Origin, sources: Vec<Result<SourceFile, FileReport>>) -> Self {
        let files_read = sources.len();
        let mut norms: Vec<LoadedNorm> = Vec::new();
        let mut reports = Vec::new();
        let mut first_file: HashMap<String, String> = HashMap::new();
        for source in sources {
            let source = match source {
                Ok(source) => Arc::new(source),
                Err(report) => {
                    reports.push(report);
                    continue;
                }
            };
            let name = Path::new(source.name());
            let is_toml = name.extension().is_some_and(|e| e == "toml");
            let stem = name
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let mut parsed = if is_toml {
                parse(&source, &stem)
            } else {
                super::parse::Parsed {
                    norm: None,
                    diagnostics: vec![Diagnostic::error(0..0, Problem::NotATomlFile)],
                }
            };
            if let Some(norm) = &parsed.norm {
                match first_file.get(&norm.id) {
                    Some(other) => {
                        let span = id_span(&source);
                        parsed.diagnostics.push(Diagnostic::error(
                            span,
                            Problem::DuplicateNormId {
                                id: norm.id.clone(),
                                other_file: other.clone(),
                            },
                        ));
                        parsed.norm = None;
                    }
                    None => {
                        first_file.insert(norm.id.clone(), source.name().to_owned());
                    }
                }
            }
            if !parsed.diagnostics.is_empty() {
                reports.push(FileReport {
                    source: Arc::clone(&source),
                    diagnostics: parsed.diagnostics,
                });
            }
            if let Some(norm) = parsed.norm {
                norms.push(LoadedNorm { norm, source });
            }
        }
        norms.sort_by(|a, b| a.norm.id.cmp(&b.norm.id));
        Self {
            origin,
            norms,
            reports,
            files_read,
        }
    }

    /// Valid norms, by id.
    pub fn norms(&self) -> &[LoadedNorm] {
        &self.norms
    }

    /// Files with errors or warnings, in the order they were read.
    pub fn reports(&self) -> &[FileReport] {
        &self.reports
    }

    pub fn files_read(&self) -> usize {
        self.files_read
    }

    pub fn has_errors(&self) -> bool {
        self.reports.iter().any(FileReport::has_errors)
    }

    pub fn get(&self, id: &str) -> Option<&LoadedNorm> {
        self.norms
            .binary_search_by(|n| n.norm.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.norms[i])
    }

    /// Norms a new decision dated `on` may rely on.
    pub fn usable_on(&self, on: Date) -> impl Iterator<Item = &LoadedNorm> {
        self.norms
            .iter()
            .filter(move |n| n.norm.usability(on).is_ok())
    }
}

fn norm_files_in(dir: &Path) -> Result<Vec<PathBuf>, ListError> {
    let list_error = |source| ListError {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(list_error)? {
        let path = entry.map_err(list_error)?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden && path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read_source(path: &Path) -> Result<SourceFile, FileReport> {
    let name = path.display().to_string();
    let problem = match fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => return Ok(SourceFile::new(name, text)),
            Err(_) => Problem::NotUtf8,
        },
        Err(e) => Problem::Unreadable {
            message: e.to_string(),
        },
    };
    Err(FileReport {
        source: Arc::new(SourceFile::new(name, "")),
        diagnostics: vec![Diagnostic::error(0..0, problem)],
    })
}

/// Where `id = "…"` is written, to point a duplicate-id error at it.
fn id_span(source: &SourceFile) -> std::ops::Range<usize> {
    toml::de::DeTable::parse(source.text())
        .ok()
        .and_then(|doc| doc.get_ref().get("id").map(toml::Spanned::span))
        .unwrap_or(0..0)
}
