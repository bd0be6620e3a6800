# Events and quotes (issue 5): the evaluation driver (bench/events/eval_events.cc) is built
# with the tests; the UP Arabic gold evaluation and the hand-checked set run as ctest
# entries and skip (77) when ../shared is absent.
add_executable(eval_events ${PROJECT_SOURCE_DIR}/bench/events/eval_events.cc)
target_link_libraries(eval_events PRIVATE marsad_output simdjson::simdjson)

set(UP_GOLD ${PROJECT_SOURCE_DIR}/../shared/data/events/up-arabic-gold-dev.jsonl)
add_test(NAME events_up_gold COMMAND eval_events up ${UP_GOLD})
set_tests_properties(events_up_gold PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
add_test(NAME events_hand_checked
  COMMAND eval_events hand ${PROJECT_SOURCE_DIR}/tests/data/events/hand.tsv ${PROJECT_SOURCE_DIR}/../shared)
set_tests_properties(events_hand_checked PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
