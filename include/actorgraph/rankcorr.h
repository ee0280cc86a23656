/*
 * rankcorr.h: how firm a rank correlation is.
 *
 * compare reports Spearman's rho between two eras' values of the actors in
 * both; over six actors a rho of 0.64 says little. This gives the
 * two-sided p-value of rho against "no association" so that pages can say
 * so (docs/METHODS.md, "Era comparison").
 */
#ifndef ACTORGRAPH_RANKCORR_H
#define ACTORGRAPH_RANKCORR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Below this many actors a rank correlation is flagged as resting on few
 * actors, whatever its p-value. */
#define AG_RANKCORR_FEW 10

/* Up to this many actors the p-value is exact (all n! pairings). */
#define AG_RANKCORR_EXACT_MAX 9

/*
 * The two-sided p-value of Spearman's rho between x and y (n values each,
 * ranked with ties sharing their average rank):
 *   n <= AG_RANKCORR_EXACT_MAX: exact, over all n! pairings of y's ranks
 *     with x's (ties included), as twice the smaller tail, at most 1 —
 *     scipy.stats.permutation_test(..., permutation_type='pairings');
 *   larger n: Student's t with n - 2 degrees of freedom,
 *     t = rho sqrt((n - 2) / (1 - rho^2)) — scipy.stats.spearmanr.
 * NaN when n < 3, when either side is constant, or when memory runs out.
 * Can't fail otherwise.
 */
double ag_spearman_p(const double *x, const double *y, size_t n);

#ifdef __cplusplus
}
#endif

#endif
