from miitdata.cli.fast import main

main()
