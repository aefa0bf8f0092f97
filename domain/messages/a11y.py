"""Texts of accessibility (WCAG 2.1 AA) and data downloads. Keys start with "a11y."."""

MESSAGES = {
    # --- heatmap tables ------------------------------------------------------------------------
    "a11y.cell.started": {"fi": "Aloitettu (käynnissä tai valmis): {pct}",
                          "sv": "Påbörjade (pågår eller klara): {pct}",
                          "en": "Started (in progress or done): {pct}"},
    "a11y.cell.band": {"fi": "Väriluokka {band}: {legend}", "sv": "Färgklass {band}: {legend}",
                       "en": "Colour band {band}: {legend}"},
    "a11y.cell.band_short": {"fi": "luokka {band}", "sv": "klass {band}", "en": "band {band}"},
    "a11y.cell.delta": {"fi": ", muutos {delta} %-yks.", "sv": ", förändring {delta} procentenheter",
                        "en": ", change {delta} pp"},
    "a11y.cell.none": {"fi": "ei osa-aluetta", "sv": "inget delområde", "en": "no sub-area"},
    "a11y.legend": {"fi": "Värien selitys", "sv": "Färgförklaring", "en": "Colour key"},
    "a11y.legend.active_colour": {
        "fi": "Käynnissä-sarakkeen luku on käynnissä olevien tehtävien osuus, mutta sen väri "
              "kertoo aloitettujen tehtävien (käynnissä tai valmis) osuuden, jotta lähes valmis "
              "alue ei näytä hälyttävältä. Valmis-sarakkeen väri kertoo valmiiden osuuden.",
        "sv": "Talet i kolumnen Pågår är andelen uppgifter som pågår, men färgen anger andelen "
              "påbörjade uppgifter (pågår eller klara), så att ett nästan färdigt område inte ser "
              "alarmerande ut. Färgen i kolumnen Klar anger andelen klara uppgifter.",
        "en": "The number in the In progress column is the share of tasks in progress, but its "
              "colour shows the share of tasks started (in progress or done), so that a nearly "
              "finished region never looks alarming. The Done column's colour shows the share "
              "done."},
    "a11y.overview.cell_hint": {
        "fi": "Alueen nimi avaa alueen sivun. Solun tiedot (tehtävien määrät, väriluokka, muutos) "
              "avautuvat solua napsauttamalla tai Enter-näppäimellä.",
        "sv": "Områdets namn öppnar områdets sida. Cellens uppgifter (antal uppgifter, färgklass, "
              "förändring) öppnas med ett klick eller Enter-tangenten.",
        "en": "A region's name opens its page. A cell's details (task counts, colour band, "
              "change) open with a click or the Enter key."},
    # --- page titles and header ----------------------------------------------------------------
    "a11y.site": {"fi": "Tilannekuva", "sv": "Lägesbild", "en": "Status picture"},
    "a11y.title": {"fi": "{page} – Tilannekuva", "sv": "{page} – Lägesbild",
                   "en": "{page} – Status picture"},
    "a11y.title.with_period": {"fi": "{page} {period} – Tilannekuva",
                               "sv": "{page} {period} – Lägesbild",
                               "en": "{page} {period} – Status picture"},
    "a11y.header.transferred": {
        "fi": "Järjestämisvastuu siirtyi hyvinvointialueille {date}",
        "sv": "Organiseringsansvaret övergick till välfärdsområdena {date}",
        "en": "Responsibility for services moved to the wellbeing services counties on {date}"},
    "a11y.slide.subtitle_after": {"fi": "Tilannekuva {period} · raportoitu {date} · {moved}",
                                  "sv": "Lägesbild {period} · rapporterad {date} · {moved}",
                                  "en": "Status {period} · reported {date} · {moved}"},
    "a11y.slide.active_colour": {
        "fi": "Käynnissä-solun väri: aloitettujen (käynnissä tai valmis) osuus",
        "sv": "Färgen i Pågår: andelen påbörjade (pågår eller klara)",
        "en": "In progress cells coloured by the share started (in progress or done)"},
    "a11y.lang_switch": {"fi": "Kieli – Språk – Language", "sv": "Språk – Kieli – Language",
                         "en": "Language – Kieli – Språk"},
    "a11y.main_nav": {"fi": "Päävalikko", "sv": "Huvudmeny", "en": "Main menu"},
    "a11y.skip": {"fi": "Siirry sisältöön", "sv": "Gå till innehållet", "en": "Skip to content"},
    # --- charts ----------------------------------------------------------------------------------
    "a11y.chart.show_table": {"fi": "Näytä taulukkona", "sv": "Visa som tabell",
                              "en": "Show as table"},
    "a11y.chart.period": {"fi": "Tilannekuva", "sv": "Lägesbild", "en": "Snapshot"},
    "a11y.chart.region_trend": {
        "fi": "Kaavio: {region}, {measure} ({workstream}) tilannekuvittain {first}–{last}, "
              "koko maan mediaani ja alueiden vaihteluväli. Viimeisin arvo {value}, "
              "mediaani {median}.",
        "sv": "Diagram: {region}, {measure} ({workstream}) per lägesbild {first}–{last}, "
              "medianen i hela landet och områdenas spridning. Senaste värde {value}, "
              "median {median}.",
        "en": "Chart: {region}, {measure} ({workstream}) per snapshot {first}–{last}, with the "
              "national median and the regions' spread. Latest value {value}, median {median}."},
    "a11y.chart.trend_lines": {
        "fi": "Kaavio: jokaisen alueen {measure} ({workstream}) tilannekuvittain {first}–{last} "
              "viivoina, koko maan mediaani ja vaihteluväli. Viimeisin mediaani {median}.",
        "sv": "Diagram: varje områdes {measure} ({workstream}) per lägesbild {first}–{last} som "
              "linjer, medianen i hela landet och spridningen. Senaste median {median}.",
        "en": "Chart: every region's {measure} ({workstream}) per snapshot {first}–{last} as "
              "lines, with the national median and spread. Latest median {median}."},
    "a11y.chart.band_counts": {
        "fi": "Kaavio: alueiden määrä kussakin väriluokassa tilannekuvittain {first}–{last} "
              "(pinotut pylväät).",
        "sv": "Diagram: antal områden i varje färgklass per lägesbild {first}–{last} "
              "(staplade stapler).",
        "en": "Chart: number of regions in each colour band per snapshot {first}–{last} "
              "(stacked bars)."},
    "a11y.chart.empty": {"fi": "ei tietoja", "sv": "inga uppgifter", "en": "no data"},
    # --- data downloads --------------------------------------------------------------------------
    "a11y.download.xlsx": {"fi": "Lataa tiedot (Excel)", "sv": "Ladda ner data (Excel)",
                           "en": "Download data (Excel)"},
    "a11y.download.csv": {"fi": "Lataa tiedot (CSV)", "sv": "Ladda ner data (CSV)",
                          "en": "Download data (CSV)"},
    "a11y.download.group": {"fi": "Tietojen lataus", "sv": "Ladda ner data",
                            "en": "Data download"},
    "a11y.download.source": {
        "fi": "Lähde: alueiden tilannekuvaraportit · Tilannekuva {period} (raportoitu {date})",
        "sv": "Källa: områdenas lägesrapporter · Lägesbild {period} (rapporterad {date})",
        "en": "Source: the regions' status reports · Snapshot {period} (reported {date})"},
    "a11y.download.source_trend": {
        "fi": "Lähde: alueiden tilannekuvaraportit · Tilannekuvat {first}–{last}",
        "sv": "Källa: områdenas lägesrapporter · Lägesbilder {first}–{last}",
        "en": "Source: the regions' status reports · Snapshots {first}–{last}"},
    "a11y.download.synthetic": {"fi": " · SYNTEETTINEN ESIMERKKIAINEISTO",
                                "sv": " · SYNTETISKA EXEMPELDATA",
                                "en": " · SYNTHETIC DEMO DATA"},
    "a11y.download.change": {"fi": "Muutos (%-yks.)", "sv": "Förändring (procentenheter)",
                             "en": "Change (pp)"},
    "a11y.download.value": {"fi": "%", "sv": "%", "en": "%"},
    "a11y.download.bad": {"fi": "Tuntematon näkymä tai tilannekuva: {value}",
                          "sv": "Okänd vy eller lägesbild: {value}",
                          "en": "Unknown view or snapshot: {value}"},
    "a11y.download.median": {"fi": "Mediaani", "sv": "Median", "en": "Median"},
    "a11y.download.q1": {"fi": "25. persentiili", "sv": "25:e percentilen",
                         "en": "25th percentile"},
    "a11y.download.q3": {"fi": "75. persentiili", "sv": "75:e percentilen",
                         "en": "75th percentile"},
    # --- AG Grid's screen-reader texts (task table) --------------------------------------------
    "a11y.grid.ariaChecked": {"fi": "valittu", "sv": "markerad", "en": "checked"},
    "a11y.grid.ariaUnchecked": {"fi": "ei valittu", "sv": "inte markerad", "en": "unchecked"},
    "a11y.grid.ariaIndeterminate": {"fi": "osittain valittu", "sv": "delvis markerad", "en": "indeterminate"},
    "a11y.grid.ariaColumnFiltered": {"fi": "Sarake suodatettu", "sv": "Kolumnen filtrerad", "en": "Column filtered"},
    "a11y.grid.ariaDateFilterInput": {"fi": "Päivämääräsuodatin", "sv": "Datumfilter", "en": "Date filter input"},
    "a11y.grid.ariaFilterColumn": {"fi": "Avaa suodatin painamalla Ctrl+Enter", "sv": "Tryck Ctrl+Enter för att öppna filtret", "en": "Press Ctrl+Enter to open the filter"},
    "a11y.grid.ariaFilterFromValue": {"fi": "Suodata alkaen arvosta", "sv": "Filtrera från värde", "en": "Filter from value"},
    "a11y.grid.ariaFilterToValue": {"fi": "Suodata arvoon asti", "sv": "Filtrera till värde", "en": "Filter to value"},
    "a11y.grid.ariaFilterInput": {"fi": "Suodattimen hakuteksti", "sv": "Filtertext", "en": "Filter input"},
    "a11y.grid.ariaFilterValue": {"fi": "Suodattimen arvo", "sv": "Filtervärde", "en": "Filter value"},
    "a11y.grid.ariaFilterMenuOpen": {"fi": "Avaa suodatinvalikko", "sv": "Öppna filtermenyn", "en": "Open filter menu"},
    "a11y.grid.ariaFilteringOperator": {"fi": "Suodatuksen ehto", "sv": "Filtreringsvillkor", "en": "Filtering operator"},
    "a11y.grid.ariaLabelColumnFilter": {"fi": "Sarakkeen suodatin", "sv": "Kolumnfilter", "en": "Column filter"},
    "a11y.grid.ariaLabelColumnMenu": {"fi": "Sarakkeen valikko", "sv": "Kolumnmeny", "en": "Column menu"},
    "a11y.grid.ariaLabelTooltip": {"fi": "Vihje", "sv": "Tips", "en": "Tooltip"},
    "a11y.grid.ariaMenuColumn": {"fi": "Avaa sarakkeen valikko painamalla Alt+alanuoli", "sv": "Tryck Alt+nedåtpil för att öppna kolumnmenyn", "en": "Press Alt+Down to open the column menu"},
    "a11y.grid.ariaPageSizeSelectorLabel": {"fi": "Rivejä sivulla", "sv": "Rader per sida", "en": "Rows per page"},
    "a11y.grid.ariaSortableColumn": {"fi": "Lajittele painamalla Enter", "sv": "Tryck Enter för att sortera", "en": "Press Enter to sort"},
    "a11y.grid.ariaColumnGroupExpansion": {"fi": "Laajenna tai supista sarakeryhmä painamalla Enter", "sv": "Tryck Enter för att fälla ut eller dölja kolumngruppen", "en": "Press Enter to expand or collapse this column group"},
    "a11y.grid.ariaRowSelectAll": {"fi": "Valitse kaikki rivit välilyönnillä", "sv": "Tryck mellanslag för att markera alla rader", "en": "Press Space to toggle all rows selection"},
    "a11y.grid.ariaSkeletonCellLoading": {"fi": "Rivin tietoja ladataan", "sv": "Radens data laddas", "en": "Row data is loading"},
}
