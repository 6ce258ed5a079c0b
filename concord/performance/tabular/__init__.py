"""Import and export of observations, targets and areas as CSV and Excel (.xlsx).

Reading files (:mod:`.reading`), importing observations (:mod:`.observations`,
through a staging table: :mod:`.staging`), targets (:mod:`.targets`) and areas
(:mod:`.areas`), and exporting (:mod:`.export`). An import validates every row
first and reports each problem with its row number, column and reason; a file
is imported completely or not at all.
"""
