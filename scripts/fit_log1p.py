#!/usr/bin/env python3
"""Fits the polynomial of the vector log1p in core/src/kernels/vmath.hpp.

log1p(u) for u in [-0.25, 1] is k·ln2 + log(1+f) with f = u (k = 0, u < 1/2)
or f = (u - 1)/2 (k = 1), so f is in [-0.25, 0.5) and exact.  log(1+f) is
written with s = f/(2+f), |s| <= 0.2, as 2·atanh(s) = 2s + s·R(s²), and
R(z) = z·(c1 + c2 z + c3 z²) is fitted by a Chebyshev (near-minimax)
approximation of R(z)/z on z in [0, 0.04] in 60-digit arithmetic, then
rounded to float.
Prints the coefficients as hex floats and the relative error of 2s + s·R with
the rounded coefficients (exact arithmetic otherwise).  Needs mpmath.
Run: python3 scripts/fit_log1p.py
"""
import struct
import mpmath as mp

mp.mp.dps = 60


def to_f32(x):
    return struct.unpack('<f', struct.pack('<f', float(x)))[0]


def c_hex(x):
    mant, exp = x.hex().split('p')
    mant = mant.rstrip('0').rstrip('.')
    return f"{mant.upper().replace('0X', '0x')}p{exp}f"


def g(z):
    """R(z)/z = (2 atanh(s)/s - 2)/s², s = sqrt(z); 2/3 at z = 0."""
    if z == 0:
        return mp.mpf(2) / 3
    s = mp.sqrt(z)
    return (2 * mp.atanh(s) / s - 2) / z


def main(terms=3):
    smax = mp.mpf(1) / 5
    zmax = smax * smax
    poly, err = mp.chebyfit(g, [0, zmax], terms, error=True)
    coeffs = [to_f32(c) for c in reversed(poly)]  # c1 + c2 z + ...
    worst = mp.mpf(0)
    for i in range(4001):
        s = -smax + 2 * smax * i / 4000
        if s == 0:
            continue
        z = s * s
        approx = 2 * s + s * z * sum(mp.mpf(c) * z**k for k, c in enumerate(coeffs))
        worst = max(worst, abs(approx / (2 * mp.atanh(s)) - 1))
    for k, c in enumerate(coeffs):
        print(f"  c{k + 1} = {c_hex(c)}  // {c!r}")
    print(f"fit error of R/z: {mp.nstr(err, 3)}; relative error of log(1+f): {mp.nstr(worst, 3)}"
          f" = {mp.nstr(worst / mp.mpf(2)**-24, 3)} ulp(1)")


if __name__ == '__main__':
    main()
