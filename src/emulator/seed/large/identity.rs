//! Users, groups, memberships and dynamic groups of the large tenancy.

use std::collections::{BTreeMap, HashSet};

use crate::model::{
    DynamicGroup, Group, LifecycleState, User, UserCapabilities, UserGroupMembership,
};

use super::name_book::NameBook;
use super::names::{AREAS, BUSINESS_UNITS, FIRST_NAMES, LAST_NAMES, ROLES, WORDS};
use super::{Builder, DOMAIN, NOW, Targets, timestamp, timestamp_between};

/// The administrator's login; always the first user and first member of `Administrators`.
pub const ADMIN_USER: &str = "admin@globex.example";

/// How many extra people share the Administrators group at scale 1 and above.
const EXTRA_ADMINS: usize = 5;

pub fn build(b: &mut Builder, targets: &Targets) {
    users(b, targets.users);
    groups(b, targets.groups);
    memberships(b, targets.memberships);
    dynamic_groups(b, targets.dynamic_groups);
}

pub fn title(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn users(b: &mut Builder, count: usize) {
    let tenancy = b.snapshot.tenancy.id.clone();
    let mut logins = NameBook::default();
    for index in 0..count {
        let service = index > 0 && b.rng.chance(0.05);
        let (name, description) = if index == 0 {
            (
                ADMIN_USER.to_string(),
                "Globex tenancy administrator".to_string(),
            )
        } else if service {
            let word = *b.rng.pick(super::names::WORDS);
            let area = b.rng.pick(AREAS).to_lowercase();
            (
                format!("svc-{area}-{word}-{index}"),
                format!("Service account for {area} {word} automation"),
            )
        } else {
            let first = *b.rng.pick(FIRST_NAMES);
            let last = *b.rng.pick(LAST_NAMES);
            // Namesakes get a number, as mail systems do: maria.garcia2.
            let login = logins.claim(&format!("{first}.{last}"), "");
            (
                format!("{login}@{DOMAIN}"),
                format!("{} {}", title(first), title(last)),
            )
        };
        let roll = if index == 0 { 100 } else { b.rng.below(1000) };
        let (state, inactive) = match roll {
            0..=9 => (
                LifecycleState::Inactive,
                Some(crate::model::INACTIVE_STATUS_BLOCKED),
            ),
            10..=14 => (LifecycleState::Deleted, None),
            _ => (LifecycleState::Active, None),
        };
        let human = !service;
        let last_login = (human && b.rng.chance(0.9))
            .then(|| timestamp_between(&mut b.rng, NOW - 120 * 86_400, NOW));
        let previous_login = last_login
            .as_ref()
            .map(|_| timestamp_between(&mut b.rng, NOW - 240 * 86_400, NOW - 120 * 86_400));
        let mut freeform = BTreeMap::new();
        if service {
            freeform.insert("account-type".to_string(), "service".to_string());
        }
        let id = b.ocids.next("user");
        let time_created = timestamp(&mut b.rng);
        let is_mfa_activated = index == 0 || (human && b.rng.chance(0.85));
        b.snapshot.users.push(User {
            id: id.into(),
            compartment_id: tenancy.as_str().into(),
            email: human.then(|| name.clone()),
            email_verified: human.then_some(true),
            name,
            description,
            db_user_name: None,
            identity_provider_id: None,
            external_identifier: None,
            time_created: time_created.into(),
            lifecycle_state: state,
            inactive_status: inactive,
            freeform_tags: freeform,
            defined_tags: BTreeMap::new(),
            capabilities: Some(UserCapabilities {
                can_use_console_password: human,
                can_use_oauth2_client_credentials: service,
                ..UserCapabilities::default()
            }),
            is_mfa_activated,
            last_successful_login_time: last_login.map(Into::into),
            previous_successful_login_time: previous_login.map(Into::into),
        });
    }
}

fn groups(b: &mut Builder, count: usize) {
    let tenancy = b.snapshot.tenancy.id.clone();
    let mut names = NameBook::default();
    for index in 0..count {
        let (name, description) = if index == 0 {
            (
                "Administrators".to_string(),
                "Tenancy administrators".to_string(),
            )
        } else {
            let unit = *b.rng.pick(BUSINESS_UNITS);
            let role = *b.rng.pick(ROLES);
            let (mut name, description) = if b.rng.chance(0.4) {
                (format!("{unit}-{role}"), format!("{role} of {unit}"))
            } else {
                let area = *b.rng.pick(AREAS);
                (
                    format!("{unit}-{area}-{role}"),
                    format!("{role} of {unit} {area}"),
                )
            };
            // A project word tells apart two teams that drew the same unit and role.
            if names.contains(&name) {
                let word = *b.rng.pick(WORDS);
                name = format!("{name}-{}", title(word));
            }
            (name, description)
        };
        let name = names.claim(&name, "-");
        let id = b.ocids.next("group");
        let time_created = timestamp(&mut b.rng);
        b.snapshot.groups.push(Group {
            id,
            compartment_id: tenancy.as_str().into(),
            name,
            description,
            time_created,
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            freeform_tags: BTreeMap::new(),
            defined_tags: BTreeMap::new(),
        });
    }
}

fn memberships(b: &mut Builder, count: usize) {
    let tenancy = b.snapshot.tenancy.id.clone();
    let members: Vec<usize> = (0..b.snapshot.users.len())
        .filter(|&i| b.snapshot.users[i].lifecycle_state != LifecycleState::Deleted)
        .collect();
    let groups = b.snapshot.groups.len();
    let mut pairs = HashSet::new();
    // The administrator first, then a handful of other admins, then everyone else.
    let mut wanted: Vec<(usize, usize)> = vec![(0, 0)];
    for _ in 0..EXTRA_ADMINS.min(count.saturating_sub(1) / 100) {
        wanted.push((*b.rng.pick(&members), 0));
    }
    let mut made = 0;
    let mut attempts = 0;
    let mut queue = wanted.into_iter();
    while made < count && attempts < count * 4 {
        attempts += 1;
        let (user, group) = queue.next().unwrap_or_else(|| {
            let user = *b.rng.pick(&members);
            // Skewed: a few big groups, a long tail of small ones; never Administrators.
            let group = 1 + b.rng.skewed(groups - 1);
            (user, group)
        });
        if !pairs.insert((user, group)) {
            continue;
        }
        made += 1;
        let id = b.ocids.next("groupmembership");
        let time_created = timestamp(&mut b.rng);
        b.snapshot.memberships.push(UserGroupMembership {
            id,
            compartment_id: tenancy.as_str().into(),
            group_id: b.snapshot.groups[group].id.as_str().into(),
            user_id: b.snapshot.users[user].id.as_str().into(),
            time_created: time_created.into(),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
        });
    }
}

fn dynamic_groups(b: &mut Builder, count: usize) {
    let tenancy = b.snapshot.tenancy.id.clone();
    let live = b.tree.live_indices();
    for index in 0..count {
        let first = &b.snapshot.compartments[*b.rng.pick(&live)];
        let second = &b.snapshot.compartments[*b.rng.pick(&live)];
        let (kind, rule) = match b.rng.below(4) {
            0 => (
                "instances",
                format!("ALL {{instance.compartment.id = '{}'}}", first.id),
            ),
            1 => (
                "functions",
                format!(
                    "ALL {{resource.type = 'fnfunc', resource.compartment.id = '{}'}}",
                    first.id
                ),
            ),
            2 => (
                "gateways",
                format!(
                    "ALL {{resource.type = 'apigateway', resource.compartment.id = '{}'}}",
                    first.id
                ),
            ),
            _ => (
                "hosts",
                format!(
                    "Any {{instance.compartment.id = '{}', instance.compartment.id = '{}'}}",
                    first.id, second.id
                ),
            ),
        };
        // The index keeps names unique without a lookup.
        let name = format!("dg-{}-{kind}-{index}", first.name.to_lowercase());
        let description = format!("{} {kind} of {}", title(kind), first.name);
        let id = b.ocids.next("dynamicgroup");
        let time_created = timestamp(&mut b.rng);
        b.snapshot.dynamic_groups.push(DynamicGroup {
            id,
            compartment_id: tenancy.as_str().into(),
            name,
            description,
            matching_rule: rule,
            time_created,
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            freeform_tags: BTreeMap::new(),
            defined_tags: BTreeMap::new(),
        });
    }
}
