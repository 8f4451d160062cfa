#pragma once
// Functions implemented in web/lib_*.js (linked with --js-library).
#include <cstdint>

extern "C" {
// platform effects
void cpa_js_open_url(const char* url);
void cpa_js_history(int op, const char* path);  // 1 push, 2 replace, 3 back
void cpa_js_announce(const char* text, int urgent);
void cpa_js_print(const char* title, const char* html_body);
void cpa_js_download(const char* filename, const char* mime_type, const char* data, int size);
// accessibility mirror
void cpa_js_update_mirror(const char* semantics_json);
void cpa_js_move_mirror(const float* positions, int count);  // x, y, w, h of each node, in order
void cpa_js_focus_input(std::uint32_t id);                   // focus a text field's DOM input: the keyboard opens
void cpa_js_choose_file(void);                               // the file chooser; the text comes back to cpa_file_chosen
// A new text size: the app scrolls the element with focus back into sight.
void cpa_js_layout_changed(void);
// storage (web/lib_storage.js)
void cpa_js_storage_open(void);
void cpa_js_storage_save(const char* record, double revision, const char* fallback, int keep_replaced_as_damaged,
                         int keep_fallback, int urgent);
void cpa_js_storage_persist(void);
void cpa_js_storage_unlock(const char* passphrase, const char* aad);
void cpa_js_storage_change_lock(const char* current, const char* passphrase, double iterations, int lock_after_minutes,
                                const char* aad, const char* document, const char* fallback, int rewrite);
void cpa_js_storage_forget_key(void);
void cpa_js_storage_delete_all(void);
// share with a carer (web/lib_share.js)
void cpa_js_share_seal(const char* payload, int compress, const char* passphrase, const char* aad, double iterations);
void cpa_js_share_open(const char* data_b64, const char* passphrase, const char* aad, double iterations);
void cpa_js_share_copy(const char* text);
void cpa_js_share_system(const char* title, const char* text, const char* url);
void cpa_js_share_startup(void);
void cpa_js_share_keep(const char* document);  // "" deletes the kept copy
// quick exit (web/lib_exit.js): off the screen, history replaced, then location.replace(url)
void cpa_js_quick_exit(const char* url, const char* title);
// settings in their own IndexedDB database (web/lib_settings.js), read before main() runs:
// copies the stored document into out (NUL-terminated) and returns its length, or -1 when
// nothing is stored (or it could not be read, or is longer than size - 1)
int cpa_js_settings_document(char* out, int size);
void cpa_js_settings_save(const char* document);
// the device's display media queries, as bits: 1 dark, 2 more contrast, 4 forced colours,
// 8 reduced motion; cpa_display_changed is called when one changes
int cpa_js_display_media(void);
// the CSS system colours the device forces (Canvas, CanvasText, LinkText, ButtonFace,
// ButtonText, Highlight, HighlightText), as 0xRRGGBB into out; 0 when the browser cannot say
int cpa_js_system_colours(unsigned* out, int count);
// the page around the canvas follows the theme drawn ("light", "dark", "high-contrast",
// "forced-colours"; its page
// and top bar colours as "#RRGGBB"), and the dyslexia-friendly font for the text fields' own DOM
// inputs (1 on)
void cpa_js_display_page(const char* theme, const char* page_colour, const char* bar_colour, int dyslexia_font);
// fetch the dyslexia-friendly font's files for cpa_js_asset_take; calls cpa_fonts_loaded(ok)
void cpa_js_load_dyslexia_font(void);
// the clock: UTC time stamp and the person's local date
void cpa_js_clock(char* now_utc, int now_size, char* today, int today_size);
// kiosk mode: ?mode=kiosk in the address; a timer that calls cpa_kiosk_wake at this time (ms on
// performance.now()'s clock), replacing the one pending
int cpa_js_kiosk_requested(void);
void cpa_js_wake_at(double at_ms);
void cpa_js_kiosk_clear_visit(void);  // core::ClearVisit: print area, live regions, history down to Home
// the page
void cpa_js_install(void);  // listeners for history, visual viewport, mirror events
// A file the page fetched for the core, by its URL (web/lib_heap.js): its size (-1: not
// there), and its bytes copied into dest (size bytes; 1 when done, and the page lets go of it).
int cpa_js_asset_size(const char* url);
int cpa_js_asset_take(const char* url, unsigned char* dest, int size);
// fetch a language's own file (core::LoadLanguage) as an asset; calls cpa_language_loaded(locale,
// file), with file "" when it could not be fetched or did not arrive within wait_ms
void cpa_js_load_language(const char* locale, const char* file, int wait_ms);
// A named moment of start-up in the browser's performance timeline (./cpa bench traces the first frame).
void cpa_js_mark(const char* name);
void cpa_js_app_ready(void);  // first frame drawn: the plain-HTML fallback can step aside
void cpa_js_app_failed(const char* message);
double cpa_js_css_width(void);
double cpa_js_css_height(void);
}
