# Outputs: columns, exports, charts, the report.
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).

## Columns

column-rank = Rank
column-name = Name
column-entry = Entry
column-organisation = Organisation
column-total = Total
column-award = Award
column-flags = Flags
column-judge = Judge
column-saved = Saved
column-expected = Expected

## Words of the results table

column-tied = Tied
column-division = Division
column-award-id = Award id
value-yes = Yes
value-no = No
board-award-provisional = { $award } (provisional)
board-provisional = Marking is not complete: awards are provisional and may change.
xlsx-page-footer = &CPage &P of &N

## Filtering by division (--division)

division-none = this contest declares no divisions
division-none-help = add `divisions: ["trade"]` to the contest
division-unknown-field = `{ $field }` is not a division of this contest
division-no-entry = no entry has { $field } `{ $value }`
teams-none = this contest declares no teams
teams-none-help = add `teams: (field: "organisation", combine: Best(3))` to combine teams from their members

## Flags, for people

flag-veto = veto: { $veto }
flag-spread = { $criterion }: marks { $spread } apart
flag-incomplete = { $criterion } not scored: { $reason }
flag-substituted = { $criterion }: judge { $judges } missing, mean substituted
list-separator = {", "}

## Contests run in stages
column-round-rank = Round rank
column-behind = Behind
column-advanced = Advanced
column-stage-reached = Last stage

## The report of a contest run in stages
report-stage-board = Standings after { $stage }
report-stage-board-note = { $entries } took part; { $through } went on (see the { $column } column).
report-stage-board-note-last = { $entries } took part; this last stage decides the final places.
report-stages-title = Stages
report-stages-intro = The contest runs in { $count } stages, one after another. The final classification ranks entries by the last stage they reached, the latest first, then by their place there: an entry out at a stage keeps its place from it, below every entry that went on, whatever its points.
report-stage-line = Stage { $number }, { $stage } (`{ $id }`): scores { $categories }; { $takes }; { $carry }; { $advance }.
report-stage-takes-everyone = every entry takes part
report-stage-takes-qualifiers = the entries that went on from { $stage } take part
report-stage-carry-none = no earlier total is carried in
report-stage-carry = { $parts } is added to the stage's own score
report-stage-carry-part = { $percent }% of the { $stage } total
report-stage-last = the last stage: its places are the final places
report-stage-advance-everyone = every ranked entry goes on
report-stage-advance-top = the best { $n } go on, and everyone tied with the { $n }th goes on too
report-stage-advance-share = the best { $percent }% of the ranked entries go on (rounded down), and everyone tied at the cut goes on too
report-stage-advance-at-least = every entry with a total of at least { $bound } goes on
report-stage-advance-at-most = every entry with a total of at most { $bound } goes on
report-stage-advance-heats = entries with the same { $field } meet in a heat: the best { $winners } of each heat go on, then the best { $others } of all the others by their total, and everyone tied at either cut goes on too
report-stage-advance-cap = ; at most { $cap } entries with one { $field } go on, and the next best are taken in their place
report-stage-rule = In { $stage }: { $rule }

## Elements and measurements (issue 14: elements helper)

flag-filled-zero = { $criterion }: no mark, counted as 0 (`missing: Zero`)
flag-filled-zero-element = { $criterion } element { $element }: no mark, counted as 0 (`missing: Zero`)
trace-element-not-performed-skip = { $key } element { $number }: not performed (no marks, no element data), left out
trace-element-not-performed-zero = { $key } element { $number }: not performed (no marks, no element data), counts { $zero }
trace-element-scored = { $key } element { $number }: score { $score } → { $element_value }
trace-element-scored-data = { $key } element { $number }: score { $score }, { $data } → { $element_value }
trace-measured-formula = { $key }: measured { $value }, { $formula } = { $points }
trace-measured-formula-capped = { $key }: measured { $value }, { $formula } = { $points }, at most { $max }
column-element = { $criterion } element { $element }
column-element-field = { $criterion } element { $element } { $field }
value-not-performed = Not performed
value-not-performed-zero = Not performed (counts 0)
report-elements = Scores by element
report-unperformed-skip = ; an entry may perform fewer than { $count }, and an element not performed is left out
report-unperformed-zero = ; an entry may perform fewer than { $count }, and an element not performed counts 0
trace-judge-missing-zero = { $label }: judge { $names } missing, counts as 0 (`missing: Zero`)
status-filled-zero = { $count } gaps counted as 0 (`missing: Zero`), listed among the flags below: check each one is meant
trace-element-unperformed-undeclared = element { $element } has no marks and no element data: if it was not performed, the contest must say how that counts (`unperformed: Skip` or `Zero`)
