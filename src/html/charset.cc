// Charset detection and conversion to UTF-8 with ICU (ucnv to convert,
// ucsdet to guess when nothing is declared).
//
// A declaration is evidence, not truth: pages declared windows-1256 that are
// really UTF-8 (and the reverse) are common on Arabic sites that changed CMS.
// So a declared legacy charset loses to bytes that are valid, non-ASCII UTF-8,
// and a declared UTF-8 loses to the detector when many bytes are invalid.
#include "html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

#include "base/ascii.h"
#include "marsad/utf8.h"

namespace marsad::internal {
namespace {

std::string lower_trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"' || s.front() == '\'' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\'' || s.back() == '\t' || s.back() == ';'))
    s.remove_suffix(1);
  return ascii_lower(s);
}

// WHATWG Encoding labels for the cases that matter here; anything else is
// handed to ICU as it is. "" = unknown label (the declaration is ignored).
std::string canonical_charset(std::string_view label) {
  std::string l = lower_trim(label);
  if (l.empty()) return "";
  static const struct { const char* label; const char* name; } kLabels[] = {
      {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
      {"utf-16", "utf-8"}, {"utf-16le", "utf-8"}, {"utf-16be", "utf-8"},  // a <meta> cannot be UTF-16: the spec reads it as UTF-8
      {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"},
      {"l1", "windows-1252"}, {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
      {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
      {"windows-1256", "windows-1256"}, {"cp1256", "windows-1256"}, {"x-cp1256", "windows-1256"},
      {"iso-8859-6", "iso-8859-6"}, {"iso8859-6", "iso-8859-6"}, {"iso_8859-6", "iso-8859-6"},
      {"arabic", "iso-8859-6"}, {"asmo-708", "iso-8859-6"}, {"ecma-114", "iso-8859-6"},
      {"iso-ir-127", "iso-8859-6"}, {"csisolatinarabic", "iso-8859-6"}, {"iso-8859-6-i", "iso-8859-6"},
      {"iso-8859-6-e", "iso-8859-6"},
  };
  for (const auto& e : kLabels) {
    if (l == e.label) return e.name;
  }
  // ICU matches names loosely (it skips what is not a letter or digit), so
  // "\xD7utf-8" would open UTF-8 and the label, not valid UTF-8, would reach
  // the output: a label is letters, digits and "-_.:" or it is no label.
  const bool plain = l.size() <= 40 && std::all_of(l.begin(), l.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
  });
  if (!plain) return "";
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(l.c_str(), &err);
  if (U_FAILURE(err) || c == nullptr) return "";
  ucnv_close(c);
  return l;
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Binary data: NULs (outside UTF-16) or many control bytes in the first 4 KiB,
// or a well-known binary magic number.
bool looks_binary(std::string_view b) {
  static const std::string_view kMagic[] = {"\x89PNG", "GIF8", "\xFF\xD8\xFF", "%PDF", "PK\x03\x04", "\x1F\x8B",
                                            "\x7F" "ELF", "BZh", "\xFD" "7zXZ"};
  for (std::string_view m : kMagic) {
    if (b.substr(0, m.size()) == m) return true;
  }
  std::string_view head = b.substr(0, 4096);
  size_t nul = 0, ctrl = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++ctrl;
  }
  return nul * 50 > head.size() || ctrl * 10 > head.size();
}

size_t count_replacements(std::string_view s) {
  size_t n = 0;
  for (size_t i = s.find("\xEF\xBF\xBD"); i != std::string_view::npos; i = s.find("\xEF\xBF\xBD", i + 3)) ++n;
  return n;
}

// Converts with ICU; undecodable bytes become U+FFFD.
Result<std::string> convert(std::string_view bytes, const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return Status(Error::kBadArgument, "unknown charset " + charset);
  std::string out(bytes.size() * 3 + 16, '\0');
  int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    ucnv_reset(cnv.get());
    out.assign(static_cast<size_t>(n) + 1, '\0');
    n = ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) return Status(Error::kCorrupt, std::string("cannot decode as ") + charset + ": " + u_errorName(err));
  out.resize(static_cast<size_t>(n));
  return out;
}

// ICU's statistical guess, for undeclared legacy pages.
std::string detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return "";
  std::string_view sample = bytes.substr(0, 1 << 16);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  ucsdet_enableInputFilter(det.get(), true);  // skip markup: the tags are ASCII and say nothing
  const UCharsetMatch* m = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || m == nullptr) return "";
  const char* name = ucsdet_getName(m, &err);
  if (U_FAILURE(err) || name == nullptr) return "";
  return canonical_charset(name);
}

}  // namespace

std::string charset_of_content_type(std::string_view ct) {
  std::string l = lower_trim(ct);
  size_t at = l.find("charset");
  if (at == std::string::npos) return "";
  at = l.find('=', at);
  if (at == std::string::npos) return "";
  size_t end = l.find_first_of(";, ", at + 1 + (l.size() > at + 1 && (l[at + 1] == ' ') ? 1 : 0));
  std::string_view v = std::string_view(l).substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
  return canonical_charset(v);
}

std::string prescan_meta_charset(std::string_view bytes) {
  std::string head = lower_trim(bytes.substr(0, 8192));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(head).substr(at, end - at);
    size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    size_t eq = tag.find('=', cs);
    if (eq == std::string_view::npos) continue;
    size_t b = eq + 1;
    while (b < tag.size() && (tag[b] == ' ' || tag[b] == '"' || tag[b] == '\'')) ++b;
    size_t e = tag.find_first_of("\"'; />", b);
    std::string name = canonical_charset(tag.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (!name.empty()) return name;
  }
  return "";
}

Result<Decoded> decode_page(std::string_view bytes, std::string_view http_charset) {
  Decoded d;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    d.charset = "utf-8";
    d.from = "bom";
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    d.charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    d.from = "bom";
    bytes.remove_prefix(2);
  } else if (looks_binary(bytes)) {
    return Status(Error::kBinary, "binary data, not a web page");
  }
  if (d.charset.empty()) {
    if (std::string h = canonical_charset(http_charset); !h.empty()) {
      d.charset = h;
      d.from = "http";
    } else if (std::string m = prescan_meta_charset(bytes); !m.empty()) {
      d.charset = m;
      d.from = "meta";
    }
  }
  if (d.from != "bom" || d.charset == "utf-8") {
    const bool valid = validate_utf8(bytes).is_ok();
    if (d.charset != "utf-8" && valid && has_non_ascii(bytes)) {
      d.charset = "utf-8";  // declared wrong (or not at all): the bytes are UTF-8
      d.from = "detected";
    } else if ((d.charset == "utf-8" || d.charset.empty()) && !valid) {
      Repaired r = repair_utf8(bytes);
      // A few bad bytes in a UTF-8 page are damage; many mean a legacy charset.
      if (r.replaced * 200 > bytes.size() || d.charset.empty()) {
        if (std::string g = detect(bytes); !g.empty() && g != "utf-8") {
          d.charset = g;
          d.from = "detected";
        }
      }
      if (d.charset == "utf-8" || d.charset.empty()) {
        d.charset = "utf-8";
        if (d.from.empty()) d.from = "default";
        d.text = std::move(r.text);
        d.replaced = r.replaced;
        return d;
      }
    } else if (d.charset.empty()) {
      d.charset = "utf-8";
      d.from = "default";
    }
  }
  if (d.charset == "utf-8") {
    Repaired r = repair_utf8(bytes);  // also turns NULs into U+FFFD
    d.text = std::move(r.text);
    d.replaced = r.replaced;
    return d;
  }
  auto conv = convert(bytes, d.charset);
  if (!conv) return conv.status();
  Repaired r = repair_utf8(*conv);  // NULs
  d.text = std::move(r.text);
  d.replaced = count_replacements(d.text);
  return d;
}

}  // namespace marsad::internal
