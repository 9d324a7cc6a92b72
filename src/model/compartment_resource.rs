//! Resources of other services (instances, buckets, volumes ...) that live in compartments.
//! The Identity API does not serve them itself; they are what its bulk move, bulk delete and
//! bulk tag edit act on, so the emulator keeps a small store of them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lifecycle::LifecycleState;
use super::tags::{DefinedTags, FreeformTags};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompartmentResource {
    pub id: String,
    pub compartment_id: String,
    /// The type as bulk operations name it: `Instance`, `Bucket`, `Volume` ...
    pub resource_type: String,
    pub display_name: String,
    /// What besides the OCID identifies it (a bucket: `namespaceName`, `bucketName`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
    #[serde(default)]
    pub lifecycle_state: LifecycleState,
    #[serde(default)]
    pub time_created: String,
    #[serde(default)]
    pub freeform_tags: FreeformTags,
    #[serde(default)]
    pub defined_tags: DefinedTags,
}

impl CompartmentResource {
    /// Not deleted (or being deleted).
    pub fn is_live(&self) -> bool {
        !matches!(
            self.lifecycle_state,
            LifecycleState::Deleted | LifecycleState::Deleting | LifecycleState::Terminated
        )
    }
}
