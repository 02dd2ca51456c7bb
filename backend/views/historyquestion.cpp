#include "historyquestion.h"

namespace gridwall::views {

HistoryQuestion::HistoryQuestion(QByteArrayList fields, QObject *parent)
    : QObject(parent)
    , m_model(std::move(fields))
{
    connect(&m_timer, &QTimer::timeout, this, &HistoryQuestion::refresh);
}

void HistoryQuestion::setHistory(HistoryQueries *history)
{
    if (history == m_history)
        return;
    m_history = history;
    emit historyChanged();
    refresh();
}

void HistoryQuestion::setRefreshSeconds(int seconds)
{
    if (seconds == m_refreshSeconds || seconds < 0)
        return;
    m_refreshSeconds = seconds;
    if (seconds > 0)
        m_timer.start(seconds * 1000);
    else
        m_timer.stop();
    emit refreshSecondsChanged();
}

void HistoryQuestion::setAnswer(const QVariant &answer)
{
    m_answer = answer;
    m_model.update(answer.toList());
    emit answered();
}

void HistoryQuestion::componentComplete()
{
    refresh();
}

void HistoryQuestion::parametersChanged()
{
    // Another question: the last answer was to the one before (another case's timeline is not shown meanwhile),
    // and so is the one in flight, if any.
    ++m_generation;
    if (m_answer.isValid())
        setAnswer(QVariant());
    refresh();
}

void HistoryQuestion::refresh()
{
    // QML sets every initial property first; the parameters of one turn of the event loop make one question.
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &HistoryQuestion::askNow, Qt::QueuedConnection);
}

void HistoryQuestion::askNow()
{
    m_scheduled = false;
    if (m_inFlight) {
        m_again = true; // asked once more when the answer comes
        return;
    }
    HistoryQueries::Question q = m_history && m_history->available() ? question() : HistoryQueries::Question();
    if (!q) {
        if (m_answer.isValid())
            setAnswer(QVariant());
        return;
    }
    m_inFlight = true;
    emit loadingChanged();
    m_history->ask(this, std::move(q), [this, generation = m_generation](const QVariant &result) {
        m_inFlight = false;
        if (generation != m_generation) {
            // Asked before the parameters changed: the question now is asked instead.
            emit loadingChanged();
            m_again = false;
            refresh();
            return;
        }
        ++m_answerCount;
        emit loadingChanged();
        setAnswer(result);
        if (m_again) {
            m_again = false;
            refresh();
        }
    });
}

HistoryQueries::Question CaseTimeline::question() const
{
    return m_caseId.isEmpty() ? HistoryQueries::Question() : HistoryQueries::caseTimelineQuestion(m_caseId);
}

HistoryQueries::Question RegionSeries::question() const
{
    return m_code.isEmpty() ? HistoryQueries::Question() : HistoryQueries::regionSeriesQuestion(m_code, m_hours, m_byDay);
}

HistoryQueries::Question SensorSeries::question() const
{
    return m_sensorId.isEmpty() ? HistoryQueries::Question() : HistoryQueries::sensorSeriesQuestion(m_sensorId, m_hours);
}

HistoryQueries::Question OverdueCases::question() const
{
    return m_code.isEmpty() ? HistoryQueries::Question() : HistoryQueries::topOverdueQuestion(m_code, m_limit);
}

HistoryQueries::Question WeekComparison::question() const
{
    return m_code.isEmpty() ? HistoryQueries::Question() : HistoryQueries::weekComparisonQuestion(m_code);
}

HistoryQueries::Question ChangesSince::question() const
{
    return HistoryQueries::changesSinceQuestion(m_since);
}

OnTimeFigures OnTimeFigures::of(const QVariantMap &answer)
{
    OnTimeFigures f;
    f.from = answer.value(QStringLiteral("from")).toDouble();
    f.to = answer.value(QStringLiteral("to")).toDouble();
    f.closed = answer.value(QStringLiteral("closed")).toInt();
    f.onTime = answer.value(QStringLiteral("onTime")).toInt();
    f.rate = answer.value(QStringLiteral("rate")).toDouble();
    return f;
}

OnTimeRate::OnTimeRate(QObject *parent)
    : HistoryQuestion({}, parent)
{
    // The typed figures follow the answer (cleared with it when the question changes).
    connect(this, &HistoryQuestion::answered, this, [this] {
        const QVariantMap a = answer();
        m_current = OnTimeFigures::of(a.value(QStringLiteral("current")).toMap());
        m_previous = OnTimeFigures::of(a.value(QStringLiteral("previous")).toMap());
        emit figuresChanged();
    });
}

HistoryQueries::Question OnTimeRate::question() const
{
    return m_code.isEmpty() ? HistoryQueries::Question() : HistoryQueries::onTimeRateQuestion(m_code, m_hours);
}

} // namespace gridwall::views
