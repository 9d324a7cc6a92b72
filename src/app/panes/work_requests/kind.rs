//! Work requests as a resource kind (every API's in the classic shape), and the lines that
//! show one in full: what it acts on, its errors and its log.

use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, SortKey, Width};
use crate::app::widgets::modal::{Tone, ToneLine};
use crate::model::{WorkRequest, WorkRequestStatus};

/// `2025-01-20T10:00:04.211Z` as `2025-01-20 10:00:04`; empty stays empty.
pub fn when(time: Option<&String>) -> String {
    time.map(|t| t.replacen('T', " ", 1).chars().take(19).collect())
        .unwrap_or_default()
}

/// `40%`, or empty when the service gives none.
pub fn percent(wr: &WorkRequest) -> String {
    wr.percent_complete
        .map(|p| format!("{p:.0}%"))
        .unwrap_or_default()
}

impl Resource for WorkRequest {
    const NOUN: Noun = Noun {
        one: "work request",
        many: "work requests",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.operation_type
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Operation", Width::Fill(1), |w, _| w.operation_type.clone()),
            Column::new("Status", Width::Fixed(11), |w, _| w.status.to_string()),
            Column::new("%", Width::Fixed(4), |w, _| percent(w)).sorted_by(|w, _| {
                #[allow(clippy::cast_possible_truncation)] // a percentage
                SortKey::Number(w.percent_complete.map_or(-1, |p| p as i64))
            }),
            Column::new("Started", Width::Fixed(19), |w, _| when(w.time_started.as_ref())),
            Column::new("Finished", Width::Fixed(19), |w, _| {
                when(w.time_finished.as_ref())
            }),
        ]
    }

    fn presence(&self) -> Presence {
        match self.status {
            WorkRequestStatus::Failed | WorkRequestStatus::Canceled => Presence::Dormant,
            _ => Presence::Live,
        }
    }

    fn settling(&self) -> bool {
        !self.status.is_finished()
    }

    /// Newest first (an unparseable time last).
    fn natural_key(&self, _ctx: &Ctx) -> SortKey {
        let accepted = self.time_accepted.as_deref().and_then(|t| {
            time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok()
        });
        SortKey::Number(accepted.map_or(i64::MAX, |t| -t.unix_timestamp()))
    }

    fn search_text(&self, _ctx: &Ctx) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(format!("{} {}", self.operation_type, self.status))
    }

    fn compartment_id(&self) -> Option<&str> {
        self.compartment_id.as_deref()
    }
}

/// A work request in full: state, times, errors, what it acts on, then its log. `full` adds
/// its OCID and each time on a line of its own (the dialog); without it, the panel under the
/// list, errors first.
pub fn detail_lines(wr: &WorkRequest, ctx: &Ctx, full: bool) -> Vec<ToneLine> {
    let mut out = vec![ToneLine::new(
        Tone::Heading,
        format!("{}  {} {}", wr.operation_type, wr.status, percent(wr)),
    )];
    let place = wr
        .compartment_id
        .as_deref()
        .map(|c| ctx.compartment_path(c))
        .unwrap_or_default();
    if full {
        out.push(ToneLine::plain(format!("OCID      {}", wr.id)));
        out.push(ToneLine::plain(format!("In        {place}")));
        for (label, time) in [
            ("Accepted", &wr.time_accepted),
            ("Started", &wr.time_started),
            ("Finished", &wr.time_finished),
        ] {
            if time.is_some() {
                out.push(ToneLine::plain(format!("{label:<9} {}", when(time.as_ref()))));
            }
        }
    } else {
        let end = match &wr.time_finished {
            Some(t) => format!("finished {}", when(Some(t))),
            None => "running".into(),
        };
        out.push(ToneLine::plain(format!(
            "in {place} · accepted {} · {end}",
            when(wr.time_accepted.as_ref())
        )));
    }
    if !wr.errors.is_empty() {
        out.push(ToneLine::new(
            Tone::Heading,
            format!("Errors ({})", wr.errors.len()),
        ));
        for e in &wr.errors {
            out.push(ToneLine::new(
                Tone::Error,
                format!("{} {}: {}", when(Some(&e.timestamp)), e.code, e.message),
            ));
        }
    }
    for r in &wr.resources {
        let name = ctx.name_of(&r.identifier).unwrap_or(&r.identifier);
        out.push(ToneLine::plain(format!(
            "{} {name} ({})",
            r.entity_type, r.action_type
        )));
    }
    match &wr.logs {
        Some(logs) => {
            out.push(ToneLine::new(Tone::Heading, format!("Log ({})", logs.len())));
            for l in logs {
                out.push(ToneLine::plain(format!(
                    "{} {}",
                    when(Some(&l.timestamp)),
                    l.message
                )));
            }
        }
        None => out.push(ToneLine::new(Tone::Dim, "Log: reading…")),
    }
    out
}
