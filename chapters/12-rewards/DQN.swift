// DQN.swift — a deep Q-network (Mnih et al. 2015) on the cart-pole, with Autograd: an MLP for
// Q(s, ·), an experience replay buffer, a target network, ε decay and the Huber loss.
//
// B batch (32), 4 state numbers, 2 actions.

import Autograd
import Foundation
import Notebook
import Plot

/// The last `capacity` transitions (s, a, r, s′, done), overwritten oldest first.
struct ReplayBuffer {
  let capacity: Int
  private(set) var states: [[Double]] = []
  private(set) var actions: [Int] = []
  private(set) var rewards: [Double] = []
  private(set) var nextStates: [[Double]] = []
  /// 1 when s′ ended the episode by failure (no value after it), 0 otherwise, a cut at the step
  /// limit included: the pole was still up, so its value is bootstrapped.
  private(set) var failures: [Double] = []
  private var next = 0

  init(capacity: Int) { self.capacity = capacity }

  var count: Int { states.count }

  mutating func add(_ s: [Double], _ a: Int, _ r: Double, _ sNext: [Double], failed: Bool) {
    if count < capacity {
      states.append(s)
      actions.append(a)
      rewards.append(r)
      nextStates.append(sNext)
      failures.append(failed ? 1 : 0)
    } else {
      (states[next], actions[next], rewards[next], nextStates[next], failures[next]) = (s, a, r, sNext, failed ? 1 : 0)
    }
    next = (next + 1) % capacity
  }
}

/// The settings of one DQN run.
struct DQNSettings {
  var hidden = 32
  var gamma = 0.99
  var learningRate = 1e-3
  var batch = 32
  var capacity = 10_000
  /// Random actions only, and no learning, for the first steps: the buffer fills first.
  var warmUp = 500
  /// ε falls linearly from 1 to `finalEpsilon` over `decaySteps` steps.
  var finalEpsilon = 0.05
  var decaySteps = 5_000
  /// The target network copies the online one every `targetEvery` steps.
  var targetEvery = 200
  /// Environment steps of one run.
  var steps = 20_000

  func epsilon(_ step: Int) -> Double {
    Swift.max(finalEpsilon, 1 - (1 - finalEpsilon) * Double(step) / Double(decaySteps))
  }
}

/// One run: the return of each training episode, its mean |TD error|, and the greedy evaluation.
struct DQNRun {
  var returns: [Double] = []
  var tdErrors: [Double] = []
  var evaluation: [Double] = []
  var losses: [Double] = []
}

/// The greedy action of a Q-network for one state (the first of equal values).
func greedyAction(_ network: MLP, _ state: [Double]) -> Int {
  let q = withoutGradient { network(Tensor(state)) }.scalars  // [2]
  return q[1] > q[0] ? 1 : 0
}

/// Trains a DQN on the cart-pole for `settings.steps` steps, then plays `evaluations` episodes greedily.
func trainDQN(_ settings: DQNSettings, evaluations: Int, using generator: inout SeededGenerator) -> DQNRun {
  let online = MLP(sizes: [4, settings.hidden, settings.hidden, 2], activation: .relu, using: &generator)
  let target = MLP(sizes: [4, settings.hidden, settings.hidden, 2], activation: .relu, using: &generator)
  func synchronize() { for (t, o) in zip(target.parameters, online.parameters) { t.scalars = o.scalars } }
  synchronize()
  let optimizer = Adam(parameters: online.parameters, learningRate: settings.learningRate)
  var buffer = ReplayBuffer(capacity: settings.capacity)
  var run = DQNRun()
  var pole = CartPole(using: &generator)
  var (episodeReturn, episodeErrors) = (0.0, [Double]())
  for step in 0..<settings.steps {
    let epsilon = step < settings.warmUp ? 1 : settings.epsilon(step - settings.warmUp)
    let action = generator.nextUnit() < epsilon ? generator.nextInt(in: 0..<2) : greedyAction(online, pole.state)
    let s = pole.state
    let (reward, failed, truncated) = pole.step(action)
    buffer.add(s, action, reward, pole.state, failed: failed)
    episodeReturn += reward

    if step >= settings.warmUp {
      let picks = (0..<settings.batch).map { _ in generator.nextInt(in: 0..<buffer.count) }
      let states = Tensor(shape: [settings.batch, 4], scalars: picks.flatMap { buffer.states[$0] })  // [B, 4]
      let nextStates = Tensor(shape: [settings.batch, 4], scalars: picks.flatMap { buffer.nextStates[$0] })  // [B, 4]
      // The TD target y = r + γ (1 − failed) max_{a′} Q_target(s′, a′), held fixed: no gradient flows into it.
      let nextQ = withoutGradient { target(nextStates) }.rows  // [B][2]
      let y = picks.indices.map { i -> Double in
        let (r, failed) = (buffer.rewards[picks[i]], buffer.failures[picks[i]])
        return r + settings.gamma * (1 - failed) * nextQ[i].max()!
      }
      let taken = Tensor.oneHot(picks.map { buffer.actions[$0] }, classes: 2)  // [B, 2]
      var predicted: [Double] = []
      let loss = optimizer.step {
        let q = (online(states) * taken).sum(axis: 1)  // [B]: Q(s, a) of the action taken
        predicted = q.scalars
        return huberLoss(predicted: q, expected: Tensor(y))
      }
      run.losses.append(loss)
      let absoluteErrors = zip(y, predicted).map { Swift.abs($0 - $1) }
      episodeErrors.append(absoluteErrors.reduce(0, +) / Double(settings.batch))
      if (step - settings.warmUp + 1) % settings.targetEvery == 0 { synchronize() }
    }

    if failed || truncated {
      run.returns.append(episodeReturn)
      run.tdErrors.append(episodeErrors.isEmpty ? .nan : episodeErrors.reduce(0, +) / Double(episodeErrors.count))
      (episodeReturn, episodeErrors) = (0, [])
      pole = CartPole(using: &generator)
    }
  }
  for _ in 0..<evaluations {
    var pole = CartPole(using: &generator)
    var result = pole.step(greedyAction(online, pole.state))
    while !result.failed && !result.truncated { result = pole.step(greedyAction(online, pole.state)) }
    run.evaluation.append(Double(pole.steps))
  }
  return run
}

/// The largest mean of 100 consecutive values (of all of them, if fewer).
func bestHundred(_ x: [Double]) -> Double {
  guard x.count > 100 else { return x.reduce(0, +) / Double(x.count) }
  return (0...(x.count - 100)).map { x[$0..<($0 + 100)].reduce(0, +) / 100 }.max()!
}

/// The mean of the last `window` values up to each point (fewer at the start).
func movingAverage(_ x: [Double], window: Int) -> [Double] {
  x.indices.map { i in
    let from = Swift.max(0, i - window + 1)
    return x[from...i].reduce(0, +) / Double(i - from + 1)
  }
}

extension Rewards {
  static let dqnSeeds = 5

  func dqnCell(_ notebook: Notebook) throws -> [DQNRun] {
    var runs: [DQNRun] = []
    try notebook.cell("dqn", "A DQN on the cart-pole, with Autograd: replay, target network, Huber loss") { cell in
      let settings = DQNSettings()
      cell.line(
        "Q(s, ·) is an MLP 4 → \(settings.hidden) → \(settings.hidden) → 2 (ReLU), trained by Adam (η = \(Format.number(settings.learningRate)))"
      )
      cell.line(
        "on the Huber loss between Q(s, a) and y = r + γ (1 − failed) max_{a′} Q_target(s′, a′), γ = \(Format.number(settings.gamma)),"
      )
      cell.line(
        "on batches of \(settings.batch) transitions drawn from the last \(settings.capacity) (experience replay). The target network"
      )
      cell.line(
        "is a copy of Q refreshed every \(settings.targetEvery) steps, so the target does not move with every update.")
      cell.line(
        "ε-greedy: random actions for the first \(settings.warmUp) steps (no learning yet), then ε falls from 1 to")
      cell.line(
        "\(Format.number(settings.finalEpsilon)) over \(settings.decaySteps) steps. A cut at \(CartPole.stepLimit) steps is not a failure: its s′ is bootstrapped."
      )
      cell.line(
        "\(settings.steps) environment steps per run, \(Self.dqnSeeds) seeds; then 20 episodes with the greedy policy (ε = 0):"
      )
      var generator = cell.generator("random policy")
      var randomReturns: [Double] = []
      for _ in 0..<100 {
        var pole = CartPole(using: &generator)
        while true {
          let r = pole.step(generator.nextInt(in: 0..<2))
          if r.failed || r.truncated { break }
        }
        randomReturns.append(Double(pole.steps))
      }
      var rows: [[TableEntry]] = []
      for seed in 0..<Self.dqnSeeds {
        var generator = cell.generator("seed \(seed)")
        let run = trainDQN(settings, evaluations: 20, using: &generator)
        runs.append(run)
        let last20 = run.returns.suffix(20)
        rows.append([
          seed, run.returns.count, last20.reduce(0, +) / Double(last20.count),
          movingAverage(run.returns, window: 20).max()!, bestHundred(run.returns), run.evaluation.reduce(0, +) / 20,
          run.evaluation.min()!,
          Double(run.evaluation.filter { $0 == Double(CartPole.stepLimit) }.count),
        ])
      }
      cell.table(
        [
          "seed", "episodes", "mean return, last 20", "best 20-episode mean", "best 100-episode mean",
          "greedy: mean of 20", "greedy: worst", "greedy: at 200",
        ],
        rows, digits: 4)
      let hundreds = runs.map { bestHundred($0.returns) }
      cell.line(
        "CartPole-v0 counts a mean of 195 over 100 consecutive episodes as solved; the best 100-episode means of"
      )
      cell.line(
        "these runs' training episodes lie between \(Format.number(hundreds.min()!, digits: 4)) and \(Format.number(hundreds.max()!, digits: 4)): \(hundreds.filter { $0 >= 195 }.count) of \(Self.dqnSeeds) runs reach it."
      )
      cell.line(
        "For scale: the random policy lasts \(Format.number(randomReturns.reduce(0, +) / 100, digits: 4)) steps on average (100 episodes); the cap is \(CartPole.stepLimit)."
      )
      try cell.figure(
        LineChart(
          name: "dqn-returns", title: "DQN on the cart-pole: return per episode, and its 20-episode mean",
          xLabel: "episode", yLabel: "return (steps survived)",
          series: [
            LineChart.Series(
              "seed 0, each episode", x: runs[0].returns.indices.map { Double($0 + 1) }, y: runs[0].returns,
              points: true)
          ]
            + runs.enumerated().map { seed, run in
              LineChart.Series(
                "seed \(seed), 20-episode mean", x: run.returns.indices.map { Double($0 + 1) },
                y: movingAverage(run.returns, window: 20))
            }))
      try cell.figure(
        LineChart(
          name: "dqn-td-error", title: "DQN: mean |y − Q(s, a)| over each episode's training batches",
          xLabel: "episode", yLabel: "mean |TD error|",
          series: runs.enumerated().map { seed, run in
            let kept = run.tdErrors.indices.filter { run.tdErrors[$0].isFinite }
            return LineChart.Series("seed \(seed)", x: kept.map { Double($0 + 1) }, y: kept.map { run.tdErrors[$0] })
          }, logY: true))
      notebook.result("dqn_greedy_means", runs.map { $0.evaluation.reduce(0, +) / 20 })
      notebook.result("dqn_last_20_means", runs.map { Array($0.returns.suffix(20)).reduce(0, +) / 20 })
      notebook.result("random_policy_mean", randomReturns.reduce(0, +) / 100)
    }
    return runs
  }
}
