"""The architecture holds: the core, the file formats and the command line never load Qt."""

import subprocess
import sys

PROBE = (
    "import sys\n"
    "import ombudscompare.core.scoring, ombudscompare.core.edits, ombudscompare.core.whatif\n"
    "import ombudscompare.formats.project_file, ombudscompare.cli.main, ombudscompare.explain.values\n"
    "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))))\n"
)


def test_qt_free_layers_load_no_qt():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
