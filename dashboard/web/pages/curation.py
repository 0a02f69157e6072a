"""The Curation page (/curation); dashboard/web/screens/curation.py draws it."""

from dashboard.web.screens.curation import render

render()
