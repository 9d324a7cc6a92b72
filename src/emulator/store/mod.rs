//! The emulator's tenancy in memory: every resource table, the API keys and session tokens
//! that signatures are checked against, remembered retry tokens, and work requests.

mod credentials;
mod domains;
mod lookup;
mod regions;
mod sign_in;
mod table;
mod work;
mod work_kind;
// Tag tools, bulk operations and locks.
pub mod bulk;
mod tagging;

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::emulator::seed;
use crate::model::{
    ApiKey, Compartment, DynamicGroup, Group, LifecycleState, Policy, SenderInvitation, Snapshot,
    Tag, TagDefault, TagNamespace, Tenancy, User, UserGroupMembership,
};
use crate::model::{
    Domain, IdentityProvider, IdentityProviderGroupSummary, IdpGroupMapping, RegionSubscription,
    WorkRequestHistory,
};

pub use credentials::{Credential, Session, parse_public_key};
pub use domains::ScimClient;
pub use sign_in::{Owned, SignInSecurity};
pub use table::{Keyed, Table};
pub use work::{WorkItem, WorkKind, WorkService};

/// A reply remembered under an `opc-retry-token`, replayed when the same request comes again.
/// Its `Debug` leaves the body out: a create's body carries a one-time secret.
#[derive(Clone)]
pub struct RememberedReply {
    /// Method, path and body hash of the request that first used the token.
    pub request: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl std::fmt::Debug for RememberedReply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RememberedReply")
            .field("request", &self.request)
            .field("status", &self.status)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish_non_exhaustive()
    }
}

/// How many retry tokens are remembered; the oldest are forgotten first.
const RETRY_TOKEN_MEMORY: usize = 10_000;

#[derive(Debug)]
pub struct Store {
    pub tenancy: Tenancy,
    pub region: String,
    pub compartments: Table<Compartment>,
    pub users: Table<User>,
    pub groups: Table<Group>,
    pub memberships: Table<UserGroupMembership>,
    pub dynamic_groups: Table<DynamicGroup>,
    pub policies: Table<Policy>,
    pub tag_namespaces: Table<TagNamespace>,
    pub tags: Table<Tag>,
    pub tag_defaults: Table<TagDefault>,
    pub invitations: Table<SenderInvitation>,
    pub api_keys: Table<ApiKey>,
    /// Every other credential, MFA devices, network sources, the authentication policy.
    pub sign_in: SignInSecurity,
    pub work: Table<WorkItem>,
    /// How long a work request takes from ACCEPTED to SUCCEEDED.
    pub work_duration: Duration,
    /// Work requests not yet finished, so idle stores skip the scan.
    unfinished_work: usize,
    credentials: HashMap<String, Credential>,
    sessions: HashMap<String, Session>,
    retry_tokens: HashMap<String, RememberedReply>,
    retry_order: VecDeque<String>,
    /// Retry tokens whose first request is still being handled.
    retry_in_flight: HashSet<String>,
    // Identity domains, federation and regions.
    pub domains: Table<Domain>,
    pub identity_providers: Table<IdentityProvider>,
    pub idp_groups: Table<IdentityProviderGroupSummary>,
    pub idp_group_mappings: Table<IdpGroupMapping>,
    pub region_subscriptions: Vec<RegionSubscription>,
    /// Region keys subscribed to but not READY yet, and since when.
    pending_regions: Vec<(String, std::time::Instant)>,
    /// Each identity provider's SCIM client: its id and a digest of its secret (never the
    /// secret itself).
    scim_clients: HashMap<String, ScimClient>,
    /// The emulator's own base URL, where identity domains are served (`None` before it binds).
    endpoint: Option<String>,
    // Tag tools, bulk operations and locks.
    /// Other services' resources in the compartments (instances, buckets ...), for bulk moves,
    /// deletes and tag edits.
    pub compartment_resources: Table<crate::model::CompartmentResource>,
    // Every domain's directory (Identity Domains, SCIM).
    /// The directories of the domains other than Default (the Default domain's are the
    /// classic tables above), served over SCIM at each domain's URL.
    pub directories: Vec<crate::model::DomainDirectory>,
}

impl Store {
    pub fn from_snapshot(mut snapshot: Snapshot, region: &str, work_duration: Duration) -> Self {
        let history = std::mem::take(&mut snapshot.work_request_history);
        let sign_in = SignInSecurity::take_from(&mut snapshot);
        let api_keys = std::mem::take(&mut snapshot.api_keys);
        let mut store = Self {
            tenancy: snapshot.tenancy,
            region: region.to_string(),
            compartments: Table::from_rows(snapshot.compartments),
            users: Table::from_rows(snapshot.users),
            groups: Table::from_rows(snapshot.groups),
            memberships: Table::from_rows(snapshot.memberships),
            dynamic_groups: Table::from_rows(snapshot.dynamic_groups),
            policies: Table::from_rows(snapshot.policies),
            tag_namespaces: Table::from_rows(snapshot.tag_namespaces),
            tags: Table::from_rows(snapshot.tags),
            tag_defaults: Table::from_rows(snapshot.tag_defaults),
            invitations: Table::from_rows(snapshot.sender_invitations),
            api_keys: Table::default(),
            sign_in,
            work: Table::default(),
            work_duration,
            unfinished_work: 0,
            credentials: HashMap::new(),
            sessions: HashMap::new(),
            retry_tokens: HashMap::new(),
            retry_order: VecDeque::new(),
            retry_in_flight: HashSet::new(),
            // Identity domains, federation and regions.
            domains: Table::from_rows(snapshot.domains),
            identity_providers: Table::from_rows(snapshot.identity_providers),
            idp_groups: Table::from_rows(snapshot.identity_provider_groups),
            idp_group_mappings: Table::from_rows(snapshot.idp_group_mappings),
            region_subscriptions: regions::or_home(snapshot.region_subscriptions, region),
            pending_regions: Vec::new(),
            scim_clients: HashMap::new(),
            endpoint: None,
            // Tag tools, bulk operations and locks.
            compartment_resources: Table::from_rows(snapshot.compartment_resources),
            // Every domain's directory (Identity Domains, SCIM).
            directories: std::mem::take(&mut snapshot.domain_directories),
        };
        store.load_work_history(history);
        store.restore_api_keys(api_keys);
        store
    }

    /// The whole tenancy as a snapshot (what `canopy export` would write).
    pub fn snapshot(&self) -> Snapshot {
        let mut snapshot = Snapshot {
            tenancy: self.tenancy.clone(),
            compartments: self.compartments.to_vec().into(),
            users: self.users.to_vec().into(),
            groups: self.groups.to_vec().into(),
            memberships: self.memberships.to_vec().into(),
            dynamic_groups: self.dynamic_groups.to_vec().into(),
            policies: self.policies.to_vec().into(),
            tag_namespaces: self.tag_namespaces.to_vec().into(),
            tags: self.tags.to_vec(),
            tag_defaults: self.tag_defaults.to_vec(),
            sender_invitations: self.invitations.to_vec().into(),
            // Identity domains, federation and regions.
            domains: self.domains.to_vec(),
            identity_providers: self.identity_providers.to_vec(),
            identity_provider_groups: self.idp_groups.to_vec(),
            idp_group_mappings: self.idp_group_mappings.to_vec(),
            region_subscriptions: self.region_subscriptions.clone(),
            // Work requests are history, not configuration: export leaves them out too.
            work_request_history: WorkRequestHistory::default(),
            api_keys: self.api_keys.to_vec(),
            // Tag tools, bulk operations and locks.
            compartment_resources: self.compartment_resources.to_vec(),
            // Every domain's directory (Identity Domains, SCIM).
            domain_directories: self.directories.clone(),
            ..Snapshot::default()
        };
        self.sign_in.write_into(&mut snapshot);
        snapshot.sort();
        snapshot
    }

    pub fn tenancy_id(&self) -> &str {
        &self.tenancy.id
    }

    /// The user the generated config signs as: the first active user (in seed order) with an
    /// active membership of "Administrators", as `seed::administrator` defines it; else the
    /// first user.
    pub fn administrator(&self) -> Option<&User> {
        let active = |s: &LifecycleState| *s == LifecycleState::Active;
        let admins = self
            .groups
            .iter()
            .find(|g| g.name == seed::ADMINISTRATORS_GROUP && active(&g.lifecycle_state));
        let member = admins.and_then(|group| {
            self.users.iter().find(|u| {
                active(&u.lifecycle_state)
                    && self.memberships.iter().any(|m| {
                        m.user_id == u.id && m.group_id == group.id && active(&m.lifecycle_state)
                    })
            })
        });
        member.or_else(|| self.users.iter().next())
    }

    /// True when `id` is the tenancy or an existing compartment in the given states.
    pub fn is_compartment(&self, id: &str) -> bool {
        id == self.tenancy.id
            || self
                .compartments
                .get(id)
                .is_some_and(|c| c.lifecycle_state == LifecycleState::Active)
    }

    /// True when `id` is `ancestor` or lies below it.
    pub fn is_within(&self, id: &str, ancestor: &str) -> bool {
        let mut current = id;
        // Bounded by the table size so a corrupt cycle cannot loop forever.
        for _ in 0..=self.compartments.len() {
            if current == ancestor {
                return true;
            }
            match self.compartments.get(current) {
                Some(c) => current = &c.compartment_id,
                None => return false,
            }
        }
        false
    }

    /// The reply first given for this retry token, if any.
    pub fn remembered(&self, token: &str) -> Option<&RememberedReply> {
        self.retry_tokens.get(token)
    }

    /// Marks a token as being handled; false when another request with it is in flight.
    pub fn claim_retry_token(&mut self, token: &str) -> bool {
        self.retry_in_flight.insert(token.to_string())
    }

    pub fn release_retry_token(&mut self, token: &str) {
        self.retry_in_flight.remove(token);
    }

    pub(crate) fn work_started(&mut self) {
        self.unfinished_work += 1;
    }

    pub(crate) fn has_unfinished_work(&self) -> bool {
        self.unfinished_work > 0
    }

    pub(crate) fn work_finished(&mut self, count: usize) {
        self.unfinished_work = self.unfinished_work.saturating_sub(count);
    }

    pub fn remember(&mut self, token: String, reply: RememberedReply) {
        if self.retry_tokens.insert(token.clone(), reply).is_none() {
            self.retry_order.push_back(token);
        }
        while self.retry_order.len() > RETRY_TOKEN_MEMORY {
            if let Some(old) = self.retry_order.pop_front() {
                self.retry_tokens.remove(&old);
            }
        }
    }
}

/// A shared handle on the store: the server's and the one tests and the TUI inspect.
#[derive(Debug, Clone)]
pub struct StoreHandle(Arc<Mutex<Store>>);

impl StoreHandle {
    pub fn new(store: Store) -> Self {
        Self(Arc::new(Mutex::new(store)))
    }

    /// Locks the store after letting due work requests finish, so every reader sees time pass.
    pub fn lock(&self) -> MutexGuard<'_, Store> {
        let mut guard = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        guard.advance_work();
        guard
    }

    /// Runs `f` with the store locked.
    pub fn with<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        f(&mut self.lock())
    }

    pub fn snapshot(&self) -> Snapshot {
        self.lock().snapshot()
    }
}

/// A fresh OCID of the given resource kind, e.g. `ocid1.policy.oc1..aaaaaaaa...`.
pub fn new_ocid(kind: &str) -> String {
    format!(
        "ocid1.{kind}.oc1..aaaaaaaa{}",
        uuid::Uuid::new_v4().simple()
    )
}

/// Now, as OCI writes timestamps: RFC 3339 with milliseconds and `Z`.
pub fn now_rfc3339() -> String {
    format_time(time::OffsetDateTime::now_utc())
}

pub fn format_time(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

/// A resource's etag: a digest of its wire form, so it changes exactly when the resource does.
pub fn etag_of<T: Serialize>(resource: &T) -> String {
    let bytes = serde_json::to_vec(resource).unwrap_or_default();
    Sha256::digest(&bytes)[..16]
        .iter()
        .fold(String::with_capacity(32), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}
