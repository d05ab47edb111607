// Render.cpp — runs a figure's gnuplot script through gnuplot-iostream.
//
// gnuplot-iostream opens a pipe to gnuplot; we send `load 'SCRIPT'` and then print a sentinel
// if gnuplot's error number is still 0. An error abandons the rest of the script (gnuplot then
// reads on from the pipe), so the sentinel reaches its output only when the whole script ran;
// its error output is kept in a temporary file and handed back to Swift verbatim.

#include "CGnuplot.h"

#include <gnuplot-iostream.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

const char *const sentinel = "NEURALNOTEBOOK-RENDER-OK";

/// Single quotes for the shell: 'it'\''s'.
std::string shell_quoted(const std::string &text) {
  std::string quoted = "'";
  for (char c : text) quoted += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// A new empty temporary file's path, or "" if none could be made.
std::string temporary_file() {
  char path[] = "/tmp/neuralnotebook-gnuplot-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return "";
  close(fd);
  return path;
}

std::string read_file(const std::string &path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Silences std::cerr while it lives, and gives it back even when an exception leaves.
struct SilencedStandardError {
  std::streambuf *saved = std::cerr.rdbuf(nullptr);
  ~SilencedStandardError() { std::cerr.rdbuf(saved); }
};

void copy_message(const std::string &text, char *message, size_t capacity) {
  if (message == nullptr || capacity == 0) return;
  size_t n = text.size() < capacity - 1 ? text.size() : capacity - 1;
  text.copy(message, n);
  message[n] = '\0';
}

/// Ignores SIGPIPE while it lives: if gnuplot was stopped, writing the rest of the script to its
/// pipe must fail quietly rather than kill the chapter.
struct IgnoredBrokenPipe {
  void (*saved)(int) = std::signal(SIGPIPE, SIG_IGN);
  ~IgnoredBrokenPipe() { std::signal(SIGPIPE, saved); }
};

}  // namespace

extern "C" nn_gnuplot_status nn_gnuplot_render(const char *gnuplot, const char *directory, const char *script,
                                               double timeout_seconds, char *message, size_t capacity) {
  std::string out = temporary_file(), err = temporary_file(), status = temporary_file();
  auto remove_all = [&] {
    for (const std::string &path : {out, err, status})
      if (!path.empty()) std::remove(path.c_str());
  };
  if (out.empty() || err.empty() || status.empty()) {
    remove_all();
    copy_message("could not create a temporary file in /tmp", message, capacity);
    return NN_GNUPLOT_NOT_STARTED;
  }
  // coreutils' timeout stops a gnuplot that hangs (TERM, then KILL 5 s later); its exit code,
  // 124 or 137 when it had to, goes to the status file.
  std::string command = "cd " + shell_quoted(directory) + " && { timeout -k 5 " + std::to_string(timeout_seconds) +
                        " " + shell_quoted(gnuplot) + " >" + shell_quoted(out) + " 2>" + shell_quoted(err) +
                        "; echo $? >" + shell_quoted(status) + "; }";
  IgnoredBrokenPipe ignored;
  try {
    // gnuplot-iostream reports a failed pclose on std::cerr; the message we return says more.
    SilencedStandardError silenced;
    {
      Gnuplot gp(command);
      std::string name(script);
      gp << "load '" << name << "'\n";
      gp << "set print '-'\nif (GPVAL_ERRNO == 0) print '" << sentinel << "'\n";
    }  // the destructor closes the pipe and waits for gnuplot to exit
  } catch (const std::exception &error) {
    remove_all();
    copy_message(std::string("could not start gnuplot: ") + error.what(), message, capacity);
    return NN_GNUPLOT_NOT_STARTED;
  }
  bool finished = read_file(out).find(sentinel) != std::string::npos;
  std::string errors = read_file(err);
  int code = std::atoi(read_file(status).c_str());
  remove_all();
  copy_message(errors, message, capacity);
  if (code == 124 || code == 137) return NN_GNUPLOT_TIMED_OUT;
  return finished ? NN_GNUPLOT_OK : NN_GNUPLOT_SCRIPT_ERROR;
}
