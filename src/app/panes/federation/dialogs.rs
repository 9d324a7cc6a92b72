//! The Federation pane's dialogs: provider forms (SAML metadata pasted or read from a file),
//! the questions before a delete or a SCIM client reset, the one-time secret, and what each
//! sends when confirmed.

use crate::app::tag_text::{
    check_defined, check_freeform, defined_text, freeform_text, parse_defined, parse_freeform,
};
use crate::api::{ListFilter, SortBy, SortOrder};
use crate::model::{
    CreateIdentityProviderDetails, DefinedTags, FreeformTags, IdentityProvider, LifecycleState,
    SAML2, UpdateIdentityProviderDetails,
};

use super::{Change, FederationDialog, FederationPane, ME, Step, dialog};
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::{FederationRequest, MetadataSource, Secret};
use crate::app::widgets::form::{Field, FormValues};
use crate::app::widgets::modal::{Modal, ModalOutcome, Tone, ToneLine};

const PRODUCTS: [&str; 2] = ["IDCS", "ADFS"];

/// "any" in a filter's choice: the service is not asked to filter on it.
const ANY: &str = "any";

impl FederationPane {
    pub(super) fn provider_write(&mut self, action: &Action, ctx: &mut Ctx) {
        if *action == Action::Create {
            ctx.open(create_form());
            return;
        }
        let Some(p) = self.selected_provider().cloned() else {
            ctx.toasts.info("no identity provider selected");
            return;
        };
        match action {
            Action::Edit | Action::Rename => {
                // The form shows the provider as it is now, and the update carries its etag.
                let read = ctx.send_read(ME, FederationRequest::GetProvider { id: p.id });
                self.steps.insert(read, Step::EditProvider);
            }
            Action::Delete => ctx.open(Modal::typed_confirm(
                dialog(FederationDialog::DeleteProvider { id: p.id.clone() }),
                "Delete identity provider",
                vec![
                    ToneLine::new(Tone::Heading, format!("Delete identity provider {}?", p.name)),
                    ToneLine::plain("Its users can no longer sign in through it."),
                    ToneLine::plain("The service refuses while it has group mappings."),
                    ToneLine::plain(""),
                    ToneLine::new(Tone::Dim, format!("Type its name ({}) to confirm.", p.name)),
                ],
                &p.name,
            )),
            Action::ResetScimClient => ctx.open(Modal::choice(
                dialog(FederationDialog::ResetScim { id: p.id.clone() }),
                "Reset SCIM client",
                vec![
                    ToneLine::new(
                        Tone::Heading,
                        format!("Reset the SCIM client of {}?", p.name),
                    ),
                    ToneLine::plain(
                        "A new client secret is made and shown once; the old one stops working,",
                    ),
                    ToneLine::plain("so the provider's user provisioning needs the new one."),
                ],
                &["Reset", "Cancel"],
            )),
            _ => {}
        }
    }

    pub(super) fn ask_filter(&self, ctx: &mut Ctx) {
        let f = &self.filter;
        let or_any = |v: Option<String>| v.unwrap_or_else(|| ANY.to_string());
        ctx.open(Modal::form(
            dialog(FederationDialog::Filter),
            "Which identity providers",
            vec![
                Field::text("name", "Name")
                    .value(f.name.as_deref().unwrap_or(""))
                    .help("exactly this name; empty for any"),
                Field::choice(
                    "state",
                    "State",
                    &[ANY, "ACTIVE", "INACTIVE", "DELETED"],
                    &or_any(f.lifecycle_state.as_ref().map(ToString::to_string)),
                ),
                Field::choice(
                    "sort_by",
                    "Sorted by",
                    &[ANY, "TIMECREATED", "NAME"],
                    &or_any(f.sort_by.as_ref().map(ToString::to_string)),
                ),
                Field::choice(
                    "sort_order",
                    "Order",
                    &[ANY, "ASC", "DESC"],
                    &or_any(f.sort_order.as_ref().map(ToString::to_string)),
                ),
            ],
        ));
    }

    pub(super) fn mapping_write(&mut self, action: &Action, ctx: &mut Ctx) {
        let Some(provider) = self.selected_provider().map(|p| p.id.clone()) else {
            return;
        };
        if *action == Action::Create {
            return self.start_pick(&provider, None, ctx);
        }
        let Some(m) = self.provider_mappings().and_then(|l| l.selected()).cloned() else {
            ctx.toasts.info("no group mapping selected");
            return;
        };
        match action {
            Action::Edit | Action::Rename => {
                // Read it first: the pick starts on its current groups, the update carries
                // its etag.
                let read = ctx.send_read(
                    ME,
                    FederationRequest::GetMapping {
                        idp_id: provider,
                        id: m.id,
                    },
                );
                self.steps.insert(read, Step::EditMapping);
            }
            Action::Delete => {
                let group = ctx.name_of(&m.group_id).unwrap_or(&m.group_id).to_string();
                ctx.open(Modal::typed_confirm(
                    dialog(FederationDialog::DeleteMapping {
                        idp_id: provider,
                        id: m.id.clone(),
                    }),
                    "Delete group mapping",
                    vec![
                        ToneLine::new(
                            Tone::Heading,
                            format!("Stop mapping {} to {group}?", m.idp_group_name),
                        ),
                        ToneLine::plain(format!(
                            "Federated members of {} lose what {group} is granted.",
                            m.idp_group_name
                        )),
                        ToneLine::plain(""),
                        ToneLine::new(
                            Tone::Dim,
                            format!("Type the IdP group ({}) to confirm.", m.idp_group_name),
                        ),
                    ],
                    &m.idp_group_name,
                ));
            }
            _ => {}
        }
    }

    pub(super) fn finish_dialog(
        &mut self,
        dialog: FederationDialog,
        outcome: ModalOutcome,
        ctx: &mut Ctx,
    ) {
        match (dialog, outcome) {
            (FederationDialog::CreateProvider, ModalOutcome::Submitted(v)) => {
                self.create_provider(&v, ctx);
            }
            (FederationDialog::EditProvider { id, etag }, ModalOutcome::Submitted(v)) => {
                self.update_provider(id, etag, &v, ctx);
            }
            (FederationDialog::Filter, ModalOutcome::Submitted(v)) => {
                let chosen = |name: &str| Some(v.get(name)).filter(|x| *x != ANY);
                self.filter = ListFilter {
                    name: v.optional("name"),
                    sort_by: chosen("sort_by").map(SortBy::parse),
                    sort_order: chosen("sort_order").map(SortOrder::parse),
                    lifecycle_state: chosen("state").map(LifecycleState::parse),
                };
                self.providers.reset();
            }
            (FederationDialog::IdpGroupName, ModalOutcome::Submitted(v)) => {
                self.typed_idp_group(v.string("name"));
            }
            (FederationDialog::IdpGroupName, _) => self.cancel_pick(ctx),
            (FederationDialog::DeleteProvider { id }, ModalOutcome::Confirmed) => {
                let name = ctx.name_of(&id).unwrap_or("").to_string();
                let request = FederationRequest::DeleteProvider { id };
                if let Some(r) = ctx.write(ME, request, format!("deleted identity provider {name}"))
                {
                    self.changes.insert(r, Change::ReloadProviders);
                }
            }
            (FederationDialog::ResetScim { id }, ModalOutcome::Chose(0)) => {
                let name = ctx.name_of(&id).unwrap_or("").to_string();
                let request = FederationRequest::ResetScimClient { id };
                let done = format!("reset the SCIM client of {name}");
                if let Some(r) = ctx.write(ME, request, done) {
                    self.changes.insert(r, Change::ScimReset { provider: name });
                }
            }
            (
                FederationDialog::ScimSecret {
                    provider,
                    client_id,
                    secret,
                },
                ModalOutcome::Chose(choice @ (0 | 1)),
            ) => {
                let (text, what) = if choice == 0 {
                    (secret.expose().to_string(), "the client secret")
                } else {
                    (client_id.clone(), "the client id")
                };
                ctx.copy(text, format!("copied {what}"));
                ctx.open(secret_modal(&provider, &client_id, secret, choice));
            }
            (FederationDialog::DeleteMapping { idp_id, id }, ModalOutcome::Confirmed) => {
                let what = self
                    .mappings
                    .get(&idp_id)
                    .and_then(|l| l.find(&id))
                    .map(|m| m.idp_group_name.clone())
                    .unwrap_or_default();
                let request = FederationRequest::DeleteMapping {
                    idp_id: idp_id.clone(),
                    id: id.clone(),
                };
                if let Some(r) = ctx.write(ME, request, format!("deleted the mapping of {what}")) {
                    self.changes.insert(r, Change::RemoveMapping { idp_id, id });
                }
            }
            _ => {}
        }
    }

    fn create_provider(&mut self, v: &FormValues, ctx: &mut Ctx) {
        let Some((attributes, tags, defined)) = attributes_and_tags(v) else {
            return;
        };
        let details = CreateIdentityProviderDetails {
            compartment_id: ctx.session.tenancy_id.clone(),
            name: v.string("name"),
            description: v.string("description"),
            product_type: v.string("productType"),
            protocol: v.string("protocol"),
            metadata_url: v.string("metadataUrl"),
            // Filled in by the worker from `metadata`.
            metadata: String::new(),
            freeform_attributes: (!attributes.is_empty()).then_some(attributes),
            freeform_tags: (!tags.is_empty()).then_some(tags),
            defined_tags: (!defined.is_empty()).then_some(defined),
        };
        let done = format!("created identity provider {}", details.name);
        let request = FederationRequest::CreateProvider {
            details,
            metadata: metadata_source(v.get("metadata")),
        };
        if let Some(r) = ctx.write(ME, request, done) {
            self.changes.insert(r, Change::Provider);
        }
    }

    fn update_provider(&mut self, id: String, etag: Option<String>, v: &FormValues, ctx: &mut Ctx) {
        let Some(p) = self.providers.find(&id).cloned() else {
            return;
        };
        let Some((attributes, tags, defined)) = attributes_and_tags(v) else {
            return;
        };
        let metadata = (!v.get("metadata").is_empty()).then(|| metadata_source(v.get("metadata")));
        let details = UpdateIdentityProviderDetails {
            protocol: SAML2.to_string(),
            description: (v.get("description") != p.description).then(|| v.string("description")),
            metadata_url: (v.get("metadataUrl") != p.metadata_url)
                .then(|| v.string("metadataUrl")),
            metadata: None,
            freeform_attributes: (attributes != p.freeform_attributes.clone().unwrap_or_default())
                .then_some(attributes),
            freeform_tags: (tags != p.freeform_tags).then_some(tags),
            defined_tags: (defined != p.defined_tags).then_some(defined),
        };
        if metadata.is_none() && details == UpdateIdentityProviderDetails::default() {
            ctx.toasts.info("nothing changed");
            return;
        }
        let request = FederationRequest::UpdateProvider {
            id,
            details,
            metadata,
            etag,
        };
        if let Some(r) = ctx.write(ME, request, format!("updated identity provider {}", p.name)) {
            self.changes.insert(r, Change::Provider);
        }
    }
}

/// The free-form attributes, free-form tags and defined tags typed (checked by the form).
fn attributes_and_tags(v: &FormValues) -> Option<(FreeformTags, FreeformTags, DefinedTags)> {
    Some((
        parse_freeform(v.get("freeformAttributes")).ok()?,
        parse_freeform(v.get("freeformTags")).ok()?,
        parse_defined(v.get("definedTags")).ok()?,
    ))
}

/// Pasted XML, else the path of a file holding it.
fn metadata_source(text: &str) -> MetadataSource {
    if text.trim_start().starts_with('<') {
        MetadataSource::Xml(text.to_string())
    } else {
        MetadataSource::File(text.into())
    }
}

/// The free-form attribute and tag fields of both provider forms.
fn provider_tail(p: Option<&IdentityProvider>) -> Vec<Field> {
    let attributes = p
        .and_then(|p| p.freeform_attributes.as_ref())
        .map(freeform_text)
        .unwrap_or_default();
    vec![
        Field::text("freeformAttributes", "Free-form attributes")
            .value(&attributes)
            .check(check_freeform)
            .help("key=value, e.g. upstreamIdentityProvider=..."),
        Field::text("freeformTags", "Free-form tags")
            .value(&p.map(|p| freeform_text(&p.freeform_tags)).unwrap_or_default())
            .check(check_freeform)
            .help("key=value, key2=value2"),
        Field::text("definedTags", "Defined tags")
            .value(&p.map(|p| defined_text(&p.defined_tags)).unwrap_or_default())
            .check(check_defined)
            .help("Namespace.key=value, ..."),
    ]
}

fn create_form() -> Modal {
    let mut fields = vec![
        Field::text("name", "Name")
            .required()
            .max_chars(100)
            .help("unique in the tenancy; cannot be changed later"),
        Field::text("description", "Description").max_chars(400),
        Field::choice("productType", "Product", &PRODUCTS, "IDCS").help("Space switches"),
        Field::choice("protocol", "Protocol", &[SAML2], SAML2),
        Field::text("metadataUrl", "Metadata URL")
            .required()
            .help("where the provider publishes its SAML metadata"),
        Field::text("metadata", "Metadata")
            .required()
            .help("paste the SAML metadata XML, or type the path of a file holding it"),
    ];
    fields.extend(provider_tail(None));
    Modal::form(
        dialog(FederationDialog::CreateProvider),
        "New SAML identity provider",
        fields,
    )
}

/// The edit form of a provider just read (with its etag).
pub(super) fn edit_form(p: &IdentityProvider, etag: Option<String>) -> Modal {
    let mut fields = vec![
        Field::text("description", "Description")
            .value(&p.description)
            .max_chars(400),
        Field::text("metadataUrl", "Metadata URL")
            .value(&p.metadata_url)
            .required(),
        Field::text("metadata", "New metadata")
            .help("empty keeps the current metadata; or paste XML, or a file's path"),
    ];
    fields.extend(provider_tail(Some(p)));
    Modal::form(
        dialog(FederationDialog::EditProvider {
            id: p.id.clone(),
            etag,
        }),
        &format!("Edit identity provider {}", p.name),
        fields,
    )
}

/// The new SCIM client credentials, shown once; `selected` is the option the cursor is on.
pub(super) fn secret_modal(
    provider: &str,
    client_id: &str,
    secret: Secret,
    selected: usize,
) -> Modal {
    let lines = vec![
        ToneLine::new(
            Tone::Heading,
            format!("New SCIM client credentials of {provider}:"),
        ),
        ToneLine::plain(""),
        ToneLine::new(Tone::Dim, "Client id"),
        ToneLine::plain(client_id),
        ToneLine::new(Tone::Dim, "Secret"),
        ToneLine::new(Tone::Added, secret.expose()),
        ToneLine::plain(""),
        ToneLine::new(
            Tone::Dim,
            "Shown only now: give both to the provider's provisioning. Closing forgets them.",
        ),
    ];
    let mut modal = Modal::choice(
        dialog(FederationDialog::ScimSecret {
            provider: provider.to_string(),
            client_id: client_id.to_string(),
            secret,
        }),
        "SCIM client secret",
        lines,
        &["Copy secret", "Copy client id", "Close"],
    );
    if let crate::app::widgets::modal::ModalKind::Choice { selected: s, .. } = &mut modal.kind {
        *s = selected;
    }
    modal
}
