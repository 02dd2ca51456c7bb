# The qmllint test (tests/CMakeLists.txt): qmllint over the wall's QML module
# (Gridwall, as its gridwall_ui_qmllint target lints it) and over the bundled
# plugins' QML; any warning fails it. Run as
#   cmake -DARGS_FILE=<qmllint-args.cmake> -P qmllint.cmake
# where ARGS_FILE (generated at configure time) sets QMLLINT, IMPORT_DIRS,
# GRIDWALL_QML_SOURCE_DIR, GRIDWALL_QML_FILES, GRIDWALL_QML_RESOURCES,
# PLUGINS_SOURCE_DIR and PLUGIN_QML_FILES.
cmake_minimum_required(VERSION 3.25)
include(${ARGS_FILE})

set(imports)
foreach(dir IN LISTS IMPORT_DIRS)
    list(APPEND imports -I ${dir})
endforeach()
set(resources)
foreach(qrc IN LISTS GRIDWALL_QML_RESOURCES)
    list(APPEND resources --resource ${qrc})
endforeach()

# One lint run; prints what qmllint said and returns its warning count.
function(lint name dir count_var)
    execute_process(COMMAND ${QMLLINT} --bare ${imports} ${ARGN}
        WORKING_DIRECTORY ${dir}
        OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
    string(REGEX MATCHALL "(^|\n)Warning: " warnings "${out}")
    list(LENGTH warnings n)
    # qmllint also exits non-zero on a warning it could not print, or when it could not run.
    if(n EQUAL 0 AND NOT rc EQUAL 0)
        set(n 1)
    endif()
    message("${name}: ${n} warning(s) (qmllint exit ${rc})")
    if(NOT n EQUAL 0)
        message("${out}")
    endif()
    set(${count_var} ${n} PARENT_SCOPE)
endfunction()

lint("Gridwall (qml/)" ${GRIDWALL_QML_SOURCE_DIR} module_warnings ${resources} ${GRIDWALL_QML_FILES})
lint("bundled plugins (plugins/)" ${PLUGINS_SOURCE_DIR} plugin_warnings ${PLUGIN_QML_FILES})

math(EXPR total "${module_warnings} + ${plugin_warnings}")
if(NOT total EQUAL 0)
    message(FATAL_ERROR "qmllint: ${total} warning(s), expected 0")
endif()
message("qmllint: 0 warnings")
