"""Texts of the briefing export: slide titles and lines, the pack's summary slide, errors."""

MESSAGES = {
    # --- errors a civil servant may see (web page, CLI) -----------------------------------
    "export.error.title": {"fi": "Kuvan vienti ei onnistunut",
                           "sv": "Det gick inte att exportera bilden",
                           "en": "The image export failed"},
    "export.error.browser_missing": {
        "fi": "Palvelimelta puuttuu Chromium-selain, jolla diakuvat piirretään "
              "(etsitty: {path}). Ylläpito: asenna se komennolla "
              "'sudo apt-get install chromium' (tai 'make setup'). Sovellus ja kaavioiden "
              "oma latausnappi selaimessa toimivat ilman sitä.",
        "sv": "Servern saknar webbläsaren Chromium som ritar bilderna (sökt: {path}). "
              "Administratör: installera den med 'sudo apt-get install chromium' "
              "(eller 'make setup'). Appen och diagrammens egen nedladdningsknapp i "
              "webbläsaren fungerar utan den.",
        "en": "The server lacks the Chromium browser that draws the slides (looked for: "
              "{path}). Administrator: install it with 'sudo apt-get install chromium' (or "
              "'make setup'). The app and the charts' own download button in the browser "
              "keep working without it."},
    "export.error.start_timeout": {
        "fi": "Chromium-selain ({path}) ei käynnistynyt {seconds} sekunnissa. Yritä hetken "
              "kuluttua uudelleen; jos vika toistuu, ylläpidon kannattaa tarkistaa selaimen "
              "asennus ('chromium --version').",
        "sv": "Webbläsaren Chromium ({path}) startade inte inom {seconds} sekunder. Försök "
              "igen om en stund; om felet upprepas bör administratören kontrollera "
              "installationen ('chromium --version').",
        "en": "The Chromium browser ({path}) did not start within {seconds} seconds. Try "
              "again in a moment; if it keeps happening, the administrator should check the "
              "browser installation ('chromium --version')."},
    "export.error.render_timeout": {
        "fi": "Kuvan piirtäminen ei valmistunut {seconds} sekunnissa, joten se keskeytettiin "
              "ja selain käynnistetään uudelleen. Yritä uudelleen.",
        "sv": "Bilden blev inte klar inom {seconds} sekunder; ritningen avbröts och "
              "webbläsaren startas om. Försök igen.",
        "en": "Drawing the image did not finish within {seconds} seconds, so it was stopped "
              "and the browser will be restarted. Please try again."},
    "export.error.busy": {
        "fi": "Kuvien vienti on varattu toiseen pyyntöön (esim. tiedotepaketti). Yritä "
              "hetken kuluttua uudelleen.",
        "sv": "Bildexporten är upptagen av en annan begäran (t.ex. ett informationspaket). "
              "Försök igen om en stund.",
        "en": "The image export is busy with another request (e.g. a briefing pack). Try "
              "again in a moment."},
    "export.error.render_failed": {
        "fi": "Kuvan piirtäminen epäonnistui: {detail}",
        "sv": "Det gick inte att rita bilden: {detail}",
        "en": "Drawing the image failed: {detail}"},
    "export.error.no_snapshot": {
        "fi": "Tilannekuvaa {period} ei ole tietokannassa. Saatavilla: {available}.",
        "sv": "Lägesbilden {period} finns inte i databasen. Tillgängliga: {available}.",
        "en": "There is no snapshot {period} in the database. Available: {available}."},
    "export.error.no_snapshots": {
        "fi": "Tietokannassa ei ole yhtään tilannekuvaa.",
        "sv": "Databasen innehåller inga lägesbilder.",
        "en": "The database holds no snapshot."},
    "export.error.bad_period": {
        "fi": "Ajankohta {value} ei kelpaa: anna muodossa VVVV-KK, esim. 2022-03.",
        "sv": "Tidpunkten {value} duger inte: ange den som ÅÅÅÅ-MM, t.ex. 2022-03.",
        "en": "Period {value} is not valid: give it as YYYY-MM, e.g. 2022-03."},
    "export.error.unknown_region": {
        "fi": "Tuntematon alue {value}. Sallitut tunnukset: {allowed}.",
        "sv": "Okänt område {value}. Tillåtna koder: {allowed}.",
        "en": "Unknown region {value}. Allowed codes: {allowed}."},
    "export.error.unknown_workstream": {
        "fi": "Tuntematon valmisteluryhmä {value}. Sallitut tunnukset: {allowed}.",
        "sv": "Okänd beredningsgrupp {value}. Tillåtna koder: {allowed}.",
        "en": "Unknown workstream {value}. Allowed codes: {allowed}."},
    "export.error.unknown_view": {
        "fi": "Tuntematon näkymä {value}. Sallitut: {allowed}.",
        "sv": "Okänd vy {value}. Tillåtna: {allowed}.",
        "en": "Unknown view {value}. Allowed: {allowed}."},
    "export.error.region_required": {
        "fi": "Aluenäkymän vienti tarvitsee alueen (region=…).",
        "sv": "Export av områdesvyn kräver ett område (region=…).",
        "en": "Exporting a region view needs a region (region=…)."},
    "export.error.forbidden": {
        "fi": "Diojen ja tiedotepaketin vienti on koordinaattoreiden käytössä. Kirjaudu "
              "koordinaattorin tunnuksella.",
        "sv": "Export av bilder och informationspaket är för koordinatorer. Logga in med ett "
              "koordinatorkonto.",
        "en": "Exporting slides and briefing packs is for coordinators. Log in with a "
              "coordinator account."},
    "export.error.back": {"fi": "Takaisin tilannekuvaan", "sv": "Tillbaka till lägesbilden",
                          "en": "Back to the status picture"},

    # --- slide furniture --------------------------------------------------------------------
    "export.subtitle": {
        "fi": "Tilannekuva {period} · raportoitu {date} · {days} arkipäivää 1.1.2023 asti",
        "sv": "Lägesbild {period} · rapporterad {date} · {days} arbetsdagar till 1.1.2023",
        "en": "Status {period} · reported {date} · {days} working days to 1 Jan 2023"},
    "export.synthetic_note": {
        "fi": "Synteettinen esimerkkiaineisto – ei todellisia alueiden tietoja",
        "sv": "Syntetiska exempeldata – inte verkliga uppgifter från områdena",
        "en": "Synthetic demo data – not real figures from the regions"},
    "export.deltas_note": {"fi": "▲▼ muutos tilannekuvasta {previous}, %-yks.",
                           "sv": "▲▼ förändring sedan lägesbilden {previous}, %-enh.",
                           "en": "▲▼ change since {previous}, percentage points"},
    "export.region.title": {"fi": "{region}: tilannekuva {period}",
                            "sv": "{region}: lägesbild {period}",
                            "en": "{region}: status {period}"},
    "export.trend.title": {"fi": "{workstream}: {measure}", "sv": "{workstream}: {measure}",
                           "en": "{workstream}: {measure}"},
    "export.trend.trend": {"fi": "Alueet tilannekuvittain, koko maan mediaani ja vaihteluväli",
                           "sv": "Områdena per lägesbild, hela landets median och spridning",
                           "en": "Regions over the snapshots, national median and spread"},
    "export.trend.bands": {"fi": "Alueiden määrä kussakin luokassa tilannekuvittain",
                           "sv": "Antal områden i varje klass per lägesbild",
                           "en": "Number of regions in each band per snapshot"},

    # --- summary slide of the deck ----------------------------------------------------------
    "export.summary.title": {"fi": "Tilannekuva {period} lyhyesti",
                             "sv": "Lägesbilden {period} i korthet",
                             "en": "Status {period} at a glance"},
    "export.summary.bands_heading": {
        "fi": "Alueita kussakin luokassa (tiekartan mukainen eteneminen)",
        "sv": "Antal områden per klass (framsteg enligt färdplanen)",
        "en": "Regions in each band (progress along the roadmap)"},
    "export.summary.changes_heading": {
        "fi": "Suurimmat muutokset edellisestä tilannekuvasta ({previous})",
        "sv": "Största förändringarna sedan föregående lägesbild ({previous})",
        "en": "Largest changes since the previous snapshot ({previous})"},
    "export.summary.no_previous": {
        "fi": "Ei aiempaa tilannekuvaa vertailtavaksi.",
        "sv": "Ingen tidigare lägesbild att jämföra med.",
        "en": "No earlier snapshot to compare with."},
    "export.summary.no_changes": {
        "fi": "Ei muutoksia edelliseen tilannekuvaan.",
        "sv": "Inga förändringar jämfört med föregående lägesbild.",
        "en": "No changes since the previous snapshot."},
    "export.summary.change_line": {
        "fi": "{region} – {workstream}: {before} → {after} ({delta} %-yks.)",
        "sv": "{region} – {workstream}: {before} → {after} ({delta} %-enh.)",
        "en": "{region} – {workstream}: {before} → {after} ({delta} pp)"},
    "export.summary.total": {"fi": "Yhteensä", "sv": "Totalt", "en": "Total"},

    # --- web controls -----------------------------------------------------------------------
    "export.link.slide": {"fi": "Vie diaksi (PNG)", "sv": "Exportera som bild (PNG)",
                          "en": "Export as slide (PNG)"},
    "export.link.slide.trend": {"fi": "Vie kehityskaavio diaksi (PNG)",
                                "sv": "Exportera utvecklingsdiagrammet som bild (PNG)",
                                "en": "Export trend chart as slide (PNG)"},
    "export.link.slide.bands": {"fi": "Vie luokkakaavio diaksi (PNG)",
                                "sv": "Exportera klassdiagrammet som bild (PNG)",
                                "en": "Export band chart as slide (PNG)"},
    "export.link.pack": {"fi": "Tiedotepaketti (zip)", "sv": "Informationspaket (zip)",
                         "en": "Briefing pack (zip)"},
    "export.link.slide.help": {
        "fi": "Piirtää näkymän palvelimella 1920×1080-diaksi otsikoineen ja selitteineen.",
        "sv": "Ritar vyn på servern som en bild 1920×1080 med rubrik och teckenförklaring.",
        "en": "Draws this view on the server as a 1920×1080 slide with title and legend."},
    "export.link.pack.help": {
        "fi": "Kaikki tilannekuvan diat (yleiskuva, alueet, kehitys) PNG-kuvina ja "
              "PowerPoint-esityksenä. Valmistuu noin 15 sekunnissa.",
        "sv": "Alla bilder av lägesbilden (översikt, områden, utveckling) som PNG och som "
              "PowerPoint-presentation. Klar på cirka 15 sekunder.",
        "en": "Every slide of the snapshot (overview, regions, trends) as PNGs and as a "
              "PowerPoint deck. Takes about 15 seconds."},

    # --- CLI --------------------------------------------------------------------------------
    "export.cli.written": {"fi": "Kirjoitettu {n} tiedostoa hakemistoon {out} ({seconds} s).",
                           "sv": "Skrev {n} filer till katalogen {out} ({seconds} s).",
                           "en": "Wrote {n} files to {out} ({seconds} s)."},
}
