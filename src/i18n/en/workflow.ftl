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
