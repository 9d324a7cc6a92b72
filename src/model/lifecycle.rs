//! Lifecycle states of identity and organizations resources.

crate::wire_enum!(
    /// Lifecycle of users, groups, compartments, policies, tags and the rest.
    LifecycleState {
        Creating => "CREATING",
        Active => "ACTIVE",
        Inactive => "INACTIVE",
        Updating => "UPDATING",
        Deleting => "DELETING",
        Deleted => "DELETED",
        Failed => "FAILED",
        Terminated => "TERMINATED",
    }
);

impl LifecycleState {
    /// Deleted and inactive resources are still listable but drawn dimmed.
    pub fn is_dim(&self) -> bool {
        matches!(
            self,
            Self::Deleted | Self::Deleting | Self::Inactive | Self::Terminated | Self::Failed
        )
    }
}

#[allow(clippy::derivable_impls)] // the variants come from a macro
impl Default for LifecycleState {
    fn default() -> Self {
        Self::Active
    }
}
