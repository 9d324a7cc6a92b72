//! Policy engine tests: the statement corpus, print/parse round trips, lint rules, effective
//! permissions and the `policy check` / `audit` commands.

#[path = "policy/cli.rs"]
mod cli;
#[path = "policy/corpus.rs"]
mod corpus;
#[path = "policy/demo.rs"]
mod demo;
#[path = "policy/effective.rs"]
mod effective;
#[path = "policy/federated.rs"]
mod federated;
#[path = "policy/fixture.rs"]
mod fixture;
#[path = "policy/hostile.rs"]
mod hostile;
#[path = "policy/large.rs"]
mod large;
#[path = "policy/lint.rs"]
mod lint;
#[path = "policy/roundtrip.rs"]
mod roundtrip;
#[path = "policy/scenarios.rs"]
mod scenarios;
#[path = "policy/snapshots.rs"]
mod snapshots;
