//! What the Domains pane sends when a dialog is confirmed, and what it does with the answers:
//! each change's work request is followed under the list until it ends, then the domain is
//! read again (or leaves the list when deleted). Toasts and failures are the context's.

use crate::api::{ListFilter, SortBy, SortOrder};
use crate::app::tag_text::{parse_defined, parse_freeform};
use crate::model::{
    AllowedDomainLicenseTypeSummary, CreateDomainDetails, Domain, DomainType, LifecycleState,
    UpdateDomainDetails, WorkRequest,
};

use super::dialogs::ANY;
use super::{DomainsDialog, DomainsPane, Following, ME, dialog};
use crate::app::ctx::Ctx;
use crate::app::request::{DomainChange, DomainRequest, Payload, Response};
use crate::app::widgets::form::FormValues;
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};

impl DomainsPane {
    pub(super) fn finish_dialog(
        &mut self,
        dialog: DomainsDialog,
        outcome: ModalOutcome,
        ctx: &mut Ctx,
    ) {
        match (dialog, outcome) {
            (dialog, ModalOutcome::Submitted(values)) => self.submit(dialog, &values, ctx),
            (DomainsDialog::Delete { id }, ModalOutcome::Confirmed) => {
                self.change(&id, DomainChange::Delete, "deleted", ctx);
            }
            (DomainsDialog::Activate { id, activate }, ModalOutcome::Chose(0)) => {
                let (change, verb) = if activate {
                    (DomainChange::Activate, "activated")
                } else {
                    (DomainChange::Deactivate, "deactivated")
                };
                self.change(&id, change, verb, ctx);
            }
            (DomainsDialog::License { id, types }, ModalOutcome::Chose(i)) => {
                if let Some(license) = types.get(i) {
                    let verb = format!("changed to {license}:");
                    self.change(&id, DomainChange::LicenseType(license.clone()), &verb, ctx);
                }
            }
            (DomainsDialog::Replicate { id, regions }, ModalOutcome::Chose(i)) => {
                if let Some(region) = regions.get(i) {
                    let verb = format!("replicated to {region}:");
                    self.change(&id, DomainChange::Replicate(region.clone()), &verb, ctx);
                }
            }
            _ => {}
        }
    }

    fn submit(&mut self, dialog: DomainsDialog, v: &FormValues, ctx: &mut Ctx) {
        match dialog {
            DomainsDialog::Scope => self.set_scope(v, ctx),
            DomainsDialog::Create => self.create(v, ctx),
            DomainsDialog::Edit { id } => {
                let Some(d) = self.domains.find(&id).cloned() else {
                    return;
                };
                let (Ok(tags), Ok(defined)) =
                    (parse_freeform(v.get("freeformTags")), parse_defined(v.get("definedTags")))
                else {
                    return;
                };
                let hidden = v.yes("isHiddenOnLogin");
                let details = UpdateDomainDetails {
                    display_name: (v.get("displayName") != d.display_name).then(|| v.string("displayName")),
                    description: (v.get("description") != d.description)
                        .then(|| v.string("description")),
                    is_hidden_on_login: (hidden != d.is_hidden_on_login).then_some(hidden),
                    freeform_tags: (tags != d.freeform_tags).then_some(tags),
                    defined_tags: (defined != d.defined_tags).then_some(defined),
                };
                if details == UpdateDomainDetails::default() {
                    ctx.toasts.info("nothing changed");
                    return;
                }
                self.change(&id, DomainChange::Update(details), "updated", ctx);
            }
            DomainsDialog::Move { id } => match ctx.resolve_compartment(v.get("compartment")) {
                Ok(target) if self.domains.find(&id).is_some_and(|d| d.compartment_id == target) => {
                    ctx.refuse(Some("compartment"), "the domain is already there");
                }
                Ok(target) => {
                    let verb = format!("moved to {}:", ctx.compartment_path(&target));
                    let change = DomainChange::Move {
                        compartment_id: target,
                    };
                    self.change(&id, change, &verb, ctx);
                }
                Err(e) => ctx.refuse(Some("compartment"), e),
            },
            _ => {}
        }
    }

    fn set_scope(&mut self, v: &FormValues, ctx: &mut Ctx) {
        let compartment = match ctx.resolve_compartment(v.get("compartment")) {
            Ok(id) => id,
            Err(e) => return ctx.refuse(Some("compartment"), e),
        };
        let chosen = |name: &str| Some(v.get(name)).filter(|x| *x != ANY).map(str::to_string);
        self.query = crate::api::DomainQuery {
            display_name: v.optional("displayName"),
            url: v.optional("url"),
            home_region_url: v.optional("homeRegionUrl"),
            domain_type: chosen("type").map(|t| DomainType::parse(&t)),
            license_type: chosen("licenseType"),
            is_hidden_on_login: chosen("isHiddenOnLogin").map(|h| h == "hidden"),
            filter: ListFilter {
                name: v.optional("name"),
                sort_by: chosen("sortBy").map(|s| SortBy::parse(&s)),
                sort_order: chosen("sortOrder").map(|s| SortOrder::parse(&s)),
                lifecycle_state: chosen("lifecycleState").map(|s| LifecycleState::parse(&s)),
            },
        };
        self.compartment_id = (compartment != ctx.session.tenancy_id).then_some(compartment);
        self.only_compartment = !v.yes("below");
        self.domains.reset();
    }

    fn create(&mut self, v: &FormValues, ctx: &mut Ctx) {
        let compartment_id = match ctx.resolve_compartment(v.get("compartment")) {
            Ok(id) => id,
            Err(e) => return ctx.refuse(Some("compartment"), e),
        };
        let (Ok(tags), Ok(defined)) =
            (parse_freeform(v.get("freeformTags")), parse_defined(v.get("definedTags")))
        else {
            return;
        };
        let details = CreateDomainDetails {
            compartment_id,
            display_name: v.string("displayName"),
            description: v.string("description"),
            home_region: v.string("homeRegion"),
            license_type: v.string("licenseType"),
            is_hidden_on_login: Some(v.yes("isHiddenOnLogin")),
            admin_first_name: v.optional("adminFirstName"),
            admin_last_name: v.optional("adminLastName"),
            admin_user_name: v.optional("adminUserName"),
            admin_email: v.optional("adminEmail"),
            is_notification_bypassed: Some(v.yes("isNotificationBypassed")),
            is_primary_email_required: Some(v.yes("isPrimaryEmailRequired")),
            freeform_tags: (!tags.is_empty()).then_some(tags),
            defined_tags: (!defined.is_empty()).then_some(defined),
        };
        let what = format!("creating domain {}", details.display_name);
        let done = format!("created domain {}", details.display_name);
        if let Some(request) = ctx.write(ME, DomainRequest::Create(details), done) {
            self.work.insert(
                request,
                Following {
                    domain_id: None,
                    what,
                    progress: "ACCEPTED".into(),
                    removes: false,
                },
            );
        }
    }

    /// Sends a change of one domain, conditional on it being as listed; `verb` is its past
    /// tense (`deactivated`, or `moved to Prod:` when it names where).
    fn change(&mut self, id: &str, change: DomainChange, verb: &str, ctx: &mut Ctx) {
        let seen = self.domains.find(id).cloned().map(Box::new);
        let name = seen
            .as_ref()
            .map_or_else(|| id.to_string(), |d| d.display_name.clone());
        let removes = change == DomainChange::Delete;
        // "moved to Prod:" reads "domain X moved to Prod"; plain verbs go first.
        let (done, what) = match verb.strip_suffix(':') {
            Some(phrase) => (
                format!("domain {name} {phrase}"),
                format!("domain {name}: {}", ing(phrase)),
            ),
            None => (format!("{verb} domain {name}"), format!("{} domain {name}", ing(verb))),
        };
        let request = DomainRequest::Change {
            id: id.to_string(),
            change,
            seen,
        };
        if let Some(request) = ctx.write(ME, request, done) {
            self.work.insert(
                request,
                Following {
                    domain_id: Some(id.to_string()),
                    what,
                    progress: "ACCEPTED".into(),
                    removes,
                },
            );
        }
    }

    /// The license types the domain can change to arrived: the choice, or why there is none.
    pub(super) fn offer_license_types(&mut self, id: &str, response: &Response, ctx: &mut Ctx) {
        let types = match &response.result {
            Ok(Payload::Items(items)) => items
                .clone()
                .take::<AllowedDomainLicenseTypeSummary>()
                .unwrap_or_default(),
            Ok(_) => Vec::new(),
            Err(f) => return ctx.toasts.error(f.summary()),
        };
        let Some(d) = self.domains.find(id) else {
            return;
        };
        if types.is_empty() {
            ctx.toasts.info(format!(
                "domain {} is {}: there is no license type to change to",
                d.display_name, d.license_type
            ));
            return;
        }
        let mut options: Vec<String> = types
            .iter()
            .map(|t| format!("{} ({})", t.license_type, t.name))
            .collect();
        options.push("Cancel".into());
        let options: Vec<&str> = options.iter().map(String::as_str).collect();
        ctx.open(Modal::choice(
            dialog(DomainsDialog::License {
                id: id.to_string(),
                types: types.iter().map(|t| t.license_type.clone()).collect(),
            }),
            "Change license type",
            vec![
                ToneLine::new(
                    Tone::Heading,
                    format!(
                        "Change {} from {} to which license type?",
                        d.display_name, d.license_type
                    ),
                ),
                ToneLine::new(Tone::Dim, "A license type changes upwards only."),
            ],
            &options,
        ));
    }

    /// Progress of a change: the line under the list; the domain read again when its state
    /// moves on; at the end, the domain read (or dropped when deleted, or the list read again
    /// after a create).
    pub(super) fn take_progress(&mut self, response: &Response, ctx: &mut Ctx) {
        let Some(following) = self.work.get_mut(&response.id) else {
            return;
        };
        let wr = match &response.result {
            Ok(Payload::WorkRequest(wr)) => Some(wr),
            _ => None,
        };
        if let Some(wr) = wr {
            let progress = progress_text(wr);
            let moved_on = progress != following.progress;
            following.progress = progress;
            // The service accepted the change: the form can close; the line shows the rest.
            if !response.done && close_waiting_form(ctx, response) {
                ctx.toasts.info(format!("{}: {}", following.what, following.progress));
            }
            if moved_on
                && !response.done
                && let Some(id) = following.domain_id.clone()
            {
                self.read(&id, ctx);
            }
        }
        if !response.done {
            return;
        }
        let Some(following) = self.work.remove(&response.id) else {
            return;
        };
        let succeeded = wr.is_some_and(|w| w.status == crate::model::WorkRequestStatus::Succeeded)
            || matches!(response.result, Ok(Payload::Done));
        match following.domain_id {
            Some(id) if following.removes && succeeded => self.domains.remove(&id, ctx),
            Some(id) => self.read(&id, ctx),
            None => self.load(ctx),
        }
    }

    /// The selected domain as listed, for tests and the detail.
    pub fn selected(&self) -> Option<&Domain> {
        self.domains.selected()
    }
}

/// `IN_PROGRESS 40%`.
pub fn progress_text(wr: &WorkRequest) -> String {
    match wr.percent_complete {
        Some(p) => format!("{} {p:.0}%", wr.status),
        None => wr.status.to_string(),
    }
}

/// `deactivated` as `deactivating`, `moved to Prod` as `moving to Prod`.
fn ing(past: &str) -> String {
    let (word, rest) = past.split_once(' ').unwrap_or((past, ""));
    let stem = word.strip_suffix("ed").unwrap_or(word);
    format!("{stem}ing {rest}").trim_end().to_string()
}

/// Closes the form that waits for this request (the service accepted it); true if one did.
fn close_waiting_form(ctx: &mut Ctx, response: &Response) -> bool {
    let waiting = ctx
        .modal
        .as_ref()
        .and_then(Modal::form_state)
        .is_some_and(|f| f.waiting == Some(response.id));
    if waiting {
        ctx.modal = None;
    }
    waiting
}
