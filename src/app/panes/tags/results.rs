//! What the Tags pane does with answers: upsert or remove in its lists after a write, follow a
//! work request's progress, or go on to the next step after a read (an edit form, a checked
//! default). Toasts and failures of writes are the context's (see `Ctx::write`).

use crate::model::{StandardTagNamespaceTemplate, Tag, TagDefault, TagNamespace, WorkRequest};

use super::forms::{check_value, edit_tag_modal};
use super::locks::is_lock_refusal;
use super::{ME, TagsChange, TagsDialog, TagsFocus, TagsPane, TagsRead, TagsStep, Write, dialog};
use crate::app::ctx::Ctx;
use crate::app::request::{Payload, Response, TagRequest};
use crate::app::tag_fields::tag_fields;
use crate::app::widgets::form::Field;
use crate::app::widgets::modal::Modal;

impl TagsPane {
    pub(super) fn take_write(&mut self, response: Response, ctx: &mut Ctx) {
        if let (Ok(Payload::WorkRequest(wr)), Some(line)) =
            (&response.result, self.work.get_mut(&response.id))
        {
            *line = work_line(line, wr);
        }
        if !response.done {
            return;
        }
        self.work.remove(&response.id);
        let lockable = self.lockable.remove(&response.id);
        let Some(change) = self.changes.remove(&response.id) else {
            return;
        };
        let payload = match response.result {
            Ok(payload) => payload,
            Err(f) => {
                if let Some(write) = lockable
                    && is_lock_refusal(&f)
                {
                    self.refused_by_lock(write, &f, ctx);
                }
                return;
            }
        };
        if matches!(&payload, Payload::WorkRequest(wr) if wr.status != crate::model::WorkRequestStatus::Succeeded)
        {
            return;
        }
        self.apply_change(change, payload, ctx);
    }

    fn apply_change(&mut self, change: TagsChange, payload: Payload, ctx: &mut Ctx) {
        match (change, payload) {
            (TagsChange::Then(next), payload) => {
                self.apply_change(TagsChange::Upsert, payload, ctx);
                self.send(next.kind, next.done, next.change, ctx);
            }
            (TagsChange::Reload, _) => {
                self.load_namespaces(ctx);
                self.tags.clear();
                self.standard.reset();
                self.cost.reset();
            }
            (TagsChange::RemoveTags { namespace_id, ids }, _) => {
                if let Some(list) = self.tags.get_mut(&namespace_id) {
                    for id in &ids {
                        list.remove(id, ctx);
                    }
                }
            }
            (TagsChange::Upsert, Payload::Item(item)) => {
                if let Some(ns) = item.get::<TagNamespace>() {
                    ctx.learn_names(std::slice::from_ref(&ns));
                    self.namespaces.upsert(ns, ctx);
                } else if let Some(tag) = item.get::<Tag>() {
                    if let Some(ns) = tag.tag_namespace_id.clone() {
                        self.tags.entry(ns).or_default().upsert(tag, ctx);
                    }
                } else if let Some(d) = item.get::<TagDefault>()
                    && d.compartment_id == self.scope_id(ctx)
                {
                    self.defaults.upsert(d, ctx);
                }
            }
            (TagsChange::RemoveNamespace(id), _) => {
                self.namespaces.remove(&id, ctx);
                self.tags.remove(&id);
                self.focus = TagsFocus::Namespaces;
            }
            (TagsChange::RemoveTag { namespace_id, id }, _) => {
                if let Some(list) = self.tags.get_mut(&namespace_id) {
                    list.remove(&id, ctx);
                }
            }
            (TagsChange::RemoveDefault(id), _) => self.defaults.remove(&id, ctx),
            _ => {}
        }
    }

    pub(super) fn take_step(&mut self, step: TagsStep, response: &Response, ctx: &mut Ctx) {
        let tag = match &response.result {
            Ok(payload) => payload.as_item::<Tag>(),
            Err(f) => {
                // A form held for this read shows why; otherwise a toast does.
                return ctx.refuse(None, f.summary());
            }
        };
        let Some(mut tag) = tag else {
            return ctx.refuse(None, "the tag could not be read; try again");
        };
        match step {
            TagsStep::Refresh { namespace_id } => {
                tag.tag_namespace_id.get_or_insert(namespace_id.clone());
                if let Some(list) = self.tags.get_mut(&namespace_id) {
                    list.replace(tag, ctx);
                }
            }
            TagsStep::OpenEditor => {
                let modal = edit_tag_modal(&tag, ctx);
                ctx.open(modal);
            }
            TagsStep::CreateDefault(details) => {
                let done = format!(
                    "created tag default {}",
                    self.tag_path(tag.tag_namespace_id.as_deref().unwrap_or(""), &tag.name)
                );
                let checked = check_value(
                    &details.value,
                    details.is_required.unwrap_or(false),
                    tag.validator.as_ref(),
                );
                match checked {
                    Err(e) => ctx.refuse(Some("value"), e),
                    Ok(()) => self.send(TagRequest::CreateDefault(details), done, TagsChange::Upsert, ctx),
                }
            }
            TagsStep::UpdateDefault { id, details, etag } => {
                let done = format!("updated tag default {}", tag.name);
                let checked = check_value(
                    &details.value,
                    details.is_required.unwrap_or(false),
                    tag.validator.as_ref(),
                );
                match checked {
                    Err(e) => ctx.refuse(Some("value"), e),
                    Ok(()) => self.send(
                        TagRequest::UpdateDefault {
                            id,
                            details,
                            if_match: etag,
                        },
                        done,
                        TagsChange::Upsert,
                        ctx,
                    ),
                }
            }
        }
    }

    /// The answer to a read that opens a form or a view.
    pub(super) fn take_read(&mut self, read: &TagsRead, response: &Response, ctx: &mut Ctx) {
        let item = match &response.result {
            Ok(Payload::Item(item)) => item,
            Ok(other) => return ctx.toasts.error(format!("unexpected answer: {}", other.describe())),
            Err(f) => return ctx.toasts.error(f.summary()),
        };
        match read {
            TagsRead::EditNamespace => {
                let Some(ns) = item.get::<TagNamespace>() else {
                    return;
                };
                let mut fields = vec![
                    Field::text("description", "Description")
                        .value(&ns.description)
                        .required()
                        .max_chars(400),
                ];
                fields.extend(tag_fields(ctx, ME, &ns.freeform_tags, &ns.defined_tags));
                ctx.open(Modal::form(
                    dialog(TagsDialog::EditNamespace { id: ns.id.clone() }),
                    &format!("Edit tag namespace {}", ns.name),
                    fields,
                ));
                self.namespaces.replace(ns, ctx);
            }
            TagsRead::EditDefault => {
                let Some(d) = item.get::<TagDefault>() else {
                    return;
                };
                let path = self.tag_path(&d.tag_namespace_id, &d.tag_definition_name);
                ctx.open(Modal::form(
                    dialog(TagsDialog::EditDefault {
                        id: d.id.clone(),
                        etag: item.etag.clone(),
                    }),
                    &format!("Edit tag default {path}"),
                    vec![
                        Field::text("value", "Value").value(&d.value),
                        Field::yes_no("required", "Required", d.is_required),
                    ],
                ));
                self.defaults.replace(d, ctx);
            }
            TagsRead::Template => {
                if let Some(t) = item.get::<StandardTagNamespaceTemplate>() {
                    ctx.open(super::standard::template_modal(&t));
                }
            }
        }
    }

    /// Sends a write; what a success changes is kept until the answer.
    pub(super) fn send(&mut self, kind: TagRequest, done: String, change: TagsChange, ctx: &mut Ctx) {
        let follows_work = matches!(
            kind,
            TagRequest::CascadeDeleteNamespace { .. }
                | TagRequest::BulkDeleteTags(_)
                | TagRequest::ImportStandard(_)
        );
        let lockable = kind.takes_lock_override().then(|| Write {
            kind: kind.clone(),
            done: done.clone(),
            change: change.clone(),
        });
        // "deleted X" when it is done; "deleting X: IN_PROGRESS 40%" until then.
        let line = format!("{}: ACCEPTED", done.replacen("deleted", "deleting", 1));
        if let Some(id) = ctx.write(ME, kind, done) {
            self.changes.insert(id, change);
            if let Some(write) = lockable {
                self.lockable.insert(id, write);
            }
            if follows_work {
                // A cascade delete reports progress until its work request finishes.
                self.work.insert(id, line);
            }
        }
    }
}

fn work_line(line: &str, wr: &WorkRequest) -> String {
    let what = line.split(": ").next().unwrap_or(line);
    let pct = wr
        .percent_complete
        .map(|p| format!(" {p:.0}%"))
        .unwrap_or_default();
    format!("{what}: {}{pct}", wr.status)
}
