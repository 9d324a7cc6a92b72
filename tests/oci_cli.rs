//! Compatibility: the official OCI CLI (Python `oci-cli`) and the Python SDK under it,
//! unchanged, against the emulator. They list, get, create and update with `--if-match` through
//! the generated config. When the CLI is missing the tests fail (run ./scripts/test, which
//! installs it), they never skip.

#[path = "common/seed.rs"]
mod seed;
#[path = "oci_cli/support.rs"]
mod support;

#[path = "oci_cli/cli.rs"]
mod cli;
#[path = "oci_cli/command.rs"]
mod command;
#[path = "oci_cli/credentials.rs"]
mod credentials;
#[path = "oci_cli/domains.rs"]
mod domains;
#[path = "oci_cli/enforce.rs"]
mod enforce;
#[path = "oci_cli/sdk.rs"]
mod sdk;
// Every domain's directory (Identity Domains, SCIM).
#[path = "oci_cli/policy_analysis.rs"]
mod policy_analysis;
#[path = "oci_cli/scim.rs"]
mod scim;
// Tag tools, bulk operations and locks.
#[path = "oci_cli/tag_tools.rs"]
mod tag_tools;
