"""Texts of the web dashboard (pages, figures, tables). Keys start with "dash."."""

MESSAGES = {
    # --- figures ---------------------------------------------------------------------------
    "dash.hover.summary_value": {
        "fi": "Koostetaulukon arvo (tehtävien lkm yht. {total})",
        "sv": "Värde ur sammanställningstabellen (antal uppgifter totalt {total})",
        "en": "Value from the summary table (number of tasks {total})"},
    "dash.hover.summary_value_nocount": {
        "fi": "Koostetaulukon arvo", "sv": "Värde ur sammanställningstabellen",
        "en": "Value from the summary table"},
    "dash.hover.delta": {"fi": "Muutos edellisestä ({period}): {delta} %-yks.",
                         "sv": "Förändring sedan föregående ({period}): {delta} procentenheter",
                         "en": "Change since previous ({period}): {delta} pp"},
    "dash.hover.no_previous": {"fi": "Ei vertailutietoa edelliseltä kerralta",
                               "sv": "Ingen jämförelse med föregående",
                               "en": "Nothing to compare with in the previous snapshot"},
    "dash.national_median": {"fi": "Koko maan mediaani", "sv": "Medianen i hela landet",
                             "en": "National median"},
    "dash.national_spread": {"fi": "Alueiden vaihteluväli (25.–75. persentiili)",
                             "sv": "Områdenas spridning (25:e–75:e percentilen)",
                             "en": "Spread of regions (25th–75th percentile)"},
    "dash.national_range": {"fi": "Pienin – suurin", "sv": "Lägsta – högsta",
                            "en": "Lowest – highest"},
    "dash.regions_count": {"fi": "Alueita", "sv": "Områden", "en": "Regions"},
    "dash.percent_axis": {"fi": "Osuus tehtävistä (%)", "sv": "Andel av uppgifterna (%)",
                          "en": "Share of tasks (%)"},
    "dash.snapshot_axis": {"fi": "Tilannekuva", "sv": "Lägesbild", "en": "Snapshot"},
    "dash.previous_short": {"fi": "Edellinen", "sv": "Föregående", "en": "Previous"},
}
