//! The `:` prompt's Tab completion and history. Tab completes the command name, then its
//! argument: compartment paths for `:cmp`, `:pol` and `:audit`, names for `:usr`, `:grp` and
//! `:dg`. Several candidates complete to what they share and are named on the toast line.
//! Up and Down walk the commands run before (this session's, newest first).

use super::panes::PaneId;
use super::state::AppState;

/// How many past commands the prompt keeps.
const HISTORY: usize = 100;

/// Every name a command answers to (all aliases), for completion.
fn command_names() -> Vec<&'static str> {
    let mut out: Vec<&str> = PaneId::ALL
        .iter()
        .flat_map(|p| {
            p.commands()
                .iter()
                .flat_map(|(names, _, _)| names.split_whitespace())
        })
        .collect();
    out.extend([
        "audit", "ocid", "find", "mark", "marks", "go", "unmark", "help", "quit",
    ]);
    out
}

/// The candidates for the argument of `command`, given the state.
fn argument_candidates(state: &AppState, command: &str) -> Vec<String> {
    let names = |items: Vec<&str>| items.into_iter().map(str::to_string).collect();
    let p = &state.panes.identity;
    match command {
        "cmp" | "compartments" | "compartment" | "pol" | "policies" | "policy" | "audit" => {
            state.ctx.compartment_paths()
        }
        "usr" | "users" | "user" => names(p.users.all().iter().map(|u| u.name.as_str()).collect()),
        "grp" | "groups" | "group" => {
            names(p.groups.all().iter().map(|g| g.name.as_str()).collect())
        }
        "dg" | "dynamic-groups" | "dynamicgroups" => names(
            p.dynamic_groups
                .all()
                .iter()
                .map(|g| g.name.as_str())
                .collect(),
        ),
        "go" | "unmark" => state.marks.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// The longest prefix every candidate shares (compared without case; the first's spelling).
pub(crate) fn shared_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else {
        return String::new();
    };
    let mut end = first.len();
    for c in &candidates[1..] {
        end = first
            .char_indices()
            .zip(c.chars())
            .take_while(|((_, a), b)| a.eq_ignore_ascii_case(b))
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(end);
    }
    first[..end].to_string()
}

/// What Tab makes of `line`: the completed line, and the candidates when several remain.
pub fn complete(state: &AppState, line: &str) -> (String, Vec<String>) {
    let (command, arg) = match line.split_once(' ') {
        Some((c, a)) => (c, Some(a)),
        None => (line, None),
    };
    let (typed, candidates, before) = match arg {
        None => {
            let mut names: Vec<String> = command_names().into_iter().map(str::to_string).collect();
            names.dedup();
            (command, names, String::new())
        }
        Some(arg) => (
            arg,
            argument_candidates(state, command),
            format!("{command} "),
        ),
    };
    // The CLI's `Prod:AppTier` and the tree's `Prod/AppTier` are the same path.
    let wanted = typed.replace(':', "/").to_lowercase();
    let mut matching: Vec<String> = candidates
        .into_iter()
        .filter(|c| c.to_lowercase().starts_with(&wanted))
        .collect();
    matching.sort();
    matching.dedup();
    match matching.len() {
        0 => (line.to_string(), Vec::new()),
        1 => {
            let space = if arg.is_none() { " " } else { "" };
            (format!("{before}{}{space}", matching[0]), Vec::new())
        }
        _ => {
            let shared = shared_prefix(&matching);
            let completed = if shared.len() > typed.len() {
                format!("{before}{shared}")
            } else {
                line.to_string()
            };
            (completed, matching)
        }
    }
}

/// The commands run before, newest last, and where Up/Down is in them.
#[derive(Debug, Default, Clone)]
pub struct History {
    lines: Vec<String>,
    /// While walking: the index shown; `None` when editing a new line.
    at: Option<usize>,
}

impl History {
    /// History kept from an earlier session (oldest first), bounded as a session's is.
    pub fn from_lines(mut lines: Vec<String>) -> Self {
        lines.retain(|l| !l.trim().is_empty());
        let extra = lines.len().saturating_sub(HISTORY);
        lines.drain(..extra);
        History { lines, at: None }
    }

    /// The commands, oldest first.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    pub fn push(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        self.lines.retain(|l| l != line);
        self.lines.push(line.to_string());
        if self.lines.len() > HISTORY {
            self.lines.remove(0);
        }
        self.at = None;
    }

    /// The line one step back (`older`) or forward; `None` past either end.
    pub fn step(&mut self, older: bool) -> Option<&str> {
        let next = match (self.at, older) {
            (None, true) => self.lines.len().checked_sub(1),
            (Some(i), true) => i.checked_sub(1).or(Some(i)),
            (Some(i), false) if i + 1 < self.lines.len() => Some(i + 1),
            (_, false) => None,
        };
        self.at = next;
        next.map(|i| self.lines[i].as_str())
    }
}
