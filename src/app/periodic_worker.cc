#include "app/periodic_worker.h"

#include <csignal>
#include <utility>

#include <pthread.h>

namespace xaso::app {

PeriodicWorker::PeriodicWorker(std::chrono::seconds interval, std::function<void()> task)
    : interval_(interval), task_(std::move(task)) {
  // A new thread inherits the signal mask of its creator: block the two stop signals around
  // the creation, so that the worker never runs a moment with them deliverable.
  sigset_t stop_signals, previous;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  thread_ = std::thread([this] { Loop(); });
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

PeriodicWorker::~PeriodicWorker() { Stop(); }

void PeriodicWorker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void PeriodicWorker::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    lock.unlock();
    task_();
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace xaso::app
