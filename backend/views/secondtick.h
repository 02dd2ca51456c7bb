#pragma once
// One tick a second for every view that follows the city once a second (the
// panels, the alarm lanes, the map's colours and legend, the feed's status):
// just after each whole second of the wall clock, when the header's clock
// turns too, so that their changes share one frame instead of each costing
// one of its own (docs/architecture.md, "What a frame costs").

#include <QObject>
#include <QTimer>

namespace gridwall::views {

class SecondTick : public QObject
{
    Q_OBJECT

public:
    // The application's one tick (GUI thread; owned by the application object).
    static SecondTick &instance();

signals:
    void second();

private:
    explicit SecondTick(QObject *parent);
    void schedule();

    QTimer m_timer;
};

} // namespace gridwall::views
