// The dashboard's files, compiled in from the web/ build (web_build.cmake).
// When npm was missing or failed at build time, the page served at / says so
// and how to build it; the API works either way.
#include <string_view>

#include "api.h"

namespace marsad::internal {
extern const std::string_view web_index_html;
extern const std::string_view web_app_js;
extern const std::string_view web_app_css;
}  // namespace marsad::internal

namespace marsad::server {

// web_build.cmake writes this marker first in the placeholder page.
bool dashboard_built() {
  return marsad::internal::web_index_html.substr(0, 30).find("marsad:unbuilt") == std::string_view::npos;
}

namespace internal {

void register_assets(httplib::Server& http) {
  auto file = [&http](const char* path, std::string_view body, const char* type) {
    http.Get(path, [body, type](const httplib::Request&, httplib::Response& res) {
      res.set_content(body.data(), body.size(), type);
    });
  };
  file("/", marsad::internal::web_index_html, "text/html; charset=utf-8");
  file("/index.html", marsad::internal::web_index_html, "text/html; charset=utf-8");
  file("/app.js", marsad::internal::web_app_js, "text/javascript; charset=utf-8");
  file("/app.css", marsad::internal::web_app_css, "text/css; charset=utf-8");
}

}  // namespace internal
}  // namespace marsad::server
