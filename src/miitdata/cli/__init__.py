"""The `miitdata` command line (typer): `app.py` holds the app and the shared options, `commands/` one
module per command (group), `main.py` registers them and is the entry point. Imports run one way:
main -> commands -> app."""
