"""The Timeline page (/timeline); dashboard/web/screens/timeline.py draws it."""

from dashboard.web.screens.timeline import render

render()
