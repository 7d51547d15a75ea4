"""Lotse on Telegram: a python-telegram-bot bridge that speaks only to /api/v1/chat."""
