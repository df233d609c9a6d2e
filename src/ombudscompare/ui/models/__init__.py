"""Thin Qt table models over the project held by the Document."""
