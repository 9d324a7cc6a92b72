//! One question typed on one line, as the TUI's audit view takes it:
//! `PRINCIPAL VERB RESOURCE`, `PRINCIPAL perm PERMISSION` or `PRINCIPAL op OPERATION`, then
//! optionally `where VAR=VALUE, VAR=VALUE`. The principal may be prefixed with user, group,
//! dynamic-group or idp-group (a federated identity-provider group).

use super::{Question, RequestValues, Want, units};
use crate::policy::effective::EffectiveIndex;

/// The question, or a message saying what to type.
pub fn parse(index: &EffectiveIndex, compartment: &str, input: &str) -> Result<Question, String> {
    let (asked, values) = match input.split_once(" where ") {
        Some((a, w)) => (a.trim(), Some(w.trim())),
        None => (input.trim(), None),
    };
    let words: Vec<&str> = asked.split_whitespace().collect();
    if words.len() < 3 {
        return Err(
            "type a principal and what it would do, e.g. `alice manage users`, `group Ops perm USER_UPDATE` or `alice op UpdateUser`, optionally `where request.region=IAD`"
                .into(),
        );
    }
    let (who, action) = words.split_at(words.len() - 2);
    let want = match (action[0].to_ascii_lowercase().as_str(), action[1]) {
        ("perm" | "permission", p) => Want::Permission(p.to_string()),
        ("op" | "operation", o) => Want::Operation(o.to_string()),
        (verb, resource) => Want::Verb {
            verb: verb.to_string(),
            resource: resource.to_string(),
        },
    };
    units::need(&want).map_err(|e| e.to_string())?;
    let name = who.join(" ");
    let principal = index.principal(&name).ok_or_else(|| {
        format!("no user, group, dynamic group or IdP group is named `{name}`; check the spelling or prefix it with user/group/dynamic-group/idp-group")
    })?;
    let mut request = RequestValues::default();
    for pair in values
        .into_iter()
        .flat_map(|w| w.split([',', ' ']))
        .filter(|p| !p.is_empty())
    {
        let (var, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("`{pair}` is not VAR=VALUE, e.g. request.region=IAD"))?;
        let value = value.trim_matches('\'').to_string();
        let mut all = request.get(var).map(<[String]>::to_vec).unwrap_or_default();
        all.push(value);
        request.set(var, all);
    }
    Ok(Question {
        principal,
        compartment: compartment.to_string(),
        want,
        values: request,
    })
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::policy::decide::Want;

    #[test]
    fn a_line_becomes_a_question_or_a_message() {
        let index = crate::policy::EffectiveIndex::build(&crate::emulator::seed::demo());
        let here = index.compartment("Prod").unwrap();
        let q = parse(&index, &here, "marcus.webb@acme-corp.com manage instances").unwrap();
        assert_eq!(
            q.want,
            Want::Verb {
                verb: "manage".into(),
                resource: "instances".into()
            }
        );
        let q = parse(
            &index,
            &here,
            "group AppOps op UpdateUser where request.region=IAD",
        )
        .unwrap();
        assert_eq!(q.want, Want::Operation("UpdateUser".into()));
        assert_eq!(
            q.values.get("request.region"),
            Some(&["IAD".to_string()][..])
        );
        for bad in [
            "",
            "alice",
            "alice manage",
            "nobody manage instances",
            "marcus.webb@acme-corp.com manage instancez",
        ] {
            assert!(parse(&index, &here, bad).is_err(), "{bad}");
        }
    }
}
