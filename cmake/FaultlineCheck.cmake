# faultline_check(): faultline in a target's build, as a clang plugin.
#
#   faultline_check(<target> [WARN_ONLY] [TIMEOUT <seconds>] [MAX_RUNS <n>])
#
# compiles <target>'s C++ sources with faultline's clang plugin (the target
# must be built by clang-19: the plugin loads into it), which reports
# problems with the annotated code as warnings during each compile (errors
# under -Werror) and writes each TU's extraction. Once <target> is built,
# `faultline check --from-objects` links the extractions of the target's
# current sources and searches every scenario, without parsing anything
# again; a counterexample fails the build unless WARN_ONLY is given.
# TIMEOUT and MAX_RUNS are check's --timeout and --max-runs (a search they
# stop is inconclusive, which does not fail the build). A scenario whose
# model, bounds and options did not change since the last check is not
# searched again (its verdict is kept in <the extractions' folder>/
# .faultline-cache): a relink with no change to the protocol runs no search.
#
#   faultline_add_tests(<target> [TIMEOUT <seconds>] [MAX_RUNS <n>]
#                       [LABELS <label>...])
#
# registers one CTest test per scenario of <target>, named
# faultline.<target>.<scenario>, labelled `faultline` and LABELS, which runs
# `faultline check --scenario <scenario>` on the target's extractions (so
# `ctest -j N`, CDash and CI matrices spread the scenarios). TIMEOUT is
# the search's --timeout, and the test's TIMEOUT property a minute more.
# The scenarios are known once <target> is built: its build lists them
# into a file CTest includes (as gtest_discover_tests does); before the
# first build, a single test faultline.<target>.NOT_BUILT fails. It
# compiles <target> with the plugin as faultline_check() does, with or
# without a faultline_check() of the same target.
#
# The extractions go to CMakeFiles/<target>.dir/faultline/<the source's
# absolute path>.faultline.json (-fplugin-arg-faultline-out-dir): names
# known before anything is compiled, so that they are declared as the
# build's byproducts (`ninja -t clean` removes them, `ninja -t cleandead`
# those of sources taken out of the target) and the check reads the list of
# the target's sources rather than whatever a folder holds.
#
# In faultline's own build the plugin and the tool are its targets; in a
# project using an installed faultline, find_package(faultline CONFIG) sets
# FAULTLINE_PLUGIN and FAULTLINE_EXECUTABLE (or set them by hand to the
# plugin, faultline-plugin.so, and the tool before calling it).

set(FAULTLINE_CHECK_OBJECTS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/FaultlineCheckObjects.cmake)

# Where the plugin writes the extraction of <source> (absolute) under
# <dir>; the plugin's outDirPath() names it the same way.
function(_faultline_fragment_path out dir source)
  cmake_path(GET source ROOT_NAME root)
  string(REPLACE ":" "" root "${root}")
  cmake_path(GET source RELATIVE_PART rest)
  set(${out} "${dir}/${root}/${rest}.faultline.json")
  cmake_path(NORMAL_PATH ${out})
  set(${out} "${${out}}" PARENT_SCOPE)
endfunction()

# The plugin in <target>'s compiles, once: sets <out_dir> to where its
# extractions go and <exe> to the faultline to run on them.
function(_faultline_instrument target out_dir exe)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "faultline_check(${target}): the faultline plugin loads into clang; "
                        "configure with -DCMAKE_CXX_COMPILER=clang++-19")
  endif()
  if(FAULTLINE_PLUGIN)
    set(plugin ${FAULTLINE_PLUGIN})
  elseif(TARGET faultline-plugin)
    set(plugin $<TARGET_FILE:faultline-plugin>)
    add_dependencies(${target} faultline-plugin)
  else()
    message(FATAL_ERROR "faultline_check(${target}): set FAULTLINE_PLUGIN to faultline-plugin.so")
  endif()
  if(FAULTLINE_EXECUTABLE)
    set(exe_path ${FAULTLINE_EXECUTABLE})
  elseif(TARGET faultline)
    set(exe_path $<TARGET_FILE:faultline>)
    add_dependencies(${target} faultline)
  else()
    message(FATAL_ERROR "faultline_check(${target}): set FAULTLINE_EXECUTABLE to faultline")
  endif()
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.dir/faultline)
  set(${out_dir} ${dir} PARENT_SCOPE)
  set(${exe} ${exe_path} PARENT_SCOPE)
  get_target_property(done ${target} _FAULTLINE_INSTRUMENTED)
  if(done)
    return()
  endif()
  set_property(TARGET ${target} PROPERTY _FAULTLINE_INSTRUMENTED ON)
  # C++ only: the plugin is clang's C++ frontend's, and a C or assembly
  # source of the target has nothing for it.
  target_compile_options(${target} PRIVATE
    "$<$<COMPILE_LANGUAGE:CXX>:-fplugin=${plugin}>"
    "$<$<COMPILE_LANGUAGE:CXX>:-fplugin-arg-faultline-out-dir=${dir}>")
  # The clean target removes them all, whatever their sources were.
  set_property(TARGET ${target} APPEND PROPERTY ADDITIONAL_CLEAN_FILES "${dir}")
endfunction()

function(faultline_check target)
  cmake_parse_arguments(ARG "WARN_ONLY" "TIMEOUT;MAX_RUNS" "" ${ARGN})
  _faultline_instrument(${target} out_dir exe)
  set_property(TARGET ${target} PROPERTY _FAULTLINE_CHECKED ON)
  # The check and its byproducts once the directory is processed, so that
  # sources added after this call are among them.
  cmake_language(EVAL CODE
    "cmake_language(DEFER CALL _faultline_check_add_command [[${target}]] [[${exe}]] "
    "[[${out_dir}]] [[${ARG_WARN_ONLY}]] [[${ARG_TIMEOUT}]] [[${ARG_MAX_RUNS}]] [[check]])")
endfunction()

function(faultline_add_tests target)
  cmake_parse_arguments(ARG "" "TIMEOUT;MAX_RUNS" "LABELS" ${ARGN})
  foreach(limit TIMEOUT MAX_RUNS)
    if(DEFINED ARG_${limit} AND NOT ARG_${limit} MATCHES "^[1-9][0-9]*$")
      message(FATAL_ERROR "faultline_add_tests(${target}): ${limit} takes a whole number above "
                          "0, not '${ARG_${limit}}'")
    endif()
  endforeach()
  _faultline_instrument(${target} out_dir exe)
  # CTest includes the list the build writes, once there is one.
  set(tests ${out_dir}/ctest-tests.cmake)
  set(wrapper ${CMAKE_CURRENT_BINARY_DIR}/${target}_faultline_tests.cmake)
  file(WRITE ${wrapper}
    "if(EXISTS [[${tests}]])\n"
    "  include([[${tests}]])\n"
    "else()\n"
    "  add_test(faultline.${target}.NOT_BUILT faultline.${target}.NOT_BUILT)\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${wrapper})
  cmake_language(EVAL CODE
    "cmake_language(DEFER CALL _faultline_check_add_command [[${target}]] [[${exe}]] "
    "[[${out_dir}]] [[]] [[${ARG_TIMEOUT}]] [[${ARG_MAX_RUNS}]] [[tests]] [[${ARG_LABELS}]])")
endfunction()

# mode: `check` (faultline_check) or `tests` (faultline_add_tests).
function(_faultline_check_add_command target exe out_dir warn_only timeout max_runs mode)
  set(labels "${ARGN}")
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  # The extractions of the C++ sources named without generator expressions
  # (the others' are known only when generating: the clean target removes
  # those). The plugin writes one for each C++ TU it compiles, even one with
  # nothing annotated, so every byproduct exists after a build.
  set(byproducts ${out_dir}/fragments.txt)
  foreach(source IN LISTS sources)
    if(source MATCHES "\\$<")
      continue()
    endif()
    get_source_file_property(header ${source} TARGET_DIRECTORY ${target} HEADER_FILE_ONLY)
    get_source_file_property(language ${source} TARGET_DIRECTORY ${target} LANGUAGE)
    cmake_path(GET source EXTENSION LAST_ONLY ext)
    string(REGEX REPLACE "^\\." "" ext "${ext}")
    if(header OR (language AND NOT language STREQUAL "CXX") OR
       (NOT language AND NOT ext IN_LIST CMAKE_CXX_SOURCE_FILE_EXTENSIONS))
      continue()
    endif()
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${source_dir} NORMALIZE)
    _faultline_fragment_path(fragment ${out_dir} ${source})
    list(APPEND byproducts ${fragment})
  endforeach()
  if(mode STREQUAL "tests")
    # The extractions are the check's byproducts where it has one.
    get_target_property(checked ${target} _FAULTLINE_CHECKED)
    if(checked)
      set(byproducts "")
    endif()
    list(APPEND byproducts ${out_dir}/ctest-tests.cmake)
    set(comment "faultline: listing the scenarios of ${target} for CTest")
  else()
    set(comment "faultline: checking the scenarios of ${target}")
  endif()
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DFAULTLINE=${exe} -DOUT_DIR=${out_dir}
            -DSOURCE_DIR=${source_dir}
            "-DSOURCES=$<JOIN:$<TARGET_PROPERTY:${target},SOURCES>,|>"
            -DWARN_ONLY=${warn_only} -DTIMEOUT=${timeout} -DMAX_RUNS=${max_runs}
            -DMODE=${mode} -DTARGET=${target} "-DLABELS=${labels}"
            -P ${FAULTLINE_CHECK_OBJECTS_SCRIPT}
    BYPRODUCTS ${byproducts}
    COMMENT "${comment}"
    VERBATIM)
endfunction()
