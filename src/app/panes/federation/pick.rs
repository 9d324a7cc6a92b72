//! Making or changing a group mapping by picking from lists: first the provider's group (from the
//! groups the provider reports, `/` filters), then the IAM group it maps to; Enter on the
//! second sends the mapping. A provider that reports no groups has its group name typed.

use crate::model::{CreateIdpGroupMappingDetails, IdpGroupMapping, UpdateIdpGroupMappingDetails};

use super::{Change, FederationDialog, FederationFocus, FederationPane, ME, Pick, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::FederationRequest;
use crate::app::widgets::form::Field;
use crate::app::widgets::list_view::ListControl;
use crate::app::widgets::modal::Modal;

impl FederationPane {
    /// Starts picking the groups of a new mapping (`None`) or of `mapping` (read just now,
    /// with its etag), the cursor on its current groups.
    pub(super) fn start_pick(
        &mut self,
        provider_id: &str,
        mapping: Option<(IdpGroupMapping, Option<String>)>,
        ctx: &mut Ctx,
    ) {
        let reports_groups = self
            .groups
            .get(provider_id)
            .is_some_and(|l| !l.all().is_empty());
        if let Some((m, _)) = &mapping {
            if let Some(list) = self.groups.get_mut(provider_id) {
                let id = list
                    .all()
                    .iter()
                    .find(|g| g.name == m.idp_group_name)
                    .map(|g| g.id.clone());
                if let Some(id) = id {
                    list.select(&id);
                }
            }
            self.iam_groups.select(&m.group_id);
        }
        self.pick = Some(Pick {
            provider_id: provider_id.to_string(),
            mapping,
            idp_group: None,
        });
        if reports_groups {
            self.focus = FederationFocus::Pick;
            return;
        }
        // Nothing to pick from: the name is typed, then the IAM group is picked.
        let current = self
            .pick
            .as_ref()
            .and_then(|p| p.mapping.as_ref())
            .map(|(m, _)| m.idp_group_name.clone())
            .unwrap_or_default();
        ctx.open(Modal::form(
            dialog(FederationDialog::IdpGroupName),
            "IdP group",
            vec![
                Field::text("name", "IdP group name")
                    .value(&current)
                    .required()
                    .max_chars(256)
                    .help("the provider reports no groups: type the group's name as it sends it"),
            ],
        ));
    }

    /// The provider's group was typed (the provider reports none): on to the IAM group.
    pub(super) fn typed_idp_group(&mut self, name: String) {
        if let Some(pick) = &mut self.pick {
            pick.idp_group = Some(name);
            self.focus = FederationFocus::Pick;
        }
    }

    pub(super) fn handle_pick(&mut self, action: &Action, ctx: &mut Ctx) -> bool {
        if self.pick_list_mut().is_some_and(|l| l.navigate(action)) {
            return true;
        }
        match action {
            Action::Select => self.pick_selected(ctx),
            Action::Cancel => self.cancel_pick(ctx),
            _ => return false,
        }
        true
    }

    pub(super) fn cancel_pick(&mut self, ctx: &mut Ctx) {
        if self.pick.is_some() {
            ctx.toasts.info("mapping not changed");
        }
        self.end_pick(ctx);
    }

    /// Back to the mappings, the pick lists unfiltered for next time.
    fn end_pick(&mut self, ctx: &Ctx) {
        if let Some(pick) = self.pick.take() {
            let lists: [Option<&mut dyn ListControl>; 2] = [
                self.groups
                    .get_mut(&pick.provider_id)
                    .map(|l| l as &mut dyn ListControl),
                Some(&mut self.iam_groups),
            ];
            for list in lists.into_iter().flatten() {
                let mut filter = list.filter().clone();
                filter.query.clear();
                list.set_filter(filter, ctx);
            }
        }
        self.focus = FederationFocus::Side;
    }

    /// The list the pick is on: the provider's groups, then the IAM groups.
    pub(super) fn pick_list(&self) -> Option<&dyn ListControl> {
        let pick = self.pick.as_ref()?;
        match pick.idp_group {
            None => self
                .groups
                .get(&pick.provider_id)
                .map(|l| l as &dyn ListControl),
            Some(_) => Some(&self.iam_groups),
        }
    }

    pub(super) fn pick_list_mut(&mut self) -> Option<&mut dyn ListControl> {
        let pick = self.pick.as_ref()?;
        match pick.idp_group {
            None => self
                .groups
                .get_mut(&pick.provider_id)
                .map(|l| l as &mut dyn ListControl),
            Some(_) => Some(&mut self.iam_groups),
        }
    }

    fn pick_selected(&mut self, ctx: &mut Ctx) {
        let Some(pick) = self.pick.clone() else {
            return;
        };
        let Some(idp_group) = pick.idp_group.clone() else {
            let chosen = self
                .groups
                .get(&pick.provider_id)
                .and_then(|l| l.selected())
                .map(|g| g.name.clone());
            if let (Some(name), Some(p)) = (chosen, self.pick.as_mut()) {
                p.idp_group = Some(name);
            }
            return;
        };
        let Some(group) = self.iam_groups.selected().cloned() else {
            ctx.toasts.info("no group selected");
            return;
        };
        let provider = ctx.name_of(&pick.provider_id).unwrap_or("the provider").to_string();
        let idp_id = pick.provider_id.clone();
        let (request, done) = match &pick.mapping {
            None => (
                FederationRequest::CreateMapping {
                    idp_id: idp_id.clone(),
                    details: CreateIdpGroupMappingDetails {
                        idp_group_name: idp_group.clone(),
                        group_id: group.id.clone(),
                    },
                },
                format!("mapped {provider} group {idp_group} to {}", group.name),
            ),
            Some((m, etag)) => {
                let details = UpdateIdpGroupMappingDetails {
                    idp_group_name: (m.idp_group_name != idp_group).then(|| idp_group.clone()),
                    group_id: (m.group_id != group.id).then(|| group.id.clone()),
                };
                if details == UpdateIdpGroupMappingDetails::default() {
                    ctx.toasts.info("nothing changed");
                    self.end_pick(ctx);
                    return;
                }
                (
                    FederationRequest::UpdateMapping {
                        idp_id: idp_id.clone(),
                        id: m.id.clone(),
                        details,
                        etag: etag.clone(),
                    },
                    format!("{provider} group {idp_group} now maps to {}", group.name),
                )
            }
        };
        if let Some(id) = ctx.write(ME, request, done) {
            self.changes.insert(id, Change::Mapping { idp_id });
            self.end_pick(ctx);
        }
    }
}
