#include "ui/widgets/frame_signature.hpp"

#include <imgui.h>

#include <cstring>

namespace cpa::ui {
namespace {

template <typename T>
void put(std::vector<unsigned char>& out, const T& value) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(&value);
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

void put_bytes(std::vector<unsigned char>& out, const void* data, std::size_t size) {
  put(out, size);
  const auto* bytes = static_cast<const unsigned char*>(data);
  if (size > 0) out.insert(out.end(), bytes, bytes + size);
}

}  // namespace

bool FrameSignature::changed(const ImDrawData* draw_data, int fb_width, int fb_height, const float clear_rgb[3]) {
  next_.clear();
  put(next_, fb_width);
  put(next_, fb_height);
  for (int i = 0; i < 3; ++i) put(next_, clear_rgb[i]);
  if (draw_data != nullptr) {
    put(next_, draw_data->DisplayPos);
    put(next_, draw_data->DisplaySize);
    put(next_, draw_data->FramebufferScale);
    put(next_, draw_data->CmdListsCount);
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
      const ImDrawList* list = draw_data->CmdLists[n];
      put_bytes(next_, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
      put_bytes(next_, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
      put(next_, list->CmdBuffer.Size);
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        put(next_, cmd.ClipRect);
        put(next_, cmd.TextureId);
        put(next_, cmd.VtxOffset);
        put(next_, cmd.IdxOffset);
        put(next_, cmd.ElemCount);
        put(next_, cmd.UserCallback);
        put(next_, cmd.UserCallbackData);
      }
    }
  } else {
    put(next_, -1);
  }
  const bool differs = next_.size() != last_.size() || std::memcmp(next_.data(), last_.data(), next_.size()) != 0;
  last_.swap(next_);
  return differs;
}

}  // namespace cpa::ui
