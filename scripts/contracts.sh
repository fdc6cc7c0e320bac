#!/usr/bin/env bash
# The contracts tool: check, compile, diff, docs and submit data contracts (see docs/contracts.md).
#   scripts/contracts.sh check connect-configs/shipping/contracts
#   scripts/contracts.sh regenerate            # every scenario's connector JSON and README tables, in place
# Builds contracts/target/domain-bridge-contracts-*-cli.jar on first use and whenever a source is newer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$(ls "$root"/contracts/target/domain-bridge-contracts-*-cli.jar 2>/dev/null | head -1 || true)"
stale() {
    [[ -z "$jar" ]] && return 0
    [[ -n "$(find "$root"/contracts/src/main "$root"/contracts/pom.xml "$root"/transforms/src/main \
        "$root"/connectors/src/main -newer "$jar" -type f -print -quit)" ]]
}
if stale; then
    (cd "$root" && mvn -B -q -o package -pl contracts -am -DskipTests -Dspotless.check.skip=true >&2)
    jar="$(ls "$root"/contracts/target/domain-bridge-contracts-*-cli.jar | head -1)"
fi
if [[ "${1:-}" == "regenerate" && $# -eq 1 ]]; then
    set -- regenerate "$root/connect-configs"
fi
exec java -jar "$jar" "$@"
