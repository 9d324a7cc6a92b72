//! The `:` palette's commands: each pane's, from its declaration, plus help and quit.

use super::action::Action;
use super::panes::PaneId;
use super::state::AppState;
use super::update::go;

/// Every command: (names, what it opens), for the palette's hint and help.
pub fn all() -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = PaneId::ALL
        .iter()
        .flat_map(|p| {
            p.commands()
                .iter()
                .map(|(names, _, about)| (*names, *about))
        })
        .collect();
    out.push(("audit", "audit a compartment (:audit Prod:AppTier)"));
    out.push((
        "ocid",
        "jump to a resource by OCID (or paste the OCID alone)",
    ));
    out.push((
        "find",
        "search names, descriptions and statements in the whole tenancy (:find AppOps)",
    ));
    out.push(("mark", "keep this place under a name (:mark prod-web)"));
    out.push(("go", "go to a mark (:go prod-web)"));
    out.push(("marks", "list the marks to choose one"));
    out.push(("unmark", "forget a mark"));
    out.push(("help h", "help"));
    out.push(("q quit", "quit"));
    out
}

/// The short name of every command, for the prompt line.
pub fn short_names() -> String {
    all()
        .iter()
        .filter_map(|(names, _)| names.split_whitespace().next())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn run_command(state: &mut AppState, line: &str) {
    let line = line.trim();
    // A pasted OCID on its own jumps to the resource.
    if line.starts_with("ocid1.") {
        super::jump::to_ocid(state, line);
        return;
    }
    let (command, arg) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let arg = arg.trim();
    match command {
        "ocid" => {
            super::jump::to_ocid(state, arg);
            return;
        }
        "audit" => {
            super::jump::audit(state, arg);
            return;
        }
        "find" => return super::find::start(state, arg),
        "mark" => return super::marks::mark(state, arg),
        "go" => return super::marks::go(state, arg),
        "marks" => return super::marks::list(state),
        "unmark" => return super::marks::unmark(state, arg),
        _ => {}
    }
    match command {
        "" => return,
        "q" | "quit" => {
            state.quit = true;
            return;
        }
        "help" | "h" => {
            state.help = Some(0);
            return;
        }
        _ => {}
    }
    let target = PaneId::ALL.iter().find_map(|pane| {
        pane.commands()
            .iter()
            .find(|(names, _, _)| names.split_whitespace().any(|n| n == command))
            .map(|(_, show, _)| (*pane, *show))
    });
    let Some((pane, show)) = target else {
        let known: Vec<String> = short_names().split(' ').map(|n| format!(":{n}")).collect();
        state.ctx.toasts.error(format!(
            "unknown command :{command} (try {})",
            known.join(" ")
        ));
        return;
    };
    go(state, pane);
    if !show.is_empty() {
        let AppState { ctx, panes, .. } = state;
        panes
            .get_mut(pane)
            .handle(&Action::Show(show.to_string()), ctx);
    }
    if !arg.is_empty() {
        super::jump::with_argument(state, pane, arg);
    }
}
