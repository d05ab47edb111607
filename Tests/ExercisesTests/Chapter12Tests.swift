// Chapter12Tests.swift — exercises 12.1–12.4.

import Exercises
import Foundation
import Testing

@Suite("Chapter 12 exercises", .exerciseStatus)
struct Chapter12Tests {
  @Test("Exercise 12.1: two deterministic actions [2 points]")
  func backup() throws {
    // Action 0 pays 1 and stays in state 0 (V = 2); action 1 pays 0 and goes to state 1 (V = 5).
    let value = try bellmanOptimalityBackup(
      probabilities: [[1], [1]], nextStates: [[0], [1]], rewards: [[1], [0]], values: [2, 5], gamma: 0.5)
    #expect(close(value, 2.5))  // max(1 + 0.5·2, 0 + 0.5·5) = max(2, 2.5)
  }

  @Test("Exercise 12.2: three states, one tie [2 points]")
  func greedy() throws {
    #expect(try greedyPolicy(q: [[0, 1, 0.5], [-1, -2, -3], [4, 4, 1]]) == [1, 0, 0])
  }

  @Test("Exercise 12.3: a step into a state with values [2 points]")
  func update() throws {
    let q = try qLearningUpdate(
      q: [[0, 0], [1, 3]], state: 0, action: 1, reward: 1, nextState: 1, alpha: 0.5, gamma: 0.9)
    // target = 1 + 0.9·3 = 3.7; Q(0, 1) = 0 + 0.5·3.7.
    #expect(close(q, [[0, 1.85], [1, 3]]))
  }

  @Test("Exercise 12.4: three rewards [2 points]")
  func returns() throws {
    #expect(close(try discountedReturns(rewards: [1, 0, 2], gamma: 0.5), [1.5, 1, 2]))
  }

  // BEGIN HIDDEN TESTS
  @Test("Exercise 12.1: four actions of one to three outcomes, and negative values [3 points]")
  func backupGeneral() throws {
    // Four actions with one to three outcomes each (the slippery grid's 0.8/0.1/0.1 among them),
    // values of both signs.
    let values = [0.3, -0.7, 0.55, 0.1]
    let probabilities = [[0.8, 0.1, 0.1], [0.8, 0.1, 0.1], [0.9, 0.1], [1.0]]
    let nextStates = [[1, 2, 0], [2, 1, 0], [0, 2], [3]]
    let rewards = [[-0.04, -0.04, -0.04], [-0.04, -0.04, 1.0], [-1.0, -0.04], [-0.04]]
    let expected = probabilities.indices.map { a in
      probabilities[a].indices.reduce(0.0) {
        $0 + probabilities[a][$1] * (rewards[a][$1] + 0.9 * values[nextStates[a][$1]])
      }
    }.max()!
    let value = try bellmanOptimalityBackup(
      probabilities: probabilities, nextStates: nextStates, rewards: rewards, values: values, gamma: 0.9)
    #expect(close(value, expected))
    // Every action worse than 0: the largest is still negative (not clamped at 0).
    let negative = try bellmanOptimalityBackup(
      probabilities: [[1], [1]], nextStates: [[0], [0]], rewards: [[-3], [-2]], values: [-1], gamma: 1)
    #expect(close(negative, -3))
  }

  @Test("Exercise 12.2: ties and negative rows [2 points]", arguments: [0, 1, 2])
  func greedyGeneral(_ shift: Int) throws {
    var row = [-5.0, -5.0, -5.0, -5.0]
    row[(shift + 1) % 4] = -1
    row[(shift + 3) % 4] = -1
    let first = min((shift + 1) % 4, (shift + 3) % 4)
    #expect(try greedyPolicy(q: [row, [0, 0, 0, 0], [1, 2, 3, 3]]) == [first, 0, 2], "shift \(shift)")
  }

  @Test("Exercise 12.3: a terminal step, and the rest of the table untouched [3 points]")
  func updateGeneral() throws {
    let q = [[0.5, -0.2, 1.0], [2.0, 3.0, -1.0], [7.0, 7.0, 7.0]]
    let ended = try qLearningUpdate(q: q, state: 0, action: 0, reward: 2, nextState: -1, alpha: 0.5, gamma: 0.9)
    try #require(hasShape(ended, 3, 3), "a 3×3 table")
    // No bootstrap: target = 2, Q(0, 0) = 0.5 + 0.5·(2 − 0.5) = 1.25.
    #expect(close(ended, [[1.25, -0.2, 1.0], [2.0, 3.0, -1.0], [7.0, 7.0, 7.0]]))
    let moved = try qLearningUpdate(q: q, state: 2, action: 0, reward: 0.5, nextState: 2, alpha: 0.1, gamma: 0.9)
    try #require(hasShape(moved, 3, 3), "a 3×3 table")
    // target = 0.5 + 0.9·7 = 6.8 (from the table before the update); Q(2, 0) = 7 + 0.1·(6.8 − 7) = 6.98.
    #expect(close(moved, [[0.5, -0.2, 1.0], [2.0, 3.0, -1.0], [6.98, 7.0, 7.0]]))
  }

  @Test("Exercise 12.4: γ = 1, γ = 0 and an empty episode [3 points]")
  func returnsGeneral() throws {
    let rewards = [-1.0, -1, -1, 10]
    #expect(close(try discountedReturns(rewards: rewards, gamma: 1), [7, 8, 9, 10]))
    #expect(close(try discountedReturns(rewards: rewards, gamma: 0), rewards))
    #expect(try discountedReturns(rewards: [], gamma: 0.9).isEmpty)
    let g = 0.99
    let long = (0..<50).map { Double($0 % 3) - 1 }
    let first = long.indices.reduce(0.0) { $0 + pow(g, Double($1)) * long[$1] }
    let returns = try discountedReturns(rewards: long, gamma: g)
    try #require(returns.count == 50, "one return per reward")
    #expect(close(returns[0], first, 1e-9))
  }
  // END HIDDEN TESTS
}
