"""Words, tables and chart data for people, built from the core's results (Qt-free, rendered by every front end)."""
