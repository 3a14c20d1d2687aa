#ifndef RNNBOOK_CBLAS_SHIM_H
#define RNNBOOK_CBLAS_SHIM_H
#include <cblas.h>
#endif
