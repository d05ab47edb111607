// Exercise12_4.swift — chapter 12: the discounted return of every step of an episode.

/// Exercise 12.4 — discounted returns.
///
/// `rewards[t]` is the reward received after step t of an episode that ends after the last one.
/// Return G_t for every t, the discounted sum of the rewards from t on:
///
/// ```
/// G_t = rewards[t] + γ · rewards[t + 1] + γ² · rewards[t + 2] + …  =  rewards[t] + γ · G_{t+1}
/// ```
/// (an empty episode has no returns). Hint: the second form, from the end backwards, takes one pass.
public func discountedReturns(rewards: [Double], gamma: Double) throws -> [Double] {
  // BEGIN SOLUTION
  var returns = [Double](repeating: 0, count: rewards.count)
  var following = 0.0
  for t in rewards.indices.reversed() {
    following = rewards[t] + gamma * following
    returns[t] = following
  }
  return returns
  // END SOLUTION
}
