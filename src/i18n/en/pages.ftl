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
desk-published = The results are published and final.
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
judge-saved = saved
judge-nothing = Nothing is assigned to you.
judge-scale = { $min }–{ $max }, steps of { $step }
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
mark-refused = not saved: { $cell }: { $why }
mark-not-on-page = not saved: { $criterion } is not on your page (its marks come from the clerks or the desk)
mark-entry-not-on-page = not saved: `{ $entry }` is not on your page
mark-busy = not saved: the mark store is busy (another program is writing to it); send it again in a moment
