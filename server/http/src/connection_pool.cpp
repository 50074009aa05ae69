#include "connection_pool.hpp"

#include <algorithm>
#include <chrono>
#include <system_error>

namespace fakezoom::http {

namespace {
// Long enough that a burst of connections does not create and end threads over and over.
constexpr auto kAddedThreadIdle = std::chrono::seconds(10);
}  // namespace

ConnectionPool::ConnectionPool(std::size_t warm, std::size_t max) : max_(std::max<std::size_t>({max, warm, 1})) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < std::max<std::size_t>(warm, 1); ++i)
    if (!spawn(false)) break;
}

ConnectionPool::~ConnectionPool() { shutdown(); }

bool ConnectionPool::spawn(bool added) {
  try {
    threads_.emplace_back([this, added] { work(added); });
  } catch (const std::system_error&) {  // out of threads: the job waits for a running one
    return false;
  }
  ++live_;
  return true;
}

void ConnectionPool::join_finished() {
  for (const auto id : finished_) {
    auto it = std::find_if(threads_.begin(), threads_.end(), [id](const std::thread& t) { return t.get_id() == id; });
    if (it == threads_.end()) continue;
    it->join();  // it has left work() and takes no lock any more
    threads_.erase(it);
  }
  finished_.clear();
}

void ConnectionPool::enqueue(std::function<void()> job) {
  std::lock_guard lock(mutex_);
  join_finished();
  jobs_.push_back(std::move(job));
  if (idle_ < jobs_.size() && live_ < max_) spawn(true);
  ready_.notify_one();
}

void ConnectionPool::shutdown() {
  std::list<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
    threads.swap(threads_);
    finished_.clear();
  }
  ready_.notify_all();
  for (auto& thread : threads)
    if (thread.joinable()) thread.join();
}

void ConnectionPool::work(bool added) {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ++idle_;
      const auto has_work = [this] { return shutting_down_ || !jobs_.empty(); };
      const bool woken = added ? ready_.wait_for(lock, kAddedThreadIdle, has_work) : (ready_.wait(lock, has_work), true);
      --idle_;
      if (jobs_.empty() && (!woken || shutting_down_)) {
        --live_;
        if (added && !shutting_down_) finished_.push_back(std::this_thread::get_id());
        return;
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace fakezoom::http
