//! The Credentials pane: every credential of every user (oldest first) over the selected
//! one's detail; the network sources over theirs; or the sign-in policy's rules.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::panes::credentials::policy::{RULES, rule, rule_text};
use crate::app::panes::credentials::{CredentialsPane, CredentialsTab};
use crate::app::{Action, AppState};
use crate::ui::span_owned;
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::{draw_resource, tabs_line};
use crate::ui::widgets::status::draw_unless_ready;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.credentials;
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let titles: Vec<&str> = CredentialsTab::ALL.iter().map(|t| t.title()).collect();
    let active = CredentialsTab::ALL
        .iter()
        .position(|t| *t == pane.tab)
        .unwrap_or(0);
    let keys = crate::ui::widgets::detail::tab_keys(&state.ctx);
    frame.render_widget(
        Paragraph::new(tabs_line(&titles, active, &keys, theme)),
        tabs,
    );
    match pane.tab {
        CredentialsTab::Credentials => draw_credentials(frame, body, state, theme),
        CredentialsTab::NetworkSources => draw_network_sources(frame, body, state, theme),
        CredentialsTab::SignInPolicy => draw_policy(frame, body, pane, state, theme),
    }
}

fn draw_credentials(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.credentials;
    let ctx = &state.ctx;
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(6), Constraint::Length(8)]).areas(area);
    let mut title = "Credentials".to_string();
    if pane.age.is_active() {
        let mut terms = Vec::new();
        if let Some(d) = pane.age.older {
            terms.push(format!("age>{d}d"));
        }
        if let Some(d) = pane.age.younger {
            terms.push(format!("age<{d}d"));
        }
        title = format!("Credentials {}", terms.join(" "));
    }
    let empty = if pane.age.is_active() {
        format!(
            "No credential of that age ({} clears the filter).",
            ctx.key(&Action::Back)
        )
    } else {
        "No user holds a credential.".to_string()
    };
    draw_list(
        frame,
        list_area,
        &pane.list,
        &ListText {
            title: &title,
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
    draw_resource(frame, detail_area, pane.list.selected(), ctx, theme);
}

fn draw_network_sources(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.credentials;
    let ctx = &state.ctx;
    // Tenancies have a few network sources: the detail (their address lists) gets the room.
    let rows = pane.network_sources.len().max(1) as u16 + 3;
    let [list_area, detail_area] = Layout::vertical([
        Constraint::Length(rows.min(area.height / 2)),
        Constraint::Min(6),
    ])
    .areas(area);
    let empty = format!(
        "No network sources. {} creates one.",
        ctx.key(&Action::Create)
    );
    draw_list(
        frame,
        list_area,
        &pane.network_sources,
        &ListText {
            title: "Network sources",
            empty: &empty,
        },
        true,
        ctx,
        theme,
    );
    draw_resource(
        frame,
        detail_area,
        pane.network_sources.selected(),
        ctx,
        theme,
    );
}

fn draw_policy(
    frame: &mut Frame<'_>,
    area: Rect,
    pane: &CredentialsPane,
    state: &AppState,
    theme: Theme,
) {
    let ctx = &state.ctx;
    let block = crate::ui::panes::block("Sign-in policy", true, theme);
    if draw_unless_ready(
        frame,
        area,
        block.clone(),
        &pane.policy,
        "the sign-in policy",
        ctx,
        theme,
    ) {
        return;
    }
    let Some(policy) = pane.policy.data() else {
        return;
    };
    let p = policy.password_policy.clone().unwrap_or_default();
    let mut lines = vec![Line::from(Span::styled(
        "Password rules (local users)",
        theme.title(),
    ))];
    let rule_line = |label: &str, value: &str| {
        Line::from(vec![
            Span::styled(format!("  {label:<20}"), theme.dim()),
            span_owned(value, theme.plain()),
        ])
    };
    lines.push(rule_line(
        "Minimum length",
        &p.minimum_password_length
            .map_or_else(|| "not set".to_string(), |n| format!("{n} characters")),
    ));
    for (i, (_, label)) in RULES.iter().enumerate() {
        lines.push(rule_line(label, rule_text(i, rule(&p, i))));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Network policy", theme.title())));
    let ids = policy
        .network_policy
        .as_ref()
        .map(|n| n.network_source_ids.clone())
        .unwrap_or_default();
    if ids.is_empty() {
        lines.push(Line::from(Span::styled(
            "  Console sign-in from anywhere (no network source named).",
            theme.plain(),
        )));
    } else {
        lines.push(Line::from(Span::styled(
            "  Console sign-in only from:",
            theme.plain(),
        )));
        for id in ids {
            let text = match pane.network_sources.find(&id) {
                Some(n) => {
                    let mut ranges = n.public_source_list.clone();
                    ranges.extend(
                        n.virtual_source_list
                            .iter()
                            .map(|v| format!("{} range(s) in a VCN", v.ip_ranges.len())),
                    );
                    format!("    {} ({})", n.name, ranges.join(", "))
                }
                None => format!("    {id}"),
            };
            lines.push(Line::from(span_owned(&text, theme.plain())));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!(
            "{} edits (the change is conditional: if someone changed it meanwhile, nothing is written).",
            ctx.key(&Action::Edit)
        ),
        theme.dim(),
    )));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}
