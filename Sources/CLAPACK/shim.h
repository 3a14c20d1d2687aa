#ifndef RNNBOOK_CLAPACK_SHIM_H
#define RNNBOOK_CLAPACK_SHIM_H
// The few LAPACK routines the Analysis target needs, as exported by Debian's
// libopenblas.so (LP64: 32-bit integers). Fortran calling convention: every argument by
// pointer, a trailing underscore, and one hidden length argument per CHARACTER argument
// appended at the end (gfortran passes them as size_t; we pass 1).
#include <stddef.h>

/// Eigenvalues (ascending) and optionally eigenvectors of a real symmetric matrix
/// (divide and conquer).
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda,
             double *w, double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);

/// Eigenvalues (real and imaginary parts) and optionally eigenvectors of a general real matrix.
void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda,
            double *wr, double *wi, double *vl, const int *ldvl, double *vr, const int *ldvr,
            double *work, const int *lwork, int *info, size_t jobvl_len, size_t jobvr_len);

/// Minimum-norm least squares by the SVD (divide and conquer), what scipy.linalg.lstsq
/// (the solver of sklearn's LinearRegression) calls by default.
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b,
             const int *ldb, double *s, const double *rcond, int *rank, double *work,
             const int *lwork, int *iwork, int *info);

/// LU factorisation with partial pivoting, P A = L U (single and double precision): what
/// torch.linalg.det/inv and numpy.linalg.det/inv factor with.
void sgetrf_(const int *m, const int *n, float *a, const int *lda, int *ipiv, int *info);
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);

/// Solves A X = B or Aᵀ X = B with the factors of getrf.
void sgetrs_(const char *trans, const int *n, const int *nrhs, const float *a, const int *lda,
             const int *ipiv, float *b, const int *ldb, int *info, size_t trans_len);
void dgetrs_(const char *trans, const int *n, const int *nrhs, const double *a, const int *lda,
             const int *ipiv, double *b, const int *ldb, int *info, size_t trans_len);

#endif
