#pragma once
// Draws ImGui's draw data with WebGL2, in place of ImGui's own OpenGL3 renderer.
//
// ImGui's renderer is written for a GL context it shares with others: every frame it reads back
// the whole GL state (about thirty glGet/glIsEnabled calls) and puts it back afterwards.  In a
// browser each of those is a synchronous WebGL getParameter, and on a phone with software GL they
// were most of a frame's time.  This page owns its context and nothing else draws on it, so the
// state is set once when the context is made (and again if it is lost and comes back) and each
// frame only sends vertices, sets scissors and draws.
//
// The font atlas goes up as one channel (R8, the glyphs' coverage): a quarter of the bytes of RGBA
// at devicePixelRatio 3, and no conversion on the CPU.
//
// A frame that would draw exactly what the last one drew (ui::FrameSignature) is not drawn: the
// canvas keeps its picture and the browser has nothing new to composite.
#include <cstdint>

#include "ui/widgets/frame_signature.hpp"

struct ImDrawData;

namespace cpa::platform {

class WebRenderer {
 public:
  // Makes the program, buffers and vertex layout on the current context.  False if a shader
  // would not compile (a browser without GLSL ES 3.00).
  bool init();
  // Forgets every GL object (for a lost context, whose objects are gone with it).
  void forget();
  // Sends the atlas of ImGui's fonts (already built) and points ImGui at it.
  void upload_font_atlas();
  // Clears to the colour given and draws the frame, at the canvas's size in device pixels, unless
  // it is the same as the last frame drawn.
  void render(const ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgb[3]);

 private:
  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
  int u_proj_ = -1;
  float proj_[4] = {0, 0, 0, 0};
  int fb_w_ = 0, fb_h_ = 0;
  ui::FrameSignature drawn_;
};

}  // namespace cpa::platform
