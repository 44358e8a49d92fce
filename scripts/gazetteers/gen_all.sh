#!/usr/bin/env bash
# Regenerate every derived data file, recompute the rule-based flags and check all of data/.
# Order matters: gen_names.py reads the geo files, check_data.py --fix-flags reads both.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/gazetteers/gen_geo.py
python3 scripts/gazetteers/gen_names.py
python3 scripts/gazetteers/check_data.py --fix-flags
