//! Syntax highlighting for the policy editor: each token of a statement with its role, taken
//! from the parser so a word is coloured by what it means there (verb, type, group name ...).

use std::ops::Range;

use serde::Serialize;

use super::lexer::{Tok, Token};
use super::parser;

/// The role of a token, for choosing a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenKind {
    /// Allow, Deny, to, in, where, compartment, tenancy, group, any-user ...
    Keyword,
    Verb,
    ResourceType,
    Permission,
    /// A group, dynamic group, service, compartment or tenancy alias name.
    Name,
    Ocid,
    /// A condition variable such as `request.user.id`.
    Variable,
    /// `=`, `!=`, `in`, `before` ...
    Operator,
    /// A quoted condition value or bare word value.
    Value,
    Pattern,
    Punctuation,
    /// Tokens after the point where parsing failed, and characters OCI does not accept.
    Invalid,
}

impl TokenKind {
    /// The role before the parser says more: by token shape alone.
    pub(crate) fn default_for(token: Token, source: &str) -> Self {
        match token.kind {
            Tok::Word if is_ocid(token.text(source)) => Self::Ocid,
            Tok::Word => Self::Name,
            Tok::Quoted => Self::Value,
            Tok::Pattern => Self::Pattern,
            Tok::Eq | Tok::NotEq => Self::Operator,
            Tok::LBrace
            | Tok::RBrace
            | Tok::LParen
            | Tok::RParen
            | Tok::Comma
            | Tok::Colon
            | Tok::Slash => Self::Punctuation,
            Tok::Unterminated | Tok::Unknown => Self::Invalid,
        }
    }
}

/// Whether a word looks like an OCID (`ocid1.<type>.<realm>...`).
pub fn is_ocid(word: &str) -> bool {
    word.get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case("ocid1."))
}

/// Byte ranges of `statement` with their roles, in order, for colouring.
pub fn highlight(statement: &str) -> Vec<(Range<usize>, TokenKind)> {
    let (_, cursor_roles, tokens) = parser::parse_with_roles(statement);
    tokens
        .into_iter()
        .zip(cursor_roles)
        .map(|(t, role)| (t.span.range(), role))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_coloured_by_their_role() {
        use TokenKind::*;
        let s =
            "Allow group Ops to manage instances in compartment Dev where request.user.id = 'x'";
        let roles: Vec<TokenKind> = highlight(s).into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            roles,
            vec![
                Keyword,
                Keyword,
                Name,
                Keyword,
                Verb,
                ResourceType,
                Keyword,
                Keyword,
                Name,
                Keyword,
                Variable,
                Operator,
                Value
            ]
        );
    }

    #[test]
    fn a_stray_character_spoils_only_what_follows_it() {
        let roles: Vec<TokenKind> = highlight("Allow group <g> to manage users in tenancy")
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(
            &roles[..3],
            &[TokenKind::Keyword, TokenKind::Keyword, TokenKind::Invalid]
        );
        assert!(roles[3..].iter().all(|r| *r == TokenKind::Invalid));
    }

    #[test]
    fn the_rest_after_an_error_is_invalid() {
        let roles: Vec<TokenKind> = highlight("Allow group Ops manage users in tenancy")
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(roles[3], TokenKind::Invalid);
        assert_eq!(roles[6], TokenKind::Invalid);
    }
}
