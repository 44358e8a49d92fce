#!/usr/bin/env python3
"""Check every file in data/ for format and junk; with --fix-flags, recompute the rule-based
`ambiguous` column of the own-work lists organizations.tsv and outlets.tsv.

Checks: UTF-8 and NFC; `#` header lines first, stating origin and licence; a `# columns:` line
for .tsv files and the same number of cells on every row; no blank lines, no surrounding or
doubled spaces, no control characters; no empty or one-letter entries; no duplicate keys.
Exit status 1 when a check fails.
Run: python3 scripts/gazetteers/check_data.py [--fix-flags]
"""

from __future__ import annotations

import re
import sys
import unicodedata

import _common as c

# Key columns that must be unique per file (None: the whole row).
KEYS = {
    "countries.tsv": ("name",), "cities.tsv": ("name", "country"),
    "regions.tsv": ("name", "kind"), "demonyms.tsv": ("form", "referent"),
    "organizations.tsv": ("name",), "outlets.tsv": ("name",),
    "titles.tsv": ("form", "kind"), "first_names.tsv": ("name",),
    "person_pronouns.tsv": ("form", "case"),
}
# Columns holding surface forms (checked for one-letter junk).
FORM_COLS = {"name", "form", "aliases", "acronyms", "abbreviations"}
ONE_LETTER_OK = {("person_pronouns.tsv", "I")}
QUALIFIER = re.compile(r" \([^()]*\)$")


def rows_of(path) -> tuple[list[str], list[str], list[str]]:
    """Header lines, column names (empty for .txt) and data lines of a data file."""
    lines = path.read_bytes().decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = []
    while lines and lines[0].startswith("#"):
        header.append(lines.pop(0))
    cols: list[str] = []
    for h in header:
        if h.startswith("# columns: "):
            cols = h[len("# columns: "):].split("\t")
    return header, cols, lines


def check_file(path) -> list[str]:
    errors = []
    name = path.name
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"{name}: not UTF-8 ({exc})"]
    if unicodedata.normalize("NFC", text) != text:
        errors.append(f"{name}: not NFC-normalised")
    if not text.endswith("\n") or text.endswith("\n\n"):
        errors.append(f"{name}: must end with exactly one newline")
    header, cols, lines = rows_of(path)
    head_text = " ".join(header).lower()
    if not any(w in head_text for w in ("licence", "license", "public domain")):
        errors.append(f"{name}: header does not state a licence")
    if name.endswith(".tsv") and not cols:
        errors.append(f"{name}: no `# columns:` header line")
    seen: dict[tuple, int] = {}
    for i, line in enumerate(lines, len(header) + 1):
        where = f"{name}:{i}"
        if line.startswith("#"):
            errors.append(f"{where}: comment after the data started")
            continue
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        if any(unicodedata.category(ch) == "Cc" and ch != "\t" for ch in line):
            errors.append(f"{where}: control character")
        cells = line.split("\t") if cols else [line]
        if cols and len(cells) != len(cols):
            errors.append(f"{where}: {len(cells)} cells, want {len(cols)}")
            continue
        for cell in cells:
            if cell != cell.strip() or "  " in cell:
                errors.append(f"{where}: stray spaces in {cell!r}")
        row = dict(zip(cols, cells, strict=True)) if cols else {"form": line}
        for col in FORM_COLS & row.keys():
            for form in c.split_multi(row[col]) if col not in ("name", "form") else [row[col]]:
                bare = QUALIFIER.sub("", form)
                if not bare:
                    errors.append(f"{where}: empty {col}")
                elif len(bare) == 1 and (name, bare) not in ONE_LETTER_OK:
                    errors.append(f"{where}: one-letter {col} {bare!r}")
        key = tuple(row.get(k, "") for k in KEYS.get(name, ("form",))) if cols else (line,)
        if key in seen:
            errors.append(f"{where}: duplicate of line {seen[key]} ({key})")
        seen[key] = i
    return errors


class Flagger:
    """The rule behind the `ambiguous` column of organizations.tsv and outlets.tsv."""

    def __init__(self) -> None:
        self.words = c.scowl_small()
        male, female, surnames = c.census_names()
        self.given = {n for n, p in male.items() if p >= 0.01}
        self.given |= {n for n, p in female.items() if p >= 0.01}
        self.surnames = {n for n, p in surnames.items() if p >= 0.05}
        self.places = set()
        for fname, min_pop in (("countries.tsv", None), ("regions.tsv", None),
                               ("cities.tsv", 100_000)):
            _, cols, lines = rows_of(c.DATA / fname)
            for line in lines:
                row = dict(zip(cols, line.split("\t"), strict=True))
                if min_pop is not None and int(row["population"]) < min_pop:
                    continue
                self.places.add(row["name"])
                self.places.update(c.split_multi(row.get("aliases", "")))
        _, cols, lines = rows_of(c.DATA / "demonyms.tsv")
        self.demonyms = {dict(zip(cols, line.split("\t"), strict=True))["form"] for line in lines}

    def reasons(self, form: str, acronym: bool) -> list[str]:
        form = QUALIFIER.sub("", form)
        if acronym:
            return ["acronym_word"] if form.lower() in self.words else []
        out = []
        rest = form[4:] if form.startswith("The ") else form
        if not form.isupper() and (form.lower() in self.words or rest.lower() in self.words):
            out.append("word")
        if rest in self.given:
            out.append("given_name")
        if rest in self.surnames:
            out.append("surname")
        if form in self.places or rest in self.places:
            out.append("place")
        if rest in self.demonyms:
            out.append("demonym")
        return out

    def column(self, row: dict[str, str]) -> str:
        entries = []
        forms = [(row["name"], False)] + [(a, False) for a in c.split_multi(row["aliases"])]
        forms += [(a, True) for a in c.split_multi(row["acronyms"])]
        for form, acronym in forms:
            for reason in self.reasons(form, acronym):
                entries.append(f"{QUALIFIER.sub('', form)}:{reason}")
        return c.join_multi(entries)


def fix_flags() -> None:
    flagger = Flagger()
    for fname in ("organizations.tsv", "outlets.tsv"):
        path = c.DATA / fname
        header, cols, lines = rows_of(path)
        out = []
        flagged = 0
        for line in lines:
            row = dict(zip(cols, line.split("\t"), strict=True))
            row["ambiguous"] = flagger.column(row)
            flagged += bool(row["ambiguous"])
            out.append("\t".join(row[k] for k in cols))
        path.write_text("\n".join(header + out) + "\n", encoding="utf-8")
        print(f"{fname}: {flagged} of {len(out)} rows have ambiguous forms", file=sys.stderr)


def check_cross_refs() -> list[str]:
    """Country codes and nationality referents must exist in countries.tsv."""
    _, cols, lines = rows_of(c.DATA / "countries.tsv")
    countries = {}
    for line in lines:
        row = dict(zip(cols, line.split("\t"), strict=True))
        countries[row["iso2"]] = row["name"]
    errors = []
    for fname, col in (("regions.tsv", "country"), ("organizations.tsv", "country"),
                       ("outlets.tsv", "country"), ("cities.tsv", "country"),
                       ("demonyms.tsv", "iso2")):
        _, cols, lines = rows_of(c.DATA / fname)
        for line in lines:
            row = dict(zip(cols, line.split("\t"), strict=True))
            code = row[col]
            if code and code not in countries:
                errors.append(f"{fname}: unknown country code {code!r} ({line.split(chr(9))[0]})")
            if fname == "demonyms.tsv" and row["kind"] == "nationality" and (
                    countries.get(code) != row["referent"]):
                errors.append(f"{fname}: {row['form']} -> {row['referent']} does not match {code}")
    return errors


# The gazetteer files this folder produces or curates (the rest of data/ belongs to other stages).
GAZETTEERS = ("countries.tsv", "cities.tsv", "regions.tsv", "first_names.tsv", "demonyms.tsv",
              "organizations.tsv", "outlets.tsv", "titles.tsv", "org_heads.txt", "org_suffixes.txt",
              "event_heads.txt", "law_heads.txt", "surname_particles.txt", "person_pronouns.tsv")


def main() -> None:
    if "--fix-flags" in sys.argv:
        c.ensure_env()
        fix_flags()
    errors = []
    for name in GAZETTEERS:
        errors += check_file(c.DATA / name)
    if not errors:
        errors += check_cross_refs()
    for e in errors:
        print(e)
    print(f"checked {len(GAZETTEERS)} files: {len(errors)} problems", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
