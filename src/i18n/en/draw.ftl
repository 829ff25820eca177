# Drawing lots (podium draw)

## The draw's steps
draw-what-stations = stations and heats
draw-what-order = running order
draw-what-codes = entry codes
draw-step-commit = lots for { $what }: commitment { $commitment } published, { $count } entries
draw-step-reveal = lots for { $what }: seed { $seed } revealed, { $count } entries placed
draw-step-move = entry { $entry } moved to station { $to } in heat { $heat }, { $minutes } minutes added back
draw-committed = the commitment for the { $what } draw is published (record #{ $seq }): { $commitment }; post or read it out, then run the same command without `--commit` to draw
draw-revealed = drawn: { $what } (record #{ $seq }), seed { $seed }; anyone can recompute it (`podium draw --verify`)
draw-moved = recorded: entry { $entry } moved to station { $to } in heat { $heat } (record #{ $seq })

## Why not
draw-for-needed = say what is drawn: `--for stations`, `--for order` or `--for codes`
draw-one-thing = `--commit` and `--move` cannot be given together: one thing at a time
draw-no-plan = this contest declares no draw (`workflow.draw` in contest.ron: `stations` or `station_count`, and `heats`)
draw-no-entries = the entries list is empty: there is no one to draw for
draw-commit-open = the { $what } draw has a commitment published (record #{ $seq }) and is not drawn yet: draw it first; to set it aside and commit again (say the list changed), give the reason with `--reason`
draw-redraw-needs-reason = the { $what } lots were drawn already (record #{ $seq }); a redraw needs its reason (`--reason`), and the earlier draw stays in the record
draw-too-few-stations = { $entries } entries, but { $stations } stations × { $heats } heats = { $seats } places: add stations or heats (`workflow.draw`)
draw-codes-exist = the entries have codes already: entry codes are not drawn again
draw-reveal-no-commit = no commitment is published for the { $what } draw: run `podium draw CONTEST --for … --commit` first
draw-list-changed = the entries list had { $count } entries when the commitment was published and is different now ({ $now }): commit again, with a reason
draw-seats-changed = the stations or heats in contest.ron (`workflow.draw`) changed after the commitment was published: the commitment is to the stations as they were; change them back, or commit again with a reason
draw-seed-lost = the seed of commitment { $commitment } is not in the mark store: commit again, with a reason
draw-move-needs-reason = a station or heat changed needs its reason (`--reason`, such as "equipment failed")
draw-move-to-needed = say which station the entry moves to (`--to`)
draw-move-not-drawn = no stations are drawn yet: there is nothing to move
draw-move-unknown-entry = there is no entry `{ $entry }` in the stations draw
draw-move-unknown-station = there is no station "{ $to }"; stations (backups included): { $valid }
draw-move-heat = there is no heat { $heat }: this contest has { $heats }
draw-move-taken = station { $to } in heat { $heat } is taken by entry { $other }
draw-time-added = cannot read the time added "{ $text }": write a whole number and a unit, such as `"10m"` or `"90s"`
draw-nothing = no lots are drawn for "{ $what }" yet

## Checking and showing
draw-verify-none = the mark store records no draw
draw-verify-ok = the draws check out: each of the { $count } draws follows from its published seed, and each seed matches its commitment ({ $commits } commitments published)
draw-verify-seed = record #{ $seq }: the seed is not 64 hex digits
draw-verify-commitment = record #{ $seq }: the seed's SHA-256 is not the published commitment
draw-verify-places = record #{ $seq }: the places the seed gives differ from the places recorded
draw-verify-uncommitted = record #{ $seq }: no commitment to this seed was published before it; the draw was not committed to
draw-verify-list = record #{ $seq }: the entries list drawn over is not the list committed to
draw-verify-seats = record #{ $seq }: the stations or heats drawn over are not those committed to
draw-show-committed = commitment { $commitment } published ({ $count } entries); not yet drawn
draw-show-head = commitment { $commitment }; seed { $seed } (record #{ $seq })
draw-show-station = { $entry }	heat { $heat }	{ $station }

## The draw sheet
draw-sheet-title = { $contest }: lots for { $what }
draw-sheet-commitment = Commitment (SHA-256 of the seed)
draw-sheet-seed = Seed
draw-sheet-seed-later = published once drawn
draw-sheet-heat = Heat
draw-sheet-station = Station
draw-sheet-order = Order
draw-sheet-code = Code
draw-sheet-redraws = Redraws
draw-sheet-moved = { " " }(moved)
draw-sheet-moves = Moves
draw-sheet-how = To check: the seed's SHA-256 is the commitment; from the seed and the entries' ids in sorted order, the algorithm in docs/contest-format.md ("Drawing lots") gives every place.
draw-sheet-drawer = Drawn by: ________________  Date: ____________
draw-sheet-supervisor = Supervisor: ________________  Date: ____________

## Command help
help-draw = Lots anyone can verify: publish the commitment (`--commit`), then draw and publish the seed; move an entry after the draw; show, verify or print a draw
help-draw-example = {"  "}podium draw welding --for stations --commit --as chief
help-draw-what = what is drawn: stations (stations and heats), order (running order), codes (entry codes)
help-draw-commit = make the seed and publish only its commitment (SHA-256); the seed stays secret until the draw
help-draw-move_entry = move this entry to another station or heat (failed equipment, say)
help-draw-to = the station it moves to (a backup station too)
help-draw-heat = the heat it moves to (unchanged by default)
help-draw-time_added = time added back, such as `10m`
help-draw-show = list the draw's places (with the moves) and the seed to check it by
help-draw-format = table or json
help-draw-verify = recompute every draw from its published seed and check each commitment
help-draw-sheet = write the draw sheet (commitment, seed, QR code, places, signature lines) here
