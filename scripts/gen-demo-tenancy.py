#!/usr/bin/env python3
"""Writes assets/demo-tenancy.json, the tenancy behind `canopy --demo` and `--seed demo`.

The committed JSON is the source of truth; this script only saves typing. Names, statements
and states below are hand-curated; OCIDs are derived from a hash of a stable label so the
output is the same on every run. Run from the repository root:

    python3 scripts/gen-demo-tenancy.py
"""

import base64
import hashlib
import json
import pathlib

DOMAIN = "acme-corp.com"


def ocid(kind, label):
    """ocid1.<kind>.oc1..aaaaaaaa + 52 lower-case base32 characters, stable for a label."""
    digest = hashlib.sha256(f"canopy-demo/{kind}/{label}".encode()).digest()
    tail = base64.b32encode(digest).decode().lower().rstrip("=")[:52]
    return f"ocid1.{kind}.oc1..aaaaaaaa{tail}"


def ts(day, clock="09:00:00.000"):
    return f"{day}T{clock}Z"


TENANCY = ocid("tenancy", "acme-corp")

# ---------------------------------------------------------------- compartments
# (path, description, state, freeform tags, defined tags, created)
COMPARTMENTS = [
    ("Shared", "Shared services used by every environment", "ACTIVE",
     {"owner": "platform-engineering"}, {"Operations": {"CostCenter": "CC-1100"}}, "2023-02-14"),
    ("Shared/Network", "Hub VCN, DRG and shared network plumbing", "ACTIVE",
     {"owner": "network-team"}, {"Operations": {"CostCenter": "CC-1100", "Environment": "prod"}}, "2023-02-14"),
    ("Shared/Network/Hub", "Hub-and-spoke hub VCN, firewalls and FastConnect", "ACTIVE",
     {"owner": "network-team"}, {}, "2023-02-15"),
    ("Shared/Network/DNS", "Private DNS views and public zones for acme-corp.com", "ACTIVE",
     {"owner": "network-team"}, {}, "2023-02-15"),
    ("Shared/Logging", "Central log groups, service connectors and archive buckets", "ACTIVE",
     {"owner": "platform-engineering"}, {}, "2023-03-01"),
    ("Shared/Tooling", "Former Jenkins and artifact hosts, frozen pending decommission", "INACTIVE",
     {"owner": "platform-engineering", "status": "frozen"}, {}, "2023-03-01"),
    ("Prod", "Production workloads", "ACTIVE",
     {"env": "prod"}, {"Operations": {"Environment": "prod", "CostCenter": "CC-2000"}}, "2023-02-20"),
    ("Prod/AppTier", "Customer-facing application tier", "ACTIVE",
     {"env": "prod"}, {"Operations": {"Environment": "prod"}}, "2023-02-20"),
    ("Prod/AppTier/Web", "Storefront web servers and public load balancers", "ACTIVE",
     {"env": "prod", "app": "storefront"}, {"Operations": {"Environment": "prod", "Role": "web"}}, "2023-02-21"),
    ("Prod/AppTier/Api", "Order and payment APIs behind the API gateway", "ACTIVE",
     {"env": "prod", "app": "orders-api"}, {"Operations": {"Environment": "prod", "Role": "api"}}, "2023-02-21"),
    ("Prod/AppTier/Batch", "Nightly settlement and export jobs", "ACTIVE",
     {"env": "prod", "app": "settlement"}, {"Operations": {"Environment": "prod", "Role": "batch"}}, "2023-05-09"),
    ("Prod/Data", "Production databases and object storage", "ACTIVE",
     {"env": "prod"}, {"Operations": {"Environment": "prod"}, "Security": {"DataClassification": "confidential"}}, "2023-02-20"),
    ("Prod/Data/Warehouse", "Autonomous Data Warehouse and reporting marts", "ACTIVE",
     {"env": "prod"}, {"Security": {"DataClassification": "confidential"}}, "2023-04-11"),
    ("Prod/Data/Warehouse/Sensitive", "Customer PII marts; access reviewed quarterly", "ACTIVE",
     {"env": "prod", "review": "quarterly"}, {"Security": {"DataClassification": "restricted", "Compliance": "SOX"}}, "2023-04-11"),
    ("Prod/Data/Warehouse/Sensitive/PCI", "Cardholder data environment (PCI DSS scope)", "ACTIVE",
     {"env": "prod", "review": "quarterly"}, {"Security": {"DataClassification": "restricted", "Compliance": "PCI"}}, "2023-06-30"),
    ("Prod/Data/Warehouse/Staging", "ETL landing zone for warehouse loads", "ACTIVE",
     {"env": "prod"}, {"Operations": {"Role": "etl"}}, "2023-04-12"),
    ("Prod/Data/OLTP", "Order-processing Exadata and Base Database systems", "ACTIVE",
     {"env": "prod"}, {"Security": {"DataClassification": "confidential"}}, "2023-02-22"),
    ("Prod/Network", "Production spoke VCNs and load-balancer subnets", "ACTIVE",
     {"env": "prod", "owner": "network-team"}, {}, "2023-02-20"),
    ("Staging", "Pre-production mirror of Prod", "ACTIVE",
     {"env": "staging"}, {"Operations": {"Environment": "staging", "CostCenter": "CC-2100"}}, "2023-03-07"),
    ("Staging/AppTier", "Staging application servers", "ACTIVE",
     {"env": "staging"}, {"Operations": {"Environment": "staging"}}, "2023-03-07"),
    ("Staging/Data", "Staging databases refreshed weekly from masked Prod copies", "ACTIVE",
     {"env": "staging"}, {"Operations": {"Environment": "staging"}}, "2023-03-07"),
    ("Dev", "Development and experimentation", "ACTIVE",
     {"env": "dev"}, {"Operations": {"Environment": "dev", "CostCenter": "CC-3000"}}, "2023-02-20"),
    ("Dev/Sandbox", "Personal sandboxes; resources older than 30 days are reaped", "ACTIVE",
     {"env": "dev", "reaper": "30d"}, {"Operations": {"Environment": "sandbox"}}, "2023-03-15"),
    ("Dev/Sandbox/jchen-sandbox", "James Chen's sandbox", "ACTIVE",
     {"env": "dev", "owner": "james.chen"}, {"Operations": {"Owner": "james.chen@acme-corp.com"}}, "2024-01-08"),
    ("Dev/Sandbox/mpatel-sandbox", "Maya Patel's sandbox", "ACTIVE",
     {"env": "dev", "owner": "maya.patel"}, {"Operations": {"Owner": "maya.patel@acme-corp.com"}}, "2024-05-20"),
    ("Dev/Sandbox/legacy-poc", "Proof of concept for the 2023 mobile app (finished)", "DELETED",
     {"env": "dev"}, {}, "2023-07-03"),
    ("Dev/CI", "Build runners, OCI Functions and DevOps projects", "ACTIVE",
     {"env": "dev", "owner": "platform-engineering"}, {"Operations": {"Environment": "dev"}}, "2023-03-15"),
    ("Dev/Shared", "Shared development databases and test fixtures", "ACTIVE",
     {"env": "dev"}, {}, "2023-03-15"),
    ("Security", "Security tooling: vaults, Cloud Guard targets, audit archive", "ACTIVE",
     {"owner": "security-team"}, {"Security": {"DataClassification": "restricted"}}, "2023-02-14"),
    ("Security/Vault", "KMS vaults and master encryption keys", "ACTIVE",
     {"owner": "security-team"}, {"Security": {"DataClassification": "restricted"}}, "2023-02-14"),
    ("Security/Audit", "Audit log archive and SIEM export buckets", "ACTIVE",
     {"owner": "security-team"}, {"Security": {"Compliance": "SOX"}}, "2023-02-16"),
    ("Finance", "Finance team workloads and cost reporting", "ACTIVE",
     {"owner": "finance"}, {"Operations": {"CostCenter": "FIN-4410"}}, "2023-05-02"),
    ("Finance/Reports", "Cost and usage report exports and dashboards", "ACTIVE",
     {"owner": "finance"}, {"Operations": {"CostCenter": "FIN-4410"}}, "2023-05-02"),
    ("Finance/Budgets", "Budget planning workspace (replaced by Finance/Reports)", "INACTIVE",
     {"owner": "finance"}, {}, "2023-05-02"),
    ("Archive-2023", "Resources kept from the 2023 data-centre migration", "DELETED",
     {"owner": "platform-engineering"}, {}, "2023-01-20"),
]

comp_id = {path: ocid("compartment", path) for path, *_ in COMPARTMENTS}


def compartments():
    out = []
    for i, (path, desc, state, ff, dt, created) in enumerate(COMPARTMENTS):
        parent = path.rsplit("/", 1)[0] if "/" in path else None
        c = {
            "id": comp_id[path],
            "compartmentId": comp_id[parent] if parent else TENANCY,
            "name": path.rsplit("/", 1)[-1],
            "description": desc,
            "timeCreated": ts(created, f"1{i % 10}:{(i * 7) % 60:02d}:{(i * 13) % 60:02d}.{i * 37 % 1000:03d}"),
            "lifecycleState": state,
            "isAccessible": True,
            "freeformTags": ff,
            "definedTags": dt,
        }
        if state == "INACTIVE":
            c["inactiveStatus"] = 0
        out.append(c)
    return out


# ---------------------------------------------------------------- groups
GROUPS = [
    ("Administrators", "Tenancy administrators (built-in)"),
    ("NetworkAdmins", "Manage VCNs, DRGs, DNS and load balancers"),
    ("DBAdmins", "Database administrators for Prod and Staging"),
    ("SecurityAuditors", "Read-only security and compliance review"),
    ("Developers", "Application developers"),
    ("ReadOnly", "Read-only access for stakeholders and tooling"),
    ("FinanceViewers", "Cost, usage and budget reporting"),
    ("AppOps", "Application operations and on-call"),
    ("DataEngineers", "Warehouse ETL and analytics engineering"),
    ("PlatformEngineering", "Landing zone, Terraform and shared tooling"),
    ("Contractors", "External contractors (time-limited access)"),
    ("Helpdesk", "Password resets and user unblocks \u001b[31m(tier 1)\u001b[0m"),
]
group_id = {name: ocid("group", name) for name, _ in GROUPS}

# ---------------------------------------------------------------- users
# (login, full name, groups, kind, last login day or None, mfa)
# kind: human | service | blocked | deleted | external
USERS = [
    ("ana.ortiz", "Ana Ortiz", ["Administrators", "SecurityAuditors"], "human", "2026-11-20", True),
    ("david.kim", "David Kim", ["Administrators", "PlatformEngineering", "NetworkAdmins"], "human", "2026-11-19", True),
    ("priya.raman", "Priya Raman", ["NetworkAdmins", "ReadOnly", "SecurityAuditors"], "human", "2026-11-18", True),
    ("marcus.webb", "Marcus Webb", ["NetworkAdmins", "AppOps", "ReadOnly"], "human", "2026-11-17", True),
    ("elena.petrova", "Elena Petrova", ["DBAdmins", "DataEngineers", "ReadOnly"], "human", "2026-11-20", True),
    ("tom.okafor", "Tom Okafor", ["DBAdmins", "DataEngineers", "AppOps"], "human", "2026-11-12", True),
    ("sofia.lindqvist", "Sofia Lindqvist", ["SecurityAuditors", "ReadOnly"], "human", "2026-11-19", True),
    ("rahul.mehta", "Rahul Mehta", ["SecurityAuditors", "ReadOnly"], "human", "2026-10-30", True),
    ("grace.liu", "Grace Liu", ["Developers", "AppOps", "ReadOnly"], "human", "2026-11-20", True),
    ("james.chen", "James Chen", ["Developers", "DataEngineers"], "human", "2026-11-20", True),
    ("maya.patel", "Maya Patel", ["Developers", "DataEngineers"], "human", "2026-11-16", True),
    ("lucas.moreau", "Lucas Moreau", ["Developers", "AppOps", "ReadOnly"], "human", "2026-11-14", False),
    ("hannah.schmidt", "Hannah Schmidt", ["Developers", "ReadOnly", "AppOps"], "human", "2026-11-19", True),
    ("omar.haddad", "Omar Haddad", ["DataEngineers", "Developers"], "human", "2026-11-11", True),
    ("chloe.dubois", "Chloe Dubois", ["DataEngineers", "Developers"], "human", "2026-11-18", True),
    ("noah.bennett", "Noah Bennett", ["AppOps", "Developers"], "human", "2026-11-20", True),
    ("isabel.garcia", "Isabel Garcia", ["AppOps", "ReadOnly"], "human", "2026-11-09", True),
    ("kenji.watanabe", "Kenji Watanabe", ["PlatformEngineering", "Developers", "NetworkAdmins"], "human", "2026-11-20", True),
    ("fatima.zahra", "Fatima Zahra", ["PlatformEngineering", "NetworkAdmins", "SecurityAuditors"], "human", "2026-11-15", True),
    ("ben.carter", "Ben Carter", ["FinanceViewers", "ReadOnly"], "human", "2026-11-03", True),
    ("laura.rossi", "Laura Rossi", ["FinanceViewers", "ReadOnly"], "human", "2026-10-21", True),
    ("michael.obrien", "Michael O'Brien", ["FinanceViewers", "ReadOnly"], "human", "2026-09-02", False),
    ("zoe.nguyen", "Zoe Nguyen", ["ReadOnly", "FinanceViewers"], "human", "2026-11-10", True),
    ("daniel.friedman", "Daniel Friedman", ["ReadOnly", "FinanceViewers"], "human", "2026-03-02", False),
    ("aisha.bello", "Aisha Bello", ["Helpdesk", "ReadOnly"], "human", "2026-11-20", True),
    ("peter.novak", "Peter Novak", ["Helpdesk", "ReadOnly"], "human", "2026-11-13", True),
    ("nina.kowalski", "Nina Kowalski", ["SecurityAuditors", "Helpdesk"], "human", "2026-11-18", True),
    ("samuel.adeyemi", "Samuel Adeyemi", ["DataEngineers", "Developers", "ReadOnly"], "human", "2026-11-06", True),
    ("olga.ivanova", "Olga Ivanova", ["AppOps", "Developers"], "human", "2026-11-19", True),
    ("carlos.mendes", "Carlos Mendes", ["NetworkAdmins", "AppOps"], "human", "2026-10-28", True),
    ("emily.zhang", "Emily Zhang", ["Developers"], "blocked", "2026-08-14", True),
    ("ravi.kumar@partner-sys.com", "Ravi Kumar (Partner Systems, contractor)", ["Contractors", "Developers"], "external", "2026-11-17", True),
    ("julia.santos@partner-sys.com", "Julia Santos (Partner Systems, contractor)", ["Contractors"], "blocked", "2026-06-30", False),
    ("mark.tan@northbridge-consulting.com", "Mark Tan (Northbridge Consulting)", ["Contractors", "Developers"], "external", "2026-11-04", False),
    ("svc-terraform", "Terraform pipeline service account (API keys only)", ["PlatformEngineering"], "service", None, False),
    ("svc-backup", "Database backup automation (API keys only)", ["DBAdmins"], "service", None, False),
    ("svc-monitoring", "Grafana and alerting read-only integration", ["ReadOnly"], "service", None, False),
    ("breakglass-admin", "Emergency break-glass administrator (sealed credentials)", ["Administrators"], "service-console", None, False),
    ("qa.tester", "QA Tester \u001b]0;pwned\u0007\u001b[31mred\u001b[0m", ["ReadOnly"], "human", "2026-11-01", False),
    ("robert.hughes", "Robert Hughes (left the company 2026-04)", [], "deleted", "2026-04-10", True),
]


def login(name):
    return name if "@" in name or name.startswith(("svc-", "breakglass")) else f"{name}@{DOMAIN}"


user_id = {login(u[0]): ocid("user", login(u[0])) for u in USERS}


def users():
    out = []
    for i, (name, full, _groups, kind, last, mfa) in enumerate(USERS):
        uname = login(name)
        created_year = 2023 + (i % 3)
        created = f"{created_year}-{(i % 12) + 1:02d}-{(i * 5) % 27 + 1:02d}"
        caps = {
            "canUseConsolePassword": kind not in ("service",),
            "canUseApiKeys": True,
            "canUseAuthTokens": kind != "external",
            "canUseSmtpCredentials": kind in ("human",),
            "canUseDbCredentials": kind in ("human", "service"),
            "canUseCustomerSecretKeys": kind in ("human", "service"),
            "canUseOAuth2ClientCredentials": kind == "service",
        }
        u = {
            "id": user_id[uname],
            "compartmentId": TENANCY,
            "name": uname,
            "description": full,
            "timeCreated": ts(created, f"{8 + i % 9:02d}:{(i * 11) % 60:02d}:{(i * 17) % 60:02d}.{(i * 53) % 1000:03d}"),
            "lifecycleState": "ACTIVE",
            "freeformTags": {},
            "definedTags": {},
            "capabilities": caps,
            "isMfaActivated": mfa,
        }
        if "@" in uname and not uname.startswith("breakglass"):
            u["email"] = uname
            u["emailVerified"] = kind != "external" or name.startswith("ravi")
        elif kind == "service-console":
            u["email"] = f"security-oncall@{DOMAIN}"
            u["emailVerified"] = True
        if kind in ("service", "service-console"):
            u["freeformTags"] = {"account-type": "service"}
        if kind == "external":
            u["freeformTags"] = {"account-type": "contractor", "expires": "2027-03-31"}
        if kind == "blocked":
            u["lifecycleState"] = "INACTIVE"
            u["inactiveStatus"] = 4
        if kind == "deleted":
            u["lifecycleState"] = "DELETED"
        if name == "james.chen":
            u["dbUserName"] = "JCHEN"
        if last:
            u["lastSuccessfulLoginTime"] = ts(last, f"{7 + i % 10:02d}:{(i * 19) % 60:02d}:{(i * 29) % 60:02d}.{(i * 71) % 1000:03d}")
            u["previousSuccessfulLoginTime"] = ts(last[:8] + "01", "08:30:00.000")
        out.append(u)
    return out


def memberships():
    out = []
    for name, _full, groups, kind, _last, _mfa in USERS:
        uname = login(name)
        for g in groups:
            out.append({
                "id": ocid("groupmembership", f"{g}/{uname}"),
                "compartmentId": TENANCY,
                "groupId": group_id[g],
                "userId": user_id[uname],
                "timeCreated": ts("2024-02-01", "10:00:00.000"),
                "lifecycleState": "ACTIVE",
            })
    return out


def groups():
    out = []
    for i, (name, desc) in enumerate(GROUPS):
        out.append({
            "id": group_id[name],
            "compartmentId": TENANCY,
            "name": name,
            "description": desc,
            "timeCreated": ts("2023-02-14" if i == 0 else f"2023-0{2 + i % 7}-1{i % 10}", f"0{i % 10}:15:00.000"),
            "lifecycleState": "ACTIVE",
            "freeformTags": {},
            "definedTags": {},
        })
    return out


# ---------------------------------------------------------------- dynamic groups
DYNAMIC_GROUPS = [
    ("prod-app-instances", "Instances in the production application tier",
     f"ALL {{instance.compartment.id = '{comp_id['Prod/AppTier']}'}}"),
    ("ci-functions", "OCI Functions that run CI and deployment steps",
     f"ALL {{resource.type = 'fnfunc', resource.compartment.id = '{comp_id['Dev/CI']}'}}"),
    ("warehouse-loaders", "ETL hosts that load the warehouse",
     f"Any {{instance.compartment.id = '{comp_id['Prod/Data/Warehouse/Staging']}', "
     "tag.Operations.Role.value = 'etl'}"),
]
dg_id = {name: ocid("dynamicgroup", name) for name, *_ in DYNAMIC_GROUPS}


def dynamic_groups():
    return [{
        "id": dg_id[name],
        "compartmentId": TENANCY,
        "name": name,
        "description": desc,
        "matchingRule": rule,
        "timeCreated": ts("2024-03-1" + str(i), "11:20:00.000"),
        "lifecycleState": "ACTIVE",
        "freeformTags": {},
        "definedTags": {},
    } for i, (name, desc, rule) in enumerate(DYNAMIC_GROUPS)]


# ---------------------------------------------------------------- policies
USAGE_REPORT_TENANCY = "ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq"
PARTNER_TENANCY = ocid("tenancy", "northbridge-consulting")
PARTNER_GROUP = ocid("group", "northbridge-consulting/Auditors")

# (attached to path or None for root, name, description, statements, state)
POLICIES = [
    (None, "Tenant Admin Policy", "Tenant Admin Policy", [
        "ALLOW GROUP Administrators to manage all-resources IN TENANCY",
    ], "ACTIVE"),
    (None, "network-admins", "Network team: VCNs, DNS and read-only elsewhere", [
        "Allow group NetworkAdmins to manage virtual-network-family in compartment Shared:Network",
        "Allow group NetworkAdmins to manage virtual-network-family in compartment Prod:Network",
        "Allow group NetworkAdmins to manage dns in compartment Shared:Network:DNS",
        "Allow group NetworkAdmins to manage load-balancers in compartment Prod",
        "Allow group NetworkAdmins to read all-resources in tenancy",
    ], "ACTIVE"),
    (None, "security-auditors", "Security review: read everything, audit events, Cloud Guard", [
        "Allow group SecurityAuditors to inspect all-resources in tenancy",
        "Allow group SecurityAuditors to read audit-events in tenancy",
        "Allow group SecurityAuditors to read cloud-guard-family in tenancy",
        "Allow group SecurityAuditors to inspect users in tenancy",
    ], "ACTIVE"),
    (None, "read-only", "Stakeholders and dashboards: look, don't touch", [
        "Allow group ReadOnly to read all-resources in tenancy where request.permission != 'SECRET_BUNDLE_READ'",
    ], "ACTIVE"),
    (None, "platform-engineering", "Landing-zone team (temporary broad access for the 2026 re-org)", [
        "Allow group PlatformEngineering to manage all-resources in tenancy",
    ], "ACTIVE"),
    (None, "legacy-public-read", "Left over from the 2023 static-site migration", [
        "Allow any-user to read buckets in tenancy",
        "Allow any-user to read objects in compartment Shared:Logging",
    ], "ACTIVE"),
    (None, "helpdesk", "Tier-1 helpdesk: unblock users and reset console passwords", [
        "Allow group Helpdesk to inspect users in tenancy",
        "Allow group Helpdesk to inspect groups in tenancy",
        "Allow group Helpdesk to {USER_UIPASS_RESET, USER_UNBLOCK} in tenancy where target.group.name != 'Administrators'",
    ], "ACTIVE"),
    (None, "partner-audit", "Cross-tenancy audit access for Northbridge Consulting", [
        f"Define tenancy Northbridge as {PARTNER_TENANCY}",
        f"Define group NorthbridgeAuditors as {PARTNER_GROUP}",
        "Admit group NorthbridgeAuditors of tenancy Northbridge to read audit-events in tenancy",
        "Endorse group SecurityAuditors to read audit-events in tenancy Northbridge",
    ], "ACTIVE"),
    (None, "cost-reports", "Finance: usage reports from Oracle's usage-report tenancy, budgets", [
        f"define tenancy usage-report as {USAGE_REPORT_TENANCY}",
        "endorse group FinanceViewers to read objects in tenancy usage-report",
        "Allow group FinanceViewers to read usage-budgets in tenancy",
        "Allow group FinanceViewers to read usage-reports in tenancy",
    ], "ACTIVE"),
    (None, "service-principals", "Services that encrypt with our keys and scan the tenancy", [
        "Allow service objectstorage-us-ashburn-1, blockstorage to use keys in compartment Security:Vault",
        "Allow service cloudguard to read all-resources in tenancy",
    ], "ACTIVE"),
    (None, "prod-app-instance-principals", "What production app instances may reach", [
        "Allow dynamic-group prod-app-instances to read secret-family in compartment Security:Vault",
        "Allow dynamic-group prod-app-instances to use keys in compartment Security:Vault",
        "Allow dynamic-group prod-app-instances to read objects in compartment Prod:Data where target.bucket.name = 'app-config'",
    ], "ACTIVE"),
    (None, "ci-functions", "CI functions deploy to Dev and publish artifacts", [
        f"Allow dynamic-group id {dg_id['ci-functions']} to manage repos in compartment Dev:CI",
        "Allow dynamic-group ci-functions to manage functions-family in compartment Dev:CI",
        "Allow dynamic-group ci-functions to use instance-family in compartment Dev",
    ], "ACTIVE"),
    (None, "contractors", "External contractors, time-boxed", [
        "Allow group Contractors manage instance-family in compartment Dev:Sandbox",
        "Allow group Contractors to read all-resources in compartment Dev where request.utc-timestamp before '2027-03-31T23:59:59Z'",
    ], "ACTIVE"),
    (None, "qa-access", "QA team access to Staging", [
        "Allow group QA-Engineers to use instance-family in compartment Staging",
        "Allow group QA-Engineers to read all-resources in compartment Staging",
    ], "ACTIVE"),
    (None, "data-engineering", "Data engineering across Prod data and Staging", [
        "Allow group DataEngineers to manage object-family in compartment Prod:Data:Lakehouse",
        "Allow group DataEngineers to read database-family in compartment Prod:Data:OLTP",
        "Allow dynamic-group warehouse-loaders to manage objects in compartment Prod:Data:Warehouse:Staging",
    ], "ACTIVE"),
    (None, "db-admins", "Database administrators", [
        "Allow group DBAdmins to manage database-family in compartment Prod:Data",
        f"Allow group id {group_id['DBAdmins']} to manage autonomous-database-family in compartment Prod:Data:Warehouse:Staging",
        "Allow group DBAdmins to manage database-family in compartment Prod:Data",
        "Allow group DBAdmins, DataEngineers to manage database-family in compartment Staging:Data",
    ], "ACTIVE"),
    (None, "tag-usage", "Who may apply which defined tags", [
        "Allow group Developers to use tag-namespaces in tenancy where target.tag-namespace.name = 'Operations'",
        "Allow group AppOps to use tag-namespaces in tenancy where any {target.tag-namespace.name = 'Operations', target.tag-namespace.name = 'Security'}",
    ], "ACTIVE"),
    ("Shared", "shared-services", "Log access and DNS delegation inside Shared", [
        "Allow group AppOps to read log-content in compartment Logging",
        "Allow group AppOps to read log-groups in compartment Logging",
        "Allow group Developers to read log-content in compartment Logging where request.utc-timestamp.day-of-week in ('monday','tuesday','wednesday','thursday','friday')",
    ], "ACTIVE"),
    ("Prod", "prod-app-operators", "AppOps runs the production application tier", [
        "Allow group AppOps to manage instance-family in compartment AppTier",
        "Allow group AppOps to use virtual-network-family in compartment Network",
        "Allow group AppOps to manage load-balancers in compartment AppTier:Web",
        "Allow group AppOps to manage object-family in compartment AppTier:Batch where target.bucket.name = /settlement-*/",
        "Allow group AppOps to read metrics in compartment AppTier",
    ], "ACTIVE"),
    ("Prod/Data", "warehouse-access", "Warehouse access, with contractors kept out of sensitive marts", [
        "Allow group DataEngineers to manage autonomous-database-family in compartment Warehouse:Staging",
        "Allow group DataEngineers to read autonomous-database-family in compartment Warehouse",
        "Deny group Contractors to manage all-resources in compartment Warehouse:Sensitive",
    ], "ACTIVE"),
    ("Prod/Data/Warehouse/Sensitive", "pci-restricted", "Cardholder data: MFA-verified DBAs only", [
        "Allow group DBAdmins to manage autonomous-database-family in compartment PCI where request.user.mfaTotpVerified = 'true'",
        "Allow group SecurityAuditors to {AUTONOMOUS_DATABASE_READ, AUTONOMOUS_DATABASE_CONTENT_READ} in compartment PCI",
    ], "ACTIVE"),
    ("Prod/AppTier", "ci-deploy-web", "CI functions may roll the web tier", [
        "Allow dynamic-group ci-functions to use instance-family in compartment Web where request.permission = 'INSTANCE_UPDATE'",
    ], "ACTIVE"),
    ("Dev", "developers-dev", "Developers own Dev", [
        "Allow group Developers to inspect all-resources in compartment Sandbox",
        "Allow group Developers to use functions-family in compartment CI",
        "Allow group Developers to read repos in compartment CI",
        "Allow group Developers to manage instance-family in compartment Shared",
        "Allow group Developers to manage database-family in compartment Shared",
    ], "ACTIVE"),
    ("Dev/Sandbox", "sandbox-owners", "Each developer manages their own sandbox", [
        "Allow group Developers to manage all-resources in compartment jchen-sandbox where request.user.name = 'james.chen@acme-corp.com'",
        "Allow group Developers to manage all-resources in compartment mpatel-sandbox where request.user.name = 'maya.patel@acme-corp.com'",
    ], "ACTIVE"),
    ("Staging", "staging-ops", "AppOps and developers share Staging", [
        "Allow group AppOps, Developers to manage instance-family in compartment AppTier",
        "Allow group DataEngineers to manage object-family in compartment Data",
    ], "ACTIVE"),
    ("Security", "security-team", "Security auditors' view of vaults and the audit archive", [
        "Allow group SecurityAuditors to {VAULT_READ, KEY_READ} in compartment Vault",
        "Allow group SecurityAuditors to read log-groups in compartment Audit",
    ], "ACTIVE"),
    ("Finance", "finance-reports", "Finance owns its reports compartment", [
        "Allow group FinanceViewers to read all-resources in compartment Reports",
        "Allow group FinanceViewers to manage objects in compartment Reports where any {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_INSPECT'}",
    ], "ACTIVE"),
    (None, "old-vpn-admins", "Replaced by network-admins in 2024", [
        "Allow group NetworkAdmins to manage ipsec-connections in tenancy",
    ], "DELETED"),
    # The Partners domain's groups (see domain_directories): named with their domain, since
    # a bare name always means the Default domain's group of that name.
    (None, "partners-access", "Partner developers and auditors (Partners identity domain)", [
        "Allow group 'Partners'/'Integrators' to use instance-family in compartment Dev:Sandbox",
        "Allow group 'Partners'/'Auditors' to read audit-events in tenancy",
        "Allow dynamic-group 'Partners'/'partner-build-runners' to read objects in compartment Dev:CI",
    ], "ACTIVE"),
]
policy_id = {name: ocid("policy", name) for _path, name, *_ in POLICIES}


def policies():
    out = []
    for i, (path, name, desc, statements, state) in enumerate(POLICIES):
        out.append({
            "id": policy_id[name],
            "compartmentId": comp_id[path] if path else TENANCY,
            "name": name,
            "statements": statements,
            "description": desc,
            "timeCreated": ts(f"202{3 + i % 3}-{(i % 12) + 1:02d}-{(i * 3) % 27 + 1:02d}", f"1{i % 10}:4{i % 10}:00.000"),
            "lifecycleState": state,
            "versionDate": None,
            "freeformTags": {},
            "definedTags": {},
        })
    return out


# ---------------------------------------------------------------- tags
# namespace -> (description, retired, [(tag, description, cost tracking, enum values or None)])
TAGS = {
    "Operations": ("Operational ownership and environment tags", False, [
        ("CostCenter", "Cost center charged for the resource", True, None),
        ("Environment", "Deployment environment", False, ["prod", "staging", "dev", "sandbox"]),
        ("Owner", "E-mail of the responsible person", False, None),
        ("Role", "Workload role, used by dynamic-group rules", False, ["web", "api", "batch", "etl"]),
    ]),
    "Security": ("Data classification and compliance scope", False, [
        ("DataClassification", "Highest data classification stored", False,
         ["public", "internal", "confidential", "restricted"]),
        ("Compliance", "Compliance regime in scope", False, ["PCI", "SOX", "NONE"]),
    ]),
    "Legacy-Billing": ("Billing tags from before the 2024 cost-center model (retired)", True, [
        ("ProjectCode", "Old project code", False, None),
        ("Department", "Old department name", False, ["eng", "ops", "sales"]),
    ]),
}
ns_id = {ns: ocid("tagnamespace", ns) for ns in TAGS}
tag_id = {(ns, t[0]): ocid("tagdefinition", f"{ns}/{t[0]}") for ns, (_, _, ts_) in TAGS.items() for t in ts_}


def tag_namespaces():
    return [{
        "id": ns_id[ns],
        "compartmentId": TENANCY,
        "name": ns,
        "description": desc,
        "freeformTags": {},
        "definedTags": {},
        "isRetired": retired,
        "lifecycleState": "INACTIVE" if retired else "ACTIVE",
        "timeCreated": ts(f"2023-0{2 + i}-01", "12:00:00.000"),
    } for i, (ns, (desc, retired, _)) in enumerate(TAGS.items())]


def tags():
    out = []
    for ns, (_desc, retired, defs) in TAGS.items():
        for name, desc, cost, values in defs:
            out.append({
                "compartmentId": TENANCY,
                "tagNamespaceId": ns_id[ns],
                "tagNamespaceName": ns,
                "id": tag_id[(ns, name)],
                "name": name,
                "description": desc,
                "freeformTags": {},
                "definedTags": {},
                "isRetired": retired,
                "lifecycleState": "INACTIVE" if retired else "ACTIVE",
                "timeCreated": ts("2023-03-02", "12:30:00.000"),
                "isCostTracking": cost,
                "validator": {"validatorType": "ENUM", "values": values} if values else {"validatorType": "DEFAULT"},
            })
    return out


# (compartment path, namespace, tag, value, required)
TAG_DEFAULTS = [
    ("Prod", "Operations", "Environment", "prod", True),
    ("Staging", "Operations", "Environment", "staging", True),
    ("Dev", "Operations", "Environment", "dev", False),
    ("Dev/Sandbox", "Operations", "Owner", "${iam.principal.name}", False),
    ("Finance", "Operations", "CostCenter", "FIN-4410", True),
    ("Prod/Data/Warehouse/Sensitive", "Security", "DataClassification", "restricted", True),
]


def tag_defaults():
    return [{
        "id": ocid("tagdefault", f"{path}/{ns}.{tag}"),
        "compartmentId": comp_id[path],
        "tagNamespaceId": ns_id[ns],
        "tagDefinitionId": tag_id[(ns, tag)],
        "tagDefinitionName": tag,
        "value": value,
        "timeCreated": ts("2024-01-15", f"09:{10 + i}:00.000"),
        "lifecycleState": "ACTIVE",
        "isRequired": required,
    } for i, (path, ns, tag, value, required) in enumerate(TAG_DEFAULTS)]


# ---------------------------------------------------------------- invitations
# (display name, recipient, email, status, lifecycle, subjects, created, updated)
INVITATIONS = [
    ("acme-emea", "acme-emea", "cloud-admin@emea.acme-corp.com", "PENDING", "ACTIVE",
     ["LINK"], "2026-11-18", None),
    ("acme-research", "acme-research", "it-ops@research.acme-corp.com", "ACCEPTED", "ACTIVE",
     ["LINK", "GOVERNANCE"], "2025-06-02", "2025-06-03"),
    ("northbridge-pilot", "northbridge-consulting", "oci@northbridge-consulting.com", "CANCELED", "INACTIVE",
     ["LINK"], "2025-09-10", "2025-09-12"),
    ("acme-labs-2024", "acme-labs", "admin@labs.acme-corp.com", "EXPIRED", "INACTIVE",
     ["LINK"], "2024-03-01", "2024-03-31"),
]


def sender_invitations():
    out = []
    for display, recipient, email, status, state, subjects, created, updated in INVITATIONS:
        inv = {
            "id": ocid("senderinvitation", display),
            "compartmentId": TENANCY,
            "subjects": subjects,
            "recipientTenancyId": ocid("tenancy", recipient),
            "lifecycleState": state,
            "status": status,
            "displayName": display,
            "timeCreated": ts(created, "15:00:00.000"),
            "recipientEmailAddress": email,
            "freeformTags": {},
            "definedTags": {},
        }
        if status != "PENDING":
            inv["recipientInvitationId"] = ocid("recipientinvitation", display)
        if updated:
            inv["timeUpdated"] = ts(updated, "15:00:00.000")
        out.append(inv)
    return out

# ======================================================= identity domains, federation, regions
# (display name, description, type, license type, compartment path or None, state,
#  hidden on login, replica regions, created)
DOMAINS = [
    ("Default", "Default identity domain", "DEFAULT", "free", None, "ACTIVE", False,
     ["us-phoenix-1"], "2023-01-16"),
    ("Partners", "Partner and contractor identities (Partner Systems, Northbridge Consulting)",
     "SECONDARY", "external-user", None, "ACTIVE", False, [], "2025-03-04"),
    ("Legacy-Apps", "Sign-in for the retired on-premises apps; kept until the 2027 audit",
     "SECONDARY", "oracle-apps", "Shared", "INACTIVE", True, [], "2023-09-12"),
]
domain_id = {name: ocid("domain", name) for name, *_ in DOMAINS}


def idcs_host(label):
    return "idcs-" + hashlib.sha256(f"canopy-demo/idcs/{label}".encode()).hexdigest()[:32]


def domains():
    out = []
    for i, (name, desc, kind, license_type, path, state, hidden, replicas, created) in enumerate(DOMAINS):
        host = idcs_host(name)
        # The emulator serves every domain on its own listener and rewrites these URLs when
        # it starts; they are here as a real export would have them.
        url = f"https://{host}.identity.oraclecloud.com:443"
        out.append({
            "id": domain_id[name],
            "compartmentId": comp_id[path] if path else TENANCY,
            "displayName": name,
            "description": desc,
            "url": url,
            "homeRegionUrl": f"https://{host}.us-ashburn-idcs-1.identity.us-ashburn-1.oci.oraclecloud.com:443",
            "homeRegion": "us-ashburn-1",
            "replicaRegions": [{
                "region": region,
                "url": url,
                "regionalUrl": f"https://{host}.us-phoenix-idcs-1.identity.us-phoenix-1.oci.oraclecloud.com:443",
                "state": "REPLICATION_ENABLED",
            } for region in replicas],
            "type": kind,
            "licenseType": license_type,
            "isHiddenOnLogin": hidden,
            "timeCreated": ts(created, f"1{i}:2{i}:0{i}.{100 + i}"),
            "lifecycleState": state,
            "freeformTags": {"owner": "security-team"} if kind == "SECONDARY" else {},
            "definedTags": {},
        })
    return out


def region_subscriptions():
    return [
        {"regionKey": "IAD", "regionName": "us-ashburn-1", "status": "READY", "isHomeRegion": True},
        {"regionKey": "PHX", "regionName": "us-phoenix-1", "status": "READY", "isHomeRegion": False},
    ]


# (name, product type, description, state, metadata host, sign-in URL path, created,
#  [(IdP group name, external identifier, IAM group or None)])
IDENTITY_PROVIDERS = [
    ("acme-adfs", "ADFS", "Corporate AD FS for on-premises Active Directory accounts", "ACTIVE",
     "sts.acme-corp.com", "/adfs/ls/", "2023-02-10", [
         ("OCI-NetworkAdmins", 1107, "NetworkAdmins"),
         ("OCI-DBAdmins", 1108, "DBAdmins"),
         ("OCI-Developers", 1109, "Developers"),
         ("OCI-OnCall", 1110, "AppOps"),
         ("OCI-ReadOnly", 1111, "ReadOnly"),
         ("OCI-Auditors", 1112, "SecurityAuditors"),
         ("Finance-Analysts", 1203, "FinanceViewers"),
         ("Domain Users", 513, None),
     ]),
    ("OracleIdentityCloudService", "IDCS",
     "Oracle identity cloud service added during account creation", "ACTIVE",
     idcs_host("federation") + ".identity.oraclecloud.com", "/fed/v1/idp/sso", "2023-01-16", [
         ("OCI_Administrators", None, "Administrators"),
         ("IDCS_ReadOnly", None, "ReadOnly"),
     ]),
    ("adfs-pilot", "ADFS", "AD FS pilot farm (decommissioned after the 2023 migration)", "DELETED",
     "sts-pilot.acme-corp.com", "/adfs/ls/", "2023-01-20", []),
]
idp_id = {name: ocid("saml2idp", name) for name, *_ in IDENTITY_PROVIDERS}


def certificate(label):
    """A base64 blob shaped like a DER certificate (not a real one; nothing verifies it)."""
    blob = b"".join(hashlib.sha256(f"canopy-demo/cert/{label}/{i}".encode()).digest() for i in range(24))
    return base64.b64encode(b"\x30\x82\x02\xfc" + blob).decode()


def saml_metadata(host, sso_path, cert):
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://{host}/trust">'
        '<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
        '<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">'
        f'<X509Data><X509Certificate>{cert}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>'
        '<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" '
        f'Location="https://{host}{sso_path}"/>'
        '</IDPSSODescriptor></EntityDescriptor>'
    )


def identity_providers():
    out = []
    for name, product, desc, state, host, sso_path, created, _groups in IDENTITY_PROVIDERS:
        cert = certificate(name)
        idp = {
            "id": idp_id[name],
            "compartmentId": TENANCY,
            "name": name,
            "description": desc,
            "productType": product,
            "timeCreated": ts(created, "14:05:00.000"),
            "lifecycleState": state,
            "protocol": "SAML2",
            "freeformTags": {},
            "definedTags": {},
            "metadataUrl": (f"https://{host}/FederationMetadata/2007-06/FederationMetadata.xml"
                            if product == "ADFS" else f"https://{host}/fed/v1/metadata"),
            "metadata": saml_metadata(host, sso_path, cert),
            "signingCertificate": cert,
            "redirectUrl": f"https://{host}{sso_path}",
        }
        if product == "IDCS":
            idp["freeformAttributes"] = {"clientId": hashlib.sha256(b"canopy-demo/idcs-client").hexdigest()[:32]}
        out.append(idp)
    return out


def identity_provider_groups():
    out = []
    for name, product, _desc, _state, _host, _sso, created, groups in IDENTITY_PROVIDERS:
        for group, rid, _target in groups:
            external = (f"S-1-5-21-3623811015-3361044348-30300820-{rid}" if product == "ADFS"
                        else hashlib.sha256(f"canopy-demo/idcs-group/{group}".encode()).hexdigest()[:32])
            out.append({
                "id": ocid("idpgroup", f"{name}/{group}"),
                "identityProviderId": idp_id[name],
                "displayName": group,
                "name": group,
                "externalIdentifier": external,
                "timeCreated": ts(created, "14:06:00.000"),
                "timeModified": ts("2026-10-02", "03:00:00.000"),
            })
    return out


def idp_group_mappings():
    out = []
    for name, _product, _desc, _state, _host, _sso, _created, groups in IDENTITY_PROVIDERS:
        for group, _rid, target in groups:
            if target is None:
                continue
            out.append({
                "id": ocid("idpgroupmapping", f"{name}/{group}/{target}"),
                "idpId": idp_id[name],
                "idpGroupName": group,
                "groupId": group_id[target],
                "compartmentId": TENANCY,
                "timeCreated": ts("2024-02-01", "11:00:00.000"),
                "lifecycleState": "ACTIVE",
            })
    return out


def work_request(kind, label, operation, compartment, status, resources, day, errors=(), steps=()):
    """A finished work request with its log; `resources` is [(id, entity type, action)]."""
    accepted = ts(day, "10:00:00.000")
    logs = [{"message": f"{operation} accepted", "timestamp": accepted},
            {"message": "started", "timestamp": ts(day, "10:00:04.211")}]
    logs += [{"message": m, "timestamp": ts(day, f"10:0{1 + i}:00.000")} for i, m in enumerate(steps)]
    finished = ts(day, "10:07:31.540")
    logs.append({"message": "finished" if status == "SUCCEEDED" else f"failed: {errors[0][1]}",
                 "timestamp": finished})
    return {
        "id": ocid(kind, label),
        "operationType": operation,
        "compartmentId": compartment,
        "status": status,
        "resources": [{"identifier": rid, "entityType": etype, "actionType": action,
                       **({"entityUri": f"/20160918/domains/{rid}"} if etype == "domain" else {})}
                      for rid, etype, action in resources],
        "errors": [{"code": code, "message": message, "timestamp": finished} for code, message in errors],
        "logs": logs,
        "timeAccepted": accepted,
        "timeStarted": ts(day, "10:00:04.211"),
        "timeFinished": finished,
        "percentComplete": 100.0 if status == "SUCCEEDED" else 40.0,
    }


def work_request_history():
    tooling = comp_id["Shared/Tooling"]
    return {
        "classic": [
            work_request("workrequest", "delete/Archive-2023", "DELETE_COMPARTMENT", TENANCY, "SUCCEEDED",
                         [(comp_id["Archive-2023"], "compartment", "DELETED")], "2025-01-20",
                         steps=["compartment is empty", "compartment deleted"]),
            work_request("workrequest", "delete/legacy-poc", "DELETE_COMPARTMENT", comp_id["Dev/Sandbox"],
                         "SUCCEEDED", [(comp_id["Dev/Sandbox/legacy-poc"], "compartment", "DELETED")],
                         "2024-02-12", steps=["compartment is empty", "compartment deleted"]),
            work_request("workrequest", "delete/Tooling", "DELETE_COMPARTMENT", comp_id["Shared"], "FAILED",
                         [(tooling, "compartment", "FAILED")], "2026-09-30",
                         errors=[("Conflict", "compartment Tooling still holds 2 compute instances, 1 block "
                                  "volume and the bucket jenkins-artifacts; delete or move them, then delete "
                                  "the compartment again")],
                         steps=["looking for resources in the compartment"]),
        ],
        "iam": [
            work_request("iamworkrequest", "create/Partners", "CREATE_DOMAIN", TENANCY, "SUCCEEDED",
                         [(domain_id["Partners"], "domain", "CREATED")], "2025-03-04",
                         steps=["identity domain stripe provisioned", "administrator ana.ortiz@acme-corp.com invited"]),
            work_request("iamworkrequest", "deactivate/Legacy-Apps", "DEACTIVATE_DOMAIN", comp_id["Shared"],
                         "SUCCEEDED", [(domain_id["Legacy-Apps"], "domain", "UPDATED")], "2026-06-15",
                         steps=["sign-in disabled"]),
            work_request("iamworkrequest", "replicate/Partners/us-phoenix-1", "REPLICATE_DOMAIN_TO_REGION",
                         TENANCY, "FAILED", [(domain_id["Partners"], "domain", "RELATED")], "2026-11-02",
                         errors=[("InternalServerError", "the replica of identity domain Partners in "
                                  "us-phoenix-1 did not confirm within 60 minutes, so replication was rolled "
                                  "back; retry EnableReplicationToRegion")],
                         steps=["replica stripe requested in us-phoenix-1"]),
        ],
        "tagging": [
            work_request("workrequest", "delete-tag/Legacy-Billing/CostCode", "DELETE_TAG_DEFINITION", TENANCY,
                         "SUCCEEDED", [(ocid("tagdefinition", "Legacy-Billing/CostCode"), "tagDefinition", "DELETED")],
                         "2024-04-03", steps=["tag removed from 214 resources"]),
            work_request("workrequest", "cascade-delete/Legacy-Billing", "DELETE_NON_EMPTY_TAG_NAMESPACE", TENANCY,
                         "FAILED", [(ns_id["Legacy-Billing"], "tagNamespace", "FAILED")], "2026-10-14",
                         errors=[("IncorrectState", "tag Legacy-Billing.ProjectCode could not be removed from 3 "
                                  "resources in compartment Archive-2023 that are locked; remove the locks and "
                                  "run the cascade delete again")],
                         steps=["tag Department removed from 96 resources"]),
        ],
    }


# ---------------------------------------------------------------- credentials and sign-in security
# Metadata only: a snapshot never holds a token, key, password or seed. "Now" for the demo is
# 2026-11-26. aisha.bello (the user the TUI tests select first) deliberately has none.

# Real 2048-bit RSA public keys (SubjectPublicKeyInfo, base64 body), generated once so the
# fingerprints are real; nobody has the private halves.
DEMO_PUBLIC_KEYS = {
    "ana.ortiz-laptop": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAviJNk9ovm16UbUEfJh8kov4ETwnxuNro9G822Bu7W7q1cTLRplEnFFNFTuqukfwKEYNKFl1CiygfFpKCC6ZhYRIWDm6cbXuQIJd/sD0QA77mG0eJwgC2C3SFnFm9D+Ky6yhlSiBAZKTCr3iwkOJBmq9NHdA70k3aaY16uJTJdpXdLATx1cxMs77ikmqB6IQuR2GQWs36tdd/OHUSqYCStQo8yraWJHPJIB7DgE/yxSIf9DWj46HzdB03lOX9G0znbs9Q2n/XZauT3mwWltrUleXMtRLQL51LOl0MpGixLa30h3xf/K5854piB6JPBJUn9vNSGMltg2S302AqzvyJhwIDAQAB",
    "david.kim-2025": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApAiLxTg4hhC5zlgfqyADKZ3rRQAyHbHCxHiX2ZGuV2zX9tT19nae6JEedLnrnNayXZutKPyZlOaI5UaBBv8pkUVqDDfRev0pGDPNDCFZwDaPfVog2t9/Thzbwy8J/HR7XNKLhhy9x77gcMMzOkf/fepCnCkA5aA8+YkQPZWqaMoG/WYfUQ15q0SVFhaUrDDdwv6mpicfiC4ZP79efkfPGY1ezuJP8KUpxZVoT2KnNgWkpc5RfFr9ylv6h1ZdQn7TbiwprZJvHBJo+P9pg8vxY/3oOvoO1dNGU1eNlFEaDVDwBo3JlZ85w2MK+csD1pQvYZbvJNq7yrEYaiQabPAW9wIDAQAB",
    "david.kim-2026": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3hJWeg25mvvhFxdPtZT4Ls2SdbrQzEuQhBRWfXGj/cLZb+8yrfS/KoYFMI1zYKyNKZNZdrflaQHIz/2yI2bNwrrMU+pQ2O+1w1xmYPtkucZ4q316yq0OwnVHs2739PTr3ZSkt/b860b9zxNtHctt/9vdLlSu35i5aeQ2CLyoXdPZW+EU2crht/ELyTOZbwcSrKsuG3IfNpkeFxyPSSNYuqATY5sllcjZl2QaMEJz3WLHAz5lZ6WdfK0/K/nbDmSnQTDygnS88Yr7i7q8b58LJB+IqqfbkjnQeTivZf39Xrir9aOMvyihFYjWjVc26nOECGbLDu4+QNIW5/K3ZkNl5wIDAQAB",
    "svc-terraform-2025": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqlQSk5zm9ZHsswB+GF92kV4mBIykHElAPQtUqebSvmiFKflQNxgJzzRK/LMThrwScPbAgE4fv48cyg6lnFV6My09R1zoLpJrQOnpSz7OlCGV2EaMwOoysIKJJZB2aw5EtKUuJNHQ44iXYq0/TpMAxvc57Ct6OprfqDj5T5AFGWCYZ1fFobUFYjMt6e2NCfiq2oY8Le7a/yk4+FzgcONCXuJKUrMh7l77enpHEIef8tW0iDWHrJHyF6tWnIeQD0YhpgHUfVTDoJ3gtN3dAhDDoerAS/Y1IRlcuXgaKa8ZhqV0r0QTllKp+R08aRxu6L0vN2nuzi3dUectT+9ZP/7dWQIDAQAB",
    "svc-terraform-2026": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAo2nCvgFyXxuCSL3KHfUu0ZzS06QF/ffn8x4RThLImBytt0DQUV9ysMbIoa2mVC4xbfgXoenPfH8Tyy9YlHBLNYUmx5mZEQIVwexOvfDFj6evUQiuXqtHlJfybC9t4rSxmfjVUwOn6iwW6wyPOHBhT/9JJId5CXITOkjgMthOY7zpQ1LoE8PJh+ep7D5uld8doiZSZar7919YEOk0T2Lf/3zqlNnSG/XTV4QerukmjhK7i2CaxpNxqDfiCYKP/1vdBzWEg+UhhsbF8PU3GTHMShhYEZi/F0lUm/4yylxrXD05u84eRr47iBv5BdPmUeeEpo1JBJWyqhKQarBG0S1E+QIDAQAB",
    "svc-backup": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwo1OsFel3vUcmDv8rGQghgoKa9ZGtgefKa9OdoZjnYA/hRERPCZGqVJwKKviff77ydTuDwzW/1E56BnPG68S/EHK+FowOCPT0Ase2F8exxU4rmd1pOm9KaLunzDtk97xzR+CArHGB5wTjWmxtL162BNulsS3fTTaZG/pQYkzbiYjRcy6otl03KfZSctTjjOeDvQ7V7MF6djrJ0DSeSztDT7T7FSsku7bdNt6PbmlOnQfBEi7MRj8JFQL0WY3NhavtpBBl/NQLoZYHwvIe2gF7UtPa0FEFemHVRooUQt64/O1GxEpvk2N/8spqxyzATLvL2sDYg6wQPOPu4JfUCRb+wIDAQAB",
    "svc-monitoring": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyVriejQECy0RHp8ZJvIIUKhcl82Zie40WG2kSXxyxqumq8u92vMiieQxRDmEe1fLgWypoC4t0Iua/jFZ3tKVC3oDqgjiqc1fodO5FQ2dya5pBO3cbBId35LPSvNEusdrRDHcUyvQWfqr34bvNrGwPNViUWeVEZ65R+vU2VWZBI3vWKNKWtumJGLcUmqpQDw6/TDZb47FKPiD6zo5bNFlaAcvAXIbZe63sI4n9NGzDzozEjLDR4umwSoFMLpTgSd8yzezltjGSFihn7Ax3B0pWyS04efTlplWI4KcVkn+iexhgJdT7okn0EnDGv8PY8kLtKIxqY3uDucjtFsjbR4nZQIDAQAB",
    "kenji.watanabe": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1MKk8pTlGsukAw6on0igBQmXPeLFms33+9mIPa1FOH15Lqqaqtsj6rfmPPgRImvlDW98Uf0UJzZRCeH/lIRlqLBBicM/1m1G2OkO8pBeQ4HkT18hKiYJf1d44wfdlPxWFp+J9SjhLiUHVOoob0mP4iIQGxBa1goACjwW3cqMs7A6/9520F2xJvlGMIT+SDDEatOHUG/LCe2N/CvqYpW94Pgkt0L257ybM+Ai20/mC2S1edpfVRlJrWYvF3qDteL/p2e3RMivNw8Bnnt7suFbDPh3HTmRf+dUwxYGMDJgHY/YtBy6A7+PnGyv3/+vk6Utw2aS1LrZBlFGcJc8t+8nCwIDAQAB",
    "emily.zhang": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkNSvrOnV6qNCm/rTQ+oQhPnyHZQ6o68H9mMWl3VtBD00JobOa43uMz4n0t1ZHUwAwO80NFn/ut2vFBqPW1Y1F2MdIlKU1AQPUmQtaxgb74/W+L49UCfCwEERzToHaElQ1J88P5pkOMjnFgPHQqagaBygIlaLdHP6JQCi/44/lKUQeERdUozpjBiI/CoN31A6QBYSEq9WdyG4cm4QGgDUYVN8v9oer32163ZSA730cd9IpBu08dMIcUZG3CzKUPjSvLeaQmFqTenhI1yN0THhtQnXFeERFwJ/x6bXDMDQuREKpItsgL073hIvmkKZf879oG/5KfavZep3wJO68zwbawIDAQAB",
}


def pem(body):
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN PUBLIC KEY-----\n" + "\n".join(lines) + "\n-----END PUBLIC KEY-----\n"


def fingerprint(body):
    digest = hashlib.md5(base64.b64decode(body)).hexdigest()
    return ":".join(digest[i:i + 2] for i in range(0, 32, 2))


# (user login, key label, created)
API_KEYS = [
    ("ana.ortiz", "ana.ortiz-laptop", "2026-02-10"),
    ("david.kim", "david.kim-2025", "2025-06-03"),
    ("david.kim", "david.kim-2026", "2026-09-14"),
    # 513 days old on 2026-11-26: the rotation overdue an audit should flag.
    ("svc-terraform", "svc-terraform-2025", "2025-07-01"),
    ("svc-terraform", "svc-terraform-2026", "2026-10-02"),
    ("svc-backup", "svc-backup", "2026-01-05"),
    ("svc-monitoring", "svc-monitoring", "2026-08-30"),
    ("kenji.watanabe", "kenji.watanabe", "2026-04-22"),
    # A blocked user's key still works for the API: another audit finding.
    ("emily.zhang", "emily.zhang", "2025-12-01"),
]

# (user login, description, created)
AUTH_TOKENS = [
    ("emily.zhang", "OCIR docker login", "2026-03-10"),
    ("grace.liu", "OCIR push from laptop", "2026-10-05"),
    ("svc-backup", "RMAN backups to Object Storage (Swift)", "2026-01-06"),
    ("svc-backup", "RMAN backups (rotation)", "2026-07-06"),
    ("noah.bennett", "Grafana OCI data source", "2026-06-11"),
]
SWIFT_PASSWORDS = [
    ("marcus.webb", "legacy Swift client (before auth tokens)", "2023-05-02"),
]
CUSTOMER_SECRET_KEYS = [
    ("svc-backup", "s3-compat backup sync", "2026-01-15"),
    ("james.chen", "rclone to Object Storage", "2026-09-30"),
    ("elena.petrova", "Warehouse export (S3 API)", "2025-11-02"),
]
SMTP_CREDENTIALS = [
    ("isabel.garcia", "Alertmanager e-mail relay", "2026-04-03"),
    ("ben.carter", "Finance report mailer", "2026-07-21"),
]
DB_CREDENTIALS = [
    ("tom.okafor", "ADW IAM login", "2026-05-28"),
    ("elena.petrova", "Warehouse IAM login", "2025-10-14"),
]
# (user login, name, description, [(audience, scope)], created)
OAUTH2_CREDENTIALS = [
    ("svc-terraform", "oic-deploy", "Deploys integrations to Oracle Integration",
     [("https://integration.us-ashburn-1.ocp.oraclecloud.com", "urn:opc:resource:consumer::all")], "2026-03-04"),
    ("svc-monitoring", "oac-usage-reports", "Reads usage dashboards from Analytics Cloud",
     [("https://analytics.us-ashburn-1.ocp.oraclecloud.com", "urn:opc:resource:consumer::all")], "2025-09-09"),
]
# Started enrolling an authenticator and never finished (device not activated).
MFA_PENDING = [("lucas.moreau", "2026-11-18")]
# Console password last set, where the spread below would not say it well.
UI_PASSWORD_SET = {"breakglass-admin": "2025-01-15", "daniel.friedman": "2025-12-08"}

VCN_PROD_HUB = "ocid1.vcn.oc1.iad.aaaaaaaa" + ocid("vcn", "prod-hub")[-52:]
# (name, description, public CIDRs, [(vcn, ranges)], created)
NETWORK_SOURCES = [
    ("corp-egress", "ACME offices and VPN egress addresses",
     ["203.0.113.0/24", "198.51.100.16/28", "192.0.2.143"], [], "2024-04-02"),
    ("prod-bastions", "Bastion hosts in the Prod hub VCN",
     [], [(VCN_PROD_HUB, ["10.20.0.0/24", "10.20.1.10"])], "2025-02-18"),
]


def credentials(user_rows):
    """The credential lists, checked against the users they belong to."""
    by_login = {login(u[0]): u for u in USERS}
    created = {u["name"]: u["timeCreated"][:10] for u in user_rows}

    def owner(name, day):
        uname = login(name)
        assert uname in by_login, uname
        assert by_login[uname][3] != "deleted", uname
        assert created[uname] <= day, (uname, day, created[uname])
        return user_id[uname]

    out = {"apiKeys": [], "authTokens": [], "customerSecretKeys": [], "smtpCredentials": [],
           "dbCredentials": [], "oauth2ClientCredentials": [], "swiftPasswords": [],
           "mfaTotpDevices": [], "uiPasswords": []}
    for name, label, day in API_KEYS:
        uid = owner(name, day)
        body = DEMO_PUBLIC_KEYS[label]
        fp = fingerprint(body)
        out["apiKeys"].append({
            "keyId": f"{TENANCY}/{uid}/{fp}", "keyValue": pem(body), "fingerprint": fp,
            "userId": uid, "timeCreated": ts(day, "10:12:00.000"), "lifecycleState": "ACTIVE"})
    for name, desc, day in AUTH_TOKENS:
        out["authTokens"].append({
            "id": ocid("credential", f"authtoken/{name}/{desc}"), "userId": owner(name, day),
            "description": desc, "timeCreated": ts(day, "11:05:00.000"), "lifecycleState": "ACTIVE"})
    for name, desc, day in SWIFT_PASSWORDS:
        out["swiftPasswords"].append({
            "id": ocid("credential", f"swift/{name}/{desc}"), "userId": owner(name, day),
            "description": desc, "timeCreated": ts(day, "11:20:00.000"), "lifecycleState": "ACTIVE"})
    for name, desc, day in CUSTOMER_SECRET_KEYS:
        # The id is the S3 access key: 40 hex digits.
        access = hashlib.sha1(f"canopy-demo/csk/{name}/{desc}".encode()).hexdigest()
        out["customerSecretKeys"].append({
            "id": access, "userId": owner(name, day), "displayName": desc,
            "timeCreated": ts(day, "14:40:00.000"), "lifecycleState": "ACTIVE"})
    for name, desc, day in SMTP_CREDENTIALS:
        uid = owner(name, day)
        out["smtpCredentials"].append({
            "username": f"{uid}@{TENANCY}.7x.com", "id": ocid("credential", f"smtp/{name}"),
            "userId": uid, "description": desc, "timeCreated": ts(day, "16:02:00.000"),
            "lifecycleState": "ACTIVE"})
    for name, desc, day in DB_CREDENTIALS:
        out["dbCredentials"].append({
            "id": ocid("dbcredential", f"{name}/{desc}"), "userId": owner(name, day),
            "description": desc, "timeCreated": ts(day, "09:45:00.000"), "lifecycleState": "ACTIVE"})
    for name, cname, desc, scopes, day in OAUTH2_CREDENTIALS:
        out["oauth2ClientCredentials"].append({
            "scopes": [{"audience": a, "scope": sc} for a, sc in scopes], "userId": owner(name, day),
            "id": ocid("oauth2clientcredential", f"{name}/{cname}"), "compartmentId": TENANCY,
            "name": cname, "description": desc, "lifecycleState": "ACTIVE",
            "timeCreated": ts(day, "13:30:00.000")})
    for u in user_rows:
        if u["isMfaActivated"] and u["lifecycleState"] != "DELETED":
            year, month, day = u["timeCreated"][:10].split("-")
            enrolled = f"{year}-{month}-{min(int(day) + 2, 28):02d}"
            out["mfaTotpDevices"].append({
                "id": ocid("mfatotpdevice", u["name"]), "userId": u["id"],
                "timeCreated": ts(enrolled, "10:00:00.000"), "lifecycleState": "ACTIVE",
                "isActivated": True})
    for name, day in MFA_PENDING:
        out["mfaTotpDevices"].append({
            "id": ocid("mfatotpdevice", login(name)), "userId": owner(name, day),
            "timeCreated": ts(day, "17:25:00.000"), "lifecycleState": "ACTIVE", "isActivated": False})
    for i, u in enumerate(user_rows):
        if u["lifecycleState"] == "DELETED" or not u["capabilities"]["canUseConsolePassword"]:
            continue
        if u["name"] in UI_PASSWORD_SET:
            day = UI_PASSWORD_SET[u["name"]]
        else:
            last = u.get("lastSuccessfulLoginTime", "2026-11-20")[:10]
            y, m, d = (int(x) for x in last.split("-"))
            back = (i * 37) % 9 + 1  # months before the last login
            m -= back
            while m < 1:
                m += 12
                y -= 1
            day = f"{y}-{m:02d}-{min(d, 28):02d}"
        # Never before the user existed: the first password came with the account.
        set_at = max(ts(day, "08:15:00.000"), u["timeCreated"])
        out["uiPasswords"].append({"userId": u["id"], "timeCreated": set_at,
                                   "lifecycleState": "ACTIVE"})
    return out


def network_sources():
    return [{
        "id": ocid("networksource", name), "compartmentId": TENANCY, "name": name,
        "description": desc, "publicSourceList": public,
        "virtualSourceList": [{"vcnId": v, "ipRanges": r} for v, r in virtual],
        "services": ["all"], "timeCreated": ts(day, "12:00:00.000"), "lifecycleState": "ACTIVE",
        "freeformTags": {"owner": "security-team"}, "definedTags": {},
    } for name, desc, public, virtual, day in NETWORK_SOURCES]


def authentication_policy():
    return {
        "passwordPolicy": {
            "minimumPasswordLength": 14,
            "isUppercaseCharactersRequired": True,
            "isLowercaseCharactersRequired": True,
            "isNumericCharactersRequired": True,
            "isSpecialCharactersRequired": True,
            "isUsernameContainmentAllowed": False,
        },
        "compartmentId": TENANCY,
        "networkPolicy": {"networkSourceIds": [ocid("networksource", "corp-egress")]},
    }


# ======================================================= tag tools, bulk operations, locks
# Resources of other services, per compartment, for bulk move / delete / tag edits:
# (compartment path, resource type, display name, lifecycle state, created, extra defined tags)
# Shared/Tooling holds what its FAILED delete (work-request history) says it still holds.
REGIONAL = {"Instance": "instance", "Volume": "volume", "BootVolume": "bootvolume", "Bucket": "bucket",
            "Vcn": "vcn", "Subnet": "subnet", "AutonomousDatabase": "autonomousdatabase",
            "LoadBalancer": "loadbalancer"}
OBJECT_STORAGE_NAMESPACE = "acmecorp"
RESOURCES = [
    ("Shared/Tooling", "Instance", "jenkins-ci-01", "STOPPED", "2023-03-01", {}),
    ("Shared/Tooling", "Instance", "jenkins-ci-02", "STOPPED", "2023-03-01", {}),
    ("Shared/Tooling", "Volume", "jenkins-data", "AVAILABLE", "2023-03-01", {}),
    ("Shared/Tooling", "Bucket", "jenkins-artifacts", "ACTIVE", "2023-03-02", {}),
    ("Shared/Network", "Vcn", "hub-vcn", "AVAILABLE", "2023-02-15", {}),
    ("Shared/Network", "Subnet", "hub-public-subnet", "AVAILABLE", "2023-02-15", {}),
    ("Shared/Logging", "Bucket", "audit-log-archive", "ACTIVE", "2023-02-16", {}),
    ("Prod/AppTier/Web", "Instance", "web-01", "RUNNING", "2023-02-22", {"Role": "web"}),
    ("Prod/AppTier/Web", "Instance", "web-02", "RUNNING", "2023-02-22", {"Role": "web"}),
    ("Prod/AppTier/Web", "BootVolume", "web-01 (Boot Volume)", "AVAILABLE", "2023-02-22", {}),
    ("Prod/AppTier/Web", "LoadBalancer", "storefront-lb", "ACTIVE", "2023-02-23", {}),
    ("Prod/AppTier/Api", "Instance", "orders-api-01", "RUNNING", "2023-02-24", {"Role": "api"}),
    ("Prod/AppTier/Api", "Instance", "orders-api-02", "RUNNING", "2023-02-24", {"Role": "api"}),
    ("Prod/Data/OLTP", "AutonomousDatabase", "orders-db", "AVAILABLE", "2023-03-10", {}),
    ("Prod/Data/Warehouse", "AutonomousDatabase", "warehouse-adw", "AVAILABLE", "2023-04-12", {}),
    ("Prod/Data/Warehouse", "Bucket", "dw-landing", "ACTIVE", "2023-04-12", {"Role": "etl"}),
    ("Prod/Network", "Vcn", "prod-vcn", "AVAILABLE", "2023-02-20", {}),
    ("Prod/Network", "Subnet", "prod-app-subnet", "AVAILABLE", "2023-02-20", {}),
    ("Prod/Network", "Subnet", "prod-db-subnet", "AVAILABLE", "2023-02-20", {}),
    ("Dev/CI", "Instance", "ci-runner-01", "RUNNING", "2024-05-06", {}),
    ("Dev/Sandbox/jchen-sandbox", "Instance", "jchen-test-vm", "RUNNING", "2026-10-28", {}),
    ("Dev/Sandbox/jchen-sandbox", "Volume", "jchen-scratch", "AVAILABLE", "2026-10-28", {}),
    ("Dev/Sandbox/jchen-sandbox", "Bucket", "jchen-notebooks", "ACTIVE", "2026-09-14", {}),
    ("Dev/Sandbox/mpatel-sandbox", "Instance", "mpatel-k8s-test", "STOPPED", "2026-08-03", {}),
    ("Finance/Reports", "Bucket", "finance-reports", "ACTIVE", "2023-06-01", {}),
]
# What the tag defaults (above) gave each resource when it was created.
RESOURCE_DEFAULT_TAGS = {
    "Prod": {"Environment": "prod"},
    "Dev": {"Environment": "dev"},
    "Finance": {"CostCenter": "FIN-4410"},
}
SANDBOX_OWNERS = {"Dev/Sandbox/jchen-sandbox": "james.chen@acme-corp.com",
                  "Dev/Sandbox/mpatel-sandbox": "maya.patel@acme-corp.com"}


def resource_tags(path, extra):
    ops = {}
    for root, tags in RESOURCE_DEFAULT_TAGS.items():
        if path == root or path.startswith(root + "/"):
            ops.update(tags)
    if path in SANDBOX_OWNERS:
        ops["Owner"] = SANDBOX_OWNERS[path]
    ops.update(extra)
    return {"Operations": ops} if ops else {}


def compartment_resources():
    out = []
    for path, kind, name, state, day, extra in RESOURCES:
        digest = hashlib.sha512(f"canopy-demo/{kind}/{path}/{name}".encode()).digest()
        # Regional OCIDs carry the region and 60 characters, starting "an" as real ones do.
        tail = "an" + base64.b32encode(digest).decode().lower()[:58]
        item = {
            "id": f"ocid1.{REGIONAL[kind]}.oc1.iad.{tail}",
            "compartmentId": comp_id[path],
            "resourceType": kind,
            "displayName": name,
            "lifecycleState": state,
            "timeCreated": ts(day, "14:00:00.000"),
            "freeformTags": {},
            "definedTags": resource_tags(path, extra),
        }
        if kind == "Bucket":
            item["metadata"] = {"namespaceName": OBJECT_STORAGE_NAMESPACE, "bucketName": name}
        out.append(item)
    return out


# Locks: (namespace name | (compartment path, tag) of a default, type, message, created)
NAMESPACE_LOCKS = [
    ("Security", "DELETE", "Compliance reports read these tags; ask security@acme-corp.com before removing",
     "2025-06-02"),
]
TAG_DEFAULT_LOCKS = [
    (("Prod/Data/Warehouse/Sensitive", "DataClassification"), "FULL",
     "PCI scope depends on this default; changes go through security@acme-corp.com", "2025-01-10"),
]


def add_locks(namespaces, defaults):
    """Puts the locks above on the generated namespaces and tag defaults."""
    for name, kind, message, day in NAMESPACE_LOCKS:
        ns = next(n for n in namespaces if n["name"] == name)
        ns["locks"] = [{"type": kind, "message": message, "timeCreated": ts(day, "08:30:00.000"),
                        "isActive": True}]
    for (path, tag), kind, message, day in TAG_DEFAULT_LOCKS:
        default = next(d for d in defaults
                       if d["compartmentId"] == comp_id[path] and d["tagDefinitionName"] == tag)
        default["locks"] = [{"type": kind, "message": message, "timeCreated": ts(day, "08:30:00.000"),
                             "isActive": True}]


# ======================================================= every domain's directory (SCIM)
# The Partners domain's own users, groups and dynamic group, served at its URL over the
# Identity Domains API. A group (ReadOnly) and a user (julia.santos) share names with
# Default-domain ones: a policy must say 'Partners'/'ReadOnly' to mean that group.
PARTNER_USERS = [
    # (user name, full name, groups, active)
    ("julia.santos@partner-sys.com", "Julia Santos (Partner Systems)", ["Integrators"], True),
    ("liam.boyd@northbridge.io", "Liam Boyd (Northbridge Consulting)", ["Integrators", "Auditors"], True),
    ("priya.nair@partner-sys.com", "Priya Nair (Partner Systems)", ["Auditors"], True),
    ("tom.weller@northbridge.io", "Tom Weller (Northbridge Consulting)", ["ReadOnly"], True),
    ("olga.ivanova@partner-sys.com", "Olga Ivanova (Partner Systems, left 2026)", [], False),
]
PARTNER_GROUPS = [
    ("Integrators", "Partner developers building the storefront integration"),
    ("Auditors", "External auditors (Northbridge Consulting) for the 2026 SOX review"),
    ("ReadOnly", "Partner staff who only look"),
]
PARTNER_DYNAMIC_GROUPS = [
    ("partner-build-runners", "Build instances the partners run in Dev/CI",
     f"ALL {{instance.compartment.id = '{comp_id['Dev/CI']}'}}"),
]


def partner_user_id(name):
    return ocid("user", f"Partners/{name}")


def partner_group_id(name):
    return ocid("group", f"Partners/{name}")


def domain_directories():
    users, groups, memberships = [], [], []
    for i, (name, full, member_of, active) in enumerate(PARTNER_USERS):
        users.append({
            "id": partner_user_id(name),
            "compartmentId": TENANCY,
            "name": name,
            "description": full,
            "email": name,
            "emailVerified": True,
            "timeCreated": ts(f"2025-03-{10 + i:02d}", "11:00:00.000"),
            "lifecycleState": "ACTIVE" if active else "INACTIVE",
            "freeformTags": {},
            "definedTags": {},
            # What the Identity Domains API carries round (an export reads these back).
            "isMfaActivated": False,
        })
        for g in member_of:
            memberships.append({
                "id": ocid("groupmembership", f"Partners/{g}/{name}"),
                "compartmentId": TENANCY,
                "groupId": partner_group_id(g),
                "userId": partner_user_id(name),
                "timeCreated": ts("2025-03-20", "12:00:00.000"),
                "lifecycleState": "ACTIVE",
            })
    for i, (name, desc) in enumerate(PARTNER_GROUPS):
        groups.append({
            "id": partner_group_id(name),
            "compartmentId": TENANCY,
            "name": name,
            "description": desc,
            "timeCreated": ts(f"2025-03-0{5 + i}", "10:00:00.000"),
            "lifecycleState": "ACTIVE",
            "freeformTags": {},
            "definedTags": {},
        })
    dynamic = [{
        "id": ocid("dynamicgroup", f"Partners/{name}"),
        "compartmentId": TENANCY,
        "name": name,
        "description": desc,
        "matchingRule": rule,
        "timeCreated": ts("2025-04-01", "09:30:00.000"),
        "lifecycleState": "ACTIVE",
        "freeformTags": {},
        "definedTags": {},
    } for name, desc, rule in PARTNER_DYNAMIC_GROUPS]
    # Legacy-Apps keeps no users of its own (its apps were retired), but its directory is
    # read all the same: a policy naming one of its groups is a mistake the lint can show.
    return [{"domainId": domain_id["Legacy-Apps"]}, {
        "domainId": domain_id["Partners"],
        "users": sorted(users, key=lambda x: x["id"]),
        "groups": sorted(groups, key=lambda x: x["id"]),
        "memberships": sorted(memberships, key=lambda x: x["id"]),
        "dynamicGroups": dynamic,
    }]


def main():
    snapshot = {
        "tenancy": {
            "id": TENANCY,
            "name": "acme-corp",
            "description": "ACME Corporation",
            "homeRegionKey": "IAD",
            "freeformTags": {},
            "definedTags": {},
        },
        "compartments": compartments(),
        "users": users(),
        "groups": groups(),
        "memberships": memberships(),
        "dynamicGroups": dynamic_groups(),
        "policies": policies(),
        "tagNamespaces": tag_namespaces(),
        "tags": tags(),
        "tagDefaults": tag_defaults(),
        "senderInvitations": sender_invitations(),
        # identity domains, federation, regions
        "domains": domains(),
        "identityProviders": identity_providers(),
        "identityProviderGroups": identity_provider_groups(),
        "idpGroupMappings": idp_group_mappings(),
        "regionSubscriptions": region_subscriptions(),
        "workRequestHistory": work_request_history(),
        # tag tools, bulk operations, locks
        "compartmentResources": compartment_resources(),
    }
    add_locks(snapshot["tagNamespaces"], snapshot["tagDefaults"])
    # Credentials and sign-in security.
    snapshot.update(credentials(snapshot["users"]))
    snapshot["networkSources"] = network_sources()
    snapshot["authenticationPolicy"] = authentication_policy()
    # Every domain's directory (Identity Domains, SCIM).
    snapshot["domainDirectories"] = domain_directories()
    path = pathlib.Path(__file__).resolve().parent.parent / "assets" / "demo-tenancy.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(snapshot, indent=2, ensure_ascii=True) + "\n")
    counts = {k: len(v) for k, v in snapshot.items() if isinstance(v, list)}
    counts.update({f"workRequestHistory.{k}": len(v) for k, v in snapshot["workRequestHistory"].items()})
    print(f"wrote {path}: {counts}")


if __name__ == "__main__":
    main()
