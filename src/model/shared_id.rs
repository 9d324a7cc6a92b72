//! An OCID that many records repeat, held once. A tenancy of 100,000 users has 250,000
//! memberships, and each names its tenancy, its group and its user: as separate strings that
//! is 750,000 copies of about 8,000 distinct values, over 100 MB. A `SharedId` read from JSON
//! is looked up in one process-wide set, so every membership of a group points at the same
//! text. It reads, writes, compares, hashes and prints exactly as the string it holds.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedId(Arc<str>);

/// Every distinct value seen; OCIDs are few next to the records that repeat them, and the
/// same tenancy read again finds its values already here.
static INTERNED: LazyLock<Mutex<HashSet<Arc<str>>>> = LazyLock::new(Mutex::default);

impl SharedId {
    pub fn new(value: &str) -> Self {
        let mut set = INTERNED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(shared) = set.get(value) {
            return SharedId(Arc::clone(shared));
        }
        let shared: Arc<str> = Arc::from(value);
        set.insert(Arc::clone(&shared));
        SharedId(shared)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for SharedId {
    fn default() -> Self {
        SharedId::new("")
    }
}

impl Deref for SharedId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SharedId {
    fn from(value: &str) -> Self {
        SharedId::new(value)
    }
}

impl From<String> for SharedId {
    fn from(value: String) -> Self {
        SharedId::new(&value)
    }
}

impl From<&String> for SharedId {
    fn from(value: &String) -> Self {
        SharedId::new(value)
    }
}

impl From<SharedId> for String {
    fn from(value: SharedId) -> Self {
        value.0.to_string()
    }
}

impl PartialEq<str> for SharedId {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedId> for String {
    fn eq(&self, other: &SharedId) -> bool {
        **self == *other.0
    }
}

impl PartialEq<SharedId> for str {
    fn eq(&self, other: &SharedId) -> bool {
        *self == *other.0
    }
}

impl PartialEq<SharedId> for &str {
    fn eq(&self, other: &SharedId) -> bool {
        **self == *other.0
    }
}

impl Serialize for SharedId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Visitor)
    }
}

/// Looks the text up where the parser has it (in its buffer, or in the input itself), so a
/// value seen before costs no allocation.
struct Visitor;

impl serde::de::Visitor<'_> for Visitor {
    type Value = SharedId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OCID string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<SharedId, E> {
        Ok(SharedId::new(value))
    }
}

#[cfg(test)]
mod tests {
    use super::SharedId;

    #[test]
    fn equal_values_share_one_copy_and_read_and_write_as_strings() {
        let a: SharedId = serde_json::from_str("\"ocid1.group.oc1..aaaa\"").unwrap();
        let b = SharedId::new("ocid1.group.oc1..aaaa");
        assert!(std::sync::Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "ocid1.group.oc1..aaaa");
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            "\"ocid1.group.oc1..aaaa\""
        );
        assert_eq!(format!("{a:?}"), "\"ocid1.group.oc1..aaaa\"");
        let escaped: SharedId = serde_json::from_str("\"a\\u00e9\"").unwrap();
        assert_eq!(escaped, "aé");
    }
}
