//! The store: a directory of plain files that only ever grows.
//!
//! ```text
//! store.toml, store.toml.sig          format, roles, trust root (signed by it)
//! keyring/KR-….toml, .sig             one file per keyring change
//! norms/<sha256>.toml                 exact bytes of every norm version used
//! records/<principal>/<seq>-<id>.toml, .sig   one file per decision
//! ```
//!
//! No file is rewritten after it is written and no two writers share a file,
//! so a store kept in git merges without conflicts. Only taking an author's
//! next sequence number is locked (`.locks/`, not part of the store).

pub mod files;
mod read;

pub use self::read::{Found, RecordFilter, StoredRecord};

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use self::files::{Lock, write_new};
use super::keyring::{Action, BEHEERDER, KEYRING_FORMAT, Keyring, KeyringEntry, SignedEntry};
use super::keys::{Fingerprint, KeyError, Namespace, Signer};
use super::record::Record;
use super::signal::Signal;
use super::source::SourceFile;

pub const STORE_FORMAT: &str = "maatwerk-store/1";
pub const CONFIG_FILE: &str = "store.toml";
pub const DEFAULT_ROLES: &[&str] = &[
    "consulent",
    "teamleider",
    "afdelingshoofd",
    "controller",
    "beheerder",
];

/// The store's own description, signed by the trust root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    pub format: String,
    pub created: Timestamp,
    /// Fingerprint of the trust root's key.
    pub root: String,
    /// The roles keyring members may have.
    pub roles: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: not a maatwerk store (there is no store.toml)", dir.display())]
    NotAStore { dir: PathBuf },
    #[error("{}: already holds a maatwerk store", dir.display())]
    AlreadyAStore { dir: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}: {what}", path.display())]
    Corrupt { path: PathBuf, what: String },
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("the key {0} is not in the keyring, or not valid now")]
    NotAMember(Fingerprint),
    #[error("only a beheerder may change the keyring")]
    NotBeheerder,
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Keyring entries read, and files that could not be read with why.
pub type KeyringFiles = (Vec<SignedEntry>, Vec<(PathBuf, String)>);

/// A record file as found in the store.
#[derive(Debug, Clone)]
pub struct RecordFile {
    pub path: PathBuf,
    pub principal: String,
    /// Sequence number and id as the file name gives them.
    pub seq: u64,
    pub id: String,
}

impl RecordFile {
    /// The record file at `path`, when it lies where records do:
    /// `records/<principal>/<seq>-<id>.toml`.
    pub fn from_path(records_dir: &Path, path: &Path) -> Option<Self> {
        let principal = path.parent()?;
        if principal.parent()? != records_dir {
            return None;
        }
        let name = path.file_name()?.to_str()?;
        let stem = name.strip_suffix(".toml")?;
        if stem.starts_with('.') {
            return None;
        }
        let (seq, id) = stem.split_once('-')?;
        Some(Self {
            seq: seq.parse().ok()?,
            id: id.to_owned(),
            principal: principal.file_name()?.to_str()?.to_owned(),
            path: path.to_path_buf(),
        })
    }
}

/// An open store.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// Makes a new store in `dir` (which may exist but must not be a store)
    /// with `signer` as the trust root, a beheerder named `name`.
    pub fn init(
        dir: &Path,
        signer: &Signer,
        principal: &str,
        name: &str,
        role: &str,
        now: Timestamp,
    ) -> Result<Self, StoreError> {
        if dir.join(CONFIG_FILE).exists() {
            return Err(StoreError::AlreadyAStore {
                dir: dir.to_path_buf(),
            });
        }
        let store = Self {
            dir: dir.to_path_buf(),
        };
        let root = KeyringEntry {
            format: KEYRING_FORMAT.into(),
            id: files::new_id("KR", now),
            created: now,
            action: Action::Add,
            principal: principal.into(),
            name: Some(name.into()),
            role: Some(role.into()),
            // The trust root always manages the keyring.
            beheerder: (role != BEHEERDER).then_some(true),
            public_key: Some(public_line(signer)),
            valid_from: now,
            valid_until: None,
            signed_by: principal.into(),
            reason: None,
        };
        Self::write_signed(
            &store.keyring_dir().join(format!("{}.toml", root.id)),
            &to_toml(&root)?,
            signer,
            Namespace::Keyring,
        )?;
        let config = StoreConfig {
            format: STORE_FORMAT.into(),
            created: now,
            root: signer.fingerprint().to_string(),
            roles: DEFAULT_ROLES.iter().map(|r| (*r).to_owned()).collect(),
        };
        Self::write_signed(
            &dir.join(CONFIG_FILE),
            &to_toml(&config)?,
            signer,
            Namespace::Keyring,
        )?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            write_new(
                &ignore,
                b"# Not part of the store: locks and interrupted writes.\n.locks/\n.tmp-*\n",
            )
            .map_err(io_at(&ignore))?;
        }
        Ok(store)
    }

    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        if dir.join(CONFIG_FILE).is_file() {
            Ok(Self {
                dir: dir.to_path_buf(),
            })
        } else {
            Err(StoreError::NotAStore {
                dir: dir.to_path_buf(),
            })
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn keyring_dir(&self) -> PathBuf {
        self.dir.join("keyring")
    }

    pub fn norms_dir(&self) -> PathBuf {
        self.dir.join("norms")
    }

    pub fn records_dir(&self) -> PathBuf {
        self.dir.join("records")
    }

    pub fn signals_dir(&self) -> PathBuf {
        self.dir.join("signals")
    }

    /// Signs and stores a signal.
    pub fn add_signal(&self, signal: &Signal, signer: &Signer) -> Result<PathBuf, StoreError> {
        let path = self
            .signals_dir()
            .join(&signal.author.principal)
            .join(format!("{}.toml", signal.id));
        Self::write_signed(&path, &to_toml(signal)?, signer, Namespace::Signal)?;
        Ok(path)
    }

    /// Every signal file (the `.toml`), by author then id.
    pub fn signal_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.signals_dir();
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut authors: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(io_at(&dir))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        authors.sort();
        let mut out = Vec::new();
        for author in authors {
            out.extend(toml_files(&author)?);
        }
        Ok(out)
    }

    pub fn config(&self) -> Result<StoreConfig, StoreError> {
        let path = self.dir.join(CONFIG_FILE);
        let text = fs::read_to_string(&path).map_err(io_at(&path))?;
        toml::from_str(&text).map_err(|e| StoreError::Corrupt {
            path,
            what: e.message().to_owned(),
        })
    }

    /// Writes `path.sig` and then `path`: an interruption leaves at most a
    /// signature without its file, which `verify` names as such.
    fn write_signed(
        path: &Path,
        text: &str,
        signer: &Signer,
        namespace: Namespace,
    ) -> Result<(), StoreError> {
        let sig = signer.sign(namespace, text.as_bytes())?;
        let sig_path = sig_path(path);
        write_new(&sig_path, sig.as_bytes()).map_err(io_at(&sig_path))?;
        write_new(path, text.as_bytes()).map_err(io_at(path))
    }

    /// Every keyring entry with its signature; files that cannot be read or
    /// parsed are returned separately with what is wrong.
    pub fn keyring_entries(&self) -> Result<KeyringFiles, StoreError> {
        let dir = self.keyring_dir();
        let mut entries = Vec::new();
        let mut bad = Vec::new();
        for path in toml_files(&dir)? {
            let read =
                fs::read(&path).and_then(|bytes| Ok((bytes, fs::read_to_string(sig_path(&path))?)));
            match read {
                Err(e) => bad.push((path, e.to_string())),
                Ok((bytes, signature)) => match std::str::from_utf8(&bytes)
                    .map_err(|e| e.to_string())
                    .and_then(|t| {
                        toml::from_str::<KeyringEntry>(t).map_err(|e| e.message().to_owned())
                    }) {
                    Ok(entry) => entries.push(SignedEntry {
                        file: relative(&self.dir, &path),
                        entry,
                        bytes,
                        signature,
                    }),
                    Err(what) => bad.push((path, what)),
                },
            }
        }
        Ok((entries, bad))
    }

    pub fn keyring(&self) -> Result<Keyring, StoreError> {
        Ok(Keyring::build(self.keyring_entries()?.0))
    }

    /// Adds a signed keyring entry; `signer` must be a beheerder now.
    pub fn add_keyring_entry(
        &self,
        entry: &KeyringEntry,
        signer: &Signer,
    ) -> Result<PathBuf, StoreError> {
        let keyring = self.keyring()?;
        let grant = keyring
            .grant_for_key(signer.fingerprint(), entry.created)
            .ok_or_else(|| StoreError::NotAMember(signer.fingerprint().clone()))?;
        if !grant.manages_keyring() {
            return Err(StoreError::NotBeheerder);
        }
        let path = self.keyring_dir().join(format!("{}.toml", entry.id));
        Self::write_signed(&path, &to_toml(entry)?, signer, Namespace::Keyring)?;
        Ok(path)
    }

    /// Keeps the exact bytes of a norm version, once, under its sha256.
    pub fn put_norm(&self, source: &SourceFile) -> Result<PathBuf, StoreError> {
        let path = self.norms_dir().join(format!("{}.toml", source.sha256()));
        match write_new(&path, source.text().as_bytes()) {
            Ok(()) => Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let existing = fs::read(&path).map_err(io_at(&path))?;
                if existing == source.text().as_bytes() {
                    Ok(path)
                } else {
                    Err(StoreError::Corrupt {
                        path,
                        what: "the norm snapshot does not match its sha256".into(),
                    })
                }
            }
            Err(e) => Err(io_at(&path)(e)),
        }
    }

    /// Appends a record to `principal`'s chain: under the author's lock,
    /// takes the next sequence number and the link to the previous record,
    /// lets `make` build the record, signs and writes it.
    pub fn append_record(
        &self,
        principal: &str,
        signer: &Signer,
        make: impl FnOnce(u64, Option<String>) -> Record,
    ) -> Result<(Record, PathBuf), StoreError> {
        let lock_path = self.dir.join(".locks").join(format!("{principal}.lock"));
        let _lock = Lock::acquire(&lock_path).map_err(io_at(&lock_path))?;
        let dir = self.records_dir().join(principal);
        let last = self
            .record_files_of(principal)?
            .into_iter()
            .max_by_key(|f| f.seq);
        let (seq, prev) = match last {
            Some(file) => {
                let bytes = fs::read(&file.path).map_err(io_at(&file.path))?;
                (file.seq + 1, Some(Record::link(&bytes)))
            }
            None => (1, None),
        };
        let record = make(seq, prev);
        let text = record.to_toml().map_err(|e| StoreError::Corrupt {
            path: dir.clone(),
            what: e.to_string(),
        })?;
        let path = dir.join(format!("{seq:06}-{}.toml", record.id));
        Self::write_signed(&path, &text, signer, Namespace::Record)?;
        Ok((record, path))
    }

    /// The record files of one author.
    pub fn record_files_of(&self, principal: &str) -> Result<Vec<RecordFile>, StoreError> {
        let dir = self.records_dir().join(principal);
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let records_dir = self.records_dir();
        Ok(toml_files(&dir)?
            .into_iter()
            .filter_map(|path| RecordFile::from_path(&records_dir, &path))
            .collect())
    }

    /// Every record file, by author.
    pub fn record_files(&self) -> Result<Vec<RecordFile>, StoreError> {
        let dir = self.records_dir();
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut all = Vec::new();
        let mut authors: Vec<String> = fs::read_dir(&dir)
            .map_err(io_at(&dir))?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .collect();
        authors.sort();
        for author in authors {
            all.extend(self.record_files_of(&author)?);
        }
        Ok(all)
    }

    /// The file of the record with `id`.
    pub fn find_record(&self, id: &str) -> Result<Option<RecordFile>, StoreError> {
        Ok(self.record_files()?.into_iter().find(|f| f.id == id))
    }
}

/// `path` with `.sig` appended: `a.toml` → `a.toml.sig`.
pub fn sig_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".sig");
    PathBuf::from(name)
}

/// The `*.toml` files directly in `dir`, sorted; none when it does not exist.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(io_at(dir))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// `path` relative to the store, with `/` separators, as reports show it.
pub fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn to_toml<T: Serialize>(value: &T) -> Result<String, StoreError> {
    toml::to_string(value).map_err(|e| StoreError::Corrupt {
        path: PathBuf::new(),
        what: e.to_string(),
    })
}

/// `ssh-ed25519 AAAA…`, without the comment.
pub fn public_line(signer: &Signer) -> String {
    let text = signer.public_key().to_openssh().unwrap_or_default();
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}
