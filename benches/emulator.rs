//! Emulator figures: start-up time with the demo seed and with large:1, and signed requests
//! per second served to N concurrent clients on loopback. Prints figures; asserts nothing.
//!
//! Requests are signed before the clock starts (a signature stays valid for five minutes and
//! the server keeps no replay cache), so the figure is the server's work, not the client's RSA.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use canopy::auth::signature::{GENERIC_HEADERS, authorization_header, sign, signing_string};
use canopy::emulator::{EmulatorOptions, RunningEmulator, generate_key, seed, start};
use canopy::model::Snapshot;
use rsa::RsaPublicKey;

/// Signed GETs per client per round.
const REQUESTS_PER_CLIENT: usize = 400;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

async fn start_with(seed: Snapshot, config_out: Option<std::path::PathBuf>) -> RunningEmulator {
    start(EmulatorOptions {
        seed,
        config_out,
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts")
}

async fn startup(label: &str, make: impl Fn() -> Snapshot, runs: usize) {
    let mut seed_times = Vec::new();
    let mut start_times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let snapshot = make();
        seed_times.push(t.elapsed());
        let t = Instant::now();
        let emu = start_with(snapshot, None).await;
        start_times.push(t.elapsed());
        emu.shutdown().await;
    }
    let (seed, serve) = (median(seed_times), median(start_times));
    println!(
        "start-up {label:<10} seed {:>9.1} ms + start {:>8.1} ms = {:>9.1} ms (median of {runs})",
        seed.as_secs_f64() * 1e3,
        serve.as_secs_f64() * 1e3,
        (seed + serve).as_secs_f64() * 1e3
    );
}

/// One pre-signed request: path and headers.
struct Signed {
    url: String,
    headers: Vec<(&'static str, String)>,
}

fn presign(emu: &RunningEmulator, key_id: &str, key: &rsa::RsaPrivateKey, path: &str) -> Signed {
    let date = httpdate::fmt_http_date(SystemTime::now());
    let host = emu.addr.to_string();
    let text = signing_string(GENERIC_HEADERS, "GET", path, |name| match name {
        "date" => Some(date.as_str()),
        "host" => Some(host.as_str()),
        _ => None,
    })
    .expect("signing string");
    let authorization = authorization_header(key_id, GENERIC_HEADERS, &sign(key, &text));
    Signed {
        url: format!("{}{path}", emu.endpoint),
        headers: vec![("date", date), ("authorization", authorization)],
    }
}

async fn throughput(requests: Arc<Vec<Signed>>, clients: usize) {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let requests = Arc::clone(&requests);
        tasks.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let mut ok = 0usize;
            for i in 0..REQUESTS_PER_CLIENT {
                let r = &requests[(c + i) % requests.len()];
                let mut req = http.get(&r.url);
                for (k, v) in &r.headers {
                    req = req.header(*k, v.as_str());
                }
                if let Ok(resp) = req.send().await
                    && resp.status().is_success()
                    && resp.bytes().await.is_ok()
                {
                    ok += 1;
                }
            }
            ok
        }));
    }
    let mut ok = 0;
    for t in tasks {
        ok += t.await.unwrap_or(0);
    }
    let elapsed = started.elapsed();
    let total = clients * REQUESTS_PER_CLIENT;
    println!(
        "throughput {clients:>3} clients: {total:>6} signed GETs ({ok} ok) in {:>7.2} s = {:>8.0} req/s",
        elapsed.as_secs_f64(),
        ok as f64 / elapsed.as_secs_f64()
    );
}

/// One client, one request shape: which operations cost what.
async fn per_path(path: &str, r: &Signed) {
    const N: usize = 200;
    let http = reqwest::Client::new();
    let started = Instant::now();
    for _ in 0..N {
        let mut req = http.get(&r.url);
        for (k, v) in &r.headers {
            req = req.header(*k, v.as_str());
        }
        let ok = match req.send().await {
            Ok(resp) => resp.status().is_success() && resp.bytes().await.is_ok(),
            Err(_) => false,
        };
        assert!(ok, "GET {path} failed");
    }
    let per_sec = N as f64 / started.elapsed().as_secs_f64();
    let shape = path.split('?').next().unwrap_or(path);
    let shape: String = shape
        .split('/')
        .map(|seg| {
            if seg.starts_with("ocid1.") {
                "{id}"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/");
    let query = path.split_once('?').map_or("", |(_, q)| q);
    let query: Vec<&str> = query
        .split('&')
        .filter_map(|kv| kv.split('=').next())
        .filter(|k| !k.is_empty())
        .collect();
    println!(
        "  1 client  GET {shape:<38} [{:<20}] {per_sec:>8.0} req/s",
        query.join(",")
    );
}

#[tokio::main]
async fn main() {
    println!(
        "canopy emulator bench ({} cores)",
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    startup("demo", seed::demo, 5).await;
    startup("large:1", || seed::large(1.0), 3).await;

    let t = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let emu = start_with(seed::demo(), Some(dir.path().to_path_buf())).await;
    println!(
        "start-up demo with --config-out (2048-bit key generated): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    emu.shutdown().await;

    let emu = start_with(seed::large(1.0), None).await;
    let key = generate_key().expect("key");
    let (key_id, tenancy, user, compartment) = emu.store.with(|s| {
        let user = s.administrator().map(|u| u.id.clone()).expect("a user");
        let key_id = s
            .register_api_key(&user, &RsaPublicKey::from(&key))
            .expect("key")
            .key_id;
        let compartment = s
            .compartments
            .iter()
            .next()
            .map_or_else(|| s.tenancy_id().to_string(), |c| c.id.clone());
        (key_id, s.tenancy_id().to_string(), user, compartment)
    });
    let counts = emu
        .store
        .with(|s| (s.compartments.len(), s.users.len(), s.memberships.len()));
    println!(
        "serving large:1 ({} compartments, {} users, {} memberships)",
        counts.0, counts.1, counts.2
    );
    let paths = [
        format!("/20160918/users?compartmentId={tenancy}&limit=100"),
        format!("/20160918/users/{user}"),
        format!("/20160918/compartments?compartmentId={tenancy}&limit=100"),
        format!("/20160918/compartments/{compartment}"),
        format!("/20160918/policies?compartmentId={tenancy}&limit=50"),
        format!("/20160918/groups?compartmentId={tenancy}&limit=50"),
        format!("/20160918/userGroupMemberships?compartmentId={tenancy}&userId={user}"),
        format!("/20160918/tenancies/{tenancy}"),
    ];
    let requests: Arc<Vec<Signed>> = Arc::new(
        paths
            .iter()
            .map(|p| presign(&emu, &key_id, &key, p))
            .collect(),
    );
    for (path, request) in paths.iter().zip(requests.iter()) {
        per_path(path, request).await;
    }
    for clients in [1, 4, 16, 64] {
        throughput(Arc::clone(&requests), clients).await;
    }
    emu.shutdown().await;
}
