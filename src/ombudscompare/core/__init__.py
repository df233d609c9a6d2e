"""The decision core: model, tariffs, scoring and what-if changes; never imports Qt or file formats."""
