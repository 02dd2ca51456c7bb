# The feed stage: one library, listed here so that its files stay together.
qt_add_library(gridwall_feed STATIC
    feed/events.h feed/events.cpp
)
target_include_directories(gridwall_feed PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(gridwall_feed PUBLIC Qt6::Core)
