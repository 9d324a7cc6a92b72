//! Keeps `docs/coverage.md` true: one row for each of the 150 operations of `IdentityClient`
//! and `SenderInvitationClient` (listed in `tests/fixtures/operations.json`, extracted from
//! the official Python SDK), each with the client function of the same name, a route the
//! emulator serves, where a user reaches it, and a test that exists.

#[path = "common/seed.rs"]
mod seed;
// Shared with the contract tests, which use all of it.
#[allow(dead_code)]
#[path = "emulator/support.rs"]
mod support;

use std::collections::BTreeMap;
use std::path::Path;

use reqwest::Method;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Operation {
    #[serde(rename = "operation")]
    name: String,
    client: String,
    method: String,
    path: String,
}

#[derive(Debug)]
struct Row {
    operation: String,
    client: String,
    method: String,
    path: String,
    reached: String,
    proof: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn operations() -> Vec<Operation> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/operations.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `| n | `op` | client | `METHOD path` | reached | `proof` |` rows of the table.
fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(root().join("docs/coverage.md")).unwrap();
    let strip = |s: &str| s.trim().trim_matches('`').to_string();
    text.lines()
        .filter(|l| {
            l.starts_with("| ")
                && l.split('|')
                    .nth(1)
                    .is_some_and(|n| n.trim().parse::<u32>().is_ok())
        })
        .map(|line| {
            let cells: Vec<&str> = line.split(" | ").collect();
            assert_eq!(cells.len(), 6, "a row has six cells: {line}");
            let (method, path) = strip(cells[3])
                .split_once(' ')
                .map(|(m, p)| (m.to_string(), p.to_string()))
                .unwrap_or_default();
            Row {
                operation: strip(cells[1]),
                client: strip(cells[2]),
                method,
                path,
                reached: cells[4].trim().to_string(),
                proof: strip(cells[5].trim_end_matches('|')),
            }
        })
        .collect()
}

#[test]
fn every_operation_has_exactly_one_row_with_its_method_and_path() {
    let table: BTreeMap<String, Row> = rows()
        .into_iter()
        .map(|r| (r.operation.clone(), r))
        .collect();
    let ops = operations();
    assert_eq!(ops.len(), 150);
    assert_eq!(
        rows().len(),
        150,
        "docs/coverage.md has one row per operation"
    );
    for op in &ops {
        let row = table
            .get(&op.name)
            .unwrap_or_else(|| panic!("{} has no row", op.name));
        assert_eq!(
            (&row.client, &row.method, &row.path),
            (&op.client, &op.method, &op.path),
            "{}",
            op.name
        );
    }
}

/// Every `.rs` file under `dir`, concatenated.
fn sources(dir: &Path) -> String {
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.push_str(&sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            all.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    all
}

#[test]
fn every_operation_has_a_client_function_of_its_name() {
    let api = sources(&root().join("src/api"));
    let missing: Vec<String> = operations()
        .into_iter()
        .map(|op| op.name)
        .filter(|name| {
            !api.contains(&format!("pub async fn {name}("))
                && !api.contains(&format!("pub fn {name}("))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "no client function in src/api for {missing:?}"
    );
}

#[test]
fn every_row_says_where_a_user_reaches_it_and_names_a_test_that_exists() {
    let mut not_yet = Vec::new();
    for row in rows() {
        if row.reached == "not yet" {
            not_yet.push(row.operation.clone());
            continue;
        }
        assert!(
            !row.reached.is_empty(),
            "{}: where is it reached?",
            row.operation
        );
        let (file, test) = row.proof.split_once("::").unwrap_or_else(|| {
            panic!("{}: proof `{}` is not FILE::TEST", row.operation, row.proof)
        });
        let source = std::fs::read_to_string(root().join(file))
            .unwrap_or_else(|_| panic!("{}: no test file {file}", row.operation));
        assert!(
            source.contains(&format!("fn {test}(")),
            "{}: no test `{test}` in {file}",
            row.operation
        );
    }
    // Every operation is reachable: a row that says "not yet" is a regression.
    assert!(
        not_yet.is_empty(),
        "operations no user can reach: {not_yet:?}"
    );
}

/// A path with every `{param}` replaced by an id that exists nowhere.
fn concrete(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str("ocid1.coverage.oc1..nothing");
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn the_emulator_serves_every_operation_route() {
    let (_emulator, client) = support::emulator().await;
    let mut missing = Vec::new();
    for op in operations() {
        let method = Method::from_bytes(op.method.as_bytes()).unwrap();
        let body = matches!(op.method.as_str(), "POST" | "PUT").then(|| serde_json::json!({}));
        let path = concrete(&op.path);
        let resp = client
            .try_call(method, &path, body.as_ref(), &[], support::Tamper::None)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        let code = resp.body.get("code").and_then(|c| c.as_str()).unwrap_or("");
        if (resp.status == 404 && code == "NotFound") || resp.status == 405 {
            missing.push(format!(
                "{} ({} {path}: {} {code})",
                op.name, op.method, resp.status
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "the emulator has no route for {missing:#?}"
    );
}
