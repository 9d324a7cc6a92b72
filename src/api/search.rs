//! Resource Search (`/20180409`): other services' resources (instances, buckets ...) in a
//! compartment, which bulk move, bulk delete and bulk tag edits act on.

use reqwest::Method;

use super::client::{Call, Client};
use super::paging::{ListShape, Pager};
use crate::model::{ResourceSummary, SearchDetails};

impl Client {
    /// Runs a search; results come `{"items"}`-wrapped and paged. A POST that only reads: no
    /// retry token, and safe to repeat.
    pub fn search_resources(&self, details: &SearchDetails) -> Pager<ResourceSummary> {
        let call = Call::new("SearchResources", Method::POST, "/resources")
            .search()
            .json(details)
            .read_only();
        Pager::new(self, call, ListShape::Items)
    }
}
