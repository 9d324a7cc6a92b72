//! Escalation paths as text: one block per path, the chain as arrows, then what grants it
//! and whom it reaches. The CLI prints it; the TUI's audit view shows the same lines.

use super::EscalationPath;

/// The lines of a report on `paths`.
pub fn render(paths: &[EscalationPath]) -> Vec<String> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push("No escalation paths: no principal can make itself more powerful.".into());
        return out;
    }
    out.push(format!(
        "{} escalation path{}:",
        paths.len(),
        if paths.len() == 1 { "" } else { "s" }
    ));
    for p in paths {
        let maybe = if p.certain {
            ""
        } else {
            " (depends on a condition value not known)"
        };
        out.push(format!("- {} {}{maybe}", p.principal, p.kind.title()));
        out.push(format!("    members: {}", members(&p.members)));
        out.push(format!("    chain: {}", p.chain.join(" -> ")));
        for g in &p.granted_by {
            out.push(format!("    granted by: {} ({})", g.statement, g.policy));
        }
        for r in &p.reaches {
            out.push(format!("    reaches: {r}"));
        }
    }
    out
}

fn members(names: &[String]) -> String {
    if names.is_empty() {
        "none (nobody can take this path today)".into()
    } else {
        names.join(", ")
    }
}
