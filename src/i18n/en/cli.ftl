# The command line: how errors read, errors in a contest file, status, explain, help.
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).

## How an error reads (place: file:line:column)

diag-error = { $place }: error: { $message }
diag-error-in = { $place }: error in `{ $field }`: { $message }
diag-warning = { $place }: warning: { $message }
diag-warning-in = { $place }: warning in `{ $field }`: { $message }
diag-help = help: { $help }

## Suggestions (did you mean …)

suggest-did-you-mean = did you mean `{ $name }`?
suggest-none-declared = none are declared
suggest-valid = valid: { $names }
suggest-valid-some = valid: { $names }, … ({ $count } in all)

## Formulas

formula-unexpected = unexpected { $what }
formula-token-number = number `{ $number }`
formula-token-name = name `{ $name }`
formula-too-deep = brackets, function calls, `-` and `not` nest more than { $depth } deep here
formula-the-end = the end of the formula
formula-expected = expected { $what }, found { $found }
formula-too-long = the formula is too long: at most { $tokens } numbers, names, operators and brackets
formula-expected-atom = expected a number, a name or `(`, found { $found }
formula-ends-early = the formula ends too early
formula-unknown-function = unknown function `{ $name }`; { $suggestion }
formula-takes-some = one or more arguments
formula-takes-clamp = 3 arguments: clamp(x, low, high)
formula-takes-if = 3 arguments: if(condition, then, else)
formula-takes-round = 2 arguments: round(x, places)
formula-takes-one = 1 argument
formula-arity = `{ $name }` takes { $wanted }, given { $given }
formula-not-a-number = `{ $text }` is not a number
formula-unexpected-character = unexpected character `{ $character }`
formula-missing-input = an input has no value
formula-division-by-zero = division by zero
formula-overflow = the number is too large

formula-comma-or-bracket = `,` or `)`

## Errors in the contest file (contest.ron)

rules-id-unusable = the id `{ $id }` cannot be used
rules-id-unusable-help = ids are non-empty and use letters, digits, `_` or `-` (no dots, commas or spaces)
rules-judge-twice = the judge id `{ $id }` is used twice
rules-no-categories = the contest has no categories
rules-no-categories-help = declare at least one Category(id: ..., criteria: [...])
rules-category-twice = the category id `{ $id }` is used twice
rules-category-empty = category `{ $id }` has no criteria
rules-criterion-twice = the criterion `{ $key }` is declared twice
rules-share-no-weight = category `{ $id }` scores as a Share of the total but has no weight
rules-share-no-weight-help = add `weight: 30` (its points in the total), or `score: Sum`
rules-share-no-max = category `{ $id }` scores as a Share, but none of its criteria has a `max`
rules-share-no-max-help = give its criteria a `max`, or use `score: Sum`
rules-too-many-cells = the contest has { $count } markable cells; at most 65535 are supported
rules-needs-marks = criterion `{ $key }` needs the range of a mark
rules-needs-marks-help = add `marks: (min: 0, max: 10, step: 0.5)`
rules-empty-range = the mark range of `{ $key }` is empty: min { $min } is not below max { $max }
rules-descriptor-outside = descriptor from { $from } of `{ $key }` is outside the marks { $min } to { $max } or out of order
rules-descriptor-outside-help = list descriptors from the lowest mark up, each within the criterion's marks
rules-step-not-positive = the step of `{ $key }` must be above 0, not { $step }
rules-too-many-steps = marks of `{ $key }` go up to { $max } in steps of { $step }: too many steps to store
rules-too-many-steps-help = with this step marks can reach ±{ $limit }; use a coarser step or a larger unit (万元 rather than 元)
rules-formula-no-marks = `{ $key }` is a Formula and takes no marks
rules-needs-max = criterion `{ $key }` needs `max`, the points it is worth
rules-unknown-judge = unknown judge `{ $id }`
rules-panel-no-judges = criterion `{ $key }` is marked by a panel, but the contest declares no judges
rules-panel-no-judges-help = add `judges: [Judge(id: "J1", name: "..."), ...]` to the contest
rules-bysize-uncovered = the panel of `{ $key }` has { $count } judges and no BySize rule covers that size
rules-trim-leaves-nothing = dropping { $k } highest and { $k } lowest leaves nothing of { $count } judges
rules-trim-leaves-nothing-help = use fewer dropped marks or a BySize rule
rules-bysize-empty = BySize needs at least one (size, rule) pair
rules-bysize-nested = BySize cannot nest another BySize
rules-bysize-trim-leaves-nothing = with { $size } judges, dropping { $k } highest and { $k } lowest leaves nothing
rules-bysize-increase = BySize sizes must increase: [(3, Mean), (5, TrimmedMean(1)), (7, TrimmedMean(2))]
rules-bands-empty = Bands needs at least one band
rules-bands-order = bands must be listed from the tightest `within` to the widest
rules-linear-same = a Linear scale needs `best` and `worst` to differ
rules-per-not-positive = `per` must be above 0 (the points of one count), not { $per }
rules-elements-none = an Elements criterion needs at least 1 element
rules-best-range = Best({ $n }) must keep between 1 and { $count } elements
rules-table-order = a conversion table lists each mark once, in increasing order
rules-unknown-name = unknown name `{ $name }`; { $suggestion }
rules-formula-reads-later = `{ $key }` can only read criteria declared before it, and `{ $name }` is not
rules-formula-reads-category = `{ $name }` is a category; a criterion formula reads criteria (`{ $name }.<criterion>`), categories are summed after them
rules-unknown-criterion-in-formula = unknown criterion `{ $name }`; { $suggestion }
rules-in-formula = in formula { $formula }: { $message }
rules-weights-sum = the category weights add up to { $sum }, but total_max is { $total_max }
rules-weights-list = weights: { $weights }
rules-unknown-category = unknown category `{ $id }`
rules-unknown-criterion = unknown criterion `{ $key }` (write it as category.criterion)
rules-rounding-places = { $places } decimal places is more than the 20 supported
rules-teams-best = Best(k) needs k of at least 1
rules-awards-not-division = awards are decided per `{ $name }`, but it is not one of the contest's divisions
rules-awards-not-division-help = add "{ $name }" to `divisions`; { $suggestion }
rules-awards-no-tier = an award set needs at least one tier
rules-shares-over = the shares of `{ $id }` add up to { $share }%, beyond 100%
rules-shares-over-help = each Share is that tier's own percent of the field, after the tiers above it
rules-award-bysize-order = BySize lists (field size, awards) with sizes increasing: [(1, 1), (10, 2), (20, 3)]

## How the contest file is written (RON)

ron-add-field-to = add `{ $field }: ...` to { $outer }
ron-add-field = add `{ $field }: ...` to this item
ron-no-such-field = { $outer } has no field `{ $found }`
ron-no-such-variant = { $outer } has no kind `{ $found }`
ron-missing-field = { $outer } is missing the field `{ $field }`
ron-duplicate-field = the field `{ $field }` of { $outer } is written twice
ron-wrong-value = expected { $expected }, found { $found }
ron-value = this value is wrong: { $message }
ron-eof = the file ends here unexpectedly (a closing bracket missing?)
ron-expected-comma = a comma `,` is missing here
ron-expected-end = a closing bracket (`)`, `]` or `{ "}" }`) is expected here
ron-expected-string-end = the string does not end: a closing quote `"` is missing
ron-expected-string = quoted text is expected here
ron-expected-number = a number is expected here
ron-unexpected-char = unexpected character `{ $character }`
ron-trailing = there is more after the end of the contest
ron-other = the file is not written correctly (RON: { $message })
contest-not-found-help = a CONTEST is a folder holding { $file } or the path of the file; `podium init DIR` makes one

## What a lock or a publication covers

cli-scope-contest = contest
cli-scope-criterion = criterion { $key }
cli-scope-category = category { $id }
cli-scope-division = division { $field }={ $value }
cli-scope-unknown-criterion = `--criterion`: unknown criterion `{ $key }`; { $suggestion }
cli-scope-unknown-category = `--category`: unknown category `{ $id }`; { $suggestion }
cli-scope-division-form = `--division`: write it as field=value, e.g. trade=welder (not `{ $text }`)
cli-scope-not-a-division = `--division`: `{ $field }` is not a division; { $suggestion }
cli-scope-division-empty = `--division`: no entry has { $field } `{ $value }`
cli-scope-one = name one scope: `--criterion`, `--category` or `--division` (or none, for the whole contest)
cli-scope-not-a-scope = `{ $text }` is not a scope: contest, criterion KEY, category ID or division FIELD=VALUE
cli-lock-published = the results were published (#{ $seq }); nothing can change
cli-lock-locked = { $scope } is locked (#{ $seq }); the chief judge can unlock it with `podium unlock`
cli-lock-already = { $scope } is already locked (#{ $seq })
cli-lock-done = locked { $scope } (#{ $seq })
cli-unlock-not-locked = { $scope } is not locked
cli-unlock-not-locked-but = { $scope } is not locked; locked now: { $locked }
cli-unlock-needs-reason = unlocking { $scope } needs a reason: `--reason "…"` (kept in the audit trail)
cli-unlock-done = unlocked { $scope } (#{ $seq })
cli-publish-needs-lock = lock the whole contest before publishing: `podium lock CONTEST`
cli-publish-done = published (#{ $seq }): the results are final; no mark can change

## Entering a mark (podium mark)

cli-mark-login-name = the login name
cli-mark-cell = entry { $entry }, criterion `{ $criterion }`
cli-mark-not-stored = mark refused, nothing stored: { $why }
cli-mark-refused-flag = mark refused, nothing stored: `{ $flag }` { $why }
cli-mark-refused-at = mark refused, nothing stored ({ $cell }): `{ $flag }` { $why }
cli-mark-refused-cell = mark refused, nothing stored: { $cell }: { $why }
cli-mark-described = { $entry } { $criterion }
cli-mark-described-judge = { $cell } { $judge }
cli-mark-described-element = { $entry } { $criterion } element { $element }
cli-mark-confirmed = confirmed #{ $seq }: { $cell } = { $value }
cli-mark-already-confirmed = { $cell } = { $value } is already confirmed
cli-mark-not-confirmed = not confirmed: { $cell }: { $why }
cli-mark-stored = stored #{ $seq }: { $cell } = { $value }
cli-mark-same = { $cell } is already { $value } (#{ $seq }); nothing stored
cli-mark-correct-needs-reason = mark refused, nothing stored: { $cell } is already { $value } (#{ $seq }); to correct it, say why with --reason
cli-mark-stored-correction = stored #{ $seq }: { $cell } { $from } → { $value } (corrects #{ $replaces }: { $reason })

## Help (--help): clap's words

help-template = {"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-commands = Commands
help-heading-example = Example:
help-value-command = COMMAND
help-flag-help = Print help
help-flag-version = Print version
help-choices = {" "}(one of: { $choices })
help-default = {" "}(default: { $value })
clap-error = error: { $message }
clap-usage = Usage: { $usage }
clap-more = For more information, try `--help`.
clap-unknown-argument = unexpected argument `{ $arg }`
clap-unknown-command = unrecognized command `{ $command }`
clap-invalid-value = `{ $value }` is not a valid value for `{ $arg }`
clap-valid = possible values: { $values }
clap-missing = required arguments were not provided: { $args }
clap-missing-command = a command is required
clap-conflict = `{ $arg }` cannot be used with `{ $other }`
clap-values = wrong number of values for `{ $arg }`
clap-no-equals = `{ $arg }` needs its value after an equals sign: `{ $arg }=VALUE`
clap-other = bad arguments ({ $message })

## Help (--help): each command and argument

help-podium = Exact, parallel scoring for skills competitions and labour contests
help-podium-example = {"  "}podium init welders --template skills-duel
    {"  "}podium check welders
    {"  "}podium score welders
help-arg-lang = The language of everything podium says (if not given: the PODIUM_LANG environment variable, else the system locale)
help-arg-contest = A contest folder (holding contest.ron) or the path of contest.ron
help-arg-marks = Score marks from this CSV instead of the contest's marks file
help-arg-by = Who is entering it (default: your login name), kept in the audit trail
help-arg-reason = The reason, kept in the audit trail
help-arg-output = Write to this file instead of standard output
help-arg-division = Only this division: a value (`welder`) or `field=value`
help-arg-base = The server's address as judges reach it
help-arg-font = A font (.ttf/.otf) to draw with instead of the bundled one
help-arg-top = How many places to show
help-arg-criterion = A criterion, written `category.criterion`
help-arg-category = A category's id
help-arg-judge = A judge's id
help-arg-verify = Double entry: confirm a mark another clerk entered, if the values agree

help-check = Check a contest, its entries and marks; report every problem
help-check-example = {"  "}podium check contests/skills-duel
help-score = Score every entry and print the leaderboard
help-score-example = {"  "}podium score contests/skills-duel
    {"  "}podium score contests/skills-duel --format xlsx -o results.xlsx
help-score-format = The output format
help-score-headers = CSV and XLSX column names: words in the chosen language, or ids for scripts (as before)
help-score-teams = The team leaderboard (teams combined from their members)
help-chart = Draw an award chart (PNG or SVG) from the scored results
help-chart-example = {"  "}podium chart contests/skills-duel leaderboard -o leaderboard.png
help-chart-kind = The kind of chart
help-chart-output = The file to write (`.png` or `.svg`); KIND.png in this folder if not given
help-chart-format = PNG or SVG; by default from the output file's extension
help-chart-size = WIDTHxHEIGHT in pixels, or 1080p (the hall screen), 4k, a4 (300 dpi), a4-portrait
help-chart-top = How many entries (or groups) the chart shows
help-chart-entries = The entries a radar shows (repeat the flag); the top three if none
help-chart-by = The field the division comparison groups by (a division or `organisation`)
help-report = Write the contest report: summary, awards, leaderboards, charts, each entry's breakdown and the rules in words, as one self-contained HTML file
help-report-example = {"  "}podium report contests/skills-duel -o report.html
help-serve = Serve the event: judges' pages (each by a secret link), the organiser's desk and the hall's live leaderboard
help-serve-example = {"  "}podium serve contests/skills-duel --lan --base http://192.168.1.20:8080
help-serve-bind = The address to listen on (loopback unless `--lan`)
help-serve-lan = Listen on every network interface, for judges' phones on the hall's network
help-serve-base = The address printed in links, e.g. http://192.168.1.20:8080
help-serve-top = How many places the hall screen shows
help-judges = Judges' secret links: list them, or revoke one and issue a new one
help-judges-example = {"  "}podium judges links contests/skills-duel --sheet judge-links.html
help-judges-links = Every judge's link and the organiser's desk link
help-judges-links-example = {"  "}podium judges links contests/skills-duel --base http://192.168.1.20:8080 --sheet judge-links.html
help-judges-links-sheet = Also write a printable page with each judge's link as a QR code
help-judges-revoke = Revoke a judge's link (or `admin`, the desk's, or a workflow role's) and print the new one
help-judges-revoke-example = {"  "}podium judges revoke contests/skills-duel J2
help-judges-revoke-who = A judge id, `admin`, or a role id from `workflow.roles`
help-explain = Show every step from one entry's raw marks to its total, rank and award
help-explain-example = {"  "}podium explain contests/skills-duel W07
help-explain-entry = The entry's id
help-mark = Enter one mark into the mark store: checked against the contest, stored durably, or refused with the reason. A correction needs `--reason`
help-mark-example = {"  "}podium mark contests/skills-duel --judge J1 --entry W07 --criterion practical.workmanship 8.5
help-mark-judge = The judge whose mark it is (empty for records without a judge)
help-mark-entry = The entry's id (its code when judging is blind)
help-mark-element = The element number, for criteria with elements
help-mark-reason = Why an existing mark is being corrected (kept in the audit trail)
help-mark-value = The mark
help-import = Import a marks CSV (entry,criterion,element,judge,value) into the store: all or nothing; the same file again stores nothing new
help-import-example = {"  "}podium import contests/skills-duel sheet-J1.csv
help-import-file = The marks file to import
help-import-reason = Let the file correct marks already stored, for this reason
help-import-verify = Double entry: the file is a second clerk's typing of sheets already entered; agreeing marks are confirmed, disagreements listed
help-codes = Blind judging: give every entry an anonymous code, and list them
help-codes-example = {"  "}podium codes contests/skills-duel -o codes.csv
help-codes-output = Write the list (code, entry, name, organisation) here
help-lock = Lock the whole contest, or a criterion, category or division: its marks cannot change until it is unlocked
help-lock-example = {"  "}podium lock contests/skills-duel --criterion practical.workmanship
help-unlock = Unlock what `lock` locked (a reason is required and kept)
help-unlock-example = {"  "}podium unlock contests/skills-duel --criterion practical.workmanship --reason "review of W07"
help-publish = Make the results final: the contest must be locked; nothing changes after
help-publish-example = {"  "}podium publish contests/skills-duel
help-status = What is missing or flagged: completeness per criterion, judge and entry
help-status-example = {"  "}podium status contests/skills-duel
help-export = Export from the mark store
help-export-example = {"  "}podium export marks contests/skills-duel -o marks.csv
help-export-marks = The current marks, in the CSV form `import` reads
help-export-marks-example = {"  "}podium export marks contests/skills-duel -o marks.csv
help-audit = The mark store's audit trail
help-audit-example = {"  "}podium audit verify contests/skills-duel
help-audit-verify = Check that no record was edited, removed or inserted outside podium
help-audit-verify-example = {"  "}podium audit verify contests/skills-duel
help-audit-log = The history of marks: who entered what, when, and every correction
help-audit-log-example = {"  "}podium audit log contests/skills-duel --entry W07
help-audit-log-entry = Only this entry
help-audit-log-criterion = Only this criterion
help-audit-log-judge = Only this judge
help-init = Make a new contest folder from one of the bundled examples
help-init-example = {"  "}podium init welders --template skills-duel
help-init-dir = The new contest folder
help-init-template = Which example to start from (see `podium init --list`)
help-init-list = List the templates
help-gen = Generate a synthetic contest at scale, deterministic from a seed
help-gen-example = {"  "}podium gen /tmp/big --entries 5000 --criteria 30 --judges 7
help-gen-dir = The new contest folder
help-gen-entries = How many entries
help-gen-criteria = How many criteria
help-gen-judges = How many judges
help-gen-panel = Judges on each entry's panel, drawn from `--judges` and written to assignments.csv (default: every judge marks every entry)
help-gen-seed = The random seed

## Completeness (podium status)

status-no-judge = (record)
status-missing = { $entry } { $criterion } { $judge }
status-missing-element = { $entry } { $criterion } element { $element } { $judge }
status-marks = marks: { $done } of { $expected } expected ({ $share }%); { $missing } of { $total } entries have marks missing
status-scope = { $scope } (#{ $seq })
status-list-separator = ,{" "}
status-unconfirmed = unconfirmed marks (double entry): { $count } (not counted)
status-unconfirmed-counted = unconfirmed marks (double entry): { $count } (counted provisionally)
status-published = state: published, final (#{ $seq })
status-open = state: open
status-locked = state: locked: { $scopes }
status-by-criterion = by criterion:
status-by-judge = by judge:
status-missing-heading = missing ({ $count }):
status-more = … and { $count } more
status-flagged = flagged:
status-more-entries = … and { $count } more entries

## The audit trail (podium audit)

audit-no-store = { $path }: there is no mark store yet; `podium import` or `podium mark` makes it
audit-intact = ok: { $count } records, the chain is intact ({ $path })
audit-head = head: #{ $seq } { $hash }
audit-changed = the store was changed outside podium: { $count } problem(s)
audit-cell = { $entry } { $criterion } { $judge }
audit-cell-element = { $entry } { $criterion } element { $element } { $judge }
audit-marked = { $cell } { $value }
audit-corrected = { $cell } { $from } → { $value } (corrects #{ $replaces }: { $reason })
audit-confirmed = { $cell } { $value } confirmed (second entry of #{ $mark })
audit-lock = lock
audit-unlock = unlock
audit-publish = publish
audit-state = { $action } { $scope }
audit-state-reason = { $action } { $scope } ({ $reason })
audit-line = #{ $seq } { $at } by { $actor } ({ $source }): { $what }
audit-none = no records match

## Warnings when a contest is read (load)

load-assigned-unknown = judge { $judge } is assigned `{ $id }`, which is not an entry
load-elements-unused = this element data is not used: the contest does not name it
load-elements-unused-help = name it in the contest: files: (elements: "elements.csv")
load-file-not-comparable = this marks file is not scored (the mark store is), and it cannot be compared with the store: { $count } problems
load-file-not-comparable-help = see them with `{ $command }`
load-file-left-out = this marks file holds { $count } marks that are not scored: { $absent } the mark store does not have, { $different } with another value there; the store's marks are scored
load-file-left-out-help = to bring them in: `{ $command }` (a mark that differs needs --reason to correct the stored one)
load-stored-mark = stored mark { $entry } { $criterion } { $judge }: { $why }
load-stored-mark-help = the contest changed since this mark was entered: correct the contest, or the mark with `podium mark --reason`
load-cell-twice = the store holds a cell twice

## The mark store

store-entry-unreadable = the current marks of { $entry } cannot be read: the store was changed outside podium (run `podium audit verify`)
store-busy = the mark store is busy: another program is writing to it (an import?); nothing was stored, try again in a moment
store-read-only = the mark store is read-only (the file or its folder cannot be written: an archive, read-only media, or another user's files), so nothing can be entered or changed; commands that only read (score, status, export, audit, report, chart, explain) work on it; to enter marks, copy the contest folder somewhere writable
store-sqlite = the mark store failed (SQLite: { $error })
store-other-layout = this mark store has table layout { $layout }, and this podium reads layout { $ours }: export its marks with the podium that made it, then import them into a new store
store-unnumbered-layout = this mark store has table layout from before layouts were numbered, and this podium reads layout { $ours }: export its marks with the podium that made it, then import them into a new store
store-cannot-open = cannot open the mark store: { $error }
store-wal-read-only = cannot read the mark store: its folder cannot be written, and { $wal } holds commits not yet in the store, which SQLite reads only through a file it would make beside it; copy the contest folder somewhere writable and read it there
store-old-layout-read-only = this mark store has table layout { $layout }, which podium reads only once it has brought it to layout { $ours }, and it is read-only: copy the contest folder somewhere writable and run any podium command there once (the log is not touched)
store-not-stored = the marks were not stored: { $error }
store-no-random = no random numbers from the system: { $error }
tamper-changed = record #{ $seq } does not match the chain: it was edited, or inserted, outside podium
tamper-removed = records between #{ $after } and #{ $before } were removed
tamper-truncated = the log ends at #{ $last }, but podium last wrote #{ $head }: records were removed
tamper-appended = records #{ $first }..#{ $last } were added outside podium (podium last wrote #{ $head })
tamper-current = the current mark of { $entry } { $criterion } element { $element } judge { $judge } does not match the log
tamper-unreadable = the current marks of { $entry } cannot be read: they were edited outside podium

## A panel's rule (explain and others)

panel-mean = the mean
panel-median = the median
panel-sum = the sum
panel-min = the lowest mark
panel-max = the highest mark
panel-trimmed-mean = the mean after dropping { $k } highest and { $k } lowest
panel-trimmed-sum = the sum after dropping { $k } highest and { $k } lowest
panel-closest-pair = the mean of the two closest marks
panel-by-size = a rule chosen by the number of judges
panel-named = { $words } (`{ $name }`)
spread-flag = scored as declared and flagged
spread-use-all = scored with every mark, none dropped, and flagged
spread-block = not scored until corrected

## Places and ties (explain)

key-total = total
key-category = category { $id } ({ $label })
key-criterion = { $key }
key-highest-mark = highest single mark in { $key }
key-fewer-deductions = fewer deductions
key-field = field { $name }
explain-no-entry = no entry `{ $id }` in this contest; { $suggestion }
explain-division = { $field }: { $value }
explain-division-place = { $field }: { $value }, place { $rank }
explain-division-place-tied = { $field }: { $value }, place { $rank } (tied)
explain-steps = Steps:
explain-total = Total { $total }
explain-place = Overall place { $rank }
explain-place-tied = Overall place { $rank } (tied)
explain-not-ranked = Not ranked: some criteria are not scored
explain-flag = Flag: { $flag }
explain-award = Award: { $award } ({ $set })
explain-tied-all = tied with { $id } on the total and every tie-break
explain-above = same total as { $id }; placed above it by { $by } ({ $mine } vs { $theirs })
explain-below = same total as { $id }; placed below it by { $by } ({ $mine } vs { $theirs })

trace-record-mark = record { $value }

## Other commands (init, gen, judges, serve, codes, score) and numbers

init-template-construction = 五比五赛 construction labour contest: teams, deductions, bonuses, a safety veto
init-template-skills-duel = district skills duel for electricians and welders: measurement and judgement, prizes per trade
init-template-judged-panel = judged-panel event: elements with difficulty, 5 or 7 judges dropping extremes
init-template-monthly-teams = monthly assessment of work teams: vetoes and caps
init-template-district-duel = district CNC lathe duel in two stages: the theory top 30 (and ties) go to the practical final, which carries 25 % of theory
init-template-three-rounds = workers' tai chi in three rounds: preliminary, semi-final, final, carried over, standings after each round
init-template-knockout = forklift challenge: a knock-out first round of pairs plus the two best losers; qualifiers ranked first
init-no-template = init: no template `{ $template }`; { $suggestion }
init-exists = init: { $dir } already holds a contest.ron; choose a new folder so nothing is overwritten
init-cannot-create = init: cannot create { $dir }: { $error }
init-cannot-write = init: cannot write { $path }: { $error }
init-made = made { $dir } from `{ $template }`: edit contest.ron, then run `podium check { $dir }`
gen-at-least-one = gen: --entries, --criteria, --judges and --panel must each be at least 1
gen-panel-too-large = gen: --panel draws each entry's judges from --judges, so it cannot be larger
gen-cannot-create = { $dir }: cannot create the folder: { $error }
gen-wrote = wrote { $dir }: { $entries } entries × { $criteria } criteria × { $judges } judges = { $marks } marks
codes-cannot-write = { $path }: { $error }
score-xlsx-needs-output = `--format xlsx` writes a workbook file: give it with `--output results.xlsx`
score-blind-teams = blind judging: the team leaderboard names organisations, so it is shown once the results are published
score-cannot-write-to = { $path }: cannot write the leaderboard: { $error }
score-cannot-write = cannot write the leaderboard: { $error }
number-too-large = { $value } is too large
number-too-large-help = numbers in a contest are between -{ $max } and { $max }
number-too-precise = { $value } has { $places } decimal places
number-too-precise-help = numbers in a contest have at most { $places } decimal places
number-write-as-string = { $value } is too large or too precise; write it as a string
number-not-decimal = "{ $value }" is not a decimal number
number-not-finite = a number must be finite

clap-invalid-value-why = `{ $value }` is not a valid value for `{ $arg }`: { $why }

audit-cell-no-judge = { $entry } { $criterion }{" "}

cli-the-reason = the reason

text-control-character = { $field } contains the control character { $code }: write it as plain text on one line (no line breaks, tabs, escape codes or direction marks)

## Steps of a calculation (each line of explain)

trace-category-share = category { $id }: { $points } of { $max } points × weight { $weight } = { $score }
trace-category-sum = category { $id }: sum { $points } × { $weight } = { $score }
trace-veto-no-award = no award
trace-veto-zero-category = category { $id } scores 0
trace-veto-cap = the total is capped at { $cap }
trace-veto = veto { $id } ({ $when }) holds: { $effect }
trace-total-capped = total: { $sum }, capped at { $cap } by a veto → { $value }
trace-total = total: { $sum } → { $value }
trace-too-large = the number is beyond the ±{ $max } podium computes exactly

## Steps of a criterion (explain)

trace-not-scored = { $key } not scored: { $label }
trace-marks-points = { $key }: { $panel } of { $scale } marks × { $max } points
trace-deviation-within-points = { $key }: deviation { $deviation } within { $within } → { $points } points
trace-deviation-outside-every-band = { $key }: deviation { $deviation } outside every band → { $otherwise } points
trace-line-share = { $key }: { $value } on a line from { $worst } (0) to { $best } ({ $max }) → share { $share }
trace-capped = { $key }: { $count } × { $per } = { $uncapped }, capped at { $points }
trace-best-elements-count = { $key }: best { $n } of { $count } elements count
trace-formula-gives = { $key }: formula gives { $result }
trace-element-has-no-element = element { $element } has no element data
trace-reads-which-has-no = it reads { $key }, which has no value
trace-formula-failed-division-zero = the formula failed: division by zero
trace-formula-failed = the formula failed: { $other }
trace-element = { $key } element { $number }
trace-no-record-counts-as = { $label }: no record, counts as 0
trace-judge-gave-which-conversion = judge { $judge } gave { $value }, which the conversion table does not list
trace-marks-converted = { $label }: marks { $from } converted to { $to }
trace-this-entry-s-panel = { $label }: this entry's panel is { $names } (the others stand aside)
trace-no-mark-judge = no mark from judge { $names }
trace-no-judge-has-marked = no judge has marked it
trace-judge-missing-others-mean = { $label }: judge { $names } missing, the others' mean { $mean } stands in
trace-marks-apart-more-than = { $label }: marks { $width } apart, more than the { $limit } allowed ({ $resolve })
trace-marks-are-apart-more = marks are { $width } apart, more than the { $limit } allowed; correct them
trace-no-marks = no marks
trace-marks-are-too-few = { $marks } marks are too few for { $rule }
trace-dropping-low-high = , dropping low { $low } and high { $high }
trace-marks = { $label }: marks { $all } → { $applied }{ $dropped } → { $result }

## Help: marking sheets (podium sheets)

help-sheets = Each judge's paper marking sheet (评分表): entries down, their criteria across, with scales and a signature line; one file per judge, named by their id (OUT/J1.xlsx, OUT/J1.html). Filled sheets go back in with `podium import`
help-sheets-example = {"  "}podium sheets contests/skills-duel --format xlsx -o sheets
help-sheets-judge = Only this judge's sheet
help-sheets-format = xlsx or html; both if not given
help-sheets-output = The folder to write into (default: `sheets` in the contest's folder)

## Contests run in stages
rules-stage-twice = stage `{ $id }` is written twice
rules-stage-category-unused = category `{ $id }` is in no stage
rules-stage-category-unused-help = in a contest run in stages, every category goes in one stage's `categories`
rules-stage-misplaced = a contest run in stages has no top-level `{ $field }`
rules-stage-misplaced-help = write it in each stage (`Stage(…, { $field }: …)`)
rules-stage-teams = team results combined from members (`teams`) are not yet supported in a contest run in stages
rules-stage-no-categories = stage `{ $id }` has no categories
rules-stage-category-twice = category `{ $id }` is already in stage `{ $stage }`; a category belongs to one stage
rules-stage-category-is-carried = category `{ $id }` has the name of a stage this stage carries
rules-stage-first-has-none = there is no stage before the first
rules-stage-not-earlier = `{ $id }`, named by stage `{ $stage }`, is not an earlier stage
rules-stage-carry-percent = the percent carried from stage `{ $id }` must be more than 0
rules-stage-last-advances = the last stage `{ $id }` has no stage after it to advance to (`advance`)
rules-stage-last-advances-help = the last stage's places are the final places; awards go in the top-level `awards`
rules-stage-advance-none = the rule of stage `{ $id }` sends no one on
rules-stage-advance-none-help = `Top` and `Heats` take at least 1; a `Share` is a percent between 0 and 100
rules-stage-cap-zero = the cap per group (`cap`) is at least 1
trace-carried = { $stage } total carried in: { $total }
trace-carried-none = no { $stage } total to carry in
score-no-stages = this contest is not run in stages: there is no stage `{ $stage }` (without --stage, the leaderboard)
score-unknown-stage = no stage `{ $stage }`; { $suggestion }
score-stages-teams = a contest run in stages has no team leaderboard yet
help-score-stage = a contest run in stages: the standings after this stage (its id) instead of the final classification
explain-stage = Stage { $number }: { $stage }
explain-round-place = Round rank (this stage's own score only): { $rank }
explain-behind = { $behind } behind the leader
explain-classified = Final place: { $rank } (out at { $stage })
explain-not-classified = Not ranked: no total in { $stage }
advance-through = Advanced: { $why }
advance-out = Did not advance: { $why }
advance-everyone = every ranked entry of this stage goes on
advance-place = place { $rank }; the top { $top } go on (and everyone tied with the { $top }th)
advance-total = total { $total }; a total of { $bound } or better goes on
advance-heat = place { $place } in heat { $heat }; each heat's top { $winners } go on
advance-best-other = place { $place } among those who did not win their heat; the best { $taken } of them go on
advance-capped = { $group } already has { $cap } going on, the most one group may send
advance-unranked = no total in this stage
explain-stage-place = Place in this stage (with what it carried): { $rank }
stage-marks-unreached = { $count } entries did not reach { $stage } yet have marks of it, which are not scored: { $entries }
stage-marks-unreached-help = check whether these marks were entered under the wrong entry; `podium score CONTEST --stage STAGE` lists each stage's qualifiers

## Levels (podium advance) and the campaign board (podium campaign)

help-advance = Send the qualifiers of a locked contest on to the next level's contest: added to its entries with where they came from (which contest, which place)
help-advance-example = {"  "}podium advance enterprise-a town --top 3
    {"  "}podium advance enterprise-a town --award first
help-advance-source = The contest the qualifiers come from (locked, every entry scored)
help-advance-target = The next level's contest, whose entries gain the qualifiers
help-advance-top = The top N places go on, and everyone tied at the Nth
help-advance-award = The winners of this award tier (its id, e.g. `first`) go on; repeat the flag for more tiers
help-advance-division = Only this division of the source (`welder` or `trade=welder`), by its places within it
help-campaign = The campaign board: every contest of a campaign by level and trade, its entries, its state, and its award winners with where they came from
help-campaign-example = {"  "}podium campaign contests/campaign-district
    {"  "}podium campaign contests/campaign-district --format csv -o board.csv
help-campaign-folder = A campaign folder (holding campaign.ron) or the path of campaign.ron
help-campaign-format = The output format
advance-same = The source and the target are the same contest ({ $contest })
advance-not-locked = The contest { $contest } is not locked: who goes on is decided once its results are locked; nothing was written
advance-lock-help = Check the results, then run `{ $command }`
advance-target-locked = The target contest { $contest } is locked or published: its entries cannot grow; nothing was written
advance-no-tier = The contest { $contest } has no award tier `{ $tier }`
advance-unscored = The contest { $contest } has { $count } entries without a score ({ $ids }): who goes on is decided once every entry is scored; nothing was written
advance-incomplete = The marks of { $contest } are not all in, so its places may still change: `{ $command }` lists the missing marks; nothing was written
advance-origin = from { $contest }, place { $place }
advance-origin-own = entered at this level
advance-clash = The id { $id } is already in the target's entries ({ $there }) and would come again as place { $place } of { $contest }
advance-clash-help = Ids are unique in an entries file: give the source's entries ids no other contest uses (an organisation's letter first, say). Nothing was written.
advance-cannot-write = Cannot write { $file }: { $why }
advance-not-csv = The target's entries file { $file } is not CSV: qualifiers are added to a CSV entries file only
advance-no-column = The header of { $file } has no `{ $column }` column; nothing was written
advance-add-columns = Add the columns `{ $from_contest }` and `{ $from_place }` at the end of the header (and two commas at the end of each row already there): they record which contest a qualifier came from, with which place
advance-none = No entry qualifies; the entries are unchanged
advance-added = Added { $count } entries to the entries of { $target }: { $ids }
advance-already = { $count } entries had gone on before and were not added again: { $ids }
campaign-state-open = open
campaign-state-locked = locked
campaign-state-published = published
campaign-contest = [{ $level } · { $trade }] { $name } (folder { $folder })
campaign-count = { $entries } entries, { $state }
campaign-no-winners = No award winners yet
campaign-from-level = from { $contest } ({ $level }), place { $place }
campaign-from = from { $contest }, place { $place }
campaign-column-level = Level
campaign-column-trade = Trade
campaign-column-contest = Contest
campaign-column-folder = Folder
campaign-column-entries = Entries
campaign-column-state = State
campaign-column-from-contest = From contest
campaign-column-from-place = From place
explain-from = Went on from { $contest }, where it placed { $place }
init-template-campaign-district = a welders' duel on two levels (enterprise → town): `podium advance` and the `podium campaign` board
init-made-campaign = made the campaign { $dir } from `{ $template }`: name its levels, trades and contests in campaign.ron, then run `podium campaign { $dir }`

## Contests run in stages: what the review of stages found
rules-stage-carry-twice = stage `{ $stage }` carries stage `{ $id }` twice; write each earlier stage once in `carry`
rules-stage-too-many = the contest has { $count } stages; at most { $max } are allowed
rules-stage-too-many-help = a stage is a round the entries go through one after another (preliminary, semi-final, final); a contest of many separate events is a campaign of contests
stage-heat-missing = { $count } entries have no `{ $field }`, which stage `{ $stage }` draws its heats by: { $entries }
stage-heat-missing-help = give each entry its heat in the `{ $field }` column; entries left empty would meet in one heat of their own
stage-none-through = stage `{ $stage }` ranked { $ranked } entries and sent none of them on: the stages after it are empty
stage-none-through-help = a `Share` of the ranked entries is rounded down, so a small share of a small field is no one; an `AtLeast` bound nobody reached sends no one; check the stage's `advance`

## Periods (podium periods)
help-periods = A contest assessed each period (month): the roll-up board (each team's periods, rolled-up total, place, award, rotating award, bars), or one team's year sheet
help-periods-example = {"  "}podium periods contests/monthly-year
    {"  "}podium periods contests/monthly-year --roll-up q1
    {"  "}podium periods contests/monthly-year --team T05
help-periods-folder = A series folder (holding periods.ron) or the path of periods.ron
help-periods-roll_up = The roll-up to show (its id, e.g. a quarter `q1`; the last declared if not given, usually the year)
help-periods-team = One team's year sheet: every period, then every roll-up
help-periods-format = The output format
periods-none = periods.ron lists no period
periods-id-twice = period `{ $id }` is written twice
periods-not-a-contest = folder { $folder } is not a contest
periods-unknown-period = no period `{ $id }`
periods-rule-empty = the rule of roll-up `{ $id }` cannot give a result (it covers { $count } periods)
periods-years-zero = `Years(0)` bars no period; write at least `Years(1)`
periods-earlier-missing = the earlier series folder { $folder } has no { $file }
periods-unknown-team = no team `{ $id }`; { $suggestion }
periods-unknown-roll-up = no roll-up `{ $id }`; { $suggestion }
periods-barred-by = barred: { $veto }, { $period } { $year }
periods-legend = † barred that period  ★ { $rotating } held that period
column-team = Team
column-barred = Barred
column-period = Period
column-vetoes = Vetoes
column-roll-up = Roll-up
help-chart-stage = A contest run in stages: the standings after this stage (its id)

## Periods: checks and words (periods review)
periods-folder-twice = folder { $folder } is already listed as period `{ $first }`; the same contest listed twice would count its marks twice
periods-folder-help = A folder's path is relative to the folder of periods.ron, and holds `{ $file }`
periods-weight-not-positive = the weight of period `{ $id }` is { $weight }; a weight must be more than 0 (e.g. 1, 0.5)
periods-weight-outside = period `{ $id }` has a weight but is not among the `periods` of roll-up `{ $roll_up }`; add it to `periods` or remove its weight
periods-best-help = write `Best(k)` with k from 1 to { $count }
periods-unknown-veto = no period's contest declares the veto `{ $id }` (`vetoes` in contest.ron), so this bar would bar no team
periods-sheet-title = { $series } — { $team } { $name } ({ $organisation })
periods-legend-barred = † barred that period
periods-rotating-held = { $rotating } (times held)
periods-roll-up-id-twice = roll-up `{ $id }` is written twice
periods-roll-up-period-twice = period `{ $id }` is written twice in roll-up `{ $roll_up }` and would count twice; write each period once
periods-bar-twice = the veto `{ $veto }` is written twice in `bars` and only the first would hold; write one bar for each veto
periods-order-differs = the contest of period `{ $id }` ranks the other way round from period `{ $first }`'s (higher or lower is better); every period must agree for a roll-up
periods-order-differs-help = The order is written in each period's `{ $file }`: `ranking: (order: HigherIsBetter)` or `LowerIsBetter` (times)
periods-not-found-help = a series is a folder holding { $file } (or the path of that file); a single contest is scored with `podium score`
periods-sheet-title-alone = { $series } — { $team } { $name }
