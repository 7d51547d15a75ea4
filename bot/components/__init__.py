"""Custom Rasa components (importable with the repository root on PYTHONPATH)."""
