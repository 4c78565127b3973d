#pragma once
// The one way results from worker threads reach the GUI: post(fn) from any thread runs fn on
// the GUI thread later, and only if the window it was made for still exists (wxWeakRef). The
// weak reference is made, read and destroyed on the GUI thread only; worker threads copy just
// the shared_ptr that holds it.
#include <wx/app.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <memory>
#include <utility>

namespace samla::app {

class GuiThread {
 public:
  /// GUI thread: results will be delivered while `window` lives.
  explicit GuiThread(wxWindow* window) : target_(std::make_shared<wxWeakRef<wxWindow>>(window)) {}

  /// Any thread.
  template <typename Fn>
  void post(Fn fn) const {
    auto target = target_;
    wxTheApp->CallAfter([target, fn]() mutable {
      if (target->get() != nullptr) fn();
    });
  }

 private:
  std::shared_ptr<wxWeakRef<wxWindow>> target_;
};

}  // namespace samla::app
