//! Taking over the terminal and always giving it back: raw mode and the alternate screen on
//! entry; restored by a drop guard, by the panic hook, and before an external editor runs.

use std::io::{self, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Tui = Terminal<CrosstermBackend<io::Stdout>>;

/// Restores the terminal when dropped, however the TUI ends.
pub struct TerminalGuard {
    pub terminal: Tui,
    /// Mouse reporting is on (`--mouse`); off by default so the terminal's own text
    /// selection keeps working.
    mouse: bool,
}

impl TerminalGuard {
    pub fn enter(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        enter_raw(mouse)?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(TerminalGuard { terminal, mouse })
    }

    /// Draws one frame as a synchronized update, so terminals that support it (and the
    /// end-to-end tests) never show half a frame, even over a slow SSH link.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        execute!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let drawn = self.terminal.draw(render).map(|_| ());
        // Always close the update, even after a failed draw, or the terminal stays frozen.
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        drawn
    }

    /// Gives the terminal back for a while (an external editor), then takes it again.
    pub fn suspend<T>(&mut self, during: impl FnOnce() -> T) -> io::Result<T> {
        restore();
        let result = during();
        enter_raw(self.mouse)?;
        self.terminal.clear()?;
        Ok(result)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_raw(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves raw mode and the alternate screen; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = io::stdout().flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Writes `text` to the clipboard through the terminal, as `clipboard` says it can go.
pub fn copy_osc52(text: &str, clipboard: &super::clipboard::Clipboard) -> io::Result<()> {
    let mut out = io::stdout();
    for sequence in clipboard.sequences(text) {
        out.write_all(sequence.as_bytes())?;
    }
    out.flush()
}

/// Edits `text` in `$VISUAL`/`$EDITOR` (default `vi`) through a temp file; `None` if the
/// editor could not run or exited with an error.
pub fn edit_externally(text: &str) -> Option<String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".to_string());
    let file = tempfile::Builder::new()
        .prefix("canopy-policy-")
        .suffix(".txt")
        .tempfile()
        .ok()?;
    std::fs::write(file.path(), text).ok()?;
    // The editor variable may carry arguments (`code --wait`), as shells allow.
    let mut parts = editor.split_whitespace();
    let program = parts.next()?;
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(file.path())
        .status()
        .ok()?;
    if !status.success() {
        return None;
    }
    std::fs::read_to_string(file.path()).ok()
}
