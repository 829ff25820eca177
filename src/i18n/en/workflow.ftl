# How results become final: roles, sign-offs, decoding, re-check, appeals, notice (`workflow` in contest.ron)

## Roles and rights
role-organiser = organising committee
role-chief-judge = chief judge
role-encryption-judge = encryption judge
role-supervisor = supervisor
role-arbitration = arbitration group
role-clerk = clerk
role-judge = judge
action-mark = enter marks
action-lock = lock and unlock marking
action-draw = draw lots
action-code = give blind codes
action-confirm-sheet = confirm a judge's sheet
action-sign-results = sign the results
action-decode = decode
action-supervise = witness decoding and sign after the chief judge
action-recheck = re-check
action-file-appeal = file an appeal
action-rule = rule on an appeal
action-notice = start the public notice
action-publish = make the results final

## Checking `workflow` in contest.ron
rules-workflow-code-layers = `code_layers` is { $layers }; it can be 0, 1 or 2
rules-workflow-blind-twice = `workflow.code_layers` already declares blind codes; leave out `marking.blind`
rules-workflow-role-twice = role id `{ $id }` is written twice
rules-workflow-role-nameless = role `{ $id }` has no `name`
rules-workflow-nobody-may = the workflow has the step "{ $action }", but no role may take it
rules-workflow-nobody-may-help = add a role that may (usually { $roles }) to `roles`, or name the right in a role's `may`
rules-workflow-length = cannot read the length of time "{ $text }"
rules-workflow-length-help = write a whole number and a unit: `"90s"` (seconds), `"20m"` (minutes), `"2h"` (hours), `"5d"` (days), at most ten years
rules-draw-no-stations = a draw needs stations: write `stations: ["A01", "A02"]` or `station_count: 30`
rules-draw-stations-twice = write `stations` or `station_count`, not both
rules-draw-count = the number of stations and of heats must be from 1 to { $max }
rules-draw-station-name = the station name "{ $name }" is empty or holds control characters
rules-draw-station-twice = station "{ $name }" is written twice
rules-recheck-percent = the re-check's `{ $field }` is { $value }; it must be a percentage from 0 to 100
rules-recheck-margin = the re-check's `margin` (the distance from an award line) cannot be negative

## Acting as a role (--as)
event-no-roles = this contest declares no roles (`workflow.roles` in contest.ron): leave out `--as { $id }`
event-role-needed = to { $action }, say which role you act as: { $roles }
event-role-unknown = there is no role `{ $id }`. { $suggestion }
event-role-may-not = role `{ $id }` ({ $role }) may not { $action }; who may: { $able }

## Where the results stand
phase-open = not yet marked
phase-marking = being marked
phase-locked = marking locked
phase-signed = signed
phase-decoded = decoded
phase-on-notice = on public notice
phase-final = final, published

## Why a step is refused
event-final = the results are final (published, record #{ $seq }): nothing can change now
event-no-workflow = this contest declares no workflow (`workflow` in contest.ron): there is no such step
event-no-sign-offs = this contest's workflow has no sign-offs (`workflow.sign_offs: true`)
event-moved = someone else wrote to the mark store at the same moment; nothing was recorded, try again
event-sheet-no-marks = judge `{ $judge }` has no marks yet: there is no sheet to confirm
event-sheet-already = judge `{ $judge }`'s sheet is already confirmed as it stands
event-sign-not-locked = marking is not over: lock the whole contest (`podium lock`) before signing the results
event-sign-already = the results are already signed as they stand (record #{ $seq })
event-sign-sheets = these judges' sheets are not confirmed by the chief judge as they stand: { $judges } (`podium sign CONTEST --sheet JUDGE --as CHIEF`)
event-countersign-first = the chief judge has not signed the results as they stand; the supervisor signs after the chief judge
event-no-codes = this contest's workflow has no blind codes (`workflow.code_layers`): there is nothing to decode
event-decode-unsigned = the results are { $phase }; they are decoded only once signed by the chief judge and the supervisor
event-decode-awaiting = the decoding of layer { $layer } awaits the supervisor's confirmation (`podium decode CONTEST --as SUPERVISOR`); until then the next layer is not decoded and nothing decoded shows
event-decode-done = every layer of codes is decoded already
event-witness-nothing = there is no decoding to confirm: the encryption judge decodes first
event-no-notice = this contest's workflow has no public notice (`workflow.notice`)
event-notice-already = the results are on public notice until { $until }
event-notice-too-early = the results are { $phase }; they go on notice once { $needed }
event-publish-on-notice = the results are on public notice until { $until }: they can be made final once it ends
event-publish-needs-notice = the results are { $phase }; they are made final after their public notice (`podium notice`) ends
event-publish-too-early = the results are { $phase }; they can be made final once { $needed }
event-appeals-open = appeals or objections { $ids } are not ruled on; the arbitration group rules first (`podium appeal CONTEST --rule ID`)
event-no-appeals = this contest's workflow takes no appeals (`workflow.appeals`, `workflow.notice`)
event-appeal-empty = an appeal needs `{ $field }`
event-appeal-late = the time for appeals ended at { $deadline }: refused
event-objection-late = the public notice ended at { $until }: objections are no longer taken
event-appeal-only-on-notice = this contest takes objections only during its public notice (`workflow.notice`), and the results are not on notice
event-rule-unknown = there is no appeal or objection `{ $id }`. { $suggestion }
event-rule-final = appeal `{ $id }` is ruled on (record #{ $seq }); the arbitration group's ruling is final

## What podium sign, decode, notice and appeal say
event-phase-now = the results now: { $phase }
event-done-sheet = recorded: { $who } confirmed judge `{ $judge }`'s sheet (record #{ $seq })
event-done-sign = recorded: { $who } signed the results (record #{ $seq })
event-done-countersign = recorded: { $who } signed after the chief judge (record #{ $seq })
event-done-decode = recorded: { $who } decoded layer { $layer } (record #{ $seq }); it takes effect once the supervisor confirms
event-done-witness = recorded: { $who } confirmed the decoding of layer { $layer } (record #{ $seq })
event-done-notice = recorded: { $who } put the results on public notice until { $until } (record #{ $seq })
event-done-appeal = filed: { $who } recorded appeal { $id } about entry { $entry } (record #{ $seq })
event-done-upheld = recorded: { $who } upheld appeal { $id } (record #{ $seq }); correct the marks it changes with `podium mark … --appeal { $id }`
event-done-dismissed = recorded: { $who } dismissed appeal { $id } (record #{ $seq })
event-ruling-needs-reason = a ruling needs its reason (`--reason`), kept in the audit trail
event-appeal-entry-unknown = there is no entry `{ $entry }`
event-appeal-flags = `podium appeal` does one of: `--list`; `--rule ID` with `--upheld` or `--dismissed`; or `--entry`, `--from` and `--what` to file an appeal
event-appeal-flags-ruling = a ruling needs one of `--upheld` or `--dismissed`
event-appeal-flags-filing = filing an appeal needs `--entry` (the entry), `--from` (who appeals) and `--what` (what is appealed)
event-appeals-none = no appeals or objections
event-appeals-deadline = appeals close at { $deadline }
event-appeal-open = not yet ruled on
event-appeal-ruled = { $upheld ->
    [yes] upheld
   *[no] dismissed
  }: { $reason } ({ $by }, { $at })
event-appeal-line = { $id }  entry { $entry }  from { $from }  { $filed }: { $what } — { $ruling }

## Command help
help-sign = Confirm a judge's sheet (`--sheet`), or sign the results: the chief judge first, then the supervisor
help-sign-example = {"  "}podium sign welding --sheet J1 --as chief
help-sign-sheet = confirm this judge's sheet (as their marks stand)
help-arg-role = the role you act as: an id from `workflow.roles` in contest.ron
help-decode = Decode the next layer of blind codes (encryption judge); it takes effect once the supervisor confirms with `--as`
help-decode-example = {"  "}podium decode welding --as enc
help-notice = Put the signed, decoded results on public notice for the length `workflow.notice` declares
help-notice-example = {"  "}podium notice welding --as org
help-appeal = File an appeal (an objection during the notice), rule on one, or list them
help-appeal-example = {"  "}podium appeal welding --as clerk --entry W07 --from "Team leader Zhang" --what "task 3 was timed wrong"
help-appeal-entry = the entry appealed about (its code, when judging is blind)
help-appeal-from = who appeals (a team leader)
help-appeal-what = what is appealed
help-appeal-rule = rule on the appeal with this id
help-appeal-upheld = the ruling: upheld
help-appeal-dismissed = the ruling: dismissed
help-appeal-list = list the appeals and objections with their rulings

## Corrections an upheld appeal decided (podium mark --appeal)
event-correction-other-entry = appeal `{ $id }` concerns entry { $entry }: it corrects no other entry's marks
event-correction-dismissed = appeal `{ $id }` was dismissed: it corrects nothing
event-correction-unruled = appeal `{ $id }` is not ruled on yet: marks change only once the arbitration group upholds it
cli-mark-appeal-needs-reason = a correction an appeal decided needs its reason (`--reason`)
help-mark-role = the role entering the mark (needed when the contest declares roles)
help-mark-appeal = carry out this upheld appeal: the mark is corrected though marking is locked, its reason citing the appeal

## The desk
desk-publish-workflow = this contest's results are made final through its workflow: once signed, decoded and past notice, the organiser publishes with `podium publish CONTEST --as ROLE`

## The workflow's steps in the audit trail
step-confirm-sheet = confirmed judge { $judge }'s sheet (marks digest { $digest })
step-sign = the chief judge signed the results (marks digest { $digest })
step-countersign = the supervisor signed (marks digest { $digest })
step-decode = decoded layer { $layer }
step-witness = the supervisor confirmed the decoding of layer { $layer }
step-notice = public notice until { $until }
step-appeal = appeal { $id } filed: entry { $entry }, from { $from }: { $what }
step-objection = objection { $id } filed during the notice: entry { $entry }, from { $from }: { $what }
step-upheld = ruling: { $id } upheld
step-dismissed = ruling: { $id } dismissed
audit-step-reason = { $step }, because: { $reason }
audit-step-other = workflow step { $step } { $subject } { $value }

## Blind codes
blind-id-not-code = blind judging: give the entry's code, not its id (`{ $id }`)
blind-unknown-code = there is no code `{ $code }`
blind-no-randomness = cannot draw random codes: { $error }
blind-no-codes = blind judging: give the entries their codes first with `podium codes CONTEST`
blind-no-piece-codes = two layers of codes: give every work piece its code first with `podium codes CONTEST --layer 2`
help-codes-layer = which layer of codes: 1 the entries' (the default), 2 their work pieces' (marks are entered by these)
codes-layer-not-declared = this contest has { $layers } layers of codes, not a layer { $layer } (`workflow.code_layers`)

## The workflow in podium status
summary-phase = results workflow: { $phase }
summary-by = { $by }, { $at }, record #{ $seq }
summary-sheets = sheets: { $confirmed } of { $total } confirmed by the chief judge
summary-sheets-waiting = sheets: { $confirmed } of { $total } confirmed by the chief judge; waiting: { $waiting }
summary-signed = signed by the chief judge: { $by }
summary-countersigned = signed by the supervisor: { $by }
summary-unsigned = { $who }: not signed as the marks stand
summary-decoded = decoding: { $decoded } of { $layers } layers decoded
summary-decoded-awaiting = decoding: { $decoded } of { $layers } layers decoded; layer { $awaiting } awaits the supervisor's confirmation
summary-appeals = appeals and objections: { $count } in all; not ruled on: { $open }; appeals close: { $deadline }
summary-notice = public notice until { $until } ({ $by })

## A role's page (its link from podium serve)
serve-role = role { $id } ({ $role }) { $name }: { $url }
role-page-title = { $role }: { $name }
role-page-where = Where the results stand
role-page-steps = Steps you may take
role-page-reason = reason or note (kept in the audit trail)
role-page-judge = judge
role-page-confirm-sheet = Confirm this judge's sheet
role-page-sign = Sign the results
role-page-decode = Decode the next layer
role-page-witness = Confirm the decoding (supervisor)
role-page-notice = Start the public notice
role-page-publish = Make the results final
role-page-entry = entry (its code)
role-page-from = who appeals
role-page-what = what is appealed
role-page-file-appeal = File the appeal
role-page-appeal = appeal
role-page-ruling = ruling
role-page-upheld = upheld
role-page-dismissed = dismissed
role-page-rule = Rule
role-page-appeals = Appeals and objections

## The workflow's record in the report
report-names-hidden = blind judging: the report names entries, so it is written once they are decoded (with a results workflow) or the results are published
report-cannot-write = { $path }: cannot write the report: { $error }
report-workflow = How the results were made final
report-workflow-rules = The steps and the rule for each
report-workflow-rule-marking = being marked → marking locked: the chief judge or the organising committee locks the whole contest, and marking is over (the time for appeals counts from here)
report-workflow-rule-sheets = each judge's sheet is confirmed by the chief judge as its marks stand; a mark changed afterwards needs the sheet confirmed again
report-workflow-rule-sign = marking locked → signed: with every sheet confirmed and no appeal waiting, the chief judge signs the results by code, then the supervisor; a signature covers the digest of all marks, so a mark changed afterwards (a re-check's or an upheld appeal's correction) voids it until the results are signed again
report-workflow-rule-decode = signed → decoded: the encryption judge decodes layer by layer (work-piece codes, then entry codes), each layer taking effect once the supervisor confirms it; no page shows names before
report-workflow-rule-appeals = appeals are filed within the declared time after marking is locked, objections during the public notice; the arbitration group's ruling is final, and an upheld appeal's corrections cite it
report-workflow-rule-notice = decoded → on public notice: the organising committee starts the notice for its declared length, not while an appeal waits
report-workflow-rule-final = on public notice → final: once the notice has ended and every appeal and objection is ruled on, the organising committee publishes; no mark can change after
report-workflow-steps = Every step taken
report-workflow-record = Record
report-workflow-when = When
report-workflow-who = By
report-workflow-what = What

## The results sign-off sheet (podium sign --print)
signoff-title = { $contest }: results sign-off sheet
signoff-by-code = listed by code, not yet decoded
signoff-by-name = decoded, listed by entry
signoff-phase = The results now
signoff-digest = Marks digest (SHA-256)
signoff-head = Audit head
signoff-sheets = Sheets confirmed
signoff-line = { $role }'s signature: ________________  Date: ____________  { $recorded }
signoff-recorded = (recorded: { $by }, { $at }, record #{ $seq })
help-sign-print = instead of signing, write the results sign-off sheet here (HTML, A4, to print and sign)

## The public notice (podium notice --print)
notice-title = { $contest }: results on public notice
notice-until = On notice until { $until }
notice-objections = Objections to these results are made in writing to the organising committee before { $until }; the arbitration group rules on them.
notice-not-on = the results are { $phase }, not on notice; start the notice first with `podium notice CONTEST --as ROLE`
help-notice-print = instead of starting the notice, write the notice to post here (HTML, A4)
desk-workflow-note = This contest's results are made final through its workflow: signing, decoding, the notice and publication are done on each role's own link (listed when `podium serve` starts).

## The hall screen
hall-on-notice = The results are on public notice until { $until }; awards are provisional
hall-unconfirmed = The results are not yet confirmed; awards are provisional
audit-code = entry { $entry } is given the code { $code }
audit-piece-code = entry { $entry }'s work piece is given the code { $code }

## The re-check (podium recheck)
recheck-none = this contest's workflow has no re-check (`workflow.recheck`)
recheck-not-drawn = no re-check sample is drawn yet: run `podium recheck CONTEST --draw --as CHIEF` first
recheck-before-lock = marking is not over: the re-check comes once the whole contest is locked
recheck-after-sign = the results are signed (record #{ $seq }): the re-check comes before the signatures
recheck-drawn-already = the re-check sample is drawn (record #{ $seq }): it is not drawn again
recheck-no-unlock = the re-check's sample is drawn (record #{ $seq }): { $scope } is not unlocked again; a mark changes now only by the re-check (`podium mark … --recheck`) or an upheld appeal (`podium mark … --appeal`)
recheck-drawn = re-check sample drawn: { $count } entries (record #{ $seq })
recheck-why-top = { $entry }: place { $place }, the leading places are all re-checked
recheck-why-line = { $entry }: its total is within the margin of the award line { $line }
recheck-why-cut = { $entry }: its total in stage `{ $stage }` is within the margin of the line { $line } between going on and not
recheck-why-drawn = { $entry }: drawn by lot
recheck-why-all = { $entry }: the error rate passed the threshold, everyone is re-checked
recheck-outside-row = { $file }:{ $line }: entry { $entry } is not in the re-check sample
recheck-outside = a re-check file holds only the sample's entries: nothing of this file is recorded
recheck-missing-cell = { $file }: entry { $entry } { $criterion } judge { $judge } is missing from the re-check
recheck-incomplete = an entry is re-checked with its whole sheet: every mark entered for it, by every judge, typed again in the same file; nothing of this file is recorded
recheck-twice-row = { $file }:{ $line }: entry { $entry } { $criterion } judge { $judge } is typed again as { $value }, row { $first } gave { $was }
recheck-twice = each mark is typed once in a re-check file: nothing of this file is recorded
recheck-compared = re-check compared: { $rows } marks of { $entries } entries, { $differences } differences found (record #{ $seq })
recheck-difference = entry { $entry } { $criterion } judge { $judge }: entered { $stored }, re-checked { $rechecked }
recheck-rate = { $rechecked } entries re-checked, { $errors } with an error: error rate { $rate }; { $pending } still to re-check
recheck-widened = the error rate passed { $threshold }%: the re-check is widened to every entry, { $count } more to re-check
recheck-status-drawn = re-check sample: { $count } entries (record #{ $seq }, { $by })
recheck-open = to correct
recheck-resolved = resolved
recheck-threshold = error rate that widens to a full re-check: { $threshold }%; { $widened ->
    [yes] widened to everyone
   *[no] not widened
  }
recheck-no-difference = the re-check found no open difference at entry { $entry } { $criterion } judge { $judge }: nothing to correct through the lock
recheck-step-sample = re-check sample of { $count }: { $entries } (seed { $seed })
recheck-step-sample-plan = re-check sample of { $count }: { $entries } (seed { $seed }; plan: the top { $top }, { $percent }% of the rest, { $margin ->
    [none] no margin around the award lines
   *[other] within { $margin } of an award line
}, widened past { $threshold }%)
recheck-step-entry = re-check file { $file } compared: { $entries } entries, { $count } differences: { $found }
recheck-step-widen = the error rate passed the threshold: the re-check widened to every entry ({ $count } more)
recheck-step-kept = entry { $entry } { $criterion } judge { $judge }: the entered { $value } kept against the re-check
recheck-kept = { $cell }: the entered { $value } is kept against the re-check, the difference resolved (record #{ $seq })
event-sign-recheck-undrawn = the results are not re-checked: draw the re-check sample first (`podium recheck CONTEST --draw`)
event-sign-recheck-pending = the re-check is not finished: { $pending } entries still to re-check
event-sign-recheck-unresolved = differences the re-check found are not corrected: { $cells } (`podium mark … --recheck`)
summary-recheck-undrawn = re-check: no sample drawn yet
summary-recheck = re-check: { $pending } entries to re-check, { $unresolved } differences to correct, error rate { $rate }
help-recheck = The re-check: draw its sample (`--draw`), compare the re-typed sheets (`--enter`), or show where it stands
help-recheck-example = {"  "}podium recheck welding --draw --as chief
help-recheck-draw = draw the re-check sample: the leading places, a share of the rest by lot, and every entry near an award line
help-recheck-enter = the sample's sheets typed again by the re-check (CSV or Excel), compared with the marks entered
help-mark-recheck = correct a difference the re-check found: made though marking is locked, its reason citing the re-check
