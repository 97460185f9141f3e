//! Every record with its story, one at a time: what an export of a store
//! of any size reads, in little memory. Only where the acts (reviews and
//! withdrawals) are, and the records that revise another, are held, to
//! tell each story; the caller gives the latter as verify found them, never
//! from the index (a cache that verify does not prove).

use jiff::civil::Date;

use super::RecordFile;
use super::device::chain_principal;
use super::read::{chain_dirs, read_record, toml_files};
use super::{Acts, Ledger, RecordFilter, Store, StoreError, StoreState, StoredRecord};
use crate::domain::fsread;
use crate::domain::lifecycle::{ReviewAct, Story, WithdrawalAct};
use crate::domain::record::Record;

impl Store {
    /// Each record that passes `filter`, by author and then sequence
    /// number, with its story as it stands `today` given the records that
    /// revise another (`revisers`, as verify found them), given to `each`.
    /// Returns how many record files did not read.
    pub fn each_story<E: From<StoreError>>(
        &self,
        (state, revisers): (&StoreState, &[StoredRecord]),
        filter: &RecordFilter,
        today: Date,
        each: &mut dyn FnMut(&StoredRecord, &Story<'_>) -> Result<(), E>,
    ) -> Result<usize, E> {
        let places = self.act_places(state)?;
        let none = Acts::default();
        let ledger = Ledger::new(self, state, &none, revisers);
        let records_dir = self.records_dir();
        let mut unreadable = places.unreadable;
        let mut bytes = Vec::new();
        for author in chain_dirs(&records_dir)? {
            if filter
                .author
                .as_ref()
                .is_some_and(|a| Some(a.as_str()) != chain_principal(&author))
            {
                continue;
            }
            let path = records_dir.join(&author);
            let files: Vec<RecordFile> = toml_files(&path)?
                .into_iter()
                .filter_map(|p| RecordFile::from_path(&records_dir, &p))
                .collect();
            let Ok(dir) = fsread::Dir::open(&path) else {
                unreadable += files.len();
                continue;
            };
            for file in files {
                let Some(record) = read_record(&dir, &file, &mut bytes) else {
                    unreadable += 1;
                    continue;
                };
                if !filter.keeps(&record) {
                    continue;
                }
                let stored = StoredRecord {
                    record,
                    file: super::relative(self.dir(), &file.path),
                    sha256: Record::link(&bytes),
                };
                let (reviews, withdrawals, changed) = places.about(self, &stored.record.id);
                unreadable += changed;
                let reviews: Vec<ReviewAct<'_>> = reviews
                    .iter()
                    .map(|s| ReviewAct {
                        file: &s.file,
                        review: &s.value,
                    })
                    .collect();
                let withdrawals: Vec<WithdrawalAct<'_>> = withdrawals
                    .iter()
                    .map(|s| WithdrawalAct {
                        file: &s.file,
                        withdrawal: &s.value,
                    })
                    .collect();
                let story = ledger.story_of(&stored, today, (&reviews, &withdrawals));
                each(&stored, &story)?;
            }
        }
        Ok(unreadable)
    }
}
