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

using Relation = std::array<std::array<bool, kCaseStatusCount>, kCaseStatusCount>;
// Longest gap in seq checked step by step; a longer one accepts anything reachable.
inline constexpr int kExactSteps = 16;

constexpr Relation compose(const Relation &a, const Relation &b)
{
    Relation out{};
    for (size_t i = 0; i < size_t(kCaseStatusCount); ++i)
        for (size_t k = 0; k < size_t(kCaseStatusCount); ++k)
            if (a[i][k])
                for (size_t j = 0; j < size_t(kCaseStatusCount); ++j)
                    out[i][j] = out[i][j] || b[k][j];
    return out;
}

// steps[k][a][b]: b follows a in exactly k transitions; steps[0]: in any number (one or more).
constexpr std::array<Relation, kExactSteps + 1> walks()
{
    std::array<Relation, kExactSteps + 1> steps{};
    for (int a = 0; a < kCaseStatusCount; ++a)
        for (int b = 0; b < kCaseStatusCount; ++b)
            steps[1][size_t(a)][size_t(b)] = isTransition(CaseStatus(a), CaseStatus(b));
    for (size_t k = 2; k <= size_t(kExactSteps); ++k)
        steps[k] = compose(steps[k - 1], steps[1]);
    // Any number: the union over walks up to the number of statuses suffices.
    for (size_t k = 1; k <= size_t(kCaseStatusCount); ++k)
        for (size_t a = 0; a < size_t(kCaseStatusCount); ++a)
            for (size_t b = 0; b < size_t(kCaseStatusCount); ++b)
                steps[0][a][b] = steps[0][a][b] || steps[k][a][b];
    return steps;
}

inline constexpr auto kWalks = walks();

} // namespace detail

constexpr bool isReachable(CaseStatus from, CaseStatus to) { return detail::kWalks[0][size_t(from)][size_t(to)]; }

// Whether an event with status `to` may follow the case's `from` when its seq
// is `gap` ahead. Producers number every event of a case, so a gap of k means
// k - 1 events are missing: `to` must be k transitions away.
constexpr bool mayFollow(CaseStatus from, CaseStatus to, int64_t gap)
{
    if (gap < 1)
        return false;
    if (gap <= detail::kExactSteps)
        return detail::kWalks[size_t(gap)][size_t(from)][size_t(to)];
    return isReachable(from, to);
}

static_assert(mayFollow(CaseStatus::Reported, CaseStatus::Closed, 5));
static_assert(!mayFollow(CaseStatus::Reported, CaseStatus::Closed, 4));
static_assert(!mayFollow(CaseStatus::Closed, CaseStatus::Returned, 3));

} // namespace gridwall::state
