//! The tenancy's defined tags as forms offer them: every namespace with its tags and each
//! tag's allowed values, read once (`TagRequest::Catalogue`) and shared through the context.
//! Forms check `Namespace.key=value` entries against it and offer its names as choices.

use crate::model::{DefinedTags, FreeformTags, Tag, TagNamespace, TagValidator};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagCatalogue {
    pub namespaces: Vec<CatalogueNamespace>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueNamespace {
    pub id: String,
    pub name: String,
    pub retired: bool,
    pub tags: Vec<CatalogueTag>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueTag {
    pub id: String,
    pub name: String,
    pub retired: bool,
    /// An ENUM tag's values; `None`: any value.
    pub values: Option<Vec<String>>,
}

/// What the entry being typed could become, for the line under a field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestion {
    /// The candidates, as whole entries (`Operations.CostCenter`, `dev`).
    pub candidates: Vec<String>,
    /// The text the field holds once the first candidate is taken (Right at the end).
    pub completed: Option<String>,
}

impl TagCatalogue {
    /// From the namespaces and their tags (read in full, with validators).
    pub fn build(namespaces: &[TagNamespace], tags: &[Tag]) -> Self {
        let mut out: Vec<CatalogueNamespace> = namespaces
            .iter()
            .filter(|n| n.lifecycle_state != crate::model::LifecycleState::Deleted)
            .map(|n| CatalogueNamespace {
                id: n.id.clone(),
                name: n.name.clone(),
                retired: n.is_retired,
                tags: tags
                    .iter()
                    .filter(|t| t.tag_namespace_id.as_deref() == Some(n.id.as_str()))
                    .filter(|t| t.lifecycle_state != crate::model::LifecycleState::Deleted)
                    .map(|t| CatalogueTag {
                        id: t.id.clone(),
                        name: t.name.clone(),
                        retired: t.is_retired,
                        values: match &t.validator {
                            Some(TagValidator::Enum { values }) => Some(values.clone()),
                            _ => None,
                        },
                    })
                    .collect(),
            })
            .collect();
        out.sort_by_key(|n| n.name.to_lowercase());
        for n in &mut out {
            n.tags.sort_by_key(|t| t.name.to_lowercase());
        }
        TagCatalogue { namespaces: out }
    }

    pub fn is_empty(&self) -> bool {
        self.namespaces.is_empty()
    }

    /// The namespace of that name (case-insensitive, as OCI matches).
    pub fn namespace(&self, name: &str) -> Option<&CatalogueNamespace> {
        self.namespaces
            .iter()
            .find(|n| n.name.eq_ignore_ascii_case(name))
    }

    pub fn tag(&self, namespace: &str, key: &str) -> Option<&CatalogueTag> {
        self.namespace(namespace)?
            .tags
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(key))
    }

    /// Names of the namespaces a tag can be taken from (not retired).
    pub fn active_namespaces(&self) -> Vec<String> {
        self.namespaces
            .iter()
            .filter(|n| !n.retired)
            .map(|n| n.name.clone())
            .collect()
    }

    /// Names of the namespace's tags that can be applied (not retired).
    pub fn active_keys(&self, namespace: &str) -> Vec<String> {
        self.namespace(namespace)
            .filter(|n| !n.retired)
            .map(|n| {
                n.tags
                    .iter()
                    .filter(|t| !t.retired)
                    .map(|t| t.name.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The allowed values of `Namespace.key` (`None`: any value, or no such tag).
    pub fn values(&self, namespace: &str, key: &str) -> Option<&[String]> {
        self.tag(namespace, key)?.values.as_deref()
    }

    /// Why `Namespace.key=value` would be refused, as the service would say it.
    pub fn check(&self, namespace: &str, key: &str, value: &str) -> Result<(), String> {
        let Some(ns) = self.namespace(namespace) else {
            return Err(format!(
                "no tag namespace '{namespace}' (there are: {})",
                self.active_namespaces().join(", ")
            ));
        };
        if ns.retired {
            return Err(format!("tag namespace {} is retired", ns.name));
        }
        let Some(tag) = self.tag(namespace, key) else {
            return Err(format!(
                "no tag '{key}' in {} (it has: {})",
                ns.name,
                self.active_keys(namespace).join(", ")
            ));
        };
        if tag.retired {
            return Err(format!("tag {}.{} is retired", ns.name, tag.name));
        }
        if let Some(values) = &tag.values
            && !values.iter().any(|v| v == value)
        {
            return Err(format!(
                "{}.{} takes one of: {}",
                ns.name,
                tag.name,
                values.join(", ")
            ));
        }
        Ok(())
    }

    /// Defined tags typed as `Namespace.key=value, ...`, each checked (when the catalogue
    /// is loaded; empty, only their shape is).
    pub fn parse_defined(&self, text: &str) -> Result<DefinedTags, String> {
        let mut out = DefinedTags::new();
        for entry in entries(text) {
            let (path, value) = entry
                .split_once('=')
                .ok_or_else(|| format!("'{entry}' is not Namespace.key=value"))?;
            let (ns, key) = path
                .trim()
                .split_once('.')
                .filter(|(n, k)| !n.is_empty() && !k.is_empty())
                .ok_or_else(|| format!("'{}' is not Namespace.key", path.trim()))?;
            let value = value.trim();
            if !self.is_empty() {
                self.check(ns, key, value)?;
            }
            out.entry(ns.to_string()).or_default().insert(
                key.to_string(),
                serde_json::Value::String(value.to_string()),
            );
        }
        Ok(out)
    }

    /// Completions for the last entry of `text` (the one being typed).
    pub fn suggest(&self, text: &str) -> Suggestion {
        let (head, last) = match text.rfind(',') {
            Some(i) => (&text[..=i], &text[i + 1..]),
            None => ("", text),
        };
        let typed = last.trim_start();
        let lead = &last[..last.len() - typed.len()];
        let prefix = format!("{head}{lead}");
        let candidates: Vec<String> = match (typed.split_once('='), typed.split_once('.')) {
            (Some((path, value)), _) => {
                let Some((ns, key)) = path.split_once('.') else {
                    return Suggestion::default();
                };
                match self.values(ns, key) {
                    Some(values) => starting(values.iter().cloned(), value)
                        .map(|v| format!("{path}={v}"))
                        .collect(),
                    None => return Suggestion::default(),
                }
            }
            (None, Some((ns, key))) => starting(self.active_keys(ns).into_iter(), key)
                .map(|k| format!("{ns}.{k}="))
                .collect(),
            (None, None) => starting(self.active_namespaces().into_iter(), typed)
                .map(|n| format!("{n}."))
                .collect(),
        };
        let completed = candidates
            .first()
            .filter(|c| c.as_str() != typed)
            .map(|c| format!("{prefix}{c}"));
        Suggestion {
            candidates,
            completed,
        }
    }
}

/// Comma-separated entries, spaces around them ignored.
pub fn entries(text: &str) -> Vec<&str> {
    text.split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect()
}

fn starting<'a>(
    names: impl Iterator<Item = String> + 'a,
    typed: &'a str,
) -> impl Iterator<Item = String> + 'a {
    let lower = typed.to_lowercase();
    names.filter(move |n| n.to_lowercase().starts_with(&lower))
}

/// Free-form tags typed as `key=value, ...`.
pub fn parse_freeform(text: &str) -> Result<FreeformTags, String> {
    let mut out = FreeformTags::new();
    for entry in entries(text) {
        let (key, value) = entry
            .split_once('=')
            .ok_or_else(|| format!("'{entry}' is not key=value"))?;
        let key = key.trim();
        if key.is_empty() {
            return Err(format!("'{entry}' has no key before '='"));
        }
        if key.contains('.') {
            return Err(format!(
                "'{key}' has a dot: a free-form key cannot (defined tags go in the field below)"
            ));
        }
        out.insert(key.to_string(), value.trim().to_string());
    }
    Ok(out)
}

/// `key=value, ...` as a form shows free-form tags.
pub fn freeform_text(tags: &FreeformTags) -> String {
    tags.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Namespace.key=value, ...` as a form shows defined tags.
pub fn defined_text(tags: &DefinedTags) -> String {
    let mut out = Vec::new();
    for (ns, keys) in tags {
        for (k, v) in keys {
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            out.push(format!("{ns}.{k}={v}"));
        }
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::{CatalogueNamespace, CatalogueTag, TagCatalogue, parse_freeform};

    fn catalogue() -> TagCatalogue {
        TagCatalogue {
            namespaces: vec![CatalogueNamespace {
                id: "ns".into(),
                name: "Operations".into(),
                retired: false,
                tags: vec![
                    CatalogueTag {
                        id: "t1".into(),
                        name: "CostCenter".into(),
                        retired: false,
                        values: None,
                    },
                    CatalogueTag {
                        id: "t2".into(),
                        name: "Environment".into(),
                        retired: false,
                        values: Some(vec!["dev".into(), "prod".into()]),
                    },
                ],
            }],
        }
    }

    #[test]
    fn entries_are_checked_against_the_tenancy() {
        let c = catalogue();
        let tags = c
            .parse_defined("Operations.CostCenter=CC-1, operations.Environment=prod")
            .unwrap();
        assert_eq!(tags["Operations"]["CostCenter"], "CC-1");
        assert!(
            c.parse_defined("Nope.x=1")
                .unwrap_err()
                .contains("no tag namespace")
        );
        assert!(
            c.parse_defined("Operations.Nope=1")
                .unwrap_err()
                .contains("CostCenter")
        );
        let e = c.parse_defined("Operations.Environment=qa").unwrap_err();
        assert!(e.contains("dev, prod"), "{e}");
        assert!(c.parse_defined("Operations=1").is_err());
        assert!(parse_freeform("a.b=1").is_err());
        assert_eq!(parse_freeform("env = dev").unwrap()["env"], "dev");
    }

    #[test]
    fn the_entry_being_typed_is_completed() {
        let c = catalogue();
        let s = c.suggest("Op");
        assert_eq!(s.completed.as_deref(), Some("Operations."));
        let s = c.suggest("x=1, Operations.E");
        assert_eq!(s.completed.as_deref(), Some("x=1, Operations.Environment="));
        let s = c.suggest("Operations.Environment=");
        assert_eq!(
            s.candidates,
            vec!["Operations.Environment=dev", "Operations.Environment=prod"]
        );
        assert!(c.suggest("Operations.CostCenter=").candidates.is_empty());
    }
}
