//! Tag namespaces, tags, tag defaults and sender invitations of the large tenancy.

use std::collections::{BTreeMap, HashSet};

use crate::model::{
    InvitationStatus, LifecycleState, SenderInvitation, Tag, TagDefault, TagNamespace, TagValidator,
};

use super::name_book::NameBook;
use super::names::{BUSINESS_UNITS, TAG_KEYS, WORDS};
use super::{Builder, DOMAIN, Targets, timestamp};

/// OCI allows at most ten cost-tracking tags per tenancy.
const MAX_COST_TRACKING: usize = 10;

pub fn build(b: &mut Builder, targets: &Targets) {
    namespaces(b, targets.tag_namespaces);
    defaults(b, targets.tag_defaults);
    tag_compartments(b);
    invitations(b, targets.sender_invitations);
}

fn namespaces(b: &mut Builder, count: usize) {
    let tenancy = b.snapshot.tenancy.id.clone();
    let top_level: Vec<usize> = (0..b.tree.parent.len())
        .filter(|&i| b.tree.parent[i].is_none() && b.tree.live[i])
        .collect();
    let mut cost_tracking = 0;
    let mut names = NameBook::default();
    for index in 0..count {
        let base = format!("{}-{}", b.rng.pick(BUSINESS_UNITS), b.rng.pick(WORDS));
        let name = names.claim(&base, "-");
        let retired = index > 0 && b.rng.chance(0.05);
        let compartment_id = if top_level.is_empty() || b.rng.chance(0.7) {
            tenancy.clone()
        } else {
            b.snapshot.compartments[*b.rng.pick(&top_level)].id.clone()
        };
        let state = if retired {
            LifecycleState::Inactive
        } else {
            LifecycleState::Active
        };
        let namespace_id = b.ocids.next("tagnamespace");
        let time_created = timestamp(&mut b.rng);
        b.snapshot.tag_namespaces.push(TagNamespace {
            id: namespace_id.clone(),
            compartment_id: compartment_id.clone(),
            name: name.clone(),
            description: format!("Tags for {name}"),
            freeform_tags: BTreeMap::new(),
            defined_tags: BTreeMap::new(),
            is_retired: retired,
            lifecycle_state: state.clone(),
            time_created,
            locks: None,
        });
        // Two to six distinct keys per namespace.
        let keys = b.rng.between(2, 6);
        let start = b.rng.below(TAG_KEYS.len());
        for k in 0..keys {
            let (key, values) = TAG_KEYS[(start + k) % TAG_KEYS.len()];
            let is_cost_tracking =
                key == "CostCenter" && !retired && cost_tracking < MAX_COST_TRACKING;
            cost_tracking += usize::from(is_cost_tracking);
            let validator = if values.is_empty() {
                TagValidator::Default
            } else {
                TagValidator::Enum {
                    values: values.iter().map(|v| (*v).to_string()).collect(),
                }
            };
            let id = b.ocids.next("tagdefinition");
            let time_created = timestamp(&mut b.rng);
            b.snapshot.tags.push(Tag {
                compartment_id: compartment_id.clone(),
                tag_namespace_id: Some(namespace_id.clone()),
                tag_namespace_name: Some(name.clone()),
                id,
                name: key.to_string(),
                description: format!("{key} tag of {name}"),
                freeform_tags: BTreeMap::new(),
                defined_tags: BTreeMap::new(),
                is_retired: retired,
                lifecycle_state: state.clone(),
                time_created,
                is_cost_tracking,
                validator: Some(validator),
            });
        }
    }
}

/// Defaults for active tags on live compartments, at most one per tag per compartment.
fn defaults(b: &mut Builder, count: usize) {
    let active: Vec<usize> = (0..b.snapshot.tags.len())
        .filter(|&i| !b.snapshot.tags[i].is_retired)
        .collect();
    let live = b.tree.live_indices();
    if active.is_empty() || live.is_empty() {
        return;
    }
    let mut pairs = HashSet::new();
    let mut attempts = 0;
    while b.snapshot.tag_defaults.len() < count && attempts < count * 4 {
        attempts += 1;
        let tag = *b.rng.pick(&active);
        let compartment = *b.rng.pick(&live);
        if !pairs.insert((tag, compartment)) {
            continue;
        }
        let t = &b.snapshot.tags[tag];
        let (namespace_id, definition_id, name) = (
            t.tag_namespace_id.clone().unwrap_or_default(),
            t.id.clone(),
            t.name.clone(),
        );
        let value = tag_value(b, tag, true);
        let id = b.ocids.next("tagdefault");
        let time_created = timestamp(&mut b.rng);
        let is_required = b.rng.chance(0.3);
        b.snapshot.tag_defaults.push(TagDefault {
            id,
            compartment_id: b.snapshot.compartments[compartment].id.clone(),
            tag_namespace_id: namespace_id,
            tag_definition_id: definition_id,
            tag_definition_name: name,
            value,
            time_created,
            lifecycle_state: LifecycleState::Active,
            is_required,
            locks: None,
        });
    }
}

/// A value `tag` accepts: one of an enum's values, else a plausible free-form value. Tag
/// defaults may use the service's `${iam.principal.name}` variable; resources hold real values.
fn tag_value(b: &mut Builder, tag: usize, for_default: bool) -> String {
    let t = &b.snapshot.tags[tag];
    match &t.validator {
        Some(TagValidator::Enum { values }) => values[b.rng.below(values.len())].clone(),
        _ if t.name == "Owner" && for_default => "${iam.principal.name}".to_string(),
        _ if t.name == "Owner" => {
            let users = b.snapshot.users.len();
            b.snapshot.users[b.rng.below(users)].name.clone()
        }
        _ => format!("{}-{}", b.rng.pick(WORDS), b.rng.below(10_000)),
    }
}

/// About a third of live compartments carry one to three defined tags from active namespaces.
fn tag_compartments(b: &mut Builder) {
    let active: Vec<usize> = (0..b.snapshot.tags.len())
        .filter(|&i| !b.snapshot.tags[i].is_retired)
        .collect();
    if active.is_empty() {
        return;
    }
    for compartment in b.tree.live_indices() {
        if !b.rng.chance(0.35) {
            continue;
        }
        for _ in 0..b.rng.between(1, 3) {
            let tag = *b.rng.pick(&active);
            let value = tag_value(b, tag, false);
            let t = &b.snapshot.tags[tag];
            let namespace = t.tag_namespace_name.clone().unwrap_or_default();
            let key = t.name.clone();
            b.snapshot.compartments[compartment]
                .defined_tags
                .entry(namespace)
                .or_default()
                .insert(key, serde_json::Value::String(value));
        }
    }
}

fn invitations(b: &mut Builder, count: usize) {
    let tenancy = b.snapshot.tenancy.id.clone();
    let outcomes = [
        (InvitationStatus::Pending, LifecycleState::Active),
        (InvitationStatus::Accepted, LifecycleState::Active),
        (InvitationStatus::Canceled, LifecycleState::Inactive),
        (InvitationStatus::Expired, LifecycleState::Inactive),
    ];
    for index in 0..count {
        let (status, state) = outcomes[index % outcomes.len()].clone();
        let unit = b.rng.pick(BUSINESS_UNITS).to_lowercase();
        let display_name = format!("globex-{unit}-{index}");
        let recipient_invitation_id =
            (status != InvitationStatus::Pending).then(|| b.ocids.next("recipientinvitation"));
        let id = b.ocids.next("senderinvitation");
        let recipient_tenancy_id = b.ocids.next("tenancy");
        let time_created = timestamp(&mut b.rng);
        b.snapshot.sender_invitations.push(SenderInvitation {
            id,
            compartment_id: tenancy.clone(),
            subjects: vec!["LINK".to_string()],
            recipient_invitation_id,
            recipient_tenancy_id,
            lifecycle_state: state,
            status,
            display_name,
            time_updated: None,
            time_created,
            recipient_email_address: Some(format!("cloud-admin@{unit}.{DOMAIN}")),
            invitation_features: None,
            freeform_tags: BTreeMap::new(),
            defined_tags: BTreeMap::new(),
            system_tags: None,
        });
    }
}
