//! Other services' resources and locks in a seed: what the integrity checker adds for them,
//! and what docs/seed.md promises the demo has.

use std::collections::{HashMap, HashSet};

use canopy::emulator::seed;
use canopy::model::{LifecycleState, LockType, ResourceLock, Snapshot, TagValidator};

use super::integrity::problems as all_problems;

/// The resource types bulk operations take besides identity's own.
const TYPES: &[&str] = &[
    "Instance",
    "Volume",
    "BootVolume",
    "Bucket",
    "Vcn",
    "Subnet",
    "AutonomousDatabase",
    "LoadBalancer",
];

/// `ocid1.<kind>.oc1.<region>.<60 lower-case base32 characters>`, the shape of regional OCIDs.
fn is_regional_ocid(id: &str) -> bool {
    let parts: Vec<&str> = id.split('.').collect();
    matches!(parts.as_slice(), ["ocid1", kind, "oc1", region, tail]
        if !kind.is_empty() && kind.chars().all(|c| c.is_ascii_lowercase())
            && region.len() == 3 && region.chars().all(|c| c.is_ascii_lowercase())
            && tail.len() == 60
            && tail.chars().all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c)))
}

fn lock_problems(what: &str, locks: Option<&Vec<ResourceLock>>) -> Vec<String> {
    locks
        .into_iter()
        .flatten()
        .filter(|l| {
            matches!(l.lock_type, LockType::Other(_))
                || l.time_created.is_none()
                || l.is_active.is_none()
        })
        .map(|l| format!("{what} has a malformed {} lock", l.lock_type))
        .collect()
}

/// Problems with other services' resources and with locks.
pub fn problems<'a>(s: &'a Snapshot, seen: &HashSet<&'a str>) -> Vec<String> {
    let mut out = Vec::new();
    let compartments: HashMap<&str, _> =
        s.compartments.iter().map(|c| (c.id.as_str(), c)).collect();
    let namespaces: HashMap<&str, _> = s
        .tag_namespaces
        .iter()
        .map(|n| (n.id.as_str(), n))
        .collect();
    let tags: HashMap<(&str, &str), _> = s
        .tags
        .iter()
        .filter_map(|t| {
            let ns = namespaces.get(t.tag_namespace_id.as_deref()?)?;
            Some(((ns.name.as_str(), t.name.as_str()), t))
        })
        .collect();
    let mut ids = HashSet::new();
    for r in &s.compartment_resources {
        let name = &r.display_name;
        if !is_regional_ocid(&r.id) {
            out.push(format!("resource {name} has an unrealistic OCID {}", r.id));
        }
        if seen.contains(r.id.as_str()) || !ids.insert(r.id.as_str()) {
            out.push(format!("duplicate OCID {}", r.id));
        }
        if !TYPES.contains(&r.resource_type.as_str()) {
            out.push(format!(
                "resource {name} has unknown type {}",
                r.resource_type
            ));
        }
        let live_compartment = r.compartment_id == s.tenancy.id
            || compartments
                .get(r.compartment_id.as_str())
                .is_some_and(|c| c.lifecycle_state != LifecycleState::Deleted);
        if r.is_live() && !live_compartment {
            out.push(format!(
                "resource {name} is in a missing or DELETED compartment"
            ));
        }
        if r.resource_type == "Bucket"
            && (r.metadata.get("bucketName") != Some(name)
                || !r.metadata.contains_key("namespaceName"))
        {
            out.push(format!(
                "bucket {name} lacks its namespaceName and bucketName metadata"
            ));
        }
        for (ns, keys) in &r.defined_tags {
            for (key, value) in keys {
                let allowed = tags.get(&(ns.as_str(), key.as_str())).is_some_and(|t| {
                    value.as_str().is_some_and(|v| match &t.validator {
                        Some(TagValidator::Enum { values }) => values.iter().any(|x| x == v),
                        _ => true,
                    })
                });
                if !allowed {
                    out.push(format!("resource {name} has a bad tag {ns}.{key}"));
                }
            }
        }
        // A required tag default in its compartment or above must have given it a value.
        for d in s.tag_defaults.iter().filter(|d| d.is_required) {
            let covers = is_within(s, &r.compartment_id, &d.compartment_id);
            let ns = namespaces
                .get(d.tag_namespace_id.as_str())
                .map_or("", |n| n.name.as_str());
            let has = r
                .defined_tags
                .get(ns)
                .is_some_and(|k| k.contains_key(&d.tag_definition_name));
            if covers && r.is_live() && !has {
                out.push(format!(
                    "resource {name} lacks {ns}.{}, which a tag default requires",
                    d.tag_definition_name
                ));
            }
        }
    }
    for n in &s.tag_namespaces {
        out.extend(lock_problems(
            &format!("tag namespace {}", n.name),
            n.locks.as_ref(),
        ));
    }
    for d in &s.tag_defaults {
        out.extend(lock_problems(
            &format!("tag default {}", d.id),
            d.locks.as_ref(),
        ));
    }
    out
}

fn is_within(s: &Snapshot, id: &str, ancestor: &str) -> bool {
    let mut current = id;
    for _ in 0..=s.compartments.len() {
        if current == ancestor {
            return true;
        }
        match s.compartment(current) {
            Some(c) => current = &c.compartment_id,
            None => return current == ancestor,
        }
    }
    false
}

#[test]
fn demo_resources_fill_the_compartments_that_history_says_hold_them() {
    let s = seed::demo();
    assert_eq!(s.compartment_resources.len(), 25);
    let in_path = |path: &[&str]| {
        s.compartment_resources
            .iter()
            .filter(|r| s.compartment_path(&r.compartment_id) == path)
            .map(|r| (r.resource_type.as_str(), r.display_name.as_str()))
            .collect::<Vec<_>>()
    };
    // The FAILED delete of Shared/Tooling says: 2 instances, 1 volume, bucket jenkins-artifacts.
    assert_eq!(
        in_path(&["Shared", "Tooling"]),
        [
            ("Instance", "jenkins-ci-01"),
            ("Instance", "jenkins-ci-02"),
            ("Volume", "jenkins-data"),
            ("Bucket", "jenkins-artifacts"),
        ]
    );
    for kind in TYPES {
        assert!(
            s.compartment_resources
                .iter()
                .any(|r| r.resource_type == *kind),
            "no {kind} in the demo"
        );
    }
    let web = &s
        .compartment_resources
        .iter()
        .find(|r| r.display_name == "web-01")
        .unwrap()
        .defined_tags["Operations"];
    assert_eq!(web["Environment"], "prod", "Prod's required default");
    assert_eq!(web["Role"], "web");
}

#[test]
fn demo_locks_a_namespace_and_a_tag_default() {
    let s = seed::demo();
    let security = s
        .tag_namespaces
        .iter()
        .find(|n| n.name == "Security")
        .unwrap();
    let lock = &security.locks.as_ref().unwrap()[0];
    assert_eq!(lock.lock_type, LockType::Delete);
    let sensitive = s
        .compartments
        .iter()
        .find(|c| c.name == "Sensitive")
        .unwrap();
    let default = s
        .tag_defaults
        .iter()
        .find(|d| d.compartment_id == sensitive.id)
        .unwrap();
    assert_eq!(default.tag_definition_name, "DataClassification");
    let lock = &default.locks.as_ref().unwrap()[0];
    assert_eq!(lock.lock_type, LockType::Full);
    assert!(
        lock.message
            .as_deref()
            .unwrap()
            .contains("security@acme-corp.com")
    );
    let locked = s
        .tag_namespaces
        .iter()
        .filter(|n| n.locks.is_some())
        .count()
        + s.tag_defaults.iter().filter(|d| d.locks.is_some()).count();
    assert_eq!(locked, 2, "nothing else is locked");
}

#[test]
fn integrity_check_catches_broken_resources() {
    let mut s = seed::demo();
    s.compartment_resources[0].compartment_id = "ocid1.compartment.oc1..aaaaaaaagone".into();
    s.compartment_resources[1].resource_type = "Satellite".into();
    let bucket = s
        .compartment_resources
        .iter_mut()
        .find(|r| r.resource_type == "Bucket")
        .unwrap();
    bucket.metadata.clear();
    let web = s
        .compartment_resources
        .iter_mut()
        .find(|r| r.display_name == "web-02")
        .unwrap();
    web.defined_tags.clear();
    s.tag_namespaces[0].locks = Some(vec![ResourceLock {
        lock_type: LockType::Other("SOFT".into()),
        related_resource_id: None,
        message: None,
        time_created: None,
        is_active: None,
    }]);
    let found = all_problems(&s).join("\n");
    for expected in [
        "is in a missing or DELETED compartment",
        "has unknown type Satellite",
        "lacks its namespaceName and bucketName metadata",
        "resource web-02 lacks Operations.Environment, which a tag default requires",
        "has a malformed SOFT lock",
    ] {
        assert!(found.contains(expected), "{expected} not in:\n{found}");
    }
}

#[test]
fn a_snapshot_without_resources_still_loads() {
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("../../assets/demo-tenancy.json")).unwrap();
    json.as_object_mut().unwrap().remove("compartmentResources");
    let s: Snapshot = serde_json::from_value(json).unwrap();
    assert!(s.compartment_resources.is_empty());
    assert!(all_problems(&s).is_empty());
}
