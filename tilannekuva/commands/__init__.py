"""One module per subcommand group; each exports `COMMANDS`, a list of click commands."""
