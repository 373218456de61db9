"""The pages of the Streamlit app (``app.py``) and the state they share (:mod:`app_pages.state`)."""
