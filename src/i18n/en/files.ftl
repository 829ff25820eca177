# Reading files: entries, marks, elements, assignments (CSV, XLSX, GBK).
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).


## Reading files (the files helper): encodings, workbooks, rows and cells

files-cannot-read = cannot read the file: { $why }
files-utf16 = the file is UTF-16 text (Excel's "Unicode text"), which podium does not read
files-save-as-csv = in Excel, save it as "CSV UTF-8 (comma delimited)" or "CSV (comma delimited)"
files-not-text = the file is neither UTF-8 nor GB18030/GBK text (byte { $byte })
files-read-as-gb18030 = the file is not UTF-8: read as GB18030 (GBK), the encoding of Excel's "CSV" on Chinese Windows; if names look wrong, save it as "CSV UTF-8"
files-workbook-unreadable = cannot read the workbook: { $why }
files-workbook-no-sheets = the workbook has no sheets
files-workbook-no-such-sheet = the workbook has no sheet `{ $sheet }`
files-workbook-sheets = its sheets: { $sheets }; name one after `#`, as in `marks.xlsx#Sheet1`
files-workbook-cell-error = the cell holds the error { $error }: give it a value
files-column = { $header } (column { $letter })
files-column-only = column { $letter }
files-field-row = row
files-field-count = this row has { $found } fields but the header has { $wanted }
files-row-not-utf8 = the row is not UTF-8 text
files-row-unreadable = the row cannot be read: { $why }
files-check-commas = check for a missing or extra comma; quote fields that contain commas
files-separator = the row holds { $code } "{ $char }": columns are separated by the half-width comma ","
files-more-bad-rows = … and { $count } more bad rows
files-no-column = the header has no `{ $column }` column
files-did-you-mean = did you mean `{ $name }`?
files-none-declared = none are declared
files-valid = valid: { $names }
files-valid-many = valid: { $names }, … ({ $count } in all)

## Characters a person does not see as wrong

files-odd-wide = the cell holds the full-width character { $code } "{ $char }": type the half-width "{ $plain }" instead (switch the input method to half-width)
files-odd-space = the cell holds a space ({ $code }) inside its value: remove it
files-odd-invisible = the cell holds the invisible character { $code }: clear the cell and type it again
files-odd-in-number = the cell holds { $code } "{ $char }": a number takes the half-width decimal point, as in 8.5, and no thousands separator

## Entries

files-entries-header = the first row names the columns: id,name,organisation,... (members for teams); Chinese headers such as 编号,姓名,单位 are read too
files-entries-no-field = the contest reads the field `{ $field }` (a division, team, tie-break, or a stage's heats or cap), but the entries have no such column
files-entries-add-field = add a `{ $field }` column; { $suggestion }
files-control = entry `{ $id }`: `{ $value }` contains the control character { $code }
files-control-help = names and other values are plain text on one line: remove line breaks, tabs, escape codes and direction marks
files-id-empty = the id is empty
files-id-unusable = the id `{ $id }` contains a comma, quote, line break or edge space
files-id-apostrophe = the id `{ $id }` starts with an apostrophe before = + - or @, which spreadsheets take as a text mark and drop
files-entry-no-name = entry `{ $id }` has no name
files-id-twice = the id `{ $id }` is used twice: rows { $first } and { $second }
files-id-twice-help = every entry needs its own id

## Marks

files-marks-empty = the marks file is empty
files-marks-header = the first row names the columns: entry,criterion,element,judge,value (or 编号,评分项,要素,评委,分数)
files-marks-twice = entry `{ $entry }` has two marks for { $criterion } from judge { $judge } (rows { $rows })
files-marks-twice-element = entry `{ $entry }` has two marks for { $criterion } element { $element } from judge { $judge } (rows { $rows })
files-marks-more = entry `{ $entry }` has { $count } marks for { $criterion } from judge { $judge } (rows { $rows })
files-marks-more-element = entry `{ $entry }` has { $count } marks for { $criterion } element { $element } from judge { $judge } (rows { $rows })
files-marks-twice-help = one judge gives one mark per cell: remove or correct one of the rows
files-unknown-entry = unknown entry `{ $entry }`
files-check-entries = check the entries file
files-unknown-criterion = unknown criterion `{ $criterion }`
files-criterion-help = write it as category.criterion; { $suggestion }
files-cell-for = `{ $cell }` for { $criterion }: { $why }
files-formula-no-marks = this criterion is a formula and takes no marks
files-element-needed = this criterion has elements: give a number from 1 to { $count }
files-element-range = the element is a number from 1 to { $count }
files-element-none = this criterion has no elements: leave the column empty
files-judge-needed = this criterion is marked by a panel: name the judge
files-unknown-judge = unknown judge; { $suggestion }
files-unknown-judge-named = unknown judge `{ $judge }`
files-judge-not-on-panel = this judge is not on the panel ({ $panel })
files-judge-own-organisation = the judge belongs to { $organisation }, the entry's own organisation (conflict of interest; `judging: (allow_own_organisation: true)` permits it)
files-judge-not-assigned = entry `{ $entry }` is not among the entries assigned to this judge
files-judge-other-division = the judge marks only { $field } `{ $wanted }`, and entry `{ $entry }` is not in it
files-reserve-not-seated = this reserve judge does not sit on entry `{ $entry }`'s panel (its panel: { $panel })
files-out-of-range = out of range: marks go from { $min } to { $max }
files-off-step = not on a step of { $step } from { $min }
files-number-too-long = longer than { $count } characters: no mark is written like that
files-not-a-number = not a number (write it like 8.5; no units, no thousands separators, at most { $scale } decimal places)
files-not-a-number-cell = `{ $cell }` is not a number
files-too-many-decimals = has more decimal places than the criterion's step allows ({ $scale })
files-too-large = too large

## Element data and assignments

files-elements-header = the header needs `entry`, `criterion` and `element` columns, then one column per data field
files-elements-none = `{ $criterion }` has no elements, so no element data
files-elements-not-element = `{ $cell }` is not an element of { $criterion }: give 1 to { $count }
files-elements-no-field = { $criterion } needs the data field `{ $field }`, but there is no such column
files-elements-twice = element { $element } of { $criterion } for entry `{ $entry }` is given twice: rows { $first } and { $second }
files-assignments-header = the header needs a `judge` column and an `entry` or `group` column
files-assignments-example = for example: judge,entry then J1,E001 (or 评委,编号)
files-assignments-entry-or-group = give either an entry or a group (field=value) in each row, not both or neither
files-group-form = write a group as field=value, such as trade=welder (not `{ $group }`)
files-group-no-field = `{ $field }` is not a field of the entries; { $suggestion }
files-group-no-entry = no entry has { $field } `{ $value }`

## podium import and podium check

files-import-refused = nothing imported: { $why }
files-imported = imported { $stored } marks from { $file } ({ $unchanged } already stored)
files-confirmed = confirmed { $stored } marks from { $file } ({ $unchanged } already confirmed)
files-not-confirmed-one = 1 mark not confirmed: check the paper sheets, correct with `podium mark --reason`, then verify again
files-not-confirmed = { $count } marks not confirmed: check the paper sheets, correct with `podium mark --reason`, then verify again
files-nothing-imported-one = nothing imported: 1 bad row
files-nothing-imported = nothing imported: { $count } bad rows
files-nothing-confirmed-one = nothing confirmed: 1 bad row
files-nothing-confirmed = nothing confirmed: { $count } bad rows
files-import-conflict = { $entry } { $criterion } { $judge } is already { $stored } (#{ $seq }), not { $value }
files-import-conflict-help = to correct marks by import, say why with --reason; or correct one with `podium mark --reason`
files-import-twice = { $entry } { $criterion } { $judge } is { $stored } in row { $earlier } of this file, and { $value } here: one judge gives one mark per cell
files-verify-disagrees = { $entry } { $criterion } { $judge }: { $why }
files-check-problem = 1 problem found
files-check-problems = { $count } problems found
files-check-summary = { $contest } — { $categories } categories, { $criteria } criteria, { $judges } judges, { $entries } entries, { $marks } marks
files-check-ok = ok: { $summary }
files-check-warning = 1 warning
files-check-warnings = { $count } warnings
files-check-more-reasons = ; and { $count } more
files-check-more-entries = … and { $count } more
files-check-unscorable = { $count } of { $entries } entries cannot be scored yet (they are left unranked):
    { $list }
files-check-status = `podium status { $dir }` lists every missing mark

## Campaigns (campaign.ron)

campaign-not-found-help = A campaign's folder holds `{ $file }`, naming the campaign, its levels, its trades and each contest's folder; `podium init FOLDER --template campaign-district` makes one from the example
campaign-id-twice = `{ $id }` is written twice: each level's and each trade's id is used once
campaign-unknown-level = `levels` has no level `{ $id }`
campaign-unknown-trade = `trades` has no trade `{ $id }`
campaign-folder-twice = The folder `{ $folder }` is written twice: a contest belongs to one level and trade
campaign-not-a-contest = The folder `{ $folder }` is not a contest folder
campaign-folder-help = A folder's path is relative to the folder of campaign.ron, and holds `{ $file }`
campaign-contest-id-twice = The contest in `{ $folder }` has the id `{ $id }`, as the one in `{ $first }` has
campaign-contest-id-help = Where an entry came from is recorded by its contest's id: after copying a contest folder, change the `id` in its contest.ron

## Element text and measurement formulas in the contest file (issue 14: elements helper)

rules-element-text-in-formula = `{ $name }` is text element data (a code, shown as written): a formula computes only with numbers; read a number field (`data`) instead
rules-element-text-twice = `{ $name }` is named twice among the element's `data` and `text`: a field is either a number (`data`) or text (`text`)
files-quote-not-closed = a cell opens a quote (`"`) here that is not closed by the end of the file, nor within 4 MB: the rows after it would be read as this one cell
files-quote-not-closed-help = close the quote, or delete it; a quote inside a quoted cell is written twice (`""`)
files-row-too-long = this row is longer than 4 MB, which no row of a sheet is (an Excel cell holds at most 32,767 characters)
files-row-too-long-help = a stray quote (`"`) in it can make the rows after it one cell: close it, or delete it
