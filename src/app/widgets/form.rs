//! Forms with named fields, each declared with its label, help and checks. A form is read by
//! field name, never by position; it checks itself before it is submitted, and it stays open
//! with the service's error beside the field when a write it sent is refused.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::line_editor::{Edit, LineEditor};
use crate::app::request::RequestId;
use crate::app::tag_catalogue::TagCatalogue;

/// A check a field's value must pass before the form is submitted.
#[derive(Clone, Copy)]
pub enum Check {
    /// Not empty.
    Required,
    /// At most this many characters.
    MaxChars(usize),
    /// A rule of the caller's: the message says what to fix.
    Rule(fn(&str) -> Result<(), String>),
    /// As `Rule`, and also checked as the user types, so the message shows at once (the
    /// statement of a new policy is linted like the editor lints).
    Live(fn(&str) -> Result<(), String>),
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Check::Required => f.write_str("Required"),
            Check::MaxChars(n) => write!(f, "MaxChars({n})"),
            Check::Rule(_) => f.write_str("Rule"),
            Check::Live(_) => f.write_str("Live"),
        }
    }
}

impl PartialEq for Check {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Check::Required, Check::Required) => true,
            (Check::MaxChars(a), Check::MaxChars(b)) => a == b,
            (Check::Rule(a), Check::Rule(b)) | (Check::Live(a), Check::Live(b)) => {
                std::ptr::fn_addr_eq(*a, *b)
            }
            _ => false,
        }
    }
}

impl Eq for Check {}

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    Text,
    /// One of a fixed set of values; Space (or typing) cycles through them.
    Choice(Vec<String>),
    /// Text with completions from a list (compartment paths): the candidates matching what
    /// is typed show under it, Right at the end of the text takes the first.
    Suggest(Arc<Vec<String>>),
    /// Defined tags, or one part of a tag, offered from the tenancy's tags.
    Tag(TagInput),
}

/// A field about defined tags: what it offers comes from the tenancy's tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagInput {
    pub catalogue: Arc<TagCatalogue>,
    pub part: TagPart,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagPart {
    /// `Namespace.key=value, ...`, checked entry by entry, the entry being typed completed.
    List,
    /// A choice of the namespaces tags can be taken from.
    Namespace,
    /// A choice of the tags of the namespace in the field named `namespace`.
    Key { namespace: &'static str },
    /// One of the tag's allowed values (a choice), or any text for a tag without a list.
    Value {
        namespace: &'static str,
        key: &'static str,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// How the code reads the value (`name`, `description`).
    pub name: &'static str,
    pub label: String,
    /// Shown dimmed under the field.
    pub help: String,
    pub input: LineEditor,
    pub kind: FieldKind,
    pub checks: Vec<Check>,
    /// Why the value was refused, shown beside the field.
    pub error: Option<String>,
    /// A password: drawn as `•`, never shown.
    pub masked: bool,
}

impl Field {
    /// A free-text field, empty.
    pub fn text(name: &'static str, label: &str) -> Self {
        Field {
            name,
            label: label.into(),
            help: String::new(),
            input: LineEditor::default(),
            kind: FieldKind::Text,
            // The line editor never holds control characters, so no check is needed here.
            checks: Vec::new(),
            error: None,
            masked: false,
        }
    }

    /// A yes/no field.
    pub fn yes_no(name: &'static str, label: &str, value: bool) -> Self {
        Self::choice(
            name,
            label,
            &["no", "yes"],
            if value { "yes" } else { "no" },
        )
    }

    /// A field holding one of `options`, starting at `value`.
    pub fn choice(name: &'static str, label: &str, options: &[&str], value: &str) -> Self {
        Field {
            kind: FieldKind::Choice(options.iter().map(|o| (*o).to_string()).collect()),
            input: LineEditor::new(value),
            ..Self::text(name, label)
        }
    }

    /// Text completed from `options` (see [`FieldKind::Suggest`]).
    pub fn suggest(name: &'static str, label: &str, options: Arc<Vec<String>>) -> Self {
        Field {
            kind: FieldKind::Suggest(options),
            ..Self::text(name, label)
        }
    }

    /// A field about defined tags (see [`TagPart`]).
    pub fn tag(
        name: &'static str,
        label: &str,
        catalogue: Arc<TagCatalogue>,
        part: TagPart,
    ) -> Self {
        Field {
            kind: FieldKind::Tag(TagInput { catalogue, part }),
            ..Self::text(name, label)
        }
    }

    #[must_use]
    pub fn value(mut self, value: &str) -> Self {
        self.input.set(value);
        self
    }

    /// A password field: its value is drawn as `•`.
    #[must_use]
    pub fn masked(mut self) -> Self {
        self.masked = true;
        self
    }

    #[must_use]
    pub fn help(mut self, help: &str) -> Self {
        self.help = help.into();
        self
    }

    #[must_use]
    pub fn required(mut self) -> Self {
        self.checks.insert(0, Check::Required);
        self
    }

    #[must_use]
    pub fn max_chars(mut self, max: usize) -> Self {
        self.checks.push(Check::MaxChars(max));
        self
    }

    #[must_use]
    pub fn check(mut self, rule: fn(&str) -> Result<(), String>) -> Self {
        self.checks.push(Check::Rule(rule));
        self
    }

    /// A check shown as the user types, and enforced on submit.
    #[must_use]
    pub fn live(mut self, rule: fn(&str) -> Result<(), String>) -> Self {
        self.checks.push(Check::Live(rule));
        self
    }

    /// The value as submitted: surrounding spaces trimmed.
    pub fn submitted(&self) -> &str {
        self.input.text().trim()
    }

    /// The first check the value fails, as a message about this field.
    pub fn validate(&self) -> Result<(), String> {
        let value = self.submitted();
        for check in &self.checks {
            match check {
                Check::Required if value.is_empty() => {
                    return Err(format!("{} cannot be empty", self.label));
                }
                Check::MaxChars(max) if value.chars().count() > *max => {
                    return Err(format!("{} is longer than {max} characters", self.label));
                }
                Check::Rule(rule) | Check::Live(rule) if !value.is_empty() => {
                    rule(value).map_err(|e| format!("{}: {e}", self.label))?;
                }
                _ => {}
            }
        }
        self.tag_error().map_or(Ok(()), Err)
    }

    /// What the live checks say of the value as typed so far.
    fn live_error(&self) -> Option<String> {
        let value = self.submitted();
        self.checks
            .iter()
            .find_map(|c| match c {
                Check::Live(rule) if !value.is_empty() => rule(value).err(),
                _ => None,
            })
            .or_else(|| self.tag_error())
    }

    /// A list of defined tags the tenancy would refuse: which entry, and why.
    fn tag_error(&self) -> Option<String> {
        match &self.kind {
            FieldKind::Tag(TagInput {
                catalogue,
                part: TagPart::List,
            }) => catalogue.parse_defined(self.submitted()).err(),
            _ => None,
        }
    }

    /// Moves a choice field to its next option.
    pub(super) fn cycle_in(&mut self, options: &[String], forward: bool) {
        if options.is_empty() {
            return;
        }
        let at = options
            .iter()
            .position(|o| o == self.input.text())
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % options.len()
        } else {
            (at + options.len() - 1) % options.len()
        };
        let value = options[next].clone();
        self.input.set(&value);
    }
}

/// A form's submitted values by field name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormValues(BTreeMap<&'static str, String>);

impl FormValues {
    /// The value of a field; empty for a name the form does not have (a programming error,
    /// caught by the form's tests).
    pub fn get(&self, name: &str) -> &str {
        debug_assert!(self.0.contains_key(name), "the form has no field {name}");
        self.0.get(name).map_or("", String::as_str)
    }

    /// The value as an owned string.
    pub fn string(&self, name: &str) -> String {
        self.get(name).to_string()
    }

    /// `None` for an empty value.
    pub fn optional(&self, name: &str) -> Option<String> {
        Some(self.get(name))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    /// A yes/no field's value.
    pub fn yes(&self, name: &str) -> bool {
        matches!(self.get(name), "yes" | "y" | "true")
    }

    pub fn insert(&mut self, name: &'static str, value: &str) {
        self.0.insert(name, value.to_string());
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A refusal not about one field (or from the service), under the fields.
    pub error: Option<String>,
    /// The write this form sent, while its answer is awaited: the form stays open until the
    /// service accepts it.
    pub waiting: Option<RequestId>,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Self {
        let mut form = Form {
            fields,
            focus: 0,
            error: None,
            waiting: None,
        };
        form.sync();
        form
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn field_mut(&mut self, name: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.name == name)
    }

    pub fn next_field(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    /// A key typed into the focused field. A field that offers a choice cycles through it
    /// (Space, Right, Left); a completed text field takes its completion with Right at the end.
    pub fn key(&mut self, key: &crossterm::event::KeyEvent) -> Edit {
        use crossterm::event::KeyCode;
        let focus = self.focus;
        let choices = self.choices(focus);
        let completion = self.completion(focus);
        let Some(field) = self.fields.get_mut(focus) else {
            return Edit::Ignored;
        };
        if let Some(options) = choices {
            let forward = match key.code {
                KeyCode::Char(' ') | KeyCode::Right => true,
                KeyCode::Left => false,
                _ => return Edit::Ignored,
            };
            field.cycle_in(&options, forward);
            field.error = None;
            self.sync();
            return Edit::Changed;
        }
        let at_end = field.input.cursor() == field.input.text().len();
        if key.code == KeyCode::Right
            && at_end
            && let Some(completed) = completion
        {
            field.input.set(&completed);
            field.error = field.live_error();
            self.sync();
            return Edit::Changed;
        }
        let edit = field.input.handle(key);
        if edit == Edit::Changed {
            field.error = field.live_error();
            self.sync();
        }
        edit
    }

    pub fn paste(&mut self, text: &str) {
        let takes_text = self.choices(self.focus).is_none();
        if let Some(field) = self.fields.get_mut(self.focus)
            && takes_text
            && field.input.paste(text) == Edit::Changed
        {
            field.error = field.live_error();
            self.sync();
        }
    }

    /// Checks every field: the values when all pass; else `None`, each bad field marked
    /// with why and the first one focused.
    pub fn validate(&mut self) -> Option<FormValues> {
        let mut first_bad = None;
        for (i, field) in self.fields.iter_mut().enumerate() {
            field.error = field.validate().err();
            if field.error.is_some() && first_bad.is_none() {
                first_bad = Some(i);
            }
        }
        if let Some(i) = first_bad {
            self.focus = i;
            self.error = None;
            return None;
        }
        let mut values = FormValues::default();
        for f in &self.fields {
            values.insert(f.name, f.submitted());
        }
        Some(values)
    }

    /// Shows why the form was refused: beside `field` when given (or when the message names
    /// a field), else under the fields.
    pub fn refuse(&mut self, field: Option<&str>, message: impl Into<String>) {
        let message = message.into();
        let name = field
            .map(str::to_string)
            .or_else(|| self.field_named_in(&message));
        match name.and_then(|n| self.fields.iter().position(|f| f.name == n)) {
            Some(i) => {
                self.fields[i].error = Some(message);
                self.focus = i;
                self.error = None;
            }
            None => self.error = Some(message),
        }
        self.waiting = None;
    }

    /// The field whose name or label a service message mentions, e.g. "Invalid name" or
    /// "matching rule is not valid": where to show the service's refusal.
    fn field_named_in(&self, message: &str) -> Option<String> {
        let lower = message.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        self.fields
            .iter()
            .find(|f| {
                let label = f.label.to_lowercase();
                lower.contains(&label) && label.contains(' ')
                    || words.contains(&f.name.to_lowercase().as_str())
                    || words.contains(&label.as_str())
            })
            .map(|f| f.name.to_string())
    }

    /// True when any field carries an error or the form does.
    pub fn has_errors(&self) -> bool {
        self.error.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }
}

#[path = "form_options.rs"]
mod options;

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
