"""OmbudsCompare: compare the options for a municipality's external complaint body."""

import os

__version__ = "0.1.0"

# openpyxl parses with lxml whenever lxml is installed (python-docx brings it along); our workbook reader refuses
# XML bombs in words through defusedxml, which openpyxl only uses with the standard library's parser. Set before
# anything imports openpyxl, unless the environment says otherwise.
os.environ.setdefault("OPENPYXL_LXML", "False")
