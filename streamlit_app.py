"""The dashboard for hosts that look for `streamlit_app.py` at the root (Streamlit Community Cloud):
the same app as `streamlit run dashboard/app.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard.app import run  # noqa: E402

run()
