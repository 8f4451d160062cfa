#pragma once
// Dear ImGui build options for CPA Companion (included by imgui.h through IMGUI_USER_CONFIG).
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS  // links open through our platform, never ShellExecute
#define IMGUI_DISABLE_FILE_FUNCTIONS           // no imgui.ini, no logs: nothing is written behind the person's back
