"""Sort ranges of a workbook with LibreOffice Calc's own sort and save it (run by the system Python with UNO).

usage: lo_sort.py SOURCE TARGET PROFILE_DIR "SHEET<TAB>A4:K13<TAB>COLUMN<TAB>DESCENDING[<TAB>OWN_TARGET]" ...

A sort with its own target starts again from the source and is stored there on its own (one Calc for many
separate sorts); an empty SHEET sorts nothing (Calc's recalculation only).
"""

import contextlib
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import TableSortField


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def _sort(document, sheet_name, cell_range, column, descending):
    cells = document.Sheets.getByName(sheet_name).getCellRangeByName(cell_range)
    field = TableSortField()
    field.Field = int(column)
    field.IsAscending = descending != "1"
    field.IsCaseSensitive = False
    descriptor = [d for d in cells.createSortDescriptor()]
    for item in descriptor:
        if item.Name == "SortFields":
            item.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
        elif item.Name == "ContainsHeader":
            item.Value = False
    cells.sort(tuple(descriptor))


def main():
    source, target, profile = (Path(a).resolve() for a in sys.argv[1:4])
    pipe = f"ombudscompare_{uuid.uuid4().hex[:8]}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore",
                               f"-env:UserInstallation={profile.as_uri()}", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                time.sleep(0.5)
        if context is None:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, (prop("Hidden", True),))
        for spec in sys.argv[4:]:
            parts = spec.split("\t")
            if len(parts) == 5:  # a sort of its own: the source afresh, sorted, stored to its own target
                document.close(True)
                document = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, (prop("Hidden", True),))
            if parts[0]:  # an empty sheet name: no sort, only Calc's recalculation
                _sort(document, *parts[:4])
            if len(parts) == 5:
                document.calculateAll()
                document.storeToURL(Path(parts[4]).resolve().as_uri(), (prop("FilterName", "Calc Office Open XML"),))
        document.calculateAll()
        document.storeToURL(target.as_uri(), (prop("FilterName", "Calc Office Open XML"),))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
