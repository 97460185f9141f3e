//! The store: a directory of plain files that only ever grows.
//!
//! ```text
//! store.toml, store.toml.sig          format, roles, trust root (signed by it)
//! keyring/KR-….toml, .sig             one file per keyring change
//! adoptions/AD-….toml, .sig           one file per adoption or withdrawal
//! norms/<sha256>.toml                 exact bytes of every norm version adopted
//! records/<principal>/<seq>-<id>.toml, .sig   one file per decision
//! signals/<principal>/<id>.toml, .sig        one file per signal
//! reviews/<principal>/<seq>-<id>.toml, .sig   one file per verdict
//! withdrawals/<principal>/<seq>-<id>.toml, .sig   one file per withdrawal
//! samples/<principal>/<seq>-<id>.toml, .sig   one file per sample drawn
//! ```
//!
//! No file is rewritten after it is written and no two writers share a file,
//! so a store kept in git merges without conflicts. Only taking an author's
//! next sequence number is locked (`.locks/`, not part of the store).

mod acts;
mod chains;
pub mod device;
pub mod earlier;
pub mod files;
pub mod index;
mod read;
mod stream;

pub use self::acts::{Acts, Kept, Ledger, Stored, stories, with_status};
pub use self::earlier::Earlier;
pub(crate) use self::read::brief;
pub use self::read::{Found, RecordFilter, SignedFiles, StoredRecord};

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use self::files::write_new;
use super::adoption::{Adoption, Adoptions, DEFAULT_ADOPTERS};
use super::decision::DecisionWindow;
use super::fsread::{self, ReadError};
use super::history;
use super::keyring::{Action, BEHEERDER, KEYRING_FORMAT, KeyringEntry, is_principal};
use super::keyring::{ConfigPin, Keyring};
use super::keys::{Fingerprint, KeyError, Namespace, Signer};
use super::norm::catalog::{Catalog, LoadedNorm, Origin};
use super::record::SignedUnder;
use super::signal::Signal;
use super::source::SourceFile;

pub const STORE_FORMAT: &str = "maatwerk-store/2";
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
    /// The roles that may adopt and withdraw norms (besides whoever manages
    /// the keyring).
    #[serde(default = "default_adopters")]
    pub adopters: Vec<String>,
    /// How many days a decision date may lie before the day it is signed.
    #[serde(default = "default_decision_window")]
    pub decision_window_days: u32,
}

/// `store.toml` as release 0.1 wrote it.
pub const STORE_FORMAT_V1: &str = "maatwerk-store/1";

/// Whether `bytes`, read from `store.toml` as `config`, are the description
/// the trust root laid down: the one its keyring entry pins, or in a store
/// of release 0.1 (which pinned nothing) one of that release's form, with
/// no settings it did not have.
pub fn config_is_pinned(keyring: &Keyring, bytes: &[u8], config: &StoreConfig) -> bool {
    match keyring.config_pin() {
        // Without a root there is nothing to hold it to; that is a finding
        // of its own.
        ConfigPin::NoRoot => true,
        ConfigPin::Pinned(pin) => history::link(bytes) == *pin,
        ConfigPin::Missing => false,
        ConfigPin::Legacy => {
            config.format == STORE_FORMAT_V1
                && config.adopters == default_adopters()
                && config.decision_window_days == DEFAULT_DECISION_WINDOW
        }
    }
}

/// The days a decision may be dated back unless `store.toml` says otherwise.
pub const DEFAULT_DECISION_WINDOW: u32 = 31;

fn default_adopters() -> Vec<String> {
    DEFAULT_ADOPTERS.iter().map(|r| (*r).to_owned()).collect()
}

fn default_decision_window() -> u32 {
    DEFAULT_DECISION_WINDOW
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
    #[error("`{0}` is not a usable principal")]
    BadPrincipal(String),
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A file that could not be read as a store error.
fn read_error(path: &Path, error: ReadError) -> StoreError {
    match error {
        ReadError::Io(source) => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
        other => StoreError::Corrupt {
            path: path.to_path_buf(),
            what: other.to_string(),
        },
    }
}

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
        let seq: u64 = seq.parse().ok()?;
        // Only the name this program writes: `0000010-…` is not `000010-…`,
        // and `000001-copy` names no record.
        if format!("{seq:06}-{id}") != stem || !files::is_id("MW", id) {
            return None;
        }
        Some(Self {
            seq,
            id: id.to_owned(),
            principal: device::chain_principal(principal.file_name()?.to_str()?)?.to_owned(),
            path: path.to_path_buf(),
        })
    }
}

/// An open store.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// The device this copy of the store is, when it was cloned: what is
    /// signed here goes on chains of this device ([`device`]).
    device: Option<device::Device>,
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
        if fsread::kind(&dir.join(CONFIG_FILE))
            .map_err(io_at(dir))?
            .is_some()
        {
            return Err(StoreError::AlreadyAStore {
                dir: dir.to_path_buf(),
            });
        }
        if !is_principal(principal) {
            return Err(StoreError::BadPrincipal(principal.to_owned()));
        }
        files::make_dirs(dir).map_err(io_at(dir))?;
        files::restrict_dir(dir).map_err(io_at(dir))?;
        let store = Self {
            dir: dir.to_path_buf(),
            device: None,
        };
        // The store's description first, so the root's entry can pin it.
        let config = StoreConfig {
            format: STORE_FORMAT.into(),
            created: now,
            root: signer.fingerprint().to_string(),
            roles: DEFAULT_ROLES.iter().map(|r| (*r).to_owned()).collect(),
            adopters: default_adopters(),
            decision_window_days: DEFAULT_DECISION_WINDOW,
        };
        let config_text = to_toml(&config)?;
        let root = KeyringEntry {
            format: KEYRING_FORMAT.into(),
            id: files::new_id("KR", now),
            created: now,
            follows: Some(Vec::new()),
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
            config: Some(history::link(config_text.as_bytes())),
        };
        Self::write_signed(
            &store.keyring_dir().join(format!("{}.toml", root.id)),
            &to_toml(&root)?,
            signer,
            Namespace::Keyring,
        )?;
        // Written last: a store is there once its description is.
        Self::write_signed(
            &dir.join(CONFIG_FILE),
            &config_text,
            signer,
            Namespace::Keyring,
        )?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            write_new(
                &ignore,
                b"# Not part of the store: locks, the index and interrupted writes.\n.locks/\n.index/\n.tmp-*\n",
            )
            .map_err(io_at(&ignore))?;
        }
        Ok(store)
    }

    /// The store in `dir`: its `store.toml` must be a regular file there,
    /// not a link to one elsewhere.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        // A `store.toml` that is a link, a FIFO or a device still marks a
        // store, one whose description cannot be read: reading it says so
        // (and `verify` reports it), rather than "no store here".
        match fsread::kind(&dir.join(CONFIG_FILE)) {
            Ok(Some(fsread::Kind::File | fsread::Kind::Symlink | fsread::Kind::Special)) => {
                Ok(Self {
                    dir: dir.to_path_buf(),
                    device: device::Device::of(dir),
                })
            }
            _ => Err(StoreError::NotAStore {
                dir: dir.to_path_buf(),
            }),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The device this copy of the store is, if it is one of its own.
    pub fn device(&self) -> Option<device::Device> {
        self.device
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

    pub fn adoptions_dir(&self) -> PathBuf {
        self.dir.join("adoptions")
    }

    pub fn reviews_dir(&self) -> PathBuf {
        self.dir.join("reviews")
    }

    pub fn withdrawals_dir(&self) -> PathBuf {
        self.dir.join("withdrawals")
    }

    pub fn samples_dir(&self) -> PathBuf {
        self.dir.join("samples")
    }

    pub fn checkpoints_dir(&self) -> PathBuf {
        self.dir.join("checkpoints")
    }

    /// Signs and stores a signal.
    pub fn add_signal(&self, signal: &Signal, signer: &Signer) -> Result<PathBuf, StoreError> {
        checked_principal(&signal.author.principal)?;
        let path = self
            .signals_dir()
            .join(&signal.author.principal)
            .join(format!("{}.toml", signal.id));
        Self::write_signed(&path, &to_toml(signal)?, signer, Namespace::Signal)?;
        Ok(path)
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

    /// Signs and stores an adoption or withdrawal, keeping the norm's exact
    /// bytes first.
    pub fn add_adoption(
        &self,
        adoption: &Adoption,
        norm: &SourceFile,
        signer: &Signer,
    ) -> Result<PathBuf, StoreError> {
        self.put_norm(norm)?;
        let path = self.adoptions_dir().join(format!("{}.toml", adoption.id));
        Self::write_signed(&path, &to_toml(adoption)?, signer, Namespace::Adoption)?;
        Ok(path)
    }

    /// Keeps the exact bytes of a norm version, once, under its sha256.
    pub fn put_norm(&self, source: &SourceFile) -> Result<PathBuf, StoreError> {
        let path = self.norms_dir().join(format!("{}.toml", source.sha256()));
        match write_new(&path, source.text().as_bytes()) {
            Ok(()) => Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let existing =
                    fsread::read(&path, fsread::limit::NORM).map_err(|e| read_error(&path, e))?;
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
}

/// `principal`, when it may be used as a directory name.
fn checked_principal(principal: &str) -> Result<&str, StoreError> {
    if is_principal(principal) {
        Ok(principal)
    } else {
        Err(StoreError::BadPrincipal(principal.to_owned()))
    }
}

/// `path` with `.sig` appended: `a.toml` → `a.toml.sig`.
pub fn sig_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".sig");
    PathBuf::from(name)
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

/// What signing in a store needs to know of it: its description, its
/// keyring and its adoptions, as they stand.
#[derive(Debug, Clone)]
pub struct StoreState {
    pub config: StoreConfig,
    pub keyring: Keyring,
    pub adoptions: Adoptions,
}

impl StoreState {
    /// The histories a file signed now names.
    pub fn under(&self) -> SignedUnder {
        SignedUnder {
            keyring: self.keyring.heads(),
            adoptions: self.adoptions.heads(),
        }
    }

    /// The decision dates a decision signed `today` may carry.
    pub fn window(&self, today: jiff::civil::Date) -> DecisionWindow {
        DecisionWindow::signed_on(today, self.config.decision_window_days)
    }
}

impl Store {
    /// The store's description, keyring and adoptions, read and checked.
    pub fn state(&self) -> Result<StoreState, StoreError> {
        let config = self.config()?;
        let keyring = self.keyring()?;
        let path = self.dir.join(CONFIG_FILE);
        let bytes =
            fsread::read(&path, fsread::limit::SMALL_FILE).map_err(|e| read_error(&path, e))?;
        if !config_is_pinned(&keyring, &bytes, &config) {
            return Err(StoreError::Corrupt {
                path,
                what: "not the description the trust root laid down when the store was made; run `maatwerk verify`".into(),
            });
        }
        let adoptions = self.adoptions(&keyring, &config)?;
        Ok(StoreState {
            config,
            keyring,
            adoptions,
        })
    }

    /// The adopted norms, each with the exact bytes kept in the store: the
    /// newest adopted version of each id that is not withdrawn by `today`.
    pub fn adopted_catalog(&self, state: &StoreState, today: jiff::civil::Date) -> Catalog {
        let mut norms: Vec<LoadedNorm> = Vec::new();
        let mut ids: Vec<&str> = state
            .adoptions
            .adopted()
            .iter()
            .map(|a| a.adoption.norm.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let newest = state.adoptions.current(id, today).or_else(|| {
                state
                    .adoptions
                    .adopted()
                    .iter()
                    .filter(|a| a.adoption.norm.id == id)
                    .max_by_key(|a| (a.adoption.norm.version, a.adoption.created))
            });
            let Some(adopted) = newest else { continue };
            if let Some(source) = self.snapshot_source(&adopted.adoption.norm.sha256) {
                norms.push(LoadedNorm {
                    norm: adopted.norm.clone(),
                    source: std::sync::Arc::new(source),
                });
            }
        }
        Catalog::from_norms(Origin::Store(self.dir.clone()), norms)
    }
}
