#pragma once
// What a frame would put on the screen, as bytes: the framebuffer's size, the clear colour and
// every draw list's vertices, indices and commands.  Two frames with the same signature draw the
// same pixels, so the second need not be drawn at all.
//
// The app asks for a few frames after each input (ImGui settles hover and layout over two or
// three), and most of those draw exactly what the last one did.  On a phone each drawn frame is a
// full-screen redraw at devicePixelRatio 3 and a new picture for the browser to composite; with
// software GL (and in the browser tests) that is most of an interaction's cost.
#include <cstdint>
#include <vector>

struct ImDrawData;

namespace cpa::ui {

class FrameSignature {
 public:
  // Records this frame.  True when it differs from the last one recorded (or nothing was).
  bool changed(const ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgb[3]);
  // The next frame is drawn whatever it holds (the atlas changed, or the context was lost).
  void forget() { last_.clear(); }

 private:
  std::vector<unsigned char> last_, next_;
};

}  // namespace cpa::ui
