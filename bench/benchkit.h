// Helpers the benchmark programs share: stopwatch readings, the summary of a
// set of repeats, pinning to one CPU and the machine-readable figure lines.
// Header-only, one copy for every bench.
#pragma once

#include <sched.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace gridwall::bench {

// Milliseconds from a to b, fractional, so that sub-millisecond phases still count.
inline double msBetween(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Milliseconds from a to now: the stopwatch reading after a timed phase.
inline double msSince(std::chrono::steady_clock::time_point a)
{
    return msBetween(a, std::chrono::steady_clock::now());
}

// What a bench prints for a set of repeats; all zero until filled in.
struct Stats
{
    double median = 0, min = 0, max = 0;
};

// Median (the upper middle one of an even count), fastest and slowest of at least one sample.
inline Stats statsOf(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples.front(), samples.back()};
}

// Keeps the process on CPU 0 so that repeats do not migrate between cores; returns
// `pinned`, or why it could not pin, for the bench's header line.
inline std::string pinToCpu0(const char *pinned = "pinned to CPU 0")
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        return std::string("not pinned (sched_setaffinity: ") + std::strerror(errno) + ")";
    return pinned;
}

// One figure for bench/run, on a line of its own beside the readable output:
// "FIGURE key value unit". bench/run keeps these lines of each command (keys
// prefixed with the command's tag) and renders RESULTS.md's tables from them, so
// a figure a table quotes must come out this way. Keys: [a-z0-9_.-], no spaces.
inline void figure(const std::string &key, double value, const char *unit = "")
{
    std::printf("FIGURE %s %.10g %s\n", key.c_str(), value, unit);
}

} // namespace gridwall::bench
