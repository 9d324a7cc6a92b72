//! A decision as a person reads it: the verdict, the permissions, the deciding statements,
//! why not, and what was not known. The CLI prints it; the TUI's audit view colours it.

use super::Decision;

/// The answer as a person reads it.
pub fn render(d: &Decision) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let verdict = match (d.allowed, d.certain) {
        (true, _) => "YES",
        (false, true) => "NO",
        (false, false) => "NOT PROVEN: it depends on condition values not given",
    };
    let _ = writeln!(out, "{} {verdict}", d.question);
    if d.required.len() > 1 || d.required.first().is_some_and(|r| r.contains('_')) {
        let _ = writeln!(out, "  needs:   {}", d.required.join(", "));
        let _ = writeln!(out, "  granted: {}", list(&d.granted));
        let _ = writeln!(out, "  missing: {}", list(&d.missing));
    }
    let heading = match (d.allowed, d.deciding.first().map(|r| r.effect)) {
        (true, _) => "granted by",
        (false, Some("deny")) => "denied by",
        _ => "granted in part by",
    };
    if !d.deciding.is_empty() {
        let _ = writeln!(out, "{heading}:");
        for r in &d.deciding {
            let _ = writeln!(out, "  - {} {}", r.effect, r.statement);
            let _ = writeln!(
                out,
                "      policy {} (attached to {}), {}",
                r.policy, r.attached_to, r.location
            );
            if !r.via.is_empty() {
                let _ = writeln!(out, "      reaches it as: {}", r.via);
            }
            if let (Some(c), Some(result)) = (&r.condition, &r.condition_result) {
                let _ = writeln!(out, "      where {c}: {result}");
            }
        }
    }
    if !d.near_misses.is_empty() {
        let _ = writeln!(out, "why not (statements that nearly match):");
        for m in &d.near_misses {
            let _ = writeln!(out, "  - {:?}: {}", m.failed, m.detail);
            let _ = writeln!(
                out,
                "      {} (policy {}, attached to {})",
                m.reason.statement, m.reason.policy, m.reason.attached_to
            );
        }
    } else if !d.allowed && d.deciding.is_empty() {
        let _ = writeln!(out, "no statement grants it, nor comes close");
    }
    if !d.unknown_variables.is_empty() {
        let _ = writeln!(out, "unknown values: {}", d.unknown_variables.join(", "));
    }
    for note in &d.notes {
        let _ = writeln!(out, "note: {note}");
    }
    out.trim_end().to_string()
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}
