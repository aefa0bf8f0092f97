"""Texts of the reporting rounds: refusals, the incomplete marker, the submission board, the
round on the upload page, `tilannekuva round …`. Keys start with `round.`."""

MESSAGES = {
    # --- states and markers ---
    "round.state.open": {"fi": "avoin", "sv": "öppen", "en": "open"},
    "round.state.published": {"fi": "julkaistu", "sv": "publicerad", "en": "published"},
    "round.incomplete": {
        "fi": "kesken – {submitted}/{total} raportoinut",
        "sv": "ofullständig – {submitted}/{total} har rapporterat",
        "en": "incomplete – {submitted}/{total} reported"},
    "round.corrected_note": {
        "fi": "korjattu {date}: {reason}",
        "sv": "korrigerad {date}: {reason}",
        "en": "corrected {date}: {reason}"},
    # --- refusals (nothing is written) ---
    "round.bad_period": {
        "fi": "Kuukausi '{value}' ei kelpaa; anna se muodossa VVVV-KK, esim. 2023-01.",
        "sv": "Månaden '{value}' duger inte; ange den som ÅÅÅÅ-MM, t.ex. 2023-01.",
        "en": "The month '{value}' is not valid; give it as YYYY-MM, e.g. 2023-01."},
    "round.period_out_of_range": {
        "fi": "Kuukausi {period} on ohjelman kuukausien ulkopuolella; sallitut: {first}–{last}.",
        "sv": "Månaden {period} ligger utanför programmets månader; tillåtna: {first}–{last}.",
        "en": "The month {period} is outside the programme's months; allowed: {first}–{last}."},
    "round.exists.open": {
        "fi": "Raportointikierros {period} on jo auki; samaa kuukautta ei avata kahdesti.",
        "sv": "Rapporteringsomgången {period} är redan öppen; samma månad öppnas inte två gånger.",
        "en": "The reporting round {period} is already open; a month is not opened twice."},
    "round.exists.published": {
        "fi": "Raportointikierros {period} on jo julkaistu; samaa kuukautta ei avata kahdesti.",
        "sv": "Rapporteringsomgången {period} är redan publicerad; samma månad öppnas inte två "
              "gånger.",
        "en": "The reporting round {period} is already published; a month is not opened twice."},
    "round.deadline_before_report": {
        "fi": "Määräpäivä {deadline} on ennen raportointipäivää {report_date}; määräpäivän on "
              "oltava raportointipäivä tai sen jälkeen.",
        "sv": "Sista dagen {deadline} är före rapportdagen {report_date}; sista dagen måste "
              "vara rapportdagen eller senare.",
        "en": "The deadline {deadline} is before the report date {report_date}; the deadline "
              "must be on or after the report date."},
    "round.unknown": {
        "fi": "Raportointikierrosta '{period}' ei ole. Avoimet ja julkaistut kierrokset: "
              "tilannekuva round list.",
        "sv": "Rapporteringsomgången '{period}' finns inte. Omgångarna: tilannekuva round list.",
        "en": "There is no reporting round '{period}'. The rounds: tilannekuva round list."},
    "round.already_published": {
        "fi": "Raportointikierros {period} on jo julkaistu.",
        "sv": "Rapporteringsomgången {period} är redan publicerad.",
        "en": "The reporting round {period} is already published."},
    "round.wrong_region": {
        "fi": "Tiedosto koskee aluetta {region}, mutta sinulla on oikeus lähettää vain alueen "
              "{own} tietoja.",
        "sv": "Filen gäller området {region}, men du får bara skicka uppgifter för {own}.",
        "en": "The file is for {region}, but you may only send data for {own}."},
    "round.not_open": {
        "fi": "Kuukaudelle {period} ei ole avointa raportointikierrosta, joten tietoja ei voi "
              "lähettää. Ohjelmatoimisto avaa kuukauden (tilannekuva round open).",
        "sv": "Det finns ingen öppen rapporteringsomgång för {period}, så uppgifter kan inte "
              "skickas. Programkontoret öppnar månaden (tilannekuva round open).",
        "en": "There is no open reporting round for {period}, so data cannot be sent. The "
              "programme office opens the month (tilannekuva round open)."},
    "round.published_read_only": {
        "fi": "Kuukausi {period} on julkaistu, eikä sitä voi enää muuttaa. Jos tiedoissa on "
              "virhe, ota yhteyttä ohjelmatoimistoon: se voi korjata julkaistun kuukauden.",
        "sv": "Månaden {period} är publicerad och kan inte längre ändras. Om uppgifterna är "
              "fel, kontakta programkontoret: det kan korrigera en publicerad månad.",
        "en": "The month {period} is published and can no longer be changed. If the data is "
              "wrong, contact the programme office: it can correct a published month."},
    "round.correction_needed": {
        "fi": "Kuukausi {period} on julkaistu; sen muuttaminen on korjaus, jolle on annettava "
              "syy (--correction \"syy\").",
        "sv": "Månaden {period} är publicerad; en ändring är en korrigering som behöver en "
              "motivering (--correction \"motivering\").",
        "en": "The month {period} is published; changing it is a correction and needs a "
              "reason (--correction \"reason\")."},
    "round.nothing_written": {
        "fi": "Mitään ei tallennettu.", "sv": "Ingenting sparades.",
        "en": "Nothing was written."},
    "round.bad_date": {
        "fi": "Päivämäärä '{value}' ei kelpaa; anna se muodossa P.K.VVVV, esim. 17.2.2023.",
        "sv": "Datumet '{value}' duger inte; ange det som D.M.ÅÅÅÅ, t.ex. 17.2.2023.",
        "en": "The date '{value}' is not valid; give it as D.M.YYYY, e.g. 17.2.2023."},
    # --- CLI ---
    "round.cli.opened": {
        "fi": "Raportointikierros {period} avattu: määräpäivä {deadline}, raportointipäivä "
              "{report_date}.",
        "sv": "Rapporteringsomgången {period} öppnad: sista dag {deadline}, rapportdag "
              "{report_date}.",
        "en": "Reporting round {period} opened: deadline {deadline}, report date {report_date}."},
    "round.cli.published": {
        "fi": "Raportointikierros {period} julkaistu ({submitted}/{total} aluetta raportoinut). "
              "Se on nyt kaikkien oletusnäkymä.",
        "sv": "Rapporteringsomgången {period} publicerad ({submitted}/{total} områden har "
              "rapporterat). Den är nu allas standardvy.",
        "en": "Reporting round {period} published ({submitted}/{total} regions reported). It is "
              "now everyone's default view."},
    "round.cli.none": {
        "fi": "Ei raportointikierroksia.", "sv": "Inga rapporteringsomgångar.",
        "en": "No reporting rounds."},
    # --- column headings (board, CLI tables, downloads) ---
    "round.col.period": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "round.col.state": {"fi": "Tila", "sv": "Status", "en": "State"},
    "round.col.deadline": {"fi": "Määräpäivä", "sv": "Sista dag", "en": "Deadline"},
    "round.col.report_date": {"fi": "Raportointipäivä", "sv": "Rapportdag", "en": "Report date"},
    "round.col.submitted": {"fi": "Raportoinut", "sv": "Rapporterat", "en": "Reported"},
    "round.col.missing": {"fi": "Puuttuu", "sv": "Saknas", "en": "Missing"},
    "round.col.region": {"fi": "Alue", "sv": "Område", "en": "Region"},
    "round.col.sent": {"fi": "Lähetetty", "sv": "Skickad", "en": "Sent"},
    "round.col.revision": {"fi": "Versio", "sv": "Version", "en": "Revision"},
    "round.col.when": {"fi": "Milloin", "sv": "När", "en": "When"},
    "round.col.by": {"fi": "Lähettäjä", "sv": "Avsändare", "en": "By"},
    "round.col.late": {"fi": "Myöhässä", "sv": "Försenad", "en": "Late"},
    "round.col.rejected": {"fi": "Hylätyt yritykset (ongelmia)",
                           "sv": "Avvisade försök (problem)",
                           "en": "Rejected attempts (problems)"},
    "round.col.result": {"fi": "Tulos", "sv": "Resultat", "en": "Result"},
    "round.col.file": {"fi": "Tiedosto", "sv": "Fil", "en": "File"},
    "round.col.correction": {"fi": "Korjauksen syy", "sv": "Motivering för korrigering",
                             "en": "Reason for correction"},
    "round.yes": {"fi": "kyllä", "sv": "ja", "en": "yes"},
    "round.no": {"fi": "ei", "sv": "nej", "en": "no"},
    # --- the submission board (Raportointitilanne) ---
    "round.board.nav": {"fi": "Raportointitilanne", "sv": "Rapporteringsläge",
                        "en": "Reporting status"},
    "round.board.title": {"fi": "Raportointitilanne {period}", "sv": "Rapporteringsläge {period}",
                          "en": "Reporting status {period}"},
    "round.board.summary": {
        "fi": "{state} · määräpäivä {deadline} · raportoinut {submitted}/{total}, puuttuu {missing}",
        "sv": "{state} · sista dag {deadline} · rapporterat {submitted}/{total}, saknas {missing}",
        "en": "{state} · deadline {deadline} · reported {submitted}/{total}, missing {missing}"},
    "round.board.round": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "round.board.missing_list": {"fi": "Puuttuvat alueet", "sv": "Områden som saknas",
                                 "en": "Missing regions"},
    "round.board.copy_missing": {"fi": "Kopioi puuttuvat alueet", "sv": "Kopiera områden som saknas",
                                 "en": "Copy the missing regions"},
    "round.board.copied": {"fi": "Kopioitu leikepöydälle ✓", "sv": "Kopierat till urklipp ✓",
                           "en": "Copied to the clipboard ✓"},
    "round.board.none_missing": {"fi": "Kaikki alueet ovat raportoineet.",
                                 "sv": "Alla områden har rapporterat.",
                                 "en": "Every region has reported."},
    "round.board.download_xlsx": {"fi": "Lataa (xlsx)", "sv": "Ladda ned (xlsx)",
                                  "en": "Download (xlsx)"},
    "round.board.download_csv": {"fi": "Lataa (CSV)", "sv": "Ladda ned (CSV)",
                                 "en": "Download (CSV)"},
    "round.board.no_rounds": {
        "fi": "Raportointikierroksia ei ole vielä. Avaa kuukausi: tilannekuva round open "
              "--period VVVV-KK --deadline P.K.VVVV.",
        "sv": "Inga rapporteringsomgångar ännu. Öppna en månad: tilannekuva round open "
              "--period ÅÅÅÅ-MM --deadline D.M.ÅÅÅÅ.",
        "en": "No reporting rounds yet. Open a month: tilannekuva round open --period YYYY-MM "
              "--deadline D.M.YYYY."},
    "round.board.forbidden": {
        "fi": "Raportointitilanne on ohjelmatoimiston (koordinaattorit ja ylläpito) näkymä.",
        "sv": "Rapporteringsläget är programkontorets vy (koordinatorer och administratörer).",
        "en": "The reporting status is the programme office's view (coordinators and admins)."},
    "round.board.source": {
        "fi": "Lähde: tilannekuvan raportointiloki · kierros {period} ({state}) · tulostettu {now}",
        "sv": "Källa: lägesbildens rapporteringslogg · omgång {period} ({state}) · utskriven {now}",
        "en": "Source: the status picture's reporting log · round {period} ({state}) · "
              "printed {now}"},
    "round.board.open_form": {"fi": "Avaa uusi kierros", "sv": "Öppna en ny omgång",
                              "en": "Open a new round"},
    "round.board.open_button": {"fi": "Avaa kierros", "sv": "Öppna omgången",
                                "en": "Open the round"},
    "round.board.publish_button": {"fi": "Julkaise kierros {period}",
                                   "sv": "Publicera omgången {period}",
                                   "en": "Publish round {period}"},
    "round.board.opened": {"fi": "Kierros {period} avattu.", "sv": "Omgången {period} öppnad.",
                           "en": "Round {period} opened."},
    "round.board.published": {"fi": "Kierros {period} julkaistu: se on nyt kaikkien oletusnäkymä.",
                              "sv": "Omgången {period} publicerad: den är nu allas standardvy.",
                              "en": "Round {period} published: it is now everyone's default view."},
    # --- the round on the upload page ---
    "round.upload.open": {
        "fi": "Avoin raportointikierros: {period}, määräpäivä {deadline}.",
        "sv": "Öppen rapporteringsomgång: {period}, sista dag {deadline}.",
        "en": "Open reporting round: {period}, deadline {deadline}."},
    "round.upload.sent": {
        "fi": "Alue {region} on lähettänyt kuukauden {period}: versio {revision}, {when}.",
        "sv": "Området {region} har skickat månaden {period}: version {revision}, {when}.",
        "en": "{region} has sent {period}: revision {revision}, {when}."},
    "round.upload.not_sent": {
        "fi": "Alue {region} ei ole vielä lähettänyt kuukautta {period}.",
        "sv": "Området {region} har ännu inte skickat månaden {period}.",
        "en": "{region} has not sent {period} yet."},
    "round.upload.none_open": {
        "fi": "Yhtään raportointikierrosta ei ole nyt auki, joten tietoja ei voi lähettää. "
              "Seuraava vaihe: ohjelmatoimisto avaa kuukauden ja ilmoittaa määräpäivän.",
        "sv": "Ingen rapporteringsomgång är öppen nu, så uppgifter kan inte skickas. Nästa steg: "
              "programkontoret öppnar månaden och meddelar sista dagen.",
        "en": "No reporting round is open now, so data cannot be sent. Next step: the "
              "programme office opens the month and announces the deadline."},
    "round.upload.saved": {
        "fi": "Tallennettu: {region}, {period}, versio {revision} (avoin kierros).",
        "sv": "Sparat: {region}, {period}, version {revision} (öppen omgång).",
        "en": "Saved: {region}, {period}, revision {revision} (open round)."},
    "round.upload.saved_open": {
        "fi": "Tiedot näkyvät tilannekuvassa, kun ohjelmatoimisto julkaisee kierroksen {period}. "
              "Voit lähettää korjatun version siihen asti.",
        "sv": "Uppgifterna syns i lägesbilden när programkontoret publicerar omgången {period}. "
              "Du kan skicka en korrigerad version fram till dess.",
        "en": "The data appears in the status picture when the programme office publishes the "
              "round {period}. You may send a corrected version until then."},
    "round.upload.history": {"fi": "Alueen historia", "sv": "Områdets historik",
                             "en": "The region's history"},
    "round.upload.revisions": {"fi": "Tallennetut versiot", "sv": "Sparade versioner",
                               "en": "Stored revisions"},
    "round.upload.attempts": {"fi": "Lähetysyritykset", "sv": "Sändningsförsök",
                              "en": "Upload attempts"},
    "round.upload.target": {
        "fi": "Tiedosto {file} menee raportointikierrokseen {period} ({state}, määräpäivä "
              "{deadline}).",
        "sv": "Filen {file} går till rapporteringsomgången {period} ({state}, sista dag "
              "{deadline}).",
        "en": "The file {file} goes into the reporting round {period} ({state}, deadline "
              "{deadline})."},
    "round.upload.correction_label": {
        "fi": "Korjauksen syy (vain julkaistun kuukauden korjaukseen)",
        "sv": "Motivering (endast för korrigering av en publicerad månad)",
        "en": "Reason for correction (only to correct a published month)"},
    "round.result.previewed": {"fi": "tarkistettu, ei vahvistettu",
                               "sv": "kontrollerad, inte bekräftad",
                               "en": "checked, not confirmed"},
    "round.result.accepted": {"fi": "tallennettu", "sv": "sparad", "en": "stored"},
    "round.result.rejected": {"fi": "hylätty ({n} ongelmaa)", "sv": "avvisad ({n} problem)",
                              "en": "rejected ({n} problems)"},
}
