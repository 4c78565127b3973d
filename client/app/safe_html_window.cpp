#include "safe_html_window.h"

#include <wx/utils.h>

#include "safe_html.h"

namespace samla::app {

SafeHtmlWindow::SafeHtmlWindow(wxWindow* parent, const wxString& accessible_name)
    : wxHtmlWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                   wxHW_SCROLLBAR_AUTO | wxBORDER_THEME) {
  SetName(accessible_name);
  SetRelatedFrame(nullptr, wxString());
}

wxHtmlOpeningStatus SafeHtmlWindow::OnHTMLOpeningURL(wxHtmlURLType /*type*/,
                                                     const wxString& /*url*/,
                                                     wxString* /*redirect*/) const {
  return wxHTML_BLOCK;  // no remote images, no frames, no file: reads
}

void SafeHtmlWindow::OnHTMLLinkClicked(const wxHtmlLinkInfo& link) {
  const auto url = link.GetHref();
  if (is_openable_link(url.utf8_string())) wxLaunchDefaultBrowser(url);
}

}  // namespace samla::app
