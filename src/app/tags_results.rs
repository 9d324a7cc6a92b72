//! What the Tags pane does with the answer to a write: upsert or remove in its lists, follow
//! a work request's progress, or go on to the next step (an edit form, a checked default).

use crate::model::WorkRequestStatus;

use super::ctx::Ctx;
use super::request::{Payload, RequestId, RequestKind, Response};
use super::tags::{TagsChange, TagsFocus, TagsPane};

impl TagsPane {
    pub(crate) fn take_write(&mut self, request: RequestId, response: Response, ctx: &mut Ctx) {
        let Some(write) = self.writes.get(&request).cloned() else {
            return;
        };
        if !response.done {
            if let Ok(Payload::WorkRequest(wr)) = &response.result {
                self.work.insert(request, work_line(&write.done, wr));
            }
            return;
        }
        self.writes.remove(&request);
        self.work.remove(&request);
        let payload = match response.result {
            Ok(p) => p,
            Err(failure) => {
                ctx.toasts.error(failure.summary());
                return;
            }
        };
        if let Payload::WorkRequest(wr) = &payload
            && wr.status != WorkRequestStatus::Succeeded
        {
            let why = wr
                .errors
                .first()
                .map(|e| format!(": {} {}", e.code, e.message))
                .unwrap_or_default();
            ctx.toasts
                .error(format!("{} did not finish: {}{why}", write.done, wr.status));
            return;
        }
        match (write.change, payload) {
            (TagsChange::OpenTagEditor, Payload::Tag(tag)) => {
                ctx.open(super::tags_forms::edit_tag_modal(&tag));
                return;
            }
            (TagsChange::ThenCreateDefault(details), Payload::Tag(tag)) => {
                self.write_default(
                    RequestKind::CreateTagDefault(details),
                    &tag,
                    write.done,
                    ctx,
                );
                return;
            }
            (TagsChange::ThenUpdateDefault { id, details }, Payload::Tag(tag)) => {
                let kind = RequestKind::UpdateTagDefault { id, details };
                self.write_default(kind, &tag, write.done, ctx);
                return;
            }
            (TagsChange::Upsert, Payload::TagNamespace(ns)) => self.namespaces.upsert(ns),
            (TagsChange::Upsert, Payload::Tag(tag)) => {
                if let Some(ns) = tag.tag_namespace_id.clone() {
                    self.tags.entry(ns).or_default().upsert(tag);
                }
            }
            (TagsChange::Upsert, Payload::TagDefault(d))
                if d.compartment_id == self.scope_id(ctx) =>
            {
                self.defaults.upsert(d);
            }
            (TagsChange::RemoveNamespace(id), _) => {
                self.namespaces.remove(&id);
                self.tags.remove(&id);
                self.focus = TagsFocus::Namespaces;
            }
            (TagsChange::RemoveTag { namespace_id, id }, _) => {
                if let Some(list) = self.tags.get_mut(&namespace_id) {
                    list.remove(&id);
                }
            }
            (TagsChange::RemoveDefault(id), _) => self.defaults.remove(&id),
            _ => {}
        }
        ctx.toasts.success(write.done);
    }
}

fn work_line(what: &str, wr: &crate::model::WorkRequest) -> String {
    let pct = wr
        .percent_complete
        .map(|p| format!(" {p:.0}%"))
        .unwrap_or_default();
    format!("{what}: {}{pct}", wr.status)
}
