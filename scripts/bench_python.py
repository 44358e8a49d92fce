"""The Python binding's figures for BENCHMARKS.md: extract_many with 1 and 2 threads against the
CLI's batch, to_pandas over the quotes of 10,000 articles, and attribute access in a loop.

    cargo build --release -p presscut-cli
    .venv/bin/python scripts/bench_python.py [--articles 10000] [--rounds 3] [--corpus FILE.jsonl]

Wall time on a shared machine is noisy: the runs are interleaved (1 thread, 2 threads, CLI, then
again) and the best of each is reported with the machine's load average. Because other jobs'
load takes cores away, each run also reports CPU time, which load does not change: the
process's (all threads) and the calling thread's own. The calling thread's share is the serial
part of extract_many (reading the documents, wrapping the results, with the GIL); by Amdahl's
law it bounds the speed-up on two free cores at 1 / (serial + (1 - serial) / 2). The default
corpus is the made-up articles of tests/synthetic.py; --corpus takes JSON Lines records
{"id", "text"}.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import presscut  # noqa: E402
from synthetic import records  # noqa: E402


def timed(f):
    start = time.perf_counter()
    result = f()
    return time.perf_counter() - start, result


def cpu_timed(f):
    """(wall, CPU of this process and its children, CPU of this thread) of one call."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
    f()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
    return (time.perf_counter() - wall, time.process_time() - cpu + child_cpu, time.thread_time() - own)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--cli", type=Path, default=ROOT / "target" / "release" / "presscut")
    args = ap.parse_args()

    if args.corpus:
        lines = args.corpus.read_text(encoding="utf-8").splitlines()[: args.articles]
        docs = [json.loads(line) for line in lines]
    else:
        docs = records(args.articles)
    size = sum(len(d["text"].encode()) for d in docs)
    print(f"{len(docs)} articles, {size / 1e6:.1f} MB; load average {os.getloadavg()[0]:.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "docs.jsonl"
        jsonl.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        presscut.extract_many(docs[:50])  # load the models
        best: dict[str, float] = {}
        cpu: dict[str, list[tuple[float, float]]] = {}
        for r in range(args.rounds):
            for name, run in [
                ("extract_many, 1 thread", lambda: presscut.extract_many(docs, threads=1)),
                ("extract_many, 2 threads", lambda: presscut.extract_many(docs, threads=2)),
                ("CLI batch, 2 threads", lambda: subprocess.run(
                    [str(args.cli), "batch", str(jsonl), "--threads", "2", "-o", os.devnull], check=True)),
            ]:
                seconds, total, own = cpu_timed(run)
                best[name] = min(best.get(name, float("inf")), seconds)
                cpu.setdefault(name, []).append((total, own))
                print(f"  round {r + 1}: {name}: {len(docs) / seconds:,.0f} articles/s, "
                      f"CPU {total:.2f} s (calling thread {own:.2f} s), load {os.getloadavg()[0]:.2f}")
        for name, seconds in best.items():
            total, own = min(cpu[name])
            print(f"best {name}: {len(docs) / seconds:,.0f} articles/s ({seconds:.2f} s); "
                  f"CPU {total:.2f} s, {len(docs) / total:,.0f} articles per CPU second")
        one, two, cli = (best[k] for k in best)
        print(f"wall: 2 threads / 1 thread {one / two:.2f}x; extract_many / CLI batch (2 threads) {cli / two:.2f}")
        total, own = min(cpu["extract_many, 1 thread"])
        serial = own / total
        print(f"serial part (calling thread's CPU / all CPU, 1 thread): {serial:.3f}; "
              f"bound on two free cores: {1 / (serial + (1 - serial) / 2):.2f}x")
        many_cpu, cli_cpu = min(cpu["extract_many, 2 threads"])[0], min(cpu["CLI batch, 2 threads"])[0]
        print(f"CPU per article: extract_many (2 threads) / CLI batch (2 threads) {many_cpu / cli_cpu:.2f}")

    arts = presscut.extract_many(docs)
    n_quotes = sum(len(a.quotes) for a in arts)
    frame = min(timed(lambda: presscut.to_pandas(arts, "quotes"))[0] for _ in range(args.rounds))
    polars = min(timed(lambda: presscut.to_polars(arts, "quotes"))[0] for _ in range(args.rounds))
    print(f"to_pandas(quotes) over {len(arts)} articles ({n_quotes} rows): {frame:.3f} s; "
          f"to_polars: {polars:.3f} s")

    # One article with more and more quotes: the cost of reading art.quotes[i].speaker must not
    # grow with the number of quotes.
    for n in (1_000, 4_000, 16_000):
        text = "".join(f"\u201cWe will keep line {i} open,\u201d Minister Anna Berg said.\n\n" for i in range(n))
        art = presscut.extract(text, clean=False)
        k = len(art.quotes)

        def loop():
            for i in range(k):
                art.quotes[i].speaker

        first, _ = timed(loop)
        again = min(timed(loop)[0] for _ in range(args.rounds))
        print(f"attribute access, {k} quotes: first loop {first / k * 1e9:.0f} ns/access, "
              f"later loops {again / k * 1e9:.0f} ns/access")


if __name__ == "__main__":
    main()
