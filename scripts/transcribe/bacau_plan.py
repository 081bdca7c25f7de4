"""Assembles the Bacău plan file from bacau.py's sections: plan metadata, themes and the notes
that make the document's irregularities visible. Run once; the YAML it writes is then the
authored content, reviewed by hand and proved by tests/suite/transcription.rs.

Run: python3 scripts/transcribe/bacau_plan.py > content/plans/bacau-plan-operational-servicii-sociale-2014-2024.yaml
"""
import contextlib
import io
import sys

import yaml

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import bacau  # noqa: E402

COMPONENT_THEMES = {
    "copii": ["copii-si-familie"],
    "dizabilitati": ["persoane-cu-dizabilitati"],
    "varstnici": ["persoane-varstnice"],
    "violenta": ["violenta-domestica"],
    "alte-grupuri": [],
    "sistem": ["capacitate-institutionala"],
}
# Extra themes of single objectives: (component, goal number, objective number) -> themes.
OBJECTIVE_THEMES = {
    ("copii", "1", "O.S.1.2"): ["educatie"],
    ("copii", "1", "O.S.1.3."): ["sanatate"],
    ("copii", "2", "O.S.2.1."): ["saracie-si-excluziune-sociala"],
    ("copii", "2", "O.S.2.3."): ["persoane-cu-dizabilitati"],
    ("copii", "2", "O.S.2.4."): ["comunitati-rome"],
    ("copii", "2", "O.S.2.6."): ["migratie"],
    ("copii", "3", "O.S.3.4."): ["tineri-care-parasesc-sistemul-de-protectie"],
    ("copii", "3", "O.S.3.5."): ["persoane-cu-dizabilitati", "tineri-care-parasesc-sistemul-de-protectie"],
    ("dizabilitati", "3", "O.S.3.1"): ["ocupare"],
    ("dizabilitati", "3", "O.S.3.2"): ["ocupare"],
    ("dizabilitati", "5", "O.S.5.1."): ["educatie"],
    ("dizabilitati", "7", "O.S.7.1."): ["sanatate"],
    ("alte-grupuri", "1", "O.S.1.1."): ["trafic-de-persoane"],
    ("alte-grupuri", "1", "O.S.1.2."): ["trafic-de-persoane"],
    ("alte-grupuri", "2", "O.S.2.1."): ["persoane-fara-adapost", "saracie-si-excluziune-sociala"],
    ("alte-grupuri", "2", "O.S. 2.2."): ["persoane-fara-adapost", "saracie-si-excluziune-sociala"],
}


def note(kind, text, field=None):
    n = {"kind": kind, "text": text}
    if field:
        n["field"] = field
    return n


def sections():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        bacau.main()
    return yaml.safe_load(out.getvalue())


def goals_of(section):
    yield from section.get("goals", [])
    for child in section.get("sections", []):
        yield from goals_of(child)


def main():
    tree = sections()
    by_id = {s["id"]: s for s in tree}
    for component in tree:
        cid = component["id"]
        for goal in goals_of(component):
            for objective in goal["objectives"]:
                themes = COMPONENT_THEMES[cid] + OBJECTIVE_THEMES.get((cid, goal["number"], objective["number"]), [])
                if themes:
                    objective["themes"] = list(dict.fromkeys(themes))
                if cid in ("copii", "sistem"):
                    objective["label"] = "Obiectiv operațional"
                for m in objective["activities"]:
                    if not m["indicators"] or not m.get("period") or not m["responsible"] or not m["funding"]:
                        print("# missing cell:", cid, m["number"], file=sys.stderr)

    def goal(cid, number, nth=0):
        return [g for g in goals_of(by_id[cid]) if g["number"] == number][nth]

    def objective(cid, gnum, onum, nth=0):
        return [o for o in goal(cid, gnum, nth)["objectives"] if o["number"] == onum][0]

    def measures(cid, gnum, onum, mnum, gnth=0):
        return [m for m in objective(cid, gnum, onum, gnth)["activities"] if m["number"] == mnum]

    def add(target, n):
        target.setdefault("notes", []).append(n)

    for m in measures("copii", "2", "O.S.2.3.", "2.3.2") + measures("copii", "2", "O.S.2.3.", "2.3.2."):
        add(m, note("numerotare-duplicata", "Trei măsuri consecutive poartă numărul 2.3.2 (sursa, rândurile 51, 54 și 55); măsura următoare este 2.3.3."))
    add(measures("copii", "3", "O.S.3.1.", "3.1.2.")[0], note(
        "text-deteriorat",
        "Sursa, rândul 87: „Extinderea rețelei de asistenți ecrutare, selecție și formare…” — lipsesc cuvinte între „asistenți” și „ecrutare” (probabil „maternali prin r”); textul este redat așa cum a fost publicat.",
        "text"))
    dis = by_id["dizabilitati"]
    add(dis, note("numerotare-lipsa", "Domeniile componentei sunt D1, D2, D3, D.5, D6 și D.7: nu există un domeniu D4 (sursa, rândurile 163–253)."))
    add(dis, note("numerotare-lipsa", "Nu există un obiectiv general 4: după două obiective generale numerotate 3 (sursa, rândurile 209 și 216) urmează obiectivul general 5 (rândul 227)."))
    add(goal("dizabilitati", "3", 1), note("numerotare-duplicata", "Numărul 3 este folosit de două ori în această componentă: pentru obiectivul general din domeniul D2 (sursa, rândul 209) și pentru acesta, din domeniul D3 (rândul 216). Obiectivele lor specifice sunt numerotate la fel (O.S.3.1, O.S.3.2)."))
    add(goal("dizabilitati", "3", 0), note("numerotare-duplicata", "Numărul 3 este folosit de două ori în această componentă: pentru acest obiectiv general (sursa, rândul 209) și pentru cel din domeniul D3 (rândul 216)."))
    add(objective("dizabilitati", "6", "O.S.6.3"), note("numerotare-gresita", "Obiectivul specific O.S.6.3 conține măsura numerotată 6.4.1 (sursa, rândul 248)."))
    add(objective("dizabilitati", "6", "O.S.6.4"), note("numerotare-gresita", "Obiectivul specific O.S.6.4 conține măsurile numerotate 6.5.1 și 6.5.2 (sursa, rândurile 250–251)."))
    add(measures("dizabilitati", "6", "O.S.6.4", "6.5.1.")[0], note("denumire-ambigua", "Sursa, rândul 250: instituția responsabilă este scrisă „Autorități Publice”, fără „Locale”, spre deosebire de restul planului.", "responsible"))
    add(goal("violenta", "2"), note("greseala-de-redactare", "Sursa, rândul 304: eticheta „OBIECTIV GENERAL 2:” este scrisă de două ori; a doua apariție face parte din textul publicat.", "text"))
    add(objective("violenta", "2", "O.S.2.3."), note("text-deteriorat", "Sursa, rândul 312: textul obiectivului se încheie cu „protecție și sprijin de”, fără continuare.", "text"))
    add(measures("violenta", "2", "O.S.2.4", "2.4.1.")[0], note("greseala-de-redactare", "Sursa, rândul 316: „Fonduri xterne nerambursabile” (lipsește litera „e”).", "funding"))
    add(goal("alte-grupuri", "2"), note("greseala-de-redactare", "Sursa, rândul 335: după „OBIECTIV GENERAL 2:” urmează un punct izolat („: . INCLUZIUNEA…”).", "text"))
    add(measures("alte-grupuri", "1", "O.S.1.2.", "1.2 1")[0], note("numerotare-gresita", "Sursa, rândul 327: măsura este numerotată „1.2 1”, cu spațiu în loc de punct."))
    add(measures("sistem", "2", "O.S.2.2.", "3.1.3")[0], note("numerotare-gresita", "Sursa, rândul 378: măsura numerotată 3.1.3 stă sub obiectivul O.S.2.2; planul nu are un obiectiv general 3 în această componentă."))
    m = measures("copii", "2", "O.S.2.4.", "2.4.2.")[0]
    m["partners_text"] = "ONG-uri reprezentative pentru romi DGASPC, DSP IPJ ISJ, CJRAE, etc"
    goal_prefix = "Obiectiv general"
    plan = {
        "title": "PLAN OPERAȚIONAL pentru implementarea Strategiei județene de dezvoltare a serviciilor sociale pentru perioada 2014 – 2024",
        "type": "plan-operational",
        "county": "bacau",
        "period": {"from": 2014, "to": 2024},
        "approval": "Anexă la Strategia județeană de dezvoltare a serviciilor sociale pentru perioada 2014 – 2024",
        "source": "002_37d2d2bacd39b006.txt",
        "signatories": [
            {"role": "PREȘEDINTE,", "name": "VALENTIN IVANCEA"},
            {"role": "Contrasemnează, SECRETARUL GENERAL AL JUDEȚULUI,", "name": "dr. ELENA-CĂTĂLINA ZARĂ"},
        ],
        "labels": {
            "goal": goal_prefix,
            "objective": "Obiectiv specific",
            "activity": "Măsură",
            "indicators": "Indicatori de rezultat",
            "period": "Termene",
            "responsible": "Instituții responsabile",
            "partners": "Parteneri",
            "funding": "Surse de finanțare",
        },
        "notes": [
            note("alta", "Documentul nu numește instituția emitentă; semnează președintele (VALENTIN IVANCEA) și secretarul general al județului, iar planul este anexă la Strategia județeană de dezvoltare a serviciilor sociale 2014–2024."),
            note("alta", "Capul de tabel diferă de la o componentă la alta: „Obiective operaționale” (copii, sistemul județean), „Obiective specifice” și „Obiective Specific” (celelalte componente); „Măsuri”, „Măsurile” (sursa, rândul 151) și „Măsurii” (rândurile 265, 291, 346); „Instituții responsabile” și „Responsabili” (rândurile 277, 291). Portalul folosește „Obiectiv operațional” pentru componentele al căror tabel îl numește așa."),
            note("alta", "În coloana „Parteneri”, o liniuță („-”) înseamnă că măsura nu are parteneri; portalul arată aceste măsuri fără parteneri."),
            note("alta", "În coloana „Surse de finanțare”, „NC” apare la șase măsuri (sursa, rândurile 135, 153, 154, 248, 251, 299); documentul nu explică abrevierea."),
            note("alta", "Planul scrie majoritatea instituțiilor prin abrevieri fără județ (DGASPC, ISJ, IPJ, DSP); portalul le leagă de instituțiile din județul Bacău. Abrevierile pe care documentul nu le explică (CMI, CMB, CJP, DJTS, CNASR) sunt arătate așa cum sunt scrise."),
        ],
        "sections": tree,
    }
    for n in plan["notes"]:
        pass
    sys.stdout.write("# Transcribed from content/sources/002_37d2d2bacd39b006.txt; see docs/sources.md.\n")
    sys.stdout.write(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100000))


if __name__ == "__main__":
    main()
