//! What a work request does: its kind, the operation type it reports and the resources it
//! changes.

use crate::model::{UpdateDomainDetails, WorkRequestResource};

/// What a work request does when it finishes.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkKind {
    DeleteCompartment {
        id: String,
    },
    MoveCompartment {
        id: String,
        target: String,
    },
    DeleteTag {
        id: String,
    },
    CascadeDeleteTagNamespace {
        id: String,
    },
    CreateSenderInvitation {
        id: String,
    },
    CancelSenderInvitation {
        id: String,
    },
    CreateDomain {
        id: String,
    },
    UpdateDomain {
        id: String,
        details: UpdateDomainDetails,
    },
    DeleteDomain {
        id: String,
    },
    ActivateDomain {
        id: String,
    },
    DeactivateDomain {
        id: String,
    },
    ChangeDomainCompartment {
        id: String,
        target: String,
    },
    ChangeDomainLicenseType {
        id: String,
        license_type: String,
    },
    ReplicateDomain {
        id: String,
        region: String,
    },
    // Tag tools, bulk operations and locks.
    /// Defined tags edited on many resources: (id, resource type) and the operations.
    BulkEditTags {
        resources: Vec<(String, String)>,
        operations: Vec<crate::model::BulkEditOperationDetails>,
    },
    /// Retired tag definitions of one namespace deleted together.
    BulkDeleteTags {
        ids: Vec<String>,
    },
    /// Other services' resources, (id, entity type), moved to `target`.
    BulkMoveResources {
        resources: Vec<(String, String)>,
        target: String,
    },
    BulkDeleteResources {
        resources: Vec<(String, String)>,
    },
    /// A standard tag namespace created (or completed, when `existed`) from its template.
    ImportStandardTags {
        namespace_id: String,
        template: String,
        compartment_id: String,
        existed: bool,
    },
    /// Loaded from a snapshot's history: already finished, nothing left to apply.
    Recorded {
        operation_type: String,
        resources: Vec<WorkRequestResource>,
    },
}

impl WorkKind {
    pub(super) fn operation_type(&self) -> &str {
        match self {
            Self::DeleteCompartment { .. } => "DELETE_COMPARTMENT",
            Self::MoveCompartment { .. } => "MOVE_COMPARTMENT",
            Self::DeleteTag { .. } => "DELETE_TAG_DEFINITION",
            Self::CascadeDeleteTagNamespace { .. } => "DELETE_NON_EMPTY_TAG_NAMESPACE",
            Self::CreateSenderInvitation { .. } => "CREATE_SENDER_INVITATION",
            Self::CancelSenderInvitation { .. } => "CANCEL_SENDER_INVITATION",
            Self::CreateDomain { .. } => "CREATE_DOMAIN",
            Self::UpdateDomain { .. } => "UPDATE_DOMAIN",
            Self::DeleteDomain { .. } => "DELETE_DOMAIN",
            Self::ActivateDomain { .. } => "ACTIVATE_DOMAIN",
            Self::DeactivateDomain { .. } => "DEACTIVATE_DOMAIN",
            Self::ChangeDomainCompartment { .. } => "CHANGE_COMPARTMENT_FOR_DOMAIN",
            Self::ChangeDomainLicenseType { .. } => "CHANGE_LICENSE_TYPE_FOR_DOMAIN",
            Self::ReplicateDomain { .. } => "REPLICATE_DOMAIN_TO_REGION",
            Self::BulkEditTags { .. } => "BULK_EDIT_OF_TAGS",
            Self::BulkDeleteTags { .. } => "BULK_DELETE_TAG_DEFINITION",
            Self::BulkMoveResources { .. } => "BULK_MOVE_RESOURCES",
            Self::BulkDeleteResources { .. } => "BULK_DELETE_RESOURCES",
            Self::ImportStandardTags { .. } => "IMPORT_STANDARD_TAGS",
            Self::Recorded { operation_type, .. } => operation_type,
        }
    }

    /// The resources it changes: (id, entity type, action once it succeeded).
    pub(super) fn resources(&self) -> Vec<(String, String, &'static str)> {
        let many = |list: &[(String, String)], action: &'static str| {
            list.iter()
                .map(|(id, kind)| (id.clone(), kind.clone(), action))
                .collect()
        };
        match self {
            Self::BulkEditTags { resources, .. } | Self::BulkMoveResources { resources, .. } => {
                return many(resources, "UPDATED");
            }
            Self::BulkDeleteResources { resources } => return many(resources, "DELETED"),
            Self::BulkDeleteTags { ids } => {
                return ids
                    .iter()
                    .map(|id| (id.clone(), "tagDefinition".to_string(), "DELETED"))
                    .collect();
            }
            Self::ImportStandardTags {
                namespace_id,
                existed,
                ..
            } => {
                let action = if *existed { "UPDATED" } else { "CREATED" };
                return vec![(namespace_id.clone(), "tagNamespace".to_string(), action)];
            }
            _ => {}
        }
        self.resource()
            .map(|(id, kind, action)| (id.to_string(), kind.to_string(), action))
            .into_iter()
            .collect()
    }

    /// The one resource most kinds change: (id, entity type, action once it succeeded).
    fn resource(&self) -> Option<(&str, &'static str, &'static str)> {
        Some(match self {
            Self::DeleteCompartment { id } => (id, "compartment", "DELETED"),
            Self::MoveCompartment { id, .. } => (id, "compartment", "UPDATED"),
            Self::DeleteTag { id } => (id, "tagDefinition", "DELETED"),
            Self::CascadeDeleteTagNamespace { id } => (id, "tagNamespace", "DELETED"),
            Self::CreateSenderInvitation { id } => (id, "senderInvitation", "CREATED"),
            Self::CancelSenderInvitation { id } => (id, "senderInvitation", "UPDATED"),
            Self::CreateDomain { id } => (id, "domain", "CREATED"),
            Self::DeleteDomain { id } => (id, "domain", "DELETED"),
            Self::UpdateDomain { id, .. }
            | Self::ActivateDomain { id }
            | Self::DeactivateDomain { id }
            | Self::ChangeDomainCompartment { id, .. }
            | Self::ChangeDomainLicenseType { id, .. }
            | Self::ReplicateDomain { id, .. } => (id, "domain", "UPDATED"),
            Self::Recorded { .. }
            | Self::BulkEditTags { .. }
            | Self::BulkDeleteTags { .. }
            | Self::BulkMoveResources { .. }
            | Self::BulkDeleteResources { .. }
            | Self::ImportStandardTags { .. } => return None,
        })
    }
}
