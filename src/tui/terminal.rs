//! The real terminal: raw mode and the alternate screen on standard error
//! (standard output keeps only the record's id, so `id=$(maatwerk new)`
//! works), restored on exit, on error, on a panic and when the process is
//! told to stop; and the key events, which end when SIGTERM or SIGHUP
//! arrives or the terminal hangs up.

use std::io::{self, Stderr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::app::{App, Ending};
use super::run::{Host, run};

/// Runs `app` full-screen on the terminal until the walkthrough ends; the
/// terminal is restored whatever happens.
pub fn run_on_terminal(app: &mut App, host: &mut dyn Host) -> io::Result<Ending> {
    let mut events = key_events()?;
    let mut screen = Screen::enter()?;
    let ending = run(&mut screen.0, app, &mut events, host);
    drop(screen);
    ending
}

/// Runs the review inbox full-screen until the team lead leaves; the
/// terminal is restored whatever happens. Returns the verdicts signed.
pub fn run_inbox_on_terminal(
    inbox: &mut super::inbox::Inbox,
    host: &mut dyn super::inbox::run::ReviewHost,
) -> io::Result<super::inbox::run::Left> {
    let mut events = key_events()?;
    let mut screen = Screen::enter()?;
    let signed = super::inbox::run::run(&mut screen.0, inbox, &mut events, host);
    drop(screen);
    signed
}

/// Terminal events, ending when SIGTERM or SIGHUP arrives or the terminal
/// hangs up.
fn key_events() -> io::Result<impl Iterator<Item = io::Result<Event>>> {
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

/// The terminal while the walkthrough runs. Leaving the alternate screen
/// and raw mode happens on drop, and on a panic before the panic message is
/// printed.
struct Screen(Terminal<CrosstermBackend<Stderr>>);

impl Screen {
    fn enter() -> io::Result<Self> {
        crossterm::terminal::enable_raw_mode()?;
        crossterm::execute!(io::stderr(), crossterm::terminal::EnterAlternateScreen)?;
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            hook(info);
        }));
        match Terminal::new(CrosstermBackend::new(io::stderr())) {
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
