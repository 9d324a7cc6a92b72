//! Every region the SDK knows, by id and short code, resolves to the SDK's endpoints
//! (`tests/fixtures/regions/make_endpoints.py`).

use canopy::config::resolve_region;

#[test]
fn every_region_matches_the_sdk_endpoints() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/regions/endpoints.json");
    let golden: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = golden["cases"].as_array().unwrap();
    assert!(
        cases.len() > 250,
        "expected every region with its short codes"
    );
    for case in cases {
        let value = case["region"].as_str().unwrap();
        let region = resolve_region(value, &[], None).unwrap_or_else(|e| panic!("{value}: {e:?}"));
        assert_eq!(
            region.identity_endpoint(),
            case["identity"].as_str().unwrap(),
            "{value}"
        );
        assert_eq!(
            region.organizations_endpoint(),
            case["organizations"].as_str().unwrap(),
            "{value}"
        );
    }
}
