// Exercise12_3.swift — chapter 12: one step of tabular Q-learning.

/// Exercise 12.3 — one Q-learning update.
///
/// The agent took action `action` in state `state`, received `reward` and landed in `nextState`;
/// `nextState` is −1 when the step ended the episode (nothing follows, so nothing is bootstrapped).
/// Return the table `q` with the one entry changed:
///
/// ```
/// target = reward                                       (nextState = −1)
/// target = reward + γ · max_a′ q[nextState][a′]          (otherwise)
/// q[state][action] ← q[state][action] + α · (target − q[state][action])
/// ```
public func qLearningUpdate(
  q: [[Double]], state: Int, action: Int, reward: Double, nextState: Int, alpha: Double, gamma: Double
) throws -> [[Double]] {
  // BEGIN SOLUTION
  var updated = q
  let target = nextState < 0 ? reward : reward + gamma * q[nextState].max()!
  updated[state][action] += alpha * (target - q[state][action])
  return updated
  // END SOLUTION
}
