// MDP.swift — a finite Markov decision process as tables: for every state s and action a, the
// outcomes (probability, next state s′, reward r); and the two grid worlds of the chapter, built
// as such tables: a 3×4 grid with a wall, a goal and a pit (Russell and Norvig's), and Sutton and
// Barto's cliff walk.

import Autograd

/// One outcome of taking action a in state s: with `probability`, the world moves to `next` and
/// pays `reward`.
struct Outcome {
  let probability: Double
  let next: Int
  let reward: Double
}

/// A finite MDP: states 0..<stateCount, actions 0..<actions.count, p(s′, r | s, a) as lists of
/// outcomes, and the discount γ. A terminal state has no outcomes: its value is 0.
struct MDP {
  let name: String
  let rows: Int
  let columns: Int
  /// The grid cell (row, column) of each state.
  let cells: [(row: Int, column: Int)]
  /// `outcomes[s][a]`: empty for a terminal state.
  let outcomes: [[[Outcome]]]
  let start: Int
  let gamma: Double

  static let actions = ["↑", "→", "↓", "←"]
  static let moves = [(-1, 0), (0, 1), (1, 0), (0, -1)]  // (Δrow, Δcolumn) of ↑ → ↓ ←

  var stateCount: Int { cells.count }
  func isTerminal(_ s: Int) -> Bool { outcomes[s][0].isEmpty }
  func state(row: Int, column: Int) -> Int? { cells.firstIndex { $0.row == row && $0.column == column } }

  /// The expected return of an action, given values V of the next states:
  /// Σ_{s′} p(s′ | s, a) · (r + γ V(s′)). The Bellman backup, the one formula of this file.
  func backup(_ s: Int, _ a: Int, _ V: [Double]) -> Double {
    outcomes[s][a].reduce(0) { $0 + $1.probability * ($1.reward + gamma * V[$1.next]) }
  }

  /// Q(s, a) = Σ p (r + γ V(s′)) for every state and action (0 for a terminal state).
  func actionValues(_ V: [Double]) -> [[Double]] {
    (0..<stateCount).map { s in (0..<4).map { a in isTerminal(s) ? 0 : backup(s, a, V) } }
  }

  /// Samples one outcome of (s, a): the next state and the reward.
  func step(_ s: Int, _ a: Int, using generator: inout SeededGenerator) -> (next: Int, reward: Double) {
    let u = generator.nextUnit()
    var total = 0.0
    for outcome in outcomes[s][a] {
      total += outcome.probability
      if u < total { return (outcome.next, outcome.reward) }
    }
    let last = outcomes[s][a].last!
    return (last.next, last.reward)
  }
}

extension MDP {
  /// The 3×4 grid of Russell and Norvig (AIMA, chapter 17): a wall at (1, 1), the goal at (0, 3)
  /// paying +1, the pit at (1, 3) paying −1, every other move costing `stepReward`. Both end the
  /// episode. With `slip` > 0 the move goes sideways (perpendicular to the intended direction)
  /// with probability `slip` each way; a move into the wall or the edge stays put.
  static func gridWorld(slip: Double, gamma: Double = 0.9, stepReward: Double = -0.04) -> MDP {
    let (rows, columns) = (3, 4)
    let wall = (1, 1)
    let (goal, pit) = ((0, 3), (1, 3))
    var cells: [(row: Int, column: Int)] = []
    for r in 0..<rows { for c in 0..<columns where (r, c) != wall { cells.append((r, c)) } }
    func index(_ r: Int, _ c: Int) -> Int { cells.firstIndex { $0.row == r && $0.column == c }! }
    func target(_ r: Int, _ c: Int, _ move: Int) -> Int {
      let (nr, nc) = (r + moves[move].0, c + moves[move].1)
      let blocked = nr < 0 || nr >= rows || nc < 0 || nc >= columns || (nr, nc) == wall
      return blocked ? index(r, c) : index(nr, nc)
    }
    let outcomes = cells.map { cell -> [[Outcome]] in
      if (cell.row, cell.column) == goal || (cell.row, cell.column) == pit { return [[], [], [], []] }
      return (0..<4).map { a in
        // The intended move, then the two sideways ones (a ± 1 mod 4 are the perpendicular directions).
        let tries = [(a, 1 - 2 * slip), ((a + 1) % 4, slip), ((a + 3) % 4, slip)].filter { $0.1 > 0 }
        var merged: [Outcome] = []
        for (move, p) in tries {
          let next = target(cell.row, cell.column, move)
          let (nr, nc) = (cells[next].row, cells[next].column)
          let reward = (nr, nc) == goal ? 1 : ((nr, nc) == pit ? -1 : stepReward)
          if let i = merged.firstIndex(where: { $0.next == next }) {
            merged[i] = Outcome(probability: merged[i].probability + p, next: next, reward: reward)
          } else {
            merged.append(Outcome(probability: p, next: next, reward: reward))
          }
        }
        return merged
      }
    }
    return MDP(
      name: slip == 0 ? "deterministic grid" : "slippery grid", rows: rows, columns: columns, cells: cells,
      outcomes: outcomes, start: index(2, 0), gamma: gamma)
  }

  /// Sutton and Barto's cliff walk (example 6.6): a 4×12 grid, start at the bottom left, goal at
  /// the bottom right, the cells between them a cliff. Each move costs −1; stepping off the cliff
  /// costs −100 and sends the walker back to the start. Undiscounted (γ = 1): the episode ends.
  static func cliffWalk() -> MDP {
    let (rows, columns) = (4, 12)
    var cells: [(row: Int, column: Int)] = []
    for r in 0..<rows { for c in 0..<columns { cells.append((r, c)) } }
    let start = 3 * columns
    let goal = 3 * columns + columns - 1
    let outcomes = cells.enumerated().map { s, cell -> [[Outcome]] in
      if s == goal { return [[], [], [], []] }
      return (0..<4).map { a in
        let nr = min(max(cell.row + moves[a].0, 0), rows - 1)
        let nc = min(max(cell.column + moves[a].1, 0), columns - 1)
        let cliff = nr == 3 && nc > 0 && nc < columns - 1
        return [Outcome(probability: 1, next: cliff ? start : nr * columns + nc, reward: cliff ? -100 : -1)]
      }
    }
    return MDP(
      name: "cliff walk", rows: rows, columns: columns, cells: cells, outcomes: outcomes, start: start, gamma: 1)
  }
}

// MARK: - Dynamic programming

/// The sweeps of an iterative method: the values after the last one, and ‖V_{k+1} − V_k‖∞ per sweep.
struct Sweeps {
  var values: [Double]
  var residuals: [Double]
}

extension MDP {
  /// Policy evaluation: V ← Σ_a π(a|s) Σ p (r + γ V(s′)), all states at once (each sweep reads
  /// only the previous sweep's values), until ‖V_{k+1} − V_k‖∞ ≤ `tolerance`.
  func evaluate(_ policy: [[Double]], tolerance: Double = 1e-12, maximumSweeps: Int = 10_000) -> Sweeps {
    var sweeps = Sweeps(values: [Double](repeating: 0, count: stateCount), residuals: [])
    for _ in 0..<maximumSweeps {
      let V = sweeps.values
      let next = (0..<stateCount).map { s in
        isTerminal(s) ? 0 : (0..<4).reduce(0) { $0 + policy[s][$1] * backup(s, $1, V) }
      }
      sweeps.residuals.append(zip(next, V).map { Swift.abs($0 - $1) }.max()!)
      sweeps.values = next
      if sweeps.residuals.last! <= tolerance { break }
    }
    return sweeps
  }

  /// Value iteration: V ← max_a Σ p (r + γ V(s′)), all states at once, until the residual is ≤ `tolerance`.
  func valueIteration(tolerance: Double = 1e-12, maximumSweeps: Int = 10_000) -> Sweeps {
    var sweeps = Sweeps(values: [Double](repeating: 0, count: stateCount), residuals: [])
    for _ in 0..<maximumSweeps {
      let V = sweeps.values
      let next = (0..<stateCount).map { s in isTerminal(s) ? 0 : (0..<4).map { backup(s, $0, V) }.max()! }
      sweeps.residuals.append(zip(next, V).map { Swift.abs($0 - $1) }.max()!)
      sweeps.values = next
      if sweeps.residuals.last! <= tolerance { break }
    }
    return sweeps
  }
}

/// The action of largest value, the first of them where several are within `margin` of the
/// largest (so that a tie does not hinge on the last bit of a sum).
func greedy(_ q: [Double], margin: Double = 1e-9) -> Int {
  let best = q.max()!
  return q.firstIndex { $0 >= best - margin }!
}
