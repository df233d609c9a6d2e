"""Reading a file the user pointed at: only a regular file, only up to a limit, with reasons in words.

A device such as /dev/zero or a named pipe would be read forever (or block); it is refused before a
byte is read. The file is opened without blocking, so a pipe with no writer cannot hang the program.
"""

from __future__ import annotations

import errno
import os
import stat

from .errors import FileError


def check_regular(name: str) -> os.stat_result:
    """The file's status, if it is a regular file that exists; FileError otherwise."""
    try:
        status = os.stat(name)
    except FileNotFoundError:
        raise FileError.single(name, "", "file not found") from None
    except PermissionError:
        raise FileError.single(name, "", "no permission to read this file") from None
    except OSError as exc:
        raise FileError.single(name, "", "cannot be read: {reason}", reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(status.st_mode):
        raise FileError.single(name, "", "is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise FileError.single(name, "", "is not an ordinary file (a device, pipe or socket); open a project file"
                                         " or a workbook")
    return status


def read_regular_file(name: str, limit: int, too_large: str) -> bytes:
    """The whole file, if it is a regular file of at most `limit` bytes; `too_large` is the message (with {size}
    and {limit} in MB) for a larger one."""
    check_regular(name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except PermissionError:
        raise FileError.single(name, "", "no permission to read this file") from None
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise FileError.single(name, "", "file not found") from None
        raise FileError.single(name, "", "cannot be read: {reason}", reason=exc.strerror or str(exc)) from None
    try:
        status = os.fstat(fd)  # the file opened, not whatever the name pointed at a moment before
        if not stat.S_ISREG(status.st_mode):
            raise FileError.single(name, "", "is not an ordinary file (a device, pipe or socket); open a project"
                                             " file or a workbook")
        if status.st_size > limit:
            raise FileError.single(name, "", too_large, size=round(status.st_size / 1e6, 1),
                                   limit=limit // 1_000_000)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:  # it grew while being read
            raise FileError.single(name, "", too_large, size=round(len(data) / 1e6, 1), limit=limit // 1_000_000)
        return data
    except OSError as exc:
        raise FileError.single(name, "", "cannot be read: {reason}", reason=exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
