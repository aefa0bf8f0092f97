"""Texts of the command line's own commands (show, demo)."""

MESSAGES = {
    "cli.show.no_snapshot": {
        "fi": "Ajankohdalle {period} ei ole tilannekuvaa. Tietokannassa on: {known}",
        "sv": "Det finns ingen lägesbild för {period}. I databasen finns: {known}",
        "en": "No snapshot for {period}. The database has: {known}"},
    "cli.show.no_workstream": {
        "fi": "Tuntematon valmisteluryhmä '{workstream}'. Sallitut: {known}",
        "sv": "Okänd beredningsgrupp '{workstream}'. Tillåtna: {known}",
        "en": "Unknown workstream '{workstream}'. Allowed: {known}"},
    "cli.show.workstream_needed": {
        "fi": "Osa-alueiden näkymä tarvitsee valmisteluryhmän: --workstream (htt, jo, pj, yp, ict)",
        "sv": "Vyn över delområden kräver en beredningsgrupp: --workstream (htt, jo, pj, yp, ict)",
        "en": "The sub-area view needs a workstream: --workstream (htt, jo, pj, yp, ict)"},
    "cli.demo.exists": {
        "fi": "Tietokannassa on jo tilannekuvia; esimerkkiaineistoa ei rakennettu. "
              "Käytä --force rakentaaksesi uuden tietokannan.",
        "sv": "Databasen har redan lägesbilder; exempeldata byggdes inte. "
              "Använd --force för att bygga en ny databas.",
        "en": "The database already holds snapshots; the demo was not built. "
              "Use --force to rebuild it."},
    "cli.demo.done": {
        "fi": "Esimerkkiaineisto valmis: {snapshots} tilannekuvaa, {submissions} tuontia, "
              "{files} tiedostoa kansiossa {folder}",
        "sv": "Exempeldata klara: {snapshots} lägesbilder, {submissions} importer, "
              "{files} filer i mappen {folder}",
        "en": "Demo built: {snapshots} snapshots, {submissions} imports, {files} files in {folder}"},
    "cli.demo.users": {
        "fi": "Demokäyttäjät: {users} (salasana {password}; vain esimerkkiaineistoa varten)",
        "sv": "Demoanvändare: {users} (lösenord {password}; endast för exempeldata)",
        "en": "Demo users: {users} (password {password}; for the demo data only)"},
}
