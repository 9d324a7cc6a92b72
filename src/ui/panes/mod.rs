//! One folder per pane; [`draw`] dispatches on the focused [`PaneId`] (a pane missing here
//! is a compile error). A pane that is one list of one kind draws with [`list_pane`].

pub mod compartments;
pub mod credentials;
pub mod domains;
pub mod federation;
pub mod identity;
pub mod invitations;
pub mod list_pane;
pub mod log;
pub mod policies;
pub mod regions;
pub mod tags;
pub mod work_requests;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Block;

use crate::app::{AppState, PaneId};
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    match state.active {
        PaneId::Compartments => compartments::draw(frame, area, state, theme),
        PaneId::Identity => identity::draw(frame, area, state, theme),
        PaneId::Policies => policies::draw(frame, area, state, theme),
        PaneId::Tags => tags::draw(frame, area, state, theme),
        PaneId::Invitations => invitations::draw(frame, area, state, theme),
        PaneId::Domains => domains::draw(frame, area, state, theme),
        PaneId::Federation => federation::draw(frame, area, state, theme),
        PaneId::Regions => regions::draw(frame, area, state, theme),
        PaneId::WorkRequests => work_requests::draw(frame, area, state, theme),
        PaneId::Log => log::draw(frame, area, state, theme),
        PaneId::Credentials => credentials::draw(frame, area, state, theme),
    }
}

/// A bordered block with a title, the way every pane frames its parts.
pub fn block(title: &str, focused: bool, theme: Theme) -> Block<'static> {
    Block::bordered()
        .title(Span::styled(
            format!(" {} ", crate::ui::sanitize(title)),
            theme.title(),
        ))
        .border_style(if focused {
            theme.focus_border()
        } else {
            theme.border()
        })
}

/// ` [/prod substring]` for a block title when a filter is active.
pub fn filter_suffix(filter: &crate::app::widgets::filter::ListFilter) -> String {
    if filter.is_active() {
        format!(" [/{} {}]", filter.query, filter.mode.label())
    } else {
        String::new()
    }
}
