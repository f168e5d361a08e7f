#!/usr/bin/env python3
"""Fits the scaled normal tail used by the exact GELU in core/src/kernels/gelu.cpp.

h(u) = e^(u^2/2) * Phi(-u) = erfcx(u/sqrt 2) / 2 for u >= 0: smooth, h(0) = 1/2,
h(u) ~ 1/(u sqrt(2 pi)) for large u.  Approximated by the rational function

  h(u) ~ (c1 + c2 u + c3 u^2 + c4 u^3 + c5 u^4) / (1 + c6 u + ... + c10 u^5)

with c1 = 1/2 exactly (so Phi(0) = 1/2 exactly), on [0, 13.5]: GELU is a
normal float down to x = -13.15.  The fit minimises the maximum relative error
by Lawson's iteratively reweighted least squares on Chebyshev nodes, in
50-digit arithmetic, and rounds the coefficients to double: the kernels
evaluate h in double, because in float the rounding of the rational alone
costs several ulp (printed below for comparison).  Prints the coefficients as hex
doubles and the relative error of h in units of 2^-24 (an upper bound on float
ulps).  Needs mpmath (Debian: python3-mpmath).
Run: python3 scripts/fit_normal_tail.py  (about half a minute)
"""
import struct
import mpmath as mp

mp.mp.dps = 50
U = mp.mpf('13.5')
NUM, DEN = 4, 5  # degrees of numerator and denominator


def to_f32(x):
    return struct.unpack('<f', struct.pack('<f', float(x)))[0]


def h(u):
    return mp.exp(u * u / 2) * mp.erfc(u / mp.sqrt(2)) / 2


def ratio(p, q, u):
    return mp.polyval(p[::-1], u) / mp.polyval(q[::-1], u)


def fit(nodes=300, iterations=14):
    xs = [U * (1 - mp.cos(mp.pi * (i + mp.mpf(1) / 2) / nodes)) / 2 for i in range(nodes)]
    hs = [h(x) for x in xs]
    weight = [mp.mpf(1)] * nodes
    qprev = [mp.mpf(1)] * nodes
    for _ in range(iterations):
        # Relative residual (P - hQ) / (h Q_prev), linear in the coefficients,
        # with P(0) = 1/2 and Q(0) = 1 fixed; Lawson reweighting towards minimax.
        a = mp.matrix(nodes, NUM + DEN)
        b = mp.matrix(nodes, 1)
        for i, x in enumerate(xs):
            s = weight[i] / (hs[i] * qprev[i])
            for j in range(1, NUM + 1):
                a[i, j - 1] = s * x**j
            for j in range(1, DEN + 1):
                a[i, NUM + j - 1] = -s * hs[i] * x**j
            b[i] = s * (hs[i] - mp.mpf(1) / 2)
        sol = mp.qr_solve(a, b)[0]
        p = [mp.mpf(1) / 2] + [sol[j] for j in range(NUM)]
        q = [mp.mpf(1)] + [sol[NUM + j] for j in range(DEN)]
        qprev = [mp.polyval(q[::-1], x) for x in xs]
        err = [abs(mp.polyval(p[::-1], x) / (qprev[i] * hs[i]) - 1) for i, x in enumerate(xs)]
        weight = [w * mp.sqrt(e) for w, e in zip(weight, err)]
        total = sum(weight)
        weight = [w * nodes / total for w in weight]
    return p, q


def horner(c, u, rnd):
    acc = c[-1]
    for ck in reversed(c[:-1]):
        acc = rnd(rnd(acc * u) + ck)
    return acc


def c_hex_double(x):
    """0x1.BDED9D81AF535p-2: a C double literal with the trailing zero digits removed."""
    mant, exp = float(x).hex().split('p')
    mant = mant.rstrip('0').rstrip('.')
    return f"{mant.upper().replace('0X', '0x')}p{exp}"


def main():
    p, q = fit()
    pd = [float(c) for c in p]
    qd = [float(c) for c in q]
    grid = [mp.mpf(to_f32(U * i / 8000)) for i in range(8001)]
    hs = [h(u) for u in grid]
    in_double = max(abs(ratio(pd, qd, u) / hu - 1) for u, hu in zip(grid, hs))
    pf = [to_f32(c) for c in p]
    qf = [to_f32(c) for c in q]
    in_float = max(abs(to_f32(horner(pf, float(u), to_f32) / horner(qf, float(u), to_f32)) / hu - 1)
                   for u, hu in zip(grid, hs))
    unit = mp.mpf(2)**-24
    for k, c in enumerate(pd + qd[1:]):
        print(f"  static constexpr double c{k + 1} = {c_hex_double(c)};  // {c!r}")
    print(f"relative error of h on [0, {U}] in units of 2^-24: {mp.nstr(in_double / unit, 3)} "
          f"with double coefficients and arithmetic ({mp.nstr(in_float / unit, 3)} if all in float)")


if __name__ == '__main__':
    main()
