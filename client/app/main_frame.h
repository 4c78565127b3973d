#pragma once
// The main window: views and search on the left, the virtual conversation list, the
// conversation pane with its timeline and actions, reminders in the title, sync state in the
// status bar, and a banner across the top (offline with the changes waiting, a password needed,
// a change the team refused). Owns the GUI thread's Workspace and the sync engine (stopped and
// joined on close), which runs the profile's channels, or in team mode the hub only (sync_plan.h);
// it is started again when the Settings window changes the channels.
#include <wx/frame.h>
#include <wx/timer.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "channel_settings.h"
#include "conversation_page.h"
#include "gui_thread.h"
#include "inbox_figures.h"
#include "inbox_model.h"
#include "reminder_tracker.h"
#include "samla/sync/sync_engine.h"
#include "samla/templates/language.h"
#include "settings_dialog.h"
#include "sync_plan.h"

class wxListBox;
class wxSearchCtrl;
class wxHtmlWindow;
class wxStaticText;
class wxInfoBar;
class wxInfoBarGeneric;
class wxSimplebook;
class wxButton;
class wxPanel;

namespace samla::app {

class TemplatesDialog;

class ConversationList;

struct FrameOptions {
  std::filesystem::path profile;
  std::string user;                       // acting user; empty: the profile's current user
  WorkspaceOptions workspace;             // clock and zone (tests pin the clock)
  bool notifications = true;              // desktop notifications for new reminders
  Language language = Language::English;  // of the words Samla writes for the caseworker
  InboxView first_view = InboxView::Mine;
  // FOR TESTING (the start-up benchmark): print "painted N" once the list first paints, and quit.
  bool testing_quit_after_paint = false;
  std::chrono::milliseconds testing_slow_sync{
      0};  // FOR TESTING: a slow channel (see testing_connector.h)
  /// Where passwords are kept (tests give a secrets file instead of the OS keyring).
  KeyringFactory keyring = [] { return keyring_credentials(); };
  /// Starts Samla again (after a language change); empty: this program with its arguments.
  std::function<void()> restart;
};

class MainFrame : public wxFrame {
 public:
  explicit MainFrame(FrameOptions options);
  ~MainFrame() override;
  MainFrame(const MainFrame&) = delete;
  MainFrame& operator=(const MainFrame&) = delete;
  MainFrame(MainFrame&&) = delete;
  MainFrame& operator=(MainFrame&&) = delete;

  // What tests and the menu use; each is what a person does with one key or click.
  void choose(const ListChoice& choice);
  void search(const std::string& query);
  void select_row(std::size_t index);
  void select_conversation(const std::string& id);
  void act(Action action);
  void switch_user(const std::string& user);
  void refresh_all();
  /// The Settings window; `page` opens it at that page.
  void open_settings(std::optional<SettingsDialog::Page> page = std::nullopt);
  /// The bar across the top (offline, password needed, a change the team refused).
  [[nodiscard]] const Banner& banner() const { return banner_; }
  /// Closes the banner as its close button does.
  void dismiss_banner();
  /// Whether the engine runs in team mode (the hub only).
  [[nodiscard]] bool team_mode() const { return team_; }
  /// The Templates window (comms staff and admins); others get the rules' refusal.
  void open_templates();
  /// The Templates window while it is open, else nullptr (for tests).
  [[nodiscard]] TemplatesDialog* templates_dialog() const { return templates_dialog_; }

  [[nodiscard]] InboxModel& model() { return *model_; }
  [[nodiscard]] Workspace& workspace() { return *ws_; }
  [[nodiscard]] const std::optional<ConversationPage>& page() const { return page_; }
  [[nodiscard]] std::string refusal() const { return last_refusal_; }
  [[nodiscard]] const ReminderCounts& reminder_counts() const { return reminders_.counts(); }
  [[nodiscard]] std::string status_text(int field) const;

 private:
  class SyncBridge;

  void build_menu();
  void update_templates_item();
  void build_layout();
  void fill_views();
  void show_list();
  void show_page();
  void update_actions();
  void on_figures(InboxFigures figures);
  void update_status();
  void on_channel_status(const ChannelStatus& status);
  void start_engine();
  void stop_engine();
  void update_banner();
  void restart();
  bool run(const Command& command);
  void refuse(const std::string& text);
  std::string user_name() const;

  FrameOptions options_;
  TemplatesDialog* templates_dialog_ = nullptr;
  std::unique_ptr<Workspace> ws_;
  std::string user_;
  std::unique_ptr<InboxModel> model_;
  std::optional<ConversationPage> page_;
  std::vector<ListChoice> choices_;
  ReminderTracker reminders_;
  std::vector<ChannelStatus> channels_;
  std::string last_refusal_;
  int last_view_ = 0;
  bool painted_ = false;  // the view to return to when the search is cleared
  GuiThread gui_;
  std::unique_ptr<SyncBridge> bridge_;
  std::unique_ptr<SyncEngine> engine_;
  bool team_ = false;
  std::vector<ChannelProblem> problems_;  // channels the settings name but that cannot run
  RejectionWatch rejections_;
  std::vector<std::string> fresh_rejections_;  // told in the banner until dismissed
  Banner banner_;
  std::unique_ptr<InboxFiguresWorker> figures_;
  std::map<InboxView, std::size_t> counts_;  // of the views, from the figures worker
  std::map<Channel, std::size_t> channel_counts_;
  std::optional<std::size_t> replies_waiting_;  // solo mode's outbox, from the figures worker
  wxTimer reminder_timer_;

  wxListBox* views_ = nullptr;
  wxSearchCtrl* search_ = nullptr;
  wxSimplebook* list_book_ = nullptr;
  ConversationList* list_ = nullptr;
  wxStaticText* list_empty_ = nullptr;
  wxSimplebook* pane_book_ = nullptr;
  wxStaticText* title_ = nullptr;
  wxHtmlWindow* facts_ = nullptr;
  wxHtmlWindow* timeline_ = nullptr;
  wxInfoBar* info_ = nullptr;
  wxInfoBarGeneric* top_ = nullptr;  // the banner
  std::vector<std::pair<Action, wxButton*>> buttons_;
};

}  // namespace samla::app
