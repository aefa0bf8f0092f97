"""Texts of the status sheet's safety checks (issue 11): several candidate sheets, duplicate and
unknown columns, formulas read as saved values, sensitivity labels, Strict Open XML, formatted
empty rows, and the warnings shown in the upload preview and by the CLI."""

MESSAGES = {
    "sheet_checks.several_sheets": {
        "fi": "työkirjassa on {count} tilannekuvalomakkeen näköistä välilehteä: {sheets}. "
              "Kerro kuukausi (lomakkeen kuukausi-kenttä tai --period), tai poista vanhat "
              "välilehdet ja lähetä tiedosto uudelleen",
        "sv": "arbetsboken har {count} flikar som ser ut som lägesbildsblanketter: {sheets}. "
              "Ange månaden (fältet för månad eller --period), eller ta bort de gamla flikarna "
              "och skicka filen på nytt",
        "en": "the workbook has {count} sheets that look like status sheets: {sheets}. Give the "
              "month (the form's month field or --period), or delete the old sheets and send "
              "the file again"},
    "sheet_checks.several_sheets_period": {
        "fi": "työkirjassa on {count} tilannekuvalomakkeen näköistä välilehteä ({sheets}), "
              "mutta ei yhtä ainoaa kuukaudelle {period}. Poista vanhat välilehdet tai korjaa "
              "välilehden ajankohta ja lähetä tiedosto uudelleen",
        "sv": "arbetsboken har {count} flikar som ser ut som lägesbildsblanketter ({sheets}), "
              "men inte en enda för månaden {period}. Ta bort de gamla flikarna eller rätta "
              "flikens tidpunkt och skicka filen på nytt",
        "en": "the workbook has {count} sheets that look like status sheets ({sheets}) but not "
              "exactly one for {period}. Delete the old sheets or correct the sheet's period and "
              "send the file again"},
    "sheet_checks.duplicate_column": {
        "fi": "sarake on otsikkorivillä useammin kuin kerran (sarakkeet {columns}); ei voi "
              "tietää, mikä niistä on tämän kuukauden. Poista ylimääräiset sarakkeet",
        "sv": "kolumnen finns flera gånger på rubrikraden (kolumnerna {columns}); det går inte "
              "att veta vilken som gäller den här månaden. Ta bort de extra kolumnerna",
        "en": "the column appears more than once in the header row (columns {columns}); which "
              "one holds this month's data cannot be known. Delete the extra columns"},
    "sheet_checks.unknown_column": {
        "fi": "saraketta {letter} ({filled} täytettyä solua) ei tuoda, koska sen otsikkoa {value} "
              "ei tunnisteta. Tunnetut sarakkeet: {known_fi}. Jos sarakkeessa on huomioita, "
              "anna sille otsikko Huomiot",
        "sv": "kolumn {letter} ({filled} ifyllda celler) importeras inte eftersom rubriken "
              "{value} är okänd. Kända kolumner: {known_sv}. Om kolumnen har anmärkningar, ge "
              "den rubriken Anmärkningar",
        "en": "column {letter} ({filled} filled cells) is not imported: its header {value} is "
              "not known. Known columns: {known_fi}. If it holds notes, head it Huomiot"},
    "sheet_checks.formula_values": {
        "fi": "{count} solussa on kaava; niistä tuotiin tiedostoon tallennettu arvo, jonka "
              "tiedoston tekijä näki (kaavoja ei lasketa uudelleen): {cells}",
        "sv": "{count} celler innehåller en formel; det värde som sparats i filen och som "
              "filens upphovsperson såg importerades (formler beräknas inte på nytt): {cells}",
        "en": "{count} cells hold a formula; the value saved in the file, as its author saw it, "
              "was imported (formulas are never recalculated): {cells}"},
    "sheet_checks.warnings_title": {
        "fi": "Huomioitavaa tiedostosta",
        "sv": "Att observera i filen",
        "en": "Notes about the file"},
    "sheet_checks.warning_prefix": {
        "fi": "Huomio", "sv": "Observera", "en": "Note"},
    "upload.file.sensitivity_label": {
        "fi": "Tiedosto on salattu luottamuksellisuusmerkinnällä (esim. 'Luottamuksellinen'), "
              "joten sitä ei voi lukea. Vaihda merkinnäksi 'Julkinen' tai 'Sisäinen' ilman "
              "salausta (Aloitus > Luottamuksellisuus) ja lähetä tiedosto uudelleen.",
        "sv": "Filen är krypterad med en känslighetsetikett (t.ex. 'Konfidentiell') och kan "
              "inte läsas. Byt etikett till 'Offentlig' eller 'Intern' utan kryptering "
              "(Start > Känslighet) och skicka filen på nytt.",
        "en": "The file is encrypted by a sensitivity label (e.g. 'Confidential') and cannot "
              "be read. Change the label to 'Public' or 'Internal' without encryption "
              "(Home > Sensitivity) and send the file again."},
    "upload.file.strict_ooxml": {
        "fi": "Tiedosto on tallennettu muodossa 'Strict Open XML -laskentataulukko', jota ei "
              "voitu lukea. Tallenna se Excelissä: Tiedosto > Tallenna nimellä > "
              "'Excel-työkirja (*.xlsx)' ja lähetä uudelleen.",
        "sv": "Filen är sparad som 'Strict Open XML-kalkylblad' och kunde inte läsas. Spara "
              "den i Excel: Arkiv > Spara som > 'Excel-arbetsbok (*.xlsx)' och skicka den på "
              "nytt.",
        "en": "The file is saved as 'Strict Open XML Spreadsheet' and could not be read. In "
              "Excel choose File > Save As > 'Excel Workbook (*.xlsx)' and send it again."},
}
