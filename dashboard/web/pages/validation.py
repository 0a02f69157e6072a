"""The Validation page (/validation); dashboard/web/screens/validation.py draws it."""

from dashboard.web.screens.validation import render

render()
