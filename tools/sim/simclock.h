#pragma once
// The simulated clock and the city's day in Asia/Shanghai time (UTC+8 all
// year: China has no daylight saving time, so no time-zone database is needed).

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>

namespace gridwall::sim {

using Ms = int64_t; // Unix epoch milliseconds, or a duration in milliseconds

inline constexpr Ms kSecond = 1000;
inline constexpr Ms kMinute = 60 * kSecond;
inline constexpr Ms kHour = 60 * kMinute;
inline constexpr Ms kDay = 24 * kHour;
inline constexpr Ms kShanghaiOffset = 8 * kHour;

// Simulated time runs `speed` times as fast as the steady clock, from `start`.
class SimClock
{
public:
    SimClock() = default;
    SimClock(Ms start, double speed) : m_start(start), m_speed(speed), m_origin(std::chrono::steady_clock::now()) {}

    Ms now() const { return at(std::chrono::steady_clock::now()); }
    Ms at(std::chrono::steady_clock::time_point t) const
    {
        const double realMs = std::chrono::duration<double, std::milli>(t - m_origin).count();
        return m_start + Ms(std::floor(realMs * m_speed));
    }
    // The steady-clock moment when simulated time reaches `sim`.
    std::chrono::steady_clock::time_point realAt(Ms sim) const
    {
        const double realMs = double(sim - m_start) / m_speed;
        return m_origin + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double, std::milli>(realMs));
    }
    Ms start() const { return m_start; }
    double speed() const { return m_speed; }

private:
    Ms m_start = 0;
    double m_speed = 1;
    std::chrono::steady_clock::time_point m_origin{};
};

// Day number in Shanghai (day 0 = 1970-01-01) and the epoch ms of its midnight.
inline int64_t shanghaiDay(Ms t)
{
    const Ms local = t + kShanghaiOffset;
    return local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
}
inline Ms shanghaiMidnight(int64_t day) { return day * kDay - kShanghaiOffset; }
// Hours since local midnight, fractional, in [0, 24).
inline double shanghaiHour(Ms t) { return double(t - shanghaiMidnight(shanghaiDay(t))) / double(kHour); }
// 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
inline int shanghaiWeekday(int64_t day) { return int(((day + 3) % 7 + 7) % 7); }
inline bool isWeekend(int64_t day) { return shanghaiWeekday(day) >= 5; }

// A daily profile: one weight per hour, linearly interpolated between hour
// midpoints and normalised so that its mean over the day is 1.
class DayProfile
{
public:
    constexpr explicit DayProfile(const std::array<double, 24> &weights) : m_weights(weights)
    {
        double sum = 0;
        for (double w : weights)
            sum += w;
        for (double &w : m_weights)
            w = w * 24.0 / sum;
        m_peak = 0;
        for (double w : m_weights)
            m_peak = w > m_peak ? w : m_peak;
    }
    double at(Ms t) const
    {
        const double h = shanghaiHour(t) - 0.5;
        const double base = std::floor(h);
        const double f = h - base;
        const int i0 = (int(base) + 24) % 24;
        const int i1 = (i0 + 1) % 24;
        return m_weights[size_t(i0)] * (1 - f) + m_weights[size_t(i1)] * f;
    }
    double peak() const { return m_peak; }

private:
    std::array<double, 24> m_weights;
    double m_peak = 1;
};

} // namespace gridwall::sim
