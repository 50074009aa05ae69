// Packing a journal entry into one buffer and back: each string as its length (a varint) and
// its bytes, in a fixed order. Packing happens on the request's thread, before the journal's
// lock is taken; unpacking only when the admin API or an embedding test reads the journal.
#include <algorithm>
#include <cstring>

#include "fakezoom/model/render.hpp"
#include "fakezoom/journal/journal.hpp"
#include "fakezoom/journal/redact.hpp"

namespace fakezoom {

namespace {

enum SharedId : std::uint8_t { kRouteId = 1, kExampleId = 2, kExampleName = 4 };

class Packer {
public:
  explicit Packer(JournalRecord::PackBuffer& out) : out_(out) { out_.clear(); }
  void number(std::size_t n) { out_.end_at(varint(out_.extend(kVarintBytes), n)); }
  void text(std::string_view s) {
    char* at = varint(out_.extend(kVarintBytes + s.size()), s.size());
    if (!s.empty()) std::memcpy(at, s.data(), s.size());
    out_.end_at(at + s.size());
  }
  // "Bearer [REDACTED]": the scheme kept, the credentials not.
  void redacted_authorization(std::string_view value) {
    const auto scheme = authorization_scheme(value);
    char* at = varint(out_.extend(kVarintBytes + scheme.size() + kRedacted.size()), scheme.size() + kRedacted.size());
    if (!scheme.empty()) std::memcpy(at, scheme.data(), scheme.size());
    std::memcpy(at + scheme.size(), kRedacted.data(), kRedacted.size());
    out_.end_at(at + scheme.size() + kRedacted.size());
  }

private:
  static constexpr std::size_t kVarintBytes = 10;  // of a 64-bit number
  static char* varint(char* at, std::size_t n) {
    while (n >= 0x80) {
      *at++ = static_cast<char>((n & 0x7f) | 0x80);
      n >>= 7;
    }
    *at++ = static_cast<char>(n);
    return at;
  }

  JournalRecord::PackBuffer& out_;
};

class Unpacker {
public:
  Unpacker(const char* data, std::size_t size) : at_(data), end_(data + size) {}
  std::size_t number() {
    std::size_t n = 0;
    for (int shift = 0; at_ != end_; shift += 7) {
      const auto byte = static_cast<unsigned char>(*at_++);
      n |= static_cast<std::size_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
    }
    return n;
  }
  std::string text() {
    const std::size_t size = std::min(number(), static_cast<std::size_t>(end_ - at_));
    std::string out(at_, size);
    at_ += size;
    return out;
  }

private:
  const char* at_;
  const char* end_;
};

// What redact_secrets does for a request needs_copying_redaction() lets through, without
// copying it, by the same rules (redact.hpp).
void pack_request(Packer& p, const HttpRequest& r, bool redact) {
  p.text(r.method);
  p.text(r.path);
  p.text(r.target);
  p.text(r.client_ip);
  p.text(r.body);
  p.number(r.query.size());
  for (const auto& [key, value] : r.query) {
    p.text(key);
    p.text(redact && is_secret_query_key(key) ? kRedacted : std::string_view(value));
  }
  p.number(r.headers.size());
  for (const auto& [name, value] : r.headers) {
    p.text(name);
    if (redact && iequals(name, "Authorization"))
      p.redacted_authorization(value);
    else
      p.text(value);
  }
}

HttpRequest unpack_request(Unpacker& u) {
  HttpRequest r;
  r.method = u.text();
  r.path = u.text();
  r.target = u.text();
  r.client_ip = u.text();
  r.body = u.text();
  for (std::size_t n = u.number(); n > 0; --n) {
    auto key = u.text();
    r.query.emplace_back(std::move(key), u.text());
  }
  for (std::size_t n = u.number(); n > 0; --n) {
    auto name = u.text();
    r.headers.add(std::move(name), u.text());
  }
  return r;
}

void pack_headers(Packer& p, Headers::const_iterator begin, Headers::const_iterator end) {
  p.number(static_cast<std::size_t>(end - begin));
  for (auto it = begin; it != end; ++it) {
    p.text(it->first);
    p.text(it->second);
  }
}

void unpack_headers(Unpacker& u, Headers& headers) {
  for (std::size_t n = u.number(); n > 0; --n) {
    auto name = u.text();
    headers.add(std::move(name), u.text());
  }
}

// The headers added to the prepared answer, when `response` is it with headers added at the end.
std::optional<Headers::const_iterator> added_to(const HttpResponse& prepared, const HttpResponse& response) {
  const auto& base = prepared.headers;
  if (response.status != prepared.status || response.body != prepared.body || response.headers.size() < base.size() ||
      !std::equal(base.begin(), base.end(), response.headers.begin()))
    return std::nullopt;
  return response.headers.begin() + static_cast<std::ptrdiff_t>(base.size());
}

// Reused by each request thread: packing allocates once, for the record's own buffer.
JournalRecord::PackBuffer& scratch() {
  thread_local JournalRecord::PackBuffer bytes;
  return bytes;
}

}  // namespace

char* JournalRecord::PackBuffer::extend(std::size_t count) {
  if (size_ + count > capacity_) {
    const std::size_t capacity = std::max({size_ + count, capacity_ * 2, std::size_t{1024}});
    auto grown = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
    data_ = std::move(grown);
    capacity_ = capacity;
  }
  char* at = data_.get() + size_;
  size_ += count;
  return at;
}

std::shared_ptr<const char[]> JournalRecord::copy_bytes(std::string_view bytes) {
  auto copy = std::make_shared_for_overwrite<char[]>(bytes.size());
  std::memcpy(copy.get(), bytes.data(), bytes.size());
  return copy;
}

JournalRecord JournalRecord::pack(const AnsweredRequest& a) {
  JournalRecord record = pack_fields(a, scratch());
  record.packed_ = copy_bytes(scratch().view());
  return record;
}

JournalRecord JournalRecord::pack_fields(const AnsweredRequest& a, PackBuffer& bytes) {
  JournalRecord record;
  record.logged_ = a.logged;
  record.status_ = a.response.status;
  record.matched_ = a.matched;
  record.delay_ms_ = a.delay.count();
  record.process_us_ = a.process_time.count();
  Packer p(bytes);
  if (a.redact && needs_copying_redaction(a.request))
    pack_request(p, redact_secrets(a.request), false);
  else
    pack_request(p, a.request, a.redact);

  std::optional<Headers::const_iterator> added;
  if (a.prepared) added = added_to(a.prepared->response, a.response);
  if (added) {
    record.answer_ = a.prepared;
    if (a.route_id == a.prepared->route_id) record.shared_ids_ |= kRouteId;
    if (a.example_id == a.prepared->example_id) record.shared_ids_ |= kExampleId;
    if (a.example_name == a.prepared->example_name) record.shared_ids_ |= kExampleName;
  }
  if (!(record.shared_ids_ & kRouteId)) p.text(a.route_id);
  if (!(record.shared_ids_ & kExampleId)) p.text(a.example_id);
  if (!(record.shared_ids_ & kExampleName)) p.text(a.example_name);
  p.text(a.reason);
  p.text(a.fault);
  if (added) {
    pack_headers(p, *added, a.response.headers.end());
  } else {
    pack_headers(p, a.response.headers.begin(), a.response.headers.end());
    p.text(a.response.body);
  }
  record.packed_size_ = static_cast<std::uint32_t>(bytes.view().size());
  return record;
}

JournalRecord JournalRecord::pack(const JournalEntry& e) {
  HttpResponse response{e.status, e.response_headers, e.response_body};
  const std::shared_ptr<const PreparedAnswer> none;
  JournalRecord record = pack({.logged = e.logged,
                               .request = e.request,
                               .redact = false,
                               .response = response,
                               .prepared = none,
                               .matched = e.matched,
                               .route_id = e.route_id,
                               .example_id = e.example_id,
                               .example_name = e.example_name,
                               .reason = e.reason,
                               .fault = e.fault,
                               .delay = e.delay,
                               .process_time = e.process_time});
  return record;
}

HttpRequest JournalRecord::request() const {
  Unpacker u(packed_.get(), packed_size_);
  return unpack_request(u);
}

JournalEntry JournalRecord::entry() const {
  JournalEntry e;
  Unpacker u(packed_.get(), packed_size_);
  e.sequence = sequence_;
  e.logged = logged_;
  e.request = unpack_request(u);
  e.status = status_;
  e.matched = matched_;
  e.route_id = shared_ids_ & kRouteId ? answer_->route_id : u.text();
  e.example_id = shared_ids_ & kExampleId ? answer_->example_id : u.text();
  e.example_name = shared_ids_ & kExampleName ? answer_->example_name : u.text();
  e.reason = u.text();
  e.fault = u.text();
  if (answer_) {
    e.response_headers = answer_->response.headers;
    e.response_body = answer_->response.body;
  }
  unpack_headers(u, e.response_headers);
  if (!answer_) e.response_body = u.text();
  e.delay = std::chrono::milliseconds(delay_ms_);
  e.process_time = std::chrono::microseconds(process_us_);
  return e;
}

}  // namespace fakezoom
