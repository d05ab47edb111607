// Exercise10_4.swift — chapter 10: one step of decoding with a key–value cache.

import Foundation

/// Exercise 10.4 — one step of single-head attention with a key–value cache.
///
/// `keys` and `values` hold the key and value vectors of the positions decoded so far (one row
/// each, all of width d). A new position arrives with its `query`, `key` and `value`. Append its
/// key and value to the cache, then attend: its output is Σⱼ wⱼ·valuesⱼ with w = softmax over
/// the cached positions (the new one included) of query·keysⱼ/√d. Return the output and the
/// updated cache. Chapter 10's cache does this per head inside each block of its GPT.
public func cachedAttentionStep(
  query: [Double], key: [Double], value: [Double], keys: [[Double]], values: [[Double]]
) throws -> (output: [Double], keys: [[Double]], values: [[Double]]) {
  // BEGIN SOLUTION
  let allKeys = keys + [key]
  let allValues = values + [value]
  let scale = Double(query.count).squareRoot()
  let scores = allKeys.map { k in zip(query, k).reduce(0) { $0 + $1.0 * $1.1 } / scale }
  let largest = scores.max()!
  let exponentials = scores.map { exp($0 - largest) }
  let total = exponentials.reduce(0, +)
  var output = [Double](repeating: 0, count: value.count)
  for (weight, row) in zip(exponentials, allValues) {
    for c in output.indices { output[c] += weight / total * row[c] }
  }
  return (output, allKeys, allValues)
  // END SOLUTION
}
