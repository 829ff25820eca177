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
