//! Work requests: asynchronous deletes and moves that progress with time (ACCEPTED, then
//! `IN_PROGRESS`, then SUCCEEDED), applying their effect when they finish.

use std::time::Instant;

use super::{Keyed, Store, format_time, new_ocid, now_rfc3339};
use crate::model::{
    InvitationStatus, LifecycleState, WorkRequest, WorkRequestLogEntry, WorkRequestResource,
    WorkRequestStatus,
};

/// What a work request does when it finishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkKind {
    DeleteCompartment { id: String },
    MoveCompartment { id: String, target: String },
    DeleteTag { id: String },
    CascadeDeleteTagNamespace { id: String },
    CreateSenderInvitation { id: String },
    CancelSenderInvitation { id: String },
}

/// Which API serves the work request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkService {
    /// `/20160918/workRequests`
    Identity,
    /// `/20160918/taggingWorkRequests` (and `/workRequests`, which accepts any id)
    Tagging,
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
    pub logs: Vec<WorkRequestLogEntry>,
}

impl Keyed for WorkItem {
    fn key(&self) -> &str {
        &self.id
    }
}

impl WorkKind {
    fn operation_type(&self) -> &'static str {
        match self {
            Self::DeleteCompartment { .. } => "DELETE_COMPARTMENT",
            Self::MoveCompartment { .. } => "MOVE_COMPARTMENT",
            Self::DeleteTag { .. } => "DELETE_TAG_DEFINITION",
            Self::CascadeDeleteTagNamespace { .. } => "DELETE_NON_EMPTY_TAG_NAMESPACE",
            Self::CreateSenderInvitation { .. } => "CREATE_SENDER_INVITATION",
            Self::CancelSenderInvitation { .. } => "CANCEL_SENDER_INVITATION",
        }
    }

    fn resource(&self) -> (&str, &'static str, &'static str) {
        match self {
            Self::DeleteCompartment { id } => (id, "compartment", "DELETED"),
            Self::MoveCompartment { id, .. } => (id, "compartment", "UPDATED"),
            Self::DeleteTag { id } => (id, "tagDefinition", "DELETED"),
            Self::CascadeDeleteTagNamespace { id } => (id, "tagNamespace", "DELETED"),
            Self::CreateSenderInvitation { id } => (id, "senderInvitation", "CREATED"),
            Self::CancelSenderInvitation { id } => (id, "senderInvitation", "UPDATED"),
        }
    }
}

impl WorkItem {
    /// The wire form; `with_logs` distinguishes `WorkRequest` from `WorkRequestSummary`.
    pub fn view(&self, with_logs: bool) -> WorkRequest {
        let (identifier, entity_type, finished_action) = self.kind.resource();
        let action = if self.status == WorkRequestStatus::Succeeded {
            finished_action
        } else {
            "IN_PROGRESS"
        };
        let percent = match self.status {
            WorkRequestStatus::Accepted => 0.0,
            WorkRequestStatus::Succeeded => 100.0,
            _ => 50.0,
        };
        WorkRequest {
            id: self.id.clone(),
            operation_type: self.kind.operation_type().to_string(),
            compartment_id: Some(self.compartment_id.clone()),
            status: self.status.clone(),
            resources: vec![WorkRequestResource {
                identifier: identifier.to_string(),
                entity_type: entity_type.to_string(),
                action_type: action.to_string(),
                entity_uri: None,
            }],
            errors: Vec::new(),
            logs: with_logs.then(|| self.logs.clone()),
            time_accepted: Some(self.time_accepted.clone()),
            time_started: self.time_started.clone(),
            time_finished: self.time_finished.clone(),
            percent_complete: Some(percent),
        }
    }

    fn log(&mut self, message: impl Into<String>) {
        self.logs.push(WorkRequestLogEntry {
            message: message.into(),
            timestamp: now_rfc3339(),
        });
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
        let prefix = match service {
            WorkService::Organizations => "organizationsworkrequest",
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
            logs: Vec::new(),
        };
        item.log(format!("{} accepted", item.kind.operation_type()));
        let id = item.id.clone();
        self.work.upsert(item);
        self.work_started();
        id
    }

    /// Moves every work request along by the time passed and applies those that finished.
    pub fn advance_work(&mut self) {
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
                item.status = WorkRequestStatus::Succeeded;
                item.time_finished = Some(now_rfc3339());
                item.log("finished");
                finished.push(item.kind.clone());
            } else if elapsed >= duration / 4 && item.status == WorkRequestStatus::Accepted {
                item.status = WorkRequestStatus::InProgress;
                item.time_started = Some(format_time(time::OffsetDateTime::now_utc()));
                item.log("started");
            }
        }
        self.work_finished(finished.len());
        for kind in finished {
            self.finish(&kind);
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
            WorkKind::DeleteTag { id } => {
                if let Some(t) = self.tags.get_mut(id) {
                    t.lifecycle_state = LifecycleState::Deleted;
                }
            }
            WorkKind::CascadeDeleteTagNamespace { id } => {
                for tag in &mut self.tags {
                    if tag.tag_namespace_id.as_deref() == Some(id.as_str()) {
                        tag.lifecycle_state = LifecycleState::Deleted;
                    }
                }
                if let Some(ns) = self.tag_namespaces.get_mut(id) {
                    ns.lifecycle_state = LifecycleState::Deleted;
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
        }
    }
}
