"""pyqtgraph charts of the results, styled for a projector and for print."""
