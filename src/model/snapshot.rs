//! A whole tenancy in one value: what `canopy export` writes, what the emulator seeds from,
//! and what the policy engine lints and explains against.

use serde::{Deserialize, Serialize};

use super::{
    ApiKey, AuthToken, AuthenticationPolicy, CustomerSecretKeySummary, DbCredentialSummary,
    MfaTotpDeviceSummary, NetworkSource, OAuth2ClientCredentialSummary, SmtpCredentialSummary,
    SwiftPassword, UiPasswordInformation,
};
use super::{
    Compartment, DynamicGroup, Group, Policy, SenderInvitation, Tag, TagDefault, TagNamespace,
    Tenancy, User, UserGroupMembership,
};
use super::{
    Domain, IdentityProvider, IdentityProviderGroupSummary, IdpGroupMapping, RegionSubscription,
    WorkRequest,
};
// Tag tools, bulk operations and locks.
use super::CompartmentResource;
use super::Records;

/// Lists are kept in a stable order (see [`Snapshot::sort`]) so two exports of the same
/// tenancy are byte-identical.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub tenancy: Tenancy,
    #[serde(default)]
    pub compartments: Records<Compartment>,
    #[serde(default)]
    pub users: Records<User>,
    #[serde(default)]
    pub groups: Records<Group>,
    #[serde(default)]
    pub memberships: Records<UserGroupMembership>,
    #[serde(default)]
    pub dynamic_groups: Records<DynamicGroup>,
    #[serde(default)]
    pub policies: Records<Policy>,
    #[serde(default)]
    pub tag_namespaces: Records<TagNamespace>,
    /// Full tag definitions (with namespace id and validator).
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub tag_defaults: Vec<TagDefault>,
    #[serde(default)]
    pub sender_invitations: Records<SenderInvitation>,
    // Identity domains, federation and regions.
    /// Identity domains; empty for a tenancy that predates them.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// SAML2 identity providers.
    #[serde(default)]
    pub identity_providers: Vec<IdentityProvider>,
    /// The groups each identity provider reports.
    #[serde(default)]
    pub identity_provider_groups: Vec<IdentityProviderGroupSummary>,
    #[serde(default)]
    pub idp_group_mappings: Vec<IdpGroupMapping>,
    /// Empty means "the home region only, as far as the file knows".
    #[serde(default)]
    pub region_subscriptions: Vec<RegionSubscription>,
    /// Finished work requests for the emulator to show as history (classic, IAM and tagging,
    /// each with its errors and logs). A seed may carry them; `canopy export` does not read
    /// them, since they are not configuration.
    #[serde(default, skip_serializing_if = "WorkRequestHistory::is_empty")]
    pub work_request_history: WorkRequestHistory,
    // Credentials and sign-in security: metadata only. These types cannot hold a secret
    // (tokens, keys, passwords and seeds are in the create answers alone).
    #[serde(default)]
    pub api_keys: Vec<ApiKey>,
    #[serde(default)]
    pub auth_tokens: Vec<AuthToken>,
    #[serde(default)]
    pub customer_secret_keys: Vec<CustomerSecretKeySummary>,
    #[serde(default)]
    pub smtp_credentials: Vec<SmtpCredentialSummary>,
    #[serde(default)]
    pub db_credentials: Vec<DbCredentialSummary>,
    #[serde(default)]
    pub oauth2_client_credentials: Vec<OAuth2ClientCredentialSummary>,
    #[serde(default)]
    pub swift_passwords: Vec<SwiftPassword>,
    #[serde(default)]
    pub mfa_totp_devices: Vec<MfaTotpDeviceSummary>,
    /// When each user's console password was last set (users who never had one are absent).
    #[serde(default)]
    pub ui_passwords: Vec<UiPasswordInformation>,
    #[serde(default)]
    pub network_sources: Vec<NetworkSource>,
    /// `None` in snapshots written before canopy read it; the emulator then uses OCI's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_policy: Option<AuthenticationPolicy>,
    // Tag tools, bulk operations and locks.
    /// Resources of other services (instances, buckets, volumes ...) in the compartments, for
    /// bulk move, bulk delete and bulk tag edits. `canopy export` has no API to read them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compartment_resources: Vec<CompartmentResource>,
    // Every domain's directory (Identity Domains, SCIM).
    /// The users, groups, memberships and dynamic groups of each domain other than Default
    /// (the Default domain's are the lists above).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domain_directories: Vec<super::DomainDirectory>,
}

/// Finished work requests of each API, kept in the classic shape (which has room for the
/// errors and logs the IAM and tagging APIs list separately).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRequestHistory {
    /// `/workRequests`: compartment deletes and moves.
    #[serde(default)]
    pub classic: Vec<WorkRequest>,
    /// `/iamWorkRequests`: identity-domain operations.
    #[serde(default)]
    pub iam: Vec<WorkRequest>,
    /// `/taggingWorkRequests`: tag deletes.
    #[serde(default)]
    pub tagging: Vec<WorkRequest>,
}

impl WorkRequestHistory {
    pub fn is_empty(&self) -> bool {
        self.classic.is_empty() && self.iam.is_empty() && self.tagging.is_empty()
    }
}

impl Snapshot {
    /// Puts every list in OCID order (tags by namespace, then name), the export's stable order.
    /// The keys are unique, so an unstable sort gives the same order without a stable sort's
    /// buffer of half the list (megabytes for 50,000 memberships).
    pub fn sort(&mut self) {
        self.sort_lists(true);
    }

    /// [`Snapshot::sort`], except the lists shared with another holder (a read against the
    /// snapshot before, whose lists panes show in the service's order): sorting those would
    /// copy them, and nothing but an export needs the order.
    pub fn sort_unshared(&mut self) {
        self.sort_lists(false);
    }

    fn sort_lists(&mut self, shared_too: bool) {
        fn by_id<T: super::records::Identified + Clone>(list: &mut Records<T>, shared_too: bool) {
            if shared_too || !list.is_shared() {
                list.sort_unstable_by(|a, b| a.id().cmp(b.id()));
            }
        }
        by_id(&mut self.compartments, shared_too);
        by_id(&mut self.users, shared_too);
        by_id(&mut self.groups, shared_too);
        by_id(&mut self.memberships, shared_too);
        by_id(&mut self.dynamic_groups, shared_too);
        by_id(&mut self.policies, shared_too);
        by_id(&mut self.tag_namespaces, shared_too);
        by_id(&mut self.sender_invitations, shared_too);
        self.tags.sort_unstable_by(|a, b| {
            (&a.tag_namespace_id, &a.name).cmp(&(&b.tag_namespace_id, &b.name))
        });
        self.tag_defaults.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        self.domains.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        self.identity_providers
            .sort_unstable_by(|a, b| a.id.cmp(&b.id));
        self.identity_provider_groups.sort_unstable_by(|a, b| {
            (&a.identity_provider_id, &a.id).cmp(&(&b.identity_provider_id, &b.id))
        });
        self.idp_group_mappings
            .sort_unstable_by(|a, b| a.id.cmp(&b.id));
        self.region_subscriptions
            .sort_unstable_by(|a, b| a.region_key.cmp(&b.region_key));
        self.compartment_resources
            .sort_unstable_by(|a, b| a.id.cmp(&b.id));
        self.sort_credentials();
        // Every domain's directory (Identity Domains, SCIM).
        self.domain_directories
            .sort_by(|a, b| a.domain_id.cmp(&b.domain_id));
        self.domain_directories
            .iter_mut()
            .for_each(super::DomainDirectory::sort);
    }

    /// Gives back the room lists grew into while they were read (a list that doubled as its
    /// pages arrived holds up to twice what it needs): megabytes at 100,000 users, held for as
    /// long as the snapshot is in use.
    pub fn shrink_to_fit(&mut self) {
        self.compartments.shrink_to_fit();
        self.users.shrink_to_fit();
        self.groups.shrink_to_fit();
        self.memberships.shrink_to_fit();
        self.dynamic_groups.shrink_to_fit();
        self.policies.shrink_to_fit();
        self.tag_namespaces.shrink_to_fit();
        self.tags.shrink_to_fit();
        self.tag_defaults.shrink_to_fit();
        self.sender_invitations.shrink_to_fit();
        self.identity_provider_groups.shrink_to_fit();
        self.api_keys.shrink_to_fit();
        self.auth_tokens.shrink_to_fit();
        self.customer_secret_keys.shrink_to_fit();
        self.smtp_credentials.shrink_to_fit();
        self.db_credentials.shrink_to_fit();
        self.oauth2_client_credentials.shrink_to_fit();
        self.swift_passwords.shrink_to_fit();
        self.mfa_totp_devices.shrink_to_fit();
        self.ui_passwords.shrink_to_fit();
        self.compartment_resources.shrink_to_fit();
        for d in &mut self.domain_directories {
            d.users.shrink_to_fit();
            d.groups.shrink_to_fit();
            d.memberships.shrink_to_fit();
            d.dynamic_groups.shrink_to_fit();
        }
    }

    /// Credentials by owner, then OCID (API keys by key id, which starts with the owner).
    fn sort_credentials(&mut self) {
        self.api_keys.sort_by(|a, b| a.key_id.cmp(&b.key_id));
        self.auth_tokens
            .sort_by(|a, b| (&a.user_id, &a.id).cmp(&(&b.user_id, &b.id)));
        self.customer_secret_keys
            .sort_by(|a, b| (&a.user_id, &a.id).cmp(&(&b.user_id, &b.id)));
        self.smtp_credentials
            .sort_by(|a, b| (&a.user_id, &a.id).cmp(&(&b.user_id, &b.id)));
        self.db_credentials
            .sort_by(|a, b| (&a.user_id, &a.id).cmp(&(&b.user_id, &b.id)));
        self.oauth2_client_credentials
            .sort_by(|a, b| (&a.user_id, &a.id).cmp(&(&b.user_id, &b.id)));
        self.swift_passwords
            .sort_by(|a, b| (&a.user_id, &a.id).cmp(&(&b.user_id, &b.id)));
        self.mfa_totp_devices
            .sort_by(|a, b| (&a.user_id, &a.id).cmp(&(&b.user_id, &b.id)));
        self.ui_passwords.sort_by(|a, b| a.user_id.cmp(&b.user_id));
        self.network_sources.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// The compartment with this OCID, or `None` (the tenancy is not a compartment here).
    pub fn compartment(&self, id: &str) -> Option<&Compartment> {
        self.compartments.iter().find(|c| c.id == id)
    }

    /// Names from the root down to `id`, e.g. `["Prod", "AppTier"]`; empty for the tenancy.
    pub fn compartment_path(&self, id: &str) -> Vec<String> {
        let mut path = Vec::new();
        let mut current = id;
        // Bounded by the number of compartments, so a corrupt cycle cannot loop forever.
        for _ in 0..=self.compartments.len() {
            if current == self.tenancy.id {
                break;
            }
            let Some(c) = self.compartment(current) else {
                break;
            };
            path.push(c.name.clone());
            current = &c.compartment_id;
        }
        path.reverse();
        path
    }
}
