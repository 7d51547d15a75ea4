"""The city's screens: the review inbox, the barrier dashboard and the monthly report.

Server-rendered HTML (Jinja2) that works without JavaScript, signed in with a
role token and then a session cookie; German first, English available.
"""
