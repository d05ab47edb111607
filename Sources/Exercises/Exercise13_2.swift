// Exercise13_2.swift — chapter 13: quantization to 8 bits with a zero point (asymmetric).

import Foundation

/// Exercise 13.2 — uint8 quantization of a vector and back.
///
/// Chapter 13 quantizes symmetrically (codes −127…127, w ≈ q·s). Here the codes are 0…255 and
/// cover [min x, max x]: the scale s = (max − min) / 255, the zero point z = round(−min / s) (the
/// code of 0.0), each code q = clamp(round(x / s) + z, 0, 255), and the value it stands for
/// (q − z)·s. Return the codes, s, z and the dequantized values. When every value is the same,
/// use s = 1 (any scale represents a constant vector's spread of 0). `x` is not empty.
public func uint8RoundTrip(_ x: [Double]) throws -> (codes: [Int], scale: Double, zeroPoint: Int, restored: [Double]) {
  // BEGIN SOLUTION
  let (low, high) = (x.min()!, x.max()!)
  let scale = high > low ? (high - low) / 255 : 1
  let zero = Int((-low / scale).rounded())
  let codes = x.map { min(255, max(0, Int(($0 / scale).rounded()) + zero)) }
  return (codes, scale, zero, codes.map { Double($0 - zero) * scale })
  // END SOLUTION
}
