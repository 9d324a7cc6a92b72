//! Print then parse gives the same tree: statements generated from the grammar's pieces, with
//! random keyword case and spacing, are parsed, printed canonically and parsed again.

use canopy::policy::parse_statement;
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9_-]{0,10}".prop_filter("not a reserved word", |w| {
        ![
            "to", "in", "where", "of", "as", "id", "all", "any", "not", "and", "or",
        ]
        .contains(&w.to_ascii_lowercase().as_str())
            && !["group", "dynamic-group", "service"].contains(&w.to_ascii_lowercase().as_str())
    })
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        word(),
        "[A-Za-z][A-Za-z0-9 ]{0,8}[A-Za-z0-9]".prop_map(|w| format!("'{w}'")),
    ]
}

fn ocid(kind: &'static str) -> impl Strategy<Value = String> {
    "[a-z0-9]{4,12}".prop_map(move |s| format!("ocid1.{kind}.oc1..{s}"))
}

/// Upper, lower or mixed case, as OCI accepts keywords in any case.
fn kw(k: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(k.to_string()),
        Just(k.to_uppercase()),
        Just(k.to_lowercase()),
    ]
}

fn space() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(" "), Just("  "), Just("\n "), Just("\t")]
}

fn principal() -> impl Strategy<Value = String> {
    prop_oneof![
        name(),
        (name(), name()).prop_map(|(d, n)| format!("{d}/{n}")),
        ocid("group").prop_map(|o| format!("id {o}")),
    ]
}

fn subject() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("any-user".to_string()),
        Just("any-group".to_string()),
        (kw("group"), prop::collection::vec(principal(), 1..4))
            .prop_map(|(k, items)| format!("{k} {}", items.join(", "))),
        (kw("dynamic-group"), prop::collection::vec(name(), 1..3))
            .prop_map(|(k, items)| format!("{k} {}", items.join(","))),
        prop::collection::vec(word(), 1..3).prop_map(|s| format!("service {}", s.join(", "))),
    ]
}

fn action() -> impl Strategy<Value = String> {
    let verb = prop_oneof![kw("inspect"), kw("read"), kw("use"), kw("manage")];
    let resource = prop_oneof![
        Just("all-resources".to_string()),
        Just("instance-family".to_string()),
        Just("users".to_string()),
        word(),
    ];
    prop_oneof![
        (verb, resource).prop_map(|(v, r)| format!("to {v} {r}")),
        (
            prop::collection::vec("[A-Z]{2,8}_[A-Z]{2,8}", 1..4),
            any::<bool>()
        )
            .prop_map(|(p, to)| format!(
                "{}{{{}}}",
                if to { "to " } else { "" },
                p.join(", ")
            )),
    ]
}

fn location() -> impl Strategy<Value = String> {
    prop_oneof![
        kw("tenancy"),
        prop::collection::vec(name(), 1..4).prop_map(|p| format!("compartment {}", p.join(":"))),
        ocid("compartment").prop_map(|o| format!("compartment id {o}")),
    ]
}

/// Values for any operator (patterns only follow `=` and `!=`).
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 :_-]{0,12}".prop_map(|v| format!("'{v}'")),
        ocid("user"),
    ]
}

fn eq_value() -> impl Strategy<Value = String> {
    prop_oneof![value(), "[A-Za-z*-]{1,8}".prop_map(|v| format!("/{v}/"))]
}

fn variable() -> impl Strategy<Value = String> {
    prop_oneof![Just("request"), Just("target")].prop_flat_map(|root| {
        prop::collection::vec("[a-z][a-zA-Z-]{0,8}", 1..4)
            .prop_map(move |parts| format!("{root}.{}", parts.join(".")))
    })
}

fn clause() -> impl Strategy<Value = String> {
    prop_oneof![
        (variable(), prop_oneof![Just("="), Just("!=")], eq_value())
            .prop_map(|(v, o, x)| format!("{v} {o} {x}")),
        (
            variable(),
            prop_oneof![Just("in"), Just("not in")],
            prop::collection::vec(value(), 1..3)
        )
            .prop_map(|(v, o, xs)| format!("{v} {o} ({})", xs.join(", "))),
        (
            variable(),
            prop_oneof![Just("before"), Just("after")],
            value()
        )
            .prop_map(|(v, o, x)| format!("{v} {o} {x}")),
        (variable(), value(), value()).prop_map(|(v, a, b)| format!("{v} between {a} and {b}")),
        variable(),
        variable().prop_map(|v| format!("not {v}")),
        (variable(), prop::collection::vec(value(), 1..3))
            .prop_map(|(v, xs)| format!("sets-intersect({v}, ({}))", xs.join(", "))),
    ]
}

fn condition() -> impl Strategy<Value = String> {
    clause().prop_recursive(3, 12, 4, |inner| {
        (
            prop_oneof![kw("all"), kw("any")],
            prop::collection::vec(inner, 1..4),
        )
            .prop_map(|(m, items)| format!("{m} {{{}}}", items.join(", ")))
    })
}

fn allow_or_deny() -> impl Strategy<Value = String> {
    (
        prop_oneof![kw("Allow"), kw("Deny")],
        subject(),
        action(),
        location(),
        prop::option::of(condition()),
        space(),
    )
        .prop_map(|(k, s, a, l, c, sp)| {
            let condition = c.map(|c| format!(" where{sp}{c}")).unwrap_or_default();
            format!("{k}{sp}{s} {a}{sp}in {l}{condition}")
        })
}

fn define() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("tenancy"),
            Just("group"),
            Just("dynamic-group"),
            Just("compartment")
        ],
        word(),
        any::<bool>(),
        ocid("tenancy"),
    )
        .prop_map(|(k, alias, id, o)| {
            format!("Define {k} {alias} as {}{o}", if id { "id " } else { "" })
        })
}

fn endorse_scope() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("any-tenancy".to_string()),
        word().prop_map(|a| format!("tenancy {a}")),
        (prop::collection::vec(name(), 1..3), word())
            .prop_map(|(p, a)| format!("compartment {} of tenancy {a}", p.join(":"))),
    ]
}

fn endorse_or_admit() -> impl Strategy<Value = String> {
    let verb_action = prop_oneof![kw("read"), kw("manage"), kw("associate")]
        .prop_map(|v| format!("to {v} buckets"));
    prop_oneof![
        (
            prop_oneof![kw("Endorse"), kw("Deny endorse")],
            subject(),
            prop_oneof![verb_action.clone(), action()],
            prop::collection::vec(endorse_scope(), 1..3),
        )
            .prop_map(|(k, s, a, scopes)| format!("{k} {s} {a} in {}", scopes.join(", "))),
        (
            prop_oneof![kw("Admit"), kw("Deny admit")],
            prop_oneof![
                (subject(), word()).prop_map(|(s, a)| format!("{s} of tenancy {a}")),
                Just("any-user of any-tenancy".to_string()),
            ],
            verb_action,
            location(),
            prop::option::of(condition()),
        )
            .prop_map(|(k, s, a, l, c)| {
                let condition = c.map(|c| format!(" where {c}")).unwrap_or_default();
                format!("{k} {s} {a} in {l}{condition}")
            }),
    ]
}

fn statement() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => allow_or_deny(),
        1 => define(),
        2 => endorse_or_admit(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn print_then_parse_gives_the_same_tree(text in statement()) {
        let (tree, diagnostics) = parse_statement(&text);
        let tree = tree.unwrap_or_else(|| panic!("generated statement does not parse: {text}\n{diagnostics:?}"));
        let printed = tree.to_string();
        let (again, _) = parse_statement(&printed);
        let again = again.unwrap_or_else(|| panic!("printed form does not parse: {printed}"));
        prop_assert_eq!(tree.without_spans(), again.without_spans());
        prop_assert_eq!(again.to_string(), printed);
    }

    #[test]
    fn parsing_never_panics_on_arbitrary_text(text in "\\PC{0,80}") {
        let _ = parse_statement(&text);
        let _ = canopy::policy::highlight(&text);
    }
}
