"""Lotse service API: chat gateway, NLG endpoint and the unmet-needs store."""
