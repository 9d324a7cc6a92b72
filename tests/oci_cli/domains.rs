//! The official CLI and Python SDK on identity domains, IAM work requests, federation, region
//! subscriptions, fault domains, the root compartment and every work-request API, against
//! the demo tenancy.

use std::process::Command;
use std::time::Duration;

use canopy::emulator::{EmulatorOptions, RunningEmulator, start};
use serde_json::Value;

use super::support::{Cli, args, len, run_all};

/// The demo tenancy with a generated config; work requests take 300 ms.
async fn demo_emulator() -> RunningEmulator {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    start(EmulatorOptions {
        seed: canopy::emulator::seed::demo(),
        config_out: Some(dir),
        default_page_size: 2,
        work_request_duration: Duration::from_millis(300),
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts")
}

fn tenancy(emu: &RunningEmulator) -> String {
    emu.store.with(|s| s.tenancy_id().to_string())
}

fn domain(emu: &RunningEmulator, name: &str) -> String {
    emu.store.with(|s| {
        s.domains
            .iter()
            .find(|d| d.display_name == name)
            .map(|d| d.id.clone())
            .expect("domain in the demo")
    })
}

/// The id of the FAILED work request in a listing.
fn failed(listing: &Value) -> String {
    listing["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["status"] == "FAILED")
        .and_then(|w| w["id"].as_str())
        .expect("a FAILED work request")
        .to_string()
}

fn data_names(v: &Value, key: &str) -> Vec<String> {
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_reads_domains_federation_regions_and_work_requests() {
    let emu = demo_emulator().await;
    let cli = Cli::new(&emu);
    let t = tenancy(&emu);
    let adfs = emu.store.with(|s| {
        s.identity_providers
            .iter()
            .find(|p| p.name == "acme-adfs")
            .map(|p| p.id.clone())
            .unwrap()
    });
    let ad = emu
        .store
        .with(|s| format!("{}:US-ASHBURN-AD-1", &s.tenancy.name[..4]));
    let calls = [
        args(&format!("iam domain list --compartment-id {t} --all")),
        args(&format!(
            "iam domain list --compartment-id {t} --type DEFAULT"
        )),
        args(&format!(
            "iam domain get --domain-id {}",
            domain(&emu, "Partners")
        )),
        args("iam domain list-license-types --current-license-type-name external-user"),
        args(&format!(
            "iam iam-work-request list --compartment-id {t} --all"
        )),
        args(&format!(
            "iam identity-provider list --protocol SAML2 --compartment-id {t} --all"
        )),
        args(&format!(
            "iam identity-provider-group list --identity-provider-id {adfs} --all"
        )),
        args(&format!("iam region-subscription list --tenancy-id {t}")),
        args(&format!(
            "iam fault-domain list --compartment-id {t} --availability-domain {ad}"
        )),
        args(&format!("iam compartment get --compartment-id {t}")),
        args(&format!("iam work-request list --compartment-id {t} --all")),
        args(&format!(
            "iam tagging-work-request list --compartment-id {t} --all"
        )),
    ];
    let out = run_all(&cli, &calls);
    assert_eq!(data_names(&out[0], "display-name"), ["Default", "Partners"]);
    assert_eq!(len(&out[1]), 1);
    assert_eq!(out[2]["data"]["license-type"], "external-user");
    assert!(out[2]["etag"].is_string(), "{}", out[2]);
    assert_eq!(data_names(&out[3], "license-type"), ["premium"]);
    assert_eq!(len(&out[4]), 2);
    assert_eq!(len(&out[5]), 3);
    assert_eq!(out[5]["data"][0]["protocol"], "SAML2");
    assert_eq!(len(&out[6]), 8);
    assert_eq!(
        data_names(&out[7], "region-name"),
        ["us-ashburn-1", "us-phoenix-1"]
    );
    assert_eq!(len(&out[8]), 3);
    assert_eq!(out[9]["data"]["id"], t.as_str());
    assert_eq!(out[9]["data"]["name"], "acme-corp");
    assert_eq!(len(&out[10]), 1);
    assert_eq!(len(&out[11]), 2);

    let failed_iam = failed(&out[4]);
    let failed_tagging = failed(&out[11]);
    let classic = out[10]["data"][0]["id"].as_str().unwrap().to_string();
    let details = [
        args(&format!(
            "iam iam-work-request get --iam-work-request-id {failed_iam}"
        )),
        args(&format!(
            "iam iam-work-request list-iam-work-request-errors --iam-work-request-id {failed_iam} --all"
        )),
        args(&format!(
            "iam iam-work-request-log list --iam-work-request-id {failed_iam} --sort-order DESC --all"
        )),
        args(&format!(
            "iam tagging-work-request get --work-request-id {failed_tagging}"
        )),
        args(&format!(
            "iam tagging-work-request-error list --work-request-id {failed_tagging} --all"
        )),
        args(&format!(
            "iam tagging-work-request-log list --work-request-id {failed_tagging} --all"
        )),
        args(&format!("iam work-request get --work-request-id {classic}")),
    ];
    let out = run_all(&cli, &details);
    assert_eq!(
        out[0]["data"]["operation-type"],
        "REPLICATE_DOMAIN_TO_REGION"
    );
    assert_eq!(out[1]["data"][0]["code"], "InternalServerError");
    assert!(
        out[2]["data"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("failed")
    );
    assert_eq!(out[3]["data"]["status"], "FAILED");
    assert_eq!(len(&out[4]), 1);
    assert!(len(&out[5]) >= 3);
    assert_eq!(out[6]["data"]["status"], "SUCCEEDED");
    assert!(!out[6]["data"]["logs"].as_array().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_runs_a_domain_through_its_lifecycle() {
    let emu = demo_emulator().await;
    let cli = Cli::new(&emu);
    let t = tenancy(&emu);
    let wait = "--wait-for-state SUCCEEDED --wait-interval-seconds 1 --max-wait-seconds 60";
    let created = cli.json(
        &args(&format!(
            "iam domain create --compartment-id {t} --display-name CliDomain --description cli \
         --home-region us-ashburn-1 --license-type free {wait}"
        ))
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>(),
    );
    assert_eq!(created["data"]["operation-type"], "CREATE_DOMAIN");
    assert_eq!(created["data"]["status"], "SUCCEEDED");
    let id = created["data"]["resources"][0]["identifier"]
        .as_str()
        .unwrap()
        .to_string();
    let run = |line: String| {
        let a = args(&line);
        cli.json(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let got = run(format!("iam domain get --domain-id {id}"));
    assert_eq!(got["data"]["lifecycle-state"], "ACTIVE");
    let etag = got["etag"].as_str().unwrap().to_string();
    let stale = cli.run(&[
        "iam",
        "domain",
        "update",
        "--domain-id",
        &id,
        "--description",
        "x",
        "--if-match",
        "\"stale\"",
        "--force",
    ]);
    assert!(!stale.status.success());
    assert!(String::from_utf8_lossy(&stale.stderr).contains("NoEtagMatch"));
    run(format!(
        "iam domain update --domain-id {id} --description updated --if-match {etag} --force {wait}"
    ));
    run(format!(
        "iam domain change-domain-license-type --domain-id {id} --license-type premium {wait}"
    ));
    run(format!(
        "iam domain enable-replication-to-region --domain-id {id} --replica-region us-phoenix-1 {wait}"
    ));
    let now = run(format!("iam domain get --domain-id {id}"));
    assert_eq!(now["data"]["description"], "updated");
    assert_eq!(now["data"]["license-type"], "premium");
    assert_eq!(
        now["data"]["replica-regions"][0]["state"],
        "REPLICATION_ENABLED"
    );
    run(format!("iam domain deactivate --domain-id {id} {wait}"));
    let deleted = run(format!("iam domain delete --domain-id {id} --force {wait}"));
    assert_eq!(deleted["data"]["operation-type"], "DELETE_DOMAIN");
    let gone = cli.run(&["iam", "domain", "get", "--domain-id", &id]);
    assert!(!gone.status.success());

    let default = domain(&emu, "Default");
    let refused = cli.run(&["iam", "domain", "deactivate", "--domain-id", &default]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Default identity domain"));

    let subscribed = run(format!(
        "iam region-subscription create --tenancy-id {t} --region-key FRA"
    ));
    assert_eq!(subscribed["data"]["status"], "IN_PROGRESS");
    let idcs = emu.store.with(|s| {
        s.identity_providers
            .iter()
            .find(|p| p.product_type == "IDCS")
            .map(|p| p.id.clone())
            .unwrap()
    });
    let updated = run(format!(
        "iam identity-provider update --identity-provider-id {idcs} --protocol SAML2 \
         --description renamed --force"
    ));
    assert_eq!(updated["data"]["description"], "renamed");
    let creds = run(format!(
        "iam scim-client-credentials reset-idp-scim-client --identity-provider-id {idcs}"
    ));
    assert!(!creds["data"]["client-secret"].as_str().unwrap().is_empty());
}

/// The SDK directly: group mappings (the CLI hides them), a SAML2 provider created with its
/// metadata, paging helpers, automatic retry tokens, waiting on IAM work requests.
const SDK_SCRIPT: &str = r#"
import sys, oci
cfg = oci.config.from_file(sys.argv[1])
identity = oci.identity.IdentityClient(cfg, service_endpoint=sys.argv[2])
tenancy = cfg["tenancy"]
m = oci.identity.models
domains = oci.pagination.list_call_get_all_results(identity.list_domains, tenancy).data
assert [d.display_name for d in domains] == ["Default", "Partners"], domains
assert domains[0].type == "DEFAULT" and domains[0].replica_regions[0].region == "us-phoenix-1"
made = identity.create_domain(m.CreateDomainDetails(compartment_id=tenancy, display_name="SdkDomain",
    description="", home_region="us-ashburn-1", license_type="external-user"))
work = made.headers["opc-work-request-id"]
done = oci.wait_until(identity, identity.get_iam_work_request(work), "status", "SUCCEEDED",
    max_interval_seconds=1, max_wait_seconds=60).data
domain_id = done.resources[0].identifier
assert identity.get_domain(domain_id).data.lifecycle_state == "ACTIVE"
logs = oci.pagination.list_call_get_all_results(identity.list_iam_work_request_logs, work).data
assert logs[-1].message == "finished", logs
allowed = identity.list_allowed_domain_license_types(current_license_type_name="free").data
assert [a.license_type for a in allowed] == ["oracle-apps-premium", "premium"]

xml = ('<EntityDescriptor><IDPSSODescriptor><KeyDescriptor use="signing"><X509Certificate>'
       'MIIBszCCAV2gAwIBAgIU</X509Certificate></KeyDescriptor><SingleSignOnService '
       'Location="https://sso.sdk.example/saml"/></IDPSSODescriptor></EntityDescriptor>')
idp = identity.create_identity_provider(m.CreateSaml2IdentityProviderDetails(
    compartment_id=tenancy, name="sdk-idp", description="d", product_type="IDCS",
    metadata_url="https://sso.sdk.example/metadata", metadata=xml)).data
assert isinstance(idp, m.Saml2IdentityProvider), type(idp)
assert idp.redirect_url == "https://sso.sdk.example/saml"
groups = oci.pagination.list_call_get_all_results(identity.list_groups, tenancy).data
developers = [g for g in groups if g.name == "Developers"][0]
mapping = identity.create_idp_group_mapping(m.CreateIdpGroupMappingDetails(
    idp_group_name="sdk-devs", group_id=developers.id), idp.id)
got = identity.get_idp_group_mapping(idp.id, mapping.data.id)
readonly = [g for g in groups if g.name == "ReadOnly"][0]
changed = identity.update_idp_group_mapping(idp.id, mapping.data.id,
    m.UpdateIdpGroupMappingDetails(group_id=readonly.id), if_match=got.headers["etag"]).data
assert changed.group_id == readonly.id
listed = oci.pagination.list_call_get_all_results(identity.list_idp_group_mappings, idp.id).data
assert len(listed) == 1
try:
    identity.delete_identity_provider(idp.id)
    raise SystemExit("a provider with mappings was deleted")
except oci.exceptions.ServiceError as e:
    assert e.status == 409, e
identity.delete_idp_group_mapping(idp.id, mapping.data.id)
identity.delete_identity_provider(idp.id)
providers = oci.pagination.list_call_get_all_results(identity.list_identity_providers, "SAML2",
    tenancy, lifecycle_state="ACTIVE").data
assert len(providers) == 2, providers
creds = identity.reset_idp_scim_client(providers[0].id).data
assert creds.client_id and creds.client_secret
faults = identity.list_fault_domains(tenancy,
    identity.list_availability_domains(tenancy).data[0].name).data
assert len(faults) == 3
sub = identity.create_region_subscription(m.CreateRegionSubscriptionDetails(region_key="LHR"),
    tenancy).data
assert sub.status == "IN_PROGRESS" and sub.region_name == "uk-london-1"
root = identity.get_compartment(tenancy).data
assert root.id == tenancy and root.name == "acme-corp"
print("ok")
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_sdk_manages_domains_and_federation() {
    let emu = demo_emulator().await;
    let cli = Cli::new(&emu);
    let python = cli.binary.with_file_name("python");
    let script = cli.home.path().join("sdk_domains.py");
    std::fs::write(&script, SDK_SCRIPT).expect("script written");
    let out = Command::new(python)
        .arg(&script)
        .arg(&cli.config)
        .arg(&emu.endpoint)
        .env("HOME", cli.home.path())
        .env("OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING", "True")
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let domains = emu.store.with(|s| {
        s.domains
            .iter()
            .filter(|d| d.display_name == "SdkDomain")
            .count()
    });
    assert_eq!(domains, 1, "the automatic retry token made one domain");
}
