//! The official CLI and the Python SDK managing users' credentials, MFA devices, network
//! sources and the authentication policy against the emulator.

use std::process::Command;

use super::seed::{ADMIN, TENANCY};
use super::support::{Cli, args, emulator, len, run_all};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oci_cli_manages_credentials() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let made = run_all(
        &cli,
        &[
            args(&format!(
                "iam auth-token create --user-id {ADMIN} --description cli"
            )),
            args(&format!(
                "iam customer-secret-key create --user-id {ADMIN} --display-name cli"
            )),
            args(&format!(
                "iam smtp-credential create --user-id {ADMIN} --description cli"
            )),
            args(&format!(
                "iam network-sources create --compartment-id {TENANCY} --name cli-net --description d --public-source-list [\"203.0.113.0/24\"]"
            )),
            args(&format!(
                "iam user ui-password create-or-reset --user-id {ADMIN}"
            )),
            args(&format!(
                "iam user swift-password create --user-id {ADMIN} --description legacy"
            )),
            args(&format!(
                "iam user create-db-credential --user-id {ADMIN} --password Correct-Horse-9 --description adw"
            )),
            args(&format!(
                "iam user oauth2-credential create --user-id {ADMIN} --name oic --description d --scopes [{{\"audience\":\"https://integration.example.com\",\"scope\":\"all\"}}]"
            )),
            args(&format!("iam mfa-totp-device create --user-id {ADMIN}")),
        ],
    );
    // The CLI prints nothing for an empty list, so every list below has one item.
    let token = made[0]["data"]["token"].as_str().expect("the token, once");
    assert!(made[1]["data"]["key"].is_string());
    assert!(made[2]["data"]["password"].is_string());
    assert!(
        made[8]["data"]["seed"].is_string(),
        "the create shows the seed once"
    );
    assert_eq!(made[3]["data"]["public-source-list"][0], "203.0.113.0/24");
    let listed = run_all(
        &cli,
        &[
            args(&format!("iam auth-token list --user-id {ADMIN}")),
            args(&format!("iam customer-secret-key list --user-id {ADMIN}")),
            args(&format!("iam smtp-credential list --user-id {ADMIN}")),
            args(&format!(
                "iam user list-db-credentials --user-id {ADMIN} --all"
            )),
            args(&format!("iam mfa-totp-device list --user-id {ADMIN} --all")),
            args(&format!(
                "iam network-sources list --compartment-id {TENANCY} --all"
            )),
            args(&format!(
                "iam authentication-policy get --compartment-id {TENANCY}"
            )),
            args(&format!(
                "iam ui-password-information get-user --user-id {ADMIN}"
            )),
            args(&format!(
                "iam user oauth2-credential list --user-id {ADMIN} --all"
            )),
            args(&format!("iam user swift-password list --user-id {ADMIN}")),
        ],
    );
    assert_eq!(len(&listed[0]), 1);
    assert!(
        !listed[0].to_string().contains(token),
        "a listing never shows the token"
    );
    assert!(listed[1]["data"][0].get("key").is_none());
    assert!(listed[2]["data"][0]["username"].is_string());
    assert_eq!(len(&listed[3]), 1);
    assert_eq!(len(&listed[4]), 1);
    assert!(
        listed[4]["data"][0].get("seed").is_none(),
        "a listing never shows the seed"
    );
    assert_eq!(len(&listed[5]), 1);
    assert_eq!(
        listed[6]["data"]["password-policy"]["minimum-password-length"],
        12
    );
    assert_eq!(listed[7]["data"]["user-id"], ADMIN);
    assert_eq!(len(&listed[8]), 1);
    assert!(listed[8]["data"][0].get("password").is_none());
    assert_eq!(len(&listed[9]), 1);

    let bad = cli.run(&args(&format!(
        "iam network-sources create --compartment-id {TENANCY} --name bad --description d --public-source-list [\"10.0.0.0/40\"]"
    )).iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("InvalidParameter") && stderr.contains("10.0.0.0/40"),
        "{stderr}"
    );
}

/// Every credential and sign-in operation through the SDK, MFA activation with a TOTP code
/// computed here as an authenticator app would.
const SDK_SCRIPT: &str = r#"
import sys, base64, hashlib, hmac, struct, time, oci
from oci.identity import models as m
cfg = oci.config.from_file(sys.argv[1])
identity = oci.identity.IdentityClient(cfg, service_endpoint=sys.argv[2])
tenancy = cfg["tenancy"]
def refused(call, status, code):
    try:
        call()
    except oci.exceptions.ServiceError as e:
        assert (e.status, e.code) == (status, code), (e.status, e.code, e.message)
        return
    raise SystemExit("not refused")
def totp(seed, at):
    key = base64.b32decode(seed + "=" * (-len(seed) % 8))
    digest = hmac.new(key, struct.pack(">q", int(at) // 30), hashlib.sha1).digest()
    o = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7fffffff) % 1000000)

user = identity.create_user(m.CreateUserDetails(compartment_id=tenancy, name="sdk-creds", description="d")).data.id

t = identity.create_auth_token(m.CreateAuthTokenDetails(description="a"), user)
assert t.data.token
u = identity.update_auth_token(user, t.data.id, m.UpdateAuthTokenDetails(description="b"), if_match=t.headers["etag"])
assert u.data.description == "b" and u.data.token is None
s = identity.create_swift_password(m.CreateSwiftPasswordDetails(description="swift"), user)
refused(lambda: identity.create_auth_token(m.CreateAuthTokenDetails(description="c"), user), 400, "LimitExceeded")
identity.update_swift_password(user, s.data.id, m.UpdateSwiftPasswordDetails(description="swift 2"))
assert [p.description for p in identity.list_swift_passwords(user).data] == ["swift 2"]
identity.delete_swift_password(user, s.data.id)
assert [x.token for x in identity.list_auth_tokens(user).data] == [None]
identity.delete_auth_token(user, t.data.id)

k = identity.create_customer_secret_key(m.CreateCustomerSecretKeyDetails(display_name="k"), user)
assert k.data.key and len(k.data.id) == 40
identity.update_customer_secret_key(user, k.data.id, m.UpdateCustomerSecretKeyDetails(display_name="k2"), if_match=k.headers["etag"])
assert [x.display_name for x in identity.list_customer_secret_keys(user).data] == ["k2"]
identity.delete_customer_secret_key(user, k.data.id)

c = identity.create_smtp_credential(m.CreateSmtpCredentialDetails(description="mail"), user)
assert c.data.password and c.data.username
identity.update_smtp_credential(user, c.data.id, m.UpdateSmtpCredentialDetails(description="mail 2"))
assert identity.list_smtp_credentials(user).data[0].description == "mail 2"
identity.delete_smtp_credential(user, c.data.id)

for n in ("adw", "atp", "exa"):
    identity.create_db_credential(m.CreateDbCredentialDetails(password="Correct-Horse-9", description=n), user)
dbs = oci.pagination.list_call_get_all_results(identity.list_db_credentials, user, limit=2).data
assert sorted(d.description for d in dbs) == ["adw", "atp", "exa"]
identity.delete_db_credential(user, dbs[0].id)

scope = m.FullyQualifiedScope(audience="https://integration.example.com", scope="urn:opc:resource:consumer::all")
o = identity.create_o_auth_client_credential(user, m.CreateOAuth2ClientCredentialDetails(name="oic", description="d", scopes=[scope]))
assert o.data.password
r = identity.update_o_auth_client_credential(user, o.data.id, m.UpdateOAuth2ClientCredentialDetails(description="e", scopes=[scope], is_reset_password=True), if_match=o.headers["etag"])
assert r.data.password and r.data.password != o.data.password
assert identity.list_o_auth_client_credentials(user, lifecycle_state="ACTIVE").data[0].password is None if hasattr(m.OAuth2ClientCredentialSummary, "password") else True
identity.delete_o_auth_client_credential(user, o.data.id)

d = identity.create_mfa_totp_device(user)
g = identity.generate_totp_seed(user, d.data.id, if_match=d.headers["etag"])
refused(lambda: identity.activate_mfa_totp_device(user, d.data.id, m.MfaTotpToken(totp_token="abcdef")), 400, "InvalidParameter")
a = identity.activate_mfa_totp_device(user, d.data.id, m.MfaTotpToken(totp_token=totp(g.data.seed, time.time())))
assert a.data.is_activated
assert identity.get_user(user).data.is_mfa_activated
assert identity.get_mfa_totp_device(user, d.data.id).data.is_activated
assert len(oci.pagination.list_call_get_all_results(identity.list_mfa_totp_devices, user).data) == 1
identity.delete_mfa_totp_device(user, d.data.id)
assert not identity.get_user(user).data.is_mfa_activated

p = identity.create_or_reset_ui_password(user)
assert identity.get_user_ui_password_information(user).data.time_created == p.data.time_created

ns = identity.create_network_source(m.CreateNetworkSourceDetails(compartment_id=tenancy, name="sdk-net", description="d",
    public_source_list=["198.51.100.0/24"],
    virtual_source_list=[m.NetworkSourcesVirtualSourceList(vcn_id="ocid1.vcn.oc1.iad.aaaaaaaasdk", ip_ranges=["10.0.0.0/16"])]))
got = identity.get_network_source(ns.data.id)
identity.update_network_source(ns.data.id, m.UpdateNetworkSourceDetails(description="e"), if_match=got.headers["etag"])
refused(lambda: identity.update_network_source(ns.data.id, m.UpdateNetworkSourceDetails(public_source_list=["x/1"])), 400, "InvalidParameter")
assert any(x.id == ns.data.id for x in oci.pagination.list_call_get_all_results(identity.list_network_sources, tenancy).data)
policy = identity.get_authentication_policy(tenancy)
assert policy.data.password_policy.minimum_password_length == 12
up = identity.update_authentication_policy(tenancy, m.UpdateAuthenticationPolicyDetails(
    password_policy=m.PasswordPolicy(minimum_password_length=14),
    network_policy=m.NetworkPolicy(network_source_ids=[ns.data.id])), if_match=policy.headers["etag"])
assert up.data.password_policy.minimum_password_length == 14 and up.data.password_policy.is_uppercase_characters_required
refused(lambda: identity.update_authentication_policy(tenancy, m.UpdateAuthenticationPolicyDetails(), if_match=policy.headers["etag"]), 412, "NoEtagMatch")
refused(lambda: identity.delete_network_source(ns.data.id), 409, "Conflict")
identity.update_authentication_policy(tenancy, m.UpdateAuthenticationPolicyDetails(network_policy=m.NetworkPolicy(network_source_ids=[])))
identity.delete_network_source(ns.data.id)
print("ok")
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_sdk_manages_credentials() {
    let emu = emulator().await;
    let cli = Cli::new(&emu);
    let python = cli.binary.with_file_name("python");
    let script = cli.home.path().join("credentials_check.py");
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
}
