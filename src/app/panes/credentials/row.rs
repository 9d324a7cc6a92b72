//! A credential as lists show it: with its user's name and whether that user is blocked, its
//! age counted from the session's clock. The tenancy-wide view and a user's credential tabs
//! list the same rows (a user's tabs hide the kind and user columns).

use std::borrow::Cow;

use serde::Serialize;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, SortKey, Width};
use crate::model::{Credential, CredentialKind, User};

#[derive(Debug, Clone, PartialEq)]
pub struct CredentialRow {
    pub credential: Credential,
    pub user_name: String,
    pub user_blocked: bool,
}

impl CredentialRow {
    pub fn new(credential: Credential, user: Option<&User>) -> Self {
        CredentialRow {
            user_name: user.map_or_else(|| credential.user_id().to_string(), |u| u.name.clone()),
            user_blocked: user.is_some_and(User::is_blocked),
            credential,
        }
    }

    pub fn kind(&self) -> CredentialKind {
        self.credential.kind()
    }

    /// Whole days since it was created, at the session's clock (`None`: no valid time).
    pub fn age_days(&self, now: i64) -> Option<i64> {
        age_days(self.credential.time_created(), now)
    }

    /// What a revoke asks to be typed: the description (or name), else the user's name; for
    /// an API key the fingerprint's last four bytes.
    pub fn confirmation(&self) -> String {
        match &self.credential {
            Credential::ApiKey(k) => {
                crate::app::panes::identity::fingerprint_tail(&k.fingerprint)
            }
            Credential::MfaDevice(_) => self.user_name.clone(),
            c if c.label().trim().is_empty() => self.user_name.clone(),
            c => c.label().to_string(),
        }
    }
}

/// The raw JSON (`v`) is the service's own record.
impl Serialize for CredentialRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.credential.serialize(s)
    }
}

/// Whole days from an RFC 3339 time to `now` (never negative).
pub fn age_days(time: &str, now: i64) -> Option<i64> {
    let t = time::OffsetDateTime::parse(time, &time::format_description::well_known::Rfc3339)
        .ok()?;
    Some(((now - t.unix_timestamp()) / 86_400).max(0))
}

/// `513d` (or `?` without a valid time).
pub fn age_text(time: &str, now: i64) -> String {
    age_days(time, now).map_or_else(|| "?".to_string(), |d| format!("{d}d"))
}

fn day(time: &str) -> String {
    time.get(..10).unwrap_or(time).to_string()
}

impl Resource for CredentialRow {
    const NOUN: Noun = Noun {
        one: "credential",
        many: "credentials",
    };

    fn id(&self) -> &str {
        self.credential.id()
    }

    fn name(&self) -> &str {
        self.credential.label()
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Kind", Width::Fixed(10), |r, _| r.kind().short().to_string()),
            Column::new("User", Width::Fill(1), |r, _| {
                if r.user_blocked {
                    format!("{} (blocked)", r.user_name)
                } else {
                    r.user_name.clone()
                }
            }),
            Column::new("Description", Width::Fill(1), |r, _| {
                r.credential.label().to_string()
            }),
            Column::new("Age", Width::Fixed(5), |r: &CredentialRow, ctx: &Ctx| {
                age_text(r.credential.time_created(), ctx.now)
            })
            .sorted_by(|r, ctx| SortKey::Number(r.age_days(ctx.now).unwrap_or(-1))),
            Column::new("Created", Width::Fixed(10), |r, _| {
                day(r.credential.time_created())
            }),
            Column::new("State", Width::Fixed(8), |r, _| r.credential.state()),
            Column::new("Expires", Width::Fixed(10), |r, _| expires(r)),
        ]
    }

    fn detail(&self, ctx: &Ctx) -> Vec<(&'static str, String)> {
        let c = &self.credential;
        let mut out = vec![
            ("Kind", c.kind().one().to_string()),
            ("User", self.user_name.clone()),
            ("ID", c.id().to_string()),
            (
                "Created",
                format!(
                    "{} ({} old)",
                    c.time_created(),
                    age_text(c.time_created(), ctx.now)
                ),
            ),
            ("State", c.state()),
            ("Expires", expires(self)),
        ];
        match c {
            Credential::SmtpCredential(s) => out.push(("SMTP user", s.username.clone())),
            Credential::OAuth2ClientCredential(o) => {
                out.push(("Description", o.description.clone()));
                let scopes: Vec<String> = o
                    .scopes
                    .iter()
                    .map(|s| format!("{} {}", s.audience, s.scope))
                    .collect();
                out.push(("Scopes", scopes.join(", ")));
            }
            _ => {}
        }
        out
    }

    fn presence(&self) -> Presence {
        match &self.credential {
            Credential::MfaDevice(m) if !m.is_activated => Presence::Dormant,
            c => Presence::of(c.lifecycle_state()),
        }
    }

    /// Secrets oldest first (what an audit looks at first), then MFA devices (a second
    /// factor holds no secret to rotate).
    fn natural_key(&self, ctx: &Ctx) -> SortKey {
        let age = self.age_days(ctx.now).unwrap_or(0);
        let mfa = i64::from(self.kind() == CredentialKind::MfaDevice);
        SortKey::Number(mfa * 1_000_000 - age)
    }

    fn search_text(&self, _ctx: &Ctx) -> Cow<'_, str> {
        Cow::Owned(format!(
            "{} {} {} {}",
            self.kind().short(),
            self.user_name,
            self.credential.label(),
            self.credential.state()
        ))
    }

    fn actions() -> &'static [Action] {
        &[
            Action::Create,
            Action::Edit,
            Action::Delete,
            Action::Activate,
            Action::NewSeed,
        ]
    }
}

/// The expiry day, `never`, or `-` for a kind that cannot expire.
fn expires(r: &CredentialRow) -> String {
    match (r.kind(), r.credential.expires()) {
        (CredentialKind::ApiKey, _) => "-".to_string(),
        (_, Some(t)) => day(t),
        (_, None) => "never".to_string(),
    }
}

/// The age part of a credentials filter: `age>90d`, `age<30d` (units d, w, m = 30 d, y = 365
/// d); the rest of the query filters as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgeFilter {
    /// Older than this many days.
    pub older: Option<i64>,
    /// Younger than this many days.
    pub younger: Option<i64>,
}

impl AgeFilter {
    /// Splits a query into its age terms and the remaining text; a term that looks like an
    /// age but does not parse stays text (and then matches nothing, which shows).
    pub fn parse(query: &str) -> (AgeFilter, String) {
        let mut age = AgeFilter::default();
        let mut rest = Vec::new();
        for word in query.split_whitespace() {
            let lower = word.to_lowercase();
            let parsed = lower.strip_prefix("age").and_then(|t| {
                let (older, t) = match t.as_bytes().first() {
                    Some(b'>') => (true, &t[1..]),
                    Some(b'<') => (false, &t[1..]),
                    _ => return None,
                };
                let t = t.strip_prefix('=').unwrap_or(t);
                Some((older, days(t)?))
            });
            match parsed {
                Some((true, d)) => age.older = Some(d),
                Some((false, d)) => age.younger = Some(d),
                None => rest.push(word),
            }
        }
        (age, rest.join(" "))
    }

    pub fn is_active(&self) -> bool {
        self.older.is_some() || self.younger.is_some()
    }

    pub fn keeps(&self, age: Option<i64>) -> bool {
        let Some(age) = age else {
            return !self.is_active();
        };
        self.older.is_none_or(|d| age > d) && self.younger.is_none_or(|d| age < d)
    }
}

/// `90d`, `12w`, `3m`, `1y`, or a bare number of days.
fn days(text: &str) -> Option<i64> {
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, "d"),
    };
    let n: i64 = number.parse().ok()?;
    let factor = match unit {
        "d" => 1,
        "w" => 7,
        "m" => 30,
        "y" => 365,
        _ => return None,
    };
    n.checked_mul(factor)
}

#[cfg(test)]
mod tests {
    use super::AgeFilter;

    #[test]
    fn age_terms_come_out_of_the_query() {
        let (age, rest) = AgeFilter::parse("token age>90d svc");
        assert_eq!(age.older, Some(90));
        assert_eq!(rest, "token svc");
        let (age, rest) = AgeFilter::parse("age<2w AGE>=1y");
        assert_eq!((age.younger, age.older), (Some(14), Some(365)));
        assert!(rest.is_empty());
        assert!(!age.keeps(Some(400)), "not younger than 14 days");
        let (age, rest) = AgeFilter::parse("age>x");
        assert!(!age.is_active());
        assert_eq!(rest, "age>x");
        let (age, _) = AgeFilter::parse("age>90");
        assert!(age.keeps(Some(91)) && !age.keeps(Some(90)) && !age.keeps(None));
    }
}
