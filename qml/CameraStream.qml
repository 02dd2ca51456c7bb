import QtQuick
import QtMultimedia

// A camera's live stream (loaded only where Qt Multimedia is installed; the
// panel shows the latest snapshot until `playing`). No sound on a wall.
Item {
    property url url
    readonly property bool playing: player.playbackState === MediaPlayer.PlayingState && player.hasVideo

    onUrlChanged: {
        player.source = url
        if (String(url) !== "") // not url.toString(): Qt 6.4's qmllint does not know it
            player.play()
    }
    MediaPlayer {
        id: player
        videoOutput: output
    }
    VideoOutput {
        id: output
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
    }
}
