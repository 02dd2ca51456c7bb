import QtQuick

// Throws as soon as it is shown.
Item {
    Component.onCompleted: { throw new Error("deliberate failure in a department script") }
}
