// The floor ./cpa bench holds the app against is Dear ImGui's own GLFW + WebGL2 example, built
// from the same ImGui source (examples/example_glfw_opengl3/main.cpp, unchanged).  That file
// includes "../libs/emscripten/emscripten_mainloop_stub.h", which Debian's source tarball leaves
// out; this is our own stand-in: the loop body becomes a lambda that the browser calls each frame.
#pragma once
#include <emscripten.h>

#include <functional>

static std::function<void()> bare_example_frame;
static void bare_example_run_frame() { bare_example_frame(); }

#define EMSCRIPTEN_MAINLOOP_BEGIN bare_example_frame = [&]()
#define EMSCRIPTEN_MAINLOOP_END \
  ;                             \
  emscripten_set_main_loop(bare_example_run_frame, 0, true)
