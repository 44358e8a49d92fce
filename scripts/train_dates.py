#!/usr/bin/env python3
"""Train presscut's published-date model (crates/presscut/data/date_model.json).

Every distinct day a page declares or shows is a candidate (`html/meta/published.rs`: JSON-LD,
meta tags, `<time>`, date lines with their labels, the URL, the UTC day of a declared time);
the model scores each candidate from which sources give it, whether and where the page shows
it and how it ranks against the others, and the page's published date is the best-scoring one.
Features come from presscut itself (`examples/html_dates`); a candidate is right when its day is
the ground truth's `publish_date`.

Data: the WCXB dev article pages (`shared/dev/html/wcxb_dev_articles`, never committed).
Requires numpy and scikit-learn==1.9.1 (the tree export reads that version's predictors).

    python3 scripts/train_dates.py [--data DIR] [--folds 4] [--out crates/presscut/data/date_model.json]

Validation holds whole sites out (pages grouped by host, as scripts/train_html.py): it prints
the share of pages with a ground-truth date whose chosen day is right — the scorer's
`published` figure — for held-out sites, then fits the final model on all pages.
"""
import argparse
import json
import os
import sys
import tempfile
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_html import DEFAULT_DATA, ROOT, build, export_stage, run_tool, site_folds, unpack  # noqa: E402

# Small trees: 658 dated pages; larger models scored lower on held-out sites.
PARAMS = dict(max_iter=30, max_leaf_nodes=4, learning_rate=0.1, min_samples_leaf=20, random_state=0)


def accuracy(pages, gold, scores):
    """Share of pages with a gold date whose best candidate is the gold day (no candidate: wrong)."""
    n = ok = 0
    for p in pages:
        g = gold.get(p["id"])
        if not g:
            continue
        n += 1
        s = scores.get(p["id"])
        if s is not None and len(s):
            ok += p["days"][int(np.argmax(s))] == g
    return ok / max(n, 1), ok, n


def fit(pages, gold):
    X = np.vstack([np.array(p["features"], dtype=np.float32) for p in pages if p["days"]])
    y = np.concatenate([[d == gold.get(p["id"]) for d in p["days"]] for p in pages if p["days"]])
    # Each page weighs the same, whatever its number of candidates.
    w = np.concatenate([np.full(len(p["days"]), 1.0 / len(p["days"])) for p in pages if p["days"]])
    return HistGradientBoostingClassifier(**PARAMS).fit(X, y, sample_weight=w)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--out", default=os.path.join(ROOT, "crates", "presscut", "data", "date_model.json"))
    args = ap.parse_args()

    truth = json.load(open(os.path.join(args.data, "ground-truth.json"), encoding="utf-8"))
    ids = sorted(truth)
    gold = {i: truth[i]["publish_date"][:10] for i in ids if truth[i].get("publish_date")}
    with tempfile.TemporaryDirectory() as tmp:
        paths = unpack(args.data, ids, tmp)
        out = run_tool(build("html_dates"), [], paths, ids)
    names = json.loads(out[0])["feature_names"]
    pages = [json.loads(l) for l in out[1:]]
    groups = [urlparse(truth[p["id"]].get("url") or p["id"]).netloc.lower().removeprefix("www.") for p in pages]
    covered = sum(1 for p in pages if gold.get(p["id"]) in p["days"])
    print(f"{len(pages)} pages, {len(gold)} with a date; the right day is a candidate on {covered}",
          file=sys.stderr)

    if args.folds > 1:
        scores = {}
        for held in site_folds(groups, args.folds):
            model = fit([pages[i] for i in range(len(pages)) if i not in held], gold)
            for i in held:
                p = pages[i]
                if p["days"]:
                    scores[p["id"]] = model.predict_proba(np.array(p["features"], dtype=np.float32))[:, 1]
        acc, ok, n = accuracy(pages, gold, scores)
        if os.environ.get("DATES_DEBUG"):
            for p in pages:
                g, s = gold.get(p["id"]), scores.get(p["id"])
                if g and g in p["days"] and p["days"][int(np.argmax(s))] != g:
                    print("MISS", p["id"], "gold", g, file=sys.stderr)
                    for d, f, sc in zip(p["days"], p["features"], s):
                        on = [n for n, v in zip(names, f) if v and n not in ("n_days",)]
                        print(f"   {d} {sc:.2f} " + " ".join(f"{n}={v:g}" for n, v in zip(names, f) if v), file=sys.stderr)
        print(f"site-held-out ({args.folds} folds by host): published {acc:.3f} ({ok}/{n})", file=sys.stderr)

    model = fit(pages, gold)
    scores = {p["id"]: model.predict_proba(np.array(p["features"], dtype=np.float32))[:, 1] for p in pages if p["days"]}
    acc, ok, n = accuracy(pages, gold, scores)
    print(f"in-sample (final model): published {acc:.3f} ({ok}/{n})", file=sys.stderr)
    with open(args.out, "w") as f:
        json.dump({"about": "presscut published-date model; trained by scripts/train_dates.py on the WCXB dev "
                            "article pages (ground truth CC-BY-4.0, Murrough Foley); tree weights only, no text.",
                   "features": names, "stage": export_stage(model)}, f, separators=(",", ":"))
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
