# The command line: how errors read, errors in a contest file, status, explain, help.
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).

## How an error reads (place: file:line:column)

diag-error = { $place }: error: { $message }
diag-error-in = { $place }: error in `{ $field }`: { $message }
diag-warning = { $place }: warning: { $message }
diag-warning-in = { $place }: warning in `{ $field }`: { $message }
diag-help = help: { $help }
