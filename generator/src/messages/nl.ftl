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
report-left-out = … en nog { $n } probleem/problemen in { $path }, niet getoond (`--format json` toont ze allemaal)
report-left-out-file = nog { $n } probleem/problemen in dit bestand worden niet getoond; voer `kennisbank check` uit om ze allemaal te zien

## Opslaan in het CMS

cms-save-refused = Niet opgeslagen: { $path } bevat fouten. Er is niets gewijzigd.
cms-save-refused-line = regel { $line }

## De controle van links

link-on-pages = { $message } (op { $pages } pagina's)

## YAML en velden

yaml-too-deep = de YAML is hier meer dan { $max } niveaus diep genest
yaml-too-deep-hint = lijsten en blokken in de bestanden van de kennisbank zijn een paar niveaus diep: kijk of er een geplakte reeks `[`, `{"{"}` of `- ` staat, of zet tekst met zulke tekens tussen aanhalingstekens
yaml-invalid = ongeldige YAML ({ $detail })
yaml-invalid-in-block = ongeldige YAML ({ $detail }; in het blok { $what } dat begint op regel { $line })
yaml-invalid-starts-here = ongeldige YAML ({ $detail }; { $what } dat hier begint)
yaml-invalid-hint = controleer het inspringen, en zet tekst met `: ` of tekst die begint met een bijzonder teken (zoals `[`, `{"{"}`, `*`, `&`, `#`, `'` of `"`) tussen aanhalingstekens
yaml-not-fields = hier worden regels `veld: waarde` verwacht
yaml-not-fields-hint = schrijf één veld per regel, zoals `title: Mijn titel`
field-unknown = onbekend veld `{ $name }` in { $what }
field-unknown-did-you-mean = bedoelde u `{ $field }`? De velden van { $what } zijn: { $fields }
field-unknown-remove = verwijder het, of gebruik een van de velden van { $what }: { $fields }
field-missing = het verplichte veld `{ $key }` ontbreekt in { $what }
field-missing-hint = voeg een regel `{ $key }: …` toe
field-invalid-value = het veld `{ $key }` heeft een ongeldige waarde (technisch: { $detail })
field-must-be = `{ $key }` moet { $expected } zijn

## Een praktijk

what-practice = een praktijk
practice-id-invalid = de bestandsnaam `{ $id }` is geen geldige naam voor een praktijk
practice-id-invalid-hint = geef het bestand de naam `{ $suggestion }.md`: kleine letters, cijfers en enkele streepjes
front-matter-missing = het bestand begint niet met een regel `---`
front-matter-missing-hint = begin het bestand met een blok velden:
    ---
    title: Korte titel
    added: 2026-01-31
    ---
    De tekst van de praktijk.
front-matter-unclosed = het blok velden bovenaan heeft geen afsluitende regel `---`
front-matter-unclosed-hint = zet een regel met alleen `---` na het laatste veld, vóór de tekst
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
expect-site-contact = een blok met `email` en/of `url`, zoals `contact: {"{"} email: info@voorbeeld.nl }`
expect-cms-block = een blok zoals `cms: {"{"} backend: github, repo: organisatie/kennisbank, branch: main }`
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
related-self-hint = verwijder het
did-you-mean = bedoelde u `{ $name }`?
related-unknown = `related` noemt `{ $id }`, maar er is geen praktijk met die naam
related-unknown-hint = gebruik de bestandsnaam (zonder `.md`) van een bestaande praktijk
tag-no-letters = de tag `{ $tag }` heeft geen letters of cijfers
tag-no-letters-hint = gebruik een woord als tag
tag-spelling = de tag `{ $tag }` wordt in { $path } als `{ $other }` geschreven
tag-spelling-hint = kies één schrijfwijze, zodat de tagpagina één naam toont
