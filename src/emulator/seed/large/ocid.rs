//! Realistic, deterministic OCIDs: `ocid1.<kind>.oc1..aaaaaaaa` and 52 lower-case base32
//! characters, derived from the kind and a per-kind counter so one resource's id never
//! depends on how many of another kind were made before it.

use std::collections::HashMap;

use super::rng::{Rng, hash};

const BASE32: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

#[derive(Debug, Default)]
pub struct Ocids {
    counters: HashMap<&'static str, u64>,
}

impl Ocids {
    /// The next OCID of `kind` (`compartment`, `user`, `policy` ...).
    pub fn next(&mut self, kind: &'static str) -> String {
        let n = self.counters.entry(kind).or_insert(0);
        *n += 1;
        make(kind, *n)
    }
}

/// The OCID numbered `n` of `kind`.
pub fn make(kind: &str, n: u64) -> String {
    let mut rng = Rng::new(hash(kind) ^ n.wrapping_mul(0xA076_1D64_78BD_642F));
    let mut out = String::with_capacity(kind.len() + 75);
    out.push_str("ocid1.");
    out.push_str(kind);
    out.push_str(".oc1..aaaaaaaa");
    let mut bits = 0u64;
    let mut left = 0;
    for _ in 0..52 {
        if left < 5 {
            bits = rng.next_u64();
            left = 64;
        }
        out.push(char::from(BASE32[(bits & 31) as usize]));
        bits >>= 5;
        left -= 5;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Ocids, make};

    #[test]
    fn ocids_are_realistic_stable_and_distinct() {
        let id = make("compartment", 1);
        let tail = id.strip_prefix("ocid1.compartment.oc1..aaaaaaaa").unwrap();
        assert_eq!(tail.len(), 52);
        assert!(
            tail.bytes()
                .all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c))
        );
        assert_eq!(make("compartment", 1), id);
        assert_ne!(make("compartment", 2), id);
        // Kinds draw from different streams: user 1 and compartment 1 share no tail.
        let user = make("user", 1);
        assert_ne!(user.strip_prefix("ocid1.user.oc1..aaaaaaaa").unwrap(), tail);
        let mut ocids = Ocids::default();
        assert_eq!(ocids.next("user"), make("user", 1));
        assert_eq!(ocids.next("group"), make("group", 1));
        assert_eq!(ocids.next("user"), make("user", 2));
    }
}
