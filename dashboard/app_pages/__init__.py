"""One Streamlit page per file, run by dashboard/app.py through st.navigation."""
