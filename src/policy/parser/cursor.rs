//! A cursor over one statement's tokens: look ahead, take, expect with a helpful message, and
//! record the syntactic role of each token for highlighting.

use crate::policy::ast::Name;
use crate::policy::diagnostic::{Diagnostic, Span};
use crate::policy::highlight::TokenKind;
use crate::policy::lexer::{Tok, Token, lex};

pub(crate) type Parse<T> = Result<T, Diagnostic>;

pub(crate) struct Cursor<'a> {
    pub src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    pub roles: Vec<TokenKind>,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str) -> Self {
        let toks = lex(src);
        let roles = toks
            .iter()
            .map(|t| TokenKind::default_for(*t, src))
            .collect();
        Self {
            src,
            toks,
            pos: 0,
            roles,
        }
    }

    pub fn tokens(&self) -> &[Token] {
        &self.toks
    }

    pub fn peek(&self) -> Option<Token> {
        self.toks.get(self.pos).copied()
    }

    pub fn peek_at(&self, ahead: usize) -> Option<Token> {
        self.toks.get(self.pos + ahead).copied()
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    /// The current token if it is a word equal (case-insensitively) to `keyword`.
    pub fn at_word(&self, keyword: &str) -> bool {
        self.peek()
            .is_some_and(|t| t.kind == Tok::Word && t.text(self.src).eq_ignore_ascii_case(keyword))
    }

    pub fn at(&self, kind: Tok) -> bool {
        self.peek().is_some_and(|t| t.kind == kind)
    }

    pub fn bump(&mut self, role: TokenKind) -> Token {
        let tok = self.toks[self.pos];
        self.roles[self.pos] = role;
        self.pos += 1;
        tok
    }

    /// Takes `keyword` if it is next.
    pub fn eat_word(&mut self, keyword: &str, role: TokenKind) -> Option<Span> {
        if self.at_word(keyword) {
            Some(self.bump(role).span)
        } else {
            None
        }
    }

    pub fn eat(&mut self, kind: Tok) -> Option<Span> {
        let role = if matches!(kind, Tok::Eq | Tok::NotEq) {
            TokenKind::Operator
        } else {
            TokenKind::Punctuation
        };
        if self.at(kind) {
            Some(self.bump(role).span)
        } else {
            None
        }
    }

    /// Takes `keyword` or fails with "expected `keyword` <context>, found X".
    pub fn expect_word(&mut self, keyword: &str, context: &str) -> Parse<Span> {
        self.eat_word(keyword, TokenKind::Keyword)
            .ok_or_else(|| self.error_here(format!("expected `{keyword}` {context}")))
    }

    pub fn expect(&mut self, kind: Tok, what: &str, context: &str) -> Parse<Span> {
        self.eat(kind)
            .ok_or_else(|| self.error_here(format!("expected {what} {context}")))
    }

    /// A name: a bare word or a single-quoted string, not one of the reserved words.
    pub fn name(&mut self, what: &str, context: &str, role: TokenKind) -> Parse<Name> {
        self.name_or_word(true, what, context, role)
    }

    /// A bare word (verbs, types, permissions, OCIDs, variables), not a quoted string.
    pub fn word(&mut self, what: &str, context: &str, role: TokenKind) -> Parse<Name> {
        self.name_or_word(false, what, context, role)
    }

    fn name_or_word(
        &mut self,
        quoted_allowed: bool,
        what: &str,
        context: &str,
        role: TokenKind,
    ) -> Parse<Name> {
        let taken = match self.peek() {
            Some(t) if t.kind == Tok::Word && !is_reserved(t.text(self.src)) => Some((t, false)),
            Some(t) if t.kind == Tok::Quoted && quoted_allowed => Some((t, true)),
            _ => None,
        };
        let Some((t, quoted)) = taken else {
            return Err(self.error_here(format!("expected {what} {context}")));
        };
        self.bump(role);
        let raw = t.text(self.src);
        Ok(Name {
            text: if quoted { strip_quotes(raw) } else { raw }.to_string(),
            quoted,
            span: t.span,
        })
    }

    /// How the current token reads in a message: "`manage`" or "the end of the statement".
    pub fn found(&self) -> String {
        match self.peek() {
            None => "the end of the statement".to_string(),
            Some(t) => match t.kind {
                Tok::Unterminated => "a quote or pattern that is never closed".to_string(),
                _ => format!("`{}`", truncate(t.text(self.src))),
            },
        }
    }

    /// The span to underline for an error at the current position.
    pub fn here(&self) -> Span {
        if let Some(t) = self.peek() {
            t.span
        } else {
            let end = self.src.trim_end().len();
            Span::new(end, end)
        }
    }

    /// "`message`, found X" at the current token, marking it as invalid.
    pub fn error_here(&self, message: impl std::fmt::Display) -> Diagnostic {
        let message = format!("{message}, found {}", self.found());
        Diagnostic::error(self.src, "syntax", self.here(), message)
    }

    pub fn mark_rest_invalid(&mut self) {
        for role in &mut self.roles[self.pos..] {
            *role = TokenKind::Invalid;
        }
    }

    pub fn span_from(&self, start: Span) -> Span {
        let end = if self.pos == 0 {
            start.end
        } else {
            self.toks[self.pos - 1].span.end
        };
        Span::new(start.start, end.max(start.end))
    }
}

/// Words that end a name list or start the next part; never taken as names.
pub(crate) fn is_reserved(word: &str) -> bool {
    ["to", "in", "where", "of", "as"]
        .iter()
        .any(|k| word.eq_ignore_ascii_case(k))
}

pub(crate) fn strip_quotes(raw: &str) -> &str {
    let mut chars = raw.chars();
    let first = chars.next().map_or(0, char::len_utf8);
    let inner = &raw[first..];
    match inner.chars().last() {
        Some(c) if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '/') && !inner.is_empty() => {
            &inner[..inner.len() - c.len_utf8()]
        }
        _ => inner,
    }
}

fn truncate(text: &str) -> String {
    if text.chars().count() > 40 {
        let cut: String = text.chars().take(37).collect();
        format!("{cut}...")
    } else {
        text.to_string()
    }
}
