// CartPole.swift — the cart-pole of Barto, Sutton and Anderson (1983), with the constants and the
// Euler step of Gym's CartPole (cartpole.py): a pole hinged on a cart, pushed left or right.

import Autograd
import Notebook

/// The cart-pole: state (x, ẋ, θ, θ̇), actions 0 (push left) and 1 (push right), reward 1 per step.
struct CartPole {
  static let gravity = 9.8
  static let cartMass = 1.0
  static let poleMass = 0.1
  static let totalMass = cartMass + poleMass
  /// Half the pole's length (Gym's `length`).
  static let halfLength = 0.5
  static let poleMassLength = poleMass * halfLength
  static let forceMagnitude = 10.0
  /// Seconds per step.
  static let tau = 0.02
  /// 12°, in radians, and the track's half-width.
  static let angleLimit = 12 * 2 * Double.pi / 360
  static let positionLimit = 2.4
  /// Episodes are cut after this many steps (CartPole-v0's limit).
  static let stepLimit = 200

  /// (x, ẋ, θ, θ̇): the cart's position and velocity, the pole's angle from upright and its rate.
  var state: [Double]
  var steps = 0

  /// A new episode: each of the four numbers drawn uniformly from [−0.05, 0.05], as Gym does.
  init(using generator: inout SeededGenerator) {
    state = (0..<4).map { _ in -0.05 + 0.1 * generator.nextUnit() }
  }

  init(state: [Double]) { self.state = state }

  /// The pole has fallen past 12° or the cart has left the track.
  var failed: Bool { Swift.abs(state[0]) > Self.positionLimit || Swift.abs(state[2]) > Self.angleLimit }

  /// One step of 0.02 s under a push of ±10 N: the equations of motion, then one Euler step.
  ///
  /// ```
  /// temp = (F + m_p l θ̇² sin θ) / (m_c + m_p)
  /// θ̈ = (g sin θ − cos θ · temp) / (l (4/3 − m_p cos² θ / (m_c + m_p)))
  /// ẍ = temp − m_p l θ̈ cos θ / (m_c + m_p)
  /// x ← x + τẋ,  ẋ ← ẋ + τẍ,  θ ← θ + τθ̇,  θ̇ ← θ̇ + τθ̈
  /// ```
  /// sin and cos are Autograd's portable ones: the C library's may differ in the last bit from
  /// CPU to CPU, and a trained agent's choices would then drift apart. Returns the reward (1)
  /// and whether the episode ended (failure, or the step limit: `truncated`).
  mutating func step(_ action: Int) -> (reward: Double, failed: Bool, truncated: Bool) {
    let (x, xDot, theta, thetaDot) = (state[0], state[1], state[2], state[3])
    let force = action == 1 ? Self.forceMagnitude : -Self.forceMagnitude
    let (cosTheta, sinTheta) = (portableCos(theta), portableSin(theta))
    let temp = (force + Self.poleMassLength * thetaDot * thetaDot * sinTheta) / Self.totalMass
    let thetaAcc =
      (Self.gravity * sinTheta - cosTheta * temp)
      / (Self.halfLength * (4.0 / 3.0 - Self.poleMass * cosTheta * cosTheta / Self.totalMass))
    let xAcc = temp - Self.poleMassLength * thetaAcc * cosTheta / Self.totalMass
    state = [x + Self.tau * xDot, xDot + Self.tau * xAcc, theta + Self.tau * thetaDot, thetaDot + Self.tau * thetaAcc]
    steps += 1
    return (1, failed, !failed && steps >= Self.stepLimit)
  }
}

extension Rewards {
  /// Three steps from (0, 0, 0.05, 0), pushing right, right, left: the same equations evaluated
  /// by hand (in Python's double precision, with its C library's sin and cos) gave these states.
  static let handSteps: [[Double]] = [
    [0.0, 0.194370546605301, 0.05, -0.2764975752871551],
    [0.0038874109321060204, 0.38874482028834234, 0.0444700484942569, -0.5530007342041057],
    [0.011662307337872867, 0.19302750919579342, 0.03341003381017478, -0.24664512001379496],
  ]

  func cartPoleCell(_ notebook: Notebook) throws {
    try notebook.cell("cart-pole", "CartPole in Swift, checked against three steps by hand") { cell in
      cell.line("A pole (mass 0.1 kg, half-length 0.5 m) hinged on a cart (1 kg) on a track; each step pushes the")
      cell.line("cart with ±10 N for 0.02 s. The episode fails when |θ| > 12° (0.2094395 rad) or |x| > 2.4 m, and is")
      cell.line(
        "cut at \(CartPole.stepLimit) steps; the reward is 1 per step, so the return is the number of steps survived.")
      var pole = CartPole(state: [0, 0, 0.05, 0])
      var largest = 0.0
      for (action, expected) in zip([1, 1, 0], Self.handSteps) {
        _ = pole.step(action)
        largest = Swift.max(largest, zip(pole.state, expected).map { Swift.abs($0 - $1) }.max()!)
        cell.line("  push \(action == 1 ? "right" : "left "): (x, ẋ, θ, θ̇) = \(Format.vector(pole.state, digits: 6))")
      }
      cell.line("largest difference from the hand computation over the three steps: \(Format.within(largest, 1e-12))")
      if largest > 1e-12 { throw CartPoleMismatch(largest: largest) }
      // Never pushing towards the fall: how long does the always-right policy last?
      var generator = cell.generator()
      var lengths: [Double] = []
      for _ in 0..<100 {
        var pole = CartPole(using: &generator)
        while !pole.step(1).failed {}
        lengths.append(Double(pole.steps))
      }
      cell.line(
        "pushing right every step, 100 random starts: the pole falls after \(Format.number(lengths.min()!))–\(Format.number(lengths.max()!)) steps (mean \(Format.number(lengths.reduce(0, +) / 100, digits: 4)))."
      )
      notebook.result("always_right_steps", [lengths.min()!, lengths.max()!])
    }
  }
}

/// The cart-pole disagrees with the hand computation: the simulation is wrong.
struct CartPoleMismatch: Error, CustomStringConvertible {
  let largest: Double
  var description: String {
    "CartPole: the three hand-computed steps differ from the simulation by \(largest) (more than 1e-12)"
  }
}
