// The one header Autograd needs from OpenBLAS: the C BLAS interface (cblas_dgemm).
#include <cblas.h>
