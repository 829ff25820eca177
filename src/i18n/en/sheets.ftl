# Paper marking sheets and their return.
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).


## Marking sheets (podium sheets): the words on a sheet
sheet-title = { $contest }: marking sheet
sheet-judge = Judge: { $name } ({ $id })
sheet-entry = Entry
sheet-code = Code
sheet-name = Name
sheet-scale = { $min }–{ $max }, step { $step }
sheet-scale-any = { $min }–{ $max }
sheet-scale-pass = 1 pass, 0 fail
sheet-scale-count = how many times (a whole number)
sheet-sign-judge = Judge's signature: ____________________    Date: ______________
sheet-sign-chief = Chief judge's confirmation: ____________________    Date: ______________
sheet-page-footer = &CPage &P of &N
sheet-check-title = Not a valid mark
sheet-check-message = { $criterion }: { $scale }. Copy the mark from the paper sheet.
sheet-struck-message = This judge does not mark this cell: leave it empty.

## Marking sheets (podium sheets): what the command says
sheet-written = wrote { $path } (judge { $judge }, { $entries } rows)
sheet-nothing-to-mark = judge { $judge } marks nothing: no sheet written
sheet-no-such-judge = no judge has the id `{ $judge }`; the judges: { $known }
sheet-cannot-write = cannot write { $path }: { $why }
sheet-cannot-build = cannot build the workbook: { $why }
sheet-no-code = blind judging: entry { $entry } has no code yet; give new entries their codes with `podium codes` first

## Filled sheets back in (podium import)
sheet-cannot-read = cannot read the file: { $why }
sheet-blank = the sheet has no marks in it: nothing imported (is it the blank sheet?)
sheet-other-contest = this is a sheet of another contest (`{ $found }`), not of `{ $wanted }`
sheet-unknown-judge = the sheet's judge `{ $judge }` is not among the contest's judges
sheet-unknown-column = `{ $key }` in the machine row is not a criterion judge { $judge } marks; use a sheet written by `podium sheets` and leave its machine row as it is
sheet-mark-without-entry = a mark ({ $criterion }) outside the entries' rows: write each mark in its entry's row
sheet-struck-filled = judge { $judge } does not mark { $criterion } of entry { $entry } (the cell is struck out): empty it
sheet-cell-refused = entry { $entry }, { $criterion }: { $why }
sheet-conflict = entry { $entry }, { $criterion } is already { $stored } (#{ $seq }), the sheet says { $value }
sheet-conflict-help = to correct marks by import, say why with --reason; or correct one with `podium mark --reason`
sheet-twice = entry { $entry }, { $criterion } is given twice in this workbook: at { $earlier } and here
sheet-disagrees = entry { $entry }, { $criterion }: { $why }
sheet-nothing-imported = nothing imported: { $why }
sheet-nothing-stored = nothing imported: cells refused: { $count } (each named above)
sheet-nothing-confirmed = nothing confirmed: cells refused: { $count } (each named above)
sheet-imported = imported { $stored } marks from { $file } ({ $unchanged } already stored)
sheet-confirmed = confirmed { $stored } marks from { $file } ({ $unchanged } already confirmed)
sheet-not-confirmed = { $count } marks not confirmed: check the paper sheets, correct with `podium mark --reason`, then verify again
