//! The compartment tree of the large tenancy: a few dozen business units at the top, then
//! environments, tiers and projects below, at most six levels deep, with a few INACTIVE and
//! DELETED leaves.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Compartment, LifecycleState};

use super::name_book::NameBook;
use super::names::{AREAS, BUSINESS_UNITS, ENVIRONMENTS, WORDS};
use super::{Builder, timestamp};

/// The deepest a compartment may sit (top-level compartments are depth 1).
pub const MAX_DEPTH: usize = 6;

/// How likely a new compartment hangs below each depth (0 = the tenancy, whose children are
/// all made first). Most of the tree sits at depths 2 to 4.
const PARENT_DEPTH_WEIGHTS: [u32; MAX_DEPTH] = [0, 20, 30, 25, 15, 10];

/// One top-level business unit per this many compartments, up to one per unit name.
const COMPARTMENTS_PER_UNIT: usize = 60;

/// Where each compartment (by index into `snapshot.compartments`) sits.
#[derive(Debug, Default)]
pub struct Tree {
    pub parent: Vec<Option<usize>>,
    pub depth: Vec<usize>,
    pub children: Vec<Vec<usize>>,
    /// Not DELETED: policies, tag defaults and rules may point here.
    pub live: Vec<bool>,
    by_depth: Vec<Vec<usize>>,
}

impl Tree {
    /// Indices of live compartments.
    pub fn live_indices(&self) -> Vec<usize> {
        (0..self.live.len()).filter(|&i| self.live[i]).collect()
    }

    /// `descendant`'s path below `ancestor` (`None` for the tenancy) as policy syntax
    /// `A:B:C`, or `None` when it is not strictly below.
    pub fn relative_path(
        &self,
        compartments: &[Compartment],
        ancestor: Option<usize>,
        descendant: usize,
    ) -> Option<String> {
        let mut names = Vec::new();
        let mut current = Some(descendant);
        while current != ancestor {
            let i = current?;
            names.push(compartments[i].name.as_str());
            current = self.parent[i];
        }
        if names.is_empty() {
            return None;
        }
        names.reverse();
        Some(names.join(":"))
    }
}

pub fn build(b: &mut Builder, count: usize) {
    let tenancy = b.snapshot.tenancy.id.clone();
    b.tree.by_depth = vec![Vec::new(); MAX_DEPTH + 1];
    // Sibling names, per parent (`None` is the tenancy).
    let mut siblings: HashMap<Option<usize>, NameBook> = HashMap::new();
    let total_weight: u32 = PARENT_DEPTH_WEIGHTS.iter().sum();
    let units = (count / COMPARTMENTS_PER_UNIT).clamp(1, BUSINESS_UNITS.len());
    for index in 0..count {
        let mut roll = b.rng.below(total_weight as usize) as u32;
        let mut parent_depth = 0;
        for (d, w) in PARENT_DEPTH_WEIGHTS.iter().enumerate() {
            if roll < *w {
                parent_depth = d;
                break;
            }
            roll -= w;
        }
        // Early on the deeper levels are empty: hang the compartment as deep as exists.
        while parent_depth > 0 && b.tree.by_depth[parent_depth].is_empty() {
            parent_depth -= 1;
        }
        if index < units {
            parent_depth = 0;
        }
        let parent = if parent_depth == 0 {
            None
        } else {
            Some(*b.rng.pick(&b.tree.by_depth[parent_depth]))
        };
        let unit = BUSINESS_UNITS.get(index).filter(|_| index < units);
        let name = if let Some(unit) = unit {
            // Each business unit once, in list order.
            siblings.entry(None).or_default().claim(unit, "-")
        } else {
            unique_name(b, siblings.entry(parent).or_default(), parent, parent_depth)
        };
        let parent_id = parent.map_or_else(
            || tenancy.clone(),
            |p| b.snapshot.compartments[p].id.clone(),
        );
        let description = match parent {
            None => format!("{name} business unit"),
            Some(p) => format!("{name} for {}", path_label(b, p)),
        };
        let mut freeform = BTreeMap::new();
        if matches!(
            name.as_str(),
            "Prod" | "Staging" | "Dev" | "Test" | "QA" | "Sandbox" | "DR"
        ) {
            freeform.insert("env".to_string(), name.to_lowercase());
        }
        let top = parent.map_or(index, |p| top_level(b, p));
        let owner = if top == index {
            name.to_lowercase()
        } else {
            b.snapshot.compartments[top].name.to_lowercase()
        };
        freeform.insert("owner".into(), format!("{owner}-team"));
        let id = b.ocids.next("compartment");
        let time_created = timestamp(&mut b.rng);
        b.snapshot.compartments.push(Compartment {
            id,
            compartment_id: parent_id,
            name,
            description,
            time_created,
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            is_accessible: Some(true),
            freeform_tags: freeform,
            defined_tags: BTreeMap::new(),
        });
        b.tree.parent.push(parent);
        b.tree.depth.push(parent_depth + 1);
        b.tree.children.push(Vec::new());
        b.tree.live.push(true);
        if let Some(p) = parent {
            b.tree.children[p].push(index);
        }
        if parent_depth + 1 < MAX_DEPTH {
            b.tree.by_depth[parent_depth + 1].push(index);
        }
    }
    retire_some_leaves(b);
}

/// About 2% of leaves are DELETED and 2% INACTIVE; only leaves, so no live compartment ever
/// sits under a deleted one.
fn retire_some_leaves(b: &mut Builder) {
    for i in 0..b.snapshot.compartments.len() {
        if !b.tree.children[i].is_empty() {
            continue;
        }
        let roll = b.rng.below(100);
        let c = &mut b.snapshot.compartments[i];
        if roll < 2 {
            c.lifecycle_state = LifecycleState::Deleted;
            b.tree.live[i] = false;
        } else if roll < 4 {
            c.lifecycle_state = LifecycleState::Inactive;
            c.inactive_status = Some(0);
        }
    }
}

/// A name not yet used under `parent` (OCI requires sibling names to differ).
fn unique_name(
    b: &mut Builder,
    siblings: &mut NameBook,
    parent: Option<usize>,
    parent_depth: usize,
) -> String {
    let words: &[&str] = match parent_depth {
        0 => BUSINESS_UNITS,
        1 => ENVIRONMENTS,
        _ => AREAS,
    };
    let parent_name = parent.map(|p| b.snapshot.compartments[p].name.to_lowercase());
    for _ in 0..4 {
        let mut name = (*b.rng.pick(words)).to_string();
        if parent_depth >= 3 && b.rng.chance(0.3) {
            name = format!("{name}-{}", b.rng.pick(WORDS));
        }
        // `Prod/Prod` reads like a mistake, so a child never repeats its parent's name.
        if parent_name.as_deref() != Some(name.to_lowercase().as_str()) && !siblings.contains(&name)
        {
            return siblings.claim(&name, "-");
        }
    }
    // A busy parent: number a common name (`Dev-2`) rather than search on.
    let start = b.rng.below(words.len());
    let word = (0..words.len())
        .map(|k| words[(start + k) % words.len()])
        .find(|w| parent_name.as_deref() != Some(w.to_lowercase().as_str()))
        .unwrap_or("Misc");
    siblings.claim(word, "-")
}

fn top_level(b: &Builder, mut i: usize) -> usize {
    while let Some(p) = b.tree.parent[i] {
        i = p;
    }
    i
}

fn path_label(b: &Builder, mut i: usize) -> String {
    let mut names = vec![b.snapshot.compartments[i].name.as_str()];
    while let Some(p) = b.tree.parent[i] {
        names.push(b.snapshot.compartments[p].name.as_str());
        i = p;
    }
    names.reverse();
    names.join("/")
}
