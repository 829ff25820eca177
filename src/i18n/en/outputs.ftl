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
