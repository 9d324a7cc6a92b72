//! The output flags `policy check` and `policy lint` share: `--format` and `--exclude FILE`,
//! and printing a report with them (exit 1 when an error is left after exclusions).

use std::path::PathBuf;

use clap::Args;

use crate::policy::report::{Exclusions, Format, Report};

#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// text (default), json, sarif (SARIF 2.1.0, for code scanning) or junit (`JUnit` XML).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Leave out findings: one rule per line, optionally followed by a policy name or file
    /// (a trailing `*` matches any ending), e.g. `redundant legacy-*`; `#` starts a comment.
    #[arg(long, value_name = "FILE")]
    pub exclude: Option<PathBuf>,
}

impl OutputArgs {
    /// Applies the exclusions and prints the report; the exit status.
    pub fn print(
        &self,
        mut report: Report,
        summary: impl FnOnce(&Report) -> Vec<String>,
    ) -> anyhow::Result<i32> {
        if let Some(path) = &self.exclude {
            let exclusions = Exclusions::read(path).map_err(super::UsageError::from)?;
            for unused in exclusions.apply(&mut report.findings) {
                crate::say_err!(
                    "canopy: {}: exclusion {unused} matched no finding",
                    path.display()
                );
            }
        }
        match report.render(self.format) {
            Some(text) => println!("{text}"),
            None => {
                for f in &report.findings {
                    crate::say!("{}", f.text);
                }
            }
        }
        for line in summary(&report) {
            crate::say_err!("{line}");
        }
        Ok(i32::from(report.errors() > 0))
    }
}
