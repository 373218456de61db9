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
    "no": {"en": "NO", "nl": "NEE"},
    "closes_verdict": {
        "en": "The business case closes: no year is short of cash.",
        "nl": "De business case is sluitend: geen enkel jaar heeft een kastekort.",
    },
    "gap_verdict": {
        "en": "The business case does not close: {gap} must still be found; "
        "first short year {year}.",
        "nl": "De business case sluit niet: er moet nog {gap} gevonden worden; eerste jaar met "
        "tekort {year}.",
    },
    "discount_note": {
        "en": "Year 0 is not discounted (as numpy_financial.npv); in Excel: =B2 + NPV(r, C2:K2). "
        "Constant prices of {start}; real discount rate {rate}.",
        "nl": "Jaar 0 wordt niet verdisconteerd (zoals numpy_financial.npv); in Excel: "
        "=B2 + NPV(r; C2:K2). Constante prijzen van {start}; reële discontovoet {rate}.",
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
        "en": "no input is written as a distribution: no Monte Carlo percentiles",
        "nl": "geen invoer is als kansverdeling gegeven: geen Monte Carlo-percentielen",
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
        "en": "Social impact bond (at most one row)",
        "nl": "Social impact bond (hoogstens één regel)",
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
    "cell_one_sib": {
        "en": "a business case has at most one social impact bond",
        "nl": "een business case heeft hoogstens één social impact bond",
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
        "en": "★ and green: the best value of a row (no mark for a tie or a figure without a "
        "better direction).",
        "nl": "★ en groen: de beste waarde van een rij (geen markering bij gelijke stand of "
        "bij een cijfer zonder betere richting).",
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
        "en": "This variant has no distributions, so the reports have no Monte Carlo part.",
        "nl": "Deze variant heeft geen verdelingen, dus de rapporten hebben geen Monte Carlo-deel.",
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
        "en": "* best value of the figure, where higher or lower is clearly better and no two "
        "scenarios share it.",
        "nl": "* beste waarde van het kengetal, waar hoger of lager duidelijk beter is en geen "
        "twee scenario's die delen.",
    },
    "programme_title": {
        "en": "{name}: each project alone and the package together",
        "nl": "{name}: elk project apart en het pakket samen",
    },
    "combine_written": {
        "en": "Programme of {count} projects written to {out}. Projects with a surplus carry "
        "those with a funding gap.",
        "nl": "Programma van {count} projecten geschreven naar {out}. Projecten met een "
        "overschot dragen die met een financieringstekort.",
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
