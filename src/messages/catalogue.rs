//! Every message of the catalogue: one variant per key, its typed arguments as fields, its
//! English text as its doc comment. The texts themselves are in `locales/*.ftl`.

use super::{Articled, Lang, Noun, text};

impl Message {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        text(lang, self.key(), Some(&self.args(lang)))
    }

    /// A fragment for another message's argument.
    pub fn boxed(self) -> Box<Message> {
        Box::new(self)
    }
}

messages! {
    /// "1 error", "2 errors".
    Errors { count: usize } = "errors",
    /// "1 warning", "2 warnings".
    Warnings { count: usize } = "warnings",
    /// "`errors`, `warnings`": both counts of a summary.
    ErrorsAndWarnings { errors: Box<Message>, warnings: Box<Message> } = "errors-and-warnings",
    /// "1 more error", "N more errors".
    MoreErrors { count: usize } = "more-errors",
    /// "1 more warning", "N more warnings".
    MoreWarnings { count: usize } = "more-warnings",
    /// "N more problems (3 errors, 2 warnings)".
    MoreProblems { count: usize, detail: Box<Message> } = "more-problems",
    /// "… and `more` in `path`": the problems of a file past those shown.
    HiddenInFile { more: Box<Message>, path: String } = "hidden-in-file",
    /// cannot read: {$error}
    CannotRead { error: String } = "cannot-read",
    /// the file is {$bytes} bytes, more than the limit of {$limit} bytes
    FileTooLarge { bytes: usize, limit: usize } = "file-too-large",
    /// split the content into several files
    SplitContent = "split-content",
    /// the file is saved as UTF-16, not UTF-8
    FileIsUtf16 = "file-is-utf16",
    /// save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)
    SaveAsUtf8Notepad = "save-as-utf8-notepad",
    /// the file is not valid UTF-8 (byte {$byte})
    NotUtf8 { byte: usize } = "not-utf8",
    /// save the file as UTF-8
    SaveAsUtf8 = "save-as-utf8",
    /// a document must start with YAML front matter between `---` lines
    NoFrontMatter = "no-front-matter",
    /// put `---` on the first line, the fields, then `---` before the body
    AddFrontMatter = "add-front-matter",
    /// the source file name `{$name}` cannot be published as is
    BadSourceName { name: String } = "bad-source-name",
    /// use letters without diacritics, digits, `.`, `_` and `-`, e.g. 000_6788c3dd0b8dd7a6.txt
    SourceNameChars = "source-name-chars",
    /// the source file name `{$name}` is a device name reserved by Windows
    ReservedSourceName { name: String } = "reserved-source-name",
    /// the site could not be copied to or served from Windows; add to the name, e.g. con-1.txt
    ReservedSourceNameHint = "reserved-source-name-hint",
    /// the source file `{$name}` is not a `.txt` file
    SourceNotTxt { name: String } = "source-not-txt",
    /// sources are published as plain text: save the text as UTF-8 in a `.txt` file; a browser could run or render any other type as part of the portal
    SourceNotTxtHint = "source-not-txt-hint",
    /// `{$marker}` marks a value still to fill in
    Placeholder { marker: String } = "placeholder",
    /// replace the placeholder with the text of the published document, or delete what the document does not have
    PlaceholderHint = "placeholder-hint",
    /// the content folder does not exist
    NoContentFolder = "no-content-folder",
    /// run planportal in the site folder, or pass --root DIR
    NoContentFolderHint = "no-content-folder-hint",
    /// this is a symbolic link, and symbolic links are not followed
    SymbolicLink = "symbolic-link",
    /// copy the file into content/ instead of linking to it
    SymbolicLinkHint = "symbolic-link-hint",
    /// this file is not part of the content model and is ignored
    NotInModel = "not-in-model",
    /// docs/content-model.md lists where each kind of file belongs
    NotInModelHint = "not-in-model-hint",
    /// the file is empty
    EmptyFile = "empty-file",
    /// docs/content-model.md shows what it must hold
    EmptyFileHint = "empty-file-hint",
    /// the file name `{$name}` is not a valid id
    BadFileName { name: String } = "bad-file-name",
    /// use lowercase letters without diacritics, digits and single hyphens, e.g. cluj-droguri-2022-2026
    BadFileNameHint = "bad-file-name-hint",
    /// the file name `{$name}` is a device name reserved by Windows
    ReservedFileName { name: String } = "reserved-file-name",
    /// the site could not be copied to or served from Windows; add to the name, e.g. {$name}-1
    ReservedNameHint { name: String } = "reserved-name-hint",
    /// the id `{$id}` is already taken by {$first}
    IdTaken { id: String, first: String } = "id-taken",
    /// file names are ids: they must be unique within their folder tree
    IdTakenHint = "id-taken-hint",
    /// the source name `{$name}` is already taken by {$first}
    SourceNameTaken { name: String, first: String } = "source-name-taken",
    /// sources are published as surse/NAME whatever their folder: names must differ, and not only in letter case
    SourceNameTakenHint = "source-name-taken-hint",
    /// this file is required and missing
    RequiredFileMissing = "required-file-missing",
    /// docs/content-model.md describes it
    RequiredFileMissingHint = "required-file-missing-hint",
    /// cannot read: the file is missing
    ConfigMissing = "config-missing",
    /// unknown field `{$field}`, expected one of {$names} (there are no fields, expected {$names})
    UnknownField { field: String, count: usize, names: String } = "unknown-field",
    /// unknown variant `{$value}`, expected one of {$names} (there are no variants, expected {$names})
    UnknownValue { value: String, count: usize, names: String } = "unknown-value",
    /// missing field `{$field}`
    MissingField { field: String } = "missing-field",
    /// duplicate field `{$field}`
    DuplicateField { field: String } = "duplicate-field",
    /// invalid type: {$found}, expected {$expected}
    InvalidType { found: Box<Message>, expected: Box<Message> } = "invalid-type",
    /// {$detail}
    YamlSyntax { detail: String } = "yaml-syntax",
    /// {$detail}
    TomlSyntax { detail: String } = "toml-syntax",
    /// check the spelling of the key; docs/content-model.md lists every key
    HintKeySpelling = "hint-key-spelling",
    /// write the value in quotes, e.g. number: "1.1"
    HintQuoteValue = "hint-quote-value",
    /// write a list: one `- item` per line, or [a, b]
    HintWriteList = "hint-write-list",
    /// add the key; docs/content-model.md says what it holds
    HintAddKey = "hint-add-key",
    /// write the text as the document has it; `~`, `null` or nothing after the colon means no value in YAML
    HintWriteText = "hint-write-text",
    /// use one of the values listed above
    HintListedValues = "hint-listed-values",
    /// the file nests or repeats aliases too deeply to be content; write it out plainly
    HintNestsTooDeep = "hint-nests-too-deep",
    /// YAML syntax: check indentation, quotes and brackets here and on the line before; quote a text that contains `: ` or starts with `[`, `{`, `*`, `&`
    HintYamlSyntax = "hint-yaml-syntax",
    /// YAML anchors and aliases are not allowed in content
    AliasesRefused = "aliases-refused",
    /// write the value out in full wherever it is needed; quote a text that starts with `&` or `*`
    AliasesRefusedHint = "aliases-refused-hint",
    /// lists and maps are nested more than {$depth} levels deep
    NestedTooDeep { depth: usize } = "nested-too-deep",
    /// content nests a few levels at most: check that every `[` and `{` is closed
    NestedTooDeepHint = "nested-too-deep-hint",
    /// check the spelling of the key; README.md lists the settings
    ConfigKeySpelling = "config-key-spelling",
    /// config.toml needs at least title and base_url; see README.md
    ConfigNeedsKeys = "config-needs-keys",
    /// base_url `{$url}` must be an absolute URL or path ending in `/`
    BadBaseUrl { url: String } = "bad-base-url",
    /// e.g. base_url = "https://planuri.example.ro/" or "/portal/"
    BadBaseUrlHint = "bad-base-url-hint",
    /// theme `{$theme}` is not a valid folder name
    BadTheme { theme: String } = "bad-theme",
    /// name a folder of themes/ in lowercase letters, digits and hyphens, e.g. theme = "default"
    BadThemeHint = "bad-theme-hint",
    /// checked `{$checked}` is not a day of the calendar
    BadChecked { checked: String } = "bad-checked",
    /// write the day the content was last checked as YYYY-MM-DD, e.g. checked = "2026-11-30"
    BadCheckedHint = "bad-checked-hint",
    /// create config.toml with title and base_url; see README.md
    ConfigCreateHint = "config-create-hint",
    /// `{$code}` is not an ISO 3166-2 code of Romania
    NotIsoCode { code: String } = "not-iso-code",
    /// write it as RO-CJ
    NotIsoCodeHint = "not-iso-code-hint",
    /// the map square (row, column) {$tile} is already the square of `{$other}`
    TileTaken { tile: String, other: String } = "tile-taken",
    /// each county has a square of its own on the map; move one of the two to a free square
    TileTakenHint = "tile-taken-hint",
    /// a map square's row and column start at 1
    TileZero = "tile-zero",
    /// `{$id}` is not a valid {$what} id
    InvalidId { id: String, what: Noun } = "invalid-id",
    /// use lowercase letters without diacritics, digits and single hyphens
    SlugHint = "slug-hint",
    /// `{$id}` is a device name reserved by Windows, not a valid {$what} id
    ReservedId { id: String, what: Noun } = "reserved-id",
    /// the site could not be copied to or served from Windows; add to the id, e.g. {$id}-1
    ReservedIdHint { id: String } = "reserved-id-hint",
    /// `{$id}` names a page of the site itself ({$page}), not a valid {$what} id
    SiteFolderId { id: String, page: String, what: Noun } = "site-folder-id",
    /// the two would be one file; add to the id, e.g. {$id}-1
    SiteFolderIdHint { id: String } = "site-folder-id-hint",
    /// duplicate {$what} id `{$id}`
    DuplicateId { id: String, what: Noun } = "duplicate-id",
    /// each {$what} needs its own id
    OwnIdHint { what: Noun } = "own-id-hint",
    /// unknown county `{$slug}`
    UnknownCounty { slug: String } = "unknown-county",
    /// counties are listed in content/counties.yaml
    CountiesListed = "counties-listed",
    /// did you mean `{$name}`? counties are listed in content/counties.yaml
    DidYouMeanCounty { name: String } = "did-you-mean-county",
    /// unknown institution type `{$kind}`
    UnknownInstitutionType { kind: String } = "unknown-institution-type",
    /// did you mean `{$name}`?
    DidYouMean { name: String } = "did-you-mean",
    /// types are listed in content/institution-types.yaml
    TypesListed = "types-listed",
    /// the name `{$name}` already belongs to institution `{$other}` in county `{$county}`
    NameTakenInCounty { name: String, other: String, county: String } = "name-taken-in-county",
    /// the name `{$name}` already belongs to institution `{$other}` among national bodies
    NameTakenNational { name: String, other: String } = "name-taken-national",
    /// a name may denote one body only within a county; remove it from one of them
    NameTakenHint = "name-taken-hint",
    /// unknown institution `{$name}`
    UnknownInstitution { name: String } = "unknown-institution",
    /// did you mean `{$name}`? otherwise add the name as an alias of its institution in content/institutions/
    DidYouMeanInstitution { name: String } = "did-you-mean-institution",
    /// add the name as an alias of its institution in content/institutions/
    AddAlias = "add-alias",
    /// unknown theme `{$id}`
    UnknownTheme { id: String } = "unknown-theme",
    /// did you mean `{$name}`? themes are listed in content/themes.yaml
    DidYouMeanTheme { name: String } = "did-you-mean-theme",
    /// themes are listed in content/themes.yaml
    ThemesListed = "themes-listed",
    /// unknown locality `{$slug}`
    UnknownLocality { slug: String } = "unknown-locality",
    /// localities are listed in content/localities.yaml
    LocalitiesListed = "localities-listed",
    /// locality `{$slug}` is not in the county of this publication
    LocalityElsewhere { slug: String } = "locality-elsewhere",
    /// `{$slug}` ({$name}) lies in {$county}: the localities of a publication lie in its county
    LocalityElsewhereHint { slug: String, name: String, county: String } = "locality-elsewhere-hint",
    /// activity {$number} is tagged with the locality `{$slug}`, which none of its printed cells names
    LocalityNotNamed { number: String, slug: String } = "locality-not-named",
    /// look for „{$name}” in its text, responsible, partners, indicators; remove the tag if the activity does not name it
    LocalityNotNamedHint { name: String } = "locality-not-named-hint",
    /// source file `{$source}` is not in content/sources/
    SourceMissing { source: String } = "source-missing",
    /// copy the text as published into content/sources/
    SourceMissingHint = "source-missing-hint",
    /// this number is too long to name a page: {$length} characters in its address, at most {$max}
    NumberTooLong { length: usize, max: usize } = "number-too-long",
    /// a number is the short label printed before the text, e.g. 1.2. or OS.3; move the rest into `text`
    NumberTooLongHint = "number-too-long-hint",
    /// {$what} `{$id}` has no wording
    NoWording { what: Articled, id: String } = "no-wording",
    /// copy at least one wording as the plans quote it, e.g. wordings: [Consolidarea sistemului național de prevenire]
    NoWordingHint = "no-wording-hint",
    /// the comparison of `{$a}` and `{$b}` would have the address of the comparison of `{$c}` and `{$d}` ({$url})
    PairCollision { a: String, b: String, c: String, d: String, url: String } = "pair-collision",
    /// `-si-` joins the two counties in the address of a comparison; change one of these slugs
    PairCollisionHint = "pair-collision-hint",
    /// the text nests more than {$max} levels deep (block quotes, lists, emphasis or HTML tags)
    BodyTooDeep { max: usize } = "body-too-deep",
    /// no published document nests this deep; remove the extra levels
    BodyTooDeepHint = "body-too-deep-hint",
    /// control character U+{$code} in {$what}
    ControlCharacter { code: String, what: Noun } = "control-character",
    /// remove the escape `{$escape}`: the publications feed (XML) cannot carry control characters; write a space
    RemoveEscape { escape: String } = "remove-escape",
    /// remove it: the publications feed (XML) cannot carry control characters; write a space
    RemoveControl = "remove-control",
    /// the period ends ({$to}) before it starts ({$from})
    PeriodReversed { to: String, from: String } = "period-reversed",
    /// `{$id}` is not a valid section id
    InvalidSectionId { id: String } = "invalid-section-id",
    /// {$what} {$number} has an empty text
    EmptyTextNumbered { what: Articled, number: String } = "empty-text-numbered",
    /// {$what} has an empty text
    EmptyText { what: Articled } = "empty-text",
    /// write the text as the document publishes it
    EmptyTextHint = "empty-text-hint",
    /// the anchor `{$anchor}` this id gives is used twice in this plan
    SectionAnchorTwice { anchor: String } = "section-anchor-twice",
    /// two sections of a plan cannot have the same id
    SectionAnchorTwiceHint = "section-anchor-twice-hint",
    /// `{$anchor}` is not a valid anchor
    InvalidAnchor { anchor: String } = "invalid-anchor",
    /// an anchor is lowercase letters without diacritics, digits and single hyphens, with a level part like the site's own (`a-1-2`, `os-i-1-m1`, `copii-og-3-2`, `s-0-1`), not ending in `-t`
    InvalidAnchorHint = "invalid-anchor-hint",
    /// the anchor `{$anchor}` is used twice in this plan
    AnchorTwice { anchor: String } = "anchor-twice",
    /// every id and previous id of a plan leads to one item: give this item another id
    AnchorTwiceHint = "anchor-twice-hint",
    /// the anchor `{$anchor}` its number gives is another item's id
    NumberAnchorTaken { anchor: String } = "number-anchor-taken",
    /// another item of the plan has the same number
    SameNumber = "same-number",
    /// it has no number
    NoNumber = "no-number",
    /// this item needs an `{$key}`: {$why}, so its anchor would depend on its position
    NeedsAnchorKey { key: String, why: Box<Message> } = "needs-anchor-key",
    /// write `{$key}: {$anchor}`: the anchor it has on the site today, or for a new item a free one; an {$key} stays when items are inserted or renumbered
    NeedsAnchorKeyHint { key: String, anchor: String } = "needs-anchor-key-hint",
    /// the published anchor `{$anchor}` led to {$was}, and no item of the plan has it now
    AnchorGone { anchor: String, was: String } = "anchor-gone",
    /// links to it exist: if that item is still in the plan (renumbered or corrected), add `previous_ids: [{$anchor}]` to it
    AnchorGoneHint { anchor: String } = "anchor-gone-hint",
    /// the published anchor `{$anchor}` led to {$was} ({$record}), and would now lead to this item, {$is}
    AnchorRepointed { anchor: String, was: String, record: String, is: String } = "anchor-repointed",
    /// if this is another item, give it its own `id:` and give the recorded item `id: {$anchor}`; if it is the same item with a corrected number or text, record again: planportal anchors --record
    AnchorRepointedHint { anchor: String } = "anchor-repointed-hint",
    /// `{$date}` is not a date
    NotADate { date: String } = "not-a-date",
    /// write dates as YYYY-MM-DD, e.g. 2022-09-29
    NotADateHint = "not-a-date-hint",
    /// there is no day `{$date}` in the calendar
    NoSuchDay { date: String } = "no-such-day",
    /// check the day and the month; dates are written YYYY-MM-DD, e.g. 2022-09-29
    NoSuchDayHint = "no-such-day-hint",
    /// this item does not appear in the body of the document
    ItemNotInBody = "item-not-in-body",
    /// copy the item's text exactly as the body has it
    ItemNotInBodyHint = "item-not-in-body-hint",
    /// unknown framework objective `{$reference}`
    UnknownFrameworkObjective { reference: String } = "unknown-framework-objective",
    /// write framework-id/objective-id as listed in content/frameworks/
    FrameworkRefHint = "framework-ref-hint",
    /// a specific objective links to a framework goal `{$reference}`
    SpecificLinksGoal { reference: String } = "specific-links-goal",
    /// a general objective links to a framework objective `{$reference}`
    GeneralLinksObjective { reference: String } = "general-links-objective",
    /// link general objectives to framework goals and specific objectives to framework objectives
    FrameworkLevelHint = "framework-level-hint",
    /// `item` needs a `field` that names a list: `indicators` or `funding`
    ItemNeedsField = "item-needs-field",
    /// write `field: indicators` (or `funding`) in the same note
    ItemNeedsFieldHint = "item-needs-field-hint",
    /// there is no item {$number} in `{$list}`: it has {$count}
    NoSuchListItem { number: usize, list: String, count: usize } = "no-such-list-item",
    /// items are counted from 1, in the order of the list
    CountedFromOne = "counted-from-one",
    /// `{$text}` is not a line number nor a range of lines
    NotLines { text: String } = "not-lines",
    /// write a number, 51, or a range, "32-34"
    NotLinesHint = "not-lines-hint",
    /// the range of lines {$from}-{$to} ends before it starts
    LinesReversed { from: usize, to: usize } = "lines-reversed",
    /// write the first line first: "{$to}-{$from}"
    LinesReversedHint { from: usize, to: usize } = "lines-reversed-hint",
    /// line {$line} is not in the source text, which has {$count} lines
    LineBeyondSource { line: usize, count: usize } = "line-beyond-source",
    /// lines are numbered from 1, as on the source's page (surse/<name>/)
    LineBeyondSourceHint = "line-beyond-source-hint",
    /// the plan `{$id}` this report is on has no file in content/plans/
    ReportUnknownPlan { id: String } = "report-unknown-plan",
    /// write the id of a plan: its file name without .yaml
    ReportUnknownPlanHint = "report-unknown-plan-hint",
    /// statuses are given, but not the plan they are of
    StatusesWithoutPlan = "statuses-without-plan",
    /// add `reports_on:` with the id of the plan the report is on
    StatusesWithoutPlanHint = "statuses-without-plan-hint",
    /// `{$item}` is no activity of the plan `{$plan}`
    StatusItemUnknown { item: String, plan: String } = "status-item-unknown",
    /// write the activity's number as the plan prints it ("1.1.1.") or its anchor (a-1-1-1)
    StatusItemUnknownHint = "status-item-unknown-hint",
    /// several activities of the plan are numbered `{$item}`
    StatusItemAmbiguous { item: String } = "status-item-ambiguous",
    /// write the anchor of the one meant (a-1-1-1, as the address of its place on the plan page ends)
    StatusItemAmbiguousHint = "status-item-ambiguous-hint",
    /// the status date {$date} is before the plan's period, which starts in {$from}
    StatusDateBeforePlan { date: String, from: usize } = "status-date-before-plan",
    /// the status date {$date} is after the report's own date, {$report}
    StatusDateAfterReport { date: String, report: String } = "status-date-after-report",
    /// a status holds on a day from the plan's first year to the report's date: write the day the report gives
    StatusDateHint = "status-date-hint",
    /// the report already states a status for `{$item}`
    StatusTwice { item: String } = "status-twice",
    /// a report states one status per activity; a later report updates it (the newest date wins)
    StatusTwiceHint = "status-twice-hint",
    /// the status names no line of the report's source text
    StatusWithoutLines = "status-without-lines",
    /// write the lines it was read from: `lines: [51]` or `lines: ["32-34"]`
    StatusWithoutLinesHint = "status-without-lines-hint",
    /// these anchors were published by the plan `{$id}`, which has no file
    RecordWithoutPlan { id: String } = "record-without-plan",
    /// links to them exist: restore content/plans/{$id}.yaml (a plan file keeps its name), or delete this record if the plan was never published
    RecordWithoutPlanHint { id: String } = "record-without-plan-hint",
    /// `{$url}` is not an http(s) address
    NotHttp { url: String } = "not-http",
    /// write the whole address of the official publication, starting with https:// or http://
    NotHttpHint = "not-http-hint",
    /// `{$sum}` is not a SHA-256: expected 64 hexadecimal digits, found {$count} characters
    NotSha256 { sum: String, count: usize } = "not-sha256",
    /// copy the checksum of the retrieved file as `sha256sum` prints it
    NotSha256Hint = "not-sha256-hint",
    /// the correction is empty: expected what was corrected
    EmptyCorrection = "empty-correction",
    /// specific objective {$number} is not linked to a framework objective
    ObjectiveNotLinked { number: String } = "objective-not-linked",
    /// most similar: `framework: {$framework}` (score {$score}); `planportal suggest` lists them all
    MostSimilar { framework: String, score: String } = "most-similar",
    /// no framework objective is similar enough: the closest, {$closest}, scores {$score}, below {$floor}; link it by hand if the plan implements one, or leave it unlinked; `planportal suggest` lists them all
    NotSimilarEnough { closest: String, score: String, floor: String } = "not-similar-enough",
    /// the plan uses `{$key}`, but its `labels` have no `{$label}`
    LabelMissing { key: String, label: String } = "label-missing",
    /// write the document's own word in `labels`, e.g. `{$label}: {$example}`
    LabelMissingHint { label: String, example: String } = "label-missing-hint",
    /// check: {$plans} plans, {$documents} documents, {$institutions} institutions: no errors
    CheckClean { plans: usize, documents: usize, institutions: usize } = "check-clean",
    /// add `previous_ids: [{$anchor}]` to that item before recording; `planportal check` shows where
    AnchorGoneRecordHint { anchor: String } = "anchor-gone-record-hint",
    /// build stopped: nothing was written, {$output} is unchanged
    BuildStopped { output: String } = "build-stopped",
    /// {$path}: {$message}
    AtPath { path: String, message: Box<Message> } = "at-path",
    /// {$text}
    Verbatim { text: String } = "verbatim",
    /// string {$value}
    FoundText { value: String } = "found-text",
    /// integer {$value}
    FoundNumber { value: String } = "found-number",
    /// boolean {$value}
    FoundBoolean { value: String } = "found-boolean",
    /// unit value
    FoundNothing = "found-nothing",
    /// sequence
    FoundList = "found-list",
    /// map
    FoundMap = "found-map",
    /// a string
    ExpectedText = "expected-text",
    /// a sequence
    ExpectedList = "expected-list",
    /// a boolean
    ExpectedBoolean = "expected-boolean",
    /// a map
    ExpectedMap = "expected-map",
    /// a number
    ExpectedNumber = "expected-number",
    /// the title is empty: expected a text
    TitleEmpty = "title-empty",
    /// the title has no value: expected a text
    TitleNoValue = "title-no-value",
    /// floating point {$value}
    FoundFloat { value: String } = "found-float",
}
