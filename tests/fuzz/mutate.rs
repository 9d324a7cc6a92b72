//! Inputs for the fuzz targets: real samples (a config, keys, statements, the demo seed)
//! changed by random edits, so most inputs are nearly valid and reach deep into the parsers,
//! plus arbitrary text.

use proptest::prelude::*;

/// Pieces that matter to one of the parsers, spliced in at random.
const TOKENS: &[&str] = &[
    "\n",
    "\r\n",
    "[",
    "]",
    "=",
    ":",
    "#",
    ";",
    " ",
    "\t",
    "-----BEGIN ",
    "-----END ",
    "-----",
    "PRIVATE KEY",
    "ENCRYPTED",
    "Proc-Type: 4,ENCRYPTED\n",
    "DEK-Info: AES-256-CBC,00\n",
    "\"",
    "{",
    "}",
    "[]",
    "null",
    "0",
    "-1",
    "1e999",
    "99999999999999999999",
    "\\u0000",
    "\u{0}",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{200d}",
    "é",
    "ocid1.",
    ",",
    "where",
    "'",
    "any-user",
    "Allow ",
    "Deny ",
    " to ",
    " in ",
    "compartment ",
    "tenancy",
    "request.",
    "all {",
    "any {",
    "/",
    "=",
    "!=",
    "before",
    "between",
    "key_file",
    "region",
    "~/",
    "${",
    "%(",
    "DEFAULT",
];

#[derive(Debug, Clone)]
pub enum Edit {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, token: usize },
    Delete { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Truncate { at: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Edit::Flip { at, bit }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Edit::Insert { at, token }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), 1usize..64, 2usize..50).prop_map(|(at, len, times)| Edit::Repeat {
            at,
            len,
            times
        }),
        any::<usize>().prop_map(|at| Edit::Truncate { at }),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = bytes.len().max(1);
        match *e {
            Edit::Flip { at, bit } => {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] ^= 1 << bit;
                }
            }
            Edit::Insert { at, token } => {
                let i = at % (bytes.len() + 1);
                bytes.splice(i..i, TOKENS[token].bytes());
            }
            Edit::Delete { at, len } => {
                let i = at % n;
                let end = (i + len).min(bytes.len());
                if i < end {
                    bytes.drain(i..end);
                }
            }
            Edit::Repeat { at, len, times } => {
                let i = at % n;
                let end = (i + len).min(bytes.len());
                if i < end {
                    let piece: Vec<u8> = bytes[i..end].to_vec();
                    for _ in 0..times {
                        bytes.splice(end..end, piece.iter().copied());
                    }
                }
            }
            Edit::Truncate { at } => bytes.truncate(at % n),
        }
    }
    bytes
}

/// One of `samples` after up to `max_edits` random edits, or arbitrary text.
pub fn mutated(samples: Vec<String>, max_edits: usize) -> impl Strategy<Value = String> {
    let edited = (
        0..samples.len(),
        prop::collection::vec(edit(), 0..max_edits),
    )
        .prop_map(move |(i, edits)| {
            String::from_utf8_lossy(&apply(samples[i].clone().into_bytes(), &edits)).into_owned()
        });
    prop_oneof![8 => edited, 1 => ".{0,400}"]
}

/// How many cases each target runs: `FUZZ_CASES`, else a short run for CI.
pub fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

pub fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Failures print the shrunk input; nothing is written into the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
