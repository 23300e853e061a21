// A background thread that runs one task at start and then at a fixed interval until stopped:
// the notification worker of `xaso serve`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace xaso::app {

// Starts the thread in the constructor; Stop() (or the destructor) wakes it, waits for a run
// in progress to finish and joins it. The thread blocks SIGINT and SIGTERM from its first
// instruction, so that those signals always reach web::ServeUntilSignal's sigwait. Stop() is for
// the owning thread, and may be called more than once; the task runs on the worker thread only.
class PeriodicWorker {
 public:
  PeriodicWorker(std::chrono::seconds interval, std::function<void()> task);
  ~PeriodicWorker();
  PeriodicWorker(const PeriodicWorker&) = delete;
  PeriodicWorker& operator=(const PeriodicWorker&) = delete;

  void Stop();

 private:
  void Loop();

  const std::chrono::seconds interval_;
  const std::function<void()> task_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace xaso::app
