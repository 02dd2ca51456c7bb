#pragma once
// Calls back on every touch, click, wheel turn or key press in the window
// (or object) it filters: someone is using the wall (the briefing tour
// waits for them).

#include <QEvent>
#include <QObject>

#include <functional>

namespace gridwall::wall {

class ActivityFilter : public QObject
{
public:
    ActivityFilter(std::function<void()> onActivity, QObject *parent = nullptr)
        : QObject(parent)
        , m_onActivity(std::move(onActivity))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::Wheel:
        case QEvent::KeyPress:
            m_onActivity();
            break;
        default:
            break;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_onActivity;
};

} // namespace gridwall::wall
