//! A piece of data the UI waits for: not loaded yet, loading, loaded, or failed (shown inline
//! by the pane that owns it).

use crate::app::request::{Failure, Payload, RequestId};

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Loadable<T> {
    #[default]
    NotLoaded,
    /// Waiting for this request; a response with another id is stale. `partial` holds what
    /// arrived so far for listings shown as pages arrive.
    Loading {
        request: RequestId,
        partial: Option<T>,
    },
    Loaded(T),
    Failed(Failure),
}

impl<T> Loadable<T> {
    pub fn loading(request: RequestId) -> Self {
        Loadable::Loading {
            request,
            partial: None,
        }
    }

    /// The data if there is any, including a partial listing still loading.
    pub fn data(&self) -> Option<&T> {
        match self {
            Loadable::Loaded(t)
            | Loadable::Loading {
                partial: Some(t), ..
            } => Some(t),
            _ => None,
        }
    }

    pub fn data_mut(&mut self) -> Option<&mut T> {
        match self {
            Loadable::Loaded(t)
            | Loadable::Loading {
                partial: Some(t), ..
            } => Some(t),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Loadable::Loading { .. })
    }

    pub fn is_loaded(&self) -> bool {
        matches!(self, Loadable::Loaded(_))
    }

    /// True when a response to `id` belongs here (not superseded by a newer request).
    pub fn awaits(&self, id: RequestId) -> bool {
        matches!(self, Loadable::Loading { request, .. } if *request == id)
    }

    /// The same state without the data, for drawing loading and failure the same way
    /// whatever the data is.
    pub fn status(&self) -> Loadable<()> {
        match self {
            Loadable::NotLoaded => Loadable::NotLoaded,
            Loadable::Loading { request, partial } => Loadable::Loading {
                request: *request,
                partial: partial.as_ref().map(|_| ()),
            },
            Loadable::Loaded(_) => Loadable::Loaded(()),
            Loadable::Failed(f) => Loadable::Failed(f.clone()),
        }
    }

    pub fn failure(&self) -> Option<&Failure> {
        match self {
            Loadable::Failed(f) => Some(f),
            _ => None,
        }
    }
}

impl<T: Clone + Send + Sync + 'static> Loadable<Vec<T>> {
    /// A whole listing's answer (`what` names it in the failure an answer of the wrong type
    /// gives).
    pub fn from_items(result: &Result<Payload, Failure>, what: &str) -> Self {
        match result {
            Ok(Payload::Items(items)) => match items.clone().take::<T>() {
                Some(list) => Loadable::Loaded(list),
                None => Loadable::Failed(Failure::unexpected(what, &Payload::Items(items.clone()))),
            },
            Ok(other) => Loadable::Failed(Failure::unexpected(what, other)),
            Err(f) => Loadable::Failed(f.clone()),
        }
    }
}
