//! Splits one statement into tokens with byte spans. Keywords are ordinary words here; the
//! parser decides what a word means (keywords are case-insensitive in OCI).

use super::diagnostic::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// Letters, digits and `_ . - $` : keywords, names, verbs, types, OCIDs, variables.
    Word,
    /// `'...'` (the span includes the quotes).
    Quoted,
    /// `/.../` after `=` or `!=`: a condition pattern (span includes the slashes).
    Pattern,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    Slash,
    Eq,
    NotEq,
    /// A quote or pattern that never closes.
    Unterminated,
    /// A character the language does not use.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub span: Span,
}

impl Token {
    pub fn text(self, source: &str) -> &str {
        &source[self.span.range()]
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '$')
}

/// Tokenises `source`; never fails (bad characters become `Unknown` tokens).
pub fn lex(source: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let single = |kind| (kind, start + c.len_utf8());
        let (kind, end) = match c {
            '{' => single(Tok::LBrace),
            '}' => single(Tok::RBrace),
            '(' => single(Tok::LParen),
            ')' => single(Tok::RParen),
            ',' => single(Tok::Comma),
            ':' => single(Tok::Colon),
            '=' => single(Tok::Eq),
            '!' if matches!(chars.peek(), Some((_, '='))) => {
                chars.next();
                (Tok::NotEq, start + 2)
            }
            '\'' | '\u{2018}' | '\u{2019}' => closing(source, c, &mut chars, Tok::Quoted),
            // A slash right after `=`/`!=` opens a pattern; elsewhere it joins domain and name.
            '/' if matches!(tokens.last(), Some(t) if matches!(t.kind, Tok::Eq | Tok::NotEq)) => {
                closing(source, '/', &mut chars, Tok::Pattern)
            }
            '/' => single(Tok::Slash),
            c if is_word_char(c) => {
                let mut end = start + c.len_utf8();
                while let Some(&(i, n)) = chars.peek() {
                    if !is_word_char(n) {
                        break;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                }
                (Tok::Word, end)
            }
            _ => single(Tok::Unknown),
        };
        tokens.push(Token {
            kind,
            span: Span::new(start, end),
        });
    }
    tokens
}

/// Consumes up to the closing delimiter; curly quotes close either curly quote.
fn closing(
    source: &str,
    open: char,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    kind: Tok,
) -> (Tok, usize) {
    let closes = |c: char| {
        if open == '/' {
            c == '/'
        } else {
            matches!(c, '\'' | '\u{2018}' | '\u{2019}')
        }
    };
    for (i, c) in chars.by_ref() {
        if closes(c) {
            return (kind, i + c.len_utf8());
        }
    }
    (Tok::Unterminated, source.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Tok> {
        lex(s).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn slash_is_a_pattern_only_after_an_operator() {
        assert_eq!(
            kinds("group 'D'/'A' where x = /A-*/"),
            vec![
                Tok::Word,
                Tok::Quoted,
                Tok::Slash,
                Tok::Quoted,
                Tok::Word,
                Tok::Word,
                Tok::Eq,
                Tok::Pattern
            ]
        );
    }

    #[test]
    fn ocids_and_hyphenated_words_are_one_token() {
        let s = "ocid1.group.oc1..aaaa all-resources request.utc-timestamp";
        assert_eq!(kinds(s), vec![Tok::Word; 3]);
        assert_eq!(
            kinds("x != 'a"),
            vec![Tok::Word, Tok::NotEq, Tok::Unterminated]
        );
        assert_eq!(kinds("<g>"), vec![Tok::Unknown, Tok::Word, Tok::Unknown]);
    }
}
