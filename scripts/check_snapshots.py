#!/usr/bin/env python3
"""Fails when an insta snapshot file is no longer referenced by any test (a stale snapshot
would otherwise sit in the tree unreviewed). Snapshot files are named `<test file>__<name>.snap`
and the test source must mention `"<name>"`."""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
stale = []
for snap in root.glob("crates/*/tests/snapshots/*.snap"):
    stem, _, name = snap.stem.partition("__")
    source = snap.parent.parent / f"{stem}.rs"
    if not source.exists() or f'"{name}"' not in source.read_text(encoding="utf-8"):
        stale.append(snap.relative_to(root))
for s in stale:
    print(f"unreferenced snapshot: {s}")
sys.exit(1 if stale else 0)
