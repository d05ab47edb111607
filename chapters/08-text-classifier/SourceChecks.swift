// SourceChecks.swift — the sources' text classifiers: article 002's Keras model and its claimed
// results, article 000's BERT listing and its run example, and the claims about BERT and CNNs.

import Autograd
import Foundation
import Notebook

/// What the chapter's cells computed, for the checks.
struct ChapterFacts {
  let vocabulary: Vocabulary
  let trained: [Trained]
  let confusions: [Confusion]
  let test: [Example]
  let probes: [String: [Double]]
  let bert: TextClassifier.BertFacts

  func model(_ name: String) -> (Trained, Confusion)? {
    zip(trained, confusions).first { $0.0.model.name == name }
  }
}

extension TextClassifier {
  func sourceChecks(_ notebook: Notebook, _ facts: ChapterFacts) {
    kerasChecks(notebook, facts)
    reportChecks(notebook, facts)
    bertChecks(notebook, facts)
  }

  /// Article 002's listing (L323–378), rebuilt at its own sizes.
  func kerasChecks(_ notebook: Notebook, _ facts: ChapterFacts) {
    notebook.cell("source-keras-model", "Article 002's Keras classifier, rebuilt") { cell in
      var rng = cell.generator()
      let keras = MeanPooling(vocabulary: 10_000, using: &rng)
      cell.line(
        "Embedding(10000, 16) \(keras.embedding.parameterCount) + Dense(24) \(keras.hidden.parameterCount) + Dense(1) \(keras.output.parameterCount) = \(keras.parameterCount) parameters"
      )
      let meanPooling = facts.model("mean pooling")
      cell.check(
        SourceCheck(
          id: "002-keras-model", source: Article.a002,
          claim:
            "L323–378: Embedding(10000, 16) → GlobalAveragePooling1D → Dense(24, relu) → Dense(1, sigmoid), Adam, binary cross-entropy",
          stated: "Embedding → GlobalAveragePooling1D → Dense(24, relu) → Dense(1, sigmoid)",
          computed: [Double(keras.parameterCount), meanPooling?.1.accuracy ?? .nan], verdict: .agrees,
          note:
            "A sound model: the chapter's 'mean pooling' is this architecture (computed: its parameter count at the "
            + "article's sizes, and the test accuracy of the chapter's copy, whose vocabulary has \(facts.vocabulary.count) entries). "
            + "Almost all its parameters are the embedding table."))

      // Padding to max_length = 50 ('post') without a mask: the mean runs over the padding too.
      if let (trained, _) = meanPooling, let model = trained.model as? MeanPooling {
        let sentence = "the food was terrible"
        let ids = facts.vocabulary.encode(sentence)
        let padded = ids + [Int](repeating: Vocabulary.padding, count: 50 - ids.count)
        let p = withoutGradient { [model([ids]).sigmoid().item, model([padded]).sigmoid().item] }
        cell.line(
          "P(positive | \"\(sentence)\"): \(Format.number(p[0], digits: 3)) as \(ids.count) tokens, \(Format.number(p[1], digits: 3)) padded to 50 with id 0"
        )
        cell.check(
          SourceCheck(
            id: "002-padding-average", source: Article.a002,
            claim:
              "L323–378: sequences are padded ('post') to max_length = 50, then GlobalAveragePooling1D 'compresses the embedding output into a fixed-length vector'",
            stated: "average over max_length = 50 positions", computed: p, verdict: .ambiguous,
            note:
              "Without mask_zero=True the average runs over the padding too: a \(ids.count)-word review is averaged with "
              + "\(50 - ids.count) copies of the padding vector, so its own words are \(ids.count)/50 of the mean (computed: "
              + "the chapter's model on the sentence alone and padded). Keras would learn around it; a mask, or batches of "
              + "equal length as here, avoid it."))
      }

      let cnn = facts.model("1-D CNN")
      cell.check(
        SourceCheck(
          id: "001-cnn-images-only", source: Article.a001,
          claim: "L91: the CNN is 'specifically for image data'", stated: "images only",
          computed: [cnn?.1.accuracy ?? .nan], verdict: .disagrees,
          note:
            "A convolution needs a grid, not an image: the chapter's 1-D CNN slides over the words of a sentence and "
            + "scores \(Format.number(cnn?.1.accuracy ?? .nan, digits: 3)) test accuracy (computed). CNNs are also used on audio and time series."
        ))
    }
  }

  /// Article 002's claimed results (L441–512), checked for consistency with each other.
  func reportChecks(_ notebook: Notebook, _ facts: ChapterFacts) {
    notebook.cell("source-report", "Article 002's classification report, recomputed from itself") { cell in
      // The report: per class precision, recall, F1, support (L461–476).
      let precision = [0.90, 0.92]
      let recall = [0.88, 0.94]
      let support = [100.0, 100.0]
      let truePositives = zip(recall, support).map { ($0 * $1).rounded() }  // correctly predicted, per class
      let missed = zip(support, truePositives).map { $0 - $1 }  // class c predicted as the other class
      let impliedPrecision = [
        truePositives[0] / (truePositives[0] + missed[1]), truePositives[1] / (truePositives[1] + missed[0]),
      ]
      let accuracy = truePositives.reduce(0, +) / support.reduce(0, +)
      cell.line(
        "from recall × support: \(Int(truePositives[0])) of class 0 and \(Int(truePositives[1])) of class 1 right; so \(Int(missed[1])) of class 1 were called 0 and \(Int(missed[0])) of class 0 were called 1"
      )
      cell.line(
        "precision then must be \(Int(truePositives[0]))/\(Int(truePositives[0] + missed[1])) and \(Int(truePositives[1]))/\(Int(truePositives[1] + missed[0])); accuracy \(Int(truePositives.reduce(0, +)))/200"
      )
      cell.check(
        SourceCheck(
          id: "002-test-accuracy", source: Article.a002,
          claim: "L441–459 and L461–476: 'Test accuracy: 0.9123' on a test set of 200 samples", stated: [0.9123],
          computed: [accuracy], tolerance: 0.00005,
          note:
            "With 200 samples accuracy moves in steps of 1/200 = 0.005, so 0.9123 is impossible; the report's own "
            + "recalls and supports give \(Int(truePositives.reduce(0, +)))/200 (computed), which the report's accuracy row, 0.91, agrees with."
        ))
      cell.check(
        SourceCheck(
          id: "002-report-precision", source: Article.a002,
          claim: "L461–476: precision 0.90 for class 0 and 0.92 for class 1 (recall 0.88 and 0.94, support 100 each)",
          stated: precision, computed: impliedPrecision, tolerance: 0.005,
          note:
            "Inconsistent: the recalls fix the confusion matrix, and it gives these precisions (computed). The stated "
            + "ones cannot come from any 2×2 matrix with those recalls and supports."))
      let f1 = zip(precision, recall).map { 2 * $0 * $1 / ($0 + $1) }
      cell.check(
        SourceCheck(
          id: "002-report-f1", source: Article.a002,
          claim: "L461–476: F1 0.89 and 0.93, 'the harmonic mean of precision and recall' (L668–676)",
          stated: [0.89, 0.93], computed: f1, tolerance: 0.005,
          note:
            "Correct from the stated precision and recall (computed: 2PR/(P + R)) — but those precisions are themselves inconsistent."
        ))

      // The article's own architecture is the chapter's mean-pooling model.
      guard let articleModel = facts.model("mean pooling") else { return }
      let auc = rocAUCs(probabilities: articleModel.0.testProbabilities, labels: facts.test.map(\.label))
      cell.check(
        SourceCheck(
          id: "002-auc", source: Article.a002, claim: "L478–484: ROC AUC 0.945 for class 0 and 0.965 for class 1",
          stated: [0.945, 0.965], computed: auc, verdict: .disagrees,
          note:
            "For a binary classifier the two are one number: P(class-0 score of a class-0 sample > that of a class-1 "
            + "sample) with score₀ = 1 − score₁ is the same event as for class 1 (computed for the chapter's \(articleModel.0.model.name) model, the article's architecture: "
            + "class 0, class 1). Different values would need two different classifiers."))

      var rng = cell.generator("listing")
      let listing = MeanPooling(vocabulary: 10_000, using: &rng)
      let attentionLayers = Mirror(reflecting: listing).children.filter {
        $0.value is MultiHeadAttention || $0.value is TransformerBlock || $0.value is AttentionPooling
      }.count
      cell.check(
        SourceCheck(
          id: "002-transformer-claim", source: Article.a002,
          claim:
            "L303, L436 and L503–512: 'a text-classification task based on the Transformer model'; the 'Transformer model' scores 0.9123",
          stated: "Transformer", computed: [Double(attentionLayers)], verdict: .disagrees,
          note:
            "The listing has no attention layer (computed: the number of attention or transformer layers in the model "
            + "it builds): it is an embedding-averaging model, the chapter's 'mean pooling'."))
      let impliedPrecisionOfComparison = 0.9284 * 0.9450 / (2 * 0.9450 - 0.9284)
      cell.check(
        SourceCheck(
          id: "002-comparison-recall", source: Article.a002,
          claim: "L503–512: on the same test set the deep model has accuracy 0.9123, recall 0.9450, F1 0.9284",
          stated: [0.9450], computed: [recall[0], recall[1], (recall[0] + recall[1]) / 2], verdict: .disagrees,
          note:
            "The report for the same model gives recalls 0.88 and 0.94 and a macro average of 0.91 (computed from it); "
            + "no class has 0.9450. The F1 of the comparison implies a precision of "
            + "\(Format.number(impliedPrecisionOfComparison, digits: 4)), not the report's 0.90 or 0.92."))

      // L486–501: the 'misclassified samples'.
      let sentences = ["This is a great product.", "I don't like this movie.", "The food was terrible."]
      let majority = sentences.map { s -> Double in
        let votes = (facts.probes[s] ?? []).filter { $0 > 0.5 }.count
        return votes * 2 > facts.trained.count ? 1 : 0
      }
      cell.check(
        SourceCheck(
          id: "002-misclassified", source: Article.a002,
          claim:
            "L486–501: misclassified: 'This is a great product.' predicted 1 (actual 0); 'I don't like this movie.' and 'The food was terrible.' predicted 0 (actual 1)",
          stated: [0.0, 1, 1], computed: majority, verdict: .ambiguous,
          note:
            "The 'actual' labels look swapped, not the predictions: with 1 = positive, as in the article's sigmoid output, "
            + "all three predictions are right. The chapter's models, by majority, say \(majority.map { Int($0) }) (computed), "
            + "the article's predictions."))

      let (trained, confusion) = articleModel
      cell.check(
        SourceCheck(
          id: "002-metric-definitions", source: Article.a002,
          claim:
            "L668–676: accuracy = correct/all; recall = correct positives/all positives; precision = correct positives/predicted positives; F1 = harmonic mean",
          stated: "the standard definitions",
          computed: [confusion.accuracy, confusion.recall(1), confusion.precision(1), confusion.f1(1)],
          verdict: .agrees,
          note:
            "Correct: the definitions used in this chapter's confusion cell (computed for \(trained.model.name): accuracy, "
            + "recall, precision, F1 of the positive class)."))
    }
  }

  /// Article 000's BERT listing (L425–594) and the sources' parameter counts.
  func bertChecks(_ notebook: Notebook, _ facts: ChapterFacts) {
    notebook.cell("source-bert", "Article 000's BERT classifier and the sources on BERT's size") { cell in
      // The printed prediction (L567–594): rows are sentences, columns classes 0 and 1.
      let printed = Tensor([[0.9021, 0.0979], [0.0975, 0.9025]])
      let rows = printed.rows
      let classes = rows.map { row in Double(row.indices.max { row[$0] < row[$1] }!) }
      cell.line(
        "printed softmax rows sum to \(Format.vector(printed.sum(axis: 1).scalars, digits: 5)); the larger entry is in column \(classes.map { Int($0) })"
      )
      cell.check(
        SourceCheck(
          id: "000-bert-prediction", source: Article.a000,
          claim:
            "L567–594: [[0.9021 0.0979] [0.0975 0.9025]] means 'the first sentence belongs to class 1 with probability 0.9021, the second to class 0 with 0.9025'",
          stated: [1.0, 0], computed: classes, verdict: .disagrees,
          note:
            "Column j of a softmax output is class j: the first sentence is class 0 with 0.9021 and the second class 1 "
            + "with 0.9025 (computed: the argmax of each row). The article names the other class in both rows: the "
            + "columns are swapped, not counted from 1 (which would make the second sentence class 2)."))
      cell.check(
        SourceCheck(
          id: "000-bert-pooler", source: Article.a000,
          claim: "L525: pooler_output is 'global average pooling of the BERT output'", stated: [0.0],
          computed: [Double(facts.bert.pooler)], verdict: .disagrees,
          note:
            "Average pooling has no parameters (stated); BERT's pooler_output is tanh(W·h_[CLS] + b), the first token's "
            + "final vector through a dense layer with \(facts.bert.pooler) parameters in BERT-base (computed)."))
      let (batch, maxLength, classCount) = (32, 128, 2)
      cell.check(
        SourceCheck(
          id: "000-bert-fit", source: Article.a000,
          claim:
            "L425–487: model.fit(train_encodings['input_ids'], train_encodings['attention_mask'], batch_size=32, …)",
          stated: [Double(batch), Double(maxLength)], computed: [Double(batch), Double(classCount)],
          verdict: .disagrees,
          note:
            "Keras's fit(x, y, …) takes the targets second: here the attention mask becomes the labels of a model "
            + "whose output is [32, 2] per batch (computed). The mask is [32, L] per batch, L the longest training text "
            + "(padding=True pads to the longest, truncation at max_length 128 (stated) caps it). The labels are never "
            + "passed, and the model's two inputs need a list [ids, mask] as x."))
      cell.check(
        SourceCheck(
          id: "000-bert-size", source: Article.a000,
          claim: "L7: GPT-3, BERT and BERT-based models 'have tens of billions [数百亿] of parameters'",
          stated: [1e10], computed: [Double(facts.bert.base), Double(facts.bert.large)], verdict: .disagrees,
          note:
            "Counted from its sizes, BERT-base has \(facts.bert.base) and BERT-large \(facts.bert.large) parameters "
            + "(computed): hundreds of millions, not tens of billions; GPT-3, with 175 billion (Brown et al. 2020), "
            + "is above tens of billions."))
      cell.check(
        SourceCheck(
          id: "002-bert-size", source: Article.a002,
          claim:
            "L29: 'GPT-3, BERT, Turing, etc.' have 'hundreds of millions or even hundreds of billions' of parameters",
          stated: [1e8, 1e11], computed: [Double(facts.bert.base), Double(facts.bert.large)], verdict: .agrees,
          note:
            "Correct for BERT: \(facts.bert.base) and \(facts.bert.large) parameters (computed), hundreds of millions.")
      )
    }
  }
}
