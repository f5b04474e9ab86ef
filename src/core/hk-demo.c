/* hk-demo.c: deterministic synthetic casework for demos, tests and benchmarks
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every name, number and event here is invented. NHS numbers come from the
 * 999 range, which is never issued to patients.
 */
#include "config.h"

#include <string.h>

#include "hearken/hk-demo.h"
#include "hk-vault-private.h"

#define CASES_PER_BATCH 25

static const char *first_names[] = {
  "Margaret", "Arthur", "Doreen", "Kwame", "Priya", "Stanley", "Aisha", "Brian", "Eileen", "Tomasz",
  "Winifred", "Desmond", "Farida", "Gareth", "Hyacinth", "Ivor", "Joan", "Kofi", "Lorna", "Mohammed",
  "Nora", "Owen", "Parveen", "Reginald", "Sinead", "Terence", "Una", "Vernon", "Wai Ling", "Yusuf",
};

static const char *surnames[] = {
  "Ashworth", "Bannerjee", "Clegg", "Dlamini", "Evans", "Fairclough", "Gallagher", "Hussain", "Iqbal",
  "Jenkins", "Kowalski", "Lomax", "McAllister", "Nwosu", "O'Leary", "Pemberton", "Quayle", "Rahman",
  "Sutcliffe", "Thackeray", "Umeh", "Varga", "Whitworth", "Yardley", "Zielinski",
};

static const char *streets[] = {
  "Acacia Avenue", "Mill Lane", "Chapel Street", "Station Road", "Victoria Terrace", "Coronation Close",
  "Beech Grove", "Canal Side", "Wellington Road", "Orchard Way",
};

static const char *towns[] = {
  "Eastbridge", "Holmfirth Vale", "Kingsmere", "Lowford", "Netherby", "Oakbury",
};

static const char *communication[] = {
  "", "", "", "Hard of hearing: face her and speak clearly; hearing aid in left ear.",
  "Prefers Urdu; arrange an interpreter.", "Uses Makaton with familiar people.",
  "Short sentences and one question at a time; memory difficulties.", "Reads large print.",
  "Prefers written summaries after each visit.",
};

static const char *relationships[] = {
  "Daughter", "Son", "Niece", "Friend", "Neighbour", "Partner", "Brother",
};

static const char *summaries[] = {
  "Concern raised by the home care agency about unexplained bruising.",
  "Neighbour reported that the person has not been seen for several days and post is piling up.",
  "GP practice concerned about withdrawals from the person's bank account by a family member.",
  "Care home reported a medication error and a fall that was not escalated.",
  "Person disclosed to the district nurse that a lodger is taking money and shouting at them.",
  "Self-neglect: hoarding and no heating over the winter; person declines support.",
  "Day centre staff noticed weight loss and missed attendance.",
  "Anonymous report of a door-to-door trader returning repeatedly.",
};

/* Before and after the person's name. */
static const char *note_openers[][2] = {
  { "Spoke with ", " at home." },
  { "Telephoned ", " as agreed last week." },
  { "Met ", " at the day centre with a member of staff present." },
  { "Visited ", " with the district nurse." },
  { "Attended the multi-agency meeting about ", "." },
  { "Spoke with the representative of ", " about the concerns." },
};

static const char *note_middles[] = {
  "Explained why I was there and that the conversation was about what they want to happen.",
  "They said they want to stay in their own home and feel safe there.",
  "They told me they do not want the police involved at this stage.",
  "Asked what a good outcome would look like; they said \"I just want him to stop coming round\".",
  "Talked through the options, including changing the locks and a call alarm.",
  "They were tired today, so I kept the visit short and agreed to come back on Thursday.",
  "Home was warm and tidy; fridge had food in it; medication dosette up to date.",
  "They asked for help with managing their money and agreed to a referral to the money advice service.",
  "Discussed whether they would like an advocate; they will think about it and let me know.",
  "Their daughter was present for part of the conversation at their request.",
  "Checked their understanding of the plan; they could explain it back in their own words.",
  "No new injuries seen. They said things have been calmer this week.",
};

static const char *note_closers[] = {
  "Agreed next steps and left my contact details.",
  "Will update the team manager in supervision.",
  "Next visit booked for next week.",
  "Will write to them with a summary, as they asked.",
  "Actions: contact the bank's vulnerable customer team; chase the GP letter.",
};

static const char *note_kinds[] = { "conversation", "conversation", "visit", "visit", "phone_call", "meeting", "other" };

static const char *
pick (GRand       *rand,
      const char **list,
      guint        n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}
#define PICK(r, list) pick ((r), (list), G_N_ELEMENTS (list))

static char *
synthetic_nhs_number (GRand *rand)
{
  for (;;)
    {
      char digits[11];
      int sum = 0, check;

      digits[0] = digits[1] = digits[2] = '9';
      for (guint i = 3; i < 9; i++)
        digits[i] = '0' + g_rand_int_range (rand, 0, 10);
      for (guint i = 0; i < 9; i++)
        sum += (digits[i] - '0') * (int) (10 - i);
      check = 11 - (sum % 11);
      if (check == 11)
        check = 0;
      if (check == 10)
        continue;
      digits[9] = '0' + check;
      digits[10] = '\0';
      return g_strdup_printf ("%.3s %.3s %.4s", digits, digits + 3, digits + 6);
    }
}

static GVariant *
person_fields (GRand *rand)
{
  GVariantDict d;
  const char *first = PICK (rand, first_names);
  const char *surname = PICK (rand, surnames);
  g_autofree char *name = g_strdup_printf ("%s %s", first, surname);
  g_autofree char *dob = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1928, 2003),
                                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  g_autofree char *nhs = synthetic_nhs_number (rand);
  g_autofree char *address = g_strdup_printf ("%d %s\n%s", g_rand_int_range (rand, 1, 180),
                                              PICK (rand, streets), PICK (rand, towns));
  g_autofree char *ref = g_strdup_printf ("DEMO-%06d", g_rand_int_range (rand, 0, 1000000));
  const char *comm = PICK (rand, communication);

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "name", "s", name);
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_variant_dict_insert (&d, "preferred_name", "s", first);
  g_variant_dict_insert (&d, "date_of_birth", "s", dob);
  g_variant_dict_insert (&d, "nhs_number", "s", nhs);
  g_variant_dict_insert (&d, "local_ref", "s", ref);
  g_variant_dict_insert (&d, "address", "s", address);
  g_variant_dict_insert (&d, "contact", "s", "Landline 01632 960000 (fictional)");
  if (*comm)
    g_variant_dict_insert (&d, "communication_needs", "s", comm);
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *rep = g_strdup_printf ("%s %s", PICK (rand, first_names), surname);
      g_variant_dict_insert (&d, "representative_name", "s", rep);
      g_variant_dict_insert (&d, "representative_relationship", "s", PICK (rand, relationships));
    }
  return g_variant_dict_end (&d);
}

static char *
note_text (GRand      *rand,
           const char *name)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 5);

  guint opener = g_rand_int_range (rand, 0, G_N_ELEMENTS (note_openers));

  g_string_append_printf (text, "%s%s%s", note_openers[opener][0], name, note_openers[opener][1]);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, " %s", PICK (rand, note_middles));
  g_string_append_printf (text, "\n\n%s", PICK (rand, note_closers));
  return g_string_free (text, FALSE);
}

static char *
format_local (GDateTime *dt)
{
  return g_date_time_format (dt, "%FT%T%:z");
}

gboolean
hk_demo_populate (HkVault   *vault,
                  guint      n_cases,
                  guint      notes_per_case,
                  guint32    seed,
                  void     (*progress) (guint done, guint total, gpointer user_data),
                  gpointer   user_data,
                  GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (HK_IS_VAULT (vault), FALSE);

  for (guint done = 0; done < n_cases;)
    {
      guint batch_end = MIN (n_cases, done + CASES_PER_BATCH);

      if (!hk_vault_begin_batch (vault, error))
        return FALSE;
      for (; done < batch_end; done++)
        {
          g_autoptr(HkRecord) person = NULL;
          g_autoptr(HkRecord) kase = NULL;
          g_autoptr(GDateTime) opened = NULL;
          g_autofree char *opened_on = NULL;
          g_autofree char *closed_on = NULL;
          gboolean closed = g_rand_int_range (rand, 0, 10) < 4;
          int age_days = g_rand_int_range (rand, 14, 700);
          int span_days = closed ? g_rand_int_range (rand, 7, MAX (8, age_days)) : age_days;
          GVariantDict d;

          person = hk_vault_save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0, person_fields (rand), error);
          if (person == NULL)
            goto fail;

          opened = g_date_time_add_days (now, -age_days);
          opened_on = g_date_time_format (opened, "%F");
          g_variant_dict_init (&d, NULL);
          g_variant_dict_insert (&d, "status", "s", closed ? "closed" : "open");
          g_variant_dict_insert (&d, "opened_on", "s", opened_on);
          if (closed)
            {
              g_autoptr(GDateTime) closed_dt = g_date_time_add_days (opened, span_days);
              closed_on = g_date_time_format (closed_dt, "%F");
              g_variant_dict_insert (&d, "closed_on", "s", closed_on);
            }
          g_variant_dict_insert (&d, "summary", "s", PICK (rand, summaries));
          g_variant_dict_insert (&d, "worker", "s", hk_vault_get_owner_name (vault));
          kase = hk_vault_save (vault, HK_RECORD_KIND_CASE, NULL, hk_record_get_id (person), 0,
                                g_variant_dict_end (&d), error);
          if (kase == NULL)
            goto fail;

          for (guint n = 0; n < notes_per_case; n++)
            {
              g_autoptr(HkRecord) note = NULL;
              g_autoptr(GDateTime) occurred = NULL;
              g_autoptr(GDateTime) recorded = NULL;
              g_autofree char *occurred_s = NULL;
              g_autofree char *recorded_s = NULL;
              g_autofree char *text = NULL;
              gint64 offset_min = (gint64) span_days * 24 * 60 * (n + 1) / (notes_per_case + 1);
              /* Most notes are written up the same day; about one in eight late. */
              int delay_min = g_rand_int_range (rand, 0, 8) == 0 ? g_rand_int_range (rand, 1500, 6000)
                                                                  : g_rand_int_range (rand, 20, 300);

              occurred = g_date_time_add_minutes (opened, offset_min + g_rand_int_range (rand, 540, 960));
              if (g_date_time_compare (occurred, now) > 0)
                occurred = (g_date_time_unref (occurred), g_date_time_add_hours (now, -1));
              recorded = g_date_time_add_minutes (occurred, delay_min);
              if (g_date_time_compare (recorded, now) > 0)
                recorded = (g_date_time_unref (recorded), g_date_time_ref (now));
              occurred_s = format_local (occurred);
              recorded_s = format_local (recorded);
              text = note_text (rand, hk_person_get_display_name (person));

              g_variant_dict_init (&d, NULL);
              g_variant_dict_insert (&d, "kind", "s", PICK (rand, note_kinds));
              g_variant_dict_insert (&d, "occurred_at", "s", occurred_s);
              g_variant_dict_insert (&d, "recorded_at", "s", recorded_s);
              g_variant_dict_insert (&d, "text", "s", text);
              if (g_rand_int_range (rand, 0, 3) == 0)
                {
                  const char *present[] = { hk_person_get_display_name (person), NULL };
                  g_variant_dict_insert (&d, "present", "^as", present);
                }
              note = _hk_vault_save_import (vault, HK_RECORD_KIND_NOTE, hk_record_get_id (kase),
                                            g_variant_dict_end (&d), error);
              if (note == NULL)
                goto fail;
            }
        }
      if (!hk_vault_commit_batch (vault, error))
        return FALSE;
      if (progress)
        progress (done, n_cases, user_data);
    }
  return TRUE;

fail:
  hk_vault_rollback_batch (vault);
  return FALSE;
}
