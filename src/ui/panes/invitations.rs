//! The Invitations pane: the tenancy's sender invitations with their status and lifecycle
//! state, the selected one's detail below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::AppState;
use crate::model::{InvitationStatus, SenderInvitation};
use crate::ui::span_owned;
use crate::ui::theme::Theme;
use crate::ui::widgets::detail::field;
use crate::ui::widgets::resource_table::{self, Wording};
use crate::ui::widgets::table::{Column, RowAdapter};

struct InvitationRow;

impl RowAdapter<SenderInvitation> for InvitationRow {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("Invitation", Constraint::Percentage(30)),
            Column::new("Recipient tenancy", Constraint::Fill(1)),
            Column::new("Status", Constraint::Length(9)),
            Column::new("State", Constraint::Length(9)),
        ]
    }

    fn cells(&self, i: &SenderInvitation) -> Vec<String> {
        vec![
            i.display_name.clone(),
            i.recipient_tenancy_id.clone(),
            i.status.to_string(),
            i.lifecycle_state.to_string(),
        ]
    }

    fn dim(&self, i: &SenderInvitation) -> bool {
        i.lifecycle_state.is_dim()
            || matches!(
                i.status,
                InvitationStatus::Canceled | InvitationStatus::Expired | InvitationStatus::Failed
            )
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let pane = &state.panes.invitations;
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    resource_table::draw(
        frame,
        list_area,
        super::block(
            &resource_table::title("Sender invitations", &pane.invitations),
            true,
            theme,
        ),
        &pane.invitations,
        &Wording {
            what: "invitations",
            empty: "No invitations sent. Press c to invite another tenancy.",
        },
        &InvitationRow,
        state.ctx.tick,
        theme,
    );
    let block = super::block("Detail", false, theme);
    let Some(i) = pane.invitations.selected() else {
        frame.render_widget(block, detail_area);
        return;
    };
    let mut lines = vec![
        Line::from(span_owned(&i.display_name, theme.title())),
        field("OCID", &i.id, theme),
        field("Recipient", &i.recipient_tenancy_id, theme),
        field(
            "E-mail",
            i.recipient_email_address.as_deref().unwrap_or("-"),
            theme,
        ),
        field(
            "Status",
            &format!("{} (lifecycle {})", i.status, i.lifecycle_state),
            theme,
        ),
        field("Created", &i.time_created, theme),
    ];
    if let Some(updated) = &i.time_updated {
        lines.push(field("Updated", updated, theme));
    }
    if !i.subjects.is_empty() {
        lines.push(field("Subjects", &i.subjects.join(", "), theme));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        detail_area,
    );
}
