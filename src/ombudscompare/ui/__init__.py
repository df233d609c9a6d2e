"""The Qt window on top of the core and the file formats (nothing below imports from here)."""
