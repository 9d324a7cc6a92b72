//! The `/` filter of lists and trees: substring, regular expression or fuzzy matching.

use memchr::memmem::Finder;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FilterMode {
    #[default]
    Substring,
    Regex,
    Fuzzy,
}

impl FilterMode {
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            FilterMode::Substring => FilterMode::Regex,
            FilterMode::Regex => FilterMode::Fuzzy,
            FilterMode::Fuzzy => FilterMode::Substring,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FilterMode::Substring => "substring",
            FilterMode::Regex => "regex",
            FilterMode::Fuzzy => "fuzzy",
        }
    }
}

/// A filter query and how to match it. An empty query matches everything.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub query: String,
    pub mode: FilterMode,
}

impl PartialEq for ListFilter {
    fn eq(&self, other: &Self) -> bool {
        self.query == other.query && self.mode == other.mode
    }
}

/// A filter compiled once per change, then applied to many rows.
pub enum CompiledFilter {
    All,
    /// The lower-cased query, searched for with SIMD.
    Substring(Box<Finder<'static>>),
    Regex(Regex),
    Fuzzy(Box<(Matcher, Pattern)>),
    /// A regex that does not compile matches nothing (the prompt shows the error).
    Invalid,
}

impl ListFilter {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    pub fn compile(&self) -> CompiledFilter {
        if self.query.is_empty() {
            return CompiledFilter::All;
        }
        match self.mode {
            FilterMode::Substring => CompiledFilter::Substring(Box::new(
                Finder::new(&self.query.to_lowercase()).into_owned(),
            )),
            FilterMode::Regex => match Regex::new(&format!("(?i){}", self.query)) {
                Ok(re) => CompiledFilter::Regex(re),
                Err(_) => CompiledFilter::Invalid,
            },
            FilterMode::Fuzzy => {
                let pattern =
                    Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
                CompiledFilter::Fuzzy(Box::new((Matcher::new(Config::DEFAULT), pattern)))
            }
        }
    }

    /// True when every row this filter keeps was kept by `before` too (the user typed on), so
    /// only the rows `before` kept need testing.
    pub fn narrows(&self, before: &ListFilter) -> bool {
        self.mode == before.mode
            && self.mode == FilterMode::Substring
            && before.is_active()
            && self
                .query
                .to_lowercase()
                .contains(&before.query.to_lowercase())
    }

    /// Why the query is not usable, e.g. a regex syntax error.
    pub fn error(&self) -> Option<String> {
        if self.mode == FilterMode::Regex
            && !self.query.is_empty()
            && let Err(e) = Regex::new(&self.query)
        {
            return Some(
                e.to_string()
                    .lines()
                    .last()
                    .unwrap_or("bad regex")
                    .to_string(),
            );
        }
        None
    }
}

impl CompiledFilter {
    /// Like [`CompiledFilter::matches`] for text already lower-cased (lists cache it so a
    /// keystroke does not lower-case every row again).
    pub fn matches_lower(&mut self, lower: &str) -> bool {
        match self {
            CompiledFilter::Substring(q) => q.find(lower.as_bytes()).is_some(),
            other => other.matches(lower),
        }
    }

    /// The lower-cased text a substring filter looks for.
    pub fn substring(&self) -> Option<&[u8]> {
        match self {
            CompiledFilter::Substring(q) => Some(q.needle()),
            _ => None,
        }
    }

    pub fn matches(&mut self, text: &str) -> bool {
        match self {
            CompiledFilter::All => true,
            CompiledFilter::Substring(q) => q.find(text.to_lowercase().as_bytes()).is_some(),
            CompiledFilter::Regex(re) => re.is_match(text),
            CompiledFilter::Fuzzy(m) => {
                let (matcher, pattern) = &mut **m;
                let mut buf = Vec::new();
                pattern
                    .score(Utf32Str::new(text, &mut buf), matcher)
                    .is_some()
            }
            CompiledFilter::Invalid => false,
        }
    }
}
