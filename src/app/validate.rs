//! Checks on what users type into forms, with messages that say what to fix.

/// A resource name: not empty, at most `max` characters, no control characters.
pub fn name(value: &str, what: &str, max: usize) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("{what} cannot be empty"));
    }
    if value.chars().count() > max {
        return Err(format!("{what} is longer than {max} characters"));
    }
    if value.chars().any(char::is_control) {
        return Err(format!("{what} cannot contain control characters"));
    }
    Ok(())
}

/// A description: required by the service for compartments and policies, 1 to 400 characters.
pub fn description(value: &str) -> Result<(), String> {
    name(value, "the description", 400)
}

/// The rough shape of an OCID: `ocid1.<type>.<realm>.<region>.<unique>`.
pub fn ocid(value: &str, resource_type: &str) -> Result<(), String> {
    let parts: Vec<&str> = value.split('.').collect();
    let ok = parts.len() >= 5
        && parts[0] == "ocid1"
        && (resource_type.is_empty() || parts[1] == resource_type)
        && !parts[parts.len() - 1].is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_');
    if ok {
        Ok(())
    } else if resource_type.is_empty() {
        Err(format!(
            "'{value}' is not an OCID (ocid1.<type>.<realm>..<id>)"
        ))
    } else {
        Err(format!(
            "'{value}' is not a {resource_type} OCID (ocid1.{resource_type}.oc1..<id>)"
        ))
    }
}
