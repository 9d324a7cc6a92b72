//! Asking for the passphrase of an encrypted key when the profile has none: on the terminal
//! without echo in real use, scripted in tests, or not at all.

use std::path::Path;

/// Something that can supply a key's passphrase on demand.
pub trait PassphrasePrompt {
    /// The passphrase for `key_file`, or `None` when none can be had (no terminal, cancelled).
    fn passphrase(&self, key_file: &Path) -> Option<String>;
}

/// Asks on the controlling terminal without echo, like the CLI's "Private key passphrase:".
#[derive(Debug, Clone, Copy, Default)]
pub struct TerminalPrompt;

impl PassphrasePrompt for TerminalPrompt {
    fn passphrase(&self, key_file: &Path) -> Option<String> {
        rpassword::prompt_password(format!(
            "Private key passphrase for {}: ",
            key_file.display()
        ))
        .ok()
    }
}

/// Never supplies a passphrase: an encrypted key without `pass_phrase` is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPrompt;

impl PassphrasePrompt for NoPrompt {
    fn passphrase(&self, _key_file: &Path) -> Option<String> {
        None
    }
}

/// Always answers with the same passphrase (tests, or a passphrase from a secret store).
#[derive(Debug, Clone, Default)]
pub struct FixedPassphrase(pub String);

impl PassphrasePrompt for FixedPassphrase {
    fn passphrase(&self, _key_file: &Path) -> Option<String> {
        Some(self.0.clone())
    }
}
