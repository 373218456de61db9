"""Start page: where a neighbourhood team begins, and the home the app opens on.

It says in a few lines what the app is for and offers the ways in: the guided build, the table
view for experts, and the figures of the variant shown. Being the default page (served at
``/``), it also lets every other page keep its own address, so ``/results`` opens the results.
"""

import streamlit as st

from app_pages import state

st.title(state.tr("start_title"))
st.markdown(state.tr("start_intro"))
variant = state.current()
st.subheader(state.tr("start_current", name=state.markdown_text(variant.name)))
state.headline_cards(state.result_of(variant).metrics)
st.page_link("app_pages/results.py", label=state.tr("start_to_results"), icon=":material/insights:")
st.page_link("app_pages/build.py", label=state.tr("start_to_table"), icon=":material/table:")
