from quadhelix.cli import main

main()
