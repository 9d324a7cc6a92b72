//! A write whose answer is lost is sent again; the client then tells its own applied change
//! from someone else's before calling it a conflict.

use canopy::model::UpdatePolicyDetails;

use crate::support::{demo, start};

fn edit(statement: &str) -> UpdatePolicyDetails {
    UpdatePolicyDetails {
        statements: Some(vec![statement.to_string()]),
        ..UpdatePolicyDetails::default()
    }
}

fn first_policy(env: &crate::support::Env) -> String {
    env.emulator.store.snapshot().policies[0].id.clone()
}

#[tokio::test]
async fn a_lost_answer_to_our_own_update_is_our_success_not_a_conflict() {
    let env = start(demo()).await;
    let c = env.client();
    let id = first_policy(&env);
    let loaded = c.get_policy(&id).await.unwrap();
    env.emulator.faults.drop_next_writes(1);
    let wanted = "Allow group AppOps to read users in tenancy";
    let saved = c
        .update_policy(&id, &edit(wanted), loaded.etag.as_deref())
        .await
        .expect("our own change, applied before the answer was lost");
    assert_eq!(saved.value.statements, vec![wanted.to_string()]);
    let now = c.get_policy(&id).await.unwrap();
    assert_eq!(saved.etag, now.etag, "the etag to save with next time");
    assert_eq!(now.value.statements, vec![wanted.to_string()]);
}

#[tokio::test]
async fn someone_elses_change_after_a_lost_answer_is_still_a_conflict() {
    let env = start(demo()).await;
    let c = env.client();
    let id = first_policy(&env);
    let loaded = c.get_policy(&id).await.unwrap();
    // Someone else saves first; our save's answer is lost; our retry meets their version.
    c.update_policy(
        &id,
        &edit("Allow group Helpdesk to read users in tenancy"),
        None,
    )
    .await
    .unwrap();
    env.emulator.faults.drop_next_writes(1);
    let err = c
        .update_policy(
            &id,
            &edit("Allow group Developers to read users in tenancy"),
            loaded.etag.as_deref(),
        )
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{err}");
    let now = c.get_policy(&id).await.unwrap();
    assert_eq!(
        now.value.statements,
        vec!["Allow group Helpdesk to read users in tenancy".to_string()]
    );
}

#[tokio::test]
async fn a_lost_answer_to_our_own_delete_is_our_success() {
    let env = start(demo()).await;
    let c = env.client();
    let id = first_policy(&env);
    let loaded = c.get_policy(&id).await.unwrap();
    env.emulator.faults.drop_next_writes(1);
    c.delete_policy(&id, loaded.etag.as_deref())
        .await
        .expect("deleted by the attempt whose answer was lost");
    match c.get_policy(&id).await {
        Ok(gone) => assert_eq!(gone.value.lifecycle_state.to_string(), "DELETED"),
        Err(e) => assert_eq!(e.status(), Some(404), "{e}"),
    }
}
