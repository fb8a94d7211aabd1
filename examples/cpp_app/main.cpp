// Reads a network map and prints its summary: the smallest program on an installed maillage.
#include <iostream>
#include <map>
#include <maillage/maillage.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: cpp_app MAP\n";
        return 2;
    }
    try {
        const maillage::network net = maillage::read(argv[1]);
        std::map<std::string_view, int> kinds, layers;
        for (auto kind : net.actors().kind) ++kinds[maillage::to_string(kind)];
        for (auto layer : net.ties().layer) ++layers[maillage::to_string(layer)];
        std::cout << "network: " << (net.info().name.empty() ? "(unnamed)" : net.info().name) << "\n"
                  << "actors: " << net.actor_count() << "\n";
        for (const auto& [kind, count] : kinds) std::cout << "  " << kind << ": " << count << "\n";
        std::cout << "ties: " << net.tie_count() << " (" << net.graph().arc_count() << " arcs)\n";
        for (const auto& [layer, count] : layers) std::cout << "  " << layer << ": " << count << "\n";
        std::cout << "meetings: " << net.meeting_count() << "\n";
    } catch (const maillage::map_error& e) {
        for (const auto& problem : e.problems()) std::cerr << "error: " << problem.to_string() << "\n";
        return 1;
    } catch (const maillage::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
