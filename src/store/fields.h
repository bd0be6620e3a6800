// `--field name=path`: JSON inputs whose fields have other names or sit deeper.
// The line is rewritten so that document_from_json (input.h) finds each mapped
// value under its usual name; every other field passes through untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/store.h"

namespace marsad::internal {

Result<std::string> remap_fields(std::string_view json, const std::vector<FieldMap>& maps);

}  // namespace marsad::internal
