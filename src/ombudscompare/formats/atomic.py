"""Atomic file writing: a failed save never leaves a damaged or half-written file in place of the old one, and
a killed one's temporary file does not stay behind for long."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import stat
import sys
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
    _check_target(shown, target)
    remove_stale_temporaries(folder, target.name)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temporary_prefix(target.name), suffix=".tmp", dir=folder)
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


def _check_target(shown: Path, target: Path) -> None:
    """Refuse, in words, what replacing would harm: something that is not a file (a named pipe, a device, a socket:
    it would become a file), a file with more than one name (its other names would keep the old content; writing it
    in place could damage them all if interrupted, so it is left as it is) and a read-only file."""
    try:
        status = target.stat()
    except OSError:
        return  # nothing there yet (or nothing to learn): the write itself says what is wrong
    if not stat.S_ISREG(status.st_mode):
        kind = (Message("a named pipe (FIFO)") if stat.S_ISFIFO(status.st_mode)
                else Message("a device") if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode)
                else Message("a socket") if stat.S_ISSOCK(status.st_mode) else Message("something other than a file"))
        raise FileError(str(shown), [Problem("", Message("cannot be saved: this name belongs to {kind}, not a file;"
                                                         " choose another name", kind=kind))])
    if status.st_nlink > 1:
        raise FileError(str(shown), [Problem("", Message(
            "cannot be saved: the file has {count} names (hard links); saving would give only this name the new"
            " content. Save under another name, or make it a file of its own first", count=status.st_nlink))])
    if not status.st_mode & 0o222:
        raise FileError(str(shown), [Problem("", Message("cannot be saved: the file is read-only; save it under"
                                                         " another name, or make it writable first"))])


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
HOST = re.sub(r"[^A-Za-z0-9-]", "", socket.gethostname())[:24] or "host"  # this computer, as a temporary names it
_NAME_KEPT = 100  # of the file's name in its temporary's, so that a long name still leaves room
_OURS = re.compile(r"^\.(?P<name>.+)\.(?P<host>[A-Za-z0-9-]{1,24})-(?P<pid>[0-9]{1,10})\.[A-Za-z0-9_]{8}\.tmp$")


def temporary_prefix(name: str) -> str:
    """'.memo.json.laptop-4711.': a temporary names its file, and the computer and process writing it."""
    return f".{name[:_NAME_KEPT]}.{HOST}-{os.getpid()}."


def remove_stale_temporaries(folder: Path, name: str | None = None) -> None:
    """Remove temporaries of our own naming that no save will finish: any in the folder whose process no longer
    runs on this computer (a save that was killed), and — for `name` — any over an hour old (a writer on another
    computer sharing the folder, whose process cannot be asked, or one named the older way, '.memo.json.k3j4h5g6.tmp').
    A save in progress is left alone."""
    old_style = re.compile(rf"^\.{re.escape(name)}\.[A-Za-z0-9_]{{8}}\.tmp$") if name is not None else None
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            ours = _OURS.match(entry.name)
            mine = name is not None and (ours is not None and ours["name"] == name[:_NAME_KEPT]
                                         or old_style is not None and old_style.match(entry.name) is not None)
            if not (ours or mine) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                gone = (ours is not None and ours["host"] == HOST and int(ours["pid"]) != os.getpid()
                        and not running(int(ours["pid"])))
                if gone or mine and now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)


def running(pid: int) -> bool:
    """Whether a process with this id runs on this computer (when that cannot be told: yes, to be safe)."""
    if pid <= 0:
        return True
    if sys.platform == "win32":  # os.kill there would end the process, not ask after it
        return _running_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, only asked
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user's process
    return True


if sys.platform == "win32":
    def _running_windows(pid: int) -> bool:
        import ctypes

        try:
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
            if not handle:
                return ctypes.get_last_error() != 87  # ERROR_INVALID_PARAMETER: no such process; denied: it runs
            try:
                code = ctypes.c_ulong()
                if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                    return True
                return bool(code.value == 259)  # STILL_ACTIVE
            finally:
                kernel32.CloseHandle(handle)
        except (AttributeError, OSError):
            return True


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
