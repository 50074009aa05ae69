// GET /__admin/: the journal page, one self-contained HTML file (server/admin/page/journal.html,
// built in at configure time) that reads this server's admin JSON and updates itself.
#include "admin_answer.hpp"

namespace fakezoom::admin {

namespace {
constexpr char kJournalPage[] =
#include "admin_journal_page.inc"
    ;
}  // namespace

HttpResponse journal_page() {
  HttpResponse response;
  response.body = kJournalPage;
  response.headers.set("Content-Type", "text/html; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  // Nothing but this page's own origin: no external scripts, styles, images or frames.
  response.headers.set("Content-Security-Policy",
                       "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'");
  return response;
}

}  // namespace fakezoom::admin
