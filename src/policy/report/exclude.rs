//! `--exclude FILE`: findings to leave out, one rule per line, optionally only in some
//! policies or files (popeye's per-linter excludes). Comments start with `#`.
//!
//! ```text
//! # the legacy policy is reviewed by hand
//! redundant
//! broad-subject legacy-public-read
//! over-broad platform-*
//! ```

use std::path::{Path, PathBuf};

use super::Finding;

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Exclusion {
    rule: String,
    /// A policy name or file path; a trailing `*` matches any ending. `None`: everywhere.
    only_in: Option<String>,
    line: usize,
}

/// The exclusions read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclusions {
    items: Vec<Exclusion>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExcludeError {
    #[error("cannot read the exclusions file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}: expected `RULE` or `RULE POLICY-OR-FILE` (e.g. `redundant legacy-*`), found `{text}`"
    )]
    Syntax {
        path: PathBuf,
        line: usize,
        text: String,
    },
}

impl Exclusions {
    pub fn read(path: &Path) -> Result<Self, ExcludeError> {
        let text = std::fs::read_to_string(path).map_err(|source| ExcludeError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Self, ExcludeError> {
        let mut items = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let mut words = line.split_whitespace();
            let (Some(rule), only_in, None) = (words.next(), words.next(), words.next()) else {
                return Err(ExcludeError::Syntax {
                    path: path.to_path_buf(),
                    line: i + 1,
                    text: raw.trim().to_string(),
                });
            };
            items.push(Exclusion {
                rule: rule.to_ascii_lowercase(),
                only_in: only_in.map(str::to_string),
                line: i + 1,
            });
        }
        Ok(Self { items })
    }

    /// Removes the excluded findings; returns the exclusions that matched nothing (likely
    /// typos), as `FILE:LINE rule` text for a warning.
    pub fn apply(&self, findings: &mut Vec<Finding>) -> Vec<String> {
        let mut used = vec![false; self.items.len()];
        findings.retain(|f| {
            let hit = self.items.iter().position(|e| e.matches(f));
            if let Some(i) = hit {
                used[i] = true;
            }
            hit.is_none()
        });
        self.items
            .iter()
            .zip(used)
            .filter(|(_, used)| !used)
            .map(|(e, _)| {
                let place = e
                    .only_in
                    .as_deref()
                    .map(|p| format!(" {p}"))
                    .unwrap_or_default();
                format!("line {}: `{}{place}`", e.line, e.rule)
            })
            .collect()
    }
}

impl Exclusion {
    fn matches(&self, f: &Finding) -> bool {
        if !f.rule.eq_ignore_ascii_case(&self.rule) {
            return false;
        }
        let Some(only) = &self.only_in else {
            return true;
        };
        let names = [f.policy.as_deref().unwrap_or_default(), f.file.as_str()];
        names.iter().any(|name| match only.strip_suffix('*') {
            Some(prefix) => name.to_lowercase().starts_with(&prefix.to_lowercase()),
            None => name.eq_ignore_ascii_case(only),
        })
    }
}
