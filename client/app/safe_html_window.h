#pragma once
// A wxHtmlWindow that never fetches anything: every URL it would load (images, frames, a
// clicked link) is refused, and a clicked http(s)/mailto link opens in the system browser.
#include <wx/html/htmlwin.h>

namespace samla::app {

class SafeHtmlWindow : public wxHtmlWindow {
 public:
  SafeHtmlWindow(wxWindow* parent, const wxString& accessible_name);

 private:
  wxHtmlOpeningStatus OnHTMLOpeningURL(wxHtmlURLType type, const wxString& url,
                                       wxString* redirect) const override;
  void OnHTMLLinkClicked(const wxHtmlLinkInfo& link) override;
};

}  // namespace samla::app
