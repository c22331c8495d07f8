/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-bounds.c — the one safe XML reader (lode-xml-reader.c) under input that is small on
 * disk but costly to parse, and files that are not regular files (issue #16 items 2, 3, 4
 * and 9). The big inputs are generated here, not stored in the tree. Each would have hung, run
 * for seconds to minutes or used hundreds of MB before the bounds; now each is refused with a
 * message that names the line, the element and the limit. tests/bench-hostile.c measures the
 * time and memory of the same inputs.
 */
#define G_LOG_DOMAIN "test-bounds"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hostile-inputs.h"
#include "lode-scenario-io.h"
#include "lode-xml-reader.h"

static LodeDataset *dataset;

static void
assert_refused (GBytes     *bytes,
                const char *name,
                int         code,
                long        line,
                const char * const *needles,
                const char * const *not_needles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  gint64 start = g_get_monotonic_time ();

  scenario = lode_scenario_load_from_bytes (dataset, bytes, name, &error);
  g_test_message ("%s (%lu bytes) → %s (%" G_GINT64_FORMAT " µs)", name,
                  (unsigned long) g_bytes_get_size (bytes),
                  error != NULL ? error->message : "(loaded)", g_get_monotonic_time () - start);
  g_assert_null (scenario);
  g_assert_error (error, LODE_SCENARIO_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* One short line, whatever the input's size. */
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_assert_null (strchr (error->message, '\n'));
  if (line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s:%ld: ", name, line);

      g_assert_true (g_str_has_prefix (error->message, where));
    }
  else
    g_assert_true (g_str_has_prefix (error->message, name));
  for (guint i = 0; needles != NULL && needles[i] != NULL; i++)
    if (strstr (error->message, needles[i]) == NULL)
      g_error ("“%s” not in “%s”", needles[i], error->message);
  for (guint i = 0; not_needles != NULL && not_needles[i] != NULL; i++)
    if (strstr (error->message, not_needles[i]) != NULL)
      g_error ("“%s” in “%s”", not_needles[i], error->message);
}

/* ------------------------------------------------------------------------------------------ */
/* Item 3: small on disk, costly to parse                                                      */

typedef struct
{
  const char *name;
  int         code;
  long        line;
  const char *needles[5];   /* NULL-terminated */
} BoundCase;

static void
test_costly (void)
{
  /* Line 3 is the element the hostile part starts on (see hostile-inputs.h). */
  static const BoundCase cases[] = {
    { "attributes-100k", LODE_SCENARIO_ERROR_TOO_LARGE, 3,
      { "element <metadata>", "more than 16 attributes" } },
    { "xmlns-200k", LODE_SCENARIO_ERROR_TOO_LARGE, 3,
      { "element <metadata>", "more than 8 XML namespaces" } },
    { "elements-3.9M", LODE_SCENARIO_ERROR_TOO_LARGE, 0, { "more than 4096 elements" } },
    { "comments-2M", LODE_SCENARIO_ERROR_TOO_LARGE, 0,
      { "more than 1024 comments, processing instructions" } },
    { "user-projects-100k", LODE_SCENARIO_ERROR_TOO_LARGE, 0, { "more than 4096 elements" } },
    { "title-10MiB", LODE_SCENARIO_ERROR_TOO_LARGE, 4,
      { "element <title>", "10 MiB", "256 KiB" } },
    { "attribute-15MB", LODE_SCENARIO_ERROR_TOO_LARGE, 3,
      { "element <metadata>", "lang=\"xxxxxxxx", "15 MiB", "256 KiB" } },
    { "name-1MiB", LODE_SCENARIO_ERROR_TOO_LARGE, 3, { "1048576 bytes", "256 bytes" } },
  };
  const char *not_huge[] = { "Huge input lookup", "internal error", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = lode_hostile_input (cases[i].name);
      g_autofree char *file = g_strconcat (cases[i].name, ".lodestone", NULL);

      g_assert_nonnull (bytes);
      assert_refused (bytes, file, cases[i].code, cases[i].line, cases[i].needles, not_huge);
    }
}

/* Up to the bounds everything still loads: a scenario with as many attributes, namespace
 * declarations, comments and as long a text as allowed. */
static void
test_within_bounds (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!--a-->\n<scenario xmlns=\""
                                LODE_SCENARIO_NAMESPACE "\" format-version=\"1\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = NULL;

  for (guint i = 2; i < LODE_SCENARIO_MAX_NAMESPACES; i++)
    g_string_append_printf (text, " xmlns:n%u=\"urn:n%u\"", i, i);
  g_string_append (text, ">\n  <metadata><title>");
  for (guint i = 0; i < LODE_SCENARIO_MAX_TITLE_CHARS; i++)
    g_string_append (text, "é");
  g_string_append (text, "</title></metadata>\n");
  for (guint i = 2; i < LODE_SCENARIO_MAX_MARKUP; i++)
    g_string_append (text, "<!-- a comment -->");
  g_string_append (text, "\n  <dataset id=\"reference-2024\" version=\"1.0\"/>\n"
                         "  <levers/>\n</scenario>\n");
  bytes = g_string_free_to_bytes (text);

  scenario = lode_scenario_load_from_bytes (dataset, bytes, "full.lodestone", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (lode_scenario_get_title (scenario), -1), ==,
                   LODE_SCENARIO_MAX_TITLE_CHARS);
}

/* ------------------------------------------------------------------------------------------ */
/* Item 9: messages that name the element, the attribute, the value and the range             */

static GBytes *
scenario_with (const char *inside)
{
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<scenario xmlns=\"" LODE_SCENARIO_NAMESPACE "\" format-version=\"1\">\n"
    "  <metadata><title>T</title></metadata>\n"
    "  <dataset id=\"reference-2024\" version=\"1.0\"/>\n"
    "%s\n"
    "</scenario>\n", inside);

  return g_bytes_new (text, strlen (text));
}

static void
test_messages (void)
{
  static const struct
  {
    const char *inside;
    long        line;
    const char *needles[4];       /* NULL-terminated */
    const char *not_needles[3];
  } cases[] = {
    /* Out-of-range horizon: once "failed to validate attributes". */
    { "  <horizon year=\"20400\"/>\n  <levers/>", 5,
      { "element <horizon>: year=\"20400\"", "2025 to 2060" }, { "failed to validate" } },
    { "  <levers/>\n  <view selected-year=\"20x0\"/>", 6,
      { "element <view>: selected-year=\"20x0\"", "2024 to 2060" }, { "failed to validate" } },
    /* A user project's attribute: once blamed on its <name>. libxml2 counts an element from
     * the line its start tag ends on. */
    { "  <levers/>\n  <user-projects>\n"
      "    <user-project id=\"p\" stage=\"mine\" region=\"US\" capacity=\"lots\"\n"
      "                  online-year=\"2030\" capex-musd=\"10\">\n"
      "      <name>Plant</name>\n    </user-project>\n  </user-projects>", 8,
      { "element <user-project>: capacity=\"lots\"", "0 to 10000000" },
      { "<name>", "failed to validate" } },
    { "  <levers/>\n  <user-projects>\n"
      "    <user-project id=\"p\" stage=\"smelter\" region=\"US\" capacity=\"5\"\n"
      "                  online-year=\"2030\" capex-musd=\"10\">\n"
      "      <name>Plant</name>\n    </user-project>\n  </user-projects>", 8,
      { "element <user-project>: stage=\"smelter\"", "mine separation metal magnet" },
      { "<name>" } },
    { "  <levers/>\n  <regions><region id=\"US\" ally=\"maybe\"/></regions>", 6,
      { "element <region>: ally=\"maybe\"", "true false" } },
    /* A lever id the schema refuses is not an unknown lever from a newer Lodestone. */
    { "  <levers><lever id=\"Fund..Size\" value=\"1\"/></levers>", 5,
      { "element <lever>: id=\"Fund..Size\"", "not a lever id" },
      { "newer", "failed to validate" } },
    /* A missing attribute: once only "failed to validate attributes". */
    { "  <levers/>\n  <user-projects>\n"
      "    <user-project id=\"p\" stage=\"mine\" region=\"US\" capacity=\"5\"\n"
      "                  online-year=\"2030\">\n"
      "      <name>Plant</name>\n    </user-project>\n  </user-projects>", 8,
      { "element <user-project>: the attribute capex-musd is missing" }, { "<name>" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = scenario_with (cases[i].inside);

      assert_refused (bytes, "message.lodestone", LODE_SCENARIO_ERROR_VALUE, cases[i].line,
                      cases[i].needles, cases[i].not_needles);
    }

  /* Too long a title, by the schema's own count of characters. */
  {
    g_autofree char *title = g_strnfill (LODE_SCENARIO_MAX_TITLE_CHARS + 1, 't');
    g_autofree char *text = g_strdup_printf (
      "<?xml version=\"1.0\"?>\n"
      "<scenario xmlns=\"" LODE_SCENARIO_NAMESPACE "\" format-version=\"1\">\n"
      "  <metadata><title>%s</title></metadata>\n"
      "  <dataset id=\"reference-2024\" version=\"1.0\"/>\n  <levers/>\n</scenario>\n", title);
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
    const char *needles[] = { "element <title>", "201 characters", "at most 200", NULL };

    assert_refused (bytes, "long-title.lodestone", LODE_SCENARIO_ERROR_VALUE, 3, needles, NULL);
  }

  /* Too long a number is too long, not "not a plain decimal number". */
  {
    g_autofree char *zeros = g_strnfill (LODE_SCENARIO_MAX_NUMBER_CHARS, '0');
    g_autofree char *inside = g_strdup_printf (
      "  <levers/>\n  <user-projects>\n"
      "    <user-project id=\"p\" stage=\"mine\" region=\"US\" capacity=\"5.%s\"\n"
      "                  online-year=\"2030\" capex-musd=\"10\">\n"
      "      <name>Plant</name>\n    </user-project>\n  </user-projects>", zeros);
    g_autoptr(GBytes) bytes = scenario_with (inside);
    g_autofree char *length = g_strdup_printf ("%d characters long",
                                               LODE_SCENARIO_MAX_NUMBER_CHARS + 2);
    const char *needles[] = { "element <user-project>: capacity=\"5.000", length,
                              "at most 256", NULL };
    const char *not_needles[] = { "plain decimal", NULL };

    assert_refused (bytes, "long-number.lodestone", LODE_SCENARIO_ERROR_VALUE, 8, needles,
                    not_needles);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Item 2: only regular files are opened                                                       */

static void
assert_not_regular (const char *path,
                    const char *kind)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(LodeDataset) other = NULL;

  scenario = lode_scenario_load_from_file (dataset, file, NULL, &error);
  g_test_message ("%s → %s", path, error != NULL ? error->message : "(loaded)");
  g_assert_null (scenario);
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, kind));
  g_assert_nonnull (strstr (error->message, "regular files"));
  g_clear_error (&error);

  /* The dataset reader is the same reader. */
  other = lode_dataset_new_from_file (file, &error);
  g_assert_null (other);
  g_assert_error (error, LODE_DATASET_ERROR, LODE_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, kind));
}

static void
test_not_regular (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-bounds-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "f.lodestone", NULL);
  g_autofree char *link = g_build_filename (dir, "link.lodestone", NULL);

  g_assert_no_error (error);
  /* A FIFO with no writer: opening it used to wait forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_not_regular (fifo, "named pipe");
  /* Through a link: what counts is what was opened. */
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  assert_not_regular (link, "named pipe");
  assert_not_regular ("/dev/zero", "device");
  assert_not_regular (dir, "folder");

  g_unlink (link);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* The dataset: the same bounds, and its schema compiled once, never for the built-in copy     */

static void
test_dataset_schema_once (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodeDataset) builtin = lode_dataset_load_default (&error);
      g_autoptr(GBytes) bytes = NULL;

      /* Start-up compiles no schema: the built-in dataset is validated by the tests. */
      g_assert_no_error (error);
      g_assert_cmpuint (lode_xml_n_schemas_compiled (), ==, 0);

      /* A dataset from elsewhere is validated, with the schema compiled once. */
      bytes = g_resources_lookup_data (LODE_DATASET_DEFAULT_RESOURCE, 0, NULL);
      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(LodeDataset) copy = lode_dataset_new_from_bytes (bytes, "copy.xml", &error);

          g_assert_no_error (error);
          g_assert_nonnull (copy);
        }
      g_assert_cmpuint (lode_xml_n_schemas_compiled (), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The built-in dataset, as compiled into the program, matches its schema (#14: validated once,
 * at build time, by this test). */
static void
test_builtin_dataset_valid (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (LODE_DATASET_DEFAULT_RESOURCE, 0, NULL);
  g_autoptr(GBytes) scenario_bytes = NULL;
  g_auto(LodeXmlProblem) problem = { 0, };
  g_autoptr(xmlDoc) doc = NULL;
  LodeXmlLimits limits = {
    .max_bytes = 4 * 1024 * 1024, .max_depth = 32, .max_elements = 20000,
    .max_attributes = 32, .max_namespaces = 8, .max_markup = 4096,
    .max_field_bytes = 256 * 1024,
    .schema_resource = "/io/github/lodestone/Lodestone/data/reference-2024.rng",
  };

  g_assert_nonnull (bytes);
  doc = lode_xml_parse (&limits, bytes, &problem);
  g_assert_nonnull (doc);
  if (!lode_xml_validate (&limits, doc, &problem))
    g_error ("reference-2024.xml:%ld: %s", problem.line, problem.message);

  /* And a scenario document does not match the dataset's schema. */
  scenario_bytes = g_resources_lookup_data (
    "/io/github/lodestone/Lodestone/data/scenarios/baseline.lodestone", 0, NULL);
  g_clear_pointer (&doc, xmlFreeDoc);
  doc = lode_xml_parse (&limits, scenario_bytes, &problem);
  g_assert_nonnull (doc);
  g_assert_false (lode_xml_validate (&limits, doc, &problem));
  g_assert_cmpint (problem.kind, ==, LODE_XML_PROBLEM_INVALID);
  g_assert_cmpstr (problem.element, ==, "scenario");
}

static void
test_dataset_bounds (void)
{
  g_autoptr(GBytes) bytes = lode_hostile_input ("attributes-100k");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) other = lode_dataset_new_from_bytes (bytes, "d.xml", &error);

  g_assert_null (other);
  g_assert_error (error, LODE_DATASET_ERROR, LODE_DATASET_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "d.xml, line 3: element <metadata>"));
  g_assert_nonnull (strstr (error->message, "more than 32 attributes"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/lode/bounds/costly", test_costly);
  g_test_add_func ("/lode/bounds/within-bounds", test_within_bounds);
  g_test_add_func ("/lode/bounds/messages", test_messages);
  g_test_add_func ("/lode/bounds/not-regular", test_not_regular);
  g_test_add_func ("/lode/bounds/dataset-schema-once", test_dataset_schema_once);
  g_test_add_func ("/lode/bounds/builtin-dataset-valid", test_builtin_dataset_valid);
  g_test_add_func ("/lode/bounds/dataset-bounds", test_dataset_bounds);

  status = g_test_run ();
  lode_dataset_unref (dataset);
  return status;
}
