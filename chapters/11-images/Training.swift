// Training.swift — the three models built, counted and fitted: the article's CNN and LSTM, and
// a dense network to set beside the CNN.

import Autograd
import Datasets
import Notebook
import Plot

/// A trained model and its log.
struct Trained<Model: ImageClassifier> {
  let model: Model
  let records: [EpochRecord]
  let parameters: Int
}

extension Images {
  func cnnCells(_ notebook: Notebook, _ data: RunData, _ scope: Scope) throws -> Trained<ArticleCNN> {
    var initial = notebook.generator("cnn")
    let model = ArticleCNN(using: &initial)
    let (conv, dense) = (model.W.count + model.b.count, model.dense.parameterCount)
    notebook.cell("cnn-model", "The article's CNN, layer by layer (L334–339)") { cell in
      cell.table(
        ["layer", "output shape", "parameters", "Keras's rule"],
        [
          ["Conv2D(32, (3, 3), relu)", "(None, 26, 26, 32)", conv, "32·(3·3·1) + 32"],
          ["MaxPooling2D((2, 2))", "(None, 13, 13, 32)", 0, "none"],
          ["Flatten()", "(None, 5408)", 0, "none"],
          ["Dense(10, softmax)", "(None, 10)", dense, "5408·10 + 10"],
        ])
      cell.line("total \(model.parameterCount) parameters (Keras's rule: 320 + 54090 = \(320 + 54090))")
      cell.line(
        "compile(optimizer='adam') with Keras's defaults: Adam(learning_rate=\(kerasAdam.rate), beta_1=\(kerasAdam.beta1), "
          + "beta_2=\(kerasAdam.beta2), epsilon=\(kerasAdam.epsilon)); fit's defaults: batch_size=32, shuffle=True")
      notebook.result("cnn_parameters", model.parameterCount)
    }
    if model.parameterCount != 320 + 54090 {
      throw ValidationErrorText("the CNN has \(model.parameterCount) parameters")
    }
    var shuffle = notebook.generator("cnn-shuffle")
    var records: [EpochRecord] = []
    try notebook.cell("cnn-fit", "model.fit for the CNN, printed as Keras prints it") { cell in
      records = try fit(
        "CNN", model, train: data.train, validation: data.test, epochs: scope.epochs,
        shuffling: &shuffle, notebook: notebook, cell: cell)
      notebook.result("cnn_log", records.map { [$0.loss, $0.accuracy, $0.validationLoss, $0.validationAccuracy] })
    }
    try filterCells(notebook, model, data)
    return Trained(model: model, records: records, parameters: model.parameterCount)
  }

  func lstmCells(_ notebook: Notebook, _ data: RunData, _ scope: Scope) throws -> Trained<ArticleLSTM> {
    var initial = notebook.generator("lstm")
    let model = ArticleLSTM(using: &initial)
    let counts = [model.first.parameterCount, model.second.parameterCount, model.dense.parameterCount]
    notebook.cell("lstm-model", "The article's LSTM, reading an image as 28 steps of 28 pixels (L354–358)") { cell in
      cell.table(
        ["layer", "output shape", "parameters", "Keras's rule 4·(H·(I + H) + H)"],
        [
          ["LSTM(64, return_sequences=True)", "(None, 28, 64)", counts[0], "4·(64·(28 + 64) + 64)"],
          ["LSTM(64)", "(None, 64)", counts[1], "4·(64·(64 + 64) + 64)"],
          ["Dense(10, softmax)", "(None, 10)", counts[2], "64·10 + 10"],
        ])
      cell.line("total \(model.parameterCount) parameters (Keras's rule: 23808 + 33024 + 650 = \(23808 + 33024 + 650))")
      notebook.result("lstm_parameters", model.parameterCount)
    }
    if model.parameterCount != 23808 + 33024 + 650 {
      throw ValidationErrorText("the LSTM has \(model.parameterCount) parameters")
    }
    var shuffle = notebook.generator("lstm-shuffle")
    var records: [EpochRecord] = []
    try notebook.cell("lstm-fit", "model.fit for the LSTM, printed as Keras prints it") { cell in
      records = try fit(
        "LSTM", model, train: data.train, validation: data.test, epochs: scope.epochs,
        shuffling: &shuffle, notebook: notebook, cell: cell)
      notebook.result("lstm_log", records.map { [$0.loss, $0.accuracy, $0.validationLoss, $0.validationAccuracy] })
    }
    return Trained(model: model, records: records, parameters: model.parameterCount)
  }

  func denseCell(_ notebook: Notebook, _ data: RunData, _ scope: Scope) throws -> Trained<DenseNetwork> {
    var initial = notebook.generator("dense")
    let model = DenseNetwork(using: &initial)
    var shuffle = notebook.generator("dense-shuffle")
    var records: [EpochRecord] = []
    try notebook.cell("dense-fit", "A dense network on the same images: Flatten → Dense(128, relu) → Dense(10)") {
      cell in
      cell.line(
        "parameters: 784·128 + 128 = \(784 * 128 + 128), 128·10 + 10 = \(128 * 10 + 10), total \(model.parameterCount)")
      records = try fit(
        "dense", model, train: data.train, validation: data.test, epochs: scope.epochs,
        shuffling: &shuffle, notebook: notebook, cell: cell)
      notebook.result("dense_log", records.map { [$0.loss, $0.accuracy, $0.validationLoss, $0.validationAccuracy] })
    }
    return Trained(model: model, records: records, parameters: model.parameterCount)
  }
}
