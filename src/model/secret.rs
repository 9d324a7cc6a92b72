//! A value the service shows once (an auth token, a secret key, a password, an MFA seed): it
//! travels on the wire as a plain JSON string, but never prints by accident.

use serde::{Deserialize, Serialize};

/// A one-time secret. `Debug` prints a placeholder and there is no `Display`, so neither a
/// log line nor a `{:?}` of the response that carried it can leak it; read it with
/// [`Secret::expose`] in the one place that shows it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the one place that shows or uses it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// Hands the value over to code that keeps its own wrapper (the TUI's one-time display).
impl From<Secret> for String {
    fn from(secret: Secret) -> Self {
        secret.0
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn debug_hides_the_value_and_json_carries_it() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "Secret(..)");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"hunter2\"");
        let back: Secret = serde_json::from_str("\"hunter2\"").unwrap();
        assert_eq!(back.expose(), "hunter2");
    }
}
