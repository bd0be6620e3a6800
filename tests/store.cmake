# The corpus store's tests beyond tests/unit/store_test.cc (which the unit glob
# builds; it needs the store library too).
if(TARGET store_test)
  target_link_libraries(store_test PRIVATE marsad_store)
endif()

# Shell tests of the CLI against real files (they need bash, sqlite3 and python3;
# scripts/bootstrap installs them): crash safety, bad inputs, the commands.
foreach(t crash bad_inputs cli)
  add_test(NAME store_${t}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/store/${t}_test.sh $<TARGET_FILE:marsad> ${PROJECT_SOURCE_DIR})
  set_tests_properties(store_${t} PROPERTIES TIMEOUT 900 LABELS store)
endforeach()
