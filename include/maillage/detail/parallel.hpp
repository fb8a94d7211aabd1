#pragma once
// Runs independent work items on a few threads. Items are handed out in blocks through an atomic
// counter, so the threads stay busy whatever the cost of each item.
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace maillage::detail {

/// The number of threads to use: `requested`, or every hardware thread when 0, never more than
/// the items.
inline unsigned thread_count(unsigned requested, std::size_t items) {
    unsigned threads = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, items)));
}

/// Runs `body(thread)` on threads 0..threads-1 (0 on the calling thread) and rethrows the first
/// exception a thread threw, after all have stopped; `failed` tells the others to stop early.
template <class Body>
void run_threads(unsigned threads, Body&& body) {
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    auto run = [&](unsigned thread) {
        try {
            body(thread, failed);
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
    run(0);
    for (auto& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
}

/// Calls `work(thread, item)` for every item in [0, items) on `threads` threads (thread numbers
/// 0..threads-1). The first exception thrown by a worker is rethrown here after all have stopped.
template <class Work>
void parallel_items(std::size_t items, unsigned threads, Work&& work, std::size_t block = 16) {
    if (threads <= 1) {
        for (std::size_t i = 0; i < items; ++i) work(0u, i);
        return;
    }
    std::atomic<std::size_t> next{0};
    run_threads(threads, [&](unsigned thread, const std::atomic<bool>& failed) {
        for (;;) {
            const std::size_t begin = next.fetch_add(block);
            if (begin >= items || failed.load(std::memory_order_relaxed)) return;
            const std::size_t end = std::min(items, begin + block);
            for (std::size_t i = begin; i < end; ++i) work(thread, i);
        }
    });
}

}  // namespace maillage::detail

namespace maillage::detail {

/// Calls `work(thread, item)` with a fixed schedule: thread t takes items t, t + threads,
/// t + 2 threads... Reductions that each thread sums in its own buffer then give the same result
/// on every run with the same thread count (a dynamic schedule would hand items to threads in a
/// different order each run, and floating-point sums would differ in their last bits).
template <class Work>
void parallel_static(std::size_t items, unsigned threads, Work&& work) {
    if (threads <= 1) {
        for (std::size_t i = 0; i < items; ++i) work(0u, i);
        return;
    }
    run_threads(threads, [&](unsigned thread, const std::atomic<bool>& failed) {
        for (std::size_t i = thread; i < items && !failed.load(std::memory_order_relaxed); i += threads) work(thread, i);
    });
}

/// Splits [0, items) into fixed blocks of `block` items and calls `work(block_number, begin, end)`
/// for each on `threads` threads; returns what each block returned, by block number. The blocks
/// do not depend on the thread count, so a sum of the returned values taken in block order is the
/// same with 1 or 2 threads (the reductions of the iterative measures rely on it).
template <class Work>
std::vector<double> parallel_blocks(std::size_t items, unsigned threads, std::size_t block, Work&& work) {
    const std::size_t blocks = (items + block - 1) / block;
    std::vector<double> results(blocks, 0.0);
    parallel_items(blocks, std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(blocks, 1)))),
                   [&](unsigned, std::size_t b) {
                       results[b] = work(b, b * block, std::min(items, (b + 1) * block));
                   }, 1);
    return results;
}

inline double ordered_sum(const std::vector<double>& values) {
    double total = 0;
    for (double v : values) total += v;
    return total;
}

}  // namespace maillage::detail
