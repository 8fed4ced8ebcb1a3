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
