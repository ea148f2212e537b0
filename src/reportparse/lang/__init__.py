"""Language data."""
