//! Identity writes go to the tenancy's home region when the profile is in another one, as the
//! Console sends them: two emulators of one tenancy stand for the profile's region and the
//! home region, and each write lands in the second while reads stay with the first.

use std::time::Duration;

use canopy::api::ListFilter;
use canopy::config::HomeRegion;
use canopy::emulator::EmulatorOptions;
use canopy::model::CreateGroupDetails;

use crate::support::{demo, fast_options, start_with};

fn options(region: &str, key: &rsa::RsaPrivateKey) -> EmulatorOptions {
    EmulatorOptions {
        seed: demo(),
        region: Some(region.into()),
        key: Some(key.clone()),
        work_request_duration: Duration::ZERO,
        ..EmulatorOptions::default()
    }
}

#[tokio::test]
async fn identity_writes_go_to_the_home_region_and_reads_stay() {
    let key = canopy::emulator::generate_key().unwrap();
    // The profile says us-phoenix-1; the tenancy's home is us-ashburn-1 (IAD).
    let phoenix = start_with(options("us-phoenix-1", &key), fast_options()).await;
    let ashburn = start_with(options("us-ashburn-1", &key), fast_options()).await;
    let client = phoenix.client();
    let tenancy = phoenix.tenancy().to_string();

    // Connected through a config and --endpoint: the endpoint stands for every region.
    let home = client
        .use_home_region("IAD")
        .expect("IAD is a known region");
    assert_eq!(home.region, "us-ashburn-1");
    assert!(home.redirected, "the profile is in us-phoenix-1");
    assert_eq!(
        format!("{}/20160918", home.identity_endpoint),
        client.endpoints().identity
    );

    // A home region with an endpoint of its own: writes go there.
    client.set_home_region(HomeRegion {
        region: "us-ashburn-1".into(),
        identity_endpoint: ashburn.emulator.endpoint.clone(),
        redirected: true,
    });
    let details = CreateGroupDetails {
        compartment_id: tenancy.clone(),
        name: "Written-At-Home".into(),
        description: "created through the home region".into(),
        freeform_tags: None,
        defined_tags: None,
    };
    let created = client.create_group(&details).await.unwrap().value;
    let named = |env: &crate::support::Env| {
        env.emulator
            .store
            .snapshot()
            .groups
            .iter()
            .any(|g| g.name == "Written-At-Home")
    };
    assert!(named(&ashburn), "the write reached the home region");
    assert!(!named(&phoenix), "and not the profile's region");
    // Reads stay in the profile's region.
    let listed = client
        .list_groups(&tenancy, &ListFilter::default())
        .all()
        .await
        .unwrap();
    assert!(listed.iter().all(|g| g.id != created.id));

    // A profile in the home region sends everything to one place.
    client.set_home_region(HomeRegion {
        region: "us-phoenix-1".into(),
        identity_endpoint: ashburn.emulator.endpoint.clone(),
        redirected: false,
    });
    let details = CreateGroupDetails {
        name: "Written-Here".into(),
        ..details
    };
    client.create_group(&details).await.unwrap();
    assert!(
        phoenix
            .emulator
            .store
            .snapshot()
            .groups
            .iter()
            .any(|g| g.name == "Written-Here")
    );
}
