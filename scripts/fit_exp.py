#!/usr/bin/env python3
"""Fits the polynomial of the vector exp/expm1 in core/src/kernels/vmath.hpp.

e^r = 1 + r + r^2 q(r) on r in [-ln2/2, ln2/2], q fitted by a Chebyshev
(near-minimax) approximation in 60-digit arithmetic, then rounded to float.
Prints the coefficients as hex floats and the fitted relative error of 1+r+r^2 q
with the rounded coefficients.  Needs mpmath (Debian: python3-mpmath).
Run: python3 scripts/fit_exp.py
"""
import struct
import mpmath as mp

mp.mp.dps = 60


def to_f32(x):
    return struct.unpack('<f', struct.pack('<f', float(x)))[0]


def c_hex(x):
    """0x1.5554DEp-3f: a C float literal with the trailing zero digits removed."""
    mant, exp = x.hex().split('p')
    mant = mant.rstrip('0').rstrip('.')
    return f"{mant.upper().replace('0X', '0x')}p{exp}f"


def q(r):
    return mp.mpf(1) / 2 if r == 0 else (mp.exp(r) - 1 - r) / (r * r)


def main(degree=4):
    h = mp.log(2) / 2
    poly, err = mp.chebyfit(q, [-h, h], degree + 1, error=True)
    coeffs = [to_f32(c) for c in reversed(poly)]  # c0 + c1 r + ...
    worst = mp.mpf(0)
    for i in range(2001):
        r = -h + 2 * h * i / 2000
        approx = 1 + r + r * r * sum(mp.mpf(c) * r**k for k, c in enumerate(coeffs))
        worst = max(worst, abs(approx / mp.exp(r) - 1))
    for k, c in enumerate(coeffs):
        print(f"  c{k + 2} = {c_hex(c)}  // {c!r}")
    print(f"fit error of q: {mp.nstr(err, 3)}; relative error of e^r: {mp.nstr(worst, 3)}"
          f" = {mp.nstr(worst / mp.mpf(2)**-24, 3)} ulp(1)")


if __name__ == '__main__':
    main()
