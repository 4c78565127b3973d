// The real main window driven under Xvfb the way a caseworker drives it: mouse clicks and keys
// through wxUIActionSimulator (XTest), modal dialogs filled in while they are open, and a
// screenshot after each step (in $SAMLA_SCREENSHOT_DIR) for a person to look at.
#include <wx/app.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <functional>

#include "demo_fixture.h"
#include "main_frame.h"
#include "templates_dialog.h"
#include "x_screenshot.h"

using namespace samla;
using namespace samla::app;
using namespace std::chrono_literals;

namespace {

// wx for the whole test module: a plain wxApp, images for screenshots, asserts as failures.
struct WxRuntime {
  WxRuntime() {
    wxApp::SetInstance(new wxApp());
    static char name[] = "samla_gui_tests";
    static char* argv[] = {name, nullptr};
    int argc = 1;
    if (!wxEntryStart(argc, argv)) throw std::runtime_error("wx could not start (no display?)");
    wxTheApp->CallOnInit();
    wxInitAllImageHandlers();
    wxSetAssertHandler([](const wxString& file, int line, const wxString& func,
                          const wxString& cond, const wxString& msg) {
      BOOST_ERROR("wx assert " << file << ":" << line << " " << func << ": " << cond << " " << msg);
    });
  }
  ~WxRuntime() {
    wxTheApp->OnExit();
    wxEntryCleanup();
  }
  WxRuntime(const WxRuntime&) = delete;
  WxRuntime& operator=(const WxRuntime&) = delete;
  WxRuntime(WxRuntime&&) = delete;
  WxRuntime& operator=(WxRuntime&&) = delete;
};
BOOST_TEST_GLOBAL_FIXTURE(WxRuntime);

// Lets the event loop run until `done` or the limit; the GUI is the clock here.
bool pump_until(const std::function<bool()>& done, std::chrono::milliseconds limit = 5s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    wxTheApp->ProcessPendingEvents();
    wxYield();
    if (done()) return true;
    wxMilliSleep(10);
  }
  return done();
}

void pump(std::chrono::milliseconds how_long = 200ms) {
  pump_until([] { return false; }, how_long);
}

// The window's pixels as the X server shows them. (wxScreenDC on GTK 3 keeps the first picture it
// took, and wxWindowDC cannot read back, so the test asks the X server itself.)
void screenshot(wxWindow* window, const std::string& name) {
  window->Refresh();
  window->Update();
  pump(300ms);
  const wxRect rect = window->GetScreenRect();
  const char* dir = std::getenv("SAMLA_SCREENSHOT_DIR");
  const std::string path = std::string(dir == nullptr ? "." : dir) + "/" + name + ".png";
  BOOST_TEST(save_screen(rect, path));
}

void click(wxWindow* window, wxPoint at_client) {
  wxUIActionSimulator sim;
  sim.MouseMove(window->ClientToScreen(at_client));
  pump(50ms);
  sim.MouseClick();
  pump(150ms);
}

void click_centre(wxWindow* window) {
  const auto size = window->GetClientSize();
  click(window, wxPoint(size.x / 2, size.y / 2));
}

// Keys go where the pointer is (no window manager under Xvfb): point at the window first.
void keys(wxWindow* window, int key, int modifiers = wxMOD_NONE) {
  wxUIActionSimulator sim;
  sim.MouseMove(window->GetScreenRect().GetPosition() + wxPoint(5, 5));
  pump(30ms);
  sim.Char(key, modifiers);
  pump(150ms);
}

void type(const std::string& text) {
  wxUIActionSimulator sim;
  sim.Text(text.c_str());
  pump(150ms);
}

wxDialog* open_dialog() {
  for (auto* w : wxTopLevelWindows) {
    if (auto* d = wxDynamicCast(w, wxDialog); d != nullptr && d->IsModal()) return d;
  }
  return nullptr;
}

template <typename T>
T* find_child(wxWindow* parent, const std::function<bool(T*)>& match = nullptr) {
  for (auto* child : parent->GetChildren()) {
    if (auto* t = dynamic_cast<T*>(child); t != nullptr && (!match || match(t))) return t;
    if (auto* deeper = find_child<T>(child, match)) return deeper;
  }
  return nullptr;
}

// Starts an action whose modal dialog `fill` completes; `fill` runs inside the modal loop.
void with_dialog(const std::function<void()>& open, const std::function<void(wxDialog*)>& fill) {
  bool filled = false;
  wxTimer timer;
  timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    auto* dialog = open_dialog();
    if (dialog == nullptr || filled) return;
    filled = true;
    timer.Stop();
    fill(dialog);
  });
  timer.Start(100);
  open();
  timer.Stop();
  BOOST_TEST(filled);
}

void press_ok(wxDialog* dialog, const std::string& shot) {
  pump(200ms);
  screenshot(dialog, shot);
  auto* ok = wxDynamicCast(dialog->FindWindow(wxID_OK), wxButton);
  BOOST_REQUIRE(ok != nullptr);
  click_centre(ok);
}

struct AppUnderTest {
  test::DemoProfile demo;
  MainFrame* frame = nullptr;
  explicit AppUnderTest(const std::string& user, std::chrono::milliseconds slow_sync = 0ms) {
    FrameOptions options;
    options.profile = demo.dir();
    options.user = user;
    const Instant now = demo.now();
    options.workspace = WorkspaceOptions{[now] { return now; }, "Europe/Oslo"};
    options.notifications = false;
    options.testing_slow_sync = slow_sync;
    frame = new MainFrame(options);
    frame->SetSize(1280, 800);
    frame->Move(0, 0);
    frame->Show();
    pump(500ms);
  }
  ~AppUnderTest() {
    frame->Close(true);
    pump(200ms);
  }
  AppUnderTest(const AppUnderTest&) = delete;
  AppUnderTest& operator=(const AppUnderTest&) = delete;
  AppUnderTest(AppUnderTest&&) = delete;
  AppUnderTest& operator=(AppUnderTest&&) = delete;

  wxListCtrl* list() { return find_child<wxListCtrl>(frame); }
  void click_row(long row) {
    wxRect rect;
    BOOST_REQUIRE(list()->GetItemRect(row, rect));
    click(list(), wxPoint(rect.x + 300, rect.y + rect.height / 2));
  }
  std::optional<long> row_of(const std::string& id) {
    const auto index = frame->model().index_of(id);
    if (!index) return std::nullopt;
    return static_cast<long>(*index);
  }
};

// Picks `label` in a dialog's template picker as a mouse pick would (wxChoice's popup is not
// reliably driven by XTest under Xvfb), sending the same event.
void pick_template(wxDialog* dialog, const std::string& label) {
  auto* picker = find_child<wxChoice>(dialog);
  BOOST_REQUIRE(picker != nullptr);
  const int n = picker->FindString(wxString::FromUTF8(label));
  BOOST_REQUIRE(n > 0);
  picker->SetSelection(n);
  wxCommandEvent event(wxEVT_CHOICE, picker->GetId());
  event.SetInt(n);
  event.SetEventObject(picker);
  picker->GetEventHandler()->ProcessEvent(event);
  pump(150ms);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DesktopApp)

BOOST_AUTO_TEST_CASE(reply_hand_over_and_accept_in_the_other_department) {
  AppUnderTest app("lars");  // Innbyggjarservice
  screenshot(app.frame, "01-inbox-mine");
  keys(app.frame, '2', wxMOD_CONTROL);  // Department (unassigned)
  BOOST_TEST((app.frame->model().choice().view == InboxView::Department));
  BOOST_REQUIRE(app.frame->model().size() > 0U);
  screenshot(app.frame, "02-department-view");

  // The first row that no handover waits on.
  long first = 0;
  while (app.frame->model().row(static_cast<std::size_t>(first)).handover_to) ++first;
  app.click_row(first);
  BOOST_REQUIRE(pump_until([&] { return app.frame->page().has_value(); }));
  const std::string id = app.frame->page()->id;
  BOOST_TEST(id == app.frame->model().row(static_cast<std::size_t>(first)).id);
  screenshot(app.frame, "03-conversation");

  keys(app.frame, 'K', wxMOD_CONTROL);  // claim
  BOOST_TEST(app.frame->refusal() == "");
  BOOST_TEST(app.frame->page()->assigned_to_me);

  with_dialog([&] { keys(app.frame, 'R', wxMOD_CONTROL); },
              [&](wxDialog* dialog) {
                auto* text =
                    find_child<wxTextCtrl>(dialog, [](wxTextCtrl* t) { return t->IsMultiLine(); });
                BOOST_REQUIRE(text != nullptr);
                click_centre(text);
                type("Thank you, we will look into it.");
                BOOST_TEST(text->GetValue() == "Thank you, we will look into it.");
                press_ok(dialog, "04-reply-dialog");
              });
  BOOST_TEST(app.frame->refusal() == "");
  BOOST_TEST(app.frame->page()->timeline_html.find("we will look into it") != std::string::npos);

  with_dialog([&] { keys(app.frame, 'H', wxMOD_CONTROL); },
              [&](wxDialog* dialog) {
                auto* departments = find_child<wxListBox>(dialog);
                BOOST_REQUIRE(departments != nullptr);
                click_centre(departments);
                // Keyboard through the list until Byggesak is chosen.
                keys(departments, WXK_HOME);
                for (int i = 0; i < 10 && departments->GetStringSelection() != "Byggesak"; ++i) {
                  keys(departments, WXK_DOWN);
                }
                BOOST_TEST(departments->GetStringSelection() == "Byggesak");
                auto* note = find_child<wxTextCtrl>(dialog);
                click_centre(note);
                type("Building permit question.");
                press_ok(dialog, "05-handover-dialog");
              });
  BOOST_TEST(app.frame->refusal() == "");
  BOOST_TEST(app.frame->page()->facts_html.find("waiting for Byggesak to accept") !=
             std::string::npos);
  screenshot(app.frame, "06-waiting-for-byggesak");

  // A member of Byggesak accepts it.
  app.frame->switch_user("erik");
  pump();
  keys(app.frame, '3', wxMOD_CONTROL);  // Handovers to accept
  const auto row = app.row_of(id);      // (the accept below)
  BOOST_REQUIRE(row.has_value());
  BOOST_TEST(app.list()->GetItemText(*row, static_cast<int>(Column::Status)) ==
             "waiting for Byggesak to accept");
  screenshot(app.frame, "07-handovers-to-accept");
  app.click_row(*row);
  BOOST_REQUIRE(pump_until([&] { return app.frame->page() && app.frame->page()->id == id; }));
  keys(app.frame, 'H', wxMOD_CONTROL | wxMOD_SHIFT);  // accept
  BOOST_TEST(app.frame->refusal() == "");
  const auto accepted = app.frame->workspace().store().conversation(id);
  BOOST_TEST(accepted->owner_department == "byggesak");
  BOOST_TEST(!accepted->handover.has_value());
  BOOST_TEST(app.frame->page()->timeline_html.find("accepted the handover") != std::string::npos);
  BOOST_TEST(!app.row_of(id).has_value());  // no longer waiting in Handovers
  keys(app.frame, '6', wxMOD_CONTROL);
  screenshot(app.frame, "08-accepted");
}

BOOST_AUTO_TEST_CASE(a_refused_command_is_explained_in_plain_words) {
  AppUnderTest app("erik");             // Byggesak caseworker
  keys(app.frame, '6', wxMOD_CONTROL);  // All
  // A conversation of another department, and not handed to Byggesak.
  std::optional<long> row;
  for (std::size_t i = 0; i < app.frame->model().size() && !row; ++i) {
    const auto& s = app.frame->model().row(i);
    if (s.owner_department != "byggesak" && s.status == ConversationStatus::Open &&
        !s.handover_to) {
      row = static_cast<long>(i);
    }
  }
  BOOST_REQUIRE(row.has_value());
  app.list()->EnsureVisible(*row);
  pump();
  app.click_row(*row);
  BOOST_REQUIRE(pump_until([&] { return app.frame->page().has_value(); }));
  keys(app.frame, 'K', wxMOD_CONTROL);  // claim
  BOOST_TEST(!app.frame->refusal().empty());
  BOOST_TEST_MESSAGE("refusal: " << app.frame->refusal());
  screenshot(app.frame, "09-refused");
}

BOOST_AUTO_TEST_CASE(search_as_you_type) {
  AppUnderTest app("erik");
  auto* search = find_child<wxSearchCtrl>(app.frame);
  BOOST_REQUIRE(search != nullptr);
  keys(app.frame, 'F', wxMOD_CONTROL);
  type("garasje");
  BOOST_TEST(pump_until([&] {
    return app.frame->model().choice().kind == ListChoice::Kind::Search &&
           app.frame->model().size() > 0U;
  }));
  screenshot(app.frame, "10-search");
  type("zzqx");
  BOOST_TEST(pump_until([&] { return app.frame->model().size() == 0U; }));
  screenshot(app.frame, "11-search-empty");
}

BOOST_AUTO_TEST_CASE(a_slow_sync_never_blocks_the_window) {
  AppUnderTest app("erik", 4000ms);
  BOOST_REQUIRE(
      pump_until([&] { return app.frame->status_text(0).find("syncing") != std::string::npos; }));
  // While the worker is in its long pass, the window answers at once.
  const auto before = std::chrono::steady_clock::now();
  bool answered = false;
  app.frame->CallAfter([&] { answered = true; });
  BOOST_TEST(pump_until([&] { return answered; }, 1s));
  BOOST_TEST((std::chrono::steady_clock::now() - before < 500ms));
  keys(app.frame, '6', wxMOD_CONTROL);
  BOOST_TEST((app.frame->model().choice().view == InboxView::All));
  BOOST_TEST(app.frame->status_text(0).find("syncing") != std::string::npos);  // still syncing
  screenshot(app.frame, "12-slow-sync");
  BOOST_TEST(pump_until(
      [&] { return app.frame->status_text(0).find("up to date") != std::string::npos; }, 10s));
}

BOOST_AUTO_TEST_CASE(comms_edit_a_template_then_a_caseworker_replies_from_one) {
  AppUnderTest app("anne");  // communications staff
  auto* bar = app.frame->GetMenuBar();
  const int templates_item = bar->FindMenuItem("File", wxString::FromUTF8("Templates…"));
  BOOST_REQUIRE(templates_item != wxNOT_FOUND);
  BOOST_TEST(bar->IsEnabled(templates_item));

  with_dialog([&] { keys(app.frame, 'T', wxMOD_CONTROL | wxMOD_SHIFT); },
              [&](wxDialog*) {
                auto* window = app.frame->templates_dialog();
                BOOST_REQUIRE(window != nullptr);
                window->SetSize(1300, 860);
                window->Move(0, 0);
                window->show_template("preliminary-reply");
                pump(200ms);
                auto* body = find_child<wxTextCtrl>(window, [](wxTextCtrl* t) {
                  return t->IsMultiLine() && t->IsEditable() && t->IsShownOnScreen();
                });
                BOOST_REQUIRE(body != nullptr);
                click_centre(body);
                keys(body, WXK_END, wxMOD_CONTROL);
                type(" Helsing oss.");
                auto* preview = find_child<wxTextCtrl>(
                    window, [](wxTextCtrl* t) { return t->GetName() == "Preview"; });
                BOOST_REQUIRE(preview != nullptr);
                BOOST_TEST(preview->GetValue().Find("Helsing oss.") != wxNOT_FOUND);
                BOOST_TEST(preview->GetValue().Find("{") == wxNOT_FOUND);
                screenshot(window, "15-templates-editing");
                window->save();
                BOOST_TEST(window->outcome() == "");
                pump(200ms);
                screenshot(window, "16-templates-saved");
                // An SMS template: the counter warns past one SMS.
                window->show_template("callback-sms");
                pump(200ms);
                body = find_child<wxTextCtrl>(window, [](wxTextCtrl* t) {
                  return t->IsMultiLine() && t->IsEditable() && t->IsShownOnScreen();
                });
                BOOST_REQUIRE(body != nullptr);
                body->ChangeValue(wxString('a', 170));
                body->AppendText(" ");  // an edit as typing makes it
                pump(200ms);
                auto* checks = find_child<wxStaticText>(
                    window, [](wxStaticText* t) { return t->GetName() == "Checks"; });
                BOOST_REQUIRE(checks != nullptr);
                BOOST_TEST(checks->GetLabel().Find("2 SMS") != wxNOT_FOUND);
                screenshot(window, "17-templates-sms-counter");
                // A hint quoting a very long word wraps inside the window.
                body->ChangeValue(wxString::FromUTF8(
                    "Søknaden gjeld "
                    "eigedomsskattetakstomgjeringsklagebehandlingsfristforlengingssøknaden"
                    "sskjemautfyllingsrettleiingsdokumentasjonsarkivreferansenummeret."));
                body->AppendText(" ");
                pump(200ms);
                BOOST_TEST(checks->GetLabel().Find("long word") != wxNOT_FOUND);
                // Unbroken, the word alone is far wider than the 640 pixels the label wraps at.
                BOOST_TEST(checks->GetBestSize().GetWidth() <= 645);
                screenshot(window, "18-templates-long-word");

                // New template: comms staff may; the preview against a chosen conversation.
                auto* add = wxDynamicCast(window->FindWindow(wxID_NEW), wxButton);
                BOOST_REQUIRE(add != nullptr);
                BOOST_TEST(add->IsEnabled());
                window->start_new(TemplateKind::Sms, Channel::Sms, "Påminning om time");
                BOOST_TEST(window->outcome() == "");
                BOOST_TEST(window->editor().is_new());
                body = find_child<wxTextCtrl>(window, [](wxTextCtrl* t) {
                  return t->IsMultiLine() && t->IsEditable() && t->IsShownOnScreen();
                });
                BOOST_REQUIRE(body != nullptr);
                BOOST_TEST(body->GetValue().IsEmpty());
                body->ChangeValue(
                    wxString::FromUTF8("Hei {citizen.name}! Hugs timen din i sak {reference}."));
                body->AppendText(" ");
                auto* with = find_child<wxChoice>(
                    window, [](wxChoice* c) { return c->GetName() == "Preview with"; });
                BOOST_REQUIRE(with != nullptr);
                BOOST_REQUIRE(with->GetCount() >= 3U);  // sample data and conversations
                window->preview_with(0);
                const auto sample = preview->GetValue();
                window->preview_with(2);
                BOOST_TEST(preview->GetValue() != sample);
                BOOST_TEST(preview->GetValue().Find("Hugs timen din i sak") != wxNOT_FOUND);
                screenshot(window, "19-templates-new-preview-with-conversation");
                window->save();
                BOOST_TEST(window->outcome() == "");
                BOOST_TEST(!window->editor().is_new());
                pump(200ms);
                screenshot(window, "20-templates-new-saved");
                window->EndModal(wxID_CLOSE);
              });
  BOOST_TEST(app.frame->workspace().template_info("preliminary-reply")->version == 1);
  BOOST_TEST(app.frame->workspace().template_info("paminning-om-time")->version == 1);

  // A caseworker may not open the window: the item is greyed.
  app.frame->switch_user("lars");  // Innbyggjarservice
  pump();
  BOOST_TEST(!bar->IsEnabled(templates_item));

  TemplateSaved snippet;
  snippet.kind = TemplateKind::ReplySnippet;
  snippet.name = "Opningstider";
  snippet.texts["nn"] = {"", "Hei {citizen.name}, vi har ope 08:00-15:30."};
  snippet.texts["nb"] = {"", "Hei {citizen.name}, vi har åpent 08:00-15:30."};
  snippet.texts["en"] = {"", "Hello {citizen.name}, we are open 08:00-15:30."};
  BOOST_REQUIRE(app.frame->workspace().save_template("opening-hours", snippet, "anne").accepted());

  keys(app.frame, '2', wxMOD_CONTROL);  // Department (unassigned)
  long first = 0;
  while (app.frame->model().row(static_cast<std::size_t>(first)).handover_to) ++first;
  app.click_row(first);
  BOOST_REQUIRE(pump_until([&] { return app.frame->page().has_value(); }));
  keys(app.frame, 'K', wxMOD_CONTROL);  // claim
  BOOST_REQUIRE(app.frame->refusal() == "");

  with_dialog([&] { keys(app.frame, 'R', wxMOD_CONTROL); },
              [&](wxDialog* dialog) {
                pick_template(dialog, "Opningstider");
                auto* text =
                    find_child<wxTextCtrl>(dialog, [](wxTextCtrl* t) { return t->IsMultiLine(); });
                BOOST_REQUIRE(text != nullptr);
                BOOST_TEST(text->GetValue().Find("08:00-15:30") != wxNOT_FOUND);
                BOOST_TEST(text->GetValue().Find("{") == wxNOT_FOUND);
                // The text stays editable: the caseworker adds a line.
                click_centre(text);
                keys(text, WXK_END, wxMOD_CONTROL);
                type(" Welcome!");
                BOOST_TEST(text->GetValue().EndsWith(" Welcome!"));
                press_ok(dialog, "13-reply-from-template");
              });
  BOOST_TEST(app.frame->refusal() == "");
  BOOST_TEST(app.frame->page()->timeline_html.find("08:00-15:30") != std::string::npos);

  std::string before;
  with_dialog([&] { keys(app.frame, 'R', wxMOD_CONTROL | wxMOD_SHIFT); },
              [&](wxDialog* dialog) {
                auto* text =
                    find_child<wxTextCtrl>(dialog, [](wxTextCtrl* t) { return t->IsMultiLine(); });
                BOOST_REQUIRE(text != nullptr);
                // The shipped preliminary reply is chosen, its date filled in.
                BOOST_TEST(!text->IsEmpty());
                BOOST_TEST(text->GetValue().Find("{promised_date}") == wxNOT_FOUND);
                before = text->GetValue().utf8_string();
                auto* date = find_child<wxDatePickerCtrl>(dialog);
                BOOST_REQUIRE(date != nullptr);
                date->SetValue(date->GetValue() + wxDateSpan::Week());
                wxDateEvent changed(date, date->GetValue(), wxEVT_DATE_CHANGED);
                date->GetEventHandler()->ProcessEvent(changed);
                pump(150ms);
                BOOST_TEST(text->GetValue().utf8_string() != before);  // the date followed
                press_ok(dialog, "14-preliminary-from-template");
              });
  BOOST_TEST(app.frame->refusal() == "");

  // An SMS to the citizen, whatever channel the conversation came by: a number that is none
  // keeps the dialog open and says so; the SMS is queued for the SMS gateway, never the email.
  const auto sms_conversation = app.frame->page()->id;
  with_dialog([&] { keys(app.frame, 'M', wxMOD_CONTROL); },
              [&](wxDialog* dialog) {
                auto* number = find_child<wxTextCtrl>(
                    dialog, [](wxTextCtrl* t) { return t->GetName() == "Mobile number"; });
                BOOST_REQUIRE(number != nullptr);
                auto* text =
                    find_child<wxTextCtrl>(dialog, [](wxTextCtrl* t) { return t->IsMultiLine(); });
                BOOST_REQUIRE(text != nullptr);
                text->SetValue("Vi ringjer deg i dag.");  // as typing: the counter follows
                number->SetValue("12");
                press_ok(dialog, "21-sms-to-a-number-that-is-none");
                BOOST_TEST(dialog->IsModal());
                const auto complaint = [dialog] {
                  return find_child<wxStaticText>(dialog, [](wxStaticText* t) {
                    return t->GetLabel().Find("not a mobile number") != wxNOT_FOUND;
                  });
                };
                BOOST_TEST(complaint() != nullptr);
                screenshot(dialog, "22-sms-number-refused");
                number->SetValue("912 34 567");
                BOOST_TEST(complaint() == nullptr);  // gone while it is corrected
                press_ok(dialog, "23-sms-to-an-entered-number");
              });
  BOOST_TEST(app.frame->refusal() == "");
  const auto after = app.frame->workspace().store().conversation(sms_conversation);
  BOOST_REQUIRE(after.has_value());
  const auto* sms = std::get_if<ReplyQueued>(&after->timeline.back().event.payload);
  BOOST_REQUIRE(sms != nullptr);
  BOOST_TEST((sms->channel == Channel::Sms));
  BOOST_TEST(sms->to.at(0).address == "+4791234567");
  BOOST_TEST(app.frame->page()->timeline_html.find("SMS written to +4791234567") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
