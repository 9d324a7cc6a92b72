//! What the client needs from request signing: one call that adds OCI's signature headers to
//! an outgoing request. The API-key and session-token signers of `crate::auth` fill it.

use reqwest::Method;
use reqwest::header::HeaderMap;
use url::Url;

/// Signs one outgoing request in place: injects `date`, `host`, the body headers for
/// POST/PUT/PATCH and `authorization`. Called again for every retry, so the date is fresh.
pub trait SignRequest: Send + Sync {
    fn sign_request(
        &self,
        method: &Method,
        url: &Url,
        headers: &mut HeaderMap,
        body: &[u8],
    ) -> Result<(), String>;
}
