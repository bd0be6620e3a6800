# marsad serve: the API test (tests/unit/server_test.cc, built by the unit glob;
# it needs the server library too), the CLI's start and stop on a signal, and
# the browser test (headless Debian chromium driven by playwright-core from the
# npm packages the build installed for web/), which skips with a message when
# either is missing.
if(TARGET server_test)
  target_link_libraries(server_test PRIVATE marsad_server marsad_store simdjson::simdjson)
endif()

add_test(NAME server_cli
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/web/serve_test.sh $<TARGET_FILE:marsad> ${PROJECT_SOURCE_DIR})
set_tests_properties(server_cli PROPERTIES TIMEOUT 300 LABELS server SKIP_RETURN_CODE 77)

find_program(MARSAD_TEST_NODE node)
add_test(NAME server_browser
  COMMAND ${CMAKE_COMMAND} -E env MARSAD_BIN=$<TARGET_FILE:marsad> MARSAD_SOURCE_DIR=${PROJECT_SOURCE_DIR}
          MARSAD_SCREENSHOTS=${CMAKE_BINARY_DIR}/screenshots MARSAD_NODE_MODULES=${MARSAD_WEB_NODE_MODULES}
          sh -c "if [ -z '${MARSAD_TEST_NODE}' ]; then echo 'SKIP: node not found'; exit 77; fi; exec '${MARSAD_TEST_NODE}' '${CMAKE_CURRENT_SOURCE_DIR}/web/browser_test.mjs'")
set_tests_properties(server_browser PROPERTIES TIMEOUT 600 LABELS server SKIP_RETURN_CODE 77)
