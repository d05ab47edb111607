// Sentences.swift — the chapter's text: short reviews from a small grammar (the kind chapter 08
// classifies), drawn with a seeded generator. The same generator makes the unlabeled pool for
// pre-training, the labeled training sentences and the test sentences, three disjoint sets.
//
// "plain" sentences carry their sentiment in one adjective; "negation" flips it; "contrast"
// sentences hold two adjectives of opposite sentiment and the second one counts.

import Autograd

enum Grammar {
  static let positive = [
    "good", "great", "excellent", "wonderful", "lovely", "superb", "nice", "fantastic", "amazing", "enjoyable",
    "brilliant", "delightful",
  ]
  static let negative = [
    "bad", "terrible", "awful", "poor", "dull", "boring", "useless", "ugly", "disappointing", "horrible", "weak",
    "dreadful",
  ]
  static let nouns = ["food", "pizza", "room", "phone", "book", "film", "album", "service", "screen", "laptop"]

  /// Every sentence the grammar can make, with its label (1 positive, 0 negative), in a fixed order.
  static var all: [(text: String, label: Int)] {
    var sentences: [(String, Int)] = []
    for noun in nouns {
      for (label, adjectives) in [(1, positive), (0, negative)] {
        for a in adjectives {
          sentences += [
            ("the \(noun) was \(a)", label), ("what a \(a) \(noun)", label), ("this \(noun) is very \(a)", label),
            ("this is a \(a) \(noun)", label), ("the \(noun) was not \(a)", 1 - label),
            ("this \(noun) is not \(a) at all", 1 - label),
          ]
          for b in label == 1 ? negative : positive {  // b has the other sentiment, and it counts
            sentences += [
              ("i expected a \(a) \(noun) but it was \(b)", 1 - label),
              ("the \(noun) looked \(a) but it was \(b)", 1 - label),
            ]
          }
        }
      }
    }
    return sentences
  }
}

/// The words as ids: 0 is padding, 1 the [MASK] token, then the words in order of first use.
struct Vocabulary {
  static let padding = 0
  static let mask = 1
  let words: [String]
  let ids: [String: Int]

  init(_ sentences: [String]) {
    var words = ["[PAD]", "[MASK]"]
    var ids: [String: Int] = [:]
    for sentence in sentences {
      for word in sentence.split(separator: " ").map(String.init) where ids[word] == nil {
        ids[word] = words.count
        words.append(word)
      }
    }
    self.words = words
    self.ids = ids
  }

  var count: Int { words.count }
  /// The first id of a real word (after [PAD] and [MASK]).
  var firstWord: Int { 2 }
  func encode(_ sentence: String) -> [Int] { sentence.split(separator: " ").map { ids[String($0)]! } }
  func decode(_ ids: [Int]) -> String { ids.map { words[$0] }.joined(separator: " ") }
}

/// The three disjoint sets: unlabeled text for pre-training, labeled training sentences, test sentences.
struct Corpus {
  static let (unlabeledCount, labeledCount, testCount) = (3000, 400, 400)
  let vocabulary: Vocabulary
  let grammarSize: Int
  let unlabeled: [[Int]]
  let labeled: [(ids: [Int], label: Int)]
  let test: [(ids: [Int], label: Int)]
  let examples: [(text: String, label: Int)]

  init(using generator: inout SeededGenerator) {
    var sentences = Grammar.all
    grammarSize = sentences.count
    let vocabulary = Vocabulary(sentences.map(\.text))
    self.vocabulary = vocabulary
    for i in stride(from: sentences.count - 1, to: 0, by: -1) {
      sentences.swapAt(i, generator.nextInt(in: 0..<(i + 1)))
    }
    let encoded = sentences.map { (ids: vocabulary.encode($0.text), label: $0.label) }
    let (u, l, t) = (Corpus.unlabeledCount, Corpus.labeledCount, Corpus.testCount)
    unlabeled = encoded[0..<u].map(\.ids)  // the labels are dropped: pre-training never sees them
    labeled = Array(encoded[u..<(u + l)])
    test = Array(encoded[(u + l)..<(u + l + t)])
    examples = Array(sentences[u..<(u + 6)])
  }
}
