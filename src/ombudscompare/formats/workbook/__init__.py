"""The Excel workbook: written for the memo (export), read back with the reader's edits (reader)."""

from .export import build_workbook, export_workbook, sheet_names
from .geometry import META_SHEET
from .reader import load_workbook_project

__all__ = ["META_SHEET", "build_workbook", "export_workbook", "load_workbook_project", "sheet_names"]
