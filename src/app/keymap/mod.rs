//! Keys to actions. One embedded default (`assets/keymap.toml`), one table per context, each
//! entry with its key(s), action and description; the user's `keymap.toml` in the config
//! directory merges over it. The hint bar and help are generated from the same entries.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;
pub use super::panes::KeyContext;

const DEFAULT: &str = include_str!("../../../assets/keymap.toml");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    pub keys: Vec<String>,
    pub action: Action,
    pub description: String,
}

/// A parsed key: code plus modifiers (shift is folded into the character for printables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    /// Context to bindings, in file order (the order of the hint bar).
    pub contexts: BTreeMap<KeyContext, Vec<Binding>>,
    parsed: BTreeMap<KeyContext, Vec<(KeySpec, usize)>>,
}

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap {origin}, line {line}: {message} (see assets/keymap.toml for the format)")]
    Parse {
        origin: String,
        line: usize,
        message: String,
    },
    #[error(
        "keymap {origin}, line {line}: '{key}' in [{context}] is not a key (try e.g. \"x\", \"ctrl-s\", \"enter\", \"f2\")"
    )]
    BadKey {
        origin: String,
        line: usize,
        context: String,
        key: String,
    },
    #[error("keymap {origin}, line {line}: [{name}] is not a key context (known: {known})")]
    UnknownContext {
        origin: String,
        line: usize,
        name: String,
        known: String,
    },
    #[error("cannot read keymap {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Keymap {
    /// The embedded default keymap alone.
    pub fn default_keymap() -> Result<Self, KeymapError> {
        Self::from_sources(DEFAULT, None)
    }

    /// The default keymap with the user's file (if it exists) merged over it.
    pub fn load(user_file: Option<&Path>) -> Result<Self, KeymapError> {
        let user = match user_file {
            Some(path) => match std::fs::read_to_string(path) {
                Ok(text) => Some((path.display().to_string(), text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => {
                    return Err(KeymapError::Read {
                        path: path.into(),
                        source,
                    });
                }
            },
            None => None,
        };
        Self::from_sources(
            DEFAULT,
            user.as_ref().map(|(o, t)| (o.as_str(), t.as_str())),
        )
    }

    /// Parses the default text and merges the user's over it: a user entry for an action
    /// replaces the default entry for the same action in the same context.
    pub fn from_sources(default: &str, user: Option<(&str, &str)>) -> Result<Self, KeymapError> {
        let mut contexts = parse("assets/keymap.toml", default)?;
        if let Some((origin, text)) = user {
            for (context, bindings) in parse(origin, text)? {
                let entries = contexts.entry(context).or_default();
                for b in bindings {
                    if let Some(existing) = entries.iter_mut().find(|e| e.action == b.action) {
                        *existing = b;
                    } else {
                        entries.push(b);
                    }
                }
            }
        }
        let mut parsed = BTreeMap::new();
        for (context, bindings) in &contexts {
            let mut keys = Vec::new();
            for (i, b) in bindings.iter().enumerate() {
                for key in &b.keys {
                    let spec = parse_key(key).ok_or_else(|| {
                        // The user's file when the key is there, else the default.
                        let (origin, text) = user
                            .filter(|(_, text)| text.contains(&format!("\"{key}\"")))
                            .unwrap_or(("assets/keymap.toml", default));
                        KeymapError::BadKey {
                            origin: origin.to_string(),
                            line: line_of(text, &format!("\"{key}\"")),
                            context: context.name().to_string(),
                            key: key.clone(),
                        }
                    })?;
                    keys.push((spec, i));
                }
            }
            parsed.insert(*context, keys);
        }
        Ok(Keymap { contexts, parsed })
    }

    /// The action bound to `key` in the first of `contexts` that binds it.
    pub fn resolve(&self, contexts: &[KeyContext], key: &KeyEvent) -> Option<Action> {
        let pressed = normalise(key);
        for context in contexts {
            let Some(keys) = self.parsed.get(context) else {
                continue;
            };
            if let Some((_, i)) = keys.iter().find(|(spec, _)| *spec == pressed) {
                return Some(self.contexts[context][*i].action.clone());
            }
        }
        None
    }

    /// The bindings of one context, in file order.
    pub fn bindings(&self, context: KeyContext) -> &[Binding] {
        self.contexts.get(&context).map_or(&[], Vec::as_slice)
    }

    /// The key shown for `action` in the first of `contexts` that binds it.
    pub fn key_in(&self, contexts: &[KeyContext], action: &Action) -> Option<String> {
        contexts.iter().find_map(|c| {
            self.bindings(*c)
                .iter()
                .find(|b| b.action == *action)
                .and_then(|b| b.keys.first())
                .map(|k| display_key(k))
        })
    }

    /// The key shown for `action` wherever it is bound (contexts in the docs' order), for
    /// messages such as "press r to retry"; the action's name if nothing binds it.
    pub fn key_for(&self, action: &Action) -> String {
        self.key_in(KeyContext::ALL, action)
            .unwrap_or_else(|| format!("{action:?}").to_lowercase())
    }
}

/// The tables of a keymap file; a table whose name is not a context is an error naming the
/// file and the line.
fn parse(origin: &str, text: &str) -> Result<BTreeMap<KeyContext, Vec<Binding>>, KeymapError> {
    let tables: BTreeMap<String, Vec<Binding>> =
        toml::from_str(text).map_err(|e: toml::de::Error| KeymapError::Parse {
            origin: origin.to_string(),
            line: e.span().map_or(1, |span| {
                text[..span.start.min(text.len())].matches('\n').count() + 1
            }),
            message: e.message().trim().to_string(),
        })?;
    let mut out = BTreeMap::new();
    for (name, bindings) in tables {
        let Some(context) = KeyContext::from_name(&name) else {
            let known: Vec<&str> = KeyContext::ALL.iter().map(|c| c.name()).collect();
            return Err(KeymapError::UnknownContext {
                origin: origin.to_string(),
                line: line_of(text, &format!("[{name}]")),
                name,
                known: known.join(", "),
            });
        };
        out.insert(context, bindings);
    }
    Ok(out)
}

/// The 1-based line where `needle` first appears (1 if it does not).
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
}

/// Shift is part of the character for printable keys (`D` is shift-d), so it is dropped from
/// the modifiers to compare them.
fn normalise(key: &KeyEvent) -> KeySpec {
    let mut modifiers =
        key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match key.code {
        KeyCode::Char(c) => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::Char(c)
        }
        KeyCode::BackTab => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    KeySpec { code, modifiers }
}

/// Parses `x`, `X`, `ctrl-s`, `alt-x`, `enter`, `esc`, `tab`, `backtab`, `up`, `pgdn`, `f2`...
pub fn parse_key(spec: &str) -> Option<KeySpec> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = spec;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            modifiers |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-") {
            modifiers |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("shift-")
            .filter(|r| r.chars().count() > 1)
        {
            modifiers |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                (Some('f'), Some(_)) => KeyCode::F(rest[1..].parse().ok()?),
                _ => return None,
            }
        }
    };
    Some(KeySpec { code, modifiers })
}

/// The short form of a key for the hint bar and help: `^s`, `Enter`, `?`.
pub fn display_key(spec: &str) -> String {
    let mut out = spec.replace("ctrl-", "^").replace("alt-", "M-");
    for (long, short) in [
        ("enter", "Enter"),
        ("esc", "Esc"),
        ("backtab", "S-Tab"),
        ("tab", "Tab"),
        ("pgup", "PgUp"),
        ("pgdn", "PgDn"),
        ("space", "Space"),
    ] {
        if out.ends_with(long) {
            out = format!("{}{short}", &out[..out.len() - long.len()]);
        }
    }
    out
}

/// `<config dir>/keymap.toml`, e.g. `~/.config/canopy/keymap.toml` on Linux.
pub fn user_keymap_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "canopy").map(|d| d.config_dir().join("keymap.toml"))
}

/// The key table for the docs, one section per context, generated so docs cannot drift from
/// the keymap (a test compares it with `docs/tui.md`).
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::from("| where | keys | action |\n|---|---|---|\n");
    for &context in KeyContext::ALL {
        if context == KeyContext::Help {
            continue;
        }
        for b in keymap.bindings(context) {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("`{}`", display_key(k).replace('|', "\\|")))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                context.name(),
                keys.join(" "),
                b.description
            );
        }
    }
    out
}
