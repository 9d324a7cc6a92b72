//! Authentication: loading private keys, key fingerprints, session tokens, and OCI request
//! signing.

mod fast_rsa;
mod key_error;
mod legacy_pem;
pub mod passphrase;
mod pem;
pub mod private_key;
pub mod request_signer;
pub mod session_token;
pub mod signature;
mod warning;

pub use key_error::KeyError;
pub use passphrase::{FixedPassphrase, NoPrompt, PassphrasePrompt, TerminalPrompt};
pub use private_key::{load_private_key, parse_private_key};
pub use request_signer::RequestSigner;
pub use session_token::{SessionToken, load_session_token};
pub use warning::Warning;
