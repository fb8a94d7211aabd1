// Times reading one map (JSON file or CSV folder) into a network, as `maillage::read` does, and
// prints one JSON line: {"seconds": ..., "actors": ..., "ties": ..., "network_bytes": ...}.
// Peak memory is measured by the caller (benchmarks/load_map.py) from the process's rusage.
#include <chrono>
#include <iostream>
#include <maillage/maillage.hpp>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: load_map MAP [REPEAT]\n";
        return 2;
    }
    const int repeat = argc > 2 ? std::atoi(argv[2]) : 1;
    double best = 1e300;
    maillage::network net;
    for (int r = 0; r < repeat; ++r) {
        const auto start = std::chrono::steady_clock::now();
        net = maillage::read(argv[1]);
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        best = std::min(best, elapsed.count());
    }
    std::cout << "{\"seconds\": " << best << ", \"actors\": " << net.actor_count() << ", \"ties\": " << net.tie_count()
              << ", \"network_bytes\": " << net.memory_bytes() << "}\n";
    return 0;
}
