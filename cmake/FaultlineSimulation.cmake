# faultline_add_simulation(): builds an annotated protocol against faultline's
# simulator (annotations/faultline/simulator.h, docs/runtime.md).
#
#   faultline_add_simulation(NAME
#     DESCRIBE <function>   # the protocol's registration, e.g. broadcast_ack::describeSimulation
#     HEADER <file>         # the header that declares it
#     SOURCES <file>...     # the protocol's sources, a send() that calls
#                           # faultline::sim::send instead of the real transport,
#                           # and the file that defines DESCRIBE
#     [MODEL <file>]        # the source `faultline check` reads the model from
#     [TESTS <file>...])    # GoogleTest sources of its unit tests
#
# makes
#   NAME_simulation  a static library of SOURCES;
#   NAME-replay      the replay binary (faultline/sim/replay.h): runs a scenario
#                    fault-free, under a schedule from `faultline check
#                    --emit-schedules`, or under random schedules; with
#                    MODEL, it embeds the fingerprint of each scenario's model
#                    (faultline extract --fingerprints, run at build time with
#                    the project's compile_commands.json) and refuses a
#                    schedule that comes from another version of the protocol;
#   NAME-test        the unit tests, registered with ctest (with TESTS).
#
# None of them goes into compile_commands.json: faultline reads the
# protocol's sources from the project's own targets, once.

set(FAULTLINE_ANNOTATIONS_DIR ${CMAKE_CURRENT_LIST_DIR}/../annotations)
set(FAULTLINE_REPLAY_MAIN_IN ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp.in)
set(FAULTLINE_FINGERPRINTS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/FaultlineModelFingerprints.cmake)

function(faultline_add_simulation name)
  cmake_parse_arguments(ARG "" "DESCRIBE;HEADER;MODEL" "SOURCES;TESTS" ${ARGN})
  if(NOT ARG_DESCRIBE OR NOT ARG_HEADER OR NOT ARG_SOURCES)
    message(FATAL_ERROR "faultline_add_simulation(${name}) needs DESCRIBE, HEADER and SOURCES")
  endif()

  add_library(${name}_simulation STATIC ${ARG_SOURCES})
  target_include_directories(${name}_simulation PUBLIC ${FAULTLINE_ANNOTATIONS_DIR})
  target_compile_features(${name}_simulation PUBLIC cxx_std_17)
  set_target_properties(${name}_simulation PROPERTIES EXPORT_COMPILE_COMMANDS OFF)

  # The replay's main() only calls DESCRIBE: generated, so that a protocol
  # adds no file for it. The replay compiles the protocol again, with
  # libstdc++'s checked iterators: a handler that uses an invalid iterator
  # (erasing from a map inside a range-for over it) aborts with a message
  # instead of doing whatever undefined behaviour does in this build. (The
  # model, whose updates apply at the next step, cannot see such bugs.)
  get_filename_component(FAULTLINE_DESCRIBE_HEADER ${ARG_HEADER} ABSOLUTE)
  set(FAULTLINE_DESCRIBE ${ARG_DESCRIBE})
  set(main ${CMAKE_CURRENT_BINARY_DIR}/${name}-replay-main.cpp)
  set(FAULTLINE_MODEL_HEADER ${CMAKE_CURRENT_BINARY_DIR}/${name}-model.h)
  # faultline itself when it is built here, else one installed.
  if(TARGET faultline)
    set(faultline_exe $<TARGET_FILE:faultline>)
  else()
    find_program(faultline_exe faultline)
  endif()
  if(ARG_MODEL AND faultline_exe)
    get_filename_component(model ${ARG_MODEL} ABSOLUTE)
    # The model changes with the protocol's headers as well as its source.
    get_filename_component(model_dir ${model} DIRECTORY)
    file(GLOB model_headers ${model_dir}/*.h ${model_dir}/../common/*.h)
    add_custom_command(OUTPUT ${FAULTLINE_MODEL_HEADER}
      COMMAND ${CMAKE_COMMAND} -DFAULTLINE=${faultline_exe} -DBUILD_DIR=${CMAKE_BINARY_DIR}
              -DSOURCE=${model} -DOUTPUT=${FAULTLINE_MODEL_HEADER}
              -P ${FAULTLINE_FINGERPRINTS_SCRIPT}
      DEPENDS ${model} ${model_headers} ${FAULTLINE_FINGERPRINTS_SCRIPT}
              $<$<TARGET_EXISTS:faultline>:faultline>
              $<$<TARGET_EXISTS:faultline-cxx>:faultline-cxx>
      COMMENT "Fingerprinting the model of ${name}" VERBATIM)
  else()
    file(WRITE ${FAULTLINE_MODEL_HEADER}
      "#define FAULTLINE_MODEL_FINGERPRINTS faultline::sim::ModelFingerprints{}\n")
  endif()
  configure_file(${FAULTLINE_REPLAY_MAIN_IN} ${main} @ONLY)
  add_executable(${name}-replay ${main} ${FAULTLINE_MODEL_HEADER} ${ARG_SOURCES})
  target_include_directories(${name}-replay PRIVATE ${FAULTLINE_ANNOTATIONS_DIR})
  target_compile_features(${name}-replay PRIVATE cxx_std_17)
  target_compile_definitions(${name}-replay PRIVATE _GLIBCXX_DEBUG)
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
    get_filename_component(header_dir ${FAULTLINE_DESCRIBE_HEADER} DIRECTORY)
    target_include_directories(${name}-test PRIVATE ${header_dir})
    target_link_libraries(${name}-test PRIVATE ${name}_simulation GTest::gtest_main)
    set_target_properties(${name}-test PROPERTIES EXPORT_COMPILE_COMMANDS OFF)
    gtest_discover_tests(${name}-test DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
