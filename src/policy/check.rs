//! Checks one statement needs no tenancy for: unknown verbs and resource types (with the
//! closest known name), mixed or repeated subjects, OCIDs of the wrong kind, odd variables.

use super::ast::{
    Action, Condition, DefineKind, Grant, GrantKind, Location, Name, Principal, PrincipalKind,
    Statement, StatementBody, Subject, TenancyRef,
};
use super::catalogue;
use super::diagnostic::{Diagnostic, Severity};
use super::highlight::is_ocid;

/// Every statement-local finding for a parsed statement.
pub fn check(source: &str, statement: &Statement) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match &statement.body {
        StatementBody::Define(d) => {
            let kind = match d.kind {
                DefineKind::Tenancy => "tenancy",
                DefineKind::Group => "group",
                DefineKind::DynamicGroup => "dynamicgroup",
                DefineKind::Compartment => "compartment",
            };
            ocid_kind(source, &d.ocid, &[kind], &mut out);
        }
        StatementBody::Grant(g) => grant(source, g, &mut out),
    }
    out
}

fn grant(source: &str, g: &Grant, out: &mut Vec<Diagnostic>) {
    subject(source, g, out);
    if let Action::Verb { verb, resource } = &g.action {
        verb_known(source, g.kind, verb, out);
        if catalogue::resource(&resource.text).is_none() {
            let closest = plural(&resource.text)
                .or_else(|| catalogue::closest_in(&resource.text, catalogue::resource_names()));
            let hint = suggestion(
                closest,
                "check the spelling against the service's policy reference",
            );
            // Next to a known name it is a typo, and OCI refuses it; otherwise it may be a type
            // canopy's catalogue does not list, so only a warning.
            let severity = if closest.is_some() {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(Diagnostic::new(
                source,
                severity,
                "unknown-resource-type",
                resource.span,
                format!("unknown resource type `{}`: {hint}", resource.text),
            ));
        }
    }
    for location in &g.locations {
        if let Location::CompartmentId { ocid, .. } = location {
            ocid_kind(source, ocid, &["compartment", "tenancy"], out);
        }
    }
    if let Some(condition) = &g.condition {
        variables(source, condition, out);
    }
}

fn verb_known(source: &str, kind: GrantKind, verb: &Name, out: &mut Vec<Diagnostic>) {
    if catalogue::verb_rank(&verb.text).is_some() {
        return;
    }
    if verb.is("associate") {
        if kind == GrantKind::Allow {
            out.push(Diagnostic::warning(
                source,
                "associate-outside-cross-tenancy",
                verb.span,
                "`associate` is a cross-tenancy verb: use it in Endorse or Admit statements",
            ));
        }
        return;
    }
    let hint = suggestion(
        catalogue::closest(&verb.text, &catalogue::VERBS),
        "use inspect, read, use or manage, or a `{PERMISSION}` list",
    );
    // OCI has four verbs (and `associate` across tenancies): anything else is refused.
    out.push(Diagnostic::error(
        source,
        "unknown-verb",
        verb.span,
        format!("unknown verb `{}`: {hint}", verb.text),
    ));
}

/// "did you mean `x`?" when there is a close name, else the advice.
fn suggestion(closest: Option<&str>, otherwise: &str) -> String {
    closest.map_or_else(|| otherwise.to_string(), |c| format!("did you mean `{c}`?"))
}

fn subject(source: &str, g: &Grant, out: &mut Vec<Diagnostic>) {
    if let Some(TenancyRef::AnyTenancy { span }) = &g.source_tenancy
        && matches!(g.subject, Subject::Principals { .. })
    {
        out.push(Diagnostic::error(
            source,
            "any-tenancy-named-subject",
            *span,
            "`of any-tenancy` only goes with `any-user` or `any-group`: name the tenancy with `of tenancy <alias>`",
        ));
    }
    let Subject::Principals { items, .. } = &g.subject else {
        return;
    };
    let first = items[0].kind;
    if let Some(other) = items.iter().find(|i| i.kind != first) {
        out.push(Diagnostic::error(
            source,
            "mixed-subjects",
            other.span,
            format!(
                "a statement names one kind of subject: split the `{}` and `{}` subjects into two statements",
                first.keyword(),
                other.kind.keyword()
            ),
        ));
    }
    // A set: a statement may name 150,000 subjects.
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    for item in items {
        let key = format!("{:?}:{}", item.kind, principal_key(&item.principal));
        if !seen.insert(key) {
            out.push(Diagnostic::warning(
                source,
                "duplicate-subject",
                item.span,
                format!(
                    "`{}` is named twice in this subject: remove one",
                    item.principal
                ),
            ));
        }
        if let Principal::Id { ocid } = &item.principal {
            let kinds: &[&str] = match item.kind {
                PrincipalKind::Group => &["group"],
                PrincipalKind::DynamicGroup => &["dynamicgroup"],
                PrincipalKind::Service => &[],
            };
            ocid_kind(source, ocid, kinds, out);
        }
    }
}

/// A principal in lower case with the Default domain made explicit, for comparisons.
pub fn principal_key(p: &Principal) -> String {
    match p {
        Principal::Name { domain, name } => format!(
            "{}/{}",
            domain
                .as_ref()
                .map_or("default".into(), |d| d.text.to_lowercase()),
            name.text.to_lowercase()
        ),
        Principal::Id { ocid } => ocid.text.to_lowercase(),
    }
}

/// The resource type inside an OCID (`ocid1.<type>.<realm>...`).
pub fn ocid_type(ocid: &str) -> Option<&str> {
    let mut parts = ocid.split('.');
    parts.next().filter(|p| p.eq_ignore_ascii_case("ocid1"))?;
    parts.next()
}

fn ocid_kind(source: &str, ocid: &Name, expected: &[&str], out: &mut Vec<Diagnostic>) {
    let wanted = expected.first().copied().unwrap_or("resource");
    if !is_ocid(&ocid.text) || ocid.text.split('.').count() < 4 {
        out.push(Diagnostic::error(
            source,
            "bad-ocid",
            ocid.span,
            format!(
                "`{}` is not an OCID: paste the {wanted}'s OCID (it starts `ocid1.{wanted}.`)",
                ocid.text
            ),
        ));
        return;
    }
    let actual = ocid_type(&ocid.text).unwrap_or_default();
    if !expected.is_empty() && !expected.iter().any(|e| e.eq_ignore_ascii_case(actual)) {
        out.push(Diagnostic::error(
            source,
            "ocid-kind",
            ocid.span,
            format!(
                "this is {} {actual} OCID where {} {wanted} OCID belongs (`ocid1.{wanted}.`)",
                article(actual),
                article(wanted)
            ),
        ));
    }
}

fn value_span(value: &super::ast::Value) -> super::diagnostic::Span {
    match value {
        super::ast::Value::Quoted { span, .. }
        | super::ast::Value::Pattern { span, .. }
        | super::ast::Value::Word { span, .. } => *span,
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn variables(source: &str, condition: &Condition, out: &mut Vec<Diagnostic>) {
    let (variable, values) = match condition {
        Condition::Group { items, .. } => {
            for item in items {
                variables(source, item, out);
            }
            return;
        }
        Condition::Clause {
            variable, values, ..
        }
        | Condition::SetsIntersect {
            variable, values, ..
        } => (variable, values.as_slice()),
        Condition::Present { variable, .. } => (variable, &[][..]),
    };
    for value in values {
        let text = value.text();
        if text.starts_with('<') && text.ends_with('>') {
            out.push(Diagnostic::warning(
                source,
                "placeholder",
                value_span(value),
                format!("`{text}` looks like a placeholder from the documentation: put the real value here"),
            ));
        }
    }
    let root = variable.text.split('.').next().unwrap_or_default();
    if !["request", "target"]
        .iter()
        .any(|r| r.eq_ignore_ascii_case(root))
    {
        out.push(Diagnostic::warning(
            source,
            "unknown-variable",
            variable.span,
            format!(
                "`{}` is not a policy variable: variables start with `request.` or `target.`",
                variable.text
            ),
        ));
    }
}

/// The plural of a singular written where OCI wants the plural (`policy`, `instance`).
fn plural(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    let candidates = [
        format!("{lower}s"),
        format!("{}ies", lower.strip_suffix('y').unwrap_or(&lower)),
        format!("{lower}es"),
    ];
    candidates
        .iter()
        .find_map(|c| catalogue::resource_names().find(|n| n == c))
}
