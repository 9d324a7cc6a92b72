//! Styles, from the 16 basic colours only (no true colour needed), or none at all when
//! `NO_COLOR` is set: then bold, dim, underline and reverse carry the meaning.

use ratatui::style::{Color, Modifier, Style};

use crate::app::widgets::modal::Tone;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(no_color: bool) -> Self {
        Theme { color: !no_color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn plain(self) -> Style {
        Style::new()
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn focus_border(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn header(self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn badge(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn tab_active(self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn success(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn added(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn removed(self) -> Style {
        if self.color {
            Style::new().fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::CROSSED_OUT)
        }
    }

    pub fn tone(self, tone: Tone) -> Style {
        match tone {
            Tone::Plain | Tone::Statement => self.plain(),
            Tone::Heading => self.plain().add_modifier(Modifier::BOLD),
            Tone::Added => self.added(),
            Tone::Removed => self.removed(),
            Tone::Dim => self.dim(),
            Tone::Warning => self.warning(),
            Tone::Error => self.error(),
        }
    }

    // Policy statement highlighting.
    pub fn keyword(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    pub fn verb(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn subject(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn resource(self) -> Style {
        self.fg(Color::Blue)
    }

    pub fn variable(self) -> Style {
        self.fg(Color::Magenta)
    }

    pub fn literal(self) -> Style {
        self.fg(Color::Green)
    }
}
