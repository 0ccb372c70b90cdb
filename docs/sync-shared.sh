#!/usr/bin/env bash
# Copies the team's shared rules and contracts (../shared beside the repository) into docs/, so a clone can
# read what the README and the code cite. DocsInSyncTest fails while the copies differ from ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared ] || { echo "no ../shared beside the repository: nothing to sync" >&2; exit 1; }
rm -rf docs/domain docs/specs
cp -r ../shared/domain ../shared/specs docs/
echo "docs/domain and docs/specs now match ../shared"
