"""Texts of the loaders: problems found in input files, and import reports.

`{value}` is the offending value as found; other placeholders are named per message."""

MESSAGES = {
    "problem.sheet": {"fi": "taulukko '{sheet}'", "sv": "blad '{sheet}'", "en": "sheet '{sheet}'"},
    "problem.row": {"fi": "rivi {row}", "sv": "rad {row}", "en": "row {row}"},
    "problem.column": {"fi": "sarake '{column}'", "sv": "kolumn '{column}'", "en": "column '{column}'"},
    "problem.empty_value": {"fi": "(tyhjä)", "sv": "(tom)", "en": "(empty)"},
    "problem.unknown_region": {
        "fi": "tuntematon alue {value}",
        "sv": "okänt område {value}",
        "en": "unknown region {value}"},
    "problem.unknown_region_suggest": {
        "fi": "tuntematon alue {value}; tarkoititko '{suggestion}'?",
        "sv": "okänt område {value}; menade du '{suggestion}'?",
        "en": "unknown region {value}; did you mean '{suggestion}'?"},
}
