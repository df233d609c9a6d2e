"""Allows `python -m ombudscompare`."""

from ombudscompare.cli.main import main

raise SystemExit(main())
