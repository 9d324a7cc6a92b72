//! Defined tags as OCI checks them on every create and update (namespace and key exist and
//! are active, ENUM values allowed), tag defaults applied to new resources (the nearest
//! compartment's default wins; a required one must be given a value), and tags removed from
//! every resource when their definition is deleted.

use serde_json::Value;

use super::{Store, now_rfc3339};
use crate::emulator::error::ApiError;
use crate::model::{DefinedTags, LifecycleState, Tag, TagDefault, TagNamespace, TagValidator};

/// OCI's limit on a defined tag's value.
const MAX_VALUE_CHARS: usize = 256;

impl Store {
    /// The live namespace with this name (names are case-insensitive in the tenancy).
    pub fn namespace_named(&self, name: &str) -> Option<&TagNamespace> {
        self.tag_namespaces.iter().find(|n| {
            n.name.eq_ignore_ascii_case(name)
                && !matches!(n.lifecycle_state, LifecycleState::Deleted)
        })
    }

    /// The live tag with this name in the namespace.
    pub fn tag_named(&self, namespace_id: &str, name: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| {
            t.tag_namespace_id.as_deref() == Some(namespace_id)
                && t.name.eq_ignore_ascii_case(name)
                && !matches!(t.lifecycle_state, LifecycleState::Deleted)
        })
    }

    /// Checks defined tags as OCI does: every namespace and key must exist and be active and
    /// every value a string its validator allows. Tags an update leaves as they were
    /// (`current`) pass unchecked, so a resource that carries a since-retired tag can still be
    /// updated.
    pub fn check_defined_tags(
        &self,
        tags: &DefinedTags,
        current: Option<&DefinedTags>,
    ) -> Result<(), ApiError> {
        let mut unknown = Vec::new();
        for (ns_name, keys) in tags {
            for (key, value) in keys {
                let unchanged = current
                    .and_then(|c| c.get(ns_name))
                    .and_then(|k| k.get(key))
                    .is_some_and(|v| v == value);
                if unchanged {
                    continue;
                }
                let Some(ns) = self.namespace_named(ns_name) else {
                    unknown.push(format!("'{ns_name}'"));
                    continue;
                };
                let Some(tag) = self.tag_named(&ns.id, key) else {
                    unknown.push(format!("'{ns_name}.{key}'"));
                    continue;
                };
                check_usable(ns, tag)?;
                check_value(ns, tag, value)?;
            }
        }
        if unknown.is_empty() {
            Ok(())
        } else {
            // OCI's own wording, plus what to do about it.
            Err(ApiError::invalid(format!(
                "The following tag namespaces / keys are not authorized or not found: {}; \
                 create them first or correct the names",
                unknown.join(", ")
            )))
        }
    }

    /// The tag defaults that apply in a compartment: its own and its ancestors', one per tag
    /// definition, the one nearest the compartment winning. Only defaults of active tags.
    pub fn effective_tag_defaults(&self, compartment_id: &str) -> Vec<&TagDefault> {
        let mut chain = vec![compartment_id.to_string()];
        let mut current = compartment_id.to_string();
        // Bounded by the table size so a corrupt cycle cannot loop forever.
        for _ in 0..=self.compartments.len() {
            match self.compartments.get(&current) {
                Some(c) if c.compartment_id != current => {
                    current.clone_from(&c.compartment_id);
                    chain.push(current.clone());
                }
                _ => break,
            }
        }
        if chain.last().map(String::as_str) != Some(self.tenancy_id()) {
            chain.push(self.tenancy_id().to_string());
        }
        let mut chosen: Vec<&TagDefault> = Vec::new();
        for compartment in &chain {
            for default in self.tag_defaults.iter().filter(|d| {
                &d.compartment_id == compartment && d.lifecycle_state == LifecycleState::Active
            }) {
                let active = self
                    .tags
                    .get(&default.tag_definition_id)
                    .is_some_and(|t| t.lifecycle_state == LifecycleState::Active);
                let taken = chosen
                    .iter()
                    .any(|d| d.tag_definition_id == default.tag_definition_id);
                if active && !taken {
                    chosen.push(default);
                }
            }
        }
        chosen
    }

    /// The defined tags a new resource in `compartment_id` gets: the request's, checked, plus
    /// the values of the tag defaults that apply. A required default the request gives no
    /// value for refuses the create, as OCI does.
    pub fn tags_for_new(
        &self,
        compartment_id: &str,
        given: Option<DefinedTags>,
        principal: Option<&str>,
    ) -> Result<DefinedTags, ApiError> {
        let mut tags = given.unwrap_or_default();
        self.check_defined_tags(&tags, None)?;
        for default in self.effective_tag_defaults(compartment_id) {
            let Some(ns) = self.tag_namespaces.get(&default.tag_namespace_id) else {
                continue;
            };
            let has = tags
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&ns.name))
                .and_then(|(_, keys)| {
                    keys.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(&default.tag_definition_name))
                })
                .is_some_and(|(_, v)| v.as_str().is_some_and(|s| !s.trim().is_empty()));
            if has {
                continue;
            }
            if default.is_required {
                let place = self.compartment_label(&default.compartment_id);
                return Err(ApiError::invalid(format!(
                    "the tag {}.{} is required in {place} (a required tag default): give it a \
                     value in definedTags",
                    ns.name, default.tag_definition_name
                )));
            }
            let value = self.expand_tag_variables(&default.value, principal);
            tags.entry(ns.name.clone())
                .or_default()
                .insert(default.tag_definition_name.clone(), Value::String(value));
        }
        Ok(tags)
    }

    /// `${iam.principal.name}`, `${iam.principal.type}` and `${oci.datetime}` as OCI fills
    /// them in when a tag default applies.
    fn expand_tag_variables(&self, value: &str, principal: Option<&str>) -> String {
        if !value.contains("${") {
            return value.to_string();
        }
        let name = principal
            .and_then(|id| self.users.get(id))
            .map_or("unknown", |u| u.name.as_str());
        value
            .replace("${iam.principal.name}", name)
            .replace("${iam.principal.type}", "user")
            .replace("${oci.datetime}", &now_rfc3339())
    }

    /// "compartment Prod" or "the root compartment", for messages.
    pub fn compartment_label(&self, id: &str) -> String {
        match self.compartments.get(id) {
            Some(c) => format!("compartment {}", c.name),
            None => "the root compartment".to_string(),
        }
    }

    /// Removes a namespace's tags (all of them, or the one named `key`) from every resource,
    /// as OCI does when it deletes tag definitions.
    pub fn strip_defined_tags(&mut self, namespace: &str, key: Option<&str>) {
        let strip = |tags: &mut DefinedTags| {
            let Some(ns_key) = tags
                .keys()
                .find(|n| n.eq_ignore_ascii_case(namespace))
                .cloned()
            else {
                return;
            };
            match key {
                None => {
                    tags.remove(&ns_key);
                }
                Some(key) => {
                    if let Some(keys) = tags.get_mut(&ns_key) {
                        keys.retain(|k, _| !k.eq_ignore_ascii_case(key));
                        if keys.is_empty() {
                            tags.remove(&ns_key);
                        }
                    }
                }
            }
        };
        self.compartments
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.users
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.groups
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.dynamic_groups
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.policies
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.tag_namespaces
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.tags
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.invitations
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
        self.compartment_resources
            .iter_mut()
            .for_each(|r| strip(&mut r.defined_tags));
    }
}

/// A retired namespace or tag cannot be applied any more.
fn check_usable(ns: &TagNamespace, tag: &Tag) -> Result<(), ApiError> {
    if ns.is_retired || ns.lifecycle_state != LifecycleState::Active {
        return Err(ApiError::invalid(format!(
            "tag namespace {} is retired ({}); reactivate it before applying its tags",
            ns.name, ns.lifecycle_state
        )));
    }
    if tag.is_retired || tag.lifecycle_state != LifecycleState::Active {
        return Err(ApiError::invalid(format!(
            "tag {}.{} is retired ({}); reactivate it before applying it",
            ns.name, tag.name, tag.lifecycle_state
        )));
    }
    Ok(())
}

/// Values are strings of at most 256 characters; an ENUM tag takes one of its values.
fn check_value(ns: &TagNamespace, tag: &Tag, value: &Value) -> Result<(), ApiError> {
    let Some(text) = value.as_str() else {
        return Err(ApiError::invalid(format!(
            "the value of defined tag {}.{} must be a string, not {value}",
            ns.name, tag.name
        )));
    };
    if text.chars().count() > MAX_VALUE_CHARS {
        return Err(ApiError::invalid(format!(
            "the value of defined tag {}.{} is longer than {MAX_VALUE_CHARS} characters",
            ns.name, tag.name
        )));
    }
    if let Some(TagValidator::Enum { values }) = &tag.validator
        && !values.iter().any(|v| v == text)
    {
        return Err(ApiError::invalid(format!(
            "'{text}' is not an allowed value of defined tag {}.{}; use one of: {}",
            ns.name,
            tag.name,
            values.join(", ")
        )));
    }
    Ok(())
}
