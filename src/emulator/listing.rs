//! List operations: the name/state filters, `sortBy`/`sortOrder`, and `limit`/`page` paging
//! with opaque `opc-next-page` tokens, shared by every list route.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use serde::Serialize;

use super::call::{Call, Reply};
use super::error::ApiError;
use crate::model::{
    Compartment, DynamicGroup, Group, LifecycleState, Policy, SenderInvitation, Tag, TagDefault,
    TagNamespace, User, UserGroupMembership,
};

/// Default and maximum page sizes (OCI states neither, so they are configurable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimits {
    pub default: usize,
    pub max: usize,
}

/// What the shared filters and sorts read from a resource.
pub trait Listable {
    fn name(&self) -> &str;
    fn time_created(&self) -> &str;
    fn state(&self) -> &LifecycleState;
}

macro_rules! listable {
    ($($ty:ty => $name:ident),+) => {
        $(impl Listable for $ty {
            fn name(&self) -> &str { &self.$name }
            fn time_created(&self) -> &str { &self.time_created }
            fn state(&self) -> &LifecycleState { &self.lifecycle_state }
        })+
    };
}

listable!(
    Compartment => name, User => name, Group => name, DynamicGroup => name, Policy => name,
    TagNamespace => name, Tag => name, TagDefault => tag_definition_name,
    UserGroupMembership => id, SenderInvitation => display_name
);

listable!(
    crate::model::Domain => display_name, crate::model::IdentityProvider => name
);

// Credentials and sign-in security. DB credentials and MFA devices have no name: the `name`
// filter and NAME sort use the description and the OCID.
listable!(
    crate::model::DbCredentialSummary => description,
    crate::model::OAuth2ClientCredentialSummary => name,
    crate::model::MfaTotpDeviceSummary => id,
    crate::model::NetworkSource => name
);

/// Which sort field names an operation accepts: identity uses `TIMECREATED|NAME`,
/// organizations `timeCreated|displayName`.
#[derive(Debug, Clone, Copy)]
pub enum SortNames {
    Identity,
    Organizations,
}

/// Applies `name` (exact), `lifecycleState` (case-insensitive) and `sortBy`/`sortOrder`.
/// Works on references so a list of 20,000 users clones only the page it returns.
pub fn filter_sort<'a, T: Listable + 'a>(
    items: impl Iterator<Item = &'a T>,
    call: &Call,
    names: SortNames,
) -> Result<Vec<&'a T>, ApiError> {
    let (name_param, time_key, name_key) = match names {
        SortNames::Identity => ("name", "TIMECREATED", "NAME"),
        SortNames::Organizations => ("displayName", "timeCreated", "displayName"),
    };
    let name = call.query(name_param);
    let state = call.query("lifecycleState").map(LifecycleState::parse);
    let mut out: Vec<&T> = items
        .filter(|item| name.is_none_or(|n| item.name() == n))
        .filter(|item| state.as_ref().is_none_or(|s| item.state() == s))
        .collect();
    let descending = match call.query("sortOrder") {
        None => None,
        Some(o) if o.eq_ignore_ascii_case("ASC") => Some(false),
        Some(o) if o.eq_ignore_ascii_case("DESC") => Some(true),
        Some(o) => {
            return Err(ApiError::invalid(format!(
                "sortOrder must be ASC or DESC, not '{o}'"
            )));
        }
    };
    match call.query("sortBy") {
        None => {}
        Some(by) if by.eq_ignore_ascii_case(time_key) => {
            out.sort_by(|a, b| {
                a.time_created()
                    .cmp(b.time_created())
                    .then(a.name().cmp(b.name()))
            });
            // TIMECREATED defaults to newest first.
            if descending.unwrap_or(true) {
                out.reverse();
            }
        }
        Some(by) if by.eq_ignore_ascii_case(name_key) => {
            // Case-sensitive, as the docs say.
            out.sort_by(|a, b| {
                a.name()
                    .cmp(b.name())
                    .then(a.time_created().cmp(b.time_created()))
            });
            if descending.unwrap_or(false) {
                out.reverse();
            }
        }
        Some(by) => {
            return Err(ApiError::invalid(format!(
                "sortBy must be {time_key} or {name_key}, not '{by}'"
            )));
        }
    }
    Ok(out)
}

/// How a page is wrapped on the wire.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Identity: a bare JSON array.
    Array,
    /// Organizations: `{"items": [...]}`.
    Items,
}

/// Cuts one page out of `items` and replies with it, adding `opc-next-page` when more remain.
pub fn page<T: Serialize>(
    items: &[T],
    call: &Call,
    limits: PageLimits,
    shape: Shape,
) -> Result<Reply, ApiError> {
    let (range, next) = bounds(items.len(), call, limits)?;
    reply(&items[range], next, shape)
}

/// Like [`page`], turning each item of the page into its wire form with `view`.
pub fn page_map<T, U: Serialize>(
    items: &[T],
    call: &Call,
    limits: PageLimits,
    shape: Shape,
    view: impl Fn(&T) -> U,
) -> Result<Reply, ApiError> {
    let (range, next) = bounds(items.len(), call, limits)?;
    let viewed: Vec<U> = items[range].iter().map(view).collect();
    reply(&viewed, next, shape)
}

/// The slice of a list of `len` items that `limit` and `page` select, and the next token.
fn bounds(
    len: usize,
    call: &Call,
    limits: PageLimits,
) -> Result<(std::ops::Range<usize>, Option<String>), ApiError> {
    let limit = match call.query("limit") {
        None => limits.default,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if n >= 1 => n.min(limits.max),
            _ => {
                return Err(ApiError::invalid(format!(
                    "limit must be a whole number of at least 1, not '{l}'"
                )));
            }
        },
    };
    let start = match call.query("page") {
        None => 0,
        Some(token) => decode_token(token).ok_or_else(|| {
            ApiError::invalid(
                "the page token is not one this service issued; start from the first page",
            )
        })?,
    };
    let start = start.min(len);
    let end = start.saturating_add(limit).min(len);
    Ok((start..end, (end < len).then(|| encode_token(end))))
}

fn reply<T: Serialize>(slice: &[T], next: Option<String>, shape: Shape) -> Result<Reply, ApiError> {
    let reply = match shape {
        Shape::Array => Reply::json(&slice)?,
        Shape::Items => Reply::json(&serde_json::json!({ "items": slice }))?,
    };
    Ok(match next {
        Some(token) => reply.header("opc-next-page", token),
        None => reply,
    })
}

/// Page tokens are opaque to clients; they carry an offset behind a prefix that marks them.
fn encode_token(offset: usize) -> String {
    B64URL.encode(format!("canopy-page:{offset}"))
}

fn decode_token(token: &str) -> Option<usize> {
    let bytes = B64URL.decode(token).ok()?;
    String::from_utf8(bytes)
        .ok()?
        .strip_prefix("canopy-page:")?
        .parse()
        .ok()
}
