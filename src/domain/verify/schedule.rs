//! Checking every record on all cores: blocks of one author's consecutive
//! records handed out in order, checked by workers, and taken in again in
//! the order they were handed out, so that each author's chain is walked
//! and ids are noted as if one core had done it all, while only a window of
//! blocks is held.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use super::chains::{Link, RecordIds, Walk};
use super::records::{Context, RecordName, check_block};
use super::witness::{ChainState, Witnessed};
use super::{Finding, layout};
use crate::domain::store::files::CompactId;

/// Records checked together: one author's, consecutive.
pub(super) const BLOCK: usize = 512;
/// How many blocks may be handed out beyond the first not yet taken in.
const WINDOW: usize = 4;

/// Checks the records of every author in `authors` on all cores, a block
/// at a time, calling `progress(done, total)` from this thread meanwhile.
/// Blocks are taken in, chains walked and ids noted in the order the
/// blocks were handed out, so only a window of blocks is held and the
/// findings do not depend on which core was first. Returns how many record
/// files there were.
pub fn check_all(
    cx: &Context<'_>,
    authors: &[String],
    total: usize,
    progress: &mut dyn FnMut(usize, usize),
    findings: &mut Vec<Finding>,
) -> usize {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let feed = Mutex::new(Feed {
        authors: authors.iter(),
        current: None,
        handed_out: 0,
        listed: 0,
        findings: Vec::new(),
    });
    let mut taken = Taken::default();
    // Every id is noted: room for all at once, not grown by copying.
    taken.ids.reserve(total);
    let taken = Mutex::new(taken);
    let room = Condvar::new();
    let done = AtomicUsize::new(0);
    let me = std::thread::current();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    work(cx, &feed, &taken, &room, &done);
                    // Wake the reporting thread at once, not at its next tick.
                    me.unpark();
                })
            })
            .collect();
        while !workers
            .iter()
            .all(std::thread::ScopedJoinHandle::is_finished)
        {
            let listed = lock(&feed).listed;
            progress(done.load(Ordering::Relaxed), total.max(listed));
            std::thread::park_timeout(std::time::Duration::from_millis(50));
        }
    });
    let feed = feed.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut taken = taken.into_inner().unwrap_or_else(PoisonError::into_inner);
    let last = std::mem::take(&mut taken.walk);
    taken.chains.extend(last.finish(&mut taken.findings));
    lock(cx.chains).append(&mut taken.chains);
    findings.extend(feed.findings);
    findings.extend(taken.findings);
    let repeated = taken.ids.repeated();
    if !repeated.is_empty() {
        duplicates(cx, authors, &taken.ids, &repeated, findings);
    }
    progress(feed.listed, feed.listed);
    feed.listed
}

/// A worker: takes blocks until there are none, checks each, hands it in.
fn work(
    cx: &Context<'_>,
    feed: &Mutex<Feed<'_>>,
    taken: &Mutex<Taken>,
    room: &Condvar,
    done: &AtomicUsize,
) {
    loop {
        // Not too far ahead of the first block not yet taken in.
        let mut t = lock(taken);
        while lock(feed).handed_out >= t.next + WINDOW {
            t = room.wait(t).unwrap_or_else(PoisonError::into_inner);
        }
        drop(t);
        let Some(task) = lock(feed).next(cx) else {
            room.notify_all();
            return;
        };
        let names = &task.names[task.range.clone()];
        let mut block = Block {
            chain: (task.range.start == 0).then(|| format!("records/{}", task.author)),
            findings: Vec::new(),
            links: Vec::new(),
        };
        check_block(
            cx,
            task.author,
            names,
            &mut block.findings,
            &mut block.links,
        );
        done.fetch_add(names.len(), Ordering::Relaxed);
        lock(taken).take_in(task.number, block, cx.witnessed);
        room.notify_all();
    }
}

/// A finding on every record whose id another one has, of those whose id
/// hashes to one of `repeated`: their names listed again. Every copy is
/// named, the first as much as the later: which is the true one the store
/// cannot tell, and a copy signed under another name must not put the
/// blame on the first.
fn duplicates(
    cx: &Context<'_>,
    authors: &[String],
    ids: &RecordIds,
    repeated: &std::collections::HashSet<u64>,
    findings: &mut Vec<Finding>,
) {
    let mut copies: Vec<(CompactId, String)> = Vec::new();
    for author in authors {
        let dir = cx.base.join("records").join(author);
        let Ok(listed) = crate::domain::fsread::list(&dir) else {
            continue;
        };
        let names: Vec<RecordName> = listed
            .iter()
            .filter_map(|(name, _)| RecordName::parse(name.to_str()?.strip_suffix(".toml")?))
            .filter(|n| repeated.contains(&ids.hash(n.id.as_str())))
            .collect();
        copies.extend(
            names
                .into_iter()
                .map(|name| (name.id, format!("records/{author}/{}", name.file()))),
        );
    }
    copies.sort();
    for same in copies.chunk_by(|a, b| a.0 == b.0).filter(|c| c.len() > 1) {
        for (_, file) in same {
            findings.push(Finding::new(file, super::FindingKind::DuplicateId));
        }
    }
}

/// The value behind `m`, also after a worker panicked holding it.
pub(super) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Hands out blocks: the authors' directories listed one by one, as the
/// blocks before them are handed out.
struct Feed<'a> {
    authors: std::slice::Iter<'a, String>,
    current: Option<(&'a str, Arc<Vec<RecordName>>, usize)>,
    handed_out: usize,
    listed: usize,
    findings: Vec<Finding>,
}

struct Task<'a> {
    number: usize,
    author: &'a str,
    names: Arc<Vec<RecordName>>,
    range: std::ops::Range<usize>,
}

impl<'a> Feed<'a> {
    // Store file names are written by this program in lower case.
    #[allow(clippy::case_sensitive_file_extension_comparisons)]
    fn next(&mut self, cx: &Context<'_>) -> Option<Task<'a>> {
        loop {
            if let Some((author, names, start)) = &mut self.current
                && *start < names.len()
            {
                let range = *start..(*start + BLOCK).min(names.len());
                *start = range.end;
                self.handed_out += 1;
                return Some(Task {
                    number: self.handed_out - 1,
                    author,
                    names: Arc::clone(names),
                    range,
                });
            }
            let author = self.authors.next()?;
            let dir = cx.base.join("records").join(author);
            let mut names = layout::signed(cx.base, &dir, RecordName::parse, &mut self.findings);
            names.sort_by(|a, b| (a.seq, &a.id).cmp(&(b.seq, &b.id)));
            self.listed += names.len();
            self.current = Some((author, Arc::new(names), 0));
        }
    }
}

/// One block checked: its findings and its records' links, in order.
struct Block {
    /// The chain a block begins (`records/<author>`), when it is its first.
    chain: Option<String>,
    findings: Vec<Finding>,
    links: Vec<Link>,
}

/// Takes blocks in, in the order they were handed out.
#[derive(Default)]
struct Taken {
    next: usize,
    waiting: BTreeMap<usize, Block>,
    walk: Walk,
    ids: RecordIds,
    findings: Vec<Finding>,
    chains: Vec<ChainState>,
}

impl Taken {
    fn take_in(&mut self, number: usize, block: Block, witnessed: &Witnessed) {
        self.waiting.insert(number, block);
        while let Some(block) = self.waiting.remove(&self.next) {
            self.next += 1;
            if let Some(chain) = &block.chain {
                let walk = std::mem::replace(&mut self.walk, Walk::new(witnessed.chain(chain)));
                self.chains.extend(walk.finish(&mut self.findings));
            }
            self.findings.extend(block.findings);
            for link in block.links {
                self.ids.note(&link.id);
                self.walk.step(link, &mut self.findings);
            }
        }
    }
}
