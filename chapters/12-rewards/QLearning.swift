// QLearning.swift — tabular Q-learning and SARSA: Q learned from sampled steps, without the
// transition table; the effect of ε and α measured over seeds; on the cliff, the safe path
// against the optimal one.

import Autograd
import Foundation
import Notebook
import Plot

/// The tabular temporal-difference learners of the chapter.
enum TDMethod: String {
  /// Target r + γ max_{a′} Q(s′, a′): learns Q* whatever the behaviour (off-policy).
  case qLearning = "Q-learning"
  /// Target r + γ Q(s′, a′) with a′ the action the ε-greedy behaviour takes next: learns Q of
  /// that behaviour (on-policy).
  case sarsa = "SARSA"
}

/// ε-greedy: a random action with probability ε, else an action of largest Q (ties at random).
func epsilonGreedy(_ q: [Double], epsilon: Double, using generator: inout SeededGenerator) -> Int {
  if generator.nextUnit() < epsilon { return generator.nextInt(in: 0..<q.count) }
  let best = q.max()!
  let ties = q.indices.filter { q[$0] == best }
  return ties.count == 1 ? ties[0] : ties[generator.nextInt(in: 0..<ties.count)]
}

extension MDP {
  /// One episode from `start`, learning as it goes; returns the sum of its rewards.
  ///
  /// ```
  /// Q(s, a) ← Q(s, a) + α (target − Q(s, a))     target = r                       (s′ terminal)
  ///                                               target = r + γ max_{a′} Q(s′, a′) (Q-learning)
  ///                                               target = r + γ Q(s′, a′)          (SARSA)
  /// ```
  @discardableResult
  func episode(
    _ method: TDMethod, _ q: inout [[Double]], start: Int, epsilon: Double, alpha: Double, maximumSteps: Int,
    using generator: inout SeededGenerator
  ) -> Double {
    var s = start
    var a = epsilonGreedy(q[s], epsilon: epsilon, using: &generator)
    var total = 0.0
    for _ in 0..<maximumSteps {
      let (next, r) = step(s, a, using: &generator)
      total += r
      if isTerminal(next) {
        q[s][a] += alpha * (r - q[s][a])
        break
      }
      let nextAction = epsilonGreedy(q[next], epsilon: epsilon, using: &generator)
      let target = r + gamma * (method == .qLearning ? q[next].max()! : q[next][nextAction])
      q[s][a] += alpha * (target - q[s][a])
      // Q-learning chooses its next action after the update (Sutton and Barto's algorithm); SARSA
      // has already chosen it, since the update needed it.
      (s, a) = (next, method == .qLearning ? epsilonGreedy(q[next], epsilon: epsilon, using: &generator) : nextAction)
    }
    return total
  }

  /// The path the greedy policy of `q` walks from the start (no exploration, no slipping), up to
  /// `limit` moves: the states visited, and whether it reached a terminal state.
  func greedyPath(_ q: [[Double]], limit: Int = 100) -> (states: [Int], ends: Bool) {
    var states = [start]
    while states.count <= limit, !isTerminal(states.last!) {
      states.append(outcomes[states.last!][greedy(q[states.last!])][0].next)
    }
    return (states, isTerminal(states.last!))
  }
}

/// max over non-terminal (s, a) of |Q − Q*|.
func largestError(_ q: [[Double]], _ qStar: [[Double]], _ mdp: MDP) -> Double {
  (0..<mdp.stateCount).filter { !mdp.isTerminal($0) }.map { s in
    zip(q[s], qStar[s]).map { Swift.abs($0 - $1) }.max()!
  }.max()!
}

/// What the tabular cells found, for the source checks.
struct TabularFacts {
  /// Mean final max |Q − Q*| on the deterministic grid (α = 1) and the best slippery setting.
  let deterministicError: Double
  let slipperyBest: Double
}

extension Rewards {
  static let tabularSeeds = 5
  static let tabularEpisodes = 3000

  func qLearningCell(_ notebook: Notebook, _ facts: BellmanFacts) throws -> TabularFacts {
    var result = TabularFacts(deterministicError: 0, slipperyBest: 0)
    try notebook.cell("q-learning", "Tabular Q-learning: Q* from sampled steps, ε and α over seeds") { cell in
      let every = 50
      let checkpoints = Self.tabularEpisodes / every
      /// The mean over seeds of max |Q − Q*| after every `every` episodes.
      func run(_ mdp: MDP, _ qStar: [[Double]], epsilon: Double, alpha: Double) -> (mean: [Double], finals: [Double]) {
        var mean = [Double](repeating: 0, count: checkpoints)
        var finals: [Double] = []
        let starts = (0..<mdp.stateCount).filter { !mdp.isTerminal($0) }
        for seed in 0..<Self.tabularSeeds {
          var generator = cell.generator("\(mdp.name) ε \(epsilon) α \(alpha) seed \(seed)")
          var q = [[Double]](repeating: [0, 0, 0, 0], count: mdp.stateCount)
          for e in 1...Self.tabularEpisodes {
            // Exploring starts: each episode begins in a random non-terminal state.
            let start = starts[generator.nextInt(in: 0..<starts.count)]
            mdp.episode(
              .qLearning, &q, start: start, epsilon: epsilon, alpha: alpha, maximumSteps: 100, using: &generator)
            if e % every == 0 { mean[e / every - 1] += largestError(q, qStar, mdp) / Double(Self.tabularSeeds) }
          }
          finals.append(largestError(q, qStar, mdp))
        }
        return (mean, finals)
      }
      cell.line("No transition table now: the learner only sees (s, a, r, s′), one step at a time, and moves Q(s, a)")
      cell.line("a fraction α towards the target r + γ max_{a′} Q(s′, a′). Behaviour: ε-greedy (a random action with")
      cell.line("probability ε, else the best). Q₀ = 0; each episode starts in a random non-terminal state and lasts")
      cell.line(
        "at most 100 steps. \(Self.tabularEpisodes) episodes, \(Self.tabularSeeds) seeds per setting; max |Q − Q*| over all (s, a) at the end:"
      )
      var rows: [[TableEntry]] = []
      var curves: [LineChart.Series] = []
      let deterministic = run(facts.deterministic, facts.qDeterministic, epsilon: 0.5, alpha: 1)
      rows.append(["deterministic", 0.5, 1.0] + summary(deterministic.finals))
      curves.append(series("deterministic, α = 1", deterministic.mean, every))
      var slipperyMeans: [Double] = []
      for epsilon in [0.1, 0.5, 1.0] {
        for alpha in [0.02, 0.1, 0.5] {
          let slippery = run(facts.slippery, facts.qSlippery, epsilon: epsilon, alpha: alpha)
          rows.append(["slippery", epsilon, alpha] + summary(slippery.finals))
          slipperyMeans.append(slippery.finals.reduce(0, +) / Double(slippery.finals.count))
          if epsilon == 0.5 {
            curves.append(series("slippery, α = \(Format.number(alpha))", slippery.mean, every))
          }
        }
      }
      cell.table(["grid", "ε", "α", "mean", "smallest", "largest"], rows, digits: 3)
      try cell.figure(
        LineChart(
          name: "q-learning-error",
          title: "Tabular Q-learning, ε = 0.5: max |Q − Q*|, mean of 5 seeds (0 drawn at 1e-16)", xLabel: "episode",
          yLabel: "max |Q − Q*|", series: curves, logY: true))
      result = TabularFacts(
        deterministicError: deterministic.finals.max()!, slipperyBest: slipperyMeans.min()!)
      notebook.result("q_learning_final_errors", rows.map { $0[3] as! Double })
    }
    return result
  }

  /// Mean, smallest and largest of a list, as table entries.
  func summary(_ values: [Double]) -> [TableEntry] {
    [values.reduce(0, +) / Double(values.count), values.min()!, values.max()!]
  }

  func series(_ label: String, _ values: [Double], _ every: Int) -> LineChart.Series {
    // Exact zeros (the deterministic grid, learned exactly) cannot sit on a log axis.
    LineChart.Series(label, x: values.indices.map { Double(($0 + 1) * every) }, y: values.map { Swift.max($0, 1e-16) })
  }

  /// Returns the greedy path lengths of SARSA and of Q-learning, one per seed (−1: no path to the goal).
  func cliffCell(_ notebook: Notebook) throws -> (sarsa: [Int], qLearning: [Int]) {
    var found: [TDMethod: [Int]] = [:]
    try notebook.cell("cliff", "The cliff walk: SARSA's safe path against Q-learning's optimal one") { cell in
      let cliff = MDP.cliffWalk()
      let (seeds, episodes, epsilon, alpha) = (10, 500, 0.1, 0.5)
      var returns: [TDMethod: [Double]] = [
        .qLearning: .init(repeating: 0, count: episodes), .sarsa: .init(repeating: 0, count: episodes),
      ]
      var rows: [[TableEntry]] = []
      var examplePaths: [LabelledPoints] = []
      for method in [TDMethod.sarsa, .qLearning] {
        var lengths: [Int] = []
        var lastHundred: [Double] = []
        for seed in 0..<seeds {
          var generator = cell.generator("\(method.rawValue) seed \(seed)")
          var q = [[Double]](repeating: [0, 0, 0, 0], count: cliff.stateCount)
          var mine: [Double] = []
          for e in 0..<episodes {
            let total = cliff.episode(
              method, &q, start: cliff.start, epsilon: epsilon, alpha: alpha, maximumSteps: 100_000, using: &generator)
            returns[method]![e] += total / Double(seeds)
            mine.append(total)
          }
          lastHundred.append(mine.suffix(100).reduce(0, +) / 100)
          let path = cliff.greedyPath(q)
          lengths.append(path.ends ? path.states.count - 1 : -1)
          if seed == 0 {
            examplePaths.append(
              LabelledPoints(
                "\(method.rawValue), greedy (seed 0)",
                points: path.states.map { (Double(cliff.cells[$0].column), Double(cliff.cells[$0].row)) }))
          }
        }
        let histogram = Dictionary(grouping: lengths, by: { $0 }).sorted { $0.key < $1.key }
          .map { "\($0.value.count)× \($0.key)" }.joined(separator: ", ")
        found[method] = lengths
        rows.append(
          [
            method.rawValue, lastHundred.reduce(0, +) / Double(seeds), lastHundred.min()!, lastHundred.max()!,
            histogram,
          ])
        notebook.result("cliff_\(method == .sarsa ? "sarsa" : "q_learning")_greedy_lengths", lengths.map(Double.init))
        notebook.result("cliff_\(method == .sarsa ? "sarsa" : "q_learning")_last_100_returns", lastHundred)
      }
      cell.line("4×12 grid, start bottom left, goal bottom right, the 10 cells between them a cliff (−100, back to the")
      cell.line(
        "start); every other move −1; γ = 1. ε = \(Format.number(epsilon)), α = \(Format.number(alpha)), \(episodes) episodes, \(seeds) seeds. The shortest path, along the cliff, takes 13 moves."
      )
      cell.table(
        ["method", "mean return, episodes 401–500", "worst seed", "best seed", "greedy path length: seeds × moves"],
        rows, digits: 4)
      let values = (0..<cliff.stateCount).map { s -> Double in
        let (r, c) = (cliff.cells[s].row, cliff.cells[s].column)
        return r == 3 && c > 0 && c < cliff.columns - 1 ? -100 : -1
      }
      try cell.figure(
        GridFigure(
          name: "cliff-paths", title: "The cliff (dark): greedy paths after 500 episodes, seed 0", mdp: cliff,
          values: values, arrows: [], paths: examplePaths, colorBox: false))
      let window = 10
      func smoothed(_ x: [Double]) -> [Double] {
        x.indices.map { i in
          x[Swift.max(0, i - window + 1)...i].reduce(0, +) / Double(i - Swift.max(0, i - window + 1) + 1)
        }
      }
      try cell.figure(
        LineChart(
          name: "cliff-returns",
          title: "Return per episode while learning (ε = 0.1), mean of 10 seeds, 10-episode average",
          xLabel: "episode", yLabel: "sum of rewards",
          series: [TDMethod.sarsa, .qLearning].map { m in
            LineChart.Series(m.rawValue, x: (1...episodes).map(Double.init), y: smoothed(returns[m]!))
          }))
    }
    return (found[.sarsa]!, found[.qLearning]!)
  }
}
