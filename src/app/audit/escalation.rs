//! The audit view's escalation tab (`e`): the same report as `canopy audit --escalation`,
//! coloured, over the whole tenancy whichever compartment the view was opened on.

use crate::app::widgets::modal::{Tone, ToneLine};
use crate::policy::effective::EffectiveIndex;
use crate::policy::escalation::{analyse, render};

/// Title and lines of the escalation report.
pub fn lines(index: &EffectiveIndex) -> (String, Vec<ToneLine>) {
    let paths = analyse(index);
    let lines = render(&paths)
        .into_iter()
        .map(|line| {
            let tone = if line.starts_with("- ") {
                Tone::Error
            } else if line.starts_with("    chain:") {
                Tone::Warning
            } else if line.starts_with(' ') {
                Tone::Dim
            } else {
                Tone::Heading
            };
            ToneLine::new(tone, line)
        })
        .collect();
    ("Escalation paths in the tenancy".to_string(), lines)
}
