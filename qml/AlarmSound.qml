import QtQuick
import QtMultimedia

// The critical-alarm chime (loaded only where Qt Multimedia is installed).
SoundEffect {
    source: "qrc:/gridwall/sounds/critical-alarm.wav"
}
