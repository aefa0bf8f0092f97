"""Texts of the monthly upload: refused files, log-in, user management, upload and upload log
pages. Keys start with `upload.`, `auth.` or `account.`."""

MESSAGES = {
    # --- refused files (loaders/file_safety.py) ---
    "upload.file.empty": {
        "fi": "Tiedosto on tyhjä. Tallenna täytetty Excel-taulukko (.xlsx) ja lähetä se uudelleen.",
        "sv": "Filen är tom. Spara det ifyllda Excel-bladet (.xlsx) och skicka det på nytt.",
        "en": "The file is empty. Save the filled Excel sheet (.xlsx) and upload it again."},
    "upload.file.too_large": {
        "fi": "Tiedosto on liian suuri ({size} Mt). Suurin sallittu koko on {limit} Mt. "
              "Käytä ladattua pohjaa äläkä lisää siihen kuvia tai muita taulukoita.",
        "sv": "Filen är för stor ({size} MB). Största tillåtna storlek är {limit} MB. "
              "Använd den nedladdade mallen utan bilder eller andra blad.",
        "en": "The file is too large ({size} MB). The limit is {limit} MB. "
              "Use the downloaded template without pictures or other sheets."},
    "upload.file.xlsm": {
        "fi": "Makroja sisältäviä työkirjoja (.xlsm) ei oteta vastaan. Tallenna taulukko "
              "Excelissä muodossa ”Excel-työkirja (*.xlsx)” ja lähetä se uudelleen.",
        "sv": "Arbetsböcker med makron (.xlsm) tas inte emot. Spara bladet i Excel som "
              "”Excel-arbetsbok (*.xlsx)” och skicka det på nytt.",
        "en": "Macro-enabled workbooks (.xlsm) are not accepted. Save the sheet in Excel as "
              "“Excel Workbook (*.xlsx)” and upload it again."},
    "upload.file.xlsb": {
        "fi": "Binäärimuotoista Excel-työkirjaa (.xlsb) ei voi lukea. Tallenna taulukko "
              "muodossa ”Excel-työkirja (*.xlsx)” ja lähetä se uudelleen.",
        "sv": "En binär Excel-arbetsbok (.xlsb) kan inte läsas. Spara bladet som "
              "”Excel-arbetsbok (*.xlsx)” och skicka det på nytt.",
        "en": "A binary Excel workbook (.xlsb) cannot be read. Save the sheet as "
              "“Excel Workbook (*.xlsx)” and upload it again."},
    "upload.file.legacy_xls": {
        "fi": "Tiedosto on vanhaa Excel 97–2003 -muotoa (.xls). Tallenna taulukko muodossa "
              "”Excel-työkirja (*.xlsx)” ja lähetä se uudelleen.",
        "sv": "Filen är i det gamla formatet Excel 97–2003 (.xls). Spara bladet som "
              "”Excel-arbetsbok (*.xlsx)” och skicka det på nytt.",
        "en": "The file is in the old Excel 97–2003 format (.xls). Save the sheet as "
              "“Excel Workbook (*.xlsx)” and upload it again."},
    "upload.file.wrong_suffix": {
        "fi": "Tiedostotyyppiä {suffix} ei oteta vastaan. Lähetä täytetty pohja Excel-työkirjana (.xlsx).",
        "sv": "Filtypen {suffix} tas inte emot. Skicka den ifyllda mallen som Excel-arbetsbok (.xlsx).",
        "en": "File type {suffix} is not accepted. Upload the filled template as an Excel workbook (.xlsx)."},
    "upload.file.macros": {
        "fi": "Työkirjassa on makroja (VBA-koodia). Makroja sisältäviä tiedostoja ei oteta "
              "vastaan. Kopioi tiedot ladattuun pohjaan ja lähetä se.",
        "sv": "Arbetsboken innehåller makron (VBA-kod). Filer med makron tas inte emot. "
              "Kopiera uppgifterna till den nedladdade mallen och skicka den.",
        "en": "The workbook contains macros (VBA code). Files with macros are not accepted. "
              "Copy the data into the downloaded template and upload that."},
    "upload.file.encrypted": {
        "fi": "Työkirja on salattu tai suojattu salasanalla, joten sitä ei voi lukea. Poista "
              "salasana (Tiedosto > Tiedot > Suojaa työkirja) ja lähetä tiedosto uudelleen.",
        "sv": "Arbetsboken är krypterad eller lösenordsskyddad och kan inte läsas. Ta bort "
              "lösenordet (Arkiv > Info > Skydda arbetsbok) och skicka filen på nytt.",
        "en": "The workbook is encrypted or password-protected and cannot be read. Remove the "
              "password (File > Info > Protect Workbook) and upload it again."},
    "upload.file.text_not_xlsx": {
        "fi": "Tiedosto on tekstiä (esimerkiksi CSV), vaikka sen nimi päättyy .xlsx. Avaa "
              "ladattu pohja Excelissä, täytä se ja tallenna Excel-työkirjana (.xlsx).",
        "sv": "Filen är text (till exempel CSV) fast namnet slutar på .xlsx. Öppna den "
              "nedladdade mallen i Excel, fyll i den och spara som Excel-arbetsbok (.xlsx).",
        "en": "The file is text (for example CSV) although its name ends in .xlsx. Open the "
              "downloaded template in Excel, fill it in and save it as an Excel workbook (.xlsx)."},
    "upload.file.not_xlsx": {
        "fi": "Tiedosto ei ole Excel-työkirja (.xlsx). Lähetä täytetty pohja sellaisenaan.",
        "sv": "Filen är inte en Excel-arbetsbok (.xlsx). Skicka den ifyllda mallen som den är.",
        "en": "The file is not an Excel workbook (.xlsx). Upload the filled template as it is."},
    "upload.file.truncated": {
        "fi": "Tiedosto on vioittunut tai katkennut (esimerkiksi kesken jäänyt tallennus tai "
              "siirto). Tallenna taulukko uudelleen Excelissä ja lähetä se uudelleen.",
        "sv": "Filen är skadad eller avbruten (till exempel en avbruten sparning eller "
              "överföring). Spara bladet på nytt i Excel och skicka det igen.",
        "en": "The file is damaged or cut short (for example an interrupted save or transfer). "
              "Save the sheet again in Excel and upload it again."},
    "upload.file.zip_bomb": {
        "fi": "Tiedosto purkautuu epätavallisen suureksi (yli sallitun rajan), joten sitä ei "
              "avata. Käytä ladattua pohjaa ja lähetä vain se.",
        "sv": "Filen packas upp till en ovanligt stor storlek (över gränsen) och öppnas därför "
              "inte. Använd den nedladdade mallen och skicka endast den.",
        "en": "The file unpacks to an unusually large size (over the limit) and is not opened. "
              "Use the downloaded template and upload only that."},
    "upload.file.too_many_rows": {
        "fi": "Taulukossa on epätavallisen paljon rivejä tai soluja (yli {rows} riviä tai {cells} "
              "solua), joten sitä ei avata. Usein syy on taulukon alle jääneet muotoillut tyhjät "
              "rivit: valitse ensimmäinen tyhjä rivi taulukon alta, paina Ctrl+Vaihto+Nuoli alas, "
              "valitse Poista > Poista taulukon rivit, tallenna ja lähetä uudelleen. "
              "Kuukausiraportin pohjassa on vain tiekartan tehtävät.",
        "sv": "Bladet har ovanligt många rader eller celler (över {rows} rader eller {cells} "
              "celler) och öppnas inte. Ofta beror det på formaterade tomma rader under tabellen: "
              "markera den första tomma raden under tabellen, tryck Ctrl+Skift+Pil ned, välj "
              "Ta bort > Ta bort bladrader, spara och skicka på nytt. Månadsrapportens mall har "
              "bara färdplanens uppgifter.",
        "en": "The sheet has unusually many rows or cells (over {rows} rows or {cells} cells) "
              "and is not opened. Often the cause is formatted empty rows below the table: select "
              "the first empty row below the table, press Ctrl+Shift+Down, choose Delete > Delete "
              "Sheet Rows, save and send again. The monthly template only holds the roadmap's "
              "tasks."},
    "upload.file.xml_dtd": {
        "fi": "Tiedoston sisäinen XML-osa {part} sisältää DTD- tai entiteettimäärittelyjä, "
              "joita Excel ei itse tee. Tiedostoa ei avata turvallisuussyistä.",
        "sv": "Filens interna XML-del {part} innehåller DTD- eller entitetsdefinitioner, som "
              "Excel inte själv skapar. Filen öppnas inte av säkerhetsskäl.",
        "en": "The file's internal XML part {part} contains DTD or entity declarations, which "
              "Excel never writes. The file is not opened for security reasons."},
    "upload.file.unreadable": {
        "fi": "Työkirjaa ei voitu lukea. Tallenna taulukko uudelleen Excelissä muodossa "
              "”Excel-työkirja (*.xlsx)” ja lähetä se uudelleen.",
        "sv": "Arbetsboken kunde inte läsas. Spara bladet på nytt i Excel som "
              "”Excel-arbetsbok (*.xlsx)” och skicka det igen.",
        "en": "The workbook could not be read. Save it again in Excel as "
              "“Excel Workbook (*.xlsx)” and upload it again."},

    # --- upload service ---
    "upload.wrong_region": {
        "fi": "Tiedosto koskee aluetta {region}, mutta sinulla on oikeus lähettää vain alueen "
              "{own} tietoja.",
        "sv": "Filen gäller området {region}, men du får endast skicka uppgifter för {own}.",
        "en": "The file is for {region}, but you may only upload data for {own}."},
    "upload.forbidden": {
        "fi": "Sinulla ei ole oikeutta tähän toimintoon.",
        "sv": "Du har inte behörighet till den här funktionen.",
        "en": "You are not allowed to do this."},
    "upload.token_unknown": {
        "fi": "Esikatseltavaa lähetystä ei löytynyt tai se on vanhentunut. Lähetä tiedosto uudelleen.",
        "sv": "Sändningen som förhandsgranskades hittades inte eller har gått ut. Skicka filen på nytt.",
        "en": "The previewed upload was not found or has expired. Upload the file again."},
    "upload.csrf": {
        "fi": "Lomakkeen tarkiste puuttuu tai on vanhentunut. Lataa sivu uudelleen ja yritä uudestaan.",
        "sv": "Formulärets kontrollkod saknas eller har gått ut. Ladda om sidan och försök igen.",
        "en": "The form's check token is missing or expired. Reload the page and try again."},
    "upload.rejected_title": {
        "fi": "Tiedostoa ei hyväksytty: {n} virhettä. Mitään ei tallennettu.",
        "sv": "Filen godkändes inte: {n} fel. Ingenting sparades.",
        "en": "The file was rejected: {n} errors. Nothing was saved."},
    "upload.preview_title": {
        "fi": "Esikatselu: {region}, {period}. Tietoja ei ole vielä tallennettu.",
        "sv": "Förhandsgranskning: {region}, {period}. Uppgifterna har ännu inte sparats.",
        "en": "Preview: {region}, {period}. Nothing has been saved yet."},
    "upload.preview_against": {
        "fi": "Verrattu alueen edelliseen tilannekuvaan {period}.",
        "sv": "Jämfört med områdets föregående lägesbild {period}.",
        "en": "Compared with the region's previous snapshot {period}."},
    "upload.preview_first": {
        "fi": "Alueella ei ole aiempaa tilannekuvaa: kaikki tiedot ovat uusia.",
        "sv": "Området har ingen tidigare lägesbild: alla uppgifter är nya.",
        "en": "The region has no earlier snapshot: everything is new."},
    "upload.preview_replaces": {
        "fi": "Ajankohdalle {period} on jo tallennettu versio {revision}; vahvistus tallentaa uuden version.",
        "sv": "För {period} finns redan version {revision}; bekräftelsen sparar en ny version.",
        "en": "Revision {revision} already exists for {period}; confirming saves a new revision."},
    "upload.changes_none": {
        "fi": "Tehtävien tiloissa ei ole muutoksia.", "sv": "Inga ändringar i uppgifternas status.",
        "en": "No task changed status."},
    "upload.changes_count": {
        "fi": "{n} tehtävän tila muuttuu.", "sv": "Status ändras för {n} uppgifter.",
        "en": "{n} tasks change status."},
    "upload.col.before": {"fi": "Ennen", "sv": "Före", "en": "Before"},
    "upload.col.after": {"fi": "Jälkeen", "sv": "Efter", "en": "After"},
    "upload.col.task": {"fi": "Tehtävä", "sv": "Uppgift", "en": "Task"},
    "upload.col.status_counts": {"fi": "Tilat (ennen → jälkeen)", "sv": "Status (före → efter)",
                                 "en": "Statuses (before → after)"},
    "upload.heatmap_row": {"fi": "Lämpökartan rivi (valmiusaste)", "sv": "Värmekartans rad (beredskapsgrad)",
                           "en": "Heatmap row (readiness)"},
    "upload.status_changes": {"fi": "Muuttuneet tehtävät", "sv": "Ändrade uppgifter",
                              "en": "Changed tasks"},
    "upload.confirm": {"fi": "Vahvista ja tallenna", "sv": "Bekräfta och spara", "en": "Confirm and save"},
    "upload.cancel": {"fi": "Peruuta", "sv": "Avbryt", "en": "Cancel"},
    "upload.saved": {
        "fi": "Tallennettu: {region}, {period}, versio {revision}. Tilannekuva on päivitetty.",
        "sv": "Sparat: {region}, {period}, version {revision}. Lägesbilden är uppdaterad.",
        "en": "Saved: {region}, {period}, revision {revision}. The overview is updated."},
    "upload.page_title": {"fi": "Kuukausiraportin lähetys", "sv": "Inskickning av månadsrapport",
                          "en": "Monthly report upload"},
    "upload.step_template": {
        "fi": "1. Lataa alueesi pohja (edellisen kuukauden tilat valmiiksi täytettyinä).",
        "sv": "1. Ladda ner ditt områdes mall (förra månadens status förifyllda).",
        "en": "1. Download your region's template (last month's statuses filled in)."},
    "upload.step_upload": {
        "fi": "2. Vedä täytetty tiedosto tähän tai valitse se. Tiedot tarkistetaan ennen tallennusta.",
        "sv": "2. Dra den ifyllda filen hit eller välj den. Uppgifterna kontrolleras innan de sparas.",
        "en": "2. Drag the filled file here or choose it. It is checked before anything is saved."},
    "upload.drop_here": {"fi": "Vedä tiedosto tähän tai valitse tiedosto",
                         "sv": "Dra filen hit eller välj fil", "en": "Drag a file here or choose one"},
    "upload.template_fi": {"fi": "Lataa pohja (suomi)", "sv": "Ladda ner mall (finska)",
                           "en": "Download template (Finnish)"},
    "upload.template_sv": {"fi": "Lataa pohja (ruotsi)", "sv": "Ladda ner mall (svenska)",
                           "en": "Download template (Swedish)"},
    "upload.period_label": {"fi": "Raportoitava kuukausi", "sv": "Rapporteringsmånad",
                            "en": "Reporting month"},
    "upload.region_label": {"fi": "Alue", "sv": "Område", "en": "Region"},
    "upload.to_overview": {"fi": "Näytä tilannekuva", "sv": "Visa lägesbilden", "en": "Show the overview"},

    # --- upload log ---
    "upload.log_title": {"fi": "Lähetysloki", "sv": "Inskickningslogg", "en": "Upload log"},
    "upload.log.when": {"fi": "Aika", "sv": "Tid", "en": "When"},
    "upload.log.who": {"fi": "Lähettäjä", "sv": "Avsändare", "en": "Uploaded by"},
    "upload.log.file": {"fi": "Tiedosto", "sv": "Fil", "en": "File"},
    "upload.log.size": {"fi": "Koko (t)", "sv": "Storlek (B)", "en": "Size (B)"},
    "upload.log.result": {"fi": "Tulos", "sv": "Resultat", "en": "Result"},
    "upload.log.accepted": {"fi": "hyväksytty (versio {revision})", "sv": "godkänd (version {revision})",
                            "en": "accepted (revision {revision})"},
    "upload.log.rejected": {"fi": "hylätty: {n} virhettä", "sv": "avvisad: {n} fel",
                            "en": "rejected: {n} errors"},
    "upload.log.previewed": {"fi": "tarkistettu, ei vahvistettu", "sv": "kontrollerad, ej bekräftad",
                             "en": "checked, not confirmed"},
    "upload.log.download": {"fi": "Lataa alkuperäinen", "sv": "Ladda ner originalet",
                            "en": "Download original"},
    "upload.log.empty": {"fi": "Ei lähetyksiä.", "sv": "Inga inskickningar.", "en": "No uploads."},

    # --- log-in ---
    "auth.title": {"fi": "Kirjaudu sisään", "sv": "Logga in", "en": "Log in"},
    "auth.username": {"fi": "Käyttäjätunnus", "sv": "Användarnamn", "en": "Username"},
    "auth.password": {"fi": "Salasana", "sv": "Lösenord", "en": "Password"},
    "auth.submit": {"fi": "Kirjaudu", "sv": "Logga in", "en": "Log in"},
    "auth.logout": {"fi": "Kirjaudu ulos", "sv": "Logga ut", "en": "Log out"},
    "auth.failed": {"fi": "Käyttäjätunnus tai salasana on väärin.",
                    "sv": "Användarnamnet eller lösenordet är fel.",
                    "en": "Wrong username or password."},
    "auth.locked": {
        "fi": "Liian monta epäonnistunutta kirjautumista. Tunnus on lukittu {minutes} minuutiksi.",
        "sv": "För många misslyckade inloggningar. Kontot är låst i {minutes} minuter.",
        "en": "Too many failed log-ins. The account is locked for {minutes} minutes."},
    "auth.required": {"fi": "Kirjaudu sisään jatkaaksesi.", "sv": "Logga in för att fortsätta.",
                      "en": "Log in to continue."},
    "auth.logged_in_as": {"fi": "Kirjautunut: {name}", "sv": "Inloggad: {name}",
                          "en": "Logged in: {name}"},
    "auth.error_page": {
        "fi": "Tapahtui virhe. Pyyntöä ei voitu käsitellä. Yritä uudelleen; jos virhe toistuu, "
              "ota yhteyttä ylläpitoon.",
        "sv": "Ett fel inträffade. Begäran kunde inte behandlas. Försök igen; kontakta "
              "administratören om felet upprepas.",
        "en": "An error occurred and the request could not be handled. Try again; contact the "
              "administrators if it happens again."},
    "auth.not_found": {"fi": "Sivua ei löydy.", "sv": "Sidan hittas inte.", "en": "Page not found."},
    "auth.too_large": {"fi": "Lähetys on liian suuri.", "sv": "Sändningen är för stor.",
                       "en": "The request is too large."},

    # --- accounts (CLI) ---
    "account.role.region_uploader": {"fi": "alueen raportoija", "sv": "områdets rapportör",
                                     "en": "region uploader"},
    "account.role.coordinator": {"fi": "koordinaattori", "sv": "koordinator", "en": "coordinator"},
    "account.role.admin": {"fi": "ylläpitäjä", "sv": "administratör", "en": "admin"},
    "account.exists": {"fi": "Käyttäjä {username} on jo olemassa.",
                       "sv": "Användaren {username} finns redan.",
                       "en": "User {username} already exists."},
    "account.unknown": {"fi": "Käyttäjää {username} ei ole.", "sv": "Användaren {username} finns inte.",
                        "en": "No user {username}."},
    "account.region_needed": {
        "fi": "Alueen raportoijalle on annettava alue (--region).",
        "sv": "En områdesrapportör måste ha ett område (--region).",
        "en": "A region uploader needs a region (--region)."},
    "account.region_not_allowed": {
        "fi": "Vain alueen raportoijalla on alue.", "sv": "Endast en områdesrapportör har ett område.",
        "en": "Only a region uploader has a region."},
    "account.weak_password": {
        "fi": "Salasanan on oltava vähintään {n} merkkiä pitkä.",
        "sv": "Lösenordet måste vara minst {n} tecken långt.",
        "en": "The password must be at least {n} characters long."},
    "account.bad_username": {
        "fi": "Käyttäjätunnuksessa saa olla vain kirjaimia a–z, numeroita ja merkkejä . _ - (3–60 merkkiä).",
        "sv": "Användarnamnet får bara innehålla bokstäverna a–z, siffror och . _ - (3–60 tecken).",
        "en": "A username may only hold letters a–z, digits and . _ - (3–60 characters)."},
    "account.created": {"fi": "Luotu käyttäjä {username} ({role}{region}).",
                        "sv": "Användaren {username} skapades ({role}{region}).",
                        "en": "Created user {username} ({role}{region})."},
    "account.disabled": {"fi": "Käyttäjä {username} on poistettu käytöstä.",
                         "sv": "Användaren {username} har inaktiverats.",
                         "en": "User {username} disabled."},
    "account.enabled": {"fi": "Käyttäjä {username} on otettu käyttöön.",
                        "sv": "Användaren {username} har aktiverats.",
                        "en": "User {username} enabled."},
    "account.password_reset": {"fi": "Käyttäjän {username} salasana on vaihdettu ja lukitus poistettu.",
                               "sv": "Lösenordet för {username} har bytts och låsningen tagits bort.",
                               "en": "Password of {username} reset and lock-out cleared."},
    "account.generated_password": {"fi": "Uusi salasana: {password}", "sv": "Nytt lösenord: {password}",
                                   "en": "New password: {password}"},
    "account.active": {"fi": "käytössä", "sv": "aktiv", "en": "active"},
    "account.inactive": {"fi": "poistettu käytöstä", "sv": "inaktiverad", "en": "disabled"},

    # --- upload page labels ---
    "upload.nav": {"fi": "Lähetys", "sv": "Inskickning", "en": "Upload"},
    "upload.label.sheet": {"fi": "Taulukko", "sv": "Blad", "en": "Sheet"},
    "upload.label.row": {"fi": "Rivi", "sv": "Rad", "en": "Row"},
    "upload.label.column": {"fi": "Sarake", "sv": "Kolumn", "en": "Column"},
    "upload.label.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "upload.label.problem": {"fi": "Virhe ja sallitut arvot", "sv": "Fel och tillåtna värden",
                             "en": "Problem and what is allowed"},
    "upload.log.region": {"fi": "Alue", "sv": "Område", "en": "Region"},
    "upload.log.period": {"fi": "Ajankohta", "sv": "Tidpunkt", "en": "Period"},
    "upload.log.sha256": {"fi": "SHA-256", "sv": "SHA-256", "en": "SHA-256"},

    # --- admin imports ---
    "upload.admin.title": {"fi": "Tiekartan ja koostetaulukoiden tuonti",
                           "sv": "Import av färdplan och sammanställningstabeller",
                           "en": "Import roadmap and national summary tables"},
    "upload.admin.link": {"fi": "Ylläpito: tuonnit", "sv": "Administration: import",
                          "en": "Admin: imports"},
    "upload.admin.roadmap": {"fi": "Tiekarttamäärittely (valmisteluryhmät, osa-alueet, tehtävät, alueet)",
                             "sv": "Färdplansdefinition (beredningsgrupper, delområden, uppgifter, områden)",
                             "en": "Roadmap definition (workstreams, sub-areas, tasks, regions)"},
    "upload.admin.summary": {"fi": "Valtakunnallinen koostetaulukko (kalvojen muoto)",
                             "sv": "Nationell sammanställningstabell (bildernas format)",
                             "en": "National summary table (the slides' layout)"},
    "upload.admin.view": {"fi": "Taulukon näkymä", "sv": "Tabellens vy", "en": "Table view"},
    "upload.admin.measure_auto": {"fi": "tunnista taulukosta", "sv": "känn igen från tabellen",
                                  "en": "recognise from the table"},
    "upload.admin.period_needed": {
        "fi": "anna ajankohta muodossa VVVV-KK (esim. 2021-10); annettu {value}",
        "sv": "ange tidpunkten som ÅÅÅÅ-MM (t.ex. 2021-10); angivet {value}",
        "en": "give the period as YYYY-MM (e.g. 2021-10); given {value}"},
    "upload.admin.done": {"fi": "Tuotu: {counts}", "sv": "Importerat: {counts}",
                          "en": "Imported: {counts}"},
    "upload.log.accepted_plain": {"fi": "hyväksytty", "sv": "godkänd", "en": "accepted"},

    "upload.count.workstreams": {"fi": "valmisteluryhmiä", "sv": "beredningsgrupper", "en": "workstreams"},
    "upload.count.sub_areas": {"fi": "osa-alueita", "sv": "delområden", "en": "sub-areas"},
    "upload.count.regions": {"fi": "alueita", "sv": "områden", "en": "regions"},
    "upload.count.tasks": {"fi": "tehtäviä", "sv": "uppgifter", "en": "tasks"},
    "upload.count.new": {"fi": "uusia", "sv": "nya", "en": "new"},
    "upload.count.updated": {"fi": "muuttuneita", "sv": "ändrade", "en": "updated"},
    "upload.count.removed": {"fi": "poistettuja", "sv": "borttagna", "en": "removed"},
    "upload.count.synthetic": {"fi": "synteettinen (1 = kyllä)", "sv": "syntetisk (1 = ja)",
                               "en": "synthetic (1 = yes)"},
    "upload.count.cells": {"fi": "solua", "sv": "celler", "en": "cells"},
    "upload.count.no_data": {"fi": "alueita ilman tietoja", "sv": "områden utan uppgifter",
                             "en": "regions without data"},
}
