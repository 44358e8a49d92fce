"""Article._repr_html_(): a self-contained, escaped view, checked in a real headless browser."""
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import presscut

HERE = Path(__file__).parent
FIXTURE = (HERE / "fixtures" / "lavrov.txt").read_text(encoding="utf-8")
HOSTILE = (
    "<script>alert('title')</script> & \"friends\"\n\n"
    "Mayor Ana Ruiz said on Friday that the <b>budget</b> & the 'plan' were \"final\".\n\n"
    "\u201cWe will not <script>document.write(1)</script> back down on the 2026 budget,\u201d Ruiz told "
    "reporters in Madrid on March 3, 2026.\n"
)

# Collects, in the browser, the text of every marked element of the view (the pieces of one
# span concatenated in document order) and the speaker labels CSS draws after the quotes.
PROBE = """<script>
const text = document.querySelector('.pc-text');
const out = {text: text.textContent, quotes: {}, mentions: {}, dates: {}, labels: []};
const add = (map, key, el) => { map[key] = (map[key] || '') + el.textContent; };
for (const el of text.querySelectorAll('[data-quote]')) add(out.quotes, el.dataset.quote, el);
for (const el of text.querySelectorAll('[data-mention]')) add(out.mentions, el.dataset.entity + '/' + el.dataset.mention, el);
for (const el of text.querySelectorAll('[data-date]')) add(out.dates, el.dataset.date, el);
for (const el of text.querySelectorAll('.pc-who')) out.labels.push(getComputedStyle(el, '::after').content);
const pre = document.createElement('pre');
pre.id = 'probe';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


def page(fragment: str, probe: bool = False) -> str:
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>view</title></head><body>"
            + fragment + (PROBE if probe else "") + "</body></html>")


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    pytest.skip("no chromium: scripts/test.sh installs Debian's chromium package when apt-get is usable")


def browse(tmp_path: Path, document: str, *args: str) -> str:
    target = tmp_path / "view.html"
    target.write_text(document, encoding="utf-8")
    done = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--user-data-dir=" + str(tmp_path / "profile"), *args, target.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("source", [FIXTURE, HOSTILE], ids=["fixture", "hostile"])
def test_the_browser_shows_exactly_the_spans_the_article_gives(tmp_path, source):
    art = presscut.extract(source, format="text")
    dom = browse(tmp_path, page(art._repr_html_(), probe=True), "--dump-dom")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    seen = json.loads(html.unescape(found.group(1)))
    assert seen["text"] == art.text
    want_quotes = {str(i): q.text for i, q in enumerate(art.quotes) if q.end > q.start}
    assert seen["quotes"] == want_quotes and want_quotes
    want_mentions = {f"{i}/{j}": m.text for i, e in enumerate(art.entities) for j, m in enumerate(e.mentions)}
    assert seen["mentions"] == want_mentions
    assert seen["dates"] == {str(i): d.text for i, d in enumerate(art.dates)}
    labels = [json.loads(label) for label in seen["labels"]]
    assert labels == [q.speaker.name if q.speaker else "?" for q in art.quotes if q.end > q.start]


def test_the_view_is_self_contained_and_escaped():
    art = presscut.extract(HOSTILE, format="text")
    view = art._repr_html_()
    assert "<script" not in view.lower() and "javascript:" not in view.lower()
    assert not re.search(r"""\b(src|href)\s*=\s*(?!["']?#)""", view), "only in-page links"
    assert "@import" not in view and "url(" not in view
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in view
    assert "Who said what" in view and "Ana Ruiz" in view


def test_a_screenshot_shows_the_view(tmp_path):
    art = presscut.extract(FIXTURE)
    shot = tmp_path / "view.png"
    browse(tmp_path, page(art._repr_html_()), "--hide-scrollbars", "--window-size=1280,1600",
           f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000, "a blank page is a few kB"
