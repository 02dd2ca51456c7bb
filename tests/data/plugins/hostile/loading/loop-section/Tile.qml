import QtQuick

// A harmless widget: its plugin's other file is the one that loops.
Item {
    property var wall
}
