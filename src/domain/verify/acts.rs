//! Reviews and withdrawals: each signed in its own namespace by a member
//! valid at the moment it claims, in the role it claims, under a keyring
//! state that gave it; each signer's files a chain like an author's
//! records. Each that counts is held by its place and the hash of its
//! bytes until every decision they are about is told as a story
//! ([`super::stories`]).

use std::collections::HashSet;
use std::path::Path;

use jiff::Timestamp;

use super::chains::{Ids, Link, Walk};
use super::records::{Context, read_problem};
use super::signer::{Claim, check_signed};
use super::{Finding, FindingKind, layout};
use crate::domain::fsread::{self, limit};
use crate::domain::keys::Namespace;
use crate::domain::record::Author;
use crate::domain::review::{
    self, REVIEW_FORMAT, Review, TextProblem, Verdict, WITHDRAWAL_FORMAT, Withdrawal,
};
use crate::domain::sample::{Redo, Redone};
use crate::domain::sample::{SAMPLE_FORMAT, Sample};
use crate::domain::source::Sha256Bytes;
use crate::domain::store::device::chain_principal;
use crate::domain::store::files::CompactId;
use crate::domain::store::files::is_id;
use crate::domain::store::{relative, sig_path};
use crate::domain::totals::NameTable;

/// What the chain and the signer check need of a review or withdrawal.
pub(crate) trait Act: serde::de::DeserializeOwned + serde::Serialize {
    const PREFIX: &'static str;
    /// The store's directory of these acts.
    const DIR: &'static str;
    const FORMAT: &'static str;
    const NAMESPACE: Namespace;
    fn id(&self) -> &str;
    fn format(&self) -> &str;
    fn created(&self) -> Timestamp;
    fn seq(&self) -> u64;
    fn prev(&self) -> Option<&String>;
    fn signer(&self) -> &Author;
    fn keyring(&self) -> &[String];
    fn text_problems(&self) -> Vec<TextProblem>;
    /// Drops what only the checks of the file itself needed, once they are
    /// done: a store's acts are held until every record is read.
    fn brief(&mut self);
}

/// The accessors every chained act has, by the names its fields have.
macro_rules! act {
    ($t:ty, $prefix:literal, $dir:literal, $format:expr, $ns:expr, $signer:ident, $texts:expr, $brief:expr) => {
        impl Act for $t {
            const PREFIX: &'static str = $prefix;
            const DIR: &'static str = $dir;
            const FORMAT: &'static str = $format;
            const NAMESPACE: Namespace = $ns;
            fn id(&self) -> &str {
                &self.id
            }
            fn format(&self) -> &str {
                &self.format
            }
            fn created(&self) -> Timestamp {
                self.created
            }
            fn seq(&self) -> u64 {
                self.seq
            }
            fn prev(&self) -> Option<&String> {
                self.prev.as_ref()
            }
            fn signer(&self) -> &Author {
                &self.$signer
            }
            fn keyring(&self) -> &[String] {
                &self.keyring
            }
            fn text_problems(&self) -> Vec<TextProblem> {
                let texts: fn(&Self) -> Vec<TextProblem> = $texts;
                texts(self)
            }
            fn brief(&mut self) {
                let brief: fn(&mut Self) = $brief;
                self.format = String::new();
                self.prev = None;
                self.keyring = Vec::new();
                self.$signer.name = String::new();
                brief(self);
            }
        }
    };
}

act!(
    Review,
    "RV",
    "reviews",
    REVIEW_FORMAT,
    Namespace::Review,
    reviewer,
    |r| { review::check_remark(r.verdict, r.remark.as_deref()) },
    |r| {
        r.adoptions = Vec::new();
        r.remark = None;
    }
);
act!(
    Withdrawal,
    "WD",
    "withdrawals",
    WITHDRAWAL_FORMAT,
    Namespace::Withdrawal,
    by,
    |w| { review::check_reason(&w.reason) },
    |w| {
        w.adoptions = Vec::new();
        w.reason = String::new();
    }
);
act!(
    Sample,
    "SM",
    "samples",
    SAMPLE_FORMAT,
    Namespace::Sample,
    by,
    |s| {
        let mut problems = Vec::new();
        if crate::domain::bsn::contains_bsn(&s.seed) {
            problems.push(TextProblem::BsnInText);
        }
        if crate::domain::text::has_hidden_control(&s.seed) {
            problems.push(TextProblem::HiddenCharacter);
        }
        problems
    },
    // A draw is done again from its request, seed and all.
    |_| {}
);

/// The signed draws whose signer checks out, and how many files there were.
pub fn read_samples(
    cx: &Context<'_>,
    findings: &mut Vec<Finding>,
) -> (Vec<(String, Sample)>, usize) {
    let mut samples = Vec::new();
    let files = read_kind::<Sample>(cx, findings, &mut |file, sample, _, _| {
        samples.push((file, sample));
    });
    (samples, files)
}

/// Each signed draw, to be done again as every record is offered to it;
/// a decision signed elsewhere just before a draw may have been missed.
pub fn redos(samples: &[(String, Sample)]) -> Vec<std::sync::Mutex<Redo>> {
    samples
        .iter()
        .map(|(_, s)| {
            std::sync::Mutex::new(Redo::new(
                s.request(),
                &s.drawn,
                crate::domain::store::device::SYNC_ALLOWANCE,
            ))
        })
        .collect()
}

/// Each draw done again from the records offered to `draws`: the
/// population counted and the records drawn must be what the file says.
pub fn check_samples(
    samples: &[(String, Sample)],
    draws: &[std::sync::Mutex<Redo>],
    findings: &mut Vec<Finding>,
) {
    for ((file, sample), draw) in samples.iter().zip(draws) {
        findings.extend(
            crate::domain::sample::check(&sample.request(), &sample.by.role)
                .into_iter()
                .map(|p| Finding::new(file, FindingKind::SampleRefused(p))),
        );
        let kind = match super::schedule::lock(draw).verdict(sample.population) {
            Redone::Holds { missed: 0 } => continue,
            Redone::Holds { missed } => FindingKind::SampleLate { missed },
            Redone::Population => FindingKind::SampleNotRedone {
                field: "population".into(),
            },
            Redone::Drawn => FindingKind::SampleNotRedone {
                field: "drawn".into(),
            },
        };
        findings.push(Finding::new(file, kind));
    }
}

/// A review or withdrawal whose signer checks out, as it is held until
/// every record is read: where it is, the hash of the bytes checked, and
/// what the totals need of it. It is read again, those bytes only, when
/// its record's story is told.
#[derive(Debug, Clone, Copy)]
pub struct Held {
    /// The directory of its signer's chain.
    signer: u32,
    seq: u64,
    id: CompactId,
    /// The record it is about.
    pub about: CompactId,
    pub created: Timestamp,
    /// A review's verdict; `None` for a withdrawal.
    pub verdict: Option<Verdict>,
    sha256: Sha256Bytes,
}

/// The reviews and withdrawals whose signer checks out.
#[derive(Debug, Default)]
pub struct Acts {
    pub reviews: Vec<Held>,
    pub withdrawals: Vec<Held>,
    signers: NameTable,
    /// How many review files there were …
    pub review_files: usize,
    /// … and withdrawal files.
    pub withdrawal_files: usize,
}

impl Acts {
    /// Keeps only what is needed once every story is told: the
    /// withdrawals, the reviews that stopped a decision (for the totals),
    /// and every review about a decision in `extended`.
    pub fn keep_for(&mut self, extended: &HashSet<CompactId>) {
        self.reviews.retain(|r| {
            matches!(r.verdict, Some(Verdict::Return | Verdict::Reject))
                || extended.contains(&r.about)
        });
        self.reviews.shrink_to_fit();
    }

    /// The records they are about.
    pub fn records(&self) -> HashSet<CompactId> {
        self.reviews
            .iter()
            .chain(&self.withdrawals)
            .map(|a| a.about)
            .collect()
    }

    /// What is held of an act by `signer`, number `seq`, `id`; about the
    /// record `about`, signed at `created`. `None` for one about no record
    /// this program could have written.
    fn hold(
        &mut self,
        (signer, seq, id): (&str, u64, &str),
        (about, created, verdict): (&str, Timestamp, Option<Verdict>),
        sha256: Sha256Bytes,
    ) -> Option<Held> {
        Some(Held {
            signer: self.signers.place(signer),
            seq,
            // Its name, which holds its id, was checked before it counted.
            id: CompactId::new(id)?,
            about: CompactId::new(about)?,
            created,
            verdict,
            sha256,
        })
    }

    /// The file of `held`, one of the store's `T`s: where it was read, as
    /// only acts named by their signer, number and id count.
    pub(super) fn file<T: Act>(&self, held: &Held) -> String {
        format!(
            "{}/{}/{:06}-{}.toml",
            T::DIR,
            self.signers.name(held.signer),
            held.seq,
            held.id
        )
    }

    /// Each of `held` read again, with its file, if its bytes are still
    /// those checked; a finding for each that is not.
    pub(super) fn load<T: Act>(
        &self,
        cx: &Context<'_>,
        held: &[&Held],
        findings: &mut Vec<Finding>,
    ) -> Loaded<T> {
        let mut loaded = Vec::with_capacity(held.len());
        for h in held {
            let file = self.file::<T>(h);
            match load_act::<T>(cx, &file, h.sha256) {
                Ok(act) => loaded.push((file, act)),
                Err(kind) => findings.push(Finding::new(file, kind)),
            }
        }
        loaded
    }

    /// The reviews and withdrawals about `record` signed at or before
    /// `until`, read again.
    pub fn about(
        &self,
        cx: &Context<'_>,
        record: CompactId,
        until: Timestamp,
        findings: &mut Vec<Finding>,
    ) -> (Loaded<Review>, Loaded<Withdrawal>) {
        let of = |held: &&Held| held.about == record && held.created <= until;
        let reviews: Vec<&Held> = self.reviews.iter().filter(of).collect();
        let withdrawals: Vec<&Held> = self.withdrawals.iter().filter(of).collect();
        let reviews = self.load::<Review>(cx, &reviews, findings);
        let withdrawals = self.load::<Withdrawal>(cx, &withdrawals, findings);
        (reviews, withdrawals)
    }
}

/// Acts read again, each with its file.
pub type Loaded<T> = Vec<(String, T)>;

/// What is done with each act that counts: given its file, its value and
/// the hash of its bytes, and where findings go.
type Keep<'k, T> = &'k mut dyn FnMut(String, T, Sha256Bytes, &mut Vec<Finding>);

/// An act's file read again: its bytes must be those checked.
fn load_act<T: Act>(cx: &Context<'_>, file: &str, sha256: Sha256Bytes) -> Result<T, FindingKind> {
    let bytes = fsread::read(&cx.base.join(file), limit::SIGNED_FILE).map_err(read_problem)?;
    if Sha256Bytes::of(&bytes) != sha256 {
        return Err(changed());
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| FindingKind::Malformed(e.to_string()))?;
    let mut act: T = toml::from_str(text)
        .map_err(|e: toml::de::Error| FindingKind::Malformed(e.message().to_owned()))?;
    act.brief();
    Ok(act)
}

/// The directory of the chain an act's `file` lies in: its signer's, on
/// the device it was signed on.
fn chain_of(file: &str) -> &str {
    file.split('/').nth(1).unwrap_or_default()
}

/// A file whose bytes are no longer those verify checked a moment ago.
pub(super) fn changed() -> FindingKind {
    FindingKind::Unreadable("the file changed while verify read the store; verify again".into())
}

/// Reads and checks every review and withdrawal.
pub fn read(cx: &Context<'_>, findings: &mut Vec<Finding>) -> Acts {
    let mut acts = Acts::default();
    acts.review_files =
        read_kind::<Review>(cx, findings, &mut |file, r: Review, sha256, findings| {
            let name = (chain_of(&file), r.seq, r.id.as_str());
            let about = (r.record.id.as_str(), r.created, Some(r.verdict));
            match acts.hold(name, about, sha256) {
                Some(held) => acts.reviews.push(held),
                None => findings.push(Finding::new(file, FindingKind::ActRecordMissing)),
            }
        });
    acts.withdrawal_files = read_kind::<Withdrawal>(
        cx,
        findings,
        &mut |file, w: Withdrawal, sha256, findings| {
            let name = (chain_of(&file), w.seq, w.id.as_str());
            let about = (w.record.id.as_str(), w.created, None);
            match acts.hold(name, about, sha256) {
                Some(held) => acts.withdrawals.push(held),
                None => findings.push(Finding::new(file, FindingKind::ActRecordMissing)),
            }
        },
    );
    // Held until every record is read: no room to spare.
    acts.reviews.shrink_to_fit();
    acts.withdrawals.shrink_to_fit();
    acts
}

/// `000042-RV-….toml` → 42 and the id, for acts with `prefix`.
fn chain_name(stem: &str, prefix: &str) -> Option<(u64, CompactId)> {
    let (seq, id) = stem.split_once('-')?;
    let n: u64 = seq.parse().ok()?;
    // Only the name this program writes: `0000010-…` is not `000010-…`.
    if seq != format!("{n:06}") || !is_id(prefix, id) {
        return None;
    }
    Some((n, CompactId::new(id)?))
}

/// Reads and checks every act of kind `T`, giving each that counts (with
/// its file and the hash of its bytes) to `keep`; returns how many files
/// there were.
pub(super) fn read_kind<T: Act + Send>(
    cx: &Context<'_>,
    findings: &mut Vec<Finding>,
    keep: Keep<'_, T>,
) -> usize {
    let dir = cx.base.join(T::DIR);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let mut ids = Ids::default();
    let mut files = 0;
    // Every signer's files in chain order, checked on all cores a block at
    // a time and walked in order as the blocks come back, so that only a
    // block of acts is held whole.
    for principal in layout::chain_dirs(cx.base, &dir, findings) {
        let mut mine: Vec<(u64, CompactId)> = layout::signed(
            cx.base,
            &dir.join(&principal),
            |s| chain_name(s, T::PREFIX),
            findings,
        );
        mine.sort_unstable();
        files += mine.len();
        let chain = format!("{}/{principal}", T::DIR);
        let mut walk = Walk::new(cx.witnessed.chain(&chain));
        for block in mine.chunks(super::schedule::BLOCK * threads) {
            let checked = check_block::<T>(cx, &principal, block, threads);
            for ((seq, id), result) in block.iter().zip(checked) {
                let rel = format!("{}/{principal}/{seq:06}-{id}.toml", T::DIR);
                match result {
                    Err(kind) => findings.push(Finding::new(&rel, kind)),
                    Ok((mut act, link, kinds, signed, sha256)) => {
                        let counts = signed && !kinds.iter().any(is_fatal);
                        findings.extend(kinds.into_iter().map(|k| Finding::new(&rel, k)));
                        ids.note(&link, findings);
                        walk.step(link, findings);
                        if counts {
                            act.brief();
                            keep(rel, act, sha256, findings);
                        }
                    }
                }
            }
        }
        // Checkpoints are held to each other once all are read.
        if let Some(state) = walk.finish(findings)
            && T::DIR != "checkpoints"
        {
            super::schedule::lock(cx.chains).push(state);
        }
    }
    files
}

/// The acts of `block`, all `principal`'s, checked on `threads` cores; in
/// the block's order.
fn check_block<T: Act + Send>(
    cx: &Context<'_>,
    principal: &str,
    block: &[(u64, CompactId)],
    threads: usize,
) -> Vec<Result<Checked<T>, FindingKind>> {
    let chunk = block.len().div_ceil(threads).max(1);
    let dir = cx.base.join(T::DIR).join(principal);
    let dir = &dir;
    std::thread::scope(|scope| {
        let handles: Vec<_> = block
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(seq, id)| {
                            let path = dir.join(format!("{seq:06}-{id}.toml"));
                            check_one::<T>(cx, &path, (principal, *seq, id.as_str()))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(FindingKind::Unreadable("a checker stopped".into()))]
                })
            })
            .collect()
    })
}

/// One act checked: its value, its chain link, its findings, whether its
/// signer checks out, and the hash of its bytes.
type Checked<T> = (T, Link, Vec<FindingKind>, bool, Sha256Bytes);

/// Findings after which an act is not told in the story: it is not where
/// or what it says it is.
fn is_fatal(kind: &FindingKind) -> bool {
    matches!(
        kind,
        FindingKind::NameMismatch | FindingKind::UnknownFormat { .. }
    )
}

/// One act: its value, its chain link, its findings, and whether its
/// signer checks out.
fn check_one<T: Act>(
    cx: &Context<'_>,
    path: &Path,
    (principal, seq, id): (&str, u64, &str),
) -> Result<Checked<T>, FindingKind> {
    let bytes = fsread::read(path, limit::SIGNED_FILE).map_err(read_problem)?;
    let armored = fsread::read_text(&sig_path(path), limit::SIGNATURE).map_err(read_problem)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| FindingKind::Malformed(e.to_string()))?;
    let act: T = toml::from_str(text)
        .map_err(|e: toml::de::Error| FindingKind::Malformed(e.message().to_owned()))?;
    let mut kinds = Vec::new();
    if toml::to_string(&act).ok().as_deref() != Some(text) {
        kinds.push(FindingKind::NotAsWritten);
    }
    if chain_principal(principal) != Some(act.signer().principal.as_str())
        || act.seq() != seq
        || act.id() != id
    {
        kinds.push(FindingKind::NameMismatch);
    }
    if act.format() != T::FORMAT {
        kinds.push(FindingKind::UnknownFormat {
            found: act.format().to_owned(),
        });
    }
    let day = act.created().to_zoned(jiff::tz::TimeZone::UTC).date();
    let day = format!("{:04}{:02}{:02}", day.year(), day.month(), day.day());
    if act.id().get(3..11) != Some(day.as_str()) {
        kinds.push(FindingKind::Contradicts { field: "id".into() });
    }
    if act.created() > cx.now {
        kinds.push(FindingKind::CreatedInFuture);
    }
    kinds.extend(act.text_problems().into_iter().map(FindingKind::ActText));
    let claim = Claim {
        author: act.signer(),
        at: act.created(),
        namespace: T::NAMESPACE,
        keyring: Some(act.keyring()),
    };
    let signed = match check_signed(&bytes, &armored, &claim, cx.keyring) {
        Ok(()) => true,
        Err(kind) => {
            kinds.push(kind);
            false
        }
    };
    let sha256 = Sha256Bytes::of(&bytes);
    let link = Link {
        file: relative(cx.base, path),
        seq: act.seq(),
        id: act.id().to_owned(),
        prev: act.prev().cloned(),
        hash: sha256.link(),
        created: act.created(),
        // Reviews, withdrawals and samples have had one form so far.
        generation: 0,
    };
    Ok((act, link, kinds, signed, sha256))
}
