#!/usr/bin/env python3
"""Writes src/main/resources/db/demo/V1000__demo_data.sql: the demo tenants of the embedded default.

Passwords and answers are hashed here (Argon2id, Spring Security's defaults) so that the portal's
start-up does not pay for ~40 slow hashes. Run from the project root after `./mvnw compile`:
    ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt && python3 scripts/generate-demo-data.py
"""
import subprocess, unicodedata, re, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CP = (ROOT / "target/cp.txt").read_text().strip() + ":" + str(ROOT / "target/classes")

CONTOSO_PASSWORD = "Contoso#Demo-2026"
FABRIKAM_PASSWORD = "Fabrikam#Demo-2026"

TENANTS = [
    dict(name="contoso", display="Contoso", domain="contoso.example",
         helpdesk_url="https://helpdesk.contoso.example/", helpdesk_email="helpdesk@contoso.example",
         policy=dict(scope="SELECTED", group="SSPR Users", required=2, register=3, reset=3, notify_users=True,
                     notify_admins=True, writeback=False, unlock=False, show_reason=False, require_registration=True,
                     reconfirm_days=180),
         return_to=["https://apps.contoso.example"],
         outside_guest_text="Guests from partner organizations reset their password with their own organization.",
         outside_guest_url="https://myaccount.northwind.example/reset",
         methods=["APP_NOTIFICATION", "APP_CODE", "EMAIL", "MOBILE_SMS", "MOBILE_VOICE", "OFFICE_VOICE", "SECURITY_QUESTIONS"],
         banned=["contoso", "blank"]),
    dict(name="fabrikam", display="Fabrikam", domain="fabrikam.example",
         helpdesk_url=None, helpdesk_email="support@fabrikam.example",
         policy=dict(scope="ALL", group=None, required=1, register=3, reset=3, notify_users=True,
                     notify_admins=False, writeback=True, unlock=True, show_reason=True, require_registration=False,
                     reconfirm_days=0),
         return_to=[],
         outside_guest_text=None, outside_guest_url=None,
         methods=["APP_CODE", "EMAIL", "MOBILE_SMS"],
         banned=["fabrikam"]),
]


def user(uid, display, given, surname, tenant, **kw):
    d = dict(uid=uid, display=display, given=given, surname=surname, tenant=tenant, primary=uid,
             alternate=None, auth_email=None, mobile=None, auth_phone=None, office=None, enabled=True, confirmed=True,
             locked=False, licensed=True, source="CLOUD", groups=["SSPR Users"], roles=[], answers=None,
             kind="MEMBER", external=None, proven=None, home=None, home_org=None, password=True)
    d.update(kw)
    return d


def guest(address, inviting_tenant, display, given, surname, **kw):
    """A guest (or sign-up user) of the tenant that let them in (R-03): named after the address they came with."""
    domain = next(t["domain"] for t in TENANTS if t["name"] == inviting_tenant)
    # Lower case throughout, #EXT# too: user IDs are stored and looked up normalized (Directory.normalizeUserId).
    uid = (address.replace("@", "_") + "#EXT#@" + domain).lower()
    kw.setdefault("kind", "GUEST")
    return user(uid, display, given, surname, inviting_tenant, primary=address, external=address, proven=address,
                groups=[], **kw)

USERS = [
    user("alex@contoso.example", "Alex Wilber", "Alex", "Wilber", "contoso",
         auth_email="alex.wilber@personal.example", auth_phone="+1 555 010 0101", office="+1 555 010 0201",
         answers={"q04": "Seattle", "q12": "Lasagna", "q29": "Rex"}),
    user("ayse@contoso.example", "Ayşe Yılmaz", "Ayşe", "Yılmaz", "contoso",
         alternate="ayse.yilmaz@posta.example", auth_phone="+90 532 000 0001",
         answers={"q04": "İzmir", "q12": "Mantı", "q29": "Pamuk"}),
    user("ben@contoso.example", "Ben Carter", "Ben", "Carter", "contoso", alternate="ben.carter@mail.example"),
    user("nina@contoso.example", "Nina Patel", "Nina", "Patel", "contoso", mobile="+1 555 010 0108"),
    user("dana@contoso.example", "Dana Lee", "Dana", "Lee", "contoso", enabled=False,
         alternate="dana.lee@mail.example", mobile="+1 555 010 0104"),
    user("omar@contoso.example", "Omar Haddad", "Omar", "Haddad", "contoso", groups=[],
         alternate="omar.haddad@mail.example", mobile="+1 555 010 0105"),
    user("lena@contoso.example", "Lena Fischer", "Lena", "Fischer", "contoso", licensed=False,
         alternate="lena.fischer@mail.example", mobile="+1 555 010 0106"),
    user("paul@contoso.example", "Paul Martin", "Paul", "Martin", "contoso", source="PASSWORD_HASH_SYNC",
         alternate="paul.martin@mail.example", mobile="+1 555 010 0107"),
    user("lucy@contoso.example", "Lucy Gray", "Lucy", "Gray", "contoso", locked=True,
         alternate="lucy.gray@mail.example", mobile="+1 555 010 0109"),
    user("adele@contoso.example", "Adele Vance", "Adele", "Vance", "contoso", groups=[],
         roles=["Global Administrator"], auth_email="adele.vance@personal.example",
         answers={"q04": "Boston", "q12": "Sushi", "q29": "Whiskers"}),
    user("megan@contoso.example", "Megan Bowen", "Megan", "Bowen", "contoso", roles=["Helpdesk Administrator"],
         alternate="megan.bowen@mail.example", answers={"q04": "Denver", "q12": "Tacos", "q29": "Buddy"}),
    user("nora@contoso.example", "Nora Newman", "Nora", "Newman", "contoso", confirmed=False),
    user("janis@fabrikam.example", "Jānis Bērziņš", "Jānis", "Bērziņš", "fabrikam", groups=[]),
    user("marta@fabrikam.example", "Marta Ozola", "Marta", "Ozola", "fabrikam", groups=[], locked=True,
         alternate="marta.ozola@pasts.example"),
    user("kim@fabrikam.example", "Kim Park", "Kim", "Park", "fabrikam", groups=[],
         answers={"q04": "Busan", "q12": "Kimchi", "q29": "Mochi"}),
    user("ilze@fabrikam.example", "Ilze Kalniņa", "Ilze", "Kalniņa", "fabrikam", groups=[], licensed=False,
         alternate="ilze.kalnina@pasts.example"),
    user("edgars@fabrikam.example", "Edgars Liepa", "Edgars", "Liepa", "fabrikam", groups=[],
         roles=["Global Administrator"], alternate="edgars.liepa@pasts.example", mobile="+371 2000 0005"),
]

# Contoso asks for a reconfirmation every 180 days; confirmed = how many days ago.
RECONFIRMING = [
    user("rosa@contoso.example", "Rosa Alvarez", "Rosa", "Alvarez", "contoso", confirmed=200,
         auth_email="rosa.alvarez@personal.example", mobile="+1 555 010 0110"),
    user("theo@contoso.example", "Theo Novak", "Theo", "Novak", "contoso", confirmed=170,
         auth_email="theo.novak@personal.example", mobile="+1 555 010 0111"),
]

# guests and sign-up users, after their home accounts (home names a demo user's ID). A guest with
# a home has no password here: it lives at home. Pat redeemed with a consumer account and has none yet.
GUESTS = [
    guest("janis@fabrikam.example", "contoso", "Jānis Bērziņš (Fabrikam)", "Jānis", "Bērziņš",
          home="janis@fabrikam.example", password=False),
    guest("li.wei@northwind.example", "contoso", "Li Wei (Northwind)", "Li", "Wei", home_org="Northwind Traders",
          password=False),
    guest("sam.taylor@example.net", "contoso", "Sam Taylor", "Sam", "Taylor", kind="SIGNUP"),
    guest("rita@tailspin.example", "fabrikam", "Rita Kalniņa", "Rita", "Kalniņa"),
    # A personal account given guest access: its provider is its home, as an invitation records it.
    guest("pat.doe@outlook.com", "contoso", "Pat Doe", "Pat", "Doe", password=False, home_org="Microsoft"),
]

def normalize_answer(a):
    # Mirrors dev.sspr.verification.Answers.normalize
    t = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", a).strip())
    t = t.replace("İ", "i").replace("ı", "i").replace("I", "i")
    return unicodedata.normalize("NFKC", t.lower())

def hashes(values):
    out = subprocess.run(["java", "-cp", CP, str(ROOT / "scripts/HashTool.java")],
                         input="\n".join(values) + "\n", capture_output=True, text=True, check=True).stdout
    return out.strip().split("\n")

def q(v):
    return "null" if v is None else "'" + str(v).replace("'", "''") + "'"

def b(v):
    return "true" if v else "false"

def confirmed_at(v):
    # The same SQL on H2 and PostgreSQL; relative to start-up, like the activity below.
    if v is True:
        return "current_timestamp"
    return "null" if v is False else f"current_timestamp - interval '{v}' day"

ALL_USERS = USERS + RECONFIRMING + GUESTS
plain = []
for u in ALL_USERS:
    if u["password"]:
        plain.append(CONTOSO_PASSWORD if u["tenant"] == "contoso" else FABRIKAM_PASSWORD)
    for key, answer in (u["answers"] or {}).items():
        plain.append(normalize_answer(answer))
hashed = iter(hashes(plain))

lines = ["-- Demo data for the embedded default (dev profile only). Generated by scripts/generate-demo-data.py;",
         "-- do not edit by hand. Passwords and answers are listed in README.md.", ""]
for t in TENANTS:
    lines.append(f"insert into tenant (name, display_name, helpdesk_url, helpdesk_email, outside_guest_text, "
                 f"outside_guest_url) values ({q(t['name'])}, {q(t['display'])}, {q(t['helpdesk_url'])}, "
                 f"{q(t['helpdesk_email'])}, {q(t['outside_guest_text'])}, {q(t['outside_guest_url'])});")
    tid = f"(select id from tenant where name = {q(t['name'])})"
    lines.append(f"insert into tenant_domain (domain, tenant_id) values ({q(t['domain'])}, {tid});")
    p = t["policy"]
    lines.append("insert into sspr_policy (tenant_id, scope, scope_group, methods_required, questions_to_register, "
                 "questions_to_reset, require_registration, reconfirm_days, notify_users, notify_admins, "
                 "writeback_enabled, unlock_without_reset, show_refusal_reason) values "
                 f"({tid}, {q(p['scope'])}, {q(p['group'])}, {p['required']}, {p['register']}, {p['reset']}, "
                 f"{b(p['require_registration'])}, {p['reconfirm_days']}, "
                 f"{b(p['notify_users'])}, {b(p['notify_admins'])}, {b(p['writeback'])}, {b(p['unlock'])}, {b(p['show_reason'])});")
    for m in t["methods"]:
        lines.append(f"insert into sspr_policy_method (tenant_id, method) values ({tid}, {q(m)});")
    for origin in t["return_to"]:
        lines.append(f"insert into return_to_origin (tenant_id, origin) values ({tid}, {q(origin)});")
    for term in t["banned"]:
        lines.append(f"insert into banned_term (tenant_id, term) values ({tid}, {q(term)});")
    lines.append("")
for u in ALL_USERS:
    tid = f"(select id from tenant where name = {q(u['tenant'])})"
    pw = next(hashed) if u["password"] else None
    columns = ("tenant_id, user_id, display_name, given_name, surname, primary_email, alternate_email, auth_email, "
               "mobile_phone, auth_phone, office_phone, enabled, locked, licensed, password_source, password_hash, "
               "security_info_confirmed_at")
    values = (f"{tid}, {q(u['uid'])}, {q(u['display'])}, {q(u['given'])}, {q(u['surname'])}, {q(u['primary'])}, "
              f"{q(u['alternate'])}, {q(u['auth_email'])}, {q(u['mobile'])}, {q(u['auth_phone'])}, {q(u['office'])}, "
              f"{b(u['enabled'])}, {b(u['locked'])}, {b(u['licensed'])}, {q(u['source'])}, "
              f"{q(pw if u['source'] == 'CLOUD' else None)}, {confirmed_at(u['confirmed'])}")
    if u["kind"] != "MEMBER":
        home = f"(select id from directory_user where user_id = {q(u['home'])})" if u["home"] else "null"
        columns += ", account_kind, external_email, proven_email, home_user_id, home_organization"
        values += f", {q(u['kind'])}, {q(u['external'])}, {q(u['proven'])}, {home}, {q(u['home_org'])}"
    lines.append(f"insert into directory_user ({columns}) values ({values});")
    uid = f"(select id from directory_user where user_id = {q(u['uid'])})"
    for g in u["groups"]:
        lines.append(f"insert into user_group (user_id, group_name) values ({uid}, {q(g)});")
    for r in u["roles"]:
        lines.append(f"insert into user_admin_role (user_id, role_name) values ({uid}, {q(r)});")
    for key in (u["answers"] or {}):
        lines.append(f"insert into security_answer (user_id, question_key, answer_hash) values ({uid}, {q(key)}, {q(next(hashed))});")
    lines.append("")
out = ROOT / "src/main/resources/db/demo/V1000__demo_data.sql"
out.write_text("\n".join(lines))
print("wrote", out)

# A month of made-up activity so that the admin dashboard has something to draw. Times are
# relative to start-up, so the demo always shows the last 30 days.
import random
rng = random.Random(2026)
# Each event with the demo users it fits, so that the made-up history matches the demo accounts.
EVENTS = [("PASSWORD_RESET", "SUCCESS", None, "EMAIL,MOBILE_SMS", 6, ["alex", "ayse", "lucy", "janis", "marta"]),
          ("REFUSED", "FAILURE", "NOT_ENOUGH_METHODS", "", 3, ["ben", "nina", "nora", "megan"]),
          ("REFUSED", "FAILURE", "NOT_LICENSED", "", 1, ["lena", "ilze"]),
          ("REFUSED", "FAILURE", "NOT_ENABLED", "", 2, ["omar"]),
          ("REFUSED", "FAILURE", "WRITEBACK_UNAVAILABLE", "", 1, ["paul"]),
          ("REFUSED", "FAILURE", "ACCOUNT_NOT_FOUND", "", 2, None),
          ("VERIFICATION_FAILED", "FAILURE", "WRONG_PROOF", "EMAIL", 2, ["alex", "ayse", "janis"]),
          ("ACCOUNT_UNLOCKED", "SUCCESS", None, "EMAIL", 1, ["marta"]),
          ("METHOD_REGISTERED", "SUCCESS", None, "EMAIL", 2, ["alex", "ayse", "kim"])]
# Only the first members: the made-up month stays what the dashboard's tests count.
BY_NAME = {u["uid"].split("@")[0]: u for u in USERS}
weights = [e[4] for e in EVENTS]
activity = ["-- Demo activity for the admin dashboard. Generated by scripts/generate-demo-data.py.", ""]
for days_ago in range(29, 0, -1):
    for _ in range(rng.randint(1, 6)):
        kind, outcome, reason, methods, _w, names = rng.choices(EVENTS, weights)[0]
        u = BY_NAME[rng.choice(names)] if names else rng.choice(USERS)
        tid = f"(select id from tenant where name = {q(u['tenant'])})"
        subject = u["uid"] if names else f"unknown{rng.randint(1, 99)}@{u['tenant']}.example"
        minutes = days_ago * 1440 - rng.randint(0, 1439)
        activity.append("insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason, methods) "
                        f"values (current_timestamp - interval '{minutes}' minute, {tid}, {q(subject)}, {q(kind)}, "
                        f"{q(outcome)}, {q(reason)}, {q(methods)});")
out = ROOT / "src/main/resources/db/demo/V1001__demo_activity.sql"
out.write_text("\n".join(activity) + "\n")
print("wrote", out)
