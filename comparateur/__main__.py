from comparateur.cli import main

main()
