"""Settings declared once, with defaults, over QSettings; the storage file is injectable for tests."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    """Language, recent files and window geometry."""

    def __init__(self, path: str | None = None):
        if path is None:
            self.store = QSettings()
        else:
            self.store = QSettings(path, QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        """'nl', 'en', or '' to follow the system."""
        value = self.store.value("language", "")
        return value if value in ("nl", "en") else ""

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("language", value)
        self.store.sync()

    @property
    def recent_files(self) -> list[str]:
        value = self.store.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if v]

    def add_recent(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files if p != path]
        self.store.setValue("recent_files", files[:MAX_RECENT])
        self.store.sync()

    def remove_recent(self, path: str) -> None:
        self.store.setValue("recent_files", [p for p in self.recent_files if p != path])
        self.store.sync()

    @property
    def word_template(self) -> str:
        """The Word document or template (.docx, .dotx) the appendix is written on; '' for the plain A4 one."""
        value = self.store.value("word_template", "")
        return str(value) if isinstance(value, str) else ""

    @word_template.setter
    def word_template(self, value: str) -> None:
        self.store.setValue("word_template", value)
        self.store.sync()

    def geometry(self) -> QByteArray | None:
        value = self.store.value("geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self.store.setValue("geometry", value)
        self.store.sync()
