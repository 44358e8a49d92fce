#!/usr/bin/env python3
"""The same documents through presscut and through the Python tools people use today, one core
each, with the ratios. BENCHMARKS.md ("Against the peers") holds the table this prints.

    python3 scripts/bench_peers.py                     # the dev data beside the repository
    python3 scripts/bench_peers.py --html DIR --text FILE.jsonl --docs 200 --rounds 3

HTML (a directory of .html or .html.gz pages): presscut vs trafilatura (`extract` with metadata)
and newspaper4k (`Article.download(input_html=…)` + `parse`, without fetching images). Text (a JSON Lines file with a
"text" field): presscut vs spaCy's small English model with textacy's direct quotations, and vs
dateparser's `search_dates`. presscut does more for each document than any of them (clean text,
metadata, entities, quotes with speakers, dates, sources, keywords), so a ratio above 1 means
presscut does all of that faster than the peer does its one task.

The Python tools are installed from PyPI into a venv of their own (target/peers-venv), never into
the project's. spaCy's models are not on PyPI: when `pip install en_core_web_sm` fails the spaCy
row is skipped with the reason printed (`python -m spacy download en_core_web_sm` inside
target/peers-venv, where that works, brings it).

Each tool runs in its own process pinned to one core (taskset), with BLAS/OpenMP threads at one;
only the loop over the documents is timed (imports and model loading are not). presscut is timed
as `presscut batch --threads 1` on all documents minus the same on the first document only, so
its start-up and model loading are left out too. Rounds are interleaved (tool A, tool B, …, A, B,
…) and the median is reported, since the machine may be shared.
"""

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "peers"
VENV = ROOT / "target" / "peers-venv"
VENV_PY = VENV / "bin" / "python"
PRESSCUT = ROOT / "target" / "release" / "presscut"

# The versions measured for BENCHMARKS.md (PyPI, 2026-12-06).
PEERS = ["trafilatura==2.3.1", "newspaper4k==0.9.6", "dateparser==1.5.0", "spacy==3.8.18", "textacy==0.13.0"]
SPACY_MODEL = "en_core_web_sm"

# A peer that has not finished its documents after this long stops and is rated on what it did.
TIME_BUDGET_S = 120.0

SINGLE_THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


# ---- worker mode: one tool over one file of documents, timed in-process -------------------------


def worker(tool: str, path: str) -> None:
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    key = "html" if tool in ("trafilatura", "newspaper4k") else "text"
    inputs = [d[key] for d in docs]
    if tool == "trafilatura":
        import trafilatura

        def run(doc):
            return trafilatura.extract(doc, output_format="json", with_metadata=True)

    elif tool == "newspaper4k":
        import newspaper

        def run(doc):
            # fetch_images=False: the default downloads the page's images to rank them.
            article = newspaper.Article("https://news.example/article", fetch_images=False)
            article.download(input_html=doc)
            article.parse()
            return article.text

    elif tool == "dateparser":
        from dateparser.search import search_dates

        def run(doc):
            return search_dates(doc, languages=["en"])

    elif tool == "spacy+textacy":
        import spacy
        from textacy.extract import direct_quotations

        nlp = spacy.load(SPACY_MODEL)

        def run(doc):
            return list(direct_quotations(nlp(doc)))

    else:
        raise SystemExit(f"unknown tool {tool}")
    run(inputs[0])  # warm-up: lazy loading inside the tool is not part of the loop
    done, size = 0, 0
    start = time.perf_counter()
    for doc in inputs:
        run(doc)
        done += 1
        size += len(doc.encode("utf-8"))
        if time.perf_counter() - start > TIME_BUDGET_S:
            break
    print(json.dumps({"docs": done, "seconds": time.perf_counter() - start, "bytes": size}))


# ---- driver -------------------------------------------------------------------------------------


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def pinned(core: int):
    return ["taskset", "-c", str(core)] if shutil.which("taskset") else []


def setup_venv() -> bool:
    """Installs the peers; returns whether spaCy's model is there."""
    if not VENV_PY.exists():
        sh([sys.executable, "-m", "venv", str(VENV)])
        sh([str(VENV_PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    sh([str(VENV_PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PEERS])
    has_model = subprocess.run(
        [str(VENV_PY), "-c", f"import {SPACY_MODEL}"], capture_output=True
    ).returncode == 0
    if not has_model:
        tried = subprocess.run(
            [str(VENV_PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", SPACY_MODEL],
            capture_output=True,
            text=True,
        )
        has_model = tried.returncode == 0
        if not has_model:
            print(
                f"skip spaCy + textacy: spaCy's {SPACY_MODEL} model is not on PyPI "
                f"(pip: {tried.stderr.strip().splitlines()[-1] if tried.stderr.strip() else 'no such package'}); "
                f"spaCy ships its models from its own release pages. Install it into {VENV} "
                f"(`{VENV_PY} -m spacy download {SPACY_MODEL}`) and run this again to get that row.",
                file=sys.stderr,
            )
    return has_model


def read_html(directory: Path, n: int):
    files = sorted(p for p in directory.iterdir() if p.name.endswith((".html", ".htm", ".html.gz")))
    docs = []
    for p in files[:n]:
        raw = gzip.open(p).read() if p.name.endswith(".gz") else p.read_bytes()
        docs.append({"id": p.name, "html": raw.decode("utf-8", errors="replace")})
    return docs


def read_text(path: Path, n: int):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("text"):
                docs.append({"id": str(record.get("id", len(docs))), "text": record["text"]})
            if len(docs) == n:
                break
    return docs


def write_jsonl(path: Path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def time_presscut(path: Path, first: Path, core: int, env) -> float:
    def wall(p):
        start = time.perf_counter()
        sh([*pinned(core), str(PRESSCUT), "batch", str(p), "--threads", "1", "--quiet", "-o", os.devnull], env=env)
        return time.perf_counter() - start

    return wall(path) - wall(first)


def time_peer(tool: str, path: Path, core: int, env):
    out = subprocess.run(
        [*pinned(core), str(VENV_PY), str(Path(__file__).resolve()), "--worker", tool, str(path)],
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        print(f"{tool} failed:\n{out.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    dev = ROOT.parent / "shared" / "dev"
    ap.add_argument("--html", type=Path, default=dev / "html" / "wcxb_dev_articles" / "html")
    ap.add_argument("--text", type=Path, default=dev / "quotes" / "polnear_train.jsonl")
    ap.add_argument("--docs", type=int, default=200, help="documents of each kind")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--core", type=int, default=0, help="the core every tool is pinned to")
    ap.add_argument("--worker", nargs=2, metavar=("TOOL", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return

    sh(["cargo", "build", "--release", "--quiet", "-p", "presscut-cli"], cwd=ROOT)
    has_model = setup_venv()
    WORK.mkdir(parents=True, exist_ok=True)
    html, text = read_html(args.html, args.docs), read_text(args.text, args.docs)
    sets = {}
    for kind, docs in (("html", html), ("text", text)):
        write_jsonl(WORK / f"{kind}.jsonl", docs)
        write_jsonl(WORK / f"{kind}-first.jsonl", docs[:1])
        size = sum(len(d[kind].encode("utf-8")) for d in docs)
        sets[kind] = (WORK / f"{kind}.jsonl", WORK / f"{kind}-first.jsonl", len(docs), size)
        print(f"{kind}: {len(docs)} documents, {size / 1e6:.1f} MB", file=sys.stderr)
    peers = {"html": ["trafilatura", "newspaper4k"], "text": ["dateparser"] + (["spacy+textacy"] if has_model else [])}

    env = {**os.environ, **SINGLE_THREAD_ENV}
    rates = {}  # (kind, tool) -> [docs/s]
    mbs = {}
    for round_no in range(args.rounds):
        for kind, (path, first, n, size) in sets.items():
            secs = time_presscut(path, first, args.core, env)
            rates.setdefault((kind, "presscut"), []).append((n - 1) / secs)
            mbs.setdefault((kind, "presscut"), []).append(size * (n - 1) / n / 1e6 / secs)
            for tool in peers[kind]:
                r = time_peer(tool, path, args.core, env)
                if r:
                    rates.setdefault((kind, tool), []).append(r["docs"] / r["seconds"])
                    mbs.setdefault((kind, tool), []).append(r["bytes"] / 1e6 / r["seconds"])
        print(f"round {round_no + 1} of {args.rounds} done", file=sys.stderr)

    load = os.getloadavg()[0]
    print(f"\n{args.docs} documents of each kind, one core each, median of {args.rounds} interleaved rounds; load average {load:.1f}\n")
    print("| input | tool | docs/s | MB/s | presscut is … × as fast |")
    print("|---|---|---|---|---|")
    for kind in sets:
        ours = statistics.median(rates[(kind, "presscut")])
        for tool in ["presscut", *peers[kind]]:
            if (kind, tool) not in rates:
                continue
            r = statistics.median(rates[(kind, tool)])
            m = statistics.median(mbs[(kind, tool)])
            ratio = "—" if tool == "presscut" else f"{ours / r:.2f}"
            print(f"| {kind} | {tool} | {r:.1f} | {m:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
