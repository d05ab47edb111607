// SourceChecks.swift — article 003's Keras logs (L384–414) set beside this chapter's run.

import Autograd
import Notebook

extension Images {
  func sourceChecks(
    _ notebook: Notebook, _ data: RunData, _ scope: Scope, cnn: Trained<ArticleCNN>, lstm: Trained<ArticleLSTM>
  ) {
    notebook.cell("source-checks", "Source checks: the article's logs against a run") { cell in
      // Keras's steps per epoch: ⌈training images / batch size⌉, the batch size 32 by default.
      let steps = (data.trainFileCount + 31) / 32
      cell.check(
        SourceCheck(
          id: "003-keras-steps", source: Article.a003,
          claim: "L384–414: every epoch of both logs (the CNN's L386–398, the LSTM's L402–414) runs '784/784' steps",
          stated: [784], computed: [Double(steps)], tolerance: 0,
          note:
            "fit() without batch_size uses batches of 32: on the \(data.trainFileCount) training images an epoch has "
            + "⌈\(data.trainFileCount)/32⌉ = \(steps) steps (this run prints \(cnn.records[0].steps) for its "
            + "\(data.train.count)). 784 steps would be 25057 to 25088 images; 784 = 28·28 is an image's pixel count."))
      let printed = ["loss", "accuracy", "val_loss", "val_accuracy"]
      cell.check(
        SourceCheck(
          id: "003-keras-validation", source: Article.a003,
          claim:
            "L345, L365 and L389–413: both listings pass validation_data=(x_test, y_test), and the logs show loss "
            + "and accuracy only",
          stated: [2], computed: [Double(printed.count)], tolerance: 0,
          note:
            "With validation data, fit() ends each epoch's line with the validation figures too; this chapter's fit "
            + "prints \(printed.joined(separator: ", ")) per epoch, as Keras does. The logs are not of these calls."))
      for (id, lines, name, stated, records) in [
        ("003-keras-cnn-accuracy", "L389–397", "CNN", [0.8782, 0.9552, 0.9929, 1.0, 1.0], cnn.records),
        ("003-keras-lstm-accuracy", "L405–413", "LSTM", [0.9535, 0.9903, 1.0, 1.0, 1.0], lstm.records),
      ] {
        let computed = records.map(\.accuracy)
        let claim = "\(lines): the \(name)'s training accuracy per epoch, reaching 1.0000"
        let final = Format.number(computed.last!, digits: 4)
        let test = Format.number(records.last!.validationAccuracy, digits: 4)
        if scope.isFull {
          cell.check(
            SourceCheck(
              id: id, source: Article.a003, claim: claim, stated: stated, computed: computed, tolerance: 0.00005,
              note:
                "The article's own run: 5 epochs on all 60000 images. This run's last epoch: training accuracy "
                + "\(final), test accuracy \(test)."))
        } else {
          cell.check(
            SourceCheck(
              id: id, source: Article.a003, claim: claim, stated: stated.json, computed: computed.json,
              verdict: .ambiguous,
              note:
                "This run trains \(scope.epochs) epochs on \(data.train.count) images, not the article's 5 on 60000, "
                + "so it cannot decide: its last epoch reaches training accuracy \(final) and test accuracy \(test). "
                + "The listings never say what x_train is; `11-images --full` runs the article's fit on Fashion-MNIST.")
          )
        }
      }
      // Multiply-adds of one forward pass of a 32-image batch, counted from the layer shapes.
      let cnnForward = 32 * (26 * 26 * 32 * 9 + 5408 * 10)
      let lstmForward = 32 * (28 * 4 * 64 * (28 + 64) + 28 * 4 * 64 * (64 + 64) + 64 * 10)
      cell.check(
        SourceCheck(
          id: "003-keras-step-time", source: Article.a003,
          claim: "L389–413: every epoch of both logs takes '0s 0ms/step'",
          stated: [0.0], computed: [Double(cnnForward), Double(lstmForward)].json, verdict: .ambiguous,
          note:
            "Keras rounds: 0ms/step is under 0.5 ms per step. A step of 32 images costs \(cnnForward) multiply-adds "
            + "(CNN) or \(lstmForward) (LSTM) in the forward pass alone, so 0 ms needs over "
            + "\(Format.number(Double(cnnForward) / 0.0005, digits: 3)) or \(Format.number(Double(lstmForward) / 0.0005, digits: 3)) "
            + "multiply-adds a second before any backward pass: possible on some hardware, which the article does not name. "
            + "This chapter's own times per step are printed on the terminal, not in the text."))
    }
  }
}
