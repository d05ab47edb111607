// The one header Datasets needs from zlib: gzopen/gzread, which inflate a .gz file as it is read.
#include <zlib.h>
