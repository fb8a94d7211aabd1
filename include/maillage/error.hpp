#pragma once
/// Exceptions of maillage. Every error derives from maillage::error, and its message names the
/// input and the place of the problem ("ego.maillage.json: ties[12].target: unknown actor \"o9\"").
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace maillage {

/// Base class of every exception thrown by maillage.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A bad argument to an API function: the message names the function, the parameter and the value.
class invalid_argument : public error {
public:
    using error::error;
};

/// An actor, tie or meeting id that the network does not hold.
class unknown_id : public error {
public:
    using error::error;
};

/// A file that cannot be opened, read or written.
class io_error : public error {
public:
    using error::error;
};

/// One problem in a map: the file, the place in it (JSON path, "line:column" or "line N, column
/// X"), and what is wrong. `place` may be empty when the problem concerns the whole file.
struct problem {
    std::string file;
    std::string place;
    std::string message;

    [[nodiscard]] std::string to_string() const {
        std::string text = file;
        if (!place.empty()) text += (text.empty() ? "" : ": ") + place;
        if (!text.empty()) text += ": ";
        return text + message;
    }
    friend bool operator==(const problem&, const problem&) = default;
};

/// A map that cannot be read: holds every problem found (a reader goes on past the first one
/// where it can); what() gives the first, followed by the count of the others.
class map_error : public error {
public:
    explicit map_error(std::vector<problem> problems)
        : error(summarise(problems)), problems_(std::move(problems)) {}

    [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }

private:
    static std::string summarise(const std::vector<problem>& problems) {
        if (problems.empty()) return "invalid map";
        std::string text = problems.front().to_string();
        if (problems.size() > 1)
            text += " (and " + std::to_string(problems.size() - 1) + " more problem" +
                    (problems.size() > 2 ? "s" : "") + ")";
        return text;
    }
    std::vector<problem> problems_;
};

}  // namespace maillage
