//! The data a response carries. Resources travel type-erased (`Items`, `Item`) so a new kind
//! needs no new variant here; the list that asked takes them back out by type, and an answer
//! of the wrong type is a failure the user sees, never a list stuck loading.

use std::any::Any;
use std::sync::Arc;

use crate::model::{Tenancy, WorkRequest};

/// A value shown once and never logged: `Debug` prints a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// Takes over a secret from a service answer.
    pub fn from_model(secret: crate::model::Secret) -> Self {
        Secret(secret.into())
    }

    /// The value, for the one place that shows it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// A listing (or one page of it) of any resource type.
#[derive(Clone)]
pub struct Items {
    value: Arc<dyn Any + Send + Sync>,
    type_name: &'static str,
    len: usize,
}

impl Items {
    pub fn new<T: Clone + Send + Sync + 'static>(items: Vec<T>) -> Self {
        Items {
            len: items.len(),
            value: Arc::new(items),
            type_name: std::any::type_name::<T>(),
        }
    }

    /// Whether the items are of type `T`.
    pub fn holds<T: 'static>(&self) -> bool {
        self.value.is::<Vec<T>>()
    }

    /// The items, if they are of type `T`; moved out when this is their only holder.
    pub fn take<T: Clone + Send + Sync + 'static>(self) -> Option<Vec<T>> {
        let vec = self.value.downcast::<Vec<T>>().ok()?;
        Some(Arc::try_unwrap(vec).unwrap_or_else(|shared| (*shared).clone()))
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl std::fmt::Debug for Items {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Items<{}>({})", short(self.type_name), self.len)
    }
}

impl PartialEq for Items {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.value, &other.value)
    }
}

/// One resource of any type, with its etag when the service sent one.
#[derive(Clone)]
pub struct Item {
    value: Arc<dyn Any + Send + Sync>,
    type_name: &'static str,
    pub etag: Option<String>,
}

impl Item {
    pub fn new<T: Clone + Send + Sync + 'static>(value: T, etag: Option<String>) -> Self {
        Item {
            value: Arc::new(value),
            type_name: std::any::type_name::<T>(),
            etag,
        }
    }

    /// The resource, if it is a `T`.
    pub fn get<T: Clone + Send + Sync + 'static>(&self) -> Option<T> {
        self.value.downcast_ref::<T>().cloned()
    }

    pub fn is<T: 'static>(&self) -> bool {
        self.value.is::<T>()
    }
}

impl std::fmt::Debug for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Item<{}>", short(self.type_name))
    }
}

impl PartialEq for Item {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.value, &other.value) && self.etag == other.etag
    }
}

/// `canopy::model::user::User` as `User`.
fn short(type_name: &str) -> &str {
    type_name.rsplit("::").next().unwrap_or(type_name)
}

/// What a response carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Tenancy(Tenancy),
    /// The whole tenancy with its effective-permission index, built by the worker (off the
    /// UI thread); shared, so the audit and the lint read it without copying.
    Snapshot(Arc<crate::policy::TenancyLinter>),
    /// The whole tenancy as read in the background, not indexed: a view that needs the index
    /// asks for it ([`super::TenancyRequest::Index`]).
    Read(Arc<crate::model::Snapshot>),
    /// A listing, or a page of one.
    Items(Items),
    /// One resource (created, read or changed).
    Item(Item),
    /// A work request's latest state.
    WorkRequest(WorkRequest),
    /// A secret the service shows once (a console password, a token): shown in a modal and
    /// then dropped, never logged or stored.
    Secret {
        /// What it belongs to, e.g. the user's OCID.
        owner: String,
        secret: Secret,
        /// The resource the secret came with (a new token's metadata), when there is one.
        item: Option<Item>,
    },
    /// A write that returns nothing.
    Done,
}

impl Payload {
    pub fn items<T: Clone + Send + Sync + 'static>(items: Vec<T>) -> Self {
        Payload::Items(Items::new(items))
    }

    pub fn item<T: Clone + Send + Sync + 'static>(value: T) -> Self {
        Payload::Item(Item::new(value, None))
    }

    /// The resource, if this is one of type `T`.
    pub fn as_item<T: Clone + Send + Sync + 'static>(&self) -> Option<T> {
        match self {
            Payload::Item(item) => item.get(),
            _ => None,
        }
    }

    /// A short description for messages about unexpected answers.
    pub fn describe(&self) -> String {
        match self {
            Payload::Tenancy(_) => "the tenancy".into(),
            Payload::Snapshot(_) => "a tenancy snapshot".into(),
            Payload::Read(_) => "the tenancy as read".into(),
            Payload::Items(items) => format!("{items:?}"),
            Payload::Item(item) => format!("{item:?}"),
            Payload::WorkRequest(wr) => format!("work request {}", wr.id),
            Payload::Secret { .. } => "a secret".into(),
            Payload::Done => "nothing".into(),
        }
    }
}
