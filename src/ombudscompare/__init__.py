"""OmbudsCompare: compare the options for a municipality's external complaint body."""

__version__ = "0.1.0"
