//! Recursive-descent parser for one policy statement. Stops at the first syntax error (a
//! statement is short; one precise message beats a cascade) and says what it expected.

mod condition;
mod cursor;
mod subject;

use super::ast::{
    Action, Define, DefineKind, Grant, GrantKind, Location, Statement, StatementBody, TenancyRef,
};
use super::diagnostic::{Diagnostic, Span};
use super::highlight::TokenKind;
use super::lexer::{Tok, Token};
use cursor::{Cursor, Parse};

/// Parses `source` as one statement: the tree, or the first syntax error.
pub fn parse(source: &str) -> Result<Statement, Diagnostic> {
    parse_with_roles(source).0
}

/// Parses and also returns each token's role (for highlighting) and the tokens.
pub(crate) fn parse_with_roles(
    source: &str,
) -> (Result<Statement, Diagnostic>, Vec<TokenKind>, Vec<Token>) {
    let mut cursor = Cursor::new(source);
    let result = statement(&mut cursor);
    if result.is_err() {
        cursor.mark_rest_invalid();
    }
    let tokens = cursor.tokens().to_vec();
    (result, cursor.roles, tokens)
}

const STATEMENT_KEYWORDS: [&str; 5] = ["Allow", "Deny", "Define", "Endorse", "Admit"];

fn statement(c: &mut Cursor) -> Parse<Statement> {
    let bad = c
        .tokens()
        .iter()
        .find(|t| matches!(t.kind, Tok::Unknown | Tok::Unterminated))
        .copied();
    let result = grammar(c);
    // A stray character explains the failure better than "expected X", unless the parse
    // already went wrong before reaching it. Parsing first keeps the roles before it.
    match (result, bad) {
        (Err(e), Some(b)) if b.span.start <= e.span.start => Err(bad_character(c.src, b)),
        (Ok(_), Some(b)) => Err(bad_character(c.src, b)),
        (result, _) => result,
    }
}

fn grammar(c: &mut Cursor) -> Parse<Statement> {
    let Some(first) = c.peek() else {
        return Err(Diagnostic::error(
            c.src,
            "empty",
            Span::new(0, 0),
            "the statement is empty: write e.g. `Allow group <name> to <verb> <resource-type> in <location>`",
        ));
    };
    let body = if c.eat_word("allow", TokenKind::Keyword).is_some() {
        StatementBody::Grant(grant(c, GrantKind::Allow, false)?)
    } else if c.eat_word("deny", TokenKind::Keyword).is_some() {
        let kind = if c.eat_word("endorse", TokenKind::Keyword).is_some() {
            GrantKind::Endorse
        } else if c.eat_word("admit", TokenKind::Keyword).is_some() {
            GrantKind::Admit
        } else {
            GrantKind::Allow
        };
        StatementBody::Grant(grant(c, kind, true)?)
    } else if c.eat_word("endorse", TokenKind::Keyword).is_some() {
        StatementBody::Grant(grant(c, GrantKind::Endorse, false)?)
    } else if c.eat_word("admit", TokenKind::Keyword).is_some() {
        StatementBody::Grant(grant(c, GrantKind::Admit, false)?)
    } else if c.eat_word("define", TokenKind::Keyword).is_some() {
        StatementBody::Define(define(c)?)
    } else {
        let text = first.text(c.src);
        let hint = super::catalogue::closest(text, &STATEMENT_KEYWORDS)
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        return Err(c.error_here(format!(
            "a statement starts with Allow, Deny, Define, Endorse or Admit{hint}"
        )));
    };
    if !c.at_end() {
        return Err(trailing(c));
    }
    Ok(Statement {
        span: c.span_from(first.span),
        body,
    })
}

fn bad_character(src: &str, tok: Token) -> Diagnostic {
    let text = tok.text(src);
    let message = if tok.kind == Tok::Unterminated {
        if text.starts_with('/') {
            "this pattern is never closed: end it with `/`".to_string()
        } else {
            "this quoted string is never closed: end it with `'`".to_string()
        }
    } else if text == "<" || text == ">" {
        "`<` and `>` mark a placeholder in the documentation: replace `<...>` with a real name"
            .to_string()
    } else if text == "\"" {
        "names and values are quoted with single quotes `'`, not double quotes".to_string()
    } else {
        format!("`{text}` is not part of the policy language")
    };
    Diagnostic::error(src, "bad-character", tok.span, message)
}

fn trailing(c: &Cursor) -> Diagnostic {
    if c.at_word("and") || c.at_word("or") {
        let word = c.found();
        return Diagnostic::error(
            c.src,
            "infix-operator",
            c.here(),
            format!(
                "{word} cannot join conditions: wrap them in `all {{a, b}}` (both) or `any {{a, b}}` (either)"
            ),
        );
    }
    c.error_here("expected the end of the statement".to_string())
}

fn define(c: &mut Cursor) -> Parse<Define> {
    let kind = if c.eat_word("tenancy", TokenKind::Keyword).is_some() {
        DefineKind::Tenancy
    } else if c.eat_word("group", TokenKind::Keyword).is_some() {
        DefineKind::Group
    } else if c.eat_word("dynamic-group", TokenKind::Keyword).is_some() {
        DefineKind::DynamicGroup
    } else if c.eat_word("compartment", TokenKind::Keyword).is_some() {
        DefineKind::Compartment
    } else {
        return Err(c.error_here(
            "expected `tenancy`, `group`, `dynamic-group` or `compartment` after `Define`"
                .to_string(),
        ));
    };
    let alias = c.name(
        "an alias",
        &format!("after `Define {}`", kind.keyword()),
        TokenKind::Name,
    )?;
    c.expect_word("as", "after the alias")?;
    let with_id = c.eat_word("id", TokenKind::Keyword).is_some();
    let ocid = c.word("an OCID", "after `as`", TokenKind::Ocid)?;
    Ok(Define {
        kind,
        alias,
        ocid,
        with_id,
    })
}

fn grant(c: &mut Cursor, kind: GrantKind, deny: bool) -> Parse<Grant> {
    let subject = subject::subject(c)?;
    let source_tenancy = if kind == GrantKind::Admit {
        c.expect_word("of", "after the subject of an Admit (`of tenancy <alias>`)")?;
        Some(tenancy_ref(c)?)
    } else {
        None
    };
    let action = action(c, kind)?;
    let context = match &action {
        Action::Verb { .. } => "after the resource type",
        Action::Permissions { .. } => "after the permission list",
    };
    c.expect_word("in", context)?;
    let mut locations = vec![location(c, kind)?];
    while kind == GrantKind::Endorse && c.eat(Tok::Comma).is_some() {
        locations.push(location(c, kind)?);
    }
    let condition = if c.eat_word("where", TokenKind::Keyword).is_some() {
        Some(condition::condition(c)?)
    } else {
        None
    };
    Ok(Grant {
        kind,
        deny,
        subject,
        source_tenancy,
        action,
        locations,
        condition,
    })
}

fn tenancy_ref(c: &mut Cursor) -> Parse<TenancyRef> {
    if let Some(span) = c.eat_word("any-tenancy", TokenKind::Keyword) {
        return Ok(TenancyRef::AnyTenancy { span });
    }
    c.expect_word("tenancy", "after `of`")?;
    let name = c.name("a tenancy alias", "after `of tenancy`", TokenKind::Name)?;
    Ok(TenancyRef::Alias { name })
}

fn action(c: &mut Cursor, kind: GrantKind) -> Parse<Action> {
    // The permission-list form may leave out `to` (documented for WLMS and Endorse).
    let with_to = if c.at(Tok::LBrace) {
        false
    } else {
        c.expect_word("to", "after the subject")?;
        true
    };
    if c.at(Tok::LBrace) {
        return permissions(c, with_to);
    }
    let verb_word = if kind == GrantKind::Allow {
        "a verb (inspect, read, use, manage) or a `{PERMISSION, ...}` list"
    } else {
        "a verb (inspect, read, use, manage, associate) or a `{PERMISSION, ...}` list"
    };
    let mut verb = c.word(verb_word, "after `to`", TokenKind::Verb)?;
    // Verbs are case-insensitive; the tree keeps them in lower case, the canonical spelling.
    verb.text = verb.text.to_ascii_lowercase();
    if c.at(Tok::LBrace) {
        return Err(Diagnostic::error(
            c.src,
            "verb-with-permissions",
            c.here(),
            format!(
                "a permission list replaces the verb: write `to {{...}}` without `{}`",
                verb.text
            ),
        ));
    }
    if verb.is("all") && c.at_word("resources") {
        let span = verb.span.to(c.here());
        return Err(Diagnostic::error(
            c.src,
            "syntax",
            span,
            "expected a verb before the resource type: `all resources` is written `all-resources` and follows a verb such as `manage`",
        ));
    }
    let resource = c.word(
        "a resource type or family (e.g. `instances`, `all-resources`)",
        &format!("after the verb `{}`", verb.text),
        TokenKind::ResourceType,
    )?;
    if resource.is("all") && c.at_word("resources") {
        return Err(Diagnostic::error(
            c.src,
            "all-resources-spelling",
            resource.span.to(c.here()),
            "write `all-resources` with a hyphen",
        ));
    }
    Ok(Action::Verb { verb, resource })
}

fn permissions(c: &mut Cursor, with_to: bool) -> Parse<Action> {
    let open = c.expect(Tok::LBrace, "`{`", "to open the permission list")?;
    let mut permissions = Vec::new();
    loop {
        if c.at(Tok::RBrace) && !permissions.is_empty() {
            // OCI refuses `{USER_READ, }`: a comma must be followed by a permission.
            return Err(Diagnostic::error(
                c.src,
                "trailing-comma",
                c.here(),
                "a permission name must follow the `,` in a permission list: remove the trailing comma",
            ));
        }
        permissions.push(c.word(
            "a permission name (e.g. `INSTANCE_READ`)",
            "in the permission list",
            TokenKind::Permission,
        )?);
        if c.eat(Tok::Comma).is_none() {
            break;
        }
    }
    c.expect(Tok::RBrace, "`,` or `}`", "in the permission list")?;
    permissions.shrink_to_fit();
    Ok(Action::Permissions {
        permissions,
        with_to,
        span: c.span_from(open),
    })
}

fn location(c: &mut Cursor, kind: GrantKind) -> Parse<Location> {
    let cross = kind == GrantKind::Endorse;
    if let Some(span) = c.eat_word("tenancy", TokenKind::Keyword) {
        let named = !c.at_end() && !c.at_word("where") && !c.at(Tok::Comma);
        let alias = if cross && named {
            Some(c.name("a tenancy alias", "after `in tenancy`", TokenKind::Name)?)
        } else if named && c.at(Tok::Word) {
            return Err(Diagnostic::error(
                c.src,
                "syntax",
                c.here(),
                format!(
                    "`in tenancy` means this tenancy and takes no name, found {}: a named tenancy only appears in Endorse statements",
                    c.found()
                ),
            ));
        } else {
            None
        };
        let span = c.span_from(span);
        return Ok(Location::Tenancy { alias, span });
    }
    if cross && let Some(span) = c.eat_word("any-tenancy", TokenKind::Keyword) {
        return Ok(Location::AnyTenancy { span });
    }
    let Some(start) = c.eat_word("compartment", TokenKind::Keyword) else {
        let what = if cross {
            "`tenancy <alias>`, `any-tenancy` or `compartment <path> of tenancy <alias>`"
        } else {
            "`tenancy`, `compartment <name>`, `compartment <A:B:C>` or `compartment id <ocid>`"
        };
        return Err(c.error_here(format!("expected {what} after `in`")));
    };
    if c.eat_word("id", TokenKind::Keyword).is_some() {
        let ocid = c.word(
            "a compartment OCID",
            "after `compartment id`",
            TokenKind::Ocid,
        )?;
        return Ok(Location::CompartmentId {
            span: c.span_from(start),
            ocid,
        });
    }
    let mut path = vec![c.name(
        "a compartment name or path",
        "after `compartment`",
        TokenKind::Name,
    )?];
    while c.eat(Tok::Colon).is_some() {
        path.push(c.name(
            "a compartment name",
            "after `:` in the compartment path",
            TokenKind::Name,
        )?);
    }
    let of_tenancy = if cross && c.eat_word("of", TokenKind::Keyword).is_some() {
        c.expect_word("tenancy", "after `of`")?;
        Some(c.name("a tenancy alias", "after `of tenancy`", TokenKind::Name)?)
    } else {
        None
    };
    Ok(Location::Compartment {
        path,
        of_tenancy,
        span: c.span_from(start),
    })
}
