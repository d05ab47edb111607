// MaxPooling.swift — a kernel: max pooling over windows side by side, in one pass.
//
// Why: the definition (pool2dByPatches) copies every window into a row, takes the max along it,
// and builds a mask of the winners with a comparison and a division; for the CNN of chapter 11 that
// was a quarter of a training step. Here each window is read in place. The values and gradients
// are the definition's: the max of the window (NaN if any value is NaN), and in backward each of
// the window's w winners (values equal to the max) receives g · (1/w), the others 0.

/// Max pooling of `x` `[B, H, W, C]` over `size` windows with stride `size`: `[B, H/kh, W/kw, C]`
/// (rows and columns that do not fill a window are dropped, as in the definition).
func maxPoolSideBySide(_ x: Tensor, size: (Int, Int)) -> Tensor {
  let (b, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
  let (kh, kw) = size
  let (ho, wo) = (h / kh, w / kw)
  var values = [Double](repeating: -.infinity, count: b * ho * wo * c)
  // For the backward pass: each input position's window (output index, or −1), and its share.
  var window = [Int](repeating: -1, count: x.count)
  var share = [Double](repeating: 0, count: x.count)
  let tracked = isRecordingGradients && x.requiresGrad
  var sawNaN = [Bool](repeating: false, count: c)
  var winners = [Double](repeating: 0, count: c)
  x.scalars.withUnsafeBufferPointer { xBuffer in
    values.withUnsafeMutableBufferPointer { valuesBuffer in
      window.withUnsafeMutableBufferPointer { windowBuffer in
        share.withUnsafeMutableBufferPointer { shareBuffer in
          sawNaN.withUnsafeMutableBufferPointer { nanBuffer in
            winners.withUnsafeMutableBufferPointer { winnersBuffer in
              let (x, y, windowOf, shareOf) = (
                xBuffer.baseAddress!, valuesBuffer.baseAddress!, windowBuffer.baseAddress!, shareBuffer.baseAddress!
              )
              let (nan, count) = (nanBuffer.baseAddress!, winnersBuffer.baseAddress!)
              for n in 0..<b {
                for oy in 0..<ho {
                  for ox in 0..<wo {
                    let out = ((n * ho + oy) * wo + ox) * c  // this window's C outputs, contiguous
                    for j in 0..<c { (nan[j], count[j]) = (false, 0) }
                    // Pass 1: the max of each channel over the window (the channels run innermost).
                    for ky in 0..<kh {
                      for kx in 0..<kw {
                        let i = ((n * h + oy * kh + ky) * w + ox * kw + kx) * c
                        for j in 0..<c {
                          let v = x[i + j]
                          if v.isNaN { nan[j] = true } else if v > y[out + j] { y[out + j] = v }
                        }
                      }
                    }
                    for j in 0..<c where nan[j] { y[out + j] = .nan }
                    guard tracked else { continue }  // evaluation: no backward pass will need the shares
                    // Pass 2: how many values equal each max; pass 3: each position's window and share.
                    for ky in 0..<kh {
                      for kx in 0..<kw {
                        let i = ((n * h + oy * kh + ky) * w + ox * kw + kx) * c
                        for j in 0..<c where x[i + j] == y[out + j] { count[j] += 1 }
                      }
                    }
                    for ky in 0..<kh {
                      for kx in 0..<kw {
                        let i = ((n * h + oy * kh + ky) * w + ox * kw + kx) * c
                        for j in 0..<c {
                          windowOf[i + j] = out + j
                          // With a NaN no value equals the max: the definition's share is 0/0, NaN.
                          shareOf[i + j] = nan[j] ? .nan : (x[i + j] == y[out + j] ? 1 / count[j] : 0)
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  let shape = x.shape
  return Tensor.result(of: "max pool \(kh)×\(kw)", shape: [b, ho, wo, c], scalars: values, inputs: [x]) { _, g in
    [g.picked(window, shape: shape) * Tensor(shape: shape, scalars: share)]
  }
}
