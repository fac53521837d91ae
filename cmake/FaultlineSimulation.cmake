# faultline_add_simulation(): builds an annotated protocol against faultline's
# simulator (annotations/faultline/simulator.h, docs/runtime.md).
#
#   faultline_add_simulation(NAME
#     SOURCES <file>...     # the protocol's sources
#     [MODEL <file>...]     # the ones faultline reads the protocol from: files of
#                           # compile_commands.json (default: SOURCES)
#     [TESTS <file>...])    # GoogleTest sources of its unit tests
#
# Nothing else is written by hand: at build time, `faultline extract
# --emit=simulation` reads MODEL with the project's compile_commands.json and
# writes NAME-simulation.cpp, which tells the simulator every role, handler,
# state member, message, struct, enum, invariant and scenario the model has
# (faultline::sim::describeProtocol()) and defines the FL_SEND function so
# that it hands each message to the simulator instead of the real transport
# (the project's transport source stays out of SOURCES). It is built the way
# TableGen's outputs are: again whenever MODEL or a header next to it (or in
# ../common) changes, or faultline itself.
#
# makes
#   NAME_simulation  a static library of SOURCES and the generated set-up;
#   NAME-replay      the replay binary (faultline/sim/replay.h): runs a scenario
#                    fault-free, under a schedule from `faultline check
#                    --emit-schedules`, or under random schedules; it embeds
#                    the fingerprint of each scenario's model (faultline
#                    extract --fingerprints, also run at build time) and
#                    refuses a schedule that comes from another version of the
#                    protocol;
#   NAME-test        the unit tests, registered with ctest (with TESTS); they
#                    call faultline::sim::describeProtocol(P).
#
# None of them goes into compile_commands.json: faultline reads the
# protocol's sources from the project's own targets, once.

# faultlineConfig.cmake (an installed faultline) sets it before including this.
if(NOT FAULTLINE_ANNOTATIONS_DIR)
  set(FAULTLINE_ANNOTATIONS_DIR ${CMAKE_CURRENT_LIST_DIR}/../annotations)
endif()
set(FAULTLINE_REPLAY_MAIN_IN ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp.in)
set(FAULTLINE_FINGERPRINTS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/FaultlineModelFingerprints.cmake)

function(faultline_add_simulation name)
  cmake_parse_arguments(ARG "" "" "SOURCES;MODEL;TESTS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "faultline_add_simulation(${name}) needs SOURCES")
  endif()
  if(NOT ARG_MODEL)
    set(ARG_MODEL ${ARG_SOURCES})
  endif()
  # faultline itself when it is built here, else the package's (or one on
  # the PATH).
  if(TARGET faultline)
    set(faultline_exe $<TARGET_FILE:faultline>)
  elseif(FAULTLINE_EXECUTABLE)
    set(faultline_exe ${FAULTLINE_EXECUTABLE})
  else()
    find_program(faultline_exe faultline)
    if(NOT faultline_exe)
      message(FATAL_ERROR "faultline_add_simulation(${name}): no faultline on the PATH to "
                          "generate the simulator's set-up with")
    endif()
  endif()

  # The model changes with the protocol's headers as well as its sources.
  set(models "")
  set(model_headers "")
  foreach(source IN LISTS ARG_MODEL)
    get_filename_component(model ${source} ABSOLUTE)
    list(APPEND models ${model})
    get_filename_component(model_dir ${model} DIRECTORY)
    file(GLOB headers ${model_dir}/*.h ${model_dir}/../common/*.h)
    list(APPEND model_headers ${headers})
  endforeach()
  # `faultline extract` runs in faultline-cxx, the executable that links Clang.
  set(model_depends ${models} ${model_headers} $<$<TARGET_EXISTS:faultline>:faultline>
                    $<$<TARGET_EXISTS:faultline-cxx>:faultline-cxx>)

  set(setup ${CMAKE_CURRENT_BINARY_DIR}/${name}-simulation.cpp)
  add_custom_command(OUTPUT ${setup}
    COMMAND ${faultline_exe} extract --emit=simulation -p ${CMAKE_BINARY_DIR} ${models}
            -o ${setup}
    DEPENDS ${model_depends}
    COMMENT "Generating the simulator's set-up of ${name}" VERBATIM)

  # The replay reads schedules with nlohmann-json, the tests use GoogleTest:
  # found here when the project has not found them itself.
  if(NOT TARGET nlohmann_json::nlohmann_json)
    find_package(nlohmann_json 3 REQUIRED)
  endif()
  if(ARG_TESTS AND NOT TARGET GTest::gtest_main)
    find_package(GTest REQUIRED)
    include(GoogleTest)
  endif()

  add_library(${name}_simulation STATIC ${ARG_SOURCES} ${setup})
  target_include_directories(${name}_simulation PUBLIC ${FAULTLINE_ANNOTATIONS_DIR})
  target_compile_features(${name}_simulation PUBLIC cxx_std_17)
  set_target_properties(${name}_simulation PROPERTIES EXPORT_COMPILE_COMMANDS OFF)

  # The replay's main() only calls the generated describeProtocol():
  # generated too. The replay compiles the protocol again, with libstdc++'s
  # checked iterators: a handler that uses an invalid iterator (erasing
  # from a map inside a range-for over it) aborts with a message instead of
  # doing whatever undefined behaviour does in this build. (The model,
  # whose updates apply at the next step, cannot see such bugs.)
  set(main ${CMAKE_CURRENT_BINARY_DIR}/${name}-replay-main.cpp)
  set(FAULTLINE_MODEL_HEADER ${CMAKE_CURRENT_BINARY_DIR}/${name}-model.h)
  list(JOIN models "|" model_list)
  add_custom_command(OUTPUT ${FAULTLINE_MODEL_HEADER}
    COMMAND ${CMAKE_COMMAND} -DFAULTLINE=${faultline_exe} -DBUILD_DIR=${CMAKE_BINARY_DIR}
            -DSOURCES=${model_list} -DOUTPUT=${FAULTLINE_MODEL_HEADER}
            -P ${FAULTLINE_FINGERPRINTS_SCRIPT}
    DEPENDS ${model_depends} ${FAULTLINE_FINGERPRINTS_SCRIPT}
    COMMENT "Fingerprinting the model of ${name}" VERBATIM)
  configure_file(${FAULTLINE_REPLAY_MAIN_IN} ${main} @ONLY)
  add_executable(${name}-replay ${main} ${FAULTLINE_MODEL_HEADER} ${ARG_SOURCES} ${setup})
  target_include_directories(${name}-replay PRIVATE ${FAULTLINE_ANNOTATIONS_DIR})
  target_compile_features(${name}-replay PRIVATE cxx_std_17)
  target_compile_definitions(${name}-replay PRIVATE _GLIBCXX_DEBUG)
  # The protocol's asserts are properties faultline checks: the replay
  # keeps them, whatever the build type (after its -DNDEBUG).
  target_compile_options(${name}-replay PRIVATE -UNDEBUG)
  # GCC 12 warns falsely about std::string's own copies in debug mode
  # (-Wrestrict, GCC bug 105651).
  target_compile_options(${name}-replay PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  # Unoptimized, a sanitized replay of thousands of random schedules is
  # slow; -O1 is what AddressSanitizer recommends anyway.
  target_compile_options(${name}-replay PRIVATE $<$<CONFIG:Debug>:-O1>)
  target_link_libraries(${name}-replay PRIVATE nlohmann_json::nlohmann_json)
  set_target_properties(${name}-replay PROPERTIES EXPORT_COMPILE_COMMANDS OFF)

  if(ARG_TESTS)
    add_executable(${name}-test ${ARG_TESTS})
    target_link_libraries(${name}-test PRIVATE ${name}_simulation GTest::gtest_main)
    set_target_properties(${name}-test PROPERTIES EXPORT_COMPILE_COMMANDS OFF)
    gtest_discover_tests(${name}-test DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
