"""The standalone app's entry point: the window, or a command when one is given (as `ombudscompare`)."""

import sys

from ombudscompare.cli.main import main

sys.exit(main())
