//! Region resolution as the SDK does it: short codes and ids (case-insensitive), realms and
//! their second-level domains, extra regions from `~/.oci/regions-config.json` and
//! `OCI_REGION_METADATA`, and the identity, organizations and search endpoint templates.

use serde::Deserialize;

use super::region_table::{REALMS, REGIONS};

/// Base path of the Identity API, appended to the identity endpoint.
pub const IDENTITY_BASE_PATH: &str = "/20160918";
/// Base path of the Organizations (tenant manager control plane) API.
pub const ORGANIZATIONS_BASE_PATH: &str = "/20230401";
/// Base path of the Resource Search API.
pub const SEARCH_BASE_PATH: &str = "/20180409";

/// A region the SDK does not know, declared by the user (`OCI_REGION_METADATA` or an entry
/// of `~/.oci/regions-config.json`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionMetadata {
    pub realm_key: String,
    pub realm_domain_component: String,
    pub region_key: String,
    pub region_identifier: String,
}

/// Where a region lives: its id and the domain its service hosts sit under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedRegion {
    /// The region id (`us-ashburn-1`), or the domain as given for dotted custom regions.
    pub id: String,
    /// `{region}.oci.{secondLevelDomain}`, or the dotted value itself.
    pub domain: String,
}

impl ResolvedRegion {
    /// `https://identity.<domain>`, without the base path.
    pub fn identity_endpoint(&self) -> String {
        format!("https://identity.{}", self.domain)
    }

    /// `https://organizations.<domain>`, without the base path.
    pub fn organizations_endpoint(&self) -> String {
        format!("https://organizations.{}", self.domain)
    }

    /// `https://query.<domain>` (Resource Search), without the base path.
    pub fn search_endpoint(&self) -> String {
        format!("https://query.{}", self.domain)
    }
}

/// Why a region value could not be used; the caller adds the file and profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRegion {
    pub value: String,
    pub suggestion: Option<String>,
}

/// Resolves a region id or short code. `extra` are user-declared regions; `default_realm`
/// is `OCI_DEFAULT_REALM` (a second-level domain) when set.
///
/// Unknown values shaped like a region id (`xx-name-1`) fall back to the default realm as
/// the SDK does; a dotted value is taken as the domain. Anything else is almost certainly a
/// typo (`ashburn`, `us-ashburn`), which the SDK would turn into an unreachable host, so it
/// is an error with a suggestion instead.
pub fn resolve_region(
    value: &str,
    extra: &[RegionMetadata],
    default_realm: Option<&str>,
) -> Result<ResolvedRegion, UnknownRegion> {
    let value = value.trim();
    if value.contains('.') {
        return Ok(ResolvedRegion {
            id: value.to_string(),
            domain: value.to_string(),
        });
    }
    let lower = value.to_ascii_lowercase();
    let in_domain = |id: &str, sld: &str| ResolvedRegion {
        id: id.to_string(),
        domain: format!("{id}.oci.{sld}"),
    };
    if let Some((id, _, realm)) = REGIONS
        .iter()
        .find(|(id, short, _)| *id == lower || *short == lower)
    {
        let sld = realm_domain(realm).unwrap_or("oraclecloud.com");
        return Ok(in_domain(id, sld));
    }
    if let Some(meta) = extra.iter().find(|m| {
        m.region_identifier.eq_ignore_ascii_case(&lower)
            || m.region_key.eq_ignore_ascii_case(&lower)
    }) {
        return Ok(in_domain(
            &meta.region_identifier.to_ascii_lowercase(),
            &meta.realm_domain_component,
        ));
    }
    if looks_like_region_id(&lower) {
        return Ok(in_domain(
            &lower,
            default_realm.unwrap_or("oraclecloud.com"),
        ));
    }
    Err(UnknownRegion {
        value: value.to_string(),
        suggestion: suggest(&lower),
    })
}

/// The second-level domain of a realm key (`oc1` -> `oraclecloud.com`).
pub fn realm_domain(realm: &str) -> Option<&'static str> {
    REALMS
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(realm))
        .map(|(_, sld)| *sld)
}

/// Every region id the SDK knows, for help texts and pickers.
pub fn known_region_ids() -> impl Iterator<Item = &'static str> {
    REGIONS.iter().map(|(id, _, _)| *id)
}

/// `area-name-N` or longer (`us-gov-ashburn-1`): lowercase words, then a number.
fn looks_like_region_id(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    parts.len() >= 3
        && parts
            .last()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The shortest known region id containing the value (`ashburn` -> `us-ashburn-1`).
fn suggest(value: &str) -> Option<String> {
    if value.len() < 3 {
        return None;
    }
    REGIONS
        .iter()
        .map(|(id, _, _)| *id)
        .filter(|id| id.contains(value))
        .min_by_key(|id| id.len())
        .map(str::to_string)
}

/// Parses `OCI_REGION_METADATA` (one object) or `regions-config.json` (an array of them).
/// Unparseable input yields nothing, as the SDK only logs it.
pub fn parse_region_metadata(text: &str) -> Vec<RegionMetadata> {
    if let Ok(list) = serde_json::from_str::<Vec<RegionMetadata>>(text) {
        return list;
    }
    serde_json::from_str::<RegionMetadata>(text)
        .map(|m| vec![m])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(value: &str) -> ResolvedRegion {
        resolve_region(value, &[], None).unwrap()
    }

    #[test]
    fn short_codes_and_ids_resolve_case_insensitively() {
        assert_eq!(ok("IAD").id, "us-ashburn-1");
        assert_eq!(
            ok("us-ashburn-1").identity_endpoint(),
            "https://identity.us-ashburn-1.oci.oraclecloud.com"
        );
        assert_eq!(
            ok("Fra").organizations_endpoint(),
            "https://organizations.eu-frankfurt-1.oci.oraclecloud.com"
        );
        assert_eq!(ok("lfi").domain, "us-langley-1.oci.oraclegovcloud.com");
        assert_eq!(ok("ltn").domain, "uk-gov-london-1.oci.oraclegovcloud.uk");
        assert_eq!(ok("str").domain, "eu-frankfurt-2.oci.oraclecloud.eu");
        assert_eq!(REGIONS.len(), 85);
    }

    #[test]
    fn unknown_regions_follow_the_sdk() {
        assert_eq!(
            ok("foo-bar-1").identity_endpoint(),
            "https://identity.foo-bar-1.oci.oraclecloud.com"
        );
        let custom = resolve_region("foo-bar-1", &[], Some("example.com")).unwrap();
        assert_eq!(custom.domain, "foo-bar-1.oci.example.com");
        assert_eq!(
            ok("my.private.cloud").identity_endpoint(),
            "https://identity.my.private.cloud"
        );
        let typo = resolve_region("ashburn", &[], None).unwrap_err();
        assert_eq!(typo.suggestion.as_deref(), Some("us-ashburn-1"));
    }

    #[test]
    fn metadata_adds_regions() {
        let extra = parse_region_metadata(
            r#"{"realmKey":"oc99","realmDomainComponent":"example.org","regionKey":"ZZZ","regionIdentifier":"xx-test-1"}"#,
        );
        let r = resolve_region("zzz", &extra, None).unwrap();
        assert_eq!(r.domain, "xx-test-1.oci.example.org");
    }
}
