//! Finding the PEM block in a key file and decoding it: label, RFC 1421 headers (used by
//! legacy OpenSSL encryption) and the DER bytes. Text around the block, such as the
//! `OCI_API_KEY` line the OCI CLI asks for, is ignored.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

/// One decoded `-----BEGIN <label>-----` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    pub label: String,
    /// `Name: value` header lines before the base64, e.g. `Proc-Type` and `DEK-Info`.
    pub headers: Vec<(String, String)>,
    pub der: Vec<u8>,
}

impl PemBlock {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why no PEM block could be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PemError {
    NoBlock,
    Malformed(String),
}

/// Decodes the first PEM block in `text`.
pub fn first_block(text: &str) -> Result<PemBlock, PemError> {
    let mut lines = text.lines().map(str::trim);
    let label = loop {
        let line = lines.next().ok_or(PemError::NoBlock)?;
        if let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|l| l.strip_suffix("-----"))
        {
            break label.to_string();
        }
    };
    let end = format!("-----END {label}-----");
    let mut headers = Vec::new();
    let mut body = String::new();
    let mut in_headers = true;
    let mut closed = false;
    for line in lines {
        if line == end {
            closed = true;
            break;
        }
        if in_headers {
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
                continue;
            }
            in_headers = false;
            if line.is_empty() {
                continue;
            }
        }
        body.push_str(line);
    }
    if !closed {
        return Err(PemError::Malformed(format!("the '{end}' line is missing")));
    }
    let der = BASE64
        .decode(body.as_bytes())
        .map_err(|e| PemError::Malformed(format!("the base64 body does not decode ({e})")))?;
    Ok(PemBlock {
        label,
        headers,
        der,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headers_body_and_ignores_trailing_text() {
        let text = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00FF\n\nAAEC\n-----END RSA PRIVATE KEY-----\nOCI_API_KEY\n";
        let block = first_block(text).unwrap();
        assert_eq!(block.label, "RSA PRIVATE KEY");
        assert_eq!(block.header("dek-info"), Some("AES-128-CBC,00FF"));
        assert_eq!(block.der, vec![0, 1, 2]);
        assert_eq!(first_block("nothing here"), Err(PemError::NoBlock));
        assert!(matches!(
            first_block("-----BEGIN X-----\nAAAA\n"),
            Err(PemError::Malformed(_))
        ));
    }
}
