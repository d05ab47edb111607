// Bellman.swift — the grid world as an MDP; a policy, its state values V^π and action values Q^π;
// policy evaluation and value iteration as fixed-point iterations that contract by γ; Q* and the
// greedy policy read from it.

import Autograd
import Foundation
import Notebook
import Plot

/// What the dynamic-programming cells computed, for the later cells and the source checks.
struct BellmanFacts {
  let deterministic: MDP
  let slippery: MDP
  /// Q* of each world.
  let qDeterministic: [[Double]]
  let qSlippery: [[Double]]
  let vSlippery: [Double]
  /// Q^π of the uniform random policy on the slippery grid.
  let qUniform: [[Double]]
}

extension Rewards {
  /// The grid drawn as text, one cell per entry of `text` (a state's), walls as "▓▓".
  func gridLines(_ mdp: MDP, _ text: (Int) -> String) -> [String] {
    var cells = [[String]](repeating: [String](repeating: "▓▓", count: mdp.columns), count: mdp.rows)
    for (s, cell) in mdp.cells.enumerated() { cells[cell.row][cell.column] = text(s) }
    let width = cells.joined().map(\.count).max()!
    return cells.map { row in
      "  " + row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: "  ")
    }
  }

  /// The name of a grid-world cell that ends the episode, or nil.
  func terminalName(_ mdp: MDP, _ s: Int) -> String? {
    guard mdp.isTerminal(s) else { return nil }
    return mdp.cells[s].row == 0 && mdp.cells[s].column == 3 ? "goal" : "pit"
  }

  func mdpCell(_ notebook: Notebook) {
    notebook.cell("mdp", "The Markov decision process: a grid with a wall, a goal and a pit") { cell in
      let world = MDP.gridWorld(slip: 0.1)
      cell.line(
        "states: the \(world.stateCount) free cells of a 3×4 grid (▓▓ is a wall); S the start, +1 the goal, −1 the pit:"
      )
      cell.lines(
        gridLines(world) { s in
          s == world.start
            ? "S" : (terminalName(world, s) == "goal" ? "+1" : (terminalName(world, s) == "pit" ? "−1" : "·"))
        })
      cell.line("actions: ↑ → ↓ ←. Transitions: deterministic (the move happens), or slippery (the move happens with")
      cell.line("probability 0.8 and goes sideways, to either perpendicular side, with 0.1 each); a move into the wall")
      cell.line("or the edge leaves the walker where it is.")
      cell.line("rewards: +1 on entering the goal, −1 on entering the pit (both end the episode), −0.04 for any")
      cell.line("other move. Discount γ = \(Format.number(world.gamma)): a reward k steps ahead counts γᵏ.")
      let s = world.start
      cell.line("p(s′, r | S, ↑) on the slippery grid, from the start S (row 2, column 0):")
      for outcome in world.outcomes[s][0] {
        let (r, c) = world.cells[outcome.next]
        cell.line(
          "  s′ = (\(r), \(c)) with probability \(Format.number(outcome.probability)), r = \(Format.number(outcome.reward))"
        )
      }
    }
  }

  func policyCell(_ notebook: Notebook) -> [[Double]] {
    var qUniform: [[Double]] = []
    notebook.cell("policy", "A policy π(a | s), its state values V^π and its action values Q^π") { cell in
      let world = MDP.gridWorld(slip: 0.1)
      // The uniform random policy: every action with probability 1/4 in every state.
      let policy = [[Double]](repeating: [0.25, 0.25, 0.25, 0.25], count: world.stateCount)
      let V = world.evaluate(policy).values
      qUniform = world.actionValues(V)
      cell.line("A policy is a probability distribution over actions in each state: π(a | s) ≥ 0, Σ_a π(a | s) = 1.")
      cell.line("Here, the uniform random policy on the slippery grid, π(a | s) = 0.25 for each of ↑ → ↓ ←.")
      cell.line("Its state value V^π(s) = E_π[r₁ + γ r₂ + γ² r₃ + … | s₀ = s], the expected discounted return:")
      cell.lines(gridLines(world) { terminalName(world, $0) ?? Format.number(V[$0], digits: 4) })
      cell.line(
        "Its action value Q^π(s, a): take a first, then follow π. Q^π(s, a) = Σ p(s′, r | s, a)(r + γ V^π(s′)):")
      cell.table(
        [
          "state (row, column)", "π(↑|s)", "π(→|s)", "π(↓|s)", "π(←|s)", "Q^π(s,↑)", "Q^π(s,→)", "Q^π(s,↓)", "Q^π(s,←)",
        ],
        (0..<world.stateCount).filter { !world.isTerminal($0) }.map { s in
          ["(\(world.cells[s].row), \(world.cells[s].column))" as TableEntry] + policy[s].map { $0 as TableEntry }
            + qUniform[s].map { $0 as TableEntry }
        }, digits: 4)
      let consistent = (0..<world.stateCount).map { s in
        Swift.abs((0..<4).reduce(0) { $0 + policy[s][$1] * qUniform[s][$1] } - V[s])
      }.max()!
      cell.line(
        "V^π(s) = Σ_a π(a | s) Q^π(s, a) in every state: largest difference \(Format.within(consistent, 1e-12)).")
      cell.line("The two are different kinds of function: π(a | s) is a probability, which chooses; Q^π(s, a) is an")
      let entries = (0..<world.stateCount).filter { !world.isTerminal($0) }.flatMap { qUniform[$0] }
      cell.line(
        "expected return, which scores, in reward units (negative in \(entries.filter { $0 < 0 }.count) of the \(entries.count) entries above). Q does not choose by"
      )
      cell.line(
        "itself; the greedy policy π(s) = argmax_a Q(s, a) is read from it. Article 003 calls q(s, a) the policy.")
      notebook.result("uniform_policy_values", V)
    }
    return qUniform
  }

  func bellmanCell(_ notebook: Notebook, qUniform: [[Double]]) throws -> BellmanFacts {
    let deterministic = MDP.gridWorld(slip: 0)
    let slippery = MDP.gridWorld(slip: 0.1)
    var facts: BellmanFacts? = nil
    try notebook.cell("bellman", "The Bellman equations as fixed points, and their contraction by γ") { cell in
      let uniform = [[Double]](repeating: [0.25, 0.25, 0.25, 0.25], count: slippery.stateCount)
      let runs: [(String, Sweeps)] = [
        ("policy evaluation, uniform π, slippery", slippery.evaluate(uniform)),
        ("value iteration, deterministic", deterministic.valueIteration()),
        ("value iteration, slippery", slippery.valueIteration()),
      ]
      cell.line(
        "Policy evaluation iterates V ← T^π V, T^π V(s) = Σ_a π(a|s) Σ p(s′, r|s, a)(r + γ V(s′)); value iteration")
      cell.line("iterates V ← T* V, T* V(s) = max_a Σ p(s′, r|s, a)(r + γ V(s′)). Both maps shrink distances by γ:")
      cell.line("‖T V − T U‖∞ ≤ γ‖V − U‖∞, so the residual ‖V_{k+1} − V_k‖∞ shrinks by a factor of at least γ = 0.9 per sweep, and")
      cell.line(
        "the one fixed point is V^π (resp. V*). All states updated at once from V₀ = 0, until the residual ≤ 1e-12:")
      cell.table(
        [
          "iteration", "sweeps", "residual 1", "residual 2", "residual 5", "last residual", "largest ratio r_{k+1}/r_k",
        ],
        runs.map { name, sweeps in
          let r = sweeps.residuals
          let ratios = zip(r.dropFirst(), r).filter { $0.1 > 1e-9 }.map { $0.0 / $0.1 }
          // "—" past the last sweep: the iteration had stopped.
          let at = { (k: Int) -> TableEntry in k <= r.count ? r[k - 1] : "—" }
          return [name, r.count, at(1), at(2), at(5), r.last!, ratios.max() ?? 0]
        }, digits: 4)
      cell.line("(ratios taken while the residual is above 1e-9, where rounding cannot move them.) Deterministic")
      cell.line("value iteration stops after a few sweeps, its last residual exactly 0: no sweep changes V any more.")
      let slipperyResiduals = runs[2].1.residuals
      cell.line("Value iteration on the slippery grid, sweep by sweep (the first 12):")
      cell.table(
        ["sweep k", "residual r_k", "r_k / r_{k−1}", "γᵏ"],
        (1...12).map { k -> [TableEntry] in
          let r = slipperyResiduals
          let ratio: TableEntry = k == 1 ? "—" : r[k - 1] / r[k - 2]
          let power: Double = (0..<k).reduce(1.0) { p, _ in p * 0.9 }
          return [k, r[k - 1], ratio, power]
        }, digits: 4)
      let sweepCount = runs.map { $0.1.residuals.count }.max()!
      try cell.figure(
        LineChart(
          name: "bellman-residual", title: "Bellman residual ‖V_{k+1} − V_k‖∞ per sweep (0 drawn at 1e-16)",
          xLabel: "sweep k", yLabel: "residual",
          series: zip(["evaluation, uniform π", "VI, deterministic", "VI, slippery"], runs).map { label, run in
            let sweeps = run.1
            return LineChart.Series(
              label, x: sweeps.residuals.indices.map { Double($0 + 1) },
              y: sweeps.residuals.map { Swift.max($0, 1e-16) })
          } + [
            LineChart.Series(
              "γᵏ", x: (1...sweepCount).map(Double.init),
              y: (1...sweepCount).map { k in (0..<k).reduce(1.0) { r, _ in r * 0.9 } }, dashed: true)
          ], logY: true))

      let vStar = runs[2].1.values
      let qStar = slippery.actionValues(vStar)
      let qDeterministic = deterministic.actionValues(runs[1].1.values)
      cell.line("V* on the slippery grid:")
      cell.lines(gridLines(slippery) { terminalName(slippery, $0) ?? Format.number(vStar[$0], digits: 4) })
      cell.line("Q*(s, a) = Σ p(s′, r | s, a)(r + γ V*(s′)), and the greedy policy argmax_a Q*(s, a):")
      cell.table(
        ["state", "Q*(s,↑)", "Q*(s,→)", "Q*(s,↓)", "Q*(s,←)", "greedy"],
        (0..<slippery.stateCount).filter { !slippery.isTerminal($0) }.map { s in
          ["(\(slippery.cells[s].row), \(slippery.cells[s].column))" as TableEntry] + qStar[s].map { $0 as TableEntry }
            + [MDP.actions[greedy(qStar[s])] as TableEntry]
        }, digits: 4)
      let greedyPolicy = (0..<slippery.stateCount).map { greedy(qStar[$0]) }
      cell.line("The greedy policy, slippery and deterministic:")
      let deterministicPolicy = (0..<deterministic.stateCount).map { greedy(qDeterministic[$0]) }
      let left = gridLines(slippery) { terminalName(slippery, $0) ?? MDP.actions[greedyPolicy[$0]] }
      let right = gridLines(deterministic) { terminalName(deterministic, $0) ?? MDP.actions[deterministicPolicy[$0]] }
      cell.lines(zip(left, right).map { "\($0)        \($1)" })
      let choosing = (0..<slippery.stateCount).filter { terminalName(slippery, $0) == nil }
      let differing = choosing.filter { greedyPolicy[$0] != deterministicPolicy[$0] }.count
      let tied = choosing.filter { s in qDeterministic[s].filter { $0 == qDeterministic[s].max()! }.count > 1 }.count
      cell.line(
        "The two policies differ in \(differing) of the \(choosing.count) states with a choice (with γ = 0.9 and −0.04 per"
          + " move);")
      cell.line(
        "on the deterministic grid \(tied) of them \(tied == 1 ? "has" : "have") two equally good moves, and the first in the order ↑ → ↓ ← is"
          + " shown.")
      let besidePit = slippery.state(row: 1, column: 2)!
      let (up, back) = (qStar[besidePit][0], qStar[besidePit][3])
      cell.line(
        "At (1, 2), beside the pit, ↑ risks a slip → into it (probability 0.1) and is still the better bet than ←:")
      cell.line("Q*(s, ↑) = \(Format.number(up, digits: 4)) against Q*(s, ←) = \(Format.number(back, digits: 4)).")
      // Its value is V*: evaluating the greedy policy gives back the fixed point.
      let deterministicGreedy = greedyPolicy.map { a in (0..<4).map { $0 == a ? 1.0 : 0.0 } }
      let vGreedy = slippery.evaluate(deterministicGreedy).values
      let gap = zip(vGreedy, vStar).map { Swift.abs($0 - $1) }.max()!
      cell.line(
        "Policy evaluation of that greedy policy returns V*: largest |V^greedy − V*| \(Format.within(gap, 1e-9)).")
      try cell.figure(
        GridFigure(
          name: "value-policy", title: "V* of the slippery grid and the greedy policy read from Q*", mdp: slippery,
          values: vStar, arrows: greedyPolicy, paths: [],
          labels: (0..<slippery.stateCount).compactMap { s in terminalName(slippery, s).map { (s, $0) } }))
      notebook.result("value_iteration_sweeps", runs.map { Double($0.1.residuals.count) })
      notebook.result("v_star_slippery", vStar)
      facts = BellmanFacts(
        deterministic: deterministic, slippery: slippery, qDeterministic: qDeterministic, qSlippery: qStar,
        vSlippery: vStar, qUniform: qUniform)
    }
    return facts!
  }
}
