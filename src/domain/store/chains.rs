//! Appending to a signer's chain: records, reviews, withdrawals and sample
//! draws each take the next sequence number and the link to the file
//! before, under the signer's lock, and are signed and written.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::device::chain_dir;
use super::files::Lock;
use super::{Store, StoreError, checked_principal, io_at, read, read_error};
use crate::domain::checkpoint::{CHAIN_DIRS, Checkpoint, Head, Signals, signals_digest};
use crate::domain::fsread;
use crate::domain::keys::{Namespace, Signer};
use crate::domain::record::Record;
use crate::domain::review::{Review, Withdrawal};
use crate::domain::sample::Sample;

impl Store {
    /// Where `principal`'s chain of records goes on: the next record's
    /// `seq` and `prev`. Taken for good only under the lock of
    /// [`Self::append_record`].
    pub fn next_in_chain(&self, principal: &str) -> Result<(u64, Option<String>), StoreError> {
        Self::chain_end(&self.records_dir().join(self.chain_of(principal)?))
    }

    /// The directory of `principal`'s chain on this copy's device.
    fn chain_of(&self, principal: &str) -> Result<String, StoreError> {
        Ok(chain_dir(checked_principal(principal)?, self.device()))
    }

    /// Where the chain in `dir` goes on: the next `seq` and `prev`.
    pub fn next_in(&self, dir: &Path) -> Result<(u64, Option<String>), StoreError> {
        Self::chain_end(dir)
    }

    /// Where the chain of files in `dir` (`<seq>-<id>.toml`) goes on.
    fn chain_end(dir: &Path) -> Result<(u64, Option<String>), StoreError> {
        let last = read::toml_files(dir)?
            .into_iter()
            .filter_map(|path| {
                let stem = path.file_stem()?.to_str()?;
                let (seq, _) = stem.split_once('-')?;
                Some((seq.parse::<u64>().ok()?, path))
            })
            .max_by_key(|(seq, _)| *seq);
        Ok(match last {
            Some((seq, path)) => {
                let bytes = fsread::read(&path, fsread::limit::SIGNED_FILE)
                    .map_err(|e| read_error(&path, e))?;
                (seq + 1, Some(Record::link(&bytes)))
            }
            None => (1, None),
        })
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
        let dir = self.records_dir().join(self.chain_of(principal)?);
        self.append(&dir, principal, signer, Namespace::Record, |seq, prev| {
            let record = make(seq, prev);
            let name = format!("{seq:06}-{}.toml", record.id);
            (record, name)
        })
    }

    /// Appends a review to its reviewer's chain, as [`Self::append_record`].
    pub fn append_review(
        &self,
        signer: &Signer,
        make: impl FnOnce(u64, Option<String>) -> Review,
        principal: &str,
    ) -> Result<(Review, PathBuf), StoreError> {
        let dir = self.reviews_dir().join(self.chain_of(principal)?);
        self.append(&dir, principal, signer, Namespace::Review, |seq, prev| {
            let review = make(seq, prev);
            let name = format!("{seq:06}-{}.toml", review.id);
            (review, name)
        })
    }

    /// Appends a withdrawal to its signer's chain, as [`Self::append_record`].
    pub fn append_withdrawal(
        &self,
        signer: &Signer,
        make: impl FnOnce(u64, Option<String>) -> Withdrawal,
        principal: &str,
    ) -> Result<(Withdrawal, PathBuf), StoreError> {
        let dir = self.withdrawals_dir().join(self.chain_of(principal)?);
        self.append(
            &dir,
            principal,
            signer,
            Namespace::Withdrawal,
            |seq, prev| {
                let withdrawal = make(seq, prev);
                let name = format!("{seq:06}-{}.toml", withdrawal.id);
                (withdrawal, name)
            },
        )
    }

    /// Appends a signed draw to its signer's chain, as [`Self::append_record`].
    pub fn append_sample(
        &self,
        signer: &Signer,
        make: impl FnOnce(u64, Option<String>) -> Sample,
        principal: &str,
    ) -> Result<(Sample, PathBuf), StoreError> {
        let dir = self.samples_dir().join(self.chain_of(principal)?);
        self.append(&dir, principal, signer, Namespace::Sample, |seq, prev| {
            let sample = make(seq, prev);
            let name = format!("{seq:06}-{}.toml", sample.id);
            (sample, name)
        })
    }

    /// Appends a checkpoint to its witness's chain, as [`Self::append_record`].
    pub fn append_checkpoint(
        &self,
        signer: &Signer,
        make: impl FnOnce(u64, Option<String>) -> Checkpoint,
        principal: &str,
    ) -> Result<(Checkpoint, PathBuf), StoreError> {
        let dir = self.checkpoints_dir().join(self.chain_of(principal)?);
        self.append(
            &dir,
            principal,
            signer,
            Namespace::Checkpoint,
            |seq, prev| {
                let checkpoint = make(seq, prev);
                let name = format!("{seq:06}-{}.toml", checkpoint.id);
                (checkpoint, name)
            },
        )
    }

    /// Where every chain of the store stands (its last place and the hash
    /// of the file there), and every author's signals: what a checkpoint
    /// names.
    pub fn heads(&self) -> Result<(Vec<Head>, Vec<Signals>), StoreError> {
        let mut heads = Vec::new();
        for kind in CHAIN_DIRS {
            let top = self.dir().join(kind);
            for chain in read::chain_dirs(&top)? {
                if let (next, Some(sha256)) = Self::chain_end(&top.join(&chain))? {
                    heads.push(Head {
                        dir: format!("{kind}/{chain}"),
                        seq: next - 1,
                        sha256,
                    });
                }
            }
        }
        let mut signals = Vec::new();
        let top = self.signals_dir();
        for principal in read::principal_dirs(&top)? {
            let mut files: Vec<(String, String)> = Vec::new();
            for path in read::toml_files(&top.join(&principal))? {
                let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
                    continue;
                };
                let bytes = fsread::read(&path, fsread::limit::SIGNED_FILE)
                    .map_err(|e| read_error(&path, e))?;
                files.push((id.to_owned(), Record::link(&bytes)));
            }
            files.sort();
            if !files.is_empty() {
                signals.push(Signals {
                    sha256: signals_digest(files.iter().map(|(i, s)| (i.as_str(), s.as_str()))),
                    principal,
                    ids: files.into_iter().map(|(id, _)| id).collect(),
                });
            }
        }
        Ok((heads, signals))
    }

    /// Under `principal`'s lock, the next link of the chain in `dir`: `make`
    /// builds the file for that place and names it; it is signed in
    /// `namespace` and written.
    fn append<T: Serialize>(
        &self,
        dir: &Path,
        principal: &str,
        signer: &Signer,
        namespace: Namespace,
        make: impl FnOnce(u64, Option<String>) -> (T, String),
    ) -> Result<(T, PathBuf), StoreError> {
        let lock_path = self.dir.join(".locks").join(format!("{principal}.lock"));
        let _lock = Lock::acquire(&lock_path).map_err(io_at(&lock_path))?;
        let (seq, prev) = Self::chain_end(dir)?;
        let (value, name) = make(seq, prev);
        let text = toml::to_string(&value).map_err(|e| StoreError::Corrupt {
            path: dir.to_path_buf(),
            what: e.to_string(),
        })?;
        let path = dir.join(name);
        Self::write_signed(&path, &text, signer, namespace)?;
        Ok((value, path))
    }
}
