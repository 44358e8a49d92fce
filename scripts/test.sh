#!/usr/bin/env bash
# Every check the project runs, in one command (CI runs exactly this, from .ci/run):
# formatting, clippy, the Rust tests with their insta snapshots, the Python wheel built into a
# local venv (.venv) with what the Python tests use (pandas, polars, pyarrow, Dask, PySpark, mypy
# from PyPI; Java and chromium from Debian's packages when missing), the stubs checked against
# the built module (mypy.stubtest), and pytest. Needs the Rust toolchain and python3; a test
# whose package cannot be had is skipped with the reason printed.
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

step "system packages for the Python tests (Java for Spark, chromium for the view)"
missing=()
command -v java >/dev/null || missing+=(default-jre-headless)
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
    echo "java and chromium are installed"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
        echo "could not install ${missing[*]}: the tests that need them are skipped"
else
    echo "not installing ${missing[*]} (needs root and apt-get): the tests that need them are skipped"
fi

step "python wheel and test dependencies into .venv"
pip() { .venv/bin/python -m pip --disable-pip-version-check "$@"; }
[ -x .venv/bin/python ] || python3 -m venv .venv
pip install --quiet "maturin>=1.7,<2"
# The test extra of pyproject.toml; one package that cannot be had leaves the others installed.
mapfile -t test_deps < <(.venv/bin/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["test"]))')
pip install --quiet "${test_deps[@]}" || for dep in "${test_deps[@]}"; do
    pip install --quiet "$dep" || echo "could not install $dep: the tests that need it are skipped"
done
rm -rf target/wheels
.venv/bin/maturin build --release --quiet --out target/wheels
pip install --quiet --force-reinstall --no-deps target/wheels/presscut-*.whl

step "stubs against the built module (mypy.stubtest)"
if .venv/bin/python -c "import mypy.stubtest" 2>/dev/null; then
    .venv/bin/python -m mypy.stubtest presscut._presscut
else
    echo "skipped: mypy could not be installed"
fi

step "pytest"
.venv/bin/python -m pytest -q -rs tests

printf '\nall checks passed\n'
