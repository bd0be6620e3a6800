# The corpus store's tests beyond tests/unit/store_test.cc (which the unit glob
# builds; it needs the store library too).
if(TARGET store_test)
  target_link_libraries(store_test PRIVATE marsad_store)
endif()
