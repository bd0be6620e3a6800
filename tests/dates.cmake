# Dates: accuracy on the hand-annotated gold (tests/data/dates/gold.jsonl) and on
# dateparser's Arabic test cases, through the CLI as users run it. Sentences of
# eval-only corpora are read from ../shared; without it both tests skip (77).
# /usr/bin/python3 is Debian's (a pyenv python3 may come first on PATH).
if(TARGET marsad)
  set(DATES_EVAL ${PROJECT_SOURCE_DIR}/bench/dates/eval_gold.py)
  add_test(NAME dates_gold_accuracy
    COMMAND /usr/bin/python3 ${DATES_EVAL} --marsad $<TARGET_FILE:marsad> --min-f1 0.95 --min-value 0.95)
  add_test(NAME dates_dateparser_tests
    COMMAND /usr/bin/python3 ${DATES_EVAL} --marsad $<TARGET_FILE:marsad> --min-pass 21
            --dateparser-tests ${PROJECT_SOURCE_DIR}/../shared/data/dates/dateparser-ar-tests.jsonl)
  set_tests_properties(dates_gold_accuracy dates_dateparser_tests PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
