//! When the answer to a write is lost (the connection dropped, a 5xx after the service may
//! have acted) the client sends it again, and a conditional write then fails: its `if-match`
//! names the version before our own change. Before calling that a conflict, look at the
//! resource: if it already holds what we sent, the change is ours and the write succeeded.
//! Creates need no such check: they carry one retry token across attempts, so the service
//! answers a repeat with the resource the first attempt made.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::client::Client;
use super::error::{ApiError, ErrorKind};
use super::etagged::Etagged;

/// The operation name the command log shows for the check.
const CHECK: &str = "GetAfterLostAnswer";

impl Client {
    /// `conflict` is the 412 an update ended with after a lost answer: the resource as it is
    /// now if it holds every field of `body`, else `conflict` unchanged.
    pub(crate) async fn own_update<T: DeserializeOwned>(
        &self,
        path: String,
        body: &impl Serialize,
        conflict: ApiError,
    ) -> Result<Etagged<T>, ApiError> {
        let Ok(sent) = serde_json::to_value(body) else {
            return Err(conflict);
        };
        let Ok(now) = self.get_one::<Value>(CHECK, path).await else {
            return Err(conflict);
        };
        if !holds(&now.value, &sent) {
            return Err(conflict);
        }
        let Ok(value) = serde_json::from_value(now.value) else {
            return Err(conflict);
        };
        tracing::info!("a lost answer hid our own update; the resource holds what was sent");
        Ok(Etagged {
            value,
            etag: now.etag,
        })
    }

    /// `failure` is how a delete ended after a lost answer: success if the resource is gone
    /// or going, else `failure` unchanged.
    pub(crate) async fn own_delete(
        &self,
        path: String,
        failure: ApiError,
    ) -> Result<Option<String>, ApiError> {
        match self.get_one::<Value>(CHECK, path).await {
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Ok(now) if gone(&now.value) => Ok(None),
            _ => Err(failure),
        }
    }
}

/// Whether a failed conditional write is worth checking against the resource.
pub(crate) fn may_be_ours(error: &ApiError, statuses: &[u16]) -> bool {
    error.after_lost_answer() && error.status().is_some_and(|s| statuses.contains(&s))
}

/// Every field of `sent` (nulls aside: not sent) has the same value in `now`.
fn holds(now: &Value, sent: &Value) -> bool {
    match sent {
        Value::Object(fields) => fields
            .iter()
            .all(|(k, v)| v.is_null() || now.get(k) == Some(v)),
        _ => false,
    }
}

fn gone(now: &Value) -> bool {
    matches!(
        now.get("lifecycleState").and_then(Value::as_str),
        Some("DELETED" | "DELETING")
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn holds_compares_only_what_was_sent() {
        let now = json!({"id": "p", "statements": ["a"], "description": "d", "etag": "2"});
        assert!(super::holds(
            &now,
            &json!({"statements": ["a"], "versionDate": null})
        ));
        assert!(!super::holds(&now, &json!({"statements": ["b"]})));
        assert!(!super::holds(
            &now,
            &json!({"statements": ["a"], "extra": 1})
        ));
        assert!(!super::holds(&now, &json!(["a"])));
    }
}
