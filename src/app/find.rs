//! `:find TEXT`: searches names, descriptions, matching rules and policy statement text across
//! the whole tenancy (the loaded snapshot, so every compartment, not only what the panes have
//! read), and lists the hits; choosing one jumps to it as a pasted OCID does. When the tenancy
//! is not loaded yet the search waits for it and says so.

use super::panes::PaneDialog;
use super::state::AppState;
use super::widgets::modal::{Modal, Tone, ToneLine};
use crate::model::{LifecycleState, Snapshot};

/// Hits listed; more are counted, and a narrower search finds them.
const LIMIT: usize = 200;
/// Characters of context either side of a hit in statement text.
const CONTEXT: usize = 40;

/// One thing the text was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub ocid: String,
    /// `policy prod-app-operators #3`, `user marcus`, `compartment Prod/AppTier`.
    pub what: String,
    /// Where in it: `name`, `description`, or the statement around the hit.
    pub excerpt: String,
}

/// Every hit of `query` (case-insensitive), in the order of the tenancy's lists; deleted
/// resources are left out.
pub fn search(snapshot: &Snapshot, query: &str) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut check = |ocid: &str, what: String, fields: &[(&str, &str)]| {
        for (field, text) in fields {
            if let Some(excerpt) = excerpt(text, &needle) {
                out.push(Hit {
                    ocid: ocid.to_string(),
                    what: what.clone(),
                    excerpt: format!("{field}: {excerpt}"),
                });
                // One hit per resource field is plenty; the first field found wins.
                return;
            }
        }
    };
    let live = |s: &LifecycleState| *s != LifecycleState::Deleted;
    for c in snapshot
        .compartments
        .iter()
        .filter(|c| live(&c.lifecycle_state))
    {
        let what = format!("compartment {}", c.name);
        check(
            &c.id,
            what,
            &[("name", &c.name), ("description", &c.description)],
        );
    }
    for u in snapshot.users.iter().filter(|u| live(&u.lifecycle_state)) {
        let email = u.email.clone().unwrap_or_default();
        check(
            &u.id,
            format!("user {}", u.name),
            &[
                ("name", &u.name),
                ("e-mail", &email),
                ("description", &u.description),
            ],
        );
    }
    for g in snapshot.groups.iter().filter(|g| live(&g.lifecycle_state)) {
        check(
            &g.id,
            format!("group {}", g.name),
            &[("name", &g.name), ("description", &g.description)],
        );
    }
    for d in snapshot
        .dynamic_groups
        .iter()
        .filter(|d| live(&d.lifecycle_state))
    {
        check(
            &d.id,
            format!("dynamic group {}", d.name),
            &[
                ("name", &d.name),
                ("description", &d.description),
                ("rule", &d.matching_rule),
            ],
        );
    }
    for p in snapshot
        .policies
        .iter()
        .filter(|p| live(&p.lifecycle_state))
    {
        check(
            &p.id,
            format!("policy {}", p.name),
            &[("name", &p.name), ("description", &p.description)],
        );
        for (i, statement) in p.statements.iter().enumerate() {
            check(
                &p.id,
                format!("policy {} #{}", p.name, i + 1),
                &[("statement", statement)],
            );
        }
    }
    for n in snapshot
        .tag_namespaces
        .iter()
        .filter(|n| live(&n.lifecycle_state))
    {
        check(
            &n.id,
            format!("tag namespace {}", n.name),
            &[("name", &n.name), ("description", &n.description)],
        );
    }
    out
}

/// The text around the first hit, on one line, or `None` when it is not there.
fn excerpt(text: &str, needle: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // Byte offsets of the lowercase copy match the original only for ASCII; look the hit up
    // by characters so any text is safe.
    let at = lower.find(needle)?;
    let start_char = lower[..at].chars().count();
    let chars: Vec<char> = text.chars().collect();
    let from = start_char.saturating_sub(CONTEXT);
    let to = (start_char + needle.chars().count() + CONTEXT).min(chars.len());
    let from = from.min(to);
    let mut out: String = chars[from..to].iter().collect();
    out = out.replace(['\n', '\r', '\t'], " ");
    if from > 0 {
        out.insert(0, '…');
    }
    if to < chars.len() {
        out.push('…');
    }
    Some(out)
}

/// `:find TEXT` from the palette.
pub(super) fn start(state: &mut AppState, query: &str) {
    let query = query.trim();
    if query.is_empty() {
        state
            .ctx
            .toasts
            .error("find what? e.g. :find AppOps (names, descriptions, statements)");
        return;
    }
    state.find = Some(query.to_string());
    state.ctx.ensure_snapshot(state.active);
    if state.ctx.snapshot.data().is_none() {
        state.ctx.toasts.info(format!(
            "finding \"{query}\": reading the whole tenancy first…"
        ));
    }
    settle(state);
}

/// Opens the hits of a waiting search once the tenancy is loaded (after every update).
pub(super) fn settle(state: &mut AppState) {
    let Some(linter) = state.ctx.snapshot.data().cloned() else {
        return;
    };
    let Some(query) = state.find.take() else {
        return;
    };
    let hits = search(linter.snapshot(), &query);
    if hits.is_empty() {
        state.ctx.toasts.info(format!(
            "nothing in the tenancy's names, descriptions or statements has \"{query}\""
        ));
        return;
    }
    let total = hits.len();
    state
        .ctx
        .toasts
        .info(format!("{total} hit(s) for \"{query}\""));
    let shown: Vec<Hit> = hits.into_iter().take(LIMIT).collect();
    let mut lines = vec![ToneLine::new(
        Tone::Heading,
        if total > LIMIT {
            format!(
                "{total} hits for \"{query}\" (the first {LIMIT}; narrow the search for the rest)"
            )
        } else {
            format!("{total} hit(s) for \"{query}\"; Enter goes to the one chosen")
        },
    )];
    lines.push(ToneLine::new(Tone::Dim, "↑↓ choose · Enter go · Esc close"));
    let options: Vec<String> = shown
        .iter()
        .map(|h| format!("{}  {}", h.what, h.excerpt))
        .collect();
    let options: Vec<&str> = options.iter().map(String::as_str).collect();
    let ocids = shown.into_iter().map(|h| h.ocid).collect();
    state.ctx.open(Modal::choice(
        PaneDialog::Find { ocids },
        "Find",
        lines,
        &options,
    ));
}

/// A hit was chosen: go to it.
pub(super) fn chosen(state: &mut AppState, ocids: &[String], index: usize) {
    if let Some(ocid) = ocids.get(index) {
        super::jump::to_ocid(state, ocid);
    }
}

#[cfg(test)]
mod tests {
    use super::{excerpt, search};

    #[test]
    fn finds_names_descriptions_and_statement_text_without_case() {
        let demo = crate::emulator::seed::demo();
        let hits = search(&demo, "appops");
        assert!(
            hits.iter()
                .any(|h| h.what == "group AppOps" && h.excerpt.starts_with("name:"))
        );
        assert!(
            hits.iter()
                .any(|h| h.what.starts_with("policy prod-app-operators #")
                    && h.excerpt.contains("Allow group AppOps"))
        );
        assert!(search(&demo, "no such text anywhere").is_empty());
        assert!(search(&demo, "  ").is_empty());
    }

    #[test]
    fn an_excerpt_is_one_line_around_the_hit_and_safe_for_any_text() {
        let long = format!("{}needle{}", "a".repeat(100), "b".repeat(100));
        let e = excerpt(&long, "needle").unwrap();
        assert!(e.starts_with('…') && e.ends_with('…') && e.contains("needle"));
        assert_eq!(
            excerpt("İstanbul\nneedle", "needle").unwrap(),
            "İstanbul needle"
        );
        assert_eq!(excerpt("abc", "x"), None);
    }
}
