//! The macro behind the one declaration of every pane ([`super`]): from one entry per pane it
//! makes the pane's module, its [`PaneId`](super::PaneId) (tab order, title, name in the
//! keymap and palette commands), its field in [`Panes`](super::Panes) with dispatch, its
//! dialogs in [`PaneDialog`](super::PaneDialog), and its key contexts in
//! [`KeyContext`](super::KeyContext). A pane missing any of these does not compile.

/// See the module documentation; used once, in `panes/mod.rs`.
macro_rules! declare_panes {
    (
        core_contexts: [$($core:ident = $core_name:literal),* $(,)?],
        panes: [$(
            $(#[$doc:meta])*
            $id:ident($module:ident: $state:ty) {
                title: $title:literal,
                commands: [$(($names:literal, $show:literal, $about:literal)),* $(,)?],
                contexts: [$($ctx:ident = $ctx_name:literal),* $(,)?] $(,)?
            }
        ),+ $(,)?]
    ) => {
        $(pub mod $module;)+

        /// Every pane of the TUI, in tab order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum PaneId {
            $($(#[$doc])* $id),+
        }

        impl PaneId {
            /// Tab order.
            pub const ALL: &'static [PaneId] = &[$(PaneId::$id),+];

            /// The tab title.
            pub fn title(self) -> &'static str {
                match self {
                    $(PaneId::$id => $title),+
                }
            }

            /// The name the keymap uses (`{ go = "identity" }`).
            pub fn name(self) -> &'static str {
                match self {
                    $(PaneId::$id => stringify!($module)),+
                }
            }

            pub fn from_name(name: &str) -> Option<PaneId> {
                match name {
                    $(stringify!($module) => Some(PaneId::$id),)+
                    _ => None,
                }
            }

            /// The `:` commands that open this pane: (names separated by spaces, the
            /// sub-view to show or "", what it is).
            pub fn commands(self) -> &'static [(&'static str, &'static str, &'static str)] {
                match self {
                    $(PaneId::$id => &[$(($names, $show, $about)),*]),+
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for PaneId {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let name = String::deserialize(d)?;
                PaneId::from_name(&name).ok_or_else(|| {
                    let known: Vec<&str> = PaneId::ALL.iter().map(|p| p.name()).collect();
                    serde::de::Error::custom(format!(
                        "unknown pane '{name}' (known: {})",
                        known.join(", ")
                    ))
                })
            }
        }

        /// The state of every pane.
        pub struct Panes {
            $(pub $module: $state),+
        }

        impl Panes {
            pub fn new() -> Self {
                Panes {
                    $($module: <$state as PaneState>::new(PaneId::$id)),+
                }
            }

            pub fn get(&self, id: PaneId) -> &dyn Pane {
                match id {
                    $(PaneId::$id => &self.$module),+
                }
            }

            pub fn get_mut(&mut self, id: PaneId) -> &mut dyn Pane {
                match id {
                    $(PaneId::$id => &mut self.$module),+
                }
            }

            /// Hands a closed dialog's outcome to the pane that opened it.
            pub fn on_modal(&mut self, dialog: PaneDialog, outcome: ModalOutcome, ctx: &mut Ctx) {
                match dialog {
                    PaneDialog::Info
                    | PaneDialog::Columns
                    | PaneDialog::Find { .. }
                    | PaneDialog::Marks { .. } => {}
                    $(PaneDialog::$id(d) => {
                        <$state as Dialogs>::on_modal(&mut self.$module, d, outcome, ctx);
                    })+
                }
            }
        }

        impl Default for Panes {
            fn default() -> Self {
                Self::new()
            }
        }

        /// A dialog of one pane (what its modal is for), or plain text nobody waits on.
        #[derive(Debug, Clone, PartialEq)]
        pub enum PaneDialog {
            /// Text nobody waits on.
            Info,
            /// The focused list's column chooser (handled by the core, not a pane).
            Columns,
            /// The hits of `:find`, each going to its resource (the core's own).
            Find { ocids: Vec<String> },
            /// The bookmarks of `:marks`, by name (the core's own).
            Marks { names: Vec<String> },
            $($id(<$state as Dialogs>::Dialog)),+
        }

        impl PaneDialog {
            pub fn owner(&self) -> Option<PaneId> {
                match self {
                    PaneDialog::Info
                    | PaneDialog::Columns
                    | PaneDialog::Find { .. }
                    | PaneDialog::Marks { .. } => None,
                    $(PaneDialog::$id(_) => Some(PaneId::$id)),+
                }
            }
        }

        /// The keymap's tables: the layers every pane shares, then each pane's own.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum KeyContext {
            $($core,)*
            $($($ctx,)*)+
        }

        impl KeyContext {
            /// In the order the docs list them.
            pub const ALL: &'static [KeyContext] = &[
                $(KeyContext::$core,)*
                $($(KeyContext::$ctx,)*)+
            ];

            /// The table's name in the keymap file.
            pub fn name(self) -> &'static str {
                match self {
                    $(KeyContext::$core => $core_name,)*
                    $($(KeyContext::$ctx => $ctx_name,)*)+
                }
            }

            pub fn from_name(name: &str) -> Option<KeyContext> {
                KeyContext::ALL.iter().copied().find(|c| c.name() == name)
            }
        }
    };
}

pub(crate) use declare_panes;
