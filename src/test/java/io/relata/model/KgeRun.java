package io.relata.model;
import ai.djl.Device;
import java.nio.file.Path;
public class KgeRun {
  public static void main(String[] a) throws Exception {
    Dataset d = Dataset.read(Path.of(a[0]));
    TrainingSettings s = new TrainingSettings(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), 0.1f, Float.parseFloat(a[4]), 1e-3f, Boolean.parseBoolean(a[5]), 3, 5, 42L);
    try (TrainedModel m = TrainedModel.train(d.train(), d.valid(), d.entities().size(), d.relations().size(), s, Device.cpu(),
      (e, n, loss, v, sec) -> System.out.printf("epoch %d loss %.4f %.2fs %s%n", e, loss, sec, v == null ? "" : String.format("valid mrr %.3f", v.both().mrr())))) {
      var t = m.evaluate(d.test(), d.train(), d.valid(), d.test());
      System.out.printf("TEST fwd %.3f inv %.3f both %.3f h1 %.3f h10 %.3f ece(valid half) %.4f cal %s%n", t.forward().mrr(), t.inverse().mrr(), t.both().mrr(), t.both().hits1(), t.both().hits10(), m.reliability().ece(), m.calibration());
      var samples = m.calibrationSamples(d.test(), d.train(), d.valid(), d.test());
      System.out.printf("ECE on test %.4f (%d samples)%n", m.calibration().reliability(samples).ece(), samples.size());
    }
  }
}
