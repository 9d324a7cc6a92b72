//! Our signer against vectors produced by the official SDK's signer
//! (`tests/fixtures/signing/make_vectors.py`): every key form, every request shape, byte
//! for byte.

use canopy::auth::{NoPrompt, RequestSigner, load_private_key};
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::Value;

use super::common::key_path;

fn vectors() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/signing/vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_key_form_signs_every_request_like_the_sdk() {
    let all = vectors();
    let key_id = format!(
        "{}/{}/{}",
        all["tenancy"].as_str().unwrap(),
        all["user"].as_str().unwrap(),
        all["fingerprint"].as_str().unwrap()
    );
    let passphrase = all["passphrase"].as_str().unwrap();
    let list = all["vectors"].as_array().unwrap();
    assert!(list.len() >= 100, "expected the full vector set");
    let mut forms = std::collections::BTreeSet::new();
    for v in list {
        let form = v["key_form"].as_str().unwrap();
        forms.insert(form.to_string());
        let file = all["key_files"][form].as_str().unwrap();
        let key = load_private_key(&key_path(file), Some(passphrase), &NoPrompt)
            .unwrap_or_else(|e| panic!("{form}: {e}"));
        let signer = RequestSigner::new(key_id.clone(), key);
        let url = url::Url::parse(v["url"].as_str().unwrap()).unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "date",
            HeaderValue::from_str(all["date"].as_str().unwrap()).unwrap(),
        );
        let method = v["method"].as_str().unwrap();
        let body = v["body"].as_str().unwrap().as_bytes();
        let signing_string = signer.sign(method, &url, &mut headers, body).unwrap();
        let case = format!("{form}/{}", v["case"].as_str().unwrap());
        assert_eq!(
            signing_string,
            v["signing_string"].as_str().unwrap(),
            "{case}: signing string"
        );
        let expected = v["headers"].as_object().unwrap();
        for (name, value) in expected {
            assert_eq!(
                headers.get(name).and_then(|h| h.to_str().ok()),
                value.as_str(),
                "{case}: header {name}"
            );
        }
        // Nothing beyond what the SDK's signer sets.
        assert_eq!(headers.len(), expected.len(), "{case}: extra headers");
    }
    assert_eq!(
        forms.into_iter().collect::<Vec<_>>(),
        [
            "legacy_aes128",
            "legacy_aes256",
            "legacy_des3",
            "pkcs1",
            "pkcs8",
            "pkcs8_des3",
            "pkcs8_encrypted",
            "pkcs8_sha1",
            "with_label"
        ]
    );
}
