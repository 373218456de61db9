"""Findings of an evaluation: what a careful analyst would want pointed out, in English and Dutch.

:func:`businesscase.evaluate` returns them as ``result.warnings``. Each is a :class:`Finding`: a
string holding the English text (so scripts that read warnings as text keep working) that also
knows its key and its parameters, and says itself in the user's language with
:meth:`Finding.text`. docs/methodology.md lists what each finding means.
"""

from __future__ import annotations

from businesscase.checklist import line_in_words
from businesscase.formatting import money

FINDINGS: dict[str, dict[str, str]] = {
    "no_additionality": {
        "en": "deadweight, displacement and attribution are all 0, so all of it is claimed for "
        "this intervention (over-claiming risk)",
        "nl": "deadweight, verdringing en attributie zijn alle drie 0, dus alles wordt aan deze "
        "aanpak toegeschreven (risico dat het effect te groot wordt voorgesteld)",
    },
    "no_proxy_source": {
        "en": "no proxy_source",
        "nl": "geen bron bij de waarde per effect (proxy_source)",
    },
    "sib_beyond_horizon": {
        "en": "SIB: {amount} of outcome payments fall beyond the horizon and are left out",
        "nl": "Impact bond: {amount} aan uitkomstbetalingen valt na de laatste jaar van de "
        "berekening en telt niet mee",
    },
    "loan_owed": {
        "en": "loans: {amount} of principal is still owed after the last year",
        "nl": "Leningen: na het laatste jaar is nog {amount} van de hoofdsom niet afgelost",
    },
}
"""The findings' texts by key, in English (``en``) and Dutch (``nl``)."""


class Finding(str):
    """One finding: the English text as the string itself, its key and parameters beside it.

    Parameters
    ----------
    key : str
        A key of :data:`FINDINGS`.
    section, index, name : str, int, str, optional
        The line the finding is about (``outcomes``, 0, ``Minder eenzaamheid``); none for a
        finding about the whole case.
    amount : float, optional
        The amount in the finding [EUR].

    Examples
    --------
    >>> finding = Finding("loan_owed", amount=204_000.0)
    >>> finding
    'loans: 204,000.00 of principal is still owed after the last year'
    >>> finding.text("nl")
    'Leningen: na het laatste jaar is nog € 204.000 van de hoofdsom niet afgelost'
    """

    key: str
    section: str
    index: int
    name: str
    amount: float | None

    def __new__(
        cls,
        key: str,
        section: str = "",
        index: int = 0,
        name: str = "",
        amount: float | None = None,
    ) -> Finding:
        english = FINDINGS[key]["en"].format(amount=f"{amount:,.2f}" if amount is not None else "")
        if section:
            english = f"{section}[{index}] ({name}): {english}"
        self = super().__new__(cls, english)
        self.key, self.section, self.index, self.name, self.amount = (
            key,
            section,
            index,
            name,
            amount,
        )
        return self

    def __reduce__(self) -> tuple[type[Finding], tuple[str, str, int, str, float | None]]:
        """Pickle by key and parameters (the app's cache and Dask copy results this way)."""
        return Finding, (self.key, self.section, self.index, self.name, self.amount)

    def text(self, lang: str) -> str:
        """The finding in ``lang`` (``"en"`` gives the string itself): the line in words."""
        if lang == "en":
            return str(self)
        amount = money(self.amount, lang) if self.amount is not None else ""
        said = FINDINGS[self.key][lang].format(amount=amount)
        if not self.section:
            return said
        return f"{line_in_words(self.section, self.index, self.name, lang)}: {said}"
