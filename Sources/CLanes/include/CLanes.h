// CLanes.h — eˣ and tanh x over arrays, small matrix products and Adam's update, as many values at
// a time as the CPU's vectors hold; larger matrix products in register tiles on AVX-512.
//
// The arithmetic is Autograd's portableExp and portableTanh (Sources/Autograd/Core/PortableMath.swift),
// operation for operation, so the results are the same bits whatever the width; Autograd's tests
// check every variant this CPU can run against those plain definitions.

#ifndef CLANES_H
#define CLANES_H

#ifdef __cplusplus
extern "C" {
#endif

/// y[i] = e^x[i] for i < n, with the widest vectors this CPU runs (y may be x).
void clanes_exp(const double *x, double *y, long n);

/// y[i] = tanh x[i] for i < n, with the widest vectors this CPU runs (y may be x).
void clanes_tanh(const double *x, double *y, long n);

/// The same with vectors of `width` doubles (8, 4 or 2); returns 0 when this CPU cannot run them.
int clanes_exp_width(int width, const double *x, double *y, long n);
int clanes_tanh_width(int width, const double *x, double *y, long n);

/// C[n×m] = op(A)·op(B) in FixedOrderProduct.swift's order (A stored [n, k], or [k, n] when
/// transposeA; B stored [k, m], or [m, k] when transposeB), with the widest vectors the CPU runs.
void clanes_product(const double *a, int transposeA, const double *b, int transposeB, long n, long m, long k,
                    double *c);

/// clanes_product with vectors of `width` doubles; 0 if this CPU cannot run them.
int clanes_product_width(int width, const double *a, int transposeA, const double *b, int transposeB, long n,
                         long m, long k, double *c);

/// Adam's update of n parameters p with moments m and s and gradient g (Autograd's Optimizers.swift:
/// m ← β₁m + (1 − β₁)g, s ← β₂s + (1 − β₂)g², p ← p − rate·(m/c₁) / (√(s/c₂) + ε)), in place, with the
/// widest vectors the CPU runs.
void clanes_adam(double *p, double *m, double *s, const double *g, long n, double rate, double beta1,
                 double beta2, double correction1, double correction2, double epsilon);

/// clanes_adam with vectors of `width` doubles; 0 if this CPU cannot run them.
int clanes_adam_width(int width, double *p, double *m, double *s, const double *g, long n, double rate,
                      double beta1, double beta2, double correction1, double correction2, double epsilon);

/// The tiled product C[n×m] = op(A)·op(B) (stored as for clanes_product), on AVX-512 only: each entry
/// summed over p in order from 0, one fused multiply-add per term. Computes the tiles of C in row
/// blocks [firstBlock, endBlock) of 12 rows (clanes_tiled_row_blocks(n) in all) and column panels
/// [firstPanel, endPanel) of 16 columns (clanes_tiled_panels(m) in all), so that threads can share
/// a product. Returns 0, and does nothing, on a CPU without AVX-512.
int clanes_tiled_product(const double *a, int transposeA, const double *b, int transposeB, long n, long m, long k,
                         double *c, long firstBlock, long endBlock, long firstPanel, long endPanel);
long clanes_tiled_row_blocks(long n);
long clanes_tiled_panels(long m);

/// 1 when this CPU runs vectors of `width` doubles (8, 4 or 2), else 0.
int clanes_runs(int width);

/// The width clanes_exp and clanes_tanh use on this CPU.
int clanes_width(void);

#ifdef __cplusplus
}
#endif

#endif
