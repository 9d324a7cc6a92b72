//! `JUnit` XML, the test-report format CI systems show: one test case per statement checked,
//! failed when it has an error (the messages in the failure), warnings in its system-out, so
//! the report agrees with the exit status.

use std::fmt::Write;

use super::Report;
use crate::policy::diagnostic::Severity;

pub fn render(report: &Report) -> String {
    let failed: Vec<bool> = (0..report.items.len())
        .map(|i| {
            report
                .findings
                .iter()
                .any(|f| f.item == i && f.severity == Severity::Error)
        })
        .collect();
    let failures = failed.iter().filter(|f| **f).count();
    let tests = report.items.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let name = escape(&report.command);
    let _ = writeln!(
        out,
        "<testsuites name=\"{name}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{name}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">"
    );
    for (i, item) in report.items.iter().enumerate() {
        let findings: Vec<_> = report.findings.iter().filter(|f| f.item == i).collect();
        let _ = write!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\"",
            escape(&item.group),
            escape(&item.name)
        );
        if findings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let lines: Vec<String> = findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}: {}: [{}] {}",
                    f.line, f.column, f.severity, f.rule, f.message
                )
            })
            .collect();
        if failed[i] {
            let first = findings
                .iter()
                .find(|f| f.severity == Severity::Error)
                .map_or("", |f| f.rule.as_str());
            let message = findings
                .iter()
                .find(|f| f.severity == Severity::Error)
                .map_or("", |f| f.message.as_str());
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                escape(first),
                escape(message),
                escape(&lines.join("\n"))
            );
        } else {
            let _ = writeln!(
                out,
                "      <system-out>{}</system-out>",
                escape(&lines.join("\n"))
            );
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// XML text and attribute escaping; control characters other than tab and newline are not
/// allowed in XML 1.0 at all, so they are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
