//! The audit view of a compartment, from the policy engine over the whole tenancy: every
//! statement that applies there (nearest first) with its provenance and the principals it
//! reaches, and two questions the user can ask: "what can PRINCIPAL do here" and "who can VERB
//! RESOURCE here". Pure state: the snapshot comes from `Ctx::snapshot`, nothing here does I/O.

mod answers;
mod complete;
mod escalation;

use std::sync::Arc;

use crate::model::{LifecycleState, Snapshot};
use crate::policy::TenancyLinter;
use crate::policy::effective::{EffectiveIndex, ResolvedSubject};

use super::action::Action;
use super::ctx::Ctx;
use super::panes::PaneId;
use super::widgets::line_editor::LineEditor;
use super::widgets::modal::{Tone, ToneLine};

/// Which question the prompt asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// "what can PRINCIPAL do here"
    WhatCan,
    /// "who can VERB RESOURCE here"
    WhoCan,
    /// "can PRINCIPAL do this here": yes or no, the deciding statements and why not
    Can,
}

impl Question {
    pub fn prompt(self) -> &'static str {
        match self {
            Question::WhatCan => "what can (user, group or dynamic group) do here: ",
            Question::WhoCan => "who can (VERB RESOURCE, e.g. manage instances) here: ",
            Question::Can => {
                "can (PRINCIPAL VERB RESOURCE | perm P | op O [where VAR=VALUE]) here: "
            }
        }
    }
}

/// The audit view, open over the pane it was opened from.
#[derive(Debug, Clone)]
pub struct AuditView {
    pub compartment_id: String,
    pub opened_from: PaneId,
    pub scroll: u16,
    /// The question being typed, if any.
    pub asking: Option<(Question, LineEditor)>,
    /// What Tab found when several candidates remain, shown under the question.
    pub candidates: Vec<String>,
    /// The last answer (title and lines), shown above the statements.
    pub answer: Option<(String, Vec<ToneLine>)>,
    /// The indexed tenancy the body was built from (rebuilt when it changes).
    tenancy: Option<Arc<TenancyLinter>>,
    /// What applies here, built once per snapshot.
    pub body: Vec<ToneLine>,
}

impl AuditView {
    pub fn new(compartment_id: &str, opened_from: PaneId) -> Self {
        AuditView {
            compartment_id: compartment_id.to_string(),
            opened_from,
            scroll: 0,
            asking: None,
            candidates: Vec::new(),
            answer: None,
            tenancy: None,
            body: Vec::new(),
        }
    }

    /// True once the tenancy is loaded and indexed.
    pub fn is_ready(&self) -> bool {
        self.tenancy.is_some()
    }

    /// Asks for the snapshot if needed, and (re)builds the index when a new one arrived.
    pub fn sync(&mut self, ctx: &mut Ctx) {
        ctx.ensure_snapshot(self.opened_from);
        let Some(tenancy) = ctx.snapshot.data().cloned() else {
            self.tenancy = None;
            return;
        };
        if self
            .tenancy
            .as_ref()
            .is_some_and(|t| Arc::ptr_eq(t, &tenancy))
        {
            return;
        }
        self.body = body_lines(tenancy.index(), tenancy.snapshot(), &self.compartment_id);
        self.tenancy = Some(tenancy);
    }

    /// Handles a key action while the view is open; returns false when it closes.
    pub fn handle(&mut self, action: &Action) -> bool {
        if let Some((question, input)) = &mut self.asking {
            match action {
                Action::Input(key) if key.code == crossterm::event::KeyCode::Tab => {
                    if let Some(tenancy) = &self.tenancy {
                        let (line, found) =
                            complete::complete(tenancy.index(), *question, input.text());
                        *input = LineEditor::new(&line);
                        self.candidates = found;
                    }
                }
                Action::Input(key) => {
                    input.handle(key);
                    self.candidates.clear();
                }
                Action::Paste(text) => {
                    input.paste(text);
                }
                Action::Select => {
                    let (question, input) = (*question, input.text().trim().to_string());
                    self.asking = None;
                    self.candidates.clear();
                    self.ask(question, &input);
                }
                Action::Back | Action::Cancel => {
                    self.asking = None;
                    self.candidates.clear();
                }
                _ => {}
            }
            return true;
        }
        match action {
            Action::Back | Action::Quit | Action::Audit => return false,
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::AskWhatCan if self.is_ready() => {
                self.asking = Some((Question::WhatCan, LineEditor::default()));
            }
            Action::AskWhoCan if self.is_ready() => {
                self.asking = Some((Question::WhoCan, LineEditor::default()));
            }
            Action::AskCan if self.is_ready() => {
                self.asking = Some((Question::Can, LineEditor::default()));
            }
            Action::EscalationPaths => {
                if let Some(tenancy) = &self.tenancy {
                    self.scroll = 0;
                    self.answer = Some(escalation::lines(tenancy.index()));
                }
            }
            _ => {}
        }
        true
    }

    /// Answers a question against the loaded tenancy; bad input gets a clear message.
    pub fn ask(&mut self, question: Question, input: &str) {
        let Some(tenancy) = &self.tenancy else {
            return;
        };
        let (snapshot, index) = (tenancy.snapshot(), tenancy.index());
        let here = &self.compartment_id;
        self.scroll = 0;
        self.answer = Some(match question {
            Question::WhatCan => answers::what_can(index, snapshot, here, input),
            Question::WhoCan => answers::who_can(index, here, input),
            Question::Can => answers::can(index, here, input),
        });
    }
}

/// Everything that applies to the compartment, nearest first, with the principals reached.
fn body_lines(index: &EffectiveIndex, snapshot: &Snapshot, here: &str) -> Vec<ToneLine> {
    let applied = index.statements_for(here);
    let mut lines = vec![ToneLine::new(
        Tone::Heading,
        format!(
            "{} statement(s) apply to {}, nearest first:",
            applied.len(),
            index.tree().display(here)
        ),
    )];
    for a in &applied {
        let deny = a.entry.grant().is_some_and(|g| g.deny);
        let mark = if deny { "DENY " } else { "" };
        lines.push(ToneLine::new(
            if deny { Tone::Error } else { Tone::Statement },
            format!("{mark}{}", a.entry.text.trim()),
        ));
        lines.push(ToneLine::new(
            Tone::Dim,
            format!(
                "    policy {} (attached to {}) · {}",
                a.entry.policy_name,
                index.tree().display(&a.entry.attached_to),
                a.coverage
            ),
        ));
        if let Some(condition) = a.entry.grant().and_then(|g| g.condition.as_ref()) {
            lines.push(ToneLine::new(
                Tone::Warning,
                format!("    only where {condition}"),
            ));
        }
        let reach: Vec<String> = a
            .entry
            .subjects
            .iter()
            .map(|s| reach_of(s, snapshot))
            .collect();
        if !reach.is_empty() {
            lines.push(ToneLine::new(
                Tone::Dim,
                format!("    reaches: {}", reach.join("; ")),
            ));
        }
    }
    if !index.unparsed().is_empty() {
        lines.push(ToneLine::new(
            Tone::Warning,
            format!(
                "{} statement(s) in the tenancy do not parse and are left out",
                index.unparsed().len()
            ),
        ));
    }
    lines
}

/// Who a subject reaches, e.g. `group Ops (3 members)`.
fn reach_of(subject: &ResolvedSubject, snapshot: &Snapshot) -> String {
    match subject {
        ResolvedSubject::AnyUser => "any-user (every user and principal)".into(),
        ResolvedSubject::AnyGroup => "any-group (every user in a group)".into(),
        ResolvedSubject::Group { id: Some(id), name } => {
            let members = snapshot
                .memberships
                .iter()
                .filter(|m| &m.group_id == id && m.lifecycle_state != LifecycleState::Deleted)
                .count();
            // Federated users reach the group through its identity-provider mappings.
            let mapped: Vec<&str> = snapshot
                .idp_group_mappings
                .iter()
                .filter(|m| &m.group_id == id && m.lifecycle_state != LifecycleState::Deleted)
                .map(|m| m.idp_group_name.as_str())
                .collect();
            if mapped.is_empty() {
                format!("group {name} ({members} member(s))")
            } else {
                format!(
                    "group {name} ({members} member(s); mapped from IdP group {})",
                    mapped.join(", ")
                )
            }
        }
        ResolvedSubject::Group { id: None, name } => format!("group {name} (no such group)"),
        ResolvedSubject::DynamicGroup { id: Some(_), name } => format!("dynamic group {name}"),
        ResolvedSubject::DynamicGroup { id: None, name } => {
            format!("dynamic group {name} (no such dynamic group)")
        }
        ResolvedSubject::Service { name } => format!("service {name}"),
    }
}
