//! The Python SDK under the CLI, driven directly by a small script.

use std::process::Command;

use super::seed::{TEAMS, USERS};
use super::support::{Cli, emulator};

/// The Python SDK the CLI is built on, driven directly: pagination helpers, the automatic
/// retry token on creates, if-match, the `canUseDBCredentials` spelling, organizations lists.
const SDK_SCRIPT: &str = r#"
import sys, oci
cfg = oci.config.from_file(sys.argv[1])
endpoint = sys.argv[2]
identity = oci.identity.IdentityClient(cfg, service_endpoint=endpoint)
tenancy = cfg["tenancy"]
users = oci.pagination.list_call_get_all_results(identity.list_users, tenancy).data
assert len(users) == int(sys.argv[3]), len(users)
tree = oci.pagination.list_call_get_all_results(
    identity.list_compartments, tenancy, compartment_id_in_subtree=True, access_level="ANY").data
assert len(tree) == int(sys.argv[4]), len(tree)
made = identity.create_group(oci.identity.models.CreateGroupDetails(
    compartment_id=tenancy, name="sdk-group", description="d"))
updated = identity.update_group(made.data.id, oci.identity.models.UpdateGroupDetails(
    description="e"), if_match=made.headers["etag"])
assert updated.data.description == "e"
try:
    identity.update_group(made.data.id, oci.identity.models.UpdateGroupDetails(
        description="f"), if_match=made.headers["etag"])
    raise SystemExit("a stale etag was accepted")
except oci.exceptions.ServiceError as e:
    assert (e.status, e.code) == (412, "NoEtagMatch"), (e.status, e.code)
caps = identity.update_user_capabilities(cfg["user"],
    oci.identity.models.UpdateUserCapabilitiesDetails(can_use_db_credentials=False))
assert caps.data.capabilities.can_use_db_credentials is False
orgs = oci.tenant_manager_control_plane.SenderInvitationClient(cfg, service_endpoint=endpoint)
invitations = oci.pagination.list_call_get_all_results(orgs.list_sender_invitations, tenancy).data
assert len(invitations) == 5, len(invitations)
print("ok")
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_sdk_works_unchanged() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    // The CLI's own interpreter, which has the SDK installed alongside it.
    let python = cli.binary.with_file_name("python");
    assert!(
        python.exists(),
        "no python next to {}; run ./scripts/test",
        cli.binary.display()
    );
    let script = cli.home.path().join("sdk_check.py");
    std::fs::write(&script, SDK_SCRIPT).expect("script written");
    let out = Command::new(python)
        .arg(&script)
        .arg(&cli.config)
        .arg(&emu.endpoint)
        .arg((USERS + 1).to_string())
        .arg((5 + TEAMS).to_string())
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
    let count = emu
        .store
        .with(|s| s.groups.iter().filter(|g| g.name == "sdk-group").count());
    assert_eq!(count, 1);
}
