"""Streamlit app: a neighbourhood's social business case, built, compared and reported together.

Run with ``streamlit run app.py``. It opens on the start page, which shows the figures of the
BoTu programme and the ways to build a case; every other page has its own address
(``/results``, ``/build``, ...), so a link opens it directly; ``?lang=en``, ``?scenario=<name>``
and the sidebar's shared link (``?case=<key>``) open the same language and case. The sidebar
switches the language (Dutch by default) and the variant every page shows. The pages in
``app_pages/`` are thin: every figure comes from the engine through :mod:`app_pages.state`,
every word from :mod:`businesscase.text`, every number format from
:mod:`businesscase.formatting`.
"""

from urllib.parse import urlencode

import streamlit as st

from app_pages import state
from businesscase import LimitError, TooLargeToComputeError
from businesscase.formatting import LANGUAGES
from businesscase.text import t

CHOICE_KEY = "variant_choice"  # the sidebar's variant box, kept equal to state.current()
# pages that show the figures or the tables of the current variant: for a case that is not
# complete yet they say what is missing instead
NEEDS_VALID = frozenset({"results", "uncertainty", "report", "build", "monitoren"})

st.set_page_config(page_title="businesscase", layout="wide")
state.from_link("lang", LANGUAGES, state.LANG_KEY)  # ?lang=en opens the app in English
st.session_state.setdefault(state.LANG_KEY, state.DEFAULT_LANG)
st.sidebar.radio(
    "Taal / language",
    LANGUAGES,
    key=state.LANG_KEY,
    format_func=lambda code: t("language_name", code),
    horizontal=True,
)
state.show_in_link("lang", state.lang())
state.open_link(st.query_params)

names = list(state.every_variant())
if st.session_state.get(CHOICE_KEY) != state.current().name:
    st.session_state[CHOICE_KEY] = state.current().name
st.sidebar.selectbox(
    state.tr("current_variant"),
    names,
    key=CHOICE_KEY,
    on_change=lambda: state.select(st.session_state[CHOICE_KEY]),
)
if st.sidebar.button(state.tr("share_link"), icon=":material/link:"):
    key = state.share(state.current())
    if key is None:
        st.sidebar.warning(state.tr("share_too_large"))
    else:
        st.query_params.pop("scenario", None)
        st.query_params["case"] = key
        st.session_state[state.LINK_KEY] = (None, key)
        st.sidebar.caption(state.tr("share_link_help"))
        address = f"{st.context.url or ''}?{urlencode(st.query_params.to_dict())}"
        st.sidebar.code(address, language=None, wrap_lines=True)

pages = [
    st.Page("app_pages/start.py", title=state.tr("page_start"), url_path="start", default=True),
    st.Page("app_pages/guided.py", title=state.tr("page_guided"), url_path="stappen"),
    st.Page("app_pages/build.py", title=state.tr("page_build"), url_path="build"),
    st.Page("app_pages/results.py", title=state.tr("page_results"), url_path="results"),
    st.Page("app_pages/uncertainty.py", title=state.tr("page_uncertainty"), url_path="uncertainty"),
    st.Page("app_pages/compare.py", title=state.tr("page_compare"), url_path="compare"),
    st.Page("app_pages/report.py", title=state.tr("page_report"), url_path="report"),
    st.Page("app_pages/monitor.py", title=state.tr("page_monitor"), url_path="monitoren"),
]
page = st.navigation(pages)
try:
    if page.url_path in NEEDS_VALID and state.current().problems:
        state.not_complete(state.current())
    else:
        page.run()
except (TooLargeToComputeError, LimitError) as error:
    # figures larger than 1e300 or work beyond the memory budget: the reason, not a crash
    reason = error.text(state.lang()) if isinstance(error, LimitError) else str(error)
    st.error(state.tr("cannot_compute", reason=state.markdown_text(reason)))
