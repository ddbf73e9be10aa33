"""One module per command (group); each defines plain functions that `miitdata.cli.main` registers."""
