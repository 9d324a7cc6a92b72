//! Which pane is which: the tabs of the frame, in order, plus the command log.

use serde::Deserialize;

/// Every pane of the TUI. Dispatch over panes is a `match` on this enum, so adding a pane is
/// an exhaustive-check compile error everywhere it must be handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaneId {
    Compartments,
    Identity,
    Policies,
    Tags,
    Invitations,
    /// Every API call made in this session.
    Log,
}

impl PaneId {
    /// Tab order.
    pub const ALL: [PaneId; 6] = [
        PaneId::Compartments,
        PaneId::Identity,
        PaneId::Policies,
        PaneId::Tags,
        PaneId::Invitations,
        PaneId::Log,
    ];

    /// The tab title.
    pub fn title(self) -> &'static str {
        match self {
            PaneId::Compartments => "Compartments",
            PaneId::Identity => "Identity",
            PaneId::Policies => "Policies",
            PaneId::Tags => "Tags",
            PaneId::Invitations => "Invitations",
            PaneId::Log => "Log",
        }
    }

    /// The keymap table holding this pane's own keys.
    pub fn keymap_context(self) -> &'static str {
        match self {
            PaneId::Compartments => "compartments",
            PaneId::Identity => "identity",
            PaneId::Policies => "policies",
            PaneId::Tags => "tags",
            PaneId::Invitations => "invitations",
            PaneId::Log => "log",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The pane after this one in tab order, wrapping round.
    #[must_use]
    pub fn next(self) -> PaneId {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    /// The pane before this one in tab order, wrapping round.
    #[must_use]
    pub fn previous(self) -> PaneId {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}
