#!/usr/bin/env bash
# Scores presscut on the development data with the shared scorers, through the CLI exactly as
# outside evaluations drive it. Prints each scorer's summary line.
#
#   scripts/evaluate.sh [body|html|meta|ner|quotes|time|kp|all]      (default: all)
#
# DEV points at the development data (default: ../shared/dev); nothing from it is written into
# the repository (work files go to $OUT, default target/eval).
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=${DEV:-../shared/dev}
OUT=${OUT:-target/eval}
SCORERS=$DEV/scorers
mkdir -p "$OUT"
cargo build --release --quiet -p presscut-cli
PC=target/release/presscut
what=${1:-all}

run() { [ "$what" = all ] || [ "$what" = "$1" ]; }

if run body; then
  echo "== body (scraped page text, cleaning on): $DEV/text"
  python3 - "$DEV/text/wcxb_dev_pagetext.jsonl.gz" > "$OUT/text.docs.jsonl" <<'PY'
import gzip, json, sys
for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
    r = json.loads(line)
    print(json.dumps({"id": r["id"], "text": r["text"]}))
PY
  $PC batch "$OUT/text.docs.jsonl" --format text -o "$OUT/text.out.jsonl"
  python3 "$SCORERS/score_body.py" "$DEV/text/wcxb_dev_pagetext.jsonl.gz" "$OUT/text.out.jsonl" | tail -1
fi

if run html; then
  echo "== body (HTML pages): $DEV/html"
  python3 - "$DEV/html/wcxb_dev_articles" > "$OUT/html.docs.jsonl" <<'PY'
import gzip, json, os, sys
root = sys.argv[1]
for name in sorted(os.listdir(os.path.join(root, "html"))):
    if name.endswith(".html.gz"):
        html = gzip.open(os.path.join(root, "html", name), "rb").read().decode("utf-8", "replace")
        print(json.dumps({"id": name[:-len(".html.gz")], "html": html}))
PY
  $PC batch "$OUT/html.docs.jsonl" -o "$OUT/html.out.jsonl"
  python3 "$SCORERS/score_body.py" "$DEV/html/wcxb_dev_articles/ground-truth.json" "$OUT/html.out.jsonl" | tail -1
fi

if run meta; then
  echo "== metadata (HTML pages): $DEV/html"
  [ "$what" = meta ] && [ ! -s "$OUT/html.out.jsonl" ] && { echo "run scripts/evaluate.sh html first" >&2; exit 2; }
  if [ "$what" = meta ]; then $PC batch "$OUT/html.docs.jsonl" -o "$OUT/html.out.jsonl"; fi
  python3 "$SCORERS/score_meta.py" "$DEV/html/wcxb_dev_articles/ground-truth.json" "$OUT/html.out.jsonl" | tail -1
fi

if run ner; then
  echo "== entities (CoNLL-2003 valid, cleaning off): $DEV/ner"
  python3 "$SCORERS/score_ner.py" "$DEV/ner/conll03_valid.txt" --export-docs "$OUT/ner.docs.jsonl" > /dev/null
  $PC batch "$OUT/ner.docs.jsonl" --no-clean --format text -o "$OUT/ner.out.jsonl"
  python3 "$SCORERS/score_ner.py" "$DEV/ner/conll03_valid.txt" "$OUT/ner.out.jsonl" | tail -1
fi

if run quotes; then
  echo "== quotes (PolNeAR dev, cleaning off): $DEV/quotes"
  python3 "$SCORERS/score_quotes.py" "$DEV/quotes/polnear_dev.jsonl" --export-docs "$OUT/quotes.docs.jsonl" > /dev/null
  $PC batch "$OUT/quotes.docs.jsonl" --no-clean --format text -o "$OUT/quotes.out.jsonl"
  python3 "$SCORERS/score_quotes.py" "$DEV/quotes/polnear_dev.jsonl" "$OUT/quotes.out.jsonl" | tail -1
  python3 "$SCORERS/score_quotes.py" "$DEV/quotes/polnear_dev.jsonl" "$OUT/quotes.out.jsonl" --direct-only | tail -1
fi

if run time; then
  echo "== time (TimeBank + AQUAINT, cleaning off, published = DCT): $DEV/time"
  python3 "$SCORERS/score_timex.py" "$DEV/time/TBAQ-cleaned" --export-docs "$OUT/time.docs.jsonl" > /dev/null
  python3 - "$OUT/time.docs.jsonl" > "$OUT/time.in.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "text": d["text"], "published": d["dct"]}))
PY
  $PC batch "$OUT/time.in.jsonl" --no-clean --format text -o "$OUT/time.out.jsonl"
  python3 "$SCORERS/score_timex.py" "$DEV/time/TBAQ-cleaned" "$OUT/time.out.jsonl" | tail -1
fi

if run kp; then
  echo "== keywords (500N-KPCrowd): $DEV/kp"
  python3 - "$DEV/kp/500N-KPCrowd/docs.jsonl" > "$OUT/kp.docs.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "text": d["text"]}))
PY
  $PC batch "$OUT/kp.docs.jsonl" --format text --no-clean -o "$OUT/kp.out.jsonl"
  python3 "$SCORERS/score_kp.py" "$DEV/kp/500N-KPCrowd/docs.jsonl" "$OUT/kp.out.jsonl" | tail -1
fi
