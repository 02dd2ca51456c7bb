#pragma once
// The current record of every case in the history (table case_state), so a
// restart loads the cases instead of replaying every event since the start.

#include "historydb.h"

#include "state/livestate.h"

#include <string>
#include <utility>
#include <vector>

namespace gridwall::history {

using CaseRow = std::pair<std::string, state::CaseRecord>;

// Upserts the records and notes that case_log up to `journalId` is folded
// in, in one transaction.
bool writeCaseState(sqlite3 *db, const std::vector<CaseRow> &cases, int64_t journalId, QString *error = nullptr);
// The cases still open, and those that ended at or after `endedSince` (epoch ms).
std::vector<CaseRow> readCaseState(sqlite3 *db, int64_t endedSince);
// How far into case_log the stored records reach (0: nowhere).
int64_t caseStateJournalId(sqlite3 *db);

} // namespace gridwall::history
