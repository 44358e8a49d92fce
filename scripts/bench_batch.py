#!/usr/bin/env python3
"""`presscut batch` throughput and memory: articles/s and MB/s on one and two threads, on text and
on HTML, and peak RSS over a 1 GB input. BENCHMARKS.md ("Batch") holds the figures.

    python3 scripts/bench_batch.py                       # the dev data beside the repository
    python3 scripts/bench_batch.py --mb 30 --html-mb 150 --rounds 3 --big-gb 1

Inputs are built under target/bench-batch from real documents, repeated to the size asked for
(every record gets its own id): news texts from a JSON Lines file with a "text" field, pages from
a directory of .html/.html.gz files. Runs of one and two threads are interleaved and repeated, as
the machine may be shared; the CPU that other jobs used during each run is measured (/proc/stat
less presscut's own time) and the table shows the pair of runs they disturbed least. Peak RSS
comes from `/usr/bin/time -v`.
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench-batch"
PRESSCUT = ROOT / "target" / "release" / "presscut"


def documents(kind: str, source: Path):
    if kind == "text":
        with open(source, encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]
    pages = []
    for p in sorted(source.iterdir()):
        if p.name.endswith((".html", ".htm", ".html.gz")):
            raw = gzip.open(p).read() if p.name.endswith(".gz") else p.read_bytes()
            pages.append(raw.decode("utf-8", errors="replace"))
    return pages


def build(kind: str, docs, megabytes: float, path: Path) -> int:
    """Writes records of `docs`, repeated, until the file holds `megabytes`; returns the count."""
    if path.exists() and path.stat().st_size >= megabytes * 1e6:
        return sum(1 for _ in open(path, "rb"))
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        size = 0
        while size < megabytes * 1e6:
            doc = docs[n % len(docs)]
            line = json.dumps({"id": f"{kind}-{n}", kind: doc}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def machine_busy() -> float:
    """CPU seconds all processes of the machine have used so far (from /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run(path: Path, threads: int):
    """One batch run; returns (seconds, articles/s, MB/s of record input, peak RSS in MB, CPU
    seconds, cores the rest of the machine kept busy meanwhile)."""
    cmd = ["/usr/bin/time", "-v", str(PRESSCUT), "batch", str(path), "--threads", str(threads), "-o", os.devnull]
    busy = machine_busy()
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    secs = time.perf_counter() - start
    busy = machine_busy() - busy
    summary = re.search(r"([\d.]+) MB/s, (\d+) articles/s", out.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", out.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", out.stderr)
    if out.returncode not in (0, 1) or not summary or not rss or not user or not system:
        sys.exit(f"presscut failed:\n{out.stderr[-2000:]}")
    cpu = float(user.group(1)) + float(system.group(1))
    others = max(0.0, busy - cpu) / secs
    return secs, float(summary.group(2)), float(summary.group(1)), int(rss.group(1)) / 1024, cpu, others


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    dev = ROOT.parent / "shared" / "dev"
    ap.add_argument("--text", type=Path, default=dev / "quotes" / "polnear_train.jsonl")
    ap.add_argument("--html", type=Path, default=dev / "html" / "wcxb_dev_articles" / "html")
    ap.add_argument("--mb", type=float, default=30, help="size of the text throughput input")
    ap.add_argument("--html-mb", type=float, default=150, help="size of the HTML throughput input")
    ap.add_argument("--rounds", type=int, default=6, help="0: only the memory run")
    ap.add_argument("--big-gb", type=float, default=1.0, help="size of the memory input (0: skip)")
    args = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "presscut-cli"], cwd=ROOT, check=True)
    WORK.mkdir(parents=True, exist_ok=True)
    inputs = {}
    for kind, source, mb in (("text", args.text, args.mb), ("html", args.html, args.html_mb)):
        path = WORK / f"{kind}-{mb:g}mb.jsonl"
        n = build(kind, documents(kind, source), mb, path)
        inputs[kind] = path
        print(f"{kind}: {n} records, {path.stat().st_size / 1e6:.0f} MB in {path}", file=sys.stderr)

    # Rounds are pairs (one thread, two threads) per input. Other jobs on the machine are
    # measured during each run (their CPU use from /proc/stat, less presscut's own); the table
    # reports the pair they disturbed least.
    results = {}
    for r in range(args.rounds):
        for kind, path in inputs.items():
            pair = []
            for threads in (1, 2):
                secs, rate, mbs, rss, cpu, others = run(path, threads)
                pair.append((rate, mbs, rss, cpu, others))
                print(
                    f"round {r + 1} {kind} {threads} thread(s): {secs:.1f} s, {rate:.0f} articles/s, "
                    f"{mbs:.2f} MB/s, peak RSS {rss:.0f} MB, CPU {cpu:.1f} s, "
                    f"other jobs {others:.2f} cores",
                    file=sys.stderr,
                )
            results.setdefault(kind, []).append(pair)

    if args.rounds > 0:
        print(
            "\n| input | threads | articles/s | MB/s | 2 threads ÷ 1 | CPU s | peak RSS MB "
            "| other jobs (cores) |"
        )
        print("|---|---|---|---|---|---|---|---|")
    for kind in results:
        pair = min(results[kind], key=lambda p: max(p[0][4], p[1][4]))
        for threads, (rate, mbs, rss, cpu, others) in zip((1, 2), pair):
            speedup = f"{rate / pair[0][0]:.2f}×" if threads == 2 else ""
            print(f"| {kind} | {threads} | {rate:.0f} | {mbs:.2f} | {speedup} | {cpu:.1f} | {rss:.0f} | {others:.2f} |")

    if args.big_gb > 0:
        docs = documents("text", args.text)
        big = WORK / f"text-{args.big_gb:g}gb.jsonl"
        n = build("text", docs, args.big_gb * 1000, big)
        secs, rate, mbs, rss, cpu, others = run(big, 2)
        print(
            f"\n{big.stat().st_size / 1e9:.2f} GB of text ({n} records), 2 threads: {secs:.0f} s, "
            f"{rate:.0f} articles/s, {mbs:.2f} MB/s, CPU {cpu:.0f} s, peak RSS {rss:.0f} MB "
            f"(other jobs: {others:.2f} cores)"
        )


if __name__ == "__main__":
    main()
