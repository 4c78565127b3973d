#include "x_screenshot.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <wx/image.h>

bool save_screen(const wxRect& rect, const std::string& png_path) {
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) return false;
  XImage* shot = XGetImage(display, DefaultRootWindow(display), rect.x, rect.y,
                           static_cast<unsigned>(rect.width), static_cast<unsigned>(rect.height),
                           AllPlanes, ZPixmap);
  if (shot == nullptr) {
    XCloseDisplay(display);
    return false;
  }
  wxImage image(rect.width, rect.height);
  for (int y = 0; y < rect.height; ++y) {
    for (int x = 0; x < rect.width; ++x) {
      const unsigned long pixel = XGetPixel(shot, x, y);
      image.SetRGB(x, y, static_cast<unsigned char>((pixel & shot->red_mask) >> 16),
                   static_cast<unsigned char>((pixel & shot->green_mask) >> 8),
                   static_cast<unsigned char>(pixel & shot->blue_mask));
    }
  }
  XDestroyImage(shot);
  XCloseDisplay(display);
  return image.SaveFile(wxString::FromUTF8(png_path), wxBITMAP_TYPE_PNG);
}
