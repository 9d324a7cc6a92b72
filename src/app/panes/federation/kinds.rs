//! Identity providers, the groups they report and their group mappings as resource kinds.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::app::tag_text::{freeform_text, tag_details};
use crate::model::{IdentityProvider, IdentityProviderGroupSummary, IdpGroupMapping};

impl Resource for IdentityProvider {
    const NOUN: Noun = Noun {
        one: "identity provider",
        many: "identity providers",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Provider", Width::Fill(1), |p, _| p.name.clone()),
            Column::new("Product", Width::Fixed(7), |p, _| p.product_type.clone()),
            Column::new("State", Width::Fixed(8), |p, _| p.lifecycle_state.to_string()),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.id.clone()),
            (
                "Product",
                format!("{} ({})", self.product_type, self.protocol),
            ),
            ("State", self.lifecycle_state.to_string()),
            ("Metadata URL", self.metadata_url.clone()),
            ("Sign-in URL", self.redirect_url.clone()),
            ("Created", self.time_created.clone()),
            ("Description", self.description.clone()),
        ];
        if let Some(attributes) = self.freeform_attributes.as_ref().filter(|a| !a.is_empty()) {
            out.push(("Attributes", freeform_text(attributes)));
        }
        out.extend(tag_details(&self.freeform_tags, &self.defined_tags));
        out
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[
            Action::Create,
            Action::Edit,
            Action::ResetScimClient,
            Action::Delete,
        ]
    }
}

impl Resource for IdpGroupMapping {
    const NOUN: Noun = Noun {
        one: "group mapping",
        many: "group mappings",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.idp_group_name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("IdP group", Width::Percent(50), |m, _| m.idp_group_name.clone()),
            Column::new("Group", Width::Fill(1), |m, ctx| group_name(ctx, &m.group_id)),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("OCID", self.id.clone()),
            ("IdP group", self.idp_group_name.clone()),
            ("Group", group_name(ctx, &self.group_id)),
            ("State", self.lifecycle_state.to_string()),
            ("Created", self.time_created.clone()),
        ]
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn search_text(&self, ctx: &Ctx) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(format!(
            "{} {}",
            self.idp_group_name,
            group_name(ctx, &self.group_id)
        ))
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Delete]
    }
}

/// A group's name once a list has it, else its OCID.
fn group_name(ctx: &Ctx, id: &str) -> String {
    ctx.name_of(id).unwrap_or(id).to_string()
}

impl Resource for IdentityProviderGroupSummary {
    const NOUN: Noun = Noun {
        one: "provider group",
        many: "provider groups",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("IdP group", Width::Percent(50), |g, _| g.name.clone()),
            Column::new("External id", Width::Fill(1), |g, _| {
                g.external_identifier.clone()
            }),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("OCID", self.id.clone()),
            ("Display name", self.display_name.clone()),
            ("External id", self.external_identifier.clone()),
            ("Created", self.time_created.clone()),
        ]
    }
}
