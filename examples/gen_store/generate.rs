//! Builds a realistic, validly signed store: a beheerder as trust root,
//! caseworkers and team leads in the keyring, and records on the bundled
//! norms answered like the examples in `examples/answers/`, spread over
//! June to November 2026, every norm adopted in the store before. Shared by `examples/gen_store` and the benchmarks.

use maatwerk::domain::number::Decimal;
use maatwerk::domain::record::RecordFormat;
use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::fs;
use std::path::Path;

use jiff::{Span, Timestamp};
use maatwerk::domain::answers;
use maatwerk::domain::decision::{self, DecisionWindow, Placement, Proposal, Refusal};
use maatwerk::domain::keyring::Keyring;
use maatwerk::domain::keys::{Fingerprint, Namespace, Signer};
use maatwerk::domain::norm::catalog::{Catalog, LoadedNorm};
use maatwerk::domain::norm::total::Scope;
use maatwerk::domain::ops;
use maatwerk::domain::ops::keyring::MemberChange;
use maatwerk::domain::record::{Answer, Record};
use maatwerk::domain::source::SourceFile;
use maatwerk::domain::store::files::new_id;
use maatwerk::domain::store::{Store, public_line, sig_path};
use maatwerk::domain::totals::{self, Counted, case_key};

/// The example answers, by norm, for the norms a decision can rely on.
const ANSWERS: &[(&str, &str)] = &[
    (
        "jw-jeugdhulp-na-18",
        include_str!("../answers/jw-jeugdhulp-na-18.toml"),
    ),
    (
        "mw-doorbraakbudget",
        include_str!("../answers/mw-doorbraakbudget.toml"),
    ),
    (
        "pw-betaling-per-week",
        include_str!("../answers/pw-betaling-per-week.toml"),
    ),
    (
        "pw-bijzondere-bijstand-boven-grens",
        include_str!("../answers/pw-bijzondere-bijstand-boven-grens.toml"),
    ),
    (
        "pw-zoektermijn-jongeren",
        include_str!("../answers/pw-zoektermijn-jongeren.toml"),
    ),
    (
        "shv-toelating-na-eerder-traject",
        include_str!("../answers/shv-toelating-na-eerder-traject.toml"),
    ),
    (
        "shv-toelating-na-fraude",
        include_str!("../answers/shv-toelating-na-fraude.toml"),
    ),
    (
        "wmo-huishoudelijke-hulp-extra-uren",
        include_str!("../answers/wmo-huishoudelijke-hulp-extra-uren.toml"),
    ),
];

// Each benchmark and the example use the part they need.
#[allow(dead_code)]
pub struct Generated {
    /// The trust root's fingerprint.
    pub root: String,
    /// The first caseworker: principal and private key (OpenSSH, no
    /// passphrase), to sign more records with.
    pub consulent: (String, String),
}

/// Fills `dir` (which must not be a store yet) with `records` records by
/// `authors` people.
pub fn generate(dir: &Path, records: usize, authors: usize) -> Result<Generated, Box<dyn Error>> {
    let start: Timestamp = "2026-01-02T08:00:00Z".parse()?;
    let root = Signer::generate("beheer@gemeente.example")?;
    let store = Store::init(
        dir,
        &root,
        "beheer@gemeente.example",
        "Beheer Team",
        "beheerder",
        start,
    )?;

    let people = add_people(&store, &root, authors, start)?;
    let keyring: Keyring = store.keyring()?;
    let grants = people
        .iter()
        .map(|(principal, _)| {
            keyring
                .listing()
                .into_iter()
                .find(|g| &g.principal == principal)
                .cloned()
                .ok_or("grant missing")
        })
        .collect::<Result<Vec<_>, _>>()?;

    // The root adopts every norm the examples answer, before any decision.
    let root_grant = keyring
        .grant_for_key(&Fingerprint::of(root.public_key()), start)
        .cloned()
        .ok_or("root grant missing")?;
    let catalog = Catalog::bundled();
    let mut cases: Vec<(&LoadedNorm, Proposal)> = Vec::new();
    for (k, (id, text)) in ANSWERS.iter().enumerate() {
        let loaded = catalog.get(id).ok_or("bundled norm missing")?;
        let at = start.checked_add(Span::new().minutes(i64::try_from(k + 10)?))?;
        let adoption = ops::adoption::plan_adoption(&store.state()?, loaded, &root_grant, at)
            .map_err(|e| e.to_string())?;
        store.add_adoption(&adoption, &loaded.source, &root)?;
        let parsed = answers::parse(&SourceFile::new(*id, *text), &loaded.norm);
        cases.push((loaded, parsed.proposal.ok_or("example answers invalid")?));
    }
    let under = store.state()?.under();

    // Decisions from 1 June to 22 November 2026, in order; every third
    // one drawn up for review is reviewed an hour later.
    let mut chains: Vec<(u64, Option<String>)> = vec![(0, None); people.len()];
    let mut reviews = Reviews::new(&people, &grants, &under);
    let mut tally = Tally::new(cases.iter().map(|(l, _)| &l.norm));
    for i in 0..records {
        let author = i % people.len();
        let (principal, signer) = &people[author];
        let (seq, prev) = &mut chains[author];
        *seq += 1;
        let place = (i, records, *seq, prev.clone());
        // The norm in turn, or the next one when a total over several
        // decisions (a team's budget for the year) is used up.
        let mut drawn = None;
        for k in 0..cases.len() {
            let (loaded, base) = &cases[(i + k) % cases.len()];
            if let Some(record) =
                draw_up(loaded, base, &grants[author], &under, &tally, place.clone())?
            {
                drawn = Some((*loaded, record));
                break;
            }
        }
        let (loaded, record) = drawn.ok_or("every norm refused")?;
        let text = record.to_toml()?;
        let sig = signer.sign(Namespace::Record, text.as_bytes())?;
        let path = store
            .records_dir()
            .join(principal)
            .join(format!("{seq:06}-{}.toml", record.id));
        if *seq == 1 {
            fs::create_dir_all(path.parent().ok_or("no parent")?)?;
        }
        // Generated data needs no fsync per file; the store format is the same.
        fs::write(sig_path(&path), sig)?;
        fs::write(&path, &text)?;
        *prev = Some(Record::link(text.as_bytes()));
        tally.add(&record);
        if record.mandate.review_role.is_some()
            && i.is_multiple_of(3)
            && let Some(returned) = reviews.review(&store, &record, &loaded.norm, i)?
        {
            tally.stop(&record.id, returned);
        }
    }
    let (principal, key) = &people[0];
    Ok(Generated {
        root: root.fingerprint().to_string(),
        consulent: (principal.clone(), key.to_openssh(None)?),
    })
}

/// The decisions that count towards the norms' totals, as `new` counts
/// them in the store: by case, and by norm for a team's totals.
struct Tally {
    counted: HashSet<String>,
    all: Vec<(Counted, Option<Timestamp>)>,
    by_case: HashMap<String, Vec<usize>>,
    by_norm: HashMap<String, Vec<usize>>,
    at: HashMap<String, usize>,
}

impl Tally {
    fn new<'a>(norms: impl Iterator<Item = &'a maatwerk::domain::norm::Norm>) -> Self {
        Self {
            counted: norms
                .flat_map(|n| n.totals.iter().flat_map(|t| t.norms.iter().cloned()))
                .collect(),
            all: Vec::new(),
            by_case: HashMap::new(),
            by_norm: HashMap::new(),
            at: HashMap::new(),
        }
    }

    fn add(&mut self, record: &Record) {
        if !self.counted.contains(&record.norm.id) {
            return;
        }
        let counted = Counted::of(record);
        let k = self.all.len();
        self.by_case
            .entry(counted.case_key.clone())
            .or_default()
            .push(k);
        self.by_norm
            .entry(counted.norm.to_string())
            .or_default()
            .push(k);
        self.at.insert(counted.id.clone(), k);
        self.all.push((counted, None));
    }

    /// The decision `id` was returned `at`: it no longer counts after.
    fn stop(&mut self, id: &str, at: Timestamp) {
        if let Some(k) = self.at.get(id) {
            self.all[*k].1 = Some(at);
        }
    }

    /// What earlier decisions came to for each of `norm`'s totals, for a
    /// decision like `this`.
    fn earlier(
        &self,
        norm: &maatwerk::domain::norm::Norm,
        this: &Counted,
    ) -> Vec<(String, Decimal)> {
        norm.totals
            .iter()
            .map(|total| {
                let candidates: Vec<usize> = match total.per {
                    Scope::Case => self
                        .by_case
                        .get(&this.case_key)
                        .cloned()
                        .unwrap_or_default(),
                    Scope::Team => total
                        .norms
                        .iter()
                        .flat_map(|n| self.by_norm.get(n).cloned().unwrap_or_default())
                        .collect(),
                };
                let holding = candidates
                    .into_iter()
                    .map(|k| &self.all[k])
                    .filter(|(_, stop)| stop.is_none_or(|at| at > this.created))
                    .map(|(c, _)| c);
                (total.id.clone(), totals::earlier(total, this, holding))
            })
            .collect()
    }
}

/// Record `i` of `records`: the example answers for its norm with its own
/// case, dates and slightly varied amounts, as `seq` after `prev`; `None`
/// when a total over several decisions does not allow it.
fn draw_up(
    loaded: &LoadedNorm,
    base: &Proposal,
    grant: &maatwerk::domain::keyring::Grant,
    under: &maatwerk::domain::record::SignedUnder,
    tally: &Tally,
    (i, records, seq, prev): (usize, usize, u64, Option<String>),
) -> Result<Option<Record>, Box<dyn Error>> {
    // Signed one after another from 1 June 08:00 to 22 November 2026, each
    // decided on the day it is signed.
    let first: Timestamp = "2026-06-01T08:00:00Z".parse()?;
    let span_seconds: i64 = 174 * 24 * 3600;
    let offset = i64::try_from(i)? * span_seconds / i64::try_from(records.max(1))?;
    let created = first.checked_add(Span::new().seconds(offset))?;
    let decision_date = created.to_zoned(jiff::tz::TimeZone::UTC).date();
    let mut p = base.clone();
    // About three decisions for each case, on the same norm.
    let cases = (records / (3 * ANSWERS.len())).max(1) * ANSWERS.len();
    p.case = format!("Z-2026-{:06}", i % cases);
    p.decision_date = Some(decision_date);
    let start = p.period.map(|(s, _)| s);
    p.period = p.period.and_then(|(s, e)| {
        let length = s.until(e).ok()?;
        Some((decision_date, decision_date.checked_add(length).ok()?))
    });
    // Dates in the answers move with the period.
    if let Some(start) = start {
        for (_, answer) in &mut p.answers {
            if let Answer::Date(d) = answer
                && let Ok(after) = start.until(*d)
                && let Ok(moved) = decision_date.checked_add(after)
            {
                *d = moved;
            }
        }
    }
    // Vary amounts a little, so the mandaat outcome varies too.
    let factor = Decimal::new(6 + i64::try_from(i % 5)?, 1);
    for (_, answer) in &mut p.answers {
        if let Answer::Number(n) = answer {
            *n = (*n * factor).round().max(Decimal::ONE);
        }
    }
    let id = new_id("MW", created);
    p.earlier = tally.earlier(
        &loaded.norm,
        &Counted {
            id: id.clone(),
            case_key: case_key(&p.case),
            norm: loaded.norm.id.as_str().into(),
            decision_date,
            created,
            author: grant.principal.as_str().into(),
            seq,
            numbers: Vec::new(),
        },
    );
    let window = DecisionWindow::signed_on(decision_date, 31);
    let assessment = if let Ok(a) = decision::assess(&loaded.norm, &p, &grant.role, window) {
        a
    } else {
        // A varied amount the norm does not allow: the example's own.
        p.answers.clone_from(&base.answers);
        match decision::assess(&loaded.norm, &p, &grant.role, window) {
            Ok(a) => a,
            Err(r) if r.iter().any(|r| matches!(r, Refusal::TotalExceeded { .. })) => {
                return Ok(None);
            }
            Err(r) => return Err(format!("{r:?}").into()),
        }
    };
    Ok(Some(decision::build_record(
        &loaded.norm,
        loaded.sha256().as_str(),
        &p,
        &assessment,
        grant,
        Placement {
            id,
            created,
            seq,
            prev,
            format: RecordFormat::CURRENT,
            under: Some(under.clone()),
            revises: None,
            extends: None,
        },
    )))
}

/// Team leads reviewing what was drawn up for review: each its own chain.
struct Reviews<'a> {
    people: &'a [(String, Signer)],
    grants: &'a [maatwerk::domain::keyring::Grant],
    under: &'a maatwerk::domain::record::SignedUnder,
    chains: Vec<(u64, Option<String>)>,
}

impl<'a> Reviews<'a> {
    fn new(
        people: &'a [(String, Signer)],
        grants: &'a [maatwerk::domain::keyring::Grant],
        under: &'a maatwerk::domain::record::SignedUnder,
    ) -> Self {
        Self {
            people,
            grants,
            under,
            chains: vec![(0, None); people.len()],
        }
    }

    /// The first team lead who may review `record` approves it (every
    /// ninth is returned) an hour after it was signed; when it was
    /// returned, the moment.
    fn review(
        &mut self,
        store: &Store,
        record: &Record,
        norm: &maatwerk::domain::norm::Norm,
        i: usize,
    ) -> Result<Option<Timestamp>, Box<dyn Error>> {
        use maatwerk::domain::lifecycle::Course;
        use maatwerk::domain::review::{REVIEW_FORMAT, RecordRef, Review, Verdict};
        let course = Course::of(record, Some(norm));
        let Some(k) =
            (0..self.people.len()).find(|k| course.admit(&self.grants[*k].author()).is_ok())
        else {
            return Ok(None);
        };
        let created = record.created.checked_add(Span::new().hours(1))?;
        let (seq, prev) = &mut self.chains[k];
        *seq += 1;
        let returned = i.is_multiple_of(9);
        let review = Review {
            format: REVIEW_FORMAT.into(),
            id: new_id("RV", created),
            created,
            seq: *seq,
            prev: prev.clone(),
            keyring: self.under.keyring.clone(),
            adoptions: self.under.adoptions.clone(),
            verdict: if returned {
                Verdict::Return
            } else {
                Verdict::Approve
            },
            remark: returned.then(|| "Onderbouw de hoogte van het bedrag.".to_owned()),
            record: RecordRef {
                id: record.id.clone(),
                sha256: Record::link(record.to_toml()?.as_bytes()),
            },
            reviewer: self.grants[k].author(),
        };
        let text = toml::to_string(&review)?;
        let (principal, signer) = &self.people[k];
        let path = store
            .reviews_dir()
            .join(principal)
            .join(format!("{seq:06}-{}.toml", review.id));
        if *seq == 1 {
            fs::create_dir_all(path.parent().ok_or("no parent")?)?;
        }
        fs::write(
            sig_path(&path),
            signer.sign(Namespace::Review, text.as_bytes())?,
        )?;
        fs::write(&path, &text)?;
        *prev = Some(Record::link(text.as_bytes()));
        Ok(returned.then_some(created))
    }
}

/// Adds `authors` caseworkers and team leads to the keyring, signed by the
/// root, each with a new key.
fn add_people(
    store: &Store,
    root: &Signer,
    authors: usize,
    start: Timestamp,
) -> Result<Vec<(String, Signer)>, Box<dyn Error>> {
    let mut people = Vec::new();
    for k in 0..authors.max(1) {
        let role = if k % 4 == 3 {
            "teamleider"
        } else {
            "consulent"
        };
        let principal = format!("{role}-{k:03}@gemeente.example");
        let signer = Signer::generate(&principal)?;
        let created = start.checked_add(Span::new().seconds(i64::try_from(k + 1)?))?;
        let state = store.state()?;
        let by = state
            .keyring
            .grant_for_key(&Fingerprint::of(root.public_key()), created)
            .cloned()
            .ok_or("root grant missing")?;
        let change = MemberChange {
            principal: principal.clone(),
            name: Some(format!("Medewerker {k:03}")),
            role: Some(role.into()),
            public_key: Some(public_line(&signer)),
            ..MemberChange::default()
        };
        let entry = ops::keyring::plan_member(&state.config, &state.keyring, &change, &by, created)
            .map_err(|e| e.to_string())?;
        store.add_keyring_entry(&entry, root)?;
        people.push((principal, signer));
    }
    Ok(people)
}
