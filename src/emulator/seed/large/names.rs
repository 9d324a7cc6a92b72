//! Word lists the large tenancy draws names from, so it reads like a real company's tenancy
//! rather than `comp-1234`.

pub const FIRST_NAMES: &[&str] = &[
    "aaron", "abigail", "adam", "adrian", "aisha", "alan", "alex", "alice", "amelia", "amir",
    "ana", "andrea", "andrew", "angela", "anna", "arjun", "ben", "bianca", "carlos", "carmen",
    "charlotte", "chen", "chloe", "chris", "claire", "daniel", "david", "diana", "dmitri",
    "elena", "eli", "emily", "emma", "eric", "ethan", "eva", "fatima", "felix", "fiona",
    "gabriel", "grace", "hana", "hannah", "harry", "hugo", "ibrahim", "ines", "isaac", "isabel",
    "ivan", "jack", "james", "jane", "jasmine", "javier", "jin", "john", "jonas", "jose",
    "julia", "kai", "karen", "kenji", "kevin", "laura", "leila", "leo", "liam", "lina", "lucas",
    "lucy", "luis", "maria", "mark", "marta", "mateo", "maya", "mei", "michael", "mia",
    "mohammed", "nadia", "nathan", "nina", "noah", "olga", "olivia", "omar", "oscar", "paul",
    "pedro", "peter", "priya", "rachel", "rahul", "ravi", "rosa", "ryan", "sam", "sara", "sean",
    "sofia", "sophie", "tariq", "thomas", "tom", "valentina", "victor", "wei", "william",
    "yara", "yuki", "zara", "zoe",
];

pub const LAST_NAMES: &[&str] = &[
    "adams", "ahmed", "alvarez", "anderson", "bauer", "becker", "bell", "brown", "campbell",
    "carter", "castro", "chen", "clark", "cohen", "costa", "cruz", "davis", "diaz", "dubois",
    "evans", "fernandez", "fischer", "fong", "garcia", "gomez", "gonzalez", "gupta", "hall",
    "hansen", "harris", "hill", "hoffman", "huang", "hughes", "ibrahim", "ito", "jackson",
    "jensen", "johnson", "jones", "kaur", "khan", "kim", "king", "klein", "kowalski", "kumar",
    "lee", "lewis", "li", "lin", "lopez", "martin", "martinez", "meyer", "miller", "moore",
    "morales", "moreau", "muller", "murphy", "nakamura", "nguyen", "nielsen", "novak", "okafor",
    "olsen", "ortiz", "park", "patel", "perez", "petrov", "rahman", "ramos", "reed", "reyes",
    "richter", "rivera", "roberts", "robinson", "rossi", "russo", "sanchez", "santos", "sato",
    "schmidt", "schneider", "scott", "shah", "silva", "singh", "smith", "suzuki", "tanaka",
    "taylor", "thomas", "torres", "wagner", "walker", "wang", "watanabe", "weber", "white",
    "williams", "wilson", "wong", "wright", "wu", "yamamoto", "yang", "young", "zhang",
];

/// Top-level business areas.
pub const BUSINESS_UNITS: &[&str] = &[
    "Retail", "Payments", "Logistics", "Marketing", "HR", "Finance", "Legal", "Research",
    "Manufacturing", "Support", "Sales", "Security", "Platform", "Data", "Mobile", "Partners",
    "Procurement", "Compliance", "Analytics", "Media", "Risk", "Treasury", "Insurance",
    "Healthcare", "Energy", "Travel", "Gaming", "Education", "Commerce", "Identity",
];

/// Names for the second level: environments and shared areas of a business unit.
pub const ENVIRONMENTS: &[&str] = &[
    "Prod", "Staging", "Dev", "Test", "QA", "Sandbox", "Shared", "DR", "Network", "Security",
];

/// Names for compartments further down.
pub const AREAS: &[&str] = &[
    "Prod", "Staging", "Dev", "Test", "QA", "Sandbox", "Shared", "Network", "Data", "AppTier",
    "Web", "Api", "Batch", "Analytics", "Warehouse", "Lakehouse", "Streaming", "Integration",
    "Backup", "DR", "Logging", "Monitoring", "Secrets", "Vault", "Edge", "Frontend", "Backend",
    "Mobile", "Reporting", "ML", "Search", "Billing", "Orders", "Inventory", "Catalog",
    "Checkout", "Identity", "Messaging", "Cache", "Archive",
];

/// Team roles, combined with business units into group names.
pub const ROLES: &[&str] = &[
    "Admins", "Developers", "Operators", "Auditors", "Readers", "DBAdmins", "NetworkAdmins",
    "SecurityAdmins", "DataEngineers", "Analysts", "OnCall", "ReleaseManagers", "Testers",
    "Architects", "Support", "Contractors", "Viewers", "CostViewers",
];

pub const VERBS: &[&str] = &["inspect", "read", "use", "manage"];

pub const RESOURCES: &[&str] = &[
    "all-resources", "instance-family", "virtual-network-family", "object-family",
    "volume-family", "database-family", "autonomous-database-family", "cluster-family",
    "file-family", "dns", "functions-family", "secret-family", "vaults", "keys", "buckets",
    "objects", "instances", "load-balancers", "log-groups", "log-content", "metrics", "alarms",
    "repos", "devops-family", "streams", "api-gateway-family", "mysql-family",
    "data-science-family", "compute-management-family", "users", "groups", "policies",
    "tag-namespaces", "audit-events", "cloud-guard-family",
];

/// Permission names for the `{A, B}` form.
pub const PERMISSIONS: &[&str] = &[
    "INSTANCE_READ", "INSTANCE_UPDATE", "INSTANCE_POWER_ACTIONS", "BUCKET_READ", "OBJECT_READ",
    "OBJECT_CREATE", "VOLUME_INSPECT", "VCN_READ", "SUBNET_ATTACH", "VNIC_ATTACH",
    "SECRET_BUNDLE_READ", "KEY_READ", "LOG_GROUP_READ", "METRIC_READ", "USER_INSPECT",
    "GROUP_INSPECT", "POLICY_READ", "AUTONOMOUS_DATABASE_READ",
];

/// Tag keys and, for enum tags, the values they allow.
pub const TAG_KEYS: &[(&str, &[&str])] = &[
    ("CostCenter", &[]),
    (
        "Environment",
        &["prod", "staging", "dev", "test", "sandbox"],
    ),
    ("Owner", &[]),
    ("Project", &[]),
    ("Application", &[]),
    (
        "DataClassification",
        &["public", "internal", "confidential", "restricted"],
    ),
    ("Compliance", &["PCI", "SOX", "HIPAA", "GDPR", "NONE"]),
    ("Tier", &["gold", "silver", "bronze"]),
    ("BackupPolicy", &["daily", "weekly", "none"]),
    ("Role", &["web", "api", "batch", "etl", "db"]),
    ("Lifecycle", &["active", "deprecated", "retiring"]),
    ("Region", &[]),
    ("Team", &[]),
    ("Schedule", &["business-hours", "always-on", "weekends-off"]),
];

/// Words for projects, service accounts and tag values.
pub const WORDS: &[&str] = &[

    "atlas", "aurora", "beacon", "bridge", "cobalt", "comet", "delta", "ember", "falcon", "forge",
    "galaxy", "harbor", "helix", "horizon", "iris", "jade", "keystone", "lantern", "lumen",
    "mercury", "meridian", "nebula", "nimbus", "nova", "onyx", "orbit", "orion", "pioneer",
    "polaris", "prism", "pulse", "quartz", "raven", "sierra", "summit", "tango", "titan", "vector",
    "vertex", "zephyr",
];
