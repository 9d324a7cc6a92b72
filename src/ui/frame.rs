//! The frame around the panes: header, tabs, body, hint bar and the toast or prompt line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{help, panes, span, span_owned, widgets};
use crate::app::keymap::display_key;
use crate::app::state::Prompt;
use crate::app::widgets::toast::ToastKind;
use crate::app::{Action, AppState, KeyContext, PaneId};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The smallest terminal the panes are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame<'_>, state: &AppState) {
    let theme = Theme::new(state.ctx.session.no_color);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // Cut-off panes would mislead; say what is needed instead. Keys still work (q quits).
        let text = format!(
            "terminal too small: canopy needs {MIN_WIDTH}x{MIN_HEIGHT}, this one is {}x{}",
            area.width, area.height
        );
        let notice = Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(notice, area);
        return;
    }
    let [header, tabs, body, hints, toast] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_header(frame, header, state, theme);
    draw_tabs(frame, tabs, state, theme);
    panes::draw(frame, body, state, theme);
    draw_hints(frame, hints, state, theme);
    draw_bottom_line(frame, toast, state, theme);
    if let Some(view) = &state.audit {
        super::audit::draw(frame, body, state, view, theme);
    }
    if let Some(scroll) = state.help {
        help::draw(frame, body, state, scroll, theme);
    }
    if let Some(modal) = &state.ctx.modal {
        widgets::dialog::draw(frame, body, modal, &state.ctx, theme);
    }
}

fn draw_header(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let s = &state.ctx.session;
    let tenancy = state
        .ctx
        .tenancy
        .data()
        .map_or_else(|| "…".to_string(), |t| t.name.clone());
    let mut spans = vec![
        Span::styled(
            " canopy ",
            theme.header().add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled("│ ", theme.header()),
        span_owned(&tenancy, theme.header()),
        Span::styled(" │ ", theme.header()),
        span_owned(&s.profile, theme.header()),
        Span::styled(" │ ", theme.header()),
        span_owned(&s.region, theme.header()),
        Span::styled(" ", theme.header()),
    ];
    // Where Identity writes go: the home region (the Console does the same).
    match &state.ctx.home_region {
        Some(home) if home.redirected => spans.push(span_owned(
            &format!("│ writes go to {} (home) ", home.region),
            theme.header(),
        )),
        Some(home) if home.region == s.region => {
            spans.push(Span::styled("(home) ", theme.header()));
        }
        Some(home) => spans.push(span_owned(
            &format!("│ home {} ", home.region),
            theme.header(),
        )),
        None => {}
    }
    if s.read_only {
        spans.push(Span::styled(" READ-ONLY ", theme.badge()));
    }
    // Warm start: what is shown came from the cache until the tenancy has been read again.
    if let Some(label) = state
        .ctx
        .cache
        .as_ref()
        .and_then(|c| c.label(state.ctx.now))
    {
        spans.push(Span::styled(format!(" {label} "), theme.badge()));
    }
    if state.ctx.in_flight > 0 {
        let frame_no = (state.ctx.tick % SPINNER.len() as u64) as usize;
        spans.push(Span::styled(
            format!(" {} {} in flight", SPINNER[frame_no], state.ctx.in_flight),
            theme.header(),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.header()),
        area,
    );
}

/// The pane tabs, each with the key that opens it (from the keymap). When they do not all
/// fit, a window of them around the focused one shows, with `‹` `›` where more are.
fn draw_tabs(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let tabs: Vec<(String, String, bool)> = PaneId::ALL
        .iter()
        .map(|pane| {
            let key = state
                .keymap()
                .key_in(&[KeyContext::Global], &Action::Go(*pane))
                .unwrap_or_default();
            (key, pane.title().to_string(), *pane == state.active)
        })
        .collect();
    let width =
        |(key, title, _): &(String, String, bool)| key.chars().count() + title.chars().count() + 3;
    let active = tabs.iter().position(|t| t.2).unwrap_or(0);
    let room = area.width as usize;
    let everything: usize = tabs.iter().map(width).sum();
    // Grow the window from the focused tab outwards while it fits (2 cells for the arrows).
    let (mut first, mut last) = (active, active);
    let mut used = width(&tabs[active]) + 2;
    if everything <= room {
        (first, last) = (0, tabs.len() - 1);
    }
    loop {
        let grew_right = last + 1 < tabs.len() && used + width(&tabs[last + 1]) <= room;
        if grew_right {
            last += 1;
            used += width(&tabs[last]);
        }
        let grew_left = first > 0 && used + width(&tabs[first - 1]) <= room;
        if grew_left {
            first -= 1;
            used += width(&tabs[first]);
        }
        if !grew_right && !grew_left {
            break;
        }
    }
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(Span::styled("‹", theme.dim()));
    }
    for (key, title, focused) in &tabs[first..=last] {
        let style = if *focused {
            theme.tab_active()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::styled(format!(" {title} "), style));
    }
    if last + 1 < tabs.len() {
        spans.push(Span::styled("›", theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hint bar: the bindings in force, innermost context first, from the keymap's
/// descriptions. Navigation keys are left out (they are in `?`), and so are writes in
/// read-only mode.
pub fn hint_entries(state: &AppState) -> Vec<(String, String)> {
    let (contexts, _) = state.key_contexts();
    let mut seen: Vec<Action> = Vec::new();
    let mut out = Vec::new();
    // The writes the focused list's kind offers; others are not hinted (a kind that offers
    // none is read-only there).
    let offered = if state.ctx.modal.is_none() && state.prompt.is_none() && state.audit.is_none() {
        state
            .panes
            .get(state.active)
            .focused_list()
            .map(crate::app::widgets::list_view::ListControl::actions)
    } else {
        None
    };
    for context in contexts {
        if matches!(
            context,
            KeyContext::List | KeyContext::Tree | KeyContext::Help
        ) {
            continue;
        }
        for b in state.keymap().bindings(context) {
            if seen.contains(&b.action)
                || (b.action.is_write() && state.ctx.session.read_only)
                || (b.action.is_write()
                    && offered.is_some_and(|o| !o.is_empty() && !o.contains(&b.action)))
                || matches!(b.action, Action::Go(_) | Action::PreviousPane)
            {
                continue;
            }
            if context == KeyContext::Global
                && !matches!(
                    b.action,
                    Action::Filter
                        | Action::Palette
                        | Action::Help
                        | Action::Quit
                        | Action::NextPane
                )
            {
                continue;
            }
            seen.push(b.action.clone());
            if let Some(key) = b.keys.first() {
                out.push((display_key(key), b.description.clone()));
            }
        }
    }
    out
}

fn draw_hints(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let mut entries = hint_entries(state);
    // How to find every other key never falls off a narrow hint bar: help is kept last and
    // its room reserved before the others are laid out.
    let help_key = state.ctx.key(&Action::Help);
    let help = entries
        .iter()
        .position(|(key, _)| *key == help_key)
        .map(|i| entries.remove(i));
    let len = |(key, description): &(String, String)| {
        key.chars().count() + description.chars().count() + 3
    };
    let room = (area.width as usize).saturating_sub(help.as_ref().map_or(0, len));
    let mut spans = Vec::new();
    let mut width = 0usize;
    // The entries come most useful first: stop at the first that does not fit.
    let fitting = entries.iter().take_while(|entry| {
        width += len(entry);
        width <= room
    });
    let fitting: Vec<&(String, String)> = fitting.collect();
    for entry in fitting.into_iter().chain(help.iter()) {
        spans.push(Span::styled(format!(" {}", entry.0), theme.key()));
        spans.push(Span::styled(format!(" {} ", entry.1), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_bottom_line(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let line = match &state.prompt {
        Some(Prompt::Palette { input, candidates }) => {
            let hint = if candidates.is_empty() {
                format!("   {}", crate::app::commands::short_names())
            } else {
                format!("   {}", candidates.join("  "))
            };
            // What is typed keeps its room (the hint after it is cut instead).
            let typed = u16::try_from(input.text().chars().count()).unwrap_or(u16::MAX);
            let room = area
                .width
                .saturating_sub(hint.chars().count() as u16)
                .max(typed.saturating_add(3).max(24))
                .min(area.width);
            let (mut line, cursor) = widgets::input::input_line(
                vec![Span::styled(":", theme.key())],
                input,
                theme.plain(),
                (area.x, area.y, room),
            );
            line.spans.push(Span::styled(hint, theme.dim()));
            frame.set_cursor_position(cursor);
            line
        }
        Some(Prompt::Filter { input, filter, .. }) => {
            let mut tail = format!(
                "  [{}] {} mode",
                filter.mode.label(),
                state.ctx.key(&Action::FilterMode)
            );
            if let Some(hint) = state.panes.get(state.active).filter_hint() {
                tail.push_str("  also: ");
                tail.push_str(hint);
            }
            if let Some(e) = filter.error() {
                tail.push_str("  ");
                tail.push_str(&e);
            }
            let room = area
                .width
                .saturating_sub(tail.chars().count() as u16)
                .max(10);
            let (mut line, cursor) = widgets::input::input_line(
                vec![Span::styled("/", theme.key())],
                input,
                theme.plain(),
                (area.x, area.y, room),
            );
            let style = if filter.error().is_some() {
                theme.error()
            } else {
                theme.dim()
            };
            line.spans.push(Span::styled(tail, style));
            frame.set_cursor_position(cursor);
            line
        }
        None => match state.ctx.toasts.current() {
            Some(t) => {
                let style = match t.kind {
                    ToastKind::Info => theme.plain(),
                    ToastKind::Success => theme.success(),
                    ToastKind::Error => theme.error(),
                };
                // An error cut at the edge says where to read all of it.
                let width = area.width as usize;
                let more = format!(" … {} all of it", state.ctx.key(&Action::LastError));
                let cut = t.kind == ToastKind::Error && t.text.chars().count() > width;
                if cut && width > more.chars().count() + 10 {
                    let keep: String = t.text.chars().take(width - more.chars().count()).collect();
                    Line::from(vec![
                        span_owned(&keep, style),
                        Span::styled(more, theme.key()),
                    ])
                } else {
                    Line::from(span(&t.text, style))
                }
            }
            None => Line::default(),
        },
    };
    frame.render_widget(Paragraph::new(line), area);
}
