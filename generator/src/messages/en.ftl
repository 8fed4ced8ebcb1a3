# The texts an editor reads, in English (`--lang en`, or LANG=en…).
# Every text is also in nl.ftl, with the same variables (a test makes sure of that).

## The report of `check` and `build`

label-error = error
label-warning = warning
label-help = help
report-count = { $errors } error(s), { $warnings } warning(s)
report-left-out = … and { $n ->
    [one] 1 more problem
   *[other] { $n } more problems
} in { $path }, not shown (`--format json` lists them all)
report-left-out-files = … and { $n ->
    [one] 1 more problem
   *[other] { $n } more problems
} in { $files ->
    [one] 1 other file
   *[other] { $files } other files
}, not shown (`--format json` lists them all)
report-left-out-file = { $n ->
    [one] 1 more problem in this file is
   *[other] { $n } more problems in this file are
} not shown; run `kennisbank check` to see them all

## Saving in the CMS

cms-save-refused = Not saved: { $path } has errors. Nothing was changed.
cms-save-refused-line = line { $line }
cms-save-refused-line-field = line { $line }, field ‘{ $field }’
cms-save-refused-text-line = field ‘{ $field }’, line { $line } of the text

## The link check

link-on-pages = { $message } (on { $pages } pages)

## YAML and fields

yaml-too-deep = the YAML is nested more than { $max } levels deep here
yaml-too-deep-hint = lists and blocks in the kennisbank's files are a few levels deep: check for a pasted run of `[`, `{"{"}` or `- `, or put text with such characters between quotes
yaml-invalid = invalid YAML: { $detail }
yaml-invalid-in-block = invalid YAML: { $detail } (in the block that starts at line { $line })
yaml-invalid-starts-here = invalid YAML: { $detail } ({ $what } that starts here)
yaml-construct-quoted = the quoted text
yaml-construct-brackets = the list between `[` and `]`
yaml-construct-braces = the block between `{"{"}` and `{"}"}`
yaml-construct-other = { $what }
yaml-invalid-hint = check the indentation and that text containing `: ` or starting with a special character (such as `[`, `{"{"}`, `*`, `&`, `#`, `'` or `"`) is put between quotes
yaml-parser-fix = { $fix }
yaml-aliases = the YAML repeats so much text through references (`&name` … `*name`) that it is not read
yaml-aliases-hint = the kennisbank's files need no references: write the value itself here, or put text that starts with `*` or `&` between quotes
yaml-not-fields = expected `field: value` lines
yaml-not-fields-hint = write one field per line, such as `title: Mijn titel`
field-unknown = unknown field `{ $name }` in { $what }
field-unknown-did-you-mean = did you mean `{ $field }`? The fields of { $what } are: { $fields }
field-unknown-remove = remove it, or use one of the fields of { $what }: { $fields }
field-missing = required field `{ $key }` is missing in { $what }
field-missing-hint = add a line `{ $key }: …`
field-invalid-value = field `{ $key }` has an invalid value: { $detail }
field-must-be = `{ $key }` must be { $expected }

## A practice

what-contact = the `contact` block
what-practice = a practice
practice-id-invalid = the file name `{ $id }` is not a valid practice id
practice-id-invalid-hint = rename the file to `{ $suggestion }.md`: lowercase letters, digits and single hyphens
practice-id-reserved = the file name `{ $id }` does not work on Windows or in a zip file: Windows reserves that name for a device, so no one can open or unpack the file there
practice-id-reserved-hint = rename the file with `kennisbank mv { $id } { $suggestion }` or with the button ‘Praktijk hernoemen’ in the CMS (links and `related` follow)
front-matter-missing = the file does not start with a `---` line
front-matter-missing-hint = start the file with a front matter block:
    ---
    title: Korte titel
    added: 2026-01-31
    ---
    De tekst van de praktijk.
front-matter-empty-file = the file is empty
front-matter-empty = the block of fields at the top is empty: line { $line } closes it right after the opening `---`
front-matter-empty-hint-fields-below = remove the `---` line on line { $line }: the fields are below it and are now read as text
front-matter-unclosed = the front matter has no closing `---` line
front-matter-unclosed-hint = put a line with just `---` after the last field, before the text
front-matter-text-inside = the fields at the top are not closed before the text: line { $line } is not a field but text
front-matter-text-inside-hint = put a line with only `---` before line { $line }, after the last field
date-order = `updated` ({ $updated }) is before `added` ({ $added })
date-order-hint = `updated` is the date of the last change; it cannot be earlier than `added`
expect-whole-number = a whole number, such as `30`
expect-contact-block = a block with `name`, `role`, `email` and/or `phone`
related-not-an-id = `{ $related }` in `related` is not a practice id
related-not-an-id-hint = use the file name of the other practice without `.md`, such as `{ $suggestion }`
alias-invalid = `{ $alias }` in `aliases` is not an old address of a practice
alias-invalid-hint = write the address as `/praktijken/algemeen/oude-naam/`
body-empty = the practice has no text
body-empty-hint = write the text of the practice below the closing `---` line
field-not-text = `{ $key }` must be text
field-not-text-hint = write it on one line after `{ $key }: `; put it between quotes when it contains `: ` or starts with `[` or `{"{"}`
field-empty = `{ $key }` is empty
field-empty-hint = write a value after `{ $key }: `
stappenplan-list-empty-hint = write the items of the stappenplan under `{ $key }:`, each starting with `- ` (see the earlier version of the file)
date-invalid = `{ $key }` is not a valid date: `{ $text }` ({ $detail })
date-invalid-hint = write dates as YYYY-MM-DD, such as `2026-03-01`
field-not-a-list = `{ $key }` must be a list
field-not-a-list-hint = write `{ $key }: [eerste, tweede]`
list-too-long = `{ $key }` has { $n } items; at most { $max } are allowed
list-too-long-hint = keep the items of `{ $key }` that matter most to a reader
list-item-not-text = an item of `{ $key }` is not a word or phrase: `{ $item }`
list-item-not-text-hint = write `{ $key }: [eerste, tweede]`, each item plain text
links-hint = write each link as
    links:
      - url: https://www.voorbeeld.nl/
        label: Omschrijving van de link
links-not-a-list = `links` must be a list of links
link-invalid = link { $n } in `links` is not valid: { $detail }
url-invalid = the URL `{ $url }` is not valid: { $why }
url-invalid-hint = copy the full address from the browser's address bar, such as `https://www.voorbeeld.nl/pagina`
link-no-label = the link to `{ $url }` has no label
link-no-label-hint = write a `label:` that says where the link goes
email-invalid-hint = write the address as `naam@organisatie.nl`

## Addresses

url-not-web = the URL `{ $url }` must be a web address (https://…)
url-spaces-around = it has spaces before or after it
url-space-inside = it contains a space (write %20 instead)
url-no-scheme = it must start with https:// or http:// (or mailto: for an e-mail address)
url-no-host = it has no host name after the scheme
url-bad-port = `{ $port }` is not a valid port number
url-bad-host = `{ $host }` is not a valid host name
email-invalid = `{ $address }` is not a valid e-mail address

## The site settings (site.yaml)

what-site-settings = the site settings
what-category = a category
expect-text = text
expect-markdown = text (markdown)
expect-days = a whole number of days, such as `60`
expect-bool = `true` or `false`
expect-theme = the name of a folder in `themes/`
expect-date = a date written as YYYY-MM-DD
expect-site-url = the site's address, such as `https://www.example.nl/kennisbank/`
expect-site-contact = a block with `email` and/or `url`, such as `contact: {"{"} email: info@example.nl {"}"}`
expect-cms-block = a block such as `cms: {"{"} backend: github, repo: organisatie/kennisbank, branch: main {"}"}`
reference-date-hint = write it as YYYY-MM-DD, or remove it to use the newest date in the content
site-url-hint = write the address the site is published at, such as `https://www.example.nl/kennisbank/`
category-fields = the fields of a category are: { $fields }
category-slug-invalid = category slug `{ $slug }` is not a valid slug
category-slug-invalid-hint = use lowercase letters, digits and hyphens; the slug is also the folder name under content/praktijken/
category-twice = category `{ $slug }` is listed twice
category-invalid = category { $n } is not valid: { $detail }
category-invalid-hint = each category needs `slug`, `title`, and may have `description` and `order`
site-contact-empty = `contact` has neither `email` nor `url`
site-contact-empty-hint = give an e-mail address (`email: info@example.nl`), a contact page (`url: https://…`), or both; or remove `contact`
site-contact-email-hint = write an address such as `info@example.nl`
site-contact-url-hint = write the full address of the contact page, such as `https://www.example.nl/contact`
cms-backend-unknown = `cms.backend` is `{ $backend }`; the CMS knows `github` and `gitlab`
cms-backend-unknown-hint = write `backend: github` or `backend: gitlab`

## The stappenplan (stappenplan.yaml)

what-stappenplan = the stappenplan
footnote-twice = footnote `{ $id }` is defined twice
footnote-undefined = footnote `[^{ $id }]` is not defined
footnote-undefined-hint = add it under `footnotes:` as `- id: { $id }` with a `text:`
stappenplan-invalid = the stappenplan is not valid: { $detail }
stappenplan-invalid-hint = each step needs `title`, `actor`, `text` and may have `deadline`; each uitgangspunt needs `title` and `text`; each footnote `id` and `text`

## The synonyms (synoniemen.yaml)

what-synonyms = the synonyms file
synonyms-not-a-list = `{ $key }` must be a list of groups of words
synonyms-not-a-list-hint = write one group per line, such as `  { $example }`
synonyms-group-not-a-list = a group of synonyms must be a list of words between brackets
synonyms-write-as = write it as `{ $example }`
synonyms-words-only = a group of synonyms holds words only
synonym-twice-in-group = `{ $word }` is in this group twice
synonym-twice-in-group-hint = remove one of them (case and accents do not count)
synonym-in-two-groups = `{ $word }` is also in the group on line { $line }
synonym-in-two-groups-hint = a word can be in one group only: merge the two groups into one
synonyms-group-too-small = a group of synonyms needs at least two words
synonyms-group-too-small-hint = add the words that mean the same, as in `{ $example }`, or remove the group
synonyms-group-too-large = this group has { $count } words; a synonym group has at most { $max }
synonyms-group-too-large-hint = words that mean the same are a few: split the list into groups of words that really mean the same
synonyms-without-key = the groups of synonyms must be under `{ $key }:`
synonyms-without-key-hint = add a line `{ $key }:` above the groups and indent them by two spaces, as in `  { $example }`
synonym-empty = an empty word in a group of synonyms
synonym-empty-hint = remove the empty entry
synonym-several-words = `{ $word }` is more than one word; synonyms are single words
synonym-several-words-hint = the search compares words, not phrases: put each word in a group of its own, or leave it out
synonym-ignored = `{ $word }` is a word the search leaves out (a stop word or a single letter)
synonym-ignored-hint = remove it from the group

## Links in texts and checks across files

where-field = `{ $key }`
where-text = the text
link-unsafe = the link `{ $url }` in { $what } is refused: `{ $scheme }:` links may run a script or open something other than a web page
link-unsafe-hint = link to a web page (`https://…`), an e-mail address (`mailto:…`) or a page of the site (`/stappenplan/`)
link-in-text-invalid = the link `{ $url }` in { $what } is not valid: { $why }
link-in-text-invalid-hint = write the full address, such as `https://www.voorbeeld.nl/pagina`
id-duplicate = the id `{ $id }` is also used by { $other }
id-duplicate-hint = ids are file names and must be unique over all categories: rename one of the files
related-self = `related` lists the practice itself (`{ $id }`)
related-self-hint = remove it; the page does not show itself under ‘Zie ook’
did-you-mean = did you mean `{ $name }`?
related-unknown = `related` names `{ $id }`, but no practice has that id
related-unknown-hint = use the file name (without `.md`) of an existing practice
related-unknown-did-you-mean = did you mean `{ $name }`? If the practice was removed, take `{ $id }` out of `related`
tag-no-letters = the tag `{ $tag }` has no letters or digits
tag-no-letters-hint = use a word as tag
tag-spelling = the tag `{ $tag }` is written `{ $other }` in { $path }
tag-spelling-hint = use one spelling, so the tag page shows one name
tag-duplicate = the tag `{ $tag }` is twice in `tags` (also as `{ $first }`); the practice would show it twice
tag-duplicate-hint = remove `{ $tag }` from the list; capitals and accents do not make another tag
order-taken = `order: { $order }` is also that of { $other }; which comes first then depends on the date added
title-taken = the title ‘{ $title }’ is also that of { $other }; readers then see two equal titles in search results, lists and ‘Zie ook’
title-taken-hint = give each practice a title that says how it differs from the other
order-taken-hint = choose a number that is free, such as `order: { $suggestion }`
date-in-future = `{ $key }` ({ $date }) is after today ({ $today }); the site would take that date as ‘today’, and the other practices would lose ‘Nieuw’
date-in-future-hint = enter today's date or an earlier one in the field ‘{ $field }’ (is there a typo in the year?)

## Files and folders

file-unreadable = cannot read the file: { $detail }
file-unreadable-hint = check that the file exists and can be read
not-a-file = this is not a plain file
not-a-file-hint = replace it by a text file, or remove it
file-too-large = the file is larger than { $mb } MB ({ $bytes } bytes)
file-too-large-hint = a text of the kennisbank is far smaller: split it up, or remove what was pasted by mistake
not-utf8 = the file is not valid UTF-8 text
not-utf8-hint = save the file with UTF-8 encoding (in most editors: "Save with encoding" → UTF-8)
symlink = this is a symbolic link; links are not followed, so it is not read or published
symlink-hint = replace the link by the real file (or folder): copy it here and remove the link
practices-folder-missing = the folder with practices does not exist
practices-folder-missing-hint = create `{ $dir }/<category>/` with one folder per category: { $categories }
category-did-you-mean = did you mean `{ $name }`? Known categories: { $categories }
category-unknown-hint = move its files into one of the category folders ({ $categories }), or add the category to content/site.yaml
category-unknown = `{ $name }` is not a category
outside-category = a practice must be inside a category folder
move-into-one-of = move it into one of: { $folders }
ignored-file = this file is not a practice and is ignored
ignored-file-hint = practice files end in `.md`
hidden-character-field = the field `{ $key }` holds { $code }, { $what ->
    [direction] a character that changes the reading direction: the site shows the text in another order than it is written
    [control] an invisible control character: it often comes along when copying from another program
   *[invisible] an invisible character: two texts can look the same and still differ
}
hidden-character-text = the text holds { $code }, { $what ->
    [direction] a character that changes the reading direction: the site shows what follows in another order than it is written
    [control] an invisible control character: it often comes along when copying from another program
   *[invisible] an invisible character: words can look the same and still differ (search does not find them)
}
hidden-character-template = the template holds { $code }, { $what ->
    [direction] a character that changes the reading direction: what follows stands in the documents the colleges sign in another order than it is written
    [control] an invisible control character: it often comes along when copying from another program and stands unseen in the documents the colleges sign
   *[invisible] an invisible character: it stands unseen in the documents the colleges sign
}
hidden-character-hint = remove the character { $code } (it is at the column shown but cannot be seen): in most editors, retype the word
hidden-character-reference-hint = remove `{ $reference }`: the letter on the page, its print and its HTML download turn it into the character { $code }, which cannot be seen
misnamed-practice = this file is not read: a practice's name ends in `.md`, in lower case, so the practice is missing from the site now
misnamed-practice-hint = rename it to `{ $name }`
nested-folder = folders inside a category folder are not read
nested-folder-hint = put practice files directly in the category folder
stray-markdown = this .md file is not in a category folder and is not published

## Warnings for mistakes that still parse

lint-folded-paragraph = the blank line in `{ $key }: { $indicator }` does not start a new paragraph: YAML joins the lines
lint-folded-paragraph-hint = write `{ $key }: |` instead of `{ $key }: { $indicator }`, so blank lines stay paragraphs
lint-yaml-comment = everything from ` #` in `{ $key }` is dropped: YAML reads it as a comment, so the value is `{ $kept }`
lint-yaml-comment-hint = put the value between quotes: `{ $fixed }`
lint-list-without-brackets = `{ $key }: { $value }` is one value, not a list: it becomes { $key ->
    [tags] one tag
   *[other] one reference
}
lint-list-without-brackets-hint = put the list between brackets: `{ $key }: [{ $items }]`
lint-placeholder = the example text of `kennisbank new` is still in the practice
lint-placeholder-hint = replace the sentence ‘Beschrijf hier de praktijk…’ by the text of the practice
lint-heading-skipped = heading level skipped: `{ $heading }` follows `{ $previous }`
lint-heading-skipped-title = heading level skipped: `{ $heading }` follows the page title
lint-heading-skipped-hint = write `{ $fixed }`; screen readers use the heading levels as a table of contents
lint-underlined-heading = the line `{ $underline }` right under ‘{ $text }’ makes that text a heading
lint-underlined-heading-hint = for a dividing line, put a blank line above `{ $underline }`; for a heading, write `## { $text }`
lint-link-syntax = this does not become a link: there is a space between `]` and `(`, so the reader sees the brackets and the address
lint-link-syntax-hint = remove the space: `{ $fixed }`
lint-url-space = the address `{ $url }` contains a space, so this does not become a link
lint-url-space-hint = write the space as %20: `{ $fixed }`, or copy the address again from the address bar
alias-clash = the old address `{ $alias }` is also the address of { $other }
alias-clash-hint = remove it from `aliases`: an address can lead to one page only
tag-variant = the tag `{ $tag }` is almost the same as `{ $other }` in { $path }: that makes two tag pages
tag-variant-hint = pick one spelling; use `{ $other }` if that is right

## YAML mistakes, at their own line

yaml-control-character = there is an invisible control character ({ $code }) on this line; YAML does not accept it
yaml-control-character-hint = remove it (it often comes along when copying from another program): `{ $fixed }`
yaml-tab = there is a tab at the start of the line; YAML only accepts spaces for indentation
yaml-tab-hint = replace the tab by spaces: `{ $fixed }`
yaml-tab-hint-top = remove the tab: a top-level field starts at the beginning of the line: `{ $fixed }`
yaml-missing-colon = the colon after the field name is missing on this line
yaml-write = write `{ $fixed }`
yaml-duplicate-key = the field `{ $key }` is there twice: also on line { $first }
yaml-duplicate-key-hint = a field may occur once: keep one line `{ $key }:` (the one on line { $first } or this one) and remove the other
yaml-missing-space = a space is missing after `{ $key }:`
yaml-quote-inside = the value of `{ $key }` is between quotes and contains the same quote itself, so the text ends too early
yaml-colon-in-value = the value of `{ $key }` contains `: `; YAML reads that as a new field
yaml-bad-indent = this line is indented, but `{ $key }` already has a value; YAML cannot place it under anything
yaml-bad-indent-hint = remove the spaces at the start: `{ $fixed }`

## The link check of the built site

page-link-unsafe = the link `{ $url }` is refused: `{ $scheme }:` links may run a script or open something other than a web page
page-link-unsafe-hint = link to a web page (`https://…`), an e-mail address (`mailto:…`) or a page of the site
link-outside-base = the link `{ $path }` does not start with the site's base, so it breaks when the site is published under a sub-path
link-outside-base-hint = in a template write `{"{{"} base {"}}"}path/`; in a text write `/path/` (the generator adds the base)
link-broken = the link `{ $url }` goes to a page that does not exist
link-broken-hint = link to a page of the site as `/praktijken/<category>/<id>/` (a practice), or check the spelling of the address
anchor-broken = the link `{ $url }` goes to `#{ $fragment }`, which is not on that page
anchor-broken-hint = link to an `id` that exists on the target page, or drop the `#…` part
link-on-page = { $message } (on the page `{ $page }`)

## Building, templates and documents

base-url-invalid = `--base-url { $value }` cannot be used: { $why }; write the path the site is served under, such as `/kennisbank/`, or a full address, such as `https://www.voorbeeld.nl/kennisbank/`
base-url-why-scheme = an address starts with `http://` or `https://`, not `{ $scheme }://`
base-url-why-host = it holds no valid server name (`{ $host }`)
base-url-why-empty-folder = `//` makes an empty folder in the path (as `/${"{"}REPO{"}"}/` gives when the variable is empty), and a path starting with `//` loads the site from another server
base-url-why-char = the character `{ $char }` does not belong in the path (only letters, digits, `-`, `.`, `_`, `~` and `/`)
base-url-why-dots = `.` and `..` cannot be folders in the path
base-url-why-percent = a `%` is followed by two hexadecimal digits, such as `%20`
build-done = Built { $files } files ({ $practices } practices) into `{ $out }` in { $ms } ms: { $changes }.
build-changes = { $written } written, { $linked } linked, { $removed } removed{ $kept ->
    [0] {""}
    [one] , 1 file or folder of your own in the output kept
   *[other] , { $kept } files or folders of your own in the output kept
}
output-foreign-in-the-way = `{ $path }` was not made by kennisbank, and this build would write a file there; the output folder is unchanged. Move or rename it, and it is kept
build-changes-none = nothing changed
build-up-to-date = `{ $out }` is up to date: nothing changed since its build ({ $ms } ms).
build-failed = Build failed: `{ $out }` is unchanged.
build-cannot-write = cannot write `{ $out }`: { $detail }
epoch-out-of-calendar = is out of range (not a date the calendar can hold)
epoch-too-large = is out of range (too large a number)
epoch-not-a-number = is not a number of seconds
epoch-ignored = `SOURCE_DATE_EPOCH={ $value }` { $problem }; it is ignored
epoch-ignored-hint = set it to a Unix timestamp, such as `git log -1 --format=%ct`
cannot-write = cannot write the file: { $detail }
cannot-write-hint = check that the output folder's disk has room and that you may write there
cannot-write-more = { $count ->
    [one] 1 more file
   *[other] { $count } more files
} could not be written for the same reason; { $hint }
template-render = cannot render { $page }: { $detail }
template-render-hint = a template uses a variable or filter that does not exist
theme-no-templates = the theme `{ $name }` has no templates folder
theme-no-templates-hint = check `theme:` in content/site.yaml; the default theme lives in themes/default/
template-syntax = template error: { $detail }
template-syntax-hint = check that every `{"{{"}`, `{"{%"}` and `{"{#"}` is closed, and every block has its `{"{%"} end… %{"}"}`
template-missing-hint = a template extends or includes a template that does not exist
template-recursion = this template calls itself without end: { $chain }
template-recursion-hint = a template may not include itself (through others), and a macro may not call itself: write the repetition out, or use a `{"{%"} for %{"}"}` loop
template-range-too-long = `range` would give { $count } numbers; a template may ask for at most { $max } at once
template-range-step = `range` with `step_by=0` never ends: use a step of 1 or more
template-range-number = `range` gets something other than a whole number of 0 or more for `{ $key }`
template-range-no-end = `range` needs an `end`, such as `range(end=10)`
theme-name-invalid = `theme: { $name }` is not the name of a folder in `themes/`
theme-name-invalid-hint = write only the folder's name, such as `theme: default`: no `/`, `..` or absolute path
municipalities-invalid = the list of municipalities is not valid: { $detail }
municipalities-invalid-hint = each entry is `- {"{"} naam: <officiële naam>, cbs: GM0000, provincie: <provincie> {"}"}`; names and CBS codes must be unique
addresses-invalid = content/adressen.yaml cannot be read: { $detail }
addresses-invalid-hint = the file has `ministeries:` (each role once: `- {"{"} rol: taakstelling, naam: …, postadres: [regel, regel] {"}"}`) and `provincies:` (`- {"{"} naam: <provincie>, postadres: [regel, regel] {"}"}`)
addresses-empty-name = a ministry or province without a name
addresses-empty-name-hint = fill in `naam:`, as the ministry or province writes it
addresses-empty-line = `{ $name }`: the postal address has an empty line or no lines
addresses-empty-line-hint = write each line of the postal address, such as `postadres: [Postbus 20120, 8900 HM Leeuwarden]`, or leave out `postadres` (for a ministry only) when the address is not known
addresses-role-twice = `{ $name }` has the role `{ $role }`, which `{ $first }` (line { $first_line }) already has
addresses-role-twice-hint = each role belongs to one ministry: remove one of the two or give it the other role
addresses-role-missing = no ministry has the role `{ $role }`
addresses-role-missing-hint = add the ministry with `- {"{"} rol: { $role }, naam: … {"}"}` (uitgangspunt 5 names two ministries)
addresses-unknown-province = `{ $name }` is not a province
addresses-unknown-province-hint = write the name as content/gemeenten.yaml does: { $provinces }
addresses-province-twice = the province `{ $name }` is listed twice (first at line { $first_line })
addresses-province-twice-hint = keep one address per province
letter-template = the document template does not work: { $detail }
letter-template-hint = the documents use Jinja syntax ({"{{"} variabele {"}}"}, {"{%"} for … %{"}"} … {"{%"} endfor %{"}"}); the comment at the top of brief-coa.html lists the variables

## The commands check, new and mv

not-a-project = `{ $root }` holds no `content/` folder: it is not a knowledge base's folder. Go to the project's folder (which holds `content/` and `themes/`), or name it with `--root DIR`
search-no-index = no search index in `{ $dir }`; run `kennisbank build` first
search-damaged = the search index is damaged (`{ $path }`: { $detail }); run `kennisbank build` again
search-incomplete = the search index is incomplete: `{ $path }` is missing; run `kennisbank build` again, and copy the whole folder when publishing
search-unreadable = cannot read `{ $path }` ({ $detail })
search-did-you-mean = Did you mean "{ $suggestion }"?
search-no-words = the query has no words; type one or more words, such as `kennisbank search huurtoeslag`
search-none = No results for "{ $query }".
search-only-common-words = No results for "{ $query }": the knowledge base does not search for words found in nearly every text (de, het, wat, …) or single letters; type a word that says more, such as "huurtoeslag" or "taakstelling".
search-count = { $total ->
    [one] 1 result
   *[other] { $total } results
} for "{ $query }"
search-count-related-only = No results with "{ $query }"; { $related } related
search-count-exact-then-related = { $exact ->
    [one] 1 result
   *[other] { $exact } results
} with "{ $query }", then { $related } related
search-showing = (showing { $shown })
search-more-sections = … and { $more ->
    [one] 1 other part
   *[other] { $more } other parts
} of this page
search-unknown-category = the site has no category "{ $category }"; the categories are: { $categories }
search-unknown-tag = no practice has the tag "{ $tag }"; the tags are: { $tags }
check-all-good = All good: { $practices } practices checked, { $pages } pages rendered.
new-settings-broken = the categories cannot be read from { $path }; run `kennisbank check`
new-categories-are = The categories are: { $categories }
new-empty-title = the title has no letters or digits to make a file name from
new-exists = `{ $path }` already exists; nothing was written (ids must be unique over all categories: choose another title, or edit that file)
new-cannot-create = cannot create `{ $path }`: { $detail }
new-cannot-write = cannot write `{ $path }`: { $detail }
new-bad-date = `--date { $text }` is not a date: { $detail }; write it as YYYY-MM-DD
new-no-clock = the system clock gives no date; give one with `--date YYYY-MM-DD`
new-created = Created { $path }: write the text below the `---` line, and uncomment the fields you need.
mv-failed = renaming failed: { $detail }
mv-done = Moved { $from } and updated { $count ->
    [one] 1 other file
   *[other] { $count } other files
}; the old address now redirects.

## The CMS and renaming

cms-bad-request = Incomprehensible request to the CMS server: { $detail }
cms-no-such-file = The file does not exist.
cms-no-media = Images and other files cannot be added: the site publishes text only. Link to the file on your organisation's website.
cms-unknown-action = The CMS server does not know the action `{ $action }`.
cms-save-no-file = The request to save holds no file.
cms-cannot-save = { $path } could not be saved: { $detail }
cms-path-taken = Not saved: `{ $path }` already exists (another practice or another file); choose another title or name. Nothing was changed.
cms-old-file-left = { $path } is saved, but the old file { $old } could not be removed: { $detail }
cms-cannot-delete-kind = { $path } cannot be deleted through the CMS: only practices ({ $dir }/<category>/<id>.md) can. Nothing was deleted.
cms-cannot-delete = { $path } could not be deleted: { $detail }
cms-deleted-before-failure = { $error } Already deleted: { $deleted }.
cms-path-refused = The path `{ $path }` is outside the content/ folder and is refused.
cms-content-unreadable = The content/ folder cannot be opened: { $detail }
cms-cannot-start = The CMS cannot start: { $path } has errors. Run `kennisbank check`.
cms-cannot-save-kind = { $path } cannot be saved through the CMS: only practices ({ $dir }/<category>/<id>.md), { $files }.
cms-title-no-name = Not saved: the field Titel (‘{ $title }’) has no letter or digit, and the file's name is made from the title. Add a word to the title. Nothing was changed.
cms-changed-meanwhile = Not saved: { $path } was saved by someone else (or in another tab) after you opened it; saving would erase that change. Nothing was changed. Copy your change, reload the page and make it again.
cms-body-late = Not saved: the request did not arrive in full within 10 seconds (the connection dropped or is too slow). Nothing was changed. Try again.
cms-only-post = The CMS server (/api/v1) answers only the admin pages; open /admin/ to edit the content.
cms-only-this-computer = The CMS server answers only requests from this computer. Open the admin pages on the computer that runs `kennisbank serve`.
cms-send-json = The CMS server answers only requests of the admin pages (JSON); open /admin/ to edit the content. Nothing was changed.
cms-other-origin = The CMS server answers only pages of this server (`{ $host }`), but this request came from `{ $origin }`. Nothing was changed. Open the admin pages at http://{ $host }/admin/ and try again.
cms-length-required = Not saved: the request does not say how long it is (the Content-Length header is missing). Nothing was changed. Reload the page and try again.
cms-too-large = Not saved: the request is larger than { $limit } MB, and a practice is at most a few tens of kilobytes. Shorten the text or spread it over more practices. Nothing was changed.
cms-incomplete = Not saved: the request did not arrive in full (the connection was broken). Nothing was changed. Try again.
cms-admin-not-found = This page of the admin pages does not exist; open /admin/.
cms-admin-only-get = Only GET and HEAD are answered.
settings-broken-first = The settings ({ $path }) have errors; fix those first (see `kennisbank check`).
category-choose = `{ $name }` is not a category; choose one of: { $categories }.
mv-bad-id = `{ $id }` is not a valid practice id: use lowercase letters, digits and hyphens, such as `{ $suggestion }`
mv-bad-id-no-letters = `{ $id }` is not a valid practice id: an id has letters or digits, lowercase with hyphens between them, such as `tijdelijke-woningen`
mv-reserved-id = `{ $id }` cannot be the name of a practice: Windows reserves that name for a device, so the file does not work there or in a zip file; use for example `{ $suggestion }`
mv-id-too-long = the new id is too long: an id has at most { $max } characters (it becomes the page's address), such as `{ $suggestion }`
mv-no-such-practice = There is no practice with the id `{ $id }`.
mv-no-such-practice-did-you-mean = There is no practice with the id `{ $id }`; did you mean `{ $name }`?
mv-nothing-to-do = The new id and category are the same as the old ones; there is nothing to do.
mv-exists = There is already a practice with the id `{ $id }`; choose another id.
mv-path-taken = `{ $path }` already exists (it is not a practice the kennisbank reads); choose another name, or remove or move that file yourself first.
mv-no-front-matter = { $path } has no front matter between `---` lines

## The errors `serve` shows over the page

overlay-heading-one = The last change has an error
overlay-heading-many = The last change has { $n } errors
overlay-intro = You see the last version without errors. Fix the file and save it: this page then updates by itself.
overlay-close = Close
error-page-title = The site has errors
error-page-intro = No version of the site has been built yet. Fix the errors below; this page then reloads by itself.

## What `serve` prints in the terminal

serve-cannot-open-project = cannot open the project folder `{ $root }`: { $detail }
serve-cannot-listen = cannot listen on { $address }: { $detail }
serve-port-in-use = port { $port } is already in use, by another program or another `kennisbank serve`
serve-port-in-use-hint = choose another port with `--port { $other }`, or stop the program that uses port { $port }
serve-port-denied = the system does not allow this port (ports below 1024 are for the administrator)
serve-port-denied-hint = choose a port above 1023 with `--port 1111`
serve-address-unavailable = the address { $ip } is not one of this computer's
serve-address-unavailable-hint = leave out `--bind`: the preview is then seen on this computer only (127.0.0.1)
serve-public-bind = serving on { $address }: other computers on the network can see the preview
serve-no-ctrl-c = Ctrl-C cannot be caught ({ $detail }); stop the server by closing the terminal
serve-building = Building the site from `{ $root }`…
serve-watching = watching content/ and themes/
serve-not-watching = not watching files
serve-cannot-watch = cannot watch the files ({ $detail }); pages will not reload by themselves: reload them after a change
serve-watch-limit = the system watches no more files (the inotify limit is reached)
serve-cannot-start = cannot start the server threads: { $detail }
serve-serving = Serving { $url } ({ $watching }; press Ctrl-C to stop).
serve-stopped = Stopped.
serve-stopped-answering = the server stopped answering: { $detail }; stop it with Ctrl-C and start `kennisbank serve` again
serve-index-failed = cannot make the search index: { $detail }; search does not find the latest changes yet
serve-watch-failed = watching the files failed: { $detail }; pages may no longer reload by themselves
serve-watch-again-failed = watching the files again failed: { $detail }; start `kennisbank serve` again to see changes
serve-no-browser = cannot open a browser ({ $program }: { $detail }); open { $url } yourself
serve-what-whole = the whole site
serve-what-left = left by the last rebuild
serve-what-changed = after a change to { $files }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
serve-first-served = ; the edited page was served after { $ms } ms
serve-built = [{ $clock }] { $kind ->
        [full] built
       *[partial] rebuilt
    } { $files } files { $what } in { $ms } ms{ $first }{ $deferred ->
        [yes] {" "}(the other pages follow with the next change)
       *[no] {""}
    }.
serve-has-errors = [{ $clock }] { $what }: the site has errors; the last good version stays served and the page shows the errors.

## The explanations in a new file of `kennisbank new`

new-comment-title = The title: the heading of the page and the name in every list (required).
new-comment-added =
    The date the practice was added, as YYYY-MM-DD (required). Practices added or updated within
    `new_days` days (content/site.yaml) are marked "Nieuw".
new-comment-updated = The date of the last change to its substance, as YYYY-MM-DD; leave it out until there is one.
new-comment-order = The position within the category: lower comes first; practices without one come last.
new-comment-summary = One or two sentences for the lists and search results; without it, the text's first sentence is used.
new-comment-tags = Subjects: each has a page listing its practices. Spell them as the other practices do.
new-comment-links = Web pages to read more, each with a label that says where it goes.
new-comment-related = Practices to show under "Zie ook": their file names without `.md`.
new-comment-contact = Who to ask about it; each line is optional.

file-not-found = the file does not exist

## Templates: HTML, blocks and variables

template-block-unclosed-before = `{"{"}% { $opened } %{"}"}` is not closed: line { $line } has `{"{"}% { $word } %{"}"}`
template-block-unclosed-before-hint = put `{"{"}% { $end } %{"}"}` before line { $line }, or remove the `{"{"}% { $word } %{"}"}` there
template-block-not-opened = `{"{"}% { $word } %{"}"}` closes a block that was not opened
template-block-not-opened-hint = remove this `{"{"}% { $word } %{"}"}`, or put the block it closes before it
template-else-outside-if = `{"{"}% { $word } %{"}"}` is not inside an `{"{"}% if %{"}"}`
template-else-outside-if-hint = put it between `{"{"}% if … %{"}"}` and `{"{"}% endif %{"}"}`, or remove it
template-block-never-closed = `{"{"}% { $word } %{"}"}` is never closed
template-block-never-closed-hint = put `{"{"}% { $end } %{"}"}` where the block should end
template-html-unclosed-before = `<{ $open }>` of line { $line } is not closed before `</{ $close }>`
template-html-unclosed-before-hint = put `</{ $open }>` before `</{ $close }>`: elements close in the reverse order of opening
template-html-closes-nothing = `</{ $name }>` closes nothing: there is no open `<{ $name }>` here
template-html-closes-nothing-hint = remove `</{ $name }>`, or put the `<{ $name }>` it closes before it
template-html-never-closed = `<{ $name }>` is never closed
template-html-never-closed-hint = put `</{ $name }>` where the element should end
template-html-unclosed-in-branch = `<{ $name }>` is not closed in this part of the `{"{"}% if %{"}"}`
template-html-unclosed-in-branch-hint = put `</{ $name }>` before the next `{"{"}% elif %{"}"}`, `{"{"}% else %{"}"}` or `{"{"}% endif %{"}"}`
template-variable-unknown = the variable `{ $name }` does not exist in this template
template-variable-unknown-did-you-mean = the variable `{ $name }` does not exist in this template; did you mean `{ $suggestion }`?
template-variable-unknown-item-field = the variable `{ $name }` does not exist in this template; did you mean `{ $field }`? That is a field of each item of `{ $list }`: write `x.{ $field }` inside `{"{"}% for x in { $list } %{"}"}`
template-variables-are = this template gets the variables { $list }
template-field-unknown = `{ $var }.{ $field }`: `{ $over }` has no field `{ $field }`
template-field-unknown-did-you-mean = `{ $var }.{ $field }`: `{ $over }` has no field `{ $field }`; did you mean `{ $suggestion }`?
template-fields-are = the fields of `{ $over }` are { $list }
template-page-variable-unknown = the variable `{ $variable }` does not exist for this page
template-page-variable-unknown-did-you-mean = the variable `{ $variable }` does not exist for this page; did you mean `{ $suggestion }`?
template-object-fields-are = `{ $object }` has the fields { $list }
template-file-unknown = `{ $variable }` does not exist: there is no file `{ $file }`
template-file-unknown-did-you-mean = `{ $variable }` does not exist: there is no file `{ $file }`; did you mean `{ $suggestion }`?
template-files-are = `{ $map }` knows the files { $list }; a file of the theme belongs in `{ $folder }`
static-too-large = this file of the theme is larger than { $mb } MB ({ $bytes } bytes)
static-too-large-hint = make it smaller (compress a picture or font), or remove it from the static/ folder if it is there by mistake

# kennisbank herverdeling: what stops the command (exit 2)
herverdeling-stdout = standard output
herverdeling-stdin = standard input
herverdeling-cannot-read = { $name }: cannot read ({ $detail })
herverdeling-not-a-file = { $name }: this is not a plain file (but a folder, a pipe or a device); give the path of a scenario file (.yaml or .json), or - to read the scenario from standard input
herverdeling-too-large = { $name }: larger than { $mb } MB; a scenario is a small text file (is this the right file?)
herverdeling-not-utf8 = { $name }: not UTF-8 text (invalid byte at offset { $offset }); save the file as UTF-8
herverdeling-cannot-write = { $name }: cannot write ({ $detail })
herverdeling-template-refused = the template has a problem, so no document was written: { $first } ({ $count ->
    [one] 1 problem; `kennisbank check` names it with the fix
   *[other] { $count } problems; `kennisbank check` names them with the fix
})
herverdeling-no-link = no link: { $detail }

# kennisbank herverdeling: --out, the refusals of a scenario with errors, and the system's errors in words
herverdeling-no-document = No document: the scenario has { $count ->
    [one] 1 error
   *[other] { $count } errors
}.
herverdeling-no-letter = No letter: the scenario has { $count ->
    [one] 1 error
   *[other] { $count } errors
}.
herverdeling-one-output = give at most one of `--json`, `--brief`, `--link` and `--document`
herverdeling-unknown-document = unknown document `{ $name }`; choose coa, provincie, ministerie, besluit or bekendmaking
herverdeling-written = { $document } written to `{ $path }`
herverdeling-out-extension = `{ $path }`: a document in the format { $format } takes the extension { $expected }; give for example `--out { $suggestion }`
herverdeling-out-extension-format = `{ $path }`: a document in the format { $format } takes the extension { $expected }; did you mean `--format { $other }`?
herverdeling-out-exists = `{ $path }` already exists and is not overwritten (it may have been edited since it was written); choose another name, such as `--out { $suggestion }`, or move or delete the existing file first
herverdeling-out-is-folder = `{ $path }` is a folder; give the document's name, such as `--out { $suggestion }`
herverdeling-out-no-folder = the folder `{ $folder }` does not exist; make it first or choose an existing folder with `--out`
herverdeling-out-protected = `{ $path }` is in the project's folder `{ $folder }/` (it is `{ $real }`); herverdeling writes no documents there: choose a folder outside `content/` and `themes/`
herverdeling-out-build-output = `{ $path }` is in `{ $folder }`, the output folder of `kennisbank build`: what is there is published with the site; choose a folder outside it
herverdeling-out-terminal = a document in the format { $format } is not text for the screen; write it to a file with `--out { $suggestion }`, or redirect the output with `>` or `|`
# System errors in words (messages::io_detail), for any file that cannot be read or written.
io-not-found = the file or folder does not exist
io-permission-denied = permission denied; check the permissions of the file and the folder
io-exists = the file already exists
io-is-folder = this is a folder, not a file
io-not-folder = a part of the path is not a folder
io-disk-full = the disk is full
io-quota = the disk quota is used up
io-read-only = the disk is read-only
io-broken-pipe = the program reading the output has stopped
io-invalid-name = the name is not allowed on this disk
io-too-large = the file is too large for this disk
io-other = system error: { $detail }

# The output folder of `kennisbank build` (generator/src/output/): refusals, after which nothing was written.
output-cannot-open-project = cannot open the project folder `{ $path }` ({ $detail })
output-cannot-resolve = cannot resolve the output folder `{ $path }` ({ $detail })
output-contains-project = the output folder `{ $out }` contains the project itself; choose a folder such as `public`
output-inside-protected = the output folder `{ $out }` is inside `{ $folder }/` (it is `{ $real }`); choose a folder such as `public`
output-contains-protected = the output folder `{ $out }` contains `{ $folder }/` (it is `{ $real }`); choose a folder such as `public`
output-root-folder = the output folder `{ $out }` is a root folder; choose a folder such as `public`
output-state-not-ours = `{ $path }` (beside the output folder) is not a folder kennisbank made; move it away or choose another output folder
output-mount-point = the output folder `{ $out }` is a mount point (a separately mounted disk or folder, such as a Docker volume); kennisbank replaces the output folder as a whole in one step, which cannot be done there. Build into a folder inside it, such as `--out { $inside }`
output-not-a-folder = `{ $path }` exists and is not a folder; choose another output folder with `--out`
output-foreign-files = the output folder `{ $out }` (`{ $real }`) holds files that kennisbank did not write, so it is left alone; choose a new or empty folder with `--out`, or move those files away yourself
output-cannot-read = cannot read `{ $path }` ({ $detail })
output-cannot-make = cannot make `{ $path }` ({ $detail })
output-cannot-lock = cannot lock `{ $path }` ({ $detail })
output-locked = another build is writing `{ $out }` right now; wait until it is done
output-cannot-restore = cannot restore `{ $path }` after an interrupted build ({ $detail })
output-cannot-remove = cannot remove `{ $path }` ({ $detail })
output-spare-foreign = `{ $path }` (the spare copy of an earlier build that kennisbank keeps beside the output folder) holds no kennisbank marker, so it is left alone; unless you put something there yourself (usually an interrupted build left it like this), remove that folder: the next build makes it again
output-unknown-kept = `{ $state }` held no list of what kennisbank wrote into `{ $out }`, so { $count ->
    [one] the file or folder
   *[other] all { $count } files and folders
} that this build does not make were kept, even pages of practices that are gone; remove from `{ $out }` what you do not need, and it stays gone
output-previous-kept = the previous content of the output folder is kept in `{ $path }`, because kennisbank could not tell what of it it wrote (its list in `{ $state }` was missing); remove that folder if you need nothing from it
