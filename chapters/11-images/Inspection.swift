// Inspection.swift — what the trained models learned and where they fail: the CNN's filters and
// feature maps, the learning curves, the confusion matrix, the most confident mistakes, and the
// LSTM's answer after each row it reads.

import Autograd
import Datasets
import Notebook
import Plot

extension Images {
  func filterCells(_ notebook: Notebook, _ model: ArticleCNN, _ data: RunData) throws {
    try notebook.cell("filters", "The 32 learned 3 × 3 filters, and what they see in one test image") { cell in
      let w = model.W.scalars  // [32, 3, 3, 1]
      let filters = (0..<32).map { f in (0..<3).map { r in (0..<3).map { c in w[f * 9 + r * 3 + c] } } }
      let largest = w.map(abs).max() ?? 0
      cell.line("filter weights after training: the largest |w| is \(Format.number(largest, digits: 3))")
      try cell.figure(
        ImageGrid(
          name: "filters", title: "The CNN's 32 filters after training (blue < 0 < red)", images: filters,
          captions: (0..<32).map { "filter \($0)" }, columns: 8, palette: .signed, tileSize: 70))
      let (x, labels) = data.test.batch([0], shape: [1, 28, 28, 1])
      let maps = withoutGradient { model.featureMaps(x) }.scalars  // [1, 26, 26, 32]
      let images = (0..<32).map { f in (0..<26).map { r in (0..<26).map { c in maps[(r * 26 + c) * 32 + f] } } }
      let active = (0..<32).filter { f in images[f].joined().contains { $0 > 0 } }.count
      cell.line(
        "test image 0 (\(RunData.classes[labels[0]])): after relu, \(active) of the 32 feature maps (26 × 26 each) are not all 0"
      )
      // Each map on its own scale (0 to its largest value), so that faint maps show their pattern too.
      let scaled = images.map { map in
        let top = map.joined().max() ?? 0
        return top > 0 ? map.map { $0.map { $0 / top } } : map
      }
      try cell.figure(
        ImageGrid(
          name: "feature-maps",
          title:
            "Test image 0 (\(RunData.classes[labels[0]])) through each filter and relu, each map scaled to its maximum",
          images: [data.test.image(0).dropFirst().dropLast().map { Array($0.dropFirst().dropLast()) }] + scaled,
          captions: ["the image"] + (0..<32).map { "map \($0)" }, columns: 11, tileSize: 80))
    }
  }

  func curvesCell(_ notebook: Notebook, cnn: [EpochRecord], lstm: [EpochRecord], dense: [EpochRecord]) throws {
    try notebook.cell("curves", "Loss and accuracy per epoch, training and test, for the three models") { cell in
      let runs = [("CNN", cnn), ("LSTM", lstm), ("dense", dense)]
      cell.table(
        ["model", "epoch", "train loss", "train accuracy", "test loss", "test accuracy"],
        runs.flatMap { name, records in
          records.map { [name, $0.epoch, $0.loss, $0.accuracy, $0.validationLoss, $0.validationAccuracy] }
        }, digits: 4)
      let ranked = runs.sorted { $0.1.last!.validationAccuracy > $1.1.last!.validationAccuracy }
      cell.line(
        "final test accuracy, best first: "
          + ranked.map { "\($0.0) \(Format.number($0.1.last!.validationAccuracy, digits: 4))" }.joined(separator: ", "))
      func series(_ value: KeyPath<EpochRecord, Double>, _ suffix: String, dashed: Bool) -> [LineChart.Series] {
        runs.map { name, records in
          LineChart.Series(
            "\(name) \(suffix)", x: records.map { Double($0.epoch) }, y: records.map { $0[keyPath: value] },
            points: true, dashed: dashed)
        }
      }
      try cell.figure(
        LineChart(
          name: "loss", title: "Cross-entropy per epoch (training: running mean over the epoch)", xLabel: "epoch",
          yLabel: "loss",
          series: series(\.loss, "train", dashed: true) + series(\.validationLoss, "test", dashed: false)))
      try cell.figure(
        LineChart(
          name: "accuracy", title: "Accuracy per epoch (training: running mean over the epoch)", xLabel: "epoch",
          yLabel: "accuracy",
          series: series(\.accuracy, "train", dashed: true) + series(\.validationAccuracy, "test", dashed: false)))
    }
  }

  func confusionCells(_ notebook: Notebook, _ model: ArticleCNN, _ data: RunData) throws {
    var probabilities: [[Double]] = []
    withoutGradient {
      for start in stride(from: 0, to: data.test.count, by: 32) {
        let indices = Array(start..<min(start + 32, data.test.count))
        let (x, _) = data.test.batch(indices, shape: model.inputShape(indices.count))
        probabilities += model(x).softmax(axis: 1).rows
      }
    }
    let predicted = probabilities.map { p in p.indices.max { p[$0] < p[$1] || (p[$0] == p[$1] && $0 > $1) }! }
    var confusion = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
    for (truth, guess) in zip(data.test.labels, predicted) { confusion[truth][guess] += 1 }
    let short = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"]
    try notebook.cell("confusion", "The CNN's confusion matrix on the test images") { cell in
      cell.line("row: true class, column: predicted class; the diagonal is correct")
      cell.table(
        ["true \\ predicted"] + short,
        (0..<10).map { r in [short[r] as TableEntry] + confusion[r].map { $0 as TableEntry } })
      let recall = (0..<10).map { Double(confusion[$0][$0]) / Double(max(confusion[$0].reduce(0, +), 1)) }
      let worst = recall.indices.min { recall[$0] < recall[$1] }!
      var pairs: [(Int, Int, Int)] = []
      for r in 0..<10 { for c in 0..<10 where r != c { pairs.append((confusion[r][c], r, c)) } }
      let top = pairs.max { ($0.0, $1.1, $1.2) < ($1.0, $0.1, $0.2) }!
      cell.line(
        "the class recognized least often: \(RunData.classes[worst]), \(confusion[worst][worst]) of "
          + "\(confusion[worst].reduce(0, +)); the most frequent mistake: \(RunData.classes[top.1]) taken for "
          + "\(RunData.classes[top.2]), \(top.0) times")
      // The four classes of upper-body garments: T-shirt/top, pullover, coat and shirt.
      let tops = [0, 2, 4, 6]
      let errors = (0..<10).reduce(0) { sum, r in sum + (0..<10).filter { $0 != r }.reduce(0) { $0 + confusion[r][$1] } }
      let amongTops = tops.reduce(0) { sum, r in sum + tops.filter { $0 != r }.reduce(0) { $0 + confusion[r][$1] } }
      cell.line("errors among the four tops (T-shirt/top, Pullover, Coat, Shirt): \(amongTops) of all \(errors) errors")
      notebook.result("cnn_confusion", confusion)
      try cell.figure(
        Heatmap(
          name: "confusion", title: "CNN on \(data.test.count) test images: how often class r is predicted as c",
          values: confusion.map { $0.map(Double.init) }, rowLabels: short, columnLabels: short, xLabel: "predicted",
          yLabel: "true", decimals: 0))
    }
    try notebook.cell("wrong", "The CNN's most confident mistakes") { cell in
      let wrong = data.test.labels.indices.filter { predicted[$0] != data.test.labels[$0] }
      let ranked = wrong.sorted { (-probabilities[$0][predicted[$0]], $0) < (-probabilities[$1][predicted[$1]], $1) }
      let shown = Array(ranked.prefix(12))
      cell.line("\(wrong.count) of \(data.test.count) test images are misclassified; the 12 the CNN was surest of:")
      cell.table(
        ["test image", "true class", "predicted", "probability"],
        shown.map {
          [$0, RunData.classes[data.test.labels[$0]], RunData.classes[predicted[$0]], probabilities[$0][predicted[$0]]]
        }, digits: 3)
      try cell.figure(
        ImageGrid(
          name: "wrong", title: "Confidently wrong: true class → predicted (probability)",
          images: shown.map { data.test.image($0) },
          captions: shown.map {
            "\(short[data.test.labels[$0]]) → \(short[predicted[$0]]) \(Format.number(probabilities[$0][predicted[$0]], digits: 2))"
          }, columns: 6, range: 0...1, tileSize: 170))
    }
  }

  /// The LSTM's Dense layer applied to the second layer's h after each row: what it would answer
  /// if the image stopped there (it was trained only on the answer after row 28).
  func rowsAsTimeCell(_ notebook: Notebook, _ model: ArticleLSTM, _ data: RunData) throws {
    var correct = [Int](repeating: 0, count: 28)
    withoutGradient {
      for start in stride(from: 0, to: data.test.count, by: 32) {
        let indices = Array(start..<min(start + 32, data.test.count))
        let (x, labels) = data.test.batch(indices, shape: model.inputShape(indices.count))
        let sequence = Tensor.concatenated(model.first.sequence(x).map { $0.hidden.unsqueezed(axis: 1) }, axis: 1)
        for (t, step) in model.second.sequence(sequence).enumerated() {
          correct[t] += zip(predictions(model.dense(step.hidden)), labels).filter { $0 == $1 }.count
        }
      }
    }
    let accuracy = correct.map { Double($0) / Double(data.test.count) }
    try notebook.cell("rows-as-time", "The LSTM reads an image row by row: its answer after each row") { cell in
      cell.line("test accuracy if the Dense layer read h after t rows instead of after all 28:")
      cell.table(
        ["rows read", "accuracy"], [1, 4, 7, 10, 14, 18, 21, 24, 28].map { [$0, accuracy[$0 - 1]] }, digits: 3)
      notebook.result("lstm_accuracy_by_rows", accuracy)
      try cell.figure(
        LineChart(
          name: "rows-read", title: "LSTM test accuracy after reading t of the 28 rows", xLabel: "rows read",
          yLabel: "test accuracy", series: [.init("LSTM", x: (1...28).map(Double.init), y: accuracy, points: true)]))
    }
  }
}
