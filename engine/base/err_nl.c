/* err_nl.c - the language of error messages: Dutch for the command line
 * by default, English with --lang en (and in the library, so that tests
 * and embedders see stable English). The one table below maps the most
 * common English message formats to Dutch ones with the same printf
 * conversions in the same order (tests/unit/test_err.c checks that);
 * err_set*, rcp_fail and expr_err_at look their format up through
 * err_tr(). Messages not in the table stay English. */
#include "err.h"

#include <string.h>

static err_lang language = ERR_LANG_EN;

static const char *const table[][2] = {
    /* files */
    {"cannot open the recipe: %s", "kan het recept niet openen: %s"},
    {"cannot read the recipe: %s", "kan het recept niet lezen: %s"},
    {"cannot open the file (%s); check the path (in a recipe, paths are "
     "relative to the recipe's folder)",
     "kan het bestand niet openen (%s); controleer het pad (in een recept "
     "zijn paden relatief aan de map van het recept)"},
    {"the file does not exist or cannot be reached; check the path (in a "
     "recipe, paths are relative to the recipe's folder)",
     "het bestand bestaat niet of is niet bereikbaar; controleer het pad (in "
     "een recept zijn paden relatief aan de map van het recept)"},
    {"cannot read the file (%s)", "kan het bestand niet lezen (%s)"},
    {"Cannot open the file: %s.", "Kan het bestand niet openen: %s."},
    {"Cannot read the file: %s.", "Kan het bestand niet lezen: %s."},
    {"cannot create the file: %s", "kan het bestand niet maken: %s"},
    {"cannot create the folder: %s", "kan de map niet maken: %s"},
    {"cannot create the folder", "kan de map niet maken"},
    {"GDAL cannot open this file as vector data: %s",
     "GDAL kan dit bestand niet als vectordata openen: %s"},
    {"no such column in this file", "deze kolom staat niet in het bestand"},
    {"out of memory while allocating %s", "geen geheugen meer voor %s"},
    {"cannot write the PDF file: %s", "kan het PDF-bestand niet schrijven: %s"},
    {"the text and drawing libraries (GLib, Pango) stopped: %s; this happens "
     "when memory or threads run out, such as under a low ulimit -v: allow "
     "more memory (or use --jobs 1)",
     "de tekst- en tekenbibliotheken (GLib, Pango) zijn gestopt: %s; dat "
     "gebeurt als geheugen of threads opraken, zoals bij een lage ulimit -v: "
     "sta meer geheugen toe (of gebruik --jobs 1)"},
    {"the disk is full (No space left on device)",
     "de schijf is vol (No space left on device)"},
    {"the disk quota is used up (Disk quota exceeded)",
     "het schijfquotum is op (Disk quota exceeded)"},
    /* the command line */
    {"unknown command \"%s\"", "onbekende opdracht \"%s\""},
    {"unknown option \"%s\"", "onbekende optie \"%s\""},
    {"unknown option \"%s\" for inspect", "onbekende optie \"%s\" voor inspect"},
    {"one recipe at a time", "een recept tegelijk"},
    {"inspect takes one file", "inspect neemt een bestand"},
    {"--lang takes nl or en", "--lang neemt nl of en"},
    /* recipe structure */
    {"unknown key \"%s\" in %s", "onbekende sleutel \"%s\" in %s"},
    {"unknown key \"%s\" at the top of the recipe",
     "onbekende sleutel \"%s\" bovenaan het recept"},
    {"; did you mean \"%s\"?", "; bedoelt u \"%s\"?"},
    {" Allowed keys: ", " Toegestane sleutels: "},
    {"; allowed keys: ", "; toegestane sleutels: "},
    {"%s needs a value: %s", "%s heeft een waarde nodig: %s"},
    {"%s must be one of %s, but found \"%s\"",
     "%s moet een van %s zijn, maar is \"%s\""},
    {"%s must be one of %s, but found %s", "%s moet een van %s zijn, maar is %s"},
    {", but found %s", ", maar is %s"},
    {"%s must be true or false, but found %s",
     "%s moet true of false zijn, maar is %s"},
    {"%s must be between %ld and %ld, but found %ld",
     "%s moet tussen %ld en %ld liggen, maar is %ld"},
    {"%s is given twice (also at line %ld); keep one of them",
     "%s staat er twee keer (ook op regel %ld); houd er een"},
    {"the recipe is empty; a recipe needs at least name:, unit: and sources:",
     "het recept is leeg; een recept heeft minstens name:, unit: en sources: "
     "nodig"},
    /* expressions */
    {"unknown column %s in source %s; %s",
     "onbekende kolom %s in bron %s; %s"},
    {"unknown column %s in source %s%s%s", "onbekende kolom %s in bron %s%s%s"},
    {"unknown source %s in %s; %s", "onbekende bron %s in %s; %s"},
    {"unknown source %s in %s%s%s", "onbekende bron %s in %s%s%s"},
    {"unknown function %s(); %s", "onbekende functie %s(); %s"},
    {"%s (at character %zu of the expression)",
     "%s (bij teken %zu van de expressie)"},
    {"column %s could not be resolved", "kolom %s is niet te vinden"},
};

void err_set_language(err_lang l) { language = l; }

err_lang err_language(void) { return language; }

const char *err_tr(const char *fmt)
{
    if (language != ERR_LANG_NL || !fmt)
        return fmt;
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (!strcmp(table[k][0], fmt))
            return table[k][1];
    return fmt;
}

size_t err_tr_table(const char *const (**pairs)[2])
{
    *pairs = table;
    return sizeof table / sizeof table[0];
}
