// Micro-benchmarks of the measure kernels (Google Benchmark) on a Kronecker (R-MAT) graph built in
// C++ with the Graph500 parameters (a = 0.57, b = 0.19, c = 0.19, 16 edges per vertex, labels
// permuted, self-loops dropped, duplicates merged, undirected) and a fixed seed. The measure
// graph is built once per graph, outside the timed loop, as the Python Network does.
//
//     build/cpp/benchmarks/kernels [--benchmark_filter=Betweenness]
// The scale is the benchmark's argument; MAILLAGE_BENCH_THREADS (default 2) sets the threads.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <numeric>
#include <random>

#include "maillage/maillage.hpp"

using namespace maillage;

namespace {

unsigned threads() {
    const char* env = std::getenv("MAILLAGE_BENCH_THREADS");
    return env ? static_cast<unsigned>(std::atoi(env)) : 2u;
}

network kronecker(unsigned scale, std::uint64_t seed = 1) {
    const index_t n = index_t{1} << scale;
    const std::size_t m = 16 * std::size_t(n);
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    const double a = 0.57, b = 0.19, c = 0.19, ab = a + b, c_norm = c / (1 - ab), a_norm = a / ab;
    std::vector<index_t> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    std::shuffle(perm.begin(), perm.end(), random);
    std::vector<std::uint64_t> pairs;
    pairs.reserve(m);
    for (std::size_t e = 0; e < m; ++e) {
        index_t i = 0, j = 0;
        for (unsigned bit = 0; bit < scale; ++bit) {
            const bool ib = unit(random) > ab;
            const bool jb = unit(random) > (ib ? c_norm : a_norm);
            i |= index_t(ib) << bit;
            j |= index_t(jb) << bit;
        }
        i = perm[i];
        j = perm[j];
        if (i == j) continue;
        pairs.push_back(std::uint64_t(std::min(i, j)) << 32 | std::max(i, j));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<index_t> s(pairs.size()), t(pairs.size());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        s[k] = static_cast<index_t>(pairs[k] >> 32);
        t[k] = static_cast<index_t>(pairs[k] & 0xffffffffu);
    }
    return network_from_edges(n, s, t);
}

/// One network and its measure graph per scale, built on first use.
const measure_graph& graph(unsigned scale) {
    static std::map<unsigned, std::pair<std::unique_ptr<network>, std::unique_ptr<measure_graph>>> cache;
    auto& entry = cache[scale];
    if (!entry.first) {
        entry.first = std::make_unique<network>(kronecker(scale));
        entry.second = std::make_unique<measure_graph>(*entry.first);
    }
    return *entry.second;
}

void label(benchmark::State& state, const measure_graph& g) {
    state.counters["vertices"] = g.vertex_count();
    state.counters["arcs"] = g.arc_count();
    state.counters["threads"] = threads();
}

void Betweenness(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(betweenness(g, {.threads = threads()}));
    label(state, g);
}

void Betweenness64(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(betweenness(g, {.threads = threads(), .samples = 64}));
    label(state, g);
}

void Closeness(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(closeness(g, {.threads = threads()}));
    label(state, g);
}

void PageRank(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(pagerank(g, {.threads = threads()}));
    label(state, g);
}

void Components(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(components(g));
    label(state, g);
}

void CoreNumbers(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(core_numbers(g));
    label(state, g);
}

void Reach2(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(reach(g, {.steps = 2, .threads = threads()}));
    label(state, g);
}

/// 2-step reach by the breadth-first search of k > 2 (the path before the two-step kernel).
void Reach2Search(benchmark::State& state) {
    const measure_graph& g = graph(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) {
        std::vector<index_t> actors(g.vertex_count());
        std::iota(actors.begin(), actors.end(), 0);
        const detail::degree_ordered_graph h(g, false, true);
        std::vector<double> out(g.vertex_count());
        detail::hop_searches(h, actors, threads(), 2, [&](index_t v, const detail::distance_sums& s) { out[v] = s.reached; });
        benchmark::DoNotOptimize(out);
    }
    label(state, g);
}

void MeasureGraph(benchmark::State& state) {
    static std::map<long, network> nets;
    auto [it, fresh] = nets.try_emplace(state.range(0));
    if (fresh) it->second = kronecker(static_cast<unsigned>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(measure_graph(it->second));
}

}  // namespace

BENCHMARK(Betweenness)->Arg(10)->Arg(12)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Betweenness64)->Arg(14)->Arg(16)->Arg(18)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Closeness)->Arg(10)->Arg(12)->Arg(14)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(PageRank)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Components)->Arg(14)->Arg(16)->Arg(18)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(CoreNumbers)->Arg(14)->Arg(16)->Arg(18)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Reach2)->Arg(12)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(Reach2Search)->Arg(12)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(MeasureGraph)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
