//! The parse tree of one policy statement. Every node keeps the byte span it came from so the
//! editor can underline it; [`Statement::without_spans`] compares trees with spans aside.

use serde::Serialize;

use super::diagnostic::Span;

/// A name or word as written: a group, compartment, tenancy alias, service, verb, type ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Name {
    /// The text without surrounding quotes.
    pub text: String,
    /// Written in single quotes (needed when it holds spaces).
    pub quoted: bool,
    pub span: Span,
}

impl Name {
    /// Case-insensitive comparison, as OCI compares names.
    pub fn is(&self, other: &str) -> bool {
        self.text.eq_ignore_ascii_case(other)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub span: Span,
    pub body: StatementBody,
}

// Statements are few and short-lived; boxing the grant would only complicate matching.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "form", rename_all = "lowercase")]
pub enum StatementBody {
    Grant(Grant),
    Define(Define),
}

/// Which statement keyword starts a grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GrantKind {
    Allow,
    Endorse,
    Admit,
}

/// Allow, Deny, Endorse, Admit (and `deny endorse` / `deny admit`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grant {
    pub kind: GrantKind,
    /// `Deny ...`: takes precedence over allows.
    pub deny: bool,
    pub subject: Subject,
    /// Admit only: `of tenancy X` or `of any-tenancy`.
    pub source_tenancy: Option<TenancyRef>,
    pub action: Action,
    /// Exactly one for Allow and Admit; Endorse may list several scopes.
    pub locations: Vec<Location>,
    pub condition: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Subject {
    AnyUser {
        span: Span,
    },
    AnyGroup {
        span: Span,
    },
    /// One or more groups, dynamic groups or services (one kind per statement in OCI).
    Principals {
        items: Vec<PrincipalItem>,
        span: Span,
    },
}

impl Subject {
    pub fn span(&self) -> Span {
        match self {
            Self::AnyUser { span } | Self::AnyGroup { span } | Self::Principals { span, .. } => {
                *span
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrincipalKind {
    Group,
    DynamicGroup,
    Service,
}

impl PrincipalKind {
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Group => "group",
            Self::DynamicGroup => "dynamic-group",
            Self::Service => "service",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipalItem {
    pub kind: PrincipalKind,
    pub principal: Principal,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "lowercase")]
pub enum Principal {
    /// `Name`, `Domain/Name` or `'Domain'/'Name'`; no domain means the Default domain.
    Name { domain: Option<Name>, name: Name },
    /// `id ocid1....`
    Id { ocid: Name },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum TenancyRef {
    Alias { name: Name },
    AnyTenancy { span: Span },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Action {
    /// `<verb> <resource-type>`.
    Verb { verb: Name, resource: Name },
    /// `{PERM_A, PERM_B}`, written with or without `to`.
    Permissions {
        permissions: Vec<Name>,
        with_to: bool,
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Location {
    /// `in tenancy`: the root compartment (Endorse: `in tenancy Alias`).
    Tenancy { alias: Option<Name>, span: Span },
    /// `in any-tenancy` (Endorse).
    AnyTenancy { span: Span },
    /// `in compartment A` or `in compartment A:B:C` (relative to the policy's compartment);
    /// Endorse may add `of tenancy Alias`.
    Compartment {
        path: Vec<Name>,
        of_tenancy: Option<Name>,
        span: Span,
    },
    /// `in compartment id ocid1.compartment...`
    CompartmentId { ocid: Name, span: Span },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    All,
    Any,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Condition {
    /// `all {..}` / `any {..}`, nesting allowed.
    Group {
        mode: Mode,
        items: Vec<Condition>,
        span: Span,
    },
    /// `variable <op> value(s)`.
    Clause {
        variable: Name,
        op: Operator,
        values: Vec<Value>,
        span: Span,
    },
    /// Bare `variable` (present) or `not variable`.
    Present {
        variable: Name,
        negated: bool,
        span: Span,
    },
    /// `sets-intersect(variable, ('a', 'b'))`.
    SetsIntersect {
        variable: Name,
        values: Vec<Value>,
        span: Span,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Operator {
    Eq,
    NotEq,
    In,
    NotIn,
    Before,
    After,
    Between,
}

impl Operator {
    pub fn text(self) -> &'static str {
        match self {
            Self::Eq => "=",
            Self::NotEq => "!=",
            Self::In => "in",
            Self::NotIn => "not in",
            Self::Before => "before",
            Self::After => "after",
            Self::Between => "between",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    /// `'text'`
    Quoted { text: String, span: Span },
    /// `/pattern/` with `*` wildcards.
    Pattern { text: String, span: Span },
    /// A bare word or OCID.
    Word { text: String, span: Span },
}

impl Value {
    pub fn text(&self) -> &str {
        match self {
            Self::Quoted { text, .. } | Self::Pattern { text, .. } | Self::Word { text, .. } => {
                text
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefineKind {
    Tenancy,
    Group,
    DynamicGroup,
    Compartment,
}

impl DefineKind {
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Tenancy => "tenancy",
            Self::Group => "group",
            Self::DynamicGroup => "dynamic-group",
            Self::Compartment => "compartment",
        }
    }
}

/// `Define tenancy|group|dynamic-group|compartment <alias> as [id] <ocid>`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Define {
    pub kind: DefineKind,
    pub alias: Name,
    pub ocid: Name,
    /// Written with the optional `id` before the OCID.
    pub with_id: bool,
}

impl Statement {
    pub fn grant(&self) -> Option<&Grant> {
        match &self.body {
            StatementBody::Grant(g) => Some(g),
            StatementBody::Define(_) => None,
        }
    }

    /// The tree as JSON with every `span` removed: equal for statements that differ only in
    /// layout. Used by the round-trip tests and handy for tooling.
    pub fn without_spans(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        strip_spans(&mut value);
        value
    }
}

fn strip_spans(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("span");
            map.values_mut().for_each(strip_spans);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}
