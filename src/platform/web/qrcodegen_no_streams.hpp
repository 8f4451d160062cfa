#pragma once
// Force-included into qrcodegen.cpp in the wasm build (CMakeLists.txt).  qrcodegen writes one
// error message ("Data length = ... bits") with a std::ostringstream, and that one use links all
// of libc++'s streams and locales into the app: about 57 KB of wasm, more than the QR code
// encoder itself.  This stands in for it, with the same words; the library is not changed.
#include <sstream>  // first, under its real name: qrcodegen's own #include <sstream> is then a no-op
#include <string>

namespace std {  // where qrcodegen looks for it (std::ostringstream)
struct cpa_qr_message {
  std::string text;
  cpa_qr_message& operator<<(const char* words) {
    text += words;
    return *this;
  }
  cpa_qr_message& operator<<(int number) {
    text += std::to_string(number);
    return *this;
  }
  std::string str() const { return text; }
};
}  // namespace std

#define ostringstream cpa_qr_message
