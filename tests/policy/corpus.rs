//! The statement corpus in `tests/policy/corpus/*.txt`. Each entry is a statement on one
//! line followed by indented expectation lines: `shape: ...` (the parse, summarised) and one
//! `L:C severity code: message` line per diagnostic. A statement with no diagnostic lines must
//! produce none. `CANOPY_BLESS=1` rewrites the expectations from the current output (review
//! the diff before committing).

use std::fmt::Write;
use std::path::Path;

use canopy::policy::ast::{
    Action, Condition, Grant, Location, Principal, Statement, StatementBody, Subject, TenancyRef,
};
use canopy::policy::parse_statement;

/// One line per node kind, compact enough to read in the corpus.
pub fn shape(statement: &Statement) -> String {
    match &statement.body {
        StatementBody::Define(d) => format!(
            "define {} {} = {}{}",
            d.kind.keyword(),
            d.alias.text,
            if d.with_id { "id " } else { "" },
            d.ocid.text
        ),
        StatementBody::Grant(g) => grant_shape(g),
    }
}

fn grant_shape(g: &Grant) -> String {
    let kind = format!("{:?}", g.kind).to_lowercase();
    let mut out = match (g.deny, kind.as_str()) {
        (true, "allow") => "deny".to_string(),
        (true, _) => format!("deny {kind}"),
        (false, _) => kind,
    };
    out.push_str(" | ");
    match &g.subject {
        Subject::AnyUser { .. } => out.push_str("any-user"),
        Subject::AnyGroup { .. } => out.push_str("any-group"),
        Subject::Principals { items, .. } => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| {
                    let p = match &i.principal {
                        Principal::Name { domain, name } => format!(
                            "{}{}",
                            domain
                                .as_ref()
                                .map(|d| format!("{}/", d.text))
                                .unwrap_or_default(),
                            name.text
                        ),
                        Principal::Id { ocid } => format!("id {}", ocid.text),
                    };
                    format!("{}({p})", i.kind.keyword())
                })
                .collect();
            out.push_str(&parts.join(" "));
        }
    }
    match &g.source_tenancy {
        Some(TenancyRef::Alias { name }) => {
            let _ = write!(out, " of {}", name.text);
        }
        Some(TenancyRef::AnyTenancy { .. }) => out.push_str(" of any-tenancy"),
        None => {}
    }
    out.push_str(" | ");
    match &g.action {
        Action::Verb { verb, resource } => {
            let _ = write!(out, "{} {}", verb.text, resource.text);
        }
        Action::Permissions {
            permissions,
            with_to,
            ..
        } => {
            let names: Vec<&str> = permissions.iter().map(|p| p.text.as_str()).collect();
            let _ = write!(
                out,
                "perms{}[{}]",
                if *with_to { "" } else { "(no to)" },
                names.join(" ")
            );
        }
    }
    out.push_str(" | ");
    let locations: Vec<String> = g.locations.iter().map(location_shape).collect();
    out.push_str(&locations.join(" + "));
    if let Some(c) = &g.condition {
        out.push_str(" | ");
        out.push_str(&condition_shape(c));
    }
    out
}

fn location_shape(l: &Location) -> String {
    match l {
        Location::Tenancy { alias: None, .. } => "tenancy".into(),
        Location::Tenancy { alias: Some(a), .. } => format!("tenancy({})", a.text),
        Location::AnyTenancy { .. } => "any-tenancy".into(),
        Location::Compartment {
            path, of_tenancy, ..
        } => {
            let names: Vec<&str> = path.iter().map(|p| p.text.as_str()).collect();
            let of = of_tenancy
                .as_ref()
                .map(|t| format!(" of {}", t.text))
                .unwrap_or_default();
            format!("path[{}]{of}", names.join("/"))
        }
        Location::CompartmentId { ocid, .. } => format!("id({})", ocid.text),
    }
}

fn condition_shape(c: &Condition) -> String {
    match c {
        Condition::Group { mode, items, .. } => {
            let inner: Vec<String> = items.iter().map(condition_shape).collect();
            format!(
                "{}{{{}}}",
                format!("{mode:?}").to_lowercase(),
                inner.join(", ")
            )
        }
        Condition::Clause {
            variable,
            op,
            values,
            ..
        } => {
            let vals: Vec<String> = values
                .iter()
                .map(|v| match v {
                    canopy::policy::ast::Value::Quoted { text, .. } => format!("'{text}'"),
                    canopy::policy::ast::Value::Pattern { text, .. } => format!("/{text}/"),
                    canopy::policy::ast::Value::Word { text, .. } => format!("word:{text}"),
                })
                .collect();
            format!("{op:?}({}; {})", variable.text, vals.join(", "))
        }
        Condition::Present {
            variable, negated, ..
        } => format!(
            "{}present({})",
            if *negated { "not-" } else { "" },
            variable.text
        ),
        Condition::SetsIntersect {
            variable, values, ..
        } => {
            let vals: Vec<&str> = values
                .iter()
                .map(canopy::policy::ast::Value::text)
                .collect();
            format!("sets-intersect({}; {})", variable.text, vals.join(", "))
        }
    }
}

/// The expectation lines for one statement, as the engine produces them now.
fn actual(statement: &str) -> Vec<String> {
    let (tree, diagnostics) = parse_statement(statement);
    let mut out = Vec::new();
    if let Some(tree) = &tree {
        out.push(format!("shape: {}", shape(tree)));
    }
    for d in diagnostics {
        out.push(format!(
            "{}:{} {} {}: {}",
            d.line, d.column, d.severity, d.code, d.message
        ));
    }
    out
}

struct Entry {
    statement: String,
    expected: Vec<String>,
}

fn read(path: &Path) -> (Vec<String>, Vec<Entry>) {
    let text = std::fs::read_to_string(path).expect("corpus file is readable");
    let mut header = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for line in text.lines() {
        if let Some(expect) = line.strip_prefix("    ") {
            entries
                .last_mut()
                .expect("expectation follows a statement")
                .expected
                .push(expect.to_string());
        } else if line.starts_with('#') && entries.is_empty() {
            header.push(line.to_string());
        } else if !line.trim().is_empty() && !line.starts_with('#') {
            entries.push(Entry {
                statement: line.to_string(),
                expected: Vec::new(),
            });
        }
    }
    (header, entries)
}

fn corpus_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/policy/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus directory exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_statement_parses_and_diagnoses_as_expected() {
    let bless = std::env::var_os("CANOPY_BLESS").is_some();
    let mut total = 0;
    let mut failures = Vec::new();
    for path in corpus_files() {
        let (header, entries) = read(&path);
        let mut blessed = header.join("\n");
        if !blessed.is_empty() {
            blessed.push_str("\n\n");
        }
        for entry in &entries {
            total += 1;
            let got = actual(&entry.statement);
            if got != entry.expected {
                failures.push(format!(
                    "{}: {}\n  expected: {:#?}\n  got: {:#?}",
                    path.display(),
                    entry.statement,
                    entry.expected,
                    got
                ));
            }
            blessed.push_str(&entry.statement);
            blessed.push('\n');
            for line in &got {
                blessed.push_str("    ");
                blessed.push_str(line);
                blessed.push('\n');
            }
        }
        if bless {
            std::fs::write(&path, blessed).expect("corpus file is writable");
        }
    }
    assert!(
        total >= 300,
        "the corpus should hold at least 300 statements, has {total}"
    );
    assert!(
        bless || failures.is_empty(),
        "{} of {total} corpus statements differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_valid_corpus_statement_survives_print_and_parse() {
    for path in corpus_files() {
        for entry in read(&path).1 {
            let (Some(tree), _) = parse_statement(&entry.statement) else {
                continue;
            };
            let printed = tree.to_string();
            let (again, _) = parse_statement(&printed);
            let again = again.unwrap_or_else(|| panic!("canonical form does not parse: {printed}"));
            assert_eq!(tree.without_spans(), again.without_spans(), "{printed}");
            assert_eq!(again.to_string(), printed);
        }
    }
}
