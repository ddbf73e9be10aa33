from miitdata.cli import main

main()
