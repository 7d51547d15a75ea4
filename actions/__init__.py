"""Lotse custom actions; rasa-sdk loads every module of this package."""
