//! Network sources: sets of public CIDRs and VCN address ranges that policies (`where
//! request.networkSource.name = '...'`) and the authentication policy can require.

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::tags::{DefinedTags, FreeformTags};

/// SDK `NetworkSources` (get, create, update) and `NetworkSourcesSummary` (list): the same
/// fields, except that listings leave out `inactiveStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkSource {
    pub id: String,
    pub compartment_id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Public IP addresses and CIDR blocks.
    #[serde(default)]
    pub public_source_list: Vec<String>,
    #[serde(default)]
    pub virtual_source_list: Vec<VirtualSource>,
    /// Reserved by Oracle; it has no effect.
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_status: Option<i64>,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
}

/// SDK `NetworkSourcesVirtualSourceList`: address ranges inside one VCN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VirtualSource {
    pub vcn_id: String,
    #[serde(default)]
    pub ip_ranges: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateNetworkSourceDetails {
    pub compartment_id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_source_list: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub virtual_source_list: Option<Vec<VirtualSource>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

/// The name cannot change; every other field is replaced when given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateNetworkSourceDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_source_list: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub virtual_source_list: Option<Vec<VirtualSource>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeform_tags: Option<FreeformTags>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_tags: Option<DefinedTags>,
}

/// Checks one entry of a source list: an IPv4 or IPv6 address, optionally with a `/prefix`
/// that fits the address family. The error says what is wrong with it.
pub fn check_cidr(entry: &str) -> Result<(), String> {
    let (address, prefix) = match entry.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (entry, None),
    };
    let ip: std::net::IpAddr = address.parse().map_err(|_| {
        format!("'{entry}' is not an IP address or CIDR block (e.g. 192.0.2.0/24 or 2001:db8::/32)")
    })?;
    let Some(prefix) = prefix else {
        return Ok(());
    };
    let max = if ip.is_ipv4() { 32 } else { 128 };
    match prefix.parse::<u8>() {
        Ok(bits) if bits <= max => Ok(()),
        _ => Err(format!(
            "'{entry}' has prefix length '{prefix}'; it must be a whole number from 0 to {max}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::check_cidr;

    #[test]
    fn cidrs_and_addresses() {
        for ok in [
            "192.0.2.143",
            "10.0.0.0/16",
            "0.0.0.0/0",
            "2001:db8::/32",
            "::1",
        ] {
            assert!(check_cidr(ok).is_ok(), "{ok}");
        }
        for bad in [
            "10.0.0.0/33",
            "10.0.0/8",
            "nope",
            "10.0.0.0/",
            "2001:db8::/129",
            "1.2.3.4/x",
        ] {
            let why = check_cidr(bad).unwrap_err();
            assert!(why.contains(bad), "{why}");
        }
    }
}
