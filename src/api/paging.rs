//! Lists that follow `opc-next-page`: one page at a time, as a stream of pages the caller
//! consumes as they arrive (the TUI shows policies while the rest load), or all at once.

use std::marker::PhantomData;

use futures::Stream;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::client::{Call, Client};
use super::error::ApiError;

/// How a service wraps a list: Identity sends a bare array, Organizations `{"items": [...]}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListShape {
    Array,
    Items,
}

#[derive(Deserialize)]
struct Collection<T> {
    items: Vec<T>,
}

/// One page of a list and the token of the next, if there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_page: Option<String>,
}

/// A list operation ready to run; nothing is sent until one of its methods is awaited.
#[derive(Debug)]
#[must_use = "a Pager sends nothing until .all(), .pages() or .page() is used"]
pub struct Pager<T> {
    client: Client,
    call: Call,
    shape: ListShape,
    _item: PhantomData<fn() -> T>,
}

// Derived Clone would require `T: Clone`; a pager holds no T.
impl<T> Clone for Pager<T> {
    fn clone(&self) -> Self {
        Self {
            client: self.client.clone(),
            call: self.call.clone(),
            shape: self.shape,
            _item: PhantomData,
        }
    }
}

impl<T: DeserializeOwned + Send + 'static> Pager<T> {
    pub(crate) fn new(client: &Client, call: Call, shape: ListShape) -> Self {
        Self {
            client: client.clone(),
            call,
            shape,
            _item: PhantomData,
        }
    }

    /// Asks for at most `limit` items per page.
    pub fn limit(mut self, limit: u32) -> Self {
        self.call.query.retain(|(k, _)| *k != "limit");
        self.call.query.push(("limit", limit.to_string()));
        self
    }

    /// Fetches the page with this token (`None` for the first).
    pub async fn page(&self, token: Option<&str>) -> Result<Page<T>, ApiError> {
        let mut call = self.call.clone();
        if let Some(token) = token {
            call.query.push(("page", token.to_string()));
            call.urgent = true;
        }
        let reply = self.client.send(&call).await?;
        let items = match self.shape {
            ListShape::Array => reply.json::<Vec<T>>(call.operation)?,
            ListShape::Items => reply.json::<Collection<T>>(call.operation)?.items,
        };
        let next_page = reply
            .next_page()
            .filter(|next| Some(next.as_str()) != token);
        Ok(Page { items, next_page })
    }

    /// Every page in order, each as soon as it arrives; stops after the first error.
    pub fn pages(self) -> impl Stream<Item = Result<Vec<T>, ApiError>> + Send + 'static {
        // State: None = finished; Some(token) = fetch this page next.
        futures::stream::unfold(Some(None::<String>), move |state| {
            let pager = self.clone();
            async move {
                let token = state?;
                match pager.page(token.as_deref()).await {
                    Ok(page) => Some((Ok(page.items), page.next_page.map(Some))),
                    Err(e) => Some((Err(e), None)),
                }
            }
        })
    }

    /// Every item of every page.
    pub async fn all(self) -> Result<Vec<T>, ApiError> {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = self.page(token.as_deref()).await?;
            items.extend(page.items);
            if let Some(next) = page.next_page {
                token = Some(next);
            } else {
                // Growth by doubling leaves up to half the list unused; a tenancy's users are
                // kept for the whole run.
                if items.capacity() > items.len() + items.len() / 8 {
                    items.shrink_to_fit();
                }
                return Ok(items);
            }
        }
    }
}
