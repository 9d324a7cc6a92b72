//! `canopy audit --escalation`: every escalation path of the tenancy, as text or JSON. Exit
//! status 1 when any path exists, so a pipeline can refuse a tenancy that has one.

use super::audit::Format;
use crate::policy::effective::EffectiveIndex;
use crate::policy::escalation::{analyse, render};

pub(super) fn run(index: &EffectiveIndex, format: Format) -> anyhow::Result<i32> {
    let paths = analyse(index);
    match format {
        Format::Json => println!(
            "{}",
            crate::text::escape_json(&serde_json::to_string_pretty(&paths)?)
        ),
        Format::Text => {
            for line in render(&paths) {
                crate::say!("{line}");
            }
        }
    }
    Ok(i32::from(!paths.is_empty()))
}
