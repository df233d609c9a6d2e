"""Charts as slide-ready images and the PDF report, made from the same widgets the window shows."""
