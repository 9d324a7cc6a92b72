//! The client on every domain's directory (Identity Domains, SCIM) at the domain's own URL:
//! the Partners domain read whole, a user created and added to a group with `if-match` on
//! `meta.version` (a stale one is a 412), and the audit of an exported tenancy reaching a
//! partner only through a Partners group.

use canopy::api::DomainQuery;
use canopy::api::export::gather;
use canopy::model::scim::{ScimPatch, ScimUser};
use canopy::policy::effective::{EffectiveIndex, PrincipalRef};
use indicatif::ProgressBar;

use crate::support::{demo, start};

async fn partners(env: &crate::support::Env) -> canopy::model::Domain {
    env.client()
        .list_domains(env.tenancy(), &DomainQuery::default())
        .all()
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.display_name == "Partners")
        .expect("the demo's Partners domain")
}

#[tokio::test]
async fn a_domain_directory_is_read_whole_at_its_url() {
    let env = start(demo()).await;
    let domain = partners(&env).await;
    let dir = env
        .client()
        .read_domain_directory(&domain, env.tenancy())
        .await
        .unwrap();
    assert_eq!(dir.domain_id, domain.id);
    assert_eq!(dir.users.len(), 5);
    assert_eq!(dir.groups.len(), 3);
    assert_eq!(dir.memberships.len(), 5);
    assert_eq!(dir.dynamic_groups.len(), 1);
    assert!(
        dir.scim_ids.is_empty(),
        "the emulator's SCIM ids are the OCIDs"
    );
    assert_eq!(
        dir.versions.len(),
        8,
        "a meta.version for every user and group"
    );
    let inactive = dir
        .users
        .iter()
        .filter(|u| u.lifecycle_state.to_string() == "INACTIVE");
    assert_eq!(inactive.count(), 1);
}

#[tokio::test]
async fn users_and_memberships_change_with_if_match_on_meta_version() {
    let env = start(demo()).await;
    let c = env.client();
    let url = partners(&env).await.url;
    let made = c
        .create_domain_user(
            &url,
            &ScimUser {
                user_name: "nina.k@partner-sys.com".into(),
                description: Some("Nina K".into()),
                ..ScimUser::default()
            },
        )
        .await
        .unwrap();
    let groups = c.list_domain_groups(&url).await.unwrap();
    let readonly = groups
        .iter()
        .find(|g| g.display_name == "ReadOnly")
        .unwrap();
    let version = readonly.meta.as_ref().unwrap().version.clone();
    let add = ScimPatch::member(true, &made.id);
    let stale = c
        .patch_domain_group(&url, &readonly.id, &add, Some("stale"))
        .await
        .unwrap_err();
    assert_eq!(stale.status(), Some(412));
    let patched = c
        .patch_domain_group(&url, &readonly.id, &add, Some(&version))
        .await
        .unwrap();
    let members = patched.members.unwrap_or_default();
    assert!(members.iter().any(|m| m.value == made.id));
    let user = c.get_domain_user(&url, &made.id).await.unwrap();
    assert_eq!(user.groups.len(), 1);
    let v = user.meta.unwrap().version;
    c.delete_domain_user(&url, &made.id, Some(&v))
        .await
        .unwrap();
    assert_eq!(
        c.get_domain_user(&url, &made.id)
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
}

#[tokio::test]
async fn the_audit_reaches_a_partner_only_through_a_partners_group() {
    let env = start(demo()).await;
    let gathered = gather(env.client(), env.tenancy(), &ProgressBar::hidden())
        .await
        .unwrap();
    assert!(gathered.warnings.is_empty(), "{:?}", gathered.warnings);
    let index = EffectiveIndex::build(&gathered.snapshot);
    let sandbox = index.compartment("Dev:Sandbox").expect("Dev:Sandbox");
    let liam = index
        .principal("user Partners/liam.boyd@northbridge.io")
        .expect("a Partners user is known by domain and name");
    assert!(matches!(liam, PrincipalRef::User(_)));
    let answers = index.what_can(&liam, &sandbox);
    let via: Vec<&str> = answers.iter().map(|a| a.via.as_str()).collect();
    assert!(
        via.contains(&"member of group Partners/Integrators"),
        "{via:?}"
    );
    // The Default domain's groups are someone else's: their grants do not reach Liam.
    assert!(
        answers
            .iter()
            .all(|a| a.subject.contains("Partners") || a.subject.contains("any-")),
        "{answers:#?}"
    );
    let who = index.who_can("use", "instances", &sandbox);
    let partner = who
        .iter()
        .find(|a| a.subject.contains("Partners") && a.subject.contains("Integrators"))
        .expect("the Partners grant answers who can use instances");
    assert!(
        partner
            .members
            .contains(&"Partners/liam.boyd@northbridge.io".to_string()),
        "{:?}",
        partner.members
    );
}
