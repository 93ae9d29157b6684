#!/usr/bin/env bash
# Regenerates the public API dumps (<module>/api/<artifactId>.api, docs/api.md) of the given library
# modules, or of all of them, from their compiled classes. Review the diff and commit it with the change.
#   scripts/api-dump.sh                 # every library module
#   scripts/api-dump.sh engine-core     # one
set -euo pipefail
cd "$(dirname "$0")/.."
modules="${*:-engine-spec engine-core engine-docker engine-test}"
# engine-gotemplate joins the list once it exists (and has its PublicApiTest).
[ -z "${*:-}" ] && [ -f engine-gotemplate/pom.xml ] && modules="engine-gotemplate $modules"
./mvnw -B -ntp -o -q -pl "$(echo $modules | tr ' ' ',')" -am test -Dtest=PublicApiTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true
git status --short -- '*/api/*.api'
