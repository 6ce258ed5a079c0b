"""The partnership's annual report for a financial year: an ordered list of sections,
each read from the data as the reader may see it, shown as HTML, PDF and Word."""
