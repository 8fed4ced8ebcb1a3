# De teksten die een redacteur leest, in het Nederlands (de standaardtaal).
# Elke tekst staat ook in en.ftl, met dezelfde variabelen (een test bewaakt dat).

## Het verslag van `check` en `build`

label-error = fout
label-warning = waarschuwing
label-help = hulp
report-count = { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
}
report-left-out = … en nog { $n ->
    [one] 1 probleem
   *[other] { $n } problemen
} in { $path }, niet getoond (`--format json` toont ze allemaal)
report-left-out-files = … en nog { $n ->
    [one] 1 probleem
   *[other] { $n } problemen
} in { $files ->
    [one] 1 ander bestand
   *[other] { $files } andere bestanden
}, niet getoond (`--format json` toont ze allemaal)
report-left-out-file = nog { $n ->
    [one] 1 probleem in dit bestand wordt
   *[other] { $n } problemen in dit bestand worden
} niet getoond; voer `kennisbank check` uit om ze allemaal te zien

## Opslaan in het CMS

cms-save-refused = Niet opgeslagen: { $path } bevat fouten. Er is niets gewijzigd.
cms-save-refused-line = regel { $line }
cms-save-refused-line-field = regel { $line }, veld ‘{ $field }’
cms-save-refused-text-line = veld ‘{ $field }’, regel { $line } van de tekst

## De controle van links

link-on-pages = { $message } (op { $pages } pagina's)

## YAML en velden

yaml-too-deep = de YAML is hier meer dan { $max } niveaus diep genest
yaml-too-deep-hint = lijsten en blokken in de bestanden van de kennisbank zijn een paar niveaus diep: kijk of er een geplakte reeks `[`, `{"{"}` of `- ` staat, of zet tekst met zulke tekens tussen aanhalingstekens
yaml-invalid = ongeldige YAML ({ $detail })
yaml-invalid-in-block = ongeldige YAML ({ $detail }) in het blok dat begint op regel { $line }
yaml-invalid-starts-here = ongeldige YAML ({ $detail }): { $what } die hier begint, wordt niet gesloten
yaml-construct-quoted = de tekst tussen aanhalingstekens
yaml-construct-brackets = de lijst tussen `[` en `]`
yaml-construct-braces = het blok tussen `{"{"}` en `{"}"}`
yaml-construct-other = { $what }
yaml-invalid-hint = controleer het inspringen, en zet tekst met `: ` of tekst die begint met een bijzonder teken (zoals `[`, `{"{"}`, `*`, `&`, `#`, `'` of `"`) tussen aanhalingstekens
yaml-parser-fix = { $fix }
yaml-aliases = de YAML herhaalt via verwijzingen (`&naam` … `*naam`) zo veel tekst dat hij niet gelezen wordt
yaml-aliases-hint = de bestanden van de kennisbank hebben geen verwijzingen nodig: schrijf de waarde zelf op deze plek, of zet tekst die met `*` of `&` begint tussen aanhalingstekens
yaml-not-fields = hier worden regels `veld: waarde` verwacht
yaml-not-fields-hint = schrijf één veld per regel, zoals `title: Mijn titel`
field-unknown = onbekend veld `{ $name }` in { $what }
field-unknown-did-you-mean = bedoelde u `{ $field }`? De velden van { $what } zijn: { $fields }
field-unknown-remove = verwijder het, of gebruik een van de velden van { $what }: { $fields }
field-missing = het verplichte veld `{ $key }` ontbreekt in { $what }
field-missing-hint = voeg een regel `{ $key }: …` toe
field-invalid-value = het veld `{ $key }` heeft een ongeldige waarde: { $detail }
field-must-be = `{ $key }` moet { $expected } zijn

## Een praktijk

what-contact = het blok `contact`
what-practice = een praktijk
practice-id-invalid = de bestandsnaam `{ $id }` is geen geldige naam voor een praktijk
practice-id-invalid-hint = geef het bestand de naam `{ $suggestion }.md`: kleine letters, cijfers en enkele streepjes
practice-id-reserved = de bestandsnaam `{ $id }` werkt niet op Windows en niet in een zip-bestand: Windows gebruikt die naam voor een apparaat, dus daar kan niemand het bestand openen of uitpakken
practice-id-reserved-hint = hernoem het bestand met `kennisbank mv { $id } { $suggestion }` of in het CMS met de knop ‘Praktijk hernoemen’ (links en `related` gaan mee)
front-matter-missing = het bestand begint niet met een regel `---`
front-matter-missing-hint = begin het bestand met een blok velden:
    ---
    title: Korte titel
    added: 2026-01-31
    ---
    De tekst van de praktijk.
front-matter-empty-file = het bestand is leeg
front-matter-empty = het blok velden bovenaan is leeg: regel { $line } sluit het af meteen na de openingsregel `---`
front-matter-empty-hint-fields-below = verwijder de regel `---` op regel { $line }: de velden staan eronder en worden nu als tekst gelezen
front-matter-unclosed = het blok velden bovenaan heeft geen afsluitende regel `---`
front-matter-unclosed-hint = zet een regel met alleen `---` na het laatste veld, vóór de tekst
front-matter-text-inside = het blok velden bovenaan is niet afgesloten vóór de tekst: regel { $line } is geen veld maar tekst
front-matter-text-inside-hint = zet een regel met alleen `---` vóór regel { $line }, na het laatste veld
date-order = `updated` ({ $updated }) ligt vóór `added` ({ $added })
date-order-hint = `updated` is de datum van de laatste wijziging; die kan niet eerder zijn dan `added`
expect-whole-number = een heel getal, zoals `30`
expect-contact-block = een blok met `name`, `role`, `email` en/of `phone`
related-not-an-id = `{ $related }` in `related` is geen naam van een praktijk
related-not-an-id-hint = gebruik de bestandsnaam van de andere praktijk zonder `.md`, zoals `{ $suggestion }`
alias-invalid = `{ $alias }` in `aliases` is geen oud adres van een praktijk
alias-invalid-hint = schrijf het adres zoals `/praktijken/algemeen/oude-naam/`
body-empty = de praktijk heeft geen tekst
body-empty-hint = schrijf de tekst van de praktijk onder de afsluitende regel `---`
field-not-text = `{ $key }` moet tekst zijn
field-not-text-hint = schrijf het op één regel na `{ $key }: `; zet het tussen aanhalingstekens als het `: ` bevat of begint met `[` of `{"{"}`
field-empty = `{ $key }` is leeg
field-empty-hint = schrijf een waarde na `{ $key }: `
stappenplan-list-empty-hint = zet onder `{ $key }:` de items van het stappenplan, elk beginnend met `- ` (zie de vorige versie van het bestand)
date-invalid = `{ $key }` is geen geldige datum: `{ $text }` ({ $detail })
date-invalid-hint = schrijf een datum als JJJJ-MM-DD, zoals `2026-03-01`
field-not-a-list = `{ $key }` moet een lijst zijn
field-not-a-list-hint = schrijf `{ $key }: [eerste, tweede]`
list-too-long = `{ $key }` heeft { $n } items; er mogen er hoogstens { $max } zijn
list-too-long-hint = houd de items van `{ $key }` die voor een lezer het belangrijkst zijn
list-item-not-text = een item van `{ $key }` is geen woord of zinsdeel: `{ $item }`
list-item-not-text-hint = schrijf `{ $key }: [eerste, tweede]`, elk item gewone tekst
links-hint = schrijf elke link als
    links:
      - url: https://www.voorbeeld.nl/
        label: Omschrijving van de link
links-not-a-list = `links` moet een lijst van links zijn
link-invalid = link { $n } in `links` is niet geldig ({ $detail })
url-invalid = het adres `{ $url }` is niet geldig: { $why }
url-invalid-hint = kopieer het volledige adres uit de adresbalk van de browser, zoals `https://www.voorbeeld.nl/pagina`
link-no-label = de link naar `{ $url }` heeft geen `label`
link-no-label-hint = schrijf een `label:` dat zegt waar de link heen gaat
email-invalid-hint = schrijf het adres als `naam@organisatie.nl`

## Adressen

url-not-web = het adres `{ $url }` moet een webadres zijn (https://…)
url-spaces-around = er staan spaties voor of na het adres
url-space-inside = er staat een spatie in (schrijf daar %20)
url-no-scheme = het moet beginnen met https:// of http:// (of mailto: voor een e-mailadres)
url-no-host = er staat geen naam van een website na https://
url-bad-port = `{ $port }` is geen geldig poortnummer
url-bad-host = `{ $host }` is geen geldige naam van een website
email-invalid = `{ $address }` is geen geldig e-mailadres

## De instellingen van de site (site.yaml)

what-site-settings = de instellingen van de site
what-category = een categorie
expect-text = tekst
expect-markdown = tekst (markdown)
expect-days = een heel aantal dagen, zoals `60`
expect-bool = `true` of `false`
expect-theme = de naam van een map in `themes/`
expect-date = een datum als JJJJ-MM-DD
expect-site-url = het adres van de site, zoals `https://www.voorbeeld.nl/kennisbank/`
expect-site-contact = een blok met `email` en/of `url`, zoals `contact: {"{"} email: info@voorbeeld.nl {"}"}`
expect-cms-block = een blok zoals `cms: {"{"} backend: github, repo: organisatie/kennisbank, branch: main {"}"}`
reference-date-hint = schrijf het als JJJJ-MM-DD, of verwijder het om de nieuwste datum in de inhoud te gebruiken
site-url-hint = schrijf het adres waarop de site gepubliceerd wordt, zoals `https://www.voorbeeld.nl/kennisbank/`
category-fields = de velden van een categorie zijn: { $fields }
category-slug-invalid = de slug `{ $slug }` van een categorie is niet geldig
category-slug-invalid-hint = gebruik kleine letters, cijfers en streepjes; de slug is ook de naam van de map onder content/praktijken/
category-twice = de categorie `{ $slug }` staat er twee keer in
category-invalid = categorie { $n } is niet geldig ({ $detail })
category-invalid-hint = elke categorie heeft `slug` en `title` nodig, en mag `description` en `order` hebben
site-contact-empty = `contact` heeft geen `email` en geen `url`
site-contact-empty-hint = geef een e-mailadres (`email: info@voorbeeld.nl`), een contactpagina (`url: https://…`) of allebei; of verwijder `contact`
site-contact-email-hint = schrijf een adres zoals `info@voorbeeld.nl`
site-contact-url-hint = schrijf het volledige adres van de contactpagina, zoals `https://www.voorbeeld.nl/contact`
cms-backend-unknown = `cms.backend` is `{ $backend }`; de beheeromgeving kent `github` en `gitlab`
cms-backend-unknown-hint = schrijf `backend: github` of `backend: gitlab`

## Het stappenplan (stappenplan.yaml)

what-stappenplan = het stappenplan
footnote-twice = de voetnoot `{ $id }` is twee keer gedefinieerd
footnote-undefined = de voetnoot `[^{ $id }]` is niet gedefinieerd
footnote-undefined-hint = voeg haar toe onder `footnotes:` als `- id: { $id }` met een `text:`
stappenplan-invalid = het stappenplan is niet geldig ({ $detail })
stappenplan-invalid-hint = elke stap heeft `title`, `actor` en `text` nodig en mag `deadline` hebben; elk uitgangspunt heeft `title` en `text` nodig; elke voetnoot `id` en `text`

## De synoniemen (synoniemen.yaml)

what-synonyms = het bestand met synoniemen
synonyms-not-a-list = `{ $key }` moet een lijst van groepen woorden zijn
synonyms-not-a-list-hint = schrijf één groep per regel, zoals `  { $example }`
synonyms-group-not-a-list = een groep synoniemen moet een lijst van woorden tussen haken zijn
synonyms-write-as = schrijf het als `{ $example }`
synonyms-words-only = een groep synoniemen bevat alleen woorden
synonym-twice-in-group = `{ $word }` staat twee keer in deze groep
synonym-twice-in-group-hint = verwijder er één (hoofdletters en accenten tellen niet mee)
synonym-in-two-groups = `{ $word }` staat ook in de groep op regel { $line }
synonym-in-two-groups-hint = een woord kan maar in één groep staan: voeg de twee groepen samen
synonyms-group-too-small = een groep synoniemen heeft minstens twee woorden nodig
synonyms-group-too-small-hint = voeg de woorden toe die hetzelfde betekenen, zoals in `{ $example }`, of verwijder de groep
synonyms-group-too-large = deze groep heeft { $count } woorden; een groep synoniemen heeft er hoogstens { $max }
synonyms-group-too-large-hint = woorden die hetzelfde betekenen zijn er een paar: verdeel de lijst in groepen van woorden die echt hetzelfde betekenen
synonyms-without-key = de groepen synoniemen moeten onder `{ $key }:` staan
synonyms-without-key-hint = zet een regel `{ $key }:` boven de groepen en laat ze twee spaties inspringen, zoals `  { $example }`
synonym-empty = een leeg woord in een groep synoniemen
synonym-empty-hint = verwijder het lege item
synonym-several-words = `{ $word }` is meer dan één woord; synoniemen zijn losse woorden
synonym-several-words-hint = de zoekfunctie vergelijkt woorden, geen zinsdelen: zet elk woord in een eigen groep, of laat het weg
synonym-ignored = `{ $word }` is een woord dat de zoekfunctie overslaat (een stopwoord of een losse letter)
synonym-ignored-hint = verwijder het uit de groep

## Links in teksten en controles over bestanden heen

where-field = `{ $key }`
where-text = de tekst
link-unsafe = de link `{ $url }` in { $what } wordt geweigerd: links met `{ $scheme }:` kunnen een script uitvoeren of iets anders openen dan een webpagina
link-unsafe-hint = link naar een webpagina (`https://…`), een e-mailadres (`mailto:…`) of een pagina van de site (`/stappenplan/`)
link-in-text-invalid = de link `{ $url }` in { $what } is niet geldig: { $why }
link-in-text-invalid-hint = schrijf het volledige adres, zoals `https://www.voorbeeld.nl/pagina`
id-duplicate = de naam `{ $id }` wordt ook gebruikt door { $other }
id-duplicate-hint = de naam van een praktijk is haar bestandsnaam en moet uniek zijn over alle categorieën: geef een van de bestanden een andere naam
related-self = `related` noemt de praktijk zelf (`{ $id }`)
related-self-hint = verwijder het; de pagina toont zichzelf niet onder ‘Zie ook’
did-you-mean = bedoelde u `{ $name }`?
related-unknown = `related` noemt `{ $id }`, maar er is geen praktijk met die naam
related-unknown-hint = gebruik de bestandsnaam (zonder `.md`) van een bestaande praktijk
related-unknown-did-you-mean = bedoelde u `{ $name }`? Is de praktijk verwijderd, haal `{ $id }` dan weg uit `related`
tag-no-letters = de tag `{ $tag }` heeft geen letters of cijfers
tag-no-letters-hint = gebruik een woord als tag
tag-spelling = de tag `{ $tag }` wordt in { $path } als `{ $other }` geschreven
tag-spelling-hint = kies één schrijfwijze, zodat de tagpagina één naam toont
tag-duplicate = de tag `{ $tag }` staat twee keer in `tags` (ook als `{ $first }`); de praktijk zou hem twee keer tonen
tag-duplicate-hint = verwijder `{ $tag }` uit de lijst; hoofdletters en accenten maken geen andere tag
order-taken = `order: { $order }` heeft ook { $other }; welke eerst komt, hangt dan af van de datum van toevoegen
title-taken = de titel ‘{ $title }’ heeft ook { $other }; lezers zien dan twee gelijke titels in de zoekresultaten, de lijsten en bij ‘Zie ook’
title-taken-hint = geef elke praktijk een titel die zegt waarin ze verschilt van de andere
order-taken-hint = kies een getal dat nog vrij is, zoals `order: { $suggestion }`
date-in-future = `{ $key }` ({ $date }) ligt na vandaag ({ $today }); de site zou die datum als ‘vandaag’ nemen, en bij de andere praktijken verdwijnt dan ‘Nieuw’
date-in-future-hint = vul in het veld ‘{ $field }’ de datum van vandaag of eerder in (staat er een tikfout in het jaar?)

## Bestanden en mappen

file-unreadable = het bestand kan niet gelezen worden ({ $detail })
file-unreadable-hint = controleer of het bestand bestaat en gelezen mag worden
not-a-file = dit is geen gewoon bestand
not-a-file-hint = vervang het door een tekstbestand, of verwijder het
file-too-large = het bestand is groter dan { $mb } MB ({ $bytes } bytes)
file-too-large-hint = een tekst van de kennisbank is veel kleiner: verdeel hem, of verwijder wat er per ongeluk in geplakt is
not-utf8 = het bestand is geen geldige UTF-8-tekst
not-utf8-hint = sla het bestand op met UTF-8-codering (in de meeste editors: "Opslaan met codering" → UTF-8)
symlink = dit is een symbolische koppeling; koppelingen worden niet gevolgd, dus dit wordt niet gelezen of gepubliceerd
symlink-hint = vervang de koppeling door het echte bestand (of de echte map): kopieer het hierheen en verwijder de koppeling
practices-folder-missing = de map met praktijken bestaat niet
practices-folder-missing-hint = maak `{ $dir }/<categorie>/` aan, met één map per categorie: { $categories }
category-did-you-mean = bedoelde u `{ $name }`? Bekende categorieën: { $categories }
category-unknown-hint = verplaats de bestanden naar een van de categoriemappen ({ $categories }), of voeg de categorie toe aan content/site.yaml
category-unknown = `{ $name }` is geen categorie
outside-category = een praktijk moet in een categoriemap staan
move-into-one-of = verplaats het naar een van: { $folders }
ignored-file = dit bestand is geen praktijk en wordt overgeslagen
ignored-file-hint = de bestanden van praktijken eindigen op `.md`
hidden-character-field = het veld `{ $key }` bevat { $code }, { $what ->
    [direction] een teken dat de leesrichting omdraait: de tekst staat op de site in een andere volgorde dan hij geschreven is
    [control] een onzichtbaar stuurteken: het komt vaak mee bij kopiëren uit een ander programma
   *[invisible] een onzichtbaar teken: twee teksten kunnen er dan hetzelfde uitzien en toch verschillen
}
hidden-character-text = de tekst bevat { $code }, { $what ->
    [direction] een teken dat de leesrichting omdraait: wat erna staat, toont de site in een andere volgorde dan het geschreven is
    [control] een onzichtbaar stuurteken: het komt vaak mee bij kopiëren uit een ander programma
   *[invisible] een onzichtbaar teken: woorden kunnen er dan hetzelfde uitzien en toch verschillen (zoeken vindt ze niet)
}
hidden-character-template = het sjabloon bevat { $code }, { $what ->
    [direction] een teken dat de leesrichting omdraait: wat erna komt, staat in de documenten die de colleges ondertekenen in een andere volgorde dan het geschreven is
    [control] een onzichtbaar stuurteken: het komt vaak mee bij kopiëren uit een ander programma en staat onzichtbaar in de documenten die de colleges ondertekenen
   *[invisible] een onzichtbaar teken: het staat onzichtbaar in de documenten die de colleges ondertekenen
}
hidden-character-hint = verwijder het teken { $code } (het staat op de aangewezen kolom maar is niet te zien): in de meeste editors wis je het door het woord opnieuw te typen
hidden-character-reference-hint = verwijder `{ $reference }`: de pagina, de afdruk en de HTML-download van de brief maken er het teken { $code } van, dat niet te zien is
misnamed-practice = dit bestand wordt niet gelezen: de naam van een praktijk eindigt op `.md`, in kleine letters, zodat de praktijk nu op de site ontbreekt
misnamed-practice-hint = hernoem het naar `{ $name }`
nested-folder = mappen in een categoriemap worden niet gelezen
nested-folder-hint = zet de bestanden van praktijken direct in de categoriemap
stray-markdown = dit .md-bestand staat niet in een categoriemap en wordt niet gepubliceerd

## Waarschuwingen voor vergissingen die wel te lezen zijn

lint-folded-paragraph = de lege regel in `{ $key }: { $indicator }` maakt geen nieuwe alinea: YAML voegt de regels samen
lint-folded-paragraph-hint = schrijf `{ $key }: |` in plaats van `{ $key }: { $indicator }`, dan blijven lege regels alinea's
lint-yaml-comment = alles vanaf ` #` in `{ $key }` valt weg: YAML leest het als commentaar, dus de waarde is `{ $kept }`
lint-yaml-comment-hint = zet de waarde tussen aanhalingstekens: `{ $fixed }`
lint-list-without-brackets = `{ $key }: { $value }` is één waarde, geen lijst: het wordt { $key ->
    [tags] één tag
   *[other] één verwijzing
}
lint-list-without-brackets-hint = zet de lijst tussen blokhaken: `{ $key }: [{ $items }]`
lint-placeholder = de voorbeeldtekst van `kennisbank new` staat nog in de praktijk
lint-placeholder-hint = vervang de zin ‘Beschrijf hier de praktijk…’ door de tekst van de praktijk
lint-heading-skipped = kopniveau overgeslagen: `{ $heading }` volgt op `{ $previous }`
lint-heading-skipped-title = kopniveau overgeslagen: `{ $heading }` volgt op de paginatitel
lint-heading-skipped-hint = schrijf `{ $fixed }`; schermlezers gebruiken de kopniveaus als inhoudsopgave
lint-underlined-heading = de regel `{ $underline }` direct onder ‘{ $text }’ maakt van die tekst een kop
lint-underlined-heading-hint = bedoelt u een scheidingslijn, zet dan een lege regel boven `{ $underline }`; bedoelt u een kop, schrijf dan `## { $text }`
lint-link-syntax = dit wordt geen link: tussen `]` en `(` staat een spatie, dus de lezer ziet de haakjes en het adres
lint-link-syntax-hint = haal de spatie weg: `{ $fixed }`
lint-url-space = het adres `{ $url }` bevat een spatie, dus dit wordt geen link
lint-url-space-hint = schrijf de spatie als %20: `{ $fixed }`, of kopieer het adres opnieuw uit de adresbalk
alias-clash = het oude adres `{ $alias }` is ook het adres van { $other }
alias-clash-hint = haal het uit `aliases`: een adres kan maar naar één pagina leiden
tag-variant = de tag `{ $tag }` is bijna gelijk aan `{ $other }` in { $path }: dat worden twee tagpagina's
tag-variant-hint = kies één schrijfwijze; gebruik `{ $other }` als die goed is

## Vergissingen in YAML, op hun eigen regel

yaml-control-character = er staat een onzichtbaar stuurteken ({ $code }) op deze regel; YAML accepteert dat niet
yaml-control-character-hint = verwijder het (het komt vaak mee bij kopiëren uit een ander programma): `{ $fixed }`
yaml-tab = er staat een tab aan het begin van de regel; YAML accepteert alleen spaties om in te springen
yaml-tab-hint = vervang de tab door spaties: `{ $fixed }`
yaml-tab-hint-top = haal de tab weg: een veld bovenaan begint aan het begin van de regel: `{ $fixed }`
yaml-missing-colon = op deze regel ontbreekt de dubbele punt na de veldnaam
yaml-write = schrijf `{ $fixed }`
yaml-duplicate-key = het veld `{ $key }` staat er twee keer: ook op regel { $first }
yaml-duplicate-key-hint = een veld mag één keer voorkomen: houd één regel `{ $key }:` (die op regel { $first } of deze) en verwijder de andere
yaml-missing-space = na `{ $key }:` ontbreekt een spatie
yaml-quote-inside = de waarde van `{ $key }` staat tussen aanhalingstekens en bevat zelf hetzelfde aanhalingsteken, zodat de tekst te vroeg eindigt
yaml-colon-in-value = de waarde van `{ $key }` bevat `: `; YAML leest dat als een nieuw veld
yaml-bad-indent = deze regel springt in, maar `{ $key }` heeft al een waarde; YAML kan hem nergens onder plaatsen
yaml-bad-indent-hint = haal de spaties aan het begin weg: `{ $fixed }`

## De controle van links in de gebouwde site

page-link-unsafe = de link `{ $url }` wordt geweigerd: links met `{ $scheme }:` kunnen een script uitvoeren of iets anders openen dan een webpagina
page-link-unsafe-hint = link naar een webpagina (`https://…`), een e-mailadres (`mailto:…`) of een pagina van de site
link-outside-base = de link `{ $path }` begint niet met het basisadres van de site, dus hij werkt niet meer als de site onder een submap gepubliceerd wordt
link-outside-base-hint = schrijf in een sjabloon `{"{{"} base {"}}"}pad/`; schrijf in een tekst `/pad/` (de generator zet het basisadres ervoor)
link-broken = de link `{ $url }` gaat naar een pagina die niet bestaat
link-broken-hint = link naar een pagina van de site als `/praktijken/<categorie>/<naam>/` (een praktijk), of controleer de spelling van het adres
anchor-broken = de link `{ $url }` gaat naar `#{ $fragment }`, maar dat staat niet op die pagina
anchor-broken-hint = link naar een `id` die op de doelpagina bestaat, of laat het deel `#…` weg
link-on-page = { $message } (op de pagina `{ $page }`)

## Bouwen, sjablonen en documenten

base-url-invalid = `--base-url { $value }` kan niet: { $why }; schrijf het pad waaronder de site staat, zoals `/kennisbank/`, of een volledig adres, zoals `https://www.voorbeeld.nl/kennisbank/`
base-url-why-scheme = een adres begint met `http://` of `https://`, niet met `{ $scheme }://`
base-url-why-host = er staat geen geldige servernaam in (`{ $host }`)
base-url-why-empty-folder = `//` maakt een lege map in het pad (zoals `/${"{"}REPO{"}"}/` geeft als de variabele leeg is), en een pad dat met `//` begint laadt de site van een andere server
base-url-why-char = het teken `{ $char }` hoort niet in het pad (alleen letters, cijfers, `-`, `.`, `_`, `~` en `/`)
base-url-why-dots = `.` en `..` kunnen geen map in het pad zijn
base-url-why-percent = na een `%` horen twee hexadecimale cijfers, zoals `%20`
build-done = { $files } bestanden ({ $practices } praktijken) gebouwd in `{ $out }` in { $ms } ms: { $changes }.
build-changes = { $written } geschreven, { $linked } gekoppeld, { $removed } verwijderd{ $kept ->
    [0] {""}
    [one] , 1 eigen bestand of map in de uitvoermap behouden
   *[other] , { $kept } eigen bestanden of mappen in de uitvoermap behouden
}
output-foreign-in-the-way = `{ $path }` is niet door kennisbank gemaakt, en deze bouw zou daar een bestand schrijven; de uitvoermap is niet veranderd. Verplaats of hernoem het, dan blijft het behouden
build-changes-none = niets veranderd
build-up-to-date = `{ $out }` is actueel: er is niets veranderd sinds de vorige bouw ({ $ms } ms).
build-failed = Bouwen mislukt: `{ $out }` is niet veranderd.
build-cannot-write = `{ $out }` kan niet geschreven worden: { $detail }
epoch-out-of-calendar = valt buiten het bereik (geen datum die de kalender kent)
epoch-too-large = valt buiten het bereik (een te groot getal)
epoch-not-a-number = is geen aantal seconden
epoch-ignored = `SOURCE_DATE_EPOCH={ $value }` { $problem }; het wordt genegeerd
epoch-ignored-hint = zet het op een Unix-tijdstempel, zoals `git log -1 --format=%ct`
cannot-write = het bestand kan niet geschreven worden ({ $detail })
cannot-write-hint = controleer of de schijf van de uitvoermap ruimte heeft en of u daar mag schrijven
cannot-write-more = { $count ->
    [one] nog 1 bestand kon
   *[other] nog { $count } bestanden konden
} om dezelfde reden niet geschreven worden; { $hint }
template-render = de pagina { $page } kan niet gemaakt worden: { $detail }
template-render-hint = een sjabloon gebruikt een variabele of filter die niet bestaat
theme-no-templates = het thema `{ $name }` heeft geen map templates
theme-no-templates-hint = controleer `theme:` in content/site.yaml; het standaardthema staat in themes/default/
template-syntax = fout in een sjabloon: { $detail }
template-syntax-hint = controleer of elke `{"{{"}`, `{"{%"}` en `{"{#"}` gesloten is, en of elk blok zijn `{"{%"} end… %{"}"}` heeft
template-missing-hint = een sjabloon breidt een sjabloon uit of voegt er een in dat niet bestaat
template-recursion = dit sjabloon roept zichzelf aan zonder einde: { $chain }
template-recursion-hint = een sjabloon mag zichzelf niet (via andere) invoegen, en een macro mag zichzelf niet aanroepen: schrijf de herhaling uit, of gebruik een `{"{%"} for %{"}"}`-lus
template-range-too-long = `range` zou { $count } getallen geven; een sjabloon mag er hoogstens { $max } in één keer vragen
template-range-step = `range` met `step_by=0` houdt nooit op: gebruik een stap van 1 of meer
template-range-number = `range` krijgt bij `{ $key }` iets anders dan een heel getal van 0 of meer
template-range-no-end = `range` heeft een `end` nodig, zoals `range(end=10)`
theme-name-invalid = `theme: { $name }` is niet de naam van een map in `themes/`
theme-name-invalid-hint = schrijf alleen de naam van de map, zoals `theme: default`: geen `/`, `..` of volledig pad
municipalities-invalid = de lijst van gemeenten is niet geldig: { $detail }
municipalities-invalid-hint = elk item is `- {"{"} naam: <officiële naam>, cbs: GM0000, provincie: <provincie> {"}"}`; namen en CBS-codes moeten uniek zijn
addresses-invalid = content/adressen.yaml kan niet gelezen worden: { $detail }
addresses-invalid-hint = het bestand heeft `ministeries:` (elke rol één keer: `- {"{"} rol: taakstelling, naam: …, postadres: [regel, regel] {"}"}`) en `provincies:` (`- {"{"} naam: <provincie>, postadres: [regel, regel] {"}"}`)
addresses-empty-name = een ministerie of provincie zonder naam
addresses-empty-name-hint = vul `naam:` in, zoals het ministerie of de provincie die zelf schrijft
addresses-empty-line = `{ $name }`: het postadres heeft een lege regel of geen regels
addresses-empty-line-hint = schrijf elke regel van het postadres, zoals `postadres: [Postbus 20120, 8900 HM Leeuwarden]`, of laat `postadres` weg (alleen bij een ministerie) als het adres niet bekend is
addresses-role-twice = `{ $name }` heeft de rol `{ $role }`, die `{ $first }` (regel { $first_line }) al heeft
addresses-role-twice-hint = elke rol hoort bij één ministerie: verwijder een van de twee of geef het de andere rol
addresses-role-missing = geen ministerie heeft de rol `{ $role }`
addresses-role-missing-hint = voeg het ministerie toe met `- {"{"} rol: { $role }, naam: … {"}"}` (uitgangspunt 5 noemt twee ministeries)
addresses-unknown-province = `{ $name }` is geen provincie
addresses-unknown-province-hint = schrijf de naam zoals in content/gemeenten.yaml: { $provinces }
addresses-province-twice = de provincie `{ $name }` staat er twee keer in (eerst op regel { $first_line })
addresses-province-twice-hint = houd één adres per provincie over
letter-template = het documentsjabloon werkt niet: { $detail }
letter-template-hint = de documenten gebruiken Jinja-opmaak ({"{{"} variabele {"}}"}, {"{%"} for … %{"}"} … {"{%"} endfor %{"}"}); het commentaar bovenaan brief-coa.html noemt de variabelen

## De opdrachten check, new en mv

not-a-project = in `{ $root }` staat geen map `content/`: dit is niet de map van een kennisbank. Ga naar de map van het project (waar `content/` en `themes/` staan), of noem die met `--root MAP`
search-no-index = er is geen zoekindex in `{ $dir }`; voer eerst `kennisbank build` uit
search-damaged = de zoekindex is beschadigd (`{ $path }`: { $detail }); voer `kennisbank build` opnieuw uit
search-incomplete = de zoekindex is niet compleet: `{ $path }` ontbreekt; voer `kennisbank build` opnieuw uit, en kopieer bij publiceren de hele map
search-unreadable = `{ $path }` kan niet gelezen worden ({ $detail })
search-did-you-mean = Bedoelde u ‘{ $suggestion }’?
search-no-words = er staan geen woorden in de zoekvraag; typ een of meer woorden, zoals `kennisbank search huurtoeslag`
search-none = Geen resultaten voor ‘{ $query }’.
search-only-common-words = Geen resultaten voor ‘{ $query }’: de kennisbank zoekt niet op woorden die in bijna elke tekst staan (de, het, wat, …) of op losse letters; typ een woord dat meer zegt, zoals ‘huurtoeslag’ of ‘taakstelling’.
search-count = { $total ->
    [one] 1 resultaat
   *[other] { $total } resultaten
} voor ‘{ $query }’
search-count-related-only = Geen resultaten met ‘{ $query }’; { $related ->
    [one] 1 verwant resultaat
   *[other] { $related } verwante resultaten
}
search-count-exact-then-related = { $exact ->
    [one] 1 resultaat
   *[other] { $exact } resultaten
} met ‘{ $query }’, daarna { $related ->
    [one] 1 verwant
   *[other] { $related } verwante
}
search-showing = (de eerste { $shown })
search-more-sections = … en { $more ->
    [one] 1 ander deel
   *[other] { $more } andere delen
} van deze pagina
search-unknown-category = de site heeft geen categorie ‘{ $category }’; de categorieën zijn: { $categories }
search-unknown-tag = geen praktijk heeft het onderwerp ‘{ $tag }’; de onderwerpen zijn: { $tags }
check-all-good = Alles in orde: { $practices } praktijken gecontroleerd, { $pages } pagina's gemaakt.
new-settings-broken = de categorieën kunnen niet gelezen worden uit { $path }; voer `kennisbank check` uit
new-categories-are = De categorieën zijn: { $categories }
new-empty-title = de titel heeft geen letters of cijfers om een bestandsnaam van te maken
new-exists = `{ $path }` bestaat al; er is niets geschreven (de naam van een praktijk moet uniek zijn over alle categorieën: kies een andere titel, of bewerk dat bestand)
new-cannot-create = `{ $path }` kan niet aangemaakt worden ({ $detail })
new-cannot-write = `{ $path }` kan niet geschreven worden ({ $detail })
new-bad-date = `--date { $text }` is geen datum ({ $detail }); schrijf hem als JJJJ-MM-DD
new-no-clock = de klok van de computer geeft geen datum; geef er een met `--date JJJJ-MM-DD`
new-created = { $path } is gemaakt: schrijf de tekst onder de regel `---`, en haal het `#` weg voor de velden die u nodig hebt.
mv-failed = het hernoemen is mislukt: { $detail }
mv-done = { $from } is verplaatst en { $count ->
    [one] 1 ander bestand is bijgewerkt
   *[other] { $count } andere bestanden zijn bijgewerkt
}; het oude adres leidt naar de nieuwe pagina.

## De beheeromgeving (CMS) en hernoemen

cms-bad-request = Onbegrijpelijk verzoek aan de CMS-server ({ $detail }).
cms-no-such-file = Het bestand bestaat niet.
cms-no-media = Afbeeldingen en andere bestanden kunnen niet worden toegevoegd: de site publiceert alleen tekst. Zet een link naar het bestand op de website van uw organisatie.
cms-unknown-action = De CMS-server kent de actie `{ $action }` niet.
cms-save-no-file = Het verzoek om op te slaan bevat geen bestand.
cms-cannot-save = { $path } kon niet worden opgeslagen ({ $detail }).
cms-path-taken = Niet opgeslagen: `{ $path }` bestaat al (een andere praktijk of een ander bestand); kies een andere titel of naam. Er is niets gewijzigd.
cms-old-file-left = { $path } is opgeslagen, maar het oude bestand { $old } kon niet worden verwijderd ({ $detail }).
cms-cannot-delete-kind = { $path } kan niet via het CMS worden verwijderd: alleen praktijken ({ $dir }/<categorie>/<id>.md) kunnen dat. Er is niets verwijderd.
cms-cannot-delete = { $path } kon niet worden verwijderd ({ $detail }).
cms-deleted-before-failure = { $error } Al wel verwijderd: { $deleted }.
cms-path-refused = Het pad `{ $path }` ligt buiten de map content/ en is geweigerd.
cms-content-unreadable = De map content/ is niet te openen ({ $detail }).
cms-cannot-start = De beheeromgeving kan niet starten: { $path } bevat fouten. Voer `kennisbank check` uit.
cms-cannot-save-kind = { $path } kan niet via het CMS worden opgeslagen: alleen praktijken ({ $dir }/<categorie>/<id>.md), { $files }.
cms-title-no-name = Niet opgeslagen: het veld Titel (‘{ $title }’) bevat geen letter of cijfer, en de naam van het bestand wordt van de titel gemaakt. Voeg een woord aan de titel toe. Er is niets gewijzigd.
cms-changed-meanwhile = Niet opgeslagen: { $path } is door iemand anders (of in een ander tabblad) opgeslagen nadat u het opende; opslaan zou die wijziging wissen. Er is niets gewijzigd. Kopieer uw wijziging, laad de pagina opnieuw en breng haar daarna weer aan.
cms-body-late = Niet opgeslagen: het verzoek kwam niet binnen 10 seconden helemaal aan (de verbinding viel weg of is te traag). Er is niets gewijzigd. Probeer het opnieuw.
cms-only-post = De CMS-server (/api/v1) beantwoordt alleen de beheeromgeving; open /admin/ om de inhoud te bewerken.
cms-only-this-computer = De CMS-server beantwoordt alleen verzoeken van deze computer. Open de beheeromgeving op de computer waarop `kennisbank serve` draait.
cms-send-json = De CMS-server beantwoordt alleen verzoeken van de beheeromgeving (JSON); open /admin/ om de inhoud te bewerken. Er is niets gewijzigd.
cms-other-origin = De CMS-server beantwoordt alleen pagina's van deze server (`{ $host }`), maar dit verzoek kwam van `{ $origin }`. Er is niets gewijzigd. Open de beheeromgeving op http://{ $host }/admin/ en probeer het opnieuw.
cms-length-required = Niet opgeslagen: het verzoek zegt niet hoe lang het is (de kopregel Content-Length ontbreekt). Er is niets gewijzigd. Laad de pagina opnieuw en probeer het nog eens.
cms-too-large = Niet opgeslagen: het verzoek is groter dan { $limit } MB, en een praktijk is hooguit enkele tientallen kilobytes. Maak de tekst korter of verdeel hem over meer praktijken. Er is niets gewijzigd.
cms-incomplete = Niet opgeslagen: het verzoek kwam niet helemaal aan (de verbinding werd verbroken). Er is niets gewijzigd. Probeer het opnieuw.
cms-admin-not-found = Deze pagina van de beheeromgeving bestaat niet; open /admin/.
cms-admin-only-get = Alleen GET en HEAD worden beantwoord.
settings-broken-first = De instellingen ({ $path }) bevatten fouten; herstel die eerst (zie `kennisbank check`).
category-choose = `{ $name }` is geen categorie; kies een van: { $categories }.
mv-bad-id = `{ $id }` is geen geldige naam voor een praktijk: gebruik kleine letters, cijfers en streepjes, zoals `{ $suggestion }`
mv-bad-id-no-letters = `{ $id }` is geen geldige naam voor een praktijk: een naam heeft letters of cijfers, in kleine letters met streepjes ertussen, zoals `tijdelijke-woningen`
mv-reserved-id = `{ $id }` kan geen naam van een praktijk zijn: Windows gebruikt die naam voor een apparaat, dus daar en in een zip-bestand werkt het bestand niet; gebruik bijvoorbeeld `{ $suggestion }`
mv-id-too-long = de nieuwe naam is te lang: een naam heeft hoogstens { $max } tekens (hij wordt het adres van de pagina), zoals `{ $suggestion }`
mv-no-such-practice = Er is geen praktijk met de naam `{ $id }`.
mv-no-such-practice-did-you-mean = Er is geen praktijk met de naam `{ $id }`; bedoelde u `{ $name }`?
mv-nothing-to-do = De nieuwe naam en categorie zijn gelijk aan de oude; er is niets te doen.
mv-exists = Er is al een praktijk met de naam `{ $id }`; kies een andere naam.
mv-path-taken = `{ $path }` bestaat al (het is geen praktijk die de kennisbank leest); kies een andere naam, of verwijder of verplaats dat bestand eerst zelf.
mv-no-front-matter = { $path } heeft geen blok velden tussen regels `---`

## De foutmeldingen van `serve` over de pagina

overlay-heading-one = De laatste wijziging bevat een fout
overlay-heading-many = De laatste wijziging bevat { $n } fouten
overlay-intro = U ziet de laatste versie zonder fouten. Herstel het bestand en sla het op: deze pagina werkt zich dan vanzelf bij.
overlay-close = Sluiten
error-page-title = De site bevat fouten
error-page-intro = Er is nog geen versie van de site gebouwd. Herstel de fouten hieronder; deze pagina laadt daarna vanzelf opnieuw.

## Wat `serve` in de terminal schrijft

serve-cannot-open-project = de projectmap `{ $root }` kan niet geopend worden ({ $detail })
serve-cannot-listen = de voorvertoning kan niet starten op { $address }: { $detail }
serve-port-in-use = poort { $port } is al in gebruik, door een ander programma of door een andere `kennisbank serve`
serve-port-in-use-hint = kies een andere poort met `--port { $other }`, of stop het programma dat poort { $port } gebruikt
serve-port-denied = het systeem staat deze poort niet toe (poorten onder 1024 zijn voor de beheerder)
serve-port-denied-hint = kies een poort boven 1023 met `--port 1111`
serve-address-unavailable = het adres { $ip } hoort niet bij deze computer
serve-address-unavailable-hint = laat `--bind` weg: dan is de voorvertoning alleen op deze computer te zien (127.0.0.1)
serve-public-bind = de voorvertoning staat op { $address }: andere computers in het netwerk kunnen haar zien
serve-no-ctrl-c = Ctrl-C kan niet opgevangen worden ({ $detail }); stop de server door de terminal te sluiten
serve-building = De site wordt gebouwd uit `{ $root }`…
serve-watching = wijzigingen in content/ en themes/ worden gevolgd
serve-not-watching = wijzigingen in bestanden worden niet gevolgd
serve-cannot-watch = de bestanden kunnen niet gevolgd worden ({ $detail }); pagina's laden niet vanzelf opnieuw: herlaad ze zelf na een wijziging
serve-watch-limit = het systeem volgt niet meer bestanden (de grens van inotify is bereikt)
serve-cannot-start = de server kan niet starten ({ $detail })
serve-serving = De site staat op { $url } ({ $watching }; stop met Ctrl-C).
serve-stopped = Gestopt.
serve-stopped-answering = de server antwoordt niet meer ({ $detail }); stop met Ctrl-C en start `kennisbank serve` opnieuw
serve-index-failed = de zoekindex kan niet gemaakt worden ({ $detail }); zoeken vindt de laatste wijzigingen nog niet
serve-watch-failed = het volgen van de bestanden ging mis ({ $detail }); pagina's laden misschien niet meer vanzelf opnieuw
serve-watch-again-failed = de map opnieuw volgen ging mis ({ $detail }); start `kennisbank serve` opnieuw om wijzigingen weer te zien
serve-no-browser = er kan geen browser geopend worden ({ $program }: { $detail }); open { $url } zelf
serve-what-whole = de hele site
serve-what-left = de rest van de vorige wijziging
serve-what-changed = na een wijziging in { $files }{ $more ->
        [0] {""}
       *[other] {" "}en { $more } andere
    }
serve-first-served = ; de bewerkte pagina stond klaar na { $ms } ms
serve-built = [{ $clock }] { $kind ->
        [full] Gebouwd
       *[partial] Opnieuw gebouwd
    }: { $files ->
        [one] 1 bestand
       *[other] { $files } bestanden
    }, { $what }, in { $ms } ms{ $first }{ $deferred ->
        [yes] {" "}(de andere pagina's volgen bij de volgende wijziging)
       *[no] {""}
    }.
serve-has-errors = [{ $clock }] De site heeft fouten ({ $what }): de laatste versie zonder fouten blijft te zien, en de pagina toont wat er mis is.

## De uitleg in een nieuw bestand van `kennisbank new`

new-comment-title = De titel: de kop van de pagina en de naam in elke lijst (verplicht).
new-comment-added =
    De datum waarop de praktijk is toegevoegd, als JJJJ-MM-DD (verplicht). Praktijken die binnen
    `new_days` dagen (content/site.yaml) zijn toegevoegd of bijgewerkt, krijgen het label "Nieuw".
new-comment-updated = De datum van de laatste inhoudelijke wijziging, als JJJJ-MM-DD; laat weg zolang die er niet is.
new-comment-order = De plaats binnen de categorie: lager komt eerst; praktijken zonder plaats komen achteraan.
new-comment-summary = Eén of twee zinnen voor de lijsten en zoekresultaten; zonder dit veld wordt de eerste zin van de tekst gebruikt.
new-comment-tags = Onderwerpen: elk heeft een pagina met zijn praktijken. Schrijf ze zoals de andere praktijken ze schrijven.
new-comment-links = Webpagina's om meer te lezen, elk met een label dat zegt waar de link heen gaat.
new-comment-related = Praktijken die onder "Zie ook" staan: hun bestandsnamen zonder `.md`.
new-comment-contact = Bij wie u meer kunt vragen; elke regel is niet verplicht.

file-not-found = het bestand bestaat niet

## Sjablonen: HTML, blokken en variabelen

template-block-unclosed-before = `{"{"}% { $opened } %{"}"}` wordt niet gesloten: op regel { $line } staat `{"{"}% { $word } %{"}"}`
template-block-unclosed-before-hint = zet `{"{"}% { $end } %{"}"}` vóór regel { $line }, of verwijder de `{"{"}% { $word } %{"}"}` daar
template-block-not-opened = `{"{"}% { $word } %{"}"}` sluit een blok dat niet geopend is
template-block-not-opened-hint = verwijder deze `{"{"}% { $word } %{"}"}`, of zet het blok dat hij sluit ervoor
template-else-outside-if = `{"{"}% { $word } %{"}"}` staat niet binnen een `{"{"}% if %{"}"}`
template-else-outside-if-hint = zet het tussen `{"{"}% if … %{"}"}` en `{"{"}% endif %{"}"}`, of verwijder het
template-block-never-closed = `{"{"}% { $word } %{"}"}` wordt nergens gesloten
template-block-never-closed-hint = zet `{"{"}% { $end } %{"}"}` waar het blok moet eindigen
template-html-unclosed-before = `<{ $open }>` van regel { $line } is niet gesloten voordat `</{ $close }>` komt
template-html-unclosed-before-hint = zet `</{ $open }>` vóór `</{ $close }>`: elementen sluiten in omgekeerde volgorde van openen
template-html-closes-nothing = `</{ $name }>` sluit niets: er is hier geen open `<{ $name }>`
template-html-closes-nothing-hint = verwijder `</{ $name }>`, of zet de `<{ $name }>` die hij sluit ervoor
template-html-never-closed = `<{ $name }>` wordt nergens gesloten
template-html-never-closed-hint = zet `</{ $name }>` waar het element moet eindigen
template-html-unclosed-in-branch = `<{ $name }>` wordt in dit deel van de `{"{"}% if %{"}"}` niet gesloten
template-html-unclosed-in-branch-hint = zet `</{ $name }>` vóór de volgende `{"{"}% elif %{"}"}`, `{"{"}% else %{"}"}` of `{"{"}% endif %{"}"}`
template-variable-unknown = de variabele `{ $name }` bestaat niet in deze template
template-variable-unknown-did-you-mean = de variabele `{ $name }` bestaat niet in deze template; bedoelde u `{ $suggestion }`?
template-variable-unknown-item-field = de variabele `{ $name }` bestaat niet in deze template; bedoelde u `{ $field }`? Dat is een veld van elk item van `{ $list }`: schrijf `x.{ $field }` binnen `{"{"}% for x in { $list } %{"}"}`
template-variables-are = deze template krijgt de variabelen { $list }
template-field-unknown = `{ $var }.{ $field }`: `{ $over }` heeft geen veld `{ $field }`
template-field-unknown-did-you-mean = `{ $var }.{ $field }`: `{ $over }` heeft geen veld `{ $field }`; bedoelde u `{ $suggestion }`?
template-fields-are = de velden van `{ $over }` zijn { $list }
template-page-variable-unknown = de variabele `{ $variable }` bestaat niet voor deze pagina
template-page-variable-unknown-did-you-mean = de variabele `{ $variable }` bestaat niet voor deze pagina; bedoelde u `{ $suggestion }`?
template-object-fields-are = `{ $object }` heeft de velden { $list }
template-file-unknown = `{ $variable }` bestaat niet: er is geen bestand `{ $file }`
template-file-unknown-did-you-mean = `{ $variable }` bestaat niet: er is geen bestand `{ $file }`; bedoelde u `{ $suggestion }`?
template-files-are = `{ $map }` kent de bestanden { $list }; een bestand van het thema hoort in `{ $folder }`
static-too-large = dit bestand van het thema is groter dan { $mb } MB ({ $bytes } bytes)
static-too-large-hint = maak het kleiner (een afbeelding of lettertype comprimeren), of haal het uit de map static/ als het daar per ongeluk staat

# kennisbank herverdeling: what stops the command (exit 2)
herverdeling-stdout = standaarduitvoer
herverdeling-stdin = standaardinvoer
herverdeling-cannot-read = { $name }: kan niet gelezen worden ({ $detail })
herverdeling-not-a-file = { $name }: dit is geen gewoon bestand (maar een map, een pijp of een apparaat); geef het pad van een scenariobestand (.yaml of .json), of - om het scenario via standaardinvoer te lezen
herverdeling-too-large = { $name }: groter dan { $mb } MB; een scenario is een klein tekstbestand (is dit het goede bestand?)
herverdeling-not-utf8 = { $name }: geen UTF-8-tekst (ongeldige byte op positie { $offset }); sla het bestand op als UTF-8
herverdeling-cannot-write = { $name }: kan niet geschreven worden ({ $detail })
herverdeling-template-refused = het sjabloon is niet goed, dus is er geen document geschreven: { $first } ({ $count ->
    [one] 1 probleem; `kennisbank check` noemt het met de oplossing
   *[other] { $count } problemen; `kennisbank check` noemt ze met de oplossing
})
herverdeling-no-link = geen link: { $detail }

# kennisbank herverdeling: --out, the refusals of a scenario with errors, and the system's errors in words
herverdeling-no-document = Geen document: het scenario bevat { $count ->
    [one] 1 fout
   *[other] { $count } fouten
}.
herverdeling-no-letter = Geen brief: het scenario bevat { $count ->
    [one] 1 fout
   *[other] { $count } fouten
}.
herverdeling-one-output = geef hoogstens één van `--json`, `--brief`, `--link` en `--document`
herverdeling-unknown-document = onbekend document `{ $name }`; kies coa, provincie, ministerie, besluit of bekendmaking
herverdeling-written = { $document } geschreven naar `{ $path }`
herverdeling-out-extension = `{ $path }`: een document in het formaat { $format } krijgt de extensie { $expected }; geef bijvoorbeeld `--out { $suggestion }`
herverdeling-out-extension-format = `{ $path }`: een document in het formaat { $format } krijgt de extensie { $expected }; bedoelde u `--format { $other }`?
herverdeling-out-exists = `{ $path }` bestaat al en wordt niet overschreven (misschien is het na het schrijven bewerkt); kies een andere naam, zoals `--out { $suggestion }`, of verplaats of verwijder het bestaande bestand eerst
herverdeling-out-is-folder = `{ $path }` is een map; geef de naam van het document, zoals `--out { $suggestion }`
herverdeling-out-no-folder = de map `{ $folder }` bestaat niet; maak haar eerst of kies met `--out` een bestaande map
herverdeling-out-protected = `{ $path }` ligt in de map `{ $folder }/` van het project (het is `{ $real }`); daar schrijft herverdeling geen documenten: kies een map buiten `content/` en `themes/`
herverdeling-out-build-output = `{ $path }` ligt in `{ $folder }`, de uitvoermap van `kennisbank build`: wat daar staat, wordt met de site gepubliceerd; kies een map daarbuiten
herverdeling-out-terminal = een document in het formaat { $format } is geen tekst voor het scherm; schrijf het naar een bestand met `--out { $suggestion }`, of stuur de uitvoer door met `>` of `|`
# Systeemfouten in woorden (messages::io_detail), voor elk bestand dat niet gelezen of geschreven kan worden.
io-not-found = het bestand of de map bestaat niet
io-permission-denied = geen toestemming; controleer de rechten van het bestand en de map
io-exists = het bestand bestaat al
io-is-folder = dit is een map, geen bestand
io-not-folder = een deel van het pad is geen map
io-disk-full = de schijf is vol
io-quota = de schijfruimte die u mag gebruiken is op
io-read-only = de schijf is alleen te lezen
io-broken-pipe = het programma dat de uitvoer las, is gestopt
io-invalid-name = de naam is niet toegestaan op deze schijf
io-too-large = het bestand is te groot voor deze schijf
io-other = fout van het systeem: { $detail }

# De uitvoermap van `kennisbank build` (generator/src/output/): weigeringen, waarna niets is geschreven.
output-cannot-open-project = de projectmap `{ $path }` kan niet geopend worden ({ $detail })
output-cannot-resolve = de uitvoermap `{ $path }` kan niet gevonden worden ({ $detail })
output-contains-project = de uitvoermap `{ $out }` bevat het project zelf; kies een map zoals `public`
output-inside-protected = de uitvoermap `{ $out }` ligt in `{ $folder }/` (het is `{ $real }`); kies een map zoals `public`
output-contains-protected = de uitvoermap `{ $out }` bevat `{ $folder }/` (het is `{ $real }`); kies een map zoals `public`
output-root-folder = de uitvoermap `{ $out }` is een hoofdmap; kies een map zoals `public`
output-state-not-ours = `{ $path }` (naast de uitvoermap) is geen map die kennisbank heeft gemaakt; zet het ergens anders neer of kies een andere uitvoermap
output-mount-point = de uitvoermap `{ $out }` is een koppelpunt (een apart gekoppelde schijf of map, zoals een Docker-volume); kennisbank vervangt de uitvoermap in één stap als geheel, en dat kan daar niet. Bouw in een map daarbinnen, zoals `--out { $inside }`
output-not-a-folder = `{ $path }` bestaat en is geen map; kies met `--out` een andere uitvoermap
output-foreign-files = de uitvoermap `{ $out }` (`{ $real }`) bevat bestanden die kennisbank niet heeft geschreven, dus blijft die map onaangeroerd; kies met `--out` een nieuwe of lege map, of zet die bestanden zelf ergens anders neer
output-cannot-read = `{ $path }` kan niet gelezen worden ({ $detail })
output-cannot-make = `{ $path }` kan niet gemaakt worden ({ $detail })
output-cannot-lock = `{ $path }` kan niet vergrendeld worden ({ $detail })
output-locked = er schrijft nu een andere build in `{ $out }`; wacht tot die klaar is
output-cannot-restore = `{ $path }` kan niet hersteld worden na een onderbroken build ({ $detail })
output-cannot-remove = `{ $path }` kan niet verwijderd worden ({ $detail })
output-spare-foreign = `{ $path }` (de reservekopie van een vorige bouw, die kennisbank naast de uitvoermap bijhoudt) heeft geen markering van kennisbank, dus blijft die map onaangeroerd; hebt u daar zelf niets neergezet (meestal liet een afgebroken bouw haar zo achter), verwijder de map dan: de volgende bouw maakt haar opnieuw
output-unknown-kept = `{ $state }` hield geen lijst van wat kennisbank in `{ $out }` schreef, dus { $count ->
    [one] is het bestand of de map
   *[other] zijn alle { $count } bestanden en mappen
} die deze build niet maakt behouden, ook als het pagina's zijn van praktijken die er niet meer zijn; verwijder uit `{ $out }` wat u niet nodig hebt, dan blijft het weg
output-previous-kept = de vorige inhoud van de uitvoermap is bewaard in `{ $path }`, omdat kennisbank niet kon nagaan wat het daarvan zelf had geschreven (de lijst ervan in `{ $state }` ontbrak); verwijder die map als u er niets uit nodig hebt
