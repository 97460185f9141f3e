//! Reviews and withdrawals: each signed in its own namespace by a member
//! valid at the moment it claims, in the role it claims, under a keyring
//! state that gave it; each signer's files a chain like an author's
//! records. Then every decision they are about is told as a story
//! (`lifecycle::story`): an act counts only if it could be signed at that
//! moment — by someone whose role reaches the role the record needs, not
//! its author, about the record's exact bytes, while the decision was
//! still open — and each one that does not count is a finding.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jiff::Timestamp;

use super::chains::{Ids, Link, Walk};
use super::records::{Context, read_problem};
use super::signer::{Claim, check_signed};
use super::{Finding, FindingKind, layout};
use crate::domain::fsread::{self, limit};
use crate::domain::keys::Namespace;
use crate::domain::lifecycle::{self, ReviewAct, Revision, WithdrawalAct};
use crate::domain::record::{Author, Record};
use crate::domain::review::{
    self, REVIEW_FORMAT, Review, TextProblem, WITHDRAWAL_FORMAT, Withdrawal,
};
use crate::domain::sample::{Draw, SAMPLE_FORMAT, Sample};
use crate::domain::store::files::is_id;
use crate::domain::store::{relative, sig_path};

/// What the chain and the signer check need of a review or withdrawal.
trait Act: serde::de::DeserializeOwned + serde::Serialize {
    const PREFIX: &'static str;
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
    ($t:ty, $prefix:literal, $format:expr, $ns:expr, $signer:ident, $texts:expr, $brief:expr) => {
        impl Act for $t {
            const PREFIX: &'static str = $prefix;
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
    read_kind::<Sample>(cx, "samples", findings)
}

/// Each draw done again from the records offered to `draws`: the
/// population counted and the records drawn must be what the file says.
pub fn check_samples(
    samples: &[(String, Sample)],
    draws: &[std::sync::Mutex<Draw>],
    findings: &mut Vec<Finding>,
) {
    for ((file, sample), draw) in samples.iter().zip(draws) {
        findings.extend(
            crate::domain::sample::check(&sample.request(), &sample.by.role)
                .into_iter()
                .map(|p| Finding::new(file, FindingKind::SampleRefused(p))),
        );
        let draw = super::schedule::lock(draw).clone();
        let population = draw.population();
        if population != sample.population {
            findings.push(Finding::new(
                file,
                FindingKind::SampleNotRedone {
                    field: "population".into(),
                },
            ));
        }
        let size = sample.request().size(population);
        if draw.drawn() != sample.drawn || size != sample.drawn.len() {
            findings.push(Finding::new(
                file,
                FindingKind::SampleNotRedone {
                    field: "drawn".into(),
                },
            ));
        }
    }
}

/// The reviews and withdrawals whose signer checks out, with their files.
#[derive(Debug, Default)]
pub struct Acts {
    pub reviews: Vec<(String, Review)>,
    pub withdrawals: Vec<(String, Withdrawal)>,
    /// How many review files there were …
    pub review_files: usize,
    /// … and withdrawal files.
    pub withdrawal_files: usize,
}

impl Acts {
    /// Keeps only what is needed once every story is told: the
    /// withdrawals, the reviews that stopped a decision (for the totals),
    /// and every review about a decision in `extended`.
    pub fn keep_for(&mut self, extended: &HashSet<String>) {
        self.reviews.retain(|(_, r)| {
            matches!(r.verdict, review::Verdict::Return | review::Verdict::Reject)
                || extended.contains(&r.record.id)
        });
        self.reviews.shrink_to_fit();
    }

    /// The records they are about.
    pub fn records(&self) -> HashSet<String> {
        self.reviews
            .iter()
            .map(|(_, r)| r.record.id.clone())
            .chain(self.withdrawals.iter().map(|(_, w)| w.record.id.clone()))
            .collect()
    }
}

/// Reads and checks every review and withdrawal.
pub fn read(cx: &Context<'_>, findings: &mut Vec<Finding>) -> Acts {
    let mut acts = Acts::default();
    let (reviews, n) = read_kind::<Review>(cx, "reviews", findings);
    acts.reviews = reviews;
    acts.review_files = n;
    let (withdrawals, n) = read_kind::<Withdrawal>(cx, "withdrawals", findings);
    acts.withdrawals = withdrawals;
    acts.withdrawal_files = n;
    acts
}

/// `000042-RV-….toml` → 42 and the id, for acts with `prefix`.
fn chain_name(stem: &str, prefix: &str) -> Option<(u64, String)> {
    let (seq, id) = stem.split_once('-')?;
    let n: u64 = seq.parse().ok()?;
    // Only the name this program writes: `0000010-…` is not `000010-…`.
    (seq == format!("{n:06}") && is_id(prefix, id)).then(|| (n, id.to_owned()))
}

fn read_kind<T: Act + Send>(
    cx: &Context<'_>,
    dir_name: &str,
    findings: &mut Vec<Finding>,
) -> (Vec<(String, T)>, usize) {
    let dir = cx.base.join(dir_name);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let mut counted = Vec::new();
    let mut ids = Ids::default();
    let mut files = 0;
    // Every signer's files in chain order, checked on all cores a block at
    // a time and walked in order as the blocks come back, so that only a
    // block of acts is held whole.
    for principal in layout::author_dirs(cx.base, &dir, findings) {
        let listed = layout::signed_files(
            cx.base,
            &dir.join(&principal),
            |s| chain_name(s, T::PREFIX).is_some(),
            findings,
        );
        let mut mine: Vec<(u64, String, std::path::PathBuf)> = listed
            .into_iter()
            .filter_map(|p| {
                let (seq, id) = chain_name(layout::name_of(&p).strip_suffix(".toml")?, T::PREFIX)?;
                Some((seq, id, p))
            })
            .collect();
        mine.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        files += mine.len();
        let mut walk = Walk::default();
        for block in mine.chunks(super::schedule::BLOCK * threads) {
            let checked = check_block::<T>(cx, &principal, block, threads);
            for ((_, _, path), result) in block.iter().zip(checked) {
                let rel = relative(cx.base, path);
                match result {
                    Err(kind) => findings.push(Finding::new(&rel, kind)),
                    Ok((mut act, link, kinds, signed)) => {
                        let counts = signed && !kinds.iter().any(is_fatal);
                        findings.extend(kinds.into_iter().map(|k| Finding::new(&rel, k)));
                        ids.note(&link, findings);
                        walk.step(link, findings);
                        if counts {
                            act.brief();
                            counted.push((rel, act));
                        }
                    }
                }
            }
        }
    }
    (counted, files)
}

/// The acts of `block`, all `principal`'s, checked on `threads` cores; in
/// the block's order.
fn check_block<T: Act + Send>(
    cx: &Context<'_>,
    principal: &str,
    block: &[(u64, String, std::path::PathBuf)],
    threads: usize,
) -> Vec<Result<Checked<T>, FindingKind>> {
    let chunk = block.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = block
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(seq, id, path)| check_one::<T>(cx, path, (principal, *seq, id)))
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

/// One act checked: its value, its chain link, its findings, and whether
/// its signer checks out.
type Checked<T> = (T, Link, Vec<FindingKind>, bool);

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
    if act.signer().principal != principal || act.seq() != seq || act.id() != id {
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
    let link = Link {
        file: relative(cx.base, path),
        seq: act.seq(),
        id: act.id().to_owned(),
        prev: act.prev().cloned(),
        hash: Record::link(&bytes),
        created: act.created(),
        // Reviews, withdrawals and samples have had one form so far.
        generation: 0,
    };
    Ok((act, link, kinds, signed))
}

/// Where a record the acts are about was found by the record pass, and
/// the hash of the bytes checked there; read again when its story is told,
/// so that a store's reviewed records are never all held at once.
#[derive(Debug, Clone)]
pub struct Captured {
    /// Its path in the store.
    pub file: Box<str>,
    /// `sha256:` of its bytes.
    pub link: Box<str>,
}

impl Captured {
    /// The record read again, without its words (its story needs none),
    /// if its bytes are still those the record pass checked.
    pub fn load(&self, cx: &Context<'_>) -> Result<Record, FindingKind> {
        let bytes =
            fsread::read(&cx.base.join(&*self.file), limit::SIGNED_FILE).map_err(read_problem)?;
        if Record::link(&bytes) != *self.link {
            return Err(FindingKind::Unreadable(
                "the file changed while verify read the store; verify again".into(),
            ));
        }
        let text =
            std::str::from_utf8(&bytes).map_err(|e| FindingKind::Malformed(e.to_string()))?;
        let mut record = Record::read(text)
            .ok_or_else(|| FindingKind::Malformed("the record no longer reads".into()))?;
        crate::domain::store::brief(&mut record);
        Ok(record)
    }
}

/// Tells the story of every record an act or a revision is about; a
/// finding for each act that does not count.
pub fn check_stories(
    cx: &Context<'_>,
    acts: &Acts,
    captured: &HashMap<String, Captured>,
    revisions: &[crate::domain::store::StoredRecord],
    findings: &mut Vec<Finding>,
) {
    let mut reviews: HashMap<&str, Vec<ReviewAct<'_>>> = HashMap::new();
    for (file, review) in &acts.reviews {
        reviews
            .entry(review.record.id.as_str())
            .or_default()
            .push(ReviewAct { file, review });
    }
    let mut withdrawals: HashMap<&str, Vec<WithdrawalAct<'_>>> = HashMap::new();
    for (file, withdrawal) in &acts.withdrawals {
        withdrawals
            .entry(withdrawal.record.id.as_str())
            .or_default()
            .push(WithdrawalAct { file, withdrawal });
    }
    let mut revised: HashMap<&str, Vec<Revision<'_>>> = HashMap::new();
    for crate::domain::store::StoredRecord { file, record, .. } in revisions {
        if let Some(target) = &record.revises {
            revised
                .entry(target.as_str())
                .or_default()
                .push(Revision { file, record });
        }
    }
    let mut about: Vec<&str> = reviews
        .keys()
        .chain(withdrawals.keys())
        .chain(revised.keys())
        .copied()
        .collect();
    about.sort_unstable();
    about.dedup();
    for id in about {
        let found = lifecycle::Found {
            reviews: reviews.get(id).map_or(&[], Vec::as_slice),
            withdrawals: withdrawals.get(id).map_or(&[], Vec::as_slice),
            revisions: revised.get(id).map_or(&[], Vec::as_slice),
            norm_revised: false,
        };
        let Some(target) = captured.get(id) else {
            let files = found
                .reviews
                .iter()
                .map(|a| a.file)
                .chain(found.withdrawals.iter().map(|a| a.file))
                .chain(found.revisions.iter().map(|a| a.file));
            findings.extend(files.map(|f| Finding::new(f, FindingKind::ActRecordMissing)));
            continue;
        };
        let record = match target.load(cx) {
            Ok(record) => record,
            Err(kind) => {
                findings.push(Finding::new(&*target.file, kind));
                continue;
            }
        };
        let norm = cx
            .snapshots
            .get(&record.norm.sha256)
            .and_then(Option::as_ref);
        let today = cx.now.to_zoned(jiff::tz::TimeZone::UTC).date();
        let story = lifecycle::story(&record, &target.link, norm, found, today);
        findings.extend(
            story
                .problems
                .into_iter()
                .map(|(file, problem)| Finding::new(file, FindingKind::Act(problem))),
        );
    }
}
