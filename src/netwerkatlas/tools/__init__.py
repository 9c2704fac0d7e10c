"""One package per instrument: each is a view of the same atlas (layout, styles, interactions)."""
