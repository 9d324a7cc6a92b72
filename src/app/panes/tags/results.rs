//! What the Tags pane does with answers: upsert or remove in its lists after a write, follow a
//! work request's progress, or go on to the next step after a read (an edit form, a checked
//! default). Toasts and failures of writes are the context's (see `Ctx::write`).

use crate::model::{Tag, TagDefault, TagNamespace, WorkRequest};

use super::forms::{check_value, edit_tag_modal};
use super::{ME, TagsChange, TagsFocus, TagsPane, TagsStep};
use crate::app::ctx::Ctx;
use crate::app::request::{Payload, Response, TagRequest};

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
        let Some(change) = self.changes.remove(&response.id) else {
            return;
        };
        let Ok(payload) = response.result else {
            return;
        };
        if matches!(&payload, Payload::WorkRequest(wr) if wr.status != crate::model::WorkRequestStatus::Succeeded)
        {
            return;
        }
        match (change, payload) {
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
            TagsStep::OpenEditor => ctx.open(edit_tag_modal(&tag)),
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
            TagsStep::UpdateDefault { id, details } => {
                let done = format!("updated tag default {}", tag.name);
                let checked = check_value(
                    &details.value,
                    details.is_required.unwrap_or(false),
                    tag.validator.as_ref(),
                );
                match checked {
                    Err(e) => ctx.refuse(Some("value"), e),
                    Ok(()) => self.send(
                        TagRequest::UpdateDefault { id, details },
                        done,
                        TagsChange::Upsert,
                        ctx,
                    ),
                }
            }
        }
    }

    /// Sends a write; what a success changes is kept until the answer.
    pub(super) fn send(&mut self, kind: TagRequest, done: String, change: TagsChange, ctx: &mut Ctx) {
        let follows_work = matches!(kind, TagRequest::CascadeDeleteNamespace { .. });
        // "deleted X" when it is done; "deleting X: IN_PROGRESS 40%" until then.
        let line = format!("{}: ACCEPTED", done.replacen("deleted", "deleting", 1));
        if let Some(id) = ctx.write(ME, kind, done) {
            self.changes.insert(id, change);
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
