//! The inbox's loop: draw, read a key, update, perform the effects through
//! the [`ReviewHost`] — the only place with I/O — until the team lead
//! leaves. The remark being typed is kept on every change and when
//! leaving, however the inbox ends.

use std::io;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::{Effect, Inbox, Msg, Signed, Waiting};
use crate::domain::draft::RemarkDraft;
use crate::domain::review::Verdict;
use crate::tui::app::QUIT;
use crate::tui::keymap;
use crate::tui::{MIN_HEIGHT, MIN_WIDTH};

/// Performs what the inbox asks. Errors for the person come back in their
/// words.
pub trait ReviewHost {
    fn save_remark(&mut self, draft: &RemarkDraft) -> io::Result<()>;
    /// Signs and stores the verdict on `record`.
    fn sign(
        &mut self,
        record: &str,
        verdict: Verdict,
        remark: Option<&str>,
        passphrase: Option<&str>,
    ) -> Result<Signed, String>;
    /// The records waiting now.
    fn reload(&mut self) -> Result<Vec<Waiting>, String>;
}

/// How the inbox ended: the verdicts signed, and the record whose remark
/// was kept to go on with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Left {
    pub signed: Vec<String>,
    pub kept: Option<String>,
}

/// Runs `inbox` on `terminal` until the team lead leaves.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    inbox: &mut Inbox,
    events: &mut dyn Iterator<Item = io::Result<Event>>,
    host: &mut dyn ReviewHost,
) -> io::Result<Left>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        let mut too_small = false;
        let mut size = (0, 0);
        if let Err(e) = terminal.draw(|frame| {
            let area = frame.area();
            size = (area.width, area.height);
            too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
            frame.render_widget(&*inbox, area);
        }) {
            keep(inbox, host)?;
            return Err(io::Error::other(e));
        }
        inbox.resized(size.0, size.1);
        let msg = match events.next() {
            None => Some(Msg::Quit),
            Some(Err(e)) => {
                keep(inbox, host)?;
                return Err(e);
            }
            Some(Ok(Event::Key(key))) if too_small => keymap::lookup(QUIT, &key).map(|_| Msg::Quit),
            Some(Ok(Event::Key(key))) => inbox.on_key(key),
            Some(Ok(_)) => None,
        };
        let Some(msg) = msg else { continue };
        for effect in inbox.update(msg) {
            match effect {
                Effect::SaveRemark(draft) => host.save_remark(&draft)?,
                Effect::Sign {
                    record,
                    verdict,
                    remark,
                    passphrase,
                } => {
                    let result =
                        host.sign(&record, verdict, remark.as_deref(), passphrase.as_deref());
                    inbox.signed_result(result);
                }
                Effect::Reload => match host.reload() {
                    Ok(items) => inbox.reloaded(items),
                    Err(e) => inbox.signed_result(Err(e)),
                },
                Effect::Quit => {
                    keep(inbox, host)?;
                    return Ok(Left {
                        signed: inbox.signed().to_vec(),
                        kept: inbox.typed().map(|d| d.record),
                    });
                }
            }
        }
    }
}

/// Keeps the remark being typed, when there is one.
fn keep(inbox: &Inbox, host: &mut dyn ReviewHost) -> io::Result<()> {
    match inbox.typed() {
        Some(draft) => host.save_remark(&draft),
        None => Ok(()),
    }
}
