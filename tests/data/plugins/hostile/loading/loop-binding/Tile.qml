import QtQuick

// A binding evaluated as the widget is created never returns.
Item {
    property var wall
    implicitWidth: { let w = 1; while (w > 0) { w = (w % 7) + 1 } return w }
}
