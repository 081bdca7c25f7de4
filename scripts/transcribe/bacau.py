"""Transcribes source 002 (Bacău operational plan 2014-2024) into the plan's sections.

Run: python3 scripts/transcribe/bacau.py > /tmp/bacau.yaml, then review and merge by hand.
"""
import re
import sys

import yaml

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from tables import MEASURE, clean, join, paragraphs, split_items  # noqa: E402

SOURCE = "/work/shared/seeds/002_37d2d2bacd39b006.txt"
COMPONENT_IDS = ["copii", "dizabilitati", "varstnici", "violenta", "alte-grupuri", "sistem"]
OBJECTIVE = re.compile(r"^((?:O\.?\s?S\.?\s?)?\d+\.\s?\d+\.?)\s*(.*)$", re.S)
GOAL = re.compile(r"^OBIECTIV GENERAL\s*(\d+)\s*(?::|-|–)?\s*(.*)$", re.S)
DOMAIN = re.compile(r"^(D\.?\s?\d+\.?)\s+(.*)$")
FUNDING = [
    "Programe de finanțare nerambursabilă", "Fonduri externe nerambursabile", "Alte finanțări nerambursabile",
    "Alte surse de finanțare", "Finanțare guvernamentală", "Fonduri guvernamentale", "Bugete instituționale",
    "Bugetul instituțional", "Buget instituțional", "Bugete locale", "Bugete județene", "Fonduri europene",
    "Bugete", "instituționale", "Bugetul", "instituțional", "nerambursabile", "NC",
]
# Names of bodies as the document prints them, longest first when matched.
NAMES = [
    "Furnizori privați de servicii sociale – serviciile de îngrijire de tip rezidențial",
    "Organizații reprezentative ale copiilor/tinerilor din sistemul de protecție specială",
    "Furnizorii publici și privați de servicii sociale", "Instituțiile din cadrul Ministerului Public",
    "Instituții de învățământ de la nivel local", "Organizații reprezentative ale copiilor",
    "ONG-uri reprezentative pentru romi", "ONG-urilor locale pentru romi", "Institutia Prefectului Judetul Bacau",
    "Instituția Prefectului Județul Bacău", "Furnizorii privați de servicii sociale", "Furnizori privați de servicii sociale",
    "Furnizorii privați de", "Furnizori privați de servicii", "Furnizori publici de servicii sociale",
    "DAS/SPAS/ Compartim. asistență socială", "Furnizori de servicii sociale", "Furnizori publici de servicii",
    "ANTIP – Centrul Regional Antitrafic", "ANTIP –Centrul Regional Antitrafic", "ANTIP – Centrul regional Bacău",
    "Compartim. de asistență socială", "SPAS/ Compartim. asistență socială", "SPAS/ Compartiment asistență socială",
    "Instituții locale de învățământ", "Autorități publice locale",
    "Structura teritorială CNASR", "Instituții de învățământ", "Prefectului Județul Bacău", "Instituția Prefectului",
    "Autorități publice", "Instituții de cult", "Instituții publice", "Asociații profesionale", "Consilii ale elevilor",
    "Agenți economici", "Teatrul Municipal", "APL –uri", "APL-uri", "DAS/SPAS/ Compartim.", "DAS/SPAS",
    "DAS-uri", "DAS- uri", "ONG-uri", "ONG", "DGASPC", "CJRAE", "APL", "IPJ", "ISJ", "CMI", "CMB",
    "CJAS", "DJTS", "DSP", "DAS", "SPAS", "AJPIS", "AJOFM", "CJP",
]


def tokenize_names(text, unknown):
    """Splits a responsible/partner cell into printed names, in order."""
    out = []
    for chunk in re.split(r",\s*", text):
        rest = chunk.strip()
        while rest:
            rest = rest.strip(" ,;/–")
            if not rest:
                break
            for name in sorted(NAMES, key=len, reverse=True):
                if rest.lower().startswith(name.lower()) and (len(rest) == len(name) or not rest[len(name)].isalnum()):
                    out.append(rest[: len(name)])
                    rest = rest[len(name):]
                    break
            else:
                word = rest.split(" ", 1)
                unknown.add(rest + "   <<< " + text)
                out.append(word[0])
                rest = word[1] if len(word) > 1 else ""
    return [n for n in out if n not in ("-", "--", "etc")]


def tokenize_funding(text):
    out = []
    rest = text.strip()
    while rest:
        for name in sorted(FUNDING, key=len, reverse=True):
            if rest.startswith(name):
                out.append(name)
                rest = rest[len(name):].strip(" ,;")
                break
        else:
            out.append(rest)
            break
    return out


def main():
    lines = open(SOURCE, encoding="utf-8").read().split("\n")
    sections, unknown = [], set()
    component = domain = goal = objective = measure = None
    comp_index = 0

    def container():
        return domain if domain is not None else component

    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        text = clean(line)
        if not text or text.startswith("PLAN OPERAȚIONAL") or set(text) <= set("-| "):
            continue
        if line.startswith("Componenta:"):
            component = {"level": "Componenta", "title": clean(line[len("Componenta:"):]), "id": COMPONENT_IDS[comp_index], "goals": [], "sections": []}
            comp_index += 1
            sections.append(component)
            domain = None
            continue
        if DOMAIN.match(text) and "\t" not in raw:
            m = DOMAIN.match(text)
            domain = {"number": m.group(1), "title": m.group(2), "goals": []}
            component["sections"].append(domain)
            continue
        cells = (raw.split("\t") + [""] * 7)[:7]
        first = clean(cells[0])
        if GOAL.match(first) and not any(clean(c) for c in cells[1:]):
            m = GOAL.match(first)
            goal = {"number": m.group(1), "text": m.group(2).strip(), "objectives": []}
            container()["goals"].append(goal)
            continue
        if clean(cells[1]) in ("Măsuri", "Măsurile", "Măsurii"):
            continue
        if "\t" not in raw:
            print(f"# unhandled line {number}: {text[:80]}", file=sys.stderr)
            continue
        measure_text = clean(cells[1])
        om = OBJECTIVE.match(first) if first else None
        if first and om and (MEASURE.match(measure_text) or not measure_text):
            objective_before = objective
            objective = {"number": om.group(1).strip(), "text": om.group(2).strip(), "activities": [], "_line": number}
            goal["objectives"].append(objective)
        elif first:
            objective["text"] = join(objective["text"], first)
        mm = MEASURE.match(measure_text)
        if mm:
            measure = {"number": mm.group(1).strip(), "text": mm.group(2).strip(), "_ind": "", "_period": "", "_resp": "", "_part": "", "_fund": "", "_line": number}
            objective["activities"].append(measure)
        elif measure_text:
            measure["text"] = join(measure["text"], measure_text)
        if number == 141 and cells[4].startswith("<p>servicii sociale</p>"):
            # The tail of the responsible cell of 4.2.4 (line 137), carried past the page break.
            previous = objective_before["activities"][-1]
            previous["_resp"] = join(previous["_resp"], "servicii sociale")
            cells[4] = cells[4][len("<p>servicii sociale</p>"):]
        for key, cell in zip(["_ind", "_period", "_resp", "_part", "_fund"], cells[2:]):
            value = " ¶ ".join(paragraphs(cell)) if key == "_ind" else clean(cell)
            if value:
                measure[key] = join(measure[key], value)

    for section in sections:
        for goal in all_goals(section):
            for objective in goal["objectives"]:
                objective.pop("_line")
                for m in objective["activities"]:
                    finish(m, unknown)
    print(yaml.safe_dump(sections, allow_unicode=True, sort_keys=False, width=100000))
    for u in sorted(unknown):
        print("# UNKNOWN NAME:", u, file=sys.stderr)


def all_goals(section):
    yield from section.get("goals", [])
    for child in section.get("sections", []):
        yield from all_goals(child)


def finish(m, unknown):
    m.pop("_line")
    indicators = []
    for piece in m.pop("_ind").split(" ¶ "):
        indicators.extend(split_items(piece, r"\b(?:Nr\.?|NR\.|Număr)\s?"))
    m["indicators"] = indicators
    period = m.pop("_period")
    if period:
        m["period"] = period
    responsible = tokenize_names(m.pop("_resp"), unknown)
    partners = tokenize_names(m.pop("_part"), unknown)
    m["responsible"] = responsible
    if partners:
        m["partners"] = partners
    m["funding"] = tokenize_funding(m.pop("_fund"))


if __name__ == "__main__":
    main()
