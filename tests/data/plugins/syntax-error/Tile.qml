import QtQuick
Item {
    width: 10
    this is not QML
}
