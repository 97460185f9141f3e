//! `maatwerk new` without an answers file: the full-screen walkthrough, with
//! the I/O it needs — drafts on disk, signing into the store — and the
//! terminal set up and always restored.

use std::io::{self, Stderr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event;
use jiff::Timestamp;

use super::signing::{member_grant, open_store, read_key, store_error};
use super::{CliError, Context, Outcome, load_catalog};
use crate::domain::clock::Clock;
use crate::domain::decision;
use crate::domain::draft::{Draft, DraftNorm, Drafts, Step};
use crate::domain::keys::{KeyError, KeyFile, Signer as Key};
use crate::domain::norm::catalog::Catalog;
use crate::domain::record::Author;
use crate::domain::signal::{SIGNAL_FORMAT, Signal, TriedNorm};
use crate::domain::store::Store;
use crate::domain::store::files::new_id;
use crate::i18n::Lang;
use crate::tui::onboarding::KeySetup;
use crate::tui::{self, App, Ending, Host, Signer};

/// What `new` needs to start the walkthrough.
pub struct Start<'a> {
    pub norm: Option<&'a str>,
    pub resume: Resume<'a>,
}

/// Which draft to start from.
pub enum Resume<'a> {
    /// A new draft.
    No,
    /// The most recently updated draft.
    Latest,
    Draft(&'a str),
}

pub fn run(start: &Start<'_>, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    if !ctx.config.interactive() {
        return Err(CliError::input(
            lang.walkthrough_needs_terminal(),
            Some(lang.walkthrough_needs_terminal_help()),
        ));
    }
    let catalog = load_catalog(ctx)?;
    let key_file = ctx.key_path()?.to_path_buf();
    let store_dir = ctx.store_dir()?.to_path_buf();
    let needs_key = !key_file.exists();
    let needs_store = !store_dir.join(crate::domain::store::CONFIG_FILE).exists();
    if needs_key && !needs_store {
        // A store exists, so someone manages it: they add this person.
        return Err(CliError::input(
            lang.no_key_for_store(&key_file.display().to_string()),
            Some(lang.no_key_for_store_help()),
        ));
    }

    let mut events = key_events()?;
    let mut terminal = Screen::enter()?;

    if needs_store {
        let found = if needs_key && !ctx.config.key_named {
            found_ssh_key(ctx)
        } else {
            None
        };
        let (found, setup) = match (found, needs_key) {
            (_, false) => (None, KeySetup::Existing(read_key(&key_file, ctx)?)),
            (Some((path, key)), true) => {
                let shown = ctx.config.home_relative(&path);
                (Some(path), KeySetup::Found { path: shown, key })
            }
            (None, true) => (None, KeySetup::New),
        };
        let mut form = tui::onboarding::Onboarding::new(lang, setup);
        let Some(identity) = tui::onboard(&mut terminal.0, &mut form, &mut events)? else {
            return Ok(Outcome::Success);
        };
        let found = found.filter(|_| identity.use_found);
        set_up(&identity, &key_file, found.as_deref(), &store_dir, ctx)?;
    }

    let store = open_store(ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(&key_file, ctx)?;
    let grant = member_grant(&keyring, &key, ctx)?;
    let drafts = Drafts::new(ctx.drafts_dir()?);
    let (draft, notice) = initial_draft(start, &drafts, &catalog, ctx)?;
    let last = store
        .record_files_of(&grant.principal)
        .map_err(|e| store_error(ctx, &e))?
        .into_iter()
        .max_by_key(|f| f.seq);
    let prev = last
        .as_ref()
        .and_then(|f| std::fs::read(&f.path).ok())
        .map(|b| crate::domain::record::Record::link(&b));
    let signer = Signer {
        needs_passphrase: key.is_encrypted(),
        next_seq: last.map_or(1, |f| f.seq + 1),
        prev,
        grant,
    };
    let mut app = App::new(lang, catalog.clone(), ctx.today, signer.clone(), draft)
        .with_clock(ctx.config.clock.clone());
    if let Some(notice) = notice {
        app = app.with_notice(notice);
    }
    let mut host = CliHost {
        lang,
        store,
        drafts,
        catalog,
        signer,
        key,
        unlocked: None,
        today: ctx.today,
        clock: ctx.config.clock.clone(),
    };
    let ending = tui::run(&mut terminal.0, &mut app, &mut events, &mut host);
    drop(terminal);
    match ending? {
        Ending::Signed(id) | Ending::Signal(id) => {
            ctx.out.line(&id)?;
        }
        Ending::Saved(id) => ctx.out.err_line(&lang.draft_saved(&id))?,
        Ending::Nothing => {}
    }
    Ok(Outcome::Success)
}

/// Terminal events, ending when SIGTERM or SIGHUP arrives or the terminal
/// hangs up.
fn key_events() -> io::Result<impl Iterator<Item = io::Result<crossterm::event::Event>>> {
    // SIGTERM and SIGHUP (the terminal closing) end the walkthrough like
    // Ctrl-C does: the draft is saved, the terminal restored.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // Keys are read on a thread of their own: when the terminal goes away,
    // crossterm's reader spins on end-of-file and never returns, so the
    // walkthrough watches for that here and leaves (saving the draft).
    let (keys, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if keys.send(event).is_err() || failed {
                break;
            }
        }
    });
    Ok(std::iter::from_fn(move || {
        loop {
            if stop.load(Ordering::Relaxed) || terminal_gone() {
                return None;
            }
            match received.recv_timeout(Duration::from_millis(200)) {
                Ok(event) => return Some(event),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
    }))
}

/// An OpenSSH ed25519 key the person already has, to offer on the first
/// run.
fn found_ssh_key(ctx: &Context) -> Option<(std::path::PathBuf, crate::domain::keys::KeyFile)> {
    let path = ctx.config.ssh_key.clone()?;
    let key = crate::domain::keys::KeyFile::read(&path).ok()?;
    Some((path, key))
}

/// First run: makes the key (when there is none, or links the one the
/// person chose to use) and the store, with this person as its trust root.
fn set_up(
    identity: &tui::onboarding::Identity,
    key_file: &std::path::Path,
    found: Option<&std::path::Path>,
    store_dir: &std::path::Path,
    ctx: &Context,
) -> Result<(), CliError> {
    if let Some(found) = found {
        // A link, not a copy: a private key should live in one place, and
        // `ls -l` shows which key maatwerk signs with.
        if let Some(dir) = key_file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(found, key_file)?;
    }
    let signer = if key_file.exists() {
        let key = read_key(key_file, ctx)?;
        key.unlock(identity.passphrase.as_deref())
            .map_err(|e| super::signing::key_error(ctx, &e))?
    } else {
        let signer =
            Key::generate(&identity.principal).map_err(|e| super::signing::key_error(ctx, &e))?;
        let private = signer
            .to_openssh(identity.passphrase.as_deref())
            .map_err(|e| super::signing::key_error(ctx, &e))?;
        crate::domain::store::files::write_new(key_file, private.as_bytes())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(key_file, std::fs::Permissions::from_mode(0o600))?;
        }
        let public = signer
            .public_key()
            .to_openssh()
            .map_err(|e| CliError::input(e.to_string(), None))?;
        crate::domain::store::files::write_new(
            &std::path::PathBuf::from(format!("{}.pub", key_file.display())),
            format!("{public}\n").as_bytes(),
        )?;
        signer
    };
    Store::init(
        store_dir,
        &signer,
        &identity.principal,
        &identity.name,
        &identity.role,
        ctx.now,
    )
    .map_err(|e| store_error(ctx, &e))?;
    Ok(())
}

/// A new draft, or the one to resume; `--norm` preselects the norm. The
/// notice, if any, is for the first screen (the terminal is already the
/// walkthrough's).
fn initial_draft(
    start: &Start<'_>,
    drafts: &Drafts,
    catalog: &Catalog,
    ctx: &Context,
) -> Result<(Draft, Option<String>), CliError> {
    let lang = ctx.lang;
    let mut draft = match start.resume {
        Resume::No => Draft::new(ctx.now),
        Resume::Draft(id) => drafts.load(id).map_err(|_| {
            CliError::input(lang.no_such_draft(id), Some(lang.no_such_draft_help()))
        })?,
        Resume::Latest => drafts.list()?.into_iter().next().ok_or_else(|| {
            CliError::input(lang.no_drafts().trim_end_matches('.').to_owned(), None)
        })?,
    };
    let mut notice = None;
    if let crate::domain::draft::NormState::Changed { then, now } = draft.norm_state(catalog) {
        notice = Some(lang.draft_norm_changed_resume(then, now));
        // The answers were given to another version: ask them again.
        draft.step = draft.step.min(Step::Checklist);
        let current = draft.norm.as_ref().and_then(|n| catalog.get(&n.id));
        if let (Some(n), Some(loaded)) = (draft.norm.as_mut(), current) {
            n.version = loaded.norm.version;
            n.sha256 = loaded.sha256().to_string();
        }
    }
    if let Some(id) = start.norm {
        let loaded = catalog
            .get(id)
            .ok_or_else(|| CliError::input(lang.no_such_norm(id), None))?;
        draft.norm = Some(DraftNorm {
            id: id.to_owned(),
            version: loaded.norm.version,
            sha256: loaded.sha256().to_string(),
        });
        if draft.step == Step::Norm {
            draft.step = Step::Case;
        }
    }
    Ok((draft, notice))
}

struct CliHost {
    lang: Lang,
    store: Store,
    drafts: Drafts,
    catalog: Catalog,
    signer: Signer,
    key: KeyFile,
    /// Decrypted once, then kept for the rest of the process.
    unlocked: Option<Key>,
    today: jiff::civil::Date,
    clock: Clock,
}

impl CliHost {
    fn unlock(&mut self, passphrase: Option<&str>) -> Result<&Key, String> {
        if self.unlocked.is_none() {
            match self.key.unlock(passphrase) {
                Ok(k) => self.unlocked = Some(k),
                Err(KeyError::Passphrase) => return Err(self.lang.wrong_passphrase()),
                Err(e) => return Err(e.to_string()),
            }
        }
        self.unlocked
            .as_ref()
            .ok_or_else(|| self.lang.wrong_passphrase())
    }
}

impl Host for CliHost {
    fn save_draft(&mut self, draft: &Draft) -> io::Result<()> {
        let mut draft = draft.clone();
        draft.updated = self.clock.now();
        self.drafts.save(&draft).map(|_| ())
    }

    fn discard_draft(&mut self, id: &str) -> io::Result<()> {
        match self.drafts.discard(id) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    fn sign(
        &mut self,
        draft: &Draft,
        record_id: &str,
        at: Timestamp,
        passphrase: Option<&str>,
    ) -> Result<String, String> {
        let lang = self.lang;
        let norm_id = draft
            .norm
            .as_ref()
            .map(|n| n.id.clone())
            .unwrap_or_default();
        let loaded = self
            .catalog
            .get(&norm_id)
            .cloned()
            .ok_or_else(|| lang.no_such_norm(&norm_id))?;
        let proposal = draft.proposal();
        let grant = self.signer.grant.clone();
        let assessment = decision::assess(&loaded.norm, &proposal, &grant.role, self.today)
            .map_err(|r| lang.nothing_signed(r.len()))?;
        let store = self.store.clone();
        let key = self.unlock(passphrase)?;
        store.put_norm(&loaded.source).map_err(|e| e.to_string())?;
        let (record, _) = store
            .append_record(&grant.principal, key, |seq, prev| {
                decision::build_record(
                    &loaded,
                    &proposal,
                    &assessment,
                    &grant,
                    (record_id.to_owned(), at),
                    seq,
                    prev,
                )
            })
            .map_err(|e| e.to_string())?;
        Ok(record.id)
    }

    fn log_signal(
        &mut self,
        draft: &Draft,
        check: Option<&str>,
        text: &str,
        passphrase: Option<&str>,
    ) -> Result<String, String> {
        let grant = self.signer.grant.clone();
        let tried = draft.norm.as_ref().map(|n| TriedNorm {
            id: n.id.clone(),
            version: n.version,
            sha256: n.sha256.clone(),
            failed_check: check.map(str::to_owned),
        });
        let now = self.clock.now();
        let signal = Signal {
            format: SIGNAL_FORMAT.into(),
            id: new_id("SG", now),
            created: now,
            case: draft.case.trim().to_owned(),
            norm: tried,
            text: text.to_owned(),
            author: Author {
                principal: grant.principal.clone(),
                name: grant.name.clone(),
                role: grant.role.clone(),
                key: grant.fingerprint.to_string(),
            },
        };
        let store = self.store.clone();
        let key = self.unlock(passphrase)?;
        store.add_signal(&signal, key).map_err(|e| e.to_string())?;
        Ok(signal.id)
    }
}

/// The terminal while the walkthrough runs. It draws on standard error, so
/// standard output carries only the record's id (`id=$(maatwerk new)`
/// works). Leaving the alternate screen and raw mode happens on drop, and on
/// a panic before the panic message is printed.
struct Screen(ratatui::Terminal<ratatui::backend::CrosstermBackend<Stderr>>);

impl Screen {
    fn enter() -> io::Result<Self> {
        crossterm::terminal::enable_raw_mode()?;
        crossterm::execute!(io::stderr(), crossterm::terminal::EnterAlternateScreen)?;
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            hook(info);
        }));
        match ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stderr())) {
            Ok(terminal) => Ok(Self(terminal)),
            Err(e) => {
                leave();
                Err(e)
            }
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        leave();
    }
}

/// Restores the terminal; never fails, never panics.
fn leave() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        io::stderr(),
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Whether the terminal hung up (its window closed, its connection lost).
#[cfg(unix)]
fn terminal_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::os::fd::AsFd;
    let stdin = io::stdin();
    let fd = stdin.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut fds, Some(&now)).is_ok()
        && fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

#[cfg(not(unix))]
fn terminal_gone() -> bool {
    false
}
