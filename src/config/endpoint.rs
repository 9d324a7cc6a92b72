//! Checking a `--endpoint` URL the way the SDK's `_validate_endpoint_host_components` does,
//! and reducing it to a service root that serves the identity, organizations and search paths.

use super::config_error::ConfigError;
use super::region::{IDENTITY_BASE_PATH, ORGANIZATIONS_BASE_PATH, SEARCH_BASE_PATH};

/// Validates an endpoint and returns it without a trailing slash or API base path, so
/// `http://127.0.0.1:8080/20160918/` becomes `http://127.0.0.1:8080`.
pub fn parse_endpoint(value: &str) -> Result<String, ConfigError> {
    let bad = |reason: &str| ConfigError::BadEndpoint {
        value: value.to_string(),
        reason: reason.to_string(),
    };
    let url = url::Url::parse(value.trim()).map_err(|e| bad(&format!("not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("the scheme must be http or https"));
    }
    let Some(host) = url.host_str() else {
        return Err(bad("it has no host"));
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("it must not contain a user name or password"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("it must not have a query or fragment"));
    }
    let path = url.path().trim_end_matches('/');
    let known = [
        IDENTITY_BASE_PATH,
        ORGANIZATIONS_BASE_PATH,
        SEARCH_BASE_PATH,
    ];
    if !path.is_empty() && !known.contains(&path) {
        return Err(bad(
            "its path must be empty (canopy adds /20160918 and /20230401 itself)",
        ));
    }
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    Ok(format!("{}://{host}{port}", url.scheme()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_base_path_and_slash() {
        assert_eq!(
            parse_endpoint("http://127.0.0.1:8080/20160918/").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            parse_endpoint("https://identity.x.oci.example.com").unwrap(),
            "https://identity.x.oci.example.com"
        );
        assert!(parse_endpoint("ftp://x").is_err());
        assert!(parse_endpoint("http://h/other").is_err());
        assert!(parse_endpoint("http://u:p@h").is_err());
        assert!(parse_endpoint("127.0.0.1:8080").is_err());
    }
}
