// A frame that would draw what the last one drew is not drawn (ui::FrameSignature, used by the
// web renderer): the real app's frames, from the headless loop, are told apart exactly.
#include <imgui.h>

#include <doctest/doctest.h>

#include "harness.hpp"
#include "ui/widgets/frame_signature.hpp"

using namespace cpa;
using ui::Role;

namespace {
const float white[3] = {1, 1, 1};
}

TEST_CASE("a settled screen draws once; a tap, a new size, a new colour or a new atlas draws again") {
  test::Harness h;
  ui::FrameSignature drawn;
  CHECK(drawn.changed(ImGui::GetDrawData(), 1170, 2532, white));  // the first frame is always drawn

  h.settle();  // one more frame with nothing new in it
  CHECK_FALSE(drawn.changed(ImGui::GetDrawData(), 1170, 2532, white));

  h.tap(Role::button, "Help now");
  CHECK(drawn.changed(ImGui::GetDrawData(), 1170, 2532, white));
  h.settle();
  CHECK_FALSE(drawn.changed(ImGui::GetDrawData(), 1170, 2532, white));

  CHECK(drawn.changed(ImGui::GetDrawData(), 1170, 2400, white));  // the canvas was resized
  const float black[3] = {0, 0, 0};
  CHECK(drawn.changed(ImGui::GetDrawData(), 1170, 2400, black));  // another background
  CHECK_FALSE(drawn.changed(ImGui::GetDrawData(), 1170, 2400, black));
  drawn.forget();  // the atlas was uploaded again
  CHECK(drawn.changed(ImGui::GetDrawData(), 1170, 2400, black));
  CHECK(drawn.changed(nullptr, 1170, 2400, black));
  CHECK_FALSE(drawn.changed(nullptr, 1170, 2400, black));
}

TEST_CASE("one vertex's colour, or one clip rectangle, is a different frame") {
  test::Harness h;
  ui::FrameSignature drawn;
  ImDrawData* data = ImGui::GetDrawData();
  REQUIRE(data != nullptr);
  REQUIRE(data->CmdListsCount > 0);
  ImDrawList* list = data->CmdLists[data->CmdListsCount - 1];
  REQUIRE(list->VtxBuffer.Size > 0);
  REQUIRE(list->CmdBuffer.Size > 0);
  drawn.changed(data, 390, 844, white);
  CHECK_FALSE(drawn.changed(data, 390, 844, white));
  list->VtxBuffer[list->VtxBuffer.Size - 1].col ^= 0x01u;
  CHECK(drawn.changed(data, 390, 844, white));
  list->CmdBuffer[0].ClipRect.w += 1.0f;
  CHECK(drawn.changed(data, 390, 844, white));
  CHECK_FALSE(drawn.changed(data, 390, 844, white));
}
