//! Where IAM writes go. OCI takes changes to identity resources only in the tenancy's home
//! region; the Console sends them there whatever region it shows. canopy does the same: once
//! the tenancy (and so its home region key) is read, Identity writes use the home region's
//! endpoint, worked out here from the SDK's region table.

use super::environment::Environment;
use super::profile::{ResolvedProfile, extra_regions};
use super::region::{RegionMetadata, resolve_region};

/// What a connection needs to find another region's Identity endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionRoutes {
    /// The profile's region id, when it has one.
    region: Option<String>,
    /// The Identity service root the profile talks to (without `/20160918`).
    identity_endpoint: String,
    /// The endpoint was given (`--endpoint`) rather than derived from the region.
    explicit: bool,
    extra: Vec<RegionMetadata>,
    default_realm: Option<String>,
}

/// The tenancy's home region, and where Identity writes go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeRegion {
    /// e.g. `us-ashburn-1`.
    pub region: String,
    /// The Identity service root for writes, without `/20160918`.
    pub identity_endpoint: String,
    /// The profile's region is another one: writes go to the home region, reads stay.
    pub redirected: bool,
}

impl RegionRoutes {
    pub fn from_profile(profile: &ResolvedProfile, env: &Environment) -> Self {
        let extra = extra_regions(env);
        let default_realm = env.var("OCI_DEFAULT_REALM").map(str::to_string);
        let derived = profile
            .region
            .as_deref()
            .and_then(|r| resolve_region(r, &extra, default_realm.as_deref()).ok())
            .map(|r| r.identity_endpoint());
        RegionRoutes {
            region: profile.region.clone(),
            explicit: derived.as_deref() != Some(profile.identity_endpoint.as_str()),
            identity_endpoint: profile.identity_endpoint.clone(),
            extra,
            default_realm,
        }
    }

    /// Routes for a profile in `region` talking to `identity_endpoint` (tests, tools).
    pub fn new(region: Option<&str>, identity_endpoint: &str, explicit: bool) -> Self {
        RegionRoutes {
            region: region.map(str::to_string),
            identity_endpoint: identity_endpoint.trim_end_matches('/').to_string(),
            explicit,
            extra: Vec::new(),
            default_realm: None,
        }
    }

    /// The home region of a tenancy whose `homeRegionKey` is `key` (`IAD`, or a region id),
    /// or `None` for a key no region table knows.
    ///
    /// With a derived endpoint, writes go to `https://identity.<home region's domain>`. An
    /// explicit endpoint names one host: if it contains the profile's region id (a private
    /// endpoint per region), the home region's id takes its place; otherwise (an emulator, a
    /// proxy) it stands for every region and writes go there too.
    pub fn home(&self, key: &str) -> Option<HomeRegion> {
        let home = resolve_region(key, &self.extra, self.default_realm.as_deref()).ok()?;
        let redirected = self.region.as_deref().is_some_and(|r| r != home.id);
        let identity_endpoint = match (&self.region, self.explicit) {
            (_, false) => home.identity_endpoint(),
            (Some(region), true) if redirected && self.identity_endpoint.contains(region) => {
                self.identity_endpoint.replace(region, &home.id)
            }
            _ => self.identity_endpoint.clone(),
        };
        Some(HomeRegion {
            region: home.id,
            identity_endpoint,
            redirected,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_in_another_region_writes_to_the_home_region() {
        let routes = RegionRoutes::new(
            Some("us-phoenix-1"),
            "https://identity.us-phoenix-1.oci.oraclecloud.com",
            false,
        );
        let home = routes.home("IAD").unwrap();
        assert_eq!(home.region, "us-ashburn-1");
        assert!(home.redirected);
        assert_eq!(
            home.identity_endpoint,
            "https://identity.us-ashburn-1.oci.oraclecloud.com"
        );
    }

    #[test]
    fn a_profile_in_the_home_region_stays() {
        let routes = RegionRoutes::new(
            Some("us-ashburn-1"),
            "https://identity.us-ashburn-1.oci.oraclecloud.com",
            false,
        );
        let home = routes.home("iad").unwrap();
        assert!(!home.redirected);
        assert_eq!(
            home.identity_endpoint,
            "https://identity.us-ashburn-1.oci.oraclecloud.com"
        );
    }

    #[test]
    fn explicit_endpoints_keep_their_host_unless_it_names_the_region() {
        let emulator = RegionRoutes::new(Some("us-phoenix-1"), "http://127.0.0.1:8080", true);
        let home = emulator.home("IAD").unwrap();
        assert!(home.redirected);
        assert_eq!(home.identity_endpoint, "http://127.0.0.1:8080");
        let private = RegionRoutes::new(
            Some("eu-frankfurt-1"),
            "https://identity.eu-frankfurt-1.private.example.com",
            true,
        );
        assert_eq!(
            private.home("LHR").unwrap().identity_endpoint,
            "https://identity.uk-london-1.private.example.com"
        );
        assert!(emulator.home("nowhere").is_none());
    }
}
