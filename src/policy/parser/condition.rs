//! `where` conditions: clauses with every operator, presence tests, `sets-intersect(..)` and
//! nested `all {..}` / `any {..}` groups.

use super::cursor::{Cursor, Parse, strip_quotes};
use crate::policy::ast::{Condition, Mode, Operator, Value};
use crate::policy::diagnostic::Diagnostic;
use crate::policy::highlight::TokenKind;
use crate::policy::lexer::Tok;

/// Deep enough for any real policy; stops a hostile input from exhausting the stack.
const MAX_DEPTH: usize = 32;

pub(super) fn condition(c: &mut Cursor) -> Parse<Condition> {
    item(c, 0)
}

fn item(c: &mut Cursor, depth: usize) -> Parse<Condition> {
    if depth > MAX_DEPTH {
        return Err(c.error_here(format!("conditions nest more than {MAX_DEPTH} deep")));
    }
    let start = c.here();
    let group_mode = if c.at_word("all") && c.peek_at(1).is_some_and(|t| t.kind == Tok::LBrace) {
        Some(Mode::All)
    } else if c.at_word("any") && c.peek_at(1).is_some_and(|t| t.kind == Tok::LBrace) {
        Some(Mode::Any)
    } else {
        None
    };
    if let Some(mode) = group_mode {
        c.bump(TokenKind::Keyword);
        c.bump(TokenKind::Punctuation);
        let mut items = Vec::new();
        while !c.at(Tok::RBrace) {
            items.push(item(c, depth + 1)?);
            if c.eat(Tok::Comma).is_none() {
                break;
            }
        }
        if items.is_empty() {
            return Err(c.error_here(format!(
                "expected at least one condition inside `{} {{ }}`",
                mode_word(mode)
            )));
        }
        items.shrink_to_fit();
        if c.at_word("and") || c.at_word("or") {
            return Err(infix(c));
        }
        c.expect(Tok::RBrace, "`,` or `}`", "between conditions")?;
        return Ok(Condition::Group {
            mode,
            items,
            span: c.span_from(start),
        });
    }
    if c.at_word("sets-intersect") && c.peek_at(1).is_some_and(|t| t.kind == Tok::LParen) {
        c.bump(TokenKind::Keyword);
        c.bump(TokenKind::Punctuation);
        let variable = variable(c, "as the first argument of `sets-intersect`")?;
        c.expect(Tok::Comma, "`,`", "after the variable in `sets-intersect`")?;
        let values = value_list(c, "as the second argument of `sets-intersect`")?;
        c.expect(Tok::RParen, "`)`", "to close `sets-intersect(`")?;
        return Ok(Condition::SetsIntersect {
            variable,
            values,
            span: c.span_from(start),
        });
    }
    if c.at_word("not") && c.peek_at(1).is_some_and(|t| t.kind == Tok::Word) {
        c.bump(TokenKind::Operator);
        let variable = variable(c, "after `not`")?;
        return Ok(Condition::Present {
            variable,
            negated: true,
            span: c.span_from(start),
        });
    }
    let variable = variable(c, "after `where`")?;
    let Some((op, values)) = operator_and_values(c)? else {
        return Ok(Condition::Present {
            variable,
            negated: false,
            span: c.span_from(start),
        });
    };
    Ok(Condition::Clause {
        variable,
        op,
        values,
        span: c.span_from(start),
    })
}

fn mode_word(mode: Mode) -> &'static str {
    match mode {
        Mode::All => "all",
        Mode::Any => "any",
    }
}

fn infix(c: &Cursor) -> Diagnostic {
    Diagnostic::error(
        c.src,
        "infix-operator",
        c.here(),
        format!(
            "{} cannot join conditions: separate them with `,` inside `all {{..}}` or `any {{..}}`",
            c.found()
        ),
    )
}

fn variable(c: &mut Cursor, context: &str) -> Parse<crate::policy::ast::Name> {
    c.word(
        "a condition variable (e.g. `request.user.name`)",
        context,
        TokenKind::Variable,
    )
}

/// The operator and its operands, or `None` for a bare presence test.
fn operator_and_values(c: &mut Cursor) -> Parse<Option<(Operator, Vec<Value>)>> {
    if c.eat(Tok::Eq).is_some() {
        return Ok(Some((Operator::Eq, vec![value(c, "after `=`")?])));
    }
    if c.eat(Tok::NotEq).is_some() {
        return Ok(Some((Operator::NotEq, vec![value(c, "after `!=`")?])));
    }
    if c.eat_word("in", TokenKind::Operator).is_some() {
        return Ok(Some((Operator::In, value_list(c, "after `in`")?)));
    }
    if c.at_word("not")
        && c.peek_at(1)
            .is_some_and(|t| t.text(c.src).eq_ignore_ascii_case("in"))
    {
        c.bump(TokenKind::Operator);
        c.bump(TokenKind::Operator);
        return Ok(Some((Operator::NotIn, value_list(c, "after `not in`")?)));
    }
    if c.eat_word("before", TokenKind::Operator).is_some() {
        return Ok(Some((Operator::Before, vec![value(c, "after `before`")?])));
    }
    if c.eat_word("after", TokenKind::Operator).is_some() {
        return Ok(Some((Operator::After, vec![value(c, "after `after`")?])));
    }
    if c.eat_word("between", TokenKind::Operator).is_some() {
        let low = value(c, "after `between`")?;
        c.expect_word("and", "between the two values of `between`")?;
        let high = value(c, "after `and`")?;
        return Ok(Some((Operator::Between, vec![low, high])));
    }
    if c.at_end() || c.at(Tok::Comma) || c.at(Tok::RBrace) || c.at_word("and") || c.at_word("or") {
        return Ok(None);
    }
    Err(c.error_here(
        "expected an operator (`=`, `!=`, `in`, `not in`, `before`, `after`, `between`) after the variable"
            .to_string(),
    ))
}

fn value(c: &mut Cursor, context: &str) -> Parse<Value> {
    match c.peek() {
        Some(t) if t.kind == Tok::Quoted => {
            c.bump(TokenKind::Value);
            Ok(Value::Quoted {
                text: strip_quotes(t.text(c.src)).to_string(),
                span: t.span,
            })
        }
        Some(t) if t.kind == Tok::Pattern => {
            c.bump(TokenKind::Pattern);
            Ok(Value::Pattern {
                text: strip_quotes(t.text(c.src)).to_string(),
                span: t.span,
            })
        }
        Some(t) if t.kind == Tok::Word => {
            let role = if crate::policy::highlight::is_ocid(t.text(c.src)) {
                TokenKind::Ocid
            } else {
                TokenKind::Value
            };
            c.bump(role);
            Ok(Value::Word {
                text: t.text(c.src).to_string(),
                span: t.span,
            })
        }
        _ => Err(c.error_here(format!(
            "expected a value (`'text'`, `/pattern/` or an OCID) {context}"
        ))),
    }
}

/// `( v1, v2, ... )`; a single value without parentheses is accepted too.
fn value_list(c: &mut Cursor, context: &str) -> Parse<Vec<Value>> {
    if c.eat(Tok::LParen).is_none() {
        return Ok(vec![value(c, context)?]);
    }
    let mut values = Vec::new();
    while !c.at(Tok::RParen) {
        values.push(value(c, "in the value list")?);
        if c.eat(Tok::Comma).is_none() {
            break;
        }
    }
    c.expect(Tok::RParen, "`,` or `)`", "in the value list")?;
    values.shrink_to_fit();
    Ok(values)
}
