"""`python -m newsreader` runs the same entry point as the `newsreader` command."""

from newsreader.cli import main

raise SystemExit(main())
