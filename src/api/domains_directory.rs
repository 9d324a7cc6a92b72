//! The Identity Domains (SCIM) directory of one domain, at the domain's own URL: its users,
//! groups with their members and dynamic groups, read page by page (`startIndex`/`count`),
//! and the writes the TUI makes (create, replace, delete, membership PATCH with `if-match`
//! on `meta.version`).

use reqwest::Method;
use serde::de::DeserializeOwned;

use super::client::{Call, Client, seg};
use super::error::ApiError;
use crate::model::scim::{ScimDynamicGroup, ScimGroup, ScimList, ScimPatch, ScimUser};
use crate::model::{Domain, DomainDirectory};

/// Resources asked for per page (the largest Identity Domains accepts).
const COUNT: usize = 1000;

/// Pages can only go so far: a directory this big is cut off rather than read forever.
const MAX_PAGES: usize = 1000;

fn call(operation: &'static str, method: Method, domain_url: &str, path: &str) -> Call {
    Call::new(operation, method, format!("/admin/v1/{path}")).at(domain_url)
}

impl Client {
    /// Every resource of one kind in a domain, following `startIndex` until `totalResults`.
    async fn scim_all<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        domain_url: &str,
        kind: &str,
    ) -> Result<Vec<T>, ApiError> {
        let mut out = Vec::new();
        let mut start = 1;
        for _ in 0..MAX_PAGES {
            let page = call(operation, Method::GET, domain_url, kind)
                .query("startIndex", start)
                .query("count", COUNT);
            let (list, _): (ScimList<T>, _) = self.send_json(&page).await?;
            let got = list.resources.len();
            out.extend(list.resources);
            start += got;
            if got == 0 || start > list.total_results {
                break;
            }
        }
        Ok(out)
    }

    pub async fn list_domain_users(&self, domain_url: &str) -> Result<Vec<ScimUser>, ApiError> {
        self.scim_all("ListUsers", domain_url, "Users").await
    }

    pub async fn list_domain_groups(&self, domain_url: &str) -> Result<Vec<ScimGroup>, ApiError> {
        self.scim_all("ListGroups", domain_url, "Groups").await
    }

    pub async fn list_domain_dynamic_groups(
        &self,
        domain_url: &str,
    ) -> Result<Vec<ScimDynamicGroup>, ApiError> {
        self.scim_all(
            "ListDynamicResourceGroups",
            domain_url,
            "DynamicResourceGroups",
        )
        .await
    }

    /// A domain's whole directory in the snapshot's (classic) shapes.
    pub async fn read_domain_directory(
        &self,
        domain: &Domain,
        tenancy_id: &str,
    ) -> Result<DomainDirectory, ApiError> {
        let (users, groups, dynamic) = tokio::join!(
            self.list_domain_users(&domain.url),
            self.list_domain_groups(&domain.url),
            self.list_domain_dynamic_groups(&domain.url),
        );
        Ok(DomainDirectory::from_scim(
            &domain.id, tenancy_id, users?, groups?, dynamic?,
        ))
    }

    pub async fn get_domain_user(&self, domain_url: &str, id: &str) -> Result<ScimUser, ApiError> {
        let c = call(
            "GetUser",
            Method::GET,
            domain_url,
            &format!("Users/{}", seg(id)),
        );
        Ok(self.send_json(&c).await?.0)
    }

    pub async fn get_domain_group(
        &self,
        domain_url: &str,
        id: &str,
    ) -> Result<ScimGroup, ApiError> {
        let c = call(
            "GetGroup",
            Method::GET,
            domain_url,
            &format!("Groups/{}", seg(id)),
        );
        Ok(self.send_json(&c).await?.0)
    }

    pub async fn create_domain_user(
        &self,
        domain_url: &str,
        user: &ScimUser,
    ) -> Result<ScimUser, ApiError> {
        let c = call("CreateUser", Method::POST, domain_url, "Users")
            .json(user)
            .retry_token();
        Ok(self.send_json(&c).await?.0)
    }

    /// Replaces a user's writable attributes; `if_match` is its `meta.version`.
    pub async fn replace_domain_user(
        &self,
        domain_url: &str,
        user: &ScimUser,
        if_match: Option<&str>,
    ) -> Result<ScimUser, ApiError> {
        let c = call(
            "PutUser",
            Method::PUT,
            domain_url,
            &format!("Users/{}", seg(&user.id)),
        )
        .json(user)
        .if_match(if_match);
        Ok(self.send_json(&c).await?.0)
    }

    pub async fn delete_domain_user(
        &self,
        domain_url: &str,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let c = call(
            "DeleteUser",
            Method::DELETE,
            domain_url,
            &format!("Users/{}", seg(id)),
        )
        .if_match(if_match);
        self.send(&c).await.map(|_| ())
    }

    pub async fn create_domain_group(
        &self,
        domain_url: &str,
        group: &ScimGroup,
    ) -> Result<ScimGroup, ApiError> {
        let c = call("CreateGroup", Method::POST, domain_url, "Groups")
            .json(group)
            .retry_token();
        Ok(self.send_json(&c).await?.0)
    }

    /// Changes a group in place (members, description); `if_match` is its `meta.version`.
    pub async fn patch_domain_group(
        &self,
        domain_url: &str,
        id: &str,
        patch: &ScimPatch,
        if_match: Option<&str>,
    ) -> Result<ScimGroup, ApiError> {
        let c = call(
            "PatchGroup",
            Method::PATCH,
            domain_url,
            &format!("Groups/{}", seg(id)),
        )
        .json(patch)
        .if_match(if_match);
        Ok(self.send_json(&c).await?.0)
    }

    pub async fn delete_domain_group(
        &self,
        domain_url: &str,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<(), ApiError> {
        let c = call(
            "DeleteGroup",
            Method::DELETE,
            domain_url,
            &format!("Groups/{}", seg(id)),
        )
        .if_match(if_match);
        self.send(&c).await.map(|_| ())
    }
}
