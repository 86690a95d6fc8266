#!/usr/bin/env python3
"""Generate the KeycloakRealmImport material from deploy/keycloak/realm-percorsi.json.

The realm file is the demo realm used locally and in tests: it carries public demo secrets and
demo users. Two files are derived from it, so Kubernetes and local runs share one realm design
(roles, the `percorsi` client scope with the org_id / provinces claims, the user profile):

  base/keycloak/realm-import.yaml       production skeleton: no users, no demo clients, no
                                         secrets (checked), brute-force protection on.
  overlays/dev/realm-demo.patch.yaml    JSON patch that swaps in the whole demo realm. Dev only.

Usage (from anywhere; standard library only):
  python3 deploy/k8s/tools/realm-import.py          rewrite both files
  python3 deploy/k8s/tools/realm-import.py --check  exit 1 if either file is out of date
"""
import copy
import json
import sys
from pathlib import Path

K8S = Path(__file__).resolve().parent.parent
REALM_FILE = K8S.parent / "keycloak" / "realm-percorsi.json"
SKELETON_OUT = K8S / "base" / "keycloak" / "realm-import.yaml"
DEMO_OUT = K8S / "overlays" / "dev" / "realm-demo.patch.yaml"

# Clients kept in production: the audience of every token. Partner and integrator clients are
# registered per organisation by the operators of the platform, with their own secrets.
PROD_CLIENTS = {"percorsi-api"}
# The public client the gateway's Swagger UI logs in with (quarkus.swagger-ui.oauth-client-id):
# kept in production as authorization code + PKCE only (no password grant), redirecting to the
# Swagger UI on the public API host of each environment (the gateway's PUBLIC_URL).
SWAGGER_CLIENT = "percorsi-cli"
PROD_API = "https://api.percorsi.example"
# The public client the web console logs its users in with (authorization code + PKCE; tokens stay
# in the console's session cookie), redirecting to /console on the public API host.
CONSOLE_CLIENT = "percorsi-console"
DEV_API = "https://api.dev.percorsi.internal"
# placement-service's own client (client credentials): its tokens carry role notice-import (a
# hardcoded role mapper on the client, so no service-account user is imported), which alone may
# resolve workers' tax codes in participant-service for the UNILAV notice import. Kept in
# production without a secret: Keycloak generates one, which the operator copies into the Secret
# placement-service-oidc-client (deploy/k8s/README.md).
NOTICE_IMPORT_CLIENT = "placement-service"


def notice_import_client(c):
    c = {k: v for k, v in copy.deepcopy(c).items() if k != "secret"}
    c["description"] = (
        "placement-service's own service account (client credentials): role notice-import only,"
        " to resolve workers' tax codes in participant-service for the UNILAV notice import."
    )
    return c


def swagger_client(c, api, demo):
    c = copy.deepcopy(c)
    if not demo:
        c["name"] = "Percorsi Swagger UI"
        c["description"] = "Public client of the Swagger UI at /swagger-ui: authorization code + PKCE."
        c["directAccessGrantsEnabled"] = False
        c["redirectUris"] = []
        c["webOrigins"] = []
    c["redirectUris"] = c.get("redirectUris", []) + [f"{api}/swagger-ui/*"]
    c["webOrigins"] = c.get("webOrigins", []) + [api]
    c.setdefault("attributes", {})["pkce.code.challenge.method"] = "S256"
    return c


def console_client(c, api, demo):
    c = copy.deepcopy(c)
    if not demo:
        c["rootUrl"] = api
        c["redirectUris"] = []
        c["webOrigins"] = []
        c.setdefault("attributes", {})["post.logout.redirect.uris"] = ""
    c["directAccessGrantsEnabled"] = False
    c["redirectUris"] = c.get("redirectUris", []) + [f"{api}/console/*"]
    c["webOrigins"] = c.get("webOrigins", []) + [api]
    attributes = c.setdefault("attributes", {})
    attributes["pkce.code.challenge.method"] = "S256"
    logout = [u for u in attributes.get("post.logout.redirect.uris", "").split("##") if u]
    attributes["post.logout.redirect.uris"] = "##".join(logout + [f"{api}/console/*"])
    return c


def demo(realm):
    r = copy.deepcopy(realm)
    r["clients"] = [
        swagger_client(c, DEV_API, True)
        if c.get("clientId") == SWAGGER_CLIENT
        else console_client(c, DEV_API, True) if c.get("clientId") == CONSOLE_CLIENT else c
        for c in r.get("clients", [])
    ]
    return r
SECRET_KEYS = {"secret", "credentials", "password", "clientSecret", "privateKey"}


def skeleton(realm):
    r = copy.deepcopy(realm)
    r["displayName"] = "Percorsi"
    r["bruteForceProtected"] = True
    r["attributes"] = {k: v for k, v in r.get("attributes", {}).items() if k != "_comment"}
    for key in ("users", "identityProviders", "smtpServer", "federatedUsers"):
        r.pop(key, None)
    clients = []
    for c in r.get("clients", []):
        if c.get("clientId") in PROD_CLIENTS:
            c = {k: v for k, v in c.items() if k != "secret"}
            clients.append(c)
        elif c.get("clientId") == SWAGGER_CLIENT:
            clients.append(swagger_client(c, PROD_API, False))
        elif c.get("clientId") == CONSOLE_CLIENT:
            clients.append(console_client(c, PROD_API, False))
        elif c.get("clientId") == NOTICE_IMPORT_CLIENT:
            clients.append(notice_import_client(c))
    r["clients"] = clients
    leaked = sorted(find_secret_keys(r))
    if leaked:
        sys.exit(f"refusing to write a production realm that still holds secrets at: {leaked}")
    return r


def find_secret_keys(node, path="$"):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in SECRET_KEYS:
                yield f"{path}.{k}"
            yield from find_secret_keys(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from find_secret_keys(v, f"{path}[{i}]")


def indented_json(value, indent):
    pad = " " * indent
    return "\n".join(pad + line for line in json.dumps(value, indent=2, ensure_ascii=False).splitlines())


def skeleton_yaml(realm):
    return (
        "# GENERATED by deploy/k8s/tools/realm-import.py from deploy/keycloak/realm-percorsi.json.\n"
        "# Do not edit by hand: change the realm file and rerun the tool.\n"
        "#\n"
        "# Production skeleton of realm percorsi: realm roles, the percorsi client scope (audience\n"
        "# percorsi-api, claims org_id and provinces), the user profile declaring those attributes.\n"
        "# No users, no partner clients, no secrets. The operator imports a realm only if it does not\n"
        "# exist yet; later changes are made in Keycloak itself (README, \"Keycloak realm\").\n"
        "apiVersion: k8s.keycloak.org/v2alpha1\n"
        "kind: KeycloakRealmImport\n"
        "metadata:\n"
        "  name: percorsi-realm\n"
        "spec:\n"
        "  keycloakCRName: percorsi-keycloak\n"
        "  realm:\n" + indented_json(realm, 4) + "\n"
    )


def demo_yaml(realm):
    return (
        "# GENERATED by deploy/k8s/tools/realm-import.py from deploy/keycloak/realm-percorsi.json.\n"
        "# Do not edit by hand: change the realm file and rerun the tool.\n"
        "#\n"
        "# DEMO ONLY. This is the local demo realm with its public demo users and client secrets.\n"
        "# It is applied by the dev overlay alone; the prod overlay must never include this file.\n"
        "- op: replace\n"
        "  path: /spec/realm\n"
        "  value:\n" + indented_json(realm, 4) + "\n"
    )


def main(argv):
    check = "--check" in argv[1:]
    realm = json.loads(REALM_FILE.read_text(encoding="utf-8"))
    wanted = {SKELETON_OUT: skeleton_yaml(skeleton(realm)), DEMO_OUT: demo_yaml(demo(realm))}
    stale = []
    for path, text in wanted.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if check:
            stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(K8S.parent.parent)}")
    if stale:
        for path in stale:
            print(f"out of date: {path.relative_to(K8S.parent.parent)} (run {Path(argv[0]).name})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
