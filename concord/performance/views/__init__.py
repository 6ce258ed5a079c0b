"""Performance pages, by page family: dashboards, indicators (and turning the curve),
reports, import and export. Thin views: access through :mod:`concord.lib.access`,
figures and words through the feature modules of :mod:`concord.performance`."""
