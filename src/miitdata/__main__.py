from miitdata.cli.main import main

main()
