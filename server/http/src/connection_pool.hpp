// The task queue httplib runs connections on. httplib 0.11.4 keeps a thread on a connection
// until it closes (an idle keep-alive connection holds one for the keep-alive timeout), so a
// fixed pool lets a crowd of idle connections starve every other client.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace fakezoom::http {

// Keeps `warm` threads; adds one whenever a connection would otherwise wait, up to `max`
// threads in all (beyond that, connections queue). Added threads end after a while idle.
class ConnectionPool : public httplib::TaskQueue {
public:
  ConnectionPool(std::size_t warm, std::size_t max);
  ~ConnectionPool() override;
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  void enqueue(std::function<void()> job) override;
  // Runs what is queued, then joins every thread.
  void shutdown() override;

private:
  void work(bool added);
  bool spawn(bool added);    // with mutex_ held
  void join_finished();      // with mutex_ held

  const std::size_t max_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::list<std::thread> threads_;
  std::vector<std::thread::id> finished_;  // added threads that ended, to join
  std::size_t live_ = 0;
  std::size_t idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace fakezoom::http
