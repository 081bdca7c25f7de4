# planportal's messages in Romanian, the default language. Keys and their arguments are described
# in src/messages/catalogue.rs; every key is in en.ftl too. Values as written in a file are quoted
# with `…`, the texts of documents with „…”; ș and ț have the comma below. Counts take the three
# Romanian forms: [one] 1, [few] 0 and 2–19 ("2 erori"), [other] 20 and up ("20 de erori").

## Labels and summaries

label-error = eroare
label-warning = avertisment
label-help = ajutor
errors = { $count ->
    [one] 1 eroare
    [few] { $count } erori
   *[other] { $count } de erori
}
warnings = { $count ->
    [one] 1 avertisment
    [few] { $count } avertismente
   *[other] { $count } de avertismente
}
errors-and-warnings = { $errors }, { $warnings }
more-errors = { $count ->
    [one] încă 1 eroare
    [few] încă { $count } erori
   *[other] încă { $count } de erori
}
more-warnings = { $count ->
    [one] încă 1 avertisment
    [few] încă { $count } avertismente
   *[other] încă { $count } de avertismente
}
more-problems = { $count ->
    [few] încă { $count } probleme ({ $detail })
   *[other] încă { $count } de probleme ({ $detail })
}
hidden-in-file = … și { $more } în { $path }

## Files

cannot-read = nu se poate citi: { $error }
file-too-large = fișierul are { $bytes ->
    [one] 1 octet
    [few] { $bytes } octeți
   *[other] { $bytes } de octeți
}, mai mult decât limita de { $limit } de octeți
split-content = împărțiți conținutul în mai multe fișiere
file-is-utf16 = fișierul este salvat ca UTF-16, nu ca UTF-8
save-as-utf8-notepad = salvați fișierul ca UTF-8 (în Notepad: Save as, Encoding: UTF-8)
not-utf8 = fișierul nu este UTF-8 valid (octetul { $byte })
save-as-utf8 = salvați fișierul ca UTF-8
no-front-matter = un document trebuie să înceapă cu antetul YAML între rânduri `---`
add-front-matter = scrieți `---` pe primul rând, apoi câmpurile, apoi `---` înaintea textului
bad-source-name = numele fișierului sursă `{ $name }` nu poate fi publicat așa cum este
source-name-chars = folosiți litere fără diacritice, cifre, `.`, `_` și `-`, de exemplu 000_6788c3dd0b8dd7a6.txt
reserved-source-name = numele fișierului sursă `{ $name }` este un nume de dispozitiv rezervat de Windows
reserved-source-name-hint = site-ul nu ar putea fi copiat pe Windows sau servit de acolo; adăugați ceva la nume, de exemplu con-1.txt
source-not-txt = fișierul sursă `{ $name }` nu este un fișier `.txt`
source-not-txt-hint = sursele se publică drept text simplu: salvați textul ca UTF-8 într-un fișier `.txt`; un browser ar putea rula sau afișa orice alt tip ca parte a portalului
placeholder = `{ $marker }` marchează o valoare încă necompletată
placeholder-hint = înlocuiți marcajul cu textul documentului publicat sau ștergeți ce documentul nu are
no-content-folder = folderul de conținut nu există
no-content-folder-hint = rulați planportal în folderul site-ului sau dați --root DIR
symbolic-link = aceasta este o legătură simbolică, iar legăturile simbolice nu sunt urmate
symbolic-link-hint = copiați fișierul în content/ în loc de a face o legătură spre el
not-in-model = acest fișier nu face parte din modelul de conținut și este ignorat
not-in-model-hint = docs/content-model.md arată unde se pune fiecare fel de fișier
empty-file = fișierul este gol
empty-file-hint = docs/content-model.md arată ce trebuie să conțină
bad-file-name = numele de fișier `{ $name }` nu este un identificator valid
bad-file-name-hint = folosiți litere mici fără diacritice, cifre și cratime simple, de exemplu cluj-droguri-2022-2026
reserved-file-name = numele de fișier `{ $name }` este un nume de dispozitiv rezervat de Windows
reserved-name-hint = site-ul nu ar putea fi copiat pe Windows sau servit de acolo; adăugați ceva la nume, de exemplu { $name }-1
id-taken = identificatorul `{ $id }` este deja folosit de { $first }
id-taken-hint = numele fișierelor sunt identificatori: trebuie să fie unice în arborele lor de foldere
source-name-taken = numele sursei `{ $name }` este deja folosit de { $first }
source-name-taken-hint = sursele se publică drept surse/NUME oricare le-ar fi folderul: numele trebuie să difere, și nu doar prin litere mari sau mici
required-file-missing = acest fișier este obligatoriu și lipsește
required-file-missing-hint = docs/content-model.md îl descrie
config-missing = nu se poate citi: fișierul lipsește

## Parsers (serde, YAML, TOML)

unknown-field = cheie necunoscută `{ $field }`; { $count ->
    [0] aici nu se scrie nicio cheie
    [one] se aștepta { $names }
   *[other] se aștepta una dintre { $names }
}
unknown-value = valoare necunoscută `{ $value }`; { $count ->
    [0] nu există valori
    [one] se aștepta { $names }
   *[other] se aștepta una dintre { $names }
}
missing-field = lipsește cheia `{ $field }`
duplicate-field = cheia `{ $field }` este scrisă de două ori
invalid-type = valoare greșită: { $found }; se aștepta { $expected }
yaml-syntax = eroare de sintaxă YAML: { $detail }
toml-syntax = eroare de sintaxă TOML: { $detail }
hint-key-spelling = verificați ortografia cheii; docs/content-model.md enumeră toate cheile
hint-quote-value = scrieți valoarea între ghilimele, de exemplu number: "1.1"
hint-write-list = scrieți o listă: câte un `- element` pe rând, sau [a, b]
hint-add-key = adăugați cheia; docs/content-model.md spune ce conține
hint-write-text = scrieți textul așa cum îl are documentul; în YAML, `~`, `null` sau nimic după două puncte înseamnă nicio valoare
hint-listed-values = folosiți una dintre valorile enumerate mai sus
hint-nests-too-deep = fișierul imbrică sau repetă aliasuri prea adânc pentru a fi conținut; scrieți-l pe larg
hint-yaml-syntax = sintaxă YAML: verificați indentarea, ghilimelele și parantezele aici și pe rândul dinainte; puneți între ghilimele un text care conține `: ` sau începe cu `[`, `{"{"}`, `*`, `&`
aliases-refused = ancorele și aliasurile YAML nu sunt permise în conținut
aliases-refused-hint = scrieți valoarea întreagă oriunde este nevoie de ea; puneți între ghilimele un text care începe cu `&` sau `*`
nested-too-deep = listele și dicționarele sunt imbricate pe mai mult de { $depth } de niveluri
nested-too-deep-hint = conținutul are cel mult câteva niveluri: verificați că fiecare `[` și `{"{"}` este închis

## config.toml

config-key-spelling = verificați ortografia cheii; README.md enumeră setările
config-needs-keys = config.toml are nevoie cel puțin de title și base_url; vedeți README.md
bad-base-url = base_url `{ $url }` trebuie să fie o adresă absolută sau o cale care se termină cu `/`
bad-base-url-hint = de exemplu base_url = "https://planuri.example.ro/" sau "/portal/"
bad-theme = tema `{ $theme }` nu este un nume de folder valid
bad-theme-hint = numiți un folder din themes/ cu litere mici, cifre și cratime, de exemplu theme = "default"
bad-checked = checked `{ $checked }` nu este o zi din calendar
bad-checked-hint = scrieți ziua ultimei verificări a conținutului ca AAAA-LL-ZZ, de exemplu checked = "2026-11-30"
config-create-hint = creați config.toml cu title și base_url; vedeți README.md

## Nouns (src/messages/mod.rs, `Noun`)

noun = { $what ->
    [county] județ
    [locality] localitate
    [theme] temă
    [institution-type] tip de instituție
    [institution] instituție
    [framework-goal] scop al cadrului
    [framework-objective] obiectiv al cadrului
    [general-objective] obiectiv general
    [specific-objective] obiectiv specific
    [activity] activitate
    [intermediate-objective] obiectiv intermediar
    [title] titlu
   *[county-name] numele județului
}

## Names: counties, localities, themes, institutions

not-iso-code = `{ $code }` nu este un cod ISO 3166-2 al României
not-iso-code-hint = scrieți-l ca RO-CJ
tile-taken = pătratul hărții (rând, coloană) { $tile } este deja pătratul lui `{ $other }`
tile-taken-hint = fiecare județ are pătratul lui pe hartă; mutați unul dintre cele două pe un pătrat liber
tile-zero = rândul și coloana unui pătrat al hărții încep de la 1
invalid-id = `{ $id }` nu este un identificator valid de { $what }
slug-hint = folosiți litere mici fără diacritice, cifre și cratime simple
reserved-id = `{ $id }` este un nume de dispozitiv rezervat de Windows, nu un identificator valid de { $what }
reserved-id-hint = site-ul nu ar putea fi copiat pe Windows sau servit de acolo; adăugați ceva la identificator, de exemplu { $id }-1
site-folder-id = `{ $id }` este numele unei pagini a site-ului ({ $page }), nu un identificator valid de { $what }
site-folder-id-hint = cele două ar fi un singur fișier; adăugați ceva la identificator, de exemplu { $id }-1
duplicate-id = identificator de { $what } duplicat `{ $id }`
own-id-hint = fiecare { $what } are nevoie de propriul identificator
unknown-county = județ necunoscut `{ $slug }`
counties-listed = județele sunt enumerate în content/counties.yaml
did-you-mean-county = ați vrut să scrieți `{ $name }`? județele sunt enumerate în content/counties.yaml
unknown-institution-type = tip de instituție necunoscut `{ $kind }`
did-you-mean = ați vrut să scrieți `{ $name }`?
types-listed = tipurile sunt enumerate în content/institution-types.yaml
name-taken-in-county = numele `{ $name }` aparține deja instituției `{ $other }` în județul `{ $county }`
name-taken-national = numele `{ $name }` aparține deja instituției `{ $other }` printre instituțiile naționale
name-taken-hint = un nume poate desemna o singură instituție într-un județ; scoateți-l de la una dintre ele
unknown-institution = instituție necunoscută `{ $name }`
did-you-mean-institution = ați vrut să scrieți `{ $name }`? altfel adăugați numele ca alias al instituției sale în content/institutions/
add-alias = adăugați numele ca alias al instituției sale în content/institutions/
unknown-theme = temă necunoscută `{ $id }`
did-you-mean-theme = ați vrut să scrieți `{ $name }`? temele sunt enumerate în content/themes.yaml
themes-listed = temele sunt enumerate în content/themes.yaml
unknown-locality = localitate necunoscută `{ $slug }`
localities-listed = localitățile sunt enumerate în content/localities.yaml
locality-elsewhere = localitatea `{ $slug }` nu se află în județul acestei publicații
locality-elsewhere-hint = `{ $slug }` ({ $name }) se află în județul { $county }: localitățile unei publicații se află în județul ei
locality-not-named = activitatea { $number } are eticheta localității `{ $slug }`, pe care nicio celulă tipărită a ei nu o numește
locality-not-named-hint = căutați „{ $name }” în text, responsabili, parteneri, indicatori; ștergeți eticheta dacă activitatea nu o numește
source-missing = fișierul sursă `{ $source }` nu se află în content/sources/
source-missing-hint = copiați textul așa cum a fost publicat în content/sources/

## Limits

number-too-long = acest număr este prea lung pentru a numi o pagină: { $length ->
    [one] 1 caracter
    [few] { $length } caractere
   *[other] { $length } de caractere
} în adresa ei, cel mult { $max }
number-too-long-hint = numărul este eticheta scurtă tipărită înaintea textului, de exemplu 1.2. sau OS.3; mutați restul în `text`
no-wording = { $what } `{ $id }` nu are nicio formulare
no-wording-hint = copiați cel puțin o formulare așa cum o citează planurile, de exemplu wordings: [Consolidarea sistemului național de prevenire]
pair-collision = comparația dintre `{ $a }` și `{ $b }` ar avea adresa comparației dintre `{ $c }` și `{ $d }` ({ $url })
pair-collision-hint = `-si-` unește cele două județe în adresa unei comparații; schimbați unul dintre acești identificatori
body-too-deep = textul are mai mult de { $max } de niveluri imbricate (citate, liste, evidențieri sau etichete HTML)
body-too-deep-hint = niciun document publicat nu are atâtea niveluri; eliminați nivelurile în plus
control-character = caracter de control U+{ $code } în { $what }
remove-escape = eliminați secvența `{ $escape }`: fluxul publicațiilor (XML) nu poate conține caractere de control; scrieți un spațiu
remove-control = eliminați-l: fluxul publicațiilor (XML) nu poate conține caractere de control; scrieți un spațiu

## Plans

period-reversed = perioada se încheie ({ $to }) înainte să înceapă ({ $from })
invalid-section-id = `{ $id }` nu este un identificator valid de secțiune
empty-text-numbered = { $what } { $number } are textul gol
empty-text = { $what } are textul gol
empty-text-hint = scrieți textul așa cum îl publică documentul

## Anchors

section-anchor-twice = ancora `{ $anchor }` dată de acest identificator este folosită de două ori în acest plan
section-anchor-twice-hint = două secțiuni ale unui plan nu pot avea același identificator
invalid-anchor = `{ $anchor }` nu este o ancoră validă
invalid-anchor-hint = o ancoră are litere mici fără diacritice, cifre și cratime simple, cu o parte de nivel ca ale site-ului (`a-1-2`, `os-i-1-m1`, `copii-og-3-2`, `s-0-1`), și nu se termină cu `-t`
anchor-twice = ancora `{ $anchor }` este folosită de două ori în acest plan
anchor-twice-hint = fiecare identificator și identificator anterior al unui plan duce la un singur element: dați acestui element alt identificator
number-anchor-taken = ancora `{ $anchor }` dată de numărul său este identificatorul altui element
same-number = alt element al planului are același număr
no-number = nu are număr
needs-anchor-key = acest element are nevoie de `{ $key }`: { $why }, așa că ancora lui ar depinde de poziția sa
needs-anchor-key-hint = scrieți `{ $key }: { $anchor }`: ancora pe care o are azi pe site sau, pentru un element nou, una liberă; un `{ $key }` rămâne când se inserează sau se renumerotează elemente
anchor-gone = ancora publicată `{ $anchor }` ducea la { $was } și niciun element al planului nu o mai are
anchor-gone-hint = există legături spre ea: dacă elementul este încă în plan (renumerotat sau corectat), adăugați-i `previous_ids: [{ $anchor }]`
anchor-repointed = ancora publicată `{ $anchor }` ducea la { $was } ({ $record }) și acum ar duce la acest element, { $is }
anchor-repointed-hint = dacă este alt element, dați-i propriul `id:` și dați elementului înregistrat `id: { $anchor }`; dacă este același element cu numărul sau textul corectat, înregistrați din nou: planportal anchors --record

## Dates, documents, frameworks, notes, provenance

not-a-date = `{ $date }` nu este o dată
not-a-date-hint = scrieți datele ca AAAA-LL-ZZ, de exemplu 2022-09-29
no-such-day = ziua `{ $date }` nu există în calendar
no-such-day-hint = verificați ziua și luna; datele se scriu AAAA-LL-ZZ, de exemplu 2022-09-29
item-not-in-body = acest element nu apare în textul documentului
item-not-in-body-hint = copiați textul elementului exact cum apare în textul documentului
unknown-framework-objective = obiectiv al cadrului necunoscut `{ $reference }`
framework-ref-hint = scrieți id-cadru/id-obiectiv așa cum sunt enumerate în content/frameworks/
specific-links-goal = un obiectiv specific este legat de un scop al cadrului `{ $reference }`
general-links-objective = un obiectiv general este legat de un obiectiv al cadrului `{ $reference }`
framework-level-hint = legați obiectivele generale de scopurile cadrului și obiectivele specifice de obiectivele cadrului
item-needs-field = `item` are nevoie de un `field` care numește o listă: `indicators` sau `funding`
item-needs-field-hint = scrieți `field: indicators` (sau `funding`) în aceeași notă
no-such-list-item = nu există elementul { $number } în `{ $list }`: { $count ->
    [one] are 1 element
    [few] are { $count } elemente
   *[other] are { $count } de elemente
}
counted-from-one = elementele se numără de la 1, în ordinea listei
not-lines = `{ $text }` nu este nici număr de rând, nici interval de rânduri
not-lines-hint = scrieți un număr, 51, sau un interval, "32-34"
lines-reversed = intervalul de rânduri { $from }-{ $to } se termină înainte să înceapă
lines-reversed-hint = scrieți întâi primul rând: "{ $to }-{ $from }"
line-beyond-source = rândul { $line } nu se află în textul sursei, care are { $count ->
    [one] 1 rând
    [few] { $count } rânduri
   *[other] { $count } de rânduri
}
line-beyond-source-hint = rândurile sunt numerotate de la 1, ca pe pagina sursei (surse/<nume>/)
report-unknown-plan = planul `{ $id }` despre care este acest raport nu are fișier în content/plans/
report-unknown-plan-hint = scrieți id-ul unui plan: numele fișierului său, fără .yaml
statuses-without-plan = sunt date stadii, dar nu și planul căruia îi aparțin
statuses-without-plan-hint = adăugați `reports_on:` cu id-ul planului despre care este raportul
status-item-unknown = `{ $item }` nu este o activitate a planului `{ $plan }`
status-item-unknown-hint = scrieți numărul activității așa cum îl tipărește planul („1.1.1.”) sau ancora ei (a-1-1-1)
status-item-ambiguous = mai multe activități ale planului au numărul `{ $item }`
status-item-ambiguous-hint = scrieți ancora celei vizate (a-1-1-1, cum se termină adresa locului ei pe pagina planului)
status-date-before-plan = data stadiului, { $date }, este înaintea perioadei planului, care începe în { $from }
status-date-after-report = data stadiului, { $date }, este după data raportului însuși, { $report }
status-date-hint = un stadiu este valabil la o zi între primul an al planului și data raportului: scrieți ziua pe care o dă raportul
status-twice = raportul dă deja un stadiu pentru `{ $item }`
status-twice-hint = un raport dă un singur stadiu pentru fiecare activitate; un raport ulterior îl actualizează (data cea mai nouă are prioritate)
status-without-lines = stadiul nu numește niciun rând din textul sursă al raportului
status-without-lines-hint = scrieți rândurile din care a fost citit: `lines: [51]` sau `lines: ["32-34"]`
record-without-plan = aceste ancore au fost publicate de planul `{ $id }`, care nu are fișier
record-without-plan-hint = există legături spre ele: restaurați content/plans/{ $id }.yaml (fișierul unui plan își păstrează numele) sau ștergeți această înregistrare dacă planul nu a fost publicat niciodată
not-http = `{ $url }` nu este o adresă http(s)
not-http-hint = scrieți adresa completă a publicației oficiale, începând cu https:// sau http://
not-sha256 = `{ $sum }` nu este un SHA-256: se așteptau 64 de cifre hexazecimale, are { $count ->
    [one] 1 caracter
    [few] { $count } caractere
   *[other] { $count } de caractere
}
not-sha256-hint = copiați suma de control a fișierului descărcat așa cum o afișează `sha256sum`
empty-correction = corectura este goală: trebuie spus ce s-a corectat

## Commands: check, anchors, build

objective-not-linked = obiectivul specific { $number } nu este legat de un obiectiv al cadrului
most-similar = cel mai asemănător: `framework: { $framework }` (scor { $score }); `planportal suggest` le enumeră pe toate
label-missing = planul folosește `{ $key }`, dar `labels` nu are `{ $label }`
label-missing-hint = scrieți în `labels` cuvântul documentului, de exemplu `{ $label }: { $example }`
not-similar-enough = niciun obiectiv al cadrului nu este destul de asemănător: cel mai apropiat, { $closest }, are scorul { $score }, sub { $floor }; legați-l de mână dacă planul îl pune în practică sau lăsați-l nelegat; `planportal suggest` le enumeră pe toate
check-clean = check: { $plans ->
    [one] 1 plan
    [few] { $plans } planuri
   *[other] { $plans } de planuri
}, { $documents ->
    [one] 1 document
    [few] { $documents } documente
   *[other] { $documents } de documente
}, { $institutions ->
    [one] 1 instituție
    [few] { $institutions } instituții
   *[other] { $institutions } de instituții
}: nicio eroare
anchor-gone-record-hint = adăugați `previous_ids: [{ $anchor }]` acelui element înainte de înregistrare; `planportal check` arată unde
build-stopped = construirea s-a oprit: nu s-a scris nimic, { $output } nu s-a schimbat

## Parsers: value kinds, paths, our own deserialisers

at-path = { $path }: { $message }
verbatim = { $text }
found-text = textul { $value }
found-number = numărul { $value }
found-boolean = valoarea logică { $value }
found-nothing = nicio valoare
found-list = o listă
found-map = un dicționar
expected-text = un text
expected-list = o listă
expected-boolean = o valoare logică (true sau false)
expected-map = un dicționar (chei și valori)
expected-number = un număr
title-empty = titlul este gol: se aștepta un text
title-no-value = titlul nu are valoare: se aștepta un text
found-float = numărul { $value }
noun-the = { $what ->
    [county] județul
    [locality] localitatea
    [theme] tema
    [institution-type] tipul de instituție
    [institution] instituția
    [framework-goal] scopul cadrului
    [framework-objective] obiectivul cadrului
    [general-objective] obiectivul general
    [specific-objective] obiectivul specific
    [activity] activitatea
    [intermediate-objective] obiectivul intermediar
    [title] titlul
   *[county-name] numele județului
}
