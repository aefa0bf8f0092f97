"""The shared domain model: tables, status vocabulary, measures and bands, translations.

Both `loaders/` and `dashboard/` import from here; no rule of the domain lives anywhere else.
"""
