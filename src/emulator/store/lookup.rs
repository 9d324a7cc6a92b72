//! Rows of a table grouped by one of their fields (a membership's group or user), built the
//! first time a listing asks and rebuilt only after the table changed: a tenancy's group
//! listings then cost a lookup each instead of a scan of every membership.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Row positions by field value, in insertion order.
pub type Positions = Arc<HashMap<String, Vec<usize>>>;

/// The lookups of one table, each tagged with the table generation it was built from.
#[derive(Default)]
pub struct Lookups {
    built: Mutex<HashMap<&'static str, (u64, Positions)>>,
}

impl Lookups {
    /// The positions grouped by `field`, rebuilt with `build` when `generation` moved on.
    pub fn get(
        &self,
        field: &'static str,
        generation: u64,
        build: impl FnOnce() -> Positions,
    ) -> Positions {
        let mut cache = self
            .built
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match cache.get(field) {
            Some((at, positions)) if *at == generation => Arc::clone(positions),
            _ => {
                let positions = build();
                cache.insert(field, (generation, Arc::clone(&positions)));
                positions
            }
        }
    }
}

impl Clone for Lookups {
    /// A copy starts with no lookups; they are cheap to build again.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for Lookups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookups")
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{Keyed, Table};

    #[derive(Debug, Clone)]
    struct Row {
        id: String,
        group: String,
    }

    impl Keyed for Row {
        fn key(&self) -> &str {
            &self.id
        }
    }

    fn row(id: &str, group: &str) -> Row {
        Row {
            id: id.into(),
            group: group.into(),
        }
    }

    fn ids(rows: &[&Row]) -> Vec<String> {
        rows.iter().map(|r| r.id.clone()).collect()
    }

    #[test]
    fn a_lookup_follows_every_change_to_the_table() {
        let mut table = Table::from_rows(vec![row("1", "a"), row("2", "b"), row("3", "a")]);
        assert_eq!(
            ids(&table.rows_where("group", |r| &r.group, "a")),
            ["1", "3"]
        );
        table.upsert(row("4", "a"));
        assert_eq!(
            ids(&table.rows_where("group", |r| &r.group, "a")),
            ["1", "3", "4"]
        );
        table.get_mut("1").unwrap().group = "b".into();
        assert_eq!(
            ids(&table.rows_where("group", |r| &r.group, "a")),
            ["3", "4"]
        );
        assert_eq!(
            ids(&table.rows_where("group", |r| &r.group, "b")),
            ["1", "2"]
        );
        table.remove("2");
        assert_eq!(ids(&table.rows_where("group", |r| &r.group, "b")), ["1"]);
        assert!(table.rows_where("group", |r| &r.group, "none").is_empty());
    }
}
