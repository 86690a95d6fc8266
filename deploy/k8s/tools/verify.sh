#!/usr/bin/env bash
# Offline checks of the Kubernetes material: every YAML file parses, both overlays build, and
# the generated realm files match deploy/keycloak/realm-percorsi.json. Needs python3 (PyYAML for
# the parse step) and kustomize or kubectl; talks to no cluster.
set -euo pipefail
K8S="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "$K8S" <<'PY'
import pathlib, sys, yaml
root = pathlib.Path(sys.argv[1])
files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml"))
for p in files:
    list(yaml.safe_load_all(p.read_text(encoding="utf-8")))
print(f"parsed {len(files)} YAML files")
PY
else
  echo "PyYAML missing: skipping the parse step (kustomize below still parses everything it uses)"
fi

if command -v kustomize >/dev/null 2>&1; then
  build() { kustomize build "$1"; }
elif command -v kubectl >/dev/null 2>&1; then
  build() { kubectl kustomize "$1"; }
else
  echo "neither kustomize nor kubectl found" >&2
  exit 1
fi
for overlay in dev prod; do
  count=$(build "$K8S/overlays/$overlay" | grep -c '^kind:')
  echo "overlays/$overlay builds: $count objects"
done
prod_manifests="$(build "$K8S/overlays/prod")"
if grep -q 'DEMO' <<<"$prod_manifests"; then
  echo "overlays/prod contains demo realm material" >&2
  exit 1
fi

python3 "$K8S/tools/realm-import.py" --check
echo "realm import files are up to date"
