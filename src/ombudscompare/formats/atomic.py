"""Atomic file writing: a failed save never leaves a damaged or half-written file in place of the old one."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..i18n import Message
from .errors import FileError, Problem

_REASONS = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", -1): "the disk quota is used up",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
    errno.EROFS: "the folder is on a read-only disk",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EISDIR: "a folder with that name is in the way",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EBUSY: "the file is in use by another program",
}


def write_atomic(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> None:
    """Call `write` on a temporary file beside `path`, sync it, then move it over `path`.

    On any failure the temporary file is removed, an existing file at `path` is left as it was,
    and a FileError says why in words a user understands.
    """
    shown = Path(path)
    target = Path(os.path.realpath(shown)) if shown.is_symlink() else shown  # update the file a link points to
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise _error(shown, IsADirectoryError(errno.EISDIR, "is a directory"))
    with contextlib.suppress(OSError):
        if target.exists() and not target.stat().st_mode & 0o222:
            raise FileError(str(shown), [Problem("", Message("cannot be saved: the file is read-only; save it under"
                                                             " another name, or make it writable first"))])
    _remove_stale_temporaries(folder, target.name)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _error(shown, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, tmp_name)
        try:
            os.replace(tmp_name, target)
        except PermissionError:
            if not target.exists():
                raise
            _remove_quietly(tmp_name)
            # Windows refuses to replace a file another program holds open (Excel, Word, LibreOffice)
            raise FileError(str(shown), [Problem("", Message(
                "cannot be replaced: another program has the file open (Excel, Word or LibreOffice?); close it"
                " there first and try again — the file on disk was not changed"))]) from None
    except OSError as exc:
        _remove_quietly(tmp_name)
        raise _error(shown, exc) from None
    except BaseException:
        _remove_quietly(tmp_name)
        raise
    _sync_folder(folder)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    write_atomic(path, lambda handle: _write_all(handle, data))


def _write_all(handle: BinaryIO, data: bytes) -> None:
    handle.write(data)


def _copy_mode(target: Path, tmp_name: str) -> None:
    """Keep the permissions and, where the system allows, the owner and group of the file being replaced; a new
    file gets the usual umask permissions."""
    try:
        status = target.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        return
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only the owner's group, or root, may change it
            os.chown(tmp_name, status.st_uid, status.st_gid)
    os.chmod(tmp_name, status.st_mode & 0o7777)


STALE_SECONDS = 3600


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Temporary files of our own naming for this file ('.memo.json.k3j4h5g6.tmp'), left by a save that was
    killed over an hour ago; a save in progress elsewhere is younger and left alone."""
    pattern = re.compile(rf"^\.{re.escape(name)}\.[A-Za-z0-9_]{{8}}\.tmp$")
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if pattern.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _error(target: Path, exc: OSError) -> FileError:
    reason = _REASONS.get(exc.errno)
    detail = Message(reason) if reason else (exc.strerror or exc.__class__.__name__)
    return FileError(str(target), [Problem("", Message("cannot be saved: {reason}", reason=detail))])
