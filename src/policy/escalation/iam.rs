//! The IAM chains: join Administrators, write any grant, take over another user. Groups,
//! users and policies live in the tenancy (root compartment), so each is one question there.

use super::candidates::holders;
use super::{ADMINISTRATORS, EscalationPath, PathKind, Probe, possible};
use crate::policy::decide::Want;

/// `AddUserToGroup` in the tenancy, asked about the Administrators group itself (so a
/// condition such as `target.group.name != 'Administrators'` is honoured).
pub fn join_administrators(probe: &Probe, out: &mut Vec<EscalationPath>) {
    let op = || Want::Operation("AddUserToGroup".into());
    let root = probe.index.tree().root();
    let admins_id = probe.admins.unwrap_or_default();
    for principal in holders(probe.index, &op(), Some(root)) {
        if probe.is_admin(&principal) {
            continue;
        }
        let Some(d) = probe.ask(
            &principal,
            root,
            op(),
            &[
                ("target.group.name", ADMINISTRATORS),
                ("target.group.id", admins_id),
            ],
        ) else {
            continue;
        };
        if !possible(&d) {
            continue;
        }
        let chain = vec![
            format!("AddUserToGroup in tenancy ({})", d.required.join(" + ")),
            format!("add themselves to {ADMINISTRATORS}"),
            "manage all-resources in tenancy".to_string(),
        ];
        let reaches = probe.administrators_reached();
        out.push(probe.path(
            &principal,
            PathKind::JoinAdministrators,
            chain,
            reaches,
            &[&d],
        ));
    }
}

/// `CreatePolicy` (or `UpdatePolicy`) in the tenancy: a policy there may grant anything.
pub fn write_any_grant(probe: &Probe, out: &mut Vec<EscalationPath>) {
    let root = probe.index.tree().root();
    let mut seen = Vec::new();
    for op in ["CreatePolicy", "UpdatePolicy"] {
        let want = || Want::Operation(op.into());
        for principal in holders(probe.index, &want(), Some(root)) {
            if probe.is_admin(&principal) || seen.contains(&principal) {
                continue;
            }
            let Some(d) = probe.ask(&principal, root, want(), &[]) else {
                continue;
            };
            if !possible(&d) {
                continue;
            }
            seen.push(principal.clone());
            let chain = vec![
                format!("{op} in tenancy ({})", d.required.join(" + ")),
                "write `Allow group <theirs> to manage all-resources in tenancy`".to_string(),
                "manage all-resources in tenancy".to_string(),
            ];
            let reaches = vec!["any grant, to anyone: every user, group and dynamic group".into()];
            out.push(probe.path(&principal, PathKind::WriteAnyGrant, chain, reaches, &[&d]));
        }
    }
}

/// The ways to sign in as someone else: a new console password, an API key, an auth token.
const TAKEOVERS: [(&str, &str); 3] = [
    ("CreateOrResetUIPassword", "reset their console password"),
    ("UploadApiKey", "add an API key to them"),
    ("CreateAuthToken", "create an auth token for them"),
];

/// Credential operations on other users. Asked first about a member of Administrators (the
/// worst case), then about a user of another group; a condition on the target decides which.
pub fn take_over_users(probe: &Probe, out: &mut Vec<EscalationPath>) {
    let root = probe.index.tree().root();
    let admins_id = probe.admins.unwrap_or_default();
    let mut seen = Vec::new();
    for (op, how) in TAKEOVERS {
        let want = || Want::Operation(op.into());
        for principal in holders(probe.index, &want(), Some(root)) {
            if probe.is_admin(&principal) || seen.contains(&principal) {
                continue;
            }
            let Some(admin) = probe.ask(
                &principal,
                root,
                want(),
                &[
                    ("target.group.name", ADMINISTRATORS),
                    ("target.group.id", admins_id),
                ],
            ) else {
                continue;
            };
            let chain_start = format!("{op} in tenancy ({})", admin.required.join(" + "));
            if possible(&admin) {
                seen.push(principal.clone());
                let chain = vec![
                    chain_start,
                    format!("{how}, for a member of {ADMINISTRATORS}"),
                    format!("sign in as them: manage all-resources in tenancy"),
                ];
                let reaches = probe.administrators_reached();
                out.push(probe.path(
                    &principal,
                    PathKind::TakeOverUser,
                    chain,
                    reaches,
                    &[&admin],
                ));
                continue;
            }
            // Not an administrator: any other user, described by a group that is not it.
            let Some(other) = probe.ask(
                &principal,
                root,
                want(),
                &[("target.group.name", "another group")],
            ) else {
                continue;
            };
            if !possible(&other) {
                continue;
            }
            seen.push(principal.clone());
            let chain = vec![
                chain_start,
                format!("{how}, for a user outside {ADMINISTRATORS}"),
                "sign in as them: everything their groups are granted".to_string(),
            ];
            let reaches = vec![format!(
                "users outside {ADMINISTRATORS}: {}",
                probe.users_outside_administrators().len()
            )];
            out.push(probe.path(
                &principal,
                PathKind::TakeOverUser,
                chain,
                reaches,
                &[&other],
            ));
        }
    }
}

impl Probe<'_> {
    /// Users who are not members of Administrators, sorted.
    pub fn users_outside_administrators(&self) -> Vec<String> {
        let admins = self
            .admins
            .map(|id| self.group_members(id))
            .unwrap_or_default();
        let mut names: Vec<String> = self
            .index
            .users
            .values()
            .filter(|n| !admins.contains(n))
            .cloned()
            .collect();
        names.sort();
        names
    }
}
