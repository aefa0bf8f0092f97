"""Texts of the regional monthly status sheet: its problems, import reports, the template's own
texts (heading, instructions, dropdown messages) and the CLI's reports.

Placeholders `{allowed_fi}`/`{allowed_sv}`/`{allowed_en}` carry the status labels in each
language, so a problem found once renders in whatever language the user reads."""

MESSAGES = {
    # --- problems -----------------------------------------------------------------------
    "status_sheet.unreadable": {
        "fi": "tiedostoa ei voi lukea Excel-työkirjana (.xlsx): {reason}",
        "sv": "filen kan inte läsas som en Excel-arbetsbok (.xlsx): {reason}",
        "en": "the file cannot be read as an Excel workbook (.xlsx): {reason}"},
    "status_sheet.no_header": {
        "fi": "otsikkoriviä ei löydy: lomakkeessa pitää olla rivi, jolla on sarakkeet "
              "{columns_fi} (ruotsinkielisessä lomakkeessa {columns_sv})",
        "sv": "rubrikraden hittas inte: blanketten ska ha en rad med kolumnerna {columns_sv} "
              "(i en finskspråkig blankett {columns_fi})",
        "en": "no header row found: the sheet needs a row with the columns {columns_fi} "
              "(in a Swedish sheet {columns_sv})"},
    "status_sheet.no_roadmap": {
        "fi": "tiekarttaa ei ole vielä tuotu, joten tehtävien tunnuksia ei voi tarkistaa; "
              "tuo ensin tiekartta (import-roadmap)",
        "sv": "färdplanen har inte importerats, så uppgifternas beteckningar kan inte "
              "kontrolleras; importera först färdplanen (import-roadmap)",
        "en": "no roadmap has been imported, so task ids cannot be checked; "
              "import the roadmap first (import-roadmap)"},
    "status_sheet.missing_region": {
        "fi": "alue puuttuu: kirjoita alueen nimi solun '{label}' oikealle puolelle",
        "sv": "området saknas: skriv områdets namn till höger om cellen '{label}'",
        "en": "the region is missing: write the region's name to the right of the cell '{label}'"},
    "status_sheet.region_conflict": {
        "fi": "lomakkeen alue {value} on eri kuin annettu alue '{given}'",
        "sv": "blankettens område {value} är ett annat än det angivna området '{given}'",
        "en": "the sheet's region {value} differs from the given region '{given}'"},
    "status_sheet.missing_period": {
        "fi": "ajankohta puuttuu: kirjoita kuukausi (esim. 3/2022 tai 2022-03) solun "
              "'{label}' oikealle puolelle",
        "sv": "tidpunkten saknas: skriv månaden (t.ex. 3/2022 eller 2022-03) till höger om "
              "cellen '{label}'",
        "en": "the period is missing: write the month (e.g. 3/2022 or 2022-03) to the right of "
              "the cell '{label}'"},
    "status_sheet.bad_period": {
        "fi": "ajankohta {value} ei ole kuukausi; sallitut muodot: 2022-03, 3/2022, 03/2022, "
              "maaliskuu 2022 tai päivämäärä (1.3.2022)",
        "sv": "tidpunkten {value} är inte en månad; tillåtna former: 2022-03, 3/2022, 03/2022, "
              "mars 2022 eller ett datum (1.3.2022)",
        "en": "the period {value} is not a month; allowed forms: 2022-03, 3/2022, 03/2022, "
              "March 2022 or a date (1.3.2022)"},
    "status_sheet.period_conflict": {
        "fi": "lomakkeen ajankohta {value} ({sheet_period}) on eri kuin annettu ajankohta "
              "{given}",
        "sv": "blankettens tidpunkt {value} ({sheet_period}) är en annan än den angivna "
              "tidpunkten {given}",
        "en": "the sheet's period {value} ({sheet_period}) differs from the given period {given}"},
    "status_sheet.empty_status": {
        "fi": "tila puuttuu; valitse jokin näistä: {allowed_fi}",
        "sv": "status saknas; välj något av dessa: {allowed_sv}",
        "en": "the status is missing; choose one of: {allowed_en}"},
    "status_sheet.unknown_status": {
        "fi": "tuntematon tila {value}; sallitut: {allowed_fi}",
        "sv": "okänd status {value}; tillåtna: {allowed_sv}",
        "en": "unknown status {value}; allowed: {allowed_en}"},
    "status_sheet.formula": {
        "fi": "solussa {cell} on kaava {value}; kaavoja ei lasketa, kirjoita arvo suoraan soluun",
        "sv": "cellen {cell} innehåller formeln {value}; formler beräknas inte, skriv värdet "
              "direkt i cellen",
        "en": "cell {cell} holds the formula {value}; formulas are never evaluated, type the "
              "value itself"},
    "status_sheet.missing_id": {
        "fi": "rivillä on tietoja mutta tehtävän tunnus puuttuu",
        "sv": "raden har uppgifter men uppgiftens beteckning saknas",
        "en": "the row has data but no task id"},
    "status_sheet.unknown_task": {
        "fi": "tuntematon tehtävän tunnus {value}: sitä ei ole tiekartassa",
        "sv": "okänd beteckning {value}: den finns inte i färdplanen",
        "en": "unknown task id {value}: it is not in the roadmap"},
    "status_sheet.duplicate_task": {
        "fi": "tehtävä {value} on lomakkeessa toiseen kertaan (ensimmäisen kerran rivillä "
              "{first_row})",
        "sv": "uppgiften {value} finns två gånger i blanketten (första gången på rad {first_row})",
        "en": "task {value} appears twice in the sheet (first on row {first_row})"},
    "status_sheet.missing_tasks": {
        "fi": "lomakkeesta puuttuu {count} tiekartan tehtävää: {ids}. Jokaiselle tehtävälle on "
              "annettava tila (tarvittaessa '{na_fi}')",
        "sv": "{count} av färdplanens uppgifter saknas i blanketten: {ids}. Varje uppgift ska ha "
              "en status (vid behov '{na_sv}')",
        "en": "{count} tasks of the roadmap are missing from the sheet: {ids}. Every task needs "
              "a status (if need be '{na_en}')"},
    "status_sheet.workstream_mismatch": {
        "fi": "valmisteluryhmä {value} ei vastaa tiekarttaa: tehtävä {task} kuuluu ryhmään "
              "'{expected_fi}'",
        "sv": "beredningsgruppen {value} stämmer inte med färdplanen: uppgiften {task} hör till "
              "'{expected_sv}'",
        "en": "workstream {value} contradicts the roadmap: task {task} belongs to "
              "'{expected_en}'"},
    "status_sheet.sub_area_mismatch": {
        "fi": "osa-alue {value} ei vastaa tiekarttaa: tehtävä {task} kuuluu osa-alueeseen "
              "'{expected_fi}'",
        "sv": "delområdet {value} stämmer inte med färdplanen: uppgiften {task} hör till "
              "'{expected_sv}'",
        "en": "sub-area {value} contradicts the roadmap: task {task} belongs to '{expected_en}'"},
    "status_sheet.too_many_rows": {
        "fi": "lomakkeessa on yli {limit} täytettyä riviä; tarkista, että tiedosto on alueen "
              "kuukausilomake",
        "sv": "blanketten har över {limit} ifyllda rader; kontrollera att filen är områdets "
              "månadsblankett",
        "en": "the sheet has more than {limit} filled rows; check that the file is a regional "
              "monthly sheet"},
    "status_sheet.more_problems": {
        "fi": "…ja {count} muuta virhettä",
        "sv": "…och {count} andra fel",
        "en": "…and {count} more problems"},
    # --- reports -------------------------------------------------------------------------
    "status_sheet.imported": {
        "fi": "Tuotu {source}: {region}, {period}, {tasks} tehtävää, versio {revision}.",
        "sv": "Importerat {source}: {region}, {period}, {tasks} uppgifter, version {revision}.",
        "en": "Imported {source}: {region}, {period}, {tasks} tasks, revision {revision}."},
    "status_sheet.rejected": {
        "fi": "Tiedosto {source} hylättiin (virheitä: {count}). Mitään ei tallennettu.",
        "sv": "Filen {source} avvisades (fel: {count}). Ingenting sparades.",
        "en": "File {source} was rejected with {count} problems. Nothing was saved."},
    "template.written": {
        "fi": "Lomakepohja kirjoitettu: {path} ({region}, {period}, {tasks} tehtävää).",
        "sv": "Blankettmall skriven: {path} ({region}, {period}, {tasks} uppgifter).",
        "en": "Template written: {path} ({region}, {period}, {tasks} tasks)."},
    "template.prefilled": {
        "fi": "Tilat esitäytetty edellisen kuukauden ({period}) tiedoilla.",
        "sv": "Statusen är förifyllda med föregående månads ({period}) uppgifter.",
        "en": "Statuses prefilled from the previous month ({period})."},
    # --- texts in the sheet itself --------------------------------------------------------
    "sheet.heading": {
        "fi": "Alueellisen toimeenpanon tilannekuva – alueen kuukausiraportti",
        "sv": "Lägesbild över det regionala genomförandet – områdets månadsrapport",
        "en": "Regional implementation status – monthly report of the region"},
    "sheet.instructions": {
        "fi": "Valitse jokaisen tehtävän tila Tila-sarakkeen valikosta ja kirjoita tarvittaessa "
              "huomiot. Muut sarakkeet on suojattu (ilman salasanaa). Valitse '{na}', jos tehtävä "
              "ei koske aluetta.",
        "sv": "Välj status för varje uppgift i kolumnen Status och skriv vid behov anmärkningar. "
              "Övriga kolumner är skyddade (utan lösenord). Välj '{na}' om uppgiften inte gäller "
              "området.",
        "en": "Choose each task's status from the list in the status column and add notes if "
              "needed. Other columns are protected (no password). Choose '{na}' if the task "
              "does not apply to the region."},
    "sheet.synthetic": {
        "fi": "SYNTEETTINEN ESIMERKKIAINEISTO – ei todellisia alueen tietoja.",
        "sv": "SYNTETISKA EXEMPELDATA – inte verkliga uppgifter från området.",
        "en": "SYNTHETIC DEMO DATA – not real data of the region."},
    "sheet.prefilled": {
        "fi": "Tilat esitäytetty edellisen kuukauden ({period}) tiedoilla: päivitä muuttuneet.",
        "sv": "Statusen är förifyllda från föregående månad ({period}): uppdatera det som ändrats.",
        "en": "Statuses prefilled from the previous month ({period}): update what has changed."},
    "sheet.dropdown_title": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "sheet.dropdown_error": {
        "fi": "Valitse tila luettelosta.",
        "sv": "Välj status i listan.",
        "en": "Choose a status from the list."},
}
