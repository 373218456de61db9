"""User-facing words, in Dutch and English: one place for the CLI, the app and the exports.

Figure labels follow the programme's own vocabulary (*sluitende business case*, *baten*,
*kosten*, *wie betaalt / wie baat*) and say which SROI ratio is meant (gross or net).
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # docs/figures.md figures
    "pv_costs": {"en": "PV costs (investment)", "nl": "Contante waarde kosten (investering)"},
    "pv_benefits": {"en": "PV benefits", "nl": "Contante waarde baten"},
    "pv_benefits_by_type": {
        "en": "  fiscal / economic / social",
        "nl": "  fiscaal / economisch / sociaal",
    },
    "npv_social": {
        "en": "Social NPV (benefits - costs)",
        "nl": "Maatschappelijke NCW (baten - kosten)",
    },
    "sroi_ratio": {
        "en": "SROI ratio, gross (value per euro invested)",
        "nl": "SROI-ratio, bruto (waarde per geïnvesteerde euro)",
    },
    "net_sroi_ratio": {
        "en": "SROI ratio, net (NPV per euro invested)",
        "nl": "SROI-ratio, netto (NCW per geïnvesteerde euro)",
    },
    "social_irr": {"en": "Social IRR", "nl": "Maatschappelijk rendement (IRR)"},
    "payback_year": {"en": "Payback year (discounted)", "nl": "Terugverdienjaar (verdisconteerd)"},
    "pv_financing": {"en": "PV financing", "nl": "Contante waarde financiering"},
    "closes": {"en": "Closes (never short of cash)", "nl": "Sluitend (nooit kastekort)"},
    "funding_gap": {"en": "Funding gap", "nl": "Financieringstekort"},
    "first_short_year": {"en": "First short year", "nl": "Eerste jaar met tekort"},
    "subsidy_dependence": {"en": "Subsidy dependence", "nl": "Subsidieafhankelijkheid"},
    "largest_funder_share": {"en": "Largest funder's share", "nl": "Aandeel grootste financier"},
    "funder_hhi": {"en": "Funder concentration (HHI)", "nl": "Concentratie financiers (HHI)"},
    "subsidy_cliff_year": {"en": "Subsidy cliff", "nl": "Subsidieklif"},
    "value_capture": {
        "en": "Value capture (total / PV)",
        "nl": "Waardecreatie afgeroomd (totaal / CW)",
    },
    "loan_outstanding_at_horizon": {
        "en": "Loans outstanding at horizon",
        "nl": "Openstaande lening aan het eind",
    },
    "sib_total_payments": {"en": "SIB outcome payments", "nl": "SIB-uitbetalingen"},
    "sib_investor_irr": {"en": "SIB investor IRR", "nl": "SIB-rendement investeerder (IRR)"},
    "sib_money_multiple": {"en": "SIB money multiple", "nl": "SIB-geldmultiple"},
    "sib_payer_net_pv": {"en": "SIB payer net PV", "nl": "SIB netto CW voor de betaler"},
    "sib_breakeven_share": {
        "en": "SIB break-even share of outcomes",
        "nl": "SIB-breakeven (aandeel van de resultaten)",
    },
    "sib_payments_beyond_horizon": {
        "en": "SIB payments beyond horizon",
        "nl": "SIB-betalingen na de horizon",
    },
    # verdicts and notes
    "yes": {"en": "yes", "nl": "ja"},
    "flag_true": {"en": "yes", "nl": "ja"},
    "flag_false": {"en": "no", "nl": "nee"},
    "no": {"en": "NO", "nl": "NEE"},
    "closes_verdict": {
        "en": "The business case closes: no year is short of cash.",
        "nl": "De business case is sluitend: geen enkel jaar heeft een kastekort.",
    },
    # tables
    "figures": {"en": "figure", "nl": "kengetal"},
    "value": {"en": "value", "nl": "waarde"},
    "who_pays_who_benefits": {
        "en": "Who pays, who benefits (PV)",
        "nl": "Wie betaalt, wie baat (contante waarde)",
    },
    "stakeholder": {"en": "stakeholder", "nl": "belanghebbende"},
    "pv_benefit": {"en": "benefit", "nl": "baten"},
    "pv_cashable_benefit": {"en": "cashable", "nl": "kasbaten"},
    "pv_paid": {"en": "paid", "nl": "betaald"},
    "pv_received": {"en": "received", "nl": "ontvangen"},
    "net_pv": {"en": "net", "nl": "netto"},
    # exports: Excel workbook and HTML report (businesscase/export.py)
    "pv_benefits_fiscal": {"en": "PV benefits, fiscal", "nl": "Contante waarde baten, fiscaal"},
    "pv_benefits_economic": {
        "en": "PV benefits, economic",
        "nl": "Contante waarde baten, economisch",
    },
    "pv_benefits_social": {"en": "PV benefits, social", "nl": "Contante waarde baten, sociaal"},
    "min_cash_balance": {"en": "Lowest cash balance", "nl": "Laagste kassaldo"},
    "cash_balance": {"en": "Cash balance (end of year)", "nl": "Kassaldo (eind van het jaar)"},
    "value_capture_total": {
        "en": "Value capture, total within the horizon",
        "nl": "Afgeroomde waardestijging, totaal binnen de horizon",
    },
    "value_capture_pv": {
        "en": "Value capture, PV",
        "nl": "Afgeroomde waardestijging, contante waarde",
    },
    "section_scenario": {"en": "Settings", "nl": "Instellingen"},
    "section_stakeholders": {"en": "Stakeholders", "nl": "Belanghebbenden"},
    "section_costs": {"en": "Costs", "nl": "Kosten"},
    "section_outcomes": {"en": "Outcomes", "nl": "Effecten"},
    "section_avoided_costs": {"en": "Avoided costs", "nl": "Vermeden kosten"},
    "section_value_capture": {"en": "Value capture", "nl": "Waardeafroming"},
    "section_funding": {"en": "Funding", "nl": "Financiering"},
    "section_sib": {"en": "Social impact bond", "nl": "Social impact bond"},
    "sheet_summary": {"en": "Summary", "nl": "Samenvatting"},
    "sheet_figures": {"en": "Figures", "nl": "Kengetallen"},
    "sheet_yearly": {"en": "Yearly", "nl": "Per jaar"},
    "sheet_flows": {"en": "Flows", "nl": "Geldstromen"},
    "sheet_stakeholders": {"en": "Who pays, who benefits", "nl": "Wie betaalt, wie baat"},
    "sheet_monte_carlo": {"en": "Monte Carlo", "nl": "Monte Carlo"},
    "sheet_percentiles": {"en": "MC percentiles", "nl": "MC percentielen"},
    "sheet_fan": {"en": "MC cash balance", "nl": "MC kassaldo"},
    "field": {"en": "field", "nl": "veld"},
    "key": {"en": "key", "nl": "sleutel"},
    "distribution": {"en": "distribution", "nl": "kansverdeling"},
    "calendar_year": {"en": "calendar year", "nl": "kalenderjaar"},
    "period": {"en": "Period", "nl": "Periode"},
    "area": {"en": "Area", "nl": "Gebied"},
    "draws": {"en": "Monte Carlo draws", "nl": "Monte Carlo-trekkingen"},
    "seed": {"en": "Seed (reproduces the draws)", "nl": "Seed (herhaalt de trekkingen)"},
    "p_closes": {
        "en": "Chance the business case closes",
        "nl": "Kans dat de business case sluit",
    },
    "p_sroi_above_1": {
        "en": "Chance the gross SROI ratio exceeds 1",
        "nl": "Kans dat de bruto SROI-ratio boven 1 ligt",
    },
    "clipped": {
        "en": "Draws clipped to the valid range: {path}",
        "nl": "Trekkingen afgekapt tot het geldige bereik: {path}",
    },
    "export_no_output": {
        "en": "nothing to export: give --xlsx OUT.xlsx and/or --html OUT.html",
        "nl": "niets te exporteren: geef --xlsx UIT.xlsx en/of --html UIT.html",
    },
    "export_over_input": {
        "en": "{option} {path}: is the input file; write the export to another file",
        "nl": "{option} {path}: is het invoerbestand; schrijf de export naar een ander bestand",
    },
    "export_same_output": {
        "en": "--xlsx and --html name the same file {path}; give two files",
        "nl": "--xlsx en --html noemen hetzelfde bestand {path}; geef twee bestanden",
    },
    "export_seed_without_draws": {
        "en": "--seed {seed}: needs --draws N (the number of Monte Carlo draws)",
        "nl": "--seed {seed}: vraagt ook --draws N (het aantal Monte Carlo-trekkingen)",
    },
    "export_nothing_uncertain": {
        "en": "nothing in the draws can differ (no distribution, no money that may not come, "
        "no yearly event): no Monte Carlo percentiles",
        "nl": "niets in de trekkingen kan verschillen (geen kansverdeling, geen geld dat "
        "misschien niet komt, geen jaarlijkse gebeurtenis): geen Monte Carlo-percentielen",
    },
    "export_written": {"en": "Written to {path}.", "nl": "Geschreven naar {path}."},
    "report_title": {"en": "Business case report", "nl": "Rapportage business case"},
    "report_charts": {"en": "Charts", "nl": "Grafieken"},
    "report_uncertainty": {
        "en": "How sure are the figures? Monte Carlo, {draws} draws (seed {seed})",
        "nl": "Hoe zeker zijn de cijfers? Monte Carlo, {draws} trekkingen (seed {seed})",
    },
    "report_yearly": {"en": "Year by year", "nl": "Per jaar"},
    "report_assumptions": {"en": "Assumptions and sources", "nl": "Aannames en bronnen"},
    "report_line": {"en": "line", "nl": "regel"},
    "report_years": {"en": "years", "nl": "jaren"},
    "report_inputs": {"en": "inputs", "nl": "invoer"},
    "report_source": {"en": "source", "nl": "bron"},
    "report_themes": {"en": "Themes", "nl": "Thema's"},
    "report_distribution_note": {
        "en": "A value followed by ~ is the base value of a distribution: triangular and pert "
        "(low, mode, high), uniform (low, high), normal and lognormal (mean, sd). The "
        "evaluation uses the base value; Monte Carlo draws from the distribution.",
        "nl": "Een waarde gevolgd door ~ is de basiswaarde van een kansverdeling: triangular en "
        "pert (laag, modus, hoog), uniform (laag, hoog), normal en lognormal (gemiddelde, sd). "
        "De berekening gebruikt de basiswaarde; Monte Carlo trekt uit de verdeling.",
    },
    "report_tornado_top": {
        "en": "The tornado shows the {shown} of {total} uncertain inputs with the largest swing; "
        "`businesscase sensitivity` lists them all.",
        "nl": "De tornado toont de {shown} van de {total} onzekere invoerwaarden met de grootste "
        "uitslag; `businesscase sensitivity` geeft ze allemaal.",
    },
    "yearly_year": {"en": "year", "nl": "jaar"},
    "yearly_costs": {"en": "costs", "nl": "kosten"},
    "yearly_benefits": {"en": "benefits", "nl": "baten"},
    "yearly_net_benefit": {"en": "net benefit", "nl": "netto baten"},
    "yearly_inflows": {"en": "financing", "nl": "financiering"},
    "yearly_outflows": {"en": "costs + repayments", "nl": "kosten + aflossingen"},
    "yearly_net_cash": {"en": "net cash", "nl": "netto kasstroom"},
    "yearly_cash_balance": {"en": "cash balance", "nl": "kassaldo"},
    "yearly_sib_payments": {"en": "SIB payments", "nl": "SIB-uitbetalingen"},
    "generated_by": {
        "en": "Made with businesscase {version}.",
        "nl": "Gemaakt met businesscase {version}.",
    },
    # charts (businesscase/charts.py)
    "chart_year": {"en": "Year", "nl": "Jaar"},
    "chart_financing_title": {
        "en": "Costs and financing per year",
        "nl": "Kosten en financiering per jaar",
    },
    "chart_costs": {"en": "Costs", "nl": "Kosten"},
    "chart_outflows": {"en": "Costs + loan repayments", "nl": "Kosten + aflossingen"},
    "chart_cash_title": {
        "en": "Cash balance at the end of each year",
        "nl": "Kassaldo aan het eind van elk jaar",
    },
    "chart_cash_balance": {"en": "Cash balance", "nl": "Kassaldo"},
    "chart_short": {"en": "short of cash", "nl": "kastekort"},
    "chart_enough": {"en": "enough cash", "nl": "voldoende kas"},
    "chart_benefits_stakeholder_title": {
        "en": "Benefits per stakeholder (PV)",
        "nl": "Baten per belanghebbende (contante waarde)",
    },
    "chart_not_cashable": {"en": "not cashable", "nl": "niet in kas"},
    "chart_value_type_title": {
        "en": "Benefits per year by value type",
        "nl": "Baten per jaar naar soort waarde",
    },
    "chart_value_type_pv": {"en": "{type} (PV {pv})", "nl": "{type} (CW {pv})"},
    "value_type_fiscal": {"en": "fiscal", "nl": "fiscaal"},
    "value_type_economic": {"en": "economic", "nl": "economisch"},
    "value_type_social": {"en": "social", "nl": "sociaal"},
    "chart_project": {"en": "The project", "nl": "Het project"},
    "chart_link_financing": {"en": "financing", "nl": "financiering"},
    "chart_link_benefit": {"en": "benefit", "nl": "baten"},
    "chart_link_repayment": {"en": "loan repayment", "nl": "aflossing lening"},
    "chart_link_outcome_payment": {"en": "SIB outcome payment", "nl": "SIB-uitbetaling"},
    "chart_sib_title": {"en": "Social impact bond", "nl": "Social impact bond"},
    "chart_sib_investor": {"en": "Investor: {name}", "nl": "Investeerder: {name}"},
    "chart_sib_payer": {"en": "Outcome payer: {name}", "nl": "Uitkomstbetaler: {name}"},
    "chart_sib_capital": {"en": "Capital paid in", "nl": "Ingelegd kapitaal"},
    "chart_sib_payments": {"en": "Outcome payments received", "nl": "Ontvangen uitbetalingen"},
    "chart_sib_net": {"en": "Investor's cumulative net", "nl": "Cumulatief netto investeerder"},
    "chart_sib_paid": {"en": "Outcome payments made", "nl": "Betaalde uitbetalingen"},
    "chart_sib_payer_value": {
        "en": "Payer's cashable value of the paid-for outcomes",
        "nl": "Kasbaten van de betaalde resultaten voor de betaler",
    },
    "chart_fan_title": {
        "en": "Cash balance over the draws",
        "nl": "Kassaldo over de trekkingen",
    },
    "chart_band_outer": {"en": "P5–P95", "nl": "P5–P95"},
    "chart_band_inner": {"en": "P25–P75", "nl": "P25–P75"},
    "chart_median": {"en": "median (P50)", "nl": "mediaan (P50)"},
    "chart_distribution_draws": {"en": "{draws} draws", "nl": "{draws} trekkingen"},
    "chart_draws": {"en": "draws", "nl": "trekkingen"},
    "chart_tornado_title": {
        "en": "Which assumption matters? {figure} at base: {base}",
        "nl": "Welke aanname telt? {figure} bij basiswaarden: {base}",
    },
    "chart_input_low": {"en": "input at its low", "nl": "invoer laag"},
    "chart_input_high": {"en": "input at its high", "nl": "invoer hoog"},
    "chart_change": {"en": "change in {figure}", "nl": "verandering van {figure}"},
    "chart_compare_cash_title": {"en": "Cash balance per scenario", "nl": "Kassaldo per scenario"},
    "chart_compare_benefits_title": {
        "en": "PV benefits by value type and PV costs per scenario",
        "nl": "Contante waarde baten naar soort en kosten per scenario",
    },
    # Results page (app_pages/results.py)
    "results_close_gap": {
        "en": "Close the gap: ask the stakeholders who gain cash",
        "nl": "Sluit het gat: vraag de belanghebbenden met kasbaten",
    },
    "results_gap_variant": {"en": "{name} – closed", "nl": "{name} – sluitend"},
    "results_gap_added": {
        "en": "Added the variant “{name}”, which closes, with these extra contributions "
        "(each stakeholder pays at most its cashable benefit, in present value):",
        "nl": "Variant “{name}” toegevoegd, die sluit, met deze extra bijdragen (niemand betaalt "
        "meer dan zijn kasbaten, in contante waarde):",
    },
    "results_gap_cannot_close": {
        "en": "The cashable benefits cannot close this gap. Needed: {needed} (PV); the "
        "stakeholders' cashable benefits: {cashable} (PV); short by {shortfall} (PV). "
        "No variant was added.",
        "nl": "De kasbaten kunnen dit gat niet dichten. Nodig: {needed} (CW); kasbaten van de "
        "belanghebbenden: {cashable} (CW); tekort {shortfall} (CW). Er is geen variant "
        "toegevoegd.",
    },
    "results_line": {"en": "line", "nl": "regel"},
    "results_amount": {"en": "amount", "nl": "bedrag"},
    "results_flows": {
        "en": "All flows (one row per line, year and stakeholder)",
        "nl": "Alle geldstromen (een rij per regel, jaar en belanghebbende)",
    },
    "flow_cost": {"en": "cost", "nl": "kosten"},
    "flow_benefit": {"en": "benefit", "nl": "baten"},
    "flow_in_kind": {"en": "input in kind", "nl": "inzet in natura"},
    "flow_harm": {"en": "harm", "nl": "schade"},
    "flow_residual_value": {"en": "residual value", "nl": "restwaarde"},
    "flow_transfer": {"en": "transfer", "nl": "overdracht"},
    "flow_transfer_harm": {"en": "transfer (loss)", "nl": "overdracht (verlies)"},
    "flow_financing": {"en": "financing", "nl": "financiering"},
    "flow_repayment": {"en": "loan repayment", "nl": "aflossing lening"},
    "flow_outcome_payment": {"en": "SIB outcome payment", "nl": "SIB-uitbetaling"},
    "flows_year": {"en": "year", "nl": "jaar"},
    "flows_t": {"en": "t", "nl": "t"},
    "flows_line": {"en": "line", "nl": "regel"},
    "flows_section": {"en": "section", "nl": "onderdeel"},
    "flows_flow": {"en": "kind of flow", "nl": "soort stroom"},
    "flows_stakeholder": {
        "en": "stakeholder (benefits, pays or receives)",
        "nl": "belanghebbende (baat, betaalt of ontvangt)",
    },
    "flows_counterparty": {"en": "paid to", "nl": "betaald aan"},
    "flows_value_type": {"en": "value type", "nl": "soort waarde"},
    "flows_cashable": {"en": "cashable", "nl": "kasbaar"},
    "flows_amount": {"en": "amount", "nl": "bedrag"},
    "flows_pv": {"en": "PV", "nl": "CW"},
    # Uncertainty page (app_pages/uncertainty.py)
    "uncertainty_none": {
        "en": "No input of this variant is written as a distribution, so there is nothing to "
        "vary: the figures on the Results page are certain under its assumptions. Write an "
        'input as e.g. { dist = "triangular", low = 0.1, mode = 0.25, high = 0.4 } to '
        "see how sure they are.",
        "nl": "Geen enkele invoer van deze variant is als kansverdeling gegeven, dus er valt "
        "niets te variëren: de kengetallen op de pagina Resultaten liggen vast onder de "
        'aannames. Geef een invoer bijvoorbeeld als { dist = "triangular", low = 0.1, '
        "mode = 0.25, high = 0.4 } om te zien hoe zeker ze zijn.",
    },
    "uncertainty_inputs": {
        "en": "{count} inputs are written as distributions.",
        "nl": "{count} invoerwaarden zijn als kansverdeling gegeven.",
    },
    "uncertainty_monte_carlo": {"en": "Monte Carlo", "nl": "Monte Carlo"},
    "uncertainty_run": {"en": "Run", "nl": "Doorrekenen"},
    "uncertainty_not_run": {
        "en": "Choose the number of draws and a seed, then press Run.",
        "nl": "Kies het aantal trekkingen en een seed en druk op Doorrekenen.",
    },
    "uncertainty_running": {
        "en": "Evaluating {draws} draws…",
        "nl": "{draws} trekkingen doorrekenen…",
    },
    "uncertainty_running_first": {
        "en": "Evaluating {draws} draws… (the first time after installing, the calculation"
        " core is compiled as well: up to a minute, once)",
        "nl": "{draws} trekkingen doorrekenen… (de eerste keer na de installatie wordt ook de"
        " rekenkern klaargezet: tot een minuut, één keer)",
    },
    "uncertainty_ran": {
        "en": "{draws} draws, seed {seed}: the same seed gives the same numbers.",
        "nl": "{draws} trekkingen, seed {seed}: dezelfde seed geeft dezelfde uitkomsten.",
    },
    "uncertainty_clipped": {
        "en": "{path}: {count} draws fell outside [{low}, {high}] and were clipped to it.",
        "nl": "{path}: {count} trekkingen vielen buiten [{low}, {high}] en zijn daartoe afgekapt.",
    },
    "uncertainty_mean": {"en": "mean", "nl": "gemiddelde"},
    "uncertainty_p5": {"en": "P5", "nl": "P5"},
    "uncertainty_p50": {"en": "P50 (median)", "nl": "P50 (mediaan)"},
    "uncertainty_p95": {"en": "P95", "nl": "P95"},
    "uncertainty_share_null": {
        "en": "draws without the figure",
        "nl": "trekkingen zonder dit kengetal",
    },
    "uncertainty_sensitivity": {
        "en": "Which assumption matters?",
        "nl": "Welke aanname telt?",
    },
    "uncertainty_tornado_figure": {"en": "Change in", "nl": "Verandering van"},
    "uncertainty_switching": {
        "en": "Switching values: where the verdict flips",
        "nl": "Omslagwaarden: waar het oordeel omslaat",
    },
    "uncertainty_tornado_top": {
        "en": "The {top} inputs with the largest swing, of {count}; the switching values below "
        "list them all.",
        "nl": "De {top} invoerwaarden met de grootste uitslag, van de {count}; de omslagwaarden "
        "hieronder noemen ze allemaal.",
    },
    "uncertainty_searching": {
        "en": "Searching the switching values…",
        "nl": "Omslagwaarden zoeken…",
    },
    "uncertainty_input": {"en": "input", "nl": "invoer"},
    "uncertainty_base": {"en": "base value", "nl": "basiswaarde"},
    "uncertainty_npv_switch": {
        "en": "social NPV crosses 0 at",
        "nl": "maatschappelijke NCW gaat door 0 bij",
    },
    "uncertainty_closes_switch": {
        "en": "closing flips at",
        "nl": "sluitend slaat om bij",
    },
    "uncertainty_npv_social_holds": {
        "en": "stays ≥ 0 from {low} to {high}",
        "nl": "blijft ≥ 0 van {low} tot {high}",
    },
    "uncertainty_npv_social_fails": {
        "en": "stays below 0 from {low} to {high}",
        "nl": "blijft onder 0 van {low} tot {high}",
    },
    "uncertainty_closes_holds": {
        "en": "closes everywhere from {low} to {high}",
        "nl": "sluit overal van {low} tot {high}",
    },
    "uncertainty_closes_fails": {
        "en": "closes nowhere from {low} to {high}",
        "nl": "sluit nergens van {low} tot {high}",
    },
    "uncertainty_switching_note": {
        "en": "One input at a time, the others at their base values; searched over a wide range "
        "(shares 0 to 1, amounts 0 to 10 times the base or high value).",
        "nl": "Eén invoer tegelijk, de andere op hun basiswaarde; gezocht over een ruim bereik "
        "(aandelen 0 tot 1, bedragen 0 tot 10 keer de basis- of hoogste waarde).",
    },
    "app_title": {"en": "Social business case", "nl": "Maatschappelijke business case"},
    # CLI uncertainty commands: simulate, sensitivity, close-gap (businesscase/cli/uncertainty.py)
    "simulating": {"en": "simulating", "nl": "simuleren"},
    "simulate_title": {
        "en": "{name} — {draws} draws, seed {seed}",
        "nl": "{name} — {draws} trekkingen, seed {seed}",
    },
    "no_seed": {"en": "none (not reproducible)", "nl": "geen (niet herhaalbaar)"},
    "mean": {"en": "mean", "nl": "gemiddelde"},
    "null": {"en": "null", "nl": "ontbreekt"},
    "clipped_warning": {
        "en": "warning: {file}: {path}: {count} of {draws} draws outside [{low}, {high}] "
        "were clipped",
        "nl": "waarschuwing: {file}: {path}: {count} van {draws} trekkingen buiten "
        "[{low}, {high}] zijn afgekapt",
    },
    "nothing_to_vary": {
        "en": "No input is written as a distribution: nothing to vary.",
        "nl": "Geen invoer is als kansverdeling gegeven: er valt niets te variëren.",
    },
    "tornado_title": {
        "en": "Tornado: social NPV {npv}, funding gap {gap} at base",
        "nl": "Tornado: maatschappelijke NCW {npv}, financieringstekort {gap} bij de basiswaarden",
    },
    "input": {"en": "input", "nl": "invoer"},
    "low": {"en": "low", "nl": "laag"},
    "base": {"en": "base", "nl": "basis"},
    "high": {"en": "high", "nl": "hoog"},
    "tornado_npv_social_low": {"en": "Δ NPV low", "nl": "Δ NCW laag"},
    "tornado_npv_social_high": {"en": "Δ NPV high", "nl": "Δ NCW hoog"},
    "tornado_funding_gap_low": {"en": "Δ gap low", "nl": "Δ tekort laag"},
    "tornado_funding_gap_high": {"en": "Δ gap high", "nl": "Δ tekort hoog"},
    "switching_title": {
        "en": "Switching values (one input at a time, the others at base)",
        "nl": "Omslagwaarden (één invoer tegelijk, de andere op hun basiswaarde)",
    },
    "npv_switch": {"en": "social NPV crosses 0 at", "nl": "NCW gaat door 0 bij"},
    "closes_switch": {"en": "closes flips at", "nl": "sluitend slaat om bij"},
    "no_switch_npv_social_holds": {
        "en": "stays >= 0 over [{low}, {high}]",
        "nl": "blijft >= 0 over [{low}, {high}]",
    },
    "no_switch_npv_social_fails": {
        "en": "stays below 0 over [{low}, {high}]",
        "nl": "blijft onder 0 over [{low}, {high}]",
    },
    "no_switch_closes_holds": {
        "en": "closes everywhere in [{low}, {high}]",
        "nl": "sluit overal in [{low}, {high}]",
    },
    "no_switch_closes_fails": {
        "en": "closes nowhere in [{low}, {high}]",
        "nl": "sluit nergens in [{low}, {high}]",
    },
    "gap_out_is_input": {
        "en": "--out {out}: is the input file; write the proposal to another file",
        "nl": "--out {out}: is het invoerbestand; schrijf het voorstel naar een ander bestand",
    },
    "gap_cannot_write": {
        "en": "--out {out}: cannot write: {reason}",
        "nl": "--out {out}: kan niet schrijven: {reason}",
    },
    "gap_cannot_close": {
        "en": "The cashable benefits cannot close the gap: the top-ups needed are worth {needed} "
        "(PV), the stakeholders' cashable benefits {cashable}; short by {short} (PV). "
        "No file written.",
        "nl": "De kasbaten kunnen het tekort niet dichten: de benodigde aanvullingen zijn "
        "{needed} waard (CW), de kasbaten van de belanghebbenden {cashable}; er ontbreekt "
        "{short} (CW). Geen bestand geschreven.",
    },
    "gap_none": {
        "en": "{file} has no funding gap: nothing to add.",
        "nl": "{file} heeft geen financieringstekort: niets toe te voegen.",
    },
    "gap_title": {
        "en": "Extra contributions that close a gap of {gap}",
        "nl": "Aanvullende bijdragen die een tekort van {gap} dichten",
    },
    "funding_line": {"en": "funding line", "nl": "financieringsregel"},
    "amount": {"en": "amount", "nl": "bedrag"},
    # app shell: navigation, language and variants (app.py, app_pages/state.py)
    "language_name": {"en": "English", "nl": "Nederlands"},
    "current_variant": {"en": "Variant shown", "nl": "Getoonde variant"},
    "page_build": {"en": "Build", "nl": "Opbouwen"},
    "page_results": {"en": "Results", "nl": "Resultaten"},
    "page_uncertainty": {"en": "Uncertainty", "nl": "Onzekerheid"},
    "page_compare": {"en": "Compare", "nl": "Vergelijken"},
    "page_report": {"en": "Report", "nl": "Rapport"},
    # Build page (app_pages/build.py): sources, variants, the editable tables
    "build_intro": {
        "en": "Build the business case together: every change is checked at once, and the "
        "figures follow each valid version.",
        "nl": "Bouw samen de business case: elke wijziging wordt meteen gecontroleerd en de "
        "cijfers volgen elke geldige versie.",
    },
    "source_example": {"en": "Shipped scenario", "nl": "Meegeleverd scenario"},
    "load_example": {"en": "Open as a variant", "nl": "Openen als variant"},
    "upload_label": {
        "en": "Upload a scenario file (TOML)",
        "nl": "Scenariobestand uploaden (TOML)",
    },
    "upload_failed": {
        "en": "{name} was not read:",
        "nl": "{name} is niet ingelezen:",
    },
    "start_empty": {"en": "Start empty", "nl": "Leeg beginnen"},
    "empty_name": {"en": "New plan", "nl": "Nieuw plan"},
    "variant_name": {"en": "Name of the new variant", "nl": "Naam van de nieuwe variant"},
    "save_variant": {"en": "Save as variant", "nl": "Bewaren als variant"},
    "download_toml": {"en": "Download scenario (TOML)", "nl": "Scenario downloaden (TOML)"},
    "editing": {"en": "Editing variant: {name}", "nl": "Je bewerkt variant: {name}"},
    "invalid_input": {
        "en": "Not valid yet; the figures belong to the last valid version:",
        "nl": "Nog niet geldig; de cijfers horen bij de laatste geldige versie:",
    },
    "rows_from_zero": {
        "en": "Rows count from 0: costs[0] is the first row of the costs table.",
        "nl": "Regels tellen vanaf 0: costs[0] is de eerste regel van de kostentabel.",
    },
    "distribution_of": {"en": "{field} (distribution)", "nl": "{field} (verdeling)"},
    "distribution_help": {
        "en": "Empty: a fixed number. Else e.g. triangular(low, mode, high), pert(low, mode, "
        "high), uniform(low, high), normal(mean, sd), lognormal(mean, sd). Editing the number "
        "next to it moves the base value (mode or mean).",
        "nl": "Leeg: een vast getal. Anders bijv. triangular(laag, modus, hoog), pert(laag, "
        "modus, hoog), uniform(laag, hoog), normal(gemiddelde, sd), lognormal(gemiddelde, sd); "
        "met decimale komma's: triangular(0,2; 0,3; 0,45). Het getal ernaast wijzigen "
        "verschuift de basiswaarde (modus of gemiddelde).",
    },
    "empty_default": {
        "en": "Empty: the default of the scenario format.",
        "nl": "Leeg: de standaardwaarde van het scenarioformaat.",
    },
    "table_scenario": {"en": "Scenario settings", "nl": "Scenario-instellingen"},
    "table_stakeholders": {"en": "Stakeholders", "nl": "Belanghebbenden"},
    "table_costs": {"en": "Costs", "nl": "Kosten"},
    "table_outcomes": {"en": "Outcomes", "nl": "Maatschappelijke effecten"},
    "table_beneficiaries": {
        "en": "Who benefits from each outcome (shares add up to 100%)",
        "nl": "Wie profiteert van elk effect (aandelen tellen op tot 100%)",
    },
    "table_avoided_costs": {"en": "Avoided costs", "nl": "Vermeden kosten"},
    "table_value_capture": {"en": "Value capture", "nl": "Waardeafroming"},
    "table_funding": {"en": "Funding and loans", "nl": "Financiering en leningen"},
    "table_sib": {
        "en": "Outcome contracts (social impact bonds), one row each",
        "nl": "Resultaatcontracten (social impact bonds), één regel per contract",
    },
    "field_name": {"en": "name", "nl": "naam"},
    "field_area": {"en": "area", "nl": "gebied"},
    "field_description": {"en": "description", "nl": "beschrijving"},
    "field_currency": {"en": "currency", "nl": "valuta"},
    "field_start_year": {"en": "start year", "nl": "startjaar"},
    "field_horizon_years": {"en": "horizon (years)", "nl": "looptijd (jaren)"},
    "field_discount_rate": {"en": "discount rate", "nl": "discontovoet"},
    "field_themes": {"en": "themes", "nl": "thema's"},
    "field_id": {"en": "id", "nl": "id"},
    "field_kind": {"en": "kind", "nl": "soort"},
    "field_amount": {"en": "amount", "nl": "bedrag"},
    "field_start": {"en": "start (t)", "nl": "start (t)"},
    "field_duration": {"en": "duration (years)", "nl": "duur (jaren)"},
    "field_growth": {"en": "growth", "nl": "groei"},
    "field_category": {"en": "category", "nl": "categorie"},
    "field_proxy_source": {"en": "source", "nl": "bron"},
    "field_theme": {"en": "theme", "nl": "thema"},
    "field_indicator": {"en": "indicator", "nl": "indicator"},
    "field_quantity": {"en": "quantity per year", "nl": "aantal per jaar"},
    "field_proxy": {"en": "value per outcome (proxy)", "nl": "waarde per effect (proxy)"},
    "field_value_type": {"en": "value type", "nl": "soort waarde"},
    "field_deadweight": {"en": "deadweight", "nl": "deadweight"},
    "field_displacement": {"en": "displacement", "nl": "verplaatsing"},
    "field_attribution": {"en": "attribution", "nl": "attributie"},
    "field_drop_off": {"en": "drop-off", "nl": "afname per jaar"},
    "field_lasts": {"en": "lasts (years)", "nl": "houdt aan (jaren)"},
    "field_cashable_share": {"en": "cashable share", "nl": "deel kasbaten"},
    "field_outcome": {"en": "outcome", "nl": "effect"},
    "field_stakeholder": {"en": "stakeholder", "nl": "belanghebbende"},
    "field_share": {"en": "share", "nl": "aandeel"},
    "field_bearer": {"en": "bearer", "nl": "drager"},
    "field_incidents": {"en": "incidents per year", "nl": "incidenten per jaar"},
    "field_reduction": {"en": "reduction", "nl": "afname"},
    "field_unit_cost": {"en": "cost per incident", "nl": "kosten per incident"},
    "field_probability": {"en": "probability", "nl": "kans"},
    "field_units": {"en": "units", "nl": "eenheden"},
    "field_base_value": {"en": "value per unit", "nl": "waarde per eenheid"},
    "field_uplift": {"en": "uplift", "nl": "waardestijging"},
    "field_capture_share": {"en": "captured share", "nl": "afgeroomd deel"},
    "field_mechanism": {"en": "mechanism", "nl": "instrument"},
    "field_payer": {"en": "payer", "nl": "betaler"},
    "field_funder": {"en": "funder", "nl": "financier"},
    "field_interest_rate": {"en": "interest rate", "nl": "rente"},
    "field_term": {"en": "term (years)", "nl": "looptijd lening (jaren)"},
    "field_investor": {"en": "investor", "nl": "investeerder"},
    "field_outcome_payer": {"en": "outcome payer", "nl": "resultaatbetaler"},
    "field_capital": {"en": "capital", "nl": "kapitaal"},
    "field_price": {"en": "price per outcome", "nl": "prijs per resultaat"},
    "field_threshold": {"en": "threshold", "nl": "drempel"},
    "field_cap": {"en": "cap", "nl": "plafond"},
    "field_lag": {"en": "lag (years)", "nl": "vertraging (jaren)"},
    # guided: the table view's cells and words, pick-lists, the guided build (app_pages/cells.py,
    # tables.py, build.py, guided.py, start.py)
    "years_count": {"en": "{count} yr", "nl": "{count} jaar"},
    "cell_not_a_number": {
        "en": "is not a number; type e.g. 60,000 or 12.5 (percentages as 30 for 30%)",
        "nl": "is geen getal; typ bijvoorbeeld 60.000 of 12,5 (percentages als 30 voor 30%)",
    },
    "cell_not_whole": {
        "en": "must be a whole number of years",
        "nl": "moet een heel aantal jaren zijn",
    },
    "cell_share_range": {
        "en": "is a percentage and must lie between 0 and 100%",
        "nl": "is een percentage en moet tussen 0 en 100% liggen",
    },
    "cell_no_outcome": {
        "en": "names no outcome of the outcomes table; outcomes: {outcomes}",
        "nl": "noemt geen effect uit de tabel met effecten; effecten: {outcomes}",
    },
    "cell_required": {"en": "must be filled in", "nl": "moet ingevuld zijn"},
    "the_scenario": {"en": "the scenario", "nl": "het scenario"},
    "line_number": {"en": "line {number}", "nl": "regel {number}"},
    "field_beneficiaries": {"en": "who benefits", "nl": "wie profiteert"},
    "choose_themes": {"en": "Choose themes", "nl": "Kies thema's"},
    "page_guided": {"en": "Step by step", "nl": "Stap voor stap"},
    "guided_editing": {
        "en": "You are building: **{name}**. Everything is kept at once, also when it is not "
        "finished.",
        "nl": "Je bouwt aan: **{name}**. Alles wordt meteen bewaard, ook als het nog niet af is.",
    },
    "guided_new_plan": {"en": "Start a new plan", "nl": "Nieuw plan beginnen"},
    "guided_step": {"en": "Step", "nl": "Stap"},
    "step_plan": {"en": "1. The plan", "nl": "1. Het plan"},
    "step_partijen": {"en": "2. Who takes part", "nl": "2. Wie doet mee"},
    "step_kosten": {"en": "3. What it costs", "nl": "3. Wat kost het"},
    "step_baten": {"en": "4. What it yields", "nl": "4. Wat levert het op"},
    "step_voorkomen": {"en": "5. What it prevents", "nl": "5. Wat wordt voorkomen"},
    "step_betalen": {"en": "6. Who pays", "nl": "6. Wie betaalt"},
    "step_sluit": {"en": "7. Does it close?", "nl": "7. Sluit het?"},
    "step_plan_intro": {
        "en": "Name the plan, say where it takes place, from which year and for how many years "
        "you count, and pick the themes from the checklist. The neighbourhood analysis below "
        "shows the life domains where the area lags behind.",
        "nl": "Geef het plan een naam, zeg in welke wijk het speelt, vanaf welk jaar en hoeveel "
        "jaar jullie meetellen, en kies de thema's uit de checklist. De wijkanalyse hieronder "
        "laat zien op welke levensdomeinen de buurt achterloopt.",
    },
    "step_partijen_intro": {
        "en": "The social alliance: everyone who pays, takes part or benefits. Think of the "
        "municipality, the housing corporation, care and welfare, funds, businesses and the "
        "residents themselves.",
        "nl": "De sociale alliantie: iedereen die betaalt, meedoet of er baat bij heeft. Denk aan "
        "de gemeente, de woningcorporatie, zorg en welzijn, fondsen, ondernemers en de "
        "bewoners zelf.",
    },
    "step_kosten_intro": {
        "en": "What the plan costs, per year, in euros of the start year. One line per kind of "
        "cost: people, materials, space, an investment.",
        "nl": "Wat het plan kost, per jaar, in euro's van het startjaar. Een regel per soort "
        "kosten: mensen, materiaal, ruimte, een investering.",
    },
    "step_baten_intro": {
        "en": "What the plan yields: one line per outcome. How many people a year, what it is "
        "worth per person (pick from the library or type it with a source), and who benefits. "
        "An outcome is complete when at least one party benefits from it.",
        "nl": "Wat het plan oplevert: een regel per effect. Hoeveel mensen per jaar, wat het "
        "waard is per persoon (kies uit de bibliotheek of vul zelf in met bron), en wie er "
        "baat bij heeft. Een effect is compleet als het minstens één partij heeft die er baat "
        "bij heeft.",
    },
    "step_voorkomen_intro": {
        "en": "Spending that is no longer needed: less care, less police time, less debt "
        "counselling. Say who would otherwise have paid.",
        "nl": "Kosten die niet meer gemaakt hoeven te worden: minder zorg, minder politie-inzet, "
        "minder schuldhulp. Zeg wie die kosten anders had betaald.",
    },
    "step_betalen_intro": {
        "en": "The programme's financing routes: a subsidy, a grant from a fund, regular budget, "
        "a contribution from those who benefit, revenue, a loan. Each route you use becomes "
        "one or more funding lines.",
        "nl": "De financieringsroutes van het programma: subsidie, een bijdrage van een fonds, "
        "regulier budget, een bijdrage van wie er baat bij heeft, opbrengsten, een lening. "
        "Elke route die jullie gebruiken wordt een of meer financieringsregels.",
    },
    "step_sluit_intro": {
        "en": "Is there enough money every year? Here you see the verdict, the shortfall per "
        "year, and who could close the gap: the parties the plan saves money, in proportion to "
        "what they save.",
        "nl": "Is er elk jaar genoeg geld? Hier zie je het oordeel, het tekort per jaar, en wie "
        "het tekort zou kunnen dichten: partijen die er geld door besparen, naar rato van wat "
        "ze besparen.",
    },
    "guided_not_complete": {
        "en": "Not complete yet. This is still missing or not right:",
        "nl": "Nog niet compleet. Dit ontbreekt nog of klopt nog niet:",
    },
    "guided_none_yet": {"en": "Nothing yet.", "nl": "Nog niets ingevuld."},
    "guided_remove_which": {"en": "Line to remove", "nl": "Regel om te verwijderen"},
    "guided_remove": {"en": "Remove", "nl": "Verwijderen"},
    "guided_add_stakeholders": {"en": "Add a party", "nl": "Partij toevoegen"},
    "guided_add_costs": {"en": "Add a cost", "nl": "Kostenpost toevoegen"},
    "guided_add_outcomes": {"en": "Add an outcome", "nl": "Effect toevoegen"},
    "guided_add_avoided_costs": {"en": "Add an avoided cost", "nl": "Voorkomen kosten toevoegen"},
    "guided_add_funding": {"en": "Add funding", "nl": "Financiering toevoegen"},
    "guided_loan_terms": {
        "en": "Loans only: interest and term",
        "nl": "Alleen bij een lening: rente en looptijd",
    },
    "guided_add": {"en": "Add", "nl": "Toevoegen"},
    "guided_save": {"en": "Save", "nl": "Opslaan"},
    "guided_library_outcomes": {"en": "Value from the library", "nl": "Waarde uit de bibliotheek"},
    "guided_library_avoided_costs": {
        "en": "Cost from the library",
        "nl": "Kosten uit de bibliotheek",
    },
    "guided_library_none": {"en": "Type it myself", "nl": "Zelf invullen"},
    "guided_library_help": {
        "en": "Figures with their source and how sure they are (measured, estimated or "
        "illustrative). Leave the amount below empty to use the library's; an amount you type "
        "counts instead.",
        "nl": "Kengetallen met hun bron en hoe zeker ze zijn (gemeten, geschat of illustratief). "
        "Laat je het bedrag hieronder leeg, dan geldt het bedrag uit de bibliotheek; vul je "
        "zelf een bedrag in, dan telt dat.",
    },
    "guided_beneficiaries": {
        "en": "**Who benefits?** Divide the value over the parties, 100% together.",
        "nl": "**Wie heeft er baat bij?** Verdeel de waarde over de partijen, samen 100%.",
    },
    "guided_first_stakeholders": {
        "en": "First add the parties in step 2.",
        "nl": "Voeg eerst bij stap 2 de partijen toe.",
    },
    "guided_baseline_title": {
        "en": "Neighbourhood analysis: persons with limitations per life domain (Bospolder, 2020)",
        "nl": "Wijkanalyse: personen met beperkingen per levensdomein (Bospolder, 2020)",
    },
    "guided_baseline_intro": {
        "en": "The baseline of the Veerkrachtig BoTu 2028 programme (an illustration, still to be "
        "confirmed): how many residents have a limitation in each life domain, compared with "
        "Rotterdam, South Holland and the Netherlands.",
        "nl": "De nulmeting van het programma Veerkrachtig BoTu 2028 (ter illustratie, nog vast "
        "te stellen): hoeveel bewoners op elk levensdomein beperkt zijn, vergeleken met "
        "Rotterdam, Zuid-Holland en Nederland.",
    },
    "baseline_domain": {"en": "life domain", "nl": "levensdomein"},
    "baseline_count": {"en": "residents", "nl": "aantal bewoners"},
    "baseline_pct_buurt": {"en": "neighbourhood", "nl": "buurt"},
    "baseline_pct_gemeente": {"en": "Rotterdam", "nl": "Rotterdam"},
    "baseline_pct_provincie": {"en": "South Holland", "nl": "Zuid-Holland"},
    "baseline_pct_landelijk": {"en": "Netherlands", "nl": "Nederland"},
    "guided_close_needs_complete": {
        "en": "First complete the steps above; then you see here whether the plan closes.",
        "nl": "Maak eerst de stappen hierboven compleet; dan zie je hier of het plan sluit.",
    },
    "guided_year_costs": {"en": "spending", "nl": "uitgaven"},
    "guided_year_funding": {"en": "income", "nl": "inkomsten"},
    "guided_year_short": {"en": "short", "nl": "tekort"},
    "guided_close_title": {"en": "Closing the gap", "nl": "Het tekort dichten"},
    "guided_close_intro": {
        "en": "Whoever saves money through the plan (cashable benefits) has a reason to "
        "contribute. Each party is asked in proportion to its cashable benefits, never more "
        "than those (present value). Leave out parties you do not want to ask, the residents "
        "for instance.",
        "nl": "Wie door het plan geld bespaart (kasbaten), heeft reden om bij te dragen. Elke "
        "partij wordt gevraagd naar rato van haar kasbaten, en nooit meer dan die kasbaten "
        "(contante waarde). Laat partijen weg die je niet wilt vragen, bijvoorbeeld de "
        "bewoners.",
    },
    "guided_leave_out": {"en": "Do not ask", "nl": "Niet vragen"},
    "guided_leave_out_none": {"en": "Everyone may be asked", "nl": "Iedereen mag gevraagd worden"},
    "guided_why": {"en": "saves (cashable, PV): why", "nl": "bespaart (kasbaten, CW): waarom"},
    "guided_pays_already": {"en": "already pays (PV)", "nl": "betaalt al (CW)"},
    "guided_asked": {"en": "asked (PV)", "nl": "gevraagd (CW)"},
    "guided_keep_closed": {
        "en": "Keep this proposal as a new variant",
        "nl": "Bewaar dit voorstel als nieuwe variant",
    },
    "guided_more_routes": {
        "en": "Value capture (e.g. ground lease or betterment levy) and contracts that pay for "
        "several outcomes are entered in the table view.",
        "nl": "Waardeafroming (bijv. erfpacht of baatbelasting) en contracten die voor meerdere "
        "effecten betalen vul je in de tabelweergave in.",
    },
    "guided_next": {"en": "Next: {step}", "nl": "Verder: {step}"},
    "type_a_number": {"en": "type a number", "nl": "typ een getal"},
    "certainty_measured": {"en": "measured", "nl": "gemeten"},
    "certainty_estimated": {"en": "estimated", "nl": "geschat"},
    "certainty_illustrative": {"en": "illustrative", "nl": "illustratief"},
    "price_level": {"en": "price level", "nl": "prijspeil"},
    "ask_name": {"en": "Name of the plan", "nl": "Naam van het plan"},
    "ask_area": {"en": "Neighbourhood", "nl": "Wijk of buurt"},
    "ask_description": {"en": "What will you do?", "nl": "Wat gaan jullie doen?"},
    "ask_start_year": {"en": "Start year", "nl": "Startjaar"},
    "ask_horizon_years": {
        "en": "How many years do you count?",
        "nl": "Hoeveel jaar tellen jullie mee?",
    },
    "ask_themes": {"en": "Themes", "nl": "Thema's"},
    "ask_stakeholders_name": {"en": "Name of the party", "nl": "Naam van de partij"},
    "ask_kind": {"en": "Kind of party", "nl": "Soort partij"},
    "ask_costs_name": {"en": "Cost item", "nl": "Kostenpost"},
    "ask_costs_amount": {"en": "Amount per year (€)", "nl": "Bedrag per jaar (€)"},
    "ask_start": {"en": "First year", "nl": "Eerste jaar"},
    "ask_duration": {"en": "Number of years", "nl": "Aantal jaren"},
    "ask_category": {"en": "Kind of cost", "nl": "Soort kosten"},
    "ask_proxy_source": {"en": "Source of the amount", "nl": "Bron van het bedrag"},
    "ask_outcomes_name": {"en": "Outcome", "nl": "Effect"},
    "ask_theme": {"en": "Theme", "nl": "Thema"},
    "ask_indicator": {"en": "How do you measure it?", "nl": "Hoe meten jullie het?"},
    "ask_quantity": {"en": "Number per year", "nl": "Aantal per jaar"},
    "ask_proxy": {"en": "Value per person per year (€)", "nl": "Waarde per persoon per jaar (€)"},
    "ask_value_type": {"en": "Kind of value", "nl": "Soort waarde"},
    "ask_deadweight": {"en": "Would have happened anyway (%)", "nl": "Was toch gebeurd (%)"},
    "ask_attribution": {"en": "Owed to others (%)", "nl": "Dankzij anderen (%)"},
    "ask_lasts": {
        "en": "How long does it last (years)?",
        "nl": "Hoe lang houdt het effect aan (jaren)?",
    },
    "ask_cashable_share": {
        "en": "Share that saves real money (%)",
        "nl": "Deel dat echt geld bespaart (%)",
    },
    "ask_beneficiaries": {"en": "who benefits", "nl": "wie heeft er baat bij"},
    "ask_avoided_costs_name": {"en": "What is prevented?", "nl": "Wat wordt voorkomen?"},
    "ask_bearer": {"en": "Who would otherwise have paid?", "nl": "Wie had het anders betaald?"},
    "ask_incidents": {
        "en": "How often a year without the plan?",
        "nl": "Hoe vaak per jaar zonder het plan?",
    },
    "ask_reduction": {
        "en": "How much of it does the plan prevent (%)?",
        "nl": "Hoeveel daarvan voorkomt het plan (%)?",
    },
    "ask_unit_cost": {"en": "Cost each time (€)", "nl": "Kosten per keer (€)"},
    "ask_avoided_costs_probability": {
        "en": "Chance it happens in a year (%)",
        "nl": "Kans dat het in een jaar gebeurt (%)",
    },
    "ask_funding_name": {"en": "Funding line", "nl": "Financieringsregel"},
    "ask_funder": {"en": "Who pays?", "nl": "Wie betaalt?"},
    "ask_funding_kind": {"en": "Route", "nl": "Route"},
    "ask_funding_amount": {
        "en": "Amount per year (€; for a loan: the whole sum)",
        "nl": "Bedrag per jaar (€; bij een lening: het hele bedrag)",
    },
    "ask_interest_rate": {"en": "Interest per year (%)", "nl": "Rente per jaar (%)"},
    "ask_term": {"en": "Repaid over (years)", "nl": "Terugbetalen in (jaren)"},
    "help_scenario_name": {
        "en": "The name your plan is known by, e.g. Language café Bospolder.",
        "nl": "De naam waaronder jullie plan bekend is, bijvoorbeeld Taalcafé Bospolder.",
    },
    "help_area": {
        "en": "Where the plan takes place, e.g. Bospolder-Tussendijken.",
        "nl": "Waar het plan speelt, bijvoorbeeld Bospolder-Tussendijken.",
    },
    "help_description": {
        "en": "A few sentences: what you do, for whom, with whom.",
        "nl": "Een paar zinnen: wat doen jullie, voor wie, met wie.",
    },
    "help_start_year": {
        "en": "The first year the plan costs or yields money; usually next year. All amounts are "
        "in euros of this year.",
        "nl": "Het eerste jaar waarin het plan geld kost of oplevert; meestal volgend jaar. Alle "
        "bedragen zijn in euro's van dit jaar.",
    },
    "help_horizon_years": {
        "en": "How many years you count from the start year. Usually 5 to 10; what happens after "
        "them does not count.",
        "nl": "Hoeveel jaar jullie meetellen, vanaf het startjaar. Gebruikelijk is 5 tot 10 jaar; "
        "wat na die jaren gebeurt telt niet mee.",
    },
    "help_themes": {
        "en": "The themes of the Veerkrachtig BoTu 2028 checklist the plan contributes to; "
        "usually 1 to 3.",
        "nl": "De thema's van de checklist van Veerkrachtig BoTu 2028 waar het plan aan "
        "bijdraagt; meestal 1 tot 3.",
    },
    "help_stakeholders_name": {
        "en": "E.g. Gemeente Rotterdam, Woonstad Rotterdam, Residents of Bospolder.",
        "nl": "Bijvoorbeeld Gemeente Rotterdam, Woonstad Rotterdam, Bewoners van Bospolder.",
    },
    "help_kind": {
        "en": "What kind of party it is; the residents are a party too.",
        "nl": "Wat voor partij het is; de bewoners zijn ook een partij.",
    },
    "help_costs_name": {
        "en": "E.g. Two coordinators, Volunteer expenses, Rent of the space.",
        "nl": "Bijvoorbeeld Twee coördinatoren, Onkostenvergoeding vrijwilligers, Huur van de "
        "ruimte.",
    },
    "help_costs_amount": {
        "en": "What this item costs per year, in whole euros. A coordinator at 0.8 FTE easily "
        "costs € 50,000 to € 70,000 a year including employer's costs.",
        "nl": "Wat deze post per jaar kost, in hele euro's. Een coördinator van 0,8 fte kost al "
        "gauw € 50.000 tot € 70.000 per jaar inclusief werkgeverslasten.",
    },
    "help_start": {
        "en": "The calendar year this line starts in.",
        "nl": "Het kalenderjaar waarin deze regel begint.",
    },
    "help_duration": {
        "en": "For how many years in a row, from the first year; usually 1 up to the whole period.",
        "nl": "Hoeveel jaar achter elkaar, vanaf het eerste jaar; meestal 1 tot de hele looptijd.",
    },
    "help_category": {
        "en": "Running costs recur every year; an investment is made once (a refurbishment, "
        "equipment).",
        "nl": "Lopende kosten komen elk jaar terug; een investering doe je één keer (een "
        "verbouwing, apparatuur).",
    },
    "help_proxy_source": {
        "en": "Where the amount comes from: a quote, a budget, a report. So a funder can check it.",
        "nl": "Waar het bedrag vandaan komt: een offerte, een begroting, een rapport. Zo kan een "
        "financier het nagaan.",
    },
    "help_outcomes_name": {
        "en": "What changes for people, e.g. More residents find work.",
        "nl": "Wat er voor mensen verandert, bijvoorbeeld Meer bewoners vinden werk.",
    },
    "help_theme": {
        "en": "The checklist theme this outcome belongs to.",
        "nl": "Het thema van de checklist waar dit effect bij hoort.",
    },
    "help_indicator": {
        "en": "How you count that it happens, e.g. participants in work 6 months after.",
        "nl": "Hoe jullie tellen dat het gebeurt, bijvoorbeeld deelnemers die 6 maanden na afloop "
        "werk hebben.",
    },
    "help_quantity": {
        "en": "How many people (or cases) reach this outcome each year. For a small neighbourhood "
        "project usually 5 to 50.",
        "nl": "Hoeveel mensen (of gevallen) per jaar dit effect bereiken. Bij een klein "
        "buurtproject meestal 5 tot 50.",
    },
    "help_proxy": {
        "en": "What the outcome is worth per person per year, in euros. E.g. a benefit no longer "
        "needed: about € 16,400 a year.",
        "nl": "Wat het effect waard is per persoon per jaar, in euro's. Bijvoorbeeld een "
        "bijstandsuitkering die niet meer nodig is: ca. € 16.400 per jaar.",
    },
    "help_value_type": {
        "en": "Fiscal: money a public body saves. Economic: income or production. Social: "
        "wellbeing, expressed in euros.",
        "nl": "Fiscaal: geld dat een overheid bespaart. Economisch: inkomen of productie. "
        "Sociaal: welzijn, in euro's uitgedrukt.",
    },
    "help_deadweight": {
        "en": "Which share would have happened without the plan too. Usually 10 to 50%; often "
        "around 25%.",
        "nl": "Welk deel ook zonder het plan was gebeurd. Meestal 10 tot 50%; vaak rond 25%.",
    },
    "help_attribution": {
        "en": "Which share is owed to others than this plan (other help, family). Usually 10 to "
        "50%.",
        "nl": "Welk deel te danken is aan anderen dan dit plan (andere hulp, familie). Meestal 10 "
        "tot 50%.",
    },
    "help_lasts": {
        "en": "For how many years the outcome lasts for one person; a job often 2 to 3 years, "
        "feeling less lonely often 1 year.",
        "nl": "Hoeveel jaar het effect voor één persoon aanhoudt; werk houdt vaak 2 tot 3 jaar "
        "aan, een gevoel van minder eenzaamheid vaak 1 jaar.",
    },
    "help_cashable_share": {
        "en": "Which share of the value frees real money for those who benefit (a benefit no "
        "longer paid: 100%; wellbeing: 0%).",
        "nl": "Welk deel van de waarde echt geld vrijmaakt voor wie er baat bij heeft (een "
        "uitkering die niet meer betaald wordt: 100%; welzijn: 0%).",
    },
    "help_beneficiary_share": {
        "en": "The share of the value that goes to this party, in percent; 100% together.",
        "nl": "Het deel van de waarde dat bij deze partij terechtkomt, in procenten; samen 100%.",
    },
    "help_avoided_costs_name": {
        "en": "E.g. Fewer debt counselling cases, Less enforcement time.",
        "nl": "Bijvoorbeeld Minder schuldhulptrajecten, Minder inzet van handhaving.",
    },
    "help_bearer": {
        "en": "The party that would have had to pay these costs without the plan.",
        "nl": "De partij die deze kosten zonder het plan had moeten betalen.",
    },
    "help_incidents": {
        "en": "How often it happens a year without the plan: cases, hours, contacts.",
        "nl": "Hoe vaak het per jaar gebeurt zonder het plan: aantal trajecten, uren, contacten.",
    },
    "help_reduction": {
        "en": "Which share of it the plan prevents. Estimate carefully: usually 5 to 30%.",
        "nl": "Welk deel daarvan het plan voorkomt. Voorzichtig schatten: meestal 5 tot 30%.",
    },
    "help_avoided_costs_probability": {
        "en": "Happens every year (cases, contacts)? Then 100%. Is it an event that happens in a "
        "year or not, such as an eviction, a fire or a young person placed out of home? Then "
        "the chance in a year without the plan, e.g. 20% if it happens about once in five "
        "years. The figures count the chance times the cost; in the Monte Carlo (Uncertainty "
        "page) it happens or not in each year of each draw.",
        "nl": "Gebeurt het elk jaar (trajecten, contacten)? Dan 100%. Is het een gebeurtenis die "
        "in een jaar wel of niet voorkomt, zoals een huisuitzetting, een brand of een "
        "uithuisplaatsing? Dan de kans per jaar zonder het plan, bijvoorbeeld 20% als het "
        "ongeveer eens in de vijf jaar gebeurt. De cijfers tellen kans maal kosten; in de Monte "
        "Carlo (pagina Onzekerheid) gebeurt het in elk jaar van elke trekking wel of niet.",
    },
    "help_unit_cost": {
        "en": "What one case costs, in euros; e.g. a debt counselling case about € 2,400.",
        "nl": "Wat één keer kost, in euro's; bijvoorbeeld een schuldhulptraject ca. € 2.400.",
    },
    "help_avoided_costs_cashable_share": {
        "en": "Which share the payer really saves; with a fixed budget or staff less than 100%.",
        "nl": "Welk deel de betaler echt bespaart; bij een vast budget of vaste formatie minder "
        "dan 100%.",
    },
    "help_funding_name": {
        "en": "E.g. Municipal subsidy, Contribution of the housing corporation.",
        "nl": "Bijvoorbeeld Subsidie gemeente, Bijdrage Woonstad.",
    },
    "help_funder": {
        "en": "Who gives the money; add parties in step 2.",
        "nl": "Wie het geld geeft; voeg partijen toe bij stap 2.",
    },
    "help_funding_kind": {
        "en": "A subsidy (municipality, state), a grant from a fund, a partner's regular budget, "
        "a contribution from those who benefit, revenue from sales or services, or a loan to "
        "be repaid.",
        "nl": "Subsidie (gemeente, Rijk), bijdrage van een fonds, regulier budget van een "
        "partner, een bijdrage van wie er baat bij heeft, opbrengsten uit verkoop of diensten, "
        "of een lening die terugbetaald wordt.",
    },
    "help_funding_amount": {
        "en": "What comes in per year, in euros. For a loan the whole sum borrowed.",
        "nl": "Wat er per jaar binnenkomt, in euro's. Bij een lening het hele geleende bedrag.",
    },
    "help_interest_rate": {
        "en": "Yearly interest on the loan; for social loans often 0 to 4%.",
        "nl": "Rente per jaar op de lening; voor maatschappelijke leningen vaak 0 tot 4%.",
    },
    "help_term": {
        "en": "In how many years the loan is repaid, from the year after it is paid out; often 5 "
        "to 15.",
        "nl": "In hoeveel jaar de lening wordt terugbetaald, vanaf het jaar na uitbetaling; vaak "
        "5 tot 15.",
    },
    "page_start": {"en": "Start", "nl": "Start"},
    "start_title": {
        "en": "A social business case for your neighbourhood",
        "nl": "Een maatschappelijke business case voor je wijk",
    },
    "start_intro": {
        "en": "Phase 3 of Social Impact by Design asks each team for a worked-out proposal with a "
        "*business case that closes*: what the plan costs, what it yields for whom, what it "
        "prevents, and who pays, year by year. Build it here step by step, or in tables if "
        "you know the scenario format.",
        "nl": "In fase 3 van Social Impact by Design levert elk team een uitgewerkt voorstel "
        "met een *sluitende business case*: wat het plan kost, wat het oplevert en voor wie, "
        "wat het voorkomt, en wie betaalt, jaar voor jaar. Bouw hem hier stap voor stap op, "
        "of in tabellen als je het scenarioformaat kent.",
    },
    "start_current": {"en": "Now shown: {name}", "nl": "Nu getoond: {name}"},
    "share_link": {"en": "Link to this view", "nl": "Link naar deze weergave"},
    "quick_title": {"en": "Quick start: a rough case", "nl": "Snel beginnen: een ruwe case"},
    "quick_intro": {
        "en": "Phase 2: a handful of numbers give a first rough case, which you then refine step "
        "by step.",
        "nl": "Fase 2: met een handvol getallen maak je een eerste ruwe case, die je daarna "
        "stap voor stap verfijnt.",
    },
    "quick_years": {"en": "Years", "nl": "Aantal jaren"},
    "quick_cost": {"en": "Cost per year (€)", "nl": "Kosten per jaar (€)"},
    "quick_funder": {"en": "Funder {number}", "nl": "Financier {number}"},
    "quick_beneficiary": {
        "en": "Who benefits from the outcome?",
        "nl": "Wie heeft baat bij het effect?",
    },
    "quick_go": {"en": "Make the rough case", "nl": "Maak de ruwe case"},
    "quick_beneficiary_residents": {"en": "the residents", "nl": "de bewoners"},
    "quick_beneficiary_0": {"en": "funder 1", "nl": "financier 1"},
    "quick_beneficiary_1": {"en": "funder 2", "nl": "financier 2"},
    "share_link_help": {
        "en": "Send this link: it opens this page, language and case (while the app runs).",
        "nl": "Stuur deze link: die opent deze pagina, taal en case (zolang de app draait).",
    },
    "share_too_large": {
        "en": "This case is too large for a link; download it on the Build page.",
        "nl": "Deze case is te groot voor een link; download hem op de pagina Opbouwen.",
    },
    "start_to_guided": {
        "en": "Build a business case step by step",
        "nl": "Stap voor stap een business case bouwen",
    },
    "start_to_results": {"en": "See the results", "nl": "Bekijk de resultaten"},
    "start_to_table": {
        "en": "Edit in tables (for experts)",
        "nl": "Bewerken in tabellen (voor kenners)",
    },
    "kind_public": {"en": "public body", "nl": "overheid"},
    "kind_housing": {"en": "housing corporation", "nl": "woningcorporatie"},
    "kind_care": {"en": "care or welfare", "nl": "zorg of welzijn"},
    "kind_business": {"en": "business", "nl": "bedrijf"},
    "kind_fund": {"en": "fund", "nl": "fonds"},
    "kind_investor": {"en": "investor", "nl": "investeerder"},
    "kind_residents": {"en": "residents", "nl": "bewoners"},
    "kind_other": {"en": "other", "nl": "anders"},
    "funding_subsidy": {"en": "subsidy", "nl": "subsidie"},
    "funding_grant": {"en": "grant (fund)", "nl": "bijdrage van een fonds"},
    "funding_budget": {"en": "regular budget", "nl": "regulier budget"},
    "funding_revenue": {"en": "revenue", "nl": "opbrengsten"},
    "funding_contribution": {
        "en": "contribution of those who benefit",
        "nl": "bijdrage van wie er baat bij heeft",
    },
    "funding_loan": {"en": "loan", "nl": "lening"},
    "category_opex": {"en": "running cost", "nl": "lopende kosten"},
    "category_capex": {"en": "investment", "nl": "investering"},
    "empty_cell_help": {
        "en": "Empty: the default ({default}).",
        "nl": "Leeg: de standaardwaarde ({default}).",
    },
    "percent_cell_help": {
        "en": "A percentage: 30 or 30% is 30%; 0.3 is 0.3%.",
        "nl": "Een percentage: 30 of 30% is 30%; 0,3 is 0,3%.",
    },
    "problem_in_words": {"en": "{where}: {value} {rule}", "nl": "{where}: {value} {rule}"},
    "problem_no_value": {"en": "{where}: {rule}", "nl": "{where}: {rule}"},
    # Compare page (app_pages/compare.py)
    "shipped_scenario": {"en": "shipped: {name}", "nl": "meegeleverd: {name}"},
    "compare_choose": {
        "en": "Variants and shipped scenarios to compare (two to four)",
        "nl": "Varianten en meegeleverde scenario's om te vergelijken (twee tot vier)",
    },
    "compare_need_two": {
        "en": "Choose at least two to compare.",
        "nl": "Kies er minstens twee om te vergelijken.",
    },
    "compare_figures": {"en": "The figures side by side", "nl": "De cijfers naast elkaar"},
    "compare_star_note": {
        "en": "★ and green: the best value of a row, every scenario that shares it on a tie "
        "(no mark for a figure without a better direction).",
        "nl": "★ en groen: de beste waarde van een rij, bij gelijke stand elk scenario dat haar "
        "deelt (geen markering bij een cijfer zonder betere richting).",
    },
    "compare_assumptions": {
        "en": "Where the assumptions differ",
        "nl": "Waar de aannames verschillen",
    },
    "compare_no_differences": {
        "en": "The assumptions are the same.",
        "nl": "De aannames zijn gelijk.",
    },
    # Report page (app_pages/report.py)
    "report_intro": {
        "en": "Take the variant {name} home: a workbook to compute with and a report to read "
        "or print.",
        "nl": "Neem de variant {name} mee: een werkboek om mee te rekenen en een rapport om te "
        "lezen of af te drukken.",
    },
    "report_with_simulation": {
        "en": "Include the Monte Carlo percentiles",
        "nl": "Met de Monte Carlo-percentielen",
    },
    "report_no_distributions": {
        "en": "Nothing in this variant is uncertain (no distributions, no money that may not "
        "come, no yearly events), so the reports have no Monte Carlo part.",
        "nl": "Niets in deze variant is onzeker (geen verdelingen, geen geld dat misschien niet "
        "komt, geen jaarlijkse gebeurtenissen), dus de rapporten hebben geen Monte Carlo-deel.",
    },
    "download_workbook": {"en": "Download workbook (Excel)", "nl": "Werkboek downloaden (Excel)"},
    "download_html": {"en": "Download report (HTML)", "nl": "Rapport downloaden (HTML)"},
    # batch, sweep, compare and combine (businesscase/cli/batch.py, businesscase/cli/compare.py)
    "surplus": {
        "en": "Cash to spare every year (surplus)",
        "nl": "Elk jaar over (overschot)",
    },
    "batch_reading": {"en": "reading files", "nl": "bestanden inlezen"},
    "batch_progress": {"en": "evaluating", "nl": "doorrekenen"},
    "sweep_progress": {"en": "sweeping", "nl": "variaties doorrekenen"},
    "batch_written": {
        "en": "{done} of {total} files evaluated; results written to {out}.",
        "nl": "{done} van {total} bestanden doorgerekend; resultaten geschreven naar {out}.",
    },
    "batch_failed": {"en": "{count} failed: {files}", "nl": "{count} mislukt: {files}"},
    "sweep_written": {
        "en": "{count} variations of {file} evaluated; results written to {out}.",
        "nl": "{count} variaties van {file} doorgerekend; resultaten geschreven naar {out}.",
    },
    "compare_title": {"en": "Scenarios side by side", "nl": "Scenario's naast elkaar"},
    "compare_best_note": {
        "en": "* best value of the figure, where higher or lower is clearly better; on a tie "
        "every scenario that shares it.",
        "nl": "* beste waarde van het kengetal, waar hoger of lager duidelijk beter is; bij "
        "gelijke stand elk scenario dat haar deelt.",
    },
    "programme_title": {
        "en": "{name}: each project alone and the package together",
        "nl": "{name}: elk project apart en het pakket samen",
    },
    "combine_written": {
        "en": "Programme of {count} projects written to {out}.",
        "nl": "Programma van {count} projecten geschreven naar {out}.",
    },
    # limits: numbers too large to compute, work beyond the memory budget (app.py)
    "cannot_compute": {
        "nl": "Dit kan niet worden berekend: {reason}",
        "en": "This cannot be computed: {reason}",
    },
    # limits: the messages of businesscase/limits.py (LimitError)
    "limit_draws_below_one": {
        "nl": "draws = {draws}: moet minstens 1 zijn",
        "en": "draws = {draws}: must be at least 1",
    },
    "limit_draws": {
        "nl": "draws = {draws}: hoogstens {most} trekkingen",
        "en": "draws = {draws}: at most {most} draws",
    },
    "limit_draws_scenario": {
        "nl": "draws = {draws}: dit scenario staat hoogstens {most} trekkingen toe: elke "
        "trekking bewaart {kept_bytes} aan uitkomsten, binnen {budget_bytes}",
        "en": "draws = {draws}: this scenario allows at most {most} draws: each keeps "
        "{kept_bytes} of results, within {budget_bytes}",
    },
    "limit_evaluations_tornado": {
        "nl": "het tornadodiagram van {inputs} onzekere invoerwaarden vraagt {evaluations} "
        "doorrekeningen van het scenario; er passen er hoogstens {most} in {budget_bytes}: "
        "schrijf minder invoerwaarden als verdeling",
        "en": "the tornado of {inputs} uncertain inputs needs {evaluations} evaluations of the "
        "scenario; at most {most} fit in {budget_bytes}: write fewer inputs as distributions",
    },
    "limit_evaluations_switching": {
        "nl": "de omslagwaarden van {inputs} onzekere invoerwaarden vragen {evaluations} "
        "doorrekeningen van het scenario; er passen er hoogstens {most} in {budget_bytes}: "
        "schrijf minder invoerwaarden als verdeling",
        "en": "the switching values of {inputs} uncertain inputs need {evaluations} "
        "evaluations of the scenario; at most {most} fit in {budget_bytes}: write fewer "
        "inputs as distributions",
    },
    "limit_sweep_points": {
        "nl": "de sweep heeft {sizes} = {points} punten; hoogstens {most} in één sweep",
        "en": "the sweep has {sizes} = {points} points; at most {most} in one sweep",
    },
    "limit_scenario_size": {
        "nl": "{lines} regels over {years} jaar vragen {needed_bytes} voor één doorrekening, "
        "meer dan de toegestane {budget_bytes}: gebruik minder regels of een kortere horizon",
        "en": "{lines} lines over {years} years need {needed_bytes} for one evaluation, more "
        "than the {budget_bytes} allowed: use fewer lines or a shorter horizon",
    },
    # outputs: charts, report, workbook, Results/Uncertainty/Compare/Report pages
    "chart_empty_financing": {
        "en": "No costs and no financing in any year.",
        "nl": "Geen kosten en geen financiering in enig jaar.",
    },
    "chart_empty_cash": {
        "en": "No money comes in or goes out in any year: the cash balance stays at zero.",
        "nl": "In geen enkel jaar komt er geld binnen of gaat er geld uit: het kassaldo blijft "
        "nul.",
    },
    "chart_empty_benefits": {
        "en": "No benefits: the scenario has no outcomes or avoided costs with a value.",
        "nl": "Geen baten: het scenario heeft geen effecten of vermeden kosten met een waarde.",
    },
    "chart_empty_sankey": {
        "en": "Nobody pays and nobody benefits yet: add financing or outcomes.",
        "nl": "Nog niemand betaalt en niemand baat: voeg financiering of effecten toe.",
    },
    "chart_empty_distribution": {
        "en": "{figure} does not exist in any draw.",
        "nl": "{figure} bestaat in geen enkele trekking.",
    },
    "chart_empty_tornado": {
        "en": "No input is written as a distribution: nothing to vary.",
        "nl": "Geen invoerwaarde is als verdeling geschreven: er valt niets te variëren.",
    },
    "uncertainty_inputs_one": {
        "en": "1 input is written as a distribution.",
        "nl": "1 invoerwaarde is als kansverdeling gegeven.",
    },
    "uncertainty_summary_note": {
        "en": "Years as whole calendar years; no mean of a year (a mean of 2033 and 2034 is no "
        "year), nor of an IRR that is missing in some draws or whose mean lies outside P5–P95 "
        "(a few extreme draws would decide it).",
        "nl": "Jaren als hele kalenderjaren; geen gemiddelde van een jaar (het gemiddelde van "
        "2033 en 2034 is geen jaar), noch van een IRR die in sommige trekkingen ontbreekt of "
        "waarvan het gemiddelde buiten P5–P95 valt (een paar uitschieters zouden het bepalen).",
    },
    # safe output: a scenario that fails in batch, sweep or compare (businesscase/cli/common.py)
    "not_evaluated": {"en": "could not be evaluated", "nl": "kon niet worden doorgerekend"},
    "sweep_failed": {
        "en": "{count} of {total} variations could not be evaluated; their rows in {out} say why.",
        "nl": "{count} van {total} variaties konden niet worden doorgerekend; hun rijen in {out} "
        "zeggen waarom.",
    },
    "more_failed": {"en": "... and {count} more", "nl": "... en nog {count}"},
    # Honest value (harms, in kind, residual value, transfers, inflation, public money)
    "pv_harms": {"en": "PV harms", "nl": "Contante waarde negatieve effecten"},
    "pv_in_kind": {
        "en": "PV in-kind inputs (volunteers, donated use)",
        "nl": "Contante waarde inbreng in natura (vrijwilligers, om niet)",
    },
    "pv_residual_value": {"en": "PV residual value", "nl": "Contante waarde restwaarde"},
    "pv_transfers": {
        "en": "PV transfers (who pays, who benefits only)",
        "nl": "Contante waarde overdrachten (alleen wie betaalt, wie profiteert)",
    },
    "public_dependence": {"en": "Public money share", "nl": "Aandeel publiek geld"},
    "field_inflation": {"en": "inflation", "nl": "inflatie"},
    "field_in_kind": {"en": "in kind", "nl": "in natura"},
    "field_provider": {"en": "given by", "nl": "ingebracht door"},
    "field_life": {"en": "useful life (years)", "nl": "levensduur (jaren)"},
    "field_owner": {"en": "owner of the residual value", "nl": "eigenaar restwaarde"},
    "field_harm": {"en": "harm (negative effect)", "nl": "negatief effect"},
    "field_transfer": {"en": "transfer", "nl": "overdracht"},
    "field_nominal": {"en": "nominal (not indexed)", "nl": "nominaal (niet geïndexeerd)"},
    "chart_link_in_kind": {"en": "in kind", "nl": "in natura"},
    "discount_note_excel": {
        "en": "Year 0 is not discounted (as numpy_financial.npv); in Excel, with the years "
        "{first}–{last} in B2:{end}2: {formula}. Constant prices of {start}; real discount "
        "rate {rate}.",
        "nl": "Jaar 0 wordt niet verdisconteerd (zoals numpy_financial.npv); in Excel, met de "
        "jaren {first}–{last} in B2:{end}2: {formula}. Constante prijzen van {start}; reële "
        "discontovoet {rate}.",
    },
    "enum_public": {"en": "public body", "nl": "overheid"},
    "enum_housing": {"en": "housing corporation", "nl": "woningcorporatie"},
    "enum_care": {"en": "care and welfare", "nl": "zorg en welzijn"},
    "enum_business": {"en": "business", "nl": "bedrijf"},
    "enum_fund": {"en": "fund", "nl": "fonds"},
    "enum_investor": {"en": "investor", "nl": "investeerder"},
    "enum_residents": {"en": "residents", "nl": "bewoners"},
    "enum_other": {"en": "other", "nl": "overig"},
    "enum_subsidy": {"en": "subsidy", "nl": "subsidie"},
    "enum_grant": {"en": "grant", "nl": "gift"},
    "enum_budget": {"en": "budget", "nl": "budget"},
    "enum_revenue": {"en": "revenue", "nl": "opbrengst"},
    "enum_contribution": {"en": "contribution", "nl": "bijdrage"},
    "enum_loan": {"en": "loan", "nl": "lening"},
    "enum_opex": {"en": "running costs", "nl": "exploitatie"},
    "enum_capex": {"en": "investment", "nl": "investering"},
    "report_beneficiaries": {"en": "beneficiaries", "nl": "begunstigden"},
    "workbook_share_of": {"en": "share {name}", "nl": "aandeel {name}"},
    "yearly_t": {"en": "t", "nl": "t"},
    "yearly_benefits_fiscal": {"en": "benefits, fiscal", "nl": "baten, fiscaal"},
    "yearly_benefits_economic": {"en": "benefits, economic", "nl": "baten, economisch"},
    "yearly_benefits_social": {"en": "benefits, social", "nl": "baten, sociaal"},
    "yearly_discount_factor": {"en": "discount factor", "nl": "disconteringsfactor"},
    "yearly_discounted_net_benefit": {
        "en": "net benefit, discounted",
        "nl": "netto baten, verdisconteerd",
    },
    "yearly_cumulative_discounted_net_benefit": {
        "en": "net benefit, discounted, cumulative",
        "nl": "netto baten, verdisconteerd, cumulatief",
    },
    "yearly_subsidy_inflows": {"en": "subsidies and grants", "nl": "subsidies en giften"},
    "yearly_loan_repayments": {"en": "loan repayments", "nl": "aflossingen"},
    "yearly_in_kind": {"en": "in-kind inputs", "nl": "inbreng in natura"},
    "yearly_harms": {"en": "harms", "nl": "negatieve effecten"},
    "yearly_residual_value": {"en": "residual value", "nl": "restwaarde"},
    "yearly_transfers": {"en": "transfers", "nl": "overdrachten"},
    "yearly_price_index": {"en": "price index", "nl": "prijsindex"},
    "sheet_value_map": {"en": "Value Map", "nl": "Value Map"},
    # the exports' sheets for what counts and the payers' side (businesscase/export.py)
    "sheet_views": {"en": "What counts", "nl": "Wat telt mee"},
    "sheet_payers": {"en": "Payers of the contracts", "nl": "Betalers van de contracten"},
    "pool_brought": {"en": "pooled money brought in", "nl": "gedeeld geld ingebracht"},
    "pool_drawn": {"en": "needed from the pool", "nl": "nodig uit de pot"},
    "pool_net": {"en": "net in the pool", "nl": "netto in de pot"},
    "value_map_note": {
        "en": "The SROI Value Map: inputs as numbers (base values), every other cell a formula "
        "on them. Value in a year = last year's value × (1 − drop-off) + this year's new "
        "outcomes − the outcomes that have lasted their years. Year 0 is not discounted.",
        "nl": "De SROI Value Map: invoer als getallen (basiswaarden), elke andere cel een "
        "formule daarop. Waarde in een jaar = waarde vorig jaar × (1 − afname) + de nieuwe "
        "effecten van dit jaar − de effecten die hun jaren hebben gehad. Jaar 0 wordt niet "
        "verdisconteerd.",
    },
    "value_map_inputs": {"en": "Inputs", "nl": "Inzet (investering)"},
    "value_map_inputs_value": {"en": "amount per year", "nl": "bedrag per jaar"},
    "value_map_outcomes": {"en": "Outcomes", "nl": "Effecten"},
    "value_map_outcomes_value": {
        "en": "impact per year (one year's outcomes)",
        "nl": "impact per jaar (effecten van één jaar)",
    },
    "value_map_avoided": {"en": "Avoided costs", "nl": "Vermeden kosten"},
    "value_map_avoided_value": {"en": "value per year", "nl": "waarde per jaar"},
    "value_map_stakeholders": {"en": "stakeholders (share)", "nl": "belanghebbenden (aandeel)"},
    "value_map_prevented": {"en": "incidents prevented", "nl": "voorkomen incidenten"},
    "value_map_residual": {"en": "Residual value", "nl": "Restwaarde"},
    "value_map_residual_value": {
        "en": "value left after the last year",
        "nl": "waarde over na het laatste jaar",
    },
    "value_map_residual_of": {"en": "residual value", "nl": "restwaarde"},
    "value_map_total": {"en": "total", "nl": "totaal"},
    "value_map_pv": {"en": "present value", "nl": "contante waarde"},
    "compare_whole_line": {"en": "(the line)", "nl": "(de regel)"},
    "compare_line_present": {"en": "present", "nl": "aanwezig"},
    "compare_line_absent": {"en": "absent", "nl": "ontbreekt"},
    "compare_section": {"en": "section", "nl": "onderdeel"},
    "compare_line": {"en": "line", "nl": "regel"},
    "compare_field": {"en": "input", "nl": "invoer"},
    "gap_explained": {
        "en": "The business case does not close: {gap} is missing at the lowest point of the "
        "cash balance, in {year} (undiscounted); paid in the years that fall short, that money "
        "is worth {pv} in present value at {start}, the sum close-the-gap divides among the "
        "stakeholders.",
        "nl": "De business case sluit niet: er ontbreekt {gap} op het laagste punt van het "
        "kassaldo, in {year} (onverdisconteerd); betaald in de jaren met tekort is dat geld in "
        "contante waarde ({start}) {pv} waard, het bedrag dat 'sluit het gat' over de "
        "belanghebbenden verdeelt.",
    },
    "gap_explained_short": {
        "en": "The business case does not close: {gap} is missing at the lowest point of the "
        "cash balance, in {year} (undiscounted); paid in the years that fall short, that money "
        "is worth {pv} in present value at {start}, more than the {cashable} of cashable "
        "benefits the stakeholders gain, so {shortfall} (present value) must come from "
        "elsewhere.",
        "nl": "De business case sluit niet: er ontbreekt {gap} op het laagste punt van het "
        "kassaldo, in {year} (onverdisconteerd); betaald in de jaren met tekort is dat geld in "
        "contante waarde ({start}) {pv} waard, meer dan de {cashable} aan kasbaten van de "
        "belanghebbenden, dus {shortfall} (contante waarde) moet van elders komen.",
    },
    # honest2: the honest-value figures on Results and in `evaluate` (app_pages/results.py,
    # businesscase/perspectives.py, businesscase/cli/evaluate.py)
    "views_title": {
        "en": "What counts: society and who pays, who benefits",
        "nl": "Wat telt mee: de maatschappij en wie betaalt, wie profiteert",
    },
    "views_line": {"en": "Present value of", "nl": "Contante waarde van"},
    "views_society": {"en": "Society (SROI)", "nl": "Maatschappij (SROI)"},
    "views_stakeholders": {"en": "Who pays, who benefits", "nl": "Wie betaalt, wie profiteert"},
    "views_row_benefit": {"en": "outcomes and avoided costs", "nl": "effecten en vermeden kosten"},
    "views_row_harm": {"en": "harms (negative effects)", "nl": "negatieve effecten"},
    "views_row_residual_value": {
        "en": "residual value after the last year",
        "nl": "restwaarde na het laatste jaar",
    },
    "views_row_transfer": {
        "en": "transfers (money moved between parties)",
        "nl": "overdrachten (geld dat van partij wisselt)",
    },
    "views_row_benefits": {"en": "benefits", "nl": "baten"},
    "views_row_cost": {"en": "costs paid in money", "nl": "kosten in geld"},
    "views_row_in_kind": {
        "en": "inputs in kind (volunteer time, donated use)",
        "nl": "inbreng in natura (vrijwilligerstijd, om niet)",
    },
    "views_row_net": {"en": "benefits minus costs", "nl": "baten min kosten"},
    "views_note": {
        "en": "The two columns differ only by the transfers ({transfers}): money that moves "
        "from one party to another, such as a benefit payment the municipality saves and the "
        "resident no longer receives, is a gain for the party that receives it but not for "
        "society. Harms and inputs in kind count in both columns.",
        "nl": "De twee kolommen verschillen alleen in de overdrachten ({transfers}): geld dat "
        "van de ene partij naar de andere gaat, zoals een uitkering die de gemeente bespaart en "
        "de bewoner niet meer krijgt, is winst voor wie het krijgt maar niet voor de "
        "maatschappij. Negatieve effecten en inbreng in natura tellen in beide kolommen mee.",
    },
    "explain_pv_harms": {
        "en": "negative effects (nuisance, people displaced), counted against the benefits",
        "nl": "negatieve effecten (overlast, verdrongen mensen), afgetrokken van de baten",
    },
    "explain_pv_in_kind": {
        "en": "volunteer time and donated use valued at a shadow price: a social cost that "
        "needs no cash",
        "nl": "vrijwilligerstijd en gebruik om niet, gewaardeerd tegen een schaduwprijs: een "
        "maatschappelijke kost zonder kasuitgave",
    },
    "explain_pv_residual_value": {
        "en": "the value investments still have after the last year, a benefit of their owner",
        "nl": "de waarde die investeringen na het laatste jaar nog hebben, een baat voor de "
        "eigenaar",
    },
    "explain_pv_transfers": {
        "en": "money moved between parties (a benefit payment saved): counted for who gains "
        "it, left out of the social return",
        "nl": "geld dat van partij wisselt (een bespaarde uitkering): telt voor wie het "
        "krijgt, niet in het maatschappelijk rendement",
    },
    "explain_public_dependence": {
        "en": "share of all money coming in (funding, loans, value capture, impact bond "
        "capital) that public bodies provide, whatever the route",
        "nl": "deel van al het geld dat binnenkomt (financiering, leningen, afgeroomde "
        "waardestijging, kapitaal van de social impact bond) dat van de overheid komt, langs "
        "welke route ook",
    },
    "explain_subsidy_dependence": {
        "en": "share of the money coming in that is a subsidy or a grant, from whoever",
        "nl": "deel van het geld dat binnenkomt dat subsidie of gift is, van wie ook",
    },
    "cash_in_current_euros": {
        "en": "The cash balance, the funding gap and the first short year are in current "
        "euros (the prices of each year, {inflation} inflation a year; contracts marked "
        "nominal are fixed in them); the social figures are in constant prices of {start}.",
        "nl": "Het kassaldo, het tekort en het eerste jaar met tekort zijn in lopende euro's "
        "(de prijzen van elk jaar, {inflation} inflatie per jaar; contracten die nominaal zijn "
        "staan daarin vast); de maatschappelijke cijfers in constante prijzen van {start}.",
    },
    # honest2: the honest-value fields in the guided build and the table view
    # (app_pages/guided.py, app_pages/build.py)
    "ask_inflation": {"en": "Inflation a year (%)", "nl": "Inflatie per jaar (%)"},
    "help_inflation": {
        "en": "How much prices rise a year. It matters only for amounts fixed in euros (a grant "
        "that is not indexed, a loan's fixed interest, a fixed price per outcome): they are "
        "worth less each year, and the cash balance is then shown in the euros of each year. "
        "Usually 2% (the ECB's target); 0 leaves everything in today's prices.",
        "nl": "Hoeveel de prijzen per jaar stijgen. Dit telt alleen voor bedragen die in euro's "
        "vastliggen (een subsidie die niet wordt geïndexeerd, de vaste rente van een lening, "
        "een vaste prijs per resultaat): die zijn elk jaar minder waard, en het kassaldo staat "
        "dan in de euro's van elk jaar. Meestal 2% (het doel van de ECB); 0 laat alles in de "
        "prijzen van nu.",
    },
    "ask_in_kind": {
        "en": "Given in kind, not paid in money",
        "nl": "Ingebracht in natura, niet in geld betaald",
    },
    "help_in_kind": {
        "en": "Tick for volunteer hours, a room lent free of charge or a roof made available: "
        "the plan uses it without paying, so it counts as a cost to society but needs no cash. "
        "Value it at what it would cost to buy, e.g. volunteer hours at the minimum wage "
        "(about € 14 an hour in 2025). Then say who gives it.",
        "nl": "Aanvinken voor vrijwilligersuren, een ruimte die gratis wordt uitgeleend of een "
        "dak dat beschikbaar wordt gesteld: het plan gebruikt het zonder te betalen, dus het "
        "telt als maatschappelijke kost maar vraagt geen geld. Waardeer het tegen wat het zou "
        "kosten om in te kopen, bijv. vrijwilligersuren tegen het minimumloon (ongeveer € 14 "
        "per uur in 2025). Zeg dan ook wie het inbrengt.",
    },
    "ask_provider": {"en": "Who gives it?", "nl": "Wie brengt het in?"},
    "help_provider": {
        "en": "Only for a cost given in kind: the party that gives the hours, the room or the "
        "roof (often the residents or a housing corporation). Leave empty for a cost paid in "
        "money.",
        "nl": "Alleen bij een kostenpost in natura: de partij die de uren, de ruimte of het dak "
        "inbrengt (vaak de bewoners of een woningcorporatie). Leeg laten bij kosten in geld.",
    },
    "ask_life": {
        "en": "Useful life (years), for an investment",
        "nl": "Levensduur (jaren), bij een investering",
    },
    "help_life": {
        "en": "Only for an investment: how many years it keeps its use, from the year it is "
        "bought. What is left after the last year counted is a residual value: a benefit of "
        "its owner. Solar panels about 25 years, a redesigned square 15 to 30, furniture and "
        "computers 3 to 10. Leave empty to count no residual value.",
        "nl": "Alleen bij een investering: hoeveel jaar het bruikbaar blijft, vanaf het jaar "
        "van aanschaf. Wat na het laatste meegetelde jaar over is, is restwaarde: een baat "
        "voor de eigenaar. Zonnepanelen ongeveer 25 jaar, een heringericht plein 15 tot 30, "
        "meubels en computers 3 tot 10. Leeg laten om geen restwaarde te tellen.",
    },
    "ask_owner": {"en": "Owner of the residual value", "nl": "Eigenaar van de restwaarde"},
    "help_owner": {
        "en": "Only with a useful life: the party that owns the investment after the last year "
        "(the municipality for a square, the cooperative's members for its panels).",
        "nl": "Alleen bij een levensduur: de partij die de investering na het laatste jaar "
        "bezit (de gemeente bij een plein, de leden van de coöperatie bij hun panelen).",
    },
    "ask_harm": {
        "en": "This is a harm (a negative effect)",
        "nl": "Dit is een negatief effect",
    },
    "help_harm": {
        "en": "Tick when the plan makes things worse for someone: nuisance for neighbours, "
        "people displaced to another street, customers lost by a shop nearby. Enter the "
        "numbers as for a benefit (how many, the value per person, all positive); it then "
        "counts against the benefits. Honest cases name their harms, even small ones.",
        "nl": "Aanvinken als het plan het voor iemand slechter maakt: overlast voor buren, "
        "mensen die naar een andere straat verdrongen worden, klanten die een winkel in de "
        "buurt kwijtraakt. Vul de getallen in als bij een baat (hoeveel, de waarde per "
        "persoon, alles positief); het telt dan tegen de baten. Een eerlijke business case "
        "noemt zijn negatieve effecten, ook kleine.",
    },
    "ask_transfer": {
        "en": "This is a transfer between parties",
        "nl": "Dit is een overdracht tussen partijen",
    },
    "help_transfer": {
        "en": "Tick when the money only changes hands: a benefit payment the municipality saves "
        "is income the resident no longer gets. It counts for the party that gains it (who "
        "pays, who benefits) but not for society. Count the resident's real gain (more income "
        "from work, wellbeing) as a separate line.",
        "nl": "Aanvinken als het geld alleen van eigenaar wisselt: een uitkering die de "
        "gemeente bespaart is inkomen dat de bewoner niet meer krijgt. Het telt voor de partij "
        "die het krijgt (wie betaalt, wie profiteert), niet voor de maatschappij. Tel de echte "
        "winst van de bewoner (meer inkomen uit werk, welzijn) als aparte regel.",
    },
    "ask_displacement": {"en": "Moved elsewhere (%)", "nl": "Verplaatst naar elders (%)"},
    "ask_drop_off": {"en": "Fades each year (%)", "nl": "Neemt per jaar af (%)"},
    "help_avoided_costs_deadweight": {
        "en": "Which share of the costs would have been avoided without the plan too (the "
        "trend, other help). Usually 10 to 40%; the same as for the outcome of the same "
        "people.",
        "nl": "Welk deel van de kosten ook zonder het plan was voorkomen (de trend, andere "
        "hulp). Meestal 10 tot 40%; hetzelfde als bij het effect voor dezelfde mensen.",
    },
    "help_avoided_costs_displacement": {
        "en": "Which share of the problem only moves elsewhere (nuisance to the next street): "
        "those costs are not avoided. Usually 0 to 25%.",
        "nl": "Welk deel van het probleem alleen verschuift (overlast naar de volgende straat): "
        "die kosten zijn niet voorkomen. Meestal 0 tot 25%.",
    },
    "help_avoided_costs_attribution": {
        "en": "Which share is owed to others than this plan (police, care, other programmes). "
        "Usually 10 to 50%; the same as for the outcome of the same people.",
        "nl": "Welk deel te danken is aan anderen dan dit plan (politie, zorg, andere "
        "programma's). Meestal 10 tot 50%; hetzelfde als bij het effect voor dezelfde mensen.",
    },
    "help_avoided_costs_drop_off": {
        "en": "By how much the avoided costs shrink each year after the first (people move, "
        "old habits return). Usually 0 to 30% a year.",
        "nl": "Met hoeveel de voorkomen kosten elk jaar na het eerste afnemen (mensen verhuizen, "
        "oude gewoonten keren terug). Meestal 0 tot 30% per jaar.",
    },
    "help_avoided_costs_transfer": {
        "en": "Tick when the saving is money that only changes hands (a benefit payment no "
        "longer paid): it counts for who saves it, not for society.",
        "nl": "Aanvinken als de besparing geld is dat alleen van eigenaar wisselt (een "
        "uitkering die niet meer wordt betaald): het telt voor wie het bespaart, niet voor de "
        "maatschappij.",
    },
    "ask_nominal": {
        "en": "Fixed in euros (not indexed)",
        "nl": "Vast in euro's (niet geïndexeerd)",
    },
    "help_nominal": {
        "en": "Tick when the amount stays the same in euros while prices rise: a grant that is "
        "not indexed, a loan at a fixed interest rate, a fixed price in a contract. With "
        "inflation set (step 1 or the table view), such an amount is worth less each year. "
        "Leave unticked for amounts that rise with prices.",
        "nl": "Aanvinken als het bedrag in euro's gelijk blijft terwijl prijzen stijgen: een "
        "subsidie die niet wordt geïndexeerd, een lening met vaste rente, een vaste prijs in "
        "een contract. Met inflatie (stap 1 of de tabelweergave) is zo'n bedrag elk jaar minder "
        "waard. Niet aanvinken bij bedragen die met de prijzen meestijgen.",
    },
    # Monitoring: plan against actuals and the reforecast (businesscase/monitoring.py,
    # businesscase/cli/monitor.py, app_pages/monitor.py, export)
    "monitor_still_closes": {
        "en": "Still sluitend: with the actuals up to {last}, the reforecast closes, as the "
        "plan did.",
        "nl": "Nog steeds sluitend: met de realisaties tot en met {last} is de herprognose "
        "sluitend, net als het plan.",
    },
    "monitor_now_closes": {
        "en": "Now sluitend: with the actuals up to {last}, the reforecast closes; the plan "
        "fell {plan_gap} short.",
        "nl": "Nu sluitend: met de realisaties tot en met {last} is de herprognose sluitend; "
        "het plan kwam {plan_gap} tekort.",
    },
    "monitor_no_longer_closes": {
        "en": "No longer sluitend: with the actuals up to {last}, {gap} is missing at the "
        "lowest point of the cash balance, and {year} is the first year short of cash. The "
        "plan closed.",
        "nl": "Niet meer sluitend: met de realisaties tot en met {last} ontbreekt {gap} op het "
        "laagste punt van het kassaldo, en {year} is het eerste jaar met een kastekort. Het "
        "plan was sluitend.",
    },
    "monitor_still_short": {
        "en": "Still not sluitend: with the actuals up to {last}, {gap} is missing at the "
        "lowest point of the cash balance (plan: {plan_gap}), and {year} is the first year "
        "short of cash (plan: {plan_year}).",
        "nl": "Nog steeds niet sluitend: met de realisaties tot en met {last} ontbreekt {gap} "
        "op het laagste punt van het kassaldo (plan: {plan_gap}), en {year} is het eerste "
        "jaar met een kastekort (plan: {plan_year}).",
    },
    "monitor_nothing_reported": {
        "en": "No actuals reported: the reforecast is the plan.",
        "nl": "Geen realisaties gemeld: de herprognose is het plan.",
    },
    "monitor_title": {
        "en": "Plan and reforecast: {name}, actuals up to {last}",
        "nl": "Plan en herprognose: {name}, realisaties tot en met {last}",
    },
    "monitor_plan": {"en": "plan", "nl": "plan"},
    "monitor_reforecast": {"en": "reforecast", "nl": "herprognose"},
    "monitor_variance_title": {
        "en": "Variance, the largest in euros first (outcomes as counts)",
        "nl": "Afwijkingen, de grootste in euro's eerst (effecten als aantallen)",
    },
    "monitor_year": {"en": "year", "nl": "jaar"},
    "monitor_line": {"en": "line", "nl": "regel"},
    "monitor_planned": {"en": "planned", "nl": "gepland"},
    "monitor_actual": {"en": "actual", "nl": "gerealiseerd"},
    "monitor_difference": {"en": "difference", "nl": "verschil"},
    "monitor_share": {"en": "% of plan", "nl": "% van plan"},
    "monitor_note": {"en": "note", "nl": "toelichting"},
    "monitor_more_rows": {
        "en": "... and {count} more rows (--json lists them all)",
        "nl": "... en nog {count} rijen (--json geeft ze allemaal)",
    },
    "monitor_missing_title": {
        "en": "Not reported (the reforecast keeps the plan there):",
        "nl": "Niet gemeld (de herprognose houdt daar het plan aan):",
    },
    "monitor_section": {"en": "section", "nl": "onderdeel"},
    "monitor_path": {"en": "path", "nl": "pad"},
    "monitor_not_reported": {
        "en": "not reported: the reforecast keeps the plan",
        "nl": "niet gemeld: de herprognose houdt het plan aan",
    },
    "sheet_monitoring": {"en": "Plan vs actual", "nl": "Plan en realisatie"},
    "sheet_reforecast": {"en": "Reforecast", "nl": "Herprognose"},
    "report_monitoring": {
        "en": "Monitoring: plan and actuals",
        "nl": "Monitoring: plan en realisatie",
    },
    "page_monitor": {"en": "Monitor", "nl": "Monitoren"},
    "monitor_intro": {
        "en": "What happened so far: report per year what was spent, received and achieved, "
        "and see whether the plan still closes (the reforecast: the plan with the reported "
        "years replaced).",
        "nl": "Wat er tot nu toe gebeurde: meld per jaar wat is uitgegeven, ontvangen en bereikt, "
        "en zie of het plan nog sluitend is (de herprognose: het plan met de gemelde jaren "
        "vervangen).",
    },
    "monitor_upload": {
        "en": "Read actuals from a CSV file (year, line, value, note)",
        "nl": "Realisaties inlezen uit een CSV-bestand (year, line, value, note)",
    },
    "monitor_upload_label": {"en": "Actuals file (CSV)", "nl": "Bestand met realisaties (CSV)"},
    "monitor_read": {
        "en": "{count} actuals read from {name}.",
        "nl": "{count} realisaties ingelezen uit {name}.",
    },
    "monitor_type_year": {"en": "Type the actuals of", "nl": "Realisaties typen voor"},
    "monitor_type_help": {
        "en": "One row per line of the plan. Leave a cell empty for a line you do not report "
        "this year; the reforecast then keeps the plan there.",
        "nl": "Een rij per regel van het plan. Laat een cel leeg voor een regel die je dit jaar "
        "niet meldt; de herprognose houdt daar dan het plan aan.",
    },
    "monitor_cell_problem": {"en": "{line}, {year}: {reason}", "nl": "{line}, {year}: {reason}"},
    "monitor_nothing_yet": {
        "en": "No actuals yet: read a file or type the actuals of a year above.",
        "nl": "Nog geen realisaties: lees een bestand in of typ hierboven de realisaties van een "
        "jaar.",
    },
    "monitor_figures_title": {"en": "Plan and reforecast", "nl": "Plan en herprognose"},
    "monitor_close_gap": {
        "en": "Close the reforecast's gap",
        "nl": "Het tekort van de herprognose dichten",
    },
    "monitor_download": {"en": "Save the actuals (CSV)", "nl": "Realisaties bewaren (CSV)"},
    "chart_plan_actual_title": {
        "en": "Actual minus planned, per line and year",
        "nl": "Gerealiseerd min gepland, per regel en jaar",
    },
    "chart_empty_plan_actual": {
        "en": "No amounts reported yet.",
        "nl": "Nog geen bedragen gemeld.",
    },
    "chart_cash_reforecast_title": {
        "en": "Cash balance: plan and reforecast",
        "nl": "Kassaldo: plan en herprognose",
    },
    "monitor_none_missing": {
        "en": "Every planned flow up to {last} is reported.",
        "nl": "Elke geplande stroom tot en met {last} is gemeld.",
    },
    # outcome contracts: several contracts, metrics, payers, drawdown, return cap, guarantee
    # (businesscase/sib.py, the contract table in the CLI, the exports and the app)
    "sib_guarantee_payments": {
        "en": "SIB guarantee payments",
        "nl": "SIB-garantiebetalingen",
    },
    "sib_trimmed_by_return_cap": {
        "en": "SIB payments removed by the return cap",
        "nl": "SIB-uitbetalingen weggevallen door het rendementsplafond",
    },
    "field_drawdown": {"en": "drawdown (share per year)", "nl": "opname (aandeel per jaar)"},
    "field_max_irr": {"en": "return cap (max IRR)", "nl": "rendementsplafond (max. IRR)"},
    "field_guarantor": {"en": "guarantor", "nl": "garantsteller"},
    "field_guarantee_share": {"en": "guaranteed share", "nl": "gegarandeerd aandeel"},
    "field_metrics": {"en": "metrics paid for", "nl": "resultaten waarvoor betaald wordt"},
    "field_payers": {"en": "payers (shares)", "nl": "betalers (aandelen)"},
    "flow_guarantee_payment": {"en": "SIB guarantee payment", "nl": "SIB-garantiebetaling"},
    "chart_link_guarantee_payment": {"en": "SIB guarantee", "nl": "SIB-garantie"},
    "sib_contracts": {"en": "Outcome contracts", "nl": "Resultaatcontracten"},
    "contract_name": {"en": "contract", "nl": "contract"},
    "contract_investor": {"en": "investor", "nl": "investeerder"},
    "contract_capital": {"en": "capital", "nl": "kapitaal"},
    "contract_total_payments": {"en": "payments", "nl": "uitbetalingen"},
    "contract_payments_beyond_horizon": {
        "en": "payments beyond the horizon",
        "nl": "uitbetalingen na de looptijd",
    },
    "contract_guarantee_payment": {"en": "guarantee", "nl": "garantie"},
    "contract_trimmed_by_return_cap": {
        "en": "removed by the return cap",
        "nl": "weg door rendementsplafond",
    },
    "contract_investor_irr": {"en": "investor IRR", "nl": "IRR investeerder"},
    "contract_money_multiple": {"en": "money multiple", "nl": "geldmultiple"},
    "contract_breakeven_share": {"en": "break-even share", "nl": "breakeven-aandeel"},
    "contract_payer_net_pv": {"en": "payers' net PV", "nl": "netto CW betalers"},
    "help_sib_name": {
        "en": "The contract's name; with several contracts each needs its own.",
        "nl": "De naam van het contract; bij meerdere contracten heeft elk een eigen naam nodig.",
    },
    "help_sib_drawdown": {
        "en": "How the investor pays in the capital: the share per year from the start year, "
        "separated by ';', adding up to 100% (for example 50%; 30%; 20%). Empty: all at the "
        "start. Dutch impact bonds usually draw capital over the first two or three years.",
        "nl": "Hoe de investeerder het kapitaal inlegt: het aandeel per jaar vanaf het startjaar, "
        "gescheiden door ';', samen 100% (bijvoorbeeld 50%; 30%; 20%). Leeg: alles bij de start. "
        "Nederlandse impact bonds nemen kapitaal meestal op in de eerste twee of drie jaar.",
    },
    "help_sib_max_irr": {
        "en": "Return cap: payments stop where the investor's yearly return would pass it. "
        "Typically 3% to 8% a year; empty: no return cap.",
        "nl": "Rendementsplafond: de uitbetalingen stoppen waar het jaarrendement van de "
        "investeerder erboven zou komen. Meestal 3% tot 8% per jaar; leeg: geen plafond.",
    },
    "help_sib_guarantor": {
        "en": "Who protects part of the capital (often a foundation); goes with the guaranteed "
        "share.",
        "nl": "Wie een deel van het kapitaal beschermt (vaak een fonds of stichting); hoort bij "
        "het gegarandeerde aandeel.",
    },
    "help_sib_guarantee_share": {
        "en": "Share of the capital not repaid by the end that the guarantor pays; typically "
        "25% to 75%.",
        "nl": "Aandeel van het aan het eind niet terugbetaalde kapitaal dat de garantsteller "
        "betaalt; meestal 25% tot 75%.",
    },
    # programme: projects of a programme and earmarked money (businesscase/projects.py, the
    # flow table, the build screens' project and pooled columns, exports)
    "flows_project": {"en": "project", "nl": "project"},
    "field_project": {"en": "project", "nl": "project"},
    "field_pooled": {"en": "pooled money", "nl": "gedeeld geld"},
    "earmarked": {
        "en": "Earmarked money (only for this project)",
        "nl": "Geoormerkt geld (alleen voor dit project)",
    },
    "pooled": {
        "en": "Brought to the pool (may pay for any project)",
        "nl": "Ingebracht in de pot (mag elk project betalen)",
    },
    "pool_needed": {
        "en": "Most needed from the pool",
        "nl": "Hoogstens nodig uit de pot",
    },
    "projects_table": {"en": "Projects of the programme", "nl": "Projecten van het programma"},
    "project_name": {"en": "project", "nl": "project"},
    "project_pv_costs": {"en": "costs (PV)", "nl": "kosten (CW)"},
    "project_pv_benefits": {"en": "benefits (PV)", "nl": "baten (CW)"},
    "project_sroi_ratio": {"en": "SROI", "nl": "SROI"},
    "project_closes_alone": {"en": "closes alone", "nl": "sluit op eigen geld"},
    "project_gap_alone": {"en": "gap alone", "nl": "tekort op eigen geld"},
    "project_first_short_year_alone": {
        "en": "first short year alone",
        "nl": "eerste tekortjaar op eigen geld",
    },
    "project_pool_needed": {"en": "most needed from the pool", "nl": "hoogstens nodig uit de pot"},
    "project_subsidy_cliff_year": {"en": "own subsidy cliff", "nl": "eigen subsidieklif"},
    "projects_note": {
        "en": "Earmarked money pays only for its own project; pooled money (a neighbourhood "
        "fund, a programme budget) may pay for any project and bridge one until its own money "
        "comes. The programme's cash balance counts only what pooled money can cover.",
        "nl": "Geoormerkt geld betaalt alleen het eigen project; gedeeld geld (een wijkfonds, "
        "een programmabudget) mag elk project betalen en een project overbruggen tot zijn eigen "
        "geld binnenkomt. Het kassaldo van het programma telt alleen wat gedeeld geld kan "
        "dekken.",
    },
    "combine_pool_note": {
        "en": "Each project's money is earmarked: a project's surplus cannot pay for another "
        "project. The programme closes only where pooled money (--pool, --fund) covers every "
        "project's shortfall in time; the pool may bridge a project until its own money comes.",
        "nl": "Het geld van elk project is geoormerkt: het overschot van het ene project kan "
        "een ander project niet betalen. Het programma sluit alleen als gedeeld geld (--pool, "
        "--fund) elk tekort op tijd dekt; de pot mag een project overbruggen tot zijn eigen "
        "geld binnenkomt.",
    },
    "section_projects": {"en": "Projects", "nl": "Projecten"},
    "table_projects": {
        "en": "Projects of the programme (leave empty for a single project)",
        "nl": "Projecten van het programma (leeg laten bij één project)",
    },
    "help_projects_id": {
        "en": "A short id that the lines' project column uses, e.g. plein.",
        "nl": "Een korte id die de kolom project van de regels gebruikt, bijvoorbeeld plein.",
    },
    "help_projects_name": {
        "en": "The project's name, e.g. Driehoeksplein.",
        "nl": "De naam van het project, bijvoorbeeld Driehoeksplein.",
    },
    "help_project": {
        "en": "The project of the programme this line belongs to. (programme itself): a line "
        "of the programme as a whole, such as a coordinator or a neighbourhood fund.",
        "nl": "Het project van het programma waar deze regel bij hoort. (programma zelf): een "
        "regel van het programma als geheel, zoals een coördinator of een wijkfonds.",
    },
    "help_pooled": {
        "en": "Pooled: this money may pay for any project of the programme (a neighbourhood "
        "fund, a programme budget). Earmarked: it may only pay for its own project, as a "
        "baatbelasting pays only for the facility it was levied for and a fund's grant for "
        "one project only the project it was given for. Default: earmarked on a project's "
        "line, pooled on a line of the programme itself (which cannot be earmarked).",
        "nl": "Gedeeld: dit geld mag elk project van het programma betalen (een wijkfonds, een "
        "programmabudget). Geoormerkt: het betaalt alleen het eigen project, zoals een "
        "baatbelasting alleen de voorziening betaalt waarvoor ze is geheven en de subsidie van "
        "een fonds voor één project alleen dat project. Standaard: geoormerkt op een regel van "
        "een project, gedeeld op een regel van het programma zelf (die kan niet geoormerkt "
        "zijn).",
    },
    # programme2: the guided build's projects and the table view's project and pooled
    # pick-lists (app_pages/guided.py, app_pages/build.py)
    "programme_level": {"en": "(programme itself)", "nl": "(programma zelf)"},
    "flag_default": {"en": "(default)", "nl": "(standaard)"},
    "pooled_default": {
        "en": "default: earmarked on a project, pooled on the programme",
        "nl": "standaard: geoormerkt bij een project, gedeeld bij het programma",
    },
    "pooled_true": {
        "en": "pooled: may pay for any project",
        "nl": "gedeeld: mag elk project betalen",
    },
    "pooled_false": {
        "en": "earmarked: only for its own project",
        "nl": "geoormerkt: alleen voor het eigen project",
    },
    "ask_project": {"en": "Which project is it part of?", "nl": "Bij welk project hoort het?"},
    "ask_pooled": {"en": "Earmarked or pooled money?", "nl": "Geoormerkt of gedeeld geld?"},
    "ask_projects_name": {"en": "Name of the project", "nl": "Naam van het project"},
    "guided_add_projects": {"en": "Add a project", "nl": "Project toevoegen"},
    "guided_projects_title": {
        "en": "Projects (only for a programme)",
        "nl": "Projecten (alleen bij een programma)",
    },
    "guided_projects_intro": {
        "en": "Is this a programme of several projects, one integral investment package? Then "
        "add its projects here and give each line its project; a line without a project "
        "belongs to the programme itself (a coordinator, a neighbourhood fund). One project? "
        "Leave this empty.",
        "nl": "Is dit een programma van meerdere projecten, één integraal investeringspakket? "
        "Voeg hier dan de projecten toe en geef elke regel zijn project; een regel zonder "
        "project hoort bij het programma zelf (een coördinator, een wijkfonds). Eén project? "
        "Laat dit leeg.",
    },
    "guided_earmarked_explained": {
        "en": "Earmarked money may only pay for its own project: a baatbelasting only for the "
        "facility it was levied for, a fund's grant for one project only that project, an "
        "investor's capital only its contract. Pooled money (a neighbourhood fund, a "
        "municipal programme budget) may pay for any project, and may bridge a project until "
        "its own money comes in. By default money on a project's line is earmarked and money "
        "on a line of the programme is pooled. The programme closes only when pooled money "
        "covers every project's shortfall in time: one project's surplus does not pay for "
        "another.",
        "nl": "Geoormerkt geld mag alleen het eigen project betalen: een baatbelasting alleen "
        "de voorziening waarvoor ze is geheven, de subsidie van een fonds voor één project "
        "alleen dat project, het kapitaal van een investeerder alleen zijn contract. Gedeeld "
        "geld (een wijkfonds, een gemeentelijk programmabudget) mag elk project betalen, en "
        "mag een project voorschieten tot zijn eigen geld binnenkomt. Standaard is geld op de "
        "regel van een project geoormerkt en geld op een regel van het programma gedeeld. Het "
        "programma sluit alleen als het gedeelde geld elk tekort op tijd dekt: het overschot "
        "van het ene project betaalt niet voor een ander.",
    },
    "guided_line_projects": {
        "en": "Which line belongs to which project",
        "nl": "Welke regel hoort bij welk project",
    },
    "guided_line_projects_intro": {
        "en": "Choose each line's project and, for money coming in, whether it is earmarked or "
        "pooled; then save. Lines added later get their project in their own form.",
        "nl": "Kies per regel het project en, voor geld dat binnenkomt, of het geoormerkt of "
        "gedeeld is; sla daarna op. Regels die later komen, krijgen hun project in hun eigen "
        "formulier.",
    },
    "guided_line_projects_save": {
        "en": "Save the lines' projects",
        "nl": "Projecten van de regels opslaan",
    },
    # programme2: the pool over the years and who lends to whom (app_pages/results.py,
    # businesscase/charts.py pool_over_years, businesscase/projects.py lending)
    "pool_title": {"en": "The pool over the years", "nl": "De pot over de jaren"},
    "chart_pool_title": {
        "en": "Pooled money: brought in, needed, free",
        "nl": "Gedeeld geld: ingebracht, nodig, vrij",
    },
    "chart_pool_brought": {"en": "{part}: brought in", "nl": "{part}: ingebracht"},
    "chart_pool_drawn": {"en": "{part}: needs from the pool", "nl": "{part}: nodig uit de pot"},
    "chart_pool_free": {
        "en": "Free pooled money (cash balance)",
        "nl": "Vrij gedeeld geld (kassaldo)",
    },
    "pool_caption": {
        "en": "Up to the end of each year, in current euros. Above zero: the pooled money each "
        "part has brought in. Below zero: what each project needs from the pool because it has "
        "spent more than its own earmarked money so far. The line is what is left free: the "
        "programme's cash balance. A project's earmarked surplus is not in the pool.",
        "nl": "Tot het eind van elk jaar, in lopende euro's. Boven de nul: het gedeelde geld "
        "dat elk onderdeel heeft ingebracht. Onder de nul: wat elk project uit de pot nodig "
        "heeft omdat het tot dan meer uitgaf dan zijn eigen geoormerkte geld. De lijn is wat "
        "vrij overblijft: het kassaldo van het programma. Het geoormerkte overschot van een "
        "project zit niet in de pot.",
    },
    "pool_worst": {
        "en": "The pool's tightest year: {year}, with {amount} free.",
        "nl": "Het krapste jaar van de pot: {year}, met {amount} vrij.",
    },
    "pool_worst_short": {
        "en": "The pool's tightest year: {year}, {amount} short.",
        "nl": "Het krapste jaar van de pot: {year}, {amount} tekort.",
    },
    "lending_title": {"en": "Who lends to whom", "nl": "Wie leent aan wie"},
    "lending_caption": {
        "en": "Per year: which project draws on pooled money, and whose pooled money it is "
        "(outstanding at the end of the year, in current euros). A project first uses its own "
        "pooled money; the rest of the pot covers each project's need in proportion to what "
        "each part has to spare. Nobody: the part of the need no pooled money covers, the "
        "programme's shortfall that year.",
        "nl": "Per jaar: welk project gedeeld geld gebruikt, en van wie dat geld is (wat aan "
        "het eind van het jaar uitstaat, in lopende euro's). Een project gebruikt eerst zijn "
        "eigen gedeelde geld; de rest van de pot dekt de behoefte van elk project naar rato "
        "van wat elk onderdeel over heeft. Niemand: het deel dat geen gedeeld geld dekt, het "
        "tekort van het programma in dat jaar.",
    },
    "lending_none": {
        "en": "No project needs pooled money in any year: each pays its way with its own money.",
        "nl": "Geen project heeft in enig jaar gedeeld geld nodig: elk betaalt zich met zijn "
        "eigen geld.",
    },
    "lending_year": {"en": "year", "nl": "jaar"},
    "lending_borrower": {"en": "project that draws", "nl": "project dat gebruikt"},
    "lending_lender": {"en": "whose pooled money", "nl": "van wie het gedeelde geld is"},
    "lending_amount": {"en": "amount", "nl": "bedrag"},
    "lending_nobody": {"en": "nobody: not covered", "nl": "niemand: niet gedekt"},
    # programme2: combine's own messages on the command line (businesscase/cli/compare.py)
    "combine_same_name": {
        "en": "two projects are called {name!r}: give them different names (the name in "
        "[scenario] is the project's label)",
        "nl": "twee projecten heten {name!r}: geef ze verschillende namen (de naam in "
        "[scenario] is het label van het project)",
    },
    "guided_line_section": {"en": "part", "nl": "onderdeel"},
    "guided_line_name": {"en": "line", "nl": "regel"},
    # outcome contracts from the payers' side, and what the return cap and the guarantee
    # changed (businesscase/contract_payers.py, the Results page)
    "sib_payers": {
        "en": "Outcome contracts from the payers' side",
        "nl": "Resultaatcontracten vanuit de betalers",
    },
    "sib_payers_caption": {
        "en": "Per payer: what it pays the investor for the outcomes, against the cashable "
        "part of its own benefit from those outcomes (present values at {start}). A negative "
        "net means the payer pays more than it saves in money this case counts.",
        "nl": "Per betaler: wat hij de investeerder betaalt voor de resultaten, tegenover het "
        "deel van zijn eigen baten van die resultaten dat in geld vrijkomt (contante waarden "
        "in {start}). Negatief netto: de betaler betaalt meer dan hij in deze businesscase "
        "aan geld bespaart.",
    },
    "payers_contract": {"en": "outcome contract", "nl": "resultaatcontract"},
    "payers_name": {"en": "payer", "nl": "betaler"},
    "payers_pv_paid": {"en": "pays (PV)", "nl": "betaalt (CW)"},
    "payers_pv_cashable_benefit": {
        "en": "saves in money (PV)",
        "nl": "bespaart in geld (CW)",
    },
    "payers_net_pv": {"en": "net (PV)", "nl": "netto (CW)"},
    "payers_return_cap_trimmed": {
        "en": "{contract}: the return cap of {max_irr} a year removed {amount} of outcome "
        "payments; the investor earns {irr} a year.",
        "nl": "{contract}: het rendementsplafond van {max_irr} per jaar haalde {amount} van de "
        "uitbetalingen weg; de investeerder verdient {irr} per jaar.",
    },
    "payers_return_cap_untouched": {
        "en": "{contract}: the return cap of {max_irr} a year removed nothing; the investor "
        "earns {irr} a year, below it.",
        "nl": "{contract}: het rendementsplafond van {max_irr} per jaar haalde niets weg; de "
        "investeerder verdient {irr} per jaar, daaronder.",
    },
    "payers_guarantee_called": {
        "en": "{contract}: the payments do not repay the capital; the guarantor ({guarantor}) "
        "pays the investor {amount} in {year}.",
        "nl": "{contract}: de uitbetalingen lossen het kapitaal niet af; de garantsteller "
        "({guarantor}) betaalt de investeerder {amount} in {year}.",
    },
    "payers_guarantee_untouched": {
        "en": "{contract}: the guarantee of {guarantor} is not called; the payments repay the "
        "capital.",
        "nl": "{contract}: de garantie van {guarantor} wordt niet aangesproken; de "
        "uitbetalingen lossen het kapitaal af.",
    },
    # the guided build's contract form in step 6 (app_pages/guided.py)
    "guided_add_contract": {
        "en": "Add an outcome contract (social impact bond)",
        "nl": "Resultaatcontract (social impact bond) toevoegen",
    },
    "guided_add_contract_button": {"en": "Create contract", "nl": "Contract aanmaken"},
    "guided_contract_intro": {
        "en": "An investor pre-finances the work; one or two payers pay the investor per result "
        "achieved. First add the investor, the payers and the outcome paid for in the steps "
        "above.",
        "nl": "Een investeerder financiert het werk voor; een of twee betalers betalen de "
        "investeerder per behaald resultaat. Voeg eerst de investeerder, de betalers en het "
        "effect waarvoor betaald wordt toe in de stappen hierboven.",
    },
    "guided_contract_needs": {
        "en": "A contract needs at least one stakeholder and one outcome (not a harm).",
        "nl": "Een contract heeft minstens één belanghebbende en één effect (geen schade) nodig.",
    },
    "guided_contract_second_payer": {
        "en": "second payer (optional)",
        "nl": "tweede betaler (mag leeg)",
    },
    "guided_contract_payer_share": {
        "en": "share of the first payer (%)",
        "nl": "aandeel eerste betaler (%)",
    },
    "guided_contract_same_payer": {
        "en": "The second payer is the first payer again: choose another, or leave it empty.",
        "nl": "De tweede betaler is dezelfde als de eerste: kies een andere, of laat hem leeg.",
    },
    "guided_contract_bad_drawdown": {
        "en": "Drawdown '{value}': {reason} Write shares per year like 50%; 30%; 20%.",
        "nl": "Opname '{value}': {reason} Schrijf aandelen per jaar, zoals 50%; 30%; 20%.",
    },
    "help_guided_contract_investor": {
        "en": "Who puts in the money up front: a social investor, a bank's impact fund, a "
        "foundation.",
        "nl": "Wie het geld vooraf inbrengt: een sociale investeerder, een impactfonds van een "
        "bank, een vermogensfonds.",
    },
    "help_guided_contract_capital": {
        "en": "The money the investor puts in, in euros. Rotterdam's first impact bond raised "
        "EUR 680,000 for 160 young people.",
        "nl": "Het geld dat de investeerder inbrengt, in euro. De eerste Rotterdamse impact bond "
        "haalde € 680.000 op voor 160 jongeren.",
    },
    "help_guided_contract_outcome": {
        "en": "The result the payers pay for; the count of each year, less what would have "
        "happened anyway (deadweight), is paid a year later.",
        "nl": "Het resultaat waarvoor de betalers betalen; het aantal van elk jaar, min wat "
        "toch al was gebeurd (deadweight), wordt een jaar later betaald.",
    },
    "help_guided_contract_price": {
        "en": "Paid per result, in euros; keep it below what the payers save per result.",
        "nl": "Betaald per resultaat, in euro; houd het onder wat de betalers per resultaat "
        "besparen.",
    },
    "help_guided_contract_payer": {
        "en": "Who pays per result, usually the municipality (it saves the benefit payments).",
        "nl": "Wie per resultaat betaalt, meestal de gemeente (die bespaart op uitkeringen).",
    },
    "help_guided_contract_second_payer": {
        "en": "A co-payer that also gains from the result: UWV, a health insurer, a housing "
        "corporation.",
        "nl": "Een medebetaler die ook baat heeft bij het resultaat: UWV, een zorgverzekeraar, "
        "een woningcorporatie.",
    },
    "help_guided_contract_payer_share": {
        "en": "Which part of each payment the first payer pays; the second pays the rest.",
        "nl": "Welk deel van elke betaling de eerste betaler betaalt; de tweede betaalt de rest.",
    },
    "help_guided_contract_cap": {
        "en": "The most the payers pay in total, in euros; empty: no cap.",
        "nl": "Het meeste dat de betalers samen betalen, in euro; leeg: geen plafond.",
    },
    # risks: what a Monte Carlo draws (all-or-nothing money, yearly events, correlations;
    # businesscase/uncertainty.py, the simulate command, the Uncertainty page)
    "risks_title": {"en": "Risks in the draws", "nl": "Risico's in de trekkingen"},
    "risk_distributions": {
        "en": "inputs written as distributions: {count}",
        "nl": "invoer als kansverdeling: {count}",
    },
    "risk_money": {
        "en": "money that comes in full or not at all (funding lines): {count}",
        "nl": "geld dat helemaal komt of helemaal niet (financieringsregels): {count}",
    },
    "risk_events": {
        "en": "events that happen or not, year by year (avoided costs): {count}",
        "nl": "gebeurtenissen die elk jaar wel of niet plaatsvinden (vermeden kosten): {count}",
    },
    "risk_correlations": {
        "en": "inputs that move together (groups with a rank correlation): {count}",
        "nl": "invoer die samen beweegt (groepen met een rangcorrelatie): {count}",
    },
    # timing: starts, durations and lasts written as distributions (businesscase/parameters.py)
    "risk_timing": {
        "en": "starts, durations or lasts that may slip (whole years): {count}",
        "nl": "starts, looptijden of duur van effecten die kunnen verschuiven (hele jaren): "
        "{count}",
    },
    "section_correlations": {"en": "Correlations", "nl": "Correlaties"},
    "field_inputs": {"en": "inputs (field paths)", "nl": "invoer (veldpaden)"},
    "field_rho": {"en": "rank correlation (rho)", "nl": "rangcorrelatie (rho)"},
    "uncertainty_expected_values": {
        "en": "Count money that may not come and yearly events at their expected values",
        "nl": "Geld dat misschien niet komt en jaarlijkse gebeurtenissen als verwachte waarde",
    },
    "uncertainty_expected_help": {
        "en": "Off (the default): a grant with a chance of 70% comes in full in 70% of the draws "
        "and not at all in the others, and an avoided cost's event happens in some years and "
        "not in others, as in reality. On: every draw counts 70% of the grant and the expected "
        "value of the event every year, as the figures on the Results page do.",
        "nl": "Uit (standaard): een subsidie met 70% kans komt in 70% van de trekkingen helemaal "
        "en in de andere helemaal niet, en de gebeurtenis achter een vermeden kostenpost vindt "
        "in sommige jaren plaats en in andere niet, zoals in werkelijkheid. Aan: elke trekking "
        "telt 70% van de subsidie en elk jaar de verwachte waarde van de gebeurtenis, zoals de "
        "cijfers op de pagina Resultaten.",
    },
    "table_correlations": {
        "en": "Inputs that move together (rank correlations; leave empty if none)",
        "nl": "Invoer die samen beweegt (rangcorrelaties; leeg laten als er geen is)",
    },
    "help_correlations_inputs": {
        "en": "Two or more inputs written as distributions, as field paths separated by ; "
        "(outcomes[0].quantity; outcomes[1].quantity). Residents who count in several outcomes "
        "move together: when fewer join, every outcome they count in comes out lower.",
        "nl": "Twee of meer invoerwaarden die als kansverdeling zijn gegeven, als veldpaden "
        "gescheiden door ; (outcomes[0].quantity; outcomes[1].quantity). Bewoners die in "
        "meerdere uitkomsten meetellen bewegen samen: doen er minder mee, dan valt elke "
        "uitkomst waarin ze meetellen lager uit.",
    },
    "help_correlations_rho": {
        "en": "How strongly they move together, between -1 and 1 (not -1 or 1 itself): 0 is "
        "not at all, 0,5 clearly together, 0,8 nearly in step; a negative rho moves them in "
        "opposite directions. The Monte Carlo keeps each input's own distribution and only "
        "pairs high with high and low with low.",
        "nl": "Hoe sterk ze samen bewegen, tussen -1 en 1 (niet -1 of 1 zelf): 0 is helemaal "
        "niet, 0,5 duidelijk samen, 0,8 bijna gelijk op; een negatieve rho laat ze "
        "tegengesteld bewegen. De Monte Carlo houdt de eigen kansverdeling van elke invoer en "
        "koppelt alleen hoog aan hoog en laag aan laag.",
    },
    "risks_expected": {
        "en": "Money that may not come and yearly events count at their expected values "
        "(probability x amount), as in the deterministic figures.",
        "nl": "Geld dat misschien niet komt en jaarlijkse gebeurtenissen tellen mee met hun "
        "verwachte waarde (kans x bedrag), zoals in de vaste cijfers.",
    },
    # guidedrisk: the real risks as plain questions in the guided build (app_pages/guided.py)
    "ask_slip": {
        "en": "May it start later? At most how many years",
        "nl": "Kan dit later beginnen? Hoeveel jaar hoogstens",
    },
    "help_slip": {
        "en": "0 if the first year is certain. Otherwise: how many years later it may start at "
        "worst, e.g. because a permit, a building or a grant may come late. The Monte Carlo "
        "(Uncertainty page) then draws the first year in each run: the planned year is the "
        "most likely, each later year less so (1 year: 75% on time, 25% a year late; 2 years: "
        "56%, 33%, 11%), and the whole line moves along. The figures on the Results page keep "
        "the planned year.",
        "nl": "0 als het eerste jaar vaststaat. Anders: hoeveel jaar later het op zijn slechtst "
        "begint, bijvoorbeeld omdat een vergunning, een pand of een subsidie laat kan komen. De "
        "Monte Carlo (pagina Onzekerheid) trekt dan in elke run het eerste jaar: het geplande "
        "jaar is het waarschijnlijkst, elk later jaar minder (1 jaar: 75% op tijd, 25% een jaar "
        "later; 2 jaar: 56%, 33%, 11%), en de hele regel schuift mee. De cijfers op de pagina "
        "Resultaten houden het geplande jaar aan.",
    },
    "ask_funding_probability": {
        "en": "Chance the money comes (%)",
        "nl": "Kans dat het geld komt (%)",
    },
    "help_funding_probability": {
        "en": "Already granted or promised in writing? Then 100%. Not yet: how likely is it "
        "that this funder says yes, e.g. 70% for a fund that usually grants plans like yours. "
        "The figures count the chance times the amount; in the Monte Carlo (Uncertainty page) "
        "the money comes in full or not at all in each draw, as a grant does.",
        "nl": "Al toegekend of schriftelijk toegezegd? Dan 100%. Nog niet: hoe groot is de kans "
        "dat deze financier ja zegt, bijvoorbeeld 70% bij een fonds dat plannen zoals dit "
        "meestal toekent. De cijfers tellen kans maal bedrag; in de Monte Carlo (pagina "
        "Onzekerheid) komt het geld in elke trekking helemaal of helemaal niet, zoals een "
        "subsidie.",
    },
    "guided_range_outcomes": {
        "en": "Not sure how many? Give a range (optional): the number per year above is the most "
        "likely.",
        "nl": "Niet zeker hoeveel? Geef een marge (mag leeg): het aantal per jaar hierboven is "
        "het waarschijnlijkst.",
    },
    "guided_range_avoided_costs": {
        "en": "Not sure how often? Give a range (optional): the number per year above is the "
        "most likely.",
        "nl": "Niet zeker hoe vaak? Geef een marge (mag leeg): het aantal per jaar hierboven is "
        "het waarschijnlijkst.",
    },
    "guided_range_low": {
        "en": "At least (if it disappoints)",
        "nl": "Minstens (als het tegenvalt)",
    },
    "guided_range_high": {"en": "At most (if it goes well)", "nl": "Hoogstens (als het meevalt)"},
    "help_guided_range_low": {
        "en": "The number per year if it disappoints, e.g. fewer residents join. Empty: not "
        "lower than the number above. The figures use the number above; the Monte Carlo "
        "(Uncertainty page) draws between at least and at most, the number above the most "
        "likely.",
        "nl": "Het aantal per jaar als het tegenvalt, bijvoorbeeld als minder bewoners meedoen. "
        "Leeg: niet lager dan het aantal hierboven. De cijfers gebruiken het aantal hierboven; "
        "de Monte Carlo (pagina Onzekerheid) trekt tussen minstens en hoogstens, het aantal "
        "hierboven het waarschijnlijkst.",
    },
    "help_guided_range_high": {
        "en": "The number per year if it goes well. Empty: not higher than the number above.",
        "nl": "Het aantal per jaar als het meevalt. Leeg: niet hoger dan het aantal hierboven.",
    },
    "guided_same_title": {"en": "The same participants?", "nl": "Dezelfde deelnemers?"},
    "guided_same_intro": {
        "en": "Do some lines count the same people, such as the same residents in *less "
        "loneliness* and *less use of care*? Then their numbers rise and fall together: when "
        "fewer residents join, both come out lower in the same draw. Pick those lines here, "
        "and the Monte Carlo moves them together. Without this it draws them apart, so a bad "
        "year in one is made up by a good year in the other and the chance that the plan "
        "closes looks better than it is. The figures on the Results page do not change.",
        "nl": "Tellen sommige regels dezelfde mensen, zoals dezelfde bewoners in *minder "
        "eenzaamheid* en *minder zorggebruik*? Dan stijgen en dalen hun aantallen samen: doen "
        "er minder bewoners mee, dan vallen beide in dezelfde trekking lager uit. Kies die "
        "regels hier, dan laat de Monte Carlo ze samen bewegen. Zonder dit trekt hij ze los van "
        "elkaar, zodat een slecht jaar in de ene wordt goedgemaakt door een goed jaar in de "
        "andere en de kans dat het plan sluit mooier lijkt dan hij is. De cijfers op de pagina "
        "Resultaten veranderen niet.",
    },
    "guided_same_needs_ranges": {
        "en": "Only a number given as a range can move: a fixed number stays the same in every "
        "draw. Give at least two outcomes or avoided costs an *at least* and *at most* first.",
        "nl": "Alleen een aantal met een marge kan bewegen: een vast aantal blijft in elke "
        "trekking gelijk. Geef eerst minstens twee effecten of voorkomen kosten een *minstens* "
        "en *hoogstens*.",
    },
    "guided_same_lines": {"en": "lines that move together", "nl": "regels die samen bewegen"},
    "guided_same_remove": {"en": "Let them move apart again", "nl": "Weer los laten bewegen"},
    "guided_same_pick": {
        "en": "Lines that count the same people",
        "nl": "Regels die dezelfde mensen tellen",
    },
    "guided_same_placeholder": {"en": "Choose two or more", "nl": "Kies er twee of meer"},
    "help_guided_same_pick": {
        "en": "Only outcomes and avoided costs whose number per year has a range are listed.",
        "nl": "Alleen effecten en voorkomen kosten met een marge in het aantal per jaar staan "
        "hier.",
    },
    "guided_same_rho": {"en": "How strongly together (rho)", "nl": "Hoe sterk samen (rho)"},
    "guided_same_add": {"en": "Move them together", "nl": "Samen laten bewegen"},
    "guided_same_two": {
        "en": "Choose at least two lines: one line cannot move together with itself.",
        "nl": "Kies minstens twee regels: één regel kan niet met zichzelf samen bewegen.",
    },
}
"""Every user-facing string by key and language code (``nl``, ``en``)."""


def t(key: str, lang: str = "nl", **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Raises
    ------
    KeyError
        For an unknown key or language: a missing translation is a bug, not a fallback.
    """
    template = TEXT[key][lang]
    return template.format(**values) if values else template


def input_name(label: str, path: str, lang: str = "nl") -> str:
    """An uncertain input's label with its field named in ``lang``.

    ``label`` is the engine's ``"<line>: <field>"`` (:func:`businesscase.uncertainty.input_label`)
    and ``path`` its field path; the field part is replaced by the field's name in ``lang``.

    >>> input_name("Minder eenzaamheid: proxy", "outcomes[1].proxy", "nl")
    'Minder eenzaamheid: waarde per effect (proxy)'
    """
    field = path.rsplit(".", 1)[-1]
    line = label.removesuffix(f": {field}")
    return f"{line}: {t(f'field_{field}', lang)}"
