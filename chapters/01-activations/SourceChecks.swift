// SourceChecks.swift — every activation formula and claim of the source articles, written
// as the article writes it, evaluated, and set beside what the library and the math give.

import Autograd
import Foundation
import Notebook
import Plot

/// The seed files, by number.

extension Activations {
  func sourceChecks(_ notebook: Notebook) throws {
    let xs = Self.points
    // The definitions, typed as the articles print them.
    let sourceSigmoid = { (x: Double) in 1 / (1 + exp(-x)) }
    let sourceTanh = { (x: Double) in (exp(x) - exp(-x)) / (exp(x) + exp(-x)) }
    let sourceRelu = { (x: Double) in max(0, x) }
    // 001 writes ReLU piecewise: 0 if x < 0, x if x ≥ 0.
    let piecewiseRelu = { (x: Double) in x < 0 ? 0 : x }
    let library = (
      sigmoid: Tensor(xs).sigmoid().scalars, tanh: Tensor(xs).tanh().scalars, relu: Tensor(xs).relu().scalars
    )
    func definition(_ id: String, _ source: String, _ claim: String, _ stated: [Double], _ computed: [Double])
      -> SourceCheck
    {
      SourceCheck(
        id: id, source: source, claim: claim, stated: stated, computed: computed, tolerance: 1e-12,
        note: "The article's formula, evaluated at x = −5 … 5, equals the library's function.")
    }

    notebook.cell("source-definitions", "The articles' definitions") { cell in
      cell.line("Each formula is typed in as the article prints it and evaluated at x = \(Format.vector(xs)).")
      cell.check(
        definition("000-relu", Article.a000, "L194–198: ReLU f(x) = max(0, x)", xs.map(sourceRelu), library.relu))
      cell.check(
        definition(
          "000-sigmoid", Article.a000, "L202–206: Sigmoid f(x) = 1/(1 + e^(−x))", xs.map(sourceSigmoid), library.sigmoid
        ))
      cell.check(
        definition(
          "000-tanh", Article.a000, "L210–214: Tanh f(x) = (e^x − e^(−x))/(e^x + e^(−x))", xs.map(sourceTanh),
          library.tanh))
      cell.check(
        definition(
          "001-sigmoid", Article.a001, "L137–140: Sigmoid f(x) = 1/(1 + e^(−x))", xs.map(sourceSigmoid), library.sigmoid
        ))
      cell.check(
        definition(
          "001-relu", Article.a001, "L141–148: ReLU f(x) = 0 if x < 0, x if x ≥ 0", xs.map(piecewiseRelu), library.relu)
      )
      cell.check(
        definition(
          "001-tanh", Article.a001, "L149–152: Tanh f(x) = (e^x − e^(−x))/(e^x + e^(−x))", xs.map(sourceTanh),
          library.tanh))
      cell.check(
        definition(
          "002-sigmoid", Article.a002, "L218–220: σ(x) = 1/(1 + e^(−x))", xs.map(sourceSigmoid), library.sigmoid))
      cell.check(
        definition(
          "002-relu", Article.a002, "L222–224: ReLU(x) = max(0, x): x when x > 0, 0 when x ≤ 0", xs.map(sourceRelu),
          library.relu))
      cell.check(
        definition(
          "002-tanh", Article.a002, "L226–228: tanh(x) = (e^x − e^(−x))/(e^x + e^(−x))", xs.map(sourceTanh),
          library.tanh))

      // The written tanh formula is exact but not safe: e^x overflows past x ≈ 709.8.
      let far = 800.0
      cell.line()
      cell.line(
        "A caution, not an error: at x = \(Format.number(far)) the formula as written gives "
          + "\(Format.number(sourceTanh(far))) (∞/∞), while the library's tanh gives \(Format.number(Tensor(far).tanh().item))."
      )
    }

    notebook.cell("source-ranges", "The articles' claims about ranges") { cell in
      // Wide enough to show saturation, narrow enough that Double does not round the ends to the bounds.
      let s = Tensor.linspace(-30, 30, count: 601).sigmoid().scalars
      let t = Tensor.linspace(-15, 15, count: 301).tanh().scalars
      // Where Double stops telling σ(x) and tanh(x) from 1, found by stepping x by 0.01.
      func firstOne(_ f: (Tensor) -> Tensor) -> String {
        let x = stride(from: 0.0, to: 100, by: 0.01).first { f(Tensor($0)).item == 1 } ?? .nan
        return Format.number(x, digits: 4)
      }
      let sigmoidNote =
        "σ(x) lies strictly between 0 and 1 for every real x (computed: min and max over x ∈ [−30, 30]). In Double "
        + "arithmetic σ(x) rounds to exactly 1 from x = \(firstOne { $0.sigmoid() }) on, which is why losses are computed from logits."
      for (id, source, line) in [
        ("000-sigmoid-range", Article.a000, "L206"), ("002-sigmoid-range", Article.a002, "L220"),
      ] {
        cell.check(
          SourceCheck(
            id: id, source: source, claim: "\(line): Sigmoid maps its input into (0, 1)", stated: [0.0, 1.0],
            computed: [s.min()!, s.max()!], verdict: s.allSatisfy { $0 > 0 && $0 < 1 } ? .agrees : .disagrees,
            note: sigmoidNote))
      }
      for (id, source, line) in [("000-tanh-range", Article.a000, "L214"), ("002-tanh-range", Article.a002, "L228")] {
        cell.check(
          SourceCheck(
            id: id, source: source, claim: "\(line): Tanh maps its input into (−1, 1)", stated: [-1.0, 1.0],
            computed: [t.min()!, t.max()!], verdict: t.allSatisfy { $0 > -1 && $0 < 1 } ? .agrees : .disagrees,
            note: "tanh(x) = 2σ(2x) − 1 lies strictly between −1 and 1 (computed: min and max over x ∈ [−15, 15]); "
              + "in Double it rounds to exactly ±1 from |x| = \(firstOne { $0.tanh() }) on."))
      }
    }

    try notebook.cell("source-derivatives", "The articles' derivatives") { cell in
      cell.line(
        "Each derivative formula is evaluated at x = \(Format.vector(xs)) and compared with central differences.")
      let numericSigmoid = xs.map { centralDifference(of: sourceSigmoid, at: $0) }
      let numericTanh = xs.map { centralDifference(of: sourceTanh, at: $0) }

      // ReLU: the article takes f′(0) = 1; autograd takes 0; neither is "the" derivative.
      let articleRelu = xs.map { $0 >= 0 ? 1.0 : 0 }
      let ourRelu = autogradDerivative(of: { $0.relu() }, at: xs)
      let disagreeAt = xs.indices.filter { articleRelu[$0] != ourRelu[$0] }.map { xs[$0] }
      cell.check(
        SourceCheck(
          id: "000-relu-derivative", source: Article.a000, claim: "L266–275: f′(x) = 0 if x < 0, 1 if x ≥ 0",
          stated: articleRelu, computed: ourRelu, verdict: .ambiguous,
          note:
            "Right away from 0; they differ only at x = \(Format.vector(disagreeAt)), where ReLU has a kink and no derivative. "
            + "Any value in [0, 1] is a valid subgradient there; the article picks 1, PyTorch and Autograd pick 0."))

      let articleSigmoidPrime = xs.map { sourceSigmoid($0) * (1 - sourceSigmoid($0)) }
      cell.check(
        SourceCheck(
          id: "000-sigmoid-derivative", source: Article.a000, claim: "L277–283: f′(x) = f(x)·(1 − f(x))",
          stated: articleSigmoidPrime, computed: numericSigmoid, tolerance: 1e-8,
          note: "Correct: d/dx (1 + e^(−x))^(−1) = e^(−x)/(1 + e^(−x))², and e^(−x)/(1 + e^(−x)) = 1 − σ(x)."))

      let grid = Tensor.linspace(-30, 30, count: 601)
      let sigmoidPrimeValues = autogradDerivative(of: { $0.sigmoid() }, at: grid.scalars)
      cell.check(
        SourceCheck(
          id: "000-sigmoid-derivative-interval", source: Article.a000,
          claim: "L283: the derivative of Sigmoid is continuous and smooth on the interval (−1, 1)",
          stated: "(-1, 1)", computed: [sigmoidPrimeValues.min()!, sigmoidPrimeValues.max()!], verdict: .ambiguous,
          note: "True but oddly narrow: σ′ is smooth on all of ℝ, and (−1, 1) is tanh's range, not a property of σ′. "
            + "What matters for training is σ′'s range, (0, 0.25] (computed: its min and max over [−30, 30])."))

      let articleTanhPrime = xs.map { (1 - tanh($0) * tanh($0)) / (1 + tanh($0) * tanh($0)) }
      cell.check(
        SourceCheck(
          id: "000-tanh-derivative", source: Article.a000, claim: "L285–291: f′(x) = (1 − tanh²x)/(1 + tanh²x)",
          stated: articleTanhPrime, computed: numericTanh, tolerance: 1e-8,
          note: "Wrong: the quotient rule on (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) gives 4/(eˣ + e⁻ˣ)² = 1 − tanh²x. The extra "
            + "denominator 1 + tanh²x shrinks the slope everywhere but at 0 (at x = 1: "
            + "\(Format.number(articleTanhPrime[6], digits: 3)) instead of \(Format.number(numericTanh[6], digits: 3)))."
        ))
      notebook.result("article_tanh_derivative", articleTanhPrime)
      notebook.result("true_tanh_derivative", numericTanh)
      try cell.figure(
        LineChart(
          name: "tanh-derivative-source", title: "tanh′: the true derivative and article 000's formula",
          xLabel: "x", yLabel: "",
          series: [
            .init("1 − tanh²x (true)", x: Self.curve, y: Self.curve.map { 1 - tanh($0) * tanh($0) }),
            .init(
              "(1 − tanh²x)/(1 + tanh²x) (article 000)", x: Self.curve,
              y: Self.curve.map { (1 - tanh($0) * tanh($0)) / (1 + tanh($0) * tanh($0)) }, dashed: true),
          ], zeroAxes: true))
    }
  }
}
