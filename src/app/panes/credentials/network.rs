//! Network sources as a resource kind, and their forms: public CIDRs, VCN + CIDR pairs and
//! services, each checked as typed with an error that names the bad entry.

use crate::model::{
    CreateNetworkSourceDetails, DefinedTags, FreeformTags, NetworkSource,
    UpdateNetworkSourceDetails, VirtualSource, check_cidr,
};

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::resource::{Column, Noun, Presence, Resource, Width};
use crate::app::widgets::form::{Field, FormValues};

impl Resource for NetworkSource {
    const NOUN: Noun = Noun {
        one: "network source",
        many: "network sources",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Network source", Width::Fill(1), |n, _| n.name.clone()),
            Column::new("Public", Width::Fill(1), |n, _| n.public_source_list.join(", ")),
            Column::new("VCNs", Width::Fixed(4), |n, _| {
                n.virtual_source_list.len().to_string()
            }),
            Column::new("State", Width::Fixed(8), |n, _| n.lifecycle_state.to_string()),
            Column::new("Created", Width::Fixed(10), |n, _| {
                n.time_created.get(..10).unwrap_or(&n.time_created).to_string()
            }),
        ]
    }

    fn detail(&self, _ctx: &Ctx) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("OCID", self.id.clone()),
            ("State", self.lifecycle_state.to_string()),
            ("Created", self.time_created.clone()),
            ("Description", self.description.clone()),
            ("Public", or_none(&self.public_source_list.join(", "))),
        ];
        for v in &self.virtual_source_list {
            out.push(("VCN", format!("{} {}", v.vcn_id, v.ip_ranges.join(", "))));
        }
        if self.virtual_source_list.is_empty() {
            out.push(("VCN", "(none)".into()));
        }
        out.push(("Services", or_none(&self.services.join(", "))));
        out
    }

    fn presence(&self) -> Presence {
        Presence::of(&self.lifecycle_state)
    }

    fn actions() -> &'static [Action] {
        &[Action::Create, Action::Edit, Action::Delete]
    }
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "(none)".into()
    } else {
        text.to_string()
    }
}

/// Comma-separated entries, spaces around them ignored.
fn entries(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(str::to_string)
        .collect()
}

/// `203.0.113.0/24, 192.0.2.143`: every entry an address or a CIDR block.
pub fn parse_public(text: &str) -> Result<Vec<String>, String> {
    let list = entries(text);
    for entry in &list {
        check_cidr(entry)?;
    }
    Ok(list)
}

/// `ocid1.vcn.oc1..x 10.0.0.0/16 10.1.0.0/24; ocid1.vcn.oc1..y 10.2.0.0/24`: per VCN its
/// OCID, then its address ranges.
pub fn parse_virtual(text: &str) -> Result<Vec<VirtualSource>, String> {
    let mut out = Vec::new();
    for group in text.split(';').map(str::trim).filter(|g| !g.is_empty()) {
        let mut words = group.split(|c: char| c.is_whitespace() || c == ',');
        let vcn = words.next().unwrap_or_default();
        crate::app::validate::ocid(vcn, "vcn")?;
        let ranges: Vec<String> = words
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if ranges.is_empty() {
            return Err(format!("VCN {vcn} needs at least one address range after it"));
        }
        for r in &ranges {
            check_cidr(r)?;
        }
        out.push(VirtualSource {
            vcn_id: vcn.to_string(),
            ip_ranges: ranges,
        });
    }
    Ok(out)
}

/// `env=prod, Operations.CostCenter=CC-1`: free-form tags, and defined tags by
/// `Namespace.key`.
pub fn parse_tags(text: &str) -> Result<(FreeformTags, DefinedTags), String> {
    let mut free = FreeformTags::new();
    let mut defined = DefinedTags::new();
    for entry in entries(text) {
        let Some((key, value)) = entry.split_once('=') else {
            return Err(format!("'{entry}' is not KEY=VALUE (or Namespace.key=VALUE)"));
        };
        let (key, value) = (key.trim(), value.trim());
        match key.split_once('.') {
            Some((ns, k)) if !ns.is_empty() && !k.is_empty() => {
                defined
                    .entry(ns.to_string())
                    .or_default()
                    .insert(k.to_string(), serde_json::Value::String(value.to_string()));
            }
            _ if key.is_empty() => return Err(format!("'{entry}' has no key before '='")),
            _ => {
                free.insert(key.to_string(), value.to_string());
            }
        }
    }
    Ok((free, defined))
}

fn tags_text(free: &FreeformTags, defined: &DefinedTags) -> String {
    let mut out: Vec<String> = free.iter().map(|(k, v)| format!("{k}={v}")).collect();
    for (ns, tags) in defined {
        for (k, v) in tags {
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            out.push(format!("{ns}.{k}={v}"));
        }
    }
    out.join(", ")
}

fn virtual_text(list: &[VirtualSource]) -> String {
    list.iter()
        .map(|v| format!("{} {}", v.vcn_id, v.ip_ranges.join(" ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The form's fields; `source` fills them for an edit (whose name cannot change).
pub fn fields(source: Option<&NetworkSource>) -> Vec<Field> {
    let mut fields = Vec::new();
    if source.is_none() {
        fields.push(
            Field::text("name", "Name")
                .required()
                .max_chars(100)
                .check(|n| crate::app::validate::name(n, "the name", 100))
                .help("unique in the tenancy; cannot be changed later"),
        );
    }
    fields.extend([
        Field::text("description", "Description")
            .value(source.map_or("", |s| s.description.as_str()))
            .required()
            .max_chars(400),
        Field::text("public", "Public addresses")
            .value(&source.map_or_else(String::new, |s| s.public_source_list.join(", ")))
            .check(|t| parse_public(t).map(drop))
            .help("addresses and CIDR blocks, separated by commas: 203.0.113.0/24, 192.0.2.7"),
        Field::text("vcns", "VCN ranges")
            .value(&source.map_or_else(String::new, |s| virtual_text(&s.virtual_source_list)))
            .check(|t| parse_virtual(t).map(drop))
            .help("VCN_OCID CIDR CIDR; VCN_OCID CIDR (a ; between VCNs)"),
        Field::text("services", "Services")
            .value(&source.map_or_else(|| "all".to_string(), |s| s.services.join(", ")))
            .help("reserved by Oracle, no effect: 'all' or empty"),
        Field::text("tags", "Tags")
            .value(&source.map_or_else(String::new, |s| {
                tags_text(&s.freeform_tags, &s.defined_tags)
            }))
            .check(|t| parse_tags(t).map(drop))
            .help("key=value free-form, Namespace.key=value defined; separated by commas"),
    ]);
    fields
}

/// What a submitted form says, checked again (the form checked each field already).
/// The public entries and the VCN ranges of a form.
type Lists = (Vec<String>, Vec<VirtualSource>);

fn lists(v: &FormValues) -> Result<Lists, (&'static str, String)> {
    let public = parse_public(v.get("public")).map_err(|e| ("public", e))?;
    let vcns = parse_virtual(v.get("vcns")).map_err(|e| ("vcns", e))?;
    if public.is_empty() && vcns.is_empty() {
        return Err((
            "public",
            "give public addresses or VCN ranges: a network source of neither matches nothing"
                .into(),
        ));
    }
    Ok((public, vcns))
}

pub fn create_details(
    tenancy_id: &str,
    v: &FormValues,
) -> Result<CreateNetworkSourceDetails, (&'static str, String)> {
    let (public, vcns) = lists(v)?;
    let (free, defined) = parse_tags(v.get("tags")).map_err(|e| ("tags", e))?;
    Ok(CreateNetworkSourceDetails {
        compartment_id: tenancy_id.to_string(),
        name: v.string("name"),
        description: v.string("description"),
        public_source_list: Some(public),
        virtual_source_list: Some(vcns),
        services: Some(entries(v.get("services"))),
        freeform_tags: (!free.is_empty()).then_some(free),
        defined_tags: (!defined.is_empty()).then_some(defined),
    })
}

/// The fields that changed (`None`: nothing did).
pub fn update_details(
    old: &NetworkSource,
    v: &FormValues,
) -> Result<Option<UpdateNetworkSourceDetails>, (&'static str, String)> {
    let (public, vcns) = lists(v)?;
    let services = entries(v.get("services"));
    let (free, defined) = parse_tags(v.get("tags")).map_err(|e| ("tags", e))?;
    let d = UpdateNetworkSourceDetails {
        description: (old.description != v.get("description")).then(|| v.string("description")),
        public_source_list: (old.public_source_list != public).then_some(public),
        virtual_source_list: (old.virtual_source_list != vcns).then_some(vcns),
        services: (old.services != services).then_some(services),
        freeform_tags: (old.freeform_tags != free).then_some(free),
        defined_tags: (old.defined_tags != defined).then_some(defined),
    };
    Ok((d != UpdateNetworkSourceDetails::default()).then_some(d))
}

#[cfg(test)]
mod tests {
    use super::{parse_public, parse_virtual};

    #[test]
    fn entries_are_checked_and_the_bad_one_named() {
        assert_eq!(
            parse_public(" 10.0.0.0/8, 192.0.2.1 ,").unwrap(),
            vec!["10.0.0.0/8", "192.0.2.1"]
        );
        let e = parse_public("10.0.0.0/8, 10.0.0.0/33").unwrap_err();
        assert!(e.contains("10.0.0.0/33"), "{e}");
        let v = parse_virtual("ocid1.vcn.oc1..aaa 10.0.0.0/24 10.0.1.5; ocid1.vcn.oc1..bbb 10.9.0.0/16")
            .unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].ip_ranges, vec!["10.0.0.0/24", "10.0.1.5"]);
        assert!(parse_virtual("ocid1.vcn.oc1..aaa").unwrap_err().contains("address range"));
        assert!(parse_virtual("nope 10.0.0.0/8").unwrap_err().contains("vcn OCID"));
        let (free, defined) = super::parse_tags("env=prod, Operations.CostCenter=CC-1").unwrap();
        assert_eq!(free["env"], "prod");
        assert_eq!(defined["Operations"]["CostCenter"], "CC-1");
        assert!(super::parse_tags("novalue").unwrap_err().contains("KEY=VALUE"));
    }
}
