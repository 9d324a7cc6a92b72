//! The dialogs the Domains pane opens: which domains to list, create and edit forms, and the
//! questions before a lifecycle change; what they send is in `writes`.

use crate::app::tag_text::{check_defined, check_freeform, defined_text, freeform_text};
use crate::model::{Domain, LifecycleState};

use super::kind::busy;
use super::{DomainsDialog, DomainsPane, ME, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::DomainRequest;
use crate::app::validate;
use crate::app::widgets::form::Field;
use crate::app::widgets::modal::{Modal, Tone, ToneLine};

/// "any" in a filter's choice: the API is not asked to filter on it.
pub(super) const ANY: &str = "any";

impl DomainsPane {
    pub(super) fn ask_scope(&self, ctx: &mut Ctx) {
        let q = &self.query;
        let path = self
            .compartment_id
            .as_deref()
            .map(|id| ctx.compartment_path(id))
            .unwrap_or_default();
        let mut licenses = vec![ANY];
        licenses.extend(self.license_names());
        let or_any = |v: Option<String>| v.unwrap_or_else(|| ANY.to_string());
        let fields = vec![
            Field::text("compartment", "Compartment")
                .value(&path)
                .help("a path like Prod/AppTier, or an OCID; empty for the tenancy"),
            Field::yes_no("below", "And the compartments below it", !self.only_compartment)
                .help("domains can live in any compartment; one listing per compartment"),
            Field::text("displayName", "Display name")
                .value(q.display_name.as_deref().unwrap_or(""))
                .help("exactly this display name; empty for any"),
            Field::text("name", "Name")
                .value(q.filter.name.as_deref().unwrap_or(""))
                .help("exactly this name; empty for any"),
            Field::choice(
                "type",
                "Type",
                &[ANY, "DEFAULT", "SECONDARY"],
                &or_any(q.domain_type.as_ref().map(ToString::to_string)),
            ),
            Field::choice(
                "licenseType",
                "License type",
                &licenses,
                &or_any(q.license_type.clone()),
            ),
            Field::choice(
                "isHiddenOnLogin",
                "Sign-in page",
                &[ANY, "shown", "hidden"],
                &or_any(
                    q.is_hidden_on_login
                        .map(|h| if h { "hidden" } else { "shown" }.to_string()),
                ),
            ),
            Field::choice(
                "lifecycleState",
                "State",
                &[ANY, "ACTIVE", "CREATING", "INACTIVE", "DELETING"],
                &or_any(q.filter.lifecycle_state.as_ref().map(ToString::to_string)),
            ),
            Field::text("url", "URL")
                .value(q.url.as_deref().unwrap_or(""))
                .help("the domain's region-agnostic URL; empty for any"),
            Field::text("homeRegionUrl", "Home region URL")
                .value(q.home_region_url.as_deref().unwrap_or(""))
                .help("the domain's URL in its home region; empty for any"),
            Field::choice(
                "sortBy",
                "Sorted by",
                &[ANY, "TIMECREATED", "NAME"],
                &or_any(q.filter.sort_by.as_ref().map(ToString::to_string)),
            )
            .help("the service's order (the list can still be sorted with o)"),
            Field::choice(
                "sortOrder",
                "Order",
                &[ANY, "ASC", "DESC"],
                &or_any(q.filter.sort_order.as_ref().map(ToString::to_string)),
            ),
        ];
        ctx.open(Modal::form(dialog(DomainsDialog::Scope), "Which domains", fields));
    }

    /// The license type identifiers known (the filter's and the create form's choices).
    fn license_names(&self) -> Vec<&str> {
        self.license_types
            .data()
            .map(|l| l.iter().map(|t| t.license_type.as_str()).collect())
            .unwrap_or_default()
    }

    pub(super) fn start_write(&mut self, action: &Action, ctx: &mut Ctx) {
        if *action == Action::Create {
            let modal = self.create_form(ctx);
            ctx.open(modal);
            return;
        }
        let Some(d) = self.domains.selected().cloned() else {
            ctx.toasts.info("no domain selected");
            return;
        };
        if let Some(why) = busy(&d) {
            ctx.toasts.info(why);
            return;
        }
        let modal = match action {
            Action::Edit | Action::Rename => Some(edit_form(&d)),
            Action::Activate => activate_question(&d, ctx),
            Action::Move => Some(move_form(&d, ctx)),
            Action::ChangeLicense => {
                self.ask_license_types(&d, ctx);
                None
            }
            Action::Replicate => self.replicate_choice(&d, ctx),
            Action::Delete => delete_question(&d, ctx),
            _ => None,
        };
        if let Some(modal) = modal {
            ctx.open(modal);
        }
    }

    fn create_form(&self, ctx: &Ctx) -> Modal {
        let path = self
            .compartment_id
            .as_deref()
            .map(|id| ctx.compartment_path(id))
            .unwrap_or_default();
        let regions = self.ready_regions();
        let home = ctx
            .home_region
            .as_ref()
            .map(|h| h.region.clone())
            .or_else(|| regions.first().cloned())
            .unwrap_or_default();
        let region_field = if regions.is_empty() {
            Field::text("homeRegion", "Home region")
                .value(&home)
                .required()
                .help("a region the tenancy is subscribed to, e.g. us-ashburn-1")
        } else {
            let options: Vec<&str> = regions.iter().map(String::as_str).collect();
            Field::choice("homeRegion", "Home region", &options, &home)
                .help("a READY subscribed region; Space switches")
        };
        let licenses = self.license_names();
        let license_field = if licenses.is_empty() {
            Field::text("licenseType", "License type")
                .value("free")
                .required()
                .help("free, premium, oracle-apps, oracle-apps-premium or external-user")
        } else {
            let first = if licenses.contains(&"free") {
                "free"
            } else {
                licenses[0]
            };
            Field::choice("licenseType", "License type", &licenses, first).help("Space switches")
        };
        let mut fields = vec![
            Field::text("displayName", "Display name")
                .required()
                .max_chars(100)
                .help("unique in the tenancy"),
            Field::text("description", "Description").max_chars(400),
            Field::text("compartment", "Compartment")
                .value(&path)
                .help("a path like Prod/AppTier, or an OCID; empty for the tenancy"),
            region_field,
            license_field,
            Field::yes_no("isHiddenOnLogin", "Hidden on the sign-in page", false),
            Field::text("adminFirstName", "Administrator first name").max_chars(64),
            Field::text("adminLastName", "Administrator last name").max_chars(64),
            Field::text("adminUserName", "Administrator user name")
                .max_chars(100)
                .help("empty: no administrator is created"),
            Field::text("adminEmail", "Administrator e-mail").check(validate::email),
            Field::yes_no("isNotificationBypassed", "Skip the welcome e-mail", false)
                .help("yes: the administrator is not notified"),
            Field::yes_no("isPrimaryEmailRequired", "Primary e-mail required", true),
        ];
        fields.extend(tag_fields(None));
        Modal::form(dialog(DomainsDialog::Create), "New identity domain", fields)
    }

    /// Reads which license types the domain can change to; the choice opens with the answer.
    fn ask_license_types(&mut self, d: &Domain, ctx: &mut Ctx) {
        if d.lifecycle_state != LifecycleState::Active {
            ctx.toasts.info(format!(
                "domain {} is {}: only an active domain changes license",
                d.display_name, d.lifecycle_state
            ));
            return;
        }
        let request = ctx.send_read(
            ME,
            DomainRequest::LicenseTypes {
                current: Some(d.license_type.clone()),
            },
        );
        self.license_step = Some((request, d.id.clone()));
    }

    fn replicate_choice(&self, d: &Domain, ctx: &mut Ctx) -> Option<Modal> {
        if d.is_default() {
            ctx.toasts.info(
                "the Default domain is replicated to every subscribed region by the service",
            );
            return None;
        }
        let regions: Vec<String> = self
            .ready_regions()
            .into_iter()
            .filter(|r| *r != d.home_region && !d.replica_regions.iter().any(|x| x.region == *r))
            .collect();
        if regions.is_empty() {
            ctx.toasts.info(format!(
                "no other subscribed region to replicate {} to: subscribe to one in the Regions pane",
                d.display_name
            ));
            return None;
        }
        let mut options: Vec<&str> = regions.iter().map(String::as_str).collect();
        options.push("Cancel");
        Some(Modal::choice(
            dialog(DomainsDialog::Replicate {
                id: d.id.clone(),
                regions: regions.clone(),
            }),
            "Replicate domain",
            vec![
                ToneLine::new(
                    Tone::Heading,
                    format!("Replicate {} to which region?", d.display_name),
                ),
                ToneLine::plain(format!(
                    "Its home region is {}; users then sign in there too.",
                    d.home_region
                )),
            ],
            &options,
        ))
    }
}

/// The free-form and defined tag fields of the create and edit forms.
fn tag_fields(d: Option<&Domain>) -> Vec<Field> {
    vec![
        Field::text("freeformTags", "Free-form tags")
            .value(&d.map(|d| freeform_text(&d.freeform_tags)).unwrap_or_default())
            .check(check_freeform)
            .help("key=value, key2=value2"),
        Field::text("definedTags", "Defined tags")
            .value(&d.map(|d| defined_text(&d.defined_tags)).unwrap_or_default())
            .check(check_defined)
            .help("Namespace.key=value, ..."),
    ]
}

fn edit_form(d: &Domain) -> Modal {
    let mut fields = vec![
        Field::text("displayName", "Display name")
            .value(&d.display_name)
            .required()
            .max_chars(100),
        Field::text("description", "Description")
            .value(&d.description)
            .max_chars(400),
        Field::yes_no("isHiddenOnLogin", "Hidden on the sign-in page", d.is_hidden_on_login),
    ];
    fields.extend(tag_fields(Some(d)));
    Modal::form(
        dialog(DomainsDialog::Edit { id: d.id.clone() }),
        &format!("Edit domain {}", d.display_name),
        fields,
    )
}

fn move_form(d: &Domain, ctx: &Ctx) -> Modal {
    Modal::form(
        dialog(DomainsDialog::Move { id: d.id.clone() }),
        &format!("Move domain {}", d.display_name),
        vec![
            Field::text("compartment", "To compartment")
                .value(&ctx.compartment_path(&d.compartment_id))
                .required()
                .help("a path like Prod/AppTier, or an OCID"),
        ],
    )
}

fn activate_question(d: &Domain, ctx: &mut Ctx) -> Option<Modal> {
    let activate = match d.lifecycle_state {
        LifecycleState::Active if d.is_default() => {
            ctx.toasts.info("the Default domain cannot be deactivated");
            return None;
        }
        LifecycleState::Active => false,
        LifecycleState::Inactive => true,
        ref other => {
            ctx.toasts
                .info(format!("domain {} is {other}", d.display_name));
            return None;
        }
    };
    let (title, line, note, option) = if activate {
        (
            "Activate domain",
            format!("Activate domain {}?", d.display_name),
            "Its users can sign in again.",
            "Activate",
        )
    } else {
        (
            "Deactivate domain",
            format!("Deactivate domain {}?", d.display_name),
            "Its users cannot sign in until it is activated again.",
            "Deactivate",
        )
    };
    Some(Modal::choice(
        dialog(DomainsDialog::Activate {
            id: d.id.clone(),
            activate,
        }),
        title,
        vec![
            ToneLine::new(Tone::Heading, line),
            ToneLine::plain(note),
            ToneLine::new(
                Tone::Dim,
                "The service does it as a work request, followed under the list.",
            ),
        ],
        &[option, "Cancel"],
    ))
}

fn delete_question(d: &Domain, ctx: &mut Ctx) -> Option<Modal> {
    if d.is_default() {
        ctx.toasts.info("the Default domain cannot be deleted");
        return None;
    }
    if d.lifecycle_state != LifecycleState::Inactive {
        ctx.toasts.info(format!(
            "domain {} is {}: deactivate it first ({})",
            d.display_name,
            d.lifecycle_state,
            ctx.key(&Action::Activate)
        ));
        return None;
    }
    let name = d.display_name.clone();
    Some(Modal::typed_confirm(
        dialog(DomainsDialog::Delete { id: d.id.clone() }),
        "Delete domain",
        vec![
            ToneLine::new(Tone::Heading, format!("Delete domain {name}?")),
            ToneLine::plain("Its users, groups and applications are deleted with it."),
            ToneLine::plain(""),
            ToneLine::new(Tone::Dim, format!("Type its name ({name}) to confirm.")),
        ],
        &name,
    ))
}
