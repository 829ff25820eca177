# Pages: the hall screen, the organiser's desk, a judge's page.
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).

## The hall screen

hall-live = Live leaderboard
hall-frozen = board frozen
hall-ceremony = ceremony
hall-waiting = { $n } places still to be revealed
hall-withheld = the places are being revealed at the ceremony: the results are public once it ends

## The organiser's desk

desk-title = Organiser's desk
desk-progress = Progress
desk-locks = Locks and publication
desk-published = The results are published (#{ $record }) and final.
desk-unlock-reason = reason to unlock
desk-unlock = Unlock
desk-whole-contest = the whole contest
desk-lock = Lock
desk-publish = Publish (after locking the whole contest)
desk-hall = Hall screen
desk-freeze = Freeze
desk-unfreeze = Unfreeze
desk-places = award places
desk-places-help = places to reveal (empty: every award place)
desk-ceremony-start = Start the ceremony
desk-ceremony-next = Ceremony: reveal the next
desk-ceremony-end = End the ceremony
desk-live-results = Live results (never frozen)
desk-hall-ceremony = ceremony: { $revealed } of { $rows } places revealed
desk-hall-frozen = the hall board is frozen
desk-hall-live = the hall board is live
desk-places-wanted = the number of places must be a whole number above 0 (not `{ $typed }`)

## A judge's page

judge-who = Judge
judge-nothing = Nothing is assigned to you.
judge-scale = { $min }–{ $max }, steps of { $step }
judge-scale-free = { $min }–{ $max }
judge-offline = could not reach the server: not saved
judge-out-of-range = out of range: { $min } to { $max }
judge-off-step = must be a multiple of { $step }
judge-not-a-number = enter a number
judge-empty = enter a mark first
judge-reason = reason for the change (required)
judge-save = Save

## What a judge hears after saving

mark-saved = saved #{ $record }: { $cell } = { $value }
mark-unchanged = { $cell } is already { $value } (#{ $record })
mark-corrected = saved #{ $record }: { $cell } { $from } → { $value }
mark-needs-reason = not saved: { $cell } is already { $value } (#{ $record }); to change it, give a reason
mark-not-on-page = not saved: { $criterion } is not on your page (its marks come from the clerks or the desk)
mark-entry-not-on-page = not saved: `{ $entry }` is not on your page
mark-busy = not saved: the mark store is busy (another program is writing to it); send it again in a moment

## The pages' replies and links (pages helper)

index-hall = Live leaderboard
index-judges = Judges: use your own link.
link-not-valid = This link is not valid (it may have been revoked): ask the organiser for a new one.
store-unreadable = the mark store cannot be read just now: { $why }
request-too-slow = the request took too long to arrive: send it again
results-unreadable = the results cannot be read just now: try again shortly
too-many-boards = too many live boards are open: try again shortly
form-out-of-date = the form is out of date or did not come from this page: reload the page
other-site = requests from other sites are refused
mark-not-saved = not saved: { $why }
mark-no-such-code = not saved: no entry is `{ $code }`
mark-bad-value = not saved: the mark must be from { $min } to { $max }, in steps of { $step }
mark-stopping = not saved: the server is stopping
element-of = { $criterion } #{ $element }
mark-published = not saved: { $cell }: the results are published; nothing can change
mark-locked = not saved: { $cell } is locked; ask the chief judge to unlock it
scope-division = division { $field }={ $value }
award-provisional = provisional
hall-provisional = Marking is not complete: awards are provisional

## The desk: missing marks, locks and publication (pages helper)

desk-progress-total = { $present } marks of { $expected } expected; { $missing } missing.
desk-records = Records a clerk enters (no judge)
desk-owes = { $missing } missing of { $expected }
desk-owe-nothing = nothing missing ({ $count }): { $who }
desk-owes-more = … and { $more } more
desk-provisional-note = Marking is not complete: awards are provisional.
desk-no-action = no such action: `{ $action }`
desk-not-done = not done: { $why }
desk-locked = locked { $scope }
desk-unlocked = unlocked { $scope }
desk-published-now = published: the results are final; no mark can change
desk-published-already = the results are published: nothing can be locked, unlocked or published now
desk-not-locked = { $scope } is not locked
desk-unlock-needs-reason = unlocking needs a reason (kept in the audit trail)
desk-publish-needs-lock = lock the whole contest before publishing

## The judge's page: search, next unmarked, progress (pages helper)

judge-search = Find an entry
judge-search-help = code, name or number
judge-next = Next unmarked
judge-progress = { $done } of { $total } marked
judge-all-done = All marked. Thank you!
judge-no-match = No entry matches

## What the server prints: links and messages (pages helper)

serve-listening = podium serve: listening on { $url }
serve-hall = hall screen:      { $url }
serve-api = results (JSON):   { $url }
serve-desk = organiser desk:   { $url }
serve-judge = judge { $judge } { $name }: { $url }
serve-lan = podium serve: listening on every network interface (--lan): judges reach it at this machine's address
serve-blind-codes = blind judging: give the entries their codes first with `podium codes CONTEST`
serve-cannot-start = cannot start the server: { $why }
serve-cannot-listen = cannot listen on { $address }: { $why }
links-sheet-note = Each judge's own marking link: keep it private. Scan it to mark on a phone.
links-sheet-written = the sheet of links: { $path }
links-revoked = revoked the old link of { $who }; the new one: { $url }
links-no-judge = no judge `{ $who }`
serve-stopping = the server is stopping
serve-not-reached = this write did not reach it: send it again
links-no-qr = cannot make a QR code of { $url }: { $why }
links-sheet-unwritable = { $path }: cannot write the sheet: { $why }
serve-cannot-score = podium serve: cannot score: { $why }
