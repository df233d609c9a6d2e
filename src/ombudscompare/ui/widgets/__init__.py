"""Editing panels of the main window."""
