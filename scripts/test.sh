#!/usr/bin/env bash
# Every check the project runs, in one command (CI runs exactly this, from .ci/run):
# formatting, clippy, the Rust tests with their insta snapshots, the Python wheel built into a
# local venv (.venv), and pytest. Needs only the Rust toolchain and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p presscut --all-targets --features train --locked -- -D warnings

step "cargo test (snapshots are never rewritten here: review them with cargo insta review)"
INSTA_UPDATE=no cargo test --workspace --locked

step "snapshots without a test"
python3 scripts/check_snapshots.py

step "python wheel into .venv"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check "maturin>=1.7,<2" "pytest>=7"
rm -rf target/wheels
.venv/bin/maturin build --release --quiet --out target/wheels
.venv/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/presscut-*.whl

step "pytest"
.venv/bin/python -m pytest -q tests

printf '\nall checks passed\n'
