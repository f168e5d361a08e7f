// The hand-written plain-JavaScript trainer: the same MLP math as nnplay's
// core, in Float32Array loops a careful developer would write without a
// library. Rows are samples; w is inputs × units, row-major, as in nnplay.
// One step: copy the batch (samples (cursor + r) mod n), forward, head,
// backward (all gradients with the old weights), then the SGD update.
// Sums run in float64 (JavaScript numbers) and are stored as float32.

export const PLAIN_TRAINER_NOTES =
  'Float32Array storage, float64 arithmetic, loops row → unit → input with a local accumulator; ' +
  'Math.tanh; batch loss computed every step as nnplay does; no allocation inside a step';

export class PlainTrainer {
  constructor(setup, layers) {
    const B = setup.batch;
    this.B = B;
    this.lr = setup.lr;
    this.relu = setup.net.act === 'relu';
    this.softmax = setup.net.head === 'softmax_ce';
    this.train = setup.train;
    this.cursor = 0;
    this.layers = layers.map((l) => ({
      ...l,
      z: new Float32Array(B * l.units),
      a: new Float32Array(B * l.units),
      dz: new Float32Array(B * l.units),
      gw: new Float32Array(l.inputs * l.units),
      gb: new Float32Array(l.units),
    }));
    this.x = new Float32Array(B * setup.train.inputs);
    this.t = new Int32Array(B);
    this.lastLoss = NaN;
  }

  fillBatch() {
    const { x, y, n, inputs } = this.train;
    for (let r = 0; r < this.B; r++) {
      const s = this.cursor;
      this.cursor = s + 1 === n ? 0 : s + 1;
      for (let i = 0; i < inputs; i++) this.x[r * inputs + i] = x[s * inputs + i];
      this.t[r] = y[s];
    }
  }

  forward() {
    const B = this.B;
    let input = this.x;
    const last = this.layers.length - 1;
    for (let li = 0; li <= last; li++) {
      const { inputs: I, units: U, w, b, z, a } = this.layers[li];
      for (let r = 0; r < B; r++) {
        for (let j = 0; j < U; j++) {
          let v = b[j];
          for (let i = 0; i < I; i++) v += input[r * I + i] * w[i * U + j];
          z[r * U + j] = v;
          if (li < last) a[r * U + j] = this.relu ? (v > 0 ? v : 0) : Math.tanh(v);
        }
      }
      input = a;
    }
  }

  // dL/dz of the output layer, and the batch loss.
  head() {
    const B = this.B;
    const { units: U, z, dz } = this.layers[this.layers.length - 1];
    let loss = 0;
    for (let r = 0; r < B; r++) {
      if (this.softmax) {
        let m = -Infinity;
        for (let j = 0; j < U; j++) if (z[r * U + j] > m) m = z[r * U + j];
        let sum = 0;
        for (let j = 0; j < U; j++) {
          const e = Math.exp(z[r * U + j] - m);
          dz[r * U + j] = e;
          sum += e;
        }
        const k = this.t[r];
        loss += m + Math.log(sum) - z[r * U + k];
        for (let j = 0; j < U; j++) dz[r * U + j] = (dz[r * U + j] / sum - (j === k ? 1 : 0)) / B;
      } else {
        const out = Math.tanh(z[r]);
        const d = out - (this.t[r] > 0.5 ? 1 : -1);
        loss += 0.5 * d * d;
        dz[r] = (d * (1 - out * out)) / B;
      }
    }
    this.lastLoss = loss / B;
  }

  backward() {
    const B = this.B;
    for (let li = this.layers.length - 1; li >= 0; li--) {
      const { inputs: I, units: U, w, dz, gw, gb } = this.layers[li];
      const input = li === 0 ? this.x : this.layers[li - 1].a;
      for (let i = 0; i < I; i++) {
        for (let j = 0; j < U; j++) {
          let g = 0;
          for (let r = 0; r < B; r++) g += input[r * I + i] * dz[r * U + j];
          gw[i * U + j] = g;
        }
      }
      for (let j = 0; j < U; j++) {
        let g = 0;
        for (let r = 0; r < B; r++) g += dz[r * U + j];
        gb[j] = g;
      }
      if (li === 0) break;
      const prev = this.layers[li - 1];
      for (let r = 0; r < B; r++) {
        for (let i = 0; i < I; i++) {
          let g = 0;
          for (let j = 0; j < U; j++) g += dz[r * U + j] * w[i * U + j];
          const k = r * I + i;
          prev.dz[k] = this.relu ? (prev.z[k] > 0 ? g : 0) : g * (1 - prev.a[k] * prev.a[k]);
        }
      }
    }
  }

  update() {
    const lr = this.lr;
    for (const { w, b, gw, gb } of this.layers) {
      for (let k = 0; k < w.length; k++) w[k] -= lr * gw[k];
      for (let k = 0; k < b.length; k++) b[k] -= lr * gb[k];
    }
  }

  steps(count) {
    for (let s = 0; s < count; s++) {
      this.fillBatch();
      this.forward();
      this.head();
      this.backward();
      this.update();
    }
  }

  weights() {
    return this.layers.map(({ inputs, units, w, b }) => ({ inputs, units, w: w.slice(), b: b.slice() }));
  }
}
