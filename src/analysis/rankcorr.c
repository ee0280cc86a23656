/*
 * rankcorr.c: the p-value of Spearman's rho (rankcorr.h).
 */
#include "actorgraph/rankcorr.h"

#include <math.h>
#include <stdlib.h>

/* Average ranks of v (1-based, ties share their mean rank) into r. */
static void average_ranks(const double *v, size_t n, double *r, size_t *idx)
{
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    /* Insertion sort: n is the number of actors in two eras. */
    for (size_t i = 1; i < n; i++) {
        size_t k = idx[i], j = i;
        while (j > 0 && v[idx[j - 1]] > v[k]) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = k;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && v[idx[j + 1]] == v[idx[i]])
            j++;
        for (size_t k = i; k <= j; k++)
            r[idx[k]] = (double)(i + j) / 2 + 1;
        i = j + 1;
    }
}

/* Continued fraction of the incomplete beta function (modified Lentz). */
static double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1), h;
    if (fabs(d) < tiny)
        d = tiny;
    d = 1 / d;
    h = d;
    for (int m = 1; m <= 300; m++) {
        double m2 = 2.0 * m;
        double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        d = 1 + num * d;
        d = fabs(d) < tiny ? tiny : d;
        c = 1 + num / c;
        c = fabs(c) < tiny ? tiny : c;
        d = 1 / d;
        h *= d * c;
        num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        d = 1 + num * d;
        d = fabs(d) < tiny ? tiny : d;
        c = 1 + num / c;
        c = fabs(c) < tiny ? tiny : c;
        d = 1 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1) < 1e-15)
            break;
    }
    return h;
}

/* The regularised incomplete beta function I_x(a, b). */
static double beta_inc(double a, double b, double x)
{
    double front;
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * beta_cf(a, b, x) / a;
    return 1 - front * beta_cf(b, a, 1 - x) / b;
}

/* Sum of (rx - mean)(ry - mean): rho up to a factor that pairings keep. */
static double cross(const double *rx, const double *ry, size_t n, double mean)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (rx[i] - mean) * (ry[i] - mean);
    return s;
}

/* Exact: every pairing of ry with rx (Heap's algorithm), counting those as
 * far out as the observed one on each side. */
static double exact_p(const double *rx, double *ry, size_t n, double mean)
{
    size_t c[AG_RANKCORR_EXACT_MAX] = { 0 };
    double obs = cross(rx, ry, n, mean);
    double tol = 1e-12 * (fabs(obs) > 1 ? fabs(obs) : 1);
    double total = 1, ge = 0, le = 0, p;
    size_t i = 1;

    /* The identity pairing is the observed one. */
    ge += 1;
    le += 1;
    while (i < n) {
        if (c[i] < i) {
            size_t j = i % 2 == 0 ? 0 : c[i];
            double t = ry[j];
            ry[j] = ry[i];
            ry[i] = t;
            double s = cross(rx, ry, n, mean);
            ge += s >= obs - tol;
            le += s <= obs + tol;
            total += 1;
            c[i]++;
            i = 1;
        } else {
            c[i] = 0;
            i++;
        }
    }
    p = 2 * (ge < le ? ge : le) / total;
    return p < 1 ? p : 1;
}

double ag_spearman_p(const double *x, const double *y, size_t n)
{
    double *rx, *ry, mean, sxx = 0, syy = 0, sxy, rho, p = NAN;
    size_t *idx;

    if (n < 3)
        return NAN;
    rx = malloc(n * sizeof *rx);
    ry = malloc(n * sizeof *ry);
    idx = malloc(n * sizeof *idx);
    if (!rx || !ry || !idx)
        goto done;
    average_ranks(x, n, rx, idx);
    average_ranks(y, n, ry, idx);
    mean = (double)(n + 1) / 2;
    for (size_t i = 0; i < n; i++) {
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    if (sxx == 0 || syy == 0)
        goto done;
    if (n <= AG_RANKCORR_EXACT_MAX) {
        p = exact_p(rx, ry, n, mean);
        goto done;
    }
    sxy = cross(rx, ry, n, mean);
    rho = sxy / sqrt(sxx * syy);
    if (rho >= 1 || rho <= -1) {
        p = 0;
    } else {
        double df = (double)n - 2;
        double t2 = rho * rho * df / (1 - rho * rho);
        p = beta_inc(df / 2, 0.5, df / (df + t2));
    }
done:
    free(rx);
    free(ry);
    free(idx);
    return p;
}
