//! The authentication policy: its rules as lines for the view, and its form (password rules
//! and the network sources console sign-in is limited to).

use crate::model::{
    AuthenticationPolicy, NetworkPolicy, NetworkSource, PasswordPolicy,
    UpdateAuthenticationPolicyDetails,
};

use crate::app::widgets::form::{Field, FormValues};

/// The yes/no rules, in the order the view and the form list them: (field, label).
pub const RULES: [(&str, &str); 5] = [
    ("upper", "Upper-case letter"),
    ("lower", "Lower-case letter"),
    ("digit", "Digit"),
    ("special", "Special character"),
    ("username", "User name inside"),
];

/// The rule `i` of [`RULES`] (`None`: not set).
pub fn rule(p: &PasswordPolicy, i: usize) -> Option<bool> {
    match i {
        0 => p.is_uppercase_characters_required,
        1 => p.is_lowercase_characters_required,
        2 => p.is_numeric_characters_required,
        3 => p.is_special_characters_required,
        _ => p.is_username_containment_allowed,
    }
}

/// `required` / `not required`, or for the user name `allowed` / `not allowed`.
pub fn rule_text(i: usize, value: Option<bool>) -> &'static str {
    match (i, value) {
        (_, None) => "not set",
        (4, Some(true)) => "allowed",
        (4, Some(false)) => "not allowed",
        (_, Some(true)) => "required",
        (_, Some(false)) => "not required",
    }
}

/// A minimum length as OCI takes it: a whole number from 1 to 100.
pub fn minimum_length(text: &str) -> Result<(), String> {
    match text.parse::<i64>() {
        Ok(n) if (1..=100).contains(&n) => Ok(()),
        _ => Err(format!("'{text}' is not a whole number from 1 to 100")),
    }
}

/// The form, filled from `policy`; network sources by name.
pub fn fields(policy: &AuthenticationPolicy, names: &[String]) -> Vec<Field> {
    let p = policy.password_policy.clone().unwrap_or_default();
    let mut fields = vec![
        Field::text("min_length", "Minimum password length")
            .value(
                &p.minimum_password_length
                    .map_or_else(String::new, |n| n.to_string()),
            )
            .required()
            .check(minimum_length)
            .help("1 to 100 characters"),
    ];
    for (i, (name, label)) in RULES.iter().enumerate() {
        let required = if i == 4 { "allowed" } else { "required" };
        fields.push(
            Field::yes_no(name, label, rule(&p, i).unwrap_or(false))
                .help(&format!("yes: {required} (Space toggles)")),
        );
    }
    fields.push(
        Field::text("sources", "Sign-in only from")
            .value(&names.join(", "))
            .help("network source names, separated by commas; empty: from anywhere"),
    );
    fields
}

/// The update a submitted form asks for: every rule, and the network sources resolved by
/// name (an unknown one is refused beside the field).
pub fn details(
    v: &FormValues,
    sources: &[NetworkSource],
) -> Result<UpdateAuthenticationPolicyDetails, (&'static str, String)> {
    let min: i64 = v
        .get("min_length")
        .parse()
        .map_err(|_| ("min_length", "not a number".to_string()))?;
    let mut ids = Vec::new();
    for name in v
        .get("sources")
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let found = sources
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                let known: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
                (
                    "sources",
                    format!("no network source '{name}' (there are: {})", known.join(", ")),
                )
            })?;
        ids.push(found.id.clone());
    }
    Ok(UpdateAuthenticationPolicyDetails {
        password_policy: Some(PasswordPolicy {
            minimum_password_length: Some(min),
            is_uppercase_characters_required: Some(v.yes("upper")),
            is_lowercase_characters_required: Some(v.yes("lower")),
            is_numeric_characters_required: Some(v.yes("digit")),
            is_special_characters_required: Some(v.yes("special")),
            is_username_containment_allowed: Some(v.yes("username")),
        }),
        network_policy: Some(NetworkPolicy {
            network_source_ids: ids,
        }),
    })
}
