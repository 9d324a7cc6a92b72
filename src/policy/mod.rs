//! The policy language: lexer, parser, diagnostics, printer, lint and effective permissions.

pub mod cli;
