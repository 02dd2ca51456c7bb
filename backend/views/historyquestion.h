#pragma once
// One question to the history, declared where its answer is shown:
//
//     CaseTimeline { id: timeline; history: Wall.history; caseId: "PJ..." }
//     ListView { model: timeline.model; delegate: Text { required property string status ... } }
//
// It asks when its parameters change (several changes in one turn of the
// event loop ask once), again on refresh() or every `refreshSeconds`, and
// keeps one request in flight: a refresh meanwhile asks once more when the
// answer comes. `loading` is true while a request is out. A list's answer is
// a model with one role per field (each kind declares its fields) for views,
// and the same rows as plain values for charts drawn in script; times are
// epoch ms. Answers are for this object only.

#include <QObject>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QTimer>
#include <QVariant>

#include "historyqueries.h"
#include "rowsmodel.h"

namespace gridwall::views {

// The cases closed over a span that had a deadline, and how many of them were on time (docs/history.md).
struct OnTimeFigures
{
    Q_GADGET
    QML_VALUE_TYPE(onTimeFigures)
    Q_PROPERTY(double from MEMBER from) // the span, epoch ms: [from, to)
    Q_PROPERTY(double to MEMBER to)
    Q_PROPERTY(int closed MEMBER closed)
    Q_PROPERTY(int onTime MEMBER onTime)
    Q_PROPERTY(double rate MEMBER rate) // onTime / closed, 0..1; 0 when none closed (read `closed` first)
public:
    static OnTimeFigures of(const QVariantMap &answer);
    double from = 0;
    double to = 0;
    int closed = 0;
    int onTime = 0;
    double rate = 0;
    bool operator==(const OnTimeFigures &) const = default;
};

class HistoryQuestion : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    QML_UNCREATABLE("Ask one of its kinds: CaseTimeline, RegionSeries, SensorSeries, OverdueCases, WeekComparison, ChangesSince, "
                    "OnTimeRate")
    Q_PROPERTY(gridwall::views::HistoryQueries *history READ history WRITE setHistory NOTIFY historyChanged)
    // A request is out (the rows shown are the last answer's).
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // The answer: rows for a list (as a model, and as plain rows for a chart), or a map
    // (WeekComparison, ChangesSince); empty before the first.
    Q_PROPERTY(gridwall::views::RowsModel *model READ model CONSTANT)
    Q_PROPERTY(QVariantList rows READ rows NOTIFY answered)
    Q_PROPERTY(QVariantMap answer READ answer NOTIFY answered)
    // Asks again this often (0: only when the parameters change or on refresh()).
    Q_PROPERTY(int refreshSeconds READ refreshSeconds WRITE setRefreshSeconds NOTIFY refreshSecondsChanged)
    // Answers received (tests: a question asked once is answered once).
    Q_PROPERTY(int answerCount READ answerCount NOTIFY answered)

public:
    // `fields`: the roles of `model` (a list's answer's fields).
    explicit HistoryQuestion(QByteArrayList fields, QObject *parent = nullptr);

    HistoryQueries *history() const { return m_history; }
    void setHistory(HistoryQueries *history);
    bool loading() const { return m_inFlight; }
    RowsModel *model() { return &m_model; }
    QVariantList rows() const { return m_answer.toList(); }
    QVariantMap answer() const { return m_answer.toMap(); }
    int refreshSeconds() const { return m_refreshSeconds; }
    void setRefreshSeconds(int seconds);
    int answerCount() const { return m_answerCount; }

    // Asks again (coalesced with any other ask in this turn of the event loop, and with the one in flight).
    Q_INVOKABLE void refresh();

    void classBegin() override {}
    void componentComplete() override;

signals:
    void historyChanged();
    void loadingChanged();
    void answered();
    void refreshSecondsChanged();

protected:
    // The question for the parameters now; empty when there is nothing to ask (the answer is then empty).
    virtual HistoryQueries::Question question() const = 0;
    // A parameter changed: ask again.
    void parametersChanged();
    // Sets a parameter; true (and asked again) when it changed.
    template <typename T>
    bool change(T &parameter, const T &value)
    {
        if (parameter == value)
            return false;
        parameter = value;
        parametersChanged();
        return true;
    }

private:
    void askNow();
    void setAnswer(const QVariant &answer);

    HistoryQueries *m_history = nullptr;
    QVariant m_answer;
    RowsModel m_model;
    bool m_scheduled = false;
    bool m_inFlight = false;
    bool m_again = false;
    int m_generation = 0; // the parameters' generation: an answer to an earlier one is dropped
    int m_answerCount = 0;
    int m_refreshSeconds = 0;
    QTimer m_timer;
};

// [{seq, status, ts, receivedAt, refused, dept, assignee, note, rating, ...}] in seq order.
class CaseTimeline : public gridwall::views::HistoryQuestion // qualified: QML learns its base from this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY questionChanged)
public:
    explicit CaseTimeline(QObject *parent = nullptr)
        : HistoryQuestion({"seq", "status", "ts", "receivedAt", "refused", "dept", "assignee", "note", "rating", "category", "title",
                           "priority", "deadline", "grid"},
                          parent)
    {
    }
    QString caseId() const { return m_caseId; }
    void setCaseId(const QString &id) { if (change(m_caseId, id)) emit questionChanged(); }
signals:
    void questionChanged();
protected:
    HistoryQueries::Question question() const override;
private:
    QString m_caseId;
};

// [{start, reported, closed, overdue, meanHandlingMs}] of the last `hours` of a region (code, or "city").
class RegionSeries : public gridwall::views::HistoryQuestion // qualified: QML learns its base from this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY questionChanged)
    Q_PROPERTY(int hours READ hours WRITE setHours NOTIFY questionChanged)
    Q_PROPERTY(bool byDay READ byDay WRITE setByDay NOTIFY questionChanged)
public:
    explicit RegionSeries(QObject *parent = nullptr) : HistoryQuestion({"start", "reported", "closed", "overdue", "meanHandlingMs"}, parent) {}
    QString code() const { return m_code; }
    void setCode(const QString &code) { if (change(m_code, code)) emit questionChanged(); }
    int hours() const { return m_hours; }
    void setHours(int hours) { if (hours >= 1 && change(m_hours, hours)) emit questionChanged(); }
    bool byDay() const { return m_byDay; }
    void setByDay(bool byDay) { if (change(m_byDay, byDay)) emit questionChanged(); }
signals:
    void questionChanged();
protected:
    HistoryQueries::Question question() const override;
private:
    QString m_code = QStringLiteral("city");
    int m_hours = 24;
    bool m_byDay = false;
};

// [{start, n, min, max, mean, last}] of the last `hours` of a sensor.
class SensorSeries : public gridwall::views::HistoryQuestion // qualified: QML learns its base from this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString sensorId READ sensorId WRITE setSensorId NOTIFY questionChanged)
    Q_PROPERTY(int hours READ hours WRITE setHours NOTIFY questionChanged)
public:
    explicit SensorSeries(QObject *parent = nullptr) : HistoryQuestion({"start", "n", "min", "max", "mean", "last"}, parent) {}
    QString sensorId() const { return m_sensorId; }
    void setSensorId(const QString &id) { if (change(m_sensorId, id)) emit questionChanged(); }
    int hours() const { return m_hours; }
    void setHours(int hours) { if (hours >= 1 && change(m_hours, hours)) emit questionChanged(); }
signals:
    void questionChanged();
protected:
    HistoryQueries::Question question() const override;
private:
    QString m_sensorId;
    int m_hours = 24;
};

// [{id, status, category, title, priority, deadline, overdueMs, grid, dept, assignee}], most overdue first
// (in `model`, `id` is the role caseId).
class OverdueCases : public gridwall::views::HistoryQuestion // qualified: QML learns its base from this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY questionChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY questionChanged)
public:
    explicit OverdueCases(QObject *parent = nullptr)
        : HistoryQuestion({"caseId=id", "status", "category", "title", "priority", "deadline", "overdueMs", "grid", "dept", "assignee"}, parent)
    {
    }
    QString code() const { return m_code; }
    void setCode(const QString &code) { if (change(m_code, code)) emit questionChanged(); }
    int limit() const { return m_limit; }
    void setLimit(int limit) { if (limit >= 1 && change(m_limit, limit)) emit questionChanged(); }
signals:
    void questionChanged();
protected:
    HistoryQueries::Question question() const override;
private:
    QString m_code = QStringLiteral("city");
    int m_limit = 5;
};

// {today: {...}, lastWeek: {...}}: today so far against the same span on the same weekday last week.
class WeekComparison : public gridwall::views::HistoryQuestion // qualified: QML learns its base from this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY questionChanged)
public:
    explicit WeekComparison(QObject *parent = nullptr) : HistoryQuestion({}, parent) {}
    QString code() const { return m_code; }
    void setCode(const QString &code) { if (change(m_code, code)) emit questionChanged(); }
signals:
    void questionChanged();
protected:
    HistoryQueries::Question question() const override;
private:
    QString m_code = QStringLiteral("city");
};

// {reported: [...], closed: [...], escalated: [...], alarmsRaised: [...]} since `since` (epoch ms).
class ChangesSince : public gridwall::views::HistoryQuestion // qualified: QML learns its base from this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(double since READ since WRITE setSince NOTIFY questionChanged)
public:
    explicit ChangesSince(QObject *parent = nullptr) : HistoryQuestion({}, parent) {}
    double since() const { return m_since; }
    void setSince(double since) { if (change(m_since, since)) emit questionChanged(); }
signals:
    void questionChanged();
protected:
    HistoryQueries::Question question() const override;
private:
    double m_since = 0;
};

// The on-time rate of the last `hours` of a region (code, or "city") and of the same span before it, typed:
// `current.rate`, `previous.closed` (the answer's map is {current: {...}, previous: {...}}).
class OnTimeRate : public gridwall::views::HistoryQuestion // qualified: QML learns its base from this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY questionChanged)
    Q_PROPERTY(int hours READ hours WRITE setHours NOTIFY questionChanged)
    Q_PROPERTY(gridwall::views::OnTimeFigures current READ current NOTIFY figuresChanged)
    Q_PROPERTY(gridwall::views::OnTimeFigures previous READ previous NOTIFY figuresChanged)
public:
    explicit OnTimeRate(QObject *parent = nullptr);
    QString code() const { return m_code; }
    void setCode(const QString &code) { if (change(m_code, code)) emit questionChanged(); }
    int hours() const { return m_hours; }
    void setHours(int hours) { if (hours >= 1 && change(m_hours, hours)) emit questionChanged(); }
    OnTimeFigures current() const { return m_current; }
    OnTimeFigures previous() const { return m_previous; }
signals:
    void questionChanged();
    void figuresChanged();
protected:
    HistoryQueries::Question question() const override;
private:
    QString m_code = QStringLiteral("city");
    int m_hours = 7 * 24;
    OnTimeFigures m_current;
    OnTimeFigures m_previous;
};

} // namespace gridwall::views
