"""Unsaved work kept in a recovery file while editing, offered back after a crash or a killed process.

Each running window owns `recovery-<id>.json` and holds `recovery-<id>.lock`; a recovery file whose
lock nobody holds any more belongs to a session that ended without cleaning up. Such files are
offered back one by one and deleted only when the user says so (or when the work in one is exactly
what its project file on disk already holds). Without a writable folder the window still works; it
only cannot protect unsaved work, and says so.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile

from ..core.model import Project
from ..formats.atomic import remove_stale_temporaries, write_bytes_atomic
from ..formats.errors import FileError, Problem, dropped_line
from ..formats.project_file import dumps, load_project, project_to_data
from ..formats.project_reader import read_project

FORMAT = "ombudscompare-recovery"
TEMPORARY = re.compile(r"^\.recovery-[0-9a-f]{12}\.json\.[A-Za-z0-9_]{8}\.tmp$")


@dataclass
class Recovered:
    """What a crashed session left: the project, the file it belonged to, and when it was kept."""

    recovery_file: Path
    project: Project
    original_path: str | None
    saved_at: str
    problem: str = ""  # why the work cannot be saved as it stands ('' when it can), in words
    dropped: str = ""  # the fields of a newer version it comes back without (no file could hold them), in words


class Recovery:
    """Writes, clears and finds recovery files in one folder."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.id = uuid.uuid4().hex[:12]
        self.file = self.folder / f"recovery-{self.id}.json"
        self.problem = ""  # why unsaved work cannot be protected, in the system's words; '' when it can
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            probe = self.folder / f".probe-{self.id}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            self.problem = exc.strerror or type(exc).__name__
        self.lock = QLockFile(str(self.folder / f"recovery-{self.id}.lock"))
        self.lock.setStaleLockTime(0)
        if not self.problem:
            self.lock.tryLock(0)
            self._remove_stale_temporaries()

    @property
    def available(self) -> bool:
        return not self.problem

    def _remove_stale_temporaries(self) -> None:
        """Temporary files of recovery writes that were killed (any session's): at once when their process is gone,
        and those named the older way (without their process) when over an hour old."""
        remove_stale_temporaries(self.folder)
        now = time.time()
        with contextlib.suppress(OSError):
            for entry in self.folder.iterdir():
                if TEMPORARY.match(entry.name):
                    with contextlib.suppress(OSError):
                        if now - entry.stat().st_mtime > 3600:
                            entry.unlink()

    def keep(self, project: Project, original_path: str | None) -> bool:
        """Write the unsaved work; False when it could not be written (the folder went away or filled up)."""
        if not self.available:
            return False
        try:  # a safety net: failing to write it must not disturb editing, whatever the project holds
            data = {
                "format": FORMAT,
                "version": 1,
                "file": original_path,
                "saved_at": datetime.now().isoformat(timespec="seconds"),
                "project": project_to_data(project),
            }
            # ASCII with escapes: any text the window holds is kept, a broken character included (it is what
            # must be changed before the work can be saved, and recovery must not lose the rest for it)
            write_bytes_atomic(self.file, json.dumps(data, ensure_ascii=True).encode("ascii"))
        except (FileError, ValueError, TypeError, RecursionError):  # UnicodeEncodeError is a ValueError
            return False
        return True

    def clear(self) -> None:
        with contextlib.suppress(OSError):
            self.file.unlink(missing_ok=True)

    def close(self) -> None:
        self.clear()
        self.lock.unlock()

    def orphans(self) -> list[Recovered]:
        """Recovery files of sessions that are no longer running, newest first. One that cannot be read is left
        where it is (never deleted unasked); one whose work its project file already holds is removed."""
        if not self.available:
            return []
        found = []
        for path in sorted(self.folder.glob("recovery-*.json")):
            if path == self.file:
                continue
            lock = QLockFile(str(path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                continue  # another window is running with it
            lock.unlock()
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("format") != FORMAT:
                    raise ValueError
                problem = ""
                dropped: list[Problem] = []
                project, problems = read_project(data["project"], dropped)
                if problems:  # work that could not be saved as it stood: offered with its broken characters marked
                    project, _again = read_project(_mended(data["project"]))
                    problem = str(FileError(path.name, problems[:1]).render())
                told = dropped_line(path.name, dropped) if dropped else ""  # kept by an older OmbudsCompare
                if project is None:
                    raise ValueError
                original = data.get("file")
                recovered = Recovered(path, project, original if isinstance(original, str) else None,
                                      str(data.get("saved_at", "")), problem, told)
            except (OSError, ValueError, KeyError, TypeError, AttributeError, FileError, RecursionError):
                continue
            if _already_saved(recovered):
                Recovery.discard(recovered)
                continue
            found.append(recovered)
        found.sort(key=lambda r: r.saved_at, reverse=True)
        return found

    @staticmethod
    def discard(recovered: Recovered) -> None:
        with contextlib.suppress(OSError):
            recovered.recovery_file.unlink(missing_ok=True)
            recovered.recovery_file.with_suffix(".lock").unlink(missing_ok=True)


def _mended(value: object) -> object:
    """The kept data with every broken UTF-16 surrogate written as U+FFFD (the one thing in a text that can make
    work unsavable as it stands); everything else as it was."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if any(
            "\ud800" <= ch <= "\udfff" for ch in value) else value
    if isinstance(value, list):
        return [_mended(v) for v in value]
    if isinstance(value, dict):
        return {_mended(k): _mended(v) for k, v in value.items()}
    return value


def _already_saved(recovered: Recovered) -> bool:
    """The work kept is exactly what its project file holds now (saved just before the crash): nothing to offer."""
    if not recovered.original_path:
        return False
    try:
        return dumps(load_project(recovered.original_path)) == dumps(recovered.project)
    except FileError:
        return False
