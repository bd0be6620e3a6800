# cmake -DNODE=node -DNPM=npm -DWEB=web/ -DOUT=dir -DMODULES=dir -P web_build.cmake
#
# Builds the dashboard into OUT (index.html, app.js, app.css, built.stamp):
# `npm ci` in MODULES (a folder of the build, holding copies of web/'s
# package.json and lock file) when its node_modules is missing or older than
# the lock, then web/build.mjs (esbuild). The source tree is not written to,
# so builds in several folders do not run npm in the same place. Never fails:
# on any problem it writes a placeholder page that says how to build the
# dashboard, and warns.
file(MAKE_DIRECTORY ${OUT})
file(REMOVE ${OUT}/built.stamp)

function(placeholder why)
  message(WARNING "marsad: the dashboard was not built: ${why}\n"
                  "marsad serve will serve the API and a page saying so. Install node and npm "
                  "(scripts/bootstrap) and rebuild to get the dashboard.")
  file(WRITE ${OUT}/index.html "<!-- marsad:unbuilt -->
<!doctype html>
<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>مرصد — marsad</title></head>
<body>
<h1>لم تُبنَ لوحة مرصد</h1>
<p>ثبّت node و npm (scripts/bootstrap) ثم أعد البناء: <code>cmake --build build</code>. واجهة البرمجة تعمل: <a href=\"/api/stats\">/api/stats</a>.</p>
<div dir=\"ltr\" lang=\"en\">
<h1>The marsad dashboard was not built</h1>
<p>When this binary was built: ${why}.</p>
<p>Install node and npm (<code>scripts/bootstrap</code>), then rebuild (<code>cmake --build build</code>):
the build runs <code>npm ci</code> and esbuild in <code>web/</code> and compiles the page in.
The JSON API works without it: <a href=\"/api/stats\">/api/stats</a>, see docs/api.md.</p>
</div>
</body></html>
")
  file(WRITE ${OUT}/app.js "")
  file(WRITE ${OUT}/app.css "")
endfunction()

if(NOT NODE OR NOT NPM)
  placeholder("node or npm was not found (or MARSAD_WEB=OFF)")
  return()
endif()

file(MAKE_DIRECTORY ${MODULES})
file(COPY_FILE ${WEB}/package.json ${MODULES}/package.json ONLY_IF_DIFFERENT)
file(COPY_FILE ${WEB}/package-lock.json ${MODULES}/package-lock.json ONLY_IF_DIFFERENT)
if(NOT EXISTS ${MODULES}/node_modules/.package-lock.json OR
   ${MODULES}/package-lock.json IS_NEWER_THAN ${MODULES}/node_modules/.package-lock.json)
  message(STATUS "marsad: npm ci in ${MODULES}")
  execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
    WORKING_DIRECTORY ${MODULES} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 900)
  if(NOT rc EQUAL 0)
    string(SUBSTRING "${err}" 0 600 err)
    placeholder("npm ci failed (${rc}): ${err}")
    return()
  endif()
endif()

execute_process(COMMAND ${NODE} build.mjs ${OUT} ${MODULES}/node_modules
  WORKING_DIRECTORY ${WEB} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  string(SUBSTRING "${err}" 0 600 err)
  placeholder("the esbuild step failed (${rc}): ${err}")
  return()
endif()
file(WRITE ${OUT}/built.stamp "built\n")
