package io.relata.cli;

import io.relata.model.Calibration;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a reliability diagram as a PNG: per confidence bin a bar of the share of correct answers, the diagonal a
 * perfectly calibrated model would follow, the mean confidence of each bin, and how many answers fell into it.
 */
final class ReliabilityDiagram {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 80;

    private ReliabilityDiagram() {}

    static BufferedImage draw(Calibration.Reliability reliability, String title) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;

            g.setColor(new Color(235, 235, 235));
            for (int i = 1; i < 10; i++) {
                g.drawLine(LEFT, y(i / 10.0, plotH), LEFT + plotW, y(i / 10.0, plotH));
            }
            var bins = reliability.bins();
            int binW = plotW / bins.size();
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(small);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < bins.size(); i++) {
                Calibration.Bin bin = bins.get(i);
                int x = LEFT + i * binW;
                if (bin.count() > 0) {
                    int top = y(bin.accuracy(), plotH);
                    g.setColor(new Color(70, 130, 180));
                    g.fillRect(x + 3, top, binW - 6, TOP + plotH - top);
                    g.setColor(new Color(40, 80, 120));
                    g.drawRect(x + 3, top, binW - 6, TOP + plotH - top);
                    int cy = y(bin.meanConfidence(), plotH);
                    g.setColor(new Color(200, 60, 40));
                    g.setStroke(new BasicStroke(3));
                    g.drawLine(x + 3, cy, x + binW - 3, cy);
                    g.setStroke(new BasicStroke(1));
                }
                String count = "n=" + bin.count();
                int barTop = y(bin.accuracy(), plotH);
                boolean inside = bin.count() > 0 && barTop - 4 < TOP + 14;
                g.setColor(inside ? Color.WHITE : Color.DARK_GRAY);
                int labelY = bin.count() == 0 ? TOP + plotH - 4 : inside ? barTop + 16 : barTop - 4;
                g.drawString(count, x + (binW - fm.stringWidth(count)) / 2, labelY);
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
            g.drawLine(LEFT, y(0, plotH), LEFT + plotW, y(1, plotH));
            g.setStroke(new BasicStroke(1));

            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, plotW, plotH);
            for (int i = 0; i <= 10; i++) {
                String tick = String.format(Locale.ROOT, "%.1f", i / 10.0);
                g.drawString(tick, LEFT + i * binW - fm.stringWidth(tick) / 2, TOP + plotH + 18);
                g.drawString(tick, LEFT - 8 - fm.stringWidth(tick), y(i / 10.0, plotH) + 4);
            }
            g.drawString("confidence (calibrated probability)", LEFT + plotW / 2 - 100, TOP + plotH + 40);
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.rotate(-Math.PI / 2);
            rotated.drawString("share correct", -(TOP + plotH / 2 + 40), LEFT - 45);
            rotated.dispose();

            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 25);
            g.setFont(small);
            g.drawString(String.format(Locale.ROOT, "ECE %.4f over %d candidate answers", reliability.ece(),
                    reliability.samples()), LEFT, 45);
            g.drawString("bars: share correct   red: mean confidence   dashed: perfect calibration   n: answers per bin", 12, HEIGHT - 12);
        } finally {
            g.dispose();
        }
        return image;
    }

    static void write(Calibration.Reliability reliability, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        if (!ImageIO.write(draw(reliability, title), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static int y(double value, int plotH) {
        return TOP + (int) Math.round((1 - value) * plotH);
    }
}
