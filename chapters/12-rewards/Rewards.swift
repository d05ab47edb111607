// 12-rewards — learning from rewards: a grid world as a Markov decision process, the Bellman
// equations as fixed points (policy evaluation, value iteration), tabular Q-learning and SARSA,
// and a DQN on the cart-pole with Autograd; then article 003's reinforcement-learning lines
// against all of it.
//
// Every matrix product here is tiny (at most 32 × 32 × 32 multiply-adds) and computed in
// Autograd's fixed order (the limit is raised at the start of the lesson), so the numbers are the
// same under every BLAS kernel.

import ArgumentParser
import Autograd
import Foundation
import Notebook

@main
struct Rewards: ChapterCommand {
  static let configuration = CommandConfiguration(
    commandName: "12-rewards",
    abstract: "MDPs, the Bellman equations, value iteration, Q-learning, SARSA and a DQN on the cart-pole.")
  static let defaultSeed: UInt64 = 12
  @OptionGroup var options: ChapterOptions

  func lesson(_ notebook: Notebook) throws {
    fixedOrderProductLimit = .max  // every product in one order: the same bits on every CPU
    mdpCell(notebook)
    let qUniform = policyCell(notebook)
    let bellman = try bellmanCell(notebook, qUniform: qUniform)
    let tabular = try qLearningCell(notebook, bellman)
    let cliff = try cliffCell(notebook)
    try cartPoleCell(notebook)
    let dqn = try dqnCell(notebook)
    sourceChecks(notebook, SourceFacts(bellman: bellman, tabular: tabular, cliff: cliff, dqn: dqn))
    // The promise of the first lines is kept by ChapterCommand: it stops if any product went to
    // OpenBLAS or the tiled kernel.
  }
}
