// Article.swift — the five source articles, by the file names source checks cite.

/// The five source articles, by the file names that `SourceCheck.source` and the chapters' texts use.
public enum Article {
  public static let a000 = "000_3b683e0d4e5ffd36.txt"
  public static let a001 = "001_12b37fad05da9f4f.txt"
  public static let a002 = "002_9ee860a63b7e337c.txt"
  public static let a003 = "003_845e7d6d8511c512.txt"
  public static let a004 = "004_ad77a2a9036ce254.txt"
}
