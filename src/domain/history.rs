//! Hash-linked histories. Each change to the keyring or the adoptions names
//! the changes it follows — the heads it saw — by the sha256 of their file,
//! and every signed file names the heads it was signed under. A change that
//! a later change or file saw cannot then be removed, replaced or reordered
//! without a reference dangling. Two people changing at the same time each
//! follow the same heads; the next change follows both: the history is a
//! graph that merges in git without conflict.
//!
//! Changes written before links existed (format version 1) have none. The
//! first linked change follows all of them, which pins that set: one added
//! or removed later is found.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::{Arc, RwLock};

use jiff::Timestamp;

use super::source::Sha256Hex;

/// The reference to a file: `sha256:` and the hex of its exact bytes.
pub fn link(bytes: &[u8]) -> String {
    format!("sha256:{}", Sha256Hex::of(bytes))
}

/// One change as the history sees it.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its file, relative to the store, for findings.
    pub file: String,
    /// [`link`] of its bytes.
    pub hash: String,
    pub created: Timestamp,
    /// The changes it follows; `None` for a change written before links.
    pub follows: Option<Vec<String>>,
}

/// What is wrong with a change's place in its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryProblem {
    /// It follows a change that is not there: removed or replaced.
    Missing { hash: String },
    /// It says it was made before a change it follows.
    BeforeWhatItFollows,
    /// A change without links that no linked change follows, while linked
    /// changes exist: added after the history began to be linked.
    UnlinkedAfterLinks,
    /// A second first change: linked, following nothing.
    SecondStart,
}

/// A history: its changes, by hash, with their places.
#[derive(Debug, Clone, Default)]
pub struct History {
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
    /// Each node's parents, as indices.
    parents: Vec<Vec<usize>>,
    /// What a set of heads has seen, worked out when first asked: records
    /// name few distinct sets, so this stays small; it is emptied when it
    /// is not.
    seen: Arc<RwLock<SeenCache>>,
}

/// For sets of heads (sorted indices): the nodes they are or follow, as
/// a bit set.
type SeenCache = HashMap<Vec<usize>, Arc<Vec<u64>>>;

/// How many sets of heads the history remembers what they saw of.
const SEEN_CACHE: usize = 256;

impl History {
    pub fn new(mut nodes: Vec<Node>) -> Self {
        nodes.sort_by(|a, b| (a.created, &a.hash).cmp(&(b.created, &b.hash)));
        nodes.dedup_by(|a, b| a.hash == b.hash);
        let index: HashMap<String, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.hash.clone(), i))
            .collect();
        let parents = nodes
            .iter()
            .map(|n| {
                let mut parents: Vec<usize> = n
                    .follows
                    .iter()
                    .flatten()
                    .filter_map(|h| index.get(h).copied())
                    .collect();
                parents.sort_unstable();
                parents.dedup();
                parents
            })
            .collect();
        Self {
            nodes,
            index,
            parents,
            seen: Arc::default(),
        }
    }

    /// The nodes `heads` (indices, sorted) are or follow, as a bit set.
    fn seen_from(&self, heads: &[usize]) -> Arc<Vec<u64>> {
        let cache = |s: &Self| s.seen.read().ok()?.get(heads).cloned();
        if let Some(bits) = cache(self) {
            return bits;
        }
        let mut bits = vec![0u64; self.nodes.len().div_ceil(64)];
        let mut stack: Vec<usize> = heads.to_vec();
        while let Some(i) = stack.pop() {
            if bits[i / 64] & (1 << (i % 64)) != 0 {
                continue;
            }
            bits[i / 64] |= 1 << (i % 64);
            stack.extend(&self.parents[i]);
        }
        let bits = Arc::new(bits);
        if let Ok(mut seen) = self.seen.write() {
            if seen.len() >= SEEN_CACHE {
                seen.clear();
            }
            seen.insert(heads.to_vec(), Arc::clone(&bits));
        }
        bits
    }

    /// An order in which every node comes after what it follows (a cycle's
    /// nodes last); among nodes free to go, the earliest first.
    pub fn topological(&self) -> Vec<usize> {
        let n = self.nodes.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut waiting = vec![0usize; n];
        for (i, parents) in self.parents.iter().enumerate() {
            waiting[i] = parents.len();
            for &p in parents {
                children[p].push(i);
            }
        }
        let mut ready: BinaryHeap<Reverse<usize>> =
            (0..n).filter(|i| waiting[*i] == 0).map(Reverse).collect();
        let mut placed = vec![false; n];
        let mut order = Vec::with_capacity(n);
        while let Some(Reverse(i)) = ready.pop() {
            placed[i] = true;
            order.push(i);
            for &c in &children[i] {
                waiting[c] -= 1;
                if waiting[c] == 0 {
                    ready.push(Reverse(c));
                }
            }
        }
        order.extend((0..n).filter(|i| !placed[*i]));
        order
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, hash: &str) -> Option<&Node> {
        self.index.get(hash).map(|i| &self.nodes[*i])
    }

    pub fn position(&self, hash: &str) -> Option<usize> {
        self.index.get(hash).copied()
    }

    /// The changes no other change follows: what the next change follows.
    /// Unlinked changes count as followed once any linked change exists,
    /// since the first linked change followed them all.
    pub fn heads(&self) -> Vec<String> {
        let any_linked = self.nodes.iter().any(|n| n.follows.is_some());
        let followed: HashSet<&str> = self
            .nodes
            .iter()
            .filter_map(|n| n.follows.as_ref())
            .flatten()
            .map(String::as_str)
            .collect();
        let mut heads: Vec<String> = self
            .nodes
            .iter()
            .filter(|n| !followed.contains(n.hash.as_str()))
            .filter(|n| !(any_linked && n.follows.is_none()))
            .map(|n| n.hash.clone())
            .collect();
        heads.sort();
        heads
    }

    /// Whether the change at `index` is `heads` or something they follow:
    /// whether a file signed under `heads` saw it. Unlinked changes are
    /// seen by every linked state.
    pub fn seen_by(&self, heads: &[String], index: usize) -> bool {
        if self.nodes[index].follows.is_none() && !heads.is_empty() {
            return true;
        }
        // Few heads as a rule: kept on the stack.
        let mut few = [0usize; 4];
        let mut many: Vec<usize> = Vec::new();
        let mut len = 0;
        for i in heads.iter().filter_map(|h| self.index.get(h).copied()) {
            if len < few.len() {
                few[len] = i;
            } else {
                if many.is_empty() {
                    many.extend_from_slice(&few);
                }
                many.push(i);
            }
            len += 1;
        }
        let at: &mut [usize] = if len <= few.len() {
            &mut few[..len]
        } else {
            &mut many
        };
        at.sort_unstable();
        // Duplicates out, in one pass.
        let mut unique = 0;
        for k in 0..at.len() {
            if k == 0 || at[k] != at[unique - 1] {
                at[unique] = at[k];
                unique += 1;
            }
        }
        self.seen_from(&at[..unique])[index / 64] & (1 << (index % 64)) != 0
    }

    /// The latest time among `heads` (a file signed under them cannot be
    /// older); `None` when a head is missing.
    pub fn latest(&self, heads: &[String]) -> Option<Option<Timestamp>> {
        let mut latest = None;
        for h in heads {
            let node = self.node(h)?;
            latest = latest.max(Some(node.created));
        }
        Some(latest)
    }

    /// Every change whose place in the history is wrong, with why.
    pub fn problems(&self) -> Vec<(String, HistoryProblem)> {
        let mut out = Vec::new();
        let linked: Vec<&Node> = self.nodes.iter().filter(|n| n.follows.is_some()).collect();
        let followed: HashSet<&str> = linked
            .iter()
            .filter_map(|n| n.follows.as_ref())
            .flatten()
            .map(String::as_str)
            .collect();
        let any_unlinked = self.nodes.iter().any(|n| n.follows.is_none());
        let mut starts = 0;
        for node in &self.nodes {
            match &node.follows {
                None if !linked.is_empty() && !followed.contains(node.hash.as_str()) => {
                    out.push((node.file.clone(), HistoryProblem::UnlinkedAfterLinks));
                }
                None => {}
                Some(follows) if follows.is_empty() => {
                    starts += 1;
                    if starts > 1 || any_unlinked {
                        out.push((node.file.clone(), HistoryProblem::SecondStart));
                    }
                }
                Some(follows) => {
                    for hash in follows {
                        match self.node(hash) {
                            None => out.push((
                                node.file.clone(),
                                HistoryProblem::Missing { hash: hash.clone() },
                            )),
                            Some(parent) if parent.created > node.created => {
                                out.push((node.file.clone(), HistoryProblem::BeforeWhatItFollows));
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32) -> Timestamp {
        format!("2026-11-23T09:{minute:02}:00Z").parse().unwrap()
    }

    fn node(name: &str, minute: u32, follows: Option<&[&str]>) -> Node {
        Node {
            file: format!("keyring/{name}.toml"),
            hash: format!("sha256:{name}"),
            created: at(minute),
            follows: follows.map(|f| f.iter().map(|h| format!("sha256:{h}")).collect()),
        }
    }

    #[test]
    fn concurrent_changes_merge_and_the_next_follows_both() {
        let h = History::new(vec![
            node("root", 0, Some(&[])),
            node("a", 1, Some(&["root"])),
            node("b", 1, Some(&["root"])),
        ]);
        assert_eq!(h.problems(), []);
        assert_eq!(h.heads(), ["sha256:a", "sha256:b"]);
        let h = History::new(vec![
            node("root", 0, Some(&[])),
            node("a", 1, Some(&["root"])),
            node("b", 1, Some(&["root"])),
            node("c", 2, Some(&["a", "b"])),
        ]);
        assert_eq!(h.heads(), ["sha256:c"]);
        let root = h.position("sha256:root").unwrap();
        let b = h.position("sha256:b").unwrap();
        assert!(h.seen_by(&["sha256:c".into()], root));
        assert!(h.seen_by(&["sha256:c".into()], b));
        assert!(!h.seen_by(&["sha256:a".into()], b), "a did not see b");
        let order: Vec<&str> = h
            .topological()
            .into_iter()
            .map(|i| h.nodes()[i].file.as_str())
            .collect();
        assert_eq!(order.first(), Some(&"keyring/root.toml"));
        assert_eq!(order.last(), Some(&"keyring/c.toml"));
    }

    #[test]
    fn a_removed_or_reordered_change_shows() {
        // "a" was removed: "c" follows it.
        let h = History::new(vec![node("root", 0, Some(&[])), node("c", 2, Some(&["a"]))]);
        assert_eq!(
            h.problems(),
            [(
                "keyring/c.toml".into(),
                HistoryProblem::Missing {
                    hash: "sha256:a".into()
                }
            )]
        );
        // "c" says it was made before what it follows.
        let h = History::new(vec![
            node("root", 5, Some(&[])),
            node("c", 2, Some(&["root"])),
        ]);
        assert_eq!(
            h.problems(),
            [("keyring/c.toml".into(), HistoryProblem::BeforeWhatItFollows)]
        );
        assert_eq!(
            History::new(vec![node("root", 0, Some(&[])), node("x", 1, Some(&[]))])
                .problems()
                .len(),
            1,
            "a second start"
        );
    }

    #[test]
    fn unlinked_changes_are_pinned_by_the_first_linked_one() {
        let before = History::new(vec![node("old1", 0, None), node("old2", 1, None)]);
        assert_eq!(before.problems(), []);
        assert_eq!(before.heads(), ["sha256:old1", "sha256:old2"]);
        let after = History::new(vec![
            node("old1", 0, None),
            node("old2", 1, None),
            node("new", 2, Some(&["old1", "old2"])),
        ]);
        assert_eq!(after.problems(), []);
        assert_eq!(after.heads(), ["sha256:new"]);
        // An unlinked change slipped in later is not followed by anyone.
        let slipped = History::new(vec![
            node("old1", 0, None),
            node("old2", 1, None),
            node("new", 2, Some(&["old1", "old2"])),
            node("late", 1, None),
        ]);
        assert_eq!(
            slipped.problems(),
            [(
                "keyring/late.toml".into(),
                HistoryProblem::UnlinkedAfterLinks
            )]
        );
        // And one of the pinned ones removed dangles.
        let removed = History::new(vec![
            node("old1", 0, None),
            node("new", 2, Some(&["old1", "old2"])),
        ]);
        assert_eq!(removed.problems().len(), 1);
    }
}
