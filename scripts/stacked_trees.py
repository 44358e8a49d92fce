"""What the two main-content trainers share (`train_layout.py` for plain text, `train_html.py`
for HTML pages): the runtime's context features of a stacked model's second stage, the
scorer's word weights, and text normalisation for aligning lines with a gold body."""

import re

import numpy as np

WORD = re.compile(r"\w+")


def norm(s):
    return " ".join(WORD.findall(s.lower()))


def context(p):
    """The runtime's context features of each unit from the stage-1 scores `p` (layout/model.rs
    `context_features`, html/model.rs `context`: the two must stay equal to this)."""
    n = len(p)
    out = np.zeros((n, 10), dtype=np.float32)
    if n == 0:
        return out
    pre = np.concatenate([[0.0], np.cumsum(p)])
    hi = np.concatenate([[0], np.cumsum(p > 0.5)])
    suf = np.zeros(n + 1)
    for i in range(n - 1, -1, -1):
        suf[i] = max(suf[i + 1], p[i])
    mx = 0.0
    for i in range(n):
        def mean(w):
            lo, h = max(0, i - w), min(n, i + w + 1)
            return (pre[h] - pre[lo]) / (h - lo)
        after = n - i - 1
        out[i] = [p[i - 1] if i >= 1 else 0, p[i + 1] if i + 1 < n else 0, p[i - 2] if i >= 2 else 0,
                  p[i + 2] if i + 2 < n else 0, mean(5), mx, suf[i + 1], mean(15),
                  hi[i] / i if i else 0, (hi[n] - hi[i + 1]) / after if after else 0]
        mx = max(mx, p[i])
    return out


def doc_weights(docs):
    """Sample weights: a unit (line or segment) weighs its word count, each page the same in total (as the scorer)."""
    w = []
    for d in docs:
        ws = np.array([max(1, len(WORD.findall(l))) for l in d["lines"]], dtype=float)
        w.append(ws / ws.sum() * len(ws) if len(ws) else ws)
    return w
