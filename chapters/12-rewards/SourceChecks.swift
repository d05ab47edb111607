// SourceChecks.swift — article 003's lines on reinforcement learning (L78–86) against what this
// chapter computed.

import Autograd
import Foundation
import Notebook

/// What the chapter's cells computed, for the checks.
struct SourceFacts {
  let bellman: BellmanFacts
  let tabular: TabularFacts
  let cliff: (sarsa: [Int], qLearning: [Int])
  let dqn: [DQNRun]
}

extension Rewards {
  func sourceChecks(_ notebook: Notebook, _ facts: SourceFacts) {
    notebook.cell("source-bellman", "Article 003's reinforcement learning (L78–86), against the runs above") { cell in
      let b = facts.bellman
      // L80: a policy is a distribution over actions; a q(s, a) table is not one.
      let q = b.qUniform.enumerated().filter { !b.slippery.isTerminal($0.offset) }.map(\.element)
      let smallest = q.joined().min()!
      let rowSumGap = q.map { Swift.abs($0.reduce(0, +) - 1) }.max()!
      let isDistribution = smallest >= 0 && rowSumGap <= 1e-9
      cell.check(
        SourceCheck(
          id: "003-policy-function", source: Article.a003,
          claim:
            "L78–80: agent, environment, states, actions and rewards; the agent 'optimizes the policy function q(s, a)' to maximize the long-run cumulative reward",
          stated: "q(s, a) is the policy", computed: [smallest, rowSumGap],
          verdict: isDistribution ? .ambiguous : .disagrees,
          note:
            "The five parts are those of an MDP (cell mdp), but q(s, a) is the action-value function, not the policy: a "
            + "policy π(a | s) is a probability over actions, and Q^π of the uniform policy (cell policy) has (as an illustration: no value function is a probability) entries down to "
            + "\(Format.number(smallest, digits: 4)) and rows whose sums miss 1 by up to \(Format.number(rowSumGap, digits: 4)) "
            + "(computed). The agent improves a policy; the greedy one is read from Q as argmax_a Q(s, a) (cell bellman)."
        ))

      // L82–84: Q(s, a) = r + γ max Q(s′, a′), with one r and one s′, on Q* of both grids.
      func sampleGap(_ mdp: MDP, _ qStar: [[Double]]) -> Double {
        (0..<mdp.stateCount).filter { !mdp.isTerminal($0) }.flatMap { s in
          (0..<4).flatMap { a in
            mdp.outcomes[s][a].map { o in Swift.abs(qStar[s][a] - (o.reward + mdp.gamma * qStar[o.next].max()!)) }
          }
        }.max()!
      }
      func expectationGap(_ mdp: MDP, _ qStar: [[Double]]) -> Double {
        (0..<mdp.stateCount).filter { !mdp.isTerminal($0) }.flatMap { s in
          (0..<4).map { a in
            Swift.abs(
              qStar[s][a]
                - mdp.outcomes[s][a].reduce(0) { $0 + $1.probability * ($1.reward + mdp.gamma * qStar[$1.next].max()!) }
            )
          }
        }.max()!
      }
      let deterministicGap = sampleGap(b.deterministic, b.qDeterministic)
      let slipperyGap = sampleGap(b.slippery, b.qSlippery)
      let expectation = expectationGap(b.slippery, b.qSlippery)
      cell.check(
        SourceCheck(
          id: "003-bellman-equation", source: Article.a003, claim: "L82–84: Q(s, a) = r + γ max_a Q(s′, a′)",
          stated: [Format.within(deterministicGap, 1e-9), Format.number(slipperyGap, digits: 4)],
          computed: Format.within(expectation, 1e-9), verdict: slipperyGap > 1e-6 ? .disagrees : .agrees,
          note:
            "Q* satisfies it only where one (r, s′) follows (s, a): on the deterministic grid (stated: the largest "
            + "|Q* − (r + γ max_{a′} Q*(s′, a′))| over every (s, a)), not on the slippery one (stated: up to "
            + "\(Format.number(slipperyGap, digits: 4)) for some outcome s′). The Bellman optimality equation takes the "
            + "expectation, Q*(s, a) = Σ_{s′,r} p(s′, r | s, a)(r + γ max_{a′} Q*(s′, a′)), which holds on both (computed, "
            + "slippery grid); and its max is over a′, where the article writes max_a."))

      let sarsa = facts.cliff.sarsa.filter { $0 > 0 }
      let qLearning = facts.cliff.qLearning.filter { $0 > 0 }
      let mean = { (x: [Int]) in x.isEmpty ? 0 : Double(x.reduce(0, +)) / Double(x.count) }
      cell.check(
        SourceCheck(
          id: "003-bellman-symbols", source: Article.a003,
          claim: "L86: r is the immediate reward, γ the discount factor, s′ the next state, a′ the next action",
          stated: "a′ the next action", computed: [mean(sarsa), mean(qLearning)], verdict: .ambiguous,
          note:
            "r, γ and s′ are right. If a′ is the next action taken, the right side is r + γ Q(s′, a′), SARSA's target, "
            + "whose fixed point is the value of the policy being followed, not Q*; under max_{a′} it ranges over every "
            + "action. They differ: on the cliff (cell cliff) SARSA's greedy paths take "
            + "\(Format.number(mean(sarsa), digits: 3)) moves on average and Q-learning's \(Format.number(mean(qLearning), digits: 3)) "
            + "(computed, over the seeds whose greedy path reaches the goal: \(sarsa.count) and \(qLearning.count) of "
            + "\(facts.cliff.sarsa.count))."))
    }
  }
}
