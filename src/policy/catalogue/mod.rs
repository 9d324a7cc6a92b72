//! What the policy language knows by name: verbs, resource families and their member types,
//! individual resource types, and the IAM permissions each verb grants on IAM types. Written
//! by us from Oracle's public policy reference; `closest` suggests a fix for a typo.

mod data;
mod iam_tables;
mod permissions;

use std::collections::HashMap;
use std::sync::LazyLock;

pub use data::{FAMILIES, OTHER_TYPES};
pub use iam_tables::IAM_TYPES;
pub use permissions::{
    Operation, iam_permissions, is_iam_permission_prefix, operation, operation_names, operations,
    permission_level,
};

/// Verbs in increasing power; each includes the ones before it.
pub const VERBS: [&str; 4] = ["inspect", "read", "use", "manage"];

/// `associate` exists only in cross-tenancy Endorse/Admit statements.
pub const CROSS_TENANCY_VERBS: [&str; 1] = ["associate"];

/// The aggregate that covers every resource type.
pub const ALL_RESOURCES: &str = "all-resources";

/// A resource name the catalogue knows, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    All,
    Family(&'static str),
    Type(&'static str),
}

/// Looks a resource name up, case-insensitively.
pub fn resource(name: &str) -> Option<Resource> {
    // Built once: lookups happen for every statement parsed, so a scan would dominate.
    static BY_NAME: LazyLock<HashMap<String, Resource>> = LazyLock::new(|| {
        let mut map = HashMap::new();
        // Types first so that a family of the same name (none today) would win.
        for t in all_type_names() {
            map.insert(t.to_ascii_lowercase(), Resource::Type(t));
        }
        for (family, _) in FAMILIES {
            map.insert(family.to_ascii_lowercase(), Resource::Family(family));
        }
        map.insert(ALL_RESOURCES.to_string(), Resource::All);
        map
    });
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        BY_NAME.get(&name.to_ascii_lowercase()).copied()
    } else {
        BY_NAME.get(name).copied()
    }
}

fn all_type_names() -> impl Iterator<Item = &'static str> {
    FAMILIES
        .iter()
        .flat_map(|(_, members)| members.iter().copied())
        .chain(IAM_TYPES.iter().map(|(t, _)| *t))
        .chain(OTHER_TYPES.iter().copied())
}

/// Every resource name known: all-resources, families and types.
pub fn resource_names() -> impl Iterator<Item = &'static str> {
    std::iter::once(ALL_RESOURCES)
        .chain(FAMILIES.iter().map(|(f, _)| *f))
        .chain(all_type_names())
}

/// Whether granting on `granted` covers `wanted` (same, family member, or all-resources).
pub fn resource_covers(granted: &str, wanted: &str) -> bool {
    if granted.eq_ignore_ascii_case(wanted) || granted.eq_ignore_ascii_case(ALL_RESOURCES) {
        return true;
    }
    match (resource(granted), resource(wanted)) {
        (Some(Resource::Family(family)), Some(Resource::Type(member))) => {
            family_members(family).contains(&member)
        }
        _ => false,
    }
}

pub fn family_members(family: &str) -> &'static [&'static str] {
    FAMILIES
        .iter()
        .find(|(f, _)| f.eq_ignore_ascii_case(family))
        .map_or(&[], |(_, m)| m)
}

/// 0 for inspect up to 3 for manage; `None` for anything else.
pub fn verb_rank(verb: &str) -> Option<usize> {
    VERBS.iter().position(|v| v.eq_ignore_ascii_case(verb))
}

/// Whether `granted` includes `wanted` (manage ⊇ use ⊇ read ⊇ inspect).
pub fn verb_covers(granted: &str, wanted: &str) -> bool {
    match (verb_rank(granted), verb_rank(wanted)) {
        (Some(g), Some(w)) => g >= w,
        _ => granted.eq_ignore_ascii_case(wanted),
    }
}

/// The permissions `verb` grants on an IAM type (cumulative), or `None` when not catalogued.
pub fn permissions(verb: &str, resource_type: &str) -> Option<Vec<&'static str>> {
    let rank = verb_rank(verb)?;
    let (_, levels) = IAM_TYPES
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(resource_type))?;
    Some(
        levels[..=rank]
            .iter()
            .flat_map(|l| l.iter().copied())
            .collect(),
    )
}

/// The closest of `candidates` to `word` by edit distance, if close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest_in(word, candidates.iter().copied())
}

pub fn closest_in<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    // Short words allow one slip, longer ones one per five characters.
    let limit = (word.chars().count() / 5).max(1);
    let length = word.chars().count();
    candidates
        // Lengths further apart than the limit cannot be within it; skip the full distance.
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .map(|c| (edit_distance(&word, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance over characters where swapping two neighbours counts as one edit (the
/// commonest typo: `raed`, `AppTeir`).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_cover_their_members_and_all_resources_covers_all() {
        assert!(resource_covers("virtual-network-family", "subnets"));
        assert!(resource_covers("all-resources", "users"));
        assert!(!resource_covers("volume-family", "instances"));
        assert!(!resource_covers("subnets", "virtual-network-family"));
    }

    #[test]
    fn verbs_are_cumulative() {
        assert!(verb_covers("manage", "inspect"));
        assert!(verb_covers("use", "read"));
        assert!(!verb_covers("read", "use"));
    }

    #[test]
    fn permissions_accumulate_up_the_verbs() {
        assert_eq!(
            permissions("inspect", "groups"),
            Some(vec!["GROUP_INSPECT"])
        );
        let manage = permissions("manage", "policies").unwrap_or_default();
        assert!(manage.contains(&"POLICY_READ") && manage.contains(&"POLICY_UPDATE"));
        assert_eq!(permissions("manage", "instances"), None);
    }

    #[test]
    fn typos_find_the_closest_name() {
        assert_eq!(closest("mange", &VERBS), Some("manage"));
        assert_eq!(closest("inspekt", &VERBS), Some("inspect"));
        assert_eq!(closest("frobnicate", &VERBS), None);
        assert_eq!(closest_in("instanses", resource_names()), Some("instances"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("raed", "read"), 1);
        assert_eq!(closest("QA-Engineers", &["DataEngineers"]), None);
    }
}
