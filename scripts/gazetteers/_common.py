"""Shared helpers for the data generators in this folder.

Every generator calls `ensure_env()` first: it creates a private virtual environment
(`scripts/gazetteers/.venv`, or `$PRESSCUT_GEN_VENV`), installs the pinned packages of
`requirements.txt` there and re-runs the script inside it, so the output depends only on
those pinned versions, never on what the machine happens to have installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent.parent
DATA = ROOT / "crates" / "presscut" / "data"
OVERLAYS = SCRIPTS / "overlays"
CACHE = Path(os.environ.get("PRESSCUT_GEN_CACHE", SCRIPTS / ".cache"))
VENV = Path(os.environ.get("PRESSCUT_GEN_VENV", SCRIPTS / ".venv"))

# SCOWL size-35 English word list ("american-english-small"), used only at generation time to
# decide whether a place or given name is also a common English word. Debian ships it as the
# `wamerican-small` package; the version is pinned so the flags stay reproducible.
SCOWL_DEB = "wamerican-small=2020.12.07-2"
SCOWL_FILE = "usr/share/dict/american-english-small"
SCOWL_SHA256 = "a6e2bc32526c38fa082ffbdb527ad9999e41b0a712d06e8415244068454d4d55"


def ensure_env() -> None:
    """Re-execute the calling script inside the pinned virtual environment."""
    if os.environ.get("PRESSCUT_GEN_IN_VENV") == "1":
        return
    python = VENV / "bin" / "python"
    stamp = VENV / ".requirements"
    reqs = (SCRIPTS / "requirements.txt").read_text(encoding="utf-8")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != reqs:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--no-input",
             "-r", str(SCRIPTS / "requirements.txt")],
            check=True,
        )
        stamp.write_text(reqs, encoding="utf-8")
    env = dict(os.environ, PRESSCUT_GEN_IN_VENV="1", PYTHONHASHSEED="0")
    os.execve(str(python), [str(python), *sys.argv], env)


def scowl_small() -> set[str]:
    """Lowercase entries of the SCOWL size-35 list (common English words, with inflections)."""
    candidates = [
        os.environ.get("SCOWL_SMALL", ""),
        str(CACHE / "wamerican-small" / SCOWL_FILE),
        "/usr/share/dict/american-english-small",
    ]
    path = next((Path(c) for c in candidates if c and Path(c).is_file()), None)
    if path is None:
        target = CACHE / "wamerican-small"
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", SCOWL_DEB], cwd=CACHE, check=True)
        deb = sorted(CACHE.glob("wamerican-small_*.deb"))[-1]
        subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
        path = target / SCOWL_FILE
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SCOWL_SHA256:
        print(f"warning: {path} has sha256 {digest}, expected {SCOWL_SHA256}; "
              "flags may differ from the committed data", file=sys.stderr)
    words = set()
    for line in raw.decode("utf-8").splitlines():
        w = line.strip()
        if w and w.isalpha() and w == w.lower():
            words.add(w)
    return words



def census_names() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """1990 US Census name frequencies (percent) from the `names` package: male, female, surname."""
    import names  # noqa: PLC0415 - only importable inside the venv

    base = Path(names.__file__).resolve().parent

    def load(fname: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for line in (base / fname).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) == 4:
                out[titlecase(parts[0])] = float(parts[1])
        return out

    return load("dist.male.first"), load("dist.female.first"), load("dist.all.last")


def titlecase(upper: str) -> str:
    """JOHN -> John, MCDONALD -> Mcdonald (census names are plain A-Z)."""
    return upper[:1] + upper[1:].lower()


_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
    "ı": "i", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "–": "-", "‐": "-",
})


def ascii_fold(text: str) -> str:
    """Latin text without diacritics (São Paulo -> Sao Paulo); '' when not foldable to ASCII."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out if out.isascii() else ""


def clean_field(value: str) -> str:
    """One TSV cell: NFC, no tabs or newlines, no surrounding or doubled spaces."""
    value = unicodedata.normalize("NFC", value).replace("\t", " ").replace("\n", " ")
    return " ".join(value.split())


def write_tsv(name: str, header: list[str], columns: list[str], rows: list[list[str]]) -> None:
    """Write data/<name> with `# ` header lines, a `# columns:` line and sorted-as-given rows."""
    DATA.mkdir(parents=True, exist_ok=True)
    lines = [f"# {h}" if h else "#" for h in header]
    lines.append("# columns: " + "\t".join(columns))
    for row in rows:
        cells = [clean_field(str(c)) for c in row]
        if len(cells) != len(columns):
            raise ValueError(f"{name}: row {cells} has {len(cells)} cells, want {len(columns)}")
        lines.append("\t".join(cells))
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote crates/presscut/data/{name}: {len(rows)} rows", file=sys.stderr)


def read_overlay(name: str, ncols: int) -> list[list[str]]:
    """Rows of scripts/gazetteers/overlays/<name>: tab-separated, `#` comments, padded to ncols cells."""
    rows = []
    for lineno, line in enumerate((OVERLAYS / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [clean_field(c) for c in line.split("\t")]
        if len(cells) > ncols:
            raise ValueError(f"{name}:{lineno}: {len(cells)} cells, at most {ncols}")
        rows.append(cells + [""] * (ncols - len(cells)))
    return rows


def split_multi(value: str) -> list[str]:
    """Split a `|`-separated cell, dropping empties."""
    return [v.strip() for v in value.split("|") if v.strip()]


def join_multi(values: list[str]) -> str:
    """Join unique values with `|`, keeping first-seen order."""
    seen: list[str] = []
    for v in values:
        v = clean_field(v)
        if v and v not in seen:
            seen.append(v)
    return "|".join(seen)
