//! Hands out names unique within one scope (the tenancy, or one parent compartment),
//! compared case-insensitively as OCI compares them.

use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub struct NameBook {
    taken: HashSet<String>,
    /// The next number to try per base name, so the thousandth `tenancy-access` policy does
    /// not rescan the 999 numbers before it.
    next: HashMap<String, usize>,
}

impl NameBook {
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(&name.to_lowercase())
    }

    /// `base` if free, else `base<sep>2`, `base<sep>3` ... whichever is free first.
    pub fn claim(&mut self, base: &str, sep: &str) -> String {
        let key = base.to_lowercase();
        if self.taken.insert(key.clone()) {
            return base.to_string();
        }
        let n = self.next.entry(key).or_insert(2);
        loop {
            let name = format!("{base}{sep}{n}");
            *n += 1;
            if self.taken.insert(name.to_lowercase()) {
                return name;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NameBook;

    #[test]
    fn numbers_taken_names_case_insensitively() {
        let mut book = NameBook::default();
        assert_eq!(book.claim("Prod", "-"), "Prod");
        assert_eq!(book.claim("prod", "-"), "prod-2");
        assert!(book.contains("PROD-2"));
        // A number already taken by hand is skipped.
        assert_eq!(book.claim("Prod-3", "-"), "Prod-3");
        assert_eq!(book.claim("Prod", "-"), "Prod-4");
        assert_eq!(book.claim("ana.ortiz", ""), "ana.ortiz");
        assert_eq!(book.claim("ana.ortiz", ""), "ana.ortiz2");
    }
}
