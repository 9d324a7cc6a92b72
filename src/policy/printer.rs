//! The canonical form of a statement: keywords capitalised at the start and lower case
//! elsewhere, single spaces, `, ` between list items. Parsing the output gives the same tree.

use std::fmt::{self, Display, Formatter, Write};

use super::ast::{
    Action, Condition, Define, Grant, GrantKind, Location, Mode, Name, Operator, Principal,
    Statement, StatementBody, Subject, TenancyRef, Value,
};

impl Display for Statement {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.body {
            StatementBody::Grant(g) => g.fmt(f),
            StatementBody::Define(d) => d.fmt(f),
        }
    }
}

impl Display for Name {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.quoted {
            write!(f, "'{}'", self.text)
        } else {
            f.write_str(&self.text)
        }
    }
}

impl Display for Define {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let id = if self.with_id { "id " } else { "" };
        write!(
            f,
            "Define {} {} as {id}{}",
            self.kind.keyword(),
            self.alias,
            self.ocid
        )
    }
}

impl Display for Grant {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let keyword = match (self.deny, self.kind) {
            (false, GrantKind::Allow) => "Allow",
            (true, GrantKind::Allow) => "Deny",
            (false, GrantKind::Endorse) => "Endorse",
            (true, GrantKind::Endorse) => "Deny endorse",
            (false, GrantKind::Admit) => "Admit",
            (true, GrantKind::Admit) => "Deny admit",
        };
        write!(f, "{keyword} {}", self.subject)?;
        match &self.source_tenancy {
            Some(TenancyRef::Alias { name }) => write!(f, " of tenancy {name}")?,
            Some(TenancyRef::AnyTenancy { .. }) => f.write_str(" of any-tenancy")?,
            None => {}
        }
        write!(f, " {} in ", self.action)?;
        for (i, location) in self.locations.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            location.fmt(f)?;
        }
        if let Some(condition) = &self.condition {
            write!(f, " where {condition}")?;
        }
        Ok(())
    }
}

impl Display for Subject {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::AnyUser { .. } => f.write_str("any-user"),
            Self::AnyGroup { .. } => f.write_str("any-group"),
            Self::Principals { items, .. } => {
                let mut previous = None;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    // The keyword is written once per run of the same kind.
                    if previous != Some(item.kind) {
                        write!(f, "{} ", item.kind.keyword())?;
                        previous = Some(item.kind);
                    }
                    item.principal.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

impl Display for Principal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Name {
                domain: Some(domain),
                name,
            } => write!(f, "{domain}/{name}"),
            Self::Name { domain: None, name } => name.fmt(f),
            Self::Id { ocid } => write!(f, "id {ocid}"),
        }
    }
}

impl Display for Action {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Verb { verb, resource } => write!(f, "to {verb} {resource}"),
            Self::Permissions {
                permissions,
                with_to,
                ..
            } => {
                if *with_to {
                    f.write_str("to ")?;
                }
                f.write_char('{')?;
                join(f, permissions)?;
                f.write_char('}')
            }
        }
    }
}

impl Display for Location {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Tenancy { alias: None, .. } => f.write_str("tenancy"),
            Self::Tenancy {
                alias: Some(alias), ..
            } => write!(f, "tenancy {alias}"),
            Self::AnyTenancy { .. } => f.write_str("any-tenancy"),
            Self::Compartment {
                path, of_tenancy, ..
            } => {
                f.write_str("compartment ")?;
                for (i, part) in path.iter().enumerate() {
                    if i > 0 {
                        f.write_char(':')?;
                    }
                    part.fmt(f)?;
                }
                if let Some(alias) = of_tenancy {
                    write!(f, " of tenancy {alias}")?;
                }
                Ok(())
            }
            Self::CompartmentId { ocid, .. } => write!(f, "compartment id {ocid}"),
        }
    }
}

impl Display for Condition {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Group { mode, items, .. } => {
                f.write_str(match mode {
                    Mode::All => "all {",
                    Mode::Any => "any {",
                })?;
                join(f, items)?;
                f.write_char('}')
            }
            Self::Clause {
                variable,
                op,
                values,
                ..
            } => match op {
                Operator::Eq | Operator::NotEq | Operator::Before | Operator::After => {
                    write!(f, "{variable} {} ", op.text())?;
                    join(f, values)
                }
                Operator::In | Operator::NotIn => {
                    write!(f, "{variable} {} (", op.text())?;
                    join(f, values)?;
                    f.write_char(')')
                }
                Operator::Between => {
                    write!(f, "{variable} between ")?;
                    join_with(f, values, " and ")
                }
            },
            Self::Present {
                variable, negated, ..
            } => {
                if *negated {
                    f.write_str("not ")?;
                }
                variable.fmt(f)
            }
            Self::SetsIntersect {
                variable, values, ..
            } => {
                write!(f, "sets-intersect({variable}, (")?;
                join(f, values)?;
                f.write_str("))")
            }
        }
    }
}

impl Display for Value {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Quoted { text, .. } => write!(f, "'{text}'"),
            Self::Pattern { text, .. } => write!(f, "/{text}/"),
            Self::Word { text, .. } => f.write_str(text),
        }
    }
}

fn join<T: Display>(f: &mut Formatter<'_>, items: &[T]) -> fmt::Result {
    join_with(f, items, ", ")
}

fn join_with<T: Display>(f: &mut Formatter<'_>, items: &[T], separator: &str) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        item.fmt(f)?;
    }
    Ok(())
}
