//! Dynamic-group matching rules (policy reference 7): `variable = 'value'`, `!=`, a bare tag
//! presence test, and `any {..}` / `all {..}` groups, nested, keywords in any case, a trailing
//! comma allowed. OCI refuses anything else when a dynamic group is created or updated; so do
//! the emulator and the form.

/// The variables a rule may test; `tag.<ns>.<key>.value` is matched by shape.
const VARIABLES: [&str; 5] = [
    "instance.compartment.id",
    "instance.id",
    "resource.id",
    "resource.compartment.id",
    "resource.type",
];

/// Checks a rule; the error names the character where it goes wrong and what to do.
pub fn check(rule: &str) -> Result<(), String> {
    let mut p = Parser { text: rule, at: 0 };
    p.skip();
    if p.done() {
        return Err("a matching rule cannot be empty, e.g. `instance.compartment.id = 'ocid1.compartment...'`".into());
    }
    // A bare list without braces is accepted, as in a group.
    p.items(None)?;
    p.skip();
    if !p.done() {
        return Err(p.error("expected `,` or the end of the rule"));
    }
    Ok(())
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn done(&self) -> bool {
        self.at >= self.text.len()
    }

    fn skip(&mut self) {
        let trimmed = self.rest().trim_start();
        self.at = self.text.len() - trimmed.len();
    }

    fn eat(&mut self, s: &str) -> bool {
        self.skip();
        if self.rest().starts_with(s) {
            self.at += s.len();
            true
        } else {
            false
        }
    }

    fn error(&self, what: &str) -> String {
        let column = self.text[..self.at].chars().count() + 1;
        let found = self.rest().chars().take(12).collect::<String>();
        if found.is_empty() {
            format!("column {column}: {what}, found the end of the rule")
        } else {
            format!("column {column}: {what}, found `{found}`")
        }
    }

    /// Comma-separated items up to `close` (or the end when `None`).
    fn items(&mut self, close: Option<char>) -> Result<(), String> {
        loop {
            self.item()?;
            self.skip();
            if !self.eat(",") {
                return Ok(());
            }
            self.skip();
            let at_close = close.is_some_and(|c| self.rest().starts_with(c));
            if at_close || (close.is_none() && self.done()) {
                return Ok(());
            }
        }
    }

    fn item(&mut self) -> Result<(), String> {
        self.skip();
        let word: String = self
            .rest()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            .collect();
        let keyword = word.to_ascii_lowercase();
        if keyword == "any" || keyword == "all" {
            self.at += word.len();
            if !self.eat("{") {
                return Err(self.error(&format!("expected `{{` after `{word}`")));
            }
            self.items(Some('}'))?;
            if !self.eat("}") {
                return Err(self.error("expected `,` or `}`: the braces do not pair up"));
            }
            return Ok(());
        }
        if word.is_empty() {
            return Err(self.error(
                "expected a variable such as `instance.compartment.id`, or `any {` / `all {`",
            ));
        }
        if !known(&keyword) {
            return Err(self.error(&format!(
                "unknown variable `{word}`: use instance.compartment.id, instance.id, resource.id, resource.compartment.id, resource.type or tag.<namespace>.<key>.value"
            )));
        }
        self.at += word.len();
        let negated = self.eat("!=");
        if !negated && !self.eat("=") {
            // A bare tag test: the tag is present with any value.
            if keyword.starts_with("tag.") {
                return Ok(());
            }
            return Err(self.error(&format!("expected `=` or `!=` after `{word}`")));
        }
        self.skip();
        if !self.eat("'") {
            return Err(
                self.error("expected a value in single quotes, e.g. 'ocid1.compartment...'")
            );
        }
        match self.rest().find('\'') {
            Some(end) => {
                self.at += end + 1;
                Ok(())
            }
            None => Err(self.error("the quoted value is not closed with `'`")),
        }
    }
}

fn known(variable: &str) -> bool {
    VARIABLES.contains(&variable)
        || (variable.starts_with("tag.")
            && variable.rsplit('.').next() == Some("value")
            && variable.split('.').count() == 4)
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn documented_rules_pass() {
        for rule in [
            "instance.compartment.id = 'ocid1.compartment.oc1..a'",
            "all {instance.compartment.id = 'ocid1.compartment.oc1..a', instance.id != 'ocid1.instance.oc1..b'}",
            "tag.department.operations.value = '45'",
            "tag.department.operations.value",
            "ALL { resource.type = 'fnfunc', resource.compartment.id = 'x', }",
            "Any {All {instance.id = 'a'}, resource.id = 'b'}",
            "instance.id = 'a', instance.id = 'b'",
        ] {
            assert_eq!(check(rule), Ok(()), "{rule}");
        }
    }

    #[test]
    fn garbage_is_refused_with_a_column() {
        for (rule, says) in [
            ("garbage rule", "unknown variable `garbage`"),
            ("ALL {instance.compartment.id = 'x'", "do not pair up"),
            ("instance.id 'x'", "expected `=` or `!=`"),
            ("instance.id = x", "single quotes"),
            ("instance.id = 'x", "not closed"),
            ("", "cannot be empty"),
            ("any instance.id = 'x'", "expected `{`"),
        ] {
            let e = check(rule).unwrap_err();
            assert!(e.contains(says), "{rule}: {e}");
        }
    }
}
