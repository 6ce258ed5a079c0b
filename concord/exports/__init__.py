"""Exports for other tools: iCalendar feeds, minutes as Word, actions as CSV, Popolo JSON."""
