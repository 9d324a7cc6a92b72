//! What a form's fields offer: the options of a choice (fixed, or taken from the tenancy's
//! tags and depending on another field), and the completions of a text field.

use std::fmt::Write as _;
use std::sync::Arc;

use super::{FieldKind, Form, TagInput, TagPart};
use crate::app::tag_catalogue::TagCatalogue;

/// How many candidates the line under a field names.
const SHOWN: usize = 6;

impl Form {
    /// The value of the field named `name` (empty if there is none).
    pub fn value_of(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map_or("", |f| f.input.text().trim())
    }

    /// The options of field `i` when it is a choice now: a fixed choice, a tag part, a tag
    /// value with an allowed list. `None` for a field that takes text.
    pub fn choices(&self, i: usize) -> Option<Vec<String>> {
        let field = self.fields.get(i)?;
        match &field.kind {
            FieldKind::Choice(options) => Some(options.clone()),
            FieldKind::Tag(TagInput { catalogue, part }) => match part {
                TagPart::List => None,
                TagPart::Namespace => Some(catalogue.active_namespaces()),
                TagPart::Key { namespace } => Some(catalogue.active_keys(self.value_of(namespace))),
                TagPart::Value { namespace, key } => catalogue
                    .values(self.value_of(namespace), self.value_of(key))
                    .map(<[String]>::to_vec),
            },
            FieldKind::Text | FieldKind::Suggest(_) => None,
        }
    }

    /// What field `i` holds once its first candidate is taken.
    pub fn completion(&self, i: usize) -> Option<String> {
        let field = self.fields.get(i)?;
        let typed = field.input.text();
        match &field.kind {
            FieldKind::Suggest(options) => matching(options, typed)
                .into_iter()
                .next()
                .filter(|c| c != typed),
            FieldKind::Tag(TagInput {
                catalogue,
                part: TagPart::List,
            }) => catalogue.suggest(typed).completed,
            _ => None,
        }
    }

    /// The candidates for field `i` as typed so far, for the line under it.
    pub fn hint(&self, i: usize) -> Option<String> {
        let field = self.fields.get(i)?;
        let typed = field.input.text();
        let candidates = match &field.kind {
            FieldKind::Suggest(options) => matching(options, typed),
            FieldKind::Tag(TagInput {
                catalogue,
                part: TagPart::List,
            }) => catalogue.suggest(typed).candidates,
            FieldKind::Tag(TagInput {
                catalogue,
                part: TagPart::Value { .. },
            }) if catalogue.is_empty() => return Some("reading the tenancy's tags…".into()),
            FieldKind::Tag(TagInput {
                part: TagPart::Value { .. },
                ..
            }) if self.choices(i).is_none() => return Some("any value".into()),
            _ => return None,
        };
        if candidates.is_empty() || candidates.len() == 1 && candidates[0] == typed {
            return None;
        }
        let more = candidates.len().saturating_sub(SHOWN);
        let mut line = candidates
            .into_iter()
            .take(SHOWN)
            .collect::<Vec<_>>()
            .join("  ");
        if more > 0 {
            let _ = write!(line, "  (+{more})");
        }
        Some(format!("→ {line}"))
    }

    /// Puts every dependent choice on one of its options (after the field it depends on
    /// changed).
    pub fn sync(&mut self) {
        for i in 0..self.fields.len() {
            if !matches!(
                &self.fields[i].kind,
                FieldKind::Tag(TagInput {
                    part: TagPart::Namespace | TagPart::Key { .. } | TagPart::Value { .. },
                    ..
                })
            ) {
                continue;
            }
            if let Some(options) = self.choices(i) {
                let field = &mut self.fields[i];
                if !options.iter().any(|o| o == field.input.text()) {
                    let first = options.first().cloned().unwrap_or_default();
                    field.input.set(&first);
                }
            }
        }
    }

    /// Gives the tag fields the tenancy's tags (they arrived after the form opened).
    pub fn set_catalogue(&mut self, catalogue: &Arc<TagCatalogue>) {
        let mut changed = false;
        for f in &mut self.fields {
            if let FieldKind::Tag(input) = &mut f.kind
                && input.catalogue.is_empty()
            {
                input.catalogue = Arc::clone(catalogue);
                changed = true;
            }
        }
        if changed {
            self.sync();
        }
    }
}

/// The options starting with what is typed, then those containing it (case-insensitive).
fn matching(options: &[String], typed: &str) -> Vec<String> {
    let lower = typed.trim().to_lowercase();
    let mut starts: Vec<String> = Vec::new();
    let mut contains: Vec<String> = Vec::new();
    for o in options {
        let l = o.to_lowercase();
        if l.starts_with(&lower) {
            starts.push(o.clone());
        } else if l.contains(&lower) {
            contains.push(o.clone());
        }
    }
    starts.extend(contains);
    starts
}
