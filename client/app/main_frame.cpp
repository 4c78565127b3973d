#include "main_frame.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/infobar.h>  // before the generic one, which builds on its base
// clang-format off
#include <wx/generic/infobar.h>
// clang-format on
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notifmsg.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include <cstdio>

#include "conversation_list.h"
#include "i18n.h"
#include "safe_html_window.h"
#include "samla/models/rejection.h"
#include "settings_dialog.h"
#include "templates_dialog.h"
#include "testing_connector.h"

namespace samla::app {
namespace {

wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }

enum MenuId : int {
  kFirstAction = wxID_HIGHEST + 100,  // + Action
  kFirstView = wxID_HIGHEST + 200,    // + index into the views list
  kSearch = wxID_HIGHEST + 300,
  kSyncNow,
  kSwitchUser,
  kSettings,
  kTemplates,
  kBannerSettings,
};

struct ActionInfo {
  Action action;
  const char* label;   // menu text with its accelerator
  const char* button;  // button text
};

// The button texts are the menu texts without the accelerator; both are translated.
std::vector<ActionInfo> action_infos() {
  return {
      {Action::Reply, "&Reply…\tCtrl+R", "Reply…"},
      {Action::Preliminary, "&Preliminary reply…\tCtrl+Shift+R", "Preliminary reply…"},
      {Action::Sms, "&SMS to the citizen…\tCtrl+M", "SMS…"},
      {Action::Claim, "&Claim\tCtrl+K", "Claim"},
      {Action::Assign, "&Assign…\tCtrl+Shift+A", "Assign…"},
      {Action::Handover, "&Hand over…\tCtrl+H", "Hand over…"},
      {Action::Accept, "A&ccept handover\tCtrl+Shift+H", "Accept handover"},
      {Action::Decline, "&Decline handover…\tCtrl+Shift+D", "Decline…"},
      {Action::Note, "&Note…\tCtrl+N", "Note…"},
      {Action::Close, "Cl&ose conversation\tCtrl+E", "Close conversation"},
      {Action::Reopen, "R&eopen\tCtrl+Shift+E", "Reopen"},
      {Action::Withdraw, "&Withdraw handover\tCtrl+Shift+W", "Withdraw handover"},
  };
}

// Marks the gettext msgids of action_infos() for extraction; the table keeps the English text.
[[maybe_unused]] void action_msgids() {
  (void)tr("&Reply…\tCtrl+R");
  (void)tr("Reply…");
  (void)tr("&Preliminary reply…\tCtrl+Shift+R");
  (void)tr("Preliminary reply…");
  (void)tr("&SMS to the citizen…\tCtrl+M");
  (void)tr("SMS…");
  (void)tr("&Claim\tCtrl+K");
  (void)tr("Claim");
  (void)tr("&Assign…\tCtrl+Shift+A");
  (void)tr("Assign…");
  (void)tr("&Hand over…\tCtrl+H");
  (void)tr("Hand over…");
  (void)tr("A&ccept handover\tCtrl+Shift+H");
  (void)tr("Accept handover");
  (void)tr("&Decline handover…\tCtrl+Shift+D");
  (void)tr("Decline…");
  (void)tr("&Note…\tCtrl+N");
  (void)tr("Note…");
  (void)tr("Cl&ose conversation\tCtrl+E");
  (void)tr("Close conversation");
  (void)tr("R&eopen\tCtrl+Shift+E");
  (void)tr("Reopen");
  (void)tr("&Withdraw handover\tCtrl+Shift+W");
  (void)tr("Withdraw handover");
}

std::string channel_state_text(const ChannelStatus& status) {
  ChannelStatus s = status;
  if (s.channel_id == "hub") s.label = tr("team hub");  // the connector's label is English
  switch (s.state) {
    case ChannelState::idle:
      return substitute(tr("{0}: up to date"), {s.label});
    case ChannelState::syncing:
      return s.total > 0 ? substitute(tr("{0}: syncing {1} of {2}"),
                                      {s.label, std::to_string(s.done), std::to_string(s.total)})
                         : substitute(tr("{0}: syncing"), {s.label});
    case ChannelState::offline:
      return substitute(tr("{0}: offline"), {s.label});
    case ChannelState::auth_required:
      return substitute(tr("{0}: sign-in needed"), {s.label});
    case ChannelState::failed:
      return substitute(tr("{0}: failed ({1})"), {s.label, s.error.value_or("")});
  }
  return {};
}

}  // namespace

// The engine's observer: called on worker threads, it only posts to the GUI thread.
class MainFrame::SyncBridge : public SyncObserver {
 public:
  SyncBridge(MainFrame* frame, const GuiThread& gui) : frame_(frame), gui_(gui) {}
  void channel_status(const ChannelStatus& status) override {
    MainFrame* frame = frame_;
    gui_.post([frame, status] { frame->on_channel_status(status); });
  }
  void store_changed() override {
    MainFrame* frame = frame_;
    gui_.post([frame] { frame->refresh_all(); });
  }

 private:
  MainFrame* frame_;
  GuiThread gui_;
};

MainFrame::MainFrame(FrameOptions options)
    : wxFrame(nullptr, wxID_ANY, "Samla", wxDefaultPosition, wxSize(1280, 800)),
      options_(std::move(options)),
      gui_(this) {
  ws_ = std::make_unique<Workspace>(options_.profile, options_.workspace);
  user_ = options_.user.empty() ? ws_->current_user().value_or("") : options_.user;
  model_ = std::make_unique<InboxModel>(*ws_, user_);
  choices_ = {ListChoice{ListChoice::Kind::View, InboxView::Mine, {}, {}},
              ListChoice{ListChoice::Kind::View, InboxView::Department, {}, {}},
              ListChoice{ListChoice::Kind::View, InboxView::Handovers, {}, {}},
              ListChoice{ListChoice::Kind::View, InboxView::DueSoon, {}, {}},
              ListChoice{ListChoice::Kind::View, InboxView::Overdue, {}, {}},
              ListChoice{ListChoice::Kind::View, InboxView::All, {}, {}}};
  for (const auto channel : kChannels) {
    choices_.push_back(ListChoice{ListChoice::Kind::Channel, InboxView::All, channel, {}});
  }
  SetMinSize(FromDIP(wxSize(800, 500)));
  build_menu();
  build_layout();
  update_templates_item();
  CreateStatusBar(3);
  const int widths[3] = {-3, -1, -1};
  GetStatusBar()->SetStatusWidths(3, widths);
  fill_views();
  last_view_ = static_cast<int>(options_.first_view);  // choices_ start with the views in order
  views_->SetSelection(last_view_);
  model_->choose(choices_[static_cast<std::size_t>(last_view_)]);
  show_list();
  if (options_.testing_quit_after_paint) {
    list_->Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
      event.Skip();
      if (painted_) return;
      painted_ = true;
      CallAfter([this] {
        std::printf("painted %zu\n", model_->size());
        std::fflush(stdout);
        Close(true);
      });
    });
  }
  show_page();
  update_status();
  SetTitle(wx(reminders_.window_title(user_name())));

  reminder_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refresh_all(); });
  reminder_timer_.Start(60'000);

  bridge_ = std::make_unique<SyncBridge>(this, gui_);
  start_engine();
  const GuiThread gui = gui_;
  figures_ = std::make_unique<InboxFiguresWorker>(
      options_.profile, options_.workspace, [this, gui](InboxFigures figures) {
        // Moved, not copied: with 100 000 conversations the reminders are tens of megabytes.
        auto moved = std::make_shared<InboxFigures>(std::move(figures));
        gui.post([this, moved] { on_figures(std::move(*moved)); });
      });
  // Asked for once the list (or its empty text) has painted, so that reading them never
  // competes with the first paint.
  auto asked = std::make_shared<bool>(false);
  const auto ask_after_paint = [this, asked](wxPaintEvent& event) {
    event.Skip();
    if (*asked) return;
    *asked = true;
    CallAfter([this] { figures_->request(user_); });
  };
  list_->Bind(wxEVT_PAINT, ask_after_paint);
  list_empty_->GetParent()->Bind(wxEVT_PAINT, ask_after_paint);
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
    reminder_timer_.Stop();
    figures_->stop();
    stop_engine();
    event.Skip();
  });
}

MainFrame::~MainFrame() {
  figures_.reset();  // stops and joins before the frame's members go
  stop_engine();
}

void MainFrame::start_engine() {
  SyncEngineOptions engine_options;
  engine_options.workspace = options_.workspace;
  engine_ = std::make_unique<SyncEngine>(options_.profile, *bridge_, engine_options);
  auto plan = plan_sync(*ws_, options_.keyring);
  team_ = plan.team;
  problems_ = std::move(plan.problems);
  for (auto& connector : plan.connectors) engine_->add(std::move(connector));
  if (options_.testing_slow_sync.count() > 0) {
    engine_->add(std::make_unique<SlowTestingConnector>(options_.testing_slow_sync));
  }
  engine_->start();
  update_status();
}

void MainFrame::stop_engine() {
  if (!engine_) return;
  engine_->stop();
  engine_->join();
  engine_.reset();
  channels_.clear();
}

std::string MainFrame::user_name() const { return ws_->directory().display_name(user_); }

void MainFrame::build_menu() {
  auto* bar = new wxMenuBar();
  auto* file = new wxMenu();
  file->Append(kSwitchUser, wx(tr("Act as another &user…\tCtrl+U")));
  file->Append(kSettings, wx(tr("&Settings…\tCtrl+,")));
  file->Append(kTemplates, wx(tr("&Templates…\tCtrl+Shift+T")));
  file->AppendSeparator();
  file->Append(wxID_EXIT, wx(tr("&Quit\tCtrl+Q")));
  bar->Append(file, wx(tr("&File")));

  auto* view = new wxMenu();
  const char* view_names[] = {
      "&Mine\tCtrl+1",     "&Department\tCtrl+2", "&Handovers to accept\tCtrl+3",
      "D&ue soon\tCtrl+4", "&Overdue\tCtrl+5",    "&All\tCtrl+6"};
  (void)tr("&Mine\tCtrl+1");
  (void)tr("&Department\tCtrl+2");
  (void)tr("&Handovers to accept\tCtrl+3");
  (void)tr("D&ue soon\tCtrl+4");
  (void)tr("&Overdue\tCtrl+5");
  (void)tr("&All\tCtrl+6");
  for (int i = 0; i < 6; ++i) view->Append(kFirstView + i, wx(tr(view_names[i])));
  view->AppendSeparator();
  view->Append(kSearch, wx(tr("&Search\tCtrl+F")));
  view->Append(kSyncNow, wx(tr("Sync &now\tF5")));
  bar->Append(view, wx(tr("&View")));

  auto* conversation = new wxMenu();
  for (const auto& info : action_infos()) {
    conversation->Append(kFirstAction + static_cast<int>(info.action), wx(tr(info.label)));
    if (info.action == Action::Sms || info.action == Action::Decline) {
      conversation->AppendSeparator();
    }
  }
  bar->Append(conversation, wx(tr("&Conversation")));
  SetMenuBar(bar);

  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        // After the key is released: a modal dialog opened inside the key press would hold the
        // key down, and the keyboard's auto-repeat would give the command twice.
        const auto action = static_cast<Action>(e.GetId() - kFirstAction);
        CallAfter([this, action] { act(action); });
      },
      kFirstAction, kFirstAction + static_cast<int>(Action::Withdraw));
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        const auto index = static_cast<std::size_t>(e.GetId() - kFirstView);
        views_->SetSelection(static_cast<int>(index));
        last_view_ = static_cast<int>(index);
        if (!search_->IsEmpty()) search_->ChangeValue(wxString());
        choose(choices_[index]);
        list_->SetFocus();
      },
      kFirstView, kFirstView + 5);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { search_->SetFocus(); }, kSearch);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { engine_->sync_now(); }, kSyncNow);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        std::vector<wxString> names;
        std::vector<std::string> ids;
        const auto dir = ws_->directory();
        for (const auto& [id, u] : dir.users()) {
          ids.push_back(id);
          names.push_back(wx(u.name));
        }
        wxArrayString choices;
        for (const auto& n : names) choices.Add(n);
        const int picked = wxGetSingleChoiceIndex(
            wx(tr("Samla acts as the person you choose: their views, their rights.")),
            wx(tr("Act as another user")), choices, this, -1, -1, true, FromDIP(360), FromDIP(420));
        if (picked >= 0) switch_user(ids[static_cast<std::size_t>(picked)]);
      },
      kSwitchUser);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { open_settings(); }, kSettings);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { open_templates(); }, kTemplates);
}

void MainFrame::build_layout() {
  auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
  // The generic bar: its buttons are ordinary buttons, reached by Tab and named for screen
  // readers (GTK's own bar keeps them out of reach of wx).
  top_ = new wxInfoBarGeneric(this);
  top_->SetName(wx(tr("Sync notice")));
  // The settings button opens the page that fixes it; any other closes the banner.
  top_->Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (e.GetId() == kBannerSettings) {
      CallAfter([this] {
        open_settings(banner_.kind == Banner::Kind::password ? SettingsDialog::Page::email
                                                             : SettingsDialog::Page::hub);
      });
      return;
    }
    dismiss_banner();
  });
  frame_sizer->Add(top_, wxSizerFlags().Expand());
  auto* outer = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3DSASH);
  frame_sizer->Add(outer, wxSizerFlags(1).Expand());
  SetSizer(frame_sizer);
  // Left: search and views.
  auto* left = new wxPanel(outer);
  auto* left_sizer = new wxBoxSizer(wxVERTICAL);
  search_ = new wxSearchCtrl(left, wxID_ANY);
  search_->SetDescriptiveText(wx(tr("Search")));
  search_->SetName(wx(tr("Search")));
  search_->ShowCancelButton(true);
  left_sizer->Add(search_, wxSizerFlags().Expand().Border(wxALL, 6));
  views_ = new wxListBox(left, wxID_ANY);
  views_->SetName(wx(tr("Views")));
  left_sizer->Add(views_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 6));
  left->SetSizer(left_sizer);

  auto* right = new wxSplitterWindow(outer, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3DSASH);
  // Top right: the list, or what an empty list means.
  list_book_ = new wxSimplebook(right);
  list_ = new ConversationList(list_book_, *model_);
  auto* empty_panel = new wxPanel(list_book_);
  auto* empty_sizer = new wxBoxSizer(wxVERTICAL);
  list_empty_ = new wxStaticText(empty_panel, wxID_ANY, wxString(), wxDefaultPosition,
                                 wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
  empty_sizer->AddStretchSpacer();
  empty_sizer->Add(list_empty_, wxSizerFlags().Centre().Border(wxALL, 20));
  empty_sizer->AddStretchSpacer();
  empty_panel->SetSizer(empty_sizer);
  list_book_->AddPage(list_, wxString());
  list_book_->AddPage(empty_panel, wxString());

  // Bottom right: the conversation.
  pane_book_ = new wxSimplebook(right);
  auto* nothing = new wxPanel(pane_book_);
  auto* nothing_sizer = new wxBoxSizer(wxVERTICAL);
  nothing_sizer->AddStretchSpacer();
  nothing_sizer->Add(new wxStaticText(nothing, wxID_ANY,
                                      wx(tr("Choose a conversation to read it and act on it."))),
                     wxSizerFlags().Centre());
  nothing_sizer->AddStretchSpacer();
  nothing->SetSizer(nothing_sizer);
  auto* pane = new wxPanel(pane_book_);
  auto* pane_sizer = new wxBoxSizer(wxVERTICAL);
  info_ = new wxInfoBar(pane);
  pane_sizer->Add(info_, wxSizerFlags().Expand());
  title_ = new wxStaticText(pane, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxST_ELLIPSIZE_END);
  wxFont big = title_->GetFont();
  big.MakeBold().MakeLarger();
  title_->SetFont(big);
  pane_sizer->Add(title_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
  auto* buttons = new wxWrapSizer(wxHORIZONTAL);
  for (const auto& info : action_infos()) {
    auto* button =
        new wxButton(pane, kFirstAction + static_cast<int>(info.action), wx(tr(info.button)),
                     wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    // The accelerator is in the tooltip, so the keyboard way is never hidden.
    button->SetToolTip(wx(tr(info.label)).AfterFirst('\t').IsEmpty()
                           ? wxString()
                           : wx(tr(info.label)).AfterFirst('\t'));
    const Action action = info.action;
    button->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { act(action); });
    buttons->Add(button, wxSizerFlags().Border(wxRIGHT | wxTOP, 4));
    buttons_.emplace_back(info.action, button);
  }
  pane_sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 8));
  facts_ = new SafeHtmlWindow(pane, wx(tr("Conversation facts")));
  facts_->SetMinSize(FromDIP(wxSize(-1, 150)));
  pane_sizer->Add(facts_, wxSizerFlags().Expand().Border(wxALL, 8));
  timeline_ = new SafeHtmlWindow(pane, wx(tr("Timeline")));
  pane_sizer->Add(timeline_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  pane->SetSizer(pane_sizer);
  pane_book_->AddPage(nothing, wxString());
  pane_book_->AddPage(pane, wxString());

  right->SplitHorizontally(list_book_, pane_book_, FromDIP(260));
  right->SetMinimumPaneSize(FromDIP(120));
  right->SetSashGravity(0.35);
  // The splitter is sized only once the frame is laid out: place the sash then, the list above
  // a bit more than a third of the height, the conversation below.
  CallAfter([right] { right->SetSashPosition(right->GetClientSize().y * 2 / 5); });
  outer->SplitVertically(left, right, FromDIP(230));
  outer->SetMinimumPaneSize(FromDIP(150));

  views_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
    const auto index = static_cast<std::size_t>(e.GetSelection());
    if (index >= choices_.size()) return;
    last_view_ = e.GetSelection();
    if (!search_->IsEmpty()) search_->ChangeValue(wxString());
    choose(choices_[index]);
  });
  search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { search(search_->GetValue().utf8_string()); });
  search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { search_->Clear(); });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED,
              [this](wxListEvent& e) { select_row(static_cast<std::size_t>(e.GetIndex())); });
}

void MainFrame::fill_views() {
  const int selected = views_->GetSelection();
  wxArrayString labels;
  for (const auto& choice : choices_) {
    std::optional<std::size_t> count;
    if (choice.kind == ListChoice::Kind::View && counts_.contains(choice.view)) {
      count = counts_.at(choice.view);
    } else if (choice.kind == ListChoice::Kind::Channel &&
               channel_counts_.contains(choice.channel)) {
      count = channel_counts_.at(choice.channel);
    }
    labels.Add(wx(InboxModel::label(choice, count)));
  }
  views_->Set(labels);
  if (selected != wxNOT_FOUND) views_->SetSelection(selected);
}

void MainFrame::choose(const ListChoice& choice) {
  model_->choose(choice);
  show_list();
}

void MainFrame::search(const std::string& query) {
  if (query.empty()) {
    views_->SetSelection(last_view_);
    choose(choices_[static_cast<std::size_t>(last_view_)]);
    return;
  }
  // The views list shows that no view is chosen while the list holds search results.
  if (views_->GetSelection() != wxNOT_FOUND) last_view_ = views_->GetSelection();
  views_->SetSelection(wxNOT_FOUND);
  model_->choose(ListChoice{ListChoice::Kind::Search, InboxView::All, {}, query});
  show_list();
}

void MainFrame::show_list() {
  list_->reload();
  list_empty_->SetLabel(wx(model_->empty_text()));
  list_empty_->GetParent()->Layout();
  list_book_->ChangeSelection(model_->size() == 0 ? 1 : 0);
  // Keep the open conversation selected when it is still in the list; nothing else selected.
  for (long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
       selected != -1;
       selected = list_->GetNextItem(selected, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) {
    list_->SetItemState(selected, 0, wxLIST_STATE_SELECTED);
  }
  if (page_) {
    if (const auto index = model_->index_of(page_->id)) {
      list_->SetItemState(static_cast<long>(*index), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      list_->EnsureVisible(static_cast<long>(*index));
    }
  }
}

void MainFrame::select_row(std::size_t index) {
  if (index >= model_->size()) return;
  select_conversation(model_->row(index).id);
}

void MainFrame::select_conversation(const std::string& id) {
  const auto conversation = ws_->store().conversation(id);
  if (!conversation) {
    page_.reset();
  } else {
    if (!page_ || page_->id != conversation->id) info_->Dismiss();
    page_ = make_page(*ws_, *conversation, user_);
  }
  show_page();
}

void MainFrame::show_page() {
  if (!page_) {
    pane_book_->ChangeSelection(0);
    update_actions();
    return;
  }
  title_->SetLabel(wx(page_->title));
  facts_->SetPage("<html><body>" + wx(page_->facts_html) + "</body></html>");
  // The facts fit without a scroll bar: size the window to its content.
  const int height = facts_->GetInternalRepresentation()->GetHeight() + FromDIP(8);
  facts_->SetMinSize(wxSize(-1, height));
  timeline_->SetPage("<html><body>" + wx(page_->timeline_html) + "</body></html>");
  pane_book_->ChangeSelection(1);
  pane_book_->GetPage(1)->Layout();
  update_actions();
}

void MainFrame::update_actions() {
  auto* menu_bar = GetMenuBar();
  for (const auto& [action, button] : buttons_) {
    const bool on = page_ && offers(*page_, action);
    button->Show(on);
    menu_bar->Enable(kFirstAction + static_cast<int>(action), on);
  }
  if (page_) pane_book_->GetPage(1)->Layout();
}

void MainFrame::refresh_all() {
  model_->refresh();
  fill_views();
  show_list();
  if (page_) select_conversation(page_->id);
  figures_->request(user_);
  update_status();
  if (team_) {
    auto fresh = rejections_.fresh(*ws_);
    if (!fresh.empty()) {
      if (options_.notifications) {
        wxNotificationMessage note(wx(tr("Samla: a change did not take effect")), wx(fresh.front()),
                                   this);
        note.Show();
      }
      for (auto& text : fresh) fresh_rejections_.push_back(std::move(text));
      update_banner();
    }
  }
}

void MainFrame::switch_user(const std::string& user) {
  user_ = user;
  model_ = std::make_unique<InboxModel>(*ws_, user_);
  list_->set_model(*model_);
  views_->SetSelection(0);
  last_view_ = 0;
  search_->ChangeValue(wxString());
  page_.reset();
  reminders_ = ReminderTracker();
  SetTitle(wx(reminders_.window_title(user_name())));  // at once; the counts follow
  counts_.clear();
  channel_counts_.clear();
  replies_waiting_.reset();
  refresh_all();
  show_page();
  update_templates_item();
}

void MainFrame::on_figures(InboxFigures figures) {
  if (figures.user != user_) return;  // asked for before the user switched
  counts_ = std::move(figures.counts);
  channel_counts_ = std::move(figures.channel_counts);
  replies_waiting_ = figures.replies_waiting;
  update_status();
  fill_views();
  const auto fresh = reminders_.update(std::move(figures.reminders));
  SetTitle(wx(reminders_.window_title(user_name())));
  if (!options_.notifications || fresh.empty()) return;
  // A few new reminders are told one by one; many at once (the first start) in one summary.
  if (fresh.size() <= 3) {
    for (const auto& r : fresh) {
      wxNotificationMessage note(wx(tr("Samla reminder")),
                                 wx(ReminderTracker::notification_text(r, ws_->zone())), this);
      note.Show();
    }
  } else {
    wxNotificationMessage note(wx(tr("Samla reminders")), wx(reminders_.window_title(user_name())),
                               this);
    note.Show();
  }
}

void MainFrame::on_channel_status(const ChannelStatus& status) {
  const auto it = std::find_if(channels_.begin(), channels_.end(),
                               [&](const auto& c) { return c.channel_id == status.channel_id; });
  if (it == channels_.end()) {
    channels_.push_back(status);
  } else {
    *it = status;
  }
  update_status();
}

std::string MainFrame::status_text(int field) const {
  return GetStatusBar()->GetStatusText(field).utf8_string();
}

void MainFrame::update_status() {
  std::string channels;
  bool offline = false;
  for (const auto& c : channels_) {
    channels += (channels.empty() ? "" : "   ") + channel_state_text(c);
    offline = offline || c.state == ChannelState::offline;
  }
  for (const auto& p : problems_) {
    channels += (channels.empty() ? "" : "   ") + problem_text(p);
  }
  if (channels.empty()) channels = tr("No channels are set up: working on the local store.");
  SetStatusText(wx(channels), 0);
  SetStatusText(wx(offline ? tr("Offline") : tr("Online")), 1);
  // Team mode: the changes the hub has not received yet. Solo mode has no hub, so its outbox
  // is what citizens are still to receive.
  std::string outbox;
  if (team_) {
    outbox = substitute(tr("Outbox: {0}"), {std::to_string(waiting_to_send(*ws_))});
  } else if (replies_waiting_) {
    outbox = substitute(
        trn("{0} reply waiting to be sent", "{0} replies waiting to be sent", *replies_waiting_),
        {std::to_string(*replies_waiting_)});
  }
  SetStatusText(wx(outbox), 2);
  update_banner();
}

void MainFrame::update_banner() {
  if (top_ == nullptr) return;
  BannerFacts facts;
  facts.team = team_;
  for (const auto& c : channels_) {
    if (c.channel_id == "hub") facts.hub_offline = c.state == ChannelState::offline;
  }
  facts.waiting = team_ ? waiting_to_send(*ws_) : 0;
  facts.problems = problems_;
  facts.channels = channels_;
  facts.fresh_rejections = fresh_rejections_;
  auto next = banner_for(facts);
  if (next.kind == banner_.kind && next.text == banner_.text) return;
  banner_ = std::move(next);
  if (banner_.kind == Banner::Kind::none) {
    top_->Dismiss();
  } else {
    // The settings button only where settings fix it.
    if (banner_.offers_settings) {
      if (!top_->HasButtonId(kBannerSettings))
        top_->AddButton(kBannerSettings, wx(tr("Settings…")));
    } else if (top_->HasButtonId(kBannerSettings)) {
      top_->RemoveButton(kBannerSettings);
    }
    top_->ShowMessage(wx(banner_.text), banner_.kind == Banner::Kind::password ? wxICON_WARNING
                                        : banner_.kind == Banner::Kind::rejected
                                            ? wxICON_ERROR
                                            : wxICON_INFORMATION);
  }
  Layout();
}

void MainFrame::dismiss_banner() {
  fresh_rejections_.clear();
  if (top_ != nullptr) top_->Dismiss();
  banner_ = {};
  update_banner();
  Layout();
}

void MainFrame::refuse(const std::string& text) {
  last_refusal_ = text;
  info_->ShowMessage(wx(text), wxICON_WARNING);
  pane_book_->GetPage(1)->Layout();
}

bool MainFrame::run(const Command& command) {
  if (!page_) return false;
  const auto outcome = ws_->execute(page_->id, command, user_);
  if (!outcome.decision.accepted()) {
    const auto& r = *outcome.decision.rejection;
    refuse(r.text(tr(std::string(r.format).c_str()), ws_->zone()));
    return false;
  }
  last_refusal_.clear();
  info_->Dismiss();
  refresh_all();
  engine_->sync_now();  // what the command queued goes out with the next pass
  return true;
}

}  // namespace samla::app

namespace samla::app {

void MainFrame::open_settings(std::optional<SettingsDialog::Page> page) {
  SettingsDialog dialog(this, *ws_, options_.keyring);
  if (page) dialog.show_page(*page);
  const int answer = dialog.ShowModal();
  if (answer == SettingsDialog::kRestart) {
    restart();
    return;
  }
  if (dialog.channels_changed()) {
    // The engine takes its connectors at start: run it again with the new channels.
    stop_engine();
    start_engine();
    if (team_) {
      if (const auto hub = hub_settings(ws_->store()); hub && hub->user != user_) {
        switch_user(hub->user);  // in a team this desktop acts as its hub login
      }
    }
  }
  // Departments, office hours and policies change views and deadlines.
  model_ = std::make_unique<InboxModel>(*ws_, user_);
  model_->choose(choices_[views_->GetSelection() == wxNOT_FOUND
                              ? 0
                              : static_cast<std::size_t>(views_->GetSelection())]);
  list_->set_model(*model_);
  refresh_all();
}

}  // namespace samla::app

namespace samla::app {

void MainFrame::restart() {
  if (options_.restart) {
    options_.restart();  // tests: the window stays
    return;
  }
  {
    // The same program with the same arguments, then this one closes.
    std::vector<wxString> args;
    for (int i = 0; i < wxTheApp->argc; ++i) args.push_back(wxTheApp->argv[i]);
    std::vector<const wchar_t*> argv;
    for (const auto& a : args) argv.push_back(a.wc_str());
    argv.push_back(nullptr);
    wxExecute(argv.data(), wxEXEC_ASYNC);
  }
  Close();
}

void MainFrame::update_templates_item() {
  // Only communications staff and administrators edit templates: the others see it greyed.
  GetMenuBar()->Enable(kTemplates, !TemplateEditor(*ws_, user_).refusal().has_value());
}

void MainFrame::open_templates() {
  if (const auto refusal = TemplateEditor(*ws_, user_).refusal()) {
    last_refusal_ = *refusal;
    wxMessageBox(wx(*refusal), wx(tr("Templates")), wxOK | wxICON_INFORMATION, this);
    return;
  }
  TemplatesDialog dialog(this, *ws_, user_, page_ ? page_->id : std::string());
  templates_dialog_ = &dialog;
  dialog.ShowModal();
  templates_dialog_ = nullptr;
}

}  // namespace samla::app
