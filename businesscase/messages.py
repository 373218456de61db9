"""What a scenario file's problems say, in English and Dutch: the catalogue of rules.

Every rule the loader checks has a key in :data:`MESSAGES` with its text in both languages
(``en``, ``nl``; ``{placeholders}`` are filled from the problem's parameters) and a plural
(``en_many``, ``nl_many``) that counts the problems of that kind beyond the ones shown
(``... and 1,012 more unknown stakeholder references``). :data:`PIECES` holds the parts that
messages are built from. :mod:`businesscase.problems` renders them; docs/scenario-format.md
lists the rules.

The Dutch follows the app's own tone (``je``), and keeps the TOML names of fields and values
(``start``, ``[[costs]]``, ``fiscal``) where the user has to type them.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the file as a whole
    "folder": {
        "en": "{path} is a folder, not a scenario file",
        "nl": "{path} is een map, geen scenariobestand",
        "en_many": "folders",
        "nl_many": "mappen",
    },
    "not_regular": {
        "en": "{path} is not a regular file",
        "nl": "{path} is geen gewoon bestand",
        "en_many": "files that are not regular files",
        "nl_many": "bestanden die geen gewoon bestand zijn",
    },
    "file_too_big": {
        "en": "file is {megabytes} MB; a scenario file may be at most {limit} MB",
        "nl": "het bestand is {megabytes} MB; een scenariobestand mag hoogstens {limit} MB zijn",
        "en_many": "files that are too big",
        "nl_many": "te grote bestanden",
    },
    "text_too_big": {
        "en": "a scenario file may be at most {limit} MB",
        "nl": "een scenariobestand mag hoogstens {limit} MB zijn",
        "en_many": "files that are too big",
        "nl_many": "te grote bestanden",
    },
    "not_found": {
        "en": "file not found: {path}",
        "nl": "bestand niet gevonden: {path}",
        "en_many": "files not found",
        "nl_many": "niet gevonden bestanden",
    },
    "unreadable": {
        "en": "cannot read the file: {reason}",
        "nl": "het bestand kan niet gelezen worden: {reason}",
        "en_many": "unreadable files",
        "nl_many": "onleesbare bestanden",
    },
    "not_utf8": {
        "en": "not UTF-8 text (line {line}); save the file as UTF-8",
        "nl": "geen UTF-8-tekst (regel {line}); sla het bestand op als UTF-8",
        "en_many": "files that are not UTF-8",
        "nl_many": "bestanden die geen UTF-8 zijn",
    },
    "not_toml": {
        "en": "not valid TOML: {detail}",
        "nl": "geen geldige TOML: {detail}",
        "en_many": "TOML errors",
        "nl_many": "TOML-fouten",
    },
    "too_deep": {
        "en": "nested too deeply: tables and arrays may nest at most {levels} levels",
        "nl": "te diep genest: tabellen en lijsten mogen hoogstens {levels} niveaus diep gaan",
        "en_many": "nestings too deep",
        "nl_many": "te diepe nestingen",
    },
    "no_settings": {
        "en": "no [scenario] table: add one with name, start_year and horizon_years{stray}",
        "nl": "geen tabel [scenario]: voeg er een toe met name, start_year en horizon_years{stray}",
        "en_many": "missing [scenario] tables",
        "nl_many": "ontbrekende tabellen [scenario]",
    },
    "too_many_lines": {
        "en": "has {count} lines; a section may have at most {limit}",
        "nl": "heeft {count} regels; een onderdeel mag er hoogstens {limit} hebben",
        "en_many": "sections with too many lines",
        "nl_many": "onderdelen met te veel regels",
    },
    "too_many_lines_in_all": {
        "en": "the file has {count} lines in its sections; a scenario may have at most {limit}",
        "nl": "het bestand heeft {count} regels in zijn onderdelen; een scenario mag er "
        "hoogstens {limit} hebben",
        "en_many": "files with too many lines",
        "nl_many": "bestanden met te veel regels",
    },
    # --- numbers
    "number_not_boolean": {
        "en": "must be a number, not true/false",
        "nl": "moet een getal zijn, geen true/false",
        "en_many": "true/false where a number belongs",
        "nl_many": "true/false waar een getal hoort",
    },
    "number_not_text": {
        "en": "must be a number, not text (remove the quotes)",
        "nl": "moet een getal zijn, geen tekst (haal de aanhalingstekens weg)",
        "en_many": "texts where a number belongs",
        "nl_many": "teksten waar een getal hoort",
    },
    "number": {
        "en": "must be a number",
        "nl": "moet een getal zijn",
        "en_many": "values that are not numbers",
        "nl_many": "waarden die geen getal zijn",
    },
    "finite": {
        "en": "must be a finite number, not nan or inf",
        "nl": "moet een eindig getal zijn, geen nan of inf",
        "en_many": "numbers that are not finite",
        "nl_many": "getallen die niet eindig zijn",
    },
    "plain_number": {
        "en": "must be a plain number, not a distribution",
        "nl": "moet een gewoon getal zijn, geen verdeling",
        "en_many": "distributions where a plain number belongs",
        "nl_many": "verdelingen waar een gewoon getal hoort",
    },
    "share": {
        "en": "must be a share between 0 and 1",
        "nl": "moet een aandeel tussen 0 en 1 zijn",
        "en_many": "shares outside 0 to 1",
        "nl_many": "aandelen buiten 0 tot 1",
    },
    "not_negative": {
        "en": "must be >= 0",
        "nl": "moet 0 of meer zijn",
        "en_many": "negative numbers",
        "nl_many": "negatieve getallen",
    },
    "above_minus_one": {
        "en": "must be > -1",
        "nl": "moet meer dan -1 zijn",
        "en_many": "rates of -1 or less",
        "nl_many": "percentages van -1 of minder",
    },
    "at_least": {
        "en": "must be >= {minimum}",
        "nl": "moet {minimum} of meer zijn",
        "en_many": "numbers too small",
        "nl_many": "te kleine getallen",
    },
    "at_most": {
        "en": "must be <= {maximum}",
        "nl": "mag hoogstens {maximum} zijn",
        "en_many": "numbers too large",
        "nl_many": "te grote getallen",
    },
    "whole": {
        "en": "must be a whole number ({unit})",
        "nl": "moet een geheel getal zijn ({unit})",
        "en_many": "fractions where a whole number belongs",
        "nl_many": "breuken waar een geheel getal hoort",
    },
    "whole_not_distribution": {
        "en": "must be a whole number ({unit}), not a distribution",
        "nl": "moet een geheel getal zijn ({unit}), geen verdeling",
        "en_many": "distributions where a whole number belongs",
        "nl_many": "verdelingen waar een geheel getal hoort",
    },
    "on_base_value": {
        "en": "{rule} (the base value is {base})",
        "nl": "{rule} (de basiswaarde is {base})",
        "en_many": "distributions with a base value out of range",
        "nl_many": "verdelingen met een basiswaarde buiten het bereik",
    },
    # --- distributions
    "unknown_distribution": {
        "en": "unknown distribution; dist must be one of {names}",
        "nl": "onbekende verdeling; dist moet een van deze zijn: {names}",
        "en_many": "unknown distributions",
        "nl_many": "onbekende verdelingen",
    },
    "no_distribution": {
        "en": "a distribution needs dist = one of {names}",
        "nl": "een verdeling heeft dist = nodig, een van: {names}",
        "en_many": "distributions without dist",
        "nl_many": "verdelingen zonder dist",
    },
    "mode_between": {
        "en": "a {shape} needs low <= mode <= high",
        "nl": "een {shape}-verdeling vraagt low <= mode <= high",
        "en_many": "modes outside low to high",
        "nl_many": "modi buiten low tot high",
    },
    "low_below_high": {
        "en": "a {shape} needs low < high (write a plain number for a fixed value)",
        "nl": "een {shape}-verdeling vraagt low < high (schrijf een gewoon getal voor een vaste "
        "waarde)",
        "en_many": "distributions with low not below high",
        "nl_many": "verdelingen met low niet onder high",
    },
    "uniform_low_below_high": {
        "en": "a uniform needs low < high",
        "nl": "een uniform-verdeling vraagt low < high",
        "en_many": "distributions with low not below high",
        "nl_many": "verdelingen met low niet onder high",
    },
    "sd_positive": {
        "en": "a {shape} needs sd > 0",
        "nl": "een {shape}-verdeling vraagt sd > 0",
        "en_many": "standard deviations of 0 or less",
        "nl_many": "standaardafwijkingen van 0 of minder",
    },
    "mean_positive": {
        "en": "a {shape} needs mean > 0",
        "nl": "een {shape}-verdeling vraagt mean > 0",
        "en_many": "means of 0 or less",
        "nl_many": "gemiddelden van 0 of minder",
    },
    "unknown_distribution_field": {
        "en": "unknown field in a {name} distribution{hint}; allowed here: {allowed}",
        "nl": "onbekend veld in een {name}-verdeling{hint}; hier toegestaan: {allowed}",
        "en_many": "unknown fields in distributions",
        "nl_many": "onbekende velden in verdelingen",
    },
    # --- text and choices
    "text": {
        "en": "must be text (in quotes)",
        "nl": "moet tekst zijn (tussen aanhalingstekens)",
        "en_many": "values that are not text",
        "nl_many": "waarden die geen tekst zijn",
    },
    "not_empty": {
        "en": "must not be empty",
        "nl": "mag niet leeg zijn",
        "en_many": "empty texts",
        "nl_many": "lege teksten",
    },
    "one_line": {
        "en": "must be one line without control characters (found {char})",
        "nl": "moet één regel zijn zonder stuurtekens (gevonden: {char})",
        "en_many": "texts with control characters",
        "nl_many": "teksten met stuurtekens",
    },
    "no_control_characters": {
        "en": "may hold newlines and tabs but no other control characters (found {char})",
        "nl": "mag regeleinden en tabs bevatten, maar geen andere stuurtekens (gevonden: {char})",
        "en_many": "texts with control characters",
        "nl_many": "teksten met stuurtekens",
    },
    "currency": {
        "en": "must be a three-letter upper-case code such as EUR",
        "nl": "moet een code van drie hoofdletters zijn, zoals EUR",
        "en_many": "currency codes that are not three capitals",
        "nl_many": "valutacodes die geen drie hoofdletters zijn",
    },
    "one_of": {
        "en": "must be one of {choices}{hint}",
        "nl": "moet een van deze zijn: {choices}{hint}",
        "en_many": "values outside their list",
        "nl_many": "waarden die niet in hun lijst staan",
    },
    # --- the shape of the file
    "unknown_field": {
        "en": "unknown field{hint}; allowed here: {allowed}",
        "nl": "onbekend veld{hint}; hier toegestaan: {allowed}",
        "en_many": "unknown fields",
        "nl_many": "onbekende velden",
    },
    "unknown_section": {
        "en": "unknown section{hint}; sections: {sections}",
        "nl": "onbekend onderdeel{hint}; onderdelen: {sections}",
        "en_many": "unknown sections",
        "nl_many": "onbekende onderdelen",
    },
    "required": {
        "en": "is required",
        "nl": "ontbreekt (verplicht)",
        "en_many": "missing fields",
        "nl_many": "ontbrekende velden",
    },
    "list_of_tables": {
        "en": "must be a list of tables: write [[{section}]] above each entry",
        "nl": "moet een lijst van tabellen zijn: schrijf [[{section}]] boven elke regel",
        "en_many": "sections that are not lists of tables",
        "nl_many": "onderdelen die geen lijst van tabellen zijn",
    },
    "list": {
        "en": "must be a list, e.g. [...]",
        "nl": "moet een lijst zijn, bijvoorbeeld [...]",
        "en_many": "values that are not lists",
        "nl_many": "waarden die geen lijst zijn",
    },
    "table": {
        "en": "must be a table",
        "nl": "moet een tabel zijn",
        "en_many": "values that are not tables",
        "nl_many": "waarden die geen tabel zijn",
    },
    "not_valid_here": {
        "en": "is not valid here ({kind})",
        "nl": "is hier niet geldig ({kind})",
        "en_many": "values not valid where they stand",
        "nl_many": "waarden die niet geldig zijn waar ze staan",
    },
    # --- rules across sections
    "unknown_stakeholder": {
        "en": "unknown stakeholder id{hint}; known ids: {known}",
        "nl": "onbekende id van een belanghebbende{hint}; bekende id's: {known}",
        "en_many": "unknown stakeholder references",
        "nl_many": "verwijzingen naar onbekende belanghebbenden",
    },
    # --- rank correlations ([[correlations]], docs/uncertainty.md)
    "correlation_rho": {
        "en": "rho must lie strictly between -1 and 1: -1 < rho < 1",
        "nl": "rho moet tussen -1 en 1 liggen (die zelf niet): -1 < rho < 1",
        "en_many": "correlations out of range",
        "nl_many": "correlaties buiten het bereik",
    },
    "correlation_few": {
        "en": "a group needs two or more inputs to correlate",
        "nl": "een groep heeft twee of meer invoerwaarden nodig om te correleren",
        "en_many": "groups with fewer than two inputs",
        "nl_many": "groepen met minder dan twee invoerwaarden",
    },
    "correlation_unknown": {
        "en": "names no numeric input of this scenario{hint}; write a field path such as "
        "outcomes[0].quantity",
        "nl": "noemt geen getal uit dit scenario{hint}; schrijf een veldpad zoals "
        "outcomes[0].quantity",
        "en_many": "unknown inputs in correlations",
        "nl_many": "onbekende invoer in correlaties",
    },
    "correlation_not_uncertain": {
        "en": "is a fixed number: only inputs written as a distribution can move together",
        "nl": "is een vast getal: alleen invoer die als kansverdeling is geschreven kan meebewegen",
        "en_many": "fixed numbers in correlations",
        "nl_many": "vaste getallen in correlaties",
    },
    "correlation_twice": {
        "en": "this input is already in the group",
        "nl": "deze invoer staat al in de groep",
        "en_many": "inputs named twice in a group",
        "nl_many": "dubbel genoemde invoer in een groep",
    },
    "correlation_pair_again": {
        "en": "{first} and {second} are already correlated in {group}; a pair may be in one "
        "group only",
        "nl": "{first} en {second} zijn al gecorreleerd in {group}; een paar mag maar in één "
        "groep staan",
        "en_many": "pairs correlated twice",
        "nl_many": "dubbel gecorreleerde paren",
    },
    "correlation_matrix": {
        "en": "the groups together give no valid correlation matrix (not positive definite): "
        "inputs shared by groups cannot move together in every combination asked; lower "
        "the rho of groups that share inputs",
        "nl": "de groepen samen geven geen geldige correlatiematrix (niet positief definiet): "
        "invoer die in meerdere groepen staat kan niet in elke gevraagde combinatie "
        "meebewegen; verlaag de rho van groepen die invoer delen",
        "en_many": "invalid sets of correlations",
        "nl_many": "ongeldige sets van correlaties",
    },
    "outside_horizon": {
        "en": "start must lie within the horizon: 0 <= start <= {last}",
        "nl": "start moet binnen de looptijd liggen: 0 <= start <= {last}",
        "en_many": "starts beyond the horizon",
        "nl_many": "starts na de looptijd",
    },
    "unknown_outcome": {
        "en": "names no outcome line{hint}; outcomes: {outcomes}",
        "nl": "noemt geen bestaand effect{hint}; effecten: {outcomes}",
        "en_many": "references to unknown outcomes",
        "nl_many": "verwijzingen naar onbekende effecten",
    },
    "duplicate_stakeholder": {
        "en": "duplicate stakeholder id; each must be unique",
        "nl": "dubbele id van een belanghebbende; elke id moet uniek zijn",
        "en_many": "duplicate stakeholder ids",
        "nl_many": "dubbele id's van belanghebbenden",
    },
    "duplicate_outcome": {
        "en": "duplicate outcome name; each must be unique",
        "nl": "dubbele naam van een effect; elke naam moet uniek zijn",
        "en_many": "duplicate outcome names",
        "nl_many": "dubbele namen van effecten",
    },
    "no_beneficiary": {
        "en": "needs at least one beneficiary, e.g. {{ gemeente = 1.0 }}",
        "nl": "heeft minstens één begunstigde nodig, bijvoorbeeld {{ gemeente = 1.0 }}",
        "en_many": "outcomes without beneficiaries",
        "nl_many": "effecten zonder begunstigden",
    },
    "shares_total": {
        "en": "beneficiary shares add up to {total}; they must add up to 1",
        "nl": "de aandelen van de begunstigden tellen op tot {total}; dat moet 1 zijn",
        "en_many": "beneficiary shares that do not add up to 1",
        "nl_many": "aandelen van begunstigden die niet optellen tot 1",
    },
    "loan_only": {
        "en": "only a loan takes {field}",
        "nl": "alleen een lening heeft {field}",
        "en_many": "loan fields outside loans",
        "nl_many": "leningvelden buiten leningen",
    },
    "loan_requires": {
        "en": "is required for a loan",
        "nl": "is verplicht voor een lening",
        "en_many": "missing loan fields",
        "nl_many": "ontbrekende leningvelden",
    },
    "loan_start_fixed": {
        "en": "a loan's start must be a whole number, not a distribution: its payout year and "
        "repayments are fixed in the loan contract (make the lines it pays for uncertain instead)",
        "nl": "de start van een lening moet een geheel getal zijn, geen verdeling: het jaar van "
        "uitbetaling en de aflossingen liggen vast in het leencontract (maak de regels die ermee "
        "betaald worden onzeker)",
        "en_many": "loans with an uncertain start",
        "nl_many": "leningen met een onzekere start",
    },
    "loan_refuses": {
        "en": "a loan takes no {field}: it is repaid as an annuity over term years",
        "nl": "een lening heeft geen {field}: ze wordt als annuïteit afgelost in term jaren",
        "en_many": "fields a loan does not take",
        "nl_many": "velden die een lening niet heeft",
    },
    # --- honest value: flags, in kind, residual value, harms (docs/methodology.md)
    "true_or_false": {
        "en": "must be true or false",
        "nl": "moet true of false zijn",
        "en_many": "values that are not true or false",
        "nl_many": "waarden die niet true of false zijn",
    },
    "provider_required": {
        "en": "is required for an in-kind cost: the stakeholder who gives it",
        "nl": "is verplicht bij een kostenpost in natura: de belanghebbende die hem inbrengt",
        "en_many": "in-kind costs without a provider",
        "nl_many": "kosten in natura zonder inbrenger",
    },
    "provider_only_in_kind": {
        "en": "only an in-kind cost takes a provider (set in_kind = true)",
        "nl": "alleen een kostenpost in natura heeft een provider (zet in_kind = true)",
        "en_many": "providers of costs that are not in kind",
        "nl_many": "providers bij kosten die niet in natura zijn",
    },
    "capex_only": {
        "en": "only a capex cost takes {field}: an opex cost leaves no residual value",
        "nl": "alleen een capex-kostenpost heeft {field}: opex laat geen restwaarde na",
        "en_many": "residual-value fields on opex costs",
        "nl_many": "restwaardevelden bij opex-kosten",
    },
    "owner_required": {
        "en": "is required with life: the stakeholder who owns the residual value",
        "nl": "is verplicht bij life: de belanghebbende die eigenaar is van de restwaarde",
        "en_many": "lives without an owner",
        "nl_many": "levensduren zonder eigenaar",
    },
    "owner_without_life": {
        "en": "goes with life: give the useful life in years, or leave owner out",
        "nl": "hoort bij life: geef de levensduur in jaren, of laat owner weg",
        "en_many": "owners without a life",
        "nl_many": "eigenaren zonder levensduur",
    },
    # --- outcome contracts: several contracts, metrics, payers, drawdown, guarantee
    "sib_name_required": {
        "en": "is required when there are several contracts: give each its own name",
        "nl": "is verplicht bij meerdere contracten: geef elk contract een eigen naam",
        "en_many": "contracts without a name",
        "nl_many": "contracten zonder naam",
    },
    "duplicate_contract": {
        "en": "duplicate contract name; each must be unique",
        "nl": "dubbele naam van een contract; elke naam moet uniek zijn",
        "en_many": "duplicate contract names",
        "nl_many": "dubbele namen van contracten",
    },
    "sib_metric_required": {
        "en": "is required, or write the metrics as [[sib.metrics]] tables",
        "nl": "is verplicht, of schrijf de resultaten als [[sib.metrics]]-tabellen",
        "en_many": "contracts without what they pay for",
        "nl_many": "contracten zonder waarvoor ze betalen",
    },
    "sib_both_forms": {
        "en": "cannot stand on the contract when it has [[sib.metrics]]: write it in the metric",
        "nl": "kan niet op het contract staan als het [[sib.metrics]] heeft: zet het bij het "
        "resultaat",
        "en_many": "contracts written in both forms",
        "nl_many": "contracten in beide vormen geschreven",
    },
    "sib_no_metrics": {
        "en": "a contract needs at least one metric",
        "nl": "een contract heeft minstens één resultaat nodig",
        "en_many": "contracts without metrics",
        "nl_many": "contracten zonder resultaten",
    },
    "sib_payer_required": {
        "en": 'is required: payer = "id", or payers = {{ id = share, ... }}',
        "nl": 'is verplicht: payer = "id", of payers = {{ id = aandeel, ... }}',
        "en_many": "metrics without a payer",
        "nl_many": "resultaten zonder betaler",
    },
    "sib_payer_both": {
        "en": "write payer or payers, not both",
        "nl": "schrijf payer of payers, niet allebei",
        "en_many": "metrics with both payer and payers",
        "nl_many": "resultaten met zowel payer als payers",
    },
    "payer_shares_total": {
        "en": "payer shares add up to {total}; they must add up to 1",
        "nl": "de aandelen van de betalers tellen op tot {total}; dat moet 1 zijn",
        "en_many": "payer shares that do not add up to 1",
        "nl_many": "aandelen van betalers die niet optellen tot 1",
    },
    "drawdown_total": {
        "en": "drawdown shares add up to {total}; they must add up to 1",
        "nl": "de opnameaandelen tellen op tot {total}; dat moet 1 zijn",
        "en_many": "drawdowns that do not add up to 1",
        "nl_many": "opnames die niet optellen tot 1",
    },
    "drawdown_past_horizon": {
        "en": "the last drawdown falls in year {year}, past the horizon (last year {last})",
        "nl": "de laatste opname valt in jaar {year}, na de looptijd (laatste jaar {last})",
        "en_many": "drawdowns past the horizon",
        "nl_many": "opnames na de looptijd",
    },
    "guarantee_pair": {
        "en": "is required: guarantor and guarantee_share go together, give both or neither",
        "nl": "is verplicht: guarantor en guarantee_share horen bij elkaar, geef beide of geen",
        "en_many": "guarantees given half",
        "nl_many": "half gegeven garanties",
    },
    # --- projects of a programme (earmarked money)
    "duplicate_project": {
        "en": "duplicate project id; each must be unique",
        "nl": "dubbele id van een project; elke id moet uniek zijn",
        "en_many": "duplicate project ids",
        "nl_many": "dubbele project-id's",
    },
    "unknown_project": {
        "en": "names no project{hint}; projects: {known}",
        "nl": "noemt geen bestaand project{hint}; projecten: {known}",
        "en_many": "references to unknown projects",
        "nl_many": "verwijzingen naar onbekende projecten",
    },
    "programme_line_earmarked": {
        "en": "a line without project belongs to the programme, whose money is always pooled; "
        "give the line a project to earmark it, or leave pooled out",
        "nl": "een regel zonder project hoort bij het programma, en dat geld is altijd "
        "gedeeld; geef de regel een project om het te oormerken, of laat pooled weg",
        "en_many": "programme lines marked not pooled",
        "nl_many": "programmaregels die niet gedeeld zouden zijn",
    },
    "project_without_lines": {
        "en": 'no line names this project; give lines project = "{id}" or remove it',
        "nl": 'geen regel noemt dit project; geef regels project = "{id}" of haal het weg',
        "en_many": "projects without lines",
        "nl_many": "projecten zonder regels",
    },
    # --- combining project files into a programme (combine, --pool)
    "pool_unknown": {
        "en": "names no project to pool{hint}; the projects are {known}",
        "nl": "noemt geen project om te delen{hint}; de projecten zijn {known}",
        "en_many": "names to pool that are no project",
        "nl_many": "te delen namen die geen project zijn",
    },
    "projects_disagree": {
        "en": "the projects disagree on this setting; give every file the same value",
        "nl": "de projecten verschillen in deze instelling; geef elk bestand dezelfde waarde",
        "en_many": "settings the projects disagree on",
        "nl_many": "instellingen waarin de projecten verschillen",
    },
    "projects_disagree_choose": {
        "en": "the projects disagree: {given}; choose one for the programme ({field}=... in "
        "Python, {option} on the command line)",
        "nl": "de projecten verschillen: {given}; kies er één voor het programma ({field}=... "
        "in Python, {option} op de opdrachtregel)",
        "en_many": "settings the projects disagree on",
        "nl_many": "instellingen waarin de projecten verschillen",
    },
    "stakeholder_differs": {
        "en": "{project} defines this stakeholder differently from an earlier project; give it "
        "the same name and kind in every file, or another id",
        "nl": "{project} beschrijft deze belanghebbende anders dan een eerder project; geef "
        "hem in elk bestand dezelfde naam en soort, of een andere id",
        "en_many": "stakeholders defined differently",
        "nl_many": "verschillend beschreven belanghebbenden",
    },
    "already_a_programme": {
        "en": "is a programme of projects already; combine its project files instead",
        "nl": "is al een programma van projecten; combineer in plaats daarvan de bestanden van "
        "zijn projecten",
        "en_many": "programmes given as projects",
        "nl_many": "programma's opgegeven als project",
    },
    "pooled_only_inflows": {
        "en": "pooled is only for money coming in (funding, value_capture); leave it out here",
        "nl": "pooled hoort alleen bij geld dat binnenkomt (funding, value_capture); laat het "
        "hier weg",
        "en_many": "pooled flags on lines that bring in no money",
        "nl_many": "pooled bij regels die geen geld binnenbrengen",
    },
    "sib_pays_for_harm": {
        "en": "names a harm; an impact bond pays only for benefits",
        "nl": "noemt een negatief effect; een impact bond betaalt alleen voor baten",
        "en_many": "impact bonds on harms",
        "nl_many": "impact bonds op negatieve effecten",
    },
    # --- numbers too large to compute (businesscase/overflow.py)
    "too_large_line": {
        "en": "numbers too large to compute: {product} is larger than {largest}",
        "nl": "getallen te groot om mee te rekenen: {product} is groter dan {largest}",
        "en_many": "lines with numbers too large to compute",
        "nl_many": "regels met getallen die te groot zijn om mee te rekenen",
    },
    "too_large_line_years": {
        "en": "numbers too large to compute: {product}, added up over the years, is larger "
        "than {largest}",
        "nl": "getallen te groot om mee te rekenen: {product}, opgeteld over de jaren, is groter "
        "dan {largest}",
        "en_many": "lines with numbers too large to compute",
        "nl_many": "regels met getallen die te groot zijn om mee te rekenen",
    },
    "too_large_discount": {
        "en": "numbers too large to compute: 1 / (1 + discount_rate)^t over {years} years is "
        "larger than {largest}",
        "nl": "getallen te groot om mee te rekenen: 1 / (1 + discount_rate)^t over {years} jaar "
        "is groter dan {largest}",
        "en_many": "discount rates too close to -1",
        "nl_many": "disconteringsvoeten te dicht bij -1",
    },
    "too_large_discounted": {
        "en": "numbers too large to compute: the amounts times 1 / (1 + discount_rate)^t are "
        "larger than {largest}",
        "nl": "getallen te groot om mee te rekenen: de bedragen maal 1 / (1 + discount_rate)^t "
        "zijn groter dan {largest}",
        "en_many": "discount rates too close to -1",
        "nl_many": "disconteringsvoeten te dicht bij -1",
    },
    "too_large_section": {
        "en": "numbers too large to compute: the amounts of its lines add up to more than "
        "{largest}",
        "nl": "getallen te groot om mee te rekenen: de bedragen van de regels zijn samen meer "
        "dan {largest}",
        "en_many": "sections with numbers too large to compute",
        "nl_many": "onderdelen met getallen die te groot zijn om mee te rekenen",
    },
    "too_large_totals": {
        "en": "numbers too large to compute: the totals of the amounts are larger than "
        "{largest}; use smaller amounts",
        "nl": "getallen te groot om mee te rekenen: de totalen van de bedragen zijn groter dan "
        "{largest}; gebruik kleinere bedragen",
        "en_many": "scenarios with numbers too large to compute",
        "nl_many": "scenario's met getallen die te groot zijn om mee te rekenen",
    },
    # --- actuals (monitoring: docs/monitoring.md)
    "actuals_folder": {
        "en": "{path} is a folder, not an actuals file",
        "nl": "{path} is een map, geen bestand met realisaties",
        "en_many": "folders",
        "nl_many": "mappen",
    },
    "actuals_file_too_big": {
        "en": "file is {megabytes} MB; an actuals file may be at most {limit} MB",
        "nl": "het bestand is {megabytes} MB; een bestand met realisaties mag hoogstens {limit} MB "
        "zijn",
        "en_many": "files that are too big",
        "nl_many": "te grote bestanden",
    },
    "actuals_text_too_big": {
        "en": "an actuals file may be at most {limit} MB",
        "nl": "een bestand met realisaties mag hoogstens {limit} MB zijn",
        "en_many": "files that are too big",
        "nl_many": "te grote bestanden",
    },
    "actuals_not_csv": {
        "en": "not a CSV file with the columns year, line and value ({detail})",
        "nl": "geen CSV-bestand met de kolommen year, line en value ({detail})",
        "en_many": "files that are not CSV",
        "nl_many": "bestanden die geen CSV zijn",
    },
    "actuals_columns": {
        "en": "the first row must name the columns year, line and value (and may name note); "
        "missing: {missing}",
        "nl": "de eerste rij moet de kolommen year, line en value noemen (en mag note noemen); "
        "ontbreekt: {missing}",
        "en_many": "headers without year, line or value",
        "nl_many": "kopregels zonder year, line of value",
    },
    "actuals_unknown_column": {
        "en": "unknown column; allowed: year, line, value, note",
        "nl": "onbekende kolom; toegestaan: year, line, value, note",
        "en_many": "unknown columns",
        "nl_many": "onbekende kolommen",
    },
    "actuals_cells": {
        "en": "has {count} cells; the first row names {expected} columns",
        "nl": "heeft {count} cellen; de eerste rij noemt {expected} kolommen",
        "en_many": "rows with the wrong number of cells",
        "nl_many": "rijen met het verkeerde aantal cellen",
    },
    "actuals_year": {
        "en": "must be a calendar year such as {example}",
        "nl": "moet een kalenderjaar zijn, zoals {example}",
        "en_many": "years that are not calendar years",
        "nl_many": "jaren die geen kalenderjaar zijn",
    },
    "actuals_year_outside": {
        "en": "is outside the plan's years {first} to {last}",
        "nl": "valt buiten de jaren van het plan, {first} tot en met {last}",
        "en_many": "years outside the plan",
        "nl_many": "jaren buiten het plan",
    },
    "actuals_unknown_line": {
        "en": "no such line; write a path such as costs[0] or the name of a line{hint}",
        "nl": "deze regel bestaat niet; schrijf een pad zoals costs[0] of de naam van een "
        "regel{hint}",
        "en_many": "unknown lines",
        "nl_many": "onbekende regels",
    },
    "actuals_ambiguous_line": {
        "en": "more than one line has this name ({paths}); write the path instead",
        "nl": "meer dan een regel heeft deze naam ({paths}); schrijf het pad",
        "en_many": "names of more than one line",
        "nl_many": "namen van meer dan een regel",
    },
    "actuals_duplicate": {
        "en": "{line} in {year} is already reported in row {row}",
        "nl": "{line} in {year} staat al in rij {row}",
        "en_many": "lines reported twice in a year",
        "nl_many": "regels die twee keer in een jaar staan",
    },
    "actuals_loan_year": {
        "en": "a loan's actual is its payout, in its start year {year}",
        "nl": "de realisatie van een lening is de uitbetaling, in het startjaar {year}",
        "en_many": "loan actuals outside the start year",
        "nl_many": "realisaties van leningen buiten het startjaar",
    },
    "actuals_value": {
        "en": "must be a number (such as {example}), not text",
        "nl": "moet een getal zijn (zoals {example}), geen tekst",
        "en_many": "values that are not numbers",
        "nl_many": "waarden die geen getal zijn",
    },
    "actuals_negative": {
        "en": "must be 0 or more: what was spent, received or achieved",
        "nl": "moet 0 of meer zijn: wat is uitgegeven, ontvangen of bereikt",
        "en_many": "negative values",
        "nl_many": "negatieve waarden",
    },
}
"""Every rule by key: its text in ``en`` and ``nl``, and the plural of its kind (``*_many``)."""

PIECES: dict[str, dict[str, str]] = {
    "row": {"en": "row {row}", "nl": "rij {row}"},
    "did_you_mean": {"en": " (did you mean {names}?)", "nl": " (bedoel je {names}?)"},
    "or": {"en": " or ", "nl": " of "},
    "listing_more": {
        "en": "{names}, ... ({count} in all)",
        "nl": "{names}, ... ({count} in totaal)",
    },
    "more": {"en": "... and {count} more {kind}", "nl": "... en nog {count} {kind}"},
    "more_like": {"en": "problems like: {rule}", "nl": "problemen zoals: {rule}"},
    "years": {"en": "years", "nl": "jaren"},
    "calendar_year": {"en": "a calendar year", "nl": "een kalenderjaar"},
    "no_ids": {"en": "none (add [[stakeholders]])", "nl": "geen (voeg [[stakeholders]] toe)"},
    "none": {"en": "none", "nl": "geen"},
    "no_projects": {"en": "none (add [[projects]])", "nl": "geen (voeg [[projects]] toe)"},
    "under_scenario_header": {
        "en": " (put it under the [scenario] header)",
        "nl": " (zet het onder de kop [scenario])",
    },
    "stray_settings": {
        "en": " ({fields} stand above the first table: put [scenario] above them)",
        "nl": " ({fields} staan boven de eerste tabel: zet [scenario] erboven)",
    },
    # places in words (businesscase/checklist.py)
    "the_case": {"en": "The case", "nl": "De business case"},
    "line_scenario": {"en": "The plan", "nl": "Het plan"},
    "line_sib": {"en": "Social impact bond", "nl": "Social impact bond"},
    "line_stakeholders": {"en": "Stakeholder", "nl": "Belanghebbende"},
    "line_costs": {"en": "Cost", "nl": "Kostenpost"},
    "line_outcomes": {"en": "Outcome", "nl": "Effect"},
    "line_avoided_costs": {"en": "Avoided cost", "nl": "Vermeden kosten"},
    "line_value_capture": {"en": "Value capture", "nl": "Waardeafroming"},
    "line_funding": {"en": "Funding", "nl": "Financiering"},
    "section_stakeholders": {"en": "Stakeholders", "nl": "Belanghebbenden"},
    "section_costs": {"en": "Costs", "nl": "Kosten"},
    "section_outcomes": {"en": "Outcomes", "nl": "Effecten"},
    "section_avoided_costs": {"en": "Avoided costs", "nl": "Vermeden kosten"},
    "section_value_capture": {"en": "Value capture", "nl": "Waardeafroming"},
    "section_funding": {"en": "Funding", "nl": "Financiering"},
    "field_beneficiaries": {"en": "beneficiaries", "nl": "begunstigden"},
    "field_dist": {"en": "distribution", "nl": "verdeling"},
    "field_low": {"en": "lowest", "nl": "laagste"},
    "field_mode": {"en": "most likely", "nl": "meest waarschijnlijk"},
    "field_high": {"en": "highest", "nl": "hoogste"},
    "field_mean": {"en": "mean", "nl": "gemiddelde"},
    "field_sd": {"en": "standard deviation", "nl": "standaardafwijking"},
    "item_number": {"en": "no. {number}", "nl": "nr. {number}"},
    "given": {"en": " (now {value})", "nl": " (nu {value})"},
    "missing_stakeholders": {
        "en": "No stakeholders yet: add the parties who take part.",
        "nl": "Nog geen belanghebbenden: voeg de partijen toe die meedoen.",
    },
    "missing_costs": {
        "en": "No costs yet: add at least one cost line.",
        "nl": "Nog geen kosten: voeg minstens één kostenpost toe.",
    },
    "missing_outcomes": {
        "en": "No outcomes yet: add what the plan achieves, with its value.",
        "nl": "Nog geen effecten: voeg toe wat het plan oplevert, met de waarde ervan.",
    },
    "missing_funding": {
        "en": "No funding yet: add who pays for the costs.",
        "nl": "Nog geen financiering: voeg toe wie de kosten betaalt.",
    },
}
"""Parts of messages (a "did you mean", a unit, the count of the rest) and the words for
places in a case, in ``en`` and ``nl``."""
