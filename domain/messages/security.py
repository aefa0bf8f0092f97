"""Texts of deployment security: closed databases, demo marker, log-in limits, read-only
databases, bounded uploads and the quarantine. Keys start with `security.`."""

MESSAGES = {
    "security.rate_limited": {
        "fi": "Liian monta kirjautumisyritystä. Odota 15 minuuttia ja yritä uudelleen.",
        "sv": "För många inloggningsförsök. Vänta 15 minuter och försök igen.",
        "en": "Too many log-in attempts. Wait 15 minutes and try again."},
    "security.busy": {
        "fi": "Palvelu on juuri nyt kuormitettu. Yritä uudelleen hetken kuluttua.",
        "sv": "Tjänsten är hårt belastad just nu. Försök igen om en stund.",
        "en": "The service is busy right now. Try again in a moment."},
    "security.uploads_busy": {
        "fi": "Palvelin tarkistaa juuri nyt muita tiedostoja. Lähetä tiedosto uudelleen hetken "
              "kuluttua.",
        "sv": "Servern kontrollerar andra filer just nu. Skicka filen på nytt om en stund.",
        "en": "The server is checking other files right now. Upload the file again in a "
              "moment."},
    "security.demo_users_only": {
        "fi": "Demokäyttäjiä luodaan vain esimerkkitietokantaan (tilannekuva demo).",
        "sv": "Demoanvändare skapas bara i exempeldatabasen (tilannekuva demo).",
        "en": "Demo users are created only in a demo database (tilannekuva demo)."},
    "security.not_empty": {
        "fi": "Tietokannassa on jo tietoja, eikä sitä ole merkitty esimerkkitietokannaksi: "
              "esimerkkiaineistoa ei rakenneta siihen.",
        "sv": "Databasen innehåller redan data och är inte märkt som exempeldatabas: "
              "exempeldata byggs inte i den.",
        "en": "The database already holds data and is not marked as a demo: the demo is not "
              "built into it."},
    "security.demo_notice": {
        "fi": "Esimerkkitietokanta: avoin ilman kirjautumista",
        "sv": "Exempeldatabas: öppen utan inloggning",
        "en": "Demo database: open without logging in"},
    "security.demo_notice_hint": {
        "fi": "Tämä on esimerkkiaineisto. Oikea tietokanta vaatii aina kirjautumisen.",
        "sv": "Detta är exempeldata. En riktig databas kräver alltid inloggning.",
        "en": "This is demo data. A real database always requires logging in."},
    "security.login_link": {"fi": "Kirjaudu", "sv": "Logga in", "en": "Log in"},
    "security.needs_init": {
        "fi": "Tietokanta {db} on tyhjä, eikä se ole esimerkkitietokanta. Mitään ei kirjoitettu.\n"
              "Alusta se näin:\n"
              "  1. tilannekuva --db URL import-roadmap tiekartta.xlsx\n"
              "  2. tilannekuva --db URL users add NIMI --role admin\n"
              "Kokeiluun: tilannekuva --db URL demo (merkitsee tietokannan esimerkiksi).",
        "sv": "Databasen {db} är tom och ingen exempeldatabas. Inget skrevs.\n"
              "Initiera den så här:\n"
              "  1. tilannekuva --db URL import-roadmap färdplan.xlsx\n"
              "  2. tilannekuva --db URL users add NAMN --role admin\n"
              "För att prova: tilannekuva --db URL demo (märker databasen som exempel).",
        "en": "The database {db} is empty and not a demo. Nothing was written.\n"
              "Initialise it like this:\n"
              "  1. tilannekuva --db URL import-roadmap roadmap.xlsx\n"
              "  2. tilannekuva --db URL users add NAME --role admin\n"
              "To try things out: tilannekuva --db URL demo (marks the database as a demo)."},
    "security.read_only": {
        "fi": "Tietokanta on vain luku -tilassa: tietoja voi katsoa, mutta ei tallentaa. "
              "Pyydä ylläpitäjää antamaan kirjoitusoikeus.",
        "sv": "Databasen är skrivskyddad: data kan visas men inte sparas. Be administratören "
              "om skrivrätt.",
        "en": "The database is read-only: data can be viewed but not saved. Ask the "
              "administrator for write access."},
    "security.cell_too_long": {
        "fi": "Osassa {part} on solu, jossa on yli {limit} merkkiä tekstiä (Excelin oma raja). "
              "Poista ylipitkä teksti ja lähetä tiedosto uudelleen.",
        "sv": "Delen {part} har en cell med över {limit} tecken text (Excels egen gräns). "
              "Ta bort den överlånga texten och skicka filen på nytt.",
        "en": "Part {part} has a cell with more than {limit} characters of text (Excel's own "
              "limit). Remove the overlong text and upload the file again."},
    "security.cell_text_too_long": {
        "fi": "Solussa on {length} merkkiä tekstiä ({value}); yhteen soluun mahtuu enintään "
              "{limit} merkkiä (Excelin oma raja). Lyhennä teksti.",
        "sv": "Cellen har {length} tecken text ({value}); en cell rymmer högst {limit} tecken "
              "(Excels egen gräns). Förkorta texten.",
        "en": "The cell has {length} characters of text ({value}); one cell holds at most "
              "{limit} characters (Excel's own limit). Shorten the text."},
    "security.part_too_large": {
        "fi": "Tiedoston osa {part} on purettuna liian suuri (yli {limit} Mt). Kuukausitaulukko "
              "on tavallisesti alle 1 Mt: käytä ladattua pohjaa.",
        "sv": "Delen {part} är för stor uppackad (över {limit} MB). Ett månadsblad är "
              "vanligen under 1 MB: använd den nedladdade mallen.",
        "en": "Part {part} of the file is too large when unpacked (over {limit} MB). A monthly "
              "sheet is usually under 1 MB: use the downloaded template."},
    "security.quarantined": {
        "fi": "Hylätty alkuperäinen ei ole ladattavissa (karanteeni).",
        "sv": "Ett avvisat original kan inte laddas ned (karantän).",
        "en": "A refused original cannot be downloaded (quarantine)."},
    "security.quarantine_cell": {"fi": "karanteenissa", "sv": "i karantän",
                                 "en": "quarantined"},
    "account.role.reader": {"fi": "ministeriön lukija", "sv": "ministeriets läsare",
                            "en": "ministry reader"},
}
