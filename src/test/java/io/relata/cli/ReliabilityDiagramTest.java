package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.model.Calibration;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityDiagramTest {

    private static final int BAR = 0xFF4682B4;

    private static Calibration.Reliability onlyTopBinCorrect() {
        List<Calibration.Bin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bins.add(new Calibration.Bin(i / 10.0, (i + 1) / 10.0, i == 9 ? 50 : 0, i == 9 ? 0.95 : 0, i == 9 ? 1.0 : 0));
        }
        return new Calibration.Reliability(0.05, 50, bins);
    }

    @Test
    void aBinWithAnswersGetsABarToItsAccuracyAndAnEmptyBinNone() {
        BufferedImage image = ReliabilityDiagram.draw(onlyTopBinCorrect(), "test");
        // plot area: x 80..730, y 60..520, ten bins of 65 px; the last bin's bar reaches accuracy 1.0 (y = 60)
        int lastBinCentre = 80 + 9 * 65 + 32;
        int firstBinCentre = 80 + 32;
        assertThat(image.getRGB(lastBinCentre, 100)).isEqualTo(BAR);
        assertThat(image.getRGB(lastBinCentre, 500)).isEqualTo(BAR);
        assertThat(image.getRGB(firstBinCentre, 300)).isNotEqualTo(BAR);
    }

    @Test
    void writesAPngThatReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/diagram.png");
        ReliabilityDiagram.write(onlyTopBinCorrect(), "test", file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(760);
        assertThat(read.getHeight()).isEqualTo(600);
    }
}
