//! The Regions pane: where Identity writes go (the home region), then the tenancy's
//! subscriptions, every region, or the availability domains beside the fault domains of the
//! selected one; subscriptions being set up under them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::panes::regions::RegionsTab;
use crate::app::{Action, AppState};
use crate::ui::span_owned;
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::{draw_resource, switching_tabs};
use crate::ui::widgets::status::progress_lines;
use crate::ui::widgets::table::{ListText, draw_list};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.regions;
    let ctx = &state.ctx;
    let work = progress_lines(pane.work.values().cloned(), theme);
    let [tabs, home, body, work_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(u16::try_from(work.len()).unwrap_or(u16::MAX)),
    ])
    .areas(area);
    let titles: Vec<&str> = RegionsTab::ALL.iter().map(|t| t.title()).collect();
    let active = RegionsTab::ALL
        .iter()
        .position(|t| *t == pane.tab)
        .unwrap_or(0);
    frame.render_widget(switching_tabs(&titles, active, ctx, theme), tabs);
    frame.render_widget(Paragraph::new(home_line(state, theme)), home);
    frame.render_widget(Paragraph::new(work), work_area);
    let [list_area, side] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
    match pane.tab {
        RegionsTab::Subscriptions => {
            let empty = format!(
                "No region subscriptions. {} subscribes.",
                ctx.key(&Action::Create)
            );
            draw_list(
                frame,
                list_area,
                &pane.subscriptions,
                &ListText {
                    title: "Region subscriptions",
                    empty: &empty,
                },
                true,
                ctx,
                theme,
            );
            draw_resource(frame, side, pane.subscriptions.selected(), ctx, theme);
        }
        RegionsTab::AllRegions => {
            draw_list(
                frame,
                list_area,
                &pane.regions,
                &ListText {
                    title: "Regions",
                    empty: "The service lists no regions.",
                },
                true,
                ctx,
                theme,
            );
            draw_resource(frame, side, pane.regions.selected(), ctx, theme);
        }
        RegionsTab::AvailabilityDomains => {
            draw_list(
                frame,
                list_area,
                &pane.availability_domains,
                &ListText {
                    title: "Availability domains",
                    empty: "No availability domains in this region.",
                },
                !pane.on_fault_domains,
                ctx,
                theme,
            );
            match (
                pane.availability_domains.selected(),
                pane.selected_fault_domains(),
            ) {
                (Some(ad), Some(fds)) => draw_list(
                    frame,
                    side,
                    fds,
                    &ListText {
                        title: &format!("Fault domains of {}", ad.name),
                        empty: "No fault domains.",
                    },
                    pane.on_fault_domains,
                    ctx,
                    theme,
                ),
                _ => frame.render_widget(
                    crate::ui::panes::block("Fault domains", pane.on_fault_domains, theme),
                    side,
                ),
            }
        }
    }
}

/// `Home region us-ashburn-1` and, when the profile's region is another one, that Identity
/// writes go there.
fn home_line(state: &AppState, theme: Theme) -> Line<'static> {
    match &state.ctx.home_region {
        Some(home) if home.redirected => Line::from(vec![
            Span::styled(" Home region ", theme.dim()),
            span_owned(&home.region, theme.title()),
            Span::styled(
                format!(
                    " · Identity writes go there, reads to {}",
                    state.ctx.session.region
                ),
                theme.dim(),
            ),
        ]),
        Some(home) => Line::from(vec![
            Span::styled(" Home region ", theme.dim()),
            span_owned(&home.region, theme.title()),
            Span::styled(" (this profile's region)", theme.dim()),
        ]),
        None => Line::from(Span::styled(
            " Home region: reading the tenancy…",
            theme.dim(),
        )),
    }
}
