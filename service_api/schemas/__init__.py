"""Request and response shapes, separate from the table models."""
