//! Copying through the terminal (OSC 52), honestly. Outside tmux the sequence goes straight
//! to the terminal. Inside tmux a plain OSC 52 lands in tmux's paste buffer (and the outer
//! terminal's clipboard) only with `set-clipboard on`; with tmux's default (`external`) or
//! `off` an application cannot copy at all, unless `allow-passthrough` lets the wrapped
//! sequence through to the outer terminal. canopy reads both options once and, where neither
//! lets a copy through, says so and names the setting instead of claiming success.

use std::process::Command;

/// Where a copy can go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Clipboard {
    /// Not inside tmux: the terminal gets the sequence.
    #[default]
    Terminal,
    /// Inside tmux, with its `set-clipboard` value and whether passthrough is allowed.
    Tmux {
        set_clipboard: String,
        passthrough: bool,
    },
}

impl Clipboard {
    /// Looks at `$TMUX` and, inside tmux, asks the server for its two options.
    pub fn detect() -> Self {
        if std::env::var_os("TMUX").is_none() {
            return Clipboard::Terminal;
        }
        let option = |name: &str| {
            Command::new("tmux")
                .args(["show-options", "-gv", name])
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default()
        };
        Clipboard::Tmux {
            set_clipboard: option("set-clipboard"),
            passthrough: matches!(option("allow-passthrough").as_str(), "on" | "all"),
        }
    }

    /// Why a copy cannot reach any clipboard here, with the setting that would fix it.
    pub fn refusal(&self) -> Option<String> {
        match self {
            Clipboard::Tmux {
                set_clipboard,
                passthrough: false,
            } if set_clipboard != "on" => Some(format!(
                "could not copy: tmux's set-clipboard is `{}`, which lets no application copy; \
                 add `set -g set-clipboard on` to ~/.tmux.conf (or allow-passthrough on)",
                if set_clipboard.is_empty() {
                    "unknown"
                } else {
                    set_clipboard
                }
            )),
            _ => None,
        }
    }

    /// The bytes to write for `text`: plain OSC 52, and inside tmux with passthrough allowed
    /// the wrapped form too (which reaches the outer terminal directly).
    pub fn sequences(&self, text: &str) -> Vec<String> {
        use base64::Engine as _;
        let encoded = base64::engine::general_purpose::STANDARD.encode(text);
        let plain = format!("\x1b]52;c;{encoded}\x07");
        let mut out = vec![plain.clone()];
        if let Clipboard::Tmux {
            passthrough: true, ..
        } = self
        {
            // tmux's passthrough: the sequence inside a DCS, each ESC doubled.
            out.push(format!(
                "\x1bPtmux;{}\x1b\\",
                plain.replace('\x1b', "\x1b\x1b")
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Clipboard;

    fn tmux(set_clipboard: &str, passthrough: bool) -> Clipboard {
        Clipboard::Tmux {
            set_clipboard: set_clipboard.into(),
            passthrough,
        }
    }

    #[test]
    fn only_a_tmux_that_lets_nothing_through_refuses() {
        assert_eq!(Clipboard::Terminal.refusal(), None);
        assert_eq!(tmux("on", false).refusal(), None);
        assert_eq!(tmux("external", true).refusal(), None);
        let refused = tmux("external", false).refusal().unwrap();
        assert!(refused.contains("set -g set-clipboard on"), "{refused}");
        assert!(tmux("off", false).refusal().is_some());
    }

    #[test]
    fn plain_osc52_always_and_wrapped_only_with_passthrough() {
        let plain = "\x1b]52;c;b2NpZDE=\x07";
        assert_eq!(Clipboard::Terminal.sequences("ocid1"), vec![plain]);
        assert_eq!(tmux("on", false).sequences("ocid1"), vec![plain]);
        let both = tmux("external", true).sequences("ocid1");
        assert_eq!(both.len(), 2);
        assert!(both[1].starts_with("\x1bPtmux;\x1b\x1b]52;c;"));
    }
}
