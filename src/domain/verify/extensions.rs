//! Extensions, checked once every record is: each names a decision the
//! store holds, with its exact bytes; that decision was in force when the
//! extension was signed; the period follows on; and the whole chain stays
//! within the norm's limits on extensions. The decisions extended are
//! read again by name — few, and only when there are extensions.

use std::collections::{HashMap, HashSet};

use jiff::tz::TimeZone;

use super::acts::Acts;
use super::records::{Context, RecordName};
use super::stories::Captures;
use super::{Finding, FindingKind};
use crate::domain::extension;
use crate::domain::fsread::{self, Kind, limit};
use crate::domain::lifecycle::{self, ReviewAct, WithdrawalAct};
use crate::domain::record::Record;
use crate::domain::store::device::chain_principal;
use crate::domain::store::files::CompactId;

/// A decision an extension is about, read whole, with `sha256:` of its
/// bytes (empty for an extension not yet read by name).
struct Known {
    record: Record,
    link: String,
}

/// Checks every record in `extensions` (file and record) against the
/// decision it extends.
pub fn check(
    cx: &Context<'_>,
    acts: &Acts,
    captured: &Captures,
    extensions: &[(String, Record)],
    findings: &mut Vec<Finding>,
) {
    if extensions.is_empty() {
        return;
    }
    let mut known: HashMap<String, Known> = HashMap::new();
    for (_, record) in extensions {
        known.entry(record.id.clone()).or_insert_with(|| Known {
            record: record.clone(),
            // An extension's own link is only needed when it is extended
            // in turn; then it is read below.
            link: String::new(),
        });
    }
    // The decisions extended, and those they extend, read by name.
    let mut wanted: HashSet<String> = extensions
        .iter()
        .filter_map(|(_, r)| r.extends.clone())
        .collect();
    let mut gone: HashSet<String> = HashSet::new();
    for _ in 0..1000 {
        wanted.retain(|id| !gone.contains(id) && known.get(id).is_none_or(|c| c.link.is_empty()));
        if wanted.is_empty() {
            break;
        }
        // Those the acts are about were found by the record pass already.
        let mut found: HashMap<String, Known> = HashMap::new();
        let captured_of = |id: &str| CompactId::new(id).and_then(|id| captured.get(&id));
        for id in &wanted {
            if let Some(c) = captured_of(id) {
                match captured.load(cx, &c) {
                    Ok(record) => {
                        let link = c.sha256.link();
                        found.insert(id.clone(), Known { record, link });
                    }
                    Err(kind) => findings.push(Finding::new(captured.file(&c), kind)),
                }
            }
        }
        let rest: HashSet<String> = wanted
            .iter()
            .filter(|id| captured_of(id).is_none())
            .cloned()
            .collect();
        found.extend(read_by_id(cx, &rest));
        let next: HashSet<String> = found
            .values()
            .filter_map(|c| c.record.extends.clone())
            .filter(|id| !known.contains_key(id) && !found.contains_key(id))
            .collect();
        // What cannot be found is not looked for again.
        gone.extend(wanted.iter().filter(|id| !found.contains_key(*id)).cloned());
        known.extend(found);
        wanted = next;
    }
    let by_id = |id: &str| {
        known
            .get(id)
            .filter(|c| !c.link.is_empty())
            .map(|c| &c.record)
    };
    for (file, record) in extensions {
        let Some(target_id) = &record.extends else {
            continue;
        };
        let Some(target) = known.get(target_id).filter(|c| !c.link.is_empty()) else {
            findings.push(Finding::new(file, FindingKind::ActRecordMissing));
            continue;
        };
        if record.extends_sha256.as_deref() != Some(target.link.as_str()) {
            findings.push(Finding::new(
                file,
                FindingKind::Act(lifecycle::ActProblem::RecordChanged),
            ));
            continue;
        }
        let Some(Some(norm)) = cx.snapshots.get(&record.norm.sha256) else {
            // The record's own check reports a missing norm.
            continue;
        };
        let status = status_then(cx, acts, target, record, findings);
        let chain = extension::chain(&target.record, by_id);
        let period = record.period.map(|p| (p.start, p.end));
        for problem in extension::check((&record.case, norm, period), &chain, status) {
            findings.push(Finding::new(file, FindingKind::Extension(problem)));
        }
    }
}

/// The status of `target` when `extension` was signed: its story told with
/// the acts signed before.
fn status_then(
    cx: &Context<'_>,
    acts: &Acts,
    target: &Known,
    extension: &Record,
    findings: &mut Vec<Finding>,
) -> lifecycle::Status {
    let (reviews, withdrawals) = match CompactId::new(&target.record.id) {
        Some(id) => acts.about(cx, id, extension.created, findings),
        None => (Vec::new(), Vec::new()),
    };
    let reviews: Vec<ReviewAct<'_>> = reviews
        .iter()
        .map(|(file, review)| ReviewAct { file, review })
        .collect();
    let withdrawals: Vec<WithdrawalAct<'_>> = withdrawals
        .iter()
        .map(|(file, withdrawal)| WithdrawalAct { file, withdrawal })
        .collect();
    let norm = cx
        .snapshots
        .get(&target.record.norm.sha256)
        .and_then(Option::as_ref);
    let found = lifecycle::Found {
        reviews: &reviews,
        withdrawals: &withdrawals,
        revisions: &[],
        norm_revised: false,
    };
    let day = extension.created.to_zoned(TimeZone::UTC).date();
    lifecycle::story(&target.record, &target.link, norm, found, day)
        .life
        .status
}

/// The records named `ids`, read from every author's directory.
fn read_by_id(cx: &Context<'_>, ids: &HashSet<String>) -> HashMap<String, Known> {
    if ids.is_empty() {
        return HashMap::new();
    }
    let mut found = HashMap::new();
    let records = cx.base.join("records");
    let Ok(authors) = fsread::list(&records) else {
        return found;
    };
    for (author, kind) in authors {
        let Some(author) = author.to_str().filter(|a| chain_principal(a).is_some()) else {
            continue;
        };
        if kind != Kind::Dir {
            continue;
        }
        let dir_path = records.join(author);
        let (Ok(names), Ok(dir)) = (fsread::list(&dir_path), fsread::Dir::open(&dir_path)) else {
            continue;
        };
        let mut bytes = Vec::new();
        for (name, _) in names {
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".toml")) else {
                continue;
            };
            let Some(parsed) = RecordName::parse(stem).filter(|n| ids.contains(n.id.as_str()))
            else {
                continue;
            };
            if dir
                .read_into(&parsed.file(), limit::SIGNED_FILE, &mut bytes)
                .is_err()
            {
                continue;
            }
            let Some(record) = std::str::from_utf8(&bytes)
                .ok()
                .and_then(Record::read)
                .filter(|r| r.id == parsed.id.as_str())
            else {
                continue;
            };
            found.entry(parsed.id.to_string()).or_insert(Known {
                record,
                link: Record::link(&bytes),
            });
        }
    }
    found
}
