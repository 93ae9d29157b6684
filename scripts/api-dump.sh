#!/usr/bin/env bash
# Regenerates the public API dumps (<module>/api/<artifactId>.api, docs/api.md) of the given library
# modules, or of all of them, from their compiled classes. Review the diff and commit it with the change.
#   scripts/api-dump.sh                 # every library module
#   scripts/api-dump.sh engine-core     # one
set -euo pipefail
cd "$(dirname "$0")/.."
modules="${*:-engine-gotemplate engine-spec engine-core engine-docker engine-test}"
./mvnw -B -ntp -o -q -pl "$(echo $modules | tr ' ' ',')" -am test -Dtest=PublicApiTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true
git status --short -- '*/api/*.api'
