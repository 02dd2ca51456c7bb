#pragma once
// Scenes, the briefing tour and the director's commands.
//
// A scene is a named view of the wall: the region shown (or the whole
// city), an entity opened, which map layers are on and which department
// plugins' tiles stand beside the map. The tour shows the
// playlist's scenes one after another, each for its seconds; a touch or a
// click on the wall pauses it (the operator has taken over) and it resumes
// with the next scene after the idle time. A director steers the wall over
// ROOT/wall/ID/command (only the broker's `director` user may write there:
// kiosk/mosquitto/gridwall.acl): show a scene, start or stop the tour,
// drill down to a region, open an entity. Every command is validated;
// a bad one is counted by reason, logged, and changes nothing.
// Read from the "scenes" and "playlist" of --config (docs/wall.md).

#include "wall/wallinput.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gridwall::wall {

struct Scene
{
    QString id;
    QString name, nameEn;
    QString region;                             // empty: the whole city
    QString entity;                             // opened in the panel; empty: none
    std::vector<std::pair<QString, bool>> layers; // legend keys switched on or off
    std::optional<QStringList> plugins;           // the department plugins whose tiles it shows; none: all
};

struct Playlist
{
    QStringList scenes;          // scene ids, in order
    int sceneMs = 30000;         // each scene's time on the wall ("seconds" in the file)
    int idleResumeMs = 120000;   // after the last touch, the tour goes on ("idleResumeSeconds")
    bool autostart = false;
};

// The map layers a scene may switch (the legend's keys).
const QStringList &layerKeys();

// Reads "scenes" and "playlist" of a configuration; a one-line problem naming the field, or empty.
QString readScenes(const QJsonObject &config, std::vector<Scene> *scenes, Playlist *playlist);

class Director : public QObject
{
    Q_OBJECT

public:
    enum class Rejected { Malformed, UnknownCommand, UnknownScene, UnknownRegion, Invalid };
    enum class Command { Scene, Playlist, Drill, Show };
    struct Actions
    {
        std::function<void(const Scene &)> showScene;
        std::function<void(const QString &code)> drill; // empty: the whole city
        std::function<void(const QString &id)> open;
        std::function<bool(const QString &code)> regionExists;
    };

    // `commandTopic`: ROOT/wall/ID/command, the director's topic for this wall.
    Director(std::vector<Scene> scenes, Playlist playlist, Actions actions, const QString &commandTopic = QString(),
             QObject *parent = nullptr);

    bool showScene(const QString &id);
    void startTour();
    void stopTour();
    // A touch, click or key on the wall: the operator has taken over; the tour waits.
    void touched();
    // Called on Paho's thread with every message under ROOT/wall/: the commands are carried out on the GUI thread.
    void onMessage(const std::string &topic, const std::string &payload);
    // A command (JSON) from the director's topic, on the GUI thread.
    void command(const QByteArray &payload);

    QString scene() const { return m_scene; }
    bool touring() const { return m_touring; }
    bool paused() const { return m_paused; }
    // gridwall_wall_commands_total{command}, gridwall_wall_commands_rejected_total{reason}.
    QString metricsText() const;
    QJsonObject status() const;

signals:
    void changed();

private:
    void next();
    void reject(Rejected reason, const QString &detail);

    std::vector<Scene> m_scenes;
    Playlist m_playlist;
    Actions m_actions;
    std::string m_commandTopic;
    QString m_scene;
    bool m_touring = false;
    bool m_paused = false;
    int m_position = -1; // in the playlist
    QTimer m_advance;    // the scene's time is up
    QTimer m_idle;       // no touch for the idle time: the tour goes on
    LabelCounts m_commands{"command", {"scene", "playlist", "drill", "show"}};
    IntervalLog m_commandLog;
    LabelCounts m_rejected{"reason", {"malformed", "unknown_command", "unknown_scene", "unknown_region", "invalid"}};
};

} // namespace gridwall::wall
