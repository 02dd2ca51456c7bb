# The feed stage: one library, listed here so that its files stay together.
qt_add_library(gridwall_feed STATIC
    feed/logging.h feed/logging.cpp
    feed/events.h feed/events.cpp
    feed/feedstats.h feed/feedstats.cpp
    feed/ingestqueue.h feed/ingestqueue.cpp
    feed/feedclient.h feed/feedclient.cpp
    feed/topic.h feed/topic.cpp
    feed/gcj02.h feed/gcj02.cpp
    feed/decoder.h feed/decoder.cpp
)
target_include_directories(gridwall_feed PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(gridwall_feed PUBLIC Qt6::Core PRIVATE PahoMqttCpp::paho-mqttpp3)
# simdjson stays behind decoder.h; a static library still passes it on to the link.
target_link_libraries(gridwall_feed PRIVATE simdjson::simdjson)
