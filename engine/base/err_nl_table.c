/* err_nl_table.c - the Dutch wording of every error message format (see
 * err_nl.c): pairs of an English printf format, exactly as the code passes
 * it to err_set*, rcp_fail, expr_err_at, err_prefix, err_oom or err_tr, and
 * its Dutch form with the same conversions in the same order (%.0s swallows
 * an English plural ending). Sorted by the English text in byte order
 * (strcmp), because err_tr looks formats up by binary search; the unit test
 * test_err_lang checks the order and the conversions, and the ctest
 * lint.err_messages checks that every format in the code has an entry.
 * Write Dutch the way the legends, sheets and run log do: buurt, wijk,
 * gemeente, bron, kolom, regel, recept, eenheid, kaart, factsheet. */
#include "err_nl.h"

const char *const err_nl_pairs[][2] = {
    {" Allowed keys: ",
     " Toegestane sleutels: "},
    {" or ",
     " of "},
    {"\"%s\" has too many digits for a %s code",
     "\"%s\" heeft te veel cijfers voor een %s-code"},
    {"\"%s\" is listed under %s but is a %s code; move it under %s",
     "\"%s\" staat onder %s maar is een %s-code; zet het onder %s"},
    {"%d classes lie on one side of the centre %g, but the diverging "
     "palette %s has colours for at most %d; use fewer classes or a "
     "sequential palette",
     "%d klassen liggen aan een kant van het midden %g, maar het "
     "divergerende palet %s heeft kleuren voor hoogstens %d; gebruik minder "
     "klassen of een sequentieel palet"},
    {"%ld classes, but palette %s has at most %d colours; use at most %d "
     "classes or a continuous palette such as viridis",
     "%ld klassen, maar palet %s heeft hoogstens %d kleuren; gebruik "
     "hoogstens %d klassen of een doorlopend palet zoals viridis"},
    {"%s \"%s\" is not a valid name: use letters, digits and _ only, "
     "starting with a letter or _, because expressions refer to it%s",
     "%s \"%s\" is geen geldige naam: gebruik alleen letters, cijfers en _, "
     "te beginnen met een letter of _, want expressies verwijzen ernaar%s"},
    {"%s \"%s\" is not a valid name: use letters, digits, - and _ only, "
     "because it becomes a file or folder name%s",
     "%s \"%s\" is geen geldige naam: gebruik alleen letters, cijfers, - en "
     "_, want het wordt een bestands- of mapnaam%s"},
    {"%s %s changed type since the check",
     "%s %s is van type veranderd sinds de controle"},
    {"%s %s has %zu rows, but %zu rows are evaluated",
     "%s %s heeft %zu rijen, maar er worden %zu rijen berekend"},
    {"%s %s is not available for evaluation",
     "%s %s is niet beschikbaar voor de berekening"},
    {"%s (at character %zu of the expression)",
     "%s (bij teken %zu van de expressie)"},
    {"%s cannot be used in %s; text can only be compared with == or != to a "
     "text column, e.g. w.water == 'JA'",
     "%s kan niet gebruikt worden in %s; tekst kan alleen met == of != "
     "vergeleken worden met een tekstkolom, bijv. w.water == 'JA'"},
    {"%s compares per %s, but the recipe's unit is %s, which is coarser; "
     "compare by gemeente or use a finer unit",
     "%s vergelijkt per %s, maar de eenheid van het recept is %s, en die is "
     "grover; vergelijk per gemeente of gebruik een fijnere eenheid"},
    {"%s has both key: and location:; records are placed by one of them",
     "%s heeft zowel key: als location:; records worden op een van beide "
     "geplaatst"},
    {"%s has both reached:/target: and factors:; a reach indicator and a "
     "hard-to-reach index are separate indicators",
     "%s heeft zowel reached:/target: als factors:; een bereikindicator en "
     "een index voor moeilijk bereikbaren zijn aparte indicatoren"},
    {"%s has categories: but is not type: categorical",
     "%s heeft categories: maar is niet type: categorical"},
    {"%s has factors:, so its kind must be index",
     "%s heeft factors:, dus kind moet index zijn"},
    {"%s has no %s: key; add %s: with %s",
     "%s heeft geen sleutel %s:; voeg %s: toe met %s"},
    {"%s has no expr: key; add expr: with an expression such as 100 * "
     "w.huishoudens / g.huishoudens",
     "%s heeft geen sleutel expr:; voeg expr: toe met een expressie zoals "
     "100 * w.huishoudens / g.huishoudens"},
    {"%s has no expression",
     "%s heeft geen expressie"},
    {"%s has no expression; write it as %s: <expression> or give expr:",
     "%s heeft geen expressie; schrijf het als %s: <expressie> of geef expr:"},
    {"%s has no indicator: key; add indicator: with the name of an "
     "indicator of the recipe",
     "%s heeft geen sleutel indicator:; voeg indicator: toe met de naam van "
     "een indicator uit het recept"},
    {"%s has no key: key; add key: with the column that holds the region "
     "code (such as wijkcode), or join: spatial",
     "%s heeft geen sleutel key:; voeg key: toe met de kolom met de "
     "regiocode (zoals wijkcode), of join: spatial"},
    {"%s has no numeric column \"%s\" with coordinates; name the columns "
     "with weight: {points: ..., x: ..., y: ...}",
     "%s heeft geen numerieke kolom \"%s\" met coördinaten; noem de "
     "kolommen met weight: {points: ..., x: ..., y: ...}"},
    {"%s has reached: and target:, so its kind must be reach",
     "%s heeft reached: en target:, dus kind moet reach zijn"},
    {"%s holds contact records; place them with location: {x: ..., y: ..., "
     "crs: ...} instead of join: spatial",
     "%s bevat contactregistraties; plaats ze met location: {x: ..., y: "
     "..., crs: ...} in plaats van join: spatial"},
    {"%s holds contact records; they cannot give the map geometry (remove "
     "geometry: true)",
     "%s bevat contactregistraties; die kunnen de kaart geen geometrie "
     "geven (verwijder geometry: true)"},
    {"%s holds records but says nowhere where they lie; add key: (a column "
     "of buurt codes), or location: with postcode: or x:, y: and crs:",
     "%s bevat registraties maar zegt nergens waar ze liggen; voeg key: toe "
     "(een kolom met buurtcodes), of location: met postcode: of x:, y: en "
     "crs:"},
    {"%s in %s applies only to rollup: ratio; remove it or set that rollup",
     "%s in %s geldt alleen voor rollup: ratio; verwijder het of stel die "
     "rollup in"},
    {"%s is a custom chart and needs columns: with the columns to draw, "
     "such as [a, b, c]",
     "%s is een eigen grafiek en heeft columns: nodig met de kolommen om te "
     "tekenen, zoals [a, b, c]"},
    {"%s is a function; call it with its arguments: %s(%s)",
     "%s is een functie; roep haar aan met haar argumenten: %s(%s)"},
    {"%s is a number; it cannot be compared with text",
     "%s is een getal; het kan niet met tekst vergeleken worden"},
    {"%s is a reach indicator and needs both reached: (those reached, such "
     "as bezoeken.households) and target: (the target group, such as "
     "w.huishoudens)",
     "%s is een bereikindicator en heeft zowel reached: (de bereikten, "
     "zoals bezoeken.households) als target: (de doelgroep, zoals "
     "w.huishoudens) nodig"},
    {"%s is a reach indicator: it always rolls up as the ratio of summed "
     "reached and target; remove rollup:",
     "%s is een bereikindicator: die wordt altijd opgeteld als de "
     "verhouding van de opgetelde bereikten en doelgroep; verwijder rollup:"},
    {"%s is an empty list; give at least one value",
     "%s is een lege lijst; geef minstens een waarde"},
    {"%s is bivariate and needs x: and y: (two indicators, such as x: "
     "laag_inkomen and y: bereik)",
     "%s is bivariaat en heeft x: en y: nodig (twee indicatoren, zoals x: "
     "laag_inkomen en y: bereik)"},
    {"%s is bivariate: it always has 3 x 3 classes",
     "%s is bivariaat: die heeft altijd 3 x 3 klassen"},
    {"%s is bivariate: it makes 3 classes per axis from method:; remove "
     "breaks:",
     "%s is bivariaat: die maakt 3 klassen per as met method:; verwijder "
     "breaks:"},
    {"%s is categorical but has no categories: list (value, label and color "
     "per category)",
     "%s is categorisch maar heeft geen lijst categories: (waarde, label en "
     "kleur per categorie)"},
    {"%s is empty; give it path: and key:",
     "%s is leeg; geef het path: en key:"},
    {"%s is empty; name at least one",
     "%s is leeg; noem er minstens een"},
    {"%s is empty; write %s",
     "%s is leeg; schrijf %s"},
    {"%s is given twice (also at line %ld); keep one of them",
     "%s staat er twee keer (ook op regel %ld); houd er een"},
    {"%s is not a records source; location:, household:, type:, date: and "
     "unlocated_max: apply only with records: true",
     "%s is geen bron met registraties; location:, household:, type:, date: "
     "en unlocated_max: gelden alleen met records: true"},
    {"%s is text; compare it with a text in single quotes, e.g. %s == 'JA'",
     "%s is tekst; vergelijk het met een tekst tussen enkele "
     "aanhalingstekens, bijv. %s == 'JA'"},
    {"%s is text; it cannot be used in %s",
     "%s is tekst; het kan niet gebruikt worden in %s"},
    {"%s makes a sheet per %s, but the recipe's unit is %s, which is "
     "coarser; set unit: buurt at the top or a coarser sheet unit",
     "%s maakt een factsheet per %s, maar de eenheid van het recept is %s, "
     "en die is grover; zet unit: buurt bovenaan of kies een grovere "
     "eenheid voor de factsheets"},
    {"%s must be \",\" or \".\" (put it in quotes)",
     "%s moet \",\" of \".\" zijn (zet het tussen aanhalingstekens)"},
    {"%s must be %s, but found a mapping",
     "%s moet %s zijn, maar is een mapping"},
    {"%s must be A4, A3 or a size in pixels such as 1600x1200",
     "%s moet A4, A3 of een grootte in pixels zijn, zoals 1600x1200"},
    {"%s must be a chart type (age, tenure, households) or {type: custom, "
     "columns: [...]}, but found %s",
     "%s moet een grafiektype zijn (age, tenure, households) of {type: "
     "custom, columns: [...]}, maar is %s"},
    {"%s must be a code or a list of codes, such as [GM0363, GM0479], but "
     "found a mapping",
     "%s moet een code of een lijst met codes zijn, zoals [GM0363, GM0479], "
     "maar is een mapping"},
    {"%s must be a list or a mapping of entries, but found a single value",
     "%s moet een lijst of een mapping van items zijn, maar is een enkele "
     "waarde"},
    {"%s must be a list such as [{value: 1, label: \"Warmtenet\", color: "
     "\"#1b9e77\"}]",
     "%s moet een lijst zijn zoals [{value: 1, label: \"Warmtenet\", color: "
     "\"#1b9e77\"}]"},
    {"%s must be a mapping of keys (such as %s ...), but found %s",
     "%s moet een mapping van sleutels zijn (zoals %s ...), maar is %s"},
    {"%s must be a mapping of old column names to new ones, such as "
     "{WK_CODE: wijkcode}, but found %s",
     "%s moet een mapping van oude naar nieuwe kolomnamen zijn, zoals "
     "{WK_CODE: wijkcode}, maar is %s"},
    {"%s must be a mapping such as {points: adressen.csv, x: x, y: y, crs: "
     "\"EPSG:28992\"}, but found %s",
     "%s moet een mapping zijn zoals {points: adressen.csv, x: x, y: y, "
     "crs: \"EPSG:28992\"}, maar is %s"},
    {"%s must be a mapping such as {postcode: postcode, lookup: pc6.csv, "
     "lookup_postcode: postcode6, lookup_code: cbs_code} or {x: lon, y: "
     "lat, crs: \"EPSG:4326\"}, but found %s",
     "%s moet een mapping zijn zoals {postcode: postcode, lookup: pc6.csv, "
     "lookup_postcode: postcode6, lookup_code: cbs_code} of {x: lon, y: "
     "lat, crs: \"EPSG:4326\"}, maar is %s"},
    {"%s must be a name or a list of names, but found a mapping",
     "%s moet een naam of een lijst met namen zijn, maar is een mapping"},
    {"%s must be a number written with a decimal point, such as %.*s.%s, "
     "but found %s",
     "%s moet een getal met een decimale punt zijn, zoals %.*s.%s, maar is "
     "%s"},
    {"%s must be a number%s%s, but found %s",
     "%s moet een getal zijn%s%s, maar is %s"},
    {"%s must be a number, mean or area",
     "%s moet een getal, mean of area zijn"},
    {"%s must be a single text%s%s, but found %s",
     "%s moet een enkele tekst zijn%s%s, maar is %s"},
    {"%s must be a whole number of threads from 1 to %d, not \"%s\"",
     "%s moet een geheel aantal threads van 1 tot %d zijn, niet \"%s\""},
    {"%s must be a whole number%s%s, but found %s",
     "%s moet een geheel getal zijn%s%s, maar is %s"},
    {"%s must be an expression or a mapping with expr:, label:, unit: ..., "
     "but found a list",
     "%s moet een expressie zijn of een mapping met expr:, label:, unit: "
     "..., maar is een lijst"},
    {"%s must be an indicator name or {indicator: ..., label: ...}, but "
     "found %s",
     "%s moet een indicatornaam zijn of {indicator: ..., label: ...}, maar "
     "is %s"},
    {"%s must be between %g and %g%s%s, but found %g",
     "%s moet tussen %g en %g liggen%s%s, maar is %g"},
    {"%s must be between %ld and %ld, but found %ld",
     "%s moet tussen %ld en %ld liggen, maar is %ld"},
    {"%s must be between 100 and 20000 pixels on each side, but found \"%s\"",
     "%s moet aan elke kant tussen 100 en 20000 pixels zijn, maar is \"%s\""},
    {"%s must be one character, such as \";\" or \",\", or the word tab",
     "%s moet een teken zijn, zoals \";\" of \",\", of het woord tab"},
    {"%s must be one of %s, but found \"%s\"",
     "%s moet een van %s zijn, maar is \"%s\""},
    {"%s must be one of %s, but found %s",
     "%s moet een van %s zijn, maar is %s"},
    {"%s must be one region code, such as WK036300",
     "%s moet een regiocode zijn, zoals WK036300"},
    {"%s must be the column with the region code (such as buurtcode), "
     "{names: [gemeentenaam, buurtnaam]} to match on names, or {column: c, "
     "via: source.column} to match through a lookup",
     "%s moet de kolom met de regiocode zijn (zoals buurtcode), {names: "
     "[gemeentenaam, buurtnaam]} om op namen te koppelen, of {column: c, "
     "via: bron.kolom} om via een opzoektabel te koppelen"},
    {"%s must be true or false, but %s is a number; compare it, e.g. %s%s%s "
     "> 0",
     "%s moet true of false zijn, maar %s is een getal; vergelijk het, "
     "bijv. %s%s%s > 0"},
    {"%s must be true or false, but found %s",
     "%s moet true of false zijn, maar is %s"},
    {"%s must be true, false or {wkt: column} for geometry written as WKT "
     "text in a column",
     "%s moet true, false of {wkt: kolom} zijn voor geometrie die als "
     "WKT-tekst in een kolom staat"},
    {"%s must be {title: ..., indicators: [...]}, but found %s",
     "%s moet {title: ..., indicators: [...]} zijn, maar is %s"},
    {"%s needs a value, a list of values or a date range such as "
     "[2024-01-01, 2024-12-31]",
     "%s heeft een waarde nodig, een lijst met waarden of een datumbereik "
     "zoals [2024-01-01, 2024-12-31]"},
    {"%s needs a value: %s",
     "%s heeft een waarde nodig: %s"},
    {"%s needs points: the file of points to weight by",
     "%s heeft points: nodig: het bestand met de punten om naar te wegen"},
    {"%s needs the units' polygons: mark a source at the unit level with "
     "geometry: true",
     "%s heeft de polygonen van de eenheden nodig: markeer een bron op het "
     "niveau van de eenheid met geometry: true"},
    {"%s refers to indicator \"%s\", but the recipe defines no indicators; "
     "add it under indicators:",
     "%s verwijst naar indicator \"%s\", maar het recept definieert geen "
     "indicatoren; voeg hem toe onder indicators:"},
    {"%s refers to indicator \"%s\", which the recipe does not define",
     "%s verwijst naar indicator \"%s\", die het recept niet definieert"},
    {"%s() has more than 64 arguments",
     "%s() heeft meer dan 64 argumenten"},
    {"%s() takes %d argument%s (%s), but got %d",
     "%s() neemt %d argument(en)%.0s (%s), maar kreeg er %d"},
    {"%s() takes %d or %d arguments (%s), but got %d",
     "%s() neemt %d of %d argumenten (%s), maar kreeg er %d"},
    {"%s() takes at least %d argument%s (%s), but got %d%s",
     "%s() neemt minstens %d argument(en)%.0s (%s), maar kreeg er %d%s"},
    {"%s: \"%.*s\" is not a gemeente code; write codes such as GM0363",
     "%s: \"%.*s\" is geen gemeentecode; schrijf codes zoals GM0363"},
    {"%s: \"%s\" is not a date; write dates as 2024-12-31 or 31-12-2024 (or "
     "null for an open end)",
     "%s: \"%s\" is geen datum; schrijf datums als 2024-12-31 of 31-12-2024 "
     "(of null voor een open einde)"},
    {"%s: %s has %zu entries, numbered 0 to %zu (or %zu to add one)",
     "%s: %s heeft %zu items, genummerd 0 tot en met %zu (of %zu om er een "
     "toe te voegen)"},
    {"%s: %s has no entry named \"%s\"; use the entry's name or its number "
     "(from 0)",
     "%s: %s heeft geen item met de naam \"%s\"; gebruik de naam van het "
     "item of zijn nummer (vanaf 0)"},
    {"%s: %s has no polygons to overlay",
     "%s: %s heeft geen polygonen om te overlappen"},
    {"%s: %s is a single value in the recipe, so it has no part \"%s\"",
     "%s: %s is een enkele waarde in het recept en heeft dus geen onderdeel "
     "\"%s\""},
    {"%s: GEOS cannot build the polygon of this feature",
     "%s: GEOS kan de polygoon van dit object niet bouwen"},
    {"%s: GEOS cannot build the polygon of unit %zu",
     "%s: GEOS kan de polygoon van eenheid %zu niet bouwen"},
    {"%s: GEOS cannot intersect this feature's polygon with unit %u",
     "%s: GEOS kan de polygoon van dit object niet snijden met eenheid %u"},
    {"%s: an overlay needs a projected coordinate system (areas in m2), not "
     "longitude/latitude (%s); use crs: EPSG:28992",
     "%s: een overlay heeft een geprojecteerd coördinatenstelsel nodig "
     "(oppervlakten in m2), geen lengte/breedte (%s); gebruik crs: "
     "EPSG:28992"},
    {"%s: an overlay needs both layers in one coordinate system, but the "
     "units are in %s and this source in %s; let both be reprojected "
     "(remove crs: from the recipe or give one projected CRS such as "
     "EPSG:28992)",
     "%s: een overlay heeft beide lagen in een coördinatenstelsel nodig, "
     "maar de eenheden zijn in %s en deze bron in %s; laat beide "
     "herprojecteren (verwijder crs: uit het recept of geef een "
     "geprojecteerd stelsel zoals EPSG:28992)"},
    {"%s: color must be \"#RRGGBB\"",
     "%s: color moet \"#RRGGBB\" zijn"},
    {"%s: column \"%s\" needs a new name as a single text, such as %s: "
     "new_name",
     "%s: kolom \"%s\" heeft een nieuwe naam nodig als enkele tekst, zoals "
     "%s: nieuwe_naam"},
    {"%s: each category is a mapping with value:, label: and optionally "
     "color:",
     "%s: elke categorie is een mapping met value:, label: en eventueel "
     "color:"},
    {"%s: each value must be a single text or number",
     "%s: elke waarde moet een enkele tekst of een getal zijn"},
    {"%s: every category needs value: and label:",
     "%s: elke categorie heeft value: en label: nodig"},
    {"%s: label must be text",
     "%s: label moet tekst zijn"},
    {"%s: names takes one to three columns (such as [gemeentenaam, "
     "buurtnaam])",
     "%s: names neemt een tot drie kolommen (zoals [gemeentenaam, "
     "buurtnaam])"},
    {"%s: the name has an empty part; write it as section.entry.key, such "
     "as maps.0.classes",
     "%s: de naam heeft een leeg deel; schrijf hem als "
     "onderdeel.item.sleutel, zoals maps.0.classes"},
    {"%s: the range ends before it starts",
     "%s: het bereik eindigt voordat het begint"},
    {"%s: the recipe is empty",
     "%s: het recept is leeg"},
    {"%s: unknown key \"%s\" in a category (value, label, color)",
     "%s: onbekende sleutel \"%s\" in een categorie (value, label, color)"},
    {"%s: value %g appears twice",
     "%s: waarde %g komt twee keer voor"},
    {"%s: value must be a number",
     "%s: value moet een getal zijn"},
    {"%s: {column: c, via: source.column} needs a column of this source and "
     "a column of an earlier source, such as via: brt.buurtcode2022",
     "%s: {column: c, via: bron.kolom} heeft een kolom van deze bron en een "
     "kolom van een eerdere bron nodig, zoals via: brt.buurtcode2022"},
    {"%zu fact sheets were asked for without units.",
     "Er zijn %zu factsheets gevraagd zonder eenheden."},
    {"%zu of %zu points cannot be transformed from \"%s\" to \"%s\"; the "
     "first is point %zu (%.6f, %.6f): check that the data's coordinate "
     "reference system is right",
     "%zu van %zu punten kunnen niet omgerekend worden van \"%s\" naar "
     "\"%s\"; de eerste is punt %zu (%.6f, %.6f): controleer of het "
     "coördinatenstelsel van de gegevens klopt"},
    {"'%.*s' is not a number; a column name that starts with a digit is "
     "written after its source, e.g. w.\"%.*s\"",
     "'%.*s' is geen getal; een kolomnaam die met een cijfer begint, "
     "schrijft u na de bron, bijv. w.\"%.*s\""},
    {"'%s' is not a colour; write it as #rrggbb (e.g. #1d91c0) or #rgb",
     "'%s' is geen kleur; schrijf hem als #rrggbb (bijv. #1d91c0) of #rgb"},
    {"'%s' is not an operator; %s",
     "'%s' is geen operator; %s"},
    {"'**' is not an operator; write '^' for powers",
     "'**' is geen operator; schrijf '^' voor machten"},
    {"'<>' is not an operator; write '!=' for 'not equal'",
     "'<>' is geen operator; schrijf '!=' voor 'niet gelijk aan'"},
    {", but found %s",
     ", maar is %s"},
    {", while the source has unused codes such as ",
     ", terwijl de bron ongebruikte codes heeft zoals "},
    {"--breaks needs numbers separated by commas, such as 0,10,20.5",
     "--breaks heeft getallen nodig, gescheiden door komma's, zoals "
     "0,10,20.5"},
    {"--classes needs a whole number of at least 1, not \"%s\"",
     "--classes heeft een geheel getal van minstens 1 nodig, niet \"%s\""},
    {"--lang takes nl or en",
     "--lang neemt nl of en"},
    {"--set needs name=value, such as --set unit=wijk or --set "
     "maps.0.classes=7, but found \"%s\"",
     "--set heeft naam=waarde nodig, zoals --set unit=wijk of --set "
     "maps.0.classes=7, maar kreeg \"%s\""},
    {"; allowed keys: ",
     "; toegestane sleutels: "},
    {"; did you mean ",
     "; bedoelt u "},
    {"; did you mean \"",
     "; bedoelt u \""},
    {"; did you mean \"%s\"?",
     "; bedoelt u \"%s\"?"},
    {"; did you mean %s%s%s%s?",
     "; bedoelt u %s%s%s%s?"},
    {"; the indicators are:",
     "; de indicatoren zijn:"},
    {"CRS",
     "coördinatenstelsel"},
    {"CRS name",
     "naam van het coördinatenstelsel"},
    {"CSV fields",
     "CSV-velden"},
    {"CSV line numbers",
     "CSV-regelnummers"},
    {"CSV parser",
     "CSV-lezer"},
    {"CSV rows",
     "CSV-rijen"},
    {"CSV text",
     "CSV-tekst"},
    {"Cairo could not create a PDF surface: %s.",
     "Cairo kon geen PDF-oppervlak maken: %s."},
    {"Cairo failed while drawing the fact sheet: %s.",
     "Cairo faalde bij het tekenen van de factsheet: %s."},
    {"Cannot %s the output file: %s; the earlier file (if any) was left as "
     "it was.",
     "Kan het uitvoerbestand niet %s: %s; het eerdere bestand (als dat er "
     "was) is gebleven zoals het was."},
    {"Cannot create a temporary file beside the output: %s.",
     "Kan geen tijdelijk bestand naast de uitvoer maken: %s."},
    {"Cannot create the folder: %s.",
     "Kan de map niet maken: %s."},
    {"Cannot create the folder: a file with this name exists; remove or "
     "rename it.",
     "Kan de map niet maken: er bestaat een bestand met deze naam; "
     "verwijder het of geef het een andere naam."},
    {"Cannot load the GDAL/PROJ/GEOS part of dnawijk (%s); reinstall "
     "dnawijk so that %s is next to the program or in %s.",
     "Kan het GDAL/PROJ/GEOS-deel van dnawijk niet laden (%s); installeer "
     "dnawijk opnieuw, zodat %s naast het programma of in %s staat."},
    {"Cannot open the file to compute its SHA-256 digest: %s.",
     "Kan het bestand niet openen om de SHA-256-hash te berekenen: %s."},
    {"Cannot open the file: %s.",
     "Kan het bestand niet openen: %s."},
    {"Cannot open the temporary output file: %s.",
     "Kan het tijdelijke uitvoerbestand niet openen: %s."},
    {"Cannot read the file to compute its SHA-256 digest: %s.",
     "Kan het bestand niet lezen om de SHA-256-hash te berekenen: %s."},
    {"Cannot read the file: %s.",
     "Kan het bestand niet lezen: %s."},
    {"Cannot store this column in the cache: its arrays are incomplete (an "
     "internal error).",
     "Kan deze kolom niet in de cache opslaan: de arrays zijn onvolledig "
     "(een interne fout)."},
    {"Cannot write the cache file: %s.",
     "Kan het cachebestand niet schrijven: %s."},
    {"Expected a regular file, but it is a folder or a special file, or "
     "cannot be examined.",
     "Een gewoon bestand verwacht, maar het is een map of een speciaal "
     "bestand, of het kan niet bekeken worden."},
    {"Fact sheet of %s%s: %zu %s announced, but their array is NULL.",
     "Factsheet van %s%s: %zu %s aangekondigd, maar de array ervan is NULL."},
    {"Fact sheet of %s%s: %zu %s given; at most %zu fit.",
     "Factsheet van %s%s: %zu %s gegeven; er passen er hoogstens %zu."},
    {"GDAL cannot build a transformation to \"%s\": %s",
     "GDAL kan geen omrekening naar \"%s\" maken: %s"},
    {"GDAL cannot describe the layer's coordinate reference system",
     "GDAL kan het coördinatenstelsel van de laag niet beschrijven"},
    {"GDAL cannot open this file as vector data: %s",
     "GDAL kan dit bestand niet als vectordata openen: %s"},
    {"GDAL could not read this feature: %s (is the file cut short or "
     "damaged?)",
     "GDAL kon dit object niet lezen: %s (is het bestand afgekapt of "
     "beschadigd?)"},
    {"GDAL does not recognise this file as vector data%s%s%s; expected "
     "GeoJSON, TopoJSON, a GeoPackage, a shapefile or another vector format "
     "GDAL reads",
     "GDAL herkent dit bestand niet als vectordata%s%s%s; verwacht werd "
     "GeoJSON, TopoJSON, een GeoPackage, een shapefile of een ander "
     "vectorformaat dat GDAL leest"},
    {"GEOS",
     "GEOS"},
    {"JSON columns",
     "JSON-kolommen"},
    {"JSON parser",
     "JSON-lezer"},
    {"Jenks tables",
     "Jenks-tabellen"},
    {"PNG compression buffers",
     "buffers voor de PNG-compressie"},
    {"PROJ could not put the transformation into x/y order (%s)",
     "PROJ kon de omrekening niet in x/y-volgorde zetten (%s)"},
    {"PROJ found no transformation from \"%s\" to \"%s\" (%s)",
     "PROJ vond geen omrekening van \"%s\" naar \"%s\" (%s)"},
    {"Pango could not create a text context for the fact sheet; fontconfig "
     "and the DejaVu fonts (fonts-dejavu-core) must be installed.",
     "Pango kon geen tekstcontext voor de factsheet maken; fontconfig en de "
     "DejaVu-lettertypen (fonts-dejavu-core) moeten geïnstalleerd zijn."},
    {"Pango could not set up text drawing with font \"%s\"",
     "Pango kon het tekenen van tekst met lettertype \"%s\" niet "
     "voorbereiden"},
    {"Rendering fact sheet %zu failed without a message.",
     "Het maken van factsheet %zu is mislukt zonder melding."},
    {"The %s gives row %zu class %d, but the legend has %zu colours "
     "(classes 0..%zu, or -1 for missing).",
     "De %s geeft rij %zu klasse %d, maar de legenda heeft %zu kleuren "
     "(klassen 0..%zu, of -1 voor ontbrekend)."},
    {"The %s highlights row %ld, but its geometry has only %zu rows "
     "(0-based rows 0..%zu, or -1 for none).",
     "De %s markeert rij %ld, maar de geometrie heeft maar %zu rijen (rijen "
     "0..%zu vanaf 0, of -1 voor geen)."},
    {"The %s needs a geometry column; column '%s' is a %s column.",
     "De %s heeft een geometriekolom nodig; kolom '%s' is een %s-kolom."},
    {"The %s part of dnawijk belongs to another version (interface %d, expected %d); reinstall dnawijk.",
     "Het %s-deel van dnawijk hoort bij een andere versie (interface %d, verwacht %d); installeer dnawijk opnieuw."},
    {"The %s was given %zu rows, more than its geometry column holds.",
     "De %s kreeg %zu rijen, meer dan de geometriekolom bevat."},
    {"The GDAL/PROJ/GEOS part of dnawijk lacks %s: it belongs to another "
     "version; reinstall dnawijk.",
     "Het GDAL/PROJ/GEOS-deel van dnawijk mist %s: het hoort bij een andere "
     "versie; installeer dnawijk opnieuw."},
    {"The cache file name is longer than %zu bytes; set DNAWIJK_CACHE_DIR "
     "to a shorter path.",
     "De naam van het cachebestand is langer dan %zu bytes; zet "
     "DNAWIJK_CACHE_DIR op een korter pad."},
    {"The cache folder name is longer than %zu bytes; set DNAWIJK_CACHE_DIR "
     "to a shorter path.",
     "De naam van de cachemap is langer dan %zu bytes; zet "
     "DNAWIJK_CACHE_DIR op een korter pad."},
    {"The combined fact-sheet PDF was stopped before its end.",
     "De gebundelde factsheet-PDF is voor het einde gestopt."},
    {"The cover legend has %zu entries but no colours.",
     "De legenda van de voorkant heeft %zu items maar geen kleuren."},
    {"The cover legend has %zu entries; a cover holds at most %d (use fewer "
     "classes).",
     "De legenda van de voorkant heeft %zu items; een voorkant heeft er "
     "hoogstens %d (gebruik minder klassen)."},
    {"The cover map needs a class per row (cls); it was NULL.",
     "De kaart op de voorkant heeft een klasse per rij nodig (cls); die was "
     "NULL."},
    {"There is no folder for the cache: set DNAWIJK_CACHE_DIR (or "
     "XDG_CACHE_HOME or HOME).",
     "Er is geen map voor de cache: zet DNAWIJK_CACHE_DIR (of "
     "XDG_CACHE_HOME of HOME)."},
    {"Two units would both be written to %s; every unit needs its own code.",
     "Twee eenheden zouden allebei naar %s geschreven worden; elke eenheid "
     "heeft een eigen code nodig."},
    {"YAML error: %s",
     "YAML-fout: %s"},
    {"YAML parser",
     "YAML-lezer"},
    {"YAML syntax error: %s (%s that starts at line %lu, column %lu). %s",
     "YAML-syntaxfout: %s (%s die begint op regel %lu, kolom %lu). %s"},
    {"YAML syntax error: %s. %s",
     "YAML-syntaxfout: %s. %s"},
    {"a bivariate map needs 9 legend entries (3 x 3), but got %zu",
     "een bivariate kaart heeft 9 legenda-items nodig (3 x 3), maar kreeg "
     "er %zu"},
    {"a catalog column needs a mapping such as {name: inwoners, kind: count}",
     "een catalogus-kolom heeft een mapping nodig zoals {name: inwoners, "
     "kind: count}"},
    {"a catalog entry must be a mapping",
     "een catalogusitem moet een mapping zijn"},
    {"a comparison chart needs at least one area",
     "een vergelijkingsgrafiek heeft minstens een gebied nodig"},
    {"a fact sheet has room for at most 3 boxes, but %s has %zu",
     "een factsheet heeft ruimte voor hoogstens 3 blokken, maar %s heeft er "
     "%zu"},
    {"a file of points (such as address points), relative to the recipe",
     "een bestand met punten (zoals adrespunten), ten opzichte van het "
     "recept"},
    {"a font description for the fact sheet",
     "een lettertypebeschrijving voor de factsheet"},
    {"a formatted number needs %zu bytes but the buffer has %zu",
     "een opgemaakt getal heeft %zu bytes nodig, maar de buffer heeft er %zu"},
    {"a funnel plot needs at least one unit with a value and a limit curve",
     "een trechterplot heeft minstens een eenheid met een waarde en een "
     "grenscurve nodig"},
    {"a key column must hold region codes as text or whole numbers, but "
     "this column is of type %s",
     "een sleutelkolom moet regiocodes bevatten als tekst of gehele "
     "getallen, maar deze kolom is van type %s"},
    {"a key must be a plain name, not %s",
     "een sleutel moet een gewone naam zijn, geen %s"},
    {"a list",
     "een lijst"},
    {"a list of column names",
     "een lijst met kolomnamen"},
    {"a list of indicator names",
     "een lijst met indicatornamen"},
    {"a list of numbers such as [10, 20, 30]",
     "een lijst met getallen zoals [10, 20, 30]"},
    {"a list of reach indicators (kind: reach)",
     "een lijst met bereikindicatoren (kind: reach)"},
    {"a mapping",
     "een mapping"},
    {"a merge key (<<) needs a mapping or a list of mappings, such as <<: "
     "*defaults, but found %s",
     "een merge-sleutel (<<) heeft een mapping of een lijst met mappings "
     "nodig, zoals <<: *defaults, maar is %s"},
    {"a name in double quotes must follow a source and a dot, e.g. "
     "w.\"%s\"; text is written in single quotes, e.g. 'JA'",
     "een naam tussen dubbele aanhalingstekens moet na een bron en een punt "
     "staan, bijv. w.\"%s\"; tekst schrijft u tussen enkele "
     "aanhalingstekens, bijv. 'JA'"},
    {"a number such as 1 or 0.5",
     "een getal zoals 1 of 0.5"},
    {"a province name or code, such as Noord-Holland or PV27",
     "een provincienaam of -code, zoals Noord-Holland of PV27"},
    {"a quoted field starts on this line but its closing quote is missing "
     "(the file ends inside it); close the quote, and write a quote inside "
     "a quoted field as \"\"",
     "een veld tussen aanhalingstekens begint op deze regel, maar het "
     "sluitende aanhalingsteken ontbreekt (het bestand eindigt erin); sluit "
     "het af, en schrijf een aanhalingsteken binnen zo'n veld als \"\""},
    {"a row needs a GM code, a name, a PV code and a province name",
     "een rij heeft een GM-code, een naam, een PV-code en een provincienaam "
     "nodig"},
    {"a second YAML document starts here; a recipe is one document, so "
     "remove this '---' line and what follows or put it in its own recipe "
     "file",
     "hier begint een tweede YAML-document; een recept is een document, dus "
     "verwijder deze regel '---' en wat volgt, of zet het in een eigen "
     "receptbestand"},
    {"a share such as 0.05 for 5%",
     "een aandeel zoals 0.05 voor 5%"},
    {"a share such as 0.25 for 25%",
     "een aandeel zoals 0.25 voor 25%"},
    {"a share such as 0.8 for 80%",
     "een aandeel zoals 0.8 voor 80%"},
    {"a short name of letters, digits, - and _ (it becomes the output "
     "folder name), such as voorbeeld",
     "een korte naam van letters, cijfers, - en _ (het wordt de naam van de "
     "uitvoermap), zoals voorbeeld"},
    {"a single value",
     "een enkele waarde"},
    {"a source filter cannot use indicators (\"%s\"); write source.column",
     "een bronfilter kan geen indicatoren gebruiken (\"%s\"); schrijf "
     "bron.kolom"},
    {"a table has one geometry column",
     "een tabel heeft een geometriekolom"},
    {"a transformation needs both a source and a target coordinate "
     "reference system",
     "een omrekening heeft zowel een bron- als een doelcoördinatenstelsel "
     "nodig"},
    {"a value",
     "een waarde"},
    {"a year such as 2024",
     "een jaartal zoals 2024"},
    {"age, tenure, households or custom",
     "age, tenure, households of custom"},
    {"an empty value",
     "een lege waarde"},
    {"an expression",
     "een expressie"},
    {"an expression such as 100 * w.huishoudens / g.huishoudens",
     "een expressie zoals 100 * w.huishoudens / g.huishoudens"},
    {"an expression such as w.huurwoningen",
     "een expressie zoals w.huurwoningen"},
    {"an expression such as w.pct_huur",
     "een expressie zoals w.pct_huur"},
    {"an expression such as w.woningen",
     "een expressie zoals w.woningen"},
    {"an expression that is true for the rows to keep, or a mapping such as "
     "{soort: energiecoach, datum: [2024-01-01, 2024-12-31]}",
     "een expressie die waar is voor de rijen die blijven, of een mapping "
     "zoals {soort: energiecoach, datum: [2024-01-01, 2024-12-31]}"},
    {"an index indicator with factors:",
     "een indexindicator met factors:"},
    {"an indicator cannot be called \"%s\": the output tables use that "
     "column name; choose another name",
     "een indicator kan niet \"%s\" heten: de uitvoertabellen gebruiken die "
     "kolomnaam; kies een andere naam"},
    {"area code \"%.*s\" is too long for a GM or WK code, such as GM0363 or "
     "WK036300",
     "gebiedscode \"%.*s\" is te lang voor een GM- of WK-code, zoals GM0363 "
     "of WK036300"},
    {"area code \"%s\" has no GM or WK prefix; did you mean \"%s\"?",
     "gebiedscode \"%s\" heeft geen GM- of WK-voorvoegsel; bedoelt u \"%s\"?"},
    {"area code \"%s\" is not a %s code: %.2s is followed by %zu digits; "
     "did you mean \"%s\"?",
     "gebiedscode \"%s\" is geen %s-code: na %.2s volgen %zu cijfers; "
     "bedoelt u \"%s\"?"},
    {"area code \"%s\" is not a %s code; did you mean \"%s\"?",
     "gebiedscode \"%s\" is geen %s-code; bedoelt u \"%s\"?"},
    {"area code \"%s\" is not a gemeente or wijk code; write gemeenten as "
     "GM0363 and wijken as WK036300",
     "gebiedscode \"%s\" is geen gemeente- of wijkcode; schrijf gemeenten "
     "als GM0363 en wijken als WK036300"},
    {"area code %s contains no %s of source \"%s\"%s",
     "gebiedscode %s bevat geen %s van bron \"%s\"%s"},
    {"area codes",
     "gebiedscodes"},
    {"area has an empty code; write codes such as GM0363 or WK036300, "
     "separated by commas",
     "area heeft een lege code; schrijf codes zoals GM0363 of WK036300, "
     "gescheiden door komma's"},
    {"area province must be a province name or code, such as Noord-Holland "
     "or PV27",
     "de provincie in area moet een provincienaam of -code zijn, zoals "
     "Noord-Holland of PV27"},
    {"area selects gemeenten (GM) or wijken (WK), not buurten; use the wijk "
     "code \"%s\" of buurt \"%s\"",
     "area kiest gemeenten (GM) of wijken (WK), geen buurten; gebruik de "
     "wijkcode \"%s\" van buurt \"%s\""},
    {"area selects wijk %s, but the unit is gemeente; select gemeenten (GM "
     "codes) or set unit: wijk or buurt",
     "area kiest wijk %s, maar de eenheid is gemeente; kies gemeenten "
     "(GM-codes) of zet unit: wijk of buurt"},
    {"bivariate legend",
     "bivariate legenda"},
    {"bivariate map",
     "bivariate kaart"},
    {"bivariate titles too long",
     "bivariate titels te lang"},
    {"bounding boxes",
     "omhullende rechthoeken"},
    {"box %zu of %s",
     "blok %zu van %s"},
    {"boxes in %s must be a list of {title: ..., indicators: [...]}",
     "boxes in %s moet een lijst zijn van {title: ..., indicators: [...]}"},
    {"breaks in %s apply to method: manual, but the method is %s; remove "
     "method: or the breaks",
     "breaks in %s geldt voor method: manual, maar de methode is %s; "
     "verwijder method: of de breaks"},
    {"breaks in %s must go up: %g comes after %g",
     "breaks in %s moeten oplopen: %g komt na %g"},
    {"buurt, wijk or gemeente",
     "buurt, wijk of gemeente"},
    {"cache directory",
     "cachemap"},
    {"cached column",
     "gecachete kolom"},
    {"cannot add the document language: %s",
     "kan de documenttaal niet toevoegen: %s"},
    {"cannot add the document language: no catalog and cross-reference "
     "table found",
     "kan de documenttaal niet toevoegen: geen catalogus en "
     "kruisverwijzingstabel gevonden"},
    {"cannot add the document language: the cross-reference table is not as "
     "expected",
     "kan de documenttaal niet toevoegen: de kruisverwijzingstabel is niet "
     "zoals verwacht"},
    {"cannot create a %d x %d pixel drawing surface: %s",
     "kan geen tekenoppervlak van %d x %d pixels maken: %s"},
    {"cannot create field: %s",
     "kan het veld niet maken: %s"},
    {"cannot create layer \"%s\": %s",
     "kan de laag \"%s\" niet maken: %s"},
    {"cannot create layer \"layer_styles\": %s",
     "kan de laag \"layer_styles\" niet maken: %s"},
    {"cannot create the GeoPackage: %s",
     "kan het GeoPackage niet maken: %s"},
    {"cannot create the folder",
     "kan de map niet maken"},
    {"cannot create the folder: %s",
     "kan de map niet maken: %s"},
    {"cannot create the lock file of the output folder: %s",
     "kan het vergrendelbestand van de uitvoermap niet maken: %s"},
    {"cannot create the manifest: %s",
     "kan het manifest niet maken: %s"},
    {"cannot create the workbook",
     "kan de werkmap niet maken"},
    {"cannot format a value that is not a finite number (%g)",
     "kan een waarde die geen eindig getal is niet opmaken (%g)"},
    {"cannot format the class range %g to %g; at most one end may be "
     "infinite and the lower end must not exceed the upper",
     "kan het klassebereik %g tot %g niet opmaken; hoogstens een kant mag "
     "oneindig zijn en de ondergrens mag niet boven de bovengrens liggen"},
    {"cannot lock the output folder: %s",
     "kan de uitvoermap niet vergrendelen: %s"},
    {"cannot move the new results into place: %s",
     "kan de nieuwe resultaten niet op hun plaats zetten: %s"},
    {"cannot move the previous results aside: %s",
     "kan de vorige resultaten niet opzij zetten: %s"},
    {"cannot open the catalog entry",
     "kan het catalogusitem niet openen"},
    {"cannot open the file (%s); check the path (in a recipe, paths are relative to the recipe's folder)",
     "kan het bestand niet openen (%s); controleer het pad (in een recept zijn paden relatief aan de map van het recept)"},
    {"cannot open the file (missing, or not a readable gzip/zip archive); check the path (in a recipe, paths are relative to the recipe's folder)",
     "kan het bestand niet openen (ontbreekt, of geen leesbaar gzip/zip-archief); controleer het pad (in een recept zijn paden relatief aan de map van het recept)"},
    {"cannot open the file; check the path (in a recipe, paths are relative to the recipe's folder)",
     "kan het bestand niet openen; controleer het pad (in een recept zijn paden relatief aan de map van het recept)"},
    {"cannot open the recipe: %s",
     "kan het recept niet openen: %s"},
    {"cannot read the chart for the report",
     "kan de grafiek voor het rapport niet lezen"},
    {"cannot read the file (%s)",
     "kan het bestand niet lezen (%s)"},
    {"cannot read the file: the compressed data is damaged or cut short",
     "kan het bestand niet lezen: de gecomprimeerde gegevens zijn "
     "beschadigd of afgekapt"},
    {"cannot read the recipe: %s",
     "kan het recept niet lezen: %s"},
    {"cannot remove the folder: %s",
     "kan de map niet verwijderen: %s"},
    {"cannot start writing layer \"%s\"",
     "kan niet beginnen met het schrijven van laag \"%s\""},
    {"cannot tell the output format from the file name: end it in .png, "
     ".pdf or .svg",
     "kan het uitvoerformaat niet uit de bestandsnaam afleiden: laat hem "
     "eindigen op .png, .pdf of .svg"},
    {"cannot write a style: %s",
     "kan een stijl niet schrijven: %s"},
    {"cannot write an empty image (%d x %d pixels)",
     "kan geen lege afbeelding schrijven (%d x %d pixels)"},
    {"cannot write feature: %s",
     "kan het object niet schrijven: %s"},
    {"cannot write layer \"%s\": %s",
     "kan de laag \"%s\" niet schrijven: %s"},
    {"cannot write the GeoPackage: %s",
     "kan het GeoPackage niet schrijven: %s"},
    {"cannot write the PDF file: %s",
     "kan het PDF-bestand niet schrijven: %s"},
    {"cannot write the manifest",
     "kan het manifest niet schrijven"},
    {"catalog",
     "catalogus"},
    {"categorical map \"%s\": %s has the value %g, which is not among its "
     "categories; add a category for it",
     "categorische kaart \"%s\": %s heeft de waarde %g, die niet bij de "
     "categorieën staat; voeg er een categorie voor toe"},
    {"chart",
     "grafiek"},
    {"chart %s needs the columns %s (by these names or through a catalog) "
     "in a source, but no source has any of them; use a custom chart with "
     "columns: [...] or leave it out",
     "grafiek %s heeft de kolommen %s nodig (met deze namen of via een "
     "catalogus) in een bron, maar geen bron heeft er een van; gebruik een "
     "eigen grafiek met columns: [...] of laat hem weg"},
    {"chart %zu of %s",
     "grafiek %zu van %s"},
    {"chart column \"%s\" is not a column of a source (write source.column)",
     "grafiekkolom \"%s\" is geen kolom van een bron (schrijf bron.kolom)"},
    {"charts",
     "grafieken"},
    {"charts in %s must be a list, such as [age, tenure], but found a "
     "mapping",
     "charts in %s moet een lijst zijn, zoals [age, tenure], maar is een "
     "mapping"},
    {"check the key column and the level of the source",
     "controleer de sleutelkolom en het niveau van de bron"},
    {"clamp(x, lo, hi) needs lo <= hi, but lo is %g and hi is %g",
     "clamp(x, lo, hi) heeft lo <= hi nodig, maar lo is %g en hi is %g"},
    {"class breaks",
     "klassegrenzen"},
    {"class breaks must increase, but break %d (%g) is above break %d (%g)",
     "klassegrenzen moeten oplopen, maar grens %d (%g) ligt boven grens %d "
     "(%g)"},
    {"class counts",
     "aantallen per klasse"},
    {"classes: %ld in %s does not fit its %zu breaks, which make %ld "
     "classes; leave classes out",
     "classes: %ld in %s past niet bij de %zu breaks, die %ld klassen "
     "maken; laat classes weg"},
    {"close",
     "sluiten"},
    {"codes on both sides exist but differ: the source probably uses "
     "another year's wijk- en buurtindeling than the geometry (boundaries "
     "and codes change every year)",
     "aan beide kanten zijn codes, maar ze verschillen: de bron gebruikt "
     "waarschijnlijk de wijk- en buurtindeling van een ander jaar dan de "
     "geometrie (grenzen en codes veranderen elk jaar)"},
    {"colours centred on a value need a diverging palette (BrBG, PiYG, "
     "PRGn, PuOr, RdBu, RdGy, RdYlBu, RdYlGn, Spectral), not %s",
     "kleuren rond een middenwaarde hebben een divergerend palet nodig "
     "(BrBG, PiYG, PRGn, PuOr, RdBu, RdGy, RdYlBu, RdYlGn, Spectral), niet "
     "%s"},
    {"colours centred on a value need at least one class and a centre that "
     "is a number",
     "kleuren rond een middenwaarde hebben minstens een klasse nodig en een "
     "middenwaarde die een getal is"},
    {"column",
     "kolom"},
    {"column %s cannot be used here: no sources are available",
     "kolom %s kan hier niet gebruikt worden: er zijn geen bronnen "
     "beschikbaar"},
    {"column %s could not be resolved",
     "kolom %s is niet te vinden"},
    {"column %s has no usable type",
     "kolom %s heeft geen bruikbaar type"},
    {"column %s.%s is a %s per %s; adding it up to %s would be wrong. Make "
     "the recipe's unit %s and let the indicator roll up with a weighted "
     "mean, or use the counts it is made of",
     "kolom %s.%s is een %s per %s; die optellen tot %s zou fout zijn. Maak "
     "de eenheid van het recept %s en laat de indicator optellen met een "
     "gewogen gemiddelde, of gebruik de aantallen waaruit hij bestaat"},
    {"column %s.%s is text at %s level; it cannot be added up to %s",
     "kolom %s.%s is tekst op %s-niveau; die kan niet opgeteld worden tot %s"},
    {"column name",
     "kolomnaam"},
    {"column names",
     "kolomnamen"},
    {"column profile",
     "kolomprofiel"},
    {"column statistics",
     "kolomstatistieken"},
    {"column_names gives %zu names, but the file has only %zu columns",
     "column_names geeft %zu namen, maar het bestand heeft maar %zu kolommen"},
    {"columns",
     "kolommen"},
    {"compare runs per gemeente, but the area holds %s; give gemeenten (GM "
     "codes)",
     "compare werkt per gemeente, maar het gebied bevat %s; geef gemeenten "
     "(GM-codes)"},
    {"comparing two text columns is not supported; compare a text column "
     "with a text in single quotes, e.g. w.water == 'JA'",
     "twee tekstkolommen vergelijken kan niet; vergelijk een tekstkolom met "
     "een tekst tussen enkele aanhalingstekens, bijv. w.water == 'JA'"},
    {"comparison",
     "vergelijking"},
    {"comparison \"%.100s\"",
     "vergelijking \"%.100s\""},
    {"comparison \"%s\"",
     "vergelijking \"%s\""},
    {"comparison \"%s\" is by %s, but the run has no %s level (its unit is "
     "%s)",
     "vergelijking \"%s\" is per %s, maar de run heeft geen %s-niveau (de "
     "eenheid is %s)"},
    {"comparison table",
     "vergelijkingstabel"},
    {"comparison values",
     "vergelijkingswaarden"},
    {"comparisons",
     "vergelijkingen"},
    {"comparisons cannot be chained; combine them with 'and', e.g. 0 < x "
     "and x < 10",
     "vergelijkingen kunnen niet aaneengeschakeld worden; combineer ze met "
     "'and', bijv. 0 < x and x < 10"},
    {"comparisons entry %zu",
     "vergelijking nummer %zu"},
    {"context",
     "context"},
    {"coordinate reference system",
     "coördinatenstelsel"},
    {"coordinate transformation",
     "coördinatenomrekening"},
    {"coordinates",
     "coördinaten"},
    {"could not compress the PNG image data (out of memory?)",
     "kon de PNG-beeldgegevens niet comprimeren (geen geheugen meer?)"},
    {"could not write the PNG image (disk full or no permission?)",
     "kon de PNG-afbeelding niet schrijven (schijf vol of geen toestemming?)"},
    {"could not write the SVG file (disk full or no permission?)",
     "kon het SVG-bestand niet schrijven (schijf vol of geen toestemming?)"},
    {"coverage",
     "dekking"},
    {"coverage notes",
     "dekkingsnotities"},
    {"crs of the location of source \"%s\": %s",
     "crs van de locatie van bron \"%s\": %s"},
    {"crs of the weight points of source \"%s\": %s",
     "crs van de weegpunten van bron \"%s\": %s"},
    {"did you mean ",
     "bedoelt u "},
    {"dissolve",
     "samenvoegen van geometrie"},
    {"does not exist",
     "bestaat niet"},
    {"drawing failed: %s",
     "tekenen mislukt: %s"},
    {"drawing the map areas failed: %s",
     "tekenen van de kaartvlakken mislukt: %s"},
    {"drawing the map failed: %s",
     "tekenen van de kaart mislukt: %s"},
    {"duplicate column name",
     "dubbele kolomnaam"},
    {"duplicate key \"%s\" (already given at line %ld); keep only one of "
     "them",
     "dubbele sleutel \"%s\" (al gegeven op regel %ld); houd er maar een"},
    {"duplicate key \"%s\"; keep only one of them",
     "dubbele sleutel \"%s\"; houd er maar een"},
    {"each item of %s must be %s, but found %s",
     "elk item van %s moet %s zijn, maar is %s"},
    {"each item of %s must be a number (with a decimal point, such as "
     "12.5), but found %s",
     "elk item van %s moet een getal zijn (met een decimale punt, zoals "
     "12.5), maar is %s"},
    {"each item of %s must be one code, such as GM0363, but found %s",
     "elk item van %s moet een code zijn, zoals GM0363, maar is %s"},
    {"each side of '%s'",
     "beide kanten van '%s'"},
    {"excel_nl (';' and decimal comma) or international (',' and '.')",
     "excel_nl (';' en decimale komma) of international (',' en '.')"},
    {"expected a column name after '%.*s.', found %s; quote names that are "
     "not plain words, e.g. %.*s.\"65plus\"",
     "na '%.*s.' werd een kolomnaam verwacht, maar er staat %s; zet namen "
     "die geen gewone woorden zijn tussen aanhalingstekens, bijv. "
     "%.*s.\"65plus\""},
    {"expected the columns gemeentecode, gemeentenaam, provinciecode, "
     "provincienaam",
     "de kolommen gemeentecode, gemeentenaam, provinciecode, provincienaam "
     "werden verwacht"},
    {"expression",
     "expressie"},
    {"expression block buffers",
     "blokbuffers van de expressie"},
    {"expression code",
     "code van de expressie"},
    {"expression dependency list",
     "afhankelijkheden van de expressie"},
    {"expression name",
     "naam in de expressie"},
    {"expression node",
     "knoop van de expressie"},
    {"expression program",
     "programma van de expressie"},
    {"expression scratch memory",
     "werkgeheugen van de expressie"},
    {"expression stages",
     "stappen van de expressie"},
    {"expression text",
     "tekst van de expressie"},
    {"expression tokens",
     "tokens van de expressie"},
    {"expression workspace",
     "werkruimte van de expressie"},
    {"fact sheets",
     "factsheets"},
    {"fact sheets are made for the recipe's unit (%s); set the factsheet "
     "unit to %s or change the recipe's unit",
     "factsheets worden gemaakt voor de eenheid van het recept (%s); zet de "
     "eenheid van de factsheets op %s of verander de eenheid van het recept"},
    {"fact-sheet box",
     "blok van een factsheet"},
    {"factor \"%.80s\" of %s",
     "factor \"%.80s\" van %s"},
    {"factors of %s must be a mapping of factor names to expressions, such "
     "as factors: {huur: w.pct_huur, laag_inkomen: {expr: w.pct_laag, "
     "weight: 2}}",
     "factors van %s moet een mapping van factornamen naar expressies zijn, "
     "zoals factors: {huur: w.pct_huur, laag_inkomen: {expr: w.pct_laag, "
     "weight: 2}}"},
    {"factsheet \"%.100s\"",
     "factsheet \"%.100s\""},
    {"factsheet \"%s\"",
     "factsheet \"%s\""},
    {"factsheets entry %zu",
     "factsheet nummer %zu"},
    {"figure %zu of %s",
     "kengetal %zu van %s"},
    {"figures in %s must be a list of indicator names, such as [aandeel_hh, "
     "dichtheid], but found a mapping",
     "figures in %s moet een lijst met indicatornamen zijn, zoals "
     "[aandeel_hh, dichtheid], maar is een mapping"},
    {"file contents",
     "bestandsinhoud"},
    {"file hashing buffer",
     "buffer voor de bestandshash"},
    {"file name",
     "bestandsnaam"},
    {"fill it in",
     "vul het in"},
    {"filter",
     "filter"},
    {"filter %s of %s",
     "filter %s van %s"},
    {"filter column",
     "filterkolom"},
    {"filter of %s is empty; give conditions such as {soort: energiecoach}",
     "het filter van %s is leeg; geef voorwaarden zoals {soort: "
     "energiecoach}"},
    {"flush to disk",
     "naar schijf wegschrijven"},
    {"folder name",
     "mapnaam"},
    {"found no header line: the file holds nothing but blank lines, "
     "delimiters or footer notes",
     "geen kopregel gevonden: het bestand bevat alleen lege regels, "
     "scheidingstekens of voetnoten"},
    {"fraction: takes true or false, not \"%s\"",
     "fraction: verwacht true of false, niet \"%s\""},
    {"funnel labels",
     "labels van de trechterplot"},
    {"funnel limits of \"%s\"",
     "grenzen van de trechterplot van \"%s\""},
    {"funnel plot",
     "trechterplot"},
    {"funnel plot of \"%s\"",
     "trechterplot van \"%s\""},
    {"funnel plots",
     "trechterplots"},
    {"gemeente sheet",
     "gemeenteblad"},
    {"geometry",
     "geometrie"},
    {"geometry column",
     "geometriekolom"},
    {"hard_to_reach in %s is \"%s\", which is not an index with factors:",
     "hard_to_reach in %s is \"%s\", en dat is geen index met factors:"},
    {"header_rows is %d, but only %zu lines are left from the header on",
     "header_rows is %d, maar vanaf de kopregel zijn er nog maar %zu regels"},
    {"highlight",
     "markering"},
    {"highlight %s is a %s code, but map \"%s\" shows %s; give the code of "
     "one of its %s",
     "markering %s is een %s-code, maar kaart \"%s\" toont %s; geef de code "
     "van een van haar %s"},
    {"highlight %s is not one of the %zu %s on map \"%s\"%s%s%s",
     "markering %s is niet een van de %zu %s op kaart \"%s\"%s%s%s"},
    {"household count",
     "aantal huishoudens"},
    {"households",
     "huishoudens"},
    {"how many similar gemeenten, such as 5",
     "hoeveel vergelijkbare gemeenten, zoals 5"},
    {"index",
     "index"},
    {"indicator",
     "indicator"},
    {"indicator \"%.100s\"",
     "indicator \"%.100s\""},
    {"indicator \"%s\"",
     "indicator \"%s\""},
    {"indicator \"%s\" clashes with the column \"%s\" that %s \"%s\" makes; "
     "rename one of them",
     "indicator \"%s\" botst met de kolom \"%s\" die %s \"%s\" maakt; geef "
     "een van beide een andere naam"},
    {"indicator \"%s\" differs from \"%s\" only in upper/lower case, which "
     "the GeoPackage output cannot tell apart",
     "indicator \"%s\" verschilt van \"%s\" alleen in hoofd- en kleine "
     "letters, en dat onderscheid kan het GeoPackage niet maken"},
    {"indicator \"%s\" has the same name as the source on line %ld; rename one of them, because expressions read a name before a dot as a source (source.column)",
     "indicator \"%s\" heeft dezelfde naam als de bron op regel %ld; hernoem een van beide, want expressies lezen een naam voor een punt als bron (bron.kolom)"},
    {"indicator \"%s\" has unit \"%s\" (a %s), but rolls up by summing; a "
     "sum of %ss means nothing for a wijk or gemeente. Use rollup: {method: "
     "weighted_mean, weight: <the base, e.g. households>} or {method: "
     "ratio, numerator: ..., denominator: ...}",
     "indicator \"%s\" heeft eenheid \"%s\" (een %s), maar wordt opgeteld; "
     "een som van %s-waarden zegt niets voor een wijk of gemeente. Gebruik "
     "rollup: {method: weighted_mean, weight: <de basis, bijv. "
     "huishoudens>} of {method: ratio, numerator: ..., denominator: ...}"},
    {"indicator \"%s\" is a count (it rolls up by summing), but %s.%s is a "
     "%s; adding up %ss gives nonsense. Multiply it by its base (for "
     "example %s.%s / 100 * the number of dwellings or residents), or make "
     "the indicator a rate with a weighted_mean rollup",
     "indicator \"%s\" is een aantal (die wordt opgeteld), maar %s.%s is "
     "een %s; %s-waarden optellen geeft onzin. Vermenigvuldig met de basis "
     "(bijvoorbeeld %s.%s / 100 * het aantal woningen of inwoners), of maak "
     "de indicator een verhouding met een weighted_mean-rollup"},
    {"indicator \"%s\": a weighted_mean rollup needs `weight:` (for example "
     "the number of households)",
     "indicator \"%s\": een weighted_mean-rollup heeft `weight:` nodig "
     "(bijvoorbeeld het aantal huishoudens)"},
    {"indicator %s could not be resolved",
     "indicator %s is niet te vinden"},
    {"indicator %s is not a number or true/false value",
     "indicator %s is geen getal of waar/onwaar-waarde"},
    {"indicator count changed",
     "aantal indicatoren veranderd"},
    {"indicator order",
     "volgorde van de indicatoren"},
    {"indicator values",
     "indicatorwaarden"},
    {"indicators",
     "indicatoren"},
    {"indicators must be a mapping of indicator names to expressions, such "
     "as indicators: {dichtheid: w.inwoners / w.oppervlakte}, but found %s",
     "indicators moet een mapping van indicatornamen naar expressies zijn, "
     "zoals indicators: {dichtheid: w.inwoners / w.oppervlakte}, maar is %s"},
    {"indicators refer to each other in a circle: %s; an indicator cannot "
     "depend on itself",
     "indicatoren verwijzen in een kring naar elkaar: %s; een indicator kan "
     "niet van zichzelf afhangen"},
    {"inspect",
     "inspect"},
    {"inspect takes one file",
     "inspect neemt een bestand"},
    {"internal error: %s() is not an area function with one value per row",
     "interne fout: %s() is geen gebiedsfunctie met een waarde per rij"},
    {"internal error: text outside a comparison",
     "interne fout: tekst buiten een vergelijking"},
    {"internal: geometry columns are added with tbl_add_geom",
     "intern: geometriekolommen worden toegevoegd met tbl_add_geom"},
    {"intervals",
     "intervallen"},
    {"is not a text column; give the column with the names",
     "is geen tekstkolom; geef de kolom met de namen"},
    {"its layers are",
     "de lagen zijn"},
    {"its only layer is",
     "de enige laag is"},
    {"its only sheet is",
     "het enige werkblad is"},
    {"its sheets are",
     "de werkbladen zijn"},
    {"join",
     "koppeling"},
    {"join report",
     "koppelrapport"},
    {"joined column",
     "gekoppelde kolom"},
    {"key in %s does not apply with join: spatial (rows are matched by "
     "location); remove key: or the join",
     "key in %s geldt niet bij join: spatial (rijen worden op ligging "
     "gekoppeld); verwijder key: of de join"},
    {"key index",
     "sleutelindex"},
    {"label list",
     "lijst met labels"},
    {"label placement",
     "plaatsing van labels"},
    {"labels",
     "labels"},
    {"layer",
     "laag"},
    {"layer information",
     "laaggegevens"},
    {"layer names",
     "laagnamen"},
    {"layer styles",
     "laagstijlen"},
    {"legend",
     "legenda"},
    {"levels",
     "niveaus"},
    {"location of %s",
     "location van %s"},
    {"location of %s needs both x: and y: (the coordinate columns)",
     "location van %s heeft zowel x: als y: nodig (de coördinaatkolommen)"},
    {"location of %s needs either postcode: (with lookup:, lookup_postcode: "
     "and lookup_code:) or x: and y: (with crs:)%s",
     "location van %s heeft postcode: nodig (met lookup:, lookup_postcode: "
     "en lookup_code:) of x: en y: (met crs:)%s"},
    {"location of %s places records by postcode and needs %s: (the table "
     "from postcode to buurt code, its postcode column and its code column)",
     "location van %s plaatst registraties op postcode en heeft %s: nodig "
     "(de tabel van postcode naar buurtcode, de postcodekolom en de "
     "codekolom daarvan)"},
    {"location of %s: crs applies only to records placed by x: and y:",
     "location van %s: crs geldt alleen voor registraties die met x: en y: "
     "geplaatst worden"},
    {"location of %s: lookup and allocate apply only to records placed by "
     "postcode:",
     "location van %s: lookup en allocate gelden alleen voor registraties "
     "die met postcode: geplaatst worden"},
    {"locator maps",
     "locatiekaartjes"},
    {"lookup join",
     "koppeling via opzoektabel"},
    {"manual break %zu is not a finite number; only the first break may be "
     "-infinity and only the last +infinity",
     "handmatige grens %zu is geen eindig getal; alleen de eerste grens mag "
     "-oneindig zijn en alleen de laatste +oneindig"},
    {"manual breaks must increase strictly, but break %zu (%g) is not "
     "greater than break %zu (%g)",
     "handmatige grenzen moeten strikt oplopen, maar grens %zu (%g) is niet "
     "groter dan grens %zu (%g)"},
    {"manual classification needs between 2 and %d breaks, got %zu",
     "handmatige indeling heeft tussen 2 en %d grenzen nodig, kreeg er %zu"},
    {"map \"%.100s\"",
     "kaart \"%.100s\""},
    {"map \"%s\"",
     "kaart \"%s\""},
    {"map \"%s\": per: %s needs units below the %s, but the recipe's units "
     "are %s",
     "kaart \"%s\": per: %s vraagt eenheden onder de %s, maar de eenheden "
     "van het recept zijn %s"},
    {"map \"%s\": per: %s, but the units have no %s level",
     "kaart \"%s\": per: %s, maar de eenheden hebben geen %s-niveau"},
    {"map %s",
     "kaart %s"},
    {"map info",
     "kaartgegevens"},
    {"map legend",
     "kaartlegenda"},
    {"maps",
     "kaarten"},
    {"maps entry %zu",
     "kaart nummer %zu"},
    {"maps need geometry: mark one source at the unit's level with "
     "`geometry: true`",
     "kaarten hebben geometrie nodig: markeer een bron op het niveau van de "
     "eenheid met `geometry: true`"},
    {"maps per group",
     "kaarten per groep"},
    {"memory",
     "geheugen"},
    {"method manual in %s needs breaks: with the class boundaries, such as "
     "[10, 20, 30]",
     "method manual in %s heeft breaks: nodig met de klassegrenzen, zoals "
     "[10, 20, 30]"},
    {"min_base of %s",
     "min_base van %s"},
    {"min_base of %s needs expr: with the base expression, such as "
     "w.huishoudens (only a reach indicator takes its target group as the "
     "base)",
     "min_base van %s heeft expr: nodig met de expressie voor de basis, "
     "zoals w.huishoudens (alleen een bereikindicator neemt zijn doelgroep "
     "als basis)"},
    {"missing-value map",
     "kaart van ontbrekende waarden"},
    {"move into place",
     "op zijn plaats zetten"},
    {"name join",
     "koppeling op naam"},
    {"name_column \"%s\" of source \"%s\" %s%s%s%s",
     "name_column \"%s\" van bron \"%s\" %s%s%s%s"},
    {"no %s of source \"%s\" lie in the area %s%s",
     "er liggen geen %s van bron \"%s\" in het gebied %s%s"},
    {"no data was given for %s %s",
     "er zijn geen gegevens gegeven voor %s %s"},
    {"no gemeente-to-province table (gemeente_provincie_<year>.csv) in this "
     "folder",
     "geen tabel van gemeente naar provincie "
     "(gemeente_provincie_<jaar>.csv) in deze map"},
    {"no gemeenten to compare: give --province NAME, --areas "
     "GM0363,GM0479,... or --all, or area: {province: NAME} in the recipe",
     "geen gemeenten om te vergelijken: geef --province NAAM, --areas "
     "GM0363,GM0479,... of --all, of area: {province: NAAM} in het recept"},
    {"no map spec was given",
     "er is geen kaartbeschrijving gegeven"},
    {"no output file name was given",
     "er is geen naam voor het uitvoerbestand gegeven"},
    {"no record has an object \"%s\" to read the columns from; the records "
     "hold %s",
     "geen enkele registratie heeft een object \"%s\" om de kolommen uit te "
     "lezen; de registraties bevatten %s"},
    {"no source holds %s codes, so there are no units to compute (the "
     "sources are at other levels)",
     "geen bron bevat %s-codes, dus er zijn geen eenheden om te berekenen "
     "(de bronnen zijn van andere niveaus)"},
    {"no such column in this file",
     "deze kolom staat niet in het bestand"},
    {"no vector file name was given",
     "er is geen naam voor het vectorbestand gegeven"},
    {"nothing",
     "niets"},
    {"nothing to map: no row with a legend entry has a geometry",
     "niets om op de kaart te zetten: geen rij met een legenda-item heeft "
     "geometrie"},
    {"numbers are written with a decimal point: %.*s.%.*s, not %.*s,%.*s",
     "getallen schrijft u met een decimale punt: %.*s.%.*s, niet %.*s,%.*s"},
    {"numeric column",
     "numerieke kolom"},
    {"one map per gemeente (or wijk), all with the same classes, in "
     "maps/NAME/CODE.png",
     "een kaart per gemeente (of wijk), alle met dezelfde klassen, in "
     "maps/NAAM/CODE.png"},
    {"one recipe at a time",
     "een recept tegelijk"},
    {"out of memory while allocating %s",
     "geen geheugen meer voor %s"},
    {"output file name",
     "naam van het uitvoerbestand"},
    {"overlay",
     "overlay"},
    {"overlay point weights",
     "puntgewichten van de overlay"},
    {"page output",
     "pagina-uitvoer"},
    {"page size \"%s\" is out of range: width and height must be 16 to "
     "20000 pixels",
     "paginagrootte \"%s\" valt buiten het bereik: breedte en hoogte moeten "
     "16 tot 20000 pixels zijn"},
    {"path in %s is empty; give the file to read",
     "path in %s is leeg; geef het bestand dat gelezen moet worden"},
    {"peers",
     "vergelijkbare gebieden"},
    {"point index",
     "puntindex"},
    {"point location",
     "puntlocatie"},
    {"postcode allocation",
     "verdeling over postcodes"},
    {"postcode table",
     "postcodetabel"},
    {"pretty breaks for %d classes would make %d classes; ask for fewer "
     "classes",
     "mooie grenzen voor %d klassen zouden %d klassen maken; vraag om "
     "minder klassen"},
    {"province area",
     "provinciegebied"},
    {"province gemeenten",
     "gemeenten van de provincie"},
    {"province table",
     "provincietabel"},
    {"ranks",
     "rangnummers"},
    {"reach in %s lists \"%s\", which is not a reach indicator (kind: reach "
     "with reached: and target:)",
     "reach in %s noemt \"%s\", en dat is geen bereikindicator (kind: reach "
     "met reached: en target:)"},
    {"reach indicator",
     "bereikindicator"},
    {"reach indicator \"%s\" lacks its parts",
     "bereikindicator \"%s\" mist zijn onderdelen"},
    {"reach section",
     "bereikonderdeel"},
    {"reading %s",
     "bij het lezen van %s"},
    {"recipe",
     "recept"},
    {"recipe array",
     "receptarray"},
    {"recipe memory",
     "receptgeheugen"},
    {"recipe text",
     "recepttekst"},
    {"recipe-doc takes no arguments",
     "recipe-doc neemt geen argumenten"},
    {"record %zu is not an object ({...}); a JSON table is an array of "
     "objects",
     "record %zu is geen object ({...}); een JSON-tabel is een array van "
     "objecten"},
    {"records",
     "registraties"},
    {"records file name",
     "naam van het registratiebestand"},
    {"report map",
     "rapportkaart"},
    {"report.html: maps, table, charts and sources in one offline file",
     "report.html: kaarten, tabel, grafieken en bronnen in een offline "
     "bestand"},
    {"resolution %g dpi is out of range: use 1 to 2400 (300 is usual for "
     "print)",
     "resolutie %g dpi valt buiten het bereik: gebruik 1 tot 2400 (300 is "
     "gebruikelijk voor druk)"},
    {"result",
     "resultaat"},
    {"rollup",
     "rollup"},
    {"rollup groups",
     "rollup-groepen"},
    {"rollup ratio of %s needs both numerator: and denominator: "
     "(expressions that are summed before dividing)",
     "rollup ratio van %s heeft zowel numerator: als denominator: nodig "
     "(expressies die opgeteld worden voor het delen)"},
    {"rollup weighted_mean of %s needs weight: with the weight expression, "
     "such as weight: w.huishoudens",
     "rollup weighted_mean van %s heeft weight: nodig met de expressie voor "
     "het gewicht, zoals weight: w.huishoudens"},
    {"row %zu has legend entry %d, but the legend has %zu entries (use 0 to "
     "%zu, or -1 for context)",
     "rij %zu heeft legenda-item %d, maar de legenda heeft %zu items "
     "(gebruik 0 tot en met %zu, of -1 voor context)"},
    {"scale in %s applies only to rollup: ratio; remove it or set that "
     "rollup",
     "scale in %s geldt alleen voor rollup: ratio; verwijder het of stel "
     "die rollup in"},
    {"selection",
     "selectie"},
    {"shared breaks",
     "gedeelde klassegrenzen"},
    {"sheet",
     "werkblad"},
    {"skip_rows is %d, but after that many lines no header line is left "
     "(the file has %zu lines before its footer)",
     "skip_rows is %d, maar na zoveel regels blijft er geen kopregel over "
     "(het bestand heeft %zu regels voor de voetnoot)"},
    {"small multiples",
     "kleine kaartjes"},
    {"small multiples \"%s\"",
     "kleine kaartjes \"%s\""},
    {"small multiples need at least one panel",
     "kleine kaartjes hebben minstens een paneel nodig"},
    {"source",
     "bron"},
    {"source \"%s\"",
     "bron \"%s\""},
    {"source \"%s\" (%s) has no column \"%s\"%s%s%s",
     "bron \"%s\" (%s) heeft geen kolom \"%s\"%s%s%s"},
    {"source \"%s\" (%s) has no text column \"%s\" with names%s%s%s",
     "bron \"%s\" (%s) heeft geen tekstkolom \"%s\" met namen%s%s%s"},
    {"source \"%s\" (recipe %s:%ld)",
     "bron \"%s\" (recept %s:%ld)"},
    {"source \"%s\" already has a column \"%s\"",
     "bron \"%s\" heeft al een kolom \"%s\""},
    {"source \"%s\" also gives the geometry, but source \"%s\" (line %ld) "
     "already does; only one source may set geometry: true",
     "bron \"%s\" levert ook de geometrie, maar bron \"%s\" (regel %ld) "
     "doet dat al; maar een bron mag geometry: true hebben"},
    {"source \"%s\" has no %s",
     "bron \"%s\" heeft geen %s"},
    {"source \"%s\" has no column \"%s\" to rename",
     "bron \"%s\" heeft geen kolom \"%s\" om te hernoemen"},
    {"source \"%s\" has too many names to number (at most 999 gemeenten "
     "with 1,296 %s each)",
     "bron \"%s\" heeft te veel namen om te nummeren (hoogstens 999 "
     "gemeenten met elk 1.296 %s)"},
    {"source \"%s\" is joined by names, which works at the recipe's unit "
     "(%s) only",
     "bron \"%s\" wordt op namen gekoppeld, en dat werkt alleen op de "
     "eenheid van het recept (%s)"},
    {"source \"%s\" is marked as geometry source, but %s has no geometry",
     "bron \"%s\" is gemarkeerd als geometriebron, maar %s heeft geen "
     "geometrie"},
    {"source \"%s\" is matched on %zu names, but the units (source \"%s\") "
     "have no gemeente names (a column such as gemeentenaam); match on the "
     "%s name alone",
     "bron \"%s\" wordt op %zu namen gekoppeld, maar de eenheden (bron "
     "\"%s\") hebben geen gemeentenamen (een kolom zoals gemeentenaam); "
     "koppel alleen op de naam van de %s"},
    {"source \"%s\" places records by coordinates, so the run needs the "
     "polygons of the %s: mark the source that has them with geometry: true",
     "bron \"%s\" plaatst registraties op coördinaten, dus de run heeft de "
     "polygonen van de %s nodig: markeer de bron die ze heeft met geometry: "
     "true"},
    {"source \"%s\": %zu of %zu %s (%.0f %%) found no row (for example "
     "%s)%s%s%s; likely cause: %s",
     "bron \"%s\": %zu van %zu %s (%.0f %%) vonden geen rij (bijvoorbeeld "
     "%s)%s%s%s; waarschijnlijke oorzaak: %s"},
    {"source \"%s\": %zu of %zu names (%.0f %%) match no %s of the units, "
     "for example %s; names are compared ignoring case, accents, hyphens "
     "and spaces, and nothing is guessed: check the spelling or whether the "
     "source uses another year's buurt indeling (raise unmatched_max to "
     "accept this)",
     "bron \"%s\": %zu van %zu namen (%.0f %%) komen met geen enkele %s van "
     "de eenheden overeen, bijvoorbeeld %s; namen worden vergeleken zonder "
     "op hoofdletters, accenten, streepjes en spaties te letten, en er "
     "wordt niets geraden: controleer de spelling of de bron een "
     "buurtindeling van een ander jaar gebruikt (verhoog unmatched_max om "
     "dit te accepteren)"},
    {"source \"%s\": %zu of %zu records (%.1f%%) could not be placed in a "
     "%s, more than unlocated_max (%.0f%%): %s%s",
     "bron \"%s\": %zu van %zu registraties (%.1f%%) konden niet in een %s "
     "geplaatst worden, meer dan unlocated_max (%.0f%%): %s%s"},
    {"source \"%s\": a name join on the units takes at most two names "
     "(gemeente and %s)",
     "bron \"%s\": een koppeling op naam met de eenheden neemt hoogstens "
     "twee namen (gemeente en %s)"},
    {"source \"%s\": gemeenten are joined on one name column (names: "
     "[gemeentenaam])",
     "bron \"%s\": gemeenten worden op een naamkolom gekoppeld (names: "
     "[gemeentenaam])"},
    {"source \"%s\": spatial joins are not supported yet; give a key column "
     "with region codes",
     "bron \"%s\": ruimtelijke koppelingen worden nog niet ondersteund; "
     "geef een sleutelkolom met regiocodes"},
    {"source \"%s\": via: %s names no column of an earlier source joined to "
     "the units",
     "bron \"%s\": via: %s noemt geen kolom van een eerdere bron die aan de "
     "eenheden gekoppeld is"},
    {"source columns",
     "bronkolommen"},
    {"sources",
     "bronnen"},
    {"sources is empty; add at least one source with path: and key:",
     "sources is leeg; voeg minstens een bron toe met path: en key:"},
    {"sources must be a mapping of source names to files, such as sources: "
     "{w: {path: wijken.geojson, key: wijkcode}}, but found %s",
     "sources moet een mapping van bronnamen naar bestanden zijn, zoals "
     "sources: {w: {path: wijken.geojson, key: wijkcode}}, maar is %s"},
    {"spatial index",
     "ruimtelijke index"},
    {"stand-in codes",
     "vervangende codes"},
    {"string dictionary",
     "woordenboek van teksten"},
    {"string map",
     "tekstenlijst"},
    {"such as 1",
     "zoals 1"},
    {"such as 100",
     "zoals 100"},
    {"such as 3",
     "zoals 3"},
    {"such as 300",
     "zoals 300"},
    {"such as 5",
     "zoals 5"},
    {"sum, mean, weighted_mean, ratio or none",
     "sum, mean, weighted_mean, ratio of none"},
    {"table",
     "tabel"},
    {"table columns",
     "tabelkolommen"},
    {"tables",
     "tabellen"},
    {"text attributes for the fact sheet",
     "tekstopmaak voor de factsheet"},
    {"text cannot be compared with '%s'; only == and != compare text",
     "tekst kan niet vergeleken worden met '%s'; alleen == en != "
     "vergelijken tekst"},
    {"text context",
     "tekstcontext"},
    {"text follows the closing quote of a quoted field; a quote inside a "
     "quoted field must be written as \"\", and the field must end right "
     "after its closing quote",
     "er staat tekst na het sluitende aanhalingsteken van een veld; een "
     "aanhalingsteken binnen een veld tussen aanhalingstekens schrijft u "
     "als \"\", en het veld moet direct na het sluitende aanhalingsteken "
     "eindigen"},
    {"text layout",
     "tekstopmaak"},
    {"text_columns names this column, but the file has no column of that "
     "name (the first is \"%s\")",
     "text_columns noemt deze kolom, maar het bestand heeft geen kolom met "
     "die naam (de eerste is \"%s\")"},
    {"the %s coordinate reference system \"%s\" is not a coordinate "
     "reference system but another PROJ object; give an EPSG code such as "
     "\"EPSG:28992\"",
     "het %s coördinatenstelsel \"%s\" is geen coördinatenstelsel maar een "
     "ander PROJ-object; geef een EPSG-code zoals \"EPSG:28992\""},
    {"the %s coordinate reference system \"%s\" is not one PROJ knows (%s); "
     "give an EPSG code such as \"EPSG:28992\" or a WKT text",
     "het %s coördinatenstelsel \"%s\" kent PROJ niet (%s); geef een "
     "EPSG-code zoals \"EPSG:28992\" of een WKT-tekst"},
    {"the '(' of %s( is never closed; add ')' after its arguments",
     "de '(' van %s( wordt nooit gesloten; zet ')' na de argumenten"},
    {"the CRS of x and y, such as \"EPSG:28992\"; default the units' CRS",
     "het coördinatenstelsel van x en y, zoals \"EPSG:28992\"; standaard "
     "dat van de eenheden"},
    {"the CRS of x and y, such as \"EPSG:4326\" or \"EPSG:28992\"",
     "het coördinatenstelsel van x en y, zoals \"EPSG:4326\" of "
     "\"EPSG:28992\""},
    {"the CSV parser stopped: %s",
     "de CSV-lezer stopte: %s"},
    {"the EWKT geometry starts with \"SRID=\" but no valid SRID and \";\" "
     "follow",
     "de EWKT-geometrie begint met \"SRID=\" maar er volgen geen geldige "
     "SRID en \";\""},
    {"the PDF language",
     "de PDF-taal"},
    {"the alias *%s refers to no anchor; define &%s on a value above this "
     "line first",
     "de alias *%s verwijst naar geen anker; definieer eerst &%s bij een "
     "waarde boven deze regel"},
    {"the base expression, such as w.huishoudens",
     "de expressie voor de basis, zoals w.huishoudens"},
    {"the catalog entry has a second `columns:`; merge them",
     "het catalogusitem heeft een tweede `columns:`; voeg ze samen"},
    {"the column is %s; only numbers can be classified",
     "de kolom is %s; alleen getallen kunnen ingedeeld worden"},
    {"the column with household ids",
     "de kolom met huishoudnummers"},
    {"the column with the date of the contact",
     "de kolom met de datum van het contact"},
    {"the column with the kind of contact",
     "de kolom met de soort contact"},
    {"the column with the number of addresses per row",
     "de kolom met het aantal adressen per rij"},
    {"the column with the postcodes of the records",
     "de kolom met de postcodes van de registraties"},
    {"the column with the x coordinate or longitude",
     "de kolom met de x-coördinaat of lengtegraad"},
    {"the column with the x coordinate; default x",
     "de kolom met de x-coördinaat; standaard x"},
    {"the column with the y coordinate or latitude",
     "de kolom met de y-coördinaat of breedtegraad"},
    {"the column with the y coordinate; default y",
     "de kolom met de y-coördinaat; standaard y"},
    {"the columns that are counts, split by area in an overlay",
     "de kolommen met aantallen, bij een overlay naar oppervlakte verdeeld"},
    {"the condition of if()",
     "de voorwaarde van if()"},
    {"the contents",
     "de inhoudsopgave"},
    {"the cover map",
     "de kaart op de voorkant"},
    {"the decimal mark must be '.' or ',' (or left out to detect it), not "
     "'%c'",
     "het decimaalteken moet '.' of ',' zijn (of weglaten om het te "
     "herkennen), niet '%c'"},
    {"the delimiter cannot be a quote or a line break; use ';', ',', a tab "
     "or '|' (or leave it out to detect it)",
     "het scheidingsteken kan geen aanhalingsteken of regeleinde zijn; "
     "gebruik ';', ',', een tab of '|' (of laat het weg om het te herkennen)"},
    {"the digits of round() must be a whole number from -15 to 15, such as 1",
     "het aantal cijfers van round() moet een geheel getal van -15 tot 15 "
     "zijn, zoals 1"},
    {"the disk is full (No space left on device)",
     "de schijf is vol (No space left on device)"},
    {"the disk quota is used up (Disk quota exceeded)",
     "het schijfquotum is op (Disk quota exceeded)"},
    {"the expression gives text (%s); an indicator must be a number or "
     "true/false",
     "de expressie geeft tekst (%s); een indicator moet een getal of "
     "waar/onwaar zijn"},
    {"the expression is empty; expected %s",
     "de expressie is leeg; verwacht werd %s"},
    {"the expression is nested too deeply (more than %d levels)",
     "de expressie is te diep genest (meer dan %d niveaus)"},
    {"the expression is nested too deeply (more than %d levels); split it "
     "into several indicators",
     "de expressie is te diep genest (meer dan %d niveaus); verdeel haar "
     "over meerdere indicatoren"},
    {"the expression is too large to compile",
     "de expressie is te groot om te vertalen"},
    {"the expression must be checked (expr_check) before it is evaluated",
     "de expressie moet gecontroleerd zijn (expr_check) voordat ze berekend "
     "wordt"},
    {"the fact sheet renderer",
     "de factsheetmaker"},
    {"the file contains NUL bytes (first at byte %zu), so it is binary "
     "data, not CSV text",
     "het bestand bevat NUL-bytes (de eerste op byte %zu), dus het zijn "
     "binaire gegevens, geen CSV-tekst"},
    {"the file does not exist or cannot be reached; check the path (in a recipe, paths are relative to the recipe's folder)",
     "het bestand bestaat niet of is niet bereikbaar; controleer het pad (in een recept zijn paden relatief aan de map van het recept)"},
    {"the file has no %s \"%s\"; %s: %s",
     "het bestand heeft geen %s \"%s\"; %s: %s"},
    {"the file has no column \"%s\" (named by %s in the recipe)%s; its "
     "columns are: %s",
     "het bestand heeft geen kolom \"%s\" (genoemd door %s in het "
     "recept)%s; de kolommen zijn: %s"},
    {"the file holds no vector layers (is it a raster?)",
     "het bestand bevat geen vectorlagen (is het een rasterbestand?)"},
    {"the file is JSON but not an array of records",
     "het bestand is JSON maar geen array van records"},
    {"the file is UTF-16 encoded; save it as UTF-8 (or Latin-1) text",
     "het bestand is in UTF-16 gecodeerd; sla het op als UTF-8- (of "
     "Latin-1-)tekst"},
    {"the file is UTF-32 encoded; save it as UTF-8 (or Latin-1) text",
     "het bestand is in UTF-32 gecodeerd; sla het op als UTF-8- (of "
     "Latin-1-)tekst"},
    {"the file is a ZIP archive (an .xlsx workbook is one), not CSV text; "
     "unpack it or export the sheet as CSV",
     "het bestand is een ZIP-archief (een .xlsx-werkmap is er een), geen "
     "CSV-tekst; pak het uit of exporteer het blad als CSV"},
    {"the file is empty (0 bytes); expected vector data such as GeoJSON, "
     "TopoJSON, a GeoPackage or a shapefile",
     "het bestand is leeg (0 bytes); verwacht werden vectorgegevens zoals "
     "GeoJSON, TopoJSON, een GeoPackage of een shapefile"},
    {"the file is empty (only blank lines); expected a header line and data "
     "rows",
     "het bestand is leeg (alleen lege regels); verwacht werden een "
     "kopregel en gegevensregels"},
    {"the file is empty; expected a header line and data rows",
     "het bestand is leeg; verwacht werden een kopregel en gegevensregels"},
    {"the file is gzip-compressed, not CSV text; decompress it first",
     "het bestand is met gzip gecomprimeerd, geen CSV-tekst; pak het eerst "
     "uit"},
    {"the file is mostly not text (%zu control bytes in the first %zu), so "
     "it is binary data, not CSV text",
     "het bestand is grotendeels geen tekst (%zu stuurtekens in de eerste "
     "%zu), dus het zijn binaire gegevens, geen CSV-tekst"},
    {"the file is not valid JSON: the parser stopped here with \"%s\" (is "
     "the file cut short or hand-edited?)",
     "het bestand is geen geldige JSON: de lezer stopte hier bij \"%s\" (is "
     "het bestand afgekapt of met de hand bewerkt?)"},
    {"the file is not valid JSON: the parser stopped here: %s (is the file "
     "cut short or hand-edited?)",
     "het bestand is geen geldige JSON: de lezer stopte hier: %s (is het "
     "bestand afgekapt of met de hand bewerkt?)"},
    {"the file is not valid UTF-8 (byte 0x%02X); if it was saved as Latin-1 "
     "or Windows-1252, set the encoding to latin-1",
     "het bestand is geen geldige UTF-8 (byte 0x%02X); als het als Latin-1 "
     "of Windows-1252 is opgeslagen, zet de codering op latin-1"},
    {"the file looks UTF-16 encoded (every other byte is NUL); save it as "
     "UTF-8 (or Latin-1) text",
     "het bestand lijkt in UTF-16 gecodeerd (elke tweede byte is NUL); sla "
     "het op als UTF-8- (of Latin-1-)tekst"},
    {"the file to read, relative to the recipe's folder",
     "het bestand om te lezen, ten opzichte van de map van het recept"},
    {"the files to read, such as sources: {w: {path: wijken.geojson, key: "
     "wijkcode}}",
     "de bestanden om te lezen, zoals sources: {w: {path: wijken.geojson, "
     "key: wijkcode}}"},
    {"the filter of source \"%s\" can only use its own columns (%s.column), "
     "not %s.%s",
     "het filter van bron \"%s\" kan alleen de eigen kolommen gebruiken "
     "(%s.kolom), niet %s.%s"},
    {"the filter of source \"%s\" must be a condition (for example WATER == "
     "'NEE'), not a number",
     "het filter van bron \"%s\" moet een voorwaarde zijn (bijvoorbeeld "
     "WATER == 'NEE'), geen getal"},
    {"the filter of source \"%s\" names column \"%s\", which %s does not "
     "have%s%s%s",
     "het filter van bron \"%s\" noemt kolom \"%s\", die %s niet heeft%s%s%s"},
    {"the geometry is in degrees (CRS \"%s\"): reproject it to a projected "
     "CRS in metres such as EPSG:28992 (RD New) before drawing a map",
     "de geometrie is in graden (coördinatenstelsel \"%s\"): herprojecteer "
     "haar naar een geprojecteerd stelsel in meters, zoals EPSG:28992 (RD "
     "New), voordat u een kaart tekent"},
    {"the geometry of this feature cannot be transformed from %s to %s (%zu "
     "point%s in the layer fail); check that the layer's coordinate "
     "reference system is right",
     "de geometrie van dit object kan niet omgerekend worden van %s naar %s "
     "(in de laag mislukken %zu punt%.0s(en)); controleer of het "
     "coördinatenstelsel van de laag klopt"},
    {"the geometry of this feature cannot be transformed from %s to %s; "
     "check that the layer's coordinate reference system is right",
     "de geometrie van dit object kan niet omgerekend worden van %s naar "
     "%s; controleer of het coördinatenstelsel van de laag klopt"},
    {"the geometry source \"%s\" holds %s, but the recipe's unit is %s; "
     "give geometry at the unit's level",
     "de geometriebron \"%s\" bevat %s, maar de eenheid van het recept is "
     "%s; geef geometrie op het niveau van de eenheid"},
    {"the heading of the box, such as Warmtetransitie",
     "de kop van het blok, zoals Warmtetransitie"},
    {"the indicator on the horizontal axis (such as the need)",
     "de indicator op de horizontale as (zoals de behoefte)"},
    {"the indicator on the vertical axis (such as the reach)",
     "de indicator op de verticale as (zoals het bereik)"},
    {"the indicators that make gemeenten similar, such as [inwoners, "
     "aandeel_65plus]",
     "de indicatoren die gemeenten vergelijkbaar maken, zoals [inwoners, "
     "aandeel_65plus]"},
    {"the key column \"%s\" of source \"%s\" holds no CBS region codes "
     "(GM####, WK######, BU########)%s%s; is it the right column?",
     "de sleutelkolom \"%s\" van bron \"%s\" bevat geen CBS-regiocodes "
     "(GM####, WK######, BU########)%s%s; is het de juiste kolom?"},
    {"the key column holds no CBS region codes (GM####, WK######, "
     "BU########); check the key column or the code format",
     "de sleutelkolom bevat geen CBS-regiocodes (GM####, WK######, "
     "BU########); controleer de sleutelkolom of de notatie van de codes"},
    {"the layer has no column \"%s\" with WKT geometry",
     "de laag heeft geen kolom \"%s\" met WKT-geometrie"},
    {"the layer has no coordinate reference system and its coordinates are "
     "neither longitude/latitude nor RD New metres, so it cannot be "
     "reprojected to \"%s\"; add the CRS to the file (a .prj next to a "
     "shapefile) or keep the source CRS",
     "de laag heeft geen coördinatenstelsel en de coördinaten zijn geen "
     "lengte/breedte en geen RD New-meters, dus ze kunnen niet naar \"%s\" "
     "geherprojecteerd worden; voeg het stelsel toe aan het bestand (een "
     ".prj naast een shapefile) of houd het stelsel van de bron"},
    {"the legend (%zu entries) leaves no room for the map on page %s: use "
     "fewer or shorter legend entries or a larger page",
     "de legenda (%zu items) laat geen ruimte over voor de kaart op pagina "
     "%s: gebruik minder of kortere legenda-items of een grotere pagina"},
    {"the list of fact-sheet file names",
     "de lijst met bestandsnamen van de factsheets"},
    {"the map has %zu legend entries but no legend array",
     "de kaart heeft %zu legenda-items maar geen legenda-array"},
    {"the map has context or inset rows but no geometry for them",
     "de kaart heeft context- of inzetrijen maar geen geometrie daarvoor"},
    {"the map has no geometry column to draw",
     "de kaart heeft geen geometriekolom om te tekenen"},
    {"the map has no legend entry per row (entry array missing)",
     "de kaart heeft geen legenda-item per rij (de array ontbreekt)"},
    {"the map has no rows to draw: the table is empty",
     "de kaart heeft geen rijen om te tekenen: de tabel is leeg"},
    {"the map says it has %zu classes but the legend has only %zu entries",
     "de kaart zegt %zu klassen te hebben, maar de legenda heeft maar %zu "
     "items"},
    {"the name columns, coarse to fine, such as [gemeentenaam, buurtnaam]",
     "de naamkolommen, van grof naar fijn, zoals [gemeentenaam, buurtnaam]"},
    {"the name of an indicator of the recipe",
     "de naam van een indicator uit het recept"},
    {"the number %.*s is too large",
     "het getal %.*s is te groot"},
    {"the number of classes must be between 1 and %d, got %d",
     "het aantal klassen moet tussen 1 en %d liggen, maar is %d"},
    {"the number of decimals must be between 0 and %d, got %d",
     "het aantal decimalen moet tussen 0 en %d liggen, maar is %d"},
    {"the output path is too long",
     "het uitvoerpad is te lang"},
    {"the palette %s gives 1 to %d colours, not %d; ask for fewer classes "
     "or use viridis or cividis",
     "het palet %s geeft 1 tot %d kleuren, niet %d; vraag om minder klassen "
     "of gebruik viridis of cividis"},
    {"the postcode column of the lookup table",
     "de postcodekolom van de opzoektabel"},
    {"the quote %c opened here is never closed; add a closing %c",
     "het aanhalingsteken %c dat hier opent, wordt nooit gesloten; voeg een "
     "sluitend %c toe"},
    {"the recipe expands to more than %d values through aliases (*name); "
     "use fewer nested aliases",
     "het recept groeit door aliassen (*naam) tot meer dan %d waarden; "
     "gebruik minder geneste aliassen"},
    {"the recipe failed for every gemeente (%zu); the first: %s %s",
     "het recept mislukte voor elke gemeente (%zu); de eerste: %s %s"},
    {"the recipe has no %s: key; add %s: with %s",
     "het recept heeft geen sleutel %s:; voeg %s: toe met %s"},
    {"the recipe is empty; a recipe needs at least name:, unit: and sources:",
     "het recept is leeg; een recept heeft minstens name:, unit: en "
     "sources: nodig"},
    {"the recipe is in order",
     "recept is in orde"},
    {"the recipe is larger than %ld MB; a recipe is a short text file",
     "het recept is groter dan %ld MB; een recept is een kort tekstbestand"},
    {"the recipe is nested more than %d levels deep",
     "het recept is meer dan %d niveaus diep genest"},
    {"the recipe must be a mapping of keys such as name:, unit: and "
     "sources:, but found %s",
     "het recept moet een mapping van sleutels zijn, zoals name:, unit: en "
     "sources:, maar is %s"},
    {"the region-code column of the lookup table",
     "de regiocodekolom van de opzoektabel"},
    {"the rollup of %s",
     "de rollup van %s"},
    {"the row to highlight (%ld) is not a row of the map (0 to %zu, or -1 "
     "for none)",
     "de te markeren rij (%ld) is geen rij van de kaart (0 tot en met %zu, "
     "of -1 voor geen)"},
    {"the run was interrupted by %s; the previous results are unchanged",
     "de run is onderbroken door %s; de vorige resultaten zijn ongewijzigd"},
    {"the smallest base that still gets a value, such as 20",
     "de kleinste basis die nog een waarde krijgt, zoals 20"},
    {"the source covers other areas than the units: check the area filter, "
     "or whether the source is at another level",
     "de bron beslaat andere gebieden dan de eenheden: controleer het "
     "gebiedsfilter, of de bron van een ander niveau is"},
    {"the source has no codes at this level",
     "de bron heeft geen codes op dit niveau"},
    {"the source line",
     "de bronregel"},
    {"the table from postcode to buurt code, relative to the recipe",
     "de tabel van postcode naar buurtcode, ten opzichte van het recept"},
    {"the target group, such as w.huishoudens",
     "de doelgroep, zoals w.huishoudens"},
    {"the text and drawing libraries (GLib, Pango) stopped: %s; this happens when memory or threads run out, such as under a low ulimit -v: allow more memory (or use --jobs 1)",
     "de tekst- en tekenbibliotheken (GLib, Pango) zijn gestopt: %s; dat gebeurt als geheugen of threads opraken, zoals bij een lage ulimit -v: sta meer geheugen toe (of gebruik --jobs 1)"},
    {"the text is not WKT geometry (such as \"POLYGON((...))\" or "
     "\"SRID=28992;POLYGON((...))\"): \"%.40s\"",
     "de tekst is geen WKT-geometrie (zoals \"POLYGON((...))\" of "
     "\"SRID=28992;POLYGON((...))\"): \"%.40s\""},
    {"the text is not valid UTF-8 (%s at byte %zu); save the recipe as UTF-8",
     "de tekst is geen geldige UTF-8 (%s op byte %zu); sla het recept op "
     "als UTF-8"},
    {"the title and source lines leave no room for the map on page %s",
     "de titel- en bronregels laten geen ruimte over voor de kaart op "
     "pagina %s"},
    {"the unit '%.40s' is too long for a number label",
     "de eenheid '%.40s' is te lang voor een getallabel"},
    {"the values (%g to %g) are too large for pretty breaks; use another "
     "classification method",
     "de waarden (%g tot %g) zijn te groot voor mooie grenzen; gebruik een "
     "andere indelingsmethode"},
    {"the weight expression, such as w.huishoudens",
     "de expressie voor het gewicht, zoals w.huishoudens"},
    {"the whole selection (%zu gemeenten)",
     "de hele selectie (%zu gemeenten)"},
    {"there are no shared class breaks to apply",
     "er zijn geen gedeelde klassegrenzen om toe te passen"},
    {"there are no valid values to classify: all %zu rows are missing",
     "er zijn geen geldige waarden om in te delen: alle %zu rijen ontbreken"},
    {"there is no coordinate reference system called \"%s\" (the closest "
     "name PROJ knows is \"%s\"%s%s%s%s); give an EPSG code such as "
     "\"EPSG:28992\"",
     "er is geen coördinatenstelsel dat \"%s\" heet (de naam die PROJ het "
     "dichtst in de buurt kent, is \"%s\"%s%s%s%s); geef een EPSG-code "
     "zoals \"EPSG:28992\""},
    {"there is no coordinate reference system called \"%s\"; give an EPSG "
     "code such as \"EPSG:28992\"",
     "er is geen coördinatenstelsel dat \"%s\" heet; geef een EPSG-code "
     "zoals \"EPSG:28992\""},
    {"this '(' is never closed; add ')'",
     "deze '(' wordt nooit gesloten; voeg ')' toe"},
    {"this GDAL has no GeoPackage driver",
     "deze GDAL heeft geen GeoPackage-driver"},
    {"this compares two fixed texts; compare a text column with a text, "
     "e.g. w.water == 'JA'",
     "dit vergelijkt twee vaste teksten; vergelijk een tekstkolom met een "
     "tekst, bijv. w.water == 'JA'"},
    {"this geometry has SRID %d, earlier ones %d; one column must hold one "
     "coordinate system",
     "deze geometrie heeft SRID %d, eerdere %d; een kolom moet een "
     "coördinatenstelsel hebben"},
    {"this is a directory, not a CSV file; name the file itself",
     "dit is een map, geen CSV-bestand; noem het bestand zelf"},
    {"this is not a regular file (a device, FIFO or socket); name a CSV "
     "file on disk",
     "dit is geen gewoon bestand (een apparaat, FIFO of socket); noem een "
     "CSV-bestand op schijf"},
    {"this is not a regular file (a device, FIFO or socket); name a data "
     "file on disk",
     "dit is geen gewoon bestand (een apparaat, FIFO of socket); noem een "
     "gegevensbestand op schijf"},
    {"this line has %u fields, but the header has %zu (field %zu holds "
     "\"%s\"); check the delimiter, or quote values that contain it",
     "deze regel heeft %u velden, maar de kopregel heeft er %zu (veld %zu "
     "bevat \"%s\"); controleer het scheidingsteken, of zet waarden die het "
     "bevatten tussen aanhalingstekens"},
    {"this line has more than %d fields, the most dnawijk reads (as Excel); "
     "check the delimiter, or split the file",
     "deze regel heeft meer dan %d velden, het maximum dat dnawijk leest "
     "(zoals Excel); controleer het scheidingsteken, of splits het bestand"},
    {"this line has only %u fields, but the header has %zu; the line is cut "
     "off or not delimited like the others",
     "deze regel heeft maar %u velden, maar de kopregel heeft er %zu; de "
     "regel is afgekapt of niet zo gescheiden als de andere"},
    {"this number has more than 100 characters",
     "dit getal heeft meer dan 100 tekens"},
    {"those reached, such as bezoeken.households",
     "de bereikten, zoals bezoeken.households"},
    {"true, false or {dialect: international, xlsx: false}",
     "true, false of {dialect: international, xlsx: false}"},
    {"two %s are named \"%s\" (the other at line %ld), but each needs its "
     "own file name; give one of them another name",
     "twee %s heten \"%s\" (de andere op regel %ld), maar elk heeft een "
     "eigen bestandsnaam nodig; geef een van beide een andere naam"},
    {"unexpected %s after %s; expected %s",
     "onverwacht %s na %s; verwacht werd %s"},
    {"unexpected %s at the start; expected %s",
     "onverwacht %s aan het begin; verwacht werd %s"},
    {"unexpected ')': there is no '(' for it to close",
     "onverwachte ')': er is geen '(' die ze sluit"},
    {"unexpected YAML structure here",
     "onverwachte YAML-structuur hier"},
    {"unexpected character '%.*s'; a column name with characters other than "
     "letters, digits and _ must be quoted, e.g. w.\"%.*s\"",
     "onverwacht teken '%.*s'; een kolomnaam met andere tekens dan letters, "
     "cijfers en _ moet tussen aanhalingstekens, bijv. w.\"%.*s\""},
    {"unexpected character '%c'",
     "onverwacht teken '%c'"},
    {"unexpected control character (code %d)",
     "onverwacht stuurteken (code %d)"},
    {"unexpected end of the expression after %s; expected %s",
     "onverwacht einde van de expressie na %s; verwacht werd %s"},
    {"unit codes",
     "eenheidscodes"},
    {"unit names",
     "eenheidsnamen"},
    {"units",
     "eenheden"},
    {"unknown catalog entry \"%s\" (looked in %s%s%s)",
     "onbekend catalogusitem \"%s\" (gezocht in %s%s%s)"},
    {"unknown classification method %d",
     "onbekende indelingsmethode %d"},
    {"unknown classification method '%s'; use one of quantile, equal "
     "(equal_interval), jenks (fisher_jenks, natural_breaks), headtail "
     "(head_tail), stddev (sd), pretty or manual",
     "onbekende indelingsmethode '%s'; gebruik een van quantile, equal "
     "(equal_interval), jenks (fisher_jenks, natural_breaks), headtail "
     "(head_tail), stddev (sd), pretty of manual"},
    {"unknown colour palette '%s'; use one of %s",
     "onbekend kleurenpalet '%s'; gebruik een van %s"},
    {"unknown column %s in source %s%s%s",
     "onbekende kolom %s in bron %s%s%s"},
    {"unknown column %s in source %s; %s",
     "onbekende kolom %s in bron %s; %s"},
    {"unknown command \"%s\"",
     "onbekende opdracht \"%s\""},
    {"unknown encoding \"%s\"; use \"utf-8\" or \"latin-1\" (or leave it "
     "out to detect it)",
     "onbekende codering \"%s\"; gebruik \"utf-8\" of \"latin-1\" (of laat "
     "het weg om het te herkennen)"},
    {"unknown function %s(); %s",
     "onbekende functie %s(); %s"},
    {"unknown function %s(); the functions are if, coalesce, min, max, "
     "clamp, round, floor, ceil, log, log10, exp, sqrt, abs, pct_of, rank, "
     "rank_desc, percentile, zscore, share, sum_area, mean_area, min_area, "
     "max_area and count_area",
     "onbekende functie %s(); de functies zijn if, coalesce, min, max, "
     "clamp, round, floor, ceil, log, log10, exp, sqrt, abs, pct_of, rank, "
     "rank_desc, percentile, zscore, share, sum_area, mean_area, min_area, "
     "max_area en count_area"},
    {"unknown indicator %s (a name without a dot refers to another "
     "indicator; a column is written source.column, e.g. w.%s)",
     "onbekende indicator %s (een naam zonder punt verwijst naar een andere "
     "indicator; een kolom schrijft u als bron.kolom, bijv. w.%s)"},
    {"unknown indicator %s; %s",
     "onbekende indicator %s; %s"},
    {"unknown key \"%s\" at the top of the recipe",
     "onbekende sleutel \"%s\" bovenaan het recept"},
    {"unknown key \"%s\" in %s",
     "onbekende sleutel \"%s\" in %s"},
    {"unknown key \"%s\" in area",
     "onbekende sleutel \"%s\" in area"},
    {"unknown kind \"%s\"; use count, percentage, mean, share, code or name",
     "onbekend kind \"%s\"; gebruik count, percentage, mean, share, code of "
     "name"},
    {"unknown language '%s' for numbers; use nl or en",
     "onbekende taal '%s' voor getallen; gebruik nl of en"},
    {"unknown map format %d: use MAP_PNG, MAP_PDF or MAP_SVG",
     "onbekend kaartformaat %d: gebruik MAP_PNG, MAP_PDF of MAP_SVG"},
    {"unknown map language \"%s\": use \"nl\" or \"en\"",
     "onbekende kaarttaal \"%s\": gebruik \"nl\" of \"en\""},
    {"unknown option \"%s\"",
     "onbekende optie \"%s\""},
    {"unknown option \"%s\" for inspect",
     "onbekende optie \"%s\" voor inspect"},
    {"unknown output format %d",
     "onbekend uitvoerformaat %d"},
    {"unknown page size \"%s\": use A4, A3 (or A5, A2) or WIDTHxHEIGHT in "
     "pixels such as 1600x1200",
     "onbekende paginagrootte \"%s\": gebruik A4, A3 (of A5, A2) of "
     "BREEDTExHOOGTE in pixels, zoals 1600x1200"},
    {"unknown province \"%s\"%s%s%s; the provinces are: %s (or their codes "
     "PV20 to PV31)",
     "onbekende provincie \"%s\"%s%s%s; de provincies zijn: %s (of hun "
     "codes PV20 tot en met PV31)"},
    {"unknown source %s in %s%s%s",
     "onbekende bron %s in %s%s%s"},
    {"unknown source %s in %s; %s",
     "onbekende bron %s in %s; %s"},
    {"value %zu to classify is not a finite number (%g); it should have "
     "been marked missing",
     "waarde %zu om in te delen is geen eindig getal (%g); die had als "
     "ontbrekend gemarkeerd moeten zijn"},
    {"values",
     "waarden"},
    {"values to classify",
     "waarden om in te delen"},
    {"weight in %s applies only to rollup: weighted_mean; remove it or set "
     "that rollup",
     "weight in %s geldt alleen voor rollup: weighted_mean; verwijder het "
     "of stel die rollup in"},
    {"weight of %s",
     "weight van %s"},
    {"weight of source \"%s\"",
     "weight van bron \"%s\""},
    {"weight points",
     "weegpunten"},
    {"weight: in %s applies to join: overlay only",
     "weight: in %s geldt alleen bij join: overlay"},
    {"with %s",
     "met %s"},
    {"with indicator %s the tables of indicators.gpkg would get more than "
     "%d columns, the most a GeoPackage (SQLite) table holds; use fewer "
     "indicators, split the recipe, or leave out the GeoPackage (outputs)",
     "met indicator %s zouden de tabellen van indicators.gpkg meer dan %d "
     "kolommen krijgen, het maximum van een GeoPackage-tabel (SQLite); "
     "gebruik minder indicatoren, splits het recept, of laat het GeoPackage "
     "weg (outputs)"},
    {"write",
     "schrijven"},
    {"writing the manifest failed",
     "het schrijven van het manifest is mislukt"},
    {"writing the results failed without a message; memory probably ran out (allow more, or use --jobs 1)",
     "het schrijven van de resultaten is mislukt zonder melding; waarschijnlijk was het geheugen op (sta meer toe, of gebruik --jobs 1)"},
    {"writing the workbook failed: %s",
     "het schrijven van de werkmap is mislukt: %s"},
    {"x: and y: in %s need type: bivariate",
     "x: en y: in %s hebben type: bivariate nodig"},
};

const size_t err_nl_count = sizeof err_nl_pairs / sizeof err_nl_pairs[0];
