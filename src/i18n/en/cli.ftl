# The command line: how errors read, errors in a contest file, status, explain, help.
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).

## How an error reads (place: file:line:column)

diag-error = { $place }: error: { $message }
diag-error-in = { $place }: error in `{ $field }`: { $message }
diag-warning = { $place }: warning: { $message }
diag-warning-in = { $place }: warning in `{ $field }`: { $message }
diag-help = help: { $help }

## Suggestions (did you mean …)

suggest-did-you-mean = did you mean `{ $name }`?
suggest-none-declared = none are declared
suggest-valid = valid: { $names }
suggest-valid-some = valid: { $names }, … ({ $count } in all)

## Formulas

formula-unexpected = unexpected { $what }
formula-token-number = number `{ $number }`
formula-token-name = name `{ $name }`
formula-too-deep = brackets, function calls, `-` and `not` nest more than { $depth } deep here
formula-the-end = the end of the formula
formula-expected = expected { $what }, found { $found }
formula-too-long = the formula is too long: at most { $tokens } numbers, names, operators and brackets
formula-expected-atom = expected a number, a name or `(`, found { $found }
formula-ends-early = the formula ends too early
formula-unknown-function = unknown function `{ $name }`; { $suggestion }
formula-takes-some = one or more arguments
formula-takes-clamp = 3 arguments: clamp(x, low, high)
formula-takes-if = 3 arguments: if(condition, then, else)
formula-takes-round = 2 arguments: round(x, places)
formula-takes-one = 1 argument
formula-arity = `{ $name }` takes { $wanted }, given { $given }
formula-not-a-number = `{ $text }` is not a number
formula-unexpected-character = unexpected character `{ $character }`
formula-missing-input = an input has no value
formula-division-by-zero = division by zero
formula-overflow = the number is too large

formula-comma-or-bracket = `,` or `)`

## Errors in the contest file (contest.ron)

rules-id-unusable = the id `{ $id }` cannot be used
rules-id-unusable-help = ids are non-empty and use letters, digits, `_` or `-` (no dots, commas or spaces)
rules-judge-twice = the judge id `{ $id }` is used twice
rules-no-categories = the contest has no categories
rules-no-categories-help = declare at least one Category(id: ..., criteria: [...])
rules-category-twice = the category id `{ $id }` is used twice
rules-category-empty = category `{ $id }` has no criteria
rules-criterion-twice = the criterion `{ $key }` is declared twice
rules-share-no-weight = category `{ $id }` scores as a Share of the total but has no weight
rules-share-no-weight-help = add `weight: 30` (its points in the total), or `score: Sum`
rules-share-no-max = category `{ $id }` scores as a Share, but none of its criteria has a `max`
rules-share-no-max-help = give its criteria a `max`, or use `score: Sum`
rules-too-many-cells = the contest has { $count } markable cells; at most 65535 are supported
rules-needs-marks = criterion `{ $key }` needs the range of a mark
rules-needs-marks-help = add `marks: (min: 0, max: 10, step: 0.5)`
rules-empty-range = the mark range of `{ $key }` is empty: min { $min } is not below max { $max }
rules-descriptor-outside = descriptor from { $from } of `{ $key }` is outside the marks { $min } to { $max } or out of order
rules-descriptor-outside-help = list descriptors from the lowest mark up, each within the criterion's marks
rules-step-not-positive = the step of `{ $key }` must be above 0, not { $step }
rules-too-many-steps = marks of `{ $key }` go up to { $max } in steps of { $step }: too many steps to store
rules-too-many-steps-help = with this step marks can reach ±{ $limit }; use a coarser step or a larger unit (万元 rather than 元)
rules-formula-no-marks = `{ $key }` is a Formula and takes no marks
rules-needs-max = criterion `{ $key }` needs `max`, the points it is worth
rules-unknown-judge = unknown judge `{ $id }`
rules-panel-no-judges = criterion `{ $key }` is marked by a panel, but the contest declares no judges
rules-panel-no-judges-help = add `judges: [Judge(id: "J1", name: "..."), ...]` to the contest
rules-bysize-uncovered = the panel of `{ $key }` has { $count } judges and no BySize rule covers that size
rules-trim-leaves-nothing = dropping { $k } highest and { $k } lowest leaves nothing of { $count } judges
rules-trim-leaves-nothing-help = use fewer dropped marks or a BySize rule
rules-bysize-empty = BySize needs at least one (size, rule) pair
rules-bysize-nested = BySize cannot nest another BySize
rules-bysize-trim-leaves-nothing = with { $size } judges, dropping { $k } highest and { $k } lowest leaves nothing
rules-bysize-increase = BySize sizes must increase: [(3, Mean), (5, TrimmedMean(1)), (7, TrimmedMean(2))]
rules-bands-empty = Bands needs at least one band
rules-bands-order = bands must be listed from the tightest `within` to the widest
rules-linear-same = a Linear scale needs `best` and `worst` to differ
rules-per-not-positive = `per` must be above 0 (the points of one count), not { $per }
rules-elements-none = an Elements criterion needs at least 1 element
rules-best-range = Best({ $n }) must keep between 1 and { $count } elements
rules-table-order = a conversion table lists each mark once, in increasing order
rules-unknown-name = unknown name `{ $name }`; { $suggestion }
rules-formula-reads-later = `{ $key }` can only read criteria declared before it, and `{ $name }` is not
rules-formula-reads-category = `{ $name }` is a category; a criterion formula reads criteria (`{ $name }.<criterion>`), categories are summed after them
rules-unknown-criterion-in-formula = unknown criterion `{ $name }`; { $suggestion }
rules-in-formula = in formula { $formula }: { $message }
rules-weights-sum = the category weights add up to { $sum }, but total_max is { $total_max }
rules-weights-list = weights: { $weights }
rules-unknown-category = unknown category `{ $id }`
rules-unknown-criterion = unknown criterion `{ $key }` (write it as category.criterion)
rules-rounding-places = { $places } decimal places is more than the 20 supported
rules-teams-best = Best(k) needs k of at least 1
rules-awards-not-division = awards are decided per `{ $name }`, but it is not one of the contest's divisions
rules-awards-not-division-help = add "{ $name }" to `divisions`; { $suggestion }
rules-awards-no-tier = an award set needs at least one tier
rules-shares-over = the shares of `{ $id }` add up to { $share }%, beyond 100%
rules-shares-over-help = each Share is that tier's own percent of the field, after the tiers above it
rules-award-bysize-order = BySize lists (field size, awards) with sizes increasing: [(1, 1), (10, 2), (20, 3)]

## How the contest file is written (RON)

ron-add-field-to = add `{ $field }: ...` to { $outer }
ron-add-field = add `{ $field }: ...` to this item
ron-no-such-field = { $outer } has no field `{ $found }`
ron-no-such-variant = { $outer } has no kind `{ $found }`
ron-missing-field = { $outer } is missing the field `{ $field }`
ron-duplicate-field = the field `{ $field }` of { $outer } is written twice
ron-wrong-value = expected { $expected }, found { $found }
ron-value = this value is wrong: { $message }
ron-eof = the file ends here unexpectedly (a closing bracket missing?)
ron-expected-comma = a comma `,` is missing here
ron-expected-end = a closing bracket (`)`, `]` or `{ "}" }`) is expected here
ron-expected-string-end = the string does not end: a closing quote `"` is missing
ron-expected-string = quoted text is expected here
ron-expected-number = a number is expected here
ron-unexpected-char = unexpected character `{ $character }`
ron-trailing = there is more after the end of the contest
ron-other = the file is not written correctly (RON: { $message })
contest-not-found-help = a CONTEST is a folder holding { $file } or the path of the file; `podium init DIR` makes one
