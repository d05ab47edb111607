// Exercise12_2.swift — chapter 12: the greedy policy read from a Q table.

/// Exercise 12.2 — the greedy policy of a Q table.
///
/// `q[s][a]` is the action value of action a in state s. Return, for each state, the action of
/// largest value, π(s) = argmax_a q[s][a]; where several actions share the largest value, the one
/// with the smallest index.
public func greedyPolicy(q: [[Double]]) throws -> [Int] {
  // BEGIN SOLUTION
  q.map { row in
    var best = 0
    for a in row.indices where row[a] > row[best] { best = a }
    return best
  }
  // END SOLUTION
}
