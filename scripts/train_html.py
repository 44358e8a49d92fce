#!/usr/bin/env python3
"""Train presscut's HTML content model (crates/presscut/data/html_model.json).

The model scores each segment of a page (a block of text with its DOM evidence) with the
probability that it belongs to the article. Features come from presscut itself
(`examples/html_features.rs`), so training and runtime never disagree about them. Labels come
from aligning each page's segments with its ground-truth article body, in order.

Data: the WCXB dev article pages with ground-truth bodies (`shared/dev/html/wcxb_dev_articles`,
development data that is never committed). Requires numpy and scikit-learn==1.9.1 (the tree
export reads the fitted predictors of that version).

    python3 scripts/train_html.py [--data DIR] [--folds 4] [--out crates/presscut/data/html_model.json]

Validation holds whole sites out: pages are grouped by the host of their URL and each fold
trains on the other sites' pages only. Each fold's model is handed to presscut itself
(`examples/html_bodies`), which extracts the held-out pages exactly as it does at runtime
(headline, region, repairs, fallbacks). The script prints the held-out body F1 (the scorer's
shingle metric) for a grid of thresholds, fits the final model on
all pages with the best thresholds, and writes it.
"""
import argparse
import bisect
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from stacked_trees import WORD, context, doc_weights, norm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "dev", "html", "wcxb_dev_articles")
PARAMS = dict(max_iter=int(os.environ.get("HTML_TREES", 80)), max_leaf_nodes=15,
              learning_rate=float(os.environ.get("HTML_RATE", 0.15)), l2_regularization=1.0, random_state=0)


def label_units(lines, body):
    """Marks the segments whose text occurs in the body, aligned monotonically: long segments
    first (reliable anchors), then shorter ones only between their neighbouring anchors."""
    nl = [norm(l) for l in lines]
    B = " " + norm(body) + " "
    lab = [False] * len(lines)
    anchors = {}
    for tier in (12, 6, 2, 1):
        keys = sorted(anchors)
        for j, n in enumerate(nl):
            if lab[j] or not n or len(n.split()) < tier:
                continue
            i = bisect.bisect_left(keys, j)
            lo = anchors[keys[i - 1]][1] - 1 if i > 0 else 0
            hi = anchors[keys[i]][0] + 1 if i < len(keys) else len(B)
            k = B.find(" " + n + " ", lo)
            if 0 <= k and k + len(n) + 1 <= hi and (tier > 1 or k - lo < 100 or hi - k < 100):
                lab[j] = True
                anchors[j] = (k, k + len(n) + 1)
                keys = sorted(anchors)
    return lab


def build(example):
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "presscut", "--example", example],
                   cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "examples", example)


def unpack(data_dir, ids, tmp):
    """The pages as plain files (the Rust tools read files), `{id: path}`."""
    paths = {}
    for i in ids:
        path = os.path.join(tmp, i + ".html")
        with gzip.open(os.path.join(data_dir, "html", i + ".html.gz"), "rb") as src, open(path, "wb") as dst:
            dst.write(src.read())
        paths[i] = path
    return paths


def run_tool(binary, args, paths, ids):
    lines = "".join(json.dumps({"id": i, "path": paths[i]}) + "\n" for i in ids)
    return subprocess.run([binary, *args], input=lines, capture_output=True, text=True,
                          check=True).stdout.splitlines()


def dump_features(paths, ids):
    out = run_tool(build("html_features"), [], paths, ids)
    header = json.loads(out[0])
    return header, [json.loads(l) for l in out[1:]]


def runtime_bodies(models, paths, ids, tmp):
    """The bodies `presscut` itself finds on pages `ids` with each model of `models` (model
    dicts as written by this script): headline, region, repairs and fallbacks included."""
    files = []
    for k, m in enumerate(models):
        f = os.path.join(tmp, f"model{k}.json")
        with open(f, "w") as fh:
            json.dump(m, fh)
        files.append(f)
    out = run_tool(build("html_bodies"), files, paths, ids)
    return {r["id"]: r["bodies"] for r in map(json.loads, out)}


def X_of(d):
    return np.array(d["features"], dtype=np.float32).reshape(-1, NF)


def fit(docs, labels, weights, groups):
    X = np.vstack([X_of(d) for d in docs])
    y = np.concatenate(labels)
    w = np.concatenate(weights)
    s1 = HistGradientBoostingClassifier(**PARAMS).fit(X, y, sample_weight=w)
    # Stage 2 learns from out-of-fold stage-1 scores (folds by site), as it will see them at runtime.
    oof = [None] * len(docs)
    for held in site_folds(groups, 2, seed=1):
        tr = [i for i in range(len(docs)) if i not in held]
        m = HistGradientBoostingClassifier(**PARAMS).fit(
            np.vstack([X_of(docs[i]) for i in tr]), np.concatenate([labels[i] for i in tr]),
            sample_weight=np.concatenate([weights[i] for i in tr]))
        for i in held:
            oof[i] = m.predict_proba(X_of(docs[i]))[:, 1] if len(docs[i]["lines"]) else np.zeros(0)
    X2 = np.vstack([np.hstack([X_of(d), context(oof[i])]) for i, d in enumerate(docs)])
    s2 = HistGradientBoostingClassifier(**PARAMS).fit(X2, y, sample_weight=w)
    return s1, s2


def shingles(t):
    toks = WORD.findall(t)
    if not toks:
        return Counter()
    if len(toks) < 4:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def shingle_f1(preds, golds):
    """The ScrapingHub metric of score_body.py (means of per-page shares, then F1)."""
    ps, rs = [], []
    for pred, gold in zip(preds, golds):
        a, b = shingles(pred), shingles(gold)
        tp = sum((a & b).values())
        fp = sum(a.values()) - tp
        fn = sum(b.values()) - tp
        if tp + fp + fn == 0:
            ps.append(1.0)
            rs.append(1.0)
            continue
        if tp + fp:
            ps.append(tp / (tp + fp))
        if tp + fn:
            rs.append(tp / (tp + fn))
    p, r = np.mean(ps), np.mean(rs)
    return 2 * p * r / (p + r), p, r


def site_folds(groups, k, seed=0):
    """k folds of page indices, whole sites (hosts) together."""
    sites = sorted(set(groups))
    random.Random(seed).shuffle(sites)
    fold_of = {s: i % k for i, s in enumerate(sites)}
    return [set(i for i, g in enumerate(groups) if fold_of[g] == f) for f in range(k)]


def export_stage(model):
    trees = []
    for it in model._predictors:
        nodes = it[0].nodes
        trees.append({"nodes": [[int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]),
                                 float(n["value"]), int(n["is_leaf"])] for n in nodes]})
    return {"baseline": float(np.ravel(model._baseline_prediction)[0]), "trees": trees}


GRID = [(r, k) for r in (0.3, 0.4, 0.5) for k in (0.3, 0.4, 0.5)]


def model_json(s1, s2, header, thresholds):
    return {
        "about": "presscut HTML content model; trained by scripts/train_html.py on the WCXB dev article pages "
                 "(ground truth CC-BY-4.0, Murrough Foley); tree weights only, no text.",
        "features": header["feature_names"] + header["context_names"],
        "stage1": export_stage(s1),
        "stage2": export_stage(s2),
        "region_threshold": thresholds[0],
        "keep_threshold": thresholds[1],
    }


def main():
    global NF, NAMES
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--out", default=os.path.join(ROOT, "crates", "presscut", "data", "html_model.json"))
    ap.add_argument("--held-out-bodies", help="write the held-out bodies (best thresholds) here as JSON Lines")
    args = ap.parse_args()

    gold = json.load(open(os.path.join(args.data, "ground-truth.json"), encoding="utf-8"))
    ids = sorted(gold)
    with tempfile.TemporaryDirectory() as tmp:
        paths = unpack(args.data, ids, tmp)
        header, docs = dump_features(paths, ids)
        NAMES = header["feature_names"]
        NF = len(NAMES)
        bodies = [gold[i]["articleBody"] for i in ids]
        groups = [urlparse(gold[i].get("url") or i).netloc.lower().removeprefix("www.") for i in ids]
        labels = [np.array(label_units(d["lines"], b), dtype=bool) for d, b in zip(docs, bodies)]
        weights = doc_weights(docs)
        print(f"{len(docs)} pages, {len(set(groups))} sites, {sum(len(d['lines']) for d in docs)} segments, "
              f"{sum(l.sum() for l in labels)} labelled article", file=sys.stderr)

        best = (0.4, 0.4)
        if args.folds > 1:
            # Each fold's model goes into presscut itself, which extracts the held-out pages:
            # the figure is the runtime's, fallbacks and repairs included.
            found = {}
            for held in site_folds(groups, args.folds):
                tr = [i for i in range(len(docs)) if i not in held]
                s1, s2 = fit([docs[i] for i in tr], [labels[i] for i in tr], [weights[i] for i in tr],
                             [groups[i] for i in tr])
                found.update(runtime_bodies([model_json(s1, s2, header, g) for g in GRID], paths,
                                            [ids[i] for i in sorted(held)], tmp))
            scores = {}
            for k, g in enumerate(GRID):
                scores[g] = shingle_f1([found[i][k] for i in ids], bodies)
            best = max(scores, key=lambda x: scores[x][0])
            for (r, k), (f1, p, rc) in sorted(scores.items()):
                print(f"  region {r} keep {k}: F1 {f1:.3f} (P {p:.3f} R {rc:.3f})", file=sys.stderr)
            f1, p, rc = scores[best]
            print(f"site-held-out ({args.folds} folds by host): body F1 {f1:.3f} (P {p:.3f} R {rc:.3f}) "
                  f"at region {best[0]} keep {best[1]} [presscut's own extraction with each fold's model]",
                  file=sys.stderr)
            if args.held_out_bodies:
                with open(args.held_out_bodies, "w") as fh:
                    for i in ids:
                        fh.write(json.dumps({"id": i, "articleBody": found[i][GRID.index(best)]}) + "\n")

        s1, s2 = fit(docs, labels, weights, groups)
        model = model_json(s1, s2, header, best)
        with open(args.out, "w") as f:
            json.dump(model, f, separators=(",", ":"))
        print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)", file=sys.stderr)
        f1, p, rc = shingle_f1([runtime_bodies([model], paths, ids, tmp)[i][0] for i in ids], bodies)
        print(f"in-sample (final model): body F1 {f1:.3f} (P {p:.3f} R {rc:.3f})", file=sys.stderr)


if __name__ == "__main__":
    main()
