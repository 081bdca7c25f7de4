"""Authoring-time helper for the Caraș-Severin drug plan (source 001_8fb6bb65d040dc76.txt).

Reads the table rows of the source by line number, so that every text is copied, never retyped;
the hierarchy, the page-break re-joins, the framework links, themes and notes are written here by
hand. The YAML it prints is then the authored content, reviewed by hand and proved by
tests/suite/transcription.rs. See docs/sources.md.

Run: python3 scripts/transcribe/caras_severin.py > content/plans/caras-severin-droguri-2022-2026.yaml
"""
import re
import sys
import unicodedata

import yaml

SOURCE = "001_8fb6bb65d040dc76.txt"
ROOT = __file__.rsplit("/", 3)[0]
LINES = open(f"{ROOT}/content/sources/{SOURCE}", encoding="utf-8").read().split("\n")


def norm(text):
    """NFC, cedilla letters made comma-below (the loader does the same), tags removed, spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    for a, b in (("ş", "ș"), ("ţ", "ț"), ("Ş", "Ș"), ("Ţ", "Ț")):
        text = text.replace(a, b)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split())


def line(n):
    return LINES[n - 1]


def cells(n):
    """The cells of source line n (1-based), tags removed."""
    return [norm(c) for c in line(n).split("\t")]


def strip_number(text, number):
    assert text.startswith(number), (text, number)
    return text[len(number):].strip()


def indicators(cell):
    """'- a - b' -> ['a', 'b'] (the dash before each item is the document's bullet)."""
    items = [i.strip() for i in re.split(r"(?:^|\s)-\s?(?=\S)", cell) if i.strip()]
    return items


def names(cell):
    return [n.strip() for n in cell.split(", ") if n.strip()]


def note(kind, text, field=None):
    out = {"kind": kind, "text": text}
    if field:
        out["field"] = field
    return out


def activity(n, number, *, first=1, text=None, inds=None, period=None, evaluation=None, resp=None,
             themes=None, notes=None, no_evaluation=False):
    """An activity read from source line n; `first` is the index of its activity cell."""
    c = cells(n)
    act = {"number": number}
    act["text"] = text if text is not None else strip_number(c[first], number)
    act["indicators"] = inds if inds is not None else indicators(c[first + 2])
    act["period"] = period if period is not None else c[first + 1]
    if not no_evaluation:
        act["evaluation"] = evaluation if evaluation is not None else c[first + 3]
    act["responsible"] = resp if resp is not None else names(c[first + 4])
    if themes:
        act["themes"] = themes
    if notes:
        act["notes"] = notes
    return act


def objective(number, text, framework, themes, activities, list_text=None, notes=None):
    obj = {"number": number, "text": text}
    if list_text:
        obj["list_text"] = list_text
    obj["framework"] = f"snd-2022-2026/{framework}"
    if themes:
        obj["themes"] = themes
    if notes:
        obj["notes"] = notes
    obj["activities"] = activities
    return obj


def table_objective(n, number):
    return strip_number(cells(n)[0], number)


def list_objective(n, number):
    text = norm(line(n))
    text = text[2:] if text.startswith("- ") else text
    return strip_number(text, number)


def goal(n, number, framework, objectives, text=None, notes=None):
    if text is None:
        text = norm(line(n))
        prefix = re.match(r"Obiectiv general \d+[:.]\s*", text)
        text = text[prefix.end():]
    g = {"number": number, "text": text, "framework": f"snd-2022-2026/{framework}"}
    if notes:
        g["notes"] = notes
    g["objectives"] = objectives
    return g


# ---------------------------------------------------------------------------------------------
# Objective 1.x

GARBLED_11 = "număr activități beneficiari direcți"


def garbled_indicator(n):
    return note(
        "text-deteriorat",
        f"Sursa, rândul {n}: al doilea indicator este publicat „număr activități beneficiari direcți”, "
        "probabil două indicatoare lipite („număr activități” și „număr beneficiari direcți”, ca la "
        "activitatea 1.4.1); portalul îl arată așa cum este publicat.",
        "indicators",
    )


def a131():
    c = cells(37)
    # Responsible cell: "<p>civilă.</p> <p>CPECA Caraș-Severin, …</p>"
    resp_cell = line(37).split("\t")[5]
    paras = [norm(p) for p in resp_cell.split("</p>") if norm(p)]
    assert paras[0] == "civilă.", paras
    inds_cell = line(37).split("\t")[3]
    inds = [norm(p)[2:] for p in inds_cell.split("</p>") if norm(p)]
    return {
        "number": "1.3.1.",
        "text": strip_number(c[1], "1.3.1."),
        "indicators": inds,
        "period": c[2],
        "evaluation": c[4],
        "responsible": names(paras[1]),
        "notes": [
            note(
                "text-deteriorat",
                "Sursa, rândul 37: primul indicator este publicat „număr beneficiari direcți direcți” "
                "(cuvânt repetat), iar „număr beneficiari direcți” apare încă o dată ca al treilea "
                "indicator; portalul le arată pe amândouă așa cum sunt publicate.",
                "indicators",
            ),
            note(
                "text-deteriorat",
                "Sursa, rândul 37: celula „Responsabili” începe cu fragmentul izolat „civilă.”, urmat "
                "de lista completă „CPECA Caraș-Severin, IȘJ Caraș-Severin, Autoritățile administrației "
                "publice locale, Societatea civilă.”. Fragmentul stă imediat după capul de tabel repetat "
                "la trecerea pe pagina nouă (rândul 36) și repetă finalul celulei de la activitatea 1.2.2 "
                "(„Societatea civilă.”, rândul 34), care este însă complet pe pagina anterioară: este un "
                "rest de paginare, nu numește vreun responsabil, de aceea portalul nu îl listează.",
                "responsible",
            ),
            note(
                "greseala-de-redactare",
                "Sursa, rândul 37: textul activității începe „Dezvoltarea a măsurilor de intervenție "
                "timpurie”, cu un „a” de prisos; păstrat așa cum este publicat.",
            ),
        ],
    }


obj1 = [
    objective(
        "1.1.", table_objective(31, "1.1."), "prevenire-universala", ["consum-de-droguri"],
        [
            activity(31, "1.1.1.", notes=[garbled_indicator(31)]),
            activity(32, "1.1.2.", notes=[garbled_indicator(32)]),
        ],
    ),
    objective(
        "1.2.", table_objective(33, "1.2."), "intarzierea-debutului", ["consum-de-droguri"],
        [
            activity(33, "1.2.1.", notes=[garbled_indicator(33)]),
            activity(34, "1.2.2.", notes=[garbled_indicator(34)]),
        ],
    ),
    objective(
        "1.3.",
        # "ocazion al" is a word broken by layout (the list, line 27, prints "ocazional").
        table_objective(37, "1.3.").replace("experimental/ocazion al de", "experimental/ocazional de"),
        "interventie-timpurie", ["consum-de-droguri"],
        [a131()],
        notes=[
            note(
                "alta",
                "Sursa, rândul 37: în tabel cuvântul „ocazional” este despărțit de paginare („ocazion "
                "al”); lista obiectivelor (rândul 27) îl scrie întreg. Portalul reunește cuvântul.",
            )
        ],
    ),
    objective(
        "1.4.", table_objective(38, "1.4."), "prevenire-parteneriat-societatea-civila", ["consum-de-droguri"],
        [activity(38, "1.4.1.")],
    ),
]

# ---------------------------------------------------------------------------------------------
# Objective 2.x

obj2 = [
    objective(
        "2.1.", table_objective(54, "2.1."), "acces-consumatori-droguri-injectabile",
        ["consum-de-droguri", "sanatate"], [activity(54, "2.1.1.")],
    ),
    objective(
        "2.2.", table_objective(55, "2.2."), "prevenirea-supradozelor", ["consum-de-droguri", "sanatate"],
        [activity(55, "2.2.1.")],
        list_text=list_objective(49, "2.2."),
        notes=[
            note(
                "formulare-diferita",
                "Lista obiectivelor (sursa, rândul 49) formulează obiectivul „Prevenirea supradozelor și "
                "deceselor asociate consumului de droguri”; tabelul (rândul 55) adaugă „în rândul "
                "persoanelor care consumă droguri;” și se încheie cu punct și virgulă.",
                "list_text",
            )
        ],
    ),
    objective(
        "2.3.", table_objective(56, "2.3."), "reducerea-riscurilor-parteneriat-societatea-civila",
        ["consum-de-droguri"], [activity(56, "2.3.1.")],
    ),
]

# ---------------------------------------------------------------------------------------------
# Objective 3.x

a341 = activity(83, "3.4.1.", notes=[
    note(
        "greseala-de-redactare",
        "Sursa, rândul 83: „DSPCaraș-Severin” este tipărit fără spațiu între abreviere și județ; "
        "portalul îl leagă de Direcția de Sănătate Publică a Județului Caraș-Severin.",
        "responsible",
    )
])

obj3 = [
    objective(
        "3.1.", table_objective(75, "3.1."), "acces-servicii-integrate", ["consum-de-droguri", "sanatate"],
        [activity(75, "3.1.1."), activity(76, "3.1.2."), activity(77, "3.1.3.")],
    ),
    objective(
        "3.2.", table_objective(78, "3.2."), "reducerea-stigmatizarii", ["consum-de-droguri"],
        [activity(78, "3.2.1."), activity(81, "3.2.2.")],
        list_text=list_objective(68, "3.2."),
        notes=[
            note(
                "formulare-diferita",
                "Lista obiectivelor (sursa, rândul 68) formulează obiectivul „Creșterea rezilienței și "
                "reducerea stigmatizării persoanelor care consumă droguri.”; tabelul (rândul 78) are "
                "doar „Reducerea stigmatizării persoanelor care consumă droguri.”.",
                "list_text",
            )
        ],
    ),
    objective(
        "3.3.", table_objective(82, "3.3."), "acces-femei-grupuri-vulnerabile",
        ["consum-de-droguri", "sanatate", "persoane-fara-adapost", "sanatate-mintala"],
        [activity(82, "3.3.1.")],
        list_text=list_objective(70, "3.3."),
        notes=[
            note(
                "formulare-diferita",
                "Lista obiectivelor (sursa, rândul 70) numește grupurile vulnerabile („femeilor și a "
                "grupurilor vulnerabile (persoane fără locuință, consumatori de droguri cu comorbidități "
                "psihice, persoane cu un istoric de consum îndelungat sau policonsum)”); tabelul "
                "(rândul 82) scrie doar „femeilor/grupurilor vulnerabile”.",
                "list_text",
            )
        ],
    ),
    objective(
        "3.4.", table_objective(83, "3.4."), "justitie-terapeutica", ["consum-de-droguri", "sanatate"],
        [a341],
        list_text=list_objective(72, "3.4."),
        notes=[
            note(
                "formulare-diferita",
                "Lista obiectivelor (sursa, rândul 72) scrie „principiile justiției terapeuțice” (greșit, "
                "cu „ț”) și încheie cu punct; tabelul (rândul 83) scrie „terapeutice”, fără punct final.",
                "list_text",
            )
        ],
    ),
]

# ---------------------------------------------------------------------------------------------
# Objective 4.x

a411 = activity(94, "4.1.1.", notes=[
    note(
        "greseala-de-redactare",
        "Sursa, rândul 94: „persoanelor care consumă droguri aflați în stare de reținere” – acord "
        "greșit („aflați” în loc de „aflate”); păstrat așa cum este publicat.",
    )
])

# 4.3.1: the responsible cell continues after the page break (line 103).
c100 = cells(100)
resp_431 = names(c100[5])
assert resp_431[-1] == "Autorități administrației publice", resp_431
assert resp_431[-2] == "Serviciul de Probațiune Caraș- Severin", resp_431
resp_431[-2] = "Serviciul de Probațiune Caraș-Severin"  # hyphenated at a line end inside the cell
cont = cells(103)
assert cont[:5] == ["", "", "", "", ""] and cont[5] == "locale, Societatea civilă.", cont
resp_431[-1] = "Autorități administrației publice locale"
resp_431.append("Societatea civilă.")
a431 = activity(100, "4.3.1.", resp=resp_431, notes=[
    note(
        "alta",
        "Sursa, rândurile 100 și 103: celula „Responsabili” este tăiată de trecerea pe pagina nouă "
        "(„Autorități administrației publice” / „locale, Societatea civilă.”, după capul de tabel "
        "repetat); portalul reunește celula.",
        "responsible",
    ),
    note(
        "alta",
        "Sursa, rândul 100: indicatorul este publicat „număr programe formate”, deși activitatea "
        "privește programe de informare și formare a profesioniștilor; păstrat așa cum este publicat.",
        "indicators",
    ),
])

obj4 = [
    objective(
        "4.1.", table_objective(94, "4.1."), "continuitate-servicii-privare-de-libertate",
        ["consum-de-droguri", "persoane-private-de-libertate"],
        [a411, activity(97, "4.1.2."), activity(98, "4.1.3.")],
        list_text=list_objective(89, "4.1."),
        notes=[
            note(
                "formulare-diferita",
                "Lista obiectivelor (sursa, rândul 89) scrie „în perioada de reținere și arest preventiv, "
                "de detenție” și încheie cu punct; tabelul (rândul 94) omite „și arest preventiv” și "
                "punctul final.",
                "list_text",
            )
        ],
    ),
    objective(
        "4.2.", table_objective(99, "4.2."), "prevenire-privare-de-libertate",
        ["consum-de-droguri", "persoane-private-de-libertate"], [activity(99, "4.2.1.")],
    ),
    objective(
        "4.3.", table_objective(100, "4.3."), "supradoze-privare-de-libertate",
        ["consum-de-droguri", "persoane-private-de-libertate", "sanatate"], [a431],
    ),
]

# ---------------------------------------------------------------------------------------------
# Objective 5.x

c118, c121 = cells(118), cells(121)
tail = [norm(p) for p in line(121).split("\t")[1].split("</p>") if norm(p)]
assert tail[0].startswith("spălare de bani") and tail[1].startswith("5.2.1."), tail
TWO_BODIES = (
    "celula „Responsabili” numește două instituții fără niciun semn între ele („DIICOT - BT "
    "Caraș-Severin SCCO Caraș-Severin”); portalul le arată ca două instituții responsabile."
)
BT = (
    "Abrevierea „BT” din „DIICOT - BT Caraș-Severin” nu este explicată în document (probabil "
    "„Biroul Teritorial”); lista abrevierilor (rândul 169) numește structura DIICOT din județ "
    "„Serviciul Teritorial Caraș-Severin”."
)
a511 = activity(118, "5.1.1.", text=strip_number(c118[1], "5.1.1.") + " " + tail[0],
                resp=["DIICOT - BT Caraș-Severin", "SCCO Caraș-Severin"], notes=[
    note(
        "alta",
        "Sursa, rândurile 118 și 121: textul activității continuă după trecerea pe pagina nouă; "
        "finalul („spălare de bani, etc.) și sunt o amenințare pentru siguranța națională”) stă în "
        "rândul obiectivului 5.2, în aceeași celulă cu activitatea 5.2.1. Portalul reunește textul "
        "activității 5.1.1.",
    ),
    note(
        "greseala-de-redactare",
        "Sursa, rândul 118: „introducerea ilegală de migrați” (în loc de „migranți”) și "
        "„violență/omori” (în loc de „omoruri”); păstrate așa cum sunt publicate.",
    ),
    note("alta", "Sursa, rândul 118: " + TWO_BODIES + " " + BT, "responsible"),
])
a521 = activity(121, "5.2.1.", text=strip_number(tail[1], "5.2.1."),
                resp=["DIICOT - BT Caraș-Severin", "SCCO Caraș-Severin"], notes=[
    note("alta", "Sursa, rândul 121: " + TWO_BODIES, "responsible"),
])
assert c121[5] == "DIICOT - BT Caraș-Severin SCCO Caraș-Severin", c121
assert c118[5] == "DIICOT - BT Caraș-Severin SCCO Caraș-Severin", c118

obj5 = [
    objective("5.1.", table_objective(118, "5.1."), "destructurarea-gruparilor-criminalitate-organizata",
              [], [a511]),
    objective("5.2.", table_objective(121, "5.2."), "confiscarea-bunurilor", [], [a521]),
]

# ---------------------------------------------------------------------------------------------
# Objectives 6.x, 7.x

obj6 = [
    objective(
        "6.1.", table_objective(134, "6.1."), "supraveghere-epidemiologica", ["consum-de-droguri"],
        [activity(134, "6.1.1.")],
        list_text=list_objective(131, "6.1."),
        notes=[
            note(
                "formulare-diferita",
                "Lista obiectivelor (sursa, rândul 131) formulează obiectivul „Dezvoltarea și "
                "implementarea instrumentelor de supraveghere epidemiologică pentru a obține și analiza "
                "cele mai recente date privind modelele și tendințele survenite în consumul de droguri.”; "
                "tabelul (rândul 134) are doar „Implementarea instrumentelor de supraveghere "
                "epidemiologică”.",
                "list_text",
            )
        ],
    ),
]


def no_evaluation(n):
    return note(
        "celula-lipsa",
        f"Sursa, rândul {n}: rândul are doar patru celule (activitate, perioadă, indicatori, "
        "responsabili); celula „Termen de evaluare” lipsește, de aceea portalul nu arată un termen "
        "de evaluare pentru această activitate.",
        "evaluation",
    )


def short_row(n, number, **kw):
    c = cells(n)
    assert len(c) == 4, c
    return activity(n, number, text=strip_number(c[0], number), period=c[1], inds=indicators(c[2]),
                    resp=names(c[3]), no_evaluation=True, **kw)


a712 = activity(148, "7.1.2.", notes=[
    note(
        "greseala-de-redactare",
        "Sursa, rândul 148: „Implementarea unei concept modern” – acord greșit („unei” în loc de "
        "„unui”); păstrat așa cum este publicat.",
    )
])
a723 = short_row(152, "7.2.3.", themes=["educatie"], notes=[no_evaluation(152)])
a724 = short_row(153, "7.2.4.", notes=[
    no_evaluation(153),
    note(
        "denumire-ambigua",
        "Sursa, rândul 153: „DIICOT” este tipărit fără structură teritorială; poate desemna direcția "
        "națională sau structura sa din Caraș-Severin (numită în alte rânduri „DIICOT Caraș-Severin” "
        "și „DIICOT - BT Caraș-Severin”). Portalul îl leagă de DIICOT la nivel național.",
        "responsible",
    ),
])

obj7 = [
    objective(
        "7.1.", table_objective(147, "7.1."), "cooperare-intersectoriala", ["capacitate-institutionala"],
        [activity(147, "7.1.1."), a712],
    ),
    objective(
        "7.2.", table_objective(149, "7.2."), "capacitate-de-raspuns", ["capacitate-institutionala"],
        [activity(149, "7.2.1."), activity(150, "7.2.2."), a723, a724],
    ),
]

# ---------------------------------------------------------------------------------------------
# Goals and sections

g1 = goal(21, "1", "prevenire", obj1)
g2 = goal(43, "2", "reducerea-riscurilor", obj2, notes=[
    note(
        "alta",
        "Sursa, rândul 43: textul folosește cuvântul englezesc „evidence” („bazată pe evidence "
        "științifice”); păstrat așa cum este publicat.",
    )
])
assert norm(line(60)) == "Obiectiv general 3:"
g3 = goal(62, "3", "asistenta-specializata", obj3, text=norm(line(62)), notes=[
    note(
        "greseala-de-redactare",
        "Sursa, rândul 62: „bazate pe evidente științifice” – „evidente” fără diacritice (evidențe); "
        "păstrat așa cum este publicat.",
    )
])
g4 = goal(85, "4", "privare-de-libertate", obj4)
g5 = goal(107, "5", "reducerea-ofertei", obj5, notes=[
    note(
        "text-deteriorat",
        "Sursa, rândul 107: „a grupărilor de sorginte română care ținesc stătele membre U.E.” – "
        "text deteriorat (probabil „țintesc statele”); păstrat așa cum este publicat.",
    ),
    note(
        "alta",
        "Sursa, rândurile 107–115: spre deosebire de celelalte obiective generale, lista obiectivelor "
        "specifice 5.1 și 5.2 nu este precedată de titlul „Obiective specifice:”.",
    ),
])
g6 = goal(127, "6", "cercetare-evaluare-informare", obj6)
g7 = goal(138, "7", "coordonare", obj7, notes=[
    note(
        "greseala-de-redactare",
        "Sursa, rândul 138: „în domeniul problematicei drogurilor” (în loc de „problematicii”); "
        "păstrat așa cum este publicat.",
    )
])

assert norm(line(17)) == "I. REDUCEREA CERERII DE DROGURI"
assert norm(line(105)) == "II. REDUCEREA OFERTEI DE DROGURI"
assert norm(line(123)).startswith("III. ")
sections = [
    {
        "number": "I",
        "title": "REDUCEREA CERERII DE DROGURI",
        "sections": [
            {"level": "Domeniul prioritar", "title": "PREVENIREA CONSUMULUI DE DROGURI", "goals": [g1]},
            {
                "level": "Domeniul prioritar",
                "title": "ASISTENȚA INTEGRATĂ",
                "sections": [
                    {"level": "Arie prioritară", "title": "REDUCEREA RISCURILOR ASOCIATE CONSUMULUI DE DROGURI",
                     "goals": [g2]},
                    {"level": "Arie prioritară", "title": "ASISTENȚA SPECIALIZATĂ A PERSOANELOR CARE CONSUMĂ DROGURI",
                     "goals": [g3, g4]},
                ],
            },
        ],
    },
    {"number": "II", "title": "REDUCEREA OFERTEI DE DROGURI", "goals": [g5]},
    {
        "number": "III",
        "title": norm(line(123))[len("III. "):],
        "sections": [
            {"number": "III.1", "title": "CERCETARE, EVALUARE, INFORMARE", "goals": [g6]},
            {"number": "III.2", "title": "COORDONARE", "goals": [g7]},
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# The plan

glossary = []
for n in range(164, 174):
    text = norm(line(n)).rstrip(";.")
    abbreviation, meaning = text.split(" – ", 1)
    glossary.append({"abbreviation": abbreviation, "meaning": meaning})

header = "\n".join(norm(line(n)) for n in (5, 6, 7, 8, 9, 10, 11)) + "\n"

plan = {
    "title": norm(line(15)),
    "type": "plan-droguri",
    "county": "caras-severin",
    "issuer": "Consiliul Județean Caraș-Severin",
    "period": {"from": 2022, "to": 2026},
    "approval": norm(line(13)),
    "date": "2022-09-29",
    "source": SOURCE,
    "header": header,
    "signatories": [
        {"role": "Șeful Centrului Regional de Prevenire, Evaluare și Consiliere Antidrog Timișoara "
                 "Comisar-șef de poliție", "name": "Dorin COPILU"},
        {"role": "PRESEDINTE", "name": "Romeo-Dan DUNCA"},
        {"role": "DIRECTOR EXECUTIV,", "name": "Dorina DAH"},
    ],
    "glossary": glossary,
    "labels": {
        "goal": "Obiectiv general",
        "objective": "Obiectiv specific",
        "activity": "Activitate",
        "indicators": "Indicatori",
        "period": "Perioada de implementare",
        "evaluation": "Termen de evaluare",
        "responsible": "Responsabili",
    },
    "notes": [
        note(
            "alta",
            "Capul tabelelor: „Obiective specifice”, „Activități”, „Perioada de "
            "implementare”, „Indicatori”, „Termen de evaluare”, „Responsabili”. Capul de tabel repetat la "
            "fiecare pagină apare și deteriorat: „Activități.” (cu punct și scris cu litera cu sedilă, sursa, rândul 120), „Obiectivespecifice” "
            "(rândul 133), „ctive specifice” (rândul 146); portalul nu repetă capetele de tabel.",
        ),
        note(
            "alta",
            "Secțiunile cu cifre romane (I., II., III.) și subsecțiunile III.1. și III.2. nu au un nume de "
            "nivel tipărit (sursa, rândurile 17, 105, 123, 125, 136).",
        ),
        note(
            "greseala-de-redactare",
            "Lista abrevierilor, sursa, rândul 168: „SCCO Târgu Caraș-Severin – Serviciul de Combateră a "
            "Criminalității Organizate Caraș-Severin” – „Târgu” de prisos în abreviere și „Combateră” în "
            "loc de „Combatere”; tabelul folosește „SCCO Caraș-Severin” (rândurile 118, 121, 153).",
        ),
        note(
            "greseala-de-redactare",
            "Lista abrevierilor, sursa, rândul 171: „DIST Caraș-Severin” pentru Direcția Județeană pentru "
            "Sport și Tineret, pe care tabelul o numește „DJST Caraș-Severin” (rândurile 31, 32, 34, 150).",
        ),
        note(
            "formulare-diferita",
            "Lista abrevierilor (sursa, rândul 169) explică „DIICOT Caraș-Severin” ca „Serviciul Teritorial "
            "Caraș-Severin”, iar tabelul scrie „DIICOT - BT Caraș-Severin” (rândurile 118, 121), „DIICOT "
            "Caraș-Severin” (rândul 83) și „DIICOT” (rândul 153).",
        ),
        note(
            "alta",
            "Lista abrevierilor (sursa, rândurile 164–173) nu are titlu și stă între semnătura șefului "
            "Centrului Regional de Prevenire, Evaluare și Consiliere Antidrog Timișoara (rândurile 155–160) "
            "și semnăturile de la final (rândurile 175–183). Nu explică toate abrevierile din tabel (de "
            "exemplu „BT” din „DIICOT - BT Caraș-Severin”).",
        ),
        note(
            "greseala-de-redactare",
            "Sursa, rândul 175: rolul semnatarului este tipărit „PRESEDINTE”, fără diacritice; rolul "
            "„DIRECTOR EXECUTIV,” (rândul 181) are virgulă; ambele păstrate așa cum sunt publicate.",
        ),
    ],
    "sections": sections,
}


class Dumper(yaml.SafeDumper):
    pass


def str_presenter(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    # Numbers are always quoted.
    if re.fullmatch(r"[0-9IVX.]+", data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


Dumper.add_representer(str, str_presenter)

out = sys.stdout
out.write("# Transcribed from content/sources/001_8fb6bb65d040dc76.txt by scripts/transcribe/caras_severin.py;\n")
out.write("# see docs/sources.md.\n")
yaml.dump(plan, out, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100000)
