"""Performance reports for a board: layout, freezing on publication, amendments, Word."""
