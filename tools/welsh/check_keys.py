#!/usr/bin/env python3
"""Checks the Welsh content (content/cy) against the English (content/en-GB).

What it checks, and why:
- Same files, same JSON shape, same keys: a key in one locale only is a screen that shows the
  other language, or nothing (issue 27: "One table of keys").
- Same placeholders in every string ({name}, {date}): a lost placeholder drops a phone number or a
  name from a sentence; word order may move it, the set must not change.
- Ids, numbers, phone numbers, URLs, source ids, dates and nation lists identical: they are data,
  not words, and a phone number must never differ between the locales.
- Prose not left identical to the English (a string someone forgot), except proper names.
- Every file carries the review record ("review": {"status", "note"}).
- The glossary (content/cy/glossary.json): wherever the English uses a term, the Welsh string at
  the same key uses the glossary's Welsh (in one of its mutated forms), and no Welsh string uses a
  rendering the glossary marks "avoid".
- plurals.json: every key is an English string with a count, with the six CLDR forms for Welsh.
- dates.json: the months are the ones strings.json uses; English day names map to Welsh ones.

Run:  python3 tools/welsh/check_keys.py [repository root]   (default: this file's repository)
Exits 1 and lists every problem (file, path, message) when any check fails.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
EN = ROOT / "content" / "en-GB"
CY = ROOT / "content" / "cy"

# Files the two locales share (read once, from en-GB; the loader will share them).
SHARED_FILES = {"sources.json", "drama_numbers.json"}
# Files only the Welsh locale has.
CY_ONLY_FILES = {"glossary.json", "plurals.json", "dates.json"}

REVIEW = {
    "status": "not reviewed",
    "note": "Machine-assisted draft by the development team; must be checked by a qualified Welsh translator before use with patients.",
}

# Keys whose values are data (ids, numbers, addresses, dates, references), never words.
DATA_KEYS = {
    "id", "number", "action", "nations", "sources", "checked", "email", "web", "call", "text_body",
    "before_line", "route", "page", "pages", "result", "match", "answers", "nation", "sections",
}
# Lists of names people type (service_names.json): each locale has its own, of any length.
FREE_LISTS = {("service_names.json", "names"), ("service_names.json", "whole_names"),
              ("service_names.json", "except")}
# Proper names that stay the same in Welsh, and words spelt the same in both languages.
SAME_IN_BOTH = {"Shout", "Lifeline", "Breathing Space", "NHS 24", "NHS 24 Mental Health Hub", "Childline",
                "Partner"}

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*\}")
LETTER = re.compile(r"[^\W\d_]")
PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"]
COUNT_NAMES = {"{count}", "{n}", "{days}", "{seconds}", "{minutes}"}
DAYS = {"Monday": ["Llun"], "Tuesday": ["Mawrth"], "Wednesday": ["Mercher"], "Thursday": ["Iau"],
        "Friday": ["Gwener", "Wener"], "Saturday": ["Sadwrn"], "Sunday": ["Sul"]}


class Report:
    def __init__(self):
        self.problems = []
        self.counts = {"files": 0, "strings": 0, "prose": 0, "glossary_hits": 0}

    def add(self, file, path, message):
        self.problems.append(f"{file}: {path or '(top)'}: {message}")


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def has_words(text):
    return bool(LETTER.search(PLACEHOLDER.sub("", text)))


def load(path, report, name):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        report.add(name, "", f"cannot be read: {err}")
        return None


# ---- structure: keys, lists, data and prose ----
def compare(en, cy, file, path, key, report, pairs):
    """Walks both trees together; collects (path, english, welsh) prose pairs for the glossary."""
    if type(en) is not type(cy):
        report.add(file, path, f"is {type(cy).__name__} in cy but {type(en).__name__} in en-GB")
        return
    if isinstance(en, dict):
        for k in sorted(set(en) - set(cy)):
            report.add(file, f"{path}.{k}" if path else k, "is in en-GB only")
        for k in sorted(set(cy) - set(en)):
            if not (path == "" and k == "review"):
                report.add(file, f"{path}.{k}" if path else k, "is in cy only")
        for k in en:
            if k in cy:
                compare(en[k], cy[k], file, f"{path}.{k}" if path else k, k, report, pairs)
    elif isinstance(en, list):
        if (file, key) in FREE_LISTS:
            if not cy or not all(isinstance(x, str) and x.strip() for x in cy):
                report.add(file, path, "needs at least one non-empty name")
            return
        if len(en) != len(cy):
            report.add(file, path, f"has {len(cy)} items in cy but {len(en)} in en-GB")
        for i, (e, c) in enumerate(zip(en, cy)):
            compare(e, c, file, f"{path}[{i}]", key, report, pairs)
    elif isinstance(en, str):
        compare_text(en, cy, file, path, key, report, pairs)
    elif en != cy:
        report.add(file, path, f"is {cy!r} in cy but {en!r} in en-GB (data must be identical)")


def compare_text(en, cy, file, path, key, report, pairs):
    report.counts["strings"] += 1
    if placeholders(en) != placeholders(cy):
        report.add(file, path, f"placeholders differ: en-GB {sorted(placeholders(en))}, cy {sorted(placeholders(cy))}")
    if key in DATA_KEYS or not has_words(en):
        if en != cy:
            report.add(file, path, f"is data and must be identical: en-GB {en!r}, cy {cy!r}")
        return
    report.counts["prose"] += 1
    if not cy.strip():
        report.add(file, path, "is empty in cy")
    elif en == cy and en not in SAME_IN_BOTH:
        report.add(file, path, f"is still the English: {en!r}")
    pairs.append((file, path, en, cy))


# ---- glossary ----
def load_glossary(report):
    data = load(CY / "glossary.json", report, "glossary.json")
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        report.add("glossary.json", "terms", "must be a list of terms")
        return []
    terms = []
    for i, t in enumerate(data["terms"]):
        where = f"terms[{i}]"
        missing = [k for k in ("en", "cy", "forms", "source", "title", "checked", "what_checked") if k not in t]
        if missing:
            report.add("glossary.json", where, f"missing {', '.join(missing)}")
            continue
        if not t.get("unsourced") and not str(t["source"]).startswith("http"):
            report.add("glossary.json", where, f"'{t['en']}' has no source URL and is not marked unsourced")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["checked"]):
            report.add("glossary.json", where, "checked must be YYYY-MM-DD")
        try:
            t["_en"] = re.compile(t.get("en_pattern") or r"\b" + re.escape(t["en"]) + r"\b")
            t["_avoid"] = [re.compile(a) for a in t.get("avoid", [])]
        except re.error as err:
            report.add("glossary.json", where, f"bad pattern: {err}")
            continue
        t["_forms"] = [f.lower() for f in t["forms"]]
        terms.append(t)
    return terms


def check_glossary(terms, pairs, report):
    for file, path, en, cy in pairs:
        welsh = PLACEHOLDER.sub("", cy)
        for t in terms:
            if t["_en"].search(en):
                report.counts["glossary_hits"] += 1
                if not any(f in welsh.lower() for f in t["_forms"]):
                    report.add(file, path, f"the English says '{t['en']}' but the Welsh does not use '{t['cy']}': {cy!r}")
            for avoid in t["_avoid"]:
                if avoid.search(welsh):
                    report.add(file, path, f"uses '{avoid.pattern}', which the glossary says to avoid for '{t['en']}'")


# ---- plurals and dates ----
def english_strings(report):
    out = {}
    for p in sorted(EN.glob("strings*.json")):
        data = load(p, report, p.name) or {}
        out.update(data.get("strings", {}))
    return out


def check_plurals(en_strings, report, pairs):
    data = load(CY / "plurals.json", report, "plurals.json")
    if not isinstance(data, dict):
        return
    forms = data.get("forms", {})
    for key, by_count in forms.items():
        where = f"forms.{key}"
        if key not in en_strings:
            report.add("plurals.json", where, "is not an English string key")
            continue
        en = en_strings[key]
        counts = placeholders(en) & COUNT_NAMES
        if not counts:
            report.add("plurals.json", where, "the English string holds no count")
        if list(by_count) != PLURAL_CATEGORIES:
            report.add("plurals.json", where, f"needs exactly {PLURAL_CATEGORIES}, has {list(by_count)}")
        for cat, text in by_count.items():
            extra = placeholders(text) - placeholders(en)
            if extra:
                report.add("plurals.json", f"{where}.{cat}", f"placeholders not in the English: {sorted(extra)}")
            if cat in ("two", "few", "many", "other") and not (placeholders(text) & counts):
                report.add("plurals.json", f"{where}.{cat}", "must show the count")
            pairs.append(("plurals.json", f"{where}.{cat}", en, text))


def check_dates(en_strings, cy_strings, pairs, report):
    data = load(CY / "dates.json", report, "dates.json")
    if not isinstance(data, dict):
        return
    months, days = data.get("months", []), data.get("days", [])
    if len(months) != 12 or len(days) != 7:
        report.add("dates.json", "", "needs 12 months and 7 days")
    for n, name in enumerate(months, start=1):
        if cy_strings.get(f"plans.month.{n}") != name:
            report.add("strings.json", f"strings.plans.month.{n}", f"is not dates.json's '{name}'")
    for file, path, en, cy in pairs:
        for day, welsh in DAYS.items():
            if re.search(r"\b" + day + r"\b", en) and not any(w in cy for w in welsh):
                report.add(file, path, f"the English says {day} but the Welsh has no '{welsh[0]}'")


# ---- files and the review record ----
def relative_jsons(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.json")}


def main():
    report = Report()
    en_files = relative_jsons(EN) - SHARED_FILES
    cy_files = relative_jsons(CY)
    for name in sorted(en_files - cy_files):
        report.add(name, "", "has no Welsh counterpart in content/cy")
    for name in sorted(cy_files - en_files - CY_ONLY_FILES):
        report.add(name, "", "is in content/cy only" + (" (shared files stay in en-GB)" if name in SHARED_FILES else ""))
    pairs = []
    for name in sorted(cy_files):
        cy = load(CY / name, report, name)
        if cy is None:
            continue
        report.counts["files"] += 1
        if not isinstance(cy, dict) or cy.get("review") != REVIEW:
            report.add(name, "review", f"must be {json.dumps(REVIEW)}")
        if name in en_files:
            en = load(EN / name, report, name)
            if en is not None:
                compare(en, cy, name, "", "", report, pairs)
    en_strings = english_strings(report)
    cy_strings = {}
    for p in sorted(CY.glob("strings*.json")):
        cy_strings.update((load(p, report, p.name) or {}).get("strings", {}))
    check_plurals(en_strings, report, pairs)
    check_dates(en_strings, cy_strings, pairs, report)
    terms = load_glossary(report)
    check_glossary(terms, pairs, report)

    c = report.counts
    unsourced = [t["en"] for t in terms if t.get("unsourced")]
    print(f"{c['files']} Welsh files, {c['strings']} strings compared, {c['prose']} of them prose; "
          f"{len(terms)} glossary terms ({len(unsourced)} unsourced), {c['glossary_hits']} term uses checked.")
    if report.problems:
        print(f"{len(report.problems)} problem(s):")
        for p in report.problems:
            print("  " + p)
        return 1
    print("OK: keys, placeholders, data, prose, review records, plurals, dates and glossary all match.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
