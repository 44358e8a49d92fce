#!/usr/bin/env python3
"""Train presscut's quote confidence (crates/presscut/data/quote_confidence.tsv).

`confidence` is the estimated probability that a quote's content span and its speaker are both
right. The model is a logistic regression over the features presscut itself computes from the
finished Article (`examples/quote_features.rs`, the same function as at run time). A quote is
labelled right as `score_attribution.py` counts it: matched to a gold quote (span IoU >= 0.5)
with its speaker right (or the gold quote has no speaker).

Data: PolNeAR train (`shared/dev/quotes/polnear_train.jsonl`, development data that is never
committed). Every fifth article (by id) is held out: the model is fitted on the others, then
calibrated on the held-out articles (Platt scaling of its score), whose reliability table is
printed. PolNeAR dev is never read here; measure it with `score_attribution.py`, or print its
reliability table with `--reliability PRED.jsonl` (a presscut batch output of dev).

    python3 scripts/train_confidence.py [--dev ../shared/dev] [--out crates/presscut/data/quote_confidence.tsv]
    python3 scripts/train_confidence.py --reliability target/eval/quotes.out.jsonl [--gold polnear_dev.jsonl]

Standard library only; deterministic.
"""
import argparse
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOLDOUT_EVERY = 5   # every fifth article (sorted by id) calibrates and measures
L2 = 1.0            # ridge penalty of the fit (on all weights but the bias)
NEWTON_STEPS = 25
BINS = 10


def scorers(dev):
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.join(dev, 'scorers'))
    import score_attribution as sa  # noqa: E402
    import score_quotes as sq  # noqa: E402
    return sq, sa


def label(sq, sa, gold, records):
    """(doc id, feature row, right?) for every predicted quote."""
    rows = []
    for r in records:
        if r['id'] not in gold:
            continue
        text, gq = gold[r['id']]
        pq, feats = [], []
        for q, x in zip(r.get('quotes') or [], r.get('features') or [None] * len(r.get('quotes') or [])):
            nq = sq.norm_quote(q, text)
            if not nq:
                continue
            sp = q.get('speaker')
            nq['entity'] = sp.get('entity') if isinstance(sp, dict) else None
            nq['confidence'] = q.get('confidence')
            pq.append(nq)
            feats.append(x)
        ok = [False] * len(pq)
        for gi, pi in sq.match_doc(text, gq, pq, 'iou'):
            g, p = gq[gi], pq[pi]
            if g['speaker'] is None and g['speaker_start'] is None:
                ok[pi] = True
                continue
            k = sa.classify(g, p)
            ok[pi] = k is None or k == 'right'
        rows.extend((r['id'], x, y, p.get('confidence')) for x, y, p in zip(feats, ok, pq))
    return rows


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def solve(a, b):
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(xs, ys, l2, steps=NEWTON_STEPS):
    """L2-regularised logistic regression by Newton's method; feature 0 is the bias."""
    n = len(xs[0])
    w = [0.0] * n
    for _ in range(steps):
        grad = [l2 * w[j] if j else 0.0 for j in range(n)]
        hess = [[(l2 if i == j and i else 0.0) for j in range(n)] for i in range(n)]
        for x, y in zip(xs, ys):
            p = sigmoid(sum(a * b for a, b in zip(w, x)))
            g = p - y
            h = p * (1 - p)
            nz = [(j, v) for j, v in enumerate(x) if v]
            for j, v in nz:
                grad[j] += g * v
                for k, u in nz:
                    hess[j][k] += h * v * u
        for j in range(n):
            hess[j][j] += 1e-6
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def reliability(probs, ys, title):
    bins = [[] for _ in range(BINS)]
    for p, y in zip(probs, ys):
        bins[min(BINS - 1, max(0, int(p * BINS)))].append((p, y))
    print(f'{title}: {len(probs)} quotes')
    print('| confidence | quotes | mean confidence | right |')
    print('|---|---|---|---|')
    ece = 0.0
    for i, b in enumerate(bins):
        if not b:
            continue
        mp = sum(p for p, _ in b) / len(b)
        acc = sum(y for _, y in b) / len(b)
        ece += abs(mp - acc) * len(b) / len(probs)
        print(f'| {i / BINS:.1f}-{(i + 1) / BINS:.1f} | {len(b)} | {mp:.3f} | {acc:.3f} |')
    hi = [y for p, y in zip(probs, ys) if p >= 0.9]
    right_hi = f'{sum(hi) / len(hi):.3f}' if hi else 'n/a'
    print(f'ECE {ece:.3f}; at >= 0.9: {len(hi)} quotes, right {right_hi}')
    return ece


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--dev', default=os.path.join(ROOT, '..', 'shared', 'dev'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'crates', 'presscut', 'data', 'quote_confidence.tsv'))
    ap.add_argument('--work', default=os.path.join(ROOT, 'target', 'eval'))
    ap.add_argument('--reliability', metavar='PRED', help='print the reliability table of a presscut output')
    ap.add_argument('--gold', help='gold of --reliability (default: PolNeAR dev)')
    a = ap.parse_args()
    sq, sa = scorers(a.dev)

    if a.reliability:
        gold_path = a.gold or os.path.join(a.dev, 'quotes', 'polnear_dev.jsonl')
        gold, _, _ = sq.load(gold_path, a.reliability)
        rows = label(sq, sa, gold, sq._read_jsonl(a.reliability))
        reliability([c for _, _, _, c in rows], [y for _, _, y, _ in rows], os.path.basename(gold_path))
        return 0

    train = os.path.join(a.dev, 'quotes', 'polnear_train.jsonl')
    os.makedirs(a.work, exist_ok=True)
    docs = os.path.join(a.work, 'confidence.docs.jsonl')
    feats = os.path.join(a.work, 'confidence.features.jsonl')
    subprocess.run([sys.executable, os.path.join(a.dev, 'scorers', 'score_quotes.py'), train,
                    '--export-docs', docs], check=True, stdout=subprocess.DEVNULL)
    with open(feats, 'w') as out:
        subprocess.run(['cargo', 'run', '--quiet', '--release', '-p', 'presscut', '--features', 'train',
                        '--example', 'quote_features', '--', docs], check=True, stdout=out, cwd=ROOT)
    records = list(sq._read_jsonl(feats))
    names = records[0]['feature_names']
    gold, _, _ = sq.load(train, feats)
    rows = label(sq, sa, gold, records)
    ids = sorted({d for d, _, _, _ in rows})
    held = {d for i, d in enumerate(ids) if i % HOLDOUT_EVERY == 0}
    fit_rows = [(x, y) for d, x, y, _ in rows if d not in held]
    cal_rows = [(x, y) for d, x, y, _ in rows if d in held]
    print(f'{len(rows)} quotes of {len(ids)} articles; fit on {len(fit_rows)}, calibrate on {len(cal_rows)}',
          file=sys.stderr)
    w = fit([x for x, _ in fit_rows], [float(y) for _, y in fit_rows], L2)
    # Platt scaling on the held-out articles: p = sigmoid(s * score + t)
    scores = [sum(a * b for a, b in zip(w, x)) for x, _ in cal_rows]
    s, t = fit([[1.0, z] for z in scores], [float(y) for _, y in cal_rows], 0.0)
    final = [v * t for v in w]
    final[0] += s
    reliability([sigmoid(s + t * z) for z in scores], [y for _, y in cal_rows],
                'held-out PolNeAR train articles')
    with open(a.out, 'w') as f:
        f.write('# Quote confidence: logistic weights by feature (crates/presscut/src/quotes/confidence.rs),\n'
                '# fitted on PolNeAR train and calibrated on held-out train articles by\n'
                '# scripts/train_confidence.py. Learned weights only; no corpus text.\n')
        for n, v in zip(names, final):
            f.write(f'{n}\t{v:.5f}\n')
    print(f'wrote {a.out}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
