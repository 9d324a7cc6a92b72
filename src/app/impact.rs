//! Impact before a structural change: the confirmation of a rename, move or delete of a
//! compartment, group, dynamic group or user lists the statements that name it and the access
//! the change gains and loses (the policy engine's answer over the loaded tenancy). When the
//! tenancy is still loading, the dialog says so and fills in once it arrives.

use crate::app::ctx::Ctx;
use crate::app::panes::PaneId;
use crate::app::widgets::modal::{ModalKind, Tone, ToneLine};
use crate::policy::structural::{Change, StructuralImpact, Target, structural_impact};

/// Lines of grants shown before "(and N more)".
const SHOWN: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Compartment,
    Group,
    DynamicGroup,
    User,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Structural {
    Rename(String),
    Move { to_parent: String },
    Delete,
}

/// The question a dialog asks the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactQuery {
    pub kind: Kind,
    pub id: String,
    pub change: Structural,
}

impl ImpactQuery {
    pub fn new(kind: Kind, id: &str, change: Structural) -> Self {
        ImpactQuery {
            kind,
            id: id.to_string(),
            change,
        }
    }

    fn answer(&self, snapshot: &crate::model::Snapshot) -> StructuralImpact {
        let target = match self.kind {
            Kind::Compartment => Target::Compartment(&self.id),
            Kind::Group => Target::Group(&self.id),
            Kind::DynamicGroup => Target::DynamicGroup(&self.id),
            Kind::User => Target::User(&self.id),
        };
        let change = match &self.change {
            Structural::Rename(name) => Change::Rename(name),
            Structural::Move { to_parent } => Change::Move(to_parent),
            Structural::Delete => Change::Delete,
        };
        structural_impact(snapshot, target, change)
    }
}

const WAITING: &str = "Checking which statements name it: the tenancy's policies are loading…";

/// The impact lines for a dialog, or (with the tenancy still loading) one line that
/// [`settle`] replaces once it has arrived; `pane` asks for the tenancy.
pub fn lines(ctx: &mut Ctx, pane: PaneId, query: &ImpactQuery) -> (Vec<ToneLine>, bool) {
    ctx.ensure_snapshot(pane);
    match ctx.snapshot.data() {
        Some(linter) => (render(&query.answer(linter.snapshot())), false),
        None => (vec![ToneLine::new(Tone::Dim, WAITING)], true),
    }
}

/// Whether the change touches no statement and no access, as far as the loaded tenancy
/// says (`false` while it is loading): a rename then needs no extra question.
pub fn is_harmless(ctx: &Ctx, query: &ImpactQuery) -> bool {
    ctx.snapshot
        .data()
        .is_some_and(|linter| query.answer(linter.snapshot()).is_empty())
}

/// Fills in an open dialog's impact once the tenancy has loaded (called after every update).
pub fn settle(ctx: &mut Ctx) {
    let Some(linter) = ctx.snapshot.data().cloned() else {
        return;
    };
    let Some(modal) = &mut ctx.modal else { return };
    let Some(query) = modal.impact.take() else {
        return;
    };
    let found = render(&query.answer(linter.snapshot()));
    let (ModalKind::TypedConfirm { lines, .. } | ModalKind::Choice { lines, .. }) = &mut modal.kind
    else {
        return;
    };
    if let Some(at) = lines.iter().position(|l| l.text == WAITING) {
        lines.splice(at..=at, found);
    }
}

/// The statements first (those that stop matching marked), then access lost and gained.
pub fn render(impact: &StructuralImpact) -> Vec<ToneLine> {
    if impact.is_empty() {
        return vec![ToneLine::new(
            Tone::Dim,
            "No policy statement names it; no access changes.",
        )];
    }
    let mut out = Vec::new();
    if !impact.naming.is_empty() {
        out.push(ToneLine::new(
            Tone::Heading,
            format!("{} statement(s) name it:", impact.naming.len()),
        ));
        for n in &impact.naming {
            let effect = if n.stops_matching {
                "stops matching"
            } else {
                "still matches"
            };
            out.push(ToneLine::new(
                if n.stops_matching {
                    Tone::Warning
                } else {
                    Tone::Dim
                },
                format!("  {} #{} ({}, {effect}):", n.policy, n.statement, n.how),
            ));
            out.push(ToneLine::new(Tone::Statement, format!("    {}", n.text)));
        }
    }
    let d = &impact.diff;
    let mut section = |heading: &str, tone: Tone, sign: char, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        out.push(ToneLine::new(Tone::Heading, heading));
        let total = items.len();
        for item in items.into_iter().take(SHOWN) {
            out.push(ToneLine::new(tone, format!("{sign} {item}")));
        }
        if total > SHOWN {
            out.push(ToneLine::new(
                Tone::Dim,
                format!("  (and {} more)", total - SHOWN),
            ));
        }
    };
    let lost = d.lost.iter().map(ToString::to_string);
    let left = d
        .left
        .iter()
        .map(|m| format!("{} leaves group {}", m.user, m.group));
    section(
        "Access lost:",
        Tone::Removed,
        '-',
        lost.chain(left).collect(),
    );
    let gained = d.gained.iter().map(ToString::to_string);
    let joined = d
        .joined
        .iter()
        .map(|m| format!("{} joins group {}", m.user, m.group));
    section(
        "Access gained:",
        Tone::Added,
        '+',
        gained.chain(joined).collect(),
    );
    out
}
