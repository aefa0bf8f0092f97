"""Briefing export: slide PNGs rendered on the server, the briefing pack (zip + PowerPoint),
and the web routes and links that serve them. See docs/readme/export.md."""
