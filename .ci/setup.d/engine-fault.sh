#!/usr/bin/env bash
# The engine that fault-injection tests stop and restart (see .ci/lib/fault-engine.sh); started here so the first test
# does not pay its start-up. Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/lib/fault-engine.sh" start
echo "fault engine: $(bash "$here/lib/fault-engine.sh" status)"
