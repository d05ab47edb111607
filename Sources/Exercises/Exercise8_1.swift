// Exercise8_1.swift — chapter 08: a vocabulary of characters instead of words.

import Foundation

/// Exercise 8.1 — a character vocabulary, ids by frequency.
///
/// Count the letters a–z in `texts` after lower-casing them (every other character is ignored).
/// Return each letter's id: id 0 is reserved for padding, so the most frequent letter gets 1, the
/// next 2, and so on; letters equally frequent are ordered alphabetically. Letters that never occur
/// get no id.
public func characterVocabulary(_ texts: [String]) throws -> [String: Int] {
  // BEGIN SOLUTION
  var counts: [String: Int] = [:]
  for text in texts {
    for character in text.lowercased() where ("a"..."z").contains(character) {
      counts[String(character), default: 0] += 1
    }
  }
  let byFrequency = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
  var ids: [String: Int] = [:]
  for (rank, entry) in byFrequency.enumerated() { ids[entry.key] = rank + 1 }
  return ids
  // END SOLUTION
}
