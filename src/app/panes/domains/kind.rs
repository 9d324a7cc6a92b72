//! Identity domains as a resource kind: type and license, state (with what a work request is
//! doing to it), home region, replicas and URLs.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::app::tag_text::tag_details;
use crate::model::{Domain, LifecycleState};

/// `ACTIVE`, or `ACTIVE, deactivating` while a work request changes it.
pub fn state_text(d: &Domain) -> String {
    match &d.lifecycle_details {
        Some(details) => format!("{}, {}", d.lifecycle_state, details.as_str().to_lowercase()),
        None => d.lifecycle_state.to_string(),
    }
}

/// `us-phoenix-1 (enabled)`, one per replica, comma-separated; `none`.
pub fn replicas_text(d: &Domain) -> String {
    if d.replica_regions.is_empty() {
        return "none".into();
    }
    d.replica_regions
        .iter()
        .map(|r| match &r.state {
            Some(state) => format!("{} ({})", r.region, short_replication(state.as_str())),
            None => r.region.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `REPLICATION_ENABLED` as `enabled`.
fn short_replication(state: &str) -> String {
    state
        .strip_suffix("_REPLICATION")
        .or_else(|| state.strip_prefix("REPLICATION_"))
        .unwrap_or(state)
        .to_lowercase()
}

impl Resource for Domain {
    const NOUN: Noun = Noun {
        one: "domain",
        many: "domains",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.display_name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Domain", Width::Fill(1), |d, _| d.display_name.clone()),
            Column::new("State", Width::Fixed(8), |d, _| d.lifecycle_state.to_string()),
            Column::new("License", Width::Fixed(13), |d, _| d.license_type.clone()),
            Column::new("Type", Width::Fixed(9), |d, _| d.domain_type.to_string()),
            Column::new("Home", Width::Fixed(14), |d, _| d.home_region.clone()),
            Column::new("Replicas", Width::Fill(1), |d, _| replicas_text(d)),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.id.clone()),
            ("Type", self.domain_type.to_string()),
            ("License", self.license_type.clone()),
            ("State", state_text(self)),
            ("Compartment", ctx.compartment_path(&self.compartment_id)),
            ("Home region", self.home_region.clone()),
            ("Replicas", replicas_text(self)),
            (
                "Login page",
                if self.is_hidden_on_login {
                    "hidden"
                } else {
                    "shown"
                }
                .into(),
            ),
            ("Created", self.time_created.clone()),
            ("Description", self.description.clone()),
        ];
        out.extend(tag_details(&self.freeform_tags, &self.defined_tags));
        // Long, and least often needed: last.
        out.push(("URL", self.url.clone()));
        out.push(("Home URL", self.home_region_url.clone()));
        out
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn settling(&self) -> bool {
        crate::app::resource::in_transition(&self.lifecycle_state)
    }

    fn search_text(&self, _ctx: &Ctx) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(format!(
            "{} {} {} {}",
            self.display_name, self.license_type, self.home_region, self.description
        ))
    }

    fn compartment_id(&self) -> Option<&str> {
        Some(&self.compartment_id)
    }

    fn actions() -> &'static [Action] {
        &[
            Action::Create,
            Action::Edit,
            Action::Activate,
            Action::Move,
            Action::ChangeLicense,
            Action::Replicate,
            Action::Delete,
        ]
    }
}

/// Whether a domain's state takes a change (the service says 409 otherwise): the reason
/// when it does not.
pub fn busy(d: &Domain) -> Option<String> {
    if let Some(details) = &d.lifecycle_details {
        return Some(format!(
            "domain {} is busy ({}): wait for its work request",
            d.display_name,
            details.as_str().to_lowercase()
        ));
    }
    matches!(
        d.lifecycle_state,
        LifecycleState::Creating | LifecycleState::Deleting
    )
    .then(|| format!("domain {} is {}", d.display_name, d.lifecycle_state))
}
