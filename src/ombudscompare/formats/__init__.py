"""File formats: the JSON project file (and later Excel); depends on the core, never on Qt."""
