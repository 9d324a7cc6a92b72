//! The compartment tree of a snapshot, by OCID: parents, paths and name lookups, with the
//! tenancy as the root. Shared by the linter and the effective-permission index.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{LifecycleState, Snapshot};

use super::ast::Name;

#[derive(Debug, Clone)]
struct Node {
    name: String,
    parent: Option<String>,
    children: Vec<String>,
    /// When a walk from the root enters and leaves this node: `a` is above or at `b` exactly
    /// when `a`'s span holds `b`'s. `None` for a node the root does not reach (a cycle).
    span: Option<(u32, u32)>,
}

#[derive(Debug, Clone)]
pub struct CompartmentTree {
    root: String,
    nodes: HashMap<String, Node>,
}

impl CompartmentTree {
    /// Deleted compartments are left out: policies cannot name them.
    pub fn build(snapshot: &Snapshot) -> Self {
        let root = snapshot.tenancy.id.clone();
        let mut nodes: HashMap<String, Node> = HashMap::default();
        nodes.insert(
            root.clone(),
            Node {
                name: snapshot.tenancy.name.clone(),
                parent: None,
                children: Vec::new(),
                span: None,
            },
        );
        for c in &snapshot.compartments {
            if matches!(c.lifecycle_state, LifecycleState::Deleted) {
                continue;
            }
            nodes.insert(
                c.id.clone(),
                Node {
                    name: c.name.clone(),
                    parent: Some(c.compartment_id.clone()),
                    children: Vec::new(),
                    span: None,
                },
            );
        }
        let links: Vec<(String, String)> = nodes
            .iter()
            .filter_map(|(id, n)| n.parent.clone().map(|p| (p, id.clone())))
            .collect();
        for (parent, child) in links {
            if let Some(p) = nodes.get_mut(&parent) {
                p.children.push(child);
            }
        }
        for node in nodes.values_mut() {
            node.children.sort();
        }
        number_spans(&root, &mut nodes);
        Self { root, nodes }
    }

    pub fn root(&self) -> &str {
        &self.root
    }

    pub fn contains(&self, id: &str) -> bool {
        self.nodes.contains_key(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.nodes.keys().map(String::as_str)
    }

    pub fn children(&self, id: &str) -> &[String] {
        self.nodes.get(id).map_or(&[], |n| &n.children)
    }

    pub fn parent(&self, id: &str) -> Option<&str> {
        self.nodes.get(id)?.parent.as_deref()
    }

    /// `id` itself, then its parent, up to the root (bounded, so a cycle cannot hang).
    pub fn self_and_ancestors<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut out = Vec::new();
        let mut current = Some(id);
        while let Some(c) = current {
            if out.len() > self.nodes.len() || !self.nodes.contains_key(c) {
                break;
            }
            out.push(c);
            current = self.parent(c);
        }
        out
    }

    /// Whether `ancestor` is `id` or above it. Asked for every statement of every answer, so
    /// it compares two spans instead of walking up the tree.
    pub fn covers(&self, ancestor: &str, id: &str) -> bool {
        let span = |c: &str| self.nodes.get(c).and_then(|n| n.span);
        match (span(ancestor), span(id)) {
            (Some((a_in, a_out)), Some((b_in, b_out))) => a_in <= b_in && b_out <= a_out,
            _ => self.self_and_ancestors(id).contains(&ancestor),
        }
    }

    /// `tenancy` for the root, otherwise the path from the root, e.g. `Prod:AppTier`.
    pub fn display(&self, id: &str) -> String {
        if id == self.root {
            return "tenancy".to_string();
        }
        if !self.nodes.contains_key(id) {
            return id.to_string();
        }
        let mut names: Vec<&str> = self
            .self_and_ancestors(id)
            .into_iter()
            .filter(|c| *c != self.root)
            .filter_map(|c| self.nodes.get(c).map(|n| n.name.as_str()))
            .collect();
        names.reverse();
        names.join(":")
    }

    /// The child of `parent` with this name (case-insensitive).
    pub fn child_named(&self, parent: &str, name: &str) -> Option<&str> {
        self.children(parent)
            .iter()
            .find(|c| {
                self.nodes
                    .get(*c)
                    .is_some_and(|n| n.name.eq_ignore_ascii_case(name))
            })
            .map(String::as_str)
    }

    pub fn child_names(&self, parent: &str) -> Vec<&str> {
        self.children(parent)
            .iter()
            .filter_map(|c| self.nodes.get(c).map(|n| n.name.as_str()))
            .collect()
    }

    /// Walks `path` down from `from`; on failure, the index of the first missing part.
    pub fn resolve_path(&self, from: &str, path: &[Name]) -> Result<String, usize> {
        let mut current = from;
        for (i, part) in path.iter().enumerate() {
            current = self.child_named(current, &part.text).ok_or(i)?;
        }
        Ok(current.to_string())
    }

    /// A compartment from the command line: an OCID, `tenancy`/`root`/the tenancy's name, or a
    /// path from the root such as `Prod:AppTier` (a leading `tenancy:` is allowed).
    pub fn find(&self, text: &str) -> Option<String> {
        let text = text.trim();
        if self.nodes.contains_key(text) {
            return Some(text.to_string());
        }
        let root_name = self.nodes.get(&self.root).map_or("", |n| n.name.as_str());
        let is_root = |s: &str| {
            s.eq_ignore_ascii_case("tenancy")
                || s.eq_ignore_ascii_case("root")
                || s.eq_ignore_ascii_case(root_name)
                || s.is_empty()
        };
        let mut parts: Vec<&str> = text.split(':').map(str::trim).collect();
        if parts.len() > 1 && is_root(parts[0]) {
            parts.remove(0);
        }
        if parts.len() == 1 && is_root(parts[0]) {
            return Some(self.root.clone());
        }
        let mut current = self.root.as_str();
        for part in parts {
            current = self.child_named(current, part)?;
        }
        Some(current.to_string())
    }

    /// Compartments with no children.
    pub fn leaves(&self) -> Vec<&str> {
        let mut leaves: Vec<&str> = self
            .nodes
            .iter()
            .filter(|(_, n)| n.children.is_empty())
            .map(|(id, _)| id.as_str())
            .collect();
        leaves.sort_unstable();
        leaves
    }
}

/// Numbers each node reached from the root as a depth-first walk enters and leaves it
/// (iteratively: a tenancy may be deep).
fn number_spans(root: &str, nodes: &mut HashMap<String, Node>) {
    let mut clock = 0u32;
    let mut stack: Vec<(String, bool)> = vec![(root.to_string(), false)];
    while let Some((id, leaving)) = stack.pop() {
        clock += 1;
        let Some(node) = nodes.get_mut(&id) else {
            continue;
        };
        if leaving {
            if let Some(span) = &mut node.span {
                span.1 = clock;
            }
            continue;
        }
        if node.span.is_some() {
            continue;
        }
        node.span = Some((clock, clock));
        let children = node.children.clone();
        stack.push((id, true));
        stack.extend(children.into_iter().rev().map(|c| (c, false)));
    }
}

#[cfg(test)]
mod tests {
    use super::CompartmentTree;
    use crate::model::{Compartment, LifecycleState, Snapshot};

    fn compartment(id: &str, parent: &str) -> Compartment {
        Compartment {
            id: id.into(),
            compartment_id: parent.into(),
            name: id.to_uppercase(),
            description: String::new(),
            time_created: String::new(),
            lifecycle_state: LifecycleState::Active,
            inactive_status: None,
            is_accessible: None,
            freeform_tags: std::collections::BTreeMap::default(),
            defined_tags: std::collections::BTreeMap::default(),
        }
    }

    #[test]
    fn covers_answers_as_the_walk_up_the_tree_does_even_for_a_cycle() {
        let mut s = Snapshot::default();
        s.tenancy.id = "root".into();
        s.compartments = vec![
            compartment("a", "root"),
            compartment("b", "a"),
            compartment("c", "b"),
            compartment("d", "root"),
            // Not reached from the root: a cycle the service should never have.
            compartment("x", "y"),
            compartment("y", "x"),
        ]
        .into();
        let tree = CompartmentTree::build(&s);
        let ids = ["root", "a", "b", "c", "d", "x", "y", "missing"];
        for anc in ids {
            for id in ids {
                let walked = tree.self_and_ancestors(id).contains(&anc);
                assert_eq!(tree.covers(anc, id), walked, "covers({anc}, {id})");
            }
        }
        assert!(tree.covers("root", "c") && tree.covers("a", "c") && !tree.covers("d", "c"));
        assert!(tree.covers("x", "y") && tree.covers("y", "x"));
    }
}
