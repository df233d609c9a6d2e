"""Hold a file open the way Excel holds a workbook (no sharing), for the checks: `python hold_open.py FILE SECONDS`.

Runs in the build's Windows Python under wine; prints 'holding' once the file is held.
"""

import ctypes
import sys
import time
from ctypes import wintypes

GENERIC_READ, GENERIC_WRITE, OPEN_EXISTING, NORMAL = 0x80000000, 0x40000000, 3, 0x80

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
kernel32.CreateFileW.restype = wintypes.HANDLE
handle = kernel32.CreateFileW(sys.argv[1], GENERIC_READ | GENERIC_WRITE, 0, None, OPEN_EXISTING, NORMAL, None)
if handle == wintypes.HANDLE(-1).value:
    print(f"cannot open: error {ctypes.get_last_error()}", flush=True)
    sys.exit(1)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
