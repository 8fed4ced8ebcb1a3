# The texts an editor reads, in English (`--lang en`, or LANG=en…).
# Every text is also in nl.ftl, with the same variables (a test makes sure of that).

## The report of `check` and `build`

label-error = error
label-warning = warning
label-help = help
report-count = { $errors } error(s), { $warnings } warning(s)
report-left-out = … and { $n } more problem(s) in { $path }, not shown (`--format json` lists them all)
report-left-out-file = { $n } more problem(s) in this file are not shown; run `kennisbank check` to see them all

## Saving in the CMS

cms-save-refused = Not saved: { $path } has errors. Nothing was changed.
cms-save-refused-line = line { $line }

## The link check

link-on-pages = { $message } (on { $pages } pages)
