#pragma once
// Time travel: the wall's cases as they stood at any past moment (the journal
// replayed up to it), playback from there, and "what changed since T" for
// briefings. Each call reads through its own connection; run it off the GUI
// thread.

#include "casejournal.h"
#include "historydb.h"

#include "state/livestate.h"

#include <memory>
#include <string>
#include <vector>

namespace gridwall::history {

// The live state as it was at `at` (epoch ms): every accepted case event with
// ts <= at, in arrival order, through the same state machine. `stats` counts
// what the replay refuses and must outlive the result.
std::unique_ptr<state::LiveState> stateAt(sqlite3 *db, const geo::RegionTree *tree, feed::FeedStats &stats, int64_t at);

// What changed in (since, until]: for briefings ("since 09:00").
struct CaseChange
{
    std::string caseId;
    int64_t ts = 0;
    std::string category;
    int priority = 0;
    std::string grid;
};
struct Changes
{
    std::vector<CaseChange> reported;  // new cases
    std::vector<CaseChange> closed;
    std::vector<CaseChange> escalated;
    std::vector<AlarmTransition> alarmsRaised;
};
Changes changesSince(sqlite3 *db, int64_t since, int64_t until);

// Plays the journal forward from a moment: each call hands over the events
// up to the next moment, in order, to apply to a state built by stateAt().
class Playback
{
public:
    Playback(sqlite3 *db, int64_t from);
    // Events with ts in (previous moment, to].
    std::vector<feed::CaseEvent> advanceTo(int64_t to);
    int64_t position() const { return m_position; }

private:
    sqlite3 *m_db;
    int64_t m_position;
};

} // namespace gridwall::history
