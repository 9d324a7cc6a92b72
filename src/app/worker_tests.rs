//! The worker's tenancy load and compartment writes against the emulator over real HTTP on
//! 127.0.0.1, through the same channels the event loop uses.

use std::time::Duration;

use tokio::sync::mpsc::unbounded_channel;

use crate::api::{ClientOptions, connect_with};
use crate::app::event_loop::WorkerEvent;
use crate::app::pane_id::PaneId;
use crate::app::request::{Payload, Request, RequestId, RequestKind, Response};
use crate::config::ConnectionArgs;
use crate::emulator::EmulatorOptions;
use crate::model::UpdateCompartmentDetails;

/// Runs `kinds` one after the other through a real worker; the last response of each.
async fn through_worker(kinds: Vec<RequestKind>) -> Vec<Response> {
    let dir = tempfile::tempdir().expect("temp dir");
    let emulator = crate::emulator::start(EmulatorOptions {
        seed: crate::emulator::seed::demo(),
        config_out: Some(dir.path().join("oci")),
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts");
    let args = ConnectionArgs {
        config_file: Some(
            emulator
                .config
                .as_ref()
                .expect("config")
                .config_path
                .clone(),
        ),
        endpoint: Some(emulator.endpoint.clone()),
        ..ConnectionArgs::default()
    };
    let connection = connect_with(&args, ClientOptions::default())
        .await
        .expect("connects");
    let (requests, rx) = unbounded_channel();
    let (events, mut answers) = unbounded_channel();
    let worker = tokio::spawn(super::run(
        connection.client,
        connection.tenancy_id,
        rx,
        events,
    ));
    let mut out = Vec::new();
    for (i, kind) in kinds.into_iter().enumerate() {
        let id = RequestId(i as u64 + 1);
        requests
            .send(Request {
                id,
                pane: PaneId::Compartments,
                kind,
            })
            .expect("worker runs");
        // Bounded: a request that never finishes fails the test instead of hanging it.
        loop {
            let event = tokio::time::timeout(Duration::from_secs(20), answers.recv())
                .await
                .expect("an answer in time")
                .expect("worker runs");
            if let WorkerEvent::Response(r) = event
                && r.id == id
                && r.done
            {
                out.push(*r);
                break;
            }
        }
    }
    drop(requests);
    let _ = worker.await;
    out
}

fn rename_prod(stale: Option<crate::model::Compartment>) -> (String, RequestKind) {
    let demo = crate::emulator::seed::demo();
    let prod = demo
        .compartments
        .iter()
        .find(|c| c.name == "Prod")
        .expect("demo has Prod");
    let kind = RequestKind::UpdateCompartment {
        id: prod.id.clone(),
        details: UpdateCompartmentDetails {
            name: Some("Production".into()),
            ..UpdateCompartmentDetails::default()
        },
        seen: stale.or_else(|| Some(prod.clone())),
    };
    (prod.id.clone(), kind)
}

fn names(response: &Response) -> Vec<String> {
    let Ok(Payload::Snapshot(linter)) = &response.result else {
        panic!("a snapshot, got {:?}", response.result);
    };
    linter
        .snapshot()
        .compartments
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

#[tokio::test]
async fn load_tenancy_answers_the_indexed_snapshot_and_a_conditional_rename_goes_through() {
    let seed = crate::emulator::seed::demo();
    let (prod, rename) = rename_prod(None);
    let answers = through_worker(vec![RequestKind::LoadTenancy, rename]).await;
    let Ok(Payload::Snapshot(linter)) = &answers[0].result else {
        panic!("a snapshot, got {:?}", answers[0].result);
    };
    assert_eq!(
        linter.snapshot().compartments.len(),
        seed.compartments.len()
    );
    assert_eq!(linter.snapshot().memberships.len(), seed.memberships.len());
    assert!(!linter.index().statements_for(&prod).is_empty());
    // The worker reads the etag first and sends it as if-match; the fresh etag matches.
    let Ok(Payload::Compartment(renamed)) = &answers[1].result else {
        panic!("the renamed compartment, got {:?}", answers[1].result);
    };
    assert_eq!(renamed.name, "Production");
}

#[tokio::test]
async fn a_rename_of_a_compartment_changed_since_it_was_seen_is_a_conflict() {
    let seed = crate::emulator::seed::demo();
    let mut stale = seed
        .compartments
        .iter()
        .find(|c| c.name == "Prod")
        .expect("demo has Prod")
        .clone();
    // What the user saw is older than the service's version.
    stale.description = "the description before someone changed it".into();
    let (_, rename) = rename_prod(Some(stale));
    let answers = through_worker(vec![rename, RequestKind::LoadTenancy]).await;
    let Err(failure) = &answers[0].result else {
        panic!("a conflict, got {:?}", answers[0].result);
    };
    assert!(failure.is_conflict(), "{failure:?}");
    assert_eq!(failure.code, "ChangedSinceRead");
    let after = names(&answers[1]);
    assert!(after.iter().any(|n| n == "Prod") && !after.iter().any(|n| n == "Production"));
}
