//! Prints how long signing a request and loading each key form take, so the cost of signing
//! every call (the client) and verifying every call (the emulator) is known.
//! Run: `cargo bench --bench signing` (or `--profile dev` for a quick look).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use canopy::auth::{NoPrompt, RequestSigner, load_private_key};
use reqwest::header::HeaderMap;

fn key(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/keys")
        .join(name)
}

/// Runs `f` repeatedly for about `budget` and prints the mean time per call.
fn measure(label: &str, budget: Duration, mut f: impl FnMut()) {
    f();
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < budget {
        f();
        runs += 1;
    }
    let per = start.elapsed() / runs;
    println!(
        "{label:<44} {:>10.1} us/op {:>10.0} op/s  ({runs} runs)",
        per.as_secs_f64() * 1e6,
        1.0 / per.as_secs_f64()
    );
}

fn main() {
    let budget = Duration::from_secs(2);
    for (file, pass) in [
        ("pkcs1.pem", None),
        ("pkcs8.pem", None),
        ("pkcs8_encrypted.pem", Some("canopy-test")),
        ("legacy_aes256.pem", Some("canopy-test")),
    ] {
        measure(&format!("load key {file}"), budget, || {
            load_private_key(&key(file), pass, &NoPrompt).unwrap();
        });
    }

    let signer = RequestSigner::new(
        "ocid1.tenancy.oc1..t/ocid1.user.oc1..u/00:00",
        load_private_key(&key("pkcs1.pem"), None, &NoPrompt).unwrap(),
    );
    let get = url::Url::parse(
        "https://identity.us-ashburn-1.oci.oraclecloud.com/20160918/users?compartmentId=x&limit=1000",
    )
    .unwrap();
    let post = url::Url::parse("http://127.0.0.1:18765/20160918/policies").unwrap();
    let body = vec![b'x'; 4096];
    measure("sign GET (2048-bit RSA)", budget, || {
        let mut headers = HeaderMap::new();
        signer.sign("GET", &get, &mut headers, b"").unwrap();
    });
    measure("sign POST with 4 KiB body (2048-bit RSA)", budget, || {
        let mut headers = HeaderMap::new();
        signer.sign("POST", &post, &mut headers, &body).unwrap();
    });

    // Before and after: the same signing string through the pure-Rust `rsa` crate and
    // through `ring` (what every request paid before), against AWS-LC in the lines above;
    // and the emulator's verification of it.
    let key = load_private_key(&key("pkcs1.pem"), None, &NoPrompt).unwrap();
    let mut headers = HeaderMap::new();
    let text = signer.sign("GET", &get, &mut headers, b"").unwrap();
    measure("signature only, rsa crate (before)", budget, || {
        canopy::auth::signature::sign(&key, &text);
    });
    let der = rsa::pkcs1::EncodeRsaPrivateKey::to_pkcs1_der(&key).unwrap();
    let ring_key = ring::signature::RsaKeyPair::from_der(der.as_bytes()).unwrap();
    let rng = ring::rand::SystemRandom::new();
    let mut out = vec![0; ring_key.public().modulus_len()];
    measure("signature only, ring (before)", budget, || {
        let alg = &ring::signature::RSA_PKCS1_SHA256;
        ring_key.sign(alg, &rng, text.as_bytes(), &mut out).unwrap();
    });
    let public = rsa::RsaPublicKey::from(&key);
    let signature = canopy::auth::signature::sign(&key, &text);
    measure("verify (emulator)", budget, || {
        assert!(canopy::auth::signature::verify(&public, &text, &signature));
    });
}
