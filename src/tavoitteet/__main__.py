from tavoitteet.cli import main

main()
