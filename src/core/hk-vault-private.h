/* hk-vault-private.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hearken/hk-vault.h"
#include "hk-store-private.h"

G_BEGIN_DECLS

/* For tests and fixtures: create a vault whose schema stops at @version. */
HkVault  *_hk_vault_create_at_version (const char      *path,
                                       const HkSecret  *passphrase,
                                       HkKdfProfile     profile,
                                       const char      *owner_name,
                                       int              version,
                                       HkSecret       **out_recovery_key,
                                       GError         **error);
/* The vault's SQLite store, for tests that tamper with rows. Callers must not
 * use it while other threads use the vault. */
HkStore  *_hk_vault_get_store         (HkVault         *self);
/* Saves a new record whose automatic fields (a note's recorded_at) come
 * from the caller: for importing history and for demo data. Validated like
 * any other save. */
HkRecord *_hk_vault_save_import       (HkVault         *self,
                                       HkRecordKind     kind,
                                       const char      *parent_id,
                                       GVariant        *fields,
                                       GError         **error);
/* Queues a job on the vault's single worker thread (FIFO, so saves, drafts
 * and locks happen in the order the UI asked for them). */
void      _hk_vault_queue             (HkVault         *self,
                                       GTask           *task);
/* The same for a job written outside hk-vault-async.c: runs @func with the
 * task's source object, data and cancellable, unless cancelled first. */
void      _hk_vault_queue_job         (HkVault         *self,
                                       GTask           *task,
                                       GTaskThreadFunc  func);

G_END_DECLS
