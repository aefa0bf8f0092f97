"""Texts of the roadmap workbook loader and the national summary table loader (problems found
in files, import reports, and the texts written into the generated workbooks)."""

MESSAGES = {
    # --- roadmap workbook: problems ---------------------------------------------------------
    "roadmap.not_xlsx": {
        "fi": "tiedostoa ei voi lukea Excel-työkirjana (xlsx): {detail}",
        "sv": "filen kan inte läsas som en Excel-arbetsbok (xlsx): {detail}",
        "en": "the file cannot be read as an Excel workbook (xlsx): {detail}"},
    "roadmap.missing_sheet": {
        "fi": "välilehti puuttuu; tarvitaan välilehti '{sheet_name}'",
        "sv": "bladet saknas; bladet '{sheet_name}' behövs",
        "en": "sheet missing; a sheet '{sheet_name}' is needed"},
    "roadmap.missing_header": {
        "fi": "otsikkoriviä ei löydy; tarvitaan sarakkeet {allowed}",
        "sv": "rubrikraden hittas inte; kolumnerna {allowed} behövs",
        "en": "no header row found; columns {allowed} are needed"},
    "roadmap.missing_column": {
        "fi": "sarake puuttuu otsikkoriviltä; tarvitaan sarake '{needed}'",
        "sv": "kolumnen saknas på rubrikraden; kolumnen '{needed}' behövs",
        "en": "column missing from the header row; a column '{needed}' is needed"},
    "roadmap.missing_value": {
        "fi": "arvo puuttuu; solu on pakollinen",
        "sv": "värdet saknas; cellen är obligatorisk",
        "en": "value missing; the cell is required"},
    "roadmap.duplicate": {
        "fi": "tunnus {value} on jo rivillä {first_row}; tunnuksen pitää olla yksilöllinen",
        "sv": "koden {value} finns redan på rad {first_row}; koden måste vara unik",
        "en": "id {value} is already on row {first_row}; ids must be unique"},
    "roadmap.unknown_workstream": {
        "fi": "tuntematon valmisteluryhmä {value}; sallitut: {allowed}",
        "sv": "okänd beredningsgrupp {value}; tillåtna: {allowed}",
        "en": "unknown workstream {value}; allowed: {allowed}"},
    "roadmap.unknown_sub_area": {
        "fi": "valmisteluryhmällä '{workstream}' ei ole osa-aluetta {value}; sallitut: {allowed}",
        "sv": "beredningsgruppen '{workstream}' har inget delområde {value}; tillåtna: {allowed}",
        "en": "workstream '{workstream}' has no sub-area {value}; allowed: {allowed}"},
    "roadmap.bad_letter": {
        "fi": "osa-alueen kirjain {value} ei kelpaa; sallitut: yksi kirjain A–H",
        "sv": "delområdets bokstav {value} duger inte; tillåtet: en bokstav A–H",
        "en": "sub-area letter {value} is not valid; allowed: one letter A–H"},
    "roadmap.bad_due": {
        "fi": "määräaika {value} ei kelpaa; sallitut: vuosineljännes kuten Q4/2021 tai päivämäärä kuten 31.3.2022",
        "sv": "tidsfristen {value} duger inte; tillåtet: kvartal som Q4/2021 eller datum som 31.3.2022",
        "en": "due {value} is not valid; allowed: a quarter like Q4/2021 or a date like 31.3.2022"},
    "roadmap.bad_date": {
        "fi": "päivämäärä {value} ei kelpaa; sallittu muoto 1.1.2023",
        "sv": "datumet {value} duger inte; tillåten form 1.1.2023",
        "en": "date {value} is not valid; allowed form 1.1.2023"},
    "roadmap.bad_position": {
        "fi": "järjestysnumero {value} ei kelpaa; sallittu: positiivinen kokonaisluku",
        "sv": "ordningsnumret {value} duger inte; tillåtet: ett positivt heltal",
        "en": "order number {value} is not valid; allowed: a positive whole number"},
    "roadmap.bad_yes_no": {
        "fi": "arvo {value} ei kelpaa; sallitut: Kyllä, Ei (tai tyhjä)",
        "sv": "värdet {value} duger inte; tillåtna: Ja, Nej (eller tomt)",
        "en": "value {value} is not valid; allowed: Yes, No (or empty)"},
    "roadmap.bad_code": {
        "fi": "tunnus {value} ei kelpaa; sallitut: kirjaimet, numerot ja väliviivat, enintään {max} merkkiä",
        "sv": "koden {value} duger inte; tillåtet: bokstäver, siffror och bindestreck, högst {max} tecken",
        "en": "id {value} is not valid; allowed: letters, digits and hyphens, at most {max} characters"},
    "roadmap.too_long": {
        "fi": "teksti on liian pitkä ({length} merkkiä); enintään {max} merkkiä",
        "sv": "texten är för lång ({length} tecken); högst {max} tecken",
        "en": "text is too long ({length} characters); at most {max} characters"},
    "roadmap.no_rows": {
        "fi": "välilehdellä ei ole yhtään riviä; tarvitaan vähintään yksi",
        "sv": "bladet har inga rader; minst en behövs",
        "en": "the sheet has no rows; at least one is needed"},
    "roadmap.still_used.task": {
        "fi": "tehtävä {value} puuttuu työkirjasta, mutta alueet ovat jo raportoineet sen tilan; tehtävää ei voi poistaa",
        "sv": "uppgiften {value} saknas i arbetsboken men områdena har redan rapporterat dess status; uppgiften kan inte tas bort",
        "en": "task {value} is missing from the workbook but regions have already reported its status; it cannot be removed"},
    "roadmap.still_used.sub_area": {
        "fi": "osa-alue {value} puuttuu työkirjasta, mutta siihen liittyy tehtäviä tai lukuja; sitä ei voi poistaa",
        "sv": "delområdet {value} saknas i arbetsboken men uppgifter eller siffror hänger ihop med det; det kan inte tas bort",
        "en": "sub-area {value} is missing from the workbook but tasks or figures refer to it; it cannot be removed"},
    "roadmap.still_used.workstream": {
        "fi": "valmisteluryhmä {value} puuttuu työkirjasta, mutta siihen liittyy osa-alueita, tehtäviä tai lukuja; sitä ei voi poistaa",
        "sv": "beredningsgruppen {value} saknas i arbetsboken men delområden, uppgifter eller siffror hänger ihop med den; den kan inte tas bort",
        "en": "workstream {value} is missing from the workbook but sub-areas, tasks or figures refer to it; it cannot be removed"},
    "roadmap.still_used.region": {
        "fi": "alue {value} puuttuu työkirjasta, mutta sillä on tallennettuja raportteja; sitä ei voi poistaa",
        "sv": "området {value} saknas i arbetsboken men har sparade rapporter; det kan inte tas bort",
        "en": "region {value} is missing from the workbook but has stored reports; it cannot be removed"},
    # --- roadmap workbook: report and written texts ----------------------------------------
    "roadmap.imported": {
        "fi": "Tiekartta tuotu: {workstreams} valmisteluryhmää, {sub_areas} osa-aluetta, {regions} aluetta, {tasks} tehtävää ({new} uutta, {updated} päivitettyä, {removed} poistettua).",
        "sv": "Färdplanen importerad: {workstreams} beredningsgrupper, {sub_areas} delområden, {regions} områden, {tasks} uppgifter ({new} nya, {updated} uppdaterade, {removed} borttagna).",
        "en": "Roadmap imported: {workstreams} workstreams, {sub_areas} sub-areas, {regions} regions, {tasks} tasks ({new} new, {updated} updated, {removed} removed)."},
    "roadmap.imported_synthetic": {
        "fi": "Huom.: tehtäväluettelo on synteettinen esimerkkiaineisto.",
        "sv": "Obs.: uppgiftslistan är syntetiska exempeldata.",
        "en": "Note: the task list is synthetic demo data."},
    "roadmap.synthetic_note": {
        "fi": "SYNTEETTINEN TEHTÄVÄLUETTELO: tehtävät ovat keksittyjä esimerkkejä, koska varsinainen tehtäväluettelo ei ole julkinen. Tehtävien määrät vastaavat julkisia lukuja (Q4/2021 mennessä 69, 30, 17, 20, 55; Yhdyspinnat osa-alueittain 5, 1, 7, 2, 5). Rakenne (valmisteluryhmät, osa-alueet, alueet) on todellinen.",
        "sv": "SYNTETISK UPPGIFTSLISTA: uppgifterna är påhittade exempel, eftersom den egentliga uppgiftslistan inte är offentlig. Antalen motsvarar de offentliga siffrorna (till Q4/2021 69, 30, 17, 20, 55; Gränsytor per delområde 5, 1, 7, 2, 5). Strukturen (beredningsgrupper, delområden, områden) är verklig.",
        "en": "SYNTHETIC TASK LIST: the tasks are made-up examples, because the real task list is not public. The counts match the public figures (due by Q4/2021: 69, 30, 17, 20, 55; Yhdyspinnat by sub-area 5, 1, 7, 2, 5). The structure (workstreams, sub-areas, regions) is real."},
    # --- summary tables: problems -----------------------------------------------------------
    "tables.not_xlsx": {
        "fi": "tiedostoa ei voi lukea Excel-työkirjana (xlsx): {detail}",
        "sv": "filen kan inte läsas som en Excel-arbetsbok (xlsx): {detail}",
        "en": "the file cannot be read as an Excel workbook (xlsx): {detail}"},
    "tables.bad_period": {
        "fi": "ajankohta {value} ei kelpaa; sallittu muoto VVVV-KK, esim. 2021-10",
        "sv": "tidpunkten {value} duger inte; tillåten form ÅÅÅÅ-MM, t.ex. 2021-10",
        "en": "period {value} is not valid; allowed form YYYY-MM, e.g. 2021-10"},
    "tables.period_conflict": {
        "fi": "otsikon ajankohta {value} ei täsmää annettuun ajankohtaan {period}",
        "sv": "tidpunkten {value} i rubriken stämmer inte med den angivna tidpunkten {period}",
        "en": "the title's period {value} does not match the given period {period}"},
    "tables.no_roadmap": {
        "fi": "tietokannassa ei ole tiekarttaa (valmisteluryhmiä ja alueita); tuo se ensin komennolla import-roadmap",
        "sv": "databasen har ingen färdplan (beredningsgrupper och områden); importera den först med kommandot import-roadmap",
        "en": "the database holds no roadmap (workstreams and regions); import it first with import-roadmap"},
    "tables.no_header": {
        "fi": "taulukon otsikkoriviä ei löydy; odotettiin riviä, jossa on valmisteluryhmien nimet ({allowed}) tai osa-alueet (Kokonaiskuva, A., B., …)",
        "sv": "tabellens rubrikrad hittas inte; väntade en rad med beredningsgruppernas namn ({allowed}) eller delområden (Helhetsbild, A., B., …)",
        "en": "the table's header row was not found; expected a row with the workstreams' names ({allowed}) or sub-areas (Kokonaiskuva, A., B., …)"},
    "tables.unknown_header": {
        "fi": "tuntematon sarakeotsikko {value}; sallitut: {allowed}",
        "sv": "okänd kolumnrubrik {value}; tillåtna: {allowed}",
        "en": "unknown column header {value}; allowed: {allowed}"},
    "tables.unknown_subheader": {
        "fi": "tuntematon alaotsikko {value}; sallitut: Käynnissä, Valmis (Pågår, Klar)",
        "sv": "okänd underrubrik {value}; tillåtna: Pågår, Klar (Käynnissä, Valmis)",
        "en": "unknown sub-header {value}; allowed: Käynnissä, Valmis (Pågår, Klar)"},
    "tables.duplicate_column": {
        "fi": "sarake {value} on taulukossa kahdesti",
        "sv": "kolumnen {value} finns två gånger i tabellen",
        "en": "column {value} appears twice in the table"},
    "tables.mixed_columns": {
        "fi": "taulukossa on sekaisin valmisteluryhmiä ja osa-alueita ({value}); yhdessä taulukossa joko valmisteluryhmät tai yhden ryhmän osa-alueet",
        "sv": "tabellen blandar beredningsgrupper och delområden ({value}); en tabell har antingen beredningsgrupper eller en grupps delområden",
        "en": "the table mixes workstreams and sub-areas ({value}); a table has either workstreams or one workstream's sub-areas"},
    "tables.measure_conflict": {
        "fi": "taulukon asettelu on '{found}', mutta mittariksi annettiin {value}; sallittu: readiness (Käynnissä/Valmis-sarakkeet), progress (valmisteluryhmät), subareas (Kokonaiskuva ja osa-alueet)",
        "sv": "tabellens layout är '{found}' men måttet angavs som {value}; tillåtet: readiness (kolumnerna Pågår/Klar), progress (beredningsgrupper), subareas (Helhetsbild och delområden)",
        "en": "the table's layout is '{found}' but the measure given was {value}; allowed: readiness (In progress/Done columns), progress (workstreams), subareas (Kokonaiskuva and sub-areas)"},
    "tables.unknown_measure": {
        "fi": "tuntematon mittari {value}; sallitut: readiness, progress, subareas",
        "sv": "okänt mått {value}; tillåtna: readiness, progress, subareas",
        "en": "unknown measure {value}; allowed: readiness, progress, subareas"},
    "tables.workstream_needed": {
        "fi": "osa-aluetaulukon valmisteluryhmää ei löydy; lisää rivi 'Valmisteluryhmä: <nimi>' tai anna --workstream; sallitut: {allowed}",
        "sv": "delområdestabellens beredningsgrupp hittas inte; lägg till raden 'Beredningsgrupp: <namn>' eller ange --workstream; tillåtna: {allowed}",
        "en": "the sub-area table's workstream was not found; add a line 'Valmisteluryhmä: <name>' or give --workstream; allowed: {allowed}"},
    "tables.unknown_workstream": {
        "fi": "tuntematon valmisteluryhmä {value}; sallitut: {allowed}",
        "sv": "okänd beredningsgrupp {value}; tillåtna: {allowed}",
        "en": "unknown workstream {value}; allowed: {allowed}"},
    "tables.workstream_conflict": {
        "fi": "taulukon valmisteluryhmä on '{found}', mutta annettiin {value}",
        "sv": "tabellens beredningsgrupp är '{found}' men {value} angavs",
        "en": "the table's workstream is '{found}' but {value} was given"},
    "tables.unknown_sub_area": {
        "fi": "valmisteluryhmällä '{workstream}' ei ole osa-aluetta {value}; sallitut: {allowed}",
        "sv": "beredningsgruppen '{workstream}' har inget delområde {value}; tillåtna: {allowed}",
        "en": "workstream '{workstream}' has no sub-area {value}; allowed: {allowed}"},
    "tables.bad_percent": {
        "fi": "arvo {value} ei ole prosenttiluku; sallitut: 0–100, esim. 36 %, 36 tai 0,36 prosenttimuotoiltuna, tai tyhjä (ei tietoa)",
        "sv": "värdet {value} är inget procenttal; tillåtet: 0–100, t.ex. 36 %, 36 eller 0,36 i procentformat, eller tomt (inga uppgifter)",
        "en": "value {value} is not a percentage; allowed: 0–100, e.g. 36 %, 36 or 0.36 formatted as percent, or empty (no data)"},
    "tables.percent_out_of_range": {
        "fi": "arvo {value} on sallitun välin ulkopuolella; sallitut: 0–100 %",
        "sv": "värdet {value} ligger utanför det tillåtna intervallet; tillåtet: 0–100 %",
        "en": "value {value} is out of range; allowed: 0–100 %"},
    "tables.bad_count": {
        "fi": "tehtävien määrä {value} ei kelpaa; sallittu: kokonaisluku 0 tai suurempi",
        "sv": "antalet uppgifter {value} duger inte; tillåtet: ett heltal 0 eller större",
        "en": "number of tasks {value} is not valid; allowed: a whole number 0 or more"},
    "tables.duplicate_region": {
        "fi": "alue {value} on taulukossa jo rivillä {first_row}",
        "sv": "området {value} finns redan i tabellen på rad {first_row}",
        "en": "region {value} is already in the table on row {first_row}"},
    "tables.no_regions": {
        "fi": "taulukossa ei ole yhtään alueriviä; odotettiin rivejä, joiden ensimmäisessä sarakkeessa on alueen nimi",
        "sv": "tabellen har inga områdesrader; väntade rader med områdets namn i första kolumnen",
        "en": "the table has no region rows; expected rows with a region's name in the first column"},
    "tables.bad_report_date": {
        "fi": "raportointipäivä {value} ei kelpaa; sallittu muoto 9.12.2021",
        "sv": "rapportdatumet {value} duger inte; tillåten form 9.12.2021",
        "en": "report date {value} is not valid; allowed form 9.12.2021"},
    # --- summary tables: report -------------------------------------------------------------
    "tables.imported": {
        "fi": "Koostetaulukko tuotu: {view}{workstream}, ajankohta {period}, {regions} aluetta, {cells} solua, versio {revision}.",
        "sv": "Sammanställningstabellen importerad: {view}{workstream}, tidpunkt {period}, {regions} områden, {cells} celler, version {revision}.",
        "en": "Summary table imported: {view}{workstream}, period {period}, {regions} regions, {cells} cells, revision {revision}."},
    "tables.imported_no_data": {
        "fi": "Ei tietoa (tyhjät rivit): {regions}.",
        "sv": "Inga uppgifter (tomma rader): {regions}.",
        "en": "No data (empty rows): {regions}."},
    "tables.rejected": {
        "fi": "Tiedosto {source} hylättiin, tietokantaan ei tallennettu mitään. Ongelmat ({count}):",
        "sv": "Filen {source} avvisades, inget sparades i databasen. Problem ({count}):",
        "en": "File {source} was rejected; nothing was written to the database. Problems ({count}):"},
    "tables.view.readiness": {"fi": "valmiusaste", "sv": "beredskapsgrad", "en": "readiness"},
    "tables.view.progress": {"fi": "tiekartan mukainen eteneminen", "sv": "framsteg enligt färdplanen",
                             "en": "progress along the roadmap"},
    "tables.view.subareas": {"fi": "osa-alueet", "sv": "delområden", "en": "sub-areas"},
}
