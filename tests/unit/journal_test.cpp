#include <catch2/catch.hpp>

#include <set>
#include <thread>

#include "fakezoom/journal/journal.hpp"

using namespace fakezoom;

namespace {

JournalEntry entry_for(std::string path, int status = 200) {
  JournalEntry entry;
  entry.request.path = std::move(path);
  entry.status = status;
  return entry;
}

std::vector<std::string> paths_of(const Journal& journal) {
  std::vector<std::string> paths;
  for (const auto& entry : journal.entries()) paths.push_back(entry.request.path);
  return paths;
}

}  // namespace

TEST_CASE("the journal keeps entries in arrival order, numbered from 1", "[unit][journal]") {
  Journal journal;
  journal.record(entry_for("/a"));
  journal.record(entry_for("/b", 404));
  const auto entries = journal.entries();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].sequence == 1);
  CHECK(entries[0].request.path == "/a");
  CHECK(entries[1].sequence == 2);
  CHECK(entries[1].status == 404);
  CHECK(journal.size() == 2);
  CHECK(journal.total() == 2);
  CHECK(journal.capacity() == Journal::kDefaultCapacity);
}

TEST_CASE("a full journal drops the oldest entry and still counts it", "[unit][journal]") {
  Journal journal(3);
  for (auto path : {"/1", "/2", "/3", "/4", "/5"}) journal.record(entry_for(path));
  CHECK(paths_of(journal) == std::vector<std::string>{"/3", "/4", "/5"});
  CHECK(journal.size() == 3);
  CHECK(journal.total() == 5);
  CHECK(journal.entries().front().sequence == 3);
}

TEST_CASE("clearing the journal forgets entries and restarts the count", "[unit][journal]") {
  Journal journal(10);
  journal.record(entry_for("/1"));
  journal.record(entry_for("/2"));
  journal.clear();
  CHECK(journal.entries().empty());
  CHECK(journal.total() == 0);
  journal.record(entry_for("/3"));
  CHECK(journal.entries().front().sequence == 1);
}

TEST_CASE("a journal of capacity 0 records nothing but counts", "[unit][journal]") {
  Journal journal(0);
  journal.record(entry_for("/1"));
  journal.record(entry_for("/2"));
  CHECK(journal.entries().empty());
  CHECK(journal.size() == 0);
  CHECK(journal.total() == 2);
}

TEST_CASE("the journal counts exactly when recorded from many threads", "[unit][journal][threads]") {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 1000;
  Journal journal(kThreads * kPerThread);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&journal, t] {
      for (int i = 0; i < kPerThread; ++i) journal.record(entry_for("/t" + std::to_string(t)));
    });
  for (auto& thread : threads) thread.join();

  CHECK(journal.total() == kThreads * kPerThread);
  const auto entries = journal.entries();
  REQUIRE(entries.size() == kThreads * kPerThread);
  std::set<std::uint64_t> sequences;
  for (const auto& entry : entries) sequences.insert(entry.sequence);
  CHECK(sequences.size() == entries.size());
  CHECK(*sequences.begin() == 1);
  CHECK(*sequences.rbegin() == kThreads * kPerThread);
  // Arrival order: the sequence grows along the journal.
  for (std::size_t i = 1; i < entries.size(); ++i)
    if (entries[i].sequence <= entries[i - 1].sequence) FAIL("entry " << i << " is out of order");
}

TEST_CASE("the journal finds an entry by its number, and not one it dropped", "[unit][journal]") {
  Journal journal(3);
  for (auto path : {"/1", "/2", "/3", "/4", "/5"}) journal.record(entry_for(path));
  REQUIRE(journal.find(4));
  CHECK(journal.find(4)->entry().request.path == "/4");
  CHECK(journal.find(3)->sequence() == 3);
  CHECK_FALSE(journal.find(2));  // dropped
  CHECK_FALSE(journal.find(6));  // not yet
  CHECK_FALSE(journal.find(0));
}

TEST_CASE("newest gives the newest entries first, at most as many as asked", "[unit][journal]") {
  Journal journal(4);
  for (auto path : {"/1", "/2", "/3", "/4", "/5", "/6"}) journal.record(entry_for(path));
  const auto newest = journal.newest(3);
  REQUIRE(newest.size() == 3);
  CHECK(newest[0].entry().request.path == "/6");
  CHECK(newest[1].entry().request.path == "/5");
  CHECK(newest[2].entry().request.path == "/4");
  CHECK(journal.newest(100).size() == 4);
  CHECK(journal.records().front().entry().request.path == "/3");
}
