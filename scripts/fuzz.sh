#!/usr/bin/env bash
# Bounded fuzzing with Jazzer (docs/fuzzing.md): fuzzes each target for FUZZ_SECONDS (default 45)
# in its own Maven run, as Jazzer fuzzes one test per JVM. A finding fails the script; its input is
# saved beside the target's seed corpus (src/test/resources/<package>/<Class>Inputs/<method>/).
#
#   scripts/fuzz.sh                                     # every target, 45 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh TaskFilesFuzzTest  # one target, longer
set -uo pipefail
cd "$(dirname "$0")/.."

# module:test class
TARGETS=(
  engine-spec:TaskFilesFuzzTest
  engine-spec:PreprocessorFuzzTest
  engine-gotemplate:GoTemplateFuzzTest
  engine-docker:DockerIgnoreFuzzTest
)
seconds="${FUZZ_SECONDS:-45}"
selected=("$@")
failed=()
ran=0
for target in "${TARGETS[@]}"; do
  module="${target%%:*}"
  class="${target#*:}"
  if [ "${#selected[@]}" -gt 0 ] && [[ ! " ${selected[*]} " == *" $class "* ]]; then
    continue
  fi
  ran=$((ran + 1))
  echo "==> fuzzing $class ($module) for ${seconds}s"
  log="$module/target/fuzz-$class.log"
  mkdir -p "$module/target"
  # jazzer.hooks: instrument for coverage (plain test runs do not). JUnit's own timeout is off:
  # Jazzer turns each test's @Timeout into a per-input limit, and the session itself takes minutes.
  # Jazzer's regex-injection detector is off: Sprig's regex functions and .dockerignore patterns
  # compile the user's patterns by design (their syntax errors are reported as Go/the CLI do).
  if JAZZER_FUZZ=1 ./mvnw -B -ntp -q -pl "$module" -am test \
      -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.hooks=true -Djazzer.max_duration="${seconds}s" \
      -Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection \
      -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1; then
    grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs)' "$log" | tail -2 | sed 's/^/    /'
  else
    echo "FINDING (or failure) in $class: see $log"
    grep -E '== Java Exception|FuzzTestFinding|Caused by|crash-|timeout-|Test unit written|ERROR\].*Tests run' "$log" \
      | head -20 | sed 's/^/    /'
    failed+=("$class")
  fi
done
if [ "$ran" -eq 0 ]; then
  echo "no fuzz target matches: $*" >&2
  exit 2
fi
# The closing line in the form CI reads: one fuzz target is one test.
echo "fuzzing: $((ran - ${#failed[@]})) passed, ${#failed[@]} failed"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "findings in: ${failed[*]} (see docs/fuzzing.md to reproduce and keep them)"
  exit 1
fi
