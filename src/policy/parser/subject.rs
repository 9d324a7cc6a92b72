//! Subjects: `any-user`, `any-group`, or a comma list of groups, dynamic groups and services
//! by name (`Name`, `Domain/Name`, `'Domain'/'Name'`) or by `id <ocid>`.

use super::cursor::{Cursor, Parse};
use crate::policy::ast::{Principal, PrincipalItem, PrincipalKind, Subject};
use crate::policy::highlight::TokenKind;
use crate::policy::lexer::Tok;

pub(super) fn subject(c: &mut Cursor) -> Parse<Subject> {
    if let Some(span) = c.eat_word("any-user", TokenKind::Keyword) {
        return Ok(Subject::AnyUser { span });
    }
    if let Some(span) = c.eat_word("any-group", TokenKind::Keyword) {
        return Ok(Subject::AnyGroup { span });
    }
    let start = c.here();
    let Some(mut kind) = principal_keyword(c) else {
        return Err(no_subject(c));
    };
    let mut items = Vec::new();
    loop {
        items.push(item(c, kind)?);
        if c.eat(Tok::Comma).is_none() {
            break;
        }
        // `group A, group B` repeats the keyword; `group A, B` does not.
        if let Some(next) = principal_keyword(c) {
            kind = next;
        }
    }
    // Kept for as long as the tenancy's index is: no room left over from growing.
    items.shrink_to_fit();
    Ok(Subject::Principals {
        items,
        span: c.span_from(start),
    })
}

fn no_subject(c: &Cursor) -> crate::policy::diagnostic::Diagnostic {
    const SUBJECTS: [&str; 5] = ["group", "dynamic-group", "service", "any-user", "any-group"];
    let word = c
        .peek()
        .filter(|t| t.kind == Tok::Word)
        .map(|t| t.text(c.src));
    if word.is_some_and(|w| w.eq_ignore_ascii_case("user")) {
        return c.error_here(
            "policies grant to groups, not to single users: put the user in a group and write `group <name>`",
        );
    }
    let hint = word
        .and_then(|w| crate::policy::catalogue::closest(w, &SUBJECTS))
        .map(|k| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default();
    c.error_here(format!(
        "expected a subject (`group <name>`, `group id <ocid>`, `dynamic-group <name>`, `service <name>`, `any-user` or `any-group`){hint}"
    ))
}

fn principal_keyword(c: &mut Cursor) -> Option<PrincipalKind> {
    [
        PrincipalKind::Group,
        PrincipalKind::DynamicGroup,
        PrincipalKind::Service,
    ]
    .into_iter()
    .find(|k| c.eat_word(k.keyword(), TokenKind::Keyword).is_some())
}

fn item(c: &mut Cursor, kind: PrincipalKind) -> Parse<PrincipalItem> {
    let start = c.here();
    let what = match kind {
        PrincipalKind::Group => "a group name or `id <ocid>`",
        PrincipalKind::DynamicGroup => "a dynamic group name or `id <ocid>`",
        PrincipalKind::Service => "a service name",
    };
    let context = format!("after `{}`", kind.keyword());
    // `id` followed by a word is the OCID form; a group literally named `id` stays a name.
    let by_id = kind != PrincipalKind::Service
        && c.at_word("id")
        && c.peek_at(1).is_some_and(|t| t.kind == Tok::Word);
    let principal = if by_id {
        c.bump(TokenKind::Keyword);
        let ocid = c.word("an OCID", "after `id`", TokenKind::Ocid)?;
        Principal::Id { ocid }
    } else {
        let first = c.name(what, &context, TokenKind::Name)?;
        if kind != PrincipalKind::Service && c.eat(Tok::Slash).is_some() {
            let name = c.name(
                "a name",
                &format!("after `{}/` (the identity domain)", first.text),
                TokenKind::Name,
            )?;
            Principal::Name {
                domain: Some(first),
                name,
            }
        } else {
            Principal::Name {
                domain: None,
                name: first,
            }
        }
    };
    Ok(PrincipalItem {
        kind,
        principal,
        span: c.span_from(start),
    })
}
