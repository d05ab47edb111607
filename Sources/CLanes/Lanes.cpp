// Lanes.cpp — a kernel of Autograd: eˣ and tanh x on 8, 4 or 2 doubles at a time, small matrix
// products and Adam's update likewise, and (AVX-512 only) larger matrix products in register tiles.
//
// Swift compiles for the baseline of its architecture (SSE2 on x86-64: two doubles an instruction)
// and has no way to compile one function for wider vectors and choose it at run time. C has
// (`__attribute__((target))`), so the wide variants live here: the same source compiled for AVX-512,
// AVX2 and the baseline, the widest the CPU runs chosen once. (Compiled as C++ only because the
// package's C++ standard setting, for CGnuplot, would break a C target's symbol graph for DocC; it
// is C in all but name, behind an `extern "C"` interface.)
//
// Every lane performs portableExp's and portableTanh's operations in their order. Contraction into
// fused multiply-adds is off (the pragma below): an FMA rounds once where a multiplication and an
// addition round twice, and would change the last bits on CPUs that have it. Vector width changes
// nothing else: each lane is an independent IEEE-754 computation. (The tiled product asks for its
// fused multiply-adds by name, and is defined by them.)

#pragma clang fp contract(off)

#include "CLanes.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The body for vectors of W doubles, compiled with TARGET (a `target` attribute, or nothing).
#define CLANES_DEFINE(W, SUFFIX, TARGET)                                                                     \
  typedef double vd##SUFFIX __attribute__((ext_vector_type(W)));                                         \
  typedef int64_t vl##SUFFIX __attribute__((ext_vector_type(W)));                                        \
  typedef uint64_t vu##SUFFIX __attribute__((ext_vector_type(W)));                                       \
                                                                                                          \
  /* m ? a : b, lane by lane (m is all ones or all zeros in each lane). */                               \
  static inline TARGET vd##SUFFIX select##SUFFIX(vl##SUFFIX m, vd##SUFFIX a, vd##SUFFIX b) {             \
    return (vd##SUFFIX)(((vl##SUFFIX)a & m) | ((vl##SUFFIX)b & ~m));                                     \
  }                                                                                                       \
                                                                                                          \
  static inline TARGET int any##SUFFIX(vl##SUFFIX m) {                                                   \
    int64_t bits = 0;                                                                                     \
    for (int i = 0; i < W; i++) bits |= m[i];                                                             \
    return bits != 0;                                                                                     \
  }                                                                                                       \
                                                                                                          \
  /* fdlibm's e_exp.c for -708 <= x <= 709, as portableExp. */                                           \
  static inline TARGET vd##SUFFIX expNormal##SUFFIX(vd##SUFFIX x) {                                      \
    const double ln2Head = 6.93147180369123816490e-01, ln2Tail = 1.90821492927058770002e-10;              \
    const double log2e = 1.44269504088896338700e+00, shifter = 6755399441055744.0;                        \
    const double p1 = 1.66666666666666657415e-01, p2 = -2.77777777770155933842e-03;                       \
    const double p3 = 6.61375632143793436117e-05, p4 = -1.65339022054652515390e-06;                       \
    const double p5 = 4.13813679705723846039e-08;                                                         \
    vd##SUFFIX kPlusShifter = x * log2e + shifter;                                                        \
    vd##SUFFIX k = kPlusShifter - shifter;                                                                \
    vd##SUFFIX head = x - k * ln2Head;                                                                    \
    vd##SUFFIX tail = k * ln2Tail;                                                                        \
    vd##SUFFIX r = head - tail;                                                                           \
    vd##SUFFIX t = r * r;                                                                                 \
    vd##SUFFIX c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))));                                \
    vd##SUFFIX er = 1.0 - ((tail - (r * c) / (2.0 - c)) - head);                                          \
    /* 2^k written as a double's bits: k's low bits moved into the exponent field. */                    \
    vu##SUFFIX twoToK = ((vu##SUFFIX)kPlusShifter + 1023) << 52;                                          \
    return er * (vd##SUFFIX)twoToK;                                                                       \
  }                                                                                                       \
                                                                                                          \
  static inline TARGET vd##SUFFIX exp##SUFFIX(vd##SUFFIX x) {                                            \
    vl##SUFFIX outside = (vl##SUFFIX)(x < -708.0) | (vl##SUFFIX)(x > 709.0) | (vl##SUFFIX)(x != x);      \
    if (!any##SUFFIX(outside)) return expNormal##SUFFIX(x);                                               \
    vd##SUFFIX y = expNormal##SUFFIX(select##SUFFIX(outside, (vd##SUFFIX)(0.0), x));                     \
    for (int i = 0; i < W; i++)                                                                           \
      if (outside[i]) y[i] = exp(x[i]); /* as portableExp: the C library's exp out there */              \
    return y;                                                                                             \
  }                                                                                                       \
                                                                                                          \
  /* Cephes' tanh.c, as portableTanh, in pieces: the far formula (|x| >= 0.625) is                        \
     ±(1 - 2/(e^(2|x|) + 1)), the near one x + x·P(s)/Q(s). The far formula's exponent, 2·min(|x|, 22),   \
     lies in [1.25, 44], inside expNormal's range, so the range check is skipped (lanes that take the     \
     near formula, NaN among them, compute a far value that is never used). */                           \
  static inline TARGET vd##SUFFIX tanhFarDenominator##SUFFIX(vd##SUFFIX magnitude) {                      \
    vd##SUFFIX capped = select##SUFFIX((vl##SUFFIX)(magnitude > 22.0), (vd##SUFFIX)(22.0), magnitude);    \
    return expNormal##SUFFIX(2.0 * capped) + 1.0;                                                         \
  }                                                                                                       \
  static inline TARGET void tanhNearRational##SUFFIX(vd##SUFFIX x, vd##SUFFIX *p, vd##SUFFIX *q) {        \
    vd##SUFFIX s = x * x;                                                                                 \
    *p = ((-9.64399179425052238628e-1 * s - 9.92877231001918586564e1) * s - 1.61468768441708447952e3) * s;\
    *q = ((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s + 4.84406305325125486048e3;  \
  }                                                                                                       \
  static inline TARGET vd##SUFFIX tanhFarValue##SUFFIX(vl##SUFFIX negative, vd##SUFFIX quotient) {        \
    vd##SUFFIX farValue = 1.0 - quotient;                                                                 \
    return select##SUFFIX(negative, -farValue, farValue);                                                 \
  }                                                                                                       \
  static inline TARGET vd##SUFFIX tanhNearValue##SUFFIX(vd##SUFFIX x, vd##SUFFIX quotient) {              \
    return select##SUFFIX((vl##SUFFIX)(x == 0.0), x, x + x * quotient);                                   \
  }                                                                                                       \
                                                                                                          \
  /* tanh of lanes that all take the far formula, or all the near one (NaN: near). */                     \
  static inline __attribute__((always_inline)) TARGET vd##SUFFIX tanhFar##SUFFIX(vd##SUFFIX x) {          \
    vl##SUFFIX negative = (vl##SUFFIX)(x < 0.0);                                                          \
    vd##SUFFIX quotient = 2.0 / tanhFarDenominator##SUFFIX(select##SUFFIX(negative, -x, x));              \
    return tanhFarValue##SUFFIX(negative, quotient);                                                      \
  }                                                                                                       \
  static inline __attribute__((always_inline)) TARGET vd##SUFFIX tanhNear##SUFFIX(vd##SUFFIX x) {         \
    vd##SUFFIX p, q;                                                                                      \
    tanhNearRational##SUFFIX(x, &p, &q);                                                                  \
    return tanhNearValue##SUFFIX(x, p / q);                                                               \
  }                                                                                                       \
                                                                                                          \
  /* tanh of any lanes; where both formulas occur, one division serves both. */                           \
  static inline __attribute__((always_inline)) TARGET vd##SUFFIX tanh##SUFFIX(vd##SUFFIX x) {             \
    vl##SUFFIX negative = (vl##SUFFIX)(x < 0.0);                                                          \
    vd##SUFFIX magnitude = select##SUFFIX(negative, -x, x);                                               \
    vl##SUFFIX far = (vl##SUFFIX)(magnitude >= 0.625);                                                    \
    if (!any##SUFFIX(~far)) return tanhFar##SUFFIX(x);                                                    \
    if (!any##SUFFIX(far)) return tanhNear##SUFFIX(x);                                                    \
    vd##SUFFIX p, q;                                                                                      \
    tanhNearRational##SUFFIX(x, &p, &q);                                                                  \
    vd##SUFFIX quotient = select##SUFFIX(far, (vd##SUFFIX)(2.0), p) /                                     \
                          select##SUFFIX(far, tanhFarDenominator##SUFFIX(magnitude), q);                  \
    return select##SUFFIX(far, tanhFarValue##SUFFIX(negative, quotient), tanhNearValue##SUFFIX(x, quotient));\
  }                                                                                                       \
                                                                                                          \
  /* FixedOrderProduct.swift's loop: C = op(A)·op(B), each entry summed over p in order from 0, a         \
     multiplication and an addition per term. W entries of a row at a time, held in a vector while p      \
     runs, which leaves each entry's order alone. bRows is B as [k, m] rows (Bᵀ copied into               \
     `scratch` when B is stored transposed); a row's last entries, fewer than W, in a padded vector. */   \
  static TARGET void product##SUFFIX(const double *a, int transposeA, const double *b, int transposeB, long n,\
                                     long m, long k, double *c, double *scratch) {                        \
    const double *bRows = b;                                                                              \
    if (transposeB) {                                                                                     \
      for (long j = 0; j < m; j++)                                                                        \
        for (long p = 0; p < k; p++) scratch[p * m + j] = b[j * k + p];                                   \
      bRows = scratch;                                                                                    \
    }                                                                                                     \
    for (long i = 0; i < n; i++) {                                                                        \
      for (long j = 0; j < m; j += W) {                                                                   \
        long width = m - j < W ? m - j : W;                                                               \
        vd##SUFFIX sum = 0.0;                                                                             \
        for (long p = 0; p < k; p++) {                                                                    \
          double aip = transposeA ? a[p * n + i] : a[i * k + p];                                          \
          vd##SUFFIX bv = 0.0;                                                                            \
          if (width == W) __builtin_memcpy(&bv, bRows + p * m + j, sizeof bv);                            \
          else for (long t = 0; t < width; t++) bv[t] = bRows[p * m + j + t];                             \
          sum = sum + aip * bv;                                                                           \
        }                                                                                                 \
        if (width == W) __builtin_memcpy(c + i * m + j, &sum, sizeof sum);                                \
        else for (long t = 0; t < width; t++) c[i * m + j + t] = sum[t];                                  \
      }                                                                                                   \
    }                                                                                                     \
  }                                                                                                       \
                                                                                                          \
  /* Adam's update of n parameters, Optimizers.swift's formulas operation for operation (each lane        \
     its own IEEE computation, so every width gives the plain loop's bits); the last values, fewer        \
     than W, in vectors padded with ones, computed and not stored. */                                     \
  static TARGET void adam##SUFFIX(double *p, double *m, double *s, const double *g, long n, double rate,  \
                                  double beta1, double beta2, double correction1, double correction2,     \
                                  double epsilon) {                                                       \
    for (long i = 0; i < n; i += W) {                                                                     \
      long count = n - i < W ? n - i : W;                                                                 \
      vd##SUFFIX pv = 1.0, mv = 1.0, sv = 1.0, gv = 1.0;                                                  \
      if (count == W) {                                                                                   \
        __builtin_memcpy(&pv, p + i, sizeof pv), __builtin_memcpy(&mv, m + i, sizeof mv);                 \
        __builtin_memcpy(&sv, s + i, sizeof sv), __builtin_memcpy(&gv, g + i, sizeof gv);                 \
      } else {                                                                                            \
        for (long t = 0; t < count; t++) pv[t] = p[i + t], mv[t] = m[i + t], sv[t] = s[i + t], gv[t] = g[i + t];\
      }                                                                                                   \
      mv = beta1 * mv + (1 - beta1) * gv;                                                                 \
      sv = beta2 * sv + (1 - beta2) * gv * gv;                                                            \
      vd##SUFFIX mHat = mv / correction1, sHat = sv / correction2;                                        \
      pv = pv - rate * mHat / (__builtin_elementwise_sqrt(sHat) + epsilon);                               \
      if (count == W) {                                                                                   \
        __builtin_memcpy(p + i, &pv, sizeof pv), __builtin_memcpy(m + i, &mv, sizeof mv);                 \
        __builtin_memcpy(s + i, &sv, sizeof sv);                                                          \
      } else {                                                                                            \
        for (long t = 0; t < count; t++) p[i + t] = pv[t], m[i + t] = mv[t], s[i + t] = sv[t];            \
      }                                                                                                   \
    }                                                                                                     \
  }                                                                                                       \
                                                                                                          \
  /* f on every value; the last values, fewer than W, in a vector padded with zeros. Always inlined */ \
  /* into its two callers below, so f is a direct call there, inlined in turn. */                          \
  static inline __attribute__((always_inline)) TARGET void apply##SUFFIX(                               \
    vd##SUFFIX (*f)(vd##SUFFIX), const double *x, double *y, long n) {                                    \
    long i = 0;                                                                                           \
    for (; i + W <= n; i += W) {                                                                          \
      vd##SUFFIX v;                                                                                       \
      __builtin_memcpy(&v, x + i, sizeof v);                                                              \
      v = f(v);                                                                                           \
      __builtin_memcpy(y + i, &v, sizeof v);                                                              \
    }                                                                                                     \
    if (i < n) {                                                                                          \
      vd##SUFFIX v = 0.0;                                                                                 \
      for (long j = 0; j < n - i; j++) v[j] = x[i + j];                                                   \
      v = f(v);                                                                                           \
      for (long j = 0; j < n - i; j++) y[i + j] = v[j];                                                   \
    }                                                                                                     \
  }                                                                                                       \
                                                                                                          \
  static TARGET void exp##SUFFIX##Array(const double *x, double *y, long n) {                            \
    apply##SUFFIX(exp##SUFFIX, x, y, n);                                                                  \
  }                                                                                                       \
  static TARGET void tanh##SUFFIX##Array(const double *x, double *y, long n) {                           \
    apply##SUFFIX(tanh##SUFFIX, x, y, n);                                                                 \
  }

CLANES_DEFINE(2, Baseline, )

// The tiled product's tile: 12 rows × 16 columns of C (below, after the AVX-512 kernels).
enum { tileRows = 12, tileColumns = 16 };

#if defined(__x86_64__)
CLANES_DEFINE(4, AVX2, __attribute__((target("avx2"))))
CLANES_DEFINE(8, AVX512, __attribute__((target("avx512f"))))

#include <immintrin.h>

// tanh's two formulas cost differently (the far one an exponential and two divisions, the near one
// a rational and one division), and a vector holding values of both kinds pays for both. AVX-512
// can sort lanes cheaply (compress and expand), so this kernel gathers each block's far values and
// its near values into vectors of one kind, computes each kind with its own formula only, and puts
// every result back in its place. Each lane's arithmetic is tanhAVX512's (one lane's far formula
// is the same operations whether its division is shared or not), so the bits are too.
//
// The two sorting passes only move values; the computing pass in between touches no memory but the
// block's own buffers. So while it runs, the next block's input and this block's output are asked
// for (a prefetch each vector): the passes then find them in the nearest cache instead of waiting.
static __attribute__((target("avx512f"))) void tanhAVX512SortedArray(const double *x, double *y, long n) {
  enum { block = 512, lineValues = 8 };  // a 64-byte cache line holds 8 doubles
  double far[block + 8], near[block + 8];
  __mmask8 farMasks[block / 8];
  for (long start = 0; start < n; start += block) {
    long count = n - start < block ? n - start : block, vectors = (count + 7) / 8, farCount = 0, nearCount = 0;
    __mmask8 lastValid = (__mmask8)(0xff >> (vectors * 8 - count));  // the lanes the last vector fills
    for (long v = 0; v < vectors; v++) {
      __mmask8 valid = v + 1 < vectors ? 0xff : lastValid;
      __m512d values = _mm512_maskz_loadu_pd(valid, x + start + v * 8);
      __mmask8 isFar = _mm512_mask_cmp_pd_mask(valid, _mm512_abs_pd(values), _mm512_set1_pd(0.625), _CMP_GE_OQ);
      __mmask8 isNear = valid & ~isFar;  // NaN lanes too, as in tanhAVX512
      farMasks[v] = isFar;
      _mm512_storeu_pd(far + farCount, _mm512_maskz_compress_pd(isFar, values));
      _mm512_storeu_pd(near + nearCount, _mm512_maskz_compress_pd(isNear, values));
      farCount += __builtin_popcount(isFar);
      nearCount += __builtin_popcount(isNear);
    }
    // The far vectors, then the near ones, each with its own formula; each step also asks for a
    // cache line of the next block's input and one of this block's output. A last vector's unused
    // lanes hold zeros (compress fills them), computed and never read.
    long farVectors = (farCount + 7) / 8, nearVectors = (nearCount + 7) / 8, nextCount = n - start - block;
    for (long v = 0; v < farVectors + nearVectors; v++) {
      long line = v * lineValues;
      if (line < nextCount) __builtin_prefetch(x + start + block + line, 0, 3);
      if (line < count) __builtin_prefetch(y + start + line, 1, 3);
      if (v < farVectors) {
        _mm512_storeu_pd(far + v * 8, tanhFarAVX512(_mm512_loadu_pd(far + v * 8)));
      } else {
        double *values = near + (v - farVectors) * 8;
        _mm512_storeu_pd(values, tanhNearAVX512(_mm512_loadu_pd(values)));
      }
    }
    farCount = nearCount = 0;
    for (long v = 0; v < vectors; v++) {
      __mmask8 valid = v + 1 < vectors ? 0xff : lastValid, isFar = farMasks[v], isNear = valid & ~isFar;
      __m512d results = _mm512_maskz_expandloadu_pd(isFar, far + farCount);
      results = _mm512_mask_expandloadu_pd(results, isNear, near + nearCount);
      _mm512_mask_storeu_pd(y + start + v * 8, valid, results);
      farCount += __builtin_popcount(isFar);
      nearCount += __builtin_popcount(isNear);
    }
  }
}

// A matrix product for the sizes between the fixed-order loop and the very large ones: C = op(A)·op(B)
// in register tiles of 12 rows × 16 columns, as BLAS libraries compute it. Each tile's 192 entries
// stay in 24 vector registers while p runs from 0 to k−1, each gaining a[i][p]·b[p][j] by one fused
// multiply-add; so each entry is the chain (…((0 + a·b) + a·b) …) with one rounding per term, in
// order, on every CPU with AVX-512 (Autograd's tests hold it to that definition, bit for bit). B is
// first copied into the order the tile reads it ("packed"): panels of 16 columns, k rows each, the
// last one padded with zeros. A is read where it is stored, a value of each of 12 rows at every p
// (a transposed A's last block, if n does not fill it, is copied and padded); only the entries of C
// are stored.

/// The first `count` lanes of a vector of 8 (none when count ≤ 0, all from 8 on).
static inline __mmask8 lanes(long count) { return count >= 8 ? 0xff : count <= 0 ? 0 : (__mmask8)((1u << count) - 1); }

/// dst[p·stride + r] = src[r·ld + p] for r < rows, p < k: rows of src become columns of dst. Eight
/// rows by eight columns at a time through vector registers (a transpose in three rounds of
/// shuffles), the rest one value at a time.
static __attribute__((target("avx512f"))) void tileTranspose(const double *src, long ld, long rows, long k, double *dst,
                                                             long stride) {
  long r0 = 0;
  for (; r0 + 8 <= rows; r0 += 8) {
    long p0 = 0;
    for (; p0 + 8 <= k; p0 += 8) {
      __m512d v[8], t[8], u[8];
      for (int r = 0; r < 8; r++) v[r] = _mm512_loadu_pd(src + (r0 + r) * ld + p0);
      for (int r = 0; r < 8; r += 2) t[r] = _mm512_unpacklo_pd(v[r], v[r + 1]), t[r + 1] = _mm512_unpackhi_pd(v[r], v[r + 1]);
      // t[0] = r0[0] r1[0] | r0[2] r1[2] | r0[4] r1[4] | r0[6] r1[6], t[1] the odd columns, and so on.
      u[0] = _mm512_shuffle_f64x2(t[0], t[2], 0x88), u[4] = _mm512_shuffle_f64x2(t[4], t[6], 0x88);
      u[2] = _mm512_shuffle_f64x2(t[0], t[2], 0xDD), u[6] = _mm512_shuffle_f64x2(t[4], t[6], 0xDD);
      u[1] = _mm512_shuffle_f64x2(t[1], t[3], 0x88), u[5] = _mm512_shuffle_f64x2(t[5], t[7], 0x88);
      u[3] = _mm512_shuffle_f64x2(t[1], t[3], 0xDD), u[7] = _mm512_shuffle_f64x2(t[5], t[7], 0xDD);
      __m512d column[8] = {
        _mm512_shuffle_f64x2(u[0], u[4], 0x88), _mm512_shuffle_f64x2(u[1], u[5], 0x88),
        _mm512_shuffle_f64x2(u[2], u[6], 0x88), _mm512_shuffle_f64x2(u[3], u[7], 0x88),
        _mm512_shuffle_f64x2(u[0], u[4], 0xDD), _mm512_shuffle_f64x2(u[1], u[5], 0xDD),
        _mm512_shuffle_f64x2(u[2], u[6], 0xDD), _mm512_shuffle_f64x2(u[3], u[7], 0xDD)};
      for (int p = 0; p < 8; p++) _mm512_storeu_pd(dst + (p0 + p) * stride + r0, column[p]);
    }
    for (; p0 < k; p0++)
      for (long r = r0; r < r0 + 8; r++) dst[p0 * stride + r] = src[r * ld + p0];
  }
  for (long r = r0; r < rows; r++)
    for (long p = 0; p < k; p++) dst[p * stride + r] = src[r * ld + p];
}

/// Copies op(B)'s columns [16q, 16q + 16) as `panel`: for each p, the 16 values op(B)[p][16q ..< 16q + 16]
/// (zeros past column m).
static __attribute__((target("avx512f"))) void tilePackB(const double *b, int transposeB, long m, long k, long q,
                                                         double *panel) {
  long j0 = q * tileColumns, width = m - j0 < tileColumns ? m - j0 : tileColumns;
  if (transposeB) {  // B stored [m, k]: op(B)[p][j] = b[j·k + p]
    if (width < tileColumns) memset(panel, 0, sizeof(double) * k * tileColumns);
    tileTranspose(b + j0 * k, k, width, k, panel, tileColumns);
  } else {  // B stored [k, m]: op(B)[p][j] = b[p·m + j], 16 values a row (zeros where masked off)
    __mmask8 left = lanes(width), right = lanes(width - 8);
    for (long p = 0; p < k; p++) {
      _mm512_storeu_pd(panel + p * tileColumns, _mm512_maskz_loadu_pd(left, b + p * m + j0));
      _mm512_storeu_pd(panel + p * tileColumns + 8, _mm512_maskz_loadu_pd(right, b + p * m + j0 + 8));
    }
  }
}

/// Copies the columns of A stored transposed ([k, n]) for op(A)'s rows [i0, n), fewer than 12, as
/// `block`: for each p, the 12 values op(A)[i][p], zeros past row n.
static __attribute__((target("avx512f"))) void tilePackA(const double *a, long n, long k, long i0, double *block) {
  __mmask8 first = lanes(n - i0), last = lanes(n - i0 - 8) & 0x0f;
  for (long p = 0; p < k; p++) {
    _mm512_storeu_pd(block + p * tileRows, _mm512_maskz_loadu_pd(first, a + p * n + i0));
    _mm512_mask_storeu_pd(block + p * tileRows + 8, 0x0f, _mm512_maskz_loadu_pd(last, a + p * n + i0 + 8));
  }
}

/// One tile: C[i0 ..< i0 + rows][j0 ..< j0 + width] = Σₚ column p of A's block times row p of B's
/// panel (16 values at `panel + 16p`). A's column p is the 12 values at `block + p·blockStep` when
/// `inRows` is 0 (a packed copy, or A stored transposed), or the p-th value of each of the 12 rows
/// that start at `block + r·blockStep` when it is 1 (A as stored; rows past the block's last repeat
/// its first, computed and not stored).
template <int inRows>
static __attribute__((target("avx512f"))) void tileProduct(const double *block, long blockStep, const double *panel,
                                                           long k, double *c, long ldc, long rows, long width) {
  __m512d sum[tileRows][2];
  const double *row[tileRows];
#pragma clang loop unroll(full)
  for (int r = 0; r < tileRows; r++) {
    sum[r][0] = sum[r][1] = _mm512_setzero_pd();
    row[r] = block + (r < rows ? r : 0) * blockStep;
  }
  for (long p = 0; p < k; p++) {
    __m512d left = _mm512_loadu_pd(panel + p * tileColumns), right = _mm512_loadu_pd(panel + p * tileColumns + 8);
#pragma clang loop unroll(full)
    for (int r = 0; r < tileRows; r++) {
      __m512d value = _mm512_set1_pd(inRows ? row[r][p] : block[p * blockStep + r]);
      sum[r][0] = _mm512_fmadd_pd(value, left, sum[r][0]);
      sum[r][1] = _mm512_fmadd_pd(value, right, sum[r][1]);
    }
  }
  __mmask8 leftMask = lanes(width), rightMask = lanes(width - 8);
#pragma clang loop unroll(full)
  for (int r = 0; r < tileRows; r++) {
    if (r >= rows) break;
    _mm512_mask_storeu_pd(c + r * ldc, leftMask, sum[r][0]);
    _mm512_mask_storeu_pd(c + r * ldc + 8, rightMask, sum[r][1]);
  }
}

/// Room for `count` doubles of copies, kept by each thread for its next product up to 2²⁰ doubles (8
/// MiB): a fresh allocation of a few hundred kilobytes every product came as fresh pages from the
/// kernel, zeroed on first touch, each time. Larger requests are allocated each time (and freed).
enum { tileScratchKept = 1 << 20 };
static double *tileScratch(long count) {
  static __thread double *kept;
  static __thread long capacity;
  if (count > tileScratchKept) return (double *)malloc(sizeof(double) * count);
  if (count > capacity) {
    free(kept);
    kept = (double *)malloc(sizeof(double) * count);
    capacity = count;
  }
  return kept;
}

/// The tiles of C's row blocks [firstBlock, endBlock) (rows 12·firstBlock ..< 12·endBlock) and
/// column panels [firstPanel, endPanel) (columns 16·firstPanel ..< 16·endPanel): those panels of
/// op(B) copied first, then each block of op(A) multiplied by them, read where A is stored (12 of its
/// rows, or 12 values side by side in each column when A is stored transposed; a last block that
/// n does not fill is copied then, padded, since its columns would run past A's end).
static __attribute__((target("avx512f"))) void tiles(const double *a, int transposeA, const double *b,
                                                     int transposeB, long n, long m, long k, double *c,
                                                     long firstBlock, long endBlock, long firstPanel, long endPanel) {
  long panelValues = k * tileColumns, count = tileRows * k + (endPanel - firstPanel) * panelValues;
  double *block = tileScratch(count), *panels = block + tileRows * k;
  for (long q = firstPanel; q < endPanel; q++) tilePackB(b, transposeB, m, k, q, panels + (q - firstPanel) * panelValues);
  for (long t = firstBlock; t < endBlock; t++) {
    long i0 = t * tileRows, rows = n - i0 < tileRows ? n - i0 : tileRows;
    int copied = transposeA && rows < tileRows;
    if (copied) tilePackA(a, n, k, i0, block);
    for (long q = firstPanel; q < endPanel; q++) {
      long j0 = q * tileColumns, width = m - j0 < tileColumns ? m - j0 : tileColumns;
      const double *panel = panels + (q - firstPanel) * panelValues;
      double *tile = c + i0 * m + j0;
      if (!transposeA) tileProduct<1>(a + i0 * k, k, panel, k, tile, m, rows, width);
      else if (copied) tileProduct<0>(block, tileRows, panel, k, tile, m, rows, width);
      else tileProduct<0>(a + i0, n, panel, k, tile, m, rows, width);
    }
  }
  if (count > tileScratchKept) free(block);
}

int clanes_runs(int width) {
  switch (width) {
  case 8: return __builtin_cpu_supports("avx512f");
  case 4: return __builtin_cpu_supports("avx2");
  case 2: return 1;
  default: return 0;
  }
}
#else
int clanes_runs(int width) { return width == 2; }
#endif

int clanes_width(void) {
  static int width = 0;  // chosen once; a race only writes the same value twice
  if (width == 0) width = clanes_runs(8) ? 8 : clanes_runs(4) ? 4 : 2;
  return width;
}

/// The two functions the array kernels compute.
enum class ArrayFunction { exponential, hyperbolicTangent };

/// The array kernel of `function` for vectors of `width` doubles.
static int run(ArrayFunction function, int width, const double *x, double *y, long n) {
  if (!clanes_runs(width)) return 0;
  const bool tanh = function == ArrayFunction::hyperbolicTangent;
  switch (width) {
#if defined(__x86_64__)
  case 8: (tanh ? tanhAVX512SortedArray : expAVX512Array)(x, y, n); return 1;
  case 4: (tanh ? tanhAVX2Array : expAVX2Array)(x, y, n); return 1;
#endif
  default: (tanh ? tanhBaselineArray : expBaselineArray)(x, y, n); return 1;
  }
}

int clanes_product_width(int width, const double *a, int transposeA, const double *b, int transposeB, long n,
                         long m, long k, double *c) {
  if (!clanes_runs(width)) return 0;
  double *scratch = transposeB ? (double *)malloc(sizeof(double) * (k * m > 0 ? k * m : 1)) : 0;
  switch (width) {
#if defined(__x86_64__)
  case 8: productAVX512(a, transposeA, b, transposeB, n, m, k, c, scratch); break;
  case 4: productAVX2(a, transposeA, b, transposeB, n, m, k, c, scratch); break;
#endif
  default: productBaseline(a, transposeA, b, transposeB, n, m, k, c, scratch); break;
  }
  free(scratch);
  return 1;
}

int clanes_adam_width(int width, double *p, double *m, double *s, const double *g, long n, double rate,
                      double beta1, double beta2, double correction1, double correction2, double epsilon) {
  if (!clanes_runs(width)) return 0;
  switch (width) {
#if defined(__x86_64__)
  case 8: adamAVX512(p, m, s, g, n, rate, beta1, beta2, correction1, correction2, epsilon); break;
  case 4: adamAVX2(p, m, s, g, n, rate, beta1, beta2, correction1, correction2, epsilon); break;
#endif
  default: adamBaseline(p, m, s, g, n, rate, beta1, beta2, correction1, correction2, epsilon); break;
  }
  return 1;
}

void clanes_adam(double *p, double *m, double *s, const double *g, long n, double rate, double beta1,
                 double beta2, double correction1, double correction2, double epsilon) {
  clanes_adam_width(clanes_width(), p, m, s, g, n, rate, beta1, beta2, correction1, correction2, epsilon);
}

void clanes_product(const double *a, int transposeA, const double *b, int transposeB, long n, long m, long k,
                    double *c) {
  clanes_product_width(clanes_width(), a, transposeA, b, transposeB, n, m, k, c);
}

int clanes_exp_width(int width, const double *x, double *y, long n) {
  return run(ArrayFunction::exponential, width, x, y, n);
}

int clanes_tanh_width(int width, const double *x, double *y, long n) {
  return run(ArrayFunction::hyperbolicTangent, width, x, y, n);
}

void clanes_exp(const double *x, double *y, long n) { run(ArrayFunction::exponential, clanes_width(), x, y, n); }

void clanes_tanh(const double *x, double *y, long n) {
  run(ArrayFunction::hyperbolicTangent, clanes_width(), x, y, n);
}

long clanes_tiled_panels(long m) { return (m + tileColumns - 1) / tileColumns; }

long clanes_tiled_row_blocks(long n) { return (n + tileRows - 1) / tileRows; }

int clanes_tiled_product(const double *a, int transposeA, const double *b, int transposeB, long n, long m, long k,
                         double *c, long firstBlock, long endBlock, long firstPanel, long endPanel) {
#if defined(__x86_64__)
  if (!clanes_runs(8)) return 0;
  tiles(a, transposeA, b, transposeB, n, m, k, c, firstBlock, endBlock, firstPanel, endPanel);
  return 1;
#else
  return 0;
#endif
}
