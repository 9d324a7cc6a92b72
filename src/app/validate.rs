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

/// A compartment name as OCI takes it: letters, digits, `.`, `_` and `-`.
pub fn compartment_name(value: &str) -> Result<(), String> {
    if value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        Ok(())
    } else {
        Err("use only letters, digits, '.', '_' and '-'".into())
    }
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

/// An e-mail address, optional: empty is fine, otherwise `someone@somewhere` with no spaces.
pub fn email(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    let ok = value.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }) && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && value.matches('@').count() == 1;
    if ok {
        Ok(())
    } else {
        Err(format!(
            "'{value}' is not an e-mail address (name@example.com)"
        ))
    }
}

/// A yes/no form field: `y`, `yes`, `true` or `n`, `no`, `false` (any case); empty is `no`.
pub fn yes_no(value: &str, what: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" => Ok(true),
        "" | "n" | "no" | "false" => Ok(false),
        _ => Err(format!("{what}: answer yes or no")),
    }
}

/// A date as OCI takes it: `YYYY-MM-DD`, a real day.
pub fn date(value: &str) -> Result<(), String> {
    let parts: Vec<&str> = value.split('-').collect();
    let bad = || format!("'{value}' is not a date as YYYY-MM-DD (e.g. 2024-03-31)");
    let [y, m, d] = parts[..] else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(bad());
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(format!("'{value}': there is no month {m}")),
    };
    if d == 0 || d > days {
        return Err(format!("'{value}': month {m} of {y} has {days} days"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{email, name, ocid, yes_no};

    #[test]
    fn names_emails_ocids_and_yes_no() {
        assert!(name("", "the name", 10).unwrap_err().contains("empty"));
        assert!(
            name("a\u{1b}b", "the name", 10)
                .unwrap_err()
                .contains("control")
        );
        assert!(email("").is_ok() && email("ana@example.com").is_ok());
        for bad in [
            "ana",
            "@example.com",
            "ana@example",
            "a na@example.com",
            "a@b@c.d",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
        assert!(ocid("ocid1.tenancy.oc1..aaaa", "tenancy").is_ok());
        assert!(ocid("ocid1.user.oc1..aaaa", "tenancy").is_err());
        assert_eq!(yes_no("Yes", "x"), Ok(true));
        assert_eq!(yes_no("", "x"), Ok(false));
        assert!(yes_no("maybe", "x").is_err());
    }
}
