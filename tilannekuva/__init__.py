"""The `tilannekuva` command line: a thin layer over `domain`, `loaders` and `dashboard`."""
