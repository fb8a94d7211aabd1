#include "maillage/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "maillage/error.hpp"

namespace maillage {

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        throw io_error(path.string() + ": cannot create a temporary file: " + std::strerror(errno));
    auto fail = [&](const char* what) {
        const int saved = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        throw io_error(path.string() + ": " + what + ": " + std::strerror(saved));
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0) fail("cannot set permissions");
    if (::fsync(fd) != 0) fail("cannot flush to disk");
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        throw io_error(path.string() + ": cannot close: " + std::strerror(saved));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        throw io_error(path.string() + ": cannot rename into place: " + std::strerror(saved));
    }
    // The rename is durable only once the folder's entry is on disk too (a crash before would
    // leave the previous file, which is still whole). Filesystems that cannot sync a folder
    // (EINVAL) have nothing to sync.
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        const int synced = ::fsync(dir_fd), saved = errno;
        ::close(dir_fd);
        if (synced != 0 && saved != EINVAL)
            throw io_error(path.string() + ": cannot flush its folder to disk: " + std::strerror(saved));
    }
}

}  // namespace maillage
