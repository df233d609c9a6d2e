"""Unsaved work kept in a recovery file while editing, offered back after a crash or a killed process.

Each running window owns `recovery-<id>.json` and holds `recovery-<id>.lock`; a recovery file whose
lock nobody holds any more belongs to a session that ended without cleaning up.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile

from ..core.model import Project
from ..formats.atomic import write_bytes_atomic
from ..formats.errors import FileError
from ..formats.project_file import parse_project, project_to_data

FORMAT = "ombudscompare-recovery"


@dataclass
class Recovered:
    """What a crashed session left: the project, the file it belonged to, and when it was kept."""

    recovery_file: Path
    project: Project
    original_path: str | None
    saved_at: str


class Recovery:
    """Writes, clears and finds recovery files in one folder."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.id = uuid.uuid4().hex[:12]
        self.file = self.folder / f"recovery-{self.id}.json"
        self.lock = QLockFile(str(self.folder / f"recovery-{self.id}.lock"))
        self.lock.setStaleLockTime(0)
        self.lock.tryLock(0)

    def keep(self, project: Project, original_path: str | None) -> None:
        data = {
            "format": FORMAT,
            "version": 1,
            "file": original_path,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "project": project_to_data(project),
        }
        with contextlib.suppress(FileError):  # a safety net: failing to write it must not disturb editing
            write_bytes_atomic(self.file, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def clear(self) -> None:
        self.file.unlink(missing_ok=True)

    def close(self) -> None:
        self.clear()
        self.lock.unlock()

    def orphans(self) -> list[Recovered]:
        """Recovery files of sessions that are no longer running, newest first; unreadable ones are dropped."""
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
                project = parse_project(json.dumps(data["project"]), path.name)
                original = data.get("file")
                found.append(Recovered(path, project, original if isinstance(original, str) else None,
                                       str(data.get("saved_at", ""))))
            except (OSError, ValueError, KeyError, TypeError, AttributeError, FileError):
                path.unlink(missing_ok=True)
        found.sort(key=lambda r: r.saved_at, reverse=True)
        return found

    @staticmethod
    def discard(recovered: Recovered) -> None:
        recovered.recovery_file.unlink(missing_ok=True)
        recovered.recovery_file.with_suffix(".lock").unlink(missing_ok=True)
