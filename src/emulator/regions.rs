//! The commercial (oc1) regions the emulator knows, as `GET /regions` lists them.

/// (upper-case key, region id), from oci-wire.md section 3.
pub const REGIONS: &[(&str, &str)] = &[
    ("IAD", "us-ashburn-1"),
    ("PHX", "us-phoenix-1"),
    ("SJC", "us-sanjose-1"),
    ("ORD", "us-chicago-1"),
    ("YYZ", "ca-toronto-1"),
    ("YUL", "ca-montreal-1"),
    ("LHR", "uk-london-1"),
    ("CWL", "uk-cardiff-1"),
    ("GRU", "sa-saopaulo-1"),
    ("VCP", "sa-vinhedo-1"),
    ("SCL", "sa-santiago-1"),
    ("FRA", "eu-frankfurt-1"),
    ("AMS", "eu-amsterdam-1"),
    ("ZRH", "eu-zurich-1"),
    ("CDG", "eu-paris-1"),
    ("MRS", "eu-marseille-1"),
    ("LIN", "eu-milan-1"),
    ("ARN", "eu-stockholm-1"),
    ("MAD", "eu-madrid-1"),
    ("JED", "me-jeddah-1"),
    ("DXB", "me-dubai-1"),
    ("MTZ", "il-jerusalem-1"),
    ("NRT", "ap-tokyo-1"),
    ("KIX", "ap-osaka-1"),
    ("ICN", "ap-seoul-1"),
    ("YNY", "ap-chuncheon-1"),
    ("BOM", "ap-mumbai-1"),
    ("HYD", "ap-hyderabad-1"),
    ("SYD", "ap-sydney-1"),
    ("MEL", "ap-melbourne-1"),
    ("SIN", "ap-singapore-1"),
    ("JNB", "af-johannesburg-1"),
    ("QRO", "mx-queretaro-1"),
];

/// The region id for a key such as `IAD` (case-insensitive), or the input if it is an id.
pub fn region_name(key_or_name: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .find(|(k, n)| k.eq_ignore_ascii_case(key_or_name) || *n == key_or_name)
        .map(|(_, n)| *n)
}

/// The upper-case key for a region id.
pub fn region_key(name: &str) -> Option<&'static str> {
    REGIONS.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
}
