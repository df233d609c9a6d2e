"""Dialogs that guide a user through a method: swing weighting, weights by order only, input ranges."""
