//! The official Python SDK's `IdentityDomainsClient`, unchanged, against each domain's URL as
//! `list_domains` gives it: users, groups with members and dynamic groups of the demo's
//! Partners domain (SCIM paging as the SDK pages), a group member added with `if-match` on
//! `meta.version`, and the Default domain's directory matching the classic API.

use std::process::Command;
use std::time::Duration;

use canopy::emulator::{EmulatorOptions, start};

use super::support::Cli;

const SCIM_SCRIPT: &str = r#"
import sys, oci
from oci.identity_domains import IdentityDomainsClient
from oci.identity_domains.models import PatchOp, Operations
cfg = oci.config.from_file(sys.argv[1])
identity = oci.identity.IdentityClient(cfg, service_endpoint=sys.argv[2])
tenancy = cfg["tenancy"]
domains = {d.display_name: d for d in identity.list_domains(tenancy).data}
partners = IdentityDomainsClient(cfg, service_endpoint=domains["Partners"].url)
users = partners.list_users(start_index=1, count=2, sort_by="userName").data
assert users.total_results == 5 and len(users.resources) == 2, users
names = sorted(u.user_name for u in partners.list_users(count=1000).data.resources)
assert names[0] == "julia.santos@partner-sys.com", names
groups = partners.list_groups(sort_by="displayName", attributes="displayName,members").data.resources
assert [g.display_name for g in groups] == ["Auditors", "Integrators", "ReadOnly"], groups
liam = partners.list_users(filter='userName eq "liam.boyd@northbridge.io"').data.resources[0]
full = partners.get_user(liam.id, attribute_sets=["all"]).data
assert sorted(g.display for g in full.groups) == ["Auditors", "Integrators"], full.groups
assert all(g.ocid.startswith("ocid1.group.") for g in full.groups)
ro = groups[2]
tom_less = partners.get_group(ro.id).data
patch = PatchOp(schemas=["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                operations=[Operations(op="ADD", path="members", value=[{"value": liam.id, "type": "User"}])])
try:
    partners.patch_group(ro.id, patch_op=patch, if_match="stale")
    raise SystemExit("a stale meta.version was accepted")
except oci.exceptions.ServiceError as e:
    assert e.status == 412, e
done = partners.patch_group(ro.id, patch_op=patch, if_match=tom_less.meta.version).data
assert liam.id in [m.value for m in done.members], done.members
dgs = partners.list_dynamic_resource_groups().data.resources
assert [d.display_name for d in dgs] == ["partner-build-runners"], dgs
default = IdentityDomainsClient(cfg, service_endpoint=domains["Default"].url)
classic = oci.pagination.list_call_get_all_results(identity.list_users, tenancy).data
live = [u for u in classic if u.lifecycle_state != "DELETED"]
assert default.list_users(count=1000).data.total_results == len(live)
print("ok")
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_sdk_identity_domains_client_reads_every_domain() {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let emu = start(EmulatorOptions {
        seed: canopy::emulator::seed::demo(),
        config_out: Some(dir),
        work_request_duration: Duration::from_millis(300),
        ..EmulatorOptions::default()
    })
    .await
    .expect("emulator starts");
    let cli = Cli::new(&emu);
    let python = cli.binary.with_file_name("python");
    assert!(
        python.exists(),
        "no python next to {}; run ./scripts/test",
        cli.binary.display()
    );
    let script = cli.home.path().join("scim_check.py");
    std::fs::write(&script, SCIM_SCRIPT).expect("script written");
    let out = Command::new(python)
        .arg(&script)
        .arg(&cli.config)
        .arg(&emu.endpoint)
        .env("HOME", cli.home.path())
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
