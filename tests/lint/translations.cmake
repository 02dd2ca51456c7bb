# The translations test (tests/CMakeLists.txt): lupdate over the translated
# sources (qml/CMakeLists.txt: GRIDWALL_TRANSLATED_SOURCES) into copies of the
# committed .ts files; fails when a source string has no finished translation
# (new, or unfinished in the committed file), when the committed files hold
# strings the sources no longer have, or when a translation is empty. The
# committed files themselves are left alone: `cmake --build build --target
# update_translations` updates them. Run as
#   cmake -DARGS_FILE=<translations-args.cmake> -DWORK_DIR=<dir> -P translations.cmake
# where ARGS_FILE sets LUPDATE, TS_FILES, SOURCES and INCLUDE_DIRS (qml/CMakeLists.txt).
cmake_minimum_required(VERSION 3.25)
include(${ARGS_FILE})

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(copies)
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name ${ts} NAME)
    file(COPY_FILE ${ts} ${WORK_DIR}/${name})
    list(APPEND copies ${WORK_DIR}/${name})
endforeach()

set(includes)
foreach(dir IN LISTS INCLUDE_DIRS)
    list(APPEND includes -I ${dir})
endforeach()
execute_process(COMMAND ${LUPDATE} -locations none ${includes} ${SOURCES} -ts ${copies}
    OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (exit ${rc}):\n${out}")
endif()
message("${out}")

# Each message of a kind ("unfinished", "vanished", "obsolete", "empty") as `context: "source"`.
function(messages ts kind out_var)
    file(READ ${ts} text)
    # Characters a CMake list would take as its own stand for themselves here.
    string(REPLACE ";" "&#59;" text "${text}")
    string(REPLACE "[" "&#91;" text "${text}")
    string(REPLACE "]" "&#93;" text "${text}")
    string(REGEX MATCHALL "<message[^>]*>.*</message>" all "${text}")
    # One list item per message: the contexts are split at each message's end.
    string(REPLACE "</message>" "</message>;" all "${all}")
    set(found)
    set(context "")
    foreach(m IN LISTS all)
        # A context's first message carries the context's name before it.
        if(m MATCHES "<name>([^<]*)</name>")
            set(context "${CMAKE_MATCH_1}")
        endif()
        if(kind STREQUAL "empty")
            string(REGEX MATCH "<translation>[ \t\n]*</translation>|<translation/>|<numerusform>[ \t\n]*</numerusform>" hit "${m}")
        else()
            string(REGEX MATCH "<translation[^>]*type=\"${kind}\"" hit "${m}")
        endif()
        if(hit)
            string(REGEX MATCH "<source>([^<]*)</source>" source "${m}")
            list(APPEND found "${context}: \"${CMAKE_MATCH_1}\"")
        endif()
    endforeach()
    set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

set(problems 0)
foreach(ts IN LISTS copies)
    get_filename_component(name ${ts} NAME)
    foreach(kind unfinished vanished obsolete empty)
        messages(${ts} ${kind} found)
        list(LENGTH found n)
        if(n GREATER 0)
            if(kind STREQUAL "unfinished")
                set(why "without a finished translation (new in the sources, or unfinished in ${name})")
            elseif(kind STREQUAL "empty")
                set(why "translated as nothing")
            else()
                set(why "in ${name} but no longer in the sources (${kind})")
            endif()
            list(JOIN found "\n    " lines)
            message("${name}: ${n} string(s) ${why}:\n    ${lines}")
            math(EXPR problems "${problems} + ${n}")
        endif()
    endforeach()
endforeach()

if(problems GREATER 0)
    message(FATAL_ERROR "translations: ${problems} problem(s); `cmake --build build --target update_translations`, "
        "then translate what it marks unfinished (Qt Linguist, or the .ts files by hand)")
endif()
message("translations: every source string has a translation in ${TS_FILES}")
