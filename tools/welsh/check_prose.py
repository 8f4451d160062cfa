#!/usr/bin/env python3
"""Checks the Welsh words (content/cy) as prose, against the English (content/en-GB).

The app's loader checks the structure (core/content/content_locales.cpp, run by every build and unit
test): the same files and keys in both locales, the same list lengths, the same {placeholders},
the ids, rules, numbers, addresses and source ids identical, a review record in every file, every
CLDR plural category in plurals.json and 12 months and 7 days in dates.json.  Nothing of that is
checked here again.  What is left needs a reader's view of the words, so it stays in Python:

- Prose not left identical to the English (a string someone forgot), except proper names.
- The glossary (content/cy/glossary.json): wherever the English uses a term, the Welsh at the
  same place uses the glossary's Welsh (in one of its mutated forms), and no Welsh string uses a
  rendering the glossary marks "avoid".  Each term cites its official source.
- Sentence length: no Welsh sentence over 25 words (Cymraeg Clir's rule, Canolfan Bedwyr).  The
  English content is held to a Flesch reading ease instead (tools/readability/); Flesch counts
  syllables per word with English weights, and Welsh words are longer and spelt differently (one
  letter for two sounds in "dd", "ll"), so a Flesch score of Welsh says nothing about how easy it is.
- plurals.json: each form for 2, 3, 6 and the rest shows the count (a "1" or "dim" may be written).
- Day names: where the English names a day, the Welsh names the same day.

Run:  python3 tools/welsh/check_prose.py [repository root]   (default: this file's repository)
Exits 1 and lists every problem (file, path, message) when any check fails.  ./cpa lint runs it.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
EN = ROOT / "content" / "en-GB"
CY = ROOT / "content" / "cy"

# Proper names that stay the same in Welsh, and words spelt the same in both languages.
SAME_IN_BOTH = {"Shout", "Lifeline", "Breathing Space", "NHS 24", "NHS 24 Mental Health Hub", "Childline",
                "Partner", "{label}: {message}", "{day} {month} {year}"}
MAX_SENTENCE_WORDS = 25

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*\}")
# Prose, as opposed to data (ids, addresses, dates): it has a space or a capital letter.
PROSE = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
COUNT_NAMES = {"{count}", "{n}", "{days}", "{seconds}", "{minutes}"}
DAYS = {"Monday": ["Llun"], "Tuesday": ["Mawrth"], "Wednesday": ["Mercher"], "Thursday": ["Iau"],
        "Friday": ["Gwener", "Wener"], "Saturday": ["Sadwrn"], "Sunday": ["Sul"]}


class Report:
    def __init__(self):
        self.problems = []
        self.counts = {"prose": 0, "sentences": 0, "glossary_hits": 0}

    def add(self, file, path, message):
        self.problems.append(f"{file}: {path or '(top)'}: {message}")


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def is_prose(text):
    text = PLACEHOLDER.sub("", text)
    return bool(PROSE.search(text)) and not text.startswith("http") and (" " in text or text != text.lower())


def load(path, report, name):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        report.add(name, "", f"cannot be read: {err}")
        return None


def prose_pairs(en, cy, file, path, pairs):
    """(file, path, english, welsh) for every text both locales hold at the same place."""
    if isinstance(en, dict) and isinstance(cy, dict):
        for k in en:
            if k in cy and not (path == "" and k == "review"):
                prose_pairs(en[k], cy[k], file, f"{path}.{k}" if path else k, pairs)
    elif isinstance(en, list) and isinstance(cy, list):
        for i, (e, c) in enumerate(zip(en, cy)):
            prose_pairs(e, c, file, f"{path}[{i}]", pairs)
    elif isinstance(en, str) and isinstance(cy, str) and is_prose(en):
        pairs.append((file, path, en, cy))


def check_translated(pairs, report):
    for file, path, en, cy in pairs:
        report.counts["prose"] += 1
        if en == cy and en not in SAME_IN_BOTH:
            report.add(file, path, f"is still the English: {en!r}")


def check_sentences(pairs, report):
    for file, path, _, cy in pairs:
        for sentence in SENTENCE_END.split(cy):
            report.counts["sentences"] += 1
            words = len(sentence.split())
            if words > MAX_SENTENCE_WORDS:
                report.add(file, path, f"has a sentence of {words} words (at most {MAX_SENTENCE_WORDS}): {sentence!r}")


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


# ---- plurals and day names ----
def english_strings(report):
    out = {}
    for p in sorted(EN.glob("strings*.json")):
        out.update((load(p, report, p.name) or {}).get("strings", {}))
    return out


def plural_pairs(report):
    """The Welsh plural forms beside their English string; each form for 2, 3, 6 or more shows the count."""
    data = load(CY / "plurals.json", report, "plurals.json")
    en_strings = english_strings(report)
    pairs = []
    for key, by_count in (data or {}).get("forms", {}).items():
        en = en_strings.get(key, "")  # a form for no English string is the loader's problem
        counts = placeholders(en) & COUNT_NAMES
        for cat, text in by_count.items():
            if cat in ("two", "few", "many", "other") and not (placeholders(text) & counts):
                report.add("plurals.json", f"forms.{key}.{cat}", "must show the count")
            pairs.append(("plurals.json", f"forms.{key}.{cat}", en, text))
    return pairs


def check_day_names(pairs, report):
    for file, path, en, cy in pairs:
        for day, welsh in DAYS.items():
            if re.search(r"\b" + day + r"\b", en) and not any(w in cy for w in welsh):
                report.add(file, path, f"the English says {day} but the Welsh has no '{welsh[0]}'")


def main():
    report = Report()
    pairs = []
    for path in sorted(CY.rglob("*.json")):
        name = path.relative_to(CY).as_posix()
        # service_names.json holds what people type for a service (English names too), not prose.
        if (EN / name).exists() and name != "service_names.json":
            en, cy = load(EN / name, report, name), load(path, report, name)
            if en is not None and cy is not None:
                prose_pairs(en, cy, name, "", pairs)
    check_translated(pairs, report)
    pairs += plural_pairs(report)
    check_sentences(pairs, report)
    check_day_names(pairs, report)
    terms = load_glossary(report)
    check_glossary(terms, pairs, report)

    c = report.counts
    unsourced = [t["en"] for t in terms if t.get("unsourced")]
    print(f"welsh prose: {c['prose']} texts, {c['sentences']} sentences; {len(terms)} glossary terms "
          f"({len(unsourced)} unsourced), {c['glossary_hits']} term uses checked.")
    if report.problems:
        print(f"{len(report.problems)} problem(s):")
        for p in report.problems:
            print("  " + p)
        return 1
    print("OK: translated, glossary terms used, sentences short, counts shown, day names kept.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
