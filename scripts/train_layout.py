#!/usr/bin/env python3
"""Train presscut's main-content model (crates/presscut/data/layout_model.json).

The model scores each layout unit (a line of the page text) with the probability that it is
part of the article. Features come from presscut itself (`examples/layout_features.rs`), so
training and runtime can never disagree about them. Labels come from aligning each page's
units with its ground-truth article body, in order.

Data: WCXB page texts with ground-truth bodies (`shared/dev/text/wcxb_dev_pagetext.jsonl.gz`,
development data that is never committed). Requires numpy and scikit-learn==1.9.1 (the tree
export reads the fitted predictors of that version).

    python3 scripts/train_layout.py [--data PATH] [--folds 2] [--out crates/presscut/data/layout_model.json]

Prints a document-level cross-validated estimate of body F1 (train on some pages, score the
others, with the same decoding as the runtime) before fitting the final model on all pages.
"""
import argparse
import gzip
import json
import os
import random
import subprocess
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from stacked_trees import WORD, context, doc_weights, norm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "dev", "text", "wcxb_dev_pagetext.jsonl.gz")
PARAMS = dict(max_iter=int(os.environ.get("LAYOUT_TREES", 60)), max_leaf_nodes=15,
              learning_rate=float(os.environ.get("LAYOUT_RATE", 0.2)), l2_regularization=1.0, random_state=0)


def label_units(lines, body):
    """Marks the units whose text occurs in the body, aligned monotonically: long lines first
    (reliable anchors), then shorter ones only between their neighbouring anchors."""
    nl = [norm(l) for l in lines]
    B = " " + norm(body) + " "
    lab = [False] * len(lines)
    anchors = {}
    for tier in (12, 6, 2, 1):
        keys = sorted(anchors)
        for j, n in enumerate(nl):
            if lab[j] or not n or len(n.split()) < tier:
                continue
            import bisect
            i = bisect.bisect_left(keys, j)
            lo = anchors[keys[i - 1]][1] - 1 if i > 0 else 0
            hi = anchors[keys[i]][0] + 1 if i < len(keys) else len(B)
            k = B.find(" " + n + " ", lo)
            if 0 <= k and k + len(n) + 1 <= hi and (tier > 1 or k - lo < 100 or hi - k < 100):
                lab[j] = True
                anchors[j] = (k, k + len(n) + 1)
                keys = sorted(anchors)
    return lab


def dump_features(records):
    exe = subprocess.run(["cargo", "build", "--release", "-q", "-p", "presscut", "--example", "layout_features"],
                         cwd=ROOT, check=True)
    del exe
    binary = os.path.join(ROOT, "target", "release", "examples", "layout_features")
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records)
    out = subprocess.run([binary], input=inp, capture_output=True, text=True, check=True).stdout.splitlines()
    header = json.loads(out[0])
    return header, [json.loads(l) for l in out[1:]]


def fit(docs, labels, weights):
    X = np.vstack([np.array(d["features"], dtype=np.float32) for d in docs])
    y = np.concatenate(labels)
    w = np.concatenate(weights)
    s1 = HistGradientBoostingClassifier(**PARAMS).fit(X, y, sample_weight=w)
    # Stage 2 learns from out-of-fold stage-1 probabilities, as it will see them at runtime.
    idx = list(range(len(docs)))
    random.Random(1).shuffle(idx)
    oof = [None] * len(docs)
    for f in range(2):
        held = set(idx[f::2])
        tr = [i for i in range(len(docs)) if i not in held]
        m = HistGradientBoostingClassifier(**PARAMS).fit(
            np.vstack([docs[i]["features"] for i in tr]), np.concatenate([labels[i] for i in tr]),
            sample_weight=np.concatenate([weights[i] for i in tr]))
        for i in held:
            oof[i] = m.predict_proba(np.array(docs[i]["features"], dtype=np.float32))[:, 1]
    X2 = np.vstack([np.hstack([np.array(d["features"], dtype=np.float32), context(oof[i])]) for i, d in enumerate(docs)])
    s2 = HistGradientBoostingClassifier(**PARAMS).fit(X2, y, sample_weight=w)
    return s1, s2


def predict(models, doc):
    s1, s2 = models
    X = np.array(doc["features"], dtype=np.float32)
    if len(X) == 0:
        return np.zeros(0)
    p1 = s1.predict_proba(X)[:, 1]
    return s2.predict_proba(np.hstack([X, context(p1)]))[:, 1]


def decode(lines, p, region_t, keep_t):
    """layout/mod.rs `best_region` + keep threshold (without the furniture rules)."""
    ws = [max(1, len(WORD.findall(l))) for l in lines]
    best, rng, cur, start = -1e18, (0, 0), 0.0, 0
    for i in range(len(lines)):
        if cur <= 0:
            cur, start = 0.0, i
        cur += (p[i] - region_t) * ws[i]
        if cur > best:
            best, rng = cur, (start, i + 1)
    if best <= 0:
        return []
    return [lines[i] for i in range(*rng) if p[i] > keep_t]


def shingle_f1(preds, golds):
    """The ScrapingHub metric of score_body.py (means of per-page shares, then F1)."""
    from collections import Counter
    ps, rs = [], []
    for pred, gold in zip(preds, golds):
        def sh(t):
            toks = WORD.findall(t)
            if not toks:
                return Counter()
            if len(toks) < 4:
                return Counter([tuple(toks)])
            return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))
        a, b = sh(pred), sh(gold)
        tp = sum((a & b).values())
        fp = sum(a.values()) - tp
        fn = sum(b.values()) - tp
        tot = tp + fp + fn
        if tot == 0:
            ps.append(1.0)
            rs.append(1.0)
            continue
        if tp + fp:
            ps.append(tp / (tp + fp))
        if tp + fn:
            rs.append(tp / (tp + fn))
    p, r = np.mean(ps), np.mean(rs)
    return 2 * p * r / (p + r), p, r


def export_stage(model, names):
    trees = []
    for it in model._predictors:
        nodes = it[0].nodes
        trees.append({"nodes": [[int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]),
                                 float(n["value"]), int(n["is_leaf"])] for n in nodes]})
    base = float(np.ravel(model._baseline_prediction)[0])
    return {"features": names, "type": "trees", "baseline": base, "trees": trees}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--region-threshold", type=float, default=0.4)
    ap.add_argument("--keep-threshold", type=float, default=0.3)
    ap.add_argument("--out", default=os.path.join(ROOT, "crates", "presscut", "data", "layout_model.json"))
    args = ap.parse_args()

    records = [json.loads(l) for l in gzip.open(args.data, "rt", encoding="utf-8")]
    # Clean articles (headline + body, no furniture) teach the model that a page of prose is all
    # article: presscut is also fed text that was cleaned before it arrived.
    clean = [{"id": r["id"] + "#clean", "text": (r.get("title") or "Untitled") + "\n\n" + r["body"]} for r in records]
    header, dumps = dump_features(records + clean)
    docs, extra = dumps[:len(records)], dumps[len(records):]
    labels = [np.array(label_units(d["lines"], r["body"])) for d, r in zip(docs, records)]
    extra_labels = [np.array([i > 0 for i in range(len(d["lines"]))]) for d in extra]
    weights = doc_weights(docs)
    extra_weights = doc_weights(extra)
    golds = [r["body"] for r in records]

    if args.folds > 1:
        idx = list(range(len(docs)))
        random.Random(0).shuffle(idx)
        preds = [None] * len(docs)
        for f in range(args.folds):
            held = set(idx[f::args.folds])
            tr = [i for i in range(len(docs)) if i not in held]
            models = fit([docs[i] for i in tr] + [extra[i] for i in tr], [labels[i] for i in tr] + [extra_labels[i] for i in tr],
                         [weights[i] for i in tr] + [extra_weights[i] for i in tr])
            for i in held:
                p = predict(models, docs[i])
                preds[i] = "\n\n".join(decode(docs[i]["lines"], p, args.region_threshold, args.keep_threshold))
        f1, p, r = shingle_f1(preds, golds)
        print(f"cross-validated ({args.folds} folds by page): body F1 {f1:.3f} (P {p:.3f} R {r:.3f}) "
              f"[before furniture rules]", file=sys.stderr)

    s1, s2 = fit(docs + extra, labels + extra_labels, weights + extra_weights)
    names = header["feature_names"]
    model = {
        "about": "presscut main-content model; trained by scripts/train_layout.py on WCXB dev page texts "
                 "(ground truth CC-BY-4.0, Murrough Foley); weights only, no text.",
        "stages": [export_stage(s1, names), export_stage(s2, names + header["context_names"])],
        "region_threshold": args.region_threshold,
        "keep_threshold": args.keep_threshold,
    }
    with open(args.out, "w") as f:
        json.dump(model, f, separators=(",", ":"))
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
