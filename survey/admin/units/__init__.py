"""Units on the administration pages: the hierarchy, the CSV import and deactivation (`views`), and
the reorganisations (merged, split, replaced units: `reorganise`)."""
