//! The full-screen walkthrough. Model, message, update, view: a key becomes
//! a message without I/O, `update` changes the state and returns effects
//! for the loop to perform, and the view only reads the state. The loop is
//! generic over the terminal backend, so tests run it on `TestBackend`.

pub mod case;
pub mod checklist;
pub mod field;
pub mod hints;
pub mod motivation;
pub mod picker;
pub mod text;

use std::io;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use self::hints::{Hint, HintBar};
use self::picker::Picker;
use crate::domain::norm::catalog::Catalog;
use crate::i18n::Lang;

/// Smallest terminal the walkthrough draws in; below it, it says so.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

pub enum Screen {
    Picker(Picker),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Picker(picker::Msg),
    ToggleHelp,
    Quit,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// The caseworker chose this norm.
    NormChosen(String),
}

pub struct App {
    lang: Lang,
    screen: Screen,
    help: bool,
}

impl App {
    pub fn new(lang: Lang, catalog: &Catalog, today: Date) -> Self {
        Self {
            lang,
            screen: Screen::Picker(Picker::new(lang, catalog, today)),
            help: false,
        }
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The message for a key press; key releases and repeats of other
    /// platforms are ignored.
    pub fn on_key(&self, key: KeyEvent) -> Option<Msg> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Msg::Quit);
        }
        if matches!(key.code, KeyCode::F(1) | KeyCode::Char('?')) {
            return Some(Msg::ToggleHelp);
        }
        if self.help {
            return matches!(key.code, KeyCode::Esc).then_some(Msg::ToggleHelp);
        }
        match &self.screen {
            Screen::Picker(_) => Picker::on_key(key).map(Msg::Picker),
        }
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Quit => vec![Effect::Quit],
            Msg::ToggleHelp => {
                self.help = !self.help;
                Vec::new()
            }
            Msg::Picker(m) => match &mut self.screen {
                Screen::Picker(p) => match p.update(m) {
                    Some(picker::Outcome::Chosen(id)) => vec![Effect::NormChosen(id)],
                    // Nothing is typed yet on the first screen: back is out.
                    Some(picker::Outcome::Back) => vec![Effect::Quit],
                    None => Vec::new(),
                },
            },
        }
    }

    fn hints(&self) -> Vec<Hint> {
        let l = self.lang;
        let mut hints = match &self.screen {
            Screen::Picker(p) => p.hints(),
        };
        hints.push(Hint::new("?", l.pick("hulp", "help")));
        hints.push(Hint::new("Ctrl-C", l.pick("stoppen", "quit")));
        hints
    }

    fn title(&self) -> &'static str {
        match self.screen {
            Screen::Picker(_) => self
                .lang
                .pick("Kies de afgesproken norm", "Choose the agreed norm"),
        }
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = l.window_too_small(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let hints = self.hints();
        let hint_height = if area.width >= 100 { 1 } else { 2 };
        let [main, bar] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(hint_height)]).areas(area);
        let block = Block::bordered().title(Line::styled(
            format!(" maatwerk · {} ", self.title()),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        let inner = block.inner(main);
        block.render(main, buf);
        if self.help {
            let lines: Vec<Line> = std::iter::once(Line::styled(
                l.pick("Toetsen", "Keys"),
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .chain(
                hints
                    .iter()
                    .map(|h| Line::raw(format!("{:<8} {}", h.keys, h.action))),
            )
            .collect();
            Paragraph::new(lines).render(inner, buf);
        } else {
            match &self.screen {
                Screen::Picker(p) => p.render(inner, buf),
            }
        }
        HintBar(&hints).render(bar, buf);
    }
}

/// Runs `app` on `terminal`, reading `events` until an effect ends the
/// walkthrough, and returns that effect.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut dyn Iterator<Item = io::Result<Event>>,
) -> io::Result<Effect>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))
            .map_err(io::Error::other)?;
        let Some(event) = events.next() else {
            return Ok(Effect::Quit);
        };
        let msg = match event? {
            Event::Key(key) => app.on_key(key),
            // The next draw adapts to the new size.
            _ => None,
        };
        if let Some(effect) = msg.and_then(|m| app.update(m).into_iter().next()) {
            return Ok(effect);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;
    use jiff::civil::date;
    use ratatui::backend::TestBackend;

    const TODAY: Date = date(2026, 11, 23);

    fn app(lang: Lang) -> App {
        App::new(lang, &Catalog::bundled(), TODAY)
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
        app.on_key(key(code))
            .map(|m| app.update(m))
            .unwrap_or_default()
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            assert_eq!(press(app, KeyCode::Char(c)), []);
        }
    }

    fn picker(app: &App) -> &Picker {
        match app.screen() {
            Screen::Picker(p) => p,
        }
    }

    fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
        terminal
    }

    #[test]
    fn typing_filters_on_title_id_domain_and_rule_text() {
        let mut app = app(Lang::Nl);
        typed(&mut app, "schuld");
        assert_eq!(
            picker(&app).highlighted(),
            Some("shv-toelating-na-eerder-traject")
        );
        press(&mut app, KeyCode::Down);
        assert_eq!(picker(&app).highlighted(), Some("shv-toelating-na-fraude"));
        press(&mut app, KeyCode::Esc);
        assert_eq!(picker(&app).filter(), "");
        // Rule text: the zoektermijn norm mentions "vier weken".
        typed(&mut app, "vier weken");
        assert_eq!(picker(&app).highlighted(), Some("pw-zoektermijn-jongeren"));
        press(&mut app, KeyCode::Backspace);
        assert_eq!(picker(&app).filter(), "vier weke");
    }

    #[test]
    fn only_usable_norms_can_be_chosen_and_the_others_say_why() {
        let mut app = app(Lang::En);
        typed(&mut app, "buitenland");
        assert_eq!(
            picker(&app).highlighted(),
            Some("pw-zeer-dringende-redenen-buitenland")
        );
        assert_eq!(press(&mut app, KeyCode::Enter), []);
        let screen = draw(&app, 80, 24).backend().to_string();
        assert!(screen.contains("Cannot be chosen: concept."), "{screen}");
        press(&mut app, KeyCode::Esc);
        typed(&mut app, "jeugdhulp");
        assert_eq!(
            press(&mut app, KeyCode::Enter),
            [Effect::NormChosen("jw-jeugdhulp-na-18".into())]
        );
    }

    #[test]
    fn quitting_and_help() {
        let mut app = app(Lang::Nl);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(app.on_key(ctrl_c), Some(Msg::Quit));
        let release = KeyEvent {
            kind: KeyEventKind::Release,
            ..key(KeyCode::Char('x'))
        };
        assert_eq!(app.on_key(release), None, "key releases are ignored");
        assert_eq!(press(&mut app, KeyCode::Char('?')), []);
        assert!(draw(&app, 80, 24).backend().to_string().contains("Toetsen"));
        press(&mut app, KeyCode::Esc);
        // Esc with an empty filter on the first screen leaves: nothing typed yet.
        assert_eq!(press(&mut app, KeyCode::Esc), [Effect::Quit]);
    }

    #[test]
    fn the_loop_runs_on_any_backend_with_scripted_keys() {
        let mut app = app(Lang::Nl);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let keys = "wmo".chars().map(KeyCode::Char).chain([KeyCode::Enter]);
        let mut events = keys.map(|code| {
            Ok(Event::Key(KeyEvent {
                state: KeyEventState::NONE,
                ..key(code)
            }))
        });
        let effect = run(&mut terminal, &mut app, &mut events).unwrap();
        assert_eq!(
            effect,
            Effect::NormChosen("wmo-huishoudelijke-hulp-extra-uren".into())
        );
    }

    #[test]
    fn screens_in_both_languages_and_sizes() {
        insta::assert_snapshot!("picker_nl_80x24", draw(&app(Lang::Nl), 80, 24).backend());
        insta::assert_snapshot!("picker_en_80x24", draw(&app(Lang::En), 80, 24).backend());
        let mut filtered = app(Lang::Nl);
        typed(&mut filtered, "schuld");
        insta::assert_snapshot!(
            "picker_nl_filtered_80x24",
            draw(&filtered, 80, 24).backend()
        );
        insta::assert_snapshot!(
            "picker_nl_narrow_60x20",
            draw(&app(Lang::Nl), 60, 20).backend()
        );
        insta::assert_snapshot!("too_small_nl_40x10", draw(&app(Lang::Nl), 40, 10).backend());
    }

    #[test]
    fn the_highlighted_row_is_marked_by_symbol_and_style_not_colour_alone() {
        let terminal = draw(&app(Lang::Nl), 80, 24);
        let buffer = terminal.backend().buffer();
        let row = (0..24)
            .find(|y| buffer[(1, *y)].symbol() == "▶")
            .expect("a marked row");
        assert!(buffer[(3, row)].modifier.contains(Modifier::REVERSED));
    }
}
