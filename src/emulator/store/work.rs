//! Work requests: asynchronous deletes, moves, bulk operations and identity-domain changes
//! that progress with time (ACCEPTED, then `IN_PROGRESS`, then SUCCEEDED or FAILED), applying
//! their effect when they finish, plus the finished history a seed brings along.

use std::time::Instant;

pub use super::work_kind::WorkKind;
use super::{Keyed, Store, format_time, new_ocid, now_rfc3339};
use crate::model::{
    IamWorkRequest, InvitationStatus, LifecycleState, WorkRequest, WorkRequestError,
    WorkRequestLogEntry, WorkRequestResource, WorkRequestStatus,
};

/// Which API serves the work request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkService {
    /// `/20160918/workRequests`
    Identity,
    /// `/20160918/taggingWorkRequests` (and `/workRequests`, which accepts any id)
    Tagging,
    /// `/20160918/iamWorkRequests`: identity domains.
    Iam,
    /// `/20230401/workRequests`
    Organizations,
}

#[derive(Debug, Clone)]
pub struct WorkItem {
    pub id: String,
    pub kind: WorkKind,
    pub service: WorkService,
    pub compartment_id: String,
    pub accepted: Instant,
    pub time_accepted: String,
    pub time_started: Option<String>,
    pub time_finished: Option<String>,
    pub status: WorkRequestStatus,
    pub errors: Vec<WorkRequestError>,
    pub logs: Vec<WorkRequestLogEntry>,
    /// Set for history loaded from a snapshot; live requests derive it from the status.
    pub percent_complete: Option<f64>,
    /// Why this request will fail when its time is up (decided when it was accepted).
    pub doomed: Option<WorkRequestError>,
}

impl Keyed for WorkItem {
    fn key(&self) -> &str {
        &self.id
    }
}

impl WorkItem {
    /// History from a snapshot, served as it was recorded.
    pub fn recorded(wr: WorkRequest, service: WorkService) -> Self {
        let status = wr.status;
        Self {
            id: wr.id,
            kind: WorkKind::Recorded {
                operation_type: wr.operation_type,
                resources: wr.resources,
            },
            service,
            compartment_id: wr.compartment_id.unwrap_or_default(),
            accepted: Instant::now(),
            time_accepted: wr.time_accepted.unwrap_or_default(),
            time_started: wr.time_started,
            time_finished: wr.time_finished,
            percent_complete: wr.percent_complete.or(Some(percent(&status))),
            status,
            errors: wr.errors,
            logs: wr.logs.unwrap_or_default(),
            doomed: None,
        }
    }

    fn resources(&self) -> Vec<WorkRequestResource> {
        if let WorkKind::Recorded { resources, .. } = &self.kind {
            return resources.clone();
        }
        self.kind
            .resources()
            .into_iter()
            .map(|(identifier, entity_type, finished_action)| {
                let action = match self.status {
                    WorkRequestStatus::Succeeded => finished_action,
                    // IAM work requests have no FAILED action; the resource is only related.
                    WorkRequestStatus::Failed if self.service == WorkService::Iam => "RELATED",
                    WorkRequestStatus::Failed => "FAILED",
                    _ => "IN_PROGRESS",
                };
                let entity_uri =
                    (entity_type == "domain").then(|| format!("/20160918/domains/{identifier}"));
                WorkRequestResource {
                    identifier,
                    entity_type,
                    action_type: action.to_string(),
                    entity_uri,
                }
            })
            .collect()
    }

    /// The classic wire form; `with_logs` distinguishes `WorkRequest` from
    /// `WorkRequestSummary`.
    pub fn view(&self, with_logs: bool) -> WorkRequest {
        WorkRequest {
            id: self.id.clone(),
            operation_type: self.kind.operation_type().to_string(),
            compartment_id: Some(self.compartment_id.clone()),
            status: self.status.clone(),
            resources: self.resources(),
            errors: self.errors.clone(),
            logs: with_logs.then(|| self.logs.clone()),
            time_accepted: Some(self.time_accepted.clone()),
            time_started: self.time_started.clone(),
            time_finished: self.time_finished.clone(),
            percent_complete: Some(
                self.percent_complete
                    .unwrap_or_else(|| percent(&self.status)),
            ),
        }
    }

    /// The IAM and tagging wire form: no errors or logs (they are listed separately).
    pub fn summary(&self) -> IamWorkRequest {
        IamWorkRequest {
            id: self.id.clone(),
            operation_type: self.kind.operation_type().to_string(),
            status: self.status.clone(),
            compartment_id: Some(self.compartment_id.clone()),
            resources: self.resources(),
            percent_complete: Some(
                self.percent_complete
                    .unwrap_or_else(|| percent(&self.status)),
            ),
            time_accepted: Some(self.time_accepted.clone()),
            time_started: self.time_started.clone(),
            time_finished: self.time_finished.clone(),
        }
    }

    fn log(&mut self, message: impl Into<String>) {
        self.logs.push(WorkRequestLogEntry {
            message: message.into(),
            timestamp: now_rfc3339(),
        });
    }
}

fn percent(status: &WorkRequestStatus) -> f64 {
    match status {
        WorkRequestStatus::Accepted => 0.0,
        WorkRequestStatus::InProgress | WorkRequestStatus::Canceling => 50.0,
        _ => 100.0,
    }
}

impl Store {
    /// Records a new work request and returns its id.
    pub fn start_work(
        &mut self,
        kind: WorkKind,
        service: WorkService,
        compartment_id: &str,
    ) -> String {
        self.start_doomed_work(kind, service, compartment_id, None)
    }

    /// Like [`Store::start_work`], for a request that will fail with `doomed` when its time is
    /// up (undoing what it started) instead of taking effect.
    pub fn start_doomed_work(
        &mut self,
        kind: WorkKind,
        service: WorkService,
        compartment_id: &str,
        doomed: Option<WorkRequestError>,
    ) -> String {
        let prefix = match service {
            WorkService::Organizations => "organizationsworkrequest",
            WorkService::Iam => "iamworkrequest",
            WorkService::Identity | WorkService::Tagging => "workrequest",
        };
        let mut item = WorkItem {
            id: new_ocid(prefix),
            kind,
            service,
            compartment_id: compartment_id.to_string(),
            accepted: Instant::now(),
            time_accepted: now_rfc3339(),
            time_started: None,
            time_finished: None,
            status: WorkRequestStatus::Accepted,
            errors: Vec::new(),
            logs: Vec::new(),
            percent_complete: None,
            doomed,
        };
        item.log(format!("{} accepted", item.kind.operation_type()));
        let id = item.id.clone();
        self.work.upsert(item);
        self.work_started();
        id
    }

    /// Loads a snapshot's finished work requests.
    pub(super) fn load_work_history(&mut self, history: crate::model::WorkRequestHistory) {
        let lists = [
            (history.classic, WorkService::Identity),
            (history.iam, WorkService::Iam),
            (history.tagging, WorkService::Tagging),
        ];
        for (list, service) in lists {
            for wr in list {
                self.work.upsert(WorkItem::recorded(wr, service));
            }
        }
    }

    /// Moves every work request along by the time passed and applies those that finished.
    pub fn advance_work(&mut self) {
        self.advance_regions();
        if !self.has_unfinished_work() {
            return;
        }
        let duration = self.work_duration;
        let mut finished = Vec::new();
        for item in &mut self.work {
            if item.status.is_finished() {
                continue;
            }
            let elapsed = item.accepted.elapsed();
            if elapsed >= duration {
                if item.time_started.is_none() {
                    item.time_started = Some(now_rfc3339());
                }
                item.time_finished = Some(now_rfc3339());
                if let Some(error) = item.doomed.take() {
                    item.status = WorkRequestStatus::Failed;
                    item.log(format!("failed: {}", error.message));
                    item.errors.push(WorkRequestError {
                        timestamp: now_rfc3339(),
                        ..error
                    });
                    finished.push((item.kind.clone(), false));
                } else {
                    item.status = WorkRequestStatus::Succeeded;
                    item.log("finished");
                    finished.push((item.kind.clone(), true));
                }
            } else if elapsed >= duration / 4 && item.status == WorkRequestStatus::Accepted {
                item.status = WorkRequestStatus::InProgress;
                item.time_started = Some(format_time(time::OffsetDateTime::now_utc()));
                item.log("started");
            }
        }
        self.work_finished(finished.len());
        for (kind, succeeded) in finished {
            if succeeded {
                self.finish(&kind);
            } else {
                self.undo_domain(&kind);
            }
        }
    }

    fn finish(&mut self, kind: &WorkKind) {
        let now = now_rfc3339();
        match kind {
            WorkKind::DeleteCompartment { id } => {
                if let Some(c) = self.compartments.get_mut(id) {
                    c.lifecycle_state = LifecycleState::Deleted;
                }
            }
            WorkKind::MoveCompartment { id, target } => {
                if let Some(c) = self.compartments.get_mut(id) {
                    c.compartment_id.clone_from(target);
                    c.lifecycle_state = LifecycleState::Active;
                }
            }
            WorkKind::DeleteTag { id } => self.finish_tag_delete(id),
            WorkKind::CascadeDeleteTagNamespace { id } => {
                for tag in &mut self.tags {
                    if tag.tag_namespace_id.as_deref() == Some(id.as_str()) {
                        tag.lifecycle_state = LifecycleState::Deleted;
                    }
                }
                if let Some(ns) = self.tag_namespaces.get_mut(id) {
                    ns.lifecycle_state = LifecycleState::Deleted;
                    let name = ns.name.clone();
                    // OCI removes the namespace's tags from every resource that carries them.
                    self.strip_defined_tags(&name, None);
                }
            }
            WorkKind::CreateSenderInvitation { id } => {
                if let Some(inv) = self.invitations.get_mut(id) {
                    inv.lifecycle_state = LifecycleState::Active;
                    inv.time_updated = Some(now);
                }
            }
            WorkKind::CancelSenderInvitation { id } => {
                if let Some(inv) = self.invitations.get_mut(id) {
                    inv.lifecycle_state = LifecycleState::Inactive;
                    inv.status = InvitationStatus::Canceled;
                    inv.time_updated = Some(now);
                }
            }
            WorkKind::Recorded { .. } => {}
            WorkKind::BulkEditTags { .. }
            | WorkKind::BulkDeleteTags { .. }
            | WorkKind::BulkMoveResources { .. }
            | WorkKind::BulkDeleteResources { .. }
            | WorkKind::ImportStandardTags { .. } => self.finish_bulk(kind),
            domain => self.finish_domain(domain),
        }
    }
}
