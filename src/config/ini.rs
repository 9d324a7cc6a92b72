//! An INI reader with Python `configparser` semantics as the OCI SDK and CLI use it:
//! interpolation off, whole-line `#`/`;` comments only, case-insensitive keys, `=` or `:`
//! delimiters, indented continuation lines, and `[DEFAULT]` merged under every section.

/// The section whose keys every other section inherits.
pub const DEFAULT_SECTION: &str = "DEFAULT";

/// One `key = value` entry with the 1-based line it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// One `[name]` section and its entries, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub entries: Vec<Entry>,
}

/// A parsed file: the DEFAULT section (possibly empty) plus the named sections in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ini {
    pub defaults: Vec<Entry>,
    pub sections: Vec<Section>,
}

/// Why a file is not valid INI, with the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IniError {
    pub line: usize,
    pub reason: String,
}

impl Ini {
    /// Parses text the way `configparser.ConfigParser(interpolation=None)` does, including
    /// its strictness: duplicate sections and duplicate keys in one section are errors.
    pub fn parse(text: &str) -> Result<Self, IniError> {
        let mut ini = Ini::default();
        // Index into `sections`, or None for DEFAULT; Some(None) before any header is seen.
        let mut current: Option<Option<usize>> = None;
        let mut seen_default = false;
        // Sets, not scans of what was read so far: 200,000 profiles took 30 s.
        let mut names = std::collections::HashSet::new();
        let mut keys = std::collections::HashSet::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            let indented = raw.starts_with([' ', '\t']);
            if indented && let Some(section) = current {
                // configparser appends indented lines to the value of the last key.
                let entries = match section {
                    None => &mut ini.defaults,
                    Some(i) => &mut ini.sections[i].entries,
                };
                if let Some(last) = entries.last_mut() {
                    last.value.push('\n');
                    last.value.push_str(trimmed);
                    continue;
                }
            }
            if let Some(name) = trimmed
                .strip_prefix('[')
                .and_then(|rest| rest.rfind(']').map(|end| &rest[..end]))
                .filter(|name| !name.is_empty())
            {
                current = Some(ini.open_section(name, line, &mut seen_default, &mut names)?);
                keys.clear();
                continue;
            }
            let Some(section) = current else {
                return Err(IniError {
                    line,
                    reason: "a key appears before any [PROFILE] header".into(),
                });
            };
            let Some(split) = trimmed.find(['=', ':']) else {
                return Err(IniError {
                    line,
                    reason: format!("'{trimmed}' is neither a [PROFILE] header nor key=value"),
                });
            };
            let key = trimmed[..split].trim().to_lowercase();
            let value = trimmed[split + 1..].trim().to_string();
            let entries = match section {
                None => &mut ini.defaults,
                Some(i) => &mut ini.sections[i].entries,
            };
            if !keys.insert(key.clone()) {
                return Err(IniError {
                    line,
                    reason: format!("key '{key}' appears twice in the same profile"),
                });
            }
            entries.push(Entry { key, value, line });
        }
        Ok(ini)
    }

    fn open_section(
        &mut self,
        name: &str,
        line: usize,
        seen_default: &mut bool,
        names: &mut std::collections::HashSet<String>,
    ) -> Result<Option<usize>, IniError> {
        let duplicate = || IniError {
            line,
            reason: format!("profile [{name}] appears twice"),
        };
        if name == DEFAULT_SECTION {
            if *seen_default {
                return Err(duplicate());
            }
            *seen_default = true;
            return Ok(None);
        }
        if !names.insert(name.to_string()) {
            return Err(duplicate());
        }
        self.sections.push(Section {
            name: name.to_string(),
            entries: Vec::new(),
        });
        Ok(Some(self.sections.len() - 1))
    }

    /// Names of the profiles a user can pick: DEFAULT (when it has keys) and every section.
    pub fn profile_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        if !self.defaults.is_empty() {
            names.push(DEFAULT_SECTION.to_string());
        }
        names.extend(self.sections.iter().map(|s| s.name.clone()));
        names
    }

    /// A profile's entries with DEFAULT merged in (the profile's own keys win), or `None`
    /// when no such section exists. `DEFAULT` itself resolves to the defaults alone, and
    /// exists only when it has at least one key.
    pub fn merged(&self, profile: &str) -> Option<Vec<Entry>> {
        if profile == DEFAULT_SECTION {
            return (!self.defaults.is_empty()).then(|| self.defaults.clone());
        }
        let section = self.sections.iter().find(|s| s.name == profile)?;
        let own: std::collections::HashSet<&str> =
            section.entries.iter().map(|e| e.key.as_str()).collect();
        let mut merged = section.entries.clone();
        merged.extend(
            self.defaults
                .iter()
                .filter(|e| !own.contains(e.key.as_str()))
                .cloned(),
        );
        Some(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# comment
[DEFAULT]
Tenancy = ocid1.tenancy.oc1..t
region: us-ashburn-1
; another comment
[demo]
user=ocid1.user.oc1..u # not a comment
region = eu-frankfurt-1
note = first
  second
";

    #[test]
    fn merges_default_with_profile_keys_winning() {
        let ini = Ini::parse(TEXT).unwrap();
        let demo = ini.merged("demo").unwrap();
        let get = |k: &str| demo.iter().find(|e| e.key == k).map(|e| e.value.as_str());
        assert_eq!(get("tenancy"), Some("ocid1.tenancy.oc1..t"));
        assert_eq!(get("region"), Some("eu-frankfurt-1"));
        assert_eq!(get("user"), Some("ocid1.user.oc1..u # not a comment"));
        assert_eq!(get("note"), Some("first\nsecond"));
        assert_eq!(ini.profile_names(), vec!["DEFAULT", "demo"]);
        assert!(
            ini.merged("Demo").is_none(),
            "section names are case-sensitive"
        );
    }

    #[test]
    fn rejects_what_configparser_rejects() {
        assert_eq!(Ini::parse("user=x\n").unwrap_err().line, 1);
        assert_eq!(Ini::parse("[a]\nnonsense\n").unwrap_err().line, 2);
        assert_eq!(Ini::parse("[a]\nk=1\nK=2\n").unwrap_err().line, 3);
        assert_eq!(Ini::parse("[a]\n[a]\n").unwrap_err().line, 2);
    }
}
