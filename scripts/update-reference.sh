#!/usr/bin/env bash
# Renders every plugin's ConfigDef into docs/reference/ (the pages a test checks against the code).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -pl tools/config-reference -am -DskipTests
cp tools/config-reference/target/generated-docs/reference/*.md docs/reference/
git status --short docs/reference
