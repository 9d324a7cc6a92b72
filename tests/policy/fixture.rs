//! A small tenancy written for these tests (`fixture.json`): a compartment tree three deep,
//! five users in five groups, two dynamic groups and four policies at two levels.

use canopy::model::Snapshot;

pub const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/policy/fixture.json");

pub fn tenancy() -> Snapshot {
    let text = std::fs::read_to_string(PATH).expect("fixture.json is readable");
    serde_json::from_str(&text).expect("fixture.json is a snapshot")
}

pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}
