"""Structure: a normalized document's plan-item sections (report headings or plan measures)."""
