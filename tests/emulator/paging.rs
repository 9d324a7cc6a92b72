//! Paging across many pages with every filter and sort the list operations take.

use serde_json::Value;

use super::seed::{FINANCE_NS, PROD, SHARED, TEAMS, TENANCY, USERS};
use super::support::{emulator, ids};

fn names(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["name"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn users_page_through_every_item_exactly_once() {
    let (_emu, c) = emulator().await;
    let (items, pages) = c
        .list_all(&format!("/20160918/users?compartmentId={TENANCY}&limit=7"))
        .await;
    assert_eq!(items.len(), USERS + 1);
    assert_eq!(pages, (USERS + 1).div_ceil(7));
    let mut unique = ids(&items);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), USERS + 1, "no item repeated across pages");
}

#[tokio::test]
async fn default_and_maximum_page_sizes_apply() {
    let (_emu, c) = emulator().await;
    let first = c
        .get(&format!("/20160918/users?compartmentId={TENANCY}"))
        .await;
    assert_eq!(
        first.body.as_array().unwrap().len(),
        25,
        "default page size"
    );
    assert!(first.header("opc-next-page").is_some());
    let big = c
        .get(&format!(
            "/20160918/users?compartmentId={TENANCY}&limit=5000"
        ))
        .await;
    assert_eq!(
        big.body.as_array().unwrap().len(),
        100,
        "clamped to the maximum"
    );
    let bad = c
        .get(&format!("/20160918/users?compartmentId={TENANCY}&limit=0"))
        .await;
    assert_eq!((bad.status, bad.code()), (400, "InvalidParameter"));
    let forged = c
        .get(&format!(
            "/20160918/users?compartmentId={TENANCY}&page=bm9wZQ"
        ))
        .await;
    assert_eq!((forged.status, forged.code()), (400, "InvalidParameter"));
}

#[tokio::test]
async fn lifecycle_and_name_filters_hold_on_every_page() {
    let (_emu, c) = emulator().await;
    let (inactive, pages) = c
        .list_all(&format!(
            "/20160918/users?compartmentId={TENANCY}&lifecycleState=INACTIVE&limit=4"
        ))
        .await;
    // Every 10th user is INACTIVE unless it is also a 25th (DELETED).
    let expected = (1..=USERS).filter(|i| i % 10 == 0 && i % 25 != 0).count();
    assert_eq!(inactive.len(), expected);
    assert!(pages > 1);
    assert!(inactive.iter().all(|u| u["lifecycleState"] == "INACTIVE"));
    let (deleted, _) = c
        .list_all(&format!(
            "/20160918/users?compartmentId={TENANCY}&lifecycleState=deleted&limit=3"
        ))
        .await;
    assert_eq!(
        deleted.len(),
        USERS / 25,
        "DELETED users stay listable, filter is case-insensitive"
    );
    let (one, _) = c
        .list_all(&format!(
            "/20160918/users?compartmentId={TENANCY}&name=user-042"
        ))
        .await;
    assert_eq!(names(&one), vec!["user-042"]);
}

#[tokio::test]
async fn sorting_by_name_and_time_in_both_orders() {
    let (_emu, c) = emulator().await;
    let base = format!("/20160918/groups?compartmentId={TENANCY}&limit=6");
    let (asc, _) = c
        .list_all(&format!("{base}&sortBy=NAME&sortOrder=ASC"))
        .await;
    let mut sorted = names(&asc);
    sorted.sort();
    assert_eq!(names(&asc), sorted);
    let (desc, _) = c
        .list_all(&format!("{base}&sortBy=NAME&sortOrder=DESC"))
        .await;
    sorted.reverse();
    assert_eq!(names(&desc), sorted);
    let (newest, _) = c.list_all(&format!("{base}&sortBy=TIMECREATED")).await;
    let times: Vec<&str> = newest
        .iter()
        .map(|g| g["timeCreated"].as_str().unwrap())
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "TIMECREATED defaults to newest first"
    );
    let bad = c.get(&format!("{base}&sortBy=SIZE")).await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn compartments_list_children_or_the_whole_subtree() {
    let (_emu, c) = emulator().await;
    let (top, _) = c
        .list_all(&format!(
            "/20160918/compartments?compartmentId={TENANCY}&limit=2"
        ))
        .await;
    assert_eq!(names(&top), vec!["Prod", "Dev", "Shared"]);
    let (all, pages) = c
        .list_all(&format!(
            "/20160918/compartments?compartmentId={TENANCY}&compartmentIdInSubtree=true&accessLevel=ANY&limit=9"
        ))
        .await;
    assert_eq!(all.len(), 5 + TEAMS);
    assert!(pages >= 5);
    let (teams, _) = c
        .list_all(&format!(
            "/20160918/compartments?compartmentId={SHARED}&sortBy=NAME&sortOrder=DESC&limit=11"
        ))
        .await;
    assert_eq!(teams.len(), TEAMS);
    assert_eq!(teams[0]["name"], format!("team-{:02}", TEAMS - 1));
    let accessible = c
        .get(&format!(
            "/20160918/compartments?compartmentId={TENANCY}&accessLevel=ACCESSIBLE"
        ))
        .await;
    assert!(
        accessible
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["isAccessible"] == true)
    );
    let not_root = c
        .get(&format!(
            "/20160918/compartments?compartmentId={PROD}&compartmentIdInSubtree=true"
        ))
        .await;
    assert_eq!(
        (not_root.status, not_root.code()),
        (400, "InvalidParameter")
    );
}

#[tokio::test]
async fn policies_dynamic_groups_and_memberships_page() {
    let (_emu, c) = emulator().await;
    let (policies, _) = c
        .list_all(&format!(
            "/20160918/policies?compartmentId={TENANCY}&limit=8&lifecycleState=ACTIVE"
        ))
        .await;
    assert!(policies.iter().all(|p| p["lifecycleState"] == "ACTIVE"));
    assert!(policies.len() > 40 && policies.len() < 60);
    let (prod, _) = c
        .list_all(&format!("/20160918/policies?compartmentId={PROD}"))
        .await;
    assert_eq!(prod.len(), 1);
    let (dgs, pages) = c
        .list_all(&format!(
            "/20160918/dynamicGroups?compartmentId={TENANCY}&limit=5&sortBy=NAME"
        ))
        .await;
    assert_eq!((dgs.len(), pages), (12, 3));
    let (members, pages) = c
        .list_all(&format!(
            "/20160918/userGroupMemberships?compartmentId={TENANCY}&groupId=ocid1.group.oc1..aaaaaaaag01&limit=6"
        ))
        .await;
    assert_eq!((members.len(), pages), (20, 4));
    assert!(
        members
            .iter()
            .all(|m| m["groupId"] == "ocid1.group.oc1..aaaaaaaag01")
    );
}

#[tokio::test]
async fn tag_lists_and_their_filters() {
    let (_emu, c) = emulator().await;
    let (root, _) = c
        .list_all(&format!("/20160918/tagNamespaces?compartmentId={TENANCY}"))
        .await;
    assert_eq!(names(&root), vec!["Finance"]);
    let (tree, _) = c
        .list_all(&format!(
            "/20160918/tagNamespaces?compartmentId={TENANCY}&includeSubcompartments=true&limit=1"
        ))
        .await;
    assert_eq!(names(&tree), vec!["Finance", "Ops"]);
    let (tags, pages) = c
        .list_all(&format!(
            "/20160918/tagNamespaces/{FINANCE_NS}/tags?limit=1"
        ))
        .await;
    assert_eq!((tags.len(), pages), (2, 2));
    assert!(
        tags[0].get("validator").is_none(),
        "TagSummary has no validator"
    );
    let (defaults, _) = c
        .list_all(&format!("/20160918/tagDefaults?compartmentId={PROD}"))
        .await;
    assert_eq!(defaults.len(), 1);
    let (none, _) = c
        .list_all(&format!("/20160918/tagDefaults?compartmentId={SHARED}"))
        .await;
    assert!(none.is_empty());
    let (by_tag, _) = c
        .list_all(&format!(
            "/20160918/tagDefaults?tagDefinitionId={}",
            super::seed::COST_CENTER
        ))
        .await;
    assert_eq!(by_tag.len(), 1);
}

#[tokio::test]
async fn sender_invitations_are_wrapped_in_items_and_filter_by_status() {
    let (_emu, c) = emulator().await;
    let first = c
        .get(&format!(
            "/20230401/senderInvitations?compartmentId={TENANCY}&limit=2"
        ))
        .await;
    assert_eq!(first.body["items"].as_array().unwrap().len(), 2);
    assert!(first.header("opc-next-page").is_some());
    let (all, pages) = c
        .list_all(&format!("/20230401/senderInvitations?compartmentId={TENANCY}&limit=2&sortBy=displayName&sortOrder=DESC"))
        .await;
    assert_eq!((all.len(), pages), (5, 3));
    assert_eq!(all[0]["displayName"], "invite-5");
    let (pending, _) = c
        .list_all(&format!(
            "/20230401/senderInvitations?compartmentId={TENANCY}&status=PENDING"
        ))
        .await;
    assert_eq!(pending.len(), 2);
}
