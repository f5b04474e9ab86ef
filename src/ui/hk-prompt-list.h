/* hk-prompt-list.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <hearken/hearken.h>

G_BEGIN_DECLS

/**
 * HkPromptList:
 *
 * A case's practice prompts (hk_vault_case_prompts): a banner when any
 * prompt is a warning or blocks closing, saying how many of each, then a
 * checklist of every prompt with its severity as an icon and in words (never
 * colour alone) and its text. A prompt about one record has an Open button
 * (casebook.edit-record). Hidden when there are no prompts.
 */
#define HK_TYPE_PROMPT_LIST (hk_prompt_list_get_type ())
G_DECLARE_FINAL_TYPE (HkPromptList, hk_prompt_list, HK, PROMPT_LIST, AdwBin)

GtkWidget *hk_prompt_list_new             (void);
/* @prompts: HkPrompt*, most severe first; copied. NULL empties the list. */
void       hk_prompt_list_set_prompts     (HkPromptList *self,
                                           GPtrArray    *prompts);
guint      hk_prompt_list_get_n_prompts   (HkPromptList *self);
guint      hk_prompt_list_get_n_blocking  (HkPromptList *self);
gboolean   hk_prompt_list_get_banner_shown (HkPromptList *self);
gboolean   hk_prompt_list_has_code        (HkPromptList *self,
                                           const char   *code);

G_END_DECLS
