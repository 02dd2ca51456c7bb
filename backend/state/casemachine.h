#pragma once
// The case lifecycle of docs/state.md as a graph: which status may follow
// which, and what a gap in `seq` may have skipped.

#include "feed/events.h"

#include <array>

namespace gridwall::state {

using feed::CaseStatus;
using feed::kCaseStatusCount;

// The direct transitions. Rejected and closed end a case.
constexpr bool isTransition(CaseStatus from, CaseStatus to)
{
    using S = CaseStatus;
    switch (from) {
    case S::Reported: return to == S::Accepted || to == S::Rejected;
    case S::Accepted: return to == S::Dispatched || to == S::Rejected || to == S::Escalated;
    case S::Dispatched: return to == S::Handling || to == S::Returned || to == S::Escalated;
    case S::Handling: return to == S::Resolved || to == S::Returned || to == S::Escalated;
    case S::Resolved: return to == S::Closed || to == S::Returned;
    case S::Returned: return to == S::Dispatched || to == S::Escalated;
    case S::Escalated: return to == S::Accepted || to == S::Dispatched || to == S::Handling;
    case S::Closed:
    case S::Rejected: return false;
    }
    return false;
}

constexpr bool isTerminal(CaseStatus s) { return s == CaseStatus::Closed || s == CaseStatus::Rejected; }
// Open: not yet closed or rejected (a resolved case waits for the reporter's feedback).
constexpr bool isOpen(CaseStatus s) { return !isTerminal(s); }
// In the city's hands: the SLA clock runs (it stops once resolved).
constexpr bool isInHand(CaseStatus s) { return isOpen(s) && s != CaseStatus::Resolved; }

namespace detail {

// reach[a][b]: b can follow a through one or more transitions.
constexpr std::array<std::array<bool, kCaseStatusCount>, kCaseStatusCount> reachability()
{
    std::array<std::array<bool, kCaseStatusCount>, kCaseStatusCount> reach{};
    for (int a = 0; a < kCaseStatusCount; ++a)
        for (int b = 0; b < kCaseStatusCount; ++b)
            reach[size_t(a)][size_t(b)] = isTransition(CaseStatus(a), CaseStatus(b));
    for (int k = 0; k < kCaseStatusCount; ++k) // Warshall's transitive closure
        for (int a = 0; a < kCaseStatusCount; ++a)
            for (int b = 0; b < kCaseStatusCount; ++b)
                if (reach[size_t(a)][size_t(k)] && reach[size_t(k)][size_t(b)])
                    reach[size_t(a)][size_t(b)] = true;
    return reach;
}

inline constexpr auto kReach = reachability();

} // namespace detail

constexpr bool isReachable(CaseStatus from, CaseStatus to) { return detail::kReach[size_t(from)][size_t(to)]; }

// Whether an event with status `to` may follow the case's `from` when its seq
// is `gap` ahead (1: the next event; more: events in between are missing, so
// any status reachable through them is accepted).
constexpr bool mayFollow(CaseStatus from, CaseStatus to, int64_t gap)
{
    return gap == 1 ? isTransition(from, to) : gap > 1 && isReachable(from, to);
}

} // namespace gridwall::state
