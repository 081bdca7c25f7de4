# planportal's messages in English (for maintainers: `--lang en` or LANG=en_…). Keys and their
# arguments are described in src/messages/catalogue.rs; every key is in ro.ftl too.

## Labels and summaries

label-error = error
label-warning = warning
label-help = help
errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
errors-and-warnings = { $errors }, { $warnings }
more-errors = { $count ->
    [one] 1 more error
   *[other] { $count } more errors
}
more-warnings = { $count ->
    [one] 1 more warning
   *[other] { $count } more warnings
}
more-problems = { $count } more problems ({ $detail })
hidden-in-file = … and { $more } in { $path }

## Files

cannot-read = cannot read: { $error }
file-too-large = the file is { $bytes } bytes, more than the limit of { $limit } bytes
split-content = split the content into several files
file-is-utf16 = the file is saved as UTF-16, not UTF-8
save-as-utf8-notepad = save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)
not-utf8 = the file is not valid UTF-8 (byte { $byte })
save-as-utf8 = save the file as UTF-8
no-front-matter = a document must start with YAML front matter between `---` lines
add-front-matter = put `---` on the first line, the fields, then `---` before the body
bad-source-name = the source file name `{ $name }` cannot be published as is
source-name-chars = use letters without diacritics, digits, `.`, `_` and `-`, e.g. 000_6788c3dd0b8dd7a6.txt
reserved-source-name = the source file name `{ $name }` is a device name reserved by Windows
reserved-source-name-hint = the site could not be copied to or served from Windows; add to the name, e.g. con-1.txt
source-not-txt = the source file `{ $name }` is not a `.txt` file
source-not-txt-hint = sources are published as plain text: save the text as UTF-8 in a `.txt` file; a browser could run or render any other type as part of the portal
placeholder = `{ $marker }` marks a value still to fill in
placeholder-hint = replace the placeholder with the text of the published document, or delete what the document does not have
no-content-folder = the content folder does not exist
no-content-folder-hint = run planportal in the site folder, or pass --root DIR
symbolic-link = this is a symbolic link, and symbolic links are not followed
symbolic-link-hint = copy the file into content/ instead of linking to it
not-in-model = this file is not part of the content model and is ignored
not-in-model-hint = docs/content-model.md lists where each kind of file belongs
empty-file = the file is empty
empty-file-hint = docs/content-model.md shows what it must hold
bad-file-name = the file name `{ $name }` is not a valid id
bad-file-name-hint = use lowercase letters without diacritics, digits and single hyphens, e.g. cluj-droguri-2022-2026
reserved-file-name = the file name `{ $name }` is a device name reserved by Windows
reserved-name-hint = the site could not be copied to or served from Windows; add to the name, e.g. { $name }-1
id-taken = the id `{ $id }` is already taken by { $first }
id-taken-hint = file names are ids: they must be unique within their folder tree
source-name-taken = the source name `{ $name }` is already taken by { $first }
source-name-taken-hint = sources are published as surse/NAME whatever their folder: names must differ, and not only in letter case
required-file-missing = this file is required and missing
required-file-missing-hint = docs/content-model.md describes it
config-missing = cannot read: the file is missing

## Parsers (serde, YAML, TOML)

unknown-field = unknown field `{ $field }`, { $count ->
    [0] there are no fields
    [one] expected { $names }
   *[other] expected one of { $names }
}
unknown-value = unknown variant `{ $value }`, { $count ->
    [0] there are no variants
    [one] expected { $names }
   *[other] expected one of { $names }
}
missing-field = missing field `{ $field }`
duplicate-field = duplicate field `{ $field }`
invalid-type = invalid type: { $found }, expected { $expected }
yaml-syntax = { $detail }
toml-syntax = { $detail }
hint-key-spelling = check the spelling of the key; docs/content-model.md lists every key
hint-quote-value = write the value in quotes, e.g. number: "1.1"
hint-write-list = write a list: one `- item` per line, or [a, b]
hint-add-key = add the key; docs/content-model.md says what it holds
hint-write-text = write the text as the document has it; `~`, `null` or nothing after the colon means no value in YAML
hint-listed-values = use one of the values listed above
hint-nests-too-deep = the file nests or repeats aliases too deeply to be content; write it out plainly
hint-yaml-syntax = YAML syntax: check indentation, quotes and brackets here and on the line before; quote a text that contains `: ` or starts with `[`, `{"{"}`, `*`, `&`
aliases-refused = YAML anchors and aliases are not allowed in content
aliases-refused-hint = write the value out in full wherever it is needed; quote a text that starts with `&` or `*`
nested-too-deep = lists and maps are nested more than { $depth } levels deep
nested-too-deep-hint = content nests a few levels at most: check that every `[` and `{"{"}` is closed

## config.toml

config-key-spelling = check the spelling of the key; README.md lists the settings
config-needs-keys = config.toml needs at least title and base_url; see README.md
bad-base-url = base_url `{ $url }` must be an absolute URL or path ending in `/`
bad-base-url-hint = e.g. base_url = "https://planuri.example.ro/" or "/portal/"
bad-theme = theme `{ $theme }` is not a valid folder name
bad-theme-hint = name a folder of themes/ in lowercase letters, digits and hyphens, e.g. theme = "default"
bad-checked = checked `{ $checked }` is not a day of the calendar
bad-checked-hint = write the day the content was last checked as YYYY-MM-DD, e.g. checked = "2026-11-30"
config-create-hint = create config.toml with title and base_url; see README.md

## Nouns (src/messages/mod.rs, `Noun`)

noun = { $what ->
    [county] county
    [locality] locality
    [theme] theme
    [institution-type] institution type
    [institution] institution
    [framework-goal] framework goal
    [framework-objective] framework objective
    [general-objective] general objective
    [specific-objective] specific objective
    [activity] activity
    [intermediate-objective] intermediate objective
    [title] the title
   *[county-name] the county name
}

## Names: counties, localities, themes, institutions

not-iso-code = `{ $code }` is not an ISO 3166-2 code of Romania
not-iso-code-hint = write it as RO-CJ
tile-taken = the map square (row, column) { $tile } is already the square of `{ $other }`
tile-taken-hint = each county has a square of its own on the map; move one of the two to a free square
tile-zero = a map square's row and column start at 1
invalid-id = `{ $id }` is not a valid { $what } id
slug-hint = use lowercase letters without diacritics, digits and single hyphens
reserved-id = `{ $id }` is a device name reserved by Windows, not a valid { $what } id
reserved-id-hint = the site could not be copied to or served from Windows; add to the id, e.g. { $id }-1
site-folder-id = `{ $id }` names a page of the site itself ({ $page }), not a valid { $what } id
site-folder-id-hint = the two would be one file; add to the id, e.g. { $id }-1
duplicate-id = duplicate { $what } id `{ $id }`
own-id-hint = each { $what } needs its own id
unknown-county = unknown county `{ $slug }`
counties-listed = counties are listed in content/counties.yaml
did-you-mean-county = did you mean `{ $name }`? counties are listed in content/counties.yaml
unknown-institution-type = unknown institution type `{ $kind }`
did-you-mean = did you mean `{ $name }`?
types-listed = types are listed in content/institution-types.yaml
name-taken-in-county = the name `{ $name }` already belongs to institution `{ $other }` in county `{ $county }`
name-taken-national = the name `{ $name }` already belongs to institution `{ $other }` among national bodies
name-taken-hint = a name may denote one body only within a county; remove it from one of them
unknown-institution = unknown institution `{ $name }`
did-you-mean-institution = did you mean `{ $name }`? otherwise add the name as an alias of its institution in content/institutions/
add-alias = add the name as an alias of its institution in content/institutions/
unknown-theme = unknown theme `{ $id }`
did-you-mean-theme = did you mean `{ $name }`? themes are listed in content/themes.yaml
themes-listed = themes are listed in content/themes.yaml
unknown-locality = unknown locality `{ $slug }`
localities-listed = localities are listed in content/localities.yaml
locality-elsewhere = locality `{ $slug }` is not in the county of this publication
locality-elsewhere-hint = `{ $slug }` ({ $name }) lies in { $county }: the localities of a publication lie in its county
locality-not-named = activity { $number } is tagged with the locality `{ $slug }`, which none of its printed cells names
locality-not-named-hint = look for „{ $name }” in its text, responsible, partners, indicators; remove the tag if the activity does not name it
source-missing = source file `{ $source }` is not in content/sources/
source-missing-hint = copy the text as published into content/sources/

## Limits

number-too-long = this number is too long to name a page: { $length } characters in its address, at most { $max }
number-too-long-hint = a number is the short label printed before the text, e.g. 1.2. or OS.3; move the rest into `text`
no-wording = { $what } `{ $id }` has no wording
no-wording-hint = copy at least one wording as the plans quote it, e.g. wordings: [Consolidarea sistemului național de prevenire]
pair-collision = the comparison of `{ $a }` and `{ $b }` would have the address of the comparison of `{ $c }` and `{ $d }` ({ $url })
pair-collision-hint = `-si-` joins the two counties in the address of a comparison; change one of these slugs
body-too-deep = the text nests more than { $max } levels deep (block quotes, lists, emphasis or HTML tags)
body-too-deep-hint = no published document nests this deep; remove the extra levels
control-character = control character U+{ $code } in { $what }
remove-escape = remove the escape `{ $escape }`: the publications feed (XML) cannot carry control characters; write a space
remove-control = remove it: the publications feed (XML) cannot carry control characters; write a space

## Plans

period-reversed = the period ends ({ $to }) before it starts ({ $from })
invalid-section-id = `{ $id }` is not a valid section id
empty-text-numbered = { $what } { $number } has an empty text
empty-text = { $what } has an empty text
empty-text-hint = write the text as the document publishes it

## Anchors

section-anchor-twice = the anchor `{ $anchor }` this id gives is used twice in this plan
section-anchor-twice-hint = two sections of a plan cannot have the same id
invalid-anchor = `{ $anchor }` is not a valid anchor
invalid-anchor-hint = an anchor is lowercase letters without diacritics, digits and single hyphens, with a level part like the site's own (`a-1-2`, `os-i-1-m1`, `copii-og-3-2`, `s-0-1`), not ending in `-t`
anchor-twice = the anchor `{ $anchor }` is used twice in this plan
anchor-twice-hint = every id and previous id of a plan leads to one item: give this item another id
number-anchor-taken = the anchor `{ $anchor }` its number gives is another item's id
same-number = another item of the plan has the same number
no-number = it has no number
needs-anchor-key = this item needs an `{ $key }`: { $why }, so its anchor would depend on its position
needs-anchor-key-hint = write `{ $key }: { $anchor }`: the anchor it has on the site today, or for a new item a free one; an { $key } stays when items are inserted or renumbered
anchor-gone = the published anchor `{ $anchor }` led to { $was }, and no item of the plan has it now
anchor-gone-hint = links to it exist: if that item is still in the plan (renumbered or corrected), add `previous_ids: [{ $anchor }]` to it
anchor-repointed = the published anchor `{ $anchor }` led to { $was } ({ $record }), and would now lead to this item, { $is }
anchor-repointed-hint = if this is another item, give it its own `id:` and give the recorded item `id: { $anchor }`; if it is the same item with a corrected number or text, record again: planportal anchors --record

## Dates, documents, frameworks, notes, provenance

not-a-date = `{ $date }` is not a date
not-a-date-hint = write dates as YYYY-MM-DD, e.g. 2022-09-29
no-such-day = there is no day `{ $date }` in the calendar
no-such-day-hint = check the day and the month; dates are written YYYY-MM-DD, e.g. 2022-09-29
item-not-in-body = this item does not appear in the body of the document
item-not-in-body-hint = copy the item's text exactly as the body has it
unknown-framework-objective = unknown framework objective `{ $reference }`
framework-ref-hint = write framework-id/objective-id as listed in content/frameworks/
specific-links-goal = a specific objective links to a framework goal `{ $reference }`
general-links-objective = a general objective links to a framework objective `{ $reference }`
framework-level-hint = link general objectives to framework goals and specific objectives to framework objectives
item-needs-field = `item` needs a `field` that names a list: `indicators` or `funding`
item-needs-field-hint = write `field: indicators` (or `funding`) in the same note
no-such-list-item = there is no item { $number } in `{ $list }`: it has { $count }
counted-from-one = items are counted from 1, in the order of the list
not-lines = `{ $text }` is not a line number nor a range of lines
not-lines-hint = write a number, 51, or a range, "32-34"
lines-reversed = the range of lines { $from }-{ $to } ends before it starts
lines-reversed-hint = write the first line first: "{ $to }-{ $from }"
line-beyond-source = line { $line } is not in the source text, which has { $count ->
    [one] 1 line
   *[other] { $count } lines
}
line-beyond-source-hint = lines are numbered from 1, as on the source's page (surse/<name>/)
report-unknown-plan = the plan `{ $id }` this report is on has no file in content/plans/
report-unknown-plan-hint = write the id of a plan: its file name without .yaml
statuses-without-plan = statuses are given, but not the plan they are of
statuses-without-plan-hint = add `reports_on:` with the id of the plan the report is on
status-item-unknown = `{ $item }` is no activity of the plan `{ $plan }`
status-item-unknown-hint = write the activity's number as the plan prints it ("1.1.1.") or its anchor (a-1-1-1)
status-item-ambiguous = several activities of the plan are numbered `{ $item }`
status-item-ambiguous-hint = write the anchor of the one meant (a-1-1-1, as the address of its place on the plan page ends)
status-date-before-plan = the status date { $date } is before the plan's period, which starts in { $from }
status-date-after-report = the status date { $date } is after the report's own date, { $report }
status-date-hint = a status holds on a day from the plan's first year to the report's date: write the day the report gives
status-twice = the report already states a status for `{ $item }`
status-twice-hint = a report states one status per activity; a later report updates it (the newest date wins)
status-without-lines = the status names no line of the report's source text
status-without-lines-hint = write the lines it was read from: `lines: [51]` or `lines: ["32-34"]`
record-without-plan = these anchors were published by the plan `{ $id }`, which has no file
record-without-plan-hint = links to them exist: restore content/plans/{ $id }.yaml (a plan file keeps its name), or delete this record if the plan was never published
not-http = `{ $url }` is not an http(s) address
not-http-hint = write the whole address of the official publication, starting with https:// or http://
not-sha256 = `{ $sum }` is not a SHA-256: expected 64 hexadecimal digits, found { $count } characters
not-sha256-hint = copy the checksum of the retrieved file as `sha256sum` prints it
empty-correction = the correction is empty: expected what was corrected

## Commands: check, anchors, build

objective-not-linked = specific objective { $number } is not linked to a framework objective
most-similar = most similar: `framework: { $framework }` (score { $score }); `planportal suggest` lists them all
label-missing = the plan uses `{ $key }`, but its `labels` have no `{ $label }`
label-missing-hint = write the document's own word in `labels`, e.g. `{ $label }: { $example }`
not-similar-enough = no framework objective is similar enough: the closest, { $closest }, scores { $score }, below { $floor }; link it by hand if the plan implements one, or leave it unlinked; `planportal suggest` lists them all
check-clean = check: { $plans } plans, { $documents } documents, { $institutions } institutions: no errors
anchor-gone-record-hint = add `previous_ids: [{ $anchor }]` to that item before recording; `planportal check` shows where
build-stopped = build stopped: nothing was written, { $output } is unchanged

## Parsers: value kinds, paths, our own deserialisers

at-path = { $path }: { $message }
verbatim = { $text }
found-text = string { $value }
found-number = integer { $value }
found-boolean = boolean { $value }
found-nothing = unit value
found-list = sequence
found-map = map
expected-text = a string
expected-list = a sequence
expected-boolean = a boolean
expected-map = a map
expected-number = a number
title-empty = the title is empty: expected a text
title-no-value = the title has no value: expected a text
found-float = floating point { $value }
noun-the = { $what ->
    [county] county
    [locality] locality
    [theme] theme
    [institution-type] institution type
    [institution] institution
    [framework-goal] framework goal
    [framework-objective] framework objective
    [general-objective] general objective
    [specific-objective] specific objective
    [activity] activity
    [intermediate-objective] intermediate objective
    [title] the title
   *[county-name] the county name
}
