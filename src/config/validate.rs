//! The shape checks of the SDK's `validate_config`: OCIDs and key fingerprints.

use std::sync::LazyLock;

use regex::Regex;

static OCID: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^([0-9a-zA-Z\-_]+[.:])([0-9a-zA-Z\-_]*[.:]){3,}([0-9a-zA-Z\-_]+)$").ok()
});
static FINGERPRINT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^([0-9a-f]{2}:){15}[0-9a-f]{2}$").ok());

/// True when `value` has the SDK's OCID shape (`ocid1.user.oc1..aaaa...`).
pub fn is_ocid(value: &str) -> bool {
    OCID.as_ref().is_some_and(|re| re.is_match(value))
}

/// True for 16 lower-case hex pairs joined by `:` (upper case is malformed, as in the SDK).
pub fn is_fingerprint(value: &str) -> bool {
    FINGERPRINT.as_ref().is_some_and(|re| re.is_match(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocids_and_fingerprints() {
        assert!(is_ocid("ocid1.user.oc1..aaaaaaaauserexample"));
        assert!(is_ocid("ocid1.tenancy.oc1..t"));
        assert!(!is_ocid("ocid1.user"));
        assert!(!is_ocid("bob"));
        assert!(is_fingerprint(
            "77:60:91:bd:14:a9:bb:62:97:a3:3a:d8:ef:8a:63:c1"
        ));
        assert!(!is_fingerprint(
            "77:60:91:BD:14:a9:bb:62:97:a3:3a:d8:ef:8a:63:c1"
        ));
        assert!(!is_fingerprint("77:60:91"));
    }
}
