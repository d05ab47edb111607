// CGnuplot.h — a plain C interface to gnuplot-iostream, so Swift needs no C++ interop mode.
#ifndef CGNUPLOT_H
#define CGNUPLOT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What nn_gnuplot_render reports.
typedef enum {
  NN_GNUPLOT_OK = 0,            ///< the script ran to its end
  NN_GNUPLOT_SCRIPT_ERROR = 1,  ///< gnuplot stopped at an error; `message` holds what it printed
  NN_GNUPLOT_NOT_STARTED = 2,   ///< gnuplot could not be started; `message` says why
  NN_GNUPLOT_TIMED_OUT = 3      ///< gnuplot did not finish within `timeout_seconds` and was stopped
} nn_gnuplot_status;

/// Runs the gnuplot script `script` (a file name inside `directory`) with gnuplot, from
/// `directory`, so the script's relative data and output paths resolve there.
/// `gnuplot` is the program to run (e.g. "gnuplot"). Up to `capacity` bytes of gnuplot's
/// own error output are copied, NUL-terminated, into `message`. A gnuplot still running after
/// `timeout_seconds` is stopped. Temporary files are removed in every case.
nn_gnuplot_status nn_gnuplot_render(const char *gnuplot, const char *directory, const char *script,
                                    double timeout_seconds, char *message, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
