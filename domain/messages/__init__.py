"""Message catalogues, one module per part of the app; merged by `domain.i18n`."""
