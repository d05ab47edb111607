// Exercise12_1.swift — chapter 12: one Bellman optimality backup, by hand.

/// Exercise 12.1 — one Bellman optimality backup of a state.
///
/// Action a of the state has outcomes i = 0, 1, …: with probability `probabilities[a][i]` the
/// world moves to state `nextStates[a][i]` and pays `rewards[a][i]`. Given the current values V
/// of all states (`values`) and the discount γ, return
///
/// ```
/// max_a Σ_i probabilities[a][i] · (rewards[a][i] + γ · V[nextStates[a][i]])
/// ```
/// — the new value of the state after one sweep of value iteration (chapter 12, cell bellman).
public func bellmanOptimalityBackup(
  probabilities: [[Double]], nextStates: [[Int]], rewards: [[Double]], values: [Double], gamma: Double
) throws -> Double {
  // BEGIN SOLUTION
  var best = -Double.infinity
  for a in probabilities.indices {
    var total = 0.0
    for i in probabilities[a].indices {
      total += probabilities[a][i] * (rewards[a][i] + gamma * values[nextStates[a][i]])
    }
    best = max(best, total)
  }
  return best
  // END SOLUTION
}
